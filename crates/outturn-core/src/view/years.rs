//! Year on year: every year overlaid on one April-to-March axis, and a
//! timeline of every year one after another that zooms and pans.

use std::rc::Rc;

use crate::chart::{timeline_scene, years_scene};
use crate::format::{format_reported, point_detail};
use crate::model::Indicator;

use super::context::{detail, Built, Context, PanelParts};
use super::{PanelKind, PerPosition};

/// Always available: a single year overlays on itself.
pub(super) fn available(_: &Context) -> bool {
    true
}

/// The overlay, then the timeline.
pub(super) fn build(ctx: &Context) -> Built {
    vec![overlay(ctx), timeline(ctx)].into()
}

fn overlay(ctx: &Context) -> super::Panel {
    let periods = ctx.periods();
    let decimals = ctx.decimals();
    let scene = years_scene(ctx.indicator(), ctx.year);
    let details = {
        let ind = Rc::clone(ctx.shared);
        let selected = ctx.year;
        PerPosition::new(periods, move |i| {
            let rows = ind
                .years
                .iter()
                .rev()
                .flat_map(|f| {
                    let main = match (&f.actual, &f.budget) {
                        (Some(a), _) => Some((format!("Actual {}", f.year), a)),
                        (None, Some(b)) => Some((format!("Affordable level {}", f.year), b)),
                        _ => None,
                    };
                    // The selected year's affordable level is drawn beside
                    // its actual, so its figures are given too.
                    let budget = f
                        .budget
                        .as_ref()
                        .filter(|_| f.year == selected && f.actual.is_some())
                        .map(|b| (format!("Affordable level {}", f.year), b));
                    // Forecasts are shown wherever actuals are.
                    let forecast = f
                        .forecast
                        .as_ref()
                        .map(|v| (format!("Forecast {}", f.year), v));
                    main.into_iter()
                        .chain(budget)
                        .chain(forecast)
                        .map(|(label, values)| {
                            (
                                label,
                                format_reported(
                                    &ind.unit,
                                    values.get(i).copied().flatten(),
                                    decimals,
                                ),
                            )
                        })
                })
                .collect();
            Some(detail(
                format!("{} (each year)", ind.periods.short_label(i)),
                rows,
            ))
        })
    };
    let announce = {
        let ind = Rc::clone(ctx.shared);
        PerPosition::new(periods, move |i| {
            Some(format!("{}, each year", ind.periods.short_label(i)))
        })
    };
    let summary = format!(
        "Line chart with one line per financial year on the same April-to-March axis: {}.",
        scene
            .lines
            .iter()
            .map(|l| l.label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    ctx.panel(PanelParts {
        kind: PanelKind::Overlay,
        title: "Every year on one April-to-March axis".to_string(),
        scene,
        details,
        announce,
        summary,
        totals: Vec::new(),
    })
}

fn timeline(ctx: &Context) -> super::Panel {
    let indicator = ctx.indicator();
    let periods = ctx.periods();
    let count = periods * indicator.years.len();
    let details = {
        let ind = Rc::clone(ctx.shared);
        PerPosition::new(count, move |i| {
            let figures = ind.years.get(i / periods.max(1))?;
            Some(point_detail(&ind, figures, i % periods.max(1)))
        })
    };
    let announce = {
        let ind = Rc::clone(ctx.shared);
        PerPosition::new(count, move |i| {
            let figures = ind.years.get(i / periods.max(1))?;
            Some(ind.periods.announce_label(i % periods.max(1), figures.year))
        })
    };
    let (first, last) = first_and_last_year(indicator);
    ctx.panel(PanelParts {
        kind: PanelKind::Timeline,
        title: format!("Timeline, {first} to {last}"),
        scene: timeline_scene(indicator, ctx.options.window),
        details,
        announce,
        // A performance indicator's timeline has no affordable level.
        summary: format!(
            "Line chart of the actual{} for every {} from {first} to {last}, one year after another; it can be zoomed and panned.",
            if indicator.is_performance() { "" } else { " and the affordable level" },
            indicator.periods.noun()
        ),
        totals: Vec::new(),
    })
}

/// The first and last years of the data, as "2008-09" (empty without years).
fn first_and_last_year(indicator: &Indicator) -> (String, String) {
    let name =
        |f: Option<&crate::model::YearFigures>| f.map(|f| f.year.to_string()).unwrap_or_default();
    (name(indicator.years.first()), name(indicator.years.last()))
}
