//! `use_navigate`: a new selection given through `update()` navigates like
//! a link would (the first render's selection is already in the state).

use yew::prelude::*;

use crate::state::{Action, Route, State};

/// Dispatches [`Action::Navigate`] when `route`'s selection (not its data
/// source, which [`super::use_load()`] follows) changes after the first render.
#[hook]
pub fn use_navigate(dispatcher: UseReducerDispatcher<State>, route: &Route) {
    let first = use_mut_ref(|| true);
    let route = Route {
        src: None,
        ..route.clone()
    };
    use_effect_with(route, move |route| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            dispatcher.dispatch(Action::Navigate(route.clone()));
        }
    });
}
