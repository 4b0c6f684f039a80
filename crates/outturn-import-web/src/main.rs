//! The importer (`outturn_core::import`) and the rest of the "Add your
//! data" panel ([`panel::ImportOptions`]), as a WebAssembly module of its
//! own. The widget loads it the first time a reader opens the panel
//! (`assets/outturn-import-start.js`), so a page that never imports never
//! downloads it, and mounts the panel with [`mount_panel`].
//!
//! The panel is a Yew app of its own. The widget mounts it on an element
//! beside its own root, never inside it: two Yew apps in one document each
//! number their subtrees from 1, and an app handles every event under its
//! root whose closest numbered element carries its number, so an app nested
//! in another would have its clicks handled by both.

mod panel;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::Callback;

use panel::{ImportOptions, ImportOptionsProps, Inbox};

/// A mounted panel: the widget sends it the table's text and removes it.
#[wasm_bindgen]
pub struct PanelHandle {
    /// The Yew app, until [`PanelHandle::destroy`].
    app: Option<yew::AppHandle<ImportOptions>>,
    /// Where the table's text goes.
    inbox: Rc<Inbox>,
}

#[wasm_bindgen]
impl PanelHandle {
    /// The table's text, all of it, as the widget's box holds it now.
    pub fn set_text(&self, text: String) {
        self.inbox.send(text);
    }

    /// Removes the panel (the widget is being removed).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts the panel on `host`. `id` is the widget's prefix of element
/// ids; `text` the table's text so far; `can_restore` whether the widget
/// showed data before; `on_load` is called with each reading's `outturn/1`
/// JSON text, `on_restore` when the reader asks for the data from before.
#[wasm_bindgen]
pub fn mount_panel(
    host: web_sys::Element,
    id: String,
    text: String,
    can_restore: bool,
    on_load: js_sys::Function,
    on_restore: js_sys::Function,
) -> PanelHandle {
    let inbox = Rc::new(Inbox::default());
    let props = ImportOptionsProps {
        id: id.into(),
        text,
        inbox: inbox.clone(),
        can_restore,
        // A failing callback is the widget's to report; the panel goes on.
        on_load: Callback::from(move |json: String| {
            let _ = on_load.call1(&JsValue::NULL, &JsValue::from_str(&json));
        }),
        on_restore: Callback::from(move |()| {
            let _ = on_restore.call0(&JsValue::NULL);
        }),
    };
    let app = yew::Renderer::<ImportOptions>::with_root_and_props(host, props).render();
    PanelHandle {
        app: Some(app),
        inbox,
    }
}

/// Nothing runs on load: the widget calls [`mount_panel`].
fn main() {}
