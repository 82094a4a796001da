//! Exact quantities: whole US dollars and percentages with six decimals.
//!
//! The scenario format writes both as JSON numbers. They are read into
//! integers at once, so that no sum the core makes is ever a float sum.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Whole US dollars, as the scenario format carries every amount and valuation.
///
/// The wire form may be negative or zero so that validation, not parsing,
/// can say which field is wrong and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dollars(pub i64);

impl Dollars {
    /// The largest amount or valuation accepted: one quadrillion dollars, a
    /// thousand times the largest company ever valued. The bound keeps every
    /// product the core forms inside 128-bit integers.
    pub const MAX: Dollars = Dollars(1_000_000_000_000_000);

    /// The amount as an unsigned integer, or `None` when it is below zero.
    pub fn unsigned(self) -> Option<u128> {
        u128::try_from(self.0).ok()
    }
}

impl fmt::Display for Dollars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${}", self.0)
    }
}

impl Dollars {
    /// The amount as a reader writes it, short and still exact: `$40B`,
    /// `$13.7B`, `$250M`, `$1,500` (the scale word only where no digit is lost).
    ///
    /// ```
    /// use fortress_core::Dollars;
    /// assert_eq!(Dollars(40_000_000_000).short().to_string(), "$40B");
    /// assert_eq!(Dollars(13_700_000_000).short().to_string(), "$13.7B");
    /// assert_eq!(Dollars(40_000_000_001).short().to_string(), "$40000000001");
    /// assert_eq!(Dollars(-2_500_000).short().to_string(), "-$2.5M");
    /// ```
    pub fn short(self) -> impl fmt::Display {
        ShortDollars(self.0)
    }
}

struct ShortDollars(i64);

impl fmt::Display for ShortDollars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = i128::from(self.0).abs();
        // Billions to three decimals, millions to three: beyond that, digits would be lost.
        for (unit, scale, word) in [(1_000_000_000_000, 12, "T"), (1_000_000_000, 9, "B"), (1_000_000, 6, "M")] {
            if magnitude >= unit && magnitude % (unit / 1_000) == 0 {
                return write!(f, "{sign}${}{word}", Decimal::new(magnitude, scale));
            }
        }
        write!(f, "{sign}${}", Decimal::new(magnitude, 0))
    }
}

impl Serialize for Dollars {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for Dollars {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Dollars, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Dollars;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number of US dollars")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Dollars, E> {
                Ok(Dollars(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Dollars, E> {
                i64::try_from(v).map(Dollars).map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Dollars, E> {
                // 5e10 is a fine way to write fifty billion; 1.5 dollars is not whole.
                let whole = v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e18;
                if whole {
                    #[allow(clippy::cast_possible_truncation)]
                    Ok(Dollars(v as i64))
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A percentage in millionths of a point: `Percent::from_micros(27_000_000)` is 27%.
///
/// Six decimals are kept, which is finer than any published stake; more
/// digits in the input are rounded to the nearest millionth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent(i64);

impl Percent {
    /// One hundred percent, in millionths of a point.
    pub const HUNDRED_MICROS: i64 = 100_000_000;

    /// How far the starting stakes may miss 100%: a hundredth of a point, so
    /// that stakes copied from a table rounded to two decimals (33.33 three
    /// times) are accepted.
    pub const STAKE_TOLERANCE: Percent = Percent(10_000);

    /// Builds a percentage from millionths of a point.
    ///
    /// ```
    /// use fortress_core::Percent;
    /// assert_eq!(Percent::from_micros(27_000_000).to_f64(), 27.0);
    /// ```
    pub const fn from_micros(micros: i64) -> Percent {
        Percent(micros)
    }

    /// Rounds a float to the nearest millionth of a point; `None` if not finite.
    ///
    /// ```
    /// use fortress_core::Percent;
    /// assert_eq!(Percent::from_f64(23.4643), Some(Percent::from_micros(23_464_300)));
    /// assert_eq!(Percent::from_f64(f64::NAN), None);
    /// ```
    pub fn from_f64(value: f64) -> Option<Percent> {
        if !value.is_finite() {
            return None;
        }
        // Saturating cast: absurd values stay absurd and validation names them.
        #[allow(clippy::cast_possible_truncation)]
        Some(Percent((value * 1e6).round() as i64))
    }

    /// Millionths of a point.
    pub const fn micros(self) -> i64 {
        self.0
    }

    /// The percentage as a float, for display only.
    #[allow(clippy::cast_precision_loss)]
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 1e6
    }

    /// True for 0% to 100% inclusive.
    pub fn is_valid_stake(self) -> bool {
        (0..=Self::HUNDRED_MICROS).contains(&self.0)
    }
}

impl fmt::Display for Percent {
    /// `27%`, `23.4643%`: the exact decimal, trailing zeros dropped.
    ///
    /// ```
    /// use fortress_core::Percent;
    /// assert_eq!(Percent::from_micros(23_464_300).to_string(), "23.4643%");
    /// assert_eq!(Percent::from_micros(-500_000).to_string(), "-0.5%");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", Decimal::micros(self.0))
    }
}

/// An exact decimal for text: `units` of `10^-scale`, written with trailing
/// zeros dropped (`23.4643`, `27`, `-0.5`).
///
/// Integers only, so the core and the widget carry no float formatting. For
/// every value with at most 15 significant digits (every percentage a
/// scenario can hold in range) it writes the same text as `{}` of the value
/// as an `f64` would; beyond that it stays exact where the float would not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

impl Decimal {
    /// Millionths: a [`Percent`]'s unit.
    pub const fn micros(micros: i64) -> Decimal {
        Decimal { units: micros as i128, scale: 6 }
    }

    /// `units` of `10^-scale`; `scale` is at most 30.
    pub const fn new(units: i128, scale: u32) -> Decimal {
        Decimal { units, scale }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Digit by digit, rather than through `{}` of a `u128`, which would
        // link the standard library's 128-bit formatting into the wasm.
        let scale = self.scale.min(30) as usize;
        let mut magnitude = self.units.unsigned_abs();
        // A `u128` has at most 39 digits; at least `scale + 1` are written.
        let mut buf = [b'0'; 40];
        let mut len = 0;
        for slot in buf.iter_mut().rev() {
            let quotient = magnitude / 10;
            *slot = b'0' + (magnitude - quotient * 10) as u8;
            magnitude = quotient;
            len += 1;
            if magnitude == 0 && len > scale {
                break;
            }
        }
        let digits = buf.get(buf.len() - len..).unwrap_or_default();
        let (whole, fraction) = digits.split_at_checked(len - scale).unwrap_or_default();
        let kept = fraction.iter().rposition(|&d| d != b'0').map_or(0, |last| last + 1);
        let fraction = fraction.get(..kept).unwrap_or_default();
        if self.units < 0 {
            f.write_str("-")?;
        }
        f.write_str(std::str::from_utf8(whole).unwrap_or_default())?;
        if !fraction.is_empty() {
            f.write_str(".")?;
            f.write_str(std::str::from_utf8(fraction).unwrap_or_default())?;
        }
        Ok(())
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.rem_euclid(1_000_000) == 0 {
            serializer.serialize_i64(self.0 / 1_000_000)
        } else {
            serializer.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Percent, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Percent;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a percentage as a number, such as 27 or 23.5")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Percent, E> {
                Ok(Percent(v.saturating_mul(1_000_000)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Percent, E> {
                Ok(Percent(i64::try_from(v).unwrap_or(i64::MAX).saturating_mul(1_000_000)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Percent, E> {
                Percent::from_f64(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Float(v), &self))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Decimal;

    /// `Decimal` as it was written, through `{}` of a `u128`.
    fn reference(units: i128, scale: u32) -> String {
        let divisor = 10u128.pow(scale.min(30));
        let magnitude = units.unsigned_abs();
        let sign = if units < 0 { "-" } else { "" };
        let fraction = magnitude % divisor;
        if fraction == 0 {
            return format!("{sign}{}", magnitude / divisor);
        }
        let digits = format!("{fraction:0width$}", width = scale.min(30) as usize);
        format!("{sign}{}.{}", magnitude / divisor, digits.trim_end_matches('0'))
    }

    #[test]
    fn edges() {
        for units in [0, 1, -1, 9, 10, -10, 1_500, -1_500, 23_464_300, i128::MAX, i128::MIN, i128::MIN + 1] {
            for scale in [0, 1, 2, 4, 6, 9, 30, 31, 40] {
                assert_eq!(Decimal::new(units, scale).to_string(), reference(units, scale), "{units} {scale}");
            }
        }
        assert_eq!(Decimal::micros(23_464_300).to_string(), "23.4643");
        assert_eq!(Decimal::new(-1_500, 3).to_string(), "-1.5");
    }

    proptest! {
        #[test]
        fn writes_what_u128_formatting_wrote(units in any::<i128>(), small in any::<i64>(), scale in 0..34u32) {
            prop_assert_eq!(Decimal::new(units, scale).to_string(), reference(units, scale));
            prop_assert_eq!(Decimal::new(small.into(), scale).to_string(), reference(small.into(), scale));
        }
    }
}
