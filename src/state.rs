//! The widget's state in a Yew reducer. What the state holds and how each
//! action changes it is the core's ([`outturn_core::session`], tested
//! natively); this module only adapts it to `use_reducer`, and holds
//! [`Shared`], the identity-compared `Rc` the components pass as props.

use std::rc::Rc;

pub use outturn_core::session::{Action, Focus, LoadProblems, LoadStatus, Route, ThemeChoice};
use yew::Reducible;

/// The core's [`outturn_core::session::State`], as a Yew reducer.
#[derive(Debug, Clone)]
pub struct State(outturn_core::session::State);

impl State {
    /// The state before any data has loaded, with the requested selection.
    pub fn new(route: &Route) -> Self {
        Self(outturn_core::session::State::new(route))
    }
}

impl std::ops::Deref for State {
    type Target = outturn_core::session::State;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // An action that changes nothing keeps the same state, so nothing
        // re-renders.
        if !self.0.is_changed_by(&action) {
            return self;
        }
        let mut next = Rc::unwrap_or_clone(self);
        next.0.apply(action);
        Rc::new(next)
    }
}

/// An `Rc` compared by identity, for memo dependencies and props: two loads
/// of the same file are different datasets, and comparing by pointer is
/// O(1) where comparing a long series value by value would cost a frame.
#[derive(Debug, Clone)]
pub struct Shared<T>(pub Rc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
