//! The scenarios Fortress opens on, each built from docs/FACTS.md with its sources.
//!
//! Every figure here is in FACTS.md with its source and confidence, and each
//! preset carries those sources in its data. Where a day is not public, the
//! preset says what it assumed in a note of kind [`NoteKind::Assumed`];
//! where sources disagree, a note of kind [`NoteKind::Disputed`] gives both.

use crate::scenario::{
    Confidence, CountBasis, Events, Holder, Investment, Note, NoteKind, Round, Scenario, Source, Tranche, Valuation,
};
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

/// The default preset: the one the widget opens on, and the only one the
/// lighter build carries.
const FEB_2026: Preset = Preset {
    name: "feb-2026",
    summary: "February 2026 round: $110B at $730B pre-money (OpenAI's reading)",
    build: feb_2026_pre_money,
};

/// The presets besides the default, by name and summary, in the picker's
/// order: the story in order, then the starting table, then Anthropic's under
/// its own deal. (Appended, never inserted: link bases name presets, so a new
/// preset changes no link.) A build that leaves some of them out ([`left_out`])
/// still lists them, and hands the reader who picks one, or a link or a
/// comparison that names one, to the full build.
pub const OTHERS: &[(&str, &str)] = &[
    ("feb-2026-post", "February 2026 round with $730B read as post-money (some outlets' reading)"),
    ("mar-2026-close", "Final close, March 2026: $122B at $852B post-money"),
    ("apr-2026-amendment", "The April 27, 2026 amendment: Azure exclusivity ends"),
    ("oct-2026-funded", "October 2026: the round as paid, tranche by tranche"),
    ("ipo-what-if", "Speculative: an IPO raising $60B at about $1T"),
    ("oct-2025", "October 2025 recapitalization: about $500B, Microsoft about 27%"),
    (
        "anthropic-series-h",
        "Anthropic after its $65B Series H at $965B post-money (May 2026); Amazon's and Google's cloud terms",
    ),
    ("exit-what-if", "Speculative: a sale of OpenAI, if the 2026 round had a 1x preference"),
];

/// Preset `k` of [`OTHERS`], with its builder.
#[cfg(feature = "presets")]
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
const fn other(k: usize, build: fn() -> Scenario) -> Preset {
    let (name, summary) = OTHERS[k];
    Preset { name, summary, build }
}

/// Every preset this build carries, in the picker's order: the default, then
/// with the feature `presets` (the embed build) the OpenAI story's, and with
/// `full` Anthropic's too.
#[cfg(feature = "presets")]
pub const ALL: &[Preset] = &[
    FEB_2026,
    other(0, feb_2026_post_money),
    other(1, mar_2026_close),
    other(2, apr_2026_amendment),
    other(3, oct_2026_funded),
    other(4, ipo_what_if),
    other(5, oct_2025_recap),
    #[cfg(feature = "full")]
    other(6, anthropic_series_h),
    #[cfg(feature = "full")]
    other(7, exit_what_if),
];
/// Every preset this build carries: the standalone page's, the default only.
#[cfg(not(feature = "presets"))]
pub const ALL: &[Preset] = &[FEB_2026];

/// Whether `name` is a preset this build leaves to the full build: one of
/// [`OTHERS`] that [`ALL`] does not carry.
///
/// ```
/// use fortress_core::presets;
/// assert!(!presets::left_out(presets::DEFAULT));
/// assert!(!presets::left_out("no-such-preset"));
/// assert_eq!(presets::left_out("anthropic-series-h"), !cfg!(feature = "full"));
/// ```
pub fn left_out(name: &str) -> bool {
    ALL.iter().all(|p| p.name != name) && OTHERS.iter().any(|(other, _)| *other == name)
}

/// Every preset by name and summary, in the picker's order, whether this
/// build carries it or leaves it to the full build.
pub fn listed() -> impl Iterator<Item = (&'static str, &'static str)> {
    std::iter::once((FEB_2026.name, FEB_2026.summary)).chain(OTHERS.iter().copied())
}

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

const RECAP_POST: &str = "https://openai.com/index/next-chapter-of-microsoft-openai-partnership";
const AMENDMENT_POST: &str = "https://openai.com/index/next-phase-of-microsoft-partnership/";

fn date(y: u16, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

fn source(fact: &str, source: &str, confidence: Confidence, url: Option<&str>, date: Option<Date>) -> Source {
    Source { fact: fact.to_owned(), source: source.to_owned(), confidence, url: url.map(str::to_owned), date }
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

/// A tranche of `millions` of dollars paid on a day.
fn tranche(day: Option<Date>, millions: i64, note: &str) -> Option<Tranche> {
    Some(Tranche { date: day?, amount: Dollars(millions * 1_000_000), note: note.to_owned() })
}

/// The October 2025 recapitalization: Microsoft ~27%, the Foundation ~26%,
/// employees and other investors ~47%, at about $500B.
pub fn oct_2025_recap() -> Scenario {
    Scenario {
        version: 1,
        title: "OpenAI after the October 2025 recapitalization".to_owned(),
        deal: None,
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
        sources: recap_sources(),
        notes: vec![Note::from("The stakes are rounded figures as published (\"about 27%\").")],
        count: CountBasis::Committed,
        compare: None,
        exit: None,
    }
}

fn recap_sources() -> Vec<Source> {
    let recap = date(2025, 10, 28);
    vec![
        source(
            "Microsoft ~27% on an as-converted diluted basis, worth ~$135B",
            "OpenAI, \"The next chapter of the Microsoft-OpenAI partnership\"",
            Confidence::High,
            Some(RECAP_POST),
            recap,
        ),
        source(
            "OpenAI Foundation ~26%, ~$130B, plus a warrant (terms undisclosed)",
            "CNBC coverage",
            Confidence::Medium,
            None,
            recap,
        ),
        source("Employees and other investors ~47%, the remainder", "CNBC coverage", Confidence::Medium, None, recap),
        source(
            "Valuation ~$500B, derived (135/0.27 = 130/0.26); matches the employee secondary at $500B of 2025-10-02",
            "derived; most outlets print $500B",
            Confidence::Medium,
            None,
            recap,
        ),
        source(
            "The implied value at the recapitalization: ~$500B in most reports; CNBC's David Faber put it at \
             about $548B on air",
            "CNBC television, 2025-10-28, as summarized by StartupHub.ai",
            Confidence::Disputed,
            Some(
                "https://www.startuphub.ai/ai-news/ai-video/2025/openai-recapitalization-reshapes-ai-landscape-with-microsoft-at-the-helm",
            ),
            recap,
        ),
    ]
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
        terms: None,
    }
}

fn feb_2026_sources() -> Vec<Source> {
    let mut sources = recap_sources();
    sources.extend([
        source(
            "$110B new money at a $730B pre-money valuation (OpenAI's wording), so ~$840B post",
            "OpenAI's announcement, as reported by Verdict",
            Confidence::Medium,
            Some("https://www.verdict.co.uk/openai-raises-110bn-ahead-ipo/"),
            date(2026, 3, 2),
        ),
        source(
            "Amazon $50B ($15B upfront, $35B later when conditions are met); Nvidia $30B; SoftBank $30B",
            "FT-based reports",
            Confidence::Medium,
            None,
            date(2026, 2, 27),
        ),
        source(
            "Some outlets call $730B post-money; OpenAI said pre-money",
            "conflicting press reports, 2026-02-27/28",
            Confidence::Disputed,
            None,
            date(2026, 2, 27),
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
            Note::new(
                NoteKind::Disputed,
                "OpenAI called $730B the pre-money valuation; some outlets reported it as post-money.",
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
        notes: vec![Note::new(
            NoteKind::Disputed,
            "This is the press reading of $730B as post-money; OpenAI said pre-money.",
        )],
        ..feb_2026_pre_money()
    }
}

/// The round at its final close on 2026-03-31: $122B committed at $852B post-money.
fn final_close_round() -> Round {
    let mut round = feb_2026_round(Valuation::PostMoney(Dollars(852_000_000_000)));
    round.name = "Final close, March 2026".to_owned();
    round.date = date(2026, 3, 31);
    round.investments.push(investment("later-investors", "Investors in the final close", 12));
    round
}

fn close_sources() -> Vec<Source> {
    let mut sources = feb_2026_sources();
    sources.extend([
        source(
            "Final close $122B at $852B post-money (852 - 122 = 730)",
            "CNBC, citing OpenAI",
            Confidence::Medium,
            Some("https://www.cnbc.com/2026/03/31/openai-funding-round-ipo.html"),
            date(2026, 3, 31),
        ),
        source(
            "Microsoft still \"about 27%\" at 2026-03-31",
            "Microsoft 10-Q for the quarter to 2026-03-31, as summarized by the press",
            Confidence::Medium,
            None,
            date(2026, 4, 29),
        ),
    ]);
    sources
}

fn close_notes() -> Vec<Note> {
    vec![
        Note::from("Who put in the last $12B is not broken down; it is shown as one holder."),
        Note::from(
            "Microsoft took part with an undisclosed amount, not modelled here. Its 10-Q still says about 27%; \
             pure dilution gives 23.1%.",
        ),
    ]
}

/// The final close reported on 2026-03-31: $122B at $852B post-money.
pub fn mar_2026_close() -> Scenario {
    Scenario {
        title: "OpenAI's final close: $122B at $852B post-money".to_owned(),
        as_of: date(2026, 3, 31),
        rounds: vec![final_close_round()],
        sources: close_sources(),
        notes: close_notes(),
        ..feb_2026_pre_money()
    }
}

fn amendment_sources() -> Vec<Source> {
    let amendment = date(2026, 4, 27);
    vec![
        source(
            "Azure API exclusivity ends: OpenAI can serve all its products on any cloud; products ship first on \
             Azure; Microsoft's IP licence runs through 2032, non-exclusive; OpenAI's revenue share to Microsoft \
             runs through 2030, capped; Microsoft no longer pays a revenue share to OpenAI",
            "Microsoft and OpenAI, \"The next phase of the Microsoft-OpenAI partnership\", the companies' joint posts",
            Confidence::High,
            Some(AMENDMENT_POST),
            amendment,
        ),
        source(
            "The AGI clause is gone (\"Microsoft and OpenAI's famed AGI agreement is dead\"); the companies' posts do \
             not mention it",
            "The Verge",
            Confidence::Disputed,
            Some("https://www.theverge.com/ai-artificial-intelligence/918981/openai-microsoft-renegotiate-contract"),
            amendment,
        ),
        source(
            "The cap on OpenAI's revenue-share payments is $38B; not confirmed by either company",
            "The Information, via Reuters",
            Confidence::Low,
            None,
            date(2026, 5, 11),
        ),
    ]
}

/// The March close's table, judged on the day of the amendment (regime B).
pub fn apr_2026_amendment() -> Scenario {
    let mut sources = close_sources();
    sources.extend(amendment_sources());
    let mut notes = close_notes();
    notes.push(Note::new(
        NoteKind::Disputed,
        "The press reports the AGI clause removed; the companies' posts say only that revenue-share payments are \
         independent of OpenAI's technology progress. The AGI-linked terms are shown as contested.",
    ));
    Scenario {
        title: "OpenAI after the April 2026 amendment".to_owned(),
        as_of: date(2026, 4, 27),
        sources,
        notes,
        ..mar_2026_close()
    }
}

/// The round with the money as it was actually paid, counted as funded and
/// judged on 2026-10-01, the day of SoftBank's last tranche.
pub fn oct_2026_funded() -> Scenario {
    let mut round = final_close_round();
    let close = date(2026, 3, 31);
    // Amazon: $15B at the close, $13.7B in Q2, $21.3B in July (the two later days are not public).
    let amazon = [
        tranche(close, 15_000, "at the close (Amazon's 8-K)"),
        tranche(date(2026, 6, 30), 13_700, "paid in Q2 2026; the day is not public: the quarter's last day"),
        tranche(date(2026, 7, 31), 21_300, "paid in July 2026; the day is not public: the month's last day"),
    ];
    // SoftBank: three $10B tranches (Japan time), the October one expected.
    let softbank = [
        tranche(date(2026, 4, 1), 10_000, "first tranche"),
        tranche(date(2026, 7, 1), 10_000, "second tranche"),
        tranche(date(2026, 10, 1), 10_000, "third tranche, expected (not confirmed)"),
    ];
    for investment in &mut round.investments {
        investment.tranches = match investment.holder.as_str() {
            "amazon" => amazon.iter().flatten().cloned().collect(),
            "softbank" => softbank.iter().flatten().cloned().collect(),
            _ => Vec::new(),
        };
    }
    let mut sources = close_sources();
    sources.extend(amendment_sources());
    sources.extend([
        source(
            "Amazon: $15B at the close; $35B more on an IPO or an undisclosed \"mandatory funding event\", the \
             obligation expiring 2028-12-31",
            "Amazon 8-K",
            Confidence::High,
            Some("https://www.sec.gov/Archives/edgar/data/1018724/000110465926021050/tm267374d1_8k.htm"),
            date(2026, 2, 27),
        ),
        source(
            "Amazon paid $13.7B in Q2 2026 and the last $21.3B after 2026-06-30 (July 2026), $50B in all",
            "Amazon 10-Q for the quarter to 2026-06-30",
            Confidence::Medium,
            None,
            None,
        ),
        source(
            "SoftBank: $30B in three $10B tranches on 2026-04-01, 2026-07-01 and 2026-10-01 (Japan time; the \
             October one expected)",
            "SoftBank press release",
            Confidence::High,
            Some("https://group.softbank/en/news/press/20260701"),
            date(2026, 7, 1),
        ),
        source(
            "Nvidia: $30B, no payment schedule published (counted as paid at the close)",
            "press reports of the close",
            Confidence::Medium,
            None,
            date(2026, 3, 31),
        ),
    ]);
    let mut notes = close_notes();
    notes.extend([
        Note::from(
            "Counted as funded: each payment counts from its date, at the round's price. Move the as-of date to \
             see the table on any day; Microsoft's 10-Q still said about 27% at 2026-03-31, when most of the \
             round was not yet paid.",
        ),
        Note::new(
            NoteKind::Assumed,
            "Amazon's Q2 payment is dated 2026-06-30 and its July payment 2026-07-31, the last days of the periods \
             they were reported in: the days are not public, so each counts only once it had surely been paid.",
        ),
        Note::new(
            NoteKind::Disputed,
            "Nvidia's $30B is counted as paid at the close, as no schedule was published; The Information \
             reported (via Reuters, 2026-02-26) that Nvidia, like SoftBank, would pay in three installments over \
             the year.",
        ),
    ]);
    Scenario {
        title: "OpenAI's round as paid, October 2026".to_owned(),
        as_of: date(2026, 10, 1),
        rounds: vec![round],
        sources,
        notes,
        count: CountBasis::Funded,
        ..feb_2026_pre_money()
    }
}

/// A speculative listing after the final close: $60B raised at $1T pre-money.
pub fn ipo_what_if() -> Scenario {
    let ipo = Round {
        name: "IPO (speculative)".to_owned(),
        date: None,
        valuation: Some(Valuation::PreMoney(Dollars(1_000_000_000_000))),
        investments: vec![investment("ipo-buyers", "IPO buyers (speculative)", 60)],
        pool: None,
        secondaries: Vec::new(),
        terms: None,
    };
    let mut sources = close_sources();
    sources.extend(amendment_sources());
    sources.extend([
        source(
            "OpenAI could seek to raise at least $60B in an IPO at a valuation of up to $1T",
            "Reuters (October 2025), as reported by City AM",
            Confidence::Medium,
            None,
            None,
        ),
        source(
            "OpenAI has confidentially submitted a draft S-1 (\"we have not decided on timing yet\"); a listing is \
             reported as leaning to 2027",
            "OpenAI's announcement, and press reports citing the New York Times",
            Confidence::Medium,
            None,
            date(2026, 6, 8),
        ),
    ]);
    let mut notes = close_notes();
    notes.extend([
        Note::new(
            NoteKind::Speculative,
            "No IPO has been priced or dated. Reuters reported in October 2025 that OpenAI could raise at least \
             $60B at up to $1T; this scenario reads that as $60B at $1T pre-money, after the March 2026 close.",
        ),
        Note::new(NoteKind::Assumed, "Judged on 2026-12-01, the day these facts were gathered."),
    ]);
    let mut rounds = vec![final_close_round()];
    rounds.push(ipo);
    Scenario {
        title: "What if OpenAI listed: $60B at $1T (speculative)".to_owned(),
        as_of: date(2026, 12, 1),
        rounds,
        sources,
        notes,
        ..feb_2026_pre_money()
    }
}

/// A speculative sale of OpenAI after the March 2026 close, with the round's
/// shares given a 1x non-participating preference (its terms are not public)
/// and every earlier share counted as common: who would get what at $500B.
#[cfg(feature = "full")]
pub fn exit_what_if() -> Scenario {
    let mut round = final_close_round();
    round.terms = Some(crate::ClassTerms::ONE_X);
    let mut sources = close_sources();
    sources.extend(amendment_sources());
    sources.push(source(
        "A liquidation preference is the Original Issue Price times a multiple, paid before common; preferred may \
         instead convert to common; participating and non-participating forms are alternatives of the model",
        "NVCA model legal documents, Certificate of Incorporation, Article Fourth, ss. 2 and 4",
        Confidence::High,
        Some("https://nvca.org/model-legal-documents/"),
        None,
    ));
    let mut notes = close_notes();
    notes.extend([
        Note::new(
            NoteKind::Speculative,
            "No sale of OpenAI is planned or reported. The $500B price is a what-if for the exit slider, not a \
             figure from any source.",
        ),
        Note::new(
            NoteKind::Assumed,
            "The terms of the 2026 round's shares are not public. This what-if gives them a 1x non-participating \
             preference, senior to every earlier share (the simplest form in the NVCA model charter), and counts \
             every earlier share, Microsoft's and the Foundation's included, as common.",
        ),
        Note::new(NoteKind::Assumed, "Judged on 2026-12-01, the day these facts were gathered."),
    ]);
    Scenario {
        title: "What if OpenAI were sold for $500B, with a 1x preference on the 2026 round (speculative)".to_owned(),
        as_of: date(2026, 12, 1),
        rounds: vec![round],
        sources,
        notes,
        exit: Some(crate::Exit { value: Dollars(500_000_000_000), pool: crate::ExitPool::Common }),
        ..feb_2026_pre_money()
    }
}

#[cfg(feature = "full")]
/// A holder whose stake is given in millionths of a point.
fn holder_micros(id: &str, name: &str, micros: i64, group: bool) -> Holder {
    Holder { id: id.to_owned(), name: name.to_owned(), percent: Percent::from_micros(micros), group }
}

#[cfg(feature = "full")]
fn post_money_round(name: &str, day: Option<Date>, billions: i64, investments: Vec<Investment>) -> Round {
    Round {
        name: name.to_owned(),
        date: day,
        valuation: Some(Valuation::PostMoney(Dollars(billions * 1_000_000_000))),
        investments,
        pool: None,
        secondaries: Vec::new(),
        terms: None,
    }
}

/// Anthropic from the table of March 2025 (Google's 14% in Anthropic's court
/// filings, everyone else in one row) through Series F, G and H, judged on the
/// day Series H closed, under the deal with Amazon and Google.
#[cfg(feature = "full")]
pub fn anthropic_series_h() -> Scenario {
    let rounds = vec![
        post_money_round(
            "Series F",
            date(2025, 9, 2),
            183,
            vec![investment("series-f", "Series F investors (led by ICONIQ)", 13)],
        ),
        post_money_round(
            "Series G",
            date(2026, 2, 12),
            380,
            vec![investment("series-g", "Series G investors (led by GIC and Coatue)", 30)],
        ),
        post_money_round(
            "Series H",
            date(2026, 5, 28),
            965,
            vec![
                investment("amazon", "Amazon (its Series H money only)", 5),
                investment("hyperscalers", "Other hyperscaler money (not named)", 10),
                investment("series-h", "Series H investors (led by Altimeter, Dragoneer, Greenoaks, Sequoia)", 50),
            ],
        ),
    ];
    Scenario {
        version: 1,
        title: "Anthropic after its $65B Series H, May 2026".to_owned(),
        deal: Some("anthropic-amazon-google".to_owned()),
        as_of: date(2026, 5, 28),
        valuation: Some(Dollars(61_500_000_000)),
        holders: vec![
            holder_micros("google", "Google", 14_000_000, false),
            holder_micros("others", "Amazon, founders, employees and other investors", 86_000_000, true),
        ],
        rounds,
        events: Events::default(),
        regime: None,
        whatifs: Vec::new(),
        sources: anthropic_sources(),
        notes: anthropic_notes(),
        count: CountBasis::Committed,
        compare: None,
        exit: None,
    }
}

#[cfg(feature = "full")]
/// Anthropic's sources, as static data: (fact, source, confidence, address or "", day).
#[allow(clippy::type_complexity)]
const ANTHROPIC_SOURCES: &[(&str, &str, Confidence, &str, Option<(u16, u8, u8)>)] = &[
    ("Google owns 14% of Anthropic, may own at most 15%, and has no voting rights, board seats or board \
             observer rights",
     "Anthropic's court filings, as reported by The New York Times",
     Confidence::Medium,
     "https://www.sherwood.news/tech/alphabets-google-owns-14-of-anthropic",
     Some((2025, 3, 11))),
    ("Series E: $3.5B at $61.5B post-money, led by Lightspeed",
     "TechTarget, on Anthropic's announcement",
     Confidence::Medium,
     "https://www.techtarget.com/searchenterpriseai/news/366619898/AI-startup-Anthropic-raises-35-billion",
     None),
    ("Series F: $13B at $183B post-money, led by ICONIQ with Fidelity and Lightspeed",
     "Anthropic's announcement, as reported",
     Confidence::Medium,
     "https://jasoncote.co/venture-capital-news-today-september-28-2025-why-the-anthropic-surge-changes-everything-9v6",
     Some((2025, 9, 2))),
    ("Series G: $30B at $380B post-money, led by GIC and Coatue",
     "The Guardian, as summarized by Discover Headlines",
     Confidence::Medium,
     "https://www.discoverheadlines.com/2026/02/the-ai-gold-rush-anthropics-380bn.html",
     Some((2026, 2, 12))),
    ("Series H: $65B at $965B post-money, led by Altimeter, Dragoneer, Greenoaks and Sequoia, including $15B \
             of previously committed hyperscaler investment, $5B of it from Amazon",
     "Anthropic's announcement, as summarized by PJFP",
     Confidence::Medium,
     "https://pjfp.com/tag/interpretability/",
     Some((2026, 5, 28))),
    ("Amazon: $4B in 2023-24 and $4B more in November 2024; AWS the primary cloud provider and training partner",
     "Quartz",
     Confidence::Medium,
     "https://qz.com/amazon-invest-4-billion-ai-startup-anthropic-model-chip-1851705944",
     Some((2024, 11, 22))),
    ("Amazon: $5B now and up to $20B more on commercial milestones; Anthropic commits more than $100B over ten \
             years to AWS for up to 5 GW",
     "Anthropic's post of 2026-04-20, as summarized by Open TechStack",
     Confidence::Medium,
     "https://open-techstack.com/blog/anthropic-amazon-aws-compute-deal-2026/",
     Some((2026, 4, 20))),
    ("Google: $10B now at a $350B valuation and up to $30B more on performance milestones",
     "Reuters and CNBC, as reported by TADPost",
     Confidence::Medium,
     "https://www.tadpost.com/blog/google-anthropic-investment/",
     Some((2026, 4, 24))),
    ("Amazon's stake is not public: about 21% inferred by Reuters Breakingviews from its carrying value (perhaps \
             lower, it said), 7-8% by a tracker",
     "Reuters Breakingviews (2025-12-12); bigtech-ai-stakes tracker (2026-05-08)",
     Confidence::Disputed,
     "",
     None),
    ("The founders' and employees' stakes are not public; Forbes estimated a little over 1.8% for each of the \
             seven co-founders",
     "Forbes, February 2026",
     Confidence::Low,
     "",
     None),
];

#[cfg(feature = "full")]
/// Anthropic's caveats, as static data.
const ANTHROPIC_NOTES: &[(NoteKind, &str)] = &[
    (
        NoteKind::Assumed,
        "The starting table is Google's 14% from Anthropic's court filings, reported on 2025-03-11, read as the \
             table after Series E ($61.5B post-money, March 2025); whether the filings predate that round is not \
             known.",
    ),
    (
        NoteKind::Assumed,
        "Amazon's stake is not public, so it stays in the one row with the founders, employees, the Long-Term \
             Benefit Trust and every other investor; only Amazon's $5B in Series H is shown on its own.",
    ),
    (
        NoteKind::Disputed,
        "Amazon's stake is estimated at about 21% by Reuters Breakingviews and at 7-8% by a tracker; neither is \
             used here.",
    ),
    (
        NoteKind::Assumed,
        "Google's later money is not added to its row: $750M of convertible debt due in September 2025, and $10B \
             in April 2026, which may be the $10B of unnamed hyperscaler money in Series H (no source says so). \
             Google's stake here is the 14% diluted by each round, not a reported figure.",
    ),
    (
        NoteKind::Disputed,
        "The April 2026 investments were reported at $350B (Google's) and at $380B (Amazon's): most likely the \
             same Series G price before and after its new money, but no source says so.",
    ),
    (
        NoteKind::Plain,
        "Microsoft (up to $5B) and Nvidia (up to $10B) committed in November 2025; reports say part of it went \
             into Series G, which is shown as one row.",
    ),
];

#[cfg(feature = "full")]
fn anthropic_sources() -> Vec<Source> {
    let some = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    ANTHROPIC_SOURCES
        .iter()
        .map(|&(fact, from, confidence, url, day)| Source {
            fact: fact.to_owned(),
            source: from.to_owned(),
            confidence,
            url: some(url),
            date: day.and_then(|(y, m, d)| date(y, m, d)),
        })
        .collect()
}

#[cfg(feature = "full")]
fn anthropic_notes() -> Vec<Note> {
    ANTHROPIC_NOTES.iter().map(|&(kind, text)| Note::new(kind, text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every preset evaluates, and carries its sources.
    #[test]
    fn every_preset_evaluates_with_sources() {
        for preset in ALL {
            let scenario = (preset.build)();
            let outcome = crate::evaluate(&scenario);
            assert!(outcome.is_ok(), "{}: {:?}", preset.name, outcome.err());
            assert!(!scenario.sources.is_empty(), "{}", preset.name);
        }
        assert_eq!(ALL.first().map(|p| p.name), Some(DEFAULT));
    }
}
