//! `use_callbacks`: the callbacks the components dispatch actions through,
//! made once per widget. A callback made anew at each render would count
//! as a changed prop, and re-render children that have not changed (a
//! 1,000-row table, the dashboard) on every pointer move.

use std::rc::Rc;

use outturn_core::chart::SeriesRole;
use yew::prelude::*;

use crate::state::{Action, State};

/// The widget's shared callbacks, each dispatching one kind of action.
#[derive(Clone)]
pub struct Callbacks {
    /// Picks an indicator ([`Action::SelectIndicator`]).
    pub on_select: Callback<String>,
    /// Opens an indicator from the overview, the scorecard or a breakdown
    /// ([`Action::OpenIndicator`]).
    pub on_open: Callback<String>,
    /// Types in the indicator search ([`Action::Search`]).
    pub on_search: Callback<String>,
    /// Shows or hides a line ([`Action::ToggleLine`]).
    pub on_toggle: Callback<SeriesRole>,
    /// Dispatches any action.
    pub on_action: Callback<Action>,
}

/// The callbacks for the widget whose state `dispatcher` changes.
#[hook]
pub fn use_callbacks(dispatcher: UseReducerDispatcher<State>) -> Rc<Callbacks> {
    use_memo((), move |_| {
        fn dispatch<T: 'static>(
            dispatcher: &UseReducerDispatcher<State>,
            make: fn(T) -> Action,
        ) -> Callback<T> {
            let dispatcher = dispatcher.clone();
            Callback::from(move |value: T| dispatcher.dispatch(make(value)))
        }
        let on_action = {
            let dispatcher = dispatcher.clone();
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        };
        Callbacks {
            on_select: dispatch(&dispatcher, Action::SelectIndicator),
            on_open: dispatch(&dispatcher, Action::OpenIndicator),
            on_search: dispatch(&dispatcher, Action::Search),
            on_toggle: dispatch(&dispatcher, Action::ToggleLine),
            on_action,
        }
    })
}
