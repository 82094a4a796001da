//! The sensitivity map's panel, mounted by `www/tools.js` (`showMap`) into
//! the element the widget keeps for it: the widget's own component
//! ([`fortress_widget::components::sensitivity::MapPanel`]) as a Yew app of
//! its own in this wasm, so that the widget's wasm does not carry the map.
//! The widget hands it the scenario (a share link's fragment) and the holder
//! in focus; this works out the map ([`map_of`]) and the panel draws it,
//! calling back with the cell a reader picks.

use std::rc::Rc;

use fortress_widget::components::sensitivity::{map_of, MapPanel, MapPanelProps};
use fortress_widget::Action;
use js_sys::Function;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

/// A mounted map panel.
#[wasm_bindgen]
pub struct MapPanelHandle {
    app: AppHandle<MapPanel>,
    on_pick: Callback<Action>,
}

/// Mounts the map panel into `root` for the scenario in `fragment` and the
/// holder `holder`; `on_pick(size, valuation)` gets a picked cell's round
/// size and valuation in dollars, as decimal text.
#[wasm_bindgen(js_name = mapPanel)]
pub fn map_panel(root: web_sys::Element, fragment: String, holder: String, on_pick: Function) -> MapPanelHandle {
    let on_pick = Callback::from(move |action: Action| {
        if let Action::ScaleRound { round_size, valuation } = action {
            // A page's callback that throws is its own affair; the map carries on.
            let _ = on_pick.call2(&JsValue::NULL, &round_size.to_string().into(), &valuation.to_string().into());
        }
    });
    let props = MapPanelProps { map: Rc::new(map_of(&fragment, &holder)), on_pick: on_pick.clone() };
    MapPanelHandle { app: yew::Renderer::<MapPanel>::with_root_and_props(root, props).render(), on_pick }
}

#[wasm_bindgen]
impl MapPanelHandle {
    /// Draws the map for another scenario or holder.
    pub fn update(&mut self, fragment: String, holder: String) {
        self.app.update(MapPanelProps { map: Rc::new(map_of(&fragment, &holder)), on_pick: self.on_pick.clone() });
    }

    /// Takes the panel down.
    pub fn destroy(self) {
        self.app.destroy();
    }
}
