//! The deal reader on arbitrary input: it must answer every text with an
//! error or a valid deal, never panic; every deal it reads must come back
//! exactly through the writer, and judging the default scenario under it
//! (every term, route and timeline point) must not panic either.

#![no_main]

use fortress_format::deal::{deal_to_json, parse_deal};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(deal) = parse_deal(text) else { return };
    assert_eq!(fortress_core::deal::validate_deal(&deal), Ok(()), "read an invalid deal");
    assert_eq!(parse_deal(&deal_to_json(&deal)).as_ref(), Ok(&deal), "a deal does not survive the writer");
    // Every preset that names no deal is judged under the one read: errors are fine, panics are not.
    for preset in fortress_core::presets::ALL {
        let scenario = (preset.build)();
        if scenario.deal.is_none() {
            let _ = fortress_core::evaluate_with(&scenario, &deal);
        }
    }
});
