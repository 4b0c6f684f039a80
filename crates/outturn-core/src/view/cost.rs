//! Cost: the unit cost against the affordable unit cost, and the £ effect
//! split into volume and price, under the convention the reader chose.

use std::rc::Rc;

use crate::chart::{build_scene, cost_effect_scene};
use crate::format::{format_money, point_detail, with_plus};

use super::context::{detail, Built, Context, PanelParts};
use super::{Panel, PanelKind, PerPosition};

/// Available where the indicator has a unit cost and both unit costs exist.
pub(super) fn available(ctx: &Context) -> bool {
    ctx.summary.cost_effect.is_some()
}

/// The unit cost (where its indicator has the year), then the £ effect.
pub(super) fn build(ctx: &Context) -> Built {
    unit_cost(ctx)
        .into_iter()
        .chain(effect(ctx))
        .collect::<Vec<_>>()
        .into()
}

fn unit_cost(ctx: &Context) -> Option<Panel> {
    let cost = ctx.cost_indicator()?;
    let scene = build_scene(cost, ctx.year)?;
    let cost_figures = cost.year(ctx.year)?;
    let details = {
        let cost = Rc::new(cost.clone());
        let index = cost.years.iter().position(|f| f.year == cost_figures.year);
        PerPosition::new(ctx.periods(), move |i| {
            Some(point_detail(&cost, cost.years.get(index?)?, i))
        })
    };
    let summary = format!(
        "Line chart of the actual unit cost against the affordable unit cost, {}{}.",
        ctx.span,
        Context::compared_lines(&scene)
    );
    Some(ctx.panel(PanelParts {
        kind: PanelKind::UnitCost,
        title: format!("Unit cost ({}), {}", cost.unit.label.trim(), ctx.year),
        scene,
        details,
        announce: ctx.announce_periods(),
        summary,
        totals: Vec::new(),
    }))
}

fn effect(ctx: &Context) -> Option<Panel> {
    let effect = ctx.summary.cost_effect.as_ref()?;
    let row = |label: &str, pounds: f64| {
        detail(
            label.to_string(),
            vec![("Effect".to_string(), signed_money(pounds))],
        )
    };
    let rows = vec![
        row("Volume effect", effect.volume),
        row("Price effect", effect.price),
        row("Total (volume + price)", effect.total()),
    ];
    let announce = PerPosition::from_vec(rows.iter().map(|d| d.title.clone()).collect());
    let summary = format!(
        "Bar chart splitting the £ effect into volume and price, which add up to the total ({}). Volume {}, price {}, total {}.",
        effect.convention.describe(),
        signed_money(effect.volume),
        signed_money(effect.price),
        signed_money(effect.total())
    );
    Some(ctx.panel(PanelParts {
        kind: PanelKind::CostEffect,
        title: "The £ effect, split into volume and price".to_string(),
        scene: cost_effect_scene(effect),
        details: PerPosition::from_vec(rows),
        announce,
        summary,
        totals: Vec::new(),
    }))
}

/// "+£118k", "-£1,850k": an effect with its sign.
fn signed_money(pounds: f64) -> String {
    with_plus(pounds, format_money(pounds))
}
