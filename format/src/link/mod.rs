//! Share links: the whole scenario in the fragment of a URL.
//!
//! [`encode`] writes a scenario as a fragment; [`decode`] (or [`decode_link`],
//! which also names the preset) reads one back, exactly:
//! `decode(&encode(&s)) == Ok(s)` for every valid scenario. Neither uses
//! JSON, so the widget can call them without serde_json.
//!
//! ```
//! use fortress_core::{presets, Dollars};
//! use fortress_format::link;
//! let mut scenario = presets::feb_2026_pre_money();
//! scenario.rounds[0].investments[0].amount = Dollars(20_000_000_000); // Amazon's cheque moved
//! let fragment = link::encode(&scenario);
//! assert!(fragment.starts_with("1.") && fragment.len() < 40);
//! let opened = link::decode_link(&format!("http://127.0.0.1:8080/#{fragment}")).unwrap();
//! assert_eq!((opened.scenario, opened.preset), (scenario, Some("feb-2026")));
//! ```
//!
//! # The text
//!
//! `1.` (the link format, then a dot), the body in base64url without padding,
//! then two check characters. Every character is a letter, a digit, `-`,
//! `_` or `.`, none of which a browser, chat app or mail client re-escapes;
//! the check characters are letters or digits, so a link never ends in
//! punctuation that Markdown or a chat app would leave out of the link.
//! They are a hash of everything before them, so a link cut short or
//! altered in transit is reported as damaged (all but once in 3,844 times)
//! instead of opening a different scenario.
//!
//! # The body (format 1)
//!
//! Bytes, in LEB128 varints, strings and lists; `[x]` is present only when
//! its bit in the preceding mask is set:
//!
//! ```text
//! body     = base scenario
//! base     = 0 (a full link) | k (a preset link on base k, see below)
//! scenario = mask [holders:list] [rounds:list] [as_of:date] [declared:date verified:date]
//!            [whatifs:list] [valuation:onum] [regime] [title:str] [sources:list] [notes:list]
//!            [version] [count] [note kinds] [compare] [deal:ostr] [events:n (str(id) date)*n]
//!            (declared, verified: the events agi_declared and agi_verified; events: every other
//!            event of the scenario's deal, by id)
//! regime   = 0 none | 1 oct-2025 | 2 apr-2026 | 3 str(id), any other regime of the deal
//! list     = n item*n          (every item new when the base list is empty, else each
//!                               starts 0: new | 2j+1: base item j | 2j+2: base item j, changed)
//! holder   = new: str(name) id(name, group) num(percent) | changed: mask [str] [id] [num] (bit 3 flips group)
//! round    = mask [name:str] [date] [valuation] [investments:list] [pool] [secondaries:list]
//!            (a new round is its changes from an empty round)
//! cheque   = new: ostr(name) id(name) num(amount) | changed: mask [ostr] [id] [num]
//! sale     = str(seller) ostr(name) id(name) onum(percent) onum(amount)
//! pool     = 0 | 1 (pre-money) | 2 (post-money), then ostr(holder) ostr(name) num(percent)
//! whatif   = 0 str(holder) num str(term) | 1 str(holder) str(term) | 2 num str(term)
//! source   = str(fact) str(source) confidence (0 H, 1 M, 2 L, 3 disputed); a note is a str
//! str      = 2*len, then the UTF-8 bytes | 2k+1, entry k of the string table
//! id       = 0, the name's slug | str + 1; a holder's id is shifted left to carry `group`
//! num      = mantissa << 5 | sign << 4 | exponent (value = mantissa * 10^exponent)
//! date     = 0 | 1 + zigzag(days from 2020-01-01); ostr, onum: 0 | 1 + the value's code
//! ```
//!
//! A holder, round or cheque that matches one of the base (same id or name,
//! or same place) is written as its changes when that is shorter, so a link
//! with one slider moved from a preset holds a few bytes. Every string
//! written out joins a table that later strings refer to; the table starts
//! with the term ids and, on a preset, the preset's ids and names.
//!
//! # Preset links
//!
//! A scenario that keeps a preset's title, sources and notes (as every
//! scenario the widget makes from a preset does) is written as that preset
//! plus its changes, and [`decode_link`] names the preset, so the widget can
//! restore its preset picker. The text fields come from the preset and are
//! never written, which is what makes such links short; a scenario with
//! text of its own is written in full, text included. The bases are frozen
//! copies of the presets (`link/bases.rs`), so correcting a preset later
//! never changes what an old link shows.
//!
//! # Versions
//!
//! Every link ever made keeps opening. Within format 1 the body only grows
//! by appending: new bases, new mask bits, new kinds of pool or what-if. A
//! decoder that meets one it does not know reports
//! [`LinkError::NewerVersion`], as it does for a link format above 1. A
//! change that cannot be made that way is format 2, with `2.` in front;
//! format 1 is then still read as it is here. `format/tests/golden/links.txt`
//! holds links of every kind that must keep decoding.
//!
//! # Untrusted input
//!
//! The text's length is checked against [`MAX_LINK_BYTES`] before anything
//! else. Every count and length is checked against the bytes left, the
//! decoded scenario may not expand past the 1 MiB of a JSON scenario, and
//! the result goes through [`fortress_core::validate`] like JSON input.
//! Names in a link are data: the widget shows them as text. No input panics.

mod bases;
mod body;
mod wire;

use std::fmt;

use fortress_core::{Scenario, ScenarioError};

/// The link format this version writes, and the newest it reads.
pub const LINK_FORMAT: u32 = 1;

/// The longest link text [`decode`] reads, checked before any decoding:
/// 64 KiB, several times a scenario with 100 holders and its sources, and
/// within what every browser keeps in an address. [`encode`] writes longer
/// links for larger scenarios; those do not reopen, so the widget should
/// offer a link only when `encode(..).len() <= MAX_LINK_BYTES`.
pub const MAX_LINK_BYTES: usize = 64 * 1024;

/// A scenario read from a link, and the preset it was made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The scenario, validated.
    pub scenario: Scenario,
    /// The name of the preset the scenario was made from (`feb-2026`), whose
    /// title, sources and notes it keeps; `None` for a scenario written in full.
    pub preset: Option<&'static str>,
}

/// Why a link does not open. The widget shows one plain message for all of
/// them, telling [`LinkError::NewerVersion`] ("made by a newer version of
/// Fortress") from the rest ("this link is damaged").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The text is longer than [`MAX_LINK_BYTES`]; nothing was decoded.
    TooLong {
        /// The length of the text, in bytes.
        bytes: usize,
    },
    /// The link was made by a newer version of Fortress: a link format, a
    /// preset version or a field this version does not know.
    NewerVersion {
        /// What was not known, in words.
        what: String,
    },
    /// The text is not a Fortress link, or was cut short or altered.
    Damaged {
        /// What gave it away, in words.
        reason: &'static str,
    },
    /// The link decodes, but its scenario does not make sense.
    Invalid(ScenarioError),
    /// The link needs what only Fortress's full build carries (a preset or a
    /// deal this build leaves out, `fortress_core::deal::full_build_for`): the
    /// widget's lighter build hands it to the full build, which opens it.
    NeedsFull {
        /// What it needs, in words.
        what: String,
    },
}

impl LinkError {
    /// True when a newer version of Fortress could open the link.
    pub fn is_from_newer_version(&self) -> bool {
        matches!(self, LinkError::NewerVersion { .. })
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong { bytes } => {
                write!(f, "link: the link is {bytes} bytes long; the limit is {MAX_LINK_BYTES}")
            }
            LinkError::NewerVersion { what } => {
                write!(f, "link: this link is from a newer version of Fortress ({what})")
            }
            LinkError::Damaged { reason } => write!(f, "link: this link is damaged: {reason}"),
            LinkError::Invalid(error) => error.fmt(f),
            LinkError::NeedsFull { what } => write!(f, "link: this link needs Fortress's full build ({what})"),
        }
    }
}

impl std::error::Error for LinkError {}

/// Writes a scenario as a link fragment (without the `#`): on the preset
/// whose title, sources and notes it keeps, or in full.
///
/// ```
/// let fragment = fortress_format::link::encode(&fortress_core::presets::feb_2026_pre_money());
/// assert!(fragment.starts_with("1.") && fragment.len() < 10);
/// ```
pub fn encode(scenario: &Scenario) -> String {
    seal(&body::encode(scenario, bases::all()))
}

/// Reads the scenario from a link: a whole URL, or its fragment with or
/// without the `#`.
///
/// ```
/// use fortress_format::link::{decode, LinkError};
/// assert!(matches!(decode("#2.AAAA"), Err(LinkError::NewerVersion { .. })));
/// assert!(matches!(decode("http://127.0.0.1:8080/"), Err(LinkError::Damaged { .. })));
/// ```
pub fn decode(text: &str) -> Result<Scenario, LinkError> {
    decode_link(text).map(|link| link.scenario)
}

/// Reads the scenario from a link, and the preset it was made from.
pub fn decode_link(text: &str) -> Result<Link, LinkError> {
    if text.len() > MAX_LINK_BYTES {
        return Err(LinkError::TooLong { bytes: text.len() });
    }
    let text = text.trim();
    let fragment = text.split_once('#').map_or(text, |(_, fragment)| fragment).as_bytes();
    let not_a_link = || wire::damaged("it is not a Fortress link");
    let dot = fragment.iter().position(|&b| b == b'.').ok_or_else(not_a_link)?;
    let version = fragment.split_at(dot).0;
    let format = match version {
        [b'1'..=b'9', digits @ ..] if digits.len() < 9 && digits.iter().all(u8::is_ascii_digit) => {
            version.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'))
        }
        _ => return Err(not_a_link()),
    };
    if format != LINK_FORMAT {
        return Err(LinkError::NewerVersion { what: format!("link format {format}; this version reads format 1") });
    }
    let sealed_len = fragment.len().checked_sub(2).filter(|&n| n > dot).ok_or_else(not_a_link)?;
    let (sealed, check) = fragment.split_at(sealed_len);
    let want = wire::check_chars(sealed);
    if check.len() != 2 || check.iter().zip(want).any(|(&got, want)| char::from(got) != want) {
        return Err(wire::damaged("its check characters do not match (was it cut short or changed?)"));
    }
    let payload = sealed.get(dot + 1..).ok_or_else(not_a_link)?;
    let bytes = wire::base64_decode(payload)?;
    let (scenario, preset) = body::decode(&bytes, bases::all())?;
    if let Some(what) = fortress_core::deal::full_build_for(&scenario) {
        return Err(LinkError::NeedsFull { what });
    }
    fortress_core::validate(&scenario).map_err(LinkError::Invalid)?;
    Ok(Link { scenario, preset })
}

/// Wraps body bytes as a format-1 link with the right check characters.
/// For tests and fuzzing, so that random bodies reach the body reader
/// instead of stopping at the check.
#[doc(hidden)]
pub fn seal(body: &[u8]) -> String {
    let mut text = String::with_capacity(4 + body.len().div_ceil(3) * 4);
    text.push_str("1.");
    wire::base64_encode(body, &mut text);
    let check = wire::check_chars(text.as_bytes());
    text.extend(check);
    text
}
