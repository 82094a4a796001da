//! Anthropic and its cloud investors, Amazon and Google, as a deal: static
//! data, equal to `core/deals/anthropic-amazon-google.json` (a test in
//! `fortress-format` reads the file and compares it with this).
//!
//! Transcribed from the section "Anthropic and its cloud investors" of
//! docs/FACTS.md. Anthropic's agreements are not one contract amended over
//! time, as Microsoft's and OpenAI's are, but a series of deals that add
//! terms: each regime is the set of terms in force from one deal's date.
//! No source found gives any cloud an exclusive hold on Claude: the UK CMA
//! found the Amazon and Google arrangements non-exclusive, so every route
//! answers "any cloud" and says which term decides it.

use super::words;

use crate::scenario::Confidence;
use crate::Percent;

use super::{Cite, Condition, Day, Deal, EventDef, Fact, Figure, Hosting, Product, ProductKind, Regime};
use super::{RegimeRule, RouteRule, Rule, Term, Text};

const fn t(text: &'static str) -> Text {
    words(text)
}

const fn cite(source: &'static str, url: &'static str, confidence: Confidence) -> Cite {
    Cite { source: t(source), url: t(url), confidence }
}

/// A term under a regime that says nothing new of its words or source.
const fn rule(regime: &'static str, rule: Rule) -> RegimeRule {
    RegimeRule { regime: t(regime), rule, title: None, grants: None, cite: None, figures: None }
}

/// A term under a regime whose sources word it anew: what it grants, and where from.
const fn reworded(regime: &'static str, rule: Rule, grants: &'static str, cite: Cite) -> RegimeRule {
    RegimeRule { regime: t(regime), rule, title: None, grants: Some(t(grants)), cite: Some(cite), figures: None }
}

const SEP_2023: &str = "sep-2023";
const NOV_2024: &str = "nov-2024";
const OCT_2025: &str = "oct-2025";
const APR_2026_AMAZON: &str = "apr-2026-amazon";
const APR_2026_GOOGLE: &str = "apr-2026-google";

/// Amazon's first investment, September 2023 (M).
const AMAZON_2023: Cite = cite(
    "Amazon and Anthropic, announcement of 2023-09-25, as reported by Reuters and The Information",
    "https://www.theinformation.com/articles/amazons-switzerland-days-are-over-are-llms-cheating-on-benchmark-tests-openai-quietly-develops-customizable-gpts",
    Confidence::Medium,
);
/// Amazon's second $4B, November 2024 (M).
const AMAZON_2024: Cite = cite(
    "Amazon and Anthropic, announcement of 2024-11-22, as reported by Quartz",
    "https://qz.com/amazon-invest-4-billion-ai-startup-anthropic-model-chip-1851705944",
    Confidence::Medium,
);
/// The UK CMA on Amazon's partnership (M: the decision as reported).
const CMA_AMAZON: Cite = cite(
    "UK Competition and Markets Authority, Amazon/Anthropic merger inquiry (decision 2024-09-27), as reported \
     by Tech Monitor",
    "https://techmonitor.ai/ai-and-automation/cma-approves-amazon-anthropic-4bn-ai-partnership-after-phase-1-probe",
    Confidence::Medium,
);
/// The UK CMA on Google's partnership (the decision is official; its terms are quoted second-hand: M).
const CMA_GOOGLE: Cite = cite(
    "UK Competition and Markets Authority, Alphabet/Anthropic merger inquiry (decision 2024-11-19); the terms \
     as reported",
    "https://www.gov.uk/cma-cases/alphabet-inc-google-llc-slash-anthropic-merger-inquiry",
    Confidence::Medium,
);
/// Google's TPU deal of October 2025 (M).
const GOOGLE_2025: Cite = cite(
    "Anthropic and Google Cloud, announcement of 2025-10-23, as reported by Business Leaders Review and others",
    "https://businessleadersreview.com/google-and-anthropic-expand-partnership-deal-to-access-one-million-tpus",
    Confidence::Medium,
);
/// Amazon's April 2026 agreement: Anthropic's post, seen through the press (M).
const AMAZON_2026: Cite = cite(
    "Anthropic, post on its agreement with Amazon (2026-04-20, updated 2026-04-21), as summarized by the press",
    "https://www.anthropic.com/news/anthropic-amazon-compute",
    Confidence::Medium,
);
/// Google's April 2026 investment (M).
const GOOGLE_2026: Cite = cite(
    "Google's investment in Anthropic (2026-04-24), as reported by Reuters and CNBC",
    "https://www.tadpost.com/blog/google-anthropic-investment/",
    Confidence::Medium,
);
/// Google's stake and its limits, from Anthropic's court filings (M).
const GOOGLE_FILINGS: Cite = cite(
    "Anthropic's filings in the US antitrust case against Google, as reported by The New York Times (2025-03-11)",
    "https://www.sherwood.news/tech/alphabets-google-owns-14-of-anthropic",
    Confidence::Medium,
);

/// AWS is the primary training partner by the companies' words; one summary said "sole".
const SOLE_OR_PRIMARY: Figure = Figure {
    fact: t("TechCrunch's summary called AWS \"the sole place\" Anthropic would train its flagship models; the \
             companies said \"primary\", and Anthropic has since contracted Google TPUs as well"),
    cite: cite("TechCrunch (2024-11-22), as republished; Quartz (2024-11-22)", "", Confidence::Disputed),
};

/// Amazon's stake, which is not public.
const AMAZON_STAKE: Figure = Figure {
    fact: t("Amazon's stake is not public: Reuters Breakingviews inferred about 21% from its carrying value, \
             saying the real figure might be lower; a tracker estimates 7-8%"),
    cite: cite("Reuters Breakingviews (2025-12-12); bigtech-ai-stakes tracker (2026-05-08)", "", Confidence::Disputed),
};

/// Google's stake in the filings.
const GOOGLE_14: Figure = Figure {
    fact: t("Google held 14% of Anthropic in the filings reported on 2025-03-11; its stake since is not public"),
    cite: cite(
        "The New York Times (2025-03-11), as reported by Sherwood News",
        "https://www.sherwood.news/tech/alphabets-google-owns-14-of-anthropic",
        Confidence::Medium,
    ),
};

const LATER_APRIL_AMAZON: Rule = Rule::Later(t("Amazon's April 2026 agreement brings it in"));
const LATER_APRIL_GOOGLE: Rule = Rule::Later(t("Google's April 2026 agreement brings it in"));

/// The cap on Google's stake, while the table keeps Google at or under it.
const GOOGLE_CAP: Rule = Rule::Until {
    ends: Condition::Fact(Fact::StakeAbove { holder: t("google"), percent: Percent::from_micros(15_000_000) }),
    until: t("while Google's stake is at most 15%, as the cap requires"),
};

const TPU_2023: &str = "Anthropic buys Google Cloud compute, TPUs included; a 2023 report put the commitment at $3B \
    over four years.";
const TPU_2026: &str = "Anthropic may use up to one million Google TPUs, more than a gigawatt of them from 2026; \
    from 2027 it adds multiple gigawatts of next-generation TPU capacity through Google and Broadcom (about 3.5 GW \
    through Broadcom, by Broadcom's filing).";
/// The 2023 Google Cloud deal, as reported (M/L: one report, carried by another outlet).
const GOOGLE_2023: Cite = cite(
    "The Wall Street Journal, as reported by DeepLearning.AI's The Batch (November 2023)",
    "https://www.deeplearning.ai/the-batch/anthropic-secures-2-billion-investment-from-google-weeks-after-amazon-deal/",
    Confidence::Low,
);
/// The Google and Broadcom TPU agreement of April 2026 (M).
const TPU_BROADCOM: Cite = cite(
    "Anthropic, Google and Broadcom (2026-04-06), and Broadcom's filing, as reported by Open TechStack",
    "https://open-techstack.com/blog/broadcom-google-anthropic-tpu-deal-2026",
    Confidence::Medium,
);

/// Anthropic and its cloud investors: Amazon (largest investor, primary cloud and training partner) and Google.
pub static ANTHROPIC: Deal = Deal {
    id: t("anthropic-amazon-google"),
    name: t("Anthropic, Amazon and Google"),
    events: parts!(&[
        EventDef {
            id: t("amazon_milestones"),
            name: t("Amazon's milestones met"),
            label: t("Anthropic meeting Amazon's milestones"),
            happened: t("Anthropic met the milestones of Amazon's April 2026 investment"),
            pending: t("Anthropic has not met the milestones of Amazon's April 2026 investment"),
            not_before: None,
            default_day: Day::new(2027, 1, 1),
        },
        EventDef {
            id: t("google_milestones"),
            name: t("Google's milestones met"),
            label: t("Anthropic meeting Google's milestones"),
            happened: t("Anthropic met the milestones of Google's April 2026 investment"),
            pending: t("Anthropic has not met the milestones of Google's April 2026 investment"),
            not_before: None,
            default_day: Day::new(2027, 1, 1),
        },
    ]),
    regimes: parts!(&[
        Regime {
            id: t(SEP_2023),
            name: t("Amazon's September 2023 agreement"),
            event: t("Amazon's first investment"),
            starts: Day::new(2023, 9, 25),
            source: AMAZON_2023,
        },
        Regime {
            id: t(NOV_2024),
            name: t("Amazon's November 2024 agreement"),
            event: t("Amazon's second $4B"),
            starts: Day::new(2024, 11, 22),
            source: AMAZON_2024,
        },
        Regime {
            id: t(OCT_2025),
            name: t("Google's October 2025 TPU agreement"),
            event: t("Google's TPU deal"),
            starts: Day::new(2025, 10, 23),
            source: GOOGLE_2025,
        },
        Regime {
            id: t(APR_2026_AMAZON),
            name: t("Amazon's April 2026 agreement"),
            event: t("Amazon's April 2026 deal"),
            starts: Day::new(2026, 4, 20),
            source: AMAZON_2026,
        },
        Regime {
            id: t(APR_2026_GOOGLE),
            name: t("Google's April 2026 agreement"),
            event: t("Google's April 2026 deal"),
            starts: Day::new(2026, 4, 24),
            source: GOOGLE_2026,
        },
    ]),
    terms: parts!(&[
        Term {
            id: t("aws-primary-cloud"),
            title: t("AWS as primary cloud provider"),
            grants: t("Anthropic uses AWS as its primary cloud provider for mission-critical workloads; the \
                arrangement is not exclusive."),
            cite: AMAZON_2023,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(SEP_2023, Rule::Standing),
                rule(NOV_2024, Rule::Standing),
                rule(OCT_2025, Rule::Standing),
                rule(APR_2026_AMAZON, Rule::Standing),
                rule(APR_2026_GOOGLE, Rule::Standing),
            ]),
        },
        Term {
            id: t("aws-primary-training"),
            title: t("AWS as primary training partner"),
            grants: t("AWS is Anthropic's primary partner for training its models, on Trainium chips whose future \
                generations Anthropic helps Amazon's Annapurna Labs design."),
            cite: AMAZON_2024,
            figures: parts!(&[SOLE_OR_PRIMARY]),
            rules: parts!(&[
                rule(SEP_2023, Rule::Later(t("Amazon's November 2024 agreement brings it in"))),
                rule(NOV_2024, Rule::Standing),
                rule(OCT_2025, Rule::Standing),
                rule(APR_2026_AMAZON, Rule::Standing),
                rule(APR_2026_GOOGLE, Rule::Standing),
            ]),
        },
        Term {
            id: t("bedrock-non-exclusive"),
            title: t("Claude on Amazon Bedrock, not exclusively"),
            grants: t("Anthropic has made a non-exclusive, long-term commitment to offer its models on Amazon \
                Bedrock, and Amazon has a non-exclusive licence to use them in its own services."),
            cite: CMA_AMAZON,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(SEP_2023, Rule::Standing),
                rule(NOV_2024, Rule::Standing),
                rule(OCT_2025, Rule::Standing),
                rule(APR_2026_AMAZON, Rule::Standing),
                rule(APR_2026_GOOGLE, Rule::Standing),
            ]),
        },
        Term {
            id: t("amazon-rights"),
            title: t("Amazon's consultation and change-of-control rights"),
            grants: t("Amazon may be consulted on significant business issues and must be told first of any \
                potential change of control, so that it can make a counteroffer; it has no board seat, and its \
                holding is a minority without votes."),
            cite: CMA_AMAZON,
            figures: parts!(&[AMAZON_STAKE]),
            rules: parts!(&[
                rule(SEP_2023, Rule::Standing),
                rule(NOV_2024, Rule::Standing),
                rule(OCT_2025, Rule::Standing),
                rule(APR_2026_AMAZON, Rule::Standing),
                rule(APR_2026_GOOGLE, Rule::Standing),
            ]),
        },
        Term {
            id: t("aws-compute-commitment"),
            title: t("More than $100B on AWS over ten years"),
            grants: t("Anthropic commits more than $100B over ten years to AWS technologies (Graviton, Trainium2 \
                to Trainium4) for up to 5 GW of capacity, and the full Claude Platform is offered inside AWS."),
            cite: AMAZON_2026,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(SEP_2023, LATER_APRIL_AMAZON),
                rule(NOV_2024, LATER_APRIL_AMAZON),
                rule(OCT_2025, LATER_APRIL_AMAZON),
                rule(APR_2026_AMAZON, Rule::Standing),
                rule(APR_2026_GOOGLE, Rule::Standing),
            ]),
        },
        Term {
            id: t("amazon-further-investment"),
            title: t("Amazon's further $20B, on milestones"),
            grants: t("Amazon invests $5B now and may invest up to $20B more once Anthropic meets commercial \
                milestones the companies have not made public."),
            cite: AMAZON_2026,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(SEP_2023, LATER_APRIL_AMAZON),
                rule(NOV_2024, LATER_APRIL_AMAZON),
                rule(OCT_2025, LATER_APRIL_AMAZON),
                rule(
                    APR_2026_AMAZON,
                    Rule::Until {
                        ends: Condition::Fact(Fact::Event(t("amazon_milestones"))),
                        until: t("while the further money waits on milestones, which are not public"),
                    },
                ),
                rule(
                    APR_2026_GOOGLE,
                    Rule::Until {
                        ends: Condition::Fact(Fact::Event(t("amazon_milestones"))),
                        until: t("while the further money waits on milestones, which are not public"),
                    },
                ),
            ]),
        },
        Term {
            id: t("vertex-non-exclusive"),
            title: t("Claude on Google Cloud, not exclusively"),
            grants: t("Google Cloud supplies compute to Anthropic and offers Claude on Vertex AI; the UK CMA found \
                both arrangements non-exclusive, and Google's shares carry no votes."),
            cite: CMA_GOOGLE,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(
                    SEP_2023,
                    Rule::Unstated(t("the sources found do not date when Claude came to Vertex AI; the CMA \
                        described the arrangement in November 2024")),
                ),
                rule(NOV_2024, Rule::Standing),
                rule(OCT_2025, Rule::Standing),
                rule(APR_2026_AMAZON, Rule::Standing),
                rule(APR_2026_GOOGLE, Rule::Standing),
            ]),
        },
        Term {
            id: t("google-tpu-capacity"),
            title: t("Google Cloud TPU capacity"),
            grants: t("Anthropic may use up to one million Google TPUs, more than a gigawatt of them coming online \
                in 2026, in a deal worth tens of billions of dollars."),
            cite: GOOGLE_2025,
            figures: parts!(&[]),
            rules: parts!(&[
                reworded(SEP_2023, Rule::Standing, TPU_2023, GOOGLE_2023),
                reworded(NOV_2024, Rule::Standing, TPU_2023, GOOGLE_2023),
                rule(OCT_2025, Rule::Standing),
                reworded(APR_2026_AMAZON, Rule::Standing, TPU_2026, TPU_BROADCOM),
                reworded(APR_2026_GOOGLE, Rule::Standing, TPU_2026, TPU_BROADCOM),
            ]),
        },
        Term {
            id: t("google-stake-cap"),
            title: t("Google's stake capped at 15%, without votes"),
            grants: t("Google may own at most 15% of Anthropic, and has no voting rights, board seats or board \
                observer rights."),
            cite: GOOGLE_FILINGS,
            figures: parts!(&[GOOGLE_14]),
            rules: parts!(&[
                rule(SEP_2023, GOOGLE_CAP),
                rule(NOV_2024, GOOGLE_CAP),
                rule(OCT_2025, GOOGLE_CAP),
                rule(APR_2026_AMAZON, GOOGLE_CAP),
                rule(
                    APR_2026_GOOGLE,
                    Rule::Unstated(t("no source found says whether the 15% cap reported in March 2025 still \
                        applies after Google's April 2026 commitment of up to $40B")),
                ),
            ]),
        },
        Term {
            id: t("google-further-investment"),
            title: t("Google's further $30B, on milestones"),
            grants: t("Google invests $10B now, at a reported $350B valuation, and may invest up to $30B more once \
                Anthropic meets performance milestones that are not public."),
            cite: GOOGLE_2026,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(SEP_2023, LATER_APRIL_GOOGLE),
                rule(NOV_2024, LATER_APRIL_GOOGLE),
                rule(OCT_2025, LATER_APRIL_GOOGLE),
                rule(APR_2026_AMAZON, LATER_APRIL_GOOGLE),
                rule(
                    APR_2026_GOOGLE,
                    Rule::Until {
                        ends: Condition::Fact(Fact::Event(t("google_milestones"))),
                        until: t("while the further money waits on milestones, which are not public"),
                    },
                ),
            ]),
        },
    ]),
    routes: parts!(&[
        RouteRule {
            regimes: parts!(&[]),
            when: Condition::Fact(Fact::Product(ProductKind::Training)),
            term: t("aws-primary-training"),
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: t("AWS is the primary training partner, not the only one: the CMA found Amazon's compute \
                supply non-exclusive, and Anthropic also contracts Google TPUs."),
            note_ended: t(""),
        },
        RouteRule {
            regimes: parts!(&[]),
            when: Condition::Fact(Fact::Product(ProductKind::StatelessApi)),
            term: t("bedrock-non-exclusive"),
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: t("Claude is sold directly and on Amazon Bedrock, on Google Cloud's Vertex AI as the CMA \
                found in 2024, and from November 2025 on Microsoft Azure too; none of these is exclusive."),
            note_ended: t(""),
        },
        RouteRule {
            regimes: parts!(&[]),
            when: Condition::Always,
            term: t("aws-primary-cloud"),
            in_force: Hosting::AnyCloud,
            ended: Some(Hosting::AnyCloud),
            note_in_force: t("AWS is Anthropic's primary cloud provider, not an exclusive one."),
            note_ended: t(""),
        },
    ]),
    products: parts!(&[
        Product { kind: ProductKind::StatelessApi, partner: None },
        Product { kind: ProductKind::Training, partner: None },
    ]),
    key_term: t("aws-primary-cloud"),
    whatif_holder: t("google"),
};
