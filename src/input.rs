//! What a reader types, read exactly: decimal text into whole units, with a
//! plain sentence for every mistake. No yew here, and no floats.

use fortress_core::{Date, Dollars, Percent};

/// Billions of dollars, the unit of every money control.
pub const DOLLARS_PER_BILLION: i128 = 1_000_000_000;

/// The largest cheque a reader may type, in billions ($5 trillion).
pub const MAX_AMOUNT_BILLIONS: i128 = 5_000;
/// The largest valuation a reader may type, in billions ($100 trillion).
pub const MAX_VALUATION_BILLIONS: i128 = 100_000;

/// Why a typed number was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing was typed.
    Empty,
    /// The text is not a plain decimal number.
    NotANumber,
    /// The number is below zero.
    Negative,
}

/// Reads a plain decimal such as `50`, `12.5` or `12,5` into units of
/// `10^-scale`, rounding half up past `scale` decimals. Spaces around the
/// number and a leading `+` are allowed; grouping separators are not, since
/// `1,000` could mean one thousand or one.
pub fn parse_decimal(text: &str, scale: u32) -> Result<i128, NumberError> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, digits) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = match digits.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (digits, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return Err(NumberError::NotANumber);
    }
    // Twenty whole digits is far beyond any bound the controls accept, and keeps i128 safe.
    if whole.trim_start_matches('0').len() > 20 {
        return Err(if negative { NumberError::Negative } else { NumberError::NotANumber });
    }
    let mut units: i128 = 0;
    for b in whole.bytes() {
        units = units * 10 + i128::from(b - b'0');
    }
    let mut round_up = false;
    for (i, b) in (0u32..).zip(fraction.bytes()) {
        let digit = i128::from(b - b'0');
        if i < scale {
            units = units * 10 + digit;
        } else {
            round_up = i == scale && digit >= 5;
            break;
        }
    }
    let kept = u32::try_from(fraction.len()).unwrap_or(u32::MAX).min(scale);
    units *= 10i128.pow(scale - kept);
    units += i128::from(round_up);
    if negative && units != 0 {
        return Err(NumberError::Negative);
    }
    Ok(units)
}

/// A cheque typed in billions of dollars: more than 0, at most [`MAX_AMOUNT_BILLIONS`].
///
/// ```
/// use fortress_widget::input::amount;
/// assert_eq!(amount("50").map(|d| d.0), Ok(50_000_000_000));
/// assert!(amount("abc").is_err());
/// ```
pub fn amount(text: &str) -> Result<Dollars, String> {
    billions(text, MAX_AMOUNT_BILLIONS)
}

/// A valuation typed in billions of dollars: more than 0, at most [`MAX_VALUATION_BILLIONS`].
pub fn valuation(text: &str) -> Result<Dollars, String> {
    billions(text, MAX_VALUATION_BILLIONS)
}

fn billions(text: &str, max: i128) -> Result<Dollars, String> {
    let dollars = parse_decimal(text, 9).map_err(|e| number_message(e, text, "an amount in billions of dollars"))?;
    // Written as an `i64`, so that no `i128` formatting is linked; both bounds fit.
    let max_shown = i64::try_from(max).unwrap_or(i64::MAX);
    if dollars == 0 || dollars > max * DOLLARS_PER_BILLION {
        return Err(format!("Must be more than 0 and at most {max_shown} ($B)."));
    }
    i64::try_from(dollars).map(Dollars).map_err(|_| format!("Must be at most {max_shown} ($B)."))
}

/// A percentage typed as 0 to 100, kept to six decimals.
///
/// ```
/// use fortress_widget::input::percent;
/// assert_eq!(percent("23.4643").map(|p| p.micros()), Ok(23_464_300));
/// assert!(percent("120").is_err());
/// ```
pub fn percent(text: &str) -> Result<Percent, String> {
    let micros = parse_decimal(text, 6).map_err(|e| number_message(e, text, "a percentage"))?;
    if micros > i128::from(Percent::HUNDRED_MICROS) {
        return Err("Must be between 0 and 100%.".to_owned());
    }
    i64::try_from(micros).map(Percent::from_micros).map_err(|_| "Must be between 0 and 100%.".to_owned())
}

/// A multiple (a liquidation preference, a cap) typed as 0 to 100, kept to six decimals.
///
/// ```
/// use fortress_widget::input::multiple;
/// assert_eq!(multiple("1.5").map(|m| m.micros()), Ok(1_500_000));
/// assert!(multiple("120").is_err() && multiple("x").is_err());
/// ```
#[cfg(feature = "full")]
pub fn multiple(text: &str) -> Result<fortress_core::Multiple, String> {
    let micros = parse_decimal(text, 6).map_err(|e| number_message(e, text, "a multiple"))?;
    if micros > 100_000_000 {
        return Err("Must be between 0 and 100 (times the price paid).".to_owned());
    }
    i64::try_from(micros)
        .map(fortress_core::Multiple::from_micros)
        .map_err(|_| "Must be between 0 and 100 (times the price paid).".to_owned())
}

/// A multiple as a number box shows it.
#[cfg(feature = "full")]
pub fn plain_multiple(multiple: fortress_core::Multiple) -> String {
    plain(i128::from(multiple.micros()), 6)
}

/// How a date control reports its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateEntry {
    /// A date slider's value: days since 1900-01-01.
    Day(String),
    /// A date box's value: `YYYY-MM-DD`, or empty while the date is incomplete.
    Iso(String),
}

/// Reads a date from a slider or a date box.
///
/// ```
/// use fortress_widget::input::{date, DateEntry};
/// let day = date(&DateEntry::Iso("2026-04-27".into())).unwrap();
/// assert_eq!(date(&DateEntry::Day(day.day_number().to_string())), Ok(day));
/// ```
pub fn date(entry: &DateEntry) -> Result<Date, String> {
    match entry {
        DateEntry::Day(text) => text
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(Date::from_day_number)
            .ok_or_else(|| "Not a day this widget knows.".to_owned()),
        DateEntry::Iso(text) if text.trim().is_empty() => Err("Enter a full date: day, month and year.".to_owned()),
        DateEntry::Iso(text) => {
            Date::parse(text.trim()).ok_or_else(|| "Not a date between 1900 and 2999 (YYYY-MM-DD).".to_owned())
        }
    }
}

/// The text of a date entry as the date box shows it.
pub fn entry_iso(entry: &DateEntry) -> String {
    match entry {
        DateEntry::Iso(text) => text.clone(),
        DateEntry::Day(_) => date(entry).map(|d| d.to_string()).unwrap_or_default(),
    }
}

fn number_message(error: NumberError, text: &str, what: &str) -> String {
    match error {
        NumberError::Empty => format!("Enter {what}."),
        NumberError::Negative => "Must not be negative.".to_owned(),
        NumberError::NotANumber => {
            let shown: String = text.trim().chars().take(20).collect();
            format!("\u{201c}{shown}\u{201d} is not a number. Type digits, such as 50 or 12.5.")
        }
    }
}

/// Writes `units` of `10^-scale` as a plain decimal with no trailing zeros:
/// the text a number box and a slider take. `scale` is at most 30.
///
/// ```
/// use fortress_widget::input::plain;
/// assert_eq!(plain(50_000_000_000, 9), "50");
/// assert_eq!(plain(23_464_300, 6), "23.4643");
/// assert_eq!(plain(-1_500, 3), "-1.5");
/// ```
pub fn plain(units: i128, scale: u32) -> String {
    // The core's exact decimal writes the same text, without linking `u128` formatting.
    fortress_core::Decimal::new(units, scale).to_string()
}

/// Dollars in billions, as a number box shows them.
pub fn plain_billions(dollars: Dollars) -> String {
    plain(i128::from(dollars.0), 9)
}

/// A percentage as a number box shows it.
pub fn plain_percent(percent: Percent) -> String {
    plain(i128::from(percent.micros()), 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_exactly() {
        let cases: &[(&str, u32, Result<i128, NumberError>)] = &[
            ("50", 9, Ok(50_000_000_000)),
            (" 12.5 ", 9, Ok(12_500_000_000)),
            ("12,5", 9, Ok(12_500_000_000)),
            ("+7", 0, Ok(7)),
            (".5", 1, Ok(5)),
            ("5.", 1, Ok(50)),
            ("0.0000005", 6, Ok(1)),
            ("0.0000004", 6, Ok(0)),
            ("23.4643", 6, Ok(23_464_300)),
            ("-0", 2, Ok(0)),
            ("", 2, Err(NumberError::Empty)),
            ("  ", 2, Err(NumberError::Empty)),
            ("abc", 2, Err(NumberError::NotANumber)),
            ("1,000.5", 2, Err(NumberError::NotANumber)),
            ("1e9", 2, Err(NumberError::NotANumber)),
            (".", 2, Err(NumberError::NotANumber)),
            ("--5", 2, Err(NumberError::NotANumber)),
            ("-5", 2, Err(NumberError::Negative)),
            ("\u{2212}5", 2, Err(NumberError::Negative)),
            ("99999999999999999999999", 9, Err(NumberError::NotANumber)),
            ("٣", 0, Err(NumberError::NotANumber)),
        ];
        for (text, scale, want) in cases {
            assert_eq!(parse_decimal(text, *scale), *want, "{text:?}");
        }
    }

    #[test]
    fn controls_name_what_is_wrong() {
        let cases: &[(&str, Result<i64, &str>)] = &[
            ("50", Ok(50_000_000_000)),
            ("0.5", Ok(500_000_000)),
            ("abc", Err("\u{201c}abc\u{201d} is not a number. Type digits, such as 50 or 12.5.")),
            ("-5", Err("Must not be negative.")),
            ("0", Err("Must be more than 0 and at most 5000 ($B).")),
            ("5001", Err("Must be more than 0 and at most 5000 ($B).")),
            ("", Err("Enter an amount in billions of dollars.")),
        ];
        for (text, want) in cases {
            let got = amount(text).map(|d| d.0);
            assert_eq!(got.as_ref().map_err(String::as_str), want.as_ref().map_err(|e| *e), "{text:?}");
        }
        assert_eq!(percent("100").map(|p| p.micros()), Ok(100_000_000));
        assert_eq!(percent("100.0000001").map(|p| p.micros()), Ok(100_000_000));
        assert_eq!(percent("100.000001"), Err("Must be between 0 and 100%.".to_owned()));
        assert_eq!(valuation("730").map(|d| d.0), Ok(730_000_000_000));
        assert!(valuation("100001").is_err());
    }

    #[test]
    fn dates_from_sliders_and_boxes() {
        assert_eq!(date(&DateEntry::Iso(String::new())), Err("Enter a full date: day, month and year.".to_owned()));
        assert!(date(&DateEntry::Iso("2026-02-30".into())).is_err());
        assert!(date(&DateEntry::Day("-1".into())).is_err());
        assert!(date(&DateEntry::Day("9999999".into())).is_err());
        assert_eq!(entry_iso(&DateEntry::Day("0".into())), "1900-01-01");
    }

    #[test]
    fn plain_text_round_trips() {
        for (units, scale) in [(0, 6), (1, 6), (27_000_000, 6), (12_500_000_000, 9), (999_999_999, 9)] {
            assert_eq!(parse_decimal(&plain(units, scale), scale), Ok(units));
        }
    }
}
