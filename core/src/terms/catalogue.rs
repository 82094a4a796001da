//! The term catalogue: every regime, its terms and its routing rules, as static data.
//!
//! Everything here is transcribed from docs/FACTS.md. A term that a
//! regime's sources leave unstated is written down as [`Rule::Unstated`]
//! with the reason, and one that the sources and the press read two ways as
//! [`Rule::Contested`] with both readings, so that the product says
//! "unknown" or "contested" instead of guessing.

use crate::scenario::{Confidence, RegimeId};

use super::condition::{Condition, Day, Fact};
use super::{Hosting, ProductKind};

/// A contract regime: the terms in force from a day on, until a later regime replaces it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Regime {
    /// The regime's id, as a scenario pins it.
    pub id: RegimeId,
    /// The regime's name for people, as it reads inside a sentence.
    pub name: &'static str,
    /// The event that brought it in, short, as a timeline labels it: "the amendment".
    pub event: &'static str,
    /// The day it takes effect.
    pub starts: Day,
    /// Where the regime's terms come from.
    pub source: Cite,
    /// Every term of the regime, each id of [`super::TERM_IDS`] once, in that order.
    pub terms: &'static [Term],
    /// The rules that answer "where may this product run?", tried in order.
    pub routes: &'static [RouteRule],
}

/// Where something comes from: who said it and when, how sure it is, and
/// the address a reader can open (empty when it has no public one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Cite {
    /// Who said it, and when, in words.
    pub source: &'static str,
    /// Its public address, `https://...`; empty when there is none.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub url: &'static str,
    /// How sure it is.
    pub confidence: Confidence,
}

/// A figure a term's sources give, with its own source and confidence: the
/// revenue-share cap "reported as $38B", say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Figure {
    /// The figure, in words.
    pub fact: &'static str,
    /// Where it comes from.
    #[serde(flatten)]
    pub cite: Cite,
}

/// One contract term as data: what it grants, where that comes from, and the rule that ends it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term {
    /// The id FACTS.md gives the term.
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// What the term grants, in a plain sentence.
    pub grants: &'static str,
    /// Where the term comes from.
    pub cite: Cite,
    /// Figures the term mentions, each with its own source and confidence.
    pub figures: &'static [Figure],
    /// When the term stands and when it ends.
    pub rule: Rule,
}

/// When a term stands, as the regime's sources put it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// In force for as long as the regime is: the sources set no end.
    Standing,
    /// In force until `ends` holds, then ended.
    Until {
        /// The condition that ends the term.
        ends: Condition<'static>,
        /// When that is, in words that follow "in force": "until the expert panel verifies AGI".
        until: &'static str,
    },
    /// The regime itself ended the term; the words say how.
    EndedBy(&'static str),
    /// The term is not part of this regime yet: a later one brings it in; the words say which.
    Later(&'static str),
    /// The sources and the press read the term two ways; the words give both readings.
    Contested(&'static str),
    /// The regime's sources do not say whether the term survives; the words say what is missing.
    Unstated(&'static str),
}

/// One routing rule: for the products its condition matches, the term that decides where they run.
///
/// A rule decides only when its term's status gives an answer (`ended` may
/// be `None`: a permission that ends leaves the product to the next rule).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RouteRule {
    /// The products (and partners) the rule is about.
    pub when: Condition<'static>,
    /// The id of the term that decides.
    pub term: &'static str,
    /// Where the product may run while the term is in force.
    pub in_force: Hosting,
    /// Where it may run once the term has ended; `None` to fall through to the next rule.
    pub ended: Option<Hosting>,
    /// What a reader should know while the term is in force; may be empty.
    pub note_in_force: &'static str,
    /// What a reader should know once the term has ended; may be empty.
    pub note_ended: &'static str,
}

/// Every regime Fortress knows, in the order they took effect.
pub static REGIMES: &[Regime] = &[OCT_2025, APR_2026];

/// The regime with this id.
///
/// ```
/// use fortress_core::{terms::regime, RegimeId};
/// assert_eq!(regime(RegimeId::Apr2026).starts.to_string(), "2026-04-27");
/// ```
pub fn regime(id: RegimeId) -> &'static Regime {
    match id {
        RegimeId::Oct2025 => &OCT_2025,
        RegimeId::Apr2026 => &APR_2026,
    }
}

const fn cite(source: &'static str, url: &'static str, confidence: Confidence) -> Cite {
    Cite { source, url, confidence }
}

/// OpenAI's post on the definitive agreement (H).
const OCT: Cite = cite(
    "OpenAI, \"The next chapter of the Microsoft-OpenAI partnership\" (2025-10-28)",
    "https://openai.com/index/next-chapter-of-microsoft-openai-partnership",
    Confidence::High,
);
/// The joint statement of February 2026, quoted second-hand (M).
const FEB: Cite = cite(
    "OpenAI and Microsoft, joint statement (2026-02-27), quoted second-hand",
    "https://openai.com/index/continuing-microsoft-partnership",
    Confidence::Medium,
);
/// Both, for the terms the February statement extended.
const OCT_FEB: Cite = cite(
    "OpenAI, \"The next chapter of the Microsoft-OpenAI partnership\" (2025-10-28); the February 2026 part: \
     OpenAI and Microsoft, joint statement (2026-02-27), quoted second-hand",
    "https://openai.com/index/next-chapter-of-microsoft-openai-partnership",
    Confidence::Medium,
);
/// The companies' joint posts on the amendment, quoted verbatim by many outlets (H-).
const APR: Cite = cite(
    "Microsoft and OpenAI, \"The next phase of the Microsoft-OpenAI partnership\" (2026-04-27), the companies' \
     joint posts, quoted verbatim by many outlets",
    "https://openai.com/index/next-phase-of-microsoft-partnership/",
    Confidence::High,
);
/// The same posts, on a term they do not mention.
const APR_SILENT: Cite = cite(
    "Microsoft and OpenAI, \"The next phase of the Microsoft-OpenAI partnership\" (2026-04-27): silent on this term",
    "https://openai.com/index/next-phase-of-microsoft-partnership/",
    Confidence::High,
);
/// The amendment's posts and the press report that the AGI clause is gone: read two ways.
const APR_AGI: Cite = cite(
    "Microsoft and OpenAI, joint posts (2026-04-27), which do not mention it; The Verge (2026-04-27), \"Microsoft \
     and OpenAI's famed AGI agreement is dead\"",
    "https://www.theverge.com/ai-artificial-intelligence/918981/openai-microsoft-renegotiate-contract",
    Confidence::Disputed,
);
/// Microsoft's filings on the revenue share it paid OpenAI (H).
const MSFT_10K: Cite = cite(
    "Microsoft's 10-K (fiscal year to 2026-06-30), which calls the revenue-share arrangement reciprocal",
    "",
    Confidence::High,
);

const AGI_VERIFIED: Condition<'static> = Condition::Fact(Fact::AgiVerified);
const UNTIL_VERIFIED: &str = "until the expert panel verifies AGI";

const STATEFUL_READINGS: &str = "The Amazon deal includes a \"Stateful Runtime Environment\" on Bedrock, \
    and the sources support two readings. One: it is an API product built with a third party, so it must run \
    on Azure until the expert panel verifies AGI. The other: the February 2026 statement ties only stateless \
    API calls from partners to Azure, so a stateful runtime may run on Amazon's cloud. The press reported that \
    Microsoft weighed whether stateful counts as stateless; Fortress does not decide it.";

/// The revenue-share cap as reported, with its confidence.
const CAP_38B: Figure = Figure {
    fact: "The total cap on OpenAI's revenue-share payments is reported as $38B, in one report (The Information's, \
           carried by Reuters); neither company has confirmed it",
    cite: cite("The Information, via Reuters (2026-05-11)", "", Confidence::Low),
};

const EXPERT_PANEL_READINGS: &str = "contested: the press reports the AGI clause removed by the amendment (The Verge, \
    2026-04-27: \"the AGI agreement is dead\"), which would leave no AGI declaration for a panel to verify; the \
    companies' own posts do not mention the panel, and say only that OpenAI's revenue-share payments are independent \
    of its technology progress, so the October 2025 panel may still stand";
const MSFT_AGI_READINGS: &str = "contested: the press reports the AGI clause removed by the amendment (The Verge, \
    2026-04-27: \"the AGI agreement is dead\"), which would end the compute thresholds tied to an AGI declaration; \
    the companies' own posts do not mention the thresholds, and say only that OpenAI's revenue-share payments are \
    independent of its technology progress, so the October 2025 thresholds may still apply";
const RESEARCH_IP_READINGS: &str = "contested: the press reports the AGI clause removed by the amendment (The \
    Verge, 2026-04-27: \"the AGI agreement is dead\"), which would leave Microsoft's research-IP rights to run to \
    2030 with no AGI condition; the companies' own posts do not mention research IP, and say only that OpenAI's \
    revenue-share payments are independent of its technology progress, so the October 2025 terms (until AGI is \
    verified or through 2030) may still stand";

// The routing rules both regimes share, each written once.

/// National-security customers may be served on any cloud while that permission stands.
const NATSEC_ROUTE: RouteRule = RouteRule {
    when: Condition::Fact(Fact::Product(ProductKind::NationalSecurityApi)),
    term: "natsec-any-cloud",
    in_force: Hosting::AnyCloud,
    ended: None,
    note_in_force: "",
    note_ended: "",
};

/// Non-API products may run on any cloud while that permission stands.
const NON_API_ROUTE: RouteRule = RouteRule {
    when: Condition::Fact(Fact::Product(ProductKind::NonApi)),
    term: "non-api-any-cloud",
    in_force: Hosting::AnyCloud,
    ended: None,
    note_in_force: "",
    note_ended: "",
};

/// API products built with partners follow the third-party exclusivity.
const PARTNER_ROUTE: RouteRule = RouteRule {
    when: Condition::Fact(Fact::Product(ProductKind::PartnerApi)),
    term: "third-party-apis",
    in_force: Hosting::AzureOnly,
    ended: Some(Hosting::AnyCloud),
    note_in_force: "",
    note_ended: "",
};

/// The definitive agreement of 2025-10-28, reaffirmed by the joint statement of 2026-02-27.
const OCT_2025: Regime = Regime {
    id: RegimeId::Oct2025,
    name: "the October 2025 agreement",
    event: "the recapitalization",
    starts: Day::new(2025, 10, 28),
    source: OCT,
    terms: &[
        Term {
            id: "azure-api-exclusivity",
            title: "Azure API exclusivity",
            grants: "OpenAI's API products are exclusive to Azure.",
            cite: OCT,
            figures: &[],
            rule: Rule::Until { ends: AGI_VERIFIED, until: UNTIL_VERIFIED },
        },
        Term {
            id: "third-party-apis",
            title: "Third-party API products on Azure",
            grants: "API products OpenAI develops with third parties are exclusive to Azure too; since February \
                2026, stateless API calls from any third-party collaboration, Amazon's included, are hosted on Azure.",
            cite: OCT_FEB,
            figures: &[],
            rule: Rule::Until { ends: AGI_VERIFIED, until: UNTIL_VERIFIED },
        },
        Term {
            id: "non-api-any-cloud",
            title: "Non-API products on any cloud",
            grants: "OpenAI may serve its non-API products on any cloud provider.",
            cite: OCT,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "natsec-any-cloud",
            title: "National-security API on any cloud",
            grants: "OpenAI may give US government national-security customers API access on any cloud provider.",
            cite: OCT,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "open-weights",
            title: "Open-weight models",
            grants: "OpenAI may release open-weight models that meet capability criteria; the criteria are \
                undisclosed.",
            cite: OCT,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "ip-license",
            title: "Microsoft's exclusive IP rights",
            grants: "Microsoft holds exclusive rights to OpenAI's models and products, post-AGI models with safety \
                guardrails included.",
            cite: OCT,
            figures: &[],
            rule: Rule::Until {
                ends: Condition::Fact(Fact::After(Day::new(2032, 12, 31))),
                until: "through 2032-12-31, whether or not AGI is verified",
            },
        },
        Term {
            id: "research-ip",
            title: "Microsoft's research IP rights",
            grants: "Microsoft has rights to OpenAI's research IP, the confidential methods used to develop models; \
                model weights, architecture, inference and fine-tuning code are not part of it and stay under the \
                IP licence.",
            cite: OCT,
            figures: &[],
            rule: Rule::Until {
                ends: Condition::Any(&[AGI_VERIFIED, Condition::Fact(Fact::After(Day::new(2030, 12, 31)))]),
                until: "until the expert panel verifies AGI or through 2030-12-31, whichever comes first",
            },
        },
        Term {
            id: "consumer-hardware",
            title: "Consumer hardware outside Microsoft's IP",
            grants: "OpenAI's consumer hardware is outside Microsoft's IP rights.",
            cite: OCT,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "revenue-share",
            title: "Revenue share to Microsoft",
            grants: "OpenAI pays Microsoft a share of its revenue (20% reported); since February 2026 the share \
                also covers OpenAI's deals with other clouds. Payments are spread over a longer period.",
            cite: OCT_FEB,
            figures: &[],
            rule: Rule::Until { ends: AGI_VERIFIED, until: UNTIL_VERIFIED },
        },
        Term {
            id: "compute-rofr",
            title: "Microsoft's right of first refusal on compute",
            grants: "Microsoft had a right of first refusal to be OpenAI's compute provider.",
            cite: OCT,
            figures: &[],
            rule: Rule::EndedBy("the October 2025 agreement removed it when it took effect on 2025-10-28"),
        },
        Term {
            id: "azure-commitment",
            title: "$250B Azure commitment",
            grants: "OpenAI has contracted to buy an incremental $250B of Azure services.",
            cite: OCT,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "msft-agi",
            title: "Compute thresholds on Microsoft's AGI work",
            grants: "Microsoft may pursue AGI alone or with others; if it uses OpenAI's IP before AGI is declared, \
                its models must stay under compute thresholds far above today's systems (values undisclosed).",
            cite: OCT,
            figures: &[],
            rule: Rule::Until { ends: Condition::Fact(Fact::AgiDeclared), until: "until OpenAI declares AGI" },
        },
        Term {
            id: "first-party-on-azure",
            title: "First-party products on Azure",
            grants: "OpenAI's first-party products, Frontier included, stay on Azure.",
            cite: FEB,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "expert-panel",
            title: "Expert panel verifies AGI",
            grants: "Once OpenAI declares AGI, an independent expert panel must verify it before the terms that \
                last until AGI end.",
            cite: OCT,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "azure-first-ship",
            title: "Products ship first on Azure",
            grants: "OpenAI's products ship first on Azure, unless Microsoft cannot and chooses not to support the \
                capabilities they need.",
            cite: APR,
            figures: &[],
            rule: Rule::Later("the April 27, 2026 amendment brings it in"),
        },
        Term {
            id: "msft-revenue-share",
            title: "Revenue share to OpenAI",
            grants: "Microsoft pays OpenAI a share of revenue too: the arrangement runs both ways.",
            cite: MSFT_10K,
            figures: &[],
            rule: Rule::Standing,
        },
    ],
    routes: &[
        NATSEC_ROUTE,
        NON_API_ROUTE,
        RouteRule {
            when: Condition::Fact(Fact::Product(ProductKind::OpenWeights)),
            term: "open-weights",
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: "Once released, open weights can be run on any cloud.",
            note_ended: "",
        },
        RouteRule {
            when: Condition::All(&[
                Condition::Fact(Fact::Product(ProductKind::StatefulRuntime)),
                Condition::Fact(Fact::Partner("Amazon")),
            ]),
            term: "third-party-apis",
            in_force: Hosting::Contested,
            ended: Some(Hosting::AnyCloud),
            note_in_force: STATEFUL_READINGS,
            note_ended: "Once the term has ended, both readings of the stateful-runtime dispute agree.",
        },
        PARTNER_ROUTE,
        RouteRule {
            when: Condition::Always,
            term: "azure-api-exclusivity",
            in_force: Hosting::AzureOnly,
            ended: Some(Hosting::AnyCloud),
            note_in_force: "",
            note_ended: "",
        },
    ],
};

/// The amendment of 2026-04-27, in the companies' own words (their joint posts).
const APR_2026: Regime = Regime {
    id: RegimeId::Apr2026,
    name: "the April 27, 2026 amendment",
    event: "the amendment",
    starts: Day::new(2026, 4, 27),
    source: APR,
    terms: &[
        Term {
            id: "azure-api-exclusivity",
            title: "Azure API exclusivity",
            grants: "OpenAI's API products were exclusive to Azure until the amendment.",
            cite: APR,
            figures: &[],
            rule: Rule::EndedBy(
                "the April 27, 2026 amendment lets OpenAI serve all its products to customers on any cloud \
                provider; Microsoft remains the primary cloud partner, and products ship first on Azure",
            ),
        },
        Term {
            id: "third-party-apis",
            title: "Third-party API products on Azure",
            grants: "API products OpenAI developed with third parties were exclusive to Azure until the amendment.",
            cite: APR,
            figures: &[],
            rule: Rule::EndedBy(
                "the April 27, 2026 amendment lets OpenAI serve all its products, those built with partners \
                included, on any cloud provider",
            ),
        },
        Term {
            id: "non-api-any-cloud",
            title: "Non-API products on any cloud",
            grants: "OpenAI may serve its non-API products, and since the amendment all its products, on any cloud \
                provider.",
            cite: APR,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "natsec-any-cloud",
            title: "National-security API on any cloud",
            grants: "OpenAI may give US government national-security customers API access on any cloud provider; \
                the amendment's any-cloud rule covers it too.",
            cite: APR,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "open-weights",
            title: "Open-weight models",
            grants: "OpenAI may release open-weight models that meet capability criteria (October 2025 terms).",
            cite: APR_SILENT,
            figures: &[],
            rule: Rule::Unstated(
                "the amendment's posts do not say whether the capability criteria for open-weight releases still \
                apply",
            ),
        },
        Term {
            id: "ip-license",
            title: "Microsoft's IP licence, non-exclusive",
            grants: "Microsoft keeps a licence to OpenAI's IP for models and products through 2032; since the \
                amendment the licence is non-exclusive.",
            cite: APR,
            figures: &[],
            rule: Rule::Until {
                ends: Condition::Fact(Fact::After(Day::new(2032, 12, 31))),
                until: "through 2032-12-31 as a non-exclusive licence, whether or not AGI is verified",
            },
        },
        Term {
            id: "research-ip",
            title: "Microsoft's research IP rights",
            grants: "Microsoft had rights to OpenAI's research IP until AGI was verified or through 2030 (October \
                2025 terms).",
            cite: APR_AGI,
            figures: &[],
            rule: Rule::Contested(RESEARCH_IP_READINGS),
        },
        Term {
            id: "consumer-hardware",
            title: "Consumer hardware outside Microsoft's IP",
            grants: "OpenAI's consumer hardware was outside Microsoft's IP rights (October 2025 terms).",
            cite: APR_SILENT,
            figures: &[],
            rule: Rule::Unstated(
                "the amendment's posts do not say whether consumer hardware stays outside Microsoft's now \
                non-exclusive licence",
            ),
        },
        Term {
            id: "revenue-share",
            title: "Revenue share to Microsoft, capped",
            grants: "OpenAI keeps paying Microsoft the same percentage of its revenue through 2030, independent of \
                its technology progress, up to a total cap.",
            cite: APR,
            figures: &[CAP_38B],
            rule: Rule::Until {
                ends: Condition::Fact(Fact::After(Day::new(2030, 12, 31))),
                until: "through 2030-12-31 or until the cap is reached, whether or not AGI is verified",
            },
        },
        Term {
            id: "compute-rofr",
            title: "Microsoft's right of first refusal on compute",
            grants: "Microsoft had a right of first refusal to be OpenAI's compute provider.",
            cite: OCT,
            figures: &[],
            rule: Rule::EndedBy(
                "the October 2025 agreement removed it on 2025-10-28, and the amendment does not bring it back",
            ),
        },
        Term {
            id: "azure-commitment",
            title: "$250B Azure commitment",
            grants: "OpenAI contracted in October 2025 to buy an incremental $250B of Azure services; the press \
                reports that the commitment remains.",
            cite: cite(
                "press reports of the amendment (2026-04-27/28); the companies' posts do not mention it",
                "",
                Confidence::Medium,
            ),
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "msft-agi",
            title: "Compute thresholds on Microsoft's AGI work",
            grants: "Microsoft could use OpenAI's IP for AGI work before AGI was declared only under compute \
                thresholds (October 2025 terms).",
            cite: APR_AGI,
            figures: &[],
            rule: Rule::Contested(MSFT_AGI_READINGS),
        },
        Term {
            id: "first-party-on-azure",
            title: "First-party products on Azure",
            grants: "OpenAI's first-party products, Frontier included, stayed on Azure until the amendment.",
            cite: APR,
            figures: &[],
            rule: Rule::EndedBy(
                "the April 27, 2026 amendment lets OpenAI serve all its products on any cloud provider; what \
                remains is that products ship first on Azure",
            ),
        },
        Term {
            id: "expert-panel",
            title: "Expert panel verifies AGI",
            grants: "An independent expert panel verified any AGI declaration (October 2025 terms).",
            cite: APR_AGI,
            figures: &[],
            rule: Rule::Contested(EXPERT_PANEL_READINGS),
        },
        Term {
            id: "azure-first-ship",
            title: "Products ship first on Azure",
            grants: "Microsoft remains OpenAI's primary cloud partner: OpenAI's products ship first on Azure, \
                unless Microsoft cannot and chooses not to support the capabilities they need.",
            cite: APR,
            figures: &[],
            rule: Rule::Standing,
        },
        Term {
            id: "msft-revenue-share",
            title: "Revenue share to OpenAI",
            grants: "Microsoft paid OpenAI a share of revenue until the amendment.",
            cite: APR,
            figures: &[],
            rule: Rule::EndedBy("the April 27, 2026 amendment: Microsoft no longer pays a revenue share to OpenAI"),
        },
    ],
    routes: &[
        NATSEC_ROUTE,
        NON_API_ROUTE,
        RouteRule {
            when: Condition::Fact(Fact::Product(ProductKind::StatefulRuntime)),
            term: "third-party-apis",
            in_force: Hosting::Contested,
            ended: Some(Hosting::AnyCloud),
            note_in_force: STATEFUL_READINGS,
            note_ended: "Whether a stateful runtime counts as stateless no longer matters.",
        },
        PARTNER_ROUTE,
        RouteRule {
            when: Condition::Always,
            term: "azure-api-exclusivity",
            in_force: Hosting::AzureOnly,
            ended: Some(Hosting::AnyCloud),
            note_in_force: "",
            note_ended: "Products still ship first on Azure unless Microsoft cannot, and chooses not to, support \
                them.",
        },
    ],
};
