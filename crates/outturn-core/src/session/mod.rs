//! What a reader has loaded and chosen in one widget, and the one place it
//! changes: every user action, navigation and load result is an [`Action`],
//! applied by [`State::apply`]. Pure, so every rule is tested natively; the
//! widget holds a `State` in a Yew reducer and only dispatches actions.

use std::rc::Rc;

use crate::analysis::{CostConvention, ForecastMethod};
use crate::chart::{PanStep, SeriesRole, Viewport, ZoomStep};
use crate::model::FinancialYear;
use crate::view::{
    has_parts, mostly_performance, BreakdownSort, DashboardOrder, ScorecardSort, StatusFilter,
    View, ViewOptions,
};
use crate::{Dataset, Diagnostic};

mod keys;
mod route;

pub use keys::{chart_key, ChartKeys};
pub use route::Route;

/// Where loading stands; mirrored on the root element as `data-outturn-state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadStatus {
    /// Fetching or parsing data.
    Loading,
    /// Data loaded (the chart for the selection is drawn).
    Ready,
    /// The last load failed; problems say why. A previous dataset, if any,
    /// stays on screen and usable.
    Failed,
}

/// Problems from the last load, with what was being loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadProblems {
    /// File name or URL.
    pub source: String,
    /// Errors (when the load failed) or warnings (when it loaded).
    pub diagnostics: Vec<Diagnostic>,
}

/// Light, dark, or whatever the reader's system prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// High contrast (also chosen automatically by `prefers-contrast: more`).
    Contrast,
}

impl ThemeChoice {
    /// Every choice, in the order they are offered.
    pub const ALL: [ThemeChoice; 4] = [
        ThemeChoice::Auto,
        ThemeChoice::Light,
        ThemeChoice::Dark,
        ThemeChoice::Contrast,
    ];

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|choice| choice.slug() == slug)
    }

    /// How the choice is offered: "As my system", "Light", "Dark", "High
    /// contrast".
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "As my system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::Contrast => "High contrast",
        }
    }

    /// `auto`, `light`, `dark`, `contrast`: the `data-theme` value.
    pub fn slug(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
            ThemeChoice::Contrast => "contrast",
        }
    }
}

/// A point of a chart: which panel, x position and series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    /// Panel index in the view.
    pub panel: usize,
    /// x position in the panel.
    pub position: usize,
    /// Index into the panel's series order (0 = the main series).
    pub series: usize,
    /// True when the keyboard moved here (the move is announced).
    pub keyboard: bool,
}

/// Everything that can change in a widget.
#[derive(Debug, Clone)]
pub struct State {
    /// The loaded dataset, if any has loaded.
    pub dataset: Option<Rc<Dataset>>,
    /// Name of the loaded dataset (file name or URL).
    pub source: String,
    /// Loading state.
    pub status: LoadStatus,
    /// What is being loaded, shown while loading ("Reading data.json…").
    pub loading: Option<String>,
    /// Problems found by the last load.
    pub problems: Option<Rc<LoadProblems>>,
    /// Selected indicator id (may name one the data lacks until data loads).
    pub indicator: Option<String>,
    /// Selected financial year.
    pub year: Option<FinancialYear>,
    /// View, convention, method, as-at period, timeline window, hidden lines.
    pub options: ViewOptions,
    /// Dashboard ordering.
    pub order: DashboardOrder,
    /// Scorecard ordering.
    pub scorecard_sort: ScorecardSort,
    /// Which statuses the scorecard shows.
    pub status_filter: StatusFilter,
    /// Breakdown ordering.
    pub breakdown_sort: BreakdownSort,
    /// The breakdown's trends each on their own scale (default: one scale).
    pub own_scale: bool,
    /// The period the breakdown shows alone; `None` for the year.
    pub breakdown_period: Option<usize>,
    /// True once a view was asked for (by the link or the reader): a load
    /// then keeps it. Until then each load opens the data's first view,
    /// the scorecard for data that is mostly performance indicators.
    pub view_chosen: bool,
    /// Colour theme.
    pub theme: ThemeChoice,
    /// The point under the pointer or keyboard, for the tooltip and
    /// (from the keyboard) the announcement.
    pub focus: Option<Focus>,
    /// Whether the figures tables are shown on screen (they are always
    /// there for assistive technology).
    pub tables_open: bool,
    /// Text typed in the indicator search box.
    pub search: String,
    /// Width of the chart area in CSS pixels (0 until measured).
    pub width: u32,
    /// Bumped when the system's colour scheme, contrast or forced-colours
    /// setting changes, so chart colours are read again.
    pub media_epoch: u32,
    /// The widget's stylesheet has loaded (the widget is not "ready" before).
    pub styles_loaded: bool,
}

/// A change to the state.
#[derive(Debug, Clone)]
pub enum Action {
    /// A load began, or moved on (reading, checking); the text says so.
    LoadStarted(String),
    /// A dataset loaded; `warnings` may be empty.
    Loaded {
        /// The dataset.
        dataset: Rc<Dataset>,
        /// Warnings from validation.
        warnings: Vec<Diagnostic>,
        /// File name or URL.
        source: String,
    },
    /// A load failed.
    LoadFailed {
        /// File name or URL.
        source: String,
        /// Why.
        problems: Vec<Diagnostic>,
    },
    /// The user picked an indicator.
    SelectIndicator(String),
    /// The user opened an indicator from the dashboard, the scorecard or a
    /// breakdown (or a whole above it, from its trail): its breakdown where
    /// it has parts, else budget vs actual.
    OpenIndicator(String),
    /// The user picked a year.
    SelectYear(FinancialYear),
    /// The user picked a view.
    SelectView(View),
    /// The user picked a cost convention.
    SelectConvention(CostConvention),
    /// The user picked a projection method.
    SelectMethod(ForecastMethod),
    /// The user picked the forecast's "as at" period.
    SelectAsAt(usize),
    /// Zoom the timeline by a step, around a position.
    Zoom {
        /// In or out, and by how much.
        step: ZoomStep,
        /// Position that stays put; `None` for the middle of the window.
        centre: Option<f64>,
        /// Positions in the timeline as drawn (the window is fitted to them).
        count: usize,
    },
    /// Pan the timeline.
    Pan {
        /// Which way, and how far.
        step: PanStep,
        /// Positions in the timeline as drawn (the window is fitted to them).
        count: usize,
    },
    /// Show the whole timeline.
    ResetZoom,
    /// Show or hide a line through the legend.
    ToggleLine(SeriesRole),
    /// Reorder the dashboard.
    SelectOrder(DashboardOrder),
    /// Reorder the scorecard.
    SelectScorecardSort(ScorecardSort),
    /// Show only the scorecard rows with a status.
    FilterStatus(StatusFilter),
    /// Reorder the breakdown.
    SelectBreakdownSort(BreakdownSort),
    /// Draw the breakdown's trends each on its own scale, or all on one.
    ToggleOwnScale,
    /// Show the breakdown for one period alone, or (`None`) the year.
    SelectBreakdownPeriod(Option<usize>),
    /// Change the colour theme.
    SelectTheme(ThemeChoice),
    /// The URL changed (back/forward or an edited hash).
    Navigate(Route),
    /// The pointer or keyboard moved to a point (or left the chart).
    Focus(Option<Focus>),
    /// Step to the previous (-1) or next (+1) year of the indicator, keeping
    /// the keyboard's place (PageUp/PageDown in a chart).
    StepYear(i32),
    /// Show or hide the figures tables on screen.
    ToggleTables,
    /// The search text changed.
    Search(String),
    /// The chart area was resized.
    Resize(u32),
    /// A colour-related media query changed.
    MediaChanged,
    /// The widget's stylesheet finished loading.
    StylesLoaded,
}

impl State {
    /// The state before any data has loaded, with the requested selection.
    pub fn new(route: &Route) -> Self {
        let mut state = Self {
            dataset: None,
            source: String::new(),
            status: LoadStatus::Loading,
            loading: None,
            problems: None,
            indicator: None,
            year: None,
            options: ViewOptions::default(),
            order: DashboardOrder::default(),
            scorecard_sort: ScorecardSort::default(),
            status_filter: StatusFilter::default(),
            breakdown_sort: BreakdownSort::default(),
            own_scale: false,
            breakdown_period: None,
            view_chosen: false,
            theme: ThemeChoice::default(),
            focus: None,
            tables_open: false,
            search: String::new(),
            width: 0,
            media_epoch: 0,
            styles_loaded: false,
        };
        state.apply_route(route);
        state
    }

    /// The part of the state a link reproduces.
    pub fn route(&self) -> Route {
        Route {
            indicator: self.indicator.clone(),
            year: self.year,
            view: Some(self.options.view),
            method: Some(self.options.method),
            as_at: self.options.as_at,
            convention: Some(self.options.convention),
            src: None,
        }
    }

    fn apply_route(&mut self, route: &Route) {
        if let Some(id) = &route.indicator {
            self.indicator = Some(id.clone());
        }
        if let Some(year) = route.year {
            self.year = Some(year);
        }
        if let Some(view) = route.view {
            self.options.view = view;
            self.view_chosen = true;
        }
        if let Some(method) = route.method {
            self.options.method = method;
        }
        self.options.as_at = route.as_at;
        if let Some(convention) = route.convention {
            self.options.convention = convention;
        }
    }

    /// Makes the selection valid for the loaded dataset: the requested
    /// indicator if it exists (else the first, with a warning), and the
    /// requested year if that indicator has it (else its default year).
    fn settle_selection(&mut self, notes: &mut Vec<Diagnostic>) {
        let Some(dataset) = &self.dataset else {
            return;
        };
        let requested = self.indicator.clone();
        let indicator = requested
            .as_deref()
            .and_then(|id| dataset.indicator(id))
            .or_else(|| dataset.indicators.first().map(|first| &**first));
        if let (Some(id), Some(found)) = (&requested, indicator) {
            if found.id != *id {
                notes.push(Diagnostic::warning(
                    "indicator",
                    format!(
                        "this data has no indicator {}; showing {} instead",
                        crate::format::quoted(id),
                        crate::format::quoted(&found.id)
                    ),
                ));
            }
        }
        self.indicator = indicator.map(|i| i.id.clone());
        self.year = indicator.and_then(|i| match self.year {
            Some(year) if i.year(year).is_some() => Some(year),
            _ => i.default_year(),
        });
        self.focus = None;
    }

    /// The timeline's window over `count` positions: the one kept (fitted
    /// to them, should the data have changed since), or all of them.
    fn window_over(&self, count: usize) -> Viewport {
        self.options
            .window
            .map_or(Viewport::full(count), |window| window.over(count))
    }

    /// A new selection resets what belongs to the old one.
    fn reset_for_selection(&mut self) {
        self.options.window = None;
        self.breakdown_period = None;
        self.options.as_at = None;
        self.focus = None;
    }
}

impl State {
    /// False for an action that would change nothing: the width it
    /// already has, the styles already in.
    pub fn is_changed_by(&self, action: &Action) -> bool {
        !(matches!(action, Action::Resize(width) if *width == self.width)
            || matches!(action, Action::StylesLoaded if self.styles_loaded))
    }

    /// Applies `action` in place: the one place the state changes. (The
    /// widget clones the state first and skips actions that change
    /// nothing; see [`is_changed_by`](Self::is_changed_by).)
    // One arm per action, each a line or two: split up, the rules would be
    // harder to read side by side, so this stays one function.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::LoadStarted(message) => {
                self.status = LoadStatus::Loading;
                self.loading = Some(message);
            }
            Action::Loaded {
                dataset,
                mut warnings,
                source,
            } => {
                if !self.view_chosen {
                    self.options.view = if mostly_performance(&dataset) {
                        View::Scorecard
                    } else {
                        View::default()
                    };
                }
                self.dataset = Some(dataset);
                self.status = LoadStatus::Ready;
                self.settle_selection(&mut warnings);
                self.problems = (!warnings.is_empty()).then(|| {
                    Rc::new(LoadProblems {
                        source: source.clone(),
                        diagnostics: warnings,
                    })
                });
                self.source = source;
            }
            Action::LoadFailed { source, problems } => {
                self.status = LoadStatus::Failed;
                self.problems = Some(Rc::new(LoadProblems {
                    source,
                    diagnostics: problems,
                }));
            }
            Action::SelectIndicator(id) => {
                self.indicator = Some(id);
                // Picking one indicator from the overview or the scorecard
                // (which show them all) opens it; an indicator's view stays.
                if matches!(self.options.view, View::Dashboard | View::Scorecard) {
                    self.options.view = View::Budget;
                }
                self.reset_for_selection();
                self.settle_selection(&mut Vec::new());
            }
            Action::OpenIndicator(id) => {
                // A whole made of parts opens on them.
                let whole = self
                    .dataset
                    .as_ref()
                    .is_some_and(|dataset| has_parts(dataset, &id));
                self.indicator = Some(id);
                self.options.view = if whole { View::Breakdown } else { View::Budget };
                self.view_chosen = true;
                self.reset_for_selection();
                self.settle_selection(&mut Vec::new());
            }
            Action::SelectYear(year) => {
                self.year = Some(year);
                self.options.as_at = None;
                self.focus = None;
            }
            Action::SelectView(view) => {
                self.options.view = view;
                self.view_chosen = true;
                self.focus = None;
            }
            Action::SelectConvention(convention) => self.options.convention = convention,
            Action::SelectMethod(method) => self.options.method = method,
            Action::SelectAsAt(period) => self.options.as_at = Some(period),
            Action::Zoom {
                step,
                centre,
                count,
            } => {
                let window = self.window_over(count);
                self.options.window = Some(window.zoomed(step, centre));
            }
            Action::Pan { step, count } => {
                let window = self.window_over(count);
                self.options.window = Some(window.panned(step));
            }
            Action::ResetZoom => self.options.window = None,
            Action::ToggleLine(role) => {
                if let Some(at) = self.options.hidden.iter().position(|r| *r == role) {
                    self.options.hidden.remove(at);
                } else {
                    self.options.hidden.push(role);
                }
            }
            Action::SelectOrder(order) => self.order = order,
            Action::SelectScorecardSort(sort) => self.scorecard_sort = sort,
            Action::FilterStatus(filter) => self.status_filter = filter,
            Action::SelectBreakdownSort(sort) => self.breakdown_sort = sort,
            Action::ToggleOwnScale => self.own_scale = !self.own_scale,
            Action::SelectBreakdownPeriod(period) => self.breakdown_period = period,
            Action::SelectTheme(theme) => self.theme = theme,
            Action::Navigate(route) => {
                let before = (self.indicator.clone(), self.year);
                self.apply_route(&route);
                if (self.indicator.clone(), self.year) != before {
                    self.options.window = None;
                }
                self.settle_selection(&mut Vec::new());
            }
            Action::Focus(focus) => self.focus = focus,
            Action::StepYear(step) => {
                let years: Vec<FinancialYear> = self
                    .dataset
                    .as_ref()
                    .zip(self.indicator.as_deref())
                    .and_then(|(dataset, id)| dataset.indicator(id))
                    .map(|indicator| indicator.years.iter().map(|f| f.year).collect())
                    .unwrap_or_default();
                let current = self.year.and_then(|y| years.iter().position(|x| *x == y));
                if let Some(index) = current {
                    let target = index as i64 + i64::from(step);
                    if let Some(year) = usize::try_from(target).ok().and_then(|t| years.get(t)) {
                        self.year = Some(*year);
                        self.options.as_at = None;
                    }
                }
            }
            Action::ToggleTables => self.tables_open = !self.tables_open,
            Action::Search(text) => self.search = text,
            Action::Resize(width) => self.width = width,
            Action::MediaChanged => self.media_epoch = self.media_epoch.wrapping_add(1),
            Action::StylesLoaded => self.styles_loaded = true,
        }
    }
}
