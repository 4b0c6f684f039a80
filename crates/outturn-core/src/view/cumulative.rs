//! Year to date: the actual and the affordable level added up period by
//! period, with the whole year's affordable level as a target line.

use std::rc::Rc;

use crate::analysis::variance_percent;
use crate::chart::cumulative_scene;
use crate::format::{format_reported, format_variance};
use crate::model::YearValue;

use super::context::{detail, Built, Context, PanelParts};
use super::{PanelKind, PerPosition};

/// A snapshot is not added up over the year: its "year to date" chart
/// would only repeat its values under a name that misdescribes them. A
/// performance indicator is not offered it either: the chart reads against
/// an affordable level it does not have.
pub(super) fn available(ctx: &Context) -> bool {
    ctx.indicator().year_value != YearValue::Last && !ctx.indicator().is_performance()
}

/// The one panel.
pub(super) fn build(ctx: &Context) -> Built {
    let indicator = ctx.indicator();
    let analysis = ctx.analysis();
    let year = ctx.year;
    let decimals = ctx.decimals();
    let details = {
        let (ind, c) = (Rc::clone(ctx.shared), analysis.cumulative.clone());
        let running = analysis.running_variance.clone();
        let has_forecast = ctx.figures.forecast.is_some();
        PerPosition::new(ctx.periods(), move |i| {
            let unit = &ind.unit;
            let at = |s: &[Option<f64>]| s.get(i).copied().flatten();
            let mut rows = vec![
                (
                    "Affordable level to date".to_string(),
                    format_reported(unit, at(&c.budget), decimals),
                ),
                (
                    "Actual to date".to_string(),
                    format_reported(unit, at(&c.actual), decimals),
                ),
            ];
            if has_forecast {
                rows.push((
                    "Forecast to date".to_string(),
                    format_reported(unit, at(&c.forecast), decimals),
                ));
            }
            if let Some(v) = at(&running) {
                rows.push((
                    "Variance to date".to_string(),
                    format_variance(
                        unit,
                        v,
                        at(&c.budget).and_then(|b| variance_percent(unit, v, b)),
                        decimals,
                    ),
                ));
            }
            Some(detail(ind.periods.long_label(i, year), rows))
        })
    };
    vec![ctx.panel(PanelParts {
        kind: PanelKind::Cumulative,
        title: format!("Year to date, {year}"),
        scene: cumulative_scene(indicator, analysis),
        details,
        announce: ctx.announce_periods(),
        summary: format!(
            "Line chart of the actual and the affordable level added up year to date, {}, with the affordable level for the whole year as a target line. {}",
            ctx.span, ctx.headline
        ),
        totals: Vec::new(),
    })]
    .into()
}
