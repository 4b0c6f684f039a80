//! `use_resize`: tracks the chart area's width with a ResizeObserver and
//! dispatches [`Action::Resize`], so charts are laid out for it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use web_sys::Element;
use yew::prelude::*;

use crate::state::{Action, State};

/// Measures `chart_box` now and whenever `root` changes size. The observer
/// watches the widget root (an element that lives as long as the widget)
/// and reads the chart area through its NodeRef at each change, because
/// the chart area itself may be re-created between renders.
#[hook]
pub fn use_resize(dispatcher: UseReducerDispatcher<State>, root: NodeRef, chart_box: NodeRef) {
    use_effect_with(root, move |root| {
        let measure = move || {
            if let Some(element) = chart_box.cast::<Element>() {
                dispatcher.dispatch(Action::Resize(
                    u32::try_from(element.client_width()).unwrap_or(0),
                ));
            }
        };
        // The observer's first report comes with the next frame: measure
        // now as well, so data that is already here is drawn at once.
        measure();
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| measure());
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(element)) = (&observer, root.cast::<Element>()) {
            observer.observe(&element);
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            drop(on_resize);
        }
    });
}
