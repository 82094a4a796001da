//! Sharing: a "Copy link" button with a visible answer, and the link as text.
//!
//! When the browser will not copy (no clipboard, permission refused), the
//! link is shown in a read-only field, already selected, with a sentence
//! saying how to copy it by hand. The link is only ever shown as text.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`Share`].
#[derive(Clone, PartialEq, Properties)]
pub struct ShareProps {
    /// The whole link to the scenario, or `None` when it is too large for one.
    pub url: Option<AttrValue>,
}

/// What the last press of "Copy link" did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    Not,
    Yes,
    Refused,
}

/// The share box.
#[function_component]
pub fn Share(props: &ShareProps) -> Html {
    let copied = use_state_eq(|| Copied::Not);
    let fallback = use_node_ref();
    // A new scenario makes the last answer stale.
    {
        let copied = copied.clone();
        use_effect_with(props.url.clone(), move |_| copied.set(Copied::Not));
    }
    // Select the fallback field as soon as it shows, so Ctrl+C is all that is left.
    {
        let fallback = fallback.clone();
        use_effect_with(*copied, move |copied| {
            if *copied == Copied::Refused {
                if let Some(input) = fallback.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }
    let Some(url) = props.url.clone() else {
        return html! {
            <div class="share" id="share">
                <p class="muted small" id="share-too-large">
                    {"This scenario is too large to fit in a link."}
                </p>
            </div>
        };
    };
    let on_copy = {
        let copied = copied.clone();
        let url = url.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_then(
                url.to_string(),
                Callback::from(move |ok| copied.set(if ok { Copied::Yes } else { Copied::Refused })),
            );
        })
    };
    let message = match *copied {
        Copied::Not => "",
        Copied::Yes => "Link copied.",
        Copied::Refused => "This browser did not let the page copy. The link is selected below: copy it with Ctrl+C (\u{2318}C on a Mac).",
    };
    html! {
        <div class="share" id="share">
            <span class="share-row">
                <button type="button" id="copy-link" onclick={on_copy}>{"Copy link"}</button>
                <span id="copy-status" class="small" role="status">{message}</span>
            </span>
            if *copied == Copied::Refused {
                <label for="share-fallback" class="visually-hidden">{"Link to this scenario, selected"}</label>
                <input type="text" id="share-fallback" class="share-link" readonly=true value={url.clone()} ref={fallback} />
            }
            <details id="show-link">
                <summary>{"Show link"}</summary>
                <label for="share-link" class="small">{"Link to this scenario"}</label>
                <input type="text" id="share-link" class="share-link" readonly=true value={url} />
            </details>
        </div>
    }
}

/// Copies `text`, then tells `done` whether the browser took it.
#[cfg(target_arch = "wasm32")]
fn copy_then(text: String, done: Callback<bool>) {
    // The address the reader may copy by hand should be this link too.
    crate::browser::flush_fragment();
    yew::platform::spawn_local(async move { done.emit(crate::browser::copy(&text).await) });
}

/// Natively (render tests) there is no clipboard.
#[cfg(not(target_arch = "wasm32"))]
fn copy_then(_text: String, done: Callback<bool>) {
    done.emit(false);
}
