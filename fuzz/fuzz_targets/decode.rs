//! The share-link decoder on arbitrary input: it must answer every input
//! with an error or a valid scenario, never panic, and every scenario it
//! gives must come back exactly through `encode`.
//!
//! Each input is tried twice: as the link text itself, and as a link body
//! sealed with valid check characters, since random text almost never
//! passes the check and so would never reach the body reader.

#![no_main]

use fortress_format::link;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check(link::decode_link(text));
    }
    check(link::decode_link(&link::seal(data)));
});

fn check(result: Result<link::Link, link::LinkError>) {
    let Ok(opened) = result else { return };
    assert_eq!(fortress_core::validate(&opened.scenario), Ok(()), "decoded an invalid scenario");
    let again = link::decode_link(&link::encode(&opened.scenario));
    assert_eq!(again.map(|l| l.scenario), Ok(opened.scenario), "a decoded scenario does not survive encode");
}
