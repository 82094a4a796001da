//! The scenarios Fortress opens on, each built from FACTS.md with its sources.

use crate::scenario::{Confidence, CountBasis, Events, Holder, Investment, Note, Round, Scenario, Source, Valuation};
use crate::{Date, Dollars, Percent};

/// A named scenario a reader can pick.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// The name used on the command line, in links and on the embed tag.
    pub name: &'static str,
    /// One line for people.
    pub summary: &'static str,
    /// Builds the scenario.
    pub build: fn() -> Scenario,
}

/// The preset the widget opens on.
pub const DEFAULT: &str = "feb-2026";

/// Every preset, the default first.
pub const ALL: &[Preset] = &[
    Preset {
        name: "feb-2026",
        summary: "February 2026 round: $110B at $730B pre-money (OpenAI's reading)",
        build: feb_2026_pre_money,
    },
    Preset {
        name: "feb-2026-post",
        summary: "February 2026 round with $730B read as post-money (some outlets' reading)",
        build: feb_2026_post_money,
    },
    Preset {
        name: "mar-2026-close",
        summary: "Final close, March 2026: $122B at $852B post-money",
        build: mar_2026_close,
    },
    Preset {
        name: "oct-2025",
        summary: "October 2025 recapitalization: about $500B, Microsoft about 27%",
        build: oct_2025_recap,
    },
];

/// The preset with this name.
///
/// ```
/// use fortress_core::presets;
/// assert!(presets::by_name("feb-2026").is_some());
/// assert!(presets::by_name("nope").is_none());
/// ```
pub fn by_name(name: &str) -> Option<Scenario> {
    ALL.iter().find(|p| p.name == name).map(|p| (p.build)())
}

const RECAP_URL: &str = "openai.com/index/next-chapter-of-microsoft-openai-partnership (2025-10-28)";

fn date(y: u16, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

fn source(fact: &str, source: &str, confidence: Confidence) -> Source {
    Source { fact: fact.to_owned(), source: source.to_owned(), confidence, url: None, date: None }
}

fn holder(id: &str, name: &str, percent: i64) -> Holder {
    Holder {
        id: id.to_owned(),
        name: name.to_owned(),
        percent: Percent::from_micros(percent * 1_000_000),
        group: false,
    }
}

fn investment(id: &str, name: &str, billions: i64) -> Investment {
    Investment {
        holder: id.to_owned(),
        name: Some(name.to_owned()),
        amount: Dollars(billions * 1_000_000_000),
        tranches: Vec::new(),
    }
}

/// The October 2025 recapitalization: Microsoft ~27%, the Foundation ~26%,
/// employees and other investors ~47%, at about $500B.
pub fn oct_2025_recap() -> Scenario {
    Scenario {
        version: 1,
        title: "OpenAI after the October 2025 recapitalization".to_owned(),
        as_of: date(2025, 10, 28),
        valuation: Some(Dollars(500_000_000_000)),
        holders: vec![
            holder("microsoft", "Microsoft", 27),
            holder("foundation", "OpenAI Foundation", 26),
            Holder { group: true, ..holder("others", "Employees and other investors", 47) },
        ],
        rounds: Vec::new(),
        events: Events::default(),
        regime: None,
        whatifs: Vec::new(),
        count: CountBasis::Committed,
        sources: vec![
            source("Microsoft ~27% on an as-converted diluted basis, worth ~$135B", RECAP_URL, Confidence::High),
            source(
                "OpenAI Foundation ~26%, ~$130B, plus a warrant (terms undisclosed)",
                "CNBC coverage, 2025-10-28",
                Confidence::Medium,
            ),
            source(
                "Employees and other investors ~47%, the remainder",
                "CNBC coverage, 2025-10-28",
                Confidence::Medium,
            ),
            source(
                "Valuation ~$500B, derived (135/0.27 = 130/0.26); matches the Oct 2025 employee secondary at $500B",
                "derived; secondary reported 2025-10-02",
                Confidence::Medium,
            ),
        ],
        notes: vec![Note::from("The stakes are rounded figures as published (\"about 27%\").")],
    }
}

fn feb_2026_round(valuation: Valuation) -> Round {
    Round {
        name: "February 2026".to_owned(),
        date: date(2026, 2, 27),
        valuation: Some(valuation),
        investments: vec![
            investment("amazon", "Amazon", 50),
            investment("nvidia", "Nvidia", 30),
            investment("softbank", "SoftBank", 30),
        ],
        pool: None,
        secondaries: Vec::new(),
    }
}

fn feb_2026_sources() -> Vec<Source> {
    let mut sources = oct_2025_recap().sources;
    sources.extend([
        source(
            "$110B new money at a $730B pre-money valuation (OpenAI's wording), so ~$840B post",
            "OpenAI announcement as reported 2026-02-27/28",
            Confidence::Medium,
        ),
        source(
            "Amazon $50B ($15B upfront, $35B later when conditions are met); Nvidia $30B; SoftBank $30B",
            "FT-based reports 2026-02-27; verdict.co.uk 2026-03-02",
            Confidence::Medium,
        ),
        source(
            "Some outlets call $730B post-money; OpenAI said pre-money",
            "conflicting press reports, 2026-02-27/28",
            Confidence::Disputed,
        ),
    ]);
    sources
}

/// The February 2026 round on the October 2025 table, $730B read as
/// pre-money as OpenAI put it: $840B post. The default scenario.
pub fn feb_2026_pre_money() -> Scenario {
    Scenario {
        title: "OpenAI's $110B round, February 2026".to_owned(),
        as_of: date(2026, 2, 27),
        rounds: vec![feb_2026_round(Valuation::PreMoney(Dollars(730_000_000_000)))],
        sources: feb_2026_sources(),
        notes: vec![
            Note::from(
                "Disputed: OpenAI called $730B the pre-money valuation; some outlets reported it as post-money.",
            ),
            Note::from("Amazon's $50B is counted in full; $35B of it is reported to come later, on conditions."),
        ],
        ..oct_2025_recap()
    }
}

/// The same round with $730B read as post-money ($620B pre), as some outlets reported it.
pub fn feb_2026_post_money() -> Scenario {
    Scenario {
        title: "OpenAI's $110B round, $730B read as post-money".to_owned(),
        rounds: vec![feb_2026_round(Valuation::PostMoney(Dollars(730_000_000_000)))],
        notes: vec![Note::from("Disputed: this is the press reading of $730B as post-money; OpenAI said pre-money.")],
        ..feb_2026_pre_money()
    }
}

/// The final close reported on 2026-03-31: $122B at $852B post-money.
pub fn mar_2026_close() -> Scenario {
    let mut round = feb_2026_round(Valuation::PostMoney(Dollars(852_000_000_000)));
    round.name = "Final close, March 2026".to_owned();
    round.date = date(2026, 3, 31);
    round.investments.push(investment("later-investors", "Investors in the final close", 12));
    let mut sources = feb_2026_sources();
    sources.extend([
        source(
            "Final close $122B at $852B post-money (852 - 122 = 730)",
            "reports citing OpenAI, 2026-03-31",
            Confidence::Medium,
        ),
        source(
            "Microsoft still \"about 27%\" at 2026-03-31",
            "Microsoft 10-Q summary, quarter to 2026-03-31",
            Confidence::Medium,
        ),
    ]);
    Scenario {
        title: "OpenAI's final close: $122B at $852B post-money".to_owned(),
        as_of: date(2026, 3, 31),
        rounds: vec![round],
        sources,
        notes: vec![
            Note::from("Who put in the last $12B is not broken down; it is shown as one holder."),
            Note::from("Microsoft took part with an undisclosed amount, not modelled here. Its 10-Q still says about 27%; pure dilution gives 23.1%."),
        ],
        ..feb_2026_pre_money()
    }
}
