//! Everything the widget shows for one selection (indicator, year and view),
//! assembled from the analysis so that the Yew layer only renders strings
//! and scenes: subtitle, headline, cost and projection sentences,
//! printed-total flags, and the view's panels (chart scene, tooltip rows,
//! legend, summary, keyboard announcements).
//!
//! [`IndicatorView::new`] is a dispatcher: the registry (`entry`) gives each
//! [`View`] whether it has something to show and how to build it, and each view is
//! one file (`budget`, `cumulative`, `variance`, `years`, `cost`,
//! `forecast`, `rounds`) that returns finished [`Panel`]s from a `Context` (see
//! ARCHITECTURE.md, "How to add a view"). `dashboard` builds the overview,
//! `scorecard` the performance report's summary table;
//! `table` turns a panel into a table and CSV. Also the grouped, searchable
//! list of indicators for the picker.

use std::rc::Rc;

use crate::analysis::{CostConvention, ForecastMethod, Projection};
use crate::format::{capitalise, cost_sentence, printed_sentences, spoken};
use crate::model::{Dataset, FinancialYear, Indicator};

mod breakdown;
mod budget;
mod context;
mod cost;
mod cumulative;
mod dashboard;
mod forecast;
mod panel;
mod per_position;
mod rounds;
mod scorecard;
mod table;
mod variance;
mod years;

use context::{Built, Context};

pub use crate::format::Standing;
use crate::summary::{summarise_year, YearSummary};
pub use breakdown::{
    breakdown, has_parts, BarPlace, Breakdown, BreakdownRow, BreakdownSort, VarianceBar,
    VARIANCE_BAR_BOX,
};
pub use dashboard::{
    dashboard, overview_subtitle, overview_title, spark_position, spark_tip_place, DashboardEntry,
    DashboardOrder, GroupLayout, PageBox, SPARKLINE_SIZE,
};
pub use panel::{FocusMarker, Panel, PanelKind};
pub use per_position::PerPosition;
pub use scorecard::{
    has_target, mostly_performance, scorecard, scorecard_key, Scorecard, ScorecardRow,
    ScorecardSort, StatusFilter, SCORECARD_COLUMNS,
};
pub use table::{plain_number, PanelTable};

/// The views a reader can switch between (URL `view=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Every indicator as a small multiple.
    Dashboard,
    /// The performance report's summary table: every indicator with a
    /// target, its latest status and direction of travel.
    Scorecard,
    /// An indicator's parts (portfolios, areas, teams) side by side, with
    /// the whole as their total.
    Breakdown,
    /// Budget against actual by period, the difference shaded.
    #[default]
    Budget,
    /// Cumulative year to date against the year's affordable level.
    Cumulative,
    /// Variance by period as diverging bars, with the variance to date.
    Variance,
    /// All years overlaid, and a zoomable timeline of every year.
    Years,
    /// Unit cost, and the £ effect split into volume and price.
    Cost,
    /// Projected outturn from an "as at" period.
    Forecast,
    /// The forecast at each monitoring round against the budget and the
    /// outturn.
    Rounds,
}

impl View {
    /// Every view, in the order of the tabs.
    pub const ALL: [View; 10] = [
        View::Dashboard,
        View::Scorecard,
        View::Breakdown,
        View::Budget,
        View::Cumulative,
        View::Variance,
        View::Years,
        View::Cost,
        View::Forecast,
        View::Rounds,
    ];

    /// URL word: `dashboard`, `scorecard`, `breakdown`, `budget`, `cumulative`, `variance`, `years`, `cost`, `forecast`, `rounds`.
    pub fn slug(self) -> &'static str {
        match self {
            View::Dashboard => "dashboard",
            View::Scorecard => "scorecard",
            View::Breakdown => "breakdown",
            View::Budget => "budget",
            View::Cumulative => "cumulative",
            View::Variance => "variance",
            View::Years => "years",
            View::Cost => "cost",
            View::Forecast => "forecast",
            View::Rounds => "rounds",
        }
    }

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|view| view.slug() == slug)
    }

    /// Tab label.
    pub fn label(self) -> &'static str {
        match self {
            View::Dashboard => "Overview",
            View::Scorecard => "Scorecard",
            View::Breakdown => "Breakdown",
            View::Budget => "Budget vs actual",
            View::Cumulative => "Year to date",
            View::Variance => "Variance",
            View::Years => "Year on year",
            View::Cost => "Cost",
            View::Forecast => "Forecast",
            View::Rounds => "Rounds",
        }
    }

    /// The tab's label for an indicator: a performance indicator's budget
    /// view is "Target vs actual" (it has a target, never an affordable
    /// level); otherwise [`label`](Self::label).
    pub fn label_for(self, indicator: &Indicator) -> &'static str {
        match self {
            View::Budget if indicator.is_performance() => "Target vs actual",
            view => view.label(),
        }
    }
}

/// Choices that shape a view, beyond indicator and year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewOptions {
    /// Which view.
    pub view: View,
    /// Cost effect convention (cost view, headline).
    pub convention: CostConvention,
    /// Projection method (forecast view).
    pub method: ForecastMethod,
    /// "As at" period for the forecast; default the last reported period.
    pub as_at: Option<usize>,
    /// Visible x window of the timeline; default all.
    pub window: Option<crate::chart::Viewport>,
    /// Lines hidden through the legend.
    pub hidden: Vec<crate::chart::SeriesRole>,
}

/// What the widget shows for one indicator in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorView {
    /// The indicator (shared with the panels' tooltips, not copied again).
    pub indicator: Rc<Indicator>,
    /// The year shown.
    pub year: FinancialYear,
    /// The view shown.
    pub view: View,
    /// The analysis behind every figure.
    pub summary: YearSummary,
    /// What the figures are and over which year: "Hours by month,
    /// financial year 2011-12 (April to March)".
    pub subtitle: String,
    /// Plain-English headline (money in words).
    pub headline: String,
    /// The £ effect sentence, where there is one (money in words).
    pub cost: Option<String>,
    /// Printed totals that differ from the computed ones, and where a
    /// year's figures were added up from its parts, that they were.
    pub printed: Vec<String>,
    /// The charts of this view (shared, so the widget passes them around
    /// and compares them by identity without copying their series).
    pub panels: Vec<Rc<Panel>>,
    /// Views that have something to show for this indicator and year.
    pub available: Vec<View>,
    /// The projection (forecast view).
    pub projection: Option<Projection>,
    /// The projection in a sentence (forecast view), or why there is none.
    pub projection_sentence: Option<String>,
    /// "As at" choices for the forecast: (period index, label). Shared: a
    /// year of readings has thousands, and the widget passes them on at
    /// every render (an `Rc` of comparable data compares by pointer first).
    pub as_at_choices: Rc<Vec<(usize, String)>>,
}

/// How a view is made: whether it has something to show for the
/// selection (`available`), and its panels (`build`).
struct ViewEntry {
    available: fn(&Context) -> bool,
    build: fn(&Context) -> Built,
}

/// The registry of views: each [`View`] and the file that makes it. The
/// match is exhaustive, so a new `View` does not compile until it is
/// registered here; the tabs follow [`View::ALL`]. The overview's
/// indicator view is the budget panel (the widget draws the overview
/// itself, from [`dashboard()`]); so is the scorecard's (from
/// [`scorecard()`]), offered when some indicator has a target; and the
/// breakdown's (from [`breakdown()`]), offered for an indicator with parts.
fn entry(view: View) -> ViewEntry {
    let made = |available, build| ViewEntry { available, build };
    match view {
        View::Dashboard | View::Budget => made(budget::available, budget::build),
        View::Scorecard => made(scorecard::available, budget::build),
        View::Breakdown => made(breakdown::available, budget::build),
        View::Cumulative => made(cumulative::available, cumulative::build),
        View::Variance => made(variance::available, variance::build),
        View::Years => made(years::available, years::build),
        View::Cost => made(cost::available, cost::build),
        View::Forecast => made(forecast::available, forecast::build),
        View::Rounds => made(rounds::available, rounds::build),
    }
}

impl IndicatorView {
    /// The view of indicator `id` in `year`; `None` if either is not in
    /// the data. A view with nothing to show for this selection (see
    /// `available`) gives the budget view instead.
    pub fn new(
        dataset: &Dataset,
        id: &str,
        year: FinancialYear,
        options: &ViewOptions,
    ) -> Option<Self> {
        let shared = dataset.shared_indicator(id)?;
        let indicator: &Indicator = shared;
        let summary = summarise_year(dataset, indicator, year, options.convention)?;
        let analysis = &summary.analysis;
        let ctx = Context::new(dataset, shared, year, &summary, options)?;
        let available: Vec<View> = View::ALL
            .into_iter()
            .filter(|view| (entry(*view).available)(&ctx))
            .collect();
        let view = if available.contains(&options.view) {
            options.view
        } else {
            View::Budget
        };
        let built = (entry(view).build)(&ctx);
        let headline = spoken(&ctx.headline);
        let unit = indicator.unit.label.trim();
        // The rounds are the forecasts made through the year, drawn at one
        // money scale (£m), not the data's own periods and unit.
        let subtitle = if view == View::Rounds {
            format!("Forecast outturn by monitoring round, financial year {year} (April to March)")
        } else {
            capitalise(&format!(
                "{} by {}, financial year {year} (April to March)",
                if unit.is_empty() { "Figures" } else { unit },
                indicator.periods.noun(),
            ))
        };
        let last = analysis.last_reported;
        // Running text reads money in words ("£1.85 million"), as style
        // guides ask; tables, tooltips and axes keep the short forms.
        let cost = summary.cost_effect.as_ref().and_then(|effect| {
            let cost = ctx.cost_indicator()?;
            Some(spoken(&cost_sentence(
                &indicator.unit,
                &cost.unit,
                effect,
                indicator.precision(),
            )))
        });
        let mut printed: Vec<String> = printed_sentences(indicator, analysis)
            .iter()
            .map(|s| spoken(s))
            .collect();
        // A year filled from its parts says so: the data gave no figures.
        if ctx.figures.from_parts > 0 {
            printed.insert(
                0,
                format!(
                    "These figures are its {} parts' added up: the data gives none of its own for {year}.",
                    ctx.figures.from_parts
                ),
            );
        }
        let as_at_choices = Rc::new(
            (0..=last.unwrap_or(0))
                .filter(|_| last.is_some())
                .map(|i| (i, ctx.period_title(i)))
                .collect(),
        );
        let projection = ctx.projection;
        Some(Self {
            subtitle,
            headline,
            cost,
            printed,
            panels: built.panels.into_iter().map(Rc::new).collect(),
            available,
            projection,
            projection_sentence: built.projection_sentence.map(|s| spoken(&s)),
            as_at_choices,
            indicator: Rc::clone(shared),
            year,
            view,
            summary,
        })
    }
}

/// Indicators grouped by `group` (in first-seen order), keeping those whose
/// title, id or group contains every word of `query` (case-insensitive).
/// Indicators without a group come under "Other".
pub fn grouped_indicators<'d>(
    dataset: &'d Dataset,
    query: &str,
) -> Vec<(String, Vec<&'d Indicator>)> {
    let words: Vec<String> = query.split_whitespace().map(crate::format::lower).collect();
    let mut groups: Vec<(String, Vec<&Indicator>)> = Vec::new();
    for indicator in &dataset.indicators {
        let group = indicator
            .group
            .clone()
            .unwrap_or_else(|| "Other".to_string());
        let haystack =
            crate::format::lower(&format!("{} {} {}", indicator.title, indicator.id, group));
        if !words.iter().all(|word| haystack.contains(word.as_str())) {
            continue;
        }
        match groups.iter_mut().find(|(name, _)| *name == group) {
            Some((_, members)) => members.push(indicator),
            None => groups.push((group, vec![indicator])),
        }
    }
    groups
}
