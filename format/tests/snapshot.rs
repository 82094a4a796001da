//! The full outcome of every preset, as `fortress eval` prints it.
//!
//! These files are what an analyst reads; a change to any number, status or
//! reason shows up here as a diff. After a deliberate change, refresh them
//! with `UPDATE_EXPECT=1 cargo test -p fortress-format --test snapshot`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use expect_test::expect_file;
use fortress_core::{evaluate, presets};
use fortress_format::outcome_to_json;

fn outcome(name: &str) -> String {
    let scenario = presets::by_name(name).unwrap_or_else(|| panic!("no preset {name}"));
    let outcome = evaluate(&scenario).unwrap_or_else(|e| panic!("{name}: {e}"));
    outcome_to_json(&outcome) + "\n"
}

#[test]
fn feb_2026() {
    expect_file!["snapshots/feb-2026.json"].assert_eq(&outcome("feb-2026"));
}

#[test]
fn feb_2026_post() {
    expect_file!["snapshots/feb-2026-post.json"].assert_eq(&outcome("feb-2026-post"));
}

#[test]
fn mar_2026_close() {
    expect_file!["snapshots/mar-2026-close.json"].assert_eq(&outcome("mar-2026-close"));
}

#[test]
fn oct_2025() {
    expect_file!["snapshots/oct-2025.json"].assert_eq(&outcome("oct-2025"));
}
