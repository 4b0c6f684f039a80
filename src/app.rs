//! The widget: owns the state (one reducer), loads data, keeps the URL in
//! step (for the widget that owns it), derives what to show with `use_memo`,
//! and lays out the components.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use gloo::events::EventListener;
use outturn_core::chart::Theme;
use outturn_core::format::capitalise;
use outturn_core::view::{dashboard, DashboardEntry, IndicatorView, View, ViewOptions};
use outturn_core::{parse_dataset, Diagnostic};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use web_sys::Element;
use yew::prelude::*;

use crate::components::{
    Chart, Dashboard, ExportBar, FileLoader, IndicatorPicker, Legend, Notes, PanelTable,
    ProblemsPanel, ThemeSelect, ViewControls, ViewTabs, YearSelect,
};
use crate::fetch::{fetch_text, next_frame, read_file, take_loaded};
use crate::page::{default_data, styles_apply, DefaultData, DEFAULT_DATA_NAME};
use crate::route::UrlText as _;
use crate::state::Route;
use crate::state::{Action, Focus, LoadStatus, Shared, State};
use crate::theme::read_theme;
use crate::timing::timed;

/// Widgets mounted so far on this page, for unique element ids.
static WIDGETS: AtomicU32 = AtomicU32::new(0);

/// Data given inline (an `application/json` script element or `mount()`'s
/// `data` option) rather than by URL.
#[derive(Debug, Clone, PartialEq)]
pub struct InlineData {
    /// The JSON text.
    pub text: AttrValue,
    /// How it is named in messages.
    pub name: AttrValue,
}

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Selection and data source; a change navigates (and reloads when the
    /// source changes).
    pub route: Route,
    /// True for the one widget that reads and writes the page URL's hash.
    pub owns_url: bool,
    /// Inline data, used instead of `route.src`.
    #[prop_or_default]
    pub data: Option<InlineData>,
    /// How long a data URL may take, in milliseconds (host `data-timeout`).
    #[prop_or(crate::fetch::DEFAULT_TIMEOUT_MS)]
    pub timeout_ms: u32,
    /// What is known as the widget mounts.
    #[prop_or_default]
    pub start: Start,
}

/// What is known before a widget's first render (mount.rs finds it as it
/// mounts), so that the first render can already draw the chart when the
/// data is here, instead of drawing an empty widget and waiting a round of
/// effects (and perhaps a frame) for the width, the styles and the data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Start {
    /// The host element, whose `data-outturn-state` mirrors the state.
    pub host: Option<Element>,
    /// The chart area's expected width in CSS pixels; 0 when unknown. A
    /// first guess only: the widget measures the chart area once rendered
    /// and lays the chart out again if it differs.
    pub width: u32,
    /// The widget's stylesheet already applies.
    pub styles_ready: bool,
}

/// Parses loaded text into the action that records the result.
fn load_action(text: Result<String, Diagnostic>, source: String) -> Action {
    match text.map(|text| timed("outturn:parse", || parse_dataset(&text))) {
        Ok(Ok(parsed)) => Action::Loaded {
            dataset: Rc::new(parsed.dataset),
            warnings: parsed.warnings,
            source,
        },
        Ok(Err(error)) => Action::LoadFailed {
            source,
            problems: error.diagnostics,
        },
        Err(problem) => Action::LoadFailed {
            source,
            problems: vec![problem],
        },
    }
}

/// Files larger than this (bytes) show "Checking…" before they are parsed.
const SHOW_CHECKING_BYTES: usize = 1 << 20;

/// Parses loaded text, first showing that it is being checked and letting
/// the browser paint that, because a large file takes a moment to parse.
async fn finish_load(
    dispatcher: &UseReducerDispatcher<State>,
    text: Result<String, Diagnostic>,
    source: String,
) {
    // Small files parse within a frame: showing a status first would only
    // delay the chart.
    if let Some(text) = text
        .as_ref()
        .ok()
        .filter(|text| text.len() > SHOW_CHECKING_BYTES)
    {
        let size = outturn_core::format::format_megabytes(text.len());
        dispatcher.dispatch(Action::LoadStarted(format!("Checking {source} ({size})…")));
        next_frame().await;
    }
    dispatcher.dispatch(load_action(text, source));
}

/// Where a widget's data comes from.
enum Source {
    /// JSON text given inline, and how it is named in messages.
    Text { text: String, name: String },
    /// A URL, and how it is named in messages.
    Url { url: String, name: String },
}

impl Source {
    /// The source for a widget's `data-src` (`src`) or inline `data`: the
    /// sample dataset when neither is given.
    fn of(src: Option<&String>, data: Option<&InlineData>) -> Self {
        match (src, data) {
            (_, Some(data)) => Source::Text {
                text: data.text.to_string(),
                name: data.name.to_string(),
            },
            (Some(src), None) => Source::Url {
                url: src.clone(),
                name: src.clone(),
            },
            (None, None) => match default_data() {
                DefaultData::Inline(text) => Source::Text {
                    text,
                    name: DEFAULT_DATA_NAME.to_string(),
                },
                DefaultData::Url(url) => Source::Url {
                    url,
                    name: DEFAULT_DATA_NAME.to_string(),
                },
            },
        }
    }

    /// The action that loads this source if its data is already here
    /// (inline, or read ahead by the loader), or else the URL to fetch and
    /// its name.
    fn load_now(self) -> Result<Action, (String, String)> {
        match self {
            Source::Text { text, name } => Ok(load_action(Ok(text), name)),
            Source::Url { url, name } => match take_loaded(&url) {
                Some(text) => Ok(load_action(text, name)),
                None => Err((url, name)),
            },
        }
    }
}

/// Fetches `url`, reported as `name`, within `timeout_ms`, showing that it
/// is loading.
fn fetch_url(dispatcher: &UseReducerDispatcher<State>, url: String, name: String, timeout_ms: u32) {
    dispatcher.dispatch(Action::LoadStarted(format!("Loading {name}…")));
    let dispatcher = dispatcher.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let text = fetch_text(&url, timeout_ms).await;
        finish_load(&dispatcher, text, name).await;
    });
}

/// One Outturn widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let source = (props.route.src.clone(), props.data.clone());
    // Set when the data was already here for the first render, so that the
    // load effect's first run has nothing left to do.
    let loaded_at_start = use_mut_ref(|| false);
    let state = {
        let route = props.route.clone();
        let start = props.start.clone();
        let source = source.clone();
        let loaded_at_start = loaded_at_start.clone();
        use_reducer(move || {
            let mut state = Rc::new(State::new(&route));
            if start.width > 0 {
                state = state.reduce(Action::Resize(start.width));
            }
            if start.styles_ready {
                state = state.reduce(Action::StylesLoaded);
            }
            if let Ok(action) = Source::of(source.0.as_ref(), source.1.as_ref()).load_now() {
                *loaded_at_start.borrow_mut() = true;
                state = state.reduce(action);
            }
            Rc::unwrap_or_clone(state)
        })
    };
    let id = use_memo((), |_| {
        format!("outturn-{}", WIDGETS.fetch_add(1, Ordering::Relaxed))
    });
    let root = use_node_ref();
    let chart_box = use_node_ref();
    // Set only when the colours differ: the first render draws with the
    // light theme, which is what the stylesheet gives unless the reader
    // chose or the system asks for another.
    let theme = use_state_eq(Theme::light);

    // Load the configured data (inline, by URL, or the sample dataset),
    // again whenever the source changes through `update()`.
    {
        let dispatcher = state.dispatcher();
        let timeout_ms = props.timeout_ms;
        use_effect_with(source, move |(src, data)| {
            if std::mem::take(&mut *loaded_at_start.borrow_mut()) {
                return;
            }
            match Source::of(src.as_ref(), data.as_ref()).load_now() {
                Ok(action) => dispatcher.dispatch(action),
                Err((url, name)) => fetch_url(&dispatcher, url, name, timeout_ms),
            }
        });
    }
    // A new selection through `update()` navigates like a link would.
    {
        let dispatcher = state.dispatcher();
        let first = use_mut_ref(|| true);
        let route = Route {
            src: None,
            ..props.route.clone()
        };
        use_effect_with(route, move |route| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                dispatcher.dispatch(Action::Navigate(route.clone()));
            }
        });
    }

    // Chart colours come from the widget's CSS custom properties: read them
    // again when the theme choice or the system's colour scheme changes.
    {
        let root = root.clone();
        let theme = theme.clone();
        use_effect_with((state.theme, state.media_epoch), move |_| {
            if let Some(element) = root.cast::<Element>() {
                theme.set(read_theme(&element));
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        let root = root.clone();
        use_effect_with((), move |_| {
            // The stylesheet inside the shadow root may load after the first
            // render: read the colours again when it does.
            let shadow = root
                .cast::<Element>()
                .map(|element| element.get_root_node())
                .and_then(|node| node.dyn_into::<web_sys::ShadowRoot>().ok());
            // "ready" waits for the styles, so nothing reads the widget
            // (or prints it) unstyled: a <style> or a loaded <link> counts.
            let loaded = shadow.as_ref().is_some_and(styles_apply);
            if loaded {
                dispatcher.dispatch(Action::StylesLoaded);
            }
            // A stylesheet that fails to load must not keep the widget
            // from ever being ready: it then works unstyled.
            let on_styles: Vec<EventListener> = shadow
                .iter()
                .flat_map(|shadow| {
                    ["load", "error"].map(|event| {
                        let dispatcher = dispatcher.clone();
                        EventListener::new_with_options(
                            shadow,
                            event,
                            gloo::events::EventListenerOptions::run_in_capture_phase(),
                            move |_| {
                                dispatcher.dispatch(Action::StylesLoaded);
                                dispatcher.dispatch(Action::MediaChanged);
                            },
                        )
                    })
                })
                .collect();
            let listeners: Vec<EventListener> = [
                "(prefers-color-scheme: dark)",
                "(prefers-contrast: more)",
                "(forced-colors: active)",
            ]
            .into_iter()
            .filter_map(|query| gloo::utils::window().match_media(query).ok().flatten())
            .map(|query| {
                let dispatcher = dispatcher.clone();
                EventListener::new(&query, "change", move |_| {
                    dispatcher.dispatch(Action::MediaChanged)
                })
            })
            .collect();
            move || drop((listeners, on_styles))
        });
    }

    // Track the chart area's width so charts are laid out for it. The
    // observer watches the widget root (an element that lives as long as the
    // widget) and reads the chart area through its NodeRef at each change,
    // because the chart area itself may be re-created between renders.
    {
        let dispatcher = state.dispatcher();
        let chart_box = chart_box.clone();
        use_effect_with(root.clone(), move |root| {
            let measure = move || {
                if let Some(element) = chart_box.cast::<Element>() {
                    dispatcher.dispatch(Action::Resize(element.client_width().max(0) as u32));
                }
            };
            // The observer's first report comes with the next frame: measure
            // now as well, so data that is already here is drawn at once.
            measure();
            let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| measure());
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, root.cast::<Element>()) {
                observer.observe(&element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }

    // The URL hash follows the state (a new history entry per change, the
    // first one replaced), and back/forward or an edited hash navigate.
    let route = state.route();
    let first_write = use_mut_ref(|| true);
    {
        let owns_url = props.owns_url;
        let ready = state.dataset.is_some();
        use_effect_with((route.clone(), ready), move |(route, ready)| {
            if owns_url && *ready {
                let window = gloo::utils::window();
                let hash = format!("#{}", route.to_hash());
                if window.location().hash().unwrap_or_default() != hash {
                    if let Ok(history) = window.history() {
                        let replace = std::mem::replace(&mut *first_write.borrow_mut(), false);
                        let _ = if replace {
                            history.replace_state_with_url(
                                &wasm_bindgen::JsValue::NULL,
                                "",
                                Some(&hash),
                            )
                        } else {
                            history.push_state_with_url(
                                &wasm_bindgen::JsValue::NULL,
                                "",
                                Some(&hash),
                            )
                        };
                    }
                } else {
                    *first_write.borrow_mut() = false;
                }
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        let owns_url = props.owns_url;
        use_effect_with((), move |_| {
            let listeners = owns_url.then(|| {
                let window = gloo::utils::window();
                let navigate = move |_: &Event| {
                    let hash = gloo::utils::window().location().hash().unwrap_or_default();
                    dispatcher.dispatch(Action::Navigate(Route::parse(&hash)));
                };
                let again = navigate.clone();
                [
                    EventListener::new(&window, "popstate", navigate),
                    EventListener::new(&window, "hashchange", again),
                ]
            });
            move || drop(listeners)
        });
    }

    // The timeline's zoom window is left out: zooming lays the panel out
    // again (Chart's `window`) without building the view again.
    let view = use_memo(
        (
            state.dataset.clone().map(Shared),
            state.indicator.clone(),
            state.year,
            ViewOptions {
                window: None,
                ..state.options.clone()
            },
        ),
        |(dataset, indicator, year, options)| {
            let (dataset, indicator, year) = (dataset.as_ref()?, indicator.as_deref()?, (*year)?);
            timed("outturn:analyse", || {
                IndicatorView::new(&dataset.0, indicator, year, options).map(Rc::new)
            })
        },
    );
    let view: Option<Rc<IndicatorView>> = (*view).clone();
    let showing_dashboard = state.options.view == View::Dashboard;
    let entries = use_memo(
        (
            state.dataset.clone().map(Shared),
            state.year,
            state.order,
            showing_dashboard,
        ),
        |(dataset, year, order, showing)| -> Rc<Vec<(String, Vec<DashboardEntry>)>> {
            match (dataset, showing) {
                (Some(dataset), true) => Rc::new(timed("outturn:analyse", || {
                    dashboard(&dataset.0, *year, *order)
                })),
                _ => Rc::new(Vec::new()),
            }
        },
    );

    // Made once: a callback made anew at each render would count as a
    // changed prop, and re-render children that have not changed (a
    // 1,000-row table, the dashboard) on every pointer move.
    let callbacks = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            fn dispatch<T: 'static>(
                dispatcher: &UseReducerDispatcher<State>,
                make: fn(T) -> Action,
            ) -> Callback<T> {
                let dispatcher = dispatcher.clone();
                Callback::from(move |value: T| dispatcher.dispatch(make(value)))
            }
            let on_action = {
                let dispatcher = dispatcher.clone();
                Callback::from(move |action: Action| dispatcher.dispatch(action))
            };
            (
                dispatch(&dispatcher, Action::SelectIndicator),
                dispatch(&dispatcher, Action::OpenIndicator),
                dispatch(&dispatcher, Action::Search),
                dispatch(&dispatcher, Action::ToggleLine),
                on_action,
            )
        })
    };
    let (on_select, on_open, on_search, on_toggle, on_action) = (*callbacks).clone();
    let on_file = {
        let dispatcher = state.dispatcher();
        Callback::from(move |file: web_sys::File| {
            let dispatcher = dispatcher.clone();
            let name = file.name();
            dispatcher.dispatch(Action::LoadStarted(format!("Reading {name}…")));
            wasm_bindgen_futures::spawn_local(async move {
                let text = read_file(file).await;
                finish_load(&dispatcher, text, name).await;
            });
        })
    };

    // What the keyboard just moved to, for the polite live region.
    let announcement = state
        .focus
        .filter(|focus| focus.keyboard && !showing_dashboard)
        .and_then(|focus| {
            let panel = view.as_ref()?.panels.get(focus.panel)?;
            Some(panel.announcement(focus.position, focus.series))
        })
        .unwrap_or_default();

    // Dropping a file anywhere on the widget loads it, like the file picker.
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_drop = {
        let on_file = on_file.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(file) = event
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0))
            {
                on_file.emit(file);
            }
        })
    };

    let drawn = if showing_dashboard {
        !entries.is_empty()
    } else {
        view.is_some() && state.width > 0
    };
    let status = match state.status {
        LoadStatus::Failed => "error",
        LoadStatus::Ready if drawn && state.styles_loaded => "ready",
        _ => "loading",
    };

    // The state is mirrored on the host element too, for pages and tests
    // that look for it without entering the shadow root. It is written as
    // this render runs, not only in an effect: Yew may hand a frame to the
    // browser between committing a render and running its effects, and the
    // host would go on saying "loading" over a chart already drawn and
    // answering the pointer. Observers of the host still see the change only
    // once this render's DOM is in place, since mutation observers run as
    // microtasks, after Yew's render pass. The host comes from mount.rs; a
    // widget mounted without it finds it from its root once rendered.
    let mirror_status = {
        let root = root.clone();
        let host = props.start.host.clone();
        move |status: &str| {
            let host = host.clone().or_else(|| {
                root.cast::<Element>()
                    .map(|element| element.get_root_node())
                    .and_then(|node| node.dyn_into::<web_sys::ShadowRoot>().ok())
                    .map(|shadow| shadow.host())
            });
            if let Some(host) = host
                .filter(|host| host.get_attribute("data-outturn-state").as_deref() != Some(status))
            {
                let _ = host.set_attribute("data-outturn-state", status);
            }
        }
    };
    mirror_status(status);
    use_effect_with(status, move |status| mirror_status(status));

    let header = state.dataset.as_ref().map(|dataset| {
        let years = view
            .as_ref()
            .map(|v| v.indicator.years.iter().map(|y| y.year).collect::<Vec<_>>())
            .unwrap_or_default();
        let meta = [dataset.organisation.clone(), Some(state.source.clone())]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let available = view
            .as_ref()
            .map(|v| v.available.clone())
            .unwrap_or_else(|| vec![View::Dashboard, View::Budget]);
        html! {
            <header class="outturn-header">
                <p class="outturn-dataset">
                    <span class="outturn-dataset-title">{ dataset.title.clone() }</span>
                    <span class="outturn-dataset-meta">{ meta }</span>
                </p>
                <div class="outturn-controls">
                    <IndicatorPicker
                        id={format!("{id}-indicator")}
                        dataset={Shared(dataset.clone())}
                        selected={state.indicator.clone()}
                        search={state.search.clone()}
                        on_select={on_select.clone()}
                        on_search={on_search.clone()}
                    />
                    <YearSelect
                        id={format!("{id}-year")}
                        years={years}
                        selected={state.year}
                        on_action={on_action.clone()}
                    />
                </div>
                <ViewTabs current={state.options.view} available={available} on_action={on_action.clone()} />
            </header>
        }
    });

    let body = if let Some(dataset) = state.dataset.clone().filter(|_| showing_dashboard) {
        html! {
            <Dashboard
                title_id={format!("{id}-title")}
                groups={Shared((*entries).clone())}
                dataset={Shared(dataset)}
                year={state.year}
                order={state.order}
                on_open={on_open}
                on_action={on_action.clone()}
                theme={*theme}
            />
        }
    } else {
        match &view {
            Some(view) => {
                let indicator = &view.indicator;
                let unit = indicator.unit.label.trim();
                let subtitle = format!(
                    "{} by {}, financial year {} (April to March)",
                    if unit.is_empty() { "Figures" } else { unit },
                    indicator.periods.noun(),
                    view.year
                );
                let single = view.panels.len() == 1;
                let panels = view.panels.iter().enumerate().map(|(index, panel)| {
                    let panel = Shared(panel.clone());
                    let window = panel.zoomable.then_some(state.options.window).flatten();
                    let on_focus = {
                        let dispatcher = state.dispatcher();
                        Callback::from(move |point: Option<(usize, usize, bool)>| {
                            dispatcher.dispatch(Action::Focus(point.map(|(position, series, keyboard)| Focus {
                                panel: index,
                                position,
                                series,
                                keyboard,
                            })))
                        })
                    };
                    let focus = state
                        .focus
                        .filter(|f| f.panel == index)
                        .map(|f| (f.position, f.series));
                    let caption_id = format!("{id}-caption-{index}");
                    let summary_id = format!("{id}-summary-{index}");
                    let caption_class = if single { "outturn-sr-only" } else { "outturn-panel-title" };
                    html! {
                        <figure class="outturn-panel" data-panel={panel.kind.slug()}
                            aria-labelledby={caption_id.clone()} aria-describedby={summary_id.clone()}>
                            <figcaption id={caption_id} class={caption_class}>{ panel.title.clone() }</figcaption>
                            <p id={summary_id.clone()} class="outturn-sr-only outturn-summary">{ panel.summary.clone() }</p>
                            <Legend
                                entries={panel.legend.clone()}
                                bands={[false, true].into_iter().filter(|over| panel.scene.bands.iter().any(|b| b.over == *over)).collect::<Vec<_>>()}
                                bars={panel.scene.bars.iter().map(|b| b.kind).collect::<Vec<_>>()}
                                hidden={state.options.hidden.clone()}
                                on_toggle={on_toggle.clone()}
                                theme={*theme}
                            />
                            if state.width > 0 {
                                <ExportBar
                                    panel={panel.clone()}
                                    title={format!("{}: {}", view.indicator.title, panel.title)}
                                    stem={format!("{}-{}-{}", view.indicator.id, view.year, panel.kind.slug())}
                                    width={state.width}
                                    window={window}
                                    theme={*theme}
                                />
                                <Chart
                                    id={format!("{id}-chart-{index}")}
                                    panel={panel.clone()}
                                    width={state.width}
                                    window={window}
                                    focus={focus}
                                    on_focus={on_focus}
                                    on_action={on_action.clone()}
                                    summary_id={summary_id}
                                    theme={*theme}
                                />
                            }
                        </figure>
                    }
                });
                html! {
                    <>
                        <h2 class="outturn-title" id={format!("{id}-title")}>{ indicator.title.clone() }</h2>
                        <p class="outturn-subtitle">{ capitalise(&subtitle) }</p>
                        <ViewControls
                            id={format!("{id}-controls")}
                            view={view.view}
                            options={state.options.clone()}
                            as_at_choices={view.as_at_choices.clone()}
                            on_action={on_action.clone()}
                        />
                        { for panels }
                        <p class="outturn-headline">{ view.headline.clone() }</p>
                        if let Some(sentence) = &view.projection_sentence {
                            <p class="outturn-projection">{ sentence.clone() }</p>
                        }
                        if let Some(cost) = &view.cost {
                            <p class="outturn-cost">{ cost.clone() }</p>
                        }
                        { for view.printed.iter().map(|text| html! { <p class="outturn-printed">{ text.clone() }</p> }) }
                        { for view.panels.iter().enumerate().map(|(index, panel)| {
                            // Several tables need telling apart by name.
                            let name = if single {
                                String::new()
                            } else {
                                format!(": {}", panel.title)
                            };
                            html! {
                                <PanelTable
                                    id={format!("{id}-table-{index}")}
                                    view={Shared(view.clone())}
                                    index={index}
                                    window={panel.zoomable.then_some(state.options.window).flatten()}
                                    name={name}
                                    open={state.tables_open}
                                    on_action={on_action.clone()}
                                />
                            }
                        }) }
                        <Notes notes={view.indicator.notes.clone()} source={view.indicator.source.clone()} />
                    </>
                }
            }
            None => Html::default(),
        }
    };

    html! {
        <div class="outturn-root" lang="en-GB" ref={root} data-outturn-state={status} data-theme={state.theme.slug()}
            data-view={state.options.view.slug()} aria-busy={(status == "loading").then_some("true")}
            ondragover={on_drag_over} ondrop={on_drop}>
            { for header }
            <ProblemsPanel problems={state.problems.clone()} failed={state.status == LoadStatus::Failed} />
            if let Some(message) = state.loading.as_ref().filter(|_| state.status == LoadStatus::Loading) {
                <p class="outturn-loading" role="status">{ message.clone() }</p>
            }
            <div class="outturn-sr-only outturn-announcer" aria-live="polite" aria-atomic="true">{ announcement }</div>
            <section class={classes!("outturn-figure", (view.is_none() && !showing_dashboard).then_some("outturn-empty"))}
                aria-labelledby={format!("{id}-title")}>
                <div class="outturn-chart-box" ref={chart_box}>{ body }</div>
            </section>
            <footer class="outturn-footer">
                <FileLoader id={format!("{id}-file")} on_file={on_file} />
                <ThemeSelect id={format!("{id}-theme")} current={state.theme} on_action={on_action} />
            </footer>
        </div>
    }
}
