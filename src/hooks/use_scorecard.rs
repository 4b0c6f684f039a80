//! `use_scorecard`: the scorecard's rows and counts (the core's
//! `scorecard`), built only while the scorecard is showing, and again only
//! when the dataset, year, order or filter change.

use std::rc::Rc;

use outturn_core::view::{scorecard, Scorecard};
use yew::prelude::*;

use crate::state::{Shared, State};
use crate::timing::timed;

/// The scorecard; `None` when it is not showing (`showing`) or no data has
/// loaded.
#[hook]
pub fn use_scorecard(state: &State, showing: bool) -> Option<Rc<Scorecard>> {
    use_memo(
        (
            state.dataset.clone().map(Shared),
            state.year,
            state.scorecard_sort,
            state.status_filter,
            showing,
        ),
        |(dataset, year, sort, filter, showing)| {
            let dataset = dataset.as_ref().filter(|_| *showing)?;
            Some(Rc::new(timed("outturn:analyse", || {
                scorecard(&dataset.0, *year, *sort, *filter)
            })))
        },
    )
    .as_ref()
    .clone()
}
