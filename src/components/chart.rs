//! One chart: the scene drawn by plotters as inline SVG (crisp at any pixel
//! density and in print), with a crosshair and tooltip that follow the
//! pointer and the keyboard (the keys are the core's
//! [`outturn_core::session::chart_key`]). The tooltip stays while the
//! pointer is over it (WCAG 1.4.13). A zoomable chart (the timeline) also
//! zooms and pans with buttons, keys, the wheel and dragging.
//!
//! Everything here measures the DOM, renders what the core computed and
//! dispatches actions: where a pixel is in the data, how far a drag pans,
//! where the keyboard goes and where the tooltip sits are the core's
//! ([`Frame`], [`Viewport`], [`tooltip_place`]).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use outturn_core::chart::{
    chart_height, layout_window, tooltip_place, Frame, PanStep, Theme, Viewport, ZoomStep,
};
use outturn_core::session::{chart_key, ChartKeys};
use outturn_core::view::{FocusMarker, Panel};
use wasm_bindgen::JsCast as _;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::{hex, local_x, within};
use crate::backend::render_svg;
use crate::state::{Action, Focus, Shared};

/// Props of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// Element id prefix, unique on the page.
    pub id: AttrValue,
    /// Index of the panel in the view (focus names it).
    pub index: usize,
    /// What is shown (compared by identity).
    pub panel: Shared<Panel>,
    /// Width to draw at, CSS pixels.
    pub width: u32,
    /// The x window shown (a zoomed timeline), if not the panel's own: the
    /// panel is built once and zooming only lays it out again.
    #[prop_or_default]
    pub window: Option<Viewport>,
    /// The focused point, if it is in this chart.
    pub focus: Option<Focus>,
    /// Id of the element holding the chart's text summary.
    pub summary_id: AttrValue,
    /// Receives focus, zoom, pan and year-step actions.
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
    // The pixel where a drag started (or last panned).
    let drag_from = use_mut_ref(|| None::<f64>);
    use_tooltip_place(&tooltip, &props.panel, props.focus, &frame);
    use_wheel_zoom(&container, props.panel.zoomable, &frame, &props.on_action);
    let handlers = handlers(props, &frame, &container, drag_from);

    let panel = &props.panel;
    let positions = panel.scene.count();
    let tooltip_id = format!("{}-tooltip", props.id);
    let focused = props.focus.filter(|f| frame.shows(f.position));
    let keys = if panel.zoomable {
        " Left and right arrows move between periods, up and down between lines, Page Up and Page Down between years; + and - zoom, Shift with the arrows pans, 0 shows everything."
    } else {
        " Left and right arrows move between periods, up and down between lines, Page Up and Page Down between years, Escape closes the details."
    };
    let label = format!("Chart: {}.{keys}", panel.title);
    html! {
        <>
            if panel.zoomable {
                { zoom_controls(panel, &frame, &props.on_action) }
            }
            <div
                ref={container}
                class={classes!("outturn-chart", panel.zoomable.then_some("outturn-chart-zoomable"))}
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
                onpointermove={handlers.pointer_move}
                onpointerdown={handlers.pointer_down}
                onpointerup={handlers.end_drag.clone()}
                onpointercancel={handlers.end_drag}
                onpointerleave={handlers.pointer_leave}
                onkeydown={handlers.key_down}
                onfocusin={handlers.focus_in}
                onfocusout={handlers.focus_out}
            >
                <div class="outturn-svg" aria-hidden="true">
                    { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
                </div>
                if let Some(focus) = focused {
                    { overlay(panel, &frame, focus, &props.theme) }
                    { tip(panel, focus.position, &tooltip_id, &tooltip) }
                }
            </div>
        </>
    }
}

/// Places the tooltip where the core says ([`tooltip_place`]: beside the
/// point, or above or below it on a narrow chart), through the CSSOM,
/// which strict style-src policies allow. After rendering, because the
/// place depends on the tooltip's measured size.
#[hook]
fn use_tooltip_place(
    tooltip: &NodeRef,
    panel: &Shared<Panel>,
    focus: Option<Focus>,
    frame: &Rc<Frame>,
) {
    let tooltip = tooltip.clone();
    let panel = panel.clone();
    use_effect_with((focus, frame.clone()), move |(focus, frame)| {
        if let (Some(focus), Some(element)) = (focus, tooltip.cast::<HtmlElement>()) {
            let (left, top) = tooltip_place(
                frame,
                &panel.scene,
                focus.position,
                f64::from(element.offset_width()),
                f64::from(element.offset_height()),
            );
            let style = element.style();
            let _ = style.set_property("left", &format!("{left:.0}px"));
            let _ = style.set_property("top", &format!("{top:.0}px"));
        }
    });
}

/// The wheel zooms a zoomable chart around the pointer. Registered by
/// hand because preventing the page scroll needs a non-passive listener.
#[hook]
fn use_wheel_zoom(
    container: &NodeRef,
    zoomable: bool,
    frame: &Rc<Frame>,
    on_action: &Callback<Action>,
) {
    let container = container.clone();
    let on_action = on_action.clone();
    use_effect_with((zoomable, frame.clone()), move |(zoomable, frame)| {
        let frame = frame.clone();
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
                    let x = local_x(&target, wheel.client_x());
                    on_action.emit(Action::Zoom {
                        step: ZoomStep::for_wheel(wheel.delta_y()),
                        centre: Some(frame.position_under(x)),
                        count: frame.viewport.count(),
                    });
                })
            });
        move || drop(listener)
    });
}

/// The chart's pointer, keyboard and focus handlers.
struct Handlers {
    pointer_move: Callback<PointerEvent>,
    pointer_down: Callback<PointerEvent>,
    end_drag: Callback<PointerEvent>,
    pointer_leave: Callback<PointerEvent>,
    key_down: Callback<KeyboardEvent>,
    focus_in: Callback<FocusEvent>,
    focus_out: Callback<FocusEvent>,
}

/// The chart's handlers: the pointer's ([`pointer_handlers`]) and the
/// keyboard's: keys do what [`chart_key`] says, and focusing the chart by
/// keyboard starts at the last period with an actual.
fn handlers(
    props: &ChartProps,
    frame: &Rc<Frame>,
    container: &NodeRef,
    drag_from: Rc<RefCell<Option<f64>>>,
) -> Handlers {
    let on_action = props.on_action.clone();
    let focus = props.focus;
    let start = props.panel.start_position(frame.viewport);
    let keys = ChartKeys {
        panel: props.index,
        viewport: frame.viewport,
        start,
        series: props.panel.series_order().len(),
        zoomable: props.panel.zoomable,
    };
    let key_down = {
        let on_action = on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            if let Some(action) = chart_key(&event.key(), event.shift_key(), focus, keys) {
                event.prevent_default();
                on_action.emit(action);
            }
        })
    };
    let focus_in = {
        let on_action = on_action.clone();
        Callback::from(move |_: FocusEvent| {
            if focus.is_none() {
                on_action.emit(focus_at(keys.panel, start, true));
            }
        })
    };
    let focus_out = {
        let on_action = on_action.clone();
        Callback::from(move |_: FocusEvent| on_action.emit(Action::Focus(None)))
    };
    let pointer = pointer_handlers(props, frame, container, drag_from);
    Handlers {
        pointer_move: pointer.pointer_move,
        pointer_down: pointer.pointer_down,
        end_drag: pointer.end_drag,
        pointer_leave: pointer.pointer_leave,
        key_down,
        focus_in,
        focus_out,
    }
}

/// Focus on `position` of panel `panel`, first line.
fn focus_at(panel: usize, position: usize, keyboard: bool) -> Action {
    Action::Focus(Some(Focus {
        panel,
        position,
        series: 0,
        keyboard,
    }))
}

/// The pointer's handlers: moving focuses the period under the pointer,
/// or, dragging a timeline, pans it.
struct PointerHandlers {
    pointer_move: Callback<PointerEvent>,
    pointer_down: Callback<PointerEvent>,
    end_drag: Callback<PointerEvent>,
    pointer_leave: Callback<PointerEvent>,
}

/// See [`PointerHandlers`].
fn pointer_handlers(
    props: &ChartProps,
    frame: &Rc<Frame>,
    container: &NodeRef,
    drag_from: Rc<RefCell<Option<f64>>>,
) -> PointerHandlers {
    let index = props.index;
    let zoomable = props.panel.zoomable;
    let on_action = props.on_action.clone();
    let focus = props.focus;
    let count = frame.viewport.count();
    let pointer_x = {
        let container = container.clone();
        move |event: &PointerEvent| -> Option<f64> {
            Some(local_x(&container.cast::<Element>()?, event.client_x()))
        }
    };
    let pointer_move = {
        let (frame, on_action, drag_from, pointer_x) = (
            frame.clone(),
            on_action.clone(),
            drag_from.clone(),
            pointer_x.clone(),
        );
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
            if position != focus.map(|f| f.position) {
                on_action.emit(match position {
                    Some(p) => focus_at(index, p, false),
                    None => Action::Focus(None),
                });
            }
        })
    };
    let pointer_down = {
        let drag_from = drag_from.clone();
        Callback::from(move |event: PointerEvent| {
            if zoomable && event.is_primary() {
                *drag_from.borrow_mut() = pointer_x(&event);
            }
        })
    };
    let end_drag = {
        let drag_from = drag_from.clone();
        Callback::from(move |_: PointerEvent| *drag_from.borrow_mut() = None)
    };
    let pointer_leave = Callback::from(move |_: PointerEvent| {
        *drag_from.borrow_mut() = None;
        on_action.emit(Action::Focus(None));
    });
    PointerHandlers {
        pointer_move,
        pointer_down,
        end_drag,
        pointer_leave,
    }
}

/// The crosshair at the focused period and a marker on each line's point
/// there (larger on the line the keyboard is on).
fn overlay(panel: &Panel, frame: &Frame, focus: Focus, theme: &Theme) -> Html {
    let x = frame.x(focus.position as f64);
    let current = panel.series_order().get(focus.series).copied();
    let markers = panel
        .focus_markers(focus.position, current)
        .into_iter()
        .map(|FocusMarker { role, value, current }| {
            html! {
                <circle class={classes!("outturn-focus-marker", current.then_some("outturn-focus-current"))}
                    cx={format!("{x:.1}")} cy={format!("{:.1}", frame.y(value))} r={if current { "9" } else { "7" }}
                    stroke={hex(role.colour(theme))} />
            }
        });
    html! {
        <svg class="outturn-overlay" width={frame.width.to_string()} height={frame.height.to_string()}
            viewBox={format!("0 0 {} {}", frame.width, frame.height)} aria-hidden="true" focusable="false">
            <line class="outturn-crosshair" x1={format!("{x:.1}")} x2={format!("{x:.1}")}
                y1={frame.plot.top.to_string()} y2={frame.plot.bottom.to_string()} />
            { for markers }
        </svg>
    }
}

/// The tooltip of period `position`: its figures, and where it stands in
/// words and a shape as well as colour.
fn tip(panel: &Panel, position: usize, id: &str, node: &NodeRef) -> Html {
    let Some(detail) = panel.details.get(position) else {
        return Html::default();
    };
    html! {
        <div class="outturn-tooltip" role="tooltip" id={id.to_string()} ref={node.clone()}>
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
}

/// The timeline's zoom and pan buttons, and what it shows in words.
fn zoom_controls(panel: &Panel, frame: &Frame, on_action: &Callback<Action>) -> Html {
    let count = frame.viewport.count();
    let button = |label: &'static str, class: &'static str, action: Action| {
        let on_action = on_action.clone();
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
}
