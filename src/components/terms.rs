//! The contract terms with their status and reason, the routing answers,
//! and the sources of the figures. Rendered from whatever the core returns.

use fortress_core::terms::{Hosting, ProductKind, Status};
use fortress_core::{Confidence, RegimeId};
use yew::prelude::*;

use super::StateHandle;

/// A status as a word, a symbol and a machine name (`data-status`).
pub fn status_words(status: Status) -> (&'static str, &'static str, &'static str) {
    match status {
        Status::InForce => ("In force", "\u{2714}", "in_force"),
        Status::Ended => ("Ended", "\u{2716}", "ended"),
        Status::NotYet => ("Not yet", "\u{25f7}", "not_yet"),
        Status::Contested => ("Contested", "\u{26a0}", "contested"),
        Status::Unknown => ("Unknown", "?", "unknown"),
    }
}

/// How sure a source is, in words.
pub fn confidence_words(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::High => "official text",
        Confidence::Medium => "reported",
        Confidence::Low => "press only",
        Confidence::Disputed => "disputed",
    }
}

fn regime_words(regime: RegimeId) -> &'static str {
    match regime {
        RegimeId::Oct2025 => "October 2025 agreement",
        RegimeId::Apr2026 => "April 2026 amendment",
    }
}

/// A product kind as words and a machine name (`data-product`).
pub fn product_words(product: ProductKind) -> (&'static str, &'static str) {
    match product {
        ProductKind::StatelessApi => ("Stateless API", "stateless_api"),
        ProductKind::PartnerApi => ("API built with a partner", "partner_api"),
        ProductKind::StatefulRuntime => ("Stateful runtime", "stateful_runtime"),
        ProductKind::NonApi => ("Non-API product", "non_api"),
        ProductKind::OpenWeights => ("Open-weight model", "open_weights"),
        ProductKind::NationalSecurityApi => ("National-security API", "national_security_api"),
    }
}

/// Where a product may run, as words and a machine name (`data-hosting`).
pub fn hosting_words(hosting: Hosting) -> (&'static str, &'static str) {
    match hosting {
        Hosting::AzureOnly => ("Azure only", "azure_only"),
        Hosting::AnyCloud => ("Any cloud", "any_cloud"),
        Hosting::Contested => ("Contested", "contested"),
    }
}

/// Every term, with its status, reason and source.
pub fn terms(state: &StateHandle) -> Html {
    let as_of = state.scenario.as_of.map(|d| format!(" on {d}")).unwrap_or_default();
    let terms = state.outcome.terms.iter().map(|t| {
        let (word, symbol, name) = status_words(t.status);
        html! {
            <li data-term={t.id} data-status={name} class="term">
                <div class="term-head">
                    <span class={classes!("status", format!("status-{name}"))}>
                        <span aria-hidden="true">{symbol}</span>{" "}{word}
                    </span>
                    <strong class="term-title">{t.title}</strong>
                </div>
                <p class="grants">{t.grants}</p>
                <p class="reason">{t.reason.clone()}</p>
                <p class="source muted small">
                    {format!("{} \u{b7} source: {} ({})", regime_words(t.regime), t.source, confidence_words(t.confidence))}
                    if t.confidence == Confidence::Disputed {
                        {" "}<span class="badge badge-disputed">{"disputed"}</span>
                    }
                </p>
            </li>
        }
    });
    html! {
        <section class="card" aria-labelledby="terms-heading">
            <h2 id="terms-heading">{format!("Contract terms{as_of}")}</h2>
            if state.outcome.terms.is_empty() {
                <p class="muted" id="terms-empty">{"No contract terms are judged for this scenario."}</p>
            } else {
                <ul class="terms" id="terms">{ for terms }</ul>
            }
        </section>
    }
}

/// Where each kind of product may run.
pub fn routes(state: &StateHandle) -> Html {
    let routes = state.outcome.routes.iter().map(|r| {
        let (product, product_name) = product_words(r.product);
        let (hosting, hosting_name) = hosting_words(r.hosting);
        html! {
            <li data-product={product_name} data-hosting={hosting_name} class="route">
                <strong>{product}</strong>{": "}
                <span class={classes!("hosting", format!("hosting-{hosting_name}"))}>{hosting}</span>
                <span class="muted small">{format!(" \u{b7} decided by {}", r.term)}</span>
                <p class="reason">{r.reason.clone()}</p>
            </li>
        }
    });
    html! {
        <section class="card" aria-labelledby="routes-heading">
            <h2 id="routes-heading">{"Where may a product run?"}</h2>
            if state.outcome.routes.is_empty() {
                <p class="muted" id="routes-empty">{"No routing answers for this scenario."}</p>
            } else {
                <ul class="routes" id="routes">{ for routes }</ul>
            }
        </section>
    }
}

/// Where each default figure comes from.
pub fn sources(state: &StateHandle) -> Html {
    let sources = &state.scenario.sources;
    if sources.is_empty() {
        return Html::default();
    }
    html! {
        <section class="card">
            <details>
                <summary>{format!("Sources of the figures ({})", sources.len())}</summary>
                <ul class="sources">
                    { for sources.iter().map(|s| html! {
                        <li class={classes!((s.confidence == Confidence::Disputed).then_some("disputed"))}>
                            {s.fact.clone()}
                            <span class="muted">{format!(" \u{2014} {} ({})", s.source, confidence_words(s.confidence))}</span>
                        </li>
                    }) }
                </ul>
            </details>
        </section>
    }
}
