//! The term catalogue: every regime, its terms and its routing rules, as static data.
//!
//! Everything here is transcribed from ../shared/FACTS.md. A term that a
//! regime's sources leave unstated is written down as [`Rule::Unstated`] with
//! the reason, so that the product says "unknown" instead of guessing.

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
    /// The day it takes effect.
    pub starts: Day,
    /// Every term of the regime, each id of [`super::TERM_IDS`] once.
    pub terms: &'static [Term],
    /// The rules that answer "where may this product run?", tried in order.
    pub routes: &'static [RouteRule],
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
    pub source: &'static str,
    /// How sure that source is.
    pub confidence: Confidence,
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

const OCT: &str = "openai.com/index/next-chapter-of-microsoft-openai-partnership (2025-10-28)";
const OCT_FEB: &str = "openai.com/index/next-chapter-of-microsoft-openai-partnership (2025-10-28); \
    the February 2026 part: openai.com/index/continuing-microsoft-partnership (2026-02-27), quoted second-hand";
const FEB: &str = "openai.com/index/continuing-microsoft-partnership (2026-02-27), quoted second-hand";
const APR: &str = "the amendment of 2026-04-27, quoted second-hand";
const APR_SILENT: &str = "the amendment of 2026-04-27, quoted second-hand: silent on this term";

const AGI_VERIFIED: Condition<'static> = Condition::Fact(Fact::AgiVerified);
const UNTIL_VERIFIED: &str = "until the expert panel verifies AGI";

const STATEFUL_READINGS: &str = "The Amazon deal includes a \"Stateful Runtime Environment\" on Bedrock, \
    and the sources support two readings. One: it is an API product built with a third party, so it must run \
    on Azure until the expert panel verifies AGI. The other: the February 2026 statement ties only stateless \
    API calls from partners to Azure, so a stateful runtime may run on Amazon's cloud. The press reported that \
    Microsoft weighed whether stateful counts as stateless; Fortress does not decide it.";

/// The definitive agreement of 2025-10-28, reaffirmed by the joint statement of 2026-02-27.
const OCT_2025: Regime = Regime {
    id: RegimeId::Oct2025,
    name: "the October 2025 agreement",
    starts: Day::new(2025, 10, 28),
    terms: &[
        Term {
            id: "azure-api-exclusivity",
            title: "Azure API exclusivity",
            grants: "OpenAI's API products are exclusive to Azure.",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::Until { ends: AGI_VERIFIED, until: UNTIL_VERIFIED },
        },
        Term {
            id: "third-party-apis",
            title: "Third-party API products on Azure",
            grants: "API products OpenAI develops with third parties are exclusive to Azure too; since February \
                2026, stateless API calls from any third-party collaboration, Amazon's included, are hosted on Azure.",
            source: OCT_FEB,
            confidence: Confidence::Medium,
            rule: Rule::Until { ends: AGI_VERIFIED, until: UNTIL_VERIFIED },
        },
        Term {
            id: "non-api-any-cloud",
            title: "Non-API products on any cloud",
            grants: "OpenAI may serve its non-API products on any cloud provider.",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::Standing,
        },
        Term {
            id: "natsec-any-cloud",
            title: "National-security API on any cloud",
            grants: "OpenAI may give US government national-security customers API access on any cloud provider.",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::Standing,
        },
        Term {
            id: "open-weights",
            title: "Open-weight models",
            grants: "OpenAI may release open-weight models that meet capability criteria; the criteria are \
                undisclosed.",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::Standing,
        },
        Term {
            id: "ip-license",
            title: "Microsoft's exclusive IP rights",
            grants: "Microsoft holds exclusive rights to OpenAI's models and products, post-AGI models with safety \
                guardrails included.",
            source: OCT,
            confidence: Confidence::High,
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
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::Until {
                ends: Condition::Any(&[AGI_VERIFIED, Condition::Fact(Fact::After(Day::new(2030, 12, 31)))]),
                until: "until the expert panel verifies AGI or through 2030-12-31, whichever comes first",
            },
        },
        Term {
            id: "consumer-hardware",
            title: "Consumer hardware outside Microsoft's IP",
            grants: "OpenAI's consumer hardware is outside Microsoft's IP rights.",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::Standing,
        },
        Term {
            id: "revenue-share",
            title: "Revenue share to Microsoft",
            grants: "OpenAI pays Microsoft a share of its revenue (20% reported); since February 2026 the share \
                also covers OpenAI's deals with other clouds. Payments are spread over a longer period.",
            source: OCT_FEB,
            confidence: Confidence::Medium,
            rule: Rule::Until { ends: AGI_VERIFIED, until: UNTIL_VERIFIED },
        },
        Term {
            id: "compute-rofr",
            title: "Microsoft's right of first refusal on compute",
            grants: "Microsoft had a right of first refusal to be OpenAI's compute provider.",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::EndedBy("the October 2025 agreement removed it when it took effect on 2025-10-28"),
        },
        Term {
            id: "azure-commitment",
            title: "$250B Azure commitment",
            grants: "OpenAI has contracted to buy an incremental $250B of Azure services.",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::Standing,
        },
        Term {
            id: "msft-agi",
            title: "Compute thresholds on Microsoft's AGI work",
            grants: "Microsoft may pursue AGI alone or with others; if it uses OpenAI's IP before AGI is declared, \
                its models must stay under compute thresholds far above today's systems (values undisclosed).",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::Until { ends: Condition::Fact(Fact::AgiDeclared), until: "until OpenAI declares AGI" },
        },
        Term {
            id: "first-party-on-azure",
            title: "First-party products on Azure",
            grants: "OpenAI's first-party products, Frontier included, stay on Azure.",
            source: FEB,
            confidence: Confidence::Medium,
            rule: Rule::Standing,
        },
        Term {
            id: "expert-panel",
            title: "Expert panel verifies AGI",
            grants: "Once OpenAI declares AGI, an independent expert panel must verify it before the terms that \
                last until AGI end.",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::Standing,
        },
    ],
    routes: &[
        RouteRule {
            when: Condition::Fact(Fact::Product(ProductKind::NationalSecurityApi)),
            term: "natsec-any-cloud",
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: "",
            note_ended: "",
        },
        RouteRule {
            when: Condition::Fact(Fact::Product(ProductKind::NonApi)),
            term: "non-api-any-cloud",
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: "",
            note_ended: "",
        },
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
        RouteRule {
            when: Condition::Fact(Fact::Product(ProductKind::PartnerApi)),
            term: "third-party-apis",
            in_force: Hosting::AzureOnly,
            ended: Some(Hosting::AnyCloud),
            note_in_force: "",
            note_ended: "",
        },
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

/// The amendment of 2026-04-27, known only from second-hand quotes.
const APR_2026: Regime = Regime {
    id: RegimeId::Apr2026,
    name: "the April 27, 2026 amendment",
    starts: Day::new(2026, 4, 27),
    terms: &[
        Term {
            id: "azure-api-exclusivity",
            title: "Azure API exclusivity",
            grants: "OpenAI's API products were exclusive to Azure until the amendment.",
            source: APR,
            confidence: Confidence::Medium,
            rule: Rule::EndedBy(
                "the April 27, 2026 amendment lets OpenAI serve all its products to customers on any cloud \
                provider; Microsoft remains the primary cloud partner",
            ),
        },
        Term {
            id: "third-party-apis",
            title: "Third-party API products on Azure",
            grants: "API products OpenAI developed with third parties were exclusive to Azure until the amendment.",
            source: APR,
            confidence: Confidence::Medium,
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
            source: APR,
            confidence: Confidence::Medium,
            rule: Rule::Standing,
        },
        Term {
            id: "natsec-any-cloud",
            title: "National-security API on any cloud",
            grants: "OpenAI may give US government national-security customers API access on any cloud provider; \
                the amendment's any-cloud rule covers it too.",
            source: APR,
            confidence: Confidence::Medium,
            rule: Rule::Standing,
        },
        Term {
            id: "open-weights",
            title: "Open-weight models",
            grants: "OpenAI may release open-weight models that meet capability criteria (October 2025 terms).",
            source: APR_SILENT,
            confidence: Confidence::Medium,
            rule: Rule::Unstated(
                "the amendment, as reported, does not say whether the capability criteria for open-weight \
                releases still apply",
            ),
        },
        Term {
            id: "ip-license",
            title: "Microsoft's IP licence, now non-exclusive",
            grants: "Microsoft keeps a licence to OpenAI's models and products through 2032; the amendment makes it \
                non-exclusive.",
            source: APR,
            confidence: Confidence::Medium,
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
            source: APR_SILENT,
            confidence: Confidence::Medium,
            rule: Rule::Unstated(
                "the amendment, as reported, does not say whether Microsoft's research-IP rights survive",
            ),
        },
        Term {
            id: "consumer-hardware",
            title: "Consumer hardware outside Microsoft's IP",
            grants: "OpenAI's consumer hardware was outside Microsoft's IP rights (October 2025 terms).",
            source: APR_SILENT,
            confidence: Confidence::Medium,
            rule: Rule::Unstated(
                "the amendment, as reported, does not say whether consumer hardware stays outside Microsoft's \
                now non-exclusive licence",
            ),
        },
        Term {
            id: "revenue-share",
            title: "Revenue share to Microsoft, capped",
            grants: "OpenAI keeps paying Microsoft the same share of its revenue through 2030, up to a total cap \
                (undisclosed), whether or not AGI arrives; Microsoft no longer pays a revenue share to OpenAI.",
            source: APR,
            confidence: Confidence::Medium,
            rule: Rule::Until {
                ends: Condition::Fact(Fact::After(Day::new(2030, 12, 31))),
                until: "through 2030-12-31 or until the cap is reached, whether or not AGI is verified",
            },
        },
        Term {
            id: "compute-rofr",
            title: "Microsoft's right of first refusal on compute",
            grants: "Microsoft had a right of first refusal to be OpenAI's compute provider.",
            source: OCT,
            confidence: Confidence::High,
            rule: Rule::EndedBy(
                "the October 2025 agreement removed it on 2025-10-28, and the amendment does not bring it back",
            ),
        },
        Term {
            id: "azure-commitment",
            title: "$250B Azure commitment",
            grants: "OpenAI contracted in October 2025 to buy an incremental $250B of Azure services.",
            source: APR_SILENT,
            confidence: Confidence::Medium,
            rule: Rule::Unstated("the amendment, as reported, does not say whether the $250B commitment changes"),
        },
        Term {
            id: "msft-agi",
            title: "Compute thresholds on Microsoft's AGI work",
            grants: "Microsoft could use OpenAI's IP for AGI work before AGI was declared only under compute \
                thresholds (October 2025 terms).",
            source: APR_SILENT,
            confidence: Confidence::Medium,
            rule: Rule::Unstated("the amendment, as reported, does not say whether the compute thresholds survive"),
        },
        Term {
            id: "first-party-on-azure",
            title: "Products ship first on Azure",
            grants: "Microsoft remains OpenAI's primary cloud partner: products ship first on Azure unless Microsoft \
                cannot, and chooses not to, support the capabilities they need.",
            source: APR,
            confidence: Confidence::Medium,
            rule: Rule::Standing,
        },
        Term {
            id: "expert-panel",
            title: "Expert panel verifies AGI",
            grants: "An independent expert panel verified any AGI declaration (October 2025 terms).",
            source: APR_SILENT,
            confidence: Confidence::Medium,
            rule: Rule::Unstated("the amendment, as reported, does not say whether the expert panel survives"),
        },
    ],
    routes: &[
        RouteRule {
            when: Condition::Fact(Fact::Product(ProductKind::NationalSecurityApi)),
            term: "natsec-any-cloud",
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: "",
            note_ended: "",
        },
        RouteRule {
            when: Condition::Fact(Fact::Product(ProductKind::NonApi)),
            term: "non-api-any-cloud",
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: "",
            note_ended: "",
        },
        RouteRule {
            when: Condition::Fact(Fact::Product(ProductKind::StatefulRuntime)),
            term: "third-party-apis",
            in_force: Hosting::Contested,
            ended: Some(Hosting::AnyCloud),
            note_in_force: STATEFUL_READINGS,
            note_ended: "Whether a stateful runtime counts as stateless no longer matters.",
        },
        RouteRule {
            when: Condition::Fact(Fact::Product(ProductKind::PartnerApi)),
            term: "third-party-apis",
            in_force: Hosting::AzureOnly,
            ended: Some(Hosting::AnyCloud),
            note_in_force: "",
            note_ended: "",
        },
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
