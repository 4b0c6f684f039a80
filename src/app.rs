//! The widget: owns the state (one reducer), loads data, derives the view of
//! the current selection with `use_memo`, and lays out the components.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use outturn_core::analysis::CostConvention;
use outturn_core::chart::Theme;
use outturn_core::view::IndicatorView;
use outturn_core::{parse_dataset, Diagnostic};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use web_sys::Element;
use yew::prelude::*;

use crate::components::{
    Chart, FigureTable, FileLoader, IndicatorPicker, Legend, Notes, ProblemsPanel, YearSelect,
};
use crate::fetch::{fetch_text, read_file};
use crate::options::WidgetOptions;
use crate::state::{Action, LoadStatus, State};
use crate::theme::read_theme;
use crate::{DEFAULT_DATA, DEFAULT_DATA_NAME};

/// Widgets mounted so far on this page, for unique element ids.
static WIDGETS: AtomicU32 = AtomicU32::new(0);

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Start-up options (data source, first indicator and year).
    pub options: WidgetOptions,
}

/// Parses loaded text into the action that records the result.
fn load_action(text: Result<String, Diagnostic>, source: String) -> Action {
    match text.map(|text| parse_dataset(&text)) {
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

/// One Outturn widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let options = props.options.clone();
        use_reducer(move || State::new(options.indicator, options.year.as_deref()))
    };
    let id = use_memo((), |_| {
        format!("outturn-{}", WIDGETS.fetch_add(1, Ordering::Relaxed))
    });
    let root = use_node_ref();
    let chart_box = use_node_ref();
    let theme = use_state(Theme::light);

    // Load the configured data once, or the built-in dataset.
    {
        let dispatcher = state.dispatcher();
        let src = props.options.src.clone();
        use_effect_with((), move |_| match src {
            Some(src) => {
                dispatcher.dispatch(Action::LoadStarted);
                wasm_bindgen_futures::spawn_local(async move {
                    let text = fetch_text(&src).await;
                    dispatcher.dispatch(load_action(text, src));
                });
            }
            None => dispatcher.dispatch(load_action(
                Ok(DEFAULT_DATA.to_string()),
                DEFAULT_DATA_NAME.to_string(),
            )),
        });
    }

    // Colours come from the widget's CSS custom properties.
    {
        let root = root.clone();
        let theme = theme.clone();
        use_effect_with((), move |_| {
            if let Some(element) = root.cast::<Element>() {
                theme.set(read_theme(&element));
            }
        });
    }

    // Track the chart area's width so the chart is laid out for it. The
    // observer watches the widget root (an element that lives as long as the
    // widget) and reads the chart area through its NodeRef at each change,
    // because the chart area itself may be re-created between renders.
    {
        let dispatcher = state.dispatcher();
        let chart_box = chart_box.clone();
        use_effect_with(root.clone(), move |root| {
            let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| {
                if let Some(element) = chart_box.cast::<Element>() {
                    dispatcher.dispatch(Action::Resize(element.client_width().max(0) as u32));
                }
            });
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

    let view: Rc<Option<Rc<IndicatorView>>> = use_memo(
        (
            state.dataset.clone().map(crate::state::Shared),
            state.indicator.clone(),
            state.year,
        ),
        |(dataset, indicator, year)| {
            let (dataset, indicator, year) = (dataset.as_ref()?, indicator.as_deref()?, (*year)?);
            IndicatorView::new(&dataset.0, indicator, year, CostConvention::default()).map(Rc::new)
        },
    );

    let view: Option<Rc<IndicatorView>> = (*view).clone();

    let on_select = {
        let dispatcher = state.dispatcher();
        Callback::from(move |id: String| dispatcher.dispatch(Action::SelectIndicator(id)))
    };
    let on_search = {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: String| dispatcher.dispatch(Action::Search(text)))
    };
    let on_year = {
        let dispatcher = state.dispatcher();
        Callback::from(move |year| dispatcher.dispatch(Action::SelectYear(year)))
    };
    let on_focus = {
        let dispatcher = state.dispatcher();
        Callback::from(move |period| dispatcher.dispatch(Action::Focus(period)))
    };
    let on_file = {
        let dispatcher = state.dispatcher();
        Callback::from(move |file: web_sys::File| {
            let dispatcher = dispatcher.clone();
            dispatcher.dispatch(Action::LoadStarted);
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = read_file(file).await;
                dispatcher.dispatch(load_action(text, name));
            });
        })
    };

    let drawn = view.is_some() && state.width > 0;
    let status = match state.status {
        LoadStatus::Failed => "error",
        LoadStatus::Ready if drawn => "ready",
        _ => "loading",
    };

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
        html! {
            <header class="outturn-header">
                <p class="outturn-dataset">
                    <span class="outturn-dataset-title">{ dataset.title.clone() }</span>
                    <span class="outturn-dataset-meta">{ meta }</span>
                </p>
                <div class="outturn-controls">
                    <IndicatorPicker
                        id={format!("{id}-indicator")}
                        dataset={dataset.clone()}
                        selected={state.indicator.clone()}
                        search={state.search.clone()}
                        on_select={on_select.clone()}
                        on_search={on_search.clone()}
                    />
                    <YearSelect
                        id={format!("{id}-year")}
                        years={years}
                        selected={state.year}
                        on_select={on_year.clone()}
                    />
                </div>
            </header>
        }
    });

    let figure = view.as_ref().map(|view| {
        let indicator = &view.indicator;
        let unit = indicator.unit.label.trim();
        let subtitle = format!(
            "{} by {}, financial year {} (April to March)",
            if unit.is_empty() { "Figures" } else { unit },
            indicator.periods.noun(),
            view.year
        );
        html! {
            <>
                <h2 class="outturn-title" id={format!("{id}-title")}>{ indicator.title.clone() }</h2>
                <p class="outturn-subtitle">{ capitalise(&subtitle) }</p>
                <Legend scene={Rc::new(view.scene.clone())} theme={*theme} />
            </>
        }
    });

    let chart = match (&view, state.width) {
        (Some(view), width) if width > 0 => html! {
            <Chart
                id={format!("{id}-chart")}
                view={view.clone()}
                width={width}
                focus={state.focus}
                on_focus={on_focus}
                theme={*theme}
            />
        },
        _ => Html::default(),
    };

    let below = view.as_ref().map(|view| {
        html! {
            <>
                <p class="outturn-headline">{ view.headline.clone() }</p>
                if let Some(cost) = &view.cost {
                    <p class="outturn-cost">{ cost.clone() }</p>
                }
                { for view.printed.iter().map(|text| html! { <p class="outturn-printed">{ text.clone() }</p> }) }
                <FigureTable table={Rc::new(view.table.clone())} />
                <Notes notes={view.indicator.notes.clone()} source={view.indicator.source.clone()} />
            </>
        }
    });

    html! {
        <div class="outturn" ref={root} data-outturn-state={status} aria-busy={(status == "loading").then_some("true")}>
            { for header }
            <ProblemsPanel problems={state.problems.clone()} failed={state.status == LoadStatus::Failed} />
            <section class={classes!("outturn-figure", view.is_none().then_some("outturn-empty"))} aria-labelledby={format!("{id}-title")}>
                { for figure }
                <div class="outturn-chart-box" ref={chart_box}>{ chart }</div>
                { for below }
            </section>
            <footer class="outturn-footer">
                <FileLoader id={format!("{id}-file")} on_file={on_file} />
            </footer>
        </div>
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
