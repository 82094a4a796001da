//! Class terms and exits in the lighter build (without the feature `full`):
//! it cannot hold them, so a link that carries them is handed to the full
//! build, with `LinkError::NeedsFull` naming the exit waterfall, never opened
//! without them nor called damaged. The links are the golden ones with terms
//! or an exit (golden/links.txt, written by the full build; see link_golden.rs).

#![cfg(not(feature = "full"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_format::link::{decode, decode_link, LinkError};
use fortress_format::parse_scenario;

/// The golden entries with class terms or an exit: name, link and scenario JSON.
fn golden_exit_entries() -> Vec<(String, String, String)> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/links.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    for block in text.split("\n== ").skip(1) {
        let mut lines = block.splitn(4, '\n');
        let (name, link, json) = (lines.next().unwrap(), lines.next().unwrap(), lines.nth(1).unwrap_or(""));
        if name.contains("(2026-12, exit)") {
            let link = link.strip_prefix("link: ").unwrap();
            out.push((name.to_owned(), link.to_owned(), json.trim().to_owned()));
        }
    }
    out
}

fn needs_the_exit_waterfall() -> LinkError {
    LinkError::NeedsFull { what: "the exit waterfall".to_owned() }
}

#[test]
fn links_with_terms_or_an_exit_are_handed_to_the_full_build() {
    let entries = golden_exit_entries();
    // Terms on a preset link, an exit alone on a preset link, terms alone, terms and an exit in full.
    assert!(entries.len() >= 4, "{} entries", entries.len());
    for (name, link, _) in &entries {
        assert_eq!(decode(link), Err(needs_the_exit_waterfall()), "{name}");
        assert_eq!(decode_link(link), Err(needs_the_exit_waterfall()), "{name}");
        // As a whole address too.
        assert_eq!(decode(&format!("https://example.com/fortress/#{link}")), Err(needs_the_exit_waterfall()), "{name}");
        let error = decode(link).unwrap_err();
        assert!(!error.is_from_newer_version(), "{name}");
        assert_eq!(error.to_string(), "link: this link needs Fortress's full build (the exit waterfall)");
    }
}

/// The lighter build's scenario type has no value for terms or an exit, so
/// their JSON does not read there (the full build reads it: exit_links.rs).
#[test]
fn their_json_is_the_full_builds_to_read() {
    for (name, _, json) in golden_exit_entries() {
        assert!(json.contains("\"terms\"") || json.contains("\"exit\""), "{name}");
        let error = parse_scenario(&json).unwrap_err();
        assert!(error.field() == "exit" || error.field().ends_with(".terms"), "{name}: {error}");
    }
}
