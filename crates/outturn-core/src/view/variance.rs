//! Variance by period: diverging bars above zero where the actual is over
//! the affordable level and below where it is under; for a flow, the
//! variance to date in each tooltip. For a performance indicator, the
//! distance from target by period instead: bars better or worse than
//! target by its polarity (above or below for a neutral one).

use std::rc::Rc;

use crate::analysis::period_performance;
use crate::chart::{against_target_scene, variance_scene};
use crate::format::{format_signed, format_variance, point_detail};
use crate::model::{Polarity, YearValue};

use super::context::{Built, Context, PanelParts};
use super::{PanelKind, PerPosition};

/// Available with an affordable level to vary from (a period without both
/// figures has no bar), or for a performance indicator with a target in
/// the year shown, whose bars are its distance from target.
pub(super) fn available(ctx: &Context) -> bool {
    !ctx.indicator().is_performance() || ctx.figures.target.is_some()
}

/// The one panel.
pub(super) fn build(ctx: &Context) -> Built {
    if ctx.indicator().is_performance() {
        return against_target(ctx);
    }
    let indicator = ctx.indicator();
    let year = ctx.year;
    let decimals = ctx.decimals();
    let details = {
        let (ind, year_index) = (Rc::clone(ctx.shared), ctx.year_index);
        let running = ctx.analysis().running_variance.clone();
        PerPosition::new(ctx.periods(), move |i| {
            let mut d = point_detail(&ind, ind.years.get(year_index)?, i);
            if ind.year_value == YearValue::Sum {
                if let Some(v) = running.get(i).copied().flatten() {
                    d.rows.push((
                        "Variance to date".to_string(),
                        format_variance(&ind.unit, v, None, decimals),
                    ));
                }
            }
            Some(d)
        })
    };
    vec![ctx.panel(PanelParts {
        kind: PanelKind::Variance,
        title: format!(
            "Variance by {}, {year} (+ over, - under)",
            indicator.periods.noun()
        ),
        scene: variance_scene(indicator, ctx.analysis()),
        details,
        announce: ctx.announce_periods(),
        summary: summary(ctx),
        totals: Vec::new(),
    })]
    .into()
}

/// "Bar chart of the variance in each month, ...: Furthest over: ... Furthest
/// under: ..." and the headline.
fn summary(ctx: &Context) -> String {
    let indicator = ctx.indicator();
    let analysis = ctx.analysis();
    let extreme = |over: bool| furthest(ctx, &analysis.period_variance, over);
    let mut text = format!(
        "Bar chart of the variance in each {}, {}: bars above zero are over the affordable level, bars below are under.",
        indicator.periods.noun(),
        ctx.span
    );
    if let Some(over) = extreme(true) {
        text.push_str(&format!(" Furthest over: {over}."));
    }
    if let Some(under) = extreme(false) {
        text.push_str(&format!(" Furthest under: {under}."));
    }
    text.push(' ');
    text.push_str(&ctx.headline);
    text
}

/// A performance indicator's panel: actual minus target by period, each
/// tooltip the period's figures and status.
fn against_target(ctx: &Context) -> Built {
    let indicator = ctx.indicator();
    let details = {
        let (ind, year_index) = (Rc::clone(ctx.shared), ctx.year_index);
        PerPosition::new(ctx.periods(), move |i| {
            Some(point_detail(&ind, ind.years.get(year_index)?, i))
        })
    };
    vec![ctx.panel(PanelParts {
        kind: PanelKind::Variance,
        title: format!(
            "Actual minus target by {}, {} (+ above, - below)",
            indicator.periods.noun(),
            ctx.year
        ),
        scene: against_target_scene(indicator, ctx.figures),
        details,
        announce: ctx.announce_periods(),
        summary: against_target_summary(ctx),
        totals: Vec::new(),
    })]
    .into()
}

/// "Bar chart of the actual minus the target in each quarter, ...: higher
/// is better, so bars above zero are better than target. Furthest worse:
/// ... Furthest better: ..." and the headline.
fn against_target_summary(ctx: &Context) -> String {
    let indicator = ctx.indicator();
    let distances: Vec<Option<f64>> = (0..indicator.periods.len())
        .map(|i| period_performance(indicator, ctx.figures, i).distance)
        .collect();
    let furthest = |above: bool| furthest(ctx, &distances, above);
    let (reading, above, below) = match indicator.polarity {
        Polarity::HigherIsBetter => (
            "higher is better, so bars above zero are better than target and bars below are worse",
            "Furthest better",
            "Furthest worse",
        ),
        Polarity::LowerIsBetter => (
            "lower is better, so bars below zero are better than target and bars above are worse",
            "Furthest worse",
            "Furthest better",
        ),
        Polarity::Neutral => (
            "bars above zero are above target and bars below are below it (a neutral indicator is not called good or bad)",
            "Furthest above",
            "Furthest below",
        ),
    };
    let mut text = format!(
        "Bar chart of the actual minus the target in each {}, {}: {reading}.",
        indicator.periods.noun(),
        ctx.span
    );
    for (label, found) in [(above, furthest(true)), (below, furthest(false))] {
        if let Some(found) = found {
            text.push_str(&format!(" {label}: {found}."));
        }
    }
    text.push(' ');
    text.push_str(&ctx.headline);
    text
}

/// The period furthest above zero (`above`) or below it in `values` (one
/// per period), with its value: "June 2011 (+6,241 hours)".
fn furthest(ctx: &Context, values: &[Option<f64>], above: bool) -> Option<String> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, (*v)?)))
        .filter(|(_, v)| if above { *v > 0.0 } else { *v < 0.0 })
        .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
        .map(|(i, v)| {
            format!(
                "{} ({})",
                ctx.period_title(i),
                format_signed(&ctx.indicator().unit, v, ctx.decimals())
            )
        })
}
