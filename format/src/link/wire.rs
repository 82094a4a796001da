//! The byte and text primitives of share links: LEB128 varints, base64url
//! without padding, and the two check characters.
//!
//! Nothing here knows what a scenario is. Every reader checks its bounds and
//! returns [`LinkError::Damaged`] instead of indexing past the end.

use super::LinkError;

/// The base64url alphabet (RFC 4648 section 5): letters, digits, `-` and `_`,
/// none of which a browser, chat app or mail client escapes.
const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The alphabet of the check characters: letters and digits only, so that a
/// link never ends in punctuation that Markdown or a chat app would cut off
/// as "not part of the link" (a trailing `_`, `.` or `~`).
const ALNUM: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

pub(super) fn damaged(reason: &'static str) -> LinkError {
    LinkError::Damaged { reason }
}

const ENDS_EARLY: &str = "it ends in the middle of a value (was it cut short?)";

/// Appends `bytes` as base64url without padding.
pub(super) fn base64_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let b = [chunk.first().copied(), chunk.get(1).copied(), chunk.get(2).copied()];
        let n =
            (u32::from(b[0].unwrap_or(0)) << 16) | (u32::from(b[1].unwrap_or(0)) << 8) | u32::from(b[2].unwrap_or(0));
        let sextets = 1 + chunk.len();
        for i in 0..sextets {
            let shift = 18 - 6 * i;
            out.push(char::from(BASE64[((n >> shift) & 63) as usize]));
        }
    }
}

/// Reads base64url without padding. Refuses any other character, a length
/// no encoder writes, and stray bits after the last byte, so that every
/// byte string has exactly one text.
pub(super) fn base64_decode(text: &[u8]) -> Result<Vec<u8>, LinkError> {
    if text.len() % 4 == 1 {
        return Err(damaged("its length is not one a link can have (was it cut short?)"));
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut n: u32 = 0;
        for &c in chunk {
            n = (n << 6) | sextet(c)?;
        }
        // A short last chunk holds 1 or 2 bytes and 4 or 2 spare bits.
        let (bytes, spare) = match chunk.len() {
            4 => (3, 0),
            3 => (2, 2),
            _ => (1, 4),
        };
        if n & ((1 << spare) - 1) != 0 {
            return Err(damaged("a character has been changed"));
        }
        let n = n >> spare;
        for i in (0..bytes).rev() {
            out.push(((n >> (8 * i)) & 0xff) as u8);
        }
    }
    Ok(out)
}

fn sextet(c: u8) -> Result<u32, LinkError> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return Err(damaged("it holds a character no link has")),
    };
    Ok(u32::from(value))
}

/// The two check characters of `text`: FNV-1a over its bytes, reduced to
/// one of 62 * 62 = 3,844 values. A link cut short or with a character
/// changed passes the check by chance once in 3,844 times.
pub(super) fn check_chars(text: &[u8]) -> [char; 2] {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in text {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    let value = hash % (62 * 62);
    [char::from(ALNUM[(value / 62) as usize]), char::from(ALNUM[(value % 62) as usize])]
}

/// A growing byte buffer with varint writers.
#[derive(Default)]
pub(super) struct Bytes(pub(super) Vec<u8>);

impl Bytes {
    /// LEB128: seven bits a byte, low bits first, high bit set on all but the last.
    pub(super) fn varint(&mut self, mut value: u128) {
        while value >= 0x80 {
            self.0.push((value & 0x7f) as u8 | 0x80);
            value >>= 7;
        }
        self.0.push(value as u8);
    }
}

/// Reads a body front to back, never past its end, and keeps count of how
/// much the decoded scenario holds so that a short link cannot expand into
/// a huge scenario.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    budget: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8], budget: usize) -> Reader<'a> {
        Reader { bytes, pos: 0, budget }
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    pub(super) fn byte(&mut self) -> Result<u8, LinkError> {
        let b = self.bytes.get(self.pos).copied().ok_or_else(|| damaged(ENDS_EARLY))?;
        self.pos += 1;
        Ok(b)
    }

    /// A LEB128 varint of at most 128 bits.
    pub(super) fn varint(&mut self) -> Result<u128, LinkError> {
        let mut value: u128 = 0;
        // Nineteen bytes carry 133 bits; the last may use only the 2 bits left.
        for shift in (0..=126).step_by(7) {
            let b = self.byte()?;
            let part = u128::from(b & 0x7f);
            if shift == 126 && part > 3 {
                return Err(damaged("a number is too large"));
            }
            value |= part << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(damaged("a number is too large"))
    }

    /// A varint that must fit in 64 bits.
    pub(super) fn small(&mut self) -> Result<u64, LinkError> {
        u64::try_from(self.varint()?).map_err(|_| damaged("a number is too large"))
    }

    /// The length of a list. Every item takes at least one byte, so a list
    /// longer than what is left of the link is damage, found before any
    /// item is read.
    pub(super) fn count(&mut self) -> Result<usize, LinkError> {
        let n = self.small()?;
        match usize::try_from(n) {
            Ok(n) if n <= self.remaining() => Ok(n),
            _ => Err(damaged(ENDS_EARLY)),
        }
    }

    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], LinkError> {
        let end = self.pos.checked_add(n).ok_or_else(|| damaged(ENDS_EARLY))?;
        let slice = self.bytes.get(self.pos..end).ok_or_else(|| damaged(ENDS_EARLY))?;
        self.pos = end;
        Ok(slice)
    }

    /// Counts `n` units of decoded scenario against the budget.
    pub(super) fn spend(&mut self, n: usize) -> Result<(), LinkError> {
        self.budget =
            self.budget.checked_sub(n).ok_or_else(|| damaged("it expands into a scenario larger than the limit"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length() {
        for len in 0..40usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let mut text = String::new();
            base64_encode(&bytes, &mut text);
            assert_eq!(text.len(), (len * 4).div_ceil(3), "{len}");
            assert_eq!(base64_decode(text.as_bytes()).unwrap(), bytes, "{len}");
        }
    }

    #[test]
    fn base64_matches_the_rfc_examples() {
        let cases =
            [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("\u{ff}\u{fe}", "w7_Dvg")];
        for (plain, encoded) in cases {
            let mut text = String::new();
            base64_encode(plain.as_bytes(), &mut text);
            assert_eq!(text, encoded);
        }
    }

    #[test]
    fn base64_refuses_what_no_encoder_writes() {
        for bad in ["A", "Zh", "Zm9=", "Zm9v+", "Zm/v", "Zm 9"] {
            assert!(base64_decode(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn varints_round_trip_and_refuse_overflow() {
        for value in [0u128, 1, 127, 128, 300, u128::from(u64::MAX), u128::MAX] {
            let mut out = Bytes::default();
            out.varint(value);
            let mut reader = Reader::new(&out.0, 0);
            assert_eq!(reader.varint().unwrap(), value);
            assert!(reader.at_end());
        }
        let too_long = [0xffu8; 19];
        assert!(Reader::new(&too_long, 0).varint().is_err());
        let mut over = vec![0xffu8; 18];
        over.push(0x7f);
        assert!(Reader::new(&over, 0).varint().is_err());
    }
}
