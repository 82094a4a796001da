//! The embed API: `mount` a widget into any element of a host page, and a
//! [`Handle`] to read and set its scenario and to take it down again.
//! `www/fortress.js` (the loader) calls these for each `<fortress-widget>`.
//!
//! Scenarios cross as plain JavaScript objects in the v1 format, through
//! serde-wasm-bindgen (no JSON text in the wasm), and pass the same
//! validation as every other input. An embedded widget never reads or writes
//! the host page's URL.

use fortress_core::Scenario;
use fortress_format::view::{parse_locale, View};
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use yew::{AppHandle, AttrValue, Callback};

use crate::state::{Action, State, Upgrade};
use crate::{App, AppProps, Bridge};

/// A mounted widget, for the host page.
#[wasm_bindgen]
pub struct Handle {
    app: Option<AppHandle<App>>,
    bridge: Bridge,
}

/// Mounts a widget into `host` (an element, or an element in a shadow root).
///
/// `options` is an object with, all optional: `preset` (a preset name),
/// `link` (a share link or its fragment), `scenario` (a scenario object in
/// the v1 format), `error` (a message to show, such as the loader's JSON
/// error), `linkBase` (the address share links start with), `onChange`
/// (called with the change detail after every change), the element's
/// `sections`, `controls`, `theme` and `locale` (`fortress_format::view`),
/// `pageLang` (the page's language, the locale when `locale` is not
/// given and it is one the browser writes numbers for), `onUpgrade` (called
/// with `{preset}` or `{link}` when the widget needs Fortress's full build,
/// which `www/fortress.js` then mounts in its place) and, in the full build,
/// `dealText` (a publisher's deal file, JSON: scenarios that name no deal are
/// judged under it). A bad option shows the widget's plain message; it never throws.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, options: JsValue) -> Handle {
    let get = |key: &str| Reflect::get(&options, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined());
    let text = |key: &str| get(key).and_then(|v| v.as_string());
    let bridge = Bridge::default();
    if let Some(on_change) = get("onChange").and_then(|v| v.dyn_into::<Function>().ok()) {
        bridge.on_change(Box::new(move |state, link| {
            // A throwing listener is the host page's bug; it must not stop the widget.
            let _ = on_change.call1(&JsValue::NULL, &detail(state, link));
        }));
    }
    if let Some(value) = get("scenario").filter(|v| !v.is_null()) {
        match scenario_from(value) {
            Ok(scenario) => bridge.send(Action::Open(Box::new(scenario))),
            Err(why) => bridge.send(Action::Refused(format!("{why} Showing the default scenario."))),
        }
    }
    if let Some(error) = text("error") {
        bridge.send(Action::Refused(error));
    }
    let (mut view, problems) = View::read(text);
    if view.locale.is_none() {
        // The page's language, when it is a locale; quietly not, when it is not.
        view.locale = text("pageLang")
            .and_then(|lang| parse_locale(&lang).ok())
            .filter(|lang| crate::fmt::Locale::of(lang).is_ok());
    }
    if !problems.is_empty() {
        bridge.send(Action::Refused(problems.join(" ")));
    }
    let on_upgrade = get("onUpgrade").and_then(|v| v.dyn_into::<Function>().ok()).map(|upgrade| {
        Callback::from(move |wanted: Upgrade| {
            let object = Object::new();
            let (key, value) = match wanted {
                Upgrade::Preset(name) => ("preset", name),
                Upgrade::Link(link) => ("link", link),
                Upgrade::Controls(link) => {
                    let focus = JsValue::from_str(crate::state::FOCUS_CONTROLS);
                    let _ = Reflect::set(&object, &JsValue::from_str("focus"), &focus);
                    ("link", link)
                }
            };
            let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(&value));
            // A throwing listener is the host page's bug; the widget carries on as it is.
            let _ = upgrade.call1(&JsValue::NULL, &object);
        })
    });
    // A publisher's deal file: the full build reads it; the lighter one is never given one.
    let deal = text("dealText").and_then(|text| match read_deal(&text) {
        Ok(deal) => Some(std::rc::Rc::new(deal)),
        Err(why) => {
            bridge.send(Action::Refused(format!("{why} Showing the built-in deal.")));
            None
        }
    });
    #[cfg(not(feature = "full"))]
    drop(deal);
    let props = AppProps {
        preset: text("preset").map(AttrValue::from).unwrap_or(AttrValue::Static(fortress_core::presets::DEFAULT)),
        link: text("link").map(AttrValue::from),
        link_base: text("linkBase").unwrap_or_default().into(),
        sync_url: false,
        bridge: Some(bridge.clone()),
        view: std::rc::Rc::new(view),
        #[cfg(feature = "full")]
        deal,
        #[cfg(feature = "full")]
        focus: text("focus").map(AttrValue::from),
        on_upgrade,
    };
    let app = yew::Renderer::<App>::with_root_and_props(host, props).render();
    Handle { app: Some(app), bridge }
}

#[wasm_bindgen]
impl Handle {
    /// The scenario shown, as a plain object in the v1 format.
    pub fn scenario(&self) -> Result<JsValue, JsError> {
        let state = self.bridge.state().ok_or_else(|| JsError::new("fortress: the widget is not mounted"))?;
        to_js(&state.scenario)
    }

    /// Shows `value` (a scenario object in the v1 format). A scenario that
    /// does not make sense is refused: the widget says why, keeps what it
    /// shows, and the error is thrown to the caller. The full build's only:
    /// serde's reader of every scenario type from JavaScript weighs some
    /// 19 KB brotli, so `www/fortress.js` loads the full build for an object.
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = setScenario)]
    pub fn set_scenario(&self, value: JsValue) -> Result<(), JsError> {
        match scenario_from(value) {
            Ok(scenario) => {
                self.bridge.send(Action::Open(Box::new(scenario)));
                Ok(())
            }
            Err(why) => Err(self.refuse(why)),
        }
    }

    /// Opens a share link (a whole URL or its fragment); a bad one is refused
    /// like a bad scenario.
    #[wasm_bindgen(js_name = openLink)]
    pub fn open_link(&self, link: &str) -> Result<(), JsError> {
        match fortress_format::link::decode_link(link) {
            // (A link only the full build opens is handed over to it.)
            Ok(_) | Err(fortress_format::link::LinkError::NeedsFull { .. }) => {
                self.bridge.send(Action::OpenLink(link.to_owned()));
                Ok(())
            }
            Err(e) if e.is_from_newer_version() => {
                Err(self.refuse("This link is from a newer version of Fortress.".into()))
            }
            Err(_) => Err(self.refuse("This link is damaged.".into())),
        }
    }

    /// Opens a preset by name.
    #[wasm_bindgen(js_name = setPreset)]
    pub fn set_preset(&self, name: &str) {
        self.bridge.send(Action::Preset(name.to_owned()));
    }

    /// The share link of the scenario shown, or `undefined` when it is too large for one.
    pub fn link(&self) -> Option<String> {
        self.bridge.link()
    }

    /// The figures of the change event, for the scenario shown now.
    pub fn detail(&self) -> JsValue {
        self.bridge.state().map_or(JsValue::NULL, |state| detail(&state, self.bridge.link().as_deref()))
    }

    /// The full build could not be loaded when the widget asked for it: it
    /// carries on with the scenario it shows, and says why.
    #[wasm_bindgen(js_name = upgradeFailed)]
    pub fn upgrade_failed(&self, why: String) {
        self.bridge.send(Action::UpgradeFailed(why));
    }

    /// Unmounts the widget and lets go of everything it held.
    pub fn destroy(&mut self) {
        self.bridge.disconnect();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

impl Handle {
    fn refuse(&self, why: String) -> JsError {
        self.bridge.send(Action::Refused(format!("{why} The scenario shown is unchanged.")));
        JsError::new(&format!("fortress: {why}"))
    }
}

/// A publisher's deal file (JSON), read and checked as `fortress check-deal` does.
#[cfg(feature = "full")]
fn read_deal(text: &str) -> Result<fortress_core::Deal, String> {
    fortress_format::deal::parse_deal(text)
        .map_err(|e| format!("The deal file given to this widget is not usable: {e}."))
}

/// Only the full build reads deal files (`www/fortress.js` mounts it for an element with `deal`).
#[cfg(not(feature = "full"))]
fn read_deal(_text: &str) -> Result<(), String> {
    Err("This build of Fortress does not read deal files.".to_owned())
}

/// A scenario object from the host page, checked like every other input.
#[cfg(feature = "full")]
fn scenario_from(value: JsValue) -> Result<Scenario, String> {
    let scenario: Scenario = serde_wasm_bindgen::from_value(value)
        .map_err(|e| format!("The page gave this widget a scenario it cannot read ({e})."))?;
    if fortress_core::deal::needs_full(&scenario) {
        // The full build, which the widget hands it to, checks it.
        return Ok(scenario);
    }
    fortress_core::evaluate(&scenario)
        .map_err(|e| format!("The page gave this widget a scenario that does not make sense: {e}."))?;
    Ok(scenario)
}

/// The lighter build does not read scenario objects (`www/fortress.js` gives them to the full build).
#[cfg(not(feature = "full"))]
fn scenario_from(_value: JsValue) -> Result<Scenario, String> {
    Err("This build of Fortress reads scenario objects only in its full build.".to_owned())
}

fn to_js(scenario: &Scenario) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(scenario, &serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// `{scenario, link, focus, name, percentBefore, percentAfter, valueAfter, message}`:
/// what the change event carries, so an article can quote the new figures.
fn detail(state: &State, link: Option<&str>) -> JsValue {
    let object = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &value);
    };
    set("scenario", to_js(&state.scenario).unwrap_or(JsValue::NULL));
    set("link", link.map_or(JsValue::NULL, JsValue::from_str));
    set("preset", JsValue::from_str(&state.preset));
    set("focus", JsValue::from_str(&state.focus));
    let first = state.outcome.stages.first().and_then(|stage| stage.holder(&state.focus));
    let last = state.outcome.last_stage().and_then(|stage| stage.holder(&state.focus));
    set("name", last.map_or(JsValue::NULL, |row| JsValue::from_str(&row.name)));
    set("percentBefore", JsValue::from_f64(first.map_or(0.0, |row| row.percent)));
    set("percentAfter", last.map_or(JsValue::NULL, |row| JsValue::from_f64(row.percent)));
    #[allow(clippy::cast_precision_loss)] // dollars up to 10^15 are exact in an f64
    set("valueAfter", last.and_then(|row| row.value).map_or(JsValue::NULL, |v| JsValue::from_f64(v as f64)));
    set("message", state.error.as_ref().map_or(JsValue::NULL, |e| JsValue::from_str(&e.message)));
    object.into()
}
