//! Share links: every valid scenario comes back exactly, every bad link is a
//! plain error, and no input panics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_core::{presets, validate, Dollars, Scenario};
use fortress_format::link::{decode, decode_link, encode, seal, Link, LinkError, MAX_LINK_BYTES};
use fortress_testkit::{edited_preset, rich_scenario, scenario, wild_scenario};
use proptest::prelude::*;

/// What a decoder may answer for any input: an error, or a scenario that passes validation.
fn acceptable(result: &Result<Scenario, LinkError>) -> Result<(), TestCaseError> {
    if let Ok(scenario) = result {
        prop_assert!(validate(scenario).is_ok(), "decoded an invalid scenario: {scenario:?}");
    }
    Ok(())
}

/// The characters a link may hold, and that it ends in a letter or digit.
fn well_formed(link: &str) -> bool {
    let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    link.starts_with("1.") && link.chars().all(ok) && link.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
}

/// A change to a link's text: cut it short, change a character, add one, drop one.
#[derive(Clone, Debug)]
enum Mutation {
    Truncate(usize),
    Replace(usize, char),
    Insert(usize, char),
    Remove(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let any_char = prop_oneof![
        prop::sample::select(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".to_vec())
            .prop_map(char::from),
        any::<char>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any_char.clone()).prop_map(|(i, c)| Mutation::Replace(i, c)),
        (any::<usize>(), any_char).prop_map(|(i, c)| Mutation::Insert(i, c)),
        any::<usize>().prop_map(Mutation::Remove),
    ]
}

/// Applies a mutation to a list of items (characters or bytes), positions taken modulo its length.
fn mutate<T: Clone>(items: &[T], mutation: &Mutation, from: impl Fn(char) -> T) -> Vec<T> {
    let mut out = items.to_vec();
    let at = |i: usize, extra: usize| i % (out.len() + extra).max(1);
    match mutation {
        Mutation::Truncate(i) => out.truncate(at(*i, 0)),
        Mutation::Replace(i, c) if !out.is_empty() => {
            let i = at(*i, 0);
            out[i] = from(*c);
        }
        Mutation::Insert(i, c) => {
            let i = at(*i, 1);
            out.insert(i, from(*c));
        }
        Mutation::Remove(i) if !out.is_empty() => {
            let i = at(*i, 0);
            out.remove(i);
        }
        _ => {}
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_scenarios_come_back_exactly(scenario in scenario()) {
        let link = encode(&scenario);
        prop_assert!(well_formed(&link), "{link}");
        prop_assert_eq!(decode_link(&link), Ok(Link { scenario, preset: None }));
    }

    #[test]
    fn scenarios_using_every_field_come_back_exactly(scenario in rich_scenario()) {
        prop_assume!(validate(&scenario).is_ok());
        let link = encode(&scenario);
        prop_assert!(well_formed(&link), "{link}");
        prop_assert_eq!(decode(&link), Ok(scenario));
    }

    #[test]
    fn edited_presets_come_back_with_their_preset((name, scenario) in edited_preset()) {
        prop_assume!(validate(&scenario).is_ok());
        let link = encode(&scenario);
        prop_assert!(well_formed(&link), "{link}");
        // A few edits from a preset stay far shorter than the preset written in full.
        prop_assert!(link.len() < 400, "{} characters: {link}", link.len());
        prop_assert_eq!(decode_link(&link), Ok(Link { scenario, preset: Some(name) }));
    }

    /// Whatever a scenario holds, its link gives it back or the error validation gives.
    #[test]
    fn wild_scenarios_come_back_or_fail_validation_alike(scenario in wild_scenario()) {
        let want = validate(&scenario).map(|()| scenario.clone()).map_err(LinkError::Invalid);
        prop_assert_eq!(decode(&encode(&scenario)), want);
    }

    #[test]
    fn random_text_never_panics(text in ".{0,300}") {
        acceptable(&decode(&text))?;
        acceptable(&decode(&format!("1.{text}")))?;
    }

    #[test]
    fn random_bodies_never_panic(body in prop::collection::vec(any::<u8>(), 0..300)) {
        // Sealed, so the body reaches the body reader instead of stopping at the check characters.
        acceptable(&decode(&seal(&body)))?;
    }

    #[test]
    fn bodies_from_valid_prefixes_never_panic(
        prefix in prop::sample::select(vec![vec![0u8], vec![1], vec![2], vec![3], vec![4], vec![0, 3], vec![1, 3]]),
        rest in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let body: Vec<u8> = prefix.into_iter().chain(rest).collect();
        acceptable(&decode(&seal(&body)))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn changed_links_never_panic((_, scenario) in edited_preset(), mutation in mutation()) {
        let link: Vec<char> = encode(&scenario).chars().collect();
        let changed: String = mutate(&link, &mutation, |c| c).into_iter().collect();
        acceptable(&decode(&changed))?;
    }

    #[test]
    fn changed_full_links_never_panic(scenario in rich_scenario(), mutation in mutation()) {
        let link: Vec<char> = encode(&scenario).chars().collect();
        let changed: String = mutate(&link, &mutation, |c| c).into_iter().collect();
        acceptable(&decode(&changed))?;
    }

    /// The same changes made to the body and sealed again, so they reach the body reader.
    #[test]
    fn changed_bodies_never_panic((_, scenario) in edited_preset(), mutation in mutation(), rich in rich_scenario()) {
        for link in [encode(&scenario), encode(&rich)] {
            let body = body_of(&link);
            let changed = mutate(&body, &mutation, |c| c as u8);
            acceptable(&decode(&seal(&changed)))?;
        }
    }
}

/// The body bytes of a format-1 link, decoded by hand.
fn body_of(link: &str) -> Vec<u8> {
    let payload = &link[2..link.len() - 2];
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        _ => 63,
    };
    let mut bits: u32 = 0;
    let mut n_bits = 0;
    let mut out = Vec::new();
    for c in payload.bytes() {
        bits = (bits << 6) | u32::from(value(c));
        n_bits += 6;
        if n_bits >= 8 {
            n_bits -= 8;
            out.push((bits >> n_bits) as u8);
        }
    }
    out
}

#[test]
fn body_of_inverts_seal() {
    for body in [vec![], vec![0u8], vec![1, 2], vec![255, 0, 7, 9]] {
        assert_eq!(body_of(&seal(&body)), body);
    }
}

/// Each case: the text given to `decode`, and the start of the one-line message it must give.
#[test]
fn bad_links_give_plain_messages() {
    let valid = encode(&presets::feb_2026_pre_money());
    let cut = &valid[..valid.len() - 1];
    let mut changed = valid.clone().into_bytes();
    changed[2] = if changed[2] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    let too_long = format!("1.{}", "A".repeat(MAX_LINK_BYTES));
    let mut trailing = body_of(&valid);
    trailing.push(0);
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "link: this link is damaged: it is not a Fortress link"),
        ("#".into(), "link: this link is damaged: it is not a Fortress link"),
        ("http://127.0.0.1:8080/".into(), "link: this link is damaged: it is not a Fortress link"),
        ("feb-2026".into(), "link: this link is damaged: it is not a Fortress link"),
        ("01.AAAA".into(), "link: this link is damaged: it is not a Fortress link"),
        ("1.".into(), "link: this link is damaged: it is not a Fortress link"),
        ("1.A".into(), "link: this link is damaged: it is not a Fortress link"),
        (
            "2.AAAA".into(),
            "link: this link is from a newer version of Fortress (link format 2; this version reads format 1)",
        ),
        ("#37.x".into(), "link: this link is from a newer version of Fortress (link format 37;"),
        (cut.into(), "link: this link is damaged: its check characters do not match"),
        (changed, "link: this link is damaged: its check characters do not match"),
        (too_long, "link: the link is 65538 bytes long; the limit is 65536"),
        (seal(&[]), "link: this link is damaged: it ends in the middle of a value"),
        (seal(&[0]), "link: this link is damaged: it ends in the middle of a value"),
        (seal(&[0, 1, 5]), "link: this link is damaged: it ends in the middle of a value"),
        (seal(&[0xff]), "link: this link is damaged: it ends in the middle of a value"),
        (seal(&[0xff; 30]), "link: this link is damaged: a number is too large"),
        (
            seal(&[200, 1]),
            "link: this link is from a newer version of Fortress (a preset version this one does not know)",
        ),
        (
            seal(&[0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]),
            "link: this link is from a newer version of Fortress (a scenario field",
        ),
        (seal(&[1, 0x80, 0x01, 0]), "link: this link is damaged: a preset link cannot change the preset's title"),
        // Regime code 3 names a regime by id (a deal's own), since deals are data; 4 is not known yet.
        (seal(&[0, 0x40, 4]), "link: this link is from a newer version of Fortress (a contract regime"),
        (seal(&[0, 0x41, 0, 3, 2, b'x']), "holders: must not be empty"),
        (seal(&trailing), "link: this link is damaged: it goes on after the end of the scenario"),
        (seal(&[0, 1, 1, 4, 0xff, 0xfe]), "link: this link is damaged: a text is not UTF-8"),
        (seal(&[0, 1, 1, 41]), "link: this link is damaged: it refers to a text that is not there"),
        (seal(&[0, 1, 1, 2, b'-', 0]), "link: this link is damaged: an id is to be made from a name it cannot"),
        (seal(&[0, 1, 0]), "holders: must not be empty"),
        (seal(&[0, 0]), "holders: must not be empty"),
        (seal(&[0, 0x80, 0x08, 2]), "version: format version 2 is not supported"),
    ];
    for (text, want) in cases {
        let got = decode(&text).map(|_| ()).unwrap_err().to_string();
        assert!(got.starts_with(want), "{text:?}\n got: {got}\nwant: {want}");
    }
}

#[test]
fn newer_version_is_told_apart_from_damage() {
    assert!(decode("2.AAAAxy").unwrap_err().is_from_newer_version());
    assert!(decode(&seal(&[100])).unwrap_err().is_from_newer_version());
    assert!(!decode("1.AAAAxy").unwrap_err().is_from_newer_version());
}

#[test]
fn links_open_from_a_url_a_fragment_or_the_bare_text() {
    let scenario = presets::by_name(presets::DEFAULT).unwrap();
    let fragment = encode(&scenario);
    for text in [
        fragment.clone(),
        format!("#{fragment}"),
        format!("http://127.0.0.1:8080/#{fragment}"),
        format!("https://example.com/article?x=1#{fragment}"),
        format!("  {fragment}\n"),
    ] {
        assert_eq!(
            decode_link(&text),
            Ok(Link { scenario: scenario.clone(), preset: Some(presets::DEFAULT) }),
            "{text}"
        );
    }
}

#[test]
fn every_preset_is_a_few_characters() {
    for preset in presets::ALL {
        let scenario = (preset.build)();
        let link = encode(&scenario);
        assert!(link.len() <= 8, "{}: {link}", preset.name);
        assert_eq!(decode_link(&link), Ok(Link { scenario, preset: Some(preset.name) }));
    }
}

/// A scenario with a title of its own keeps its sources and notes in the link.
#[test]
fn a_scenario_with_its_own_text_is_written_in_full() {
    let mut scenario = presets::feb_2026_pre_money();
    scenario.title = "My reading of the round".into();
    scenario.rounds[0].investments[1].amount = Dollars(35_000_000_000);
    let link = encode(&scenario);
    assert!(link.len() > 1000, "{}", link.len());
    assert_eq!(decode_link(&link), Ok(Link { scenario, preset: None }));
}

/// A link longer than the limit is refused before it is decoded, even a valid one.
#[test]
fn the_size_limit_comes_first() {
    let mut scenario = presets::feb_2026_pre_money();
    scenario.title = "Long".into();
    scenario.notes = (0..50).map(|i| format!("{i}: {}", "a long note, ".repeat(45)).as_str().into()).collect();
    for (i, source) in scenario.sources.iter_mut().enumerate() {
        source.fact = format!("{i}{}", "x".repeat(590));
    }
    let link = encode(&scenario);
    assert_eq!(decode(&link), Ok(scenario.clone()));
    scenario.sources = (0..50)
        .map(|i| fortress_core::Source { fact: format!("{i}{}", "y".repeat(590)), ..scenario.sources[0].clone() })
        .collect();
    let link = encode(&scenario);
    assert!(link.len() > MAX_LINK_BYTES);
    assert_eq!(decode(&link), Err(LinkError::TooLong { bytes: link.len() }));
}
