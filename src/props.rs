//! What a widget is given: [`AppProps`], the inline data it may carry and
//! what is known before its first render ([`Start`]). Kept apart from
//! `app.rs` so that the hooks (which read the props) and the mounting code
//! (which makes them) depend on this module, and not on each other or back
//! on the component.

use web_sys::Element;
use yew::prelude::*;

use crate::state::Route;

/// Data given inline (an `application/json` script element or `mount()`'s
/// `data` option) rather than by URL.
#[derive(Debug, Clone, PartialEq)]
pub struct InlineData {
    /// The JSON text.
    pub text: AttrValue,
    /// How it is named in messages.
    pub name: AttrValue,
}

/// Props of the widget component, `app::App`.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Selection and data source; a change navigates (and reloads when the
    /// source changes).
    pub route: Route,
    /// True for the one widget that reads and writes the page URL's hash.
    pub owns_url: bool,
    /// Inline data, used instead of `route.src`.
    #[prop_or_default]
    pub data: Option<InlineData>,
    /// How long a data URL may take, in milliseconds (host `data-timeout`).
    #[prop_or(crate::fetch::DEFAULT_TIMEOUT_MS)]
    pub timeout_ms: u32,
    /// What is known as the widget mounts.
    #[prop_or_default]
    pub start: Start,
}

/// What is known before a widget's first render (mount.rs finds it as it
/// mounts), so that the first render can already draw the chart when the
/// data is here, instead of drawing an empty widget and waiting a round of
/// effects (and perhaps a frame) for the width, the styles and the data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Start {
    /// The host element, whose `data-outturn-state` mirrors the state.
    pub host: Option<Element>,
    /// The chart area's expected width in CSS pixels; 0 when unknown. A
    /// first guess only: the widget measures the chart area once rendered
    /// and lays the chart out again if it differs.
    pub width: u32,
    /// The widget's stylesheet already applies.
    pub styles_ready: bool,
}
