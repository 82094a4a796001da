//! Numbers and money for the reader's locale, or the one the page asks for.
//!
//! In the browser every number goes through the browser's own
//! `Intl.NumberFormat`, so a German reader sees `23,4643 %`. Natively (the
//! render tests) a plain English fallback stands in, written to match what
//! `Intl` gives for `en-US`.
//!
//! The locale is each widget's own (two on a page may differ): a widget's
//! [`Locale`] is in its state, and the app and each section write their
//! numbers inside [`in_locale`]. A render runs to its end before another
//! starts, so the locale a number is written in is always its widget's.

/// The ways the widget writes a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A stake to four decimals, as the cap table shows it: `23.4643%`.
    Percent4,
    /// A stake to one decimal, for the headline and the chart: `23.5%`.
    Percent1,
    /// A change in percentage points, signed, four decimals: `-3.5357`.
    Points,
    /// Money, short: three significant digits and a scale word: `$197B`.
    Money,
    /// A whole count with grouping: `270,000,000,000`.
    Count,
    /// A day, short, in the reader's order: `Apr 27, 2026` (the value is its day number).
    Day,
}

/// A locale for numbers: the reader's own (the default), or one a page asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Locale(u8);

/// The most locales one page may use; past it, numbers are in the reader's.
const MAX_LOCALES: usize = 16;

thread_local! {
    /// The locale of the render under way.
    static CURRENT: std::cell::Cell<Locale> = const { std::cell::Cell::new(Locale(0)) };
    /// The language tags of the locales in use; the first, empty, is the reader's.
    static TAGS: std::cell::RefCell<Vec<String>> = std::cell::RefCell::new(vec![String::new()]);
}

impl Locale {
    /// The reader's own locale.
    pub const READER: Locale = Locale(0);

    /// The locale of the BCP 47 `tag` (already checked by
    /// `fortress_format::view::parse_locale`), or why it cannot be used: the
    /// browser has no numbers for it.
    pub fn of(tag: &str) -> Result<Locale, String> {
        if !supported(tag) {
            return Err(format!(
                "locale: this browser has no number formats for \u{201c}{tag}\u{201d}; it is ignored."
            ));
        }
        TAGS.with(|tags| {
            let mut tags = tags.borrow_mut();
            if let Some(at) = tags.iter().position(|t| t == tag) {
                return Ok(Locale(u8::try_from(at).unwrap_or(0)));
            }
            if tags.len() >= MAX_LOCALES {
                return Err("locale: this page uses too many locales; this widget uses the reader's.".to_owned());
            }
            tags.push(tag.to_owned());
            Ok(Locale(u8::try_from(tags.len() - 1).unwrap_or(0)))
        })
    }
}

/// Runs `write` with numbers in `locale`: the app and each section render inside it.
pub fn in_locale<T>(locale: Locale, write: impl FnOnce() -> T) -> T {
    let before = CURRENT.with(|c| c.replace(locale));
    let out = write();
    CURRENT.with(|c| c.set(before));
    out
}

/// Whether the browser writes numbers for `tag`; natively, every tag falls back to `en-US`.
fn supported(tag: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let tags = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(tag));
        js_sys::Intl::NumberFormat::supported_locales_of(&tags, &js_sys::Object::new()).length() > 0
    }
    #[cfg(not(target_arch = "wasm32"))]
    !tag.is_empty()
}

/// A stake of `percent` (0 to 100) in the given percent style.
pub fn percent(percent: f64, style: Style) -> String {
    format(percent / 100.0, style)
}

/// A change of `points` percentage points, with its sign.
pub fn points(points: f64) -> String {
    format(points, Style::Points)
}

/// Whole dollars, short: `$197B`, `$1.2T`.
#[allow(clippy::cast_precision_loss)]
pub fn money(dollars: u128) -> String {
    format(dollars as f64, Style::Money)
}

/// A whole count of shares.
#[allow(clippy::cast_precision_loss)]
pub fn count(n: u128) -> String {
    format(n as f64, Style::Count)
}

/// A calendar day for the reader: `Apr 27, 2026` in `en-US`, `27 Apr 2026` in `en-GB`.
pub fn date(date: fortress_core::Date) -> String {
    format(f64::from(date.day_number()), Style::Day)
}

/// The text of `value` in `style`: from the cache when this value was written
/// in this style lately, else from the browser's `Intl` (natively, the
/// fallback).
fn format(value: f64, style: Style) -> String {
    let locale = CURRENT.with(std::cell::Cell::get);
    cached(value, style, locale, intl)
}

/// How many texts [`cached`] keeps: a step's table, headline, chart and map
/// write about seventy numbers.
const CACHE_SLOTS: usize = 256;

/// Texts already written, by style and value. Most numbers of a step are the
/// same as the step before's (the starting table, the totals before, the
/// cheques that did not move), and a hit costs no call into the browser. The
/// locale does not change while the page is open, so a text never goes stale.
/// Direct-mapped: a slot holds the last value that hashed to it.
fn cached(value: f64, style: Style, locale: Locale, make: fn(f64, Style, Locale) -> String) -> String {
    use std::cell::RefCell;

    type Slot = Option<(Style, Locale, u64, String)>;
    thread_local! {
        static TEXTS: RefCell<Vec<Slot>> = RefCell::new(vec![None; CACHE_SLOTS]);
    }
    let bits = value.to_bits();
    let hash = (bits ^ ((style as u64) << 59) ^ (u64::from(locale.0) << 52)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    #[allow(clippy::cast_possible_truncation)]
    let index = (hash >> 56) as usize % CACHE_SLOTS;
    TEXTS.with(|texts| {
        let mut texts = texts.borrow_mut();
        let Some(slot) = texts.get_mut(index) else {
            return make(value, style, locale);
        };
        match slot {
            Some((s, l, b, text)) if *s == style && *l == locale && *b == bits => text.clone(),
            _ => {
                let text = make(value, style, locale);
                *slot = Some((style, locale, bits, text.clone()));
                text
            }
        }
    })
}

#[cfg(target_arch = "wasm32")]
fn intl(value: f64, style: Style, locale: Locale) -> String {
    use js_sys::{Array, Function, Intl};
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    const STYLES: usize = 6;
    thread_local! {
        /// Each locale's formatter of each style, made on first use.
        static FORMATTERS: RefCell<Vec<Option<Function>>> = const { RefCell::new(Vec::new()) };
    }

    fn formatter(style: Style, locale: Locale) -> Function {
        // The reader's locale is Intl's default (no tag); another is its tag.
        let tag = TAGS.with(|tags| tags.borrow().get(usize::from(locale.0)).cloned().unwrap_or_default());
        let locales = if tag.is_empty() { Array::new() } else { Array::of1(&JsValue::from_str(&tag)) };
        if style == Style::Day {
            let options = Intl::DateTimeFormatOptions::new();
            options.set_day(Intl::DayFormat::Numeric);
            options.set_month(Intl::MonthFormat::Short);
            options.set_year(Intl::YearFormat::Numeric);
            options.set_time_zone("UTC");
            return Intl::DateTimeFormat::new(&locales, &options).format();
        }
        let options = Intl::NumberFormatOptions::new();
        match style {
            Style::Percent4 | Style::Percent1 => {
                let digits = if style == Style::Percent4 { 4 } else { 1 };
                options.set_style(Intl::NumberFormatStyle::Percent);
                options.set_minimum_fraction_digits(digits);
                options.set_maximum_fraction_digits(digits);
            }
            Style::Points => {
                options.set_minimum_fraction_digits(4);
                options.set_maximum_fraction_digits(4);
                options.set_sign_display(Intl::SignDisplay::ExceptZero);
            }
            Style::Money => {
                options.set_style(Intl::NumberFormatStyle::Currency);
                options.set_currency("USD");
                options.set_notation(Intl::NumberFormatNotation::Compact);
                options.set_maximum_significant_digits(3);
            }
            Style::Count => options.set_maximum_fraction_digits(0),
            Style::Day => {}
        }
        Intl::NumberFormat::new(&locales, &options).format()
    }

    FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let at = usize::from(locale.0) * STYLES + style as usize;
        if cache.len() <= at {
            cache.resize(at + 1, None);
        }
        // (Never empty after the resize. No fallback here: it would link Rust's float formatting,
        // some 8 KB of wasm, which Intl makes unnecessary in the browser.)
        let Some(slot) = cache.get_mut(at) else { return String::new() };
        let format = slot.get_or_insert_with(|| formatter(style, locale));
        let value = if style == Style::Day { JsValue::from(day_to_js(value)) } else { JsValue::from_f64(value) };
        format.call1(&JsValue::NULL, &value).ok().and_then(|v| v.as_string()).unwrap_or_default()
    })
}

/// A day number (days from 1900-01-01) as a JavaScript date at midnight UTC.
#[cfg(target_arch = "wasm32")]
fn day_to_js(day: f64) -> js_sys::Date {
    // 1900-01-01 is 25,567 days before the Unix epoch.
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64((day - 25_567.0) * 86_400_000.0))
}

#[cfg(not(target_arch = "wasm32"))]
fn intl(value: f64, style: Style, _locale: Locale) -> String {
    fallback(value, style)
}

/// The `en-US` shapes of each style, without `Intl`.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn fallback(value: f64, style: Style) -> String {
    match style {
        Style::Percent4 => format!("{:.4}%", value * 100.0),
        Style::Percent1 => format!("{:.1}%", value * 100.0),
        Style::Points if value.abs() < 0.00005 => "0.0000".to_owned(),
        Style::Points if value > 0.0 => format!("+{value:.4}"),
        Style::Points => format!("{value:.4}"),
        Style::Money => money_fallback(value),
        Style::Count => group(&format!("{value:.0}")),
        Style::Day => day_fallback(value),
    }
}

#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn day_fallback(day: f64) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match fortress_core::Date::from_day_number(day as u32) {
        Some(d) => format!("{} {}, {}", MONTHS.get(usize::from(d.month()) - 1).unwrap_or(&""), d.day(), d.year()),
        None => String::new(),
    }
}

#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn money_fallback(dollars: f64) -> String {
    let scales = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")];
    let (amount, suffix) =
        scales.iter().find(|(s, _)| dollars >= *s).map_or((dollars, ""), |(s, name)| (dollars / s, *name));
    // Three significant digits, trailing zeros dropped, as Intl's compact notation writes them.
    let decimals = if amount >= 100.0 {
        0
    } else if amount >= 10.0 {
        1
    } else {
        2
    };
    let text = format!("{amount:.decimals$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    format!("${text}{suffix}")
}

#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn group(digits: &str) -> String {
    let (sign, digits) = digits.strip_prefix('-').map_or(("", digits), |d| ("-", d));
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_matches_intl_en_us() {
        let cases = [
            (percent(23.464_285_7, Style::Percent4), "23.4643%"),
            (percent(27.0, Style::Percent1), "27.0%"),
            (points(-3.535_714), "-3.5357"),
            (points(5.952_38), "+5.9524"),
            (points(0.0), "0.0000"),
            (money(197_100_000_000), "$197B"),
            (money(840_000_000_000), "$840B"),
            (money(50_000_000_000), "$50B"),
            (money(1_234_000_000_000), "$1.23T"),
            (money(12_500_000), "$12.5M"),
            (money(999), "$999"),
            (count(270_000_000_000), "270,000,000,000"),
            (count(999), "999"),
            (count(1_000), "1,000"),
            (date(fortress_core::Date::new(2026, 4, 27).unwrap()), "Apr 27, 2026"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn the_cache_gives_each_value_its_own_text() {
        // Far more values than slots, so that slots are shared and replaced; asked twice over, in
        // two styles whose texts differ, every answer must be that value's own text.
        let values: Vec<f64> = (0..3 * CACHE_SLOTS).map(|i| i as f64 * 0.37).collect();
        for _ in 0..2 {
            for &v in &values {
                for style in [Style::Points, Style::Count] {
                    assert_eq!(cached(v, style, Locale::READER, intl), fallback(v, style), "{v} in {style:?}");
                }
            }
        }
        // A value cached in one style is not handed out for another.
        assert_eq!(cached(0.25, Style::Percent1, Locale::READER, intl), "25.0%");
        assert_eq!(cached(0.25, Style::Percent4, Locale::READER, intl), "25.0000%");
        // Nor for another locale: its text is made anew (natively, in the same en-US fallback).
        let german = Locale::of("de-DE").unwrap();
        assert_ne!(german, Locale::READER);
        assert_eq!(Locale::of("de-DE"), Ok(german), "a tag is one locale");
        assert_eq!(in_locale(german, || percent(25.0, Style::Percent4)), "25.0000%");
    }
}
