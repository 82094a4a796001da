//! Numbers as the files that travel write them (the picture, the static
//! summary of an embed), in en-US style, from integers only: a stake to one
//! decimal (`23.5%`), a change in points (`-3.5`), money in short form
//! (`$197B`). The widget writes its numbers with the browser's `Intl` in the
//! reader's locale; a file says the same thing everywhere, in the shapes
//! `Intl` gives for `en-US`.

use crate::figures;

/// A stake of `shares` in `total`, to one decimal, rounded half up: `23.5%`;
/// an em dash when there is no total.
///
/// ```
/// assert_eq!(fortress_format::numbers::percent(270_000_000_000, 1_150_684_931_504), "23.5%");
/// assert_eq!(fortress_format::numbers::percent(27, 100), "27.0%");
/// ```
pub fn percent(shares: u128, total: u128) -> String {
    figures::stake(shares, total, 1).map_or_else(|| "\u{2014}".to_owned(), |text| text + "%")
}

/// The change from a stake of `before` to one of `after`, each in
/// millionths of a point, in points to one decimal, rounded half away from
/// zero, signed: `-3.5`, `+6.0`, `0.0`.
///
/// ```
/// assert_eq!(fortress_format::numbers::points(27_000_000, 23_464_286), "-3.5");
/// ```
pub fn points(before: u128, after: u128) -> String {
    let (sign, micros) = if after >= before { ("+", after - before) } else { ("-", before - after) };
    let tenths = micros / 100_000 + u128::from(micros % 100_000 >= 50_000);
    if tenths == 0 {
        return "0.0".to_owned();
    }
    format!("{sign}{}", figures::fixed(tenths, 1))
}

/// Whole dollars in short form, three significant digits at most, rounded
/// half up, with a scale word as `Intl`'s compact notation writes them:
/// `$197B`, `$1.23T`, `$12.5M`, `$1.5K`, `$999`.
///
/// ```
/// assert_eq!(fortress_format::numbers::money(197_100_000_001), "$197B");
/// assert_eq!(fortress_format::numbers::money(999_500_000_000), "$1T");
/// ```
pub fn money(dollars: u128) -> String {
    const SCALES: [(u128, &str); 4] = [(1_000, "K"), (1_000_000, "M"), (1_000_000_000, "B"), (1_000_000_000_000, "T")];
    // The largest scale at or below the amount; the next one up when rounding reaches 1,000 of it.
    let mut scale = SCALES.iter().rposition(|&(unit, _)| dollars >= unit);
    loop {
        let Some(&(unit, word)) = scale.and_then(|i| SCALES.get(i)) else {
            return format!("${}", group(&dollars.to_string()));
        };
        let whole_digits = digits(dollars / unit);
        let decimals = 3u32.saturating_sub(whole_digits);
        let ten = 10u128.pow(decimals);
        // Half up: (2 * dollars * ten + unit) / (2 * unit); past any real amount, the digits as they are.
        let Some(units) = dollars.checked_mul(ten * 2).and_then(|d| d.checked_add(unit)).map(|d| d / (unit * 2)) else {
            return format!("${}", group(&dollars.to_string()));
        };
        if units >= 1_000 * ten && scale.is_some_and(|i| i + 1 < SCALES.len()) {
            scale = scale.map(|i| i + 1);
            continue;
        }
        let text = figures::fixed(units, decimals);
        let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
        let (whole, fraction) = text.split_once('.').map_or((text, None), |(w, f)| (w, Some(f)));
        let fraction = fraction.map(|f| format!(".{f}")).unwrap_or_default();
        return format!("${}{fraction}{word}", group(whole));
    }
}

/// The number of decimal digits of `n` (1 for zero).
fn digits(mut n: u128) -> u32 {
    let mut count = 1;
    while n >= 10 {
        n /= 10;
        count += 1;
    }
    count
}

/// Digits grouped by thousands with commas: `1,500`.
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_has_intls_en_us_compact_shapes() {
        // (dollars, as written)
        let cases: &[(u128, &str)] = &[
            (0, "$0"),
            (999, "$999"),
            (1_000, "$1K"),
            (1_500, "$1.5K"),
            (12_345, "$12.3K"),
            (999_499, "$999K"),
            (999_500, "$1M"),
            (12_500_000, "$12.5M"),
            (12_550_000, "$12.6M"),
            (50_000_000_000, "$50B"),
            (135_000_000_000, "$135B"),
            (197_100_000_001, "$197B"),
            (197_500_000_000, "$198B"),
            (49_999_999_999, "$50B"),
            (13_700_000_000, "$13.7B"),
            (840_000_000_000, "$840B"),
            (999_500_000_000, "$1T"),
            (1_234_000_000_000, "$1.23T"),
            (1_235_000_000_000, "$1.24T"),
            (1_000_000_000_000_000, "$1,000T"),
            (2_345_600_000_000_000, "$2,346T"),
            (u128::MAX, "$340,282,366,920,938,463,463,374,607,431,768,211,455"),
        ];
        for &(dollars, want) in cases {
            assert_eq!(money(dollars), want, "{dollars}");
        }
    }

    #[test]
    fn stakes_and_changes_round_half_up() {
        // (before, after in millionths of a point; as written)
        let points_cases: &[(u128, u128, &str)] = &[
            (27_000_000, 23_464_286, "-3.5"),
            (0, 5_952_381, "+6.0"),
            (10_000_000, 10_049_999, "0.0"),
            (10_000_000, 10_050_000, "+0.1"),
            (10_050_000, 10_000_000, "-0.1"),
            (10_000_000, 10_000_000, "0.0"),
            (0, 100_000_000, "+100.0"),
        ];
        for &(before, after, want) in points_cases {
            assert_eq!(points(before, after), want, "{before} {after}");
        }
        let percent_cases: &[(u128, u128, &str)] =
            &[(1, 16, "6.3%"), (1, 3, "33.3%"), (0, 3, "0.0%"), (3, 3, "100.0%"), (1, 0, "\u{2014}")];
        for &(shares, total, want) in percent_cases {
            assert_eq!(percent(shares, total), want, "{shares}/{total}");
        }
    }
}
