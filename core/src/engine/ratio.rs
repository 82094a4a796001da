//! Exact non-negative rationals for prices per share, multiples and rates.
//!
//! A [`Ratio`] is always reduced (`gcd(num, den) == 1`) with `den > 0`, so
//! that equal values compare equal field by field. Every operation is
//! checked: it returns `None` where the exact result does not fit in `u128`,
//! and never rounds unless its name says so.

use std::cmp::Ordering;
use std::fmt;

use serde::Serialize;

use crate::arith::{compare_fractions, mul_div};

/// An exact non-negative rational `num / den`, reduced, with `den > 0`.
///
/// ```
/// use fortress_core::engine::Ratio;
/// let price = Ratio::new(15_000_000, 13_459_705).unwrap();
/// assert_eq!(price.num(), 3_000_000);
/// assert_eq!(price.den(), 2_691_941);
/// // A $5M cheque buys floor(5,000,000 / price) shares.
/// assert_eq!(Ratio::whole(5_000_000).checked_div(price).unwrap().floor(), 4_486_568);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Ratio {
    num: u128,
    den: u128,
}

/// The greatest common divisor, by Euclid; `gcd(0, 0) == 0`.
fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };
    /// One.
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `num / den`, reduced; `None` when `den` is zero.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// assert_eq!(Ratio::new(6, 4), Ratio::new(3, 2));
    /// assert_eq!(Ratio::new(1, 0), None);
    /// ```
    pub fn new(num: u128, den: u128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den);
        // g >= 1 because den > 0.
        Some(Ratio { num: num / g, den: den / g })
    }

    /// A whole number.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// assert_eq!(Ratio::whole(7).floor(), 7);
    /// ```
    pub const fn whole(n: u128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// `percent / 100`: `Ratio::percent(20)` is one fifth.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// assert_eq!(Ratio::percent(20), Ratio::new(1, 5).unwrap());
    /// ```
    pub fn percent(percent: u128) -> Ratio {
        let g = gcd(percent, 100);
        Ratio { num: percent / g, den: 100 / g }
    }

    /// The numerator.
    pub const fn num(self) -> u128 {
        self.num
    }

    /// The denominator, never zero.
    pub const fn den(self) -> u128 {
        self.den
    }

    /// True for zero.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// assert!(Ratio::new(0, 7).unwrap().is_zero());
    /// assert!(!Ratio::new(1, 7).unwrap().is_zero());
    /// ```
    pub const fn is_zero(self) -> bool {
        self.num == 0
    }

    /// `self + other`, exactly.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// let sum = Ratio::new(1, 6).unwrap().checked_add(Ratio::new(1, 4).unwrap());
    /// assert_eq!(sum, Ratio::new(5, 12));
    /// ```
    pub fn checked_add(self, other: Ratio) -> Option<Ratio> {
        let g = gcd(self.den, other.den);
        let (a, b) = (self.den / g, other.den / g);
        let den = a.checked_mul(other.den)?;
        let num = self.num.checked_mul(b)?.checked_add(other.num.checked_mul(a)?)?;
        Ratio::new(num, den)
    }

    /// `self - other`, exactly; `None` when it would be negative.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// assert_eq!(Ratio::whole(1).checked_sub(Ratio::new(1, 5).unwrap()), Ratio::new(4, 5));
    /// assert_eq!(Ratio::ZERO.checked_sub(Ratio::ONE), None);
    /// ```
    pub fn checked_sub(self, other: Ratio) -> Option<Ratio> {
        let g = gcd(self.den, other.den);
        let (a, b) = (self.den / g, other.den / g);
        let den = a.checked_mul(other.den)?;
        let num = self.num.checked_mul(b)?.checked_sub(other.num.checked_mul(a)?)?;
        Ratio::new(num, den)
    }

    /// `self * other`, exactly (cross-reduced first, so that it overflows
    /// only when the reduced result does not fit).
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// let p = Ratio::new(3, 2).unwrap().checked_mul(Ratio::new(4, 9).unwrap());
    /// assert_eq!(p, Ratio::new(2, 3));
    /// ```
    pub fn checked_mul(self, other: Ratio) -> Option<Ratio> {
        let g1 = gcd(self.num, other.den).max(1);
        let g2 = gcd(other.num, self.den).max(1);
        let num = (self.num / g1).checked_mul(other.num / g2)?;
        let den = (self.den / g2).checked_mul(other.den / g1)?;
        Ratio::new(num, den)
    }

    /// `self / other`, exactly; `None` when `other` is zero.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// assert_eq!(Ratio::whole(3).checked_div(Ratio::whole(4)), Ratio::new(3, 4));
    /// assert_eq!(Ratio::ONE.checked_div(Ratio::ZERO), None);
    /// ```
    pub fn checked_div(self, other: Ratio) -> Option<Ratio> {
        self.checked_mul(other.recip()?)
    }

    /// `1 / self`; `None` for zero.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// assert_eq!(Ratio::new(4, 5).unwrap().recip(), Ratio::new(5, 4));
    /// assert_eq!(Ratio::ZERO.recip(), None);
    /// ```
    pub fn recip(self) -> Option<Ratio> {
        (self.num != 0).then_some(Ratio { num: self.den, den: self.num })
    }

    /// `self * n`, exactly.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// // 1.5x on 2,000,000 shares bought at $5: a $15M preference.
    /// let per_share = Ratio::new(3, 2).unwrap().checked_mul(Ratio::whole(5)).unwrap();
    /// assert_eq!(per_share.mul_whole(2_000_000), Some(Ratio::whole(15_000_000)));
    /// ```
    pub fn mul_whole(self, n: u128) -> Option<Ratio> {
        self.checked_mul(Ratio::whole(n))
    }

    /// The largest whole number not above it.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// assert_eq!(Ratio::new(7, 2).unwrap().floor(), 3);
    /// ```
    pub const fn floor(self) -> u128 {
        self.num / self.den
    }

    /// The smallest whole number not below it.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// assert_eq!(Ratio::new(7, 2).unwrap().ceil(), 4);
    /// assert_eq!(Ratio::whole(7).ceil(), 7);
    /// ```
    pub const fn ceil(self) -> u128 {
        self.num.div_ceil(self.den)
    }

    /// `floor(n * self)` without forming the product as a ratio.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// // 4,000,000 preferred shares at a conversion ratio of 2.00 / 1.7059.
    /// let ratio = Ratio::new(20_000, 17_059).unwrap();
    /// assert_eq!(ratio.mul_floor(4_000_000), Some(4_689_606));
    /// ```
    pub fn mul_floor(self, n: u128) -> Option<u128> {
        mul_div(n, self.num, self.den)
    }

    /// To a whole number of `1 / step`, rounded down.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// let price = Ratio::new(15_000_000, 13_459_705).unwrap(); // $1.114437...
    /// assert_eq!(price.round_down_to(10_000), Ratio::new(11_144, 10_000));
    /// ```
    pub fn round_down_to(self, step: u128) -> Option<Ratio> {
        Ratio::new(mul_div(self.num, step, self.den)?, step)
    }

    /// To the nearest whole number of `1 / step`, halves rounded up.
    ///
    /// ```
    /// use fortress_core::engine::Ratio;
    /// // $2.00 x 14.5M / 17M = $1.705882... to the nearest hundredth of a cent.
    /// let cp2 = Ratio::new(2 * 29, 34).unwrap();
    /// assert_eq!(cp2.round_nearest_to(10_000), Ratio::new(17_059, 10_000));
    /// ```
    pub fn round_nearest_to(self, step: u128) -> Option<Ratio> {
        // floor(x step + 1/2) = floor((2 num step + den) / (2 den))
        let twice = self.num.checked_mul(step)?.checked_mul(2)?.checked_add(self.den)?;
        Ratio::new(twice / self.den.checked_mul(2)?, step)
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    /// Exact, by the crate's continued-fraction comparison: never a float, never an overflow.
    fn cmp(&self, other: &Ratio) -> Ordering {
        compare_fractions(self.num, self.den, other.num, other.den)
    }
}

impl fmt::Display for Ratio {
    /// `3/2`, or `7` for a whole number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

/// Whole dollars with thousands separators: `$1,234,567`.
pub(crate) fn dollars(n: u128) -> String {
    format!("${}", count(n))
}

/// A whole number with thousands separators: `1,234,567`.
pub(crate) fn count(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_exactly() {
        let a = Ratio::new(u128::MAX - 1, u128::MAX).unwrap();
        let b = Ratio::new(u128::MAX - 2, u128::MAX - 1).unwrap();
        assert!(a > b);
        assert!(Ratio::ZERO < Ratio::new(1, u128::MAX).unwrap());
        assert_eq!(Ratio::new(2, 4).unwrap().cmp(&Ratio::new(1, 2).unwrap()), Ordering::Equal);
    }

    #[test]
    fn overflow_is_none() {
        let big = Ratio::whole(u128::MAX);
        assert_eq!(big.checked_add(Ratio::ONE), None);
        assert_eq!(big.checked_mul(Ratio::whole(2)), None);
        assert_eq!(Ratio::new(1, u128::MAX).unwrap().checked_add(Ratio::new(1, u128::MAX - 1).unwrap()), None);
    }

    #[test]
    fn writes_dollars() {
        assert_eq!(dollars(0), "$0");
        assert_eq!(dollars(999), "$999");
        assert_eq!(dollars(1_000), "$1,000");
        assert_eq!(dollars(100_000_000), "$100,000,000");
    }
}
