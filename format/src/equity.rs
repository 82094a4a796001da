//! Equity files: a cap table for the exit waterfall as JSON (the equity
//! format, `"equity_version": 1`, documented in docs/CONVENTIONS.md), read
//! into the engine's [`CapTable`], and the waterfalls written out as JSON or CSV.
//!
//! [`parse_equity`] caps the size, checks the version, reads the JSON with
//! `serde_path_to_error` (so a wrong type, an unknown field or an ill-formed
//! price names its path) and caps the lists. It does not run the engine's
//! checks (an unknown class in a holding, a cap below the preference): the
//! engine's [`waterfall`](fortress_core::engine::waterfall) runs them and
//! names the same paths, since the table keeps the file's order.
//!
//! Prices and multiples are exact: a decimal string (`"1.25"`, at most
//! [`MAX_DECIMALS`] decimals) or a fraction (`"17059/10000"`), never a float.
//!
//! This module is for the command line and the tests; the widget does not link it.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use fortress_core::engine::{
    AntiDilution, CapTable, Choice, Holding, OptionGrant, Participation, Ratio, ShareClass, Waterfall,
};

use crate::csv::{row, text};
use crate::figures;

/// The equity format version this version reads.
pub const EQUITY_VERSION: u32 = 1;

/// The largest equity text accepted, checked before parsing: 256 KiB.
pub const MAX_EQUITY_BYTES: usize = 256 * 1024;

/// The most share classes a file may list.
pub const MAX_CLASSES: usize = 200;

/// The most holdings a file may list.
pub const MAX_HOLDINGS: usize = 200;

/// The most option grants a file may list.
pub const MAX_OPTIONS: usize = 200;

/// The most exits a file (or a command line) may list.
pub const MAX_EXITS: usize = 50;

/// The most decimals a price or multiple may have.
pub const MAX_DECIMALS: usize = 18;

/// The CSV's header row, without its line end.
pub const CSV_HEADER: &str = "exit,holder,class,shares,choice,amount,reason";

/// An equity file, read: its title, the cap table, the exits it asks about.
#[derive(Clone, Debug, PartialEq)]
pub struct Equity {
    /// The file's title, if it has one.
    pub name: Option<String>,
    /// The cap table, in the file's order.
    pub table: CapTable,
    /// The exit values to share, whole dollars, in the file's order.
    pub exits: Vec<u128>,
}

/// Why an equity text was refused: the field at fault (`equity` for the
/// whole text), or where the text breaks. The same type as a scenario's; a
/// value the format does not allow (a negative price) is a `Json` error at
/// its field, as a wrong type is.
pub type EquityError = crate::FormatError;

/// The error for a value at `field` that the format does not allow.
fn invalid(field: impl Into<String>, message: impl Into<String>) -> EquityError {
    EquityError::Json { field: field.into(), message: message.into() }
}

/// Reads an equity file from JSON text.
///
/// ```
/// let text = r#"{
///   "equity_version": 1,
///   "classes": [{"id": "common", "name": "Common"}, {"id": "a", "name": "Series A", "issue_price": "5"}],
///   "holdings": [
///     {"holder": "founders", "class": "common", "shares": 8000000},
///     {"holder": "fund", "class": "a", "shares": 2000000}
///   ],
///   "exits": [25000000]
/// }"#;
/// let equity = fortress_format::equity::parse_equity(text).unwrap();
/// let low = fortress_core::engine::waterfall(&equity.table, equity.exits[0]).unwrap();
/// assert_eq!(low.classes[1].amount, 10_000_000);
/// let error = fortress_format::equity::parse_equity(&text.replace("\"5\"", "\"-5\"")).unwrap_err();
/// assert_eq!(error.field(), "classes[1].issue_price");
/// ```
pub fn parse_equity(text: &str) -> Result<Equity, EquityError> {
    if text.len() > MAX_EQUITY_BYTES {
        return Err(EquityError::TooLarge { what: "equity", bytes: text.len(), limit: MAX_EQUITY_BYTES });
    }
    let first = text.trim_start().chars().next();
    if first.is_some() && first != Some('{') {
        let message = "must be a JSON object, starting with {".to_owned();
        return Err(EquityError::Json { field: "equity".to_owned(), message });
    }
    // The version first, so that a newer file is told apart from a broken one.
    #[derive(Deserialize)]
    struct Version {
        equity_version: u32,
    }
    let version: Version = from_json(text)?;
    if version.equity_version != EQUITY_VERSION {
        return Err(invalid(
            "equity_version",
            format!(
                "equity file version {} is not supported; this version of Fortress reads version {EQUITY_VERSION}",
                version.equity_version
            ),
        ));
    }
    let file: EquityFile = from_json(text)?;
    file.into_equity()
}

/// Reads a JSON value, naming the path of the field at fault.
fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, EquityError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        // serde_path_to_error writes "." for the root and "?" where the
        // text ended before a field was known.
        let mut field = if path == "." || path.starts_with('?') { "equity".to_owned() } else { path };
        let error = error.into_inner();
        let mut message = error.to_string();
        // serde_json reads a u128 (a share count, the pool, an exit) as digits only, and its
        // words for anything else say too little, or name the wrong place.
        if let Some(rest) = message.strip_prefix("number out of range") {
            message = format!("must be a whole number from 0 to 2^128 - 1{rest}");
        } else if let Some(rest) = message.strip_prefix("invalid number") {
            message = format!("must be a whole number, written as digits{rest}");
        } else if message.starts_with("expected `,` or") {
            if let Some(key) = fraction_at(text, error.line(), error.column()) {
                let rest = message.find(" at line ").and_then(|at| message.get(at..)).unwrap_or("").to_owned();
                message = format!("must be a whole number, without a decimal point or an exponent{rest}");
                if let Some(key) = key {
                    field = match field.strip_suffix('?') {
                        Some(parent) => format!("{parent}{key}"),
                        None if field == "equity" => key,
                        None => field,
                    };
                }
            }
        }
        EquityError::Json { field, message }
    })?;
    deserializer.end().map_err(|error| EquityError::Json { field: "equity".to_owned(), message: error.to_string() })?;
    Ok(value)
}

/// Whether serde_json stopped at the decimal point or exponent of a number
/// (at `line` and `column`, both from 1), having read its digits as a whole
/// number; if so, the object key the number is the value of, where there is one.
fn fraction_at(text: &str, line: usize, column: usize) -> Option<Option<String>> {
    let start: usize = text.split_inclusive('\n').take(line.checked_sub(1)?).map(str::len).sum();
    let at = start.checked_add(column.checked_sub(1)?)?;
    let bytes = text.as_bytes();
    if !matches!(bytes.get(at), Some(b'.' | b'e' | b'E')) || !bytes.get(at.checked_sub(1)?)?.is_ascii_digit() {
        return None;
    }
    // Back over the digits and blanks to the colon, then the key's closing and opening quotes.
    let before = text.get(..at)?.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    let key = before.strip_suffix(':').map(str::trim_end).and_then(|b| b.strip_suffix('"')).and_then(|b| {
        let open = b.rfind('"')?;
        let key = b.get(open + 1..)?;
        (!key.contains('\\')).then(|| key.to_owned())
    });
    Some(key)
}

// The file's shape. Every struct denies unknown fields, so that a misspelt
// field is an error that names it, not a silent default.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EquityFile {
    #[allow(dead_code)]
    equity_version: u32,
    #[serde(default)]
    name: Option<String>,
    classes: Vec<ClassFile>,
    holdings: Vec<HoldingFile>,
    #[serde(default)]
    options: Vec<OptionFile>,
    #[serde(default)]
    pool: u128,
    #[serde(default)]
    exits: Vec<u128>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassFile {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    issue_price: Option<Exact>,
    #[serde(default)]
    conversion_price: Option<Exact>,
    #[serde(default)]
    preference: Option<Exact>,
    #[serde(default)]
    participation: Option<ParticipationFile>,
    #[serde(default)]
    seniority: Option<u32>,
    #[serde(default)]
    anti_dilution: Option<AntiDilutionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HoldingFile {
    holder: String,
    class: String,
    shares: u128,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionFile {
    holder: String,
    count: u128,
    strike: Exact,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum AntiDilutionFile {
    None,
    BroadBased,
    FullRatchet,
}

/// `"non-participating"`, `"participating"` or `{"capped": "3"}`.
enum ParticipationFile {
    NonParticipating,
    Participating,
    Capped(Ratio),
}

impl<'de> Deserialize<'de> for ParticipationFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ParticipationFile, D::Error> {
        struct ParticipationVisitor;
        impl<'de> Visitor<'de> for ParticipationVisitor {
            type Value = ParticipationFile;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#""non-participating", "participating" or {"capped": "3"}"#)
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<ParticipationFile, E> {
                match value {
                    "non-participating" => Ok(ParticipationFile::NonParticipating),
                    "participating" => Ok(ParticipationFile::Participating),
                    _ => Err(E::invalid_value(de::Unexpected::Str(value), &self)),
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ParticipationFile, A::Error> {
                let Some(key) = map.next_key::<String>()? else {
                    return Err(de::Error::invalid_length(0, &self));
                };
                if key != "capped" {
                    return Err(de::Error::unknown_field(&key, &["capped"]));
                }
                let Exact(cap) = map.next_value()?;
                if let Some(key) = map.next_key::<String>()? {
                    return Err(de::Error::unknown_field(&key, &["capped"]));
                }
                Ok(ParticipationFile::Capped(cap))
            }
        }
        deserializer.deserialize_any(ParticipationVisitor)
    }
}

/// A price or multiple, read exactly from a string by [`parse_ratio`].
struct Exact(Ratio);

impl<'de> Deserialize<'de> for Exact {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Exact, D::Error> {
        struct ExactVisitor;
        impl Visitor<'_> for ExactVisitor {
            type Value = Exact;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a decimal string such as "1.25" or a fraction such as "17059/10000""#)
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Exact, E> {
                parse_ratio(value).map(Exact).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(ExactVisitor)
    }
}

impl EquityFile {
    fn into_equity(self) -> Result<Equity, EquityError> {
        let too_many = |field: &str, n: usize, max: usize| invalid(field, format!("{n} entries; the limit is {max}"));
        if self.classes.len() > MAX_CLASSES {
            return Err(too_many("classes", self.classes.len(), MAX_CLASSES));
        }
        if self.holdings.len() > MAX_HOLDINGS {
            return Err(too_many("holdings", self.holdings.len(), MAX_HOLDINGS));
        }
        if self.options.len() > MAX_OPTIONS {
            return Err(too_many("options", self.options.len(), MAX_OPTIONS));
        }
        if self.exits.len() > MAX_EXITS {
            return Err(too_many("exits", self.exits.len(), MAX_EXITS));
        }
        let mut classes = Vec::with_capacity(self.classes.len());
        for (i, class) in self.classes.into_iter().enumerate() {
            classes.push(class.into_class(i)?);
        }
        let holdings =
            self.holdings.into_iter().map(|h| Holding { holder: h.holder, class: h.class, shares: h.shares }).collect();
        let options = self
            .options
            .into_iter()
            .map(|o| OptionGrant { holder: o.holder, count: o.count, strike: o.strike.0 })
            .collect();
        Ok(Equity {
            name: self.name,
            table: CapTable { classes, holdings, options, pool: self.pool, promised_options: 0 },
            exits: self.exits,
        })
    }
}

impl ClassFile {
    fn into_class(self, i: usize) -> Result<ShareClass, EquityError> {
        let name = self.name.unwrap_or_else(|| self.id.clone());
        let Some(Exact(issue_price)) = self.issue_price else {
            // Common stock: the preferred terms would be ignored, so they are refused.
            let given = [
                ("conversion_price", self.conversion_price.is_some()),
                ("preference", self.preference.is_some()),
                ("participation", self.participation.is_some()),
                ("seniority", self.seniority.is_some()),
                ("anti_dilution", self.anti_dilution.is_some()),
            ];
            if let Some((field, _)) = given.iter().find(|(_, given)| *given) {
                return Err(invalid(
                    format!("classes[{i}].{field}"),
                    "only a preferred class has it; give the class an issue_price, or leave it out for common stock",
                ));
            }
            return Ok(ShareClass::common(&self.id, &name));
        };
        if issue_price.is_zero() {
            return Err(invalid(
                format!("classes[{i}].issue_price"),
                "must be above zero; leave it out for common stock",
            ));
        }
        let mut class = ShareClass::preferred(&self.id, &name, issue_price, self.seniority.unwrap_or(1));
        if let Some(Exact(price)) = self.conversion_price {
            class.conversion_price = price;
        }
        if let Some(Exact(multiple)) = self.preference {
            class.preference = multiple;
        }
        class.participation = match self.participation {
            None | Some(ParticipationFile::NonParticipating) => Participation::NonParticipating,
            Some(ParticipationFile::Participating) => Participation::Participating,
            Some(ParticipationFile::Capped(cap_multiple)) => Participation::ParticipatingCapped { cap_multiple },
        };
        class.anti_dilution = match self.anti_dilution {
            None | Some(AntiDilutionFile::None) => AntiDilution::None,
            Some(AntiDilutionFile::BroadBased) => AntiDilution::BroadBasedWeightedAverage,
            Some(AntiDilutionFile::FullRatchet) => AntiDilution::FullRatchet,
        };
        Ok(class)
    }
}

/// Digits with an optional decimal part, as `units` of `10^-decimals`.
fn decimal(text: &str) -> Result<(u128, u32), String> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || (text.contains('.') && fraction.is_empty()) {
        return Err("needs digits on both sides of the decimal point".to_owned());
    }
    if !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return Err("may hold only digits and one decimal point".to_owned());
    }
    if fraction.len() > MAX_DECIMALS {
        return Err(format!("has {} decimals; the limit is {MAX_DECIMALS}", fraction.len()));
    }
    let mut units = 0u128;
    for b in whole.bytes().chain(fraction.bytes()) {
        units = units
            .checked_mul(10)
            .and_then(|u| u.checked_add(u128::from(b - b'0')))
            .ok_or_else(|| "is too large".to_owned())?;
    }
    // At most MAX_DECIMALS, so it fits.
    Ok((units, u32::try_from(fraction.len()).unwrap_or(u32::MAX)))
}

/// A price or multiple, exactly: a decimal (`"1.25"`, at most [`MAX_DECIMALS`]
/// decimals) or a fraction of whole numbers (`"17059/10000"`). No sign, no
/// exponent, no spaces.
///
/// ```
/// use fortress_core::engine::Ratio;
/// use fortress_format::equity::parse_ratio;
/// assert_eq!(parse_ratio("1.25"), Ok(Ratio::new(5, 4).unwrap()));
/// assert_eq!(parse_ratio("17059/10000"), Ok(Ratio::new(17_059, 10_000).unwrap()));
/// assert_eq!(parse_ratio("-1").unwrap_err(), "\"-1\" is not a price: it must not be negative");
/// ```
pub fn parse_ratio(text: &str) -> Result<Ratio, String> {
    let fail = |why: &str| format!("\"{text}\" is not a price: {why}");
    if text.is_empty() {
        return Err(
            r#"must not be empty; write a decimal such as "1.25" or a fraction such as "17059/10000""#.to_owned()
        );
    }
    if text.starts_with('-') {
        return Err(fail("it must not be negative"));
    }
    if text.contains(['e', 'E']) {
        return Err(fail("exponents are not accepted; write the digits out"));
    }
    if let Some((num, den)) = text.split_once('/') {
        let whole = |part: &str| -> Result<u128, String> {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(fail("a fraction is two whole numbers, such as \"17059/10000\""));
            }
            part.parse::<u128>().map_err(|_| fail("it is too large"))
        };
        let (num, den) = (whole(num)?, whole(den)?);
        return Ratio::new(num, den).ok_or_else(|| fail("the denominator must not be zero"));
    }
    let (units, decimals) = decimal(text).map_err(|why| fail(&format!("it {why}")))?;
    Ratio::new(units, 10u128.pow(decimals)).ok_or_else(|| fail("it is too large"))
}

/// An exit value for the command line, in whole dollars: digits, with an
/// optional `$` in front and an optional scale letter (`K`, `M`, `B`, `T`)
/// behind, after which decimals are allowed so long as the amount is whole
/// dollars (`1.5B`, `$250M`, `10000000`).
///
/// ```
/// use fortress_format::equity::parse_exit;
/// assert_eq!(parse_exit("1.5B"), Ok(1_500_000_000));
/// assert_eq!(parse_exit("$250M"), Ok(250_000_000));
/// assert_eq!(parse_exit("10000000"), Ok(10_000_000));
/// assert!(parse_exit("1.5").is_err());
/// ```
pub fn parse_exit(text: &str) -> Result<u128, String> {
    let fail = |why: &str| format!("\"{text}\" is not an exit value: {why}");
    let body = text.strip_prefix('$').unwrap_or(text);
    let (digits, scale) = match body.char_indices().last() {
        Some((at, letter)) if letter.is_ascii_alphabetic() => {
            let scale = match letter.to_ascii_uppercase() {
                'K' => 1_000u128,
                'M' => 1_000_000,
                'B' => 1_000_000_000,
                'T' => 1_000_000_000_000,
                _ => return Err(fail("the scale must be K, M, B or T")),
            };
            (body.get(..at).unwrap_or(""), scale)
        }
        _ => (body, 1),
    };
    if digits.is_empty() {
        return Err(fail("write whole dollars, such as 50000000, $50M or 1.5B"));
    }
    if scale == 1 && digits.contains('.') {
        return Err(fail("write whole dollars, or a scale letter such as 1.5M"));
    }
    let (units, decimals) = decimal(digits).map_err(|why| fail(&format!("it {why}")))?;
    let ten = 10u128.pow(decimals);
    let scaled = units.checked_mul(scale).ok_or_else(|| fail("it is too large"))?;
    if scaled % ten != 0 {
        return Err(fail("it is not a whole number of dollars"));
    }
    Ok(scaled / ten)
}

/// The waterfalls as one indented JSON document: `{"name": ..., "waterfalls": [...]}`
/// (`name` left out when there is none), each waterfall as the engine
/// serializes it (exact amounts as `{"num": ..., "den": ...}`).
pub fn waterfalls_json(name: Option<&str>, waterfalls: &[Waterfall]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<&'a str>,
        waterfalls: &'a [Waterfall],
    }
    // Serializing these plain types cannot fail; fall back to an empty object all the same.
    serde_json::to_string_pretty(&Out { name, waterfalls }).unwrap_or_else(|_| "{}".to_owned())
}

/// A choice as the CSV writes it.
fn choice_text(choice: Choice) -> &'static str {
    match choice {
        Choice::TakesPreference => "takes preference",
        Choice::Converts => "converts",
        Choice::Participates => "participates",
        Choice::CappedAt => "capped",
        Choice::Common => "common",
    }
}

/// A price in dollars: a decimal with at least two places where it ends
/// within [`MAX_DECIMALS`] places (`0.10`, `1.7059`), else the exact fraction (`1/3`).
fn price_text(price: Ratio) -> String {
    for decimals in 2..=MAX_DECIMALS as u32 {
        if let Some(units) = price.checked_mul(Ratio::whole(10u128.pow(decimals))) {
            if units.den() == 1 {
                return figures::fixed(units.num(), decimals);
            }
        }
    }
    price.to_string()
}

/// The waterfalls as CSV (RFC 4180, CRLF, quoted where needed, as
/// [`crate::csv`] writes): the header [`CSV_HEADER`], then for each exit one
/// row per holding in the table's order and one per option grant.
///
/// A holding's row has its class id, its shares, its class's choice
/// (`takes preference`, `converts`, `participates`, `capped`, `common`), its
/// whole dollars and the engine's reason. An option grant's row has the class
/// `options`, the shares under option, `exercised` or `not exercised`, its
/// whole dollars net of the strike, and `strike $X` (empty for a zero strike).
/// Each exit's amounts add up to the exit exactly.
pub fn waterfalls_csv(waterfalls: &[Waterfall], table: &CapTable) -> String {
    let mut out = String::new();
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for waterfall in waterfalls {
        let exit = waterfall.exit.to_string();
        for holding in &waterfall.holdings {
            let fields = [
                exit.clone(),
                text(&holding.holder),
                text(&holding.class),
                holding.shares.to_string(),
                choice_text(holding.choice).to_owned(),
                holding.amount.to_string(),
                text(&holding.reason),
            ];
            row(&mut out, &fields.each_ref().map(String::as_str));
        }
        for (option, grant) in waterfall.options.iter().zip(&table.options) {
            let reason =
                if grant.strike.is_zero() { String::new() } else { format!("strike ${}", price_text(grant.strike)) };
            let fields = [
                exit.clone(),
                text(&option.holder),
                "options".to_owned(),
                option.count.to_string(),
                if option.exercised { "exercised" } else { "not exercised" }.to_owned(),
                option.amount.to_string(),
                reason,
            ];
            row(&mut out, &fields.each_ref().map(String::as_str));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_are_read_exactly() {
        let ok = [
            ("1", 1, 1),
            ("1.00", 1, 1),
            ("0.80", 4, 5),
            ("1.25", 5, 4),
            ("17059/10000", 17_059, 10_000),
            ("0", 0, 1),
            ("0.000000000000000001", 1, 1_000_000_000_000_000_000),
            ("6/4", 3, 2),
        ];
        for (text, num, den) in ok {
            assert_eq!(parse_ratio(text), Ok(Ratio::new(num, den).unwrap()), "{text}");
        }
        let bad = [
            ("", "must not be empty; write a decimal such as \"1.25\" or a fraction such as \"17059/10000\""),
            ("-1", "\"-1\" is not a price: it must not be negative"),
            ("-0.5", "\"-0.5\" is not a price: it must not be negative"),
            ("1e3", "\"1e3\" is not a price: exponents are not accepted; write the digits out"),
            ("1.5E2", "\"1.5E2\" is not a price: exponents are not accepted; write the digits out"),
            ("0.0000000000000000001", "\"0.0000000000000000001\" is not a price: it has 19 decimals; the limit is 18"),
            (".5", "\".5\" is not a price: it needs digits on both sides of the decimal point"),
            ("1.", "\"1.\" is not a price: it needs digits on both sides of the decimal point"),
            ("+1", "\"+1\" is not a price: it may hold only digits and one decimal point"),
            (" 1", "\" 1\" is not a price: it may hold only digits and one decimal point"),
            ("1.2.3", "\"1.2.3\" is not a price: it may hold only digits and one decimal point"),
            ("$1", "\"$1\" is not a price: it may hold only digits and one decimal point"),
            ("1/0", "\"1/0\" is not a price: the denominator must not be zero"),
            ("1.5/2", "\"1.5/2\" is not a price: a fraction is two whole numbers, such as \"17059/10000\""),
            ("1/", "\"1/\" is not a price: a fraction is two whole numbers, such as \"17059/10000\""),
            (
                "340282366920938463463374607431768211456",
                "\"340282366920938463463374607431768211456\" is not a price: it is too large",
            ),
        ];
        for (text, want) in bad {
            assert_eq!(parse_ratio(text).unwrap_err(), want, "{text}");
        }
    }

    #[test]
    fn exits_are_whole_dollars() {
        let ok = [
            ("10000000", 10_000_000),
            ("$10000000", 10_000_000),
            ("1.5B", 1_500_000_000),
            ("1.5b", 1_500_000_000),
            ("$250M", 250_000_000),
            ("2.5K", 2_500),
            ("1T", 1_000_000_000_000),
            ("0", 0),
            ("1.000000001B", 1_000_000_001),
        ];
        for (text, want) in ok {
            assert_eq!(parse_exit(text), Ok(want), "{text}");
        }
        let bad = [
            ("", "\"\" is not an exit value: write whole dollars, such as 50000000, $50M or 1.5B"),
            ("$", "\"$\" is not an exit value: write whole dollars, such as 50000000, $50M or 1.5B"),
            ("M", "\"M\" is not an exit value: write whole dollars, such as 50000000, $50M or 1.5B"),
            ("1.5", "\"1.5\" is not an exit value: write whole dollars, or a scale letter such as 1.5M"),
            ("1.0000000001B", "\"1.0000000001B\" is not an exit value: it is not a whole number of dollars"),
            ("10X", "\"10X\" is not an exit value: the scale must be K, M, B or T"),
            ("-5", "\"-5\" is not an exit value: it may hold only digits and one decimal point"),
            ("1,000", "\"1,000\" is not an exit value: it may hold only digits and one decimal point"),
            ("1e6", "\"1e6\" is not an exit value: it may hold only digits and one decimal point"),
        ];
        for (text, want) in bad {
            assert_eq!(parse_exit(text).unwrap_err(), want, "{text}");
        }
    }

    #[test]
    fn prices_are_written_as_decimals_where_they_end() {
        let cases = [(1, 10, "0.10"), (5, 1, "5.00"), (17_059, 10_000, "1.7059"), (1, 3, "1/3"), (1, 8, "0.125")];
        for (num, den, want) in cases {
            assert_eq!(price_text(Ratio::new(num, den).unwrap()), want);
        }
    }
}
