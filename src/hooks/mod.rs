//! The widget's custom hooks, one per file, each owning one job of the
//! `app::App` component: loading and the state ([`use_load()`]),
//! following `update()` ([`use_navigate()`]), colours and styles
//! ([`use_theme()`], [`use_styles()`]), the chart area's width
//! ([`use_resize()`]), the URL hash ([`use_hash_route()`]), what to show
//! ([`use_indicator_view()`], [`use_dashboard()`], [`use_scorecard()`],
//! [`use_breakdown()`]), callbacks made once
//! ([`use_callbacks()`]), picked and dropped files ([`use_file_drop()`]) and the host's
//! `data-outturn-state` ([`use_host_state()`]). They read the props, the
//! state and leaf modules (`load`, `page`, `theme`, `route`, `timing`);
//! none reads the component or the mounting code.

mod use_breakdown;
mod use_callbacks;
mod use_dashboard;
mod use_file_drop;
mod use_hash_route;
mod use_host_state;
mod use_indicator_view;
mod use_load;
mod use_navigate;
mod use_resize;
mod use_scorecard;
mod use_styles;
mod use_theme;

pub use use_breakdown::use_breakdown;
pub use use_callbacks::{use_callbacks, Callbacks};
pub use use_dashboard::use_dashboard;
pub use use_file_drop::use_file_drop;
pub use use_hash_route::use_hash_route;
pub use use_host_state::use_host_state;
pub use use_indicator_view::use_indicator_view;
pub use use_load::use_load;
pub use use_navigate::use_navigate;
pub use use_resize::use_resize;
pub use use_scorecard::use_scorecard;
pub use use_styles::use_styles;
pub use use_theme::use_theme;
