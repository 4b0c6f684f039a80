//! One chart: the scene drawn by plotters as inline SVG (crisp at any pixel
//! density and in print), with a crosshair and tooltip that follow the
//! pointer and the keyboard: left and right move between periods, up and
//! down between series, Home and End to the first and last period, PageUp
//! and PageDown between years, Esc dismisses. The tooltip stays while the
//! pointer is over it (WCAG 1.4.13). A zoomable chart (the timeline) also
//! zooms and pans with buttons, keys (+ and -, Shift with the arrow keys, 0),
//! the wheel and dragging.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use outturn_core::chart::{
    chart_height, layout_window, tooltip_place, PanStep, SeriesRole, Step, Theme, Viewport,
    ZoomStep,
};
use outturn_core::view::Panel;

use crate::backend::render_svg;
use wasm_bindgen::JsCast as _;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::{hex, within};
use crate::state::{Action, Shared};

/// Props of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// Element id prefix, unique on the page.
    pub id: AttrValue,
    /// What is shown (compared by identity).
    pub panel: Shared<Panel>,
    /// Width to draw at, CSS pixels.
    pub width: u32,
    /// The x window shown (a zoomed timeline), if not the panel's own: the
    /// panel is built once and zooming only lays it out again.
    #[prop_or_default]
    pub window: Option<Viewport>,
    /// Focused point: (position, series index), if any.
    pub focus: Option<(usize, usize)>,
    /// Called with (position, series index, by keyboard) when the pointer or
    /// keyboard moves to a point, or `None` when it leaves.
    pub on_focus: Callback<Option<(usize, usize, bool)>>,
    /// Id of the element holding the chart's text summary.
    pub summary_id: AttrValue,
    /// Receives zoom and pan actions (zoomable charts).
    pub on_action: Callback<Action>,
    /// Colours.
    pub theme: Theme,
}

/// The interactive chart.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let frame = use_memo(
        (props.panel.clone(), props.width, props.window),
        |(panel, width, window)| {
            layout_window(
                &panel.scene,
                window.unwrap_or(panel.scene.x_window),
                f64::from(*width),
                chart_height(f64::from(*width)),
            )
        },
    );
    let svg = use_memo(
        (props.panel.clone(), frame.clone(), props.theme),
        |(panel, frame, theme)| render_svg(&panel.scene, frame, theme).unwrap_or_default(),
    );
    let container = use_node_ref();
    let tooltip = use_node_ref();
    let drag_from = use_mut_ref(|| None::<f64>);
    let count = props.panel.scene.count();
    let zoomable = props.panel.zoomable;

    // Place the tooltip where the core says (`tooltip_place`: beside the
    // point, or above or below it on a narrow chart). Set through the
    // CSSOM, which strict style-src policies allow.
    {
        let tooltip = tooltip.clone();
        let panel = props.panel.clone();
        use_effect_with((props.focus, frame.clone()), move |(focus, frame)| {
            if let (Some((position, _)), Some(element)) = (focus, tooltip.cast::<HtmlElement>()) {
                let (left, top) = tooltip_place(
                    frame,
                    &panel.scene,
                    *position,
                    f64::from(element.offset_width()),
                    f64::from(element.offset_height()),
                );
                let style = element.style();
                let _ = style.set_property("left", &format!("{left:.0}px"));
                let _ = style.set_property("top", &format!("{top:.0}px"));
            }
        });
    }

    // The wheel zooms the timeline around the pointer. Registered by hand
    // because preventing the page scroll needs a non-passive listener.
    {
        let container = container.clone();
        let frame = frame.clone();
        let on_action = props.on_action.clone();
        use_effect_with((zoomable, frame.clone()), move |_| {
            let listener = zoomable
                .then(|| container.cast::<Element>())
                .flatten()
                .map(|element| {
                    let options = EventListenerOptions::enable_prevent_default();
                    let target = element.clone();
                    EventListener::new_with_options(&element, "wheel", options, move |event| {
                        let Some(wheel) = event.dyn_ref::<web_sys::WheelEvent>() else {
                            return;
                        };
                        event.prevent_default();
                        let x =
                            f64::from(wheel.client_x()) - target.get_bounding_client_rect().left();
                        let step = if wheel.delta_y() < 0.0 {
                            ZoomStep::WheelIn
                        } else {
                            ZoomStep::WheelOut
                        };
                        on_action.emit(Action::Zoom {
                            step,
                            centre: Some(frame.position_under(x)),
                            count,
                        });
                    })
                });
            move || drop(listener)
        });
    }

    let positions = count;
    let last_reported = props.panel.start_position(frame.viewport);
    let pointer_x = {
        let container = container.clone();
        move |event: &PointerEvent| -> Option<f64> {
            let element = container.cast::<Element>()?;
            Some(f64::from(event.client_x()) - element.get_bounding_client_rect().left())
        }
    };
    let on_pointer_move = {
        let frame = frame.clone();
        let on_focus = props.on_focus.clone();
        let on_action = props.on_action.clone();
        let current = props.focus.map(|(position, _)| position);
        let drag_from = drag_from.clone();
        let pointer_x = pointer_x.clone();
        Callback::from(move |event: PointerEvent| {
            // Over the tooltip itself: keep it as it is, so it can be read
            // and its text selected (hoverable, WCAG 1.4.13).
            if within(event.target(), ".outturn-tooltip") {
                return;
            }
            let Some(x) = pointer_x(&event) else {
                return;
            };
            let mut dragging = drag_from.borrow_mut();
            if let (true, Some(from)) = (zoomable, *dragging) {
                if let Some(step) = frame.drag_shift(from, x) {
                    on_action.emit(Action::Pan { step, count });
                    *dragging = Some(x);
                }
                return;
            }
            let position = frame.position_at(x);
            if position != current {
                on_focus.emit(position.map(|p| (p, 0, false)));
            }
        })
    };
    let on_pointer_down = {
        let drag_from = drag_from.clone();
        let pointer_x = pointer_x.clone();
        Callback::from(move |event: PointerEvent| {
            if zoomable && event.is_primary() {
                *drag_from.borrow_mut() = pointer_x(&event);
            }
        })
    };
    let end_drag = {
        let drag_from: Rc<RefCell<Option<f64>>> = drag_from.clone();
        Callback::from(move |_: PointerEvent| *drag_from.borrow_mut() = None)
    };
    let on_pointer_leave = {
        let on_focus = props.on_focus.clone();
        let drag_from = drag_from.clone();
        Callback::from(move |_: PointerEvent| {
            *drag_from.borrow_mut() = None;
            on_focus.emit(None);
        })
    };
    let series_count = props.panel.series_order().len().max(1);
    let on_key_down = {
        let on_focus = props.on_focus.clone();
        let on_action = props.on_action.clone();
        let focus = props.focus;
        let frame = frame.clone();
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            let series = focus.map_or(0, |(_, s)| s);
            match key.as_str() {
                "PageUp" | "PageDown" => {
                    event.prevent_default();
                    on_action.emit(Action::StepYear(if key == "PageUp" { -1 } else { 1 }));
                    return;
                }
                "ArrowUp" | "ArrowDown" if !event.shift_key() => {
                    event.prevent_default();
                    let position = focus.map_or(last_reported, |(p, _)| p);
                    let next = if key == "ArrowDown" {
                        (series + 1) % series_count
                    } else {
                        (series + series_count - 1) % series_count
                    };
                    on_focus.emit(Some((position, next, true)));
                    return;
                }
                _ => {}
            }
            let focus = focus.map(|(p, _)| p);
            if zoomable {
                // Keys zoom around the focused period, else the middle.
                let centre = focus.map(|f| f as f64);
                let zoom = |step| Action::Zoom {
                    step,
                    centre,
                    count,
                };
                let pan = |step| Action::Pan { step, count };
                let action = match key.as_str() {
                    "+" | "=" => Some(zoom(ZoomStep::In)),
                    "-" | "_" => Some(zoom(ZoomStep::Out)),
                    "ArrowLeft" if event.shift_key() => Some(pan(PanStep::NudgeEarlier)),
                    "ArrowRight" if event.shift_key() => Some(pan(PanStep::NudgeLater)),
                    "0" => Some(Action::ResetZoom),
                    _ => None,
                };
                if let Some(action) = action {
                    event.prevent_default();
                    on_action.emit(action);
                    return;
                }
            }
            let step = match key.as_str() {
                "ArrowRight" => Some(Step::Next),
                "ArrowLeft" => Some(Step::Previous),
                "Home" => Some(Step::First),
                "End" => Some(Step::Last),
                "Escape" => None,
                _ => return,
            };
            let from = focus.unwrap_or(last_reported);
            let next = step.and_then(|step| frame.viewport.step(from, step));
            event.prevent_default();
            on_focus.emit(next.map(|p| (p, series, true)));
        })
    };
    let on_focus_in = {
        let on_focus = props.on_focus.clone();
        let focus = props.focus;
        Callback::from(move |_: FocusEvent| {
            if focus.is_none() {
                on_focus.emit(Some((last_reported, 0, true)));
            }
        })
    };
    let on_focus_out = {
        let on_focus = props.on_focus.clone();
        Callback::from(move |_: FocusEvent| on_focus.emit(None))
    };

    let panel = &props.panel;
    let tooltip_id = format!("{}-tooltip", props.id);
    let focused = props
        .focus
        .map(|(position, _)| position)
        .filter(|position| *position < positions && frame.is_visible(*position as f64));
    let focused_role = props
        .focus
        .and_then(|(_, series)| panel.series_order().get(series).copied());
    let overlay = focused.map(|position| {
        let x = frame.x(position as f64);
        let markers = panel
            .scene
            .lines
            .iter()
            .filter(|line| {
            Some(line.role) == focused_role
                || !matches!(line.role, SeriesRole::PreviousActual { .. } | SeriesRole::NextBudget)
        })
            .filter_map(|line| {
                let value = line.values.get(position).copied().flatten()?;
                let current = Some(line.role) == focused_role;
                Some(html! {
                    <circle class={classes!("outturn-focus-marker", current.then_some("outturn-focus-current"))}
                        cx={format!("{x:.1}")} cy={format!("{:.1}", frame.y(value))} r={if current { "9" } else { "7" }}
                        stroke={hex(line.role.colour(&props.theme))} />
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
    let tip = focused.and_then(|position| panel.details.get(position)).map(|detail| {
        html! {
            <div class="outturn-tooltip" role="tooltip" id={tooltip_id.clone()} ref={tooltip.clone()}>
                <p class="outturn-tooltip-title">{ detail.title.clone() }</p>
                <dl>
                    { for detail.rows.iter().map(|(label, value)| html! {
                        <div class="outturn-tooltip-row"><dt>{ label.clone() }</dt><dd>{ value.clone() }</dd></div>
                    }) }
                </dl>
                if let Some(status) = detail.status {
                    <p class={classes!("outturn-status", format!("outturn-status-{}", status.slug()))}>
                        { status.in_full() }
                    </p>
                }
            </div>
        }
    });
    let zoom_controls = zoomable.then(|| {
        let button = |label: &'static str, class: &'static str, action: Action| {
            let on_action = props.on_action.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_action.emit(action.clone()));
            html! { <button type="button" class={classes!("outturn-zoom-button", class)} {onclick}>{ label }</button> }
        };
        let zoom = |step| Action::Zoom {
            step,
            centre: None,
            count,
        };
        let pan = |step| Action::Pan { step, count };
        html! {
            <div class="outturn-zoom" role="group" aria-label="Zoom and pan the timeline">
                { button("Zoom in", "outturn-zoom-in", zoom(ZoomStep::In)) }
                { button("Zoom out", "outturn-zoom-out", zoom(ZoomStep::Out)) }
                { button("◀ Earlier", "outturn-pan-earlier", pan(PanStep::PageEarlier)) }
                { button("Later ▶", "outturn-pan-later", pan(PanStep::PageLater)) }
                { button("Show all", "outturn-zoom-reset", Action::ResetZoom) }
                <span class="outturn-zoom-state" aria-live="polite">{ panel.showing(frame.viewport) }</span>
            </div>
        }
    });
    let keys = if zoomable {
        " Left and right arrows move between periods, up and down between lines, Page Up and Page Down between years; + and - zoom, Shift with the arrows pans, 0 shows everything."
    } else {
        " Left and right arrows move between periods, up and down between lines, Page Up and Page Down between years, Escape closes the details."
    };
    let label = format!("Chart: {}.{keys}", panel.title);
    html! {
        <>
            { for zoom_controls }
            <div
                ref={container}
                class={classes!("outturn-chart", zoomable.then_some("outturn-chart-zoomable"))}
                tabindex="0"
                role="application"
                aria-roledescription="interactive chart"
                aria-label={label}
                aria-describedby={match focused {
                    Some(_) => format!("{} {tooltip_id}", props.summary_id),
                    None => props.summary_id.to_string(),
                }}
                data-positions={positions.to_string()}
                data-plot-left={format!("{:.1}", frame.plot.left)}
                data-plot-right={format!("{:.1}", frame.plot.right)}
                data-x-min={format!("{:.2}", frame.viewport.start())}
                data-x-max={format!("{:.2}", frame.viewport.end())}
                onpointermove={on_pointer_move}
                onpointerdown={on_pointer_down}
                onpointerup={end_drag.clone()}
                onpointercancel={end_drag}
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
        </>
    }
}
