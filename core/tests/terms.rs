//! Contract terms and routes, judged on the default scenario and its variations.
//!
//! Each case is one line: the edits made to the February 2026 preset, the
//! term (or product), the status (or hosting) expected, and words the
//! reason must contain so that a reader can follow it without the code.
// The lighter build's deal texts are `&'static str` where the full build's are
// `Cow<str>`: a borrow that one build needs is needless in the other.
#![cfg_attr(
    not(feature = "full"),
    allow(clippy::needless_borrow, clippy::borrow_deref_ref, clippy::explicit_auto_deref, clippy::clone_on_copy)
)]
// A test fails by panicking; the core itself denies these lints.
#![allow(clippy::panic)]

use fortress_core::deal::OPENAI_MICROSOFT;
use fortress_core::terms::{AsOfBasis, Hosting, ProductKind, Rule, Status, TermStatus};
use fortress_core::{evaluate, presets, Date, Outcome, Percent, Scenario, WhatIf};

use Edit::*;
use Hosting::{AnyCloud, Contested};

/// Azure only, as the Microsoft–OpenAI deal's routes answer.
#[allow(non_upper_case_globals)]
const AzureOnly: Hosting = Hosting::Only(fortress_core::deal::words("Azure"));

/// The regimes of the Microsoft–OpenAI deal.
#[derive(Clone, Copy, Debug)]
enum RegimeId {
    Oct2025,
    Apr2026,
}

impl RegimeId {
    fn id(self) -> &'static str {
        match self {
            RegimeId::Oct2025 => "oct-2025",
            RegimeId::Apr2026 => "apr-2026",
        }
    }
}

/// The number of terms of the Microsoft–OpenAI deal.
fn term_count() -> usize {
    OPENAI_MICROSOFT.terms.len()
}
use ProductKind::*;
use Status::*;

/// A change to the default scenario.
#[derive(Clone, Copy, Debug)]
enum Edit {
    /// Judge on this day.
    On(&'static str),
    /// Give no date at all.
    NoDate,
    /// Drop the rounds, leaving the October 2025 table.
    NoRounds,
    /// OpenAI declares AGI on this day.
    Declared(&'static str),
    /// The expert panel verifies AGI on this day.
    Verified(&'static str),
    /// Pin a regime, whatever the date.
    Pin(RegimeId),
    /// What-if: `term` ends if `holder`'s stake falls below the percentage (in points).
    Floor(&'static str, i64, &'static str),
    /// What-if: `term` ends if another holder outweighs `holder`.
    Outweighed(&'static str, &'static str),
    /// What-if: `term` ends if one holder passes the percentage (in points).
    Above(i64, &'static str),
    /// Amazon's cheque in the round, in billions of dollars.
    Amazon(i64),
}

fn day(text: &str) -> Option<Date> {
    let date = Date::parse(text);
    assert!(date.is_some(), "bad date in a test case: {text}");
    date
}

fn scenario(edits: &[Edit]) -> Scenario {
    let mut scenario = presets::feb_2026_pre_money();
    for edit in edits {
        match *edit {
            On(text) => scenario.as_of = day(text),
            NoDate => scenario.as_of = None,
            NoRounds => scenario.rounds.clear(),
            Declared(text) => scenario.events.set("agi_declared", day(text)),
            Verified(text) => scenario.events.set("agi_verified", day(text)),
            Pin(id) => scenario.regime = Some(id.id().to_owned()),
            Amazon(billions) => {
                for round in &mut scenario.rounds {
                    for cheque in round.investments.iter_mut().filter(|i| i.holder == "amazon") {
                        cheque.amount = fortress_core::Dollars(billions * 1_000_000_000);
                    }
                }
            }
            Floor(holder, points, term) => scenario.whatifs.push(WhatIf::StakeBelow {
                holder: holder.to_owned(),
                percent: Percent::from_micros(points * 1_000_000),
                term: term.to_owned(),
            }),
            Outweighed(holder, term) => {
                scenario.whatifs.push(WhatIf::Outweighed { holder: holder.to_owned(), term: term.to_owned() })
            }
            Above(points, term) => scenario
                .whatifs
                .push(WhatIf::HolderAbove { percent: Percent::from_micros(points * 1_000_000), term: term.to_owned() }),
        }
    }
    scenario
}

fn outcome(edits: &[Edit]) -> Outcome {
    match evaluate(&scenario(edits)) {
        Ok(outcome) => outcome,
        Err(error) => panic!("{edits:?}: the scenario should be valid: {error}"),
    }
}

fn term<'a>(outcome: &'a Outcome, id: &str) -> &'a TermStatus {
    match outcome.terms.iter().find(|t| t.id == id) {
        Some(term) => term,
        None => panic!("no term {id} in {:?}", outcome.terms.iter().map(|t| t.id.to_string()).collect::<Vec<_>>()),
    }
}

/// Judges `id` on the edited scenario and checks its status and the words of its reason.
fn check(edits: &[Edit], id: &str, status: Status, words: &[&str]) {
    let outcome = outcome(edits);
    let term = term(&outcome, id);
    assert_eq!(term.status, status, "{edits:?} {id}: {}", term.reason);
    let text = format!("{} {} {}", term.title, term.grants, term.reason);
    for word in words {
        assert!(text.contains(word), "{edits:?} {id}: {word:?} missing from {text:?}");
    }
}

/// Asks where `product` may run on the edited scenario.
fn check_route(edits: &[Edit], product: ProductKind, hosting: Hosting, decided_by: &str, words: &[&str]) {
    let outcome = outcome(edits);
    let route = match outcome.routes.iter().find(|r| r.product == product) {
        Some(route) => route,
        None => panic!("{edits:?}: no route for {product:?}"),
    };
    assert_eq!((&route.hosting, &*route.term), (&hosting, decided_by), "{edits:?} {product:?}: {}", route.reason);
    for word in words {
        assert!(route.reason.contains(word), "{edits:?} {product:?}: {word:?} missing from {:?}", route.reason);
    }
}

const EXCL: &str = "azure-api-exclusivity";
const AGI_LATE: [Edit; 4] = [Pin(RegimeId::Oct2025), Declared("2029-05-01"), Verified("2029-06-01"), On("2029-07-01")];
const AGI_EARLY: [Edit; 3] = [Declared("2026-03-01"), Verified("2026-03-15"), On("2026-04-01")];

#[test]
fn terms_on_the_default_scenario() {
    check(&[], EXCL, InForce, &["until the expert panel verifies AGI", "has not verified AGI", "no bearing"]);
    check(&[], "third-party-apis", InForce, &["has not verified AGI"]);
    check(&[], "ip-license", InForce, &["exclusive", "through 2032-12-31"]);
    check(&[], "research-ip", InForce, &["has not verified AGI", "2030-12-31 has not passed"]);
    check(&[], "revenue-share", InForce, &["until the expert panel verifies AGI"]);
    check(&[], "compute-rofr", Ended, &["ended", "2025-10-28"]);
    check(&[], "non-api-any-cloud", InForce, &["no end"]);
    check(&[], "natsec-any-cloud", InForce, &["no end"]);
    check(&[], "open-weights", InForce, &["no end"]);
    check(&[], "consumer-hardware", InForce, &["no end"]);
    check(&[], "azure-commitment", InForce, &["$250B"]);
    check(&[], "msft-agi", InForce, &["until OpenAI declares AGI", "has not declared AGI"]);
    check(&[], "first-party-on-azure", InForce, &["Azure"]);
    check(&[], "expert-panel", InForce, &["panel"]);
    check(&[], "azure-first-ship", NotYet, &["not yet", "April 27, 2026 amendment brings it in"]);
    check(&[], "msft-revenue-share", InForce, &["no end"]);
}

#[test]
fn agi_verified_by_the_panel() {
    // Verified in March 2026, judged in April, before the amendment: the October 2025 terms by date.
    check(&AGI_EARLY, EXCL, Ended, &["ended: the expert panel verified AGI on 2026-03-15"]);
    check(&AGI_EARLY, "third-party-apis", Ended, &["verified AGI on 2026-03-15"]);
    check(&AGI_EARLY, "research-ip", Ended, &["verified AGI on 2026-03-15"]);
    check(&AGI_EARLY, "revenue-share", Ended, &["verified AGI on 2026-03-15"]);
    check(&AGI_EARLY, "ip-license", InForce, &["through 2032-12-31", "whether or not AGI is verified"]);
    check(&AGI_EARLY, "msft-agi", Ended, &["OpenAI declared AGI on 2026-03-01"]);
    // Later AGI under the pinned October 2025 terms.
    check(&AGI_LATE, EXCL, Ended, &["verified AGI on 2029-06-01", "pins"]);
    check(&AGI_LATE, "research-ip", Ended, &["verified AGI on 2029-06-01"]);
    check(&AGI_LATE, "revenue-share", Ended, &["verified AGI on 2029-06-01"]);
    check(&AGI_LATE, "ip-license", InForce, &["2032"]);
    // Declared but not yet verified: the panel has not spoken, so nothing that waits for it ends.
    check(&[Declared("2026-02-01")], EXCL, InForce, &["has not verified AGI"]);
    check(&[Declared("2026-02-01")], "msft-agi", Ended, &["declared AGI on 2026-02-01"]);
    // Verified on a day after the date judged: not yet, and the reason says when.
    check(&[Verified("2029-06-01")], EXCL, InForce, &["has not verified AGI by 2026-02-27", "2029-06-01"]);
    check(&[Verified("2026-02-27")], EXCL, Ended, &["verified AGI on 2026-02-27"]);
}

#[test]
fn research_ip_under_the_pinned_october_2025_terms() {
    let pin = Pin(RegimeId::Oct2025);
    check(&[pin, On("2031-01-01")], "research-ip", Ended, &["2030-12-31 has passed", "pins"]);
    check(&[pin, On("2030-12-31")], "research-ip", InForce, &["2030-12-31 has not passed", "has not verified AGI"]);
    check(&[pin, On("2033-01-01")], "ip-license", Ended, &["2032-12-31 has passed"]);
    check(&[pin, On("2032-12-31")], "ip-license", InForce, &["through 2032-12-31"]);
    check(&[pin, On("2031-01-01")], EXCL, InForce, &["has not verified AGI"]);
}

#[test]
fn the_april_2026_amendment() {
    let may = On("2026-05-01");
    check(&[may], EXCL, Ended, &["amendment", "any cloud provider"]);
    check(&[On("2026-04-27")], EXCL, Ended, &["amendment"]);
    check(&[On("2026-04-26")], EXCL, InForce, &["has not verified AGI"]);
    check(&[may], "third-party-apis", Ended, &["any cloud provider"]);
    check(&[may], "ip-license", InForce, &["non-exclusive", "through 2032-12-31"]);
    // The AGI-linked terms: both readings, the press's and the companies' own words.
    let readings = ["contested", "the AGI agreement is dead", "independent of its technology progress"];
    check(&[may], "expert-panel", Status::Contested, &readings[..]);
    check(&[may], "research-ip", Status::Contested, &readings[..]);
    check(&[may], "msft-agi", Status::Contested, &readings[..]);
    check(&[may], "expert-panel", Status::Contested, &["panel"]);
    check(&[may], "research-ip", Status::Contested, &["research IP", "2030"]);
    check(&[may], "msft-agi", Status::Contested, &["compute thresholds"]);
    check(&[may], "open-weights", Unknown, &["do not say"]);
    check(&[may], "consumer-hardware", Unknown, &["do not say"]);
    check(&[may], "revenue-share", InForce, &["through 2030-12-31", "whether or not AGI", "capped"]);
    check(&[On("2031-01-01")], "revenue-share", Ended, &["2030-12-31 has passed"]);
    check(&[may], "compute-rofr", Ended, &["does not bring it back"]);
    check(&[may], "first-party-on-azure", Ended, &["any cloud provider", "ship first on Azure"]);
    check(&[may], "azure-first-ship", InForce, &["ship first on Azure", "cannot and chooses not to support"]);
    check(&[may], "msft-revenue-share", Ended, &["no longer pays a revenue share to OpenAI"]);
    check(&[may], "azure-commitment", InForce, &["$250B", "remains"]);
    check(&[may, Verified("2026-05-01")], "revenue-share", InForce, &["whether or not AGI"]);
    // The amendment pinned before it was signed: judged as if in force, and the reason says so.
    check(&[Pin(RegimeId::Apr2026)], EXCL, Ended, &["pins", "the October 2025 agreement"]);
}

#[test]
fn before_any_regime() {
    check(&[On("2025-10-27")], EXCL, NotYet, &["not yet", "2025-10-28", "2025-10-27"]);
    check(&[On("2025-10-27")], "compute-rofr", NotYet, &["earlier agreements are not modelled"]);
    check(&[On("2025-06-01"), Pin(RegimeId::Apr2026)], "ip-license", NotYet, &["not yet"]);
    check(&[On("2025-10-28")], EXCL, InForce, &["has not verified AGI"]);
    check(&[On("2025-10-28")], "compute-rofr", Ended, &["2025-10-28"]);
    assert!(outcome(&[On("2025-10-27")]).routes.is_empty());
}

#[test]
fn what_ifs_on_stakes() {
    // Microsoft holds 23.4643% after the February 2026 round.
    check(&[Floor("microsoft", 25, EXCL)], EXCL, Ended, &["your what-if", "23.4643%", "below 25%"]);
    check(&[Floor("microsoft", 20, EXCL)], EXCL, InForce, &["does not end it", "not below 20%"]);
    check(&[Floor("microsoft", 24, EXCL), NoRounds], EXCL, InForce, &["27%", "starting table"]);
    check(&[Floor("microsoft", 25, EXCL)], "ip-license", InForce, &["no bearing"]);
    // "Employees and other investors" (40.8452%) is a group, not a single holder; the
    // Foundation (22.5952%) does not outweigh Microsoft (23.4643%), but a $250B Amazon does.
    check(&[Outweighed("microsoft", EXCL)], EXCL, InForce, &["no other single holder", "23.4643%"]);
    check(&[Outweighed("microsoft", EXCL), Amazon(250)], EXCL, Ended, &["Amazon (24.0385%)", "exceeds"]);
    check(&[Outweighed("foundation", EXCL)], EXCL, Ended, &["Microsoft (23.4643%)", "exceeds"]);
    check(&[Above(50, EXCL)], EXCL, InForce, &["no single holder's stake is above 50%", "Microsoft", "23.4643%"]);
    check(&[Above(20, EXCL)], EXCL, Ended, &["Microsoft (23.4643%) is above 20%"]);
    // A what-if ends even a term whose fate the sources leave unknown, and adds to one already ended.
    check(&[On("2026-05-01"), Floor("microsoft", 25, "research-ip")], "research-ip", Ended, &["your what-if"]);
    check(&[AGI_EARLY[0], AGI_EARLY[1], AGI_EARLY[2], Floor("microsoft", 25, EXCL)], EXCL, Ended, &["too"]);
    check(&[On("2025-06-01"), Floor("microsoft", 25, EXCL)], EXCL, NotYet, &["not yet"]);
}

#[test]
fn a_what_if_is_pointed_at_by_index() {
    let edits = [Floor("microsoft", 20, EXCL), Floor("microsoft", 25, EXCL)];
    let outcome = outcome(&edits);
    assert_eq!(term(&outcome, EXCL).whatif, Some(1));
    assert_eq!(term(&outcome, "ip-license").whatif, None);
}

#[test]
fn the_date_judged_when_the_scenario_gives_none() {
    let outcome = outcome(&[NoDate]);
    let exclusivity = term(&outcome, EXCL);
    assert_eq!(
        (exclusivity.as_of.to_string(), exclusivity.as_of_basis),
        ("2026-02-27".to_owned(), AsOfBasis::LastRound)
    );
    assert!(exclusivity.reason.contains("the date of the last round"), "{}", exclusivity.reason);
    let outcome = self::outcome(&[NoDate, NoRounds]);
    let exclusivity = term(&outcome, EXCL);
    assert_eq!(
        (exclusivity.as_of.to_string(), exclusivity.as_of_basis),
        ("2025-10-28".to_owned(), AsOfBasis::RegimeStart)
    );
    assert!(exclusivity.reason.contains("took effect"), "{}", exclusivity.reason);
    let given = self::outcome(&[]);
    assert_eq!(term(&given, EXCL).as_of_basis, AsOfBasis::Scenario);
}

#[test]
fn routes() {
    let pin = Pin(RegimeId::Oct2025);
    check_route(&[], StatelessApi, AzureOnly, EXCL, &["Azure API exclusivity", "has not verified AGI"]);
    check_route(&[], PartnerApi, AzureOnly, "third-party-apis", &[]);
    check_route(&[], StatefulRuntime, Contested, "third-party-apis", &["One:", "The other:", "stateless", "Amazon"]);
    check_route(&[pin, On("2026-11-01")], StatefulRuntime, Contested, "third-party-apis", &["two readings"]);
    check_route(&[], NonApi, AnyCloud, "non-api-any-cloud", &[]);
    check_route(&[], OpenWeights, AnyCloud, "open-weights", &["Once released"]);
    check_route(&[], NationalSecurityApi, AnyCloud, "natsec-any-cloud", &[]);
    // AGI verified: the exclusivities end, and both readings of the stateful dispute agree.
    check_route(&AGI_EARLY, StatelessApi, AnyCloud, EXCL, &["verified AGI on 2026-03-15"]);
    check_route(&AGI_EARLY, StatefulRuntime, AnyCloud, "third-party-apis", &["both readings"]);
    check_route(&AGI_EARLY, PartnerApi, AnyCloud, "third-party-apis", &[]);
    // The amendment: every product on any cloud, Azure first.
    let may = On("2026-05-01");
    check_route(&[may], StatelessApi, AnyCloud, EXCL, &["amendment", "ship first on Azure"]);
    check_route(&[may], StatefulRuntime, AnyCloud, "third-party-apis", &["no longer matters"]);
    check_route(&[may], PartnerApi, AnyCloud, "third-party-apis", &[]);
    check_route(&[may], OpenWeights, AnyCloud, EXCL, &[]);
    check_route(&[may], NonApi, AnyCloud, "non-api-any-cloud", &[]);
    // The reader's what-if moves the route with the slider.
    check_route(&[Floor("microsoft", 25, EXCL)], StatelessApi, AnyCloud, EXCL, &["your what-if"]);
    check_route(&[Floor("microsoft", 20, EXCL)], StatelessApi, AzureOnly, EXCL, &[]);
    // A permission ended by a what-if leaves the product to the exclusivity.
    check_route(&[Floor("microsoft", 25, "natsec-any-cloud")], NationalSecurityApi, AzureOnly, EXCL, &[]);
}

/// Every status, on a spread of dates, pins, events and what-ifs, has a
/// reason that starts with the status in words and says more than that.
#[test]
fn every_status_has_a_reason() {
    let dates = ["2025-01-01", "2025-10-28", "2026-02-27", "2026-04-27", "2029-07-01", "2031-01-01", "2033-01-01"];
    let pins = [None, Some(RegimeId::Oct2025), Some(RegimeId::Apr2026)];
    let events: [&[Edit]; 3] = [&[], &[Declared("2027-01-01")], &[Declared("2027-01-01"), Verified("2028-01-01")]];
    let whatifs: [&[Edit]; 3] = [&[], &[Floor("microsoft", 25, EXCL)], &[Outweighed("microsoft", "research-ip")]];
    let mut seen = std::collections::HashSet::new();
    for date in dates {
        for pin in pins {
            for event in events {
                for whatif in whatifs {
                    let mut edits = vec![On(date)];
                    edits.extend(pin.map(Pin));
                    edits.extend_from_slice(event);
                    edits.extend_from_slice(whatif);
                    let outcome = outcome(&edits);
                    assert_eq!(outcome.terms.len(), term_count(), "{edits:?}");
                    for term in &outcome.terms {
                        let label = term.status.label();
                        assert!(term.reason.starts_with(label), "{edits:?} {}: {}", term.id, term.reason);
                        assert!(term.reason.len() > label.len() + 10, "{edits:?} {}: {}", term.id, term.reason);
                        seen.insert(term.status);
                    }
                    let routes = outcome.routes.len();
                    assert!(routes == 0 || routes == OPENAI_MICROSOFT.products.len(), "{edits:?}");
                    for route in &outcome.routes {
                        assert!(route.reason.starts_with(&*route.hosting.label()), "{edits:?}: {}", route.reason);
                        assert!(OPENAI_MICROSOFT.has_term(&route.term), "{edits:?}: {}", route.term);
                    }
                }
            }
        }
    }
    assert_eq!(seen.len(), 5, "in force, ended, not yet, contested and unknown should all occur: {seen:?}");
}

#[test]
fn the_openai_microsoft_deal_is_complete_and_sourced() {
    let deal = &OPENAI_MICROSOFT;
    assert_eq!(fortress_core::deal::validate_deal(deal), Ok(()));
    for regime in deal.regimes.iter() {
        assert!(regime.starts.to_date().is_some(), "{:?}", regime.id);
        for term in deal.terms.iter() {
            let Some(under) = term.under(&regime.id) else { panic!("{} has no rule for {}", term.id, regime.id) };
            for (field, text) in [("title", under.title), ("grants", under.grants), ("source", &under.cite.source)] {
                assert!(!text.trim().is_empty(), "{:?} {}: empty {field}", regime.id, term.id);
            }
            let urls = std::iter::once(&under.cite.url).chain(under.figures.iter().map(|f| &f.cite.url));
            for url in urls.filter(|url| !url.is_empty()) {
                assert!(url.starts_with("https://") && !url.contains(['"', '<', '>', ' ']), "{}: {url}", term.id);
            }
            if let Rule::Until { until, .. } = under.rule {
                assert!(!until.is_empty(), "{:?} {}", regime.id, term.id);
            }
        }
        for rule in deal.routes_of(&regime.id) {
            assert!(deal.has_term(&rule.term), "{:?}: {}", regime.id, rule.term);
        }
    }
    // The October 2025 agreement starts first, and the amendment replaces it.
    let starts = |id: RegimeId| deal.regime(id.id()).map(|r| r.starts);
    assert!(starts(RegimeId::Oct2025) < starts(RegimeId::Apr2026));
    assert_eq!(deal.regimes.len(), 2);
    // Every product the routes answer for is a kind of its own.
    assert!(deal.products.iter().all(|p| ProductKind::ALL.contains(&p.kind)));
}

#[test]
fn statuses_serialize_for_the_outer_layers() {
    let outcome = outcome(&[Floor("microsoft", 25, EXCL)]);
    let json = match serde_json::to_value(term(&outcome, EXCL)) {
        Ok(json) => json,
        Err(error) => panic!("{error}"),
    };
    for field in ["id", "title", "status", "reason", "source", "confidence", "regime", "as_of"] {
        assert!(json.get(field).is_some(), "{field} missing from {json}");
    }
    assert_eq!(json.get("status").and_then(|s| s.as_str()), Some("ended"));
    assert_eq!(json.get("regime").and_then(|s| s.as_str()), Some("oct-2025"));
    assert_eq!(json.get("whatif").and_then(|s| s.as_u64()), Some(0));
    let route = serde_json::to_value(&outcome.routes).map(|r| r.to_string()).unwrap_or_default();
    assert!(route.contains("\"hosting\":\"any_cloud\"") && route.contains("\"stateful_runtime\""), "{route}");
    let in_force = serde_json::to_value(Status::InForce).map(|s| s.to_string()).unwrap_or_default();
    assert_eq!(in_force, "\"in_force\"");
}

/// The revenue-share cap is shown as a figure with its own source and confidence, not as fact.
#[test]
fn the_revenue_share_cap_is_a_figure_with_its_confidence() {
    let outcome = outcome(&[On("2026-05-01")]);
    let share = term(&outcome, "revenue-share");
    assert_eq!(share.figures.len(), 1);
    let cap = &share.figures[0];
    assert!(cap.fact.contains("$38B") && cap.fact.contains("neither company has confirmed"), "{}", cap.fact);
    assert_eq!(cap.cite.confidence, fortress_core::Confidence::Low);
    assert!(term(&outcome, EXCL).source_url.as_ref().is_some_and(|url| url.starts_with("https://openai.com/")));
}

/// The timeline of the default scenario and its variations. Case format: the edits, then each
/// point as (date, the status of Azure API exclusivity there).
#[test]
fn the_timeline_of_exclusivity() {
    /// The edits, then each point's date and the status of exclusivity there.
    type Case<'a> = (&'a [Edit], &'a [(&'a str, Status)]);
    let cases: [Case; 4] = [
        (&[], &[("2025-10-28", InForce), ("2026-02-27", InForce), ("2026-04-27", Ended)]),
        (&[Pin(RegimeId::Oct2025)], &[("2025-10-28", InForce), ("2026-02-27", InForce), ("2026-04-27", InForce)]),
        (
            &[Pin(RegimeId::Oct2025), Declared("2027-01-01"), Verified("2027-02-01")],
            &[
                ("2025-10-28", InForce),
                ("2026-02-27", InForce),
                ("2026-04-27", InForce),
                ("2027-01-01", InForce),
                ("2027-02-01", Ended),
            ],
        ),
        // A what-if on stakes ends it at every point: stakes are those after the round.
        (&[Floor("microsoft", 25, EXCL)], &[("2025-10-28", Ended), ("2026-02-27", Ended), ("2026-04-27", Ended)]),
    ];
    for (edits, want) in cases {
        let outcome = outcome(edits);
        let timeline = &outcome.timeline;
        let at = timeline.terms.iter().position(|id| AsRef::<str>::as_ref(id) == EXCL).unwrap();
        let got: Vec<(String, Status)> = timeline.points.iter().map(|p| (p.date.to_string(), p.statuses[at])).collect();
        let want: Vec<(String, Status)> = want.iter().map(|(d, s)| (d.to_string(), *s)).collect();
        assert_eq!(got, want, "{edits:?}");
        assert_eq!(timeline.points.len(), timeline.points.iter().filter(|p| p.statuses.len() == term_count()).count());
    }
    // The regimes are named as events; the round by its name.
    let outcome = outcome(&[]);
    let labels: Vec<&str> = outcome.timeline.points.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["the recapitalization", "the round \u{201c}February 2026\u{201d}", "the amendment"]);
    // Changes: exclusivity starts in force and changes once, at the amendment.
    let at = outcome.timeline.terms.iter().position(|id| AsRef::<str>::as_ref(id) == EXCL).unwrap();
    assert_eq!(outcome.timeline.changes[at], [0, 2]);
}

/// The headline's line: the status on the date judged, why in one line, and when it changes.
/// Case format: edits, status, words of the line, the change (date, status, past).
#[test]
fn the_key_term_for_the_headline() {
    let amendment = Some(("2026-04-27", Ended, "the amendment"));
    /// The edits, the status, the line's first words, the change (date, status, by) and whether it is past.
    type Case<'a> = (&'a [Edit], Status, &'a str, Option<(&'a str, Status, &'a str)>, bool);
    let cases: [Case; 5] = [
        (&[], InForce, "stakes have no bearing on it", amendment, false),
        (&[On("2026-05-01")], Ended, "stakes have no bearing on it", amendment, true),
        (&[On("2026-04-27")], Ended, "stakes have no bearing on it", amendment, true),
        (&[Pin(RegimeId::Oct2025)], InForce, "stakes have no bearing on it", None, false),
        (&[Floor("microsoft", 25, EXCL)], Ended, "ended by your what-if", None, false),
    ];
    for (edits, status, line, change, past) in cases {
        let outcome = outcome(edits);
        let key = outcome.key_term.as_ref().unwrap();
        assert_eq!((&*key.term, key.status), (EXCL, status), "{edits:?}");
        assert!(key.line.starts_with(line), "{edits:?}: {}", key.line);
        let got = key.change.as_ref().map(|c| (c.date.to_string(), c.status, c.by.clone(), c.past));
        let want = change.map(|(d, s, by)| (d.to_owned(), s, by.to_owned(), past));
        assert_eq!(got, want, "{edits:?}");
    }
    let outcome = outcome(&[Floor("microsoft", 20, EXCL)]);
    let line = &outcome.key_term.unwrap().line;
    assert!(
        line.starts_with("your what-if") && line.contains("does not end it") && line.contains("23.4643%"),
        "{line}"
    );
}
