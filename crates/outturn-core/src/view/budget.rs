//! Budget against actual: the affordable level and the actual by period,
//! the gap shaded, earlier years faint for comparison; its table ends with
//! the year as computed and as printed in the source. The overview's
//! indicator view, and the forecast view when there is nothing to project,
//! show this panel too.

use std::rc::Rc;

use crate::analysis::YearAnalysis;
use crate::chart::{build_scene, Scene};
use crate::format::{capitalise, format_value, format_variance, point_detail, PointDetail};
use crate::model::{Indicator, YearFigures, YearValue};

use super::context::{detail, Built, Context, PanelParts};
use super::{Panel, PanelKind, PerPosition};

/// Always available: every indicator has periods to draw.
pub(super) fn available(_: &Context) -> bool {
    true
}

/// The one panel.
pub(super) fn build(ctx: &Context) -> Built {
    vec![panel(ctx)].into()
}

/// The budget panel.
pub(super) fn panel(ctx: &Context) -> Panel {
    let indicator = ctx.indicator();
    let year = ctx.year;
    let scene = build_scene(indicator, year)
        .unwrap_or_else(|| Scene::new(Vec::new(), indicator.unit.clone()));
    let details = {
        let (ind, year_index) = (Rc::clone(ctx.shared), ctx.year_index);
        PerPosition::new(ctx.periods(), move |i| {
            Some(point_detail(&ind, ind.years.get(year_index)?, i))
        })
    };
    let noun = indicator.periods.noun();
    // A performance indicator is read against its target, never an
    // affordable level.
    let (summary, title) = if indicator.is_performance() {
        (
            format!(
                "Line chart of the actual against the target by {noun}, {}{}. {}",
                ctx.span,
                Context::compared_lines(&scene),
                ctx.headline
            ),
            format!("Target and actual by {noun}, {year}"),
        )
    } else {
        (
            format!(
                "Line chart of the actual against the affordable level by {noun}, {}{}; the gap is shaded. {}",
                ctx.span,
                Context::compared_lines(&scene),
                ctx.headline
            ),
            format!("Affordable level and actual by {noun}, {year}"),
        )
    };
    ctx.panel(PanelParts {
        kind: PanelKind::Budget,
        title,
        scene,
        details,
        announce: ctx.announce_periods(),
        summary,
        // A performance indicator's year has no budget total to give.
        totals: if indicator.is_performance() {
            Vec::new()
        } else {
            year_totals(indicator, ctx.figures, ctx.analysis())
        },
    })
}

/// The year as computed (to date while the year is open) and as printed in
/// the source, as table rows with the same columns as the period rows.
fn year_totals(
    indicator: &Indicator,
    figures: &YearFigures,
    analysis: &YearAnalysis,
) -> Vec<PointDetail> {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let shown = |value: Option<f64>| {
        value.map_or_else(|| "none".to_string(), |v| format_value(unit, v, decimals))
    };
    // Where some reported periods have no affordable level, the row is over
    // the periods that have both, so its variance adds up across the row.
    let fewer = analysis.compares_fewer_than_reported() && analysis.variance.is_some();
    let actual = if fewer {
        analysis.actual_compared
    } else {
        analysis.actual
    };
    let mut computed = vec![
        (
            "Affordable level".to_string(),
            shown(analysis.budget_to_date),
        ),
        ("Actual".to_string(), shown(actual)),
    ];
    if figures.forecast.is_some() {
        computed.push(("Forecast".to_string(), shown(analysis.forecast)));
    }
    if let Some(variance) = analysis.variance {
        computed.push((
            "Variance".to_string(),
            format_variance(unit, variance, analysis.variance_pct, decimals),
        ));
    }
    let mut totals = vec![detail(computed_label(indicator, analysis, fewer), computed)];
    let printed = figures.printed_total;
    if !printed.is_empty() {
        let rows = [
            ("Affordable level", printed.budget),
            ("Actual", printed.actual),
            ("Forecast", printed.forecast),
        ]
        .into_iter()
        .filter_map(|(label, value)| {
            Some((label.to_string(), format_value(unit, value?, decimals)))
        })
        .collect();
        totals.push(detail("Year (as printed in the source)".to_string(), rows));
    }
    totals
}

/// What the computed row covers: "Year (computed)", "Year to date
/// (computed)", "Latest, March 2012 (computed)" for a snapshot, or the
/// periods by name where they are not the year's first ones.
fn computed_label(indicator: &Indicator, analysis: &YearAnalysis, fewer: bool) -> String {
    let periods = &indicator.periods;
    let year = analysis.year;
    if fewer {
        format!(
            "{} (computed)",
            capitalise(&periods.coverage_label(&analysis.compared, year))
        )
    } else if analysis.year_value == YearValue::Last {
        // A snapshot's figure is its latest period, never a year to date.
        match analysis.last_reported {
            Some(last) => format!("Latest, {} (computed)", periods.long_label(last, year)),
            None => "Latest (computed)".to_string(),
        }
    } else if analysis.is_complete() {
        "Year (computed)".to_string()
    } else if analysis.is_to_date() || analysis.reported.is_empty() {
        "Year to date (computed)".to_string()
    } else {
        format!(
            "{} (computed)",
            capitalise(&periods.coverage_label(&analysis.reported, year))
        )
    }
}
