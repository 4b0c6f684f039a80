//! `use_hash_route`: for the one widget that owns the page URL, the hash
//! follows the state (a new history entry per change, the first one
//! replaced, once data has loaded), and back/forward or an edited hash
//! navigate. A widget that does not own the URL leaves it alone.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::UrlText as _;
use crate::state::{Action, Route, State};

/// Keeps the page URL's hash and `state`'s route in step when `owns_url`.
#[hook]
pub fn use_hash_route(state: &UseReducerHandle<State>, owns_url: bool) {
    let first_write = use_mut_ref(|| true);
    let ready = state.dataset.is_some();
    use_effect_with((state.route(), ready), move |(route, ready)| {
        if owns_url && *ready {
            write_hash(route, &mut first_write.borrow_mut());
        }
    });
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listeners = owns_url.then(|| {
            let window = gloo::utils::window();
            let navigate = move |_: &Event| {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                dispatcher.dispatch(Action::Navigate(Route::parse(&hash)));
            };
            let again = navigate.clone();
            [
                EventListener::new(&window, "popstate", navigate),
                EventListener::new(&window, "hashchange", again),
            ]
        });
        move || drop(listeners)
    });
}

/// Writes `route` to the page URL's hash unless it is there already:
/// replacing the history entry the first time (`first`, then cleared), so
/// opening the widget adds no entry, and pushing one after.
fn write_hash(route: &Route, first: &mut bool) {
    let window = gloo::utils::window();
    let hash = format!("#{}", route.to_hash());
    if window.location().hash().unwrap_or_default() != hash {
        if let Ok(history) = window.history() {
            let replace = std::mem::replace(first, false);
            let _ = if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&hash))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&hash))
            };
        }
    } else {
        *first = false;
    }
}
