//! In-browser tests: the App mounted into a div of a real page, driven by
//! DOM events, checked in the DOM. Run with
//! `cargo test --target wasm32-unknown-unknown -p fortress-widget` (headless Chromium).
#![cfg(target_arch = "wasm32")]
// Helpers of a test crate: a missing element is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fortress_widget::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the App and waits until it has drawn everything, the sections below the fold too.
async fn mount() -> Element {
    let root = mount_first_paint().await;
    below_the_fold(&root).await;
    root
}

/// Waits (three seconds at most) for the parts the App draws after its first paint.
async fn below_the_fold(root: &Element) {
    for _ in 0..300 {
        // The root says how many of the three parts after the first paint have come.
        if root.query_selector(r#".fortress[data-drawn="3"]"#).unwrap().is_some() {
            return;
        }
        sleep(10).await;
        yew::scheduler::flush().await;
    }
}

/// Mounts the App and returns after its first render.
async fn mount_first_paint() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    yew::scheduler::flush().await;
    root
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default().trim().to_owned()
}

fn cell(root: &Element, holder: &str, col: &str) -> String {
    text(root, &format!(r#"#cap-table tr[data-holder="{holder}"] td[data-col="{col}"]"#))
}

/// Sets an input's value and fires `kind` ("input" or "change") the way a browser does.
async fn fire(root: &Element, selector: &str, value: Option<&str>, kind: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().unwrap();
    match value {
        Some(value) => input.set_value(value),
        None => input.set_checked(true),
    }
    let init = EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn renders_the_default_scenario() {
    let root = mount().await;
    assert_eq!(cell(&root, "microsoft", "percent-after"), "23.4643%");
    assert_eq!(cell(&root, "amazon", "percent-after"), "5.9524%");
    assert_eq!(text(&root, "#headline"), "Microsoft 27.0% \u{2192} 23.5%, worth $197B");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_sections_below_the_fold_follow_the_first_paint() {
    let root = mount_first_paint().await;
    // The first render: the headline, the controls and the table, and nothing below them yet.
    assert_eq!(cell(&root, "microsoft", "percent-after"), "23.4643%");
    assert!(root.query_selector("#valuation-slider").unwrap().is_some());
    let later = ["#ownership-chart", "#sensitivity-show", "#terms-heading", "#stake-microsoft-slider"];
    for below in later {
        assert!(root.query_selector(below).unwrap().is_none(), "{below} in the first render");
    }
    // An edit before they arrive is not lost: they draw the scenario as it is by then.
    fire(&root, "#amount-amazon-box", Some("20"), "input").await;
    below_the_fold(&root).await;
    for below in later {
        assert!(root.query_selector(below).unwrap().is_some(), "no {below} after the first paint");
    }
    let amazon = find(&root, r#"#ownership-chart g[data-holder="amazon"] .chart-value"#);
    assert_eq!(amazon.text_content().unwrap_or_default(), "0.0% \u{2192} 2.5%");
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_an_amount_updates_table_and_chart() {
    let root = mount().await;
    let width = |root: &Element| find(root, r#"rect[data-holder="amazon"][data-stage="after"]"#).get_attribute("width");
    let before = width(&root);
    fire(&root, "#amount-amazon-box", Some("20"), "input").await;
    // $20B on $730B pre-money and $60B from the others: post-money $810B.
    assert_eq!(cell(&root, "amazon", "percent-after"), "2.4691%");
    assert_eq!(cell(&root, "microsoft", "percent-after"), "24.3333%");
    assert_ne!(width(&root), before);
    let slider: HtmlInputElement = find(&root, "#amount-amazon-slider").dyn_into().unwrap();
    assert_eq!(slider.value(), "20");
    root.remove();
}

#[wasm_bindgen_test]
async fn garbage_shows_a_message_and_keeps_the_outcome() {
    let root = mount().await;
    fire(&root, "#amount-amazon-box", Some("abc"), "input").await;
    let alert = find(&root, "#error-amount-amazon");
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert!(alert.text_content().unwrap_or_default().contains("is not a number"));
    let amazon = find(&root, "#amount-amazon-box");
    assert_eq!(amazon.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(amazon.get_attribute("aria-describedby").as_deref(), Some("error-amount-amazon"));
    assert_eq!(cell(&root, "microsoft", "percent-after"), "23.4643%");
    fire(&root, "#amount-amazon-box", Some("50"), "input").await;
    assert!(root.query_selector(".field-error").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn post_money_switch_and_stake_slider() {
    let root = mount().await;
    fire(&root, "#basis-post", None, "change").await;
    assert_eq!(cell(&root, "microsoft", "percent-after"), "22.9315%");
    assert_eq!(cell(&root, "amazon", "percent-after"), "6.8493%");
    assert_eq!(text(&root, "#valuation-label"), "Post-money valuation");
    fire(&root, "#stake-microsoft-slider", Some("30"), "input").await;
    assert_eq!(cell(&root, "microsoft", "percent-before"), "30.0000%");
    // The others absorb 3 points in proportion 26 : 47.
    assert_eq!(cell(&root, "foundation", "percent-before"), "24.9315%");
    root.remove();
}
