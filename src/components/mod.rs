//! The widget's components: one small function component per file, each
//! rendering what it is given and reporting user actions through `on_*`
//! callbacks. None does arithmetic; figures arrive formatted from the core.

mod breakdown;
mod chart;
mod dashboard;
mod export_bar;
mod file_loader;
mod import_bar;
mod indicator_picker;
mod indicator_table;
mod legend;
mod notes;
mod panel_table;
mod problems_panel;
mod scorecard;
mod theme_select;
mod view_controls;
mod view_tabs;
mod year_select;

pub use breakdown::BreakdownTable;
pub use chart::Chart;
pub use dashboard::Dashboard;
pub use export_bar::ExportBar;
pub use file_loader::FileLoader;
pub use import_bar::ImportBar;
pub use indicator_picker::IndicatorPicker;
pub use legend::Legend;
pub use notes::Notes;
pub use panel_table::PanelTable;
pub use problems_panel::ProblemsPanel;
pub use scorecard::ScorecardTable;
pub use theme_select::ThemeSelect;
pub use view_controls::ViewControls;
pub use view_tabs::ViewTabs;
pub use year_select::YearSelect;

use outturn_core::chart::Colour;
use wasm_bindgen::JsCast as _;

/// `#12436d` for a colour, for SVG presentation attributes.
pub(crate) fn hex(colour: Colour) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2)
}

/// The pointer's x in `element`'s own pixels, from the event's `client_x`:
/// the one DOM measurement the charts need before the core takes over.
pub(crate) fn local_x(element: &web_sys::Element, client_x: i32) -> f64 {
    f64::from(client_x) - element.get_bounding_client_rect().left()
}

/// True when `target` (an event's target) is inside an element matching
/// `selector`: the pointer over a tooltip keeps it open (WCAG 1.4.13).
pub(crate) fn within(target: Option<web_sys::EventTarget>, selector: &str) -> bool {
    target
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest(selector).ok().flatten())
        .is_some()
}
