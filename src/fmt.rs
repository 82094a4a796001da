//! Numbers and money for the reader's locale.
//!
//! In the browser every number goes through the browser's own
//! `Intl.NumberFormat`, so a German reader sees `23,4643 %`. Natively (the
//! render tests) a plain English fallback stands in, written to match what
//! `Intl` gives for `en-US`.

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
    cached(value, style, intl)
}

/// How many texts [`cached`] keeps: a step's table, headline, chart and map
/// write about seventy numbers.
const CACHE_SLOTS: usize = 256;

/// Texts already written, by style and value. Most numbers of a step are the
/// same as the step before's (the starting table, the totals before, the
/// cheques that did not move), and a hit costs no call into the browser. The
/// locale does not change while the page is open, so a text never goes stale.
/// Direct-mapped: a slot holds the last value that hashed to it.
fn cached(value: f64, style: Style, make: fn(f64, Style) -> String) -> String {
    use std::cell::RefCell;

    type Slot = Option<(Style, u64, String)>;
    thread_local! {
        static TEXTS: RefCell<Vec<Slot>> = RefCell::new(vec![None; CACHE_SLOTS]);
    }
    let bits = value.to_bits();
    let hash = (bits ^ ((style as u64) << 59)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    #[allow(clippy::cast_possible_truncation)]
    let index = (hash >> 56) as usize % CACHE_SLOTS;
    TEXTS.with(|texts| {
        let mut texts = texts.borrow_mut();
        let Some(slot) = texts.get_mut(index) else {
            return make(value, style);
        };
        match slot {
            Some((s, b, text)) if *s == style && *b == bits => text.clone(),
            _ => {
                let text = make(value, style);
                *slot = Some((style, bits, text.clone()));
                text
            }
        }
    })
}

#[cfg(target_arch = "wasm32")]
fn intl(value: f64, style: Style) -> String {
    use js_sys::{Array, Function, Intl};
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    thread_local! {
        static FORMATTERS: RefCell<[Option<Function>; 6]> =
            const { RefCell::new([None, None, None, None, None, None]) };
    }

    fn formatter(style: Style) -> Function {
        if style == Style::Day {
            let options = Intl::DateTimeFormatOptions::new();
            options.set_day(Intl::DayFormat::Numeric);
            options.set_month(Intl::MonthFormat::Short);
            options.set_year(Intl::YearFormat::Numeric);
            options.set_time_zone("UTC");
            return Intl::DateTimeFormat::new(&Array::new(), &options).format();
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
        Intl::NumberFormat::new(&Array::new(), &options).format()
    }

    FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let Some(slot) = cache.get_mut(style as usize) else {
            return fallback(value, style);
        };
        let format = slot.get_or_insert_with(|| formatter(style));
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
fn intl(value: f64, style: Style) -> String {
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
                    assert_eq!(cached(v, style, fallback), fallback(v, style), "{v} in {style:?}");
                }
            }
        }
        // A value cached in one style is not handed out for another.
        assert_eq!(cached(0.25, Style::Percent1, fallback), "25.0%");
        assert_eq!(cached(0.25, Style::Percent4, fallback), "25.0000%");
    }
}
