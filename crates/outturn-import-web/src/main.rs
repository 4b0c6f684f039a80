//! The importer (`outturn_core::import`) as a WebAssembly module of its
//! own. The page's "Add your data" panel loads it the first time the panel
//! is opened (`assets/outturn-import-start.js`), so a page that never
//! imports never downloads it. One function crosses: a draft as JSON in,
//! the panel's reading as JSON out (`outturn_core::import::read_draft_json`,
//! tested natively).

use wasm_bindgen::prelude::*;

/// Reads a draft (`Draft::to_json`) as `outturn import` would and gives the
/// panel's view of it (`PanelReading::to_json`).
#[wasm_bindgen]
pub fn read_draft(draft: &str) -> String {
    outturn_core::import::read_draft_json(draft)
}

/// Nothing runs on load: the page calls [`read_draft`].
fn main() {}
