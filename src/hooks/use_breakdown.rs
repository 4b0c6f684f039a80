//! `use_breakdown`: an indicator's parts as a table (the core's
//! `breakdown`), built only while the breakdown is showing, and again only
//! when the dataset, indicator, year, order or scale change.

use std::rc::Rc;

use outturn_core::view::{breakdown, Breakdown};
use yew::prelude::*;

use crate::state::{Shared, State};
use crate::timing::timed;

/// The breakdown of the selected indicator; `None` when it is not showing
/// (`showing`), no data has loaded or the indicator has no parts.
#[hook]
pub fn use_breakdown(state: &State, showing: bool) -> Option<Rc<Breakdown>> {
    use_memo(
        (
            state.dataset.clone().map(Shared),
            state.indicator.clone(),
            state.year,
            state.breakdown_period,
            state.breakdown_sort,
            state.own_scale,
            showing,
        ),
        |(dataset, indicator, year, period, sort, own_scale, showing)| {
            let dataset = dataset.as_ref().filter(|_| *showing)?;
            let id = indicator.as_deref()?;
            timed("outturn:analyse", || {
                breakdown(&dataset.0, id, *year, *period, *sort, *own_scale)
            })
            .map(Rc::new)
        },
    )
    .as_ref()
    .clone()
}
