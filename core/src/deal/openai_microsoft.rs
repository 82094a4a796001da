//! The Microsoft–OpenAI agreements as a deal: static data, equal to
//! `core/deals/openai-microsoft.json` (a test in `fortress-format` reads the
//! file and compares it with this, field by field).
//!
//! Everything here is transcribed from docs/FACTS.md. A term that a
//! regime's sources leave unstated is written down as [`Rule::Unstated`]
//! with the reason, and one that the sources and the press read two ways as
//! [`Rule::Contested`] with both readings, so that the product says
//! "unknown" or "contested" instead of guessing. Each term is written as
//! the October 2025 agreement has it; under the amendment, only what
//! differs is written again.

use super::words;

use crate::scenario::Confidence;

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

/// A term under a regime whose sources word it anew: a title (if new), what it grants, where from.
const fn reworded(
    regime: &'static str,
    rule: Rule,
    title: Option<&'static str>,
    grants: &'static str,
    cite: Cite,
) -> RegimeRule {
    let title = match title {
        Some(title) => Some(t(title)),
        None => None,
    };
    RegimeRule { regime: t(regime), rule, title, grants: Some(t(grants)), cite: Some(cite), figures: None }
}

const OCT_2025: &str = "oct-2025";
const APR_2026: &str = "apr-2026";

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

const AGI_VERIFIED: Condition<'static> = Condition::Fact(Fact::Event(t("agi_verified")));
/// Research IP ends on AGI verified or after 2030, whichever comes first.
const VERIFIED_OR_2030: Condition<'static> =
    Condition::Any(parts!(&[AGI_VERIFIED, Condition::Fact(Fact::After(Day::new(2030, 12, 31)))]));
const UNTIL_VERIFIED: Rule = Rule::Until { ends: AGI_VERIFIED, until: t("until the expert panel verifies AGI") };

const STATEFUL_READINGS: &str = "The Amazon deal includes a \"Stateful Runtime Environment\" on Bedrock, \
    and the sources support two readings. One: it is an API product built with a third party, so it must run \
    on Azure until the expert panel verifies AGI. The other: the February 2026 statement ties only stateless \
    API calls from partners to Azure, so a stateful runtime may run on Amazon's cloud. The press reported that \
    Microsoft weighed whether stateful counts as stateless; Fortress does not decide it.";

/// The revenue-share cap as reported, with its confidence.
const CAP_38B: Figure = Figure {
    fact: t("The total cap on OpenAI's revenue-share payments is reported as $38B, in one report (The \
             Information's, carried by Reuters); neither company has confirmed it"),
    cite: cite("The Information, via Reuters (2026-05-11)", "", Confidence::Low),
};

const AZURE: Hosting = Hosting::Only(t("Azure"));

/// The Microsoft–OpenAI deal: the definitive agreement of 2025-10-28 and the amendment of 2026-04-27.
pub static OPENAI_MICROSOFT: Deal = Deal {
    id: t("openai-microsoft"),
    name: t("Microsoft and OpenAI"),
    events: parts!(&[
        EventDef {
            id: t("agi_declared"),
            name: t("AGI declared"),
            label: t("OpenAI's declaration of AGI"),
            happened: t("OpenAI declared AGI"),
            pending: t("OpenAI has not declared AGI"),
            not_before: None,
            default_day: Day::new(2026, 1, 1),
        },
        EventDef {
            id: t("agi_verified"),
            name: t("AGI verified"),
            label: t("the expert panel's verification of AGI"),
            happened: t("the expert panel verified AGI"),
            pending: t("the expert panel has not verified AGI"),
            not_before: Some(t("agi_declared")),
            default_day: Day::new(2026, 1, 1),
        },
    ]),
    regimes: parts!(&[
        // The definitive agreement of 2025-10-28, reaffirmed by the joint statement of 2026-02-27.
        Regime {
            id: t(OCT_2025),
            name: t("the October 2025 agreement"),
            event: t("the recapitalization"),
            starts: Day::new(2025, 10, 28),
            source: OCT,
        },
        // The amendment of 2026-04-27, in the companies' own words (their joint posts).
        Regime {
            id: t(APR_2026),
            name: t("the April 27, 2026 amendment"),
            event: t("the amendment"),
            starts: Day::new(2026, 4, 27),
            source: APR,
        },
    ]),
    terms: parts!(&[
        Term {
            id: t("azure-api-exclusivity"),
            title: t("Azure API exclusivity"),
            grants: t("OpenAI's API products are exclusive to Azure."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, UNTIL_VERIFIED),
                reworded(
                    APR_2026,
                    Rule::EndedBy(t("the April 27, 2026 amendment lets OpenAI serve all its products to customers on \
                        any cloud provider; Microsoft remains the primary cloud partner, and products ship first on \
                        Azure")),
                    None,
                    "OpenAI's API products were exclusive to Azure until the amendment.",
                    APR,
                ),
            ]),
        },
        Term {
            id: t("third-party-apis"),
            title: t("Third-party API products on Azure"),
            grants: t("API products OpenAI develops with third parties are exclusive to Azure too; since February \
                2026, stateless API calls from any third-party collaboration, Amazon's included, are hosted on Azure."),
            cite: OCT_FEB,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, UNTIL_VERIFIED),
                reworded(
                    APR_2026,
                    Rule::EndedBy(t("the April 27, 2026 amendment lets OpenAI serve all its products, those built \
                        with partners included, on any cloud provider")),
                    None,
                    "API products OpenAI developed with third parties were exclusive to Azure until the amendment.",
                    APR,
                ),
            ]),
        },
        Term {
            id: t("non-api-any-cloud"),
            title: t("Non-API products on any cloud"),
            grants: t("OpenAI may serve its non-API products on any cloud provider."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, Rule::Standing),
                reworded(
                    APR_2026,
                    Rule::Standing,
                    None,
                    "OpenAI may serve its non-API products, and since the amendment all its products, on any cloud \
                    provider.",
                    APR,
                ),
            ]),
        },
        Term {
            id: t("natsec-any-cloud"),
            title: t("National-security API on any cloud"),
            grants: t("OpenAI may give US government national-security customers API access on any cloud provider."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, Rule::Standing),
                reworded(
                    APR_2026,
                    Rule::Standing,
                    None,
                    "OpenAI may give US government national-security customers API access on any cloud provider; \
                    the amendment's any-cloud rule covers it too.",
                    APR,
                ),
            ]),
        },
        Term {
            id: t("open-weights"),
            title: t("Open-weight models"),
            grants: t("OpenAI may release open-weight models that meet capability criteria; the criteria are \
                undisclosed."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, Rule::Standing),
                reworded(
                    APR_2026,
                    Rule::Unstated(t("the amendment's posts do not say whether the capability criteria for \
                        open-weight releases still apply")),
                    None,
                    "OpenAI may release open-weight models that meet capability criteria (October 2025 terms).",
                    APR_SILENT,
                ),
            ]),
        },
        Term {
            id: t("ip-license"),
            title: t("Microsoft's exclusive IP rights"),
            grants: t("Microsoft holds exclusive rights to OpenAI's models and products, post-AGI models with safety \
                guardrails included."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(
                    OCT_2025,
                    Rule::Until {
                        ends: Condition::Fact(Fact::After(Day::new(2032, 12, 31))),
                        until: t("through 2032-12-31, whether or not AGI is verified"),
                    },
                ),
                reworded(
                    APR_2026,
                    Rule::Until {
                        ends: Condition::Fact(Fact::After(Day::new(2032, 12, 31))),
                        until: t("through 2032-12-31 as a non-exclusive licence, whether or not AGI is verified"),
                    },
                    Some("Microsoft's IP licence, non-exclusive"),
                    "Microsoft keeps a licence to OpenAI's IP for models and products through 2032; since the \
                    amendment the licence is non-exclusive.",
                    APR,
                ),
            ]),
        },
        Term {
            id: t("research-ip"),
            title: t("Microsoft's research IP rights"),
            grants: t("Microsoft has rights to OpenAI's research IP, the confidential methods used to develop models; \
                model weights, architecture, inference and fine-tuning code are not part of it and stay under the \
                IP licence."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(
                    OCT_2025,
                    Rule::Until {
                        ends: VERIFIED_OR_2030,
                        until: t("until the expert panel verifies AGI or through 2030-12-31, whichever comes first"),
                    },
                ),
                reworded(
                    APR_2026,
                    Rule::Contested(
                        t("the press reports the AGI clause removed by the amendment (The Verge, 2026-04-27: \"the \
                            AGI agreement is dead\"), which would leave Microsoft's research-IP rights to run to 2030 with no AGI condition"),
                        t("the companies' own posts do not mention research IP, and say only that OpenAI's \
                            revenue-share payments are independent of its technology progress, so the October 2025 \
                            terms (until AGI is verified or through 2030) may still stand"),
                    ),
                    None,
                    "Microsoft had rights to OpenAI's research IP until AGI was verified or through 2030 (October \
                    2025 terms).",
                    APR_AGI,
                ),
            ]),
        },
        Term {
            id: t("consumer-hardware"),
            title: t("Consumer hardware outside Microsoft's IP"),
            grants: t("OpenAI's consumer hardware is outside Microsoft's IP rights."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, Rule::Standing),
                reworded(
                    APR_2026,
                    Rule::Unstated(t("the amendment's posts do not say whether consumer hardware stays outside \
                        Microsoft's now non-exclusive licence")),
                    None,
                    "OpenAI's consumer hardware was outside Microsoft's IP rights (October 2025 terms).",
                    APR_SILENT,
                ),
            ]),
        },
        Term {
            id: t("revenue-share"),
            title: t("Revenue share to Microsoft"),
            grants: t("OpenAI pays Microsoft a share of its revenue (20% reported); since February 2026 the share \
                also covers OpenAI's deals with other clouds. Payments are spread over a longer period."),
            cite: OCT_FEB,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, UNTIL_VERIFIED),
                RegimeRule {
                    regime: t(APR_2026),
                    rule: Rule::Until {
                        ends: Condition::Fact(Fact::After(Day::new(2030, 12, 31))),
                        until: t("through 2030-12-31 or until the cap is reached, whether or not AGI is verified"),
                    },
                    title: Some(t("Revenue share to Microsoft, capped")),
                    grants: Some(t("OpenAI keeps paying Microsoft the same percentage of its revenue through 2030, \
                        independent of its technology progress, up to a total cap.")),
                    cite: Some(APR),
                    figures: Some(parts!(&[CAP_38B])),
                },
            ]),
        },
        Term {
            id: t("compute-rofr"),
            title: t("Microsoft's right of first refusal on compute"),
            grants: t("Microsoft had a right of first refusal to be OpenAI's compute provider."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(
                    OCT_2025,
                    Rule::EndedBy(t("the October 2025 agreement removed it when it took effect on 2025-10-28")),
                ),
                rule(
                    APR_2026,
                    Rule::EndedBy(t("the October 2025 agreement removed it on 2025-10-28, and the amendment does not \
                        bring it back")),
                ),
            ]),
        },
        Term {
            id: t("azure-commitment"),
            title: t("$250B Azure commitment"),
            grants: t("OpenAI has contracted to buy an incremental $250B of Azure services."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, Rule::Standing),
                reworded(
                    APR_2026,
                    Rule::Standing,
                    None,
                    "OpenAI contracted in October 2025 to buy an incremental $250B of Azure services; the press \
                    reports that the commitment remains.",
                    cite(
                        "press reports of the amendment (2026-04-27/28); the companies' posts do not mention it",
                        "",
                        Confidence::Medium,
                    ),
                ),
            ]),
        },
        Term {
            id: t("msft-agi"),
            title: t("Compute thresholds on Microsoft's AGI work"),
            grants: t("Microsoft may pursue AGI alone or with others; if it uses OpenAI's IP before AGI is declared, \
                its models must stay under compute thresholds far above today's systems (values undisclosed)."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(
                    OCT_2025,
                    Rule::Until {
                        ends: Condition::Fact(Fact::Event(t("agi_declared"))),
                        until: t("until OpenAI declares AGI"),
                    },
                ),
                reworded(
                    APR_2026,
                    Rule::Contested(
                        t("the press reports the AGI clause removed by the amendment (The Verge, 2026-04-27: \"the \
                            AGI agreement is dead\"), which would end the compute thresholds tied to an AGI declaration"),
                        t("the companies' own posts do not mention the thresholds, and say only that OpenAI's \
                            revenue-share payments are independent of its technology progress, so the October 2025 \
                            thresholds may still apply"),
                    ),
                    None,
                    "Microsoft could use OpenAI's IP for AGI work before AGI was declared only under compute \
                    thresholds (October 2025 terms).",
                    APR_AGI,
                ),
            ]),
        },
        Term {
            id: t("first-party-on-azure"),
            title: t("First-party products on Azure"),
            grants: t("OpenAI's first-party products, Frontier included, stay on Azure."),
            cite: FEB,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, Rule::Standing),
                reworded(
                    APR_2026,
                    Rule::EndedBy(t("the April 27, 2026 amendment lets OpenAI serve all its products on any cloud \
                        provider; what remains is that products ship first on Azure")),
                    None,
                    "OpenAI's first-party products, Frontier included, stayed on Azure until the amendment.",
                    APR,
                ),
            ]),
        },
        Term {
            id: t("expert-panel"),
            title: t("Expert panel verifies AGI"),
            grants: t("Once OpenAI declares AGI, an independent expert panel must verify it before the terms that \
                last until AGI end."),
            cite: OCT,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, Rule::Standing),
                reworded(
                    APR_2026,
                    Rule::Contested(
                        t("the press reports the AGI clause removed by the amendment (The Verge, 2026-04-27: \"the \
                            AGI agreement is dead\"), which would leave no AGI declaration for a panel to verify"),
                        t("the companies' own posts do not mention the panel, and say only that OpenAI's \
                            revenue-share payments are independent of its technology progress, so the October 2025 \
                            panel may still stand"),
                    ),
                    None,
                    "An independent expert panel verified any AGI declaration (October 2025 terms).",
                    APR_AGI,
                ),
            ]),
        },
        Term {
            id: t("azure-first-ship"),
            title: t("Products ship first on Azure"),
            grants: t("OpenAI's products ship first on Azure, unless Microsoft cannot and chooses not to support the \
                capabilities they need."),
            cite: APR,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, Rule::Later(t("the April 27, 2026 amendment brings it in"))),
                RegimeRule {
                    regime: t(APR_2026),
                    rule: Rule::Standing,
                    title: None,
                    grants: Some(t("Microsoft remains OpenAI's primary cloud partner: OpenAI's products ship first \
                        on Azure, unless Microsoft cannot and chooses not to support the capabilities they need.")),
                    cite: None,
                    figures: None,
                },
            ]),
        },
        Term {
            id: t("msft-revenue-share"),
            title: t("Revenue share to OpenAI"),
            grants: t("Microsoft pays OpenAI a share of revenue too: the arrangement runs both ways."),
            cite: MSFT_10K,
            figures: parts!(&[]),
            rules: parts!(&[
                rule(OCT_2025, Rule::Standing),
                reworded(
                    APR_2026,
                    Rule::EndedBy(t("the April 27, 2026 amendment: Microsoft no longer pays a revenue share to \
                        OpenAI")),
                    None,
                    "Microsoft paid OpenAI a share of revenue until the amendment.",
                    APR,
                ),
            ]),
        },
    ]),
    routes: parts!(&[
        // National-security customers may be served on any cloud while that permission stands.
        RouteRule {
            regimes: parts!(&[]),
            when: Condition::Fact(Fact::Product(ProductKind::NationalSecurityApi)),
            term: t("natsec-any-cloud"),
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: t(""),
            note_ended: t(""),
        },
        // Non-API products may run on any cloud while that permission stands.
        RouteRule {
            regimes: parts!(&[]),
            when: Condition::Fact(Fact::Product(ProductKind::NonApi)),
            term: t("non-api-any-cloud"),
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: t(""),
            note_ended: t(""),
        },
        RouteRule {
            regimes: parts!(&[t(OCT_2025)]),
            when: Condition::Fact(Fact::Product(ProductKind::OpenWeights)),
            term: t("open-weights"),
            in_force: Hosting::AnyCloud,
            ended: None,
            note_in_force: t("Once released, open weights can be run on any cloud."),
            note_ended: t(""),
        },
        RouteRule {
            regimes: parts!(&[t(OCT_2025)]),
            when: Condition::All(parts!(&[
                Condition::Fact(Fact::Product(ProductKind::StatefulRuntime)),
                Condition::Fact(Fact::Partner(t("Amazon"))),
            ])),
            term: t("third-party-apis"),
            in_force: Hosting::Contested,
            ended: Some(Hosting::AnyCloud),
            note_in_force: t(STATEFUL_READINGS),
            note_ended: t("Once the term has ended, both readings of the stateful-runtime dispute agree."),
        },
        RouteRule {
            regimes: parts!(&[t(APR_2026)]),
            when: Condition::Fact(Fact::Product(ProductKind::StatefulRuntime)),
            term: t("third-party-apis"),
            in_force: Hosting::Contested,
            ended: Some(Hosting::AnyCloud),
            note_in_force: t(STATEFUL_READINGS),
            note_ended: t("Whether a stateful runtime counts as stateless no longer matters."),
        },
        // API products built with partners follow the third-party exclusivity.
        RouteRule {
            regimes: parts!(&[]),
            when: Condition::Fact(Fact::Product(ProductKind::PartnerApi)),
            term: t("third-party-apis"),
            in_force: AZURE,
            ended: Some(Hosting::AnyCloud),
            note_in_force: t(""),
            note_ended: t(""),
        },
        RouteRule {
            regimes: parts!(&[t(OCT_2025)]),
            when: Condition::Always,
            term: t("azure-api-exclusivity"),
            in_force: AZURE,
            ended: Some(Hosting::AnyCloud),
            note_in_force: t(""),
            note_ended: t(""),
        },
        RouteRule {
            regimes: parts!(&[t(APR_2026)]),
            when: Condition::Always,
            term: t("azure-api-exclusivity"),
            in_force: AZURE,
            ended: Some(Hosting::AnyCloud),
            note_in_force: t(""),
            note_ended: t("Products still ship first on Azure unless Microsoft cannot, and chooses not to, support \
                them."),
        },
    ]),
    // The February 2026 deals are Amazon's, so partner-built products are asked about with Amazon.
    products: parts!(&[
        Product { kind: ProductKind::StatelessApi, partner: None },
        Product { kind: ProductKind::PartnerApi, partner: Some(t("Amazon")) },
        Product { kind: ProductKind::StatefulRuntime, partner: Some(t("Amazon")) },
        Product { kind: ProductKind::NonApi, partner: None },
        Product { kind: ProductKind::OpenWeights, partner: None },
        Product { kind: ProductKind::NationalSecurityApi, partner: None },
    ]),
    key_term: t("azure-api-exclusivity"),
    whatif_holder: t("microsoft"),
};
