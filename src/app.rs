//! The widget component, [`App`]: it calls the hooks (`hooks/`: the state
//! and its loading, styles, colours, width, URL hash, host status), derives
//! what to show, and lays out the components. The markup is split into one
//! method of `Page` per part of the widget (header, overview, indicator,
//! panel, table).

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use outturn_core::chart::Theme;
use outturn_core::model::Dataset;
use outturn_core::view::{
    has_parts, has_target, Breakdown, DashboardEntry, IndicatorView, Panel, Scorecard, View,
};
use yew::prelude::*;

use crate::components::{
    BreakdownTable, Chart, Dashboard, ExportBar, FileLoader, ImportBar, IndicatorPicker, Legend,
    Notes, PanelTable, ProblemsPanel, ScorecardTable, ThemeSelect, ViewControls, ViewTabs,
    YearSelect,
};
use crate::hooks::{
    use_breakdown, use_callbacks, use_dashboard, use_file_drop, use_hash_route, use_host_state,
    use_indicator_view, use_load, use_navigate, use_resize, use_scorecard, use_styles, use_theme,
    Callbacks,
};
use crate::props::AppProps;
use crate::state::{LoadStatus, Shared, State};

/// Widgets mounted so far on this page, for unique element ids.
static WIDGETS: AtomicU32 = AtomicU32::new(0);

/// The overview's entries by group, as [`use_dashboard()`] gives them.
type Groups = Rc<Vec<(String, Vec<DashboardEntry>)>>;

/// One Outturn widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    // The hooks' effects run in this order after each render: load,
    // navigate, colours, styles, width, URL hash, host status.
    let state = use_load(props);
    let id = use_memo((), |_| {
        format!("outturn-{}", WIDGETS.fetch_add(1, Ordering::Relaxed))
    });
    let root = use_node_ref();
    let chart_box = use_node_ref();
    use_navigate(state.dispatcher(), &props.route);
    let theme = use_theme(&state, root.clone());
    use_styles(state.dispatcher(), root.clone());
    use_resize(state.dispatcher(), root.clone(), chart_box.clone());
    use_hash_route(&state, props.owns_url);

    let view = use_indicator_view(&state);
    let showing_dashboard = state.options.view == View::Dashboard;
    // Data with no target has no scorecard: its indicator view shows.
    let showing_scorecard = state.options.view == View::Scorecard
        && state
            .dataset
            .as_ref()
            .is_some_and(|d| d.indicators.iter().any(|i| has_target(i)));
    // An indicator without parts has no breakdown: its chart shows.
    let showing_breakdown = state.options.view == View::Breakdown
        && state
            .dataset
            .as_ref()
            .zip(state.indicator.as_deref())
            .is_some_and(|(d, id)| has_parts(d, id));
    let entries = use_dashboard(&state, showing_dashboard);
    let card = use_scorecard(&state, showing_scorecard);
    let parts = use_breakdown(&state, showing_breakdown);
    let callbacks = use_callbacks(state.dispatcher());
    let files = use_file_drop(state.dispatcher());
    let drawn = if showing_dashboard {
        !entries.is_empty()
    } else if showing_scorecard {
        card.is_some()
    } else if showing_breakdown {
        parts.is_some()
    } else {
        view.is_some() && state.width > 0
    };
    let status = widget_status(&state, drawn);
    use_host_state(status, root.clone(), props.start.host.clone());

    let page = Page {
        id: &id,
        state: &state,
        theme,
        callbacks: &callbacks,
        view: view.as_ref(),
    };
    let header = state.dataset.as_ref().map(|dataset| page.header(dataset));
    let body = match (&state.dataset, &view) {
        (Some(dataset), _) if showing_dashboard => page.dashboard(dataset, &entries),
        _ if showing_scorecard => card.map(|card| page.scorecard(card)).unwrap_or_default(),
        _ if showing_breakdown => parts.map(|parts| page.breakdown(parts)).unwrap_or_default(),
        (_, Some(view)) => page.indicator(view),
        _ => Html::default(),
    };
    let table_page = showing_dashboard || showing_scorecard || showing_breakdown;
    // A narrow chart's legend is compact (outturn.css, .outturn-narrow).
    let narrow = state.width > 0 && outturn_core::chart::narrow_chart(f64::from(state.width));
    let announcement = announcement(&state, view.as_ref(), table_page);
    html! {
        <div class={classes!("outturn-root", narrow.then_some("outturn-narrow"))} lang="en-GB" ref={root} data-outturn-state={status} data-theme={state.theme.slug()}
            data-view={state.options.view.slug()} aria-busy={(status == "loading").then_some("true")}
            ondragover={files.on_drag_over} ondrop={files.on_drop}>
            { for header }
            <ProblemsPanel problems={state.problems.clone()} failed={state.status == LoadStatus::Failed} />
            if let Some(message) = state.loading.as_ref().filter(|_| state.status == LoadStatus::Loading) {
                <p class="outturn-loading" role="status">{ message.clone() }</p>
            }
            <div class="outturn-sr-only outturn-announcer" aria-live="polite" aria-atomic="true">{ announcement }</div>
            <section class={classes!("outturn-figure", (view.is_none() && !table_page).then_some("outturn-empty"))}
                aria-labelledby={format!("{id}-title")}>
                <div class="outturn-chart-box" ref={chart_box}>{ body }</div>
            </section>
            <footer class="outturn-footer">
                <FileLoader id={format!("{id}-file")} on_file={files.on_file} />
                <ThemeSelect id={format!("{id}-theme")} current={state.theme} on_action={callbacks.on_action.clone()} />
                <ImportBar id={id.to_string()} current={state.dataset.clone().map(Shared)} theme={state.theme.slug()} on_action={callbacks.on_action.clone()} />
            </footer>
        </div>
    }
}

/// The widget's status, as the root and the host carry it: "ready" only
/// once something is drawn (`drawn`) with the styles applied.
fn widget_status(state: &State, drawn: bool) -> &'static str {
    match state.status {
        LoadStatus::Failed => "error",
        LoadStatus::Ready if drawn && state.styles_loaded => "ready",
        _ => "loading",
    }
}

/// What the keyboard just moved to in a chart, for the polite live region
/// (nothing on the overview, the scorecard or a breakdown, `table_page`, which have no
/// chart to move in).
fn announcement(state: &State, view: Option<&Rc<IndicatorView>>, table_page: bool) -> String {
    state
        .focus
        .filter(|focus| focus.keyboard && !table_page)
        .and_then(|focus| {
            let panel = view?.panels.get(focus.panel)?;
            Some(panel.announcement(focus.position, focus.series))
        })
        .unwrap_or_default()
}

/// What the markup functions read, gathered once per render.
struct Page<'a> {
    /// The widget's id, the prefix of its element ids.
    id: &'a str,
    /// The widget's state.
    state: &'a State,
    /// The chart colours.
    theme: Theme,
    /// The callbacks made once per widget.
    callbacks: &'a Callbacks,
    /// The current indicator's view, if one is showing or could be.
    view: Option<&'a Rc<IndicatorView>>,
}

impl Page<'_> {
    /// The dataset's title, the indicator and year pickers and the view tabs.
    fn header(&self, dataset: &Rc<Dataset>) -> Html {
        let (id, state, on_action) = (self.id, self.state, &self.callbacks.on_action);
        let years = self
            .view
            .map(|v| v.indicator.years.iter().map(|y| y.year).collect::<Vec<_>>())
            .unwrap_or_default();
        let meta = [dataset.organisation.clone(), Some(state.source.clone())]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let available: Vec<(View, &'static str)> = match self.view {
            Some(view) => view
                .available
                .iter()
                .map(|tab| (*tab, tab.label_for(&view.indicator)))
                .collect(),
            None => [View::Dashboard, View::Budget]
                .map(|tab| (tab, tab.label()))
                .to_vec(),
        };
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
                        on_select={self.callbacks.on_select.clone()}
                        on_search={self.callbacks.on_search.clone()}
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
    }

    /// The overview: one card per indicator.
    fn dashboard(&self, dataset: &Rc<Dataset>, groups: &Groups) -> Html {
        html! {
            <Dashboard
                title_id={format!("{}-title", self.id)}
                groups={Shared(groups.clone())}
                dataset={Shared(dataset.clone())}
                year={self.state.year}
                order={self.state.order}
                on_open={self.callbacks.on_open.clone()}
                on_action={self.callbacks.on_action.clone()}
                theme={self.theme}
            />
        }
    }

    /// The scorecard: one row per indicator with a target.
    fn scorecard(&self, card: Rc<Scorecard>) -> Html {
        html! {
            <ScorecardTable
                title_id={format!("{}-title", self.id)}
                scorecard={Shared(card)}
                sort={self.state.scorecard_sort}
                filter={self.state.status_filter}
                on_open={self.callbacks.on_open.clone()}
                on_action={self.callbacks.on_action.clone()}
                theme={self.theme}
            />
        }
    }

    /// The breakdown: the selected indicator's parts.
    fn breakdown(&self, parts: Rc<Breakdown>) -> Html {
        html! {
            <BreakdownTable
                title_id={format!("{}-title", self.id)}
                breakdown={Shared(parts)}
                sort={self.state.breakdown_sort}
                own_scale={self.state.own_scale}
                period={self.state.breakdown_period}
                on_action={self.callbacks.on_action.clone()}
                on_open={self.callbacks.on_open.clone()}
                theme={self.theme}
            />
        }
    }

    /// One indicator's view: title, subtitle, view controls, its panels,
    /// the sentences under them, its tables and notes.
    fn indicator(&self, view: &Rc<IndicatorView>) -> Html {
        let indicator = &view.indicator;
        let single = view.panels.len() == 1;
        let panels = view.panels.iter().enumerate();
        html! {
            <>
                <h2 class="outturn-title" id={format!("{}-title", self.id)}>{ indicator.title.clone() }</h2>
                <p class="outturn-subtitle">{ view.subtitle.clone() }</p>
                <ViewControls
                    id={format!("{}-controls", self.id)}
                    view={view.view}
                    options={self.state.options.clone()}
                    as_at_choices={view.as_at_choices.clone()}
                    on_action={self.callbacks.on_action.clone()}
                />
                { for panels.clone().map(|(index, panel)| self.panel(view, index, panel, single)) }
                <p class="outturn-headline">{ view.headline.clone() }</p>
                if let Some(sentence) = &view.projection_sentence {
                    <p class="outturn-projection">{ sentence.clone() }</p>
                }
                if let Some(cost) = &view.cost {
                    <p class="outturn-cost">{ cost.clone() }</p>
                }
                { for view.printed.iter().map(|text| html! { <p class="outturn-printed">{ text.clone() }</p> }) }
                { for panels.map(|(index, panel)| self.table(view, index, panel, single)) }
                <Notes notes={view.indicator.notes.clone()} source={view.indicator.source.clone()} />
            </>
        }
    }

    /// Panel `index` of `view` as a figure: its caption and summary, its
    /// legend, and (once the width is known) its export bar and chart.
    /// `single`: the only panel, whose caption the title already gives.
    fn panel(&self, view: &IndicatorView, index: usize, panel: &Rc<Panel>, single: bool) -> Html {
        let (id, state, theme) = (self.id, self.state, self.theme);
        let panel = Shared(panel.clone());
        let window = panel.zoomable.then_some(state.options.window).flatten();
        let focus = state.focus.filter(|f| f.panel == index);
        let caption_id = format!("{id}-caption-{index}");
        let summary_id = format!("{id}-summary-{index}");
        let caption_class = if single {
            "outturn-sr-only"
        } else {
            "outturn-panel-title"
        };
        html! {
            <figure class="outturn-panel" data-panel={panel.kind.slug()}
                aria-labelledby={caption_id.clone()} aria-describedby={summary_id.clone()}>
                <figcaption id={caption_id} class={caption_class}>{ panel.title.clone() }</figcaption>
                <p id={summary_id.clone()} class="outturn-sr-only outturn-summary">{ panel.summary.clone() }</p>
                <Legend
                    entries={panel.legend.clone()}
                    bands={panel.scene.band_sides()}
                    zone={!panel.scene.zones.is_empty()}
                    bars={panel.scene.bars.iter().map(|b| b.kind).collect::<Vec<_>>()}
                    hidden={state.options.hidden.clone()}
                    on_toggle={self.callbacks.on_toggle.clone()}
                    theme={theme}
                />
                if state.width > 0 {
                    <ExportBar
                        panel={panel.clone()}
                        title={format!("{}: {}", view.indicator.title, panel.title)}
                        stem={format!("{}-{}-{}", view.indicator.id, view.year, panel.kind.slug())}
                        width={state.width}
                        window={window}
                        theme={theme}
                    />
                    <Chart
                        id={format!("{id}-chart-{index}")}
                        index={index}
                        panel={panel.clone()}
                        width={state.width}
                        window={window}
                        focus={focus}
                        on_action={self.callbacks.on_action.clone()}
                        summary_id={summary_id}
                        theme={theme}
                    />
                }
            </figure>
        }
    }

    /// The figures table of panel `index` of `view`.
    fn table(&self, view: &Rc<IndicatorView>, index: usize, panel: &Panel, single: bool) -> Html {
        // Several tables need telling apart by name.
        let name = if single {
            String::new()
        } else {
            format!(": {}", panel.title)
        };
        html! {
            <PanelTable
                id={format!("{}-table-{index}", self.id)}
                view={Shared(view.clone())}
                index={index}
                window={panel.zoomable.then_some(self.state.options.window).flatten()}
                name={name}
                open={self.state.tables_open}
                on_action={self.callbacks.on_action.clone()}
            />
        }
    }
}
