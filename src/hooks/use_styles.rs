//! `use_styles`: tells the state when the widget's stylesheet applies (the
//! widget is not "ready" before) and when the system's colour scheme,
//! contrast or forced-colours setting changes (so `use_theme` reads the
//! colours again). Listens as long as the widget lives.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast as _;
use web_sys::Element;
use yew::prelude::*;

use crate::page::styles_apply;
use crate::state::{Action, State};

/// The media queries whose changes alter the widget's colours.
const COLOUR_QUERIES: [&str; 3] = [
    "(prefers-color-scheme: dark)",
    "(prefers-contrast: more)",
    "(forced-colors: active)",
];

/// Watches the stylesheet in the shadow root around `root`, and the
/// colour media queries.
#[hook]
pub fn use_styles(dispatcher: UseReducerDispatcher<State>, root: NodeRef) {
    use_effect_with((), move |_| {
        let on_styles = style_listeners(&dispatcher, &root);
        let listeners = media_listeners(&dispatcher);
        move || drop((listeners, on_styles))
    });
}

/// Dispatches [`Action::StylesLoaded`] now if the styles already apply, and
/// listens for the shadow root's stylesheet loading (or failing to).
fn style_listeners(dispatcher: &UseReducerDispatcher<State>, root: &NodeRef) -> Vec<EventListener> {
    // The stylesheet inside the shadow root may load after the first
    // render: read the colours again when it does.
    let shadow = root
        .cast::<Element>()
        .map(|element| element.get_root_node())
        .and_then(|node| node.dyn_into::<web_sys::ShadowRoot>().ok());
    // "ready" waits for the styles, so nothing reads the widget
    // (or prints it) unstyled: a <style> or a loaded <link> counts.
    let loaded = shadow.as_ref().is_some_and(styles_apply);
    if loaded {
        dispatcher.dispatch(Action::StylesLoaded);
    }
    // A stylesheet that fails to load must not keep the widget
    // from ever being ready: it then works unstyled.
    shadow
        .iter()
        .flat_map(|shadow| {
            ["load", "error"].map(|event| {
                let dispatcher = dispatcher.clone();
                EventListener::new_with_options(
                    shadow,
                    event,
                    EventListenerOptions::run_in_capture_phase(),
                    move |_| {
                        dispatcher.dispatch(Action::StylesLoaded);
                        dispatcher.dispatch(Action::MediaChanged);
                    },
                )
            })
        })
        .collect()
}

/// Listens for changes to [`COLOUR_QUERIES`], each dispatching
/// [`Action::MediaChanged`].
fn media_listeners(dispatcher: &UseReducerDispatcher<State>) -> Vec<EventListener> {
    COLOUR_QUERIES
        .into_iter()
        .filter_map(|query| gloo::utils::window().match_media(query).ok().flatten())
        .map(|query| {
            let dispatcher = dispatcher.clone();
            EventListener::new(&query, "change", move |_| {
                dispatcher.dispatch(Action::MediaChanged)
            })
        })
        .collect()
}
