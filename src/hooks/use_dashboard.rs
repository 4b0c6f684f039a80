//! `use_dashboard`: the overview's cards (the core's `dashboard`), built
//! only while the overview is showing, and again only when the dataset,
//! year or order change.

use std::rc::Rc;

use outturn_core::view::{dashboard, DashboardEntry};
use yew::prelude::*;

use crate::state::{Shared, State};
use crate::timing::timed;

/// The overview's entries by group; empty when the overview is not showing
/// (`showing`) or no data has loaded.
#[hook]
pub fn use_dashboard(state: &State, showing: bool) -> Rc<Vec<(String, Vec<DashboardEntry>)>> {
    use_memo(
        (
            state.dataset.clone().map(Shared),
            state.year,
            state.order,
            showing,
        ),
        |(dataset, year, order, showing)| -> Rc<Vec<(String, Vec<DashboardEntry>)>> {
            match (dataset, showing) {
                (Some(dataset), true) => Rc::new(timed("outturn:analyse", || {
                    dashboard(&dataset.0, *year, *order)
                })),
                _ => Rc::new(Vec::new()),
            }
        },
    )
    .as_ref()
    .clone()
}
