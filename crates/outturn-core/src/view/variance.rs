//! Variance by period: diverging bars above zero where the actual is over
//! the affordable level and below where it is under; for a flow, the
//! variance to date in each tooltip.

use std::rc::Rc;

use crate::chart::variance_scene;
use crate::format::{format_signed, format_variance, point_detail};
use crate::model::YearValue;

use super::context::{Built, Context, PanelParts};
use super::{PanelKind, PerPosition};

/// Available with an affordable level to vary from (a period without both
/// figures has no bar); not for a performance indicator, whose variance
/// from target is not drawn yet and would otherwise be described as over
/// or under an affordable level.
pub(super) fn available(ctx: &Context) -> bool {
    !ctx.indicator().is_performance()
}

/// The one panel.
pub(super) fn build(ctx: &Context) -> Built {
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
    let extreme = |over: bool| {
        analysis
            .period_variance
            .iter()
            .enumerate()
            .filter_map(|(i, v)| Some((i, (*v)?)))
            .filter(|(_, v)| if over { *v > 0.0 } else { *v < 0.0 })
            .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
            .map(|(i, v)| {
                format!(
                    "{} ({})",
                    ctx.period_title(i),
                    format_signed(&indicator.unit, v, ctx.decimals())
                )
            })
    };
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
