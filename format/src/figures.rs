//! Exact figures as text, from integers only: a stake to a fixed number of
//! decimals straight from its share counts, rounded half up, and fixed-point
//! decimals written digit for digit.
//!
//! No float is involved anywhere, so a figure is the same on every machine
//! and never off by one in its last digit (the outcome's `percent` is an
//! `f64` for display; these are what a file or a picture writes).
//!
//! ```
//! use fortress_format::figures::{fixed, stake, stake_units};
//! // Microsoft after the February 2026 round: 270,000,000,000 of 1,150,684,931,504 shares.
//! assert_eq!(stake(270_000_000_000, 1_150_684_931_504, 6).as_deref(), Some("23.464286"));
//! assert_eq!(stake(270_000_000_000, 1_150_684_931_504, 1).as_deref(), Some("23.5"));
//! assert_eq!(stake_units(1, 8, 1), Some(125)); // 12.5%, in tenths of a point
//! assert_eq!(fixed(27, 1), "2.7");
//! ```

/// The most decimals [`stake_units`] writes: enough for any figure, small
/// enough that the result fits in a `u128`.
pub const MAX_DECIMALS: u32 = 18;

/// The stake `shares / total`, in percent, in units of `10^-decimals` of a
/// point, rounded half up: `stake_units(1, 3, 6)` is 33,333,333 (33.333333%).
///
/// `None` when `total` is zero, `decimals` is over [`MAX_DECIMALS`], or the
/// result would not fit (only when `shares` is many times `total`).
pub fn stake_units(shares: u128, total: u128, decimals: u32) -> Option<u128> {
    if total == 0 || decimals > MAX_DECIMALS {
        return None;
    }
    // Long division of shares / total, one decimal digit at a time, two more
    // digits than asked for (percent), then half up on the remainder.
    let mut units = shares / total;
    let mut rest = shares % total;
    for _ in 0..decimals + 2 {
        let (digit, next) = times_ten(rest, total);
        units = units.checked_mul(10)?.checked_add(digit)?;
        rest = next;
    }
    // Half up: the remainder is at least half of `total` (written so that nothing overflows).
    if rest >= total - rest {
        units = units.checked_add(1)?;
    }
    Some(units)
}

/// `10 * rest` divided by `total`, as (quotient, remainder), for `rest < total`,
/// without overflow however large `total` is.
fn times_ten(rest: u128, total: u128) -> (u128, u128) {
    if let Some(ten) = rest.checked_mul(10) {
        return (ten / total, ten % total);
    }
    // Add `rest` ten times, modulo `total`: every partial sum stays below `total`.
    let (mut digit, mut sum) = (0, 0u128);
    for _ in 0..10 {
        let room = total - sum;
        if rest >= room {
            sum = rest - room;
            digit += 1;
        } else {
            sum += rest;
        }
    }
    (digit, sum)
}

/// `units` of `10^-decimals` written with exactly `decimals` decimals: `fixed(5, 2)` is `0.05`.
pub fn fixed(units: u128, decimals: u32) -> String {
    let digits = units.to_string();
    let decimals = decimals as usize;
    if decimals == 0 {
        return digits;
    }
    let padded =
        if digits.len() <= decimals { format!("{}{digits}", "0".repeat(decimals + 1 - digits.len())) } else { digits };
    let (whole, fraction) = padded.split_at(padded.len() - decimals);
    format!("{whole}.{fraction}")
}

/// The stake `shares / total` in percent, to exactly `decimals` decimals,
/// rounded half up, without the `%` sign: `23.464286`. `None` as for [`stake_units`].
pub fn stake(shares: u128, total: u128, decimals: u32) -> Option<String> {
    stake_units(shares, total, decimals).map(|units| fixed(units, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stakes_round_half_up_from_share_counts() {
        // (shares, total, decimals, text)
        let cases: &[(u128, u128, u32, Option<&str>)] = &[
            (270_000_000_000, 1_150_684_931_504, 6, Some("23.464286")),
            (270_000_000_000, 1_000_000_000_000, 6, Some("27.000000")),
            (1, 3, 6, Some("33.333333")),
            (2, 3, 6, Some("66.666667")),
            // Exactly half of the last unit rounds up: 1/16 = 6.25%, 1/1600 = 0.0625%.
            (1, 16, 1, Some("6.3")),
            (1, 1_600, 3, Some("0.063")),
            (5, 100_000_000, 6, Some("0.000005")),
            (5, 1_000_000_000, 6, Some("0.000001")),
            (4, 1_000_000_000, 6, Some("0.000000")),
            // One share short of half a millionth of a point stays down.
            (499_999, 100_000_000_000_000, 6, Some("0.000000")),
            (500_000, 100_000_000_000_000, 6, Some("0.000001")),
            (0, 7, 6, Some("0.000000")),
            (7, 7, 6, Some("100.000000")),
            (7, 7, 0, Some("100")),
            (1, 8, 1, Some("12.5")),
            (3, 2, 1, Some("150.0")),
            (1, 0, 6, None),
            (1, 1, MAX_DECIMALS + 1, None),
            // Totals so large that ten times a remainder overflows: still exact.
            (u128::MAX / 3, u128::MAX, 6, Some("33.333333")),
            (u128::MAX - 1, u128::MAX, 6, Some("100.000000")),
            (u128::MAX / 2, u128::MAX, 2, Some("50.00")),
            (u128::MAX / 2 + 1, u128::MAX, 40, None),
            (u128::MAX, 1, 0, None),
        ];
        for &(shares, total, decimals, want) in cases {
            assert_eq!(stake(shares, total, decimals).as_deref(), want, "{shares}/{total} to {decimals}");
        }
    }

    #[test]
    fn fixed_writes_every_decimal() {
        let cases: &[(u128, u32, &str)] =
            &[(0, 0, "0"), (0, 2, "0.00"), (5, 2, "0.05"), (123, 2, "1.23"), (100, 1, "10.0"), (7, 0, "7")];
        for &(units, decimals, want) in cases {
            assert_eq!(fixed(units, decimals), want, "{units} {decimals}");
        }
    }
}
