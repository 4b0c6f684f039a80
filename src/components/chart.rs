//! The chart: the scene drawn by plotters as inline SVG (crisp at any pixel
//! density and in print), with a crosshair and tooltip that follow the
//! pointer and the keyboard (arrow keys, Home, End; Esc dismisses).

use std::rc::Rc;

use outturn_core::chart::{layout, render_svg, SeriesRole, Theme};
use outturn_core::view::IndicatorView;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::hex;

/// Chart height for a given width: wide enough to read, never taller than a screen.
fn chart_height(width: u32) -> f64 {
    (f64::from(width) * 0.5).clamp(240.0, 400.0)
}

/// Props of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// Element id prefix, unique on the page.
    pub id: AttrValue,
    /// What is shown.
    pub view: Rc<IndicatorView>,
    /// Width to draw at, CSS pixels.
    pub width: u32,
    /// Period with the tooltip, if any.
    pub focus: Option<usize>,
    /// Called when the pointer or keyboard moves to a period, or away (`None`).
    pub on_focus: Callback<Option<usize>>,
    /// Colours.
    pub theme: Theme,
}

/// The interactive budget-versus-actual chart.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let frame = use_memo((props.view.clone(), props.width), |(view, width)| {
        layout(&view.scene, f64::from(*width), chart_height(*width))
    });
    let svg = use_memo(
        (props.view.clone(), frame.clone(), props.theme),
        |(view, frame, theme)| render_svg(&view.scene, frame, theme).unwrap_or_default(),
    );
    let container = use_node_ref();
    let tooltip = use_node_ref();

    // Place the tooltip beside the focused period, flipping left near the
    // right edge. Set through the CSSOM, which strict style-src policies allow.
    {
        let tooltip = tooltip.clone();
        use_effect_with((props.focus, frame.clone()), move |(focus, frame)| {
            if let (Some(period), Some(element)) = (focus, tooltip.cast::<HtmlElement>()) {
                let x = frame.x(*period as f64);
                let width = f64::from(element.offset_width());
                let left = if x + 14.0 + width <= frame.width {
                    x + 14.0
                } else {
                    (x - 14.0 - width).max(0.0)
                };
                let style = element.style();
                let _ = style.set_property("left", &format!("{left:.0}px"));
                let _ = style.set_property("top", &format!("{:.0}px", frame.plot.top));
            }
        });
    }

    let periods = props.view.details.len();
    let last_reported = props.view.summary.analysis.last_reported.unwrap_or(0);
    let on_pointer_move = {
        let frame = frame.clone();
        let container = container.clone();
        let on_focus = props.on_focus.clone();
        let current = props.focus;
        Callback::from(move |event: PointerEvent| {
            let Some(element) = container.cast::<Element>() else {
                return;
            };
            let x = f64::from(event.client_x()) - element.get_bounding_client_rect().left();
            let period = frame.position_at(x);
            if period != current {
                on_focus.emit(period);
            }
        })
    };
    let on_pointer_leave = {
        let on_focus = props.on_focus.clone();
        Callback::from(move |_: PointerEvent| on_focus.emit(None))
    };
    let on_key_down = {
        let on_focus = props.on_focus.clone();
        let focus = props.focus;
        Callback::from(move |event: KeyboardEvent| {
            let current = focus.unwrap_or(last_reported);
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowUp" => Some((current + 1).min(periods.saturating_sub(1))),
                "ArrowLeft" | "ArrowDown" => Some(current.saturating_sub(1)),
                "Home" => Some(0),
                "End" => Some(periods.saturating_sub(1)),
                "Escape" => None,
                _ => return,
            };
            event.prevent_default();
            on_focus.emit(next);
        })
    };
    let on_focus_in = {
        let on_focus = props.on_focus.clone();
        let focus = props.focus;
        Callback::from(move |_: FocusEvent| {
            if focus.is_none() {
                on_focus.emit(Some(last_reported));
            }
        })
    };
    let on_focus_out = {
        let on_focus = props.on_focus.clone();
        Callback::from(move |_: FocusEvent| on_focus.emit(None))
    };

    let view = &props.view;
    let tooltip_id = format!("{}-tooltip", props.id);
    let focused = props.focus.filter(|period| *period < periods);
    let overlay = focused.map(|period| {
        let x = frame.x(period as f64);
        let markers = [SeriesRole::Budget, SeriesRole::Actual, SeriesRole::Forecast]
            .into_iter()
            .filter_map(|role| {
                let value = view.scene.line(role)?.values.get(period).copied().flatten()?;
                Some(html! {
                    <circle class="outturn-focus-marker" cx={format!("{x:.1}")} cy={format!("{:.1}", frame.y(value))} r="7"
                        stroke={hex(role.colour(&props.theme))} />
                })
            });
        html! {
            <svg class="outturn-overlay" width={frame.width.to_string()} height={frame.height.to_string()}
                viewBox={format!("0 0 {} {}", frame.width, frame.height)} aria-hidden="true" focusable="false">
                <line class="outturn-crosshair" x1={format!("{x:.1}")} x2={format!("{x:.1}")}
                    y1={frame.plot.top.to_string()} y2={frame.plot.bottom.to_string()} />
                { for markers }
            </svg>
        }
    });
    let tip = focused.and_then(|period| view.details.get(period)).map(|detail| {
        html! {
            <div class="outturn-tooltip" role="tooltip" id={tooltip_id.clone()} ref={tooltip.clone()}>
                <p class="outturn-tooltip-title">{ detail.title.clone() }</p>
                <dl>
                    { for detail.rows.iter().map(|(label, value)| html! {
                        <div class="outturn-tooltip-row"><dt>{ label.clone() }</dt><dd>{ value.clone() }</dd></div>
                    }) }
                </dl>
                if let Some(status) = &detail.status {
                    <p class={classes!("outturn-status", format!("outturn-status-{}", status.split_whitespace().next().unwrap_or("on")))}>
                        { status_words(status) }
                    </p>
                }
            </div>
        }
    });
    let label = format!(
        "Chart of {}, {}: affordable level and actual by {}. {} Use the left and right arrow keys to read each {}.",
        view.indicator.title,
        view.year,
        view.indicator.periods.noun(),
        view.headline,
        view.indicator.periods.noun()
    );
    html! {
        <div
            ref={container}
            class="outturn-chart"
            tabindex="0"
            role="group"
            aria-label={label}
            aria-describedby={focused.map(|_| tooltip_id.clone())}
            data-periods={periods.to_string()}
            data-plot-left={format!("{:.1}", frame.plot.left)}
            data-plot-right={format!("{:.1}", frame.plot.right)}
            onpointermove={on_pointer_move}
            onpointerleave={on_pointer_leave}
            onkeydown={on_key_down}
            onfocusin={on_focus_in}
            onfocusout={on_focus_out}
        >
            <div class="outturn-svg" aria-hidden="true">
                { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            </div>
            { for overlay }
            { for tip }
        </div>
    }
}

/// "▲ Over the affordable level" etc.: a word and a shape, not colour alone.
fn status_words(status: &str) -> String {
    match status {
        "over" => "▲ Over the affordable level".to_string(),
        "under" => "▼ Under the affordable level".to_string(),
        other => format!("● {}", capitalise(other)),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
