//! The sensitivity map's panel, mounted by `www/tools.js` (`showMap`) into
//! the element the widget keeps for it: the widget's own component
//! ([`fortress_widget::components::sensitivity::MapPanel`]) as a Yew app of
//! its own in this wasm, so that the widget's wasm does not carry the map.
//! The widget hands it the scenario (a share link's fragment) and the holder
//! in focus; this works out the map ([`map_of`]) and the panel draws it,
//! calling back with the cell a reader picks.

use std::rc::Rc;

use fortress_widget::components::sensitivity::{map_of, MapPanel, MapPanelProps};
use fortress_widget::fmt::Locale;
use js_sys::Function;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

/// A mounted map panel.
#[wasm_bindgen]
pub struct MapPanelHandle {
    app: AppHandle<MapPanel>,
    on_pick: Callback<String>,
    locale: Locale,
}

/// Mounts the map panel into `root` for the scenario in `fragment` and the
/// holder `holder`, with numbers in `locale` (a BCP 47 tag the widget uses;
/// empty for the reader's); `on_pick(fragment)` gets a picked cell's
/// scenario, as a share-link fragment.
#[wasm_bindgen(js_name = mapPanel)]
pub fn map_panel(
    root: web_sys::Element,
    fragment: String,
    holder: String,
    locale: String,
    on_pick: Function,
) -> MapPanelHandle {
    let locale = Some(locale).filter(|l| !l.is_empty()).and_then(|l| Locale::of(&l).ok()).unwrap_or(Locale::READER);
    let on_pick = Callback::from(move |fragment: String| {
        // A page's callback that throws is its own affair; the map carries on.
        let _ = on_pick.call1(&JsValue::NULL, &fragment.into());
    });
    let props = MapPanelProps { map: Rc::new(map_of(&fragment, &holder)), on_pick: on_pick.clone(), locale };
    MapPanelHandle { app: yew::Renderer::<MapPanel>::with_root_and_props(root, props).render(), on_pick, locale }
}

#[wasm_bindgen]
impl MapPanelHandle {
    /// Draws the map for another scenario or holder.
    pub fn update(&mut self, fragment: String, holder: String) {
        self.app.update(MapPanelProps {
            map: Rc::new(map_of(&fragment, &holder)),
            on_pick: self.on_pick.clone(),
            locale: self.locale,
        });
    }

    /// Takes the panel down.
    pub fn destroy(self) {
        self.app.destroy();
    }
}
