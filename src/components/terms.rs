//! The contract terms with their status and reason, the routing answers,
//! and the sources of the figures. Rendered from whatever the core returns;
//! every word for a status, a hosting, a product or a confidence is the core's.

use fortress_core::terms::Figure;
use fortress_core::{Confidence, Date, Source};
use yew::prelude::*;

use super::StateHandle;
use crate::fmt;

/// A source's words, as a link when it has an address (a new tab; the
/// address passed the core's check: `https://` and nothing to escape).
pub fn source_link(text: &str, url: Option<&str>) -> Html {
    match url {
        Some(url) => html! {
            <a href={url.to_owned()} target="_blank" rel="noopener" class="source-link">{text.to_owned()}</a>
        },
        None => html! { <span>{text.to_owned()}</span> },
    }
}

/// "Changed: in force in the baseline, ended here", in words and a badge, not only colour.
fn changed(sentence: &str) -> Html {
    html! {
        <p class="changed small">
            <span class="badge badge-changed">{"changed"}</span>{" "}{sentence.to_owned()}
        </p>
    }
}

/// "(official text)", or a "disputed" badge.
fn confidence(confidence: Confidence) -> Html {
    if confidence == Confidence::Disputed {
        html! { <span class="badge badge-disputed">{confidence.label()}</span> }
    } else {
        html! { <span class="confidence">{format!("({})", confidence.label())}</span> }
    }
}

fn dated(date: Option<Date>) -> String {
    date.map(|d| format!(", {}", fmt::date(d))).unwrap_or_default()
}

fn figure(figure: &Figure) -> Html {
    let url = Some(&*figure.cite.url).filter(|url| !url.is_empty());
    html! {
        <p class="figure small">
            <span class="badge badge-figure">{"figure"}</span>{" "}{figure.fact.to_string()}{" \u{2014} "}
            { source_link(&figure.cite.source, url) }{" "}{ confidence(figure.cite.confidence) }
        </p>
    }
}

/// Every term, with its status, reason and source.
pub fn terms(state: &StateHandle) -> Html {
    let as_of = state.outcome.terms.first().map(|t| format!(" on {}", fmt::date(t.as_of))).unwrap_or_default();
    let changes = state.comparison.as_ref().map(|(c, _)| c.terms.as_slice()).unwrap_or_default();
    let terms = state.outcome.terms.iter().map(|t| {
        let change = changes.iter().find(|c| c.id == t.id);
        html! {
            <li data-term={t.id.to_string()} data-status={t.status.name()} data-changed={change.is_some().to_string()} class="term">
                <div class="term-head">
                    <span class={classes!("status", format!("status-{}", t.status.name()))}>
                        <span aria-hidden="true">{t.status.symbol()}</span>{" "}{t.status.title()}
                    </span>
                    <strong class="term-title">{t.title.to_string()}</strong>
                </div>
                if let Some(change) = change {
                    { changed(&change.sentence()) }
                }
                <p class="grants">{t.grants.to_string()}</p>
                { for t.figures.iter().map(figure) }
                <p class="reason">{t.reason.clone()}</p>
                <p class="source muted small">
                    {format!("Under {} \u{b7} source: ", t.regime_name)}
                    { source_link(&t.source, t.source_url.as_deref()) }{" "}{ confidence(t.confidence) }
                </p>
            </li>
        }
    });
    html! {
        <section class="card" part="terms" aria-labelledby="terms-heading">
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
    let changes = state.comparison.as_ref().map(|(c, _)| c.routes.as_slice()).unwrap_or_default();
    let routes = state.outcome.routes.iter().map(|r| {
        let change = changes.iter().find(|c| c.product == r.product);
        html! {
            <li data-product={r.product.name()} data-hosting={r.hosting.name().into_owned()} data-changed={change.is_some().to_string()} class="route">
                if let Some(change) = change {
                    { changed(&change.sentence()) }
                }
                <strong>{r.product.title()}</strong>{": "}
                <span class={classes!("hosting", format!("hosting-{}", r.hosting.name()))}>{r.hosting.title().into_owned()}</span>
                <span class="muted small">{format!(" \u{b7} decided by {}", r.term)}</span>
                <p class="reason">{r.reason.clone()}</p>
            </li>
        }
    });
    html! {
        <section class="card" part="routes" aria-labelledby="routes-heading">
            <h2 id="routes-heading">{"Where may a product run?"}</h2>
            if state.outcome.routes.is_empty() {
                <p class="muted" id="routes-empty">{"No routing answers for this scenario."}</p>
            } else {
                <ul class="routes" id="routes">{ for routes }</ul>
            }
        </section>
    }
}

fn source_item(s: &Source) -> Html {
    html! {
        <li class={classes!((s.confidence == Confidence::Disputed).then_some("disputed"))}>
            {s.fact.clone()}
            <span class="muted">{" \u{2014} "}</span>
            { source_link(&format!("{}{}", s.source, dated(s.date)), s.url.as_deref()) }{" "}
            { confidence(s.confidence) }
        </li>
    }
}

/// Where each default figure comes from.
pub fn sources(state: &StateHandle) -> Html {
    let sources = &state.scenario.sources;
    if sources.is_empty() {
        return Html::default();
    }
    html! {
        <section class="card" part="sources">
            <details>
                <summary>{format!("Sources of the figures ({})", sources.len())}</summary>
                <ul class="sources" id="sources">{ for sources.iter().map(source_item) }</ul>
            </details>
        </section>
    }
}
