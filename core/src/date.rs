//! Calendar dates, as the scenario format writes them: `YYYY-MM-DD`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day in the proleptic Gregorian calendar between the years 1900 and 2999.
///
/// The range is wide enough for any funding story and narrow enough that every
/// date round-trips through the four-digit text form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when the day does not exist.
    ///
    /// ```
    /// use fortress_core::Date;
    /// assert!(Date::new(2028, 2, 29).is_some());
    /// assert!(Date::new(2026, 2, 29).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1900..=2999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, the only form the scenario format accepts.
    ///
    /// ```
    /// use fortress_core::Date;
    /// assert_eq!(Date::parse("2026-02-27").map(|d| d.year()), Some(2026));
    /// assert!(Date::parse("2026-2-27").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let year = number(0..4)?;
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// The year, 1900 to 2999.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The next day, or `None` past the end of the supported range.
    pub fn next_day(self) -> Option<Date> {
        if self.day < days_in_month(self.year, self.month) {
            return Date::new(self.year, self.month, self.day + 1);
        }
        if self.month < 12 {
            return Date::new(self.year, self.month + 1, 1);
        }
        Date::new(self.year.checked_add(1)?, 1, 1)
    }

    /// Days since 1900-01-01, for sliders that move through time.
    ///
    /// ```
    /// use fortress_core::Date;
    /// let d = Date::parse("2026-04-27").unwrap();
    /// assert_eq!(Date::from_day_number(d.day_number()), Some(d));
    /// assert_eq!(Date::parse("1900-01-02").unwrap().day_number(), 1);
    /// ```
    pub fn day_number(self) -> u32 {
        let years_before = u32::from(self.year - 1900);
        let mut days = years_before * 365 + leap_years_between(1900, self.year);
        for month in 1..self.month {
            days += u32::from(days_in_month(self.year, month));
        }
        days + u32::from(self.day) - 1
    }

    /// The inverse of [`Date::day_number`]; `None` outside 1900 to 2999.
    pub fn from_day_number(days: u32) -> Option<Date> {
        // No year is longer than 366 days, so this year is at or before the answer.
        let mut year = 1900u16.checked_add(u16::try_from(days / 366).ok()?)?;
        let mut days = days.checked_sub(Date::new(year, 1, 1)?.day_number())?;
        loop {
            let len = if is_leap(year) { 366 } else { 365 };
            if days < len {
                break;
            }
            days -= len;
            year = year.checked_add(1)?;
        }
        if year > 2999 {
            return None;
        }
        let mut month = 1u8;
        loop {
            let len = u32::from(days_in_month(year, month));
            if days < len {
                break;
            }
            days -= len;
            month += 1;
        }
        Date::new(year, month, u8::try_from(days + 1).ok()?)
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Leap years in `from..to`.
fn leap_years_between(from: u16, to: u16) -> u32 {
    let count = |y: u32| y / 4 - y / 100 + y / 400;
    let (from, to) = (u32::from(from), u32::from(to));
    count(to - 1) - count(from - 1)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD between 1900 and 2999")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(text), &self))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let cases = [
            ("2026-02-27", true),
            ("2024-02-29", true),
            ("2100-02-29", false),
            ("2000-02-29", true),
            ("2026-13-01", false),
            ("2026-04-31", false),
            ("1899-12-31", false),
            ("2026-02-2x", false),
            ("+026-02-27", false),
            ("2026/02/27", false),
            ("", false),
        ];
        for (text, ok) in cases {
            assert_eq!(Date::parse(text).is_some(), ok, "{text}");
            if ok {
                assert_eq!(Date::parse(text).map(|d| d.to_string()).as_deref(), Some(text));
            }
        }
    }

    #[test]
    fn day_numbers_round_trip_over_the_whole_range() {
        let mut date = Date::new(1900, 1, 1);
        let mut expected = 0;
        while let Some(d) = date {
            assert_eq!(d.day_number(), expected, "{d}");
            assert_eq!(Date::from_day_number(expected), Some(d));
            expected += 1;
            date = d.next_day();
        }
        assert_eq!(Date::from_day_number(expected), None);
    }
}
