//! `use_load`: the widget's state (one reducer) and its data. The first
//! state already holds what is known at mount (the chart area's width, the
//! styles, and the dataset when it is already here, inline or read ahead by
//! the loader), so the first render can draw the chart; otherwise the data
//! is loaded after the first render, and again whenever the source changes
//! through `update()`.

use std::rc::Rc;

use yew::prelude::*;

use crate::load::{fetch_url, Source};
use crate::props::AppProps;
use crate::state::{Action, State};

/// The widget's state, loading the data `props` name (inline, by URL, or
/// the sample dataset).
#[hook]
pub fn use_load(props: &AppProps) -> UseReducerHandle<State> {
    let source = (props.route.src.clone(), props.data.clone());
    // Set when the data was already here for the first render, so that the
    // load effect's first run has nothing left to do.
    let loaded_at_start = use_mut_ref(|| false);
    let state = {
        let route = props.route.clone();
        let start = props.start.clone();
        let source = source.clone();
        let loaded_at_start = loaded_at_start.clone();
        use_reducer(move || {
            let mut state = Rc::new(State::new(&route));
            if start.width > 0 {
                state = state.reduce(Action::Resize(start.width));
            }
            if start.styles_ready {
                state = state.reduce(Action::StylesLoaded);
            }
            if let Ok(action) = Source::of(source.0.as_ref(), source.1.as_ref()).load_now() {
                *loaded_at_start.borrow_mut() = true;
                state = state.reduce(action);
            }
            Rc::unwrap_or_clone(state)
        })
    };
    let dispatcher = state.dispatcher();
    let timeout_ms = props.timeout_ms;
    use_effect_with(source, move |(src, data)| {
        if std::mem::take(&mut *loaded_at_start.borrow_mut()) {
            return;
        }
        match Source::of(src.as_ref(), data.as_ref()).load_now() {
            Ok(action) => dispatcher.dispatch(action),
            Err((url, name)) => fetch_url(&dispatcher, url, name, timeout_ms),
        }
    });
    state
}
