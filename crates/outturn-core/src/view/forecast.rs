//! Forecast: the actual to the "as at" period, the projection for the rest
//! of the year by the chosen method as a dashed line, and the affordable
//! level; with the projected outturn in a sentence. Where nothing can be
//! projected, the budget panel stands in and the sentence says why.

use std::rc::Rc;

use crate::analysis::{ForecastMethod, Projection};
use crate::chart::forecast_scene;
use crate::format::{format_amount, format_number, format_reported, format_value};
use crate::model::{Indicator, YearValue};

use super::context::{detail, Built, Context, PanelParts};
use super::{budget, PanelKind, PerPosition};

/// Available once something is reported, for an indicator with a year
/// figure; not for a performance indicator (a projected outturn against an
/// affordable level is not what its report says).
pub(super) fn available(ctx: &Context) -> bool {
    ctx.analysis().last_reported.is_some()
        && ctx.indicator().year_value != YearValue::None
        && !ctx.indicator().is_performance()
}

/// The forecast panel (or the budget panel), and the projection sentence.
pub(super) fn build(ctx: &Context) -> Built {
    let indicator = ctx.indicator();
    let sentence = match &ctx.projection {
        Some(p) => projection_words(indicator, p, &ctx.period_title(p.as_at)),
        None => format!(
            "No projection by {}: {}",
            ctx.options.method.describe(),
            missing_reason(ctx.options.method)
        ),
    };
    let panel = ctx
        .projection
        .as_ref()
        .and_then(|p| Some((p, forecast_scene(indicator, ctx.year, p)?)));
    let panels = match panel {
        Some((projection, scene)) => vec![forecast_panel(ctx, projection, scene, &sentence)],
        None => vec![budget::panel(ctx)],
    };
    Built {
        panels,
        projection_sentence: Some(sentence),
    }
}

fn forecast_panel(
    ctx: &Context,
    projection: &Projection,
    scene: crate::chart::Scene,
    sentence: &str,
) -> super::Panel {
    let year = ctx.year;
    let decimals = ctx.decimals();
    let details = {
        let (ind, p, year_index) = (Rc::clone(ctx.shared), projection.clone(), ctx.year_index);
        PerPosition::new(ctx.periods(), move |i| {
            let unit = &ind.unit;
            let budget = ind
                .years
                .get(year_index)?
                .budget
                .as_ref()
                .and_then(|b| b.get(i).copied().flatten());
            let mut rows = vec![(
                "Affordable level".to_string(),
                format_reported(unit, budget, decimals),
            )];
            let at = |s: &[Option<f64>]| s.get(i).copied().flatten();
            match (at(&p.actual), at(&p.projected)) {
                (Some(a), _) => rows.push((
                    "Actual".to_string(),
                    format_reported(unit, Some(a), decimals),
                )),
                (None, Some(v)) => rows.push((
                    "Projected".to_string(),
                    format_reported(unit, Some(v), decimals),
                )),
                _ => rows.push(("Actual".to_string(), format_reported(unit, None, decimals))),
            }
            Some(detail(ind.periods.long_label(i, year), rows))
        })
    };
    ctx.panel(PanelParts {
        kind: PanelKind::Forecast,
        title: format!("Projected outturn, as at {}", ctx.period_title(projection.as_at)),
        scene,
        details,
        announce: ctx.announce_periods(),
        summary: format!(
            "Line chart of the actual to the \"as at\" {}, the projection for the rest of the year as a dashed line, and the affordable level, {}. {sentence}",
            ctx.indicator().periods.noun(),
            ctx.span
        ),
        totals: Vec::new(),
    })
}

fn missing_reason(method: ForecastMethod) -> &'static str {
    match method {
        ForecastMethod::RunRate => "nothing is reported yet.",
        ForecastMethod::LastYearProfile => "the data has no earlier year to take a profile from.",
        ForecastMethod::BudgetProfile => "this indicator has no affordable level.",
    }
}

/// "Projected outturn by run rate so far, as at September 2011: 2,400,000 hours
/// against an affordable level of 2,402,516: 2,516 (0.1%) under."
fn projection_words(indicator: &Indicator, projection: &Projection, as_at: &str) -> String {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let Some(outturn) = projection.outturn else {
        return format!("No projection: the method has nothing to go on as at {as_at}.");
    };
    let lead = format!(
        "Projected outturn by {}, as at {as_at}: {}",
        projection.method.describe(),
        format_value(unit, outturn, decimals)
    );
    match (projection.budget, projection.variance) {
        (Some(budget), Some(variance)) => {
            let amount = format_amount(unit, variance.abs(), decimals);
            let side = if variance > 0.0 {
                "over"
            } else if variance < 0.0 {
                "under"
            } else {
                ""
            };
            let gap = if side.is_empty() {
                "on the affordable level".to_string()
            } else {
                match projection.variance_pct {
                    Some(p) => format!("{amount} ({}%) {side}", format_number(p.abs(), 1)),
                    None => format!("{amount} {side}"),
                }
            };
            format!(
                "{lead} against an affordable level of {}: {gap} at year end.",
                format_amount(unit, budget, decimals)
            )
        }
        _ => format!("{lead}; no affordable level is set."),
    }
}
