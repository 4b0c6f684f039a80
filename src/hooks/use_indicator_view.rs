//! `use_indicator_view`: what the widget shows for the selected indicator,
//! year and view (the core's `IndicatorView`), built again only when one
//! of those, the dataset or the view options change.

use std::rc::Rc;

use outturn_core::view::{IndicatorView, ViewOptions};
use yew::prelude::*;

use crate::state::{Shared, State};
use crate::timing::timed;

/// The view of the current selection, if there is one to show.
#[hook]
pub fn use_indicator_view(state: &State) -> Option<Rc<IndicatorView>> {
    // The timeline's zoom window is left out: zooming lays the panel out
    // again (Chart's `window`) without building the view again.
    let view = use_memo(
        (
            state.dataset.clone().map(Shared),
            state.indicator.clone(),
            state.year,
            ViewOptions {
                window: None,
                ..state.options.clone()
            },
        ),
        |(dataset, indicator, year, options)| {
            let (dataset, indicator, year) = (dataset.as_ref()?, indicator.as_deref()?, (*year)?);
            timed("outturn:analyse", || {
                IndicatorView::new(&dataset.0, indicator, year, options).map(Rc::new)
            })
        },
    );
    (*view).clone()
}
