//! Browser glue: the page's URL, the clipboard, and idle time. Only the standalone page
//! reads and writes its own URL; embedded widgets never touch the host's.
//!
//! Nothing here can throw into the widget: every call the browser may refuse
//! (a missing clipboard, a sandboxed frame without history) is caught and
//! reported as a value, so a refusal is a message, never a console error.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The page's fragment without the `#`, if it has one.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash);
    (!fragment.is_empty()).then(|| fragment.to_owned())
}

/// The value of a query parameter of the page's address, if it has one.
pub fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|value| !value.is_empty())
}

/// The page's address without its fragment: the base of its share links.
pub fn page_base() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_owned(),
        None => href,
    }
}

/// Puts `fragment` in the address bar in place of the current one, without a
/// new history entry, so the back button still leaves the page.
pub fn replace_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else { return };
    if window.location().hash().ok().as_deref().and_then(|h| h.strip_prefix('#')) == Some(fragment) {
        return;
    }
    if let Ok(history) = window.history() {
        // A refusal (too many calls, a sandboxed document) leaves the old address: harmless.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

thread_local! {
    /// The fragment waiting to be written, while a write is scheduled.
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// How long after an edit is painted its address is written: a drag writes
/// it a few times a second, not on every frame.
const FRAGMENT_DELAY_MS: i32 = 250;

/// Puts `fragment` in the address bar (as [`replace_fragment`]) a moment after
/// the next frame has been painted: writing the address costs a few
/// milliseconds in Chromium, which no slider step, nor any frame of a drag,
/// should wait for. Edits in the meantime write only the last;
/// [`flush_fragment`] writes it at once.
pub fn replace_fragment_after_paint(fragment: String) {
    let scheduled = PENDING.with(|pending| pending.borrow_mut().replace(fragment).is_some());
    if scheduled {
        return;
    }
    after_paint(Closure::once_into_js(flush_fragment).unchecked_into(), FRAGMENT_DELAY_MS);
}

/// Writes the fragment waiting to be written, if any, now: before the link
/// is copied, so that the address and the copied link agree.
pub fn flush_fragment() {
    if let Some(fragment) = PENDING.with(|pending| pending.borrow_mut().take()) {
        replace_fragment(&fragment);
    }
}

/// How long the rest of the widget waits for an idle moment at most.
const IDLE_TIMEOUT_MS: u32 = 100;

/// Calls `f` in the first idle moment after the next paint (or after
/// [`IDLE_TIMEOUT_MS`] at most): input that arrives first is handled first.
/// Where the browser has no `requestIdleCallback` (Safari), right after the
/// next paint.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return f() };
    let f = Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_TIMEOUT_MS);
    if window.request_idle_callback_with_options(f.unchecked_ref(), &options).is_ok() {
        return;
    }
    after_paint(f.unchecked_into(), 0);
}

/// Calls `f` `delay_ms` after the next frame has been painted: the frame
/// callback runs before the paint, the timeout it sets after. Where the
/// browser refuses either, `f` runs at once, so that it always runs.
fn after_paint(f: Function, delay_ms: i32) {
    let Some(window) = web_sys::window() else { return call(&f) };
    let again = f.clone();
    let set_timeout = Closure::once_into_js(move || {
        let set = web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&f, delay_ms));
        if !matches!(set, Some(Ok(_))) {
            call(&f);
        }
    });
    if window.request_animation_frame(set_timeout.unchecked_ref()).is_err() {
        call(&again);
    }
}

fn call(f: &Function) {
    let _ = f.call0(&JsValue::NULL);
}

/// Writes `text` to the clipboard; `false` when the browser has no clipboard
/// here or refuses (no permission, not a secure context).
pub async fn copy(text: &str) -> bool {
    match write_text(text) {
        Some(promise) => JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}

/// `navigator.clipboard.writeText(text)`, looked up rather than bound, since
/// `navigator.clipboard` is missing outside secure contexts.
fn write_text(text: &str) -> Option<Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write = Reflect::get(&clipboard, &JsValue::from_str("writeText")).ok()?.dyn_into::<Function>().ok()?;
    write.call1(&clipboard, &JsValue::from_str(text)).ok()?.dyn_into::<Promise>().ok()
}
