//! The full outcome of every preset, as `fortress eval` prints it, one file
//! per preset in `snapshots/`: a new preset is covered without a new test.
//!
//! These files are what an analyst reads; a change to any number, status or
//! reason shows up here as a diff. After a deliberate change, refresh them
//! with `UPDATE_EXPECT=1 cargo test -p fortress-format --test snapshot`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use expect_test::expect_file;
use fortress_core::{evaluate, presets};
use fortress_format::outcome_to_json;

#[test]
fn every_preset_evaluates_as_its_snapshot_says() {
    for preset in presets::ALL {
        let outcome = evaluate(&(preset.build)()).unwrap_or_else(|e| panic!("{}: {e}", preset.name));
        expect_file![format!("snapshots/{}.json", preset.name)].assert_eq(&(outcome_to_json(&outcome) + "\n"));
    }
}

/// A snapshot whose preset is gone would go stale unnoticed.
#[test]
fn every_snapshot_has_its_preset() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let preset = name.strip_suffix(".json").unwrap_or_else(|| panic!("{name} is not a snapshot"));
        // The lighter build carries the full build's presets by name only.
        assert!(presets::by_name(preset).is_some() || presets::left_out(preset), "snapshots/{name} has no preset");
    }
}
