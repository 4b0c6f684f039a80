//! The overview: every indicator as a small multiple (sparkline of budget
//! and actual, the year-to-date variance in units and %, over or under by
//! word and symbol as well as colour), grouped by portfolio, sortable by the
//! size of the variance. Each card opens its indicator.
//!
//! Pointing at a sparkline shows that period's figures in a tooltip. The
//! tooltip is written straight to its element rather than through the
//! reducer: with thousands of cards, re-rendering the dashboard on every
//! pointer move would take longer than a frame, and the tooltip is passing
//! detail (the card itself carries the variance in words).

use std::rc::Rc;

use gloo::events::EventListener;
use outturn_core::chart::Theme;
use outturn_core::format::point_detail;
use outturn_core::model::{Dataset, FinancialYear};
use outturn_core::view::{
    overview_subtitle, overview_title, spark_position, spark_tip_place, DashboardEntry,
    DashboardOrder, GroupLayout, PageBox, SPARKLINE_SIZE,
};
use wasm_bindgen::JsCast as _;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::{hex, within};
use crate::state::{Action, Shared};
use outturn_web_kit::select::{choice, labelled_select, Picker};

/// Props of [`Dashboard`].
#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    /// Id of the heading (the section is labelled by it).
    pub title_id: AttrValue,
    /// Entries grouped by portfolio (compared by identity: they are
    /// recomputed only when the dataset, year or order change).
    pub groups: Shared<Vec<(String, Vec<DashboardEntry>)>>,
    /// The dataset the entries come from (for the sparkline tooltips).
    pub dataset: Shared<Dataset>,
    /// The selected year.
    pub year: Option<FinancialYear>,
    /// Current order.
    pub order: DashboardOrder,
    /// Called with an indicator id to open it.
    pub on_open: Callback<String>,
    /// Receives [`Action::SelectOrder`].
    pub on_action: Callback<Action>,
    /// Colours.
    pub theme: Theme,
}

fn card(entry: &DashboardEntry, theme: &Theme, on_open: &Callback<String>) -> Html {
    let (width, height) = SPARKLINE_SIZE;
    let id = entry.id.clone();
    let on_open = on_open.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_open.emit(id.clone()));
    let budget = hex(theme.budget);
    let actual = hex(theme.actual);
    let forecast = hex(theme.forecast);
    html! {
        <li class="outturn-card-item">
            <button type="button" class={classes!("outturn-card", format!("outturn-standing-{}", entry.standing.slug()))}
                data-indicator={entry.id.clone()} data-year={entry.year.to_string()} {onclick}>
                <span class="outturn-card-title">{ entry.title.clone() }</span>
                <svg class="outturn-spark" width={width.to_string()} height={height.to_string()}
                    viewBox={format!("0 0 {width} {height}")} aria-hidden="true" focusable="false">
                    { for entry.budget_line.iter().map(|points| html! {
                        <polyline points={points.clone()} fill="none" stroke={budget.clone()} stroke-width="1.5" stroke-dasharray="4 3" />
                    }) }
                    { for entry.forecast_line.iter().map(|points| html! {
                        <polyline points={points.clone()} fill="none" stroke={forecast.clone()} stroke-width="2" stroke-dasharray="2 3" />
                    }) }
                    { for entry.actual_line.iter().map(|points| html! {
                        <polyline points={points.clone()} fill="none" stroke={actual.clone()} stroke-width="2" />
                    }) }
                </svg>
                <span class="outturn-card-figures">
                    <span class={classes!("outturn-standing", format!("outturn-standing-{}", entry.standing.slug()))}>
                        { entry.standing.words() }
                    </span>
                    <span class="outturn-card-variance">{ entry.figure.clone() }</span>
                </span>
                <span class="outturn-card-coverage">{ entry.basis.clone() }</span>
                if !entry.parts.is_empty() {
                    <span class="outturn-card-coverage">{ entry.parts.clone() }</span>
                }
            </button>
        </li>
    }
}

/// The sparkline tooltip for a pointer at `client_x` over `spark`, or
/// `None` when it is not over one: (title, rows).
fn spark_tip(dataset: &Dataset, spark: &Element, client_x: f64) -> Option<(String, String)> {
    let card = spark.closest(".outturn-card").ok()??;
    let indicator = dataset.indicator(&card.get_attribute("data-indicator")?)?;
    let year = FinancialYear::parse(&card.get_attribute("data-year")?)?;
    let figures = indicator.year(year)?;
    let index = spark_position(client_x, page_box(spark), indicator.periods.len());
    let detail = point_detail(indicator, figures, index);
    let rows = detail
        .rows
        .iter()
        .map(|(label, value)| format!("{label}: {value}"))
        .collect::<Vec<_>>()
        .join("\n");
    Some((detail.title, rows))
}

/// Sets each dashboard group's placeholder height (`contain-intrinsic-size`,
/// through the CSSOM, which strict style-src policies allow) as the core
/// estimates it from the first group's layout ([`GroupLayout`]). Nothing is
/// set if the first group has not been laid out (the stylesheet's fallback
/// stays).
fn estimate_group_heights(root: &Element) {
    let Ok(groups) = root.query_selector_all(".outturn-group") else {
        return;
    };
    let groups: Vec<HtmlElement> = (0..groups.length())
        .filter_map(|index| groups.item(index)?.dyn_into::<HtmlElement>().ok())
        .collect();
    let list = |group: &HtmlElement| {
        group
            .query_selector(".outturn-cards")
            .ok()
            .flatten()
            .and_then(|list| list.dyn_into::<HtmlElement>().ok())
    };
    let Some((first, cards)) = groups.first().and_then(|g| Some((g, list(g)?))) else {
        return;
    };
    let card_width = cards
        .first_element_child()
        .and_then(|card| card.dyn_into::<HtmlElement>().ok())
        .map_or(0, |card| card.offset_width());
    let measured = GroupLayout {
        list_width: f64::from(cards.offset_width()),
        list_height: f64::from(cards.offset_height()),
        card_width: f64::from(card_width),
        cards: cards.child_element_count() as usize,
        group_height: f64::from(first.offset_height()),
    };
    for group in groups.iter().skip(1) {
        let count = list(group).map_or(0, |cards| cards.child_element_count() as usize);
        let Some(height) = measured.height_for(count) else {
            return;
        };
        let _ = group
            .style()
            .set_property("contain-intrinsic-size", &format!("auto {height:.0}px"));
    }
}

/// A box the browser measured, as the core takes it.
fn page_box(element: &Element) -> PageBox {
    let rect = element.get_bounding_client_rect();
    PageBox {
        left: rect.left(),
        top: rect.top(),
        width: rect.width(),
        bottom: rect.bottom(),
    }
}

/// Shows the tooltip `tip` for the sparkline under the pointer of `event`
/// (placed by the core's [`spark_tip_place`]), or hides it.
fn show_spark_tip(dataset: &Dataset, tip: &HtmlElement, event: &PointerEvent) {
    let spark = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|target| target.closest(".outturn-spark").ok().flatten());
    let found = spark.and_then(|spark| {
        let bounds = page_box(&spark);
        Some((
            spark_tip(dataset, &spark, f64::from(event.client_x()))?,
            bounds,
        ))
    });
    let Some(((title, rows), spark)) = found else {
        tip.set_hidden(true);
        return;
    };
    if let (Some(heading), Some(body)) = (tip.first_element_child(), tip.last_element_child()) {
        heading.set_text_content(Some(&title));
        body.set_text_content(Some(&rows));
    }
    // Shown first: a hidden element has no offset parent to place it by.
    tip.set_hidden(false);
    let Some(parent) = tip.offset_parent() else {
        return;
    };
    let (left, top) = spark_tip_place(
        f64::from(event.client_x()),
        page_box(&parent),
        f64::from(tip.offset_width()),
        spark,
    );
    let style = tip.style();
    let _ = style.set_property("left", &format!("{left:.0}px"));
    let _ = style.set_property("top", &format!("{top:.0}px"));
}

/// The sparkline tooltip's pointer handlers (move, leave), written straight
/// to the element (see the module header); Escape dismisses it wherever
/// the focus is (WCAG 1.4.13): a reader pointing with the mouse has not
/// focused the dashboard.
#[hook]
fn use_spark_tip(
    tip: &NodeRef,
    dataset: &Rc<Dataset>,
) -> (Callback<PointerEvent>, Callback<PointerEvent>) {
    let hide = {
        let tip = tip.clone();
        move || {
            if let Some(tip) = tip.cast::<HtmlElement>() {
                tip.set_hidden(true);
            }
        }
    };
    {
        let hide = hide.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
                if event
                    .dyn_ref::<KeyboardEvent>()
                    .is_some_and(|key| key.key() == "Escape")
                {
                    hide();
                }
            });
            move || drop(listener)
        });
    }
    let on_move = {
        let (tip, dataset) = (tip.clone(), dataset.clone());
        Callback::from(move |event: PointerEvent| {
            // Over the tooltip itself: keep it, so it can be read (WCAG 1.4.13).
            if within(event.target(), ".outturn-spark-tip") {
                return;
            }
            if let Some(tip) = tip.cast::<HtmlElement>() {
                show_spark_tip(&dataset, &tip, &event);
            }
        })
    };
    let on_leave = Callback::from(move |event: PointerEvent| {
        // Moving onto the tooltip keeps it.
        if !within(event.related_target(), ".outturn-spark-tip") {
            hide();
        }
    });
    (on_move, on_leave)
}

/// All indicators at a glance.
#[component]
pub fn Dashboard(props: &DashboardProps) -> Html {
    let tip = use_node_ref();
    let (on_pointer_move, on_pointer_leave) = use_spark_tip(&tip, &props.dataset.0);
    // A group out of view is not laid out (content-visibility in
    // outturn.css) and counts as the height estimated here until it is,
    // from the first group's layout, so the scroll bar is about right
    // before the reader scrolls there.
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with(props.groups.clone(), move |_| {
            if let Some(root) = root.cast::<Element>() {
                estimate_group_heights(&root);
            }
        });
    }
    html! {
        <div class="outturn-dashboard" ref={root} onpointermove={on_pointer_move} onpointerleave={on_pointer_leave}>
            <div class="outturn-spark-tip" role="tooltip" hidden=true ref={tip}>
                <p class="outturn-tooltip-title"></p>
                <p class="outturn-spark-tip-rows"></p>
            </div>
            <h2 class="outturn-title" id={props.title_id.clone()}>{ overview_title(&props.groups, props.year) }</h2>
            <p class="outturn-subtitle">
                { overview_subtitle(&props.dataset) }
            </p>
            { order_select(props) }
            { for props.groups.0.iter().filter(|(_, e)| !e.is_empty()).map(|(group, entries)| html! {
                <section class="outturn-group">
                    <h3>{ group.clone() }</h3>
                    <ul class="outturn-cards">
                        { for entries.iter().map(|entry| card(entry, &props.theme, &props.on_open)) }
                    </ul>
                </section>
            }) }
        </div>
    }
}

/// The overview's order picker.
fn order_select(props: &DashboardProps) -> Html {
    let on_action = props.on_action.clone();
    let on_value = Callback::from(move |value: String| {
        if let Some(order) = DashboardOrder::from_slug(&value) {
            on_action.emit(Action::SelectOrder(order));
        }
    });
    let choices = DashboardOrder::ALL
        .iter()
        .map(|o| choice(o.slug(), o.label(), *o == props.order));
    let picker = Picker {
        id: format!("{}-sort", props.title_id).into(),
        label: "Order",
        field_class: "outturn-sort",
        select_class: "outturn-order",
    };
    labelled_select(picker, choices.collect(), on_value)
}
