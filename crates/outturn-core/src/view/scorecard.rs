//! The scorecard: the performance report's summary table, one row per
//! indicator with a target: its group, its latest value and the period it
//! is for, the target, the status (the report's word where it printed one,
//! flagged where its figures say otherwise), the previous period's status,
//! the direction of travel, the distance from target and a sparkline of
//! the year with its target. Above the table, the statuses counted, as the
//! report printed them and as the figures give them.
//!
//! Sorting, filtering and the keyboard's moves between rows are decided
//! here, so the widget only renders rows and dispatches choices.

use super::dashboard::{period_name, spark, value_range, year_range};
use crate::analysis::{latest, Direction, Latest, PeriodPerformance, Status};
use crate::format::{
    against_target, capitalise, figures_say, format_value, lower, status_words, Standing,
};
use crate::model::{value_at, Dataset, FinancialYear, Indicator, Polarity, Series, YearFigures};
use crate::order::{missing_last, sort_stable_by};

/// How the scorecard's rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScorecardSort {
    /// As the report lists them.
    #[default]
    Report,
    /// Worst status first: Red, Amber, below target, Green, then none.
    Status,
    /// By group (A to Z), in report order within a group.
    Group,
    /// Furthest behind target first (as a share of the target, so that
    /// indicators in different units compare); no distance last.
    Distance,
}

impl ScorecardSort {
    /// Every order, in the order they are offered.
    pub const ALL: [ScorecardSort; 4] = [
        ScorecardSort::Report,
        ScorecardSort::Status,
        ScorecardSort::Group,
        ScorecardSort::Distance,
    ];

    /// `report`, `status`, `group`, `distance`: the option's value.
    pub fn slug(self) -> &'static str {
        match self {
            ScorecardSort::Report => "report",
            ScorecardSort::Status => "status",
            ScorecardSort::Group => "group",
            ScorecardSort::Distance => "distance",
        }
    }

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|sort| sort.slug() == slug)
    }

    /// How the order is offered.
    pub fn label(self) -> &'static str {
        match self {
            ScorecardSort::Report => "As in the report",
            ScorecardSort::Status => "Worst status first",
            ScorecardSort::Group => "By group",
            ScorecardSort::Distance => "Furthest behind target first",
        }
    }

    /// The `aria-sort` of the column this order sorts, and that column:
    /// `("status", "descending")` (worst first), `("group", "ascending")`,
    /// `("distance", "ascending")` (most behind first); `None` in report
    /// order, which no column gives.
    pub fn column(self) -> Option<(&'static str, &'static str)> {
        match self {
            ScorecardSort::Report => None,
            ScorecardSort::Status => Some(("status", "descending")),
            ScorecardSort::Group => Some(("group", "ascending")),
            ScorecardSort::Distance => Some(("distance", "ascending")),
        }
    }
}

/// Which rows the scorecard shows, by the status it shows for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// Every row.
    #[default]
    All,
    /// Rows with this status.
    Only(Status),
    /// Rows with no status (neutral, or no target in the latest period).
    NoStatus,
    /// Rows whose printed status the figures contradict.
    Disputed,
}

impl StatusFilter {
    /// Every filter, in the order they are offered.
    pub const ALL: [StatusFilter; 7] = [
        StatusFilter::All,
        StatusFilter::Only(Status::Red),
        StatusFilter::Only(Status::Amber),
        StatusFilter::Only(Status::BelowTarget),
        StatusFilter::Only(Status::Green),
        StatusFilter::NoStatus,
        // Offered only with rows whose printed status the figures
        // contradict (see `Scorecard::filters`).
        StatusFilter::Disputed,
    ];

    /// `all`, `red`, `amber`, `below_target`, `green`, `none`, `disputed`:
    /// the option's value.
    pub fn slug(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Only(status) => status.slug(),
            StatusFilter::NoStatus => "none",
            StatusFilter::Disputed => "disputed",
        }
    }

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|filter| filter.slug() == slug)
    }

    /// How the filter is offered, before its count: "All statuses", "✕ Red".
    fn label(self) -> &'static str {
        match self {
            StatusFilter::All => "All statuses",
            StatusFilter::Only(status) => status_words(status),
            StatusFilter::NoStatus => "No status",
            StatusFilter::Disputed => "Report and figures differ",
        }
    }

    fn keeps(self, row: &ScorecardRow) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Only(status) => row.status == Some(status),
            StatusFilter::NoStatus => row.status.is_none(),
            StatusFilter::Disputed => row.flag.is_some(),
        }
    }
}

/// One row of the scorecard: one indicator's latest period.
#[derive(Debug, Clone, PartialEq)]
pub struct ScorecardRow {
    /// Indicator id (choosing the row opens it).
    pub id: String,
    /// Indicator title.
    pub title: String,
    /// The indicator's group ("Other" without one).
    pub group: String,
    /// The year the row is for (the selected one, or the indicator's
    /// latest if it lacks that one).
    pub year: FinancialYear,
    /// The latest period with an actual: "Q4 2011-12", "March 2012"; "No
    /// actuals yet" without one.
    pub period: String,
    /// Its value: "78.1%" ("-" without one).
    pub value: String,
    /// The target for that period: "72.2%", or "None set".
    pub target: String,
    /// The status shown: the report's word where it printed one, else
    /// the status the figures give; `None` for no status.
    pub status: Option<Status>,
    /// The status in words and a symbol: "✓ Green", "No status".
    pub status_words: &'static str,
    /// Where the report's word and the figures disagree: "Its figures are
    /// below its target".
    pub flag: Option<String>,
    /// The previous period's status and that period: "! Amber, Q3" (in
    /// the year shown), "✕ Red, 2010-11", or "-".
    pub previous: String,
    /// Direction of travel since the previous period: "Improved",
    /// "Worsened", "Unchanged" (or "Up", "Down" for a neutral indicator),
    /// "-".
    pub direction: &'static str,
    /// Against target: "5.9 percentage points better", "3 (4.0%) worse",
    /// "2 above" (neutral), "On target", "-".
    pub distance: String,
    /// The distance as a share of the target, positive when better (by
    /// the polarity); the key of [`ScorecardSort::Distance`].
    pub distance_share: Option<f64>,
    /// Sparkline polyline points of the actual (SVG `points`, one string
    /// per unbroken run), in a box of [`super::SPARKLINE_SIZE`].
    pub actual_line: Vec<String>,
    /// Sparkline polyline points of the target, on the same scale.
    pub target_line: Vec<String>,
    /// What the sparkline shows, for assistive technology: "Actual and
    /// target by quarter, 2011-12", "Actual by year, 2006-07 to 2011-12".
    pub spark_label: String,
    /// The latest period and the one before, as analysed (the counts read
    /// them again).
    found: Option<Latest>,
}

impl ScorecardRow {
    /// The standing the row's status is, for its colour class and words.
    pub fn standing(&self) -> Standing {
        self.status.map_or(Standing::NoStatus, Standing::Rated)
    }

    /// The row's plain cells, in the order of [`SCORECARD_COLUMNS`] after
    /// the status: latest period, value, target, against target, previous
    /// status, direction of travel, group.
    pub fn cells(&self) -> [&str; 7] {
        [
            &self.period,
            &self.value,
            &self.target,
            &self.distance,
            &self.previous,
            self.direction,
            &self.group,
        ]
    }
}

/// The scorecard's column headings after the indicator's, in order, with
/// the keys [`ScorecardSort::column`] names: the status, the plain cells
/// of [`ScorecardRow::cells`], then the trend's sparkline.
pub const SCORECARD_COLUMNS: [(&str, &str); 9] = [
    ("status", "Status"),
    ("period", "Latest"),
    ("value", "Value"),
    ("target", "Target"),
    ("distance", "Against target"),
    ("previous", "Previous status"),
    ("direction", "Direction of travel"),
    ("group", "Group"),
    ("trend", "Trend"),
];

/// The whole scorecard, sorted and filtered.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    /// "30 indicators with a target, 2011-12"; "6 of 30 ...: ✕ Red" when
    /// filtered.
    pub title: String,
    /// The statuses the report printed for the latest periods, counted:
    /// "The report: ✓ 21 Green, ! 3 Amber, ✕ 6 Red; in the period before,
    /// 16 Green, 7 Amber, 6 Red, 1 not printed." `None` when it printed none.
    pub reported_counts: Option<String>,
    /// The statuses the figures give, counted: "By their figures against
    /// target: ✓ 18 Green, ▽ 10 Below target, 2 with no status (neutral,
    /// no target or no actual yet)."
    pub computed_counts: String,
    /// The rows shown.
    pub rows: Vec<ScorecardRow>,
    /// The filters offered, each with its label and count: "✕ Red (6)".
    pub filters: Vec<(StatusFilter, String)>,
    /// Rows before filtering.
    pub total: usize,
}

/// True for an indicator the scorecard lists: one with a target or a
/// printed status in some year.
pub fn has_target(indicator: &Indicator) -> bool {
    indicator
        .years
        .iter()
        .any(|figures| figures.target.is_some() || figures.rag.is_some())
}

/// The scorecard is offered when some indicator of the dataset has a
/// target.
pub(super) fn available(ctx: &super::context::Context) -> bool {
    ctx.dataset.indicators.iter().any(|i| has_target(i))
}

/// True when most of `dataset`'s indicators have a target: the scorecard
/// is then its first view.
pub fn mostly_performance(dataset: &Dataset) -> bool {
    let with_target = dataset.indicators.iter().filter(|i| has_target(i)).count();
    with_target * 2 > dataset.indicators.len()
}

/// A row's sparkline and what it covers.
struct Trend {
    actual: Vec<String>,
    target: Vec<String>,
    label: String,
}

impl Trend {
    /// The periods of the year `figures`; for a one-figure-a-year
    /// indicator, every year up to that one (one point alone shows no
    /// trend).
    fn of(indicator: &Indicator, figures: &YearFigures) -> Self {
        let year = figures.year;
        if indicator.periods.len() > 1 {
            let (low, high) = year_range(figures);
            let line = |series: &Option<Series>| {
                series
                    .as_ref()
                    .map_or_else(Vec::new, |s| spark(s, low, high))
            };
            let what = if figures.target.is_some() {
                "Actual and target"
            } else {
                "Actual"
            };
            return Self {
                actual: line(&figures.actual),
                target: line(&figures.target),
                label: format!("{what} by {}, {year}", indicator.periods.noun()),
            };
        }
        let years: Vec<&YearFigures> = indicator.years.iter().filter(|f| f.year <= year).collect();
        let series = |pick: fn(&YearFigures) -> &Option<Series>| -> Series {
            years.iter().map(|f| value_at(pick(f), 0)).collect()
        };
        let (actual, target) = (series(|f| &f.actual), series(|f| &f.target));
        let (low, high) = value_range(actual.iter().chain(&target).flatten().copied());
        let first = years.first().map_or(year, |f| f.year);
        let what = if target.iter().any(Option::is_some) {
            "Actual and target"
        } else {
            "Actual"
        };
        Self {
            actual: spark(&actual, low, high),
            target: spark(&target, low, high),
            label: if first == year {
                format!("{what}, {year}")
            } else {
                format!("{what} by year, {first} to {year}")
            },
        }
    }
}

/// The status a row shows for a period: the report's word where printed,
/// else the figures'.
fn shown_status(period: &PeriodPerformance) -> Option<Status> {
    period.reported.map(Status::of_rag).or(period.status)
}

/// The row of `indicator` for `year` (or its own latest year if it lacks
/// that one); `None` for an indicator with no years.
fn row(indicator: &Indicator, year: Option<FinancialYear>) -> Option<ScorecardRow> {
    let year = year
        .filter(|y| indicator.year(*y).is_some())
        .or_else(|| indicator.default_year())?;
    let figures = indicator.year(year)?;
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let found = latest(indicator, figures);
    let now = found.map(|l| l.now);
    let status = now.as_ref().and_then(shown_status);
    let flag = now
        .filter(PeriodPerformance::disagrees)
        .and_then(|now| Some(capitalise(&figures_say(now.status?, now.floor.is_some()))));
    let previous = found
        .and_then(|Latest { previous, .. }| previous)
        .and_then(|p| {
            // The period in the year shown is named short ("Q3"); one in
            // an earlier year in full ("Q4 2010-11", "2010-11").
            let when = if p.year == year && indicator.periods.len() > 1 {
                indicator.periods.short_label(p.period)
            } else {
                period_name(indicator, p.period, p.year)
            };
            Some(format!("{}, {when}", status_words(shown_status(&p)?)))
        })
        .unwrap_or_else(|| "-".to_string());
    let direction = match found.and_then(|l| l.since_previous) {
        Some(Direction::Improved) => "Improved",
        Some(Direction::Worsened) => "Worsened",
        Some(Direction::Unchanged) => "Unchanged",
        Some(Direction::Up) => "Up",
        Some(Direction::Down) => "Down",
        None => "-",
    };
    let actual = now.and_then(|n| n.actual);
    let target = now.and_then(|n| n.target);
    // Under the heading "Against target" the cell leaves out "than
    // target": "5.9 percentage points better", "On target".
    let distance = match actual.zip(target) {
        Some((a, t)) => {
            let words = against_target(indicator, a, t);
            let short = words
                .strip_suffix(" than target")
                .or_else(|| words.strip_suffix(" target").filter(|w| *w != "on"))
                .unwrap_or(&words);
            capitalise(short)
        }
        None => "-".to_string(),
    };
    let better = match indicator.polarity {
        Polarity::HigherIsBetter => Some(1.0),
        Polarity::LowerIsBetter => Some(-1.0),
        Polarity::Neutral => None,
    };
    let distance_share = actual
        .zip(target)
        .filter(|(_, t)| *t != 0.0)
        .zip(better)
        .map(|((a, t), sign)| sign * (a - t) / t.abs());
    let trend = Trend::of(indicator, figures);
    Some(ScorecardRow {
        found,
        id: indicator.id.clone(),
        title: indicator.title.clone(),
        group: indicator
            .group
            .clone()
            .unwrap_or_else(|| "Other".to_string()),
        year,
        period: now.map_or_else(
            || "No actuals yet".to_string(),
            |n| period_name(indicator, n.period, n.year),
        ),
        value: actual.map_or_else(|| "-".to_string(), |a| format_value(unit, a, decimals)),
        target: target.map_or_else(
            || "None set".to_string(),
            |t| format_value(unit, t, decimals),
        ),
        status,
        status_words: status.map_or("No status", status_words),
        flag,
        previous,
        direction,
        distance,
        distance_share,
        actual_line: trend.actual,
        target_line: trend.target,
        spark_label: trend.label,
    })
}

/// Statuses counted in the order a report gives them, with their names:
/// "✓ 21 Green, ! 3 Amber, ✕ 6 Red" (counts of zero left out).
fn counted(rows: &[Option<Status>], none: &str) -> String {
    let order = [
        Status::Green,
        Status::Amber,
        Status::Red,
        Status::BelowTarget,
    ];
    let mut parts: Vec<String> = order
        .iter()
        .map(|s| (s, rows.iter().filter(|r| **r == Some(*s)).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| {
            let words = status_words(*s);
            // "✓ Green" → "✓ 21 Green": the symbol leads, the count follows,
            // on one line (a no-break space).
            let (symbol, name) = words.split_at(words.find('\u{a0}').unwrap_or(0));
            format!("{symbol}\u{a0}{n} {}", name.trim_start_matches('\u{a0}'))
        })
        .collect();
    let missing = rows.iter().filter(|r| r.is_none()).count();
    if missing > 0 {
        parts.push(format!("{missing} {none}"));
    }
    parts.join(", ")
}

/// The scorecard of `dataset` for `year` (each indicator's own latest year
/// where it lacks that one), sorted by `sort` and filtered by `filter`.
pub fn scorecard(
    dataset: &Dataset,
    year: Option<FinancialYear>,
    sort: ScorecardSort,
    filter: StatusFilter,
) -> Scorecard {
    let mut rows: Vec<ScorecardRow> = dataset
        .indicators
        .iter()
        .filter(|i| has_target(i))
        .filter_map(|i| row(i, year))
        .collect();
    let periods: Vec<Option<Latest>> = rows.iter().map(|row| row.found).collect();
    let reported: Vec<Option<Status>> = periods
        .iter()
        .map(|l| l.and_then(|l| l.now.reported).map(Status::of_rag))
        .collect();
    let before: Vec<Option<Status>> = periods
        .iter()
        .map(|l| l.and_then(|l| l.previous?.reported).map(Status::of_rag))
        .collect();
    let computed: Vec<Option<Status>> = periods
        .iter()
        .map(|l| l.and_then(|l| l.now.status))
        .collect();
    let reported_counts = reported.iter().any(Option::is_some).then(|| {
        let mut text = format!("The report: {}", counted(&reported, "not printed"));
        if before.iter().any(Option::is_some) {
            text.push_str(&format!(
                "; in the period before, {}",
                counted(&before, "not printed")
            ));
        }
        text.push('.');
        text
    });
    let floors = periods.iter().flatten().any(|l| l.now.floor.is_some());
    let computed_counts = format!(
        "By their figures against {}: {}.",
        if floors { "target and floor" } else { "target" },
        counted(
            &computed,
            "with no status (neutral, no target or no actual yet)"
        )
    );
    let total = rows.len();
    // A row from another year (an indicator without the one chosen) makes
    // the table "the latest period of each", not one year's.
    let one_year = year.filter(|y| rows.iter().all(|r| r.year == *y));
    let filters = StatusFilter::ALL
        .into_iter()
        .map(|f| (f, rows.iter().filter(|r| f.keeps(r)).count()))
        .filter(|(f, n)| *f == StatusFilter::All || *n > 0 || *f == filter)
        .map(|(f, n)| (f, format!("{} ({n})", f.label())))
        .collect();
    rows.retain(|r| filter.keeps(r));
    order_rows(&mut rows, sort);
    let year_text = one_year.map_or_else(
        || ", the latest period of each".to_string(),
        |y| format!(", {y}"),
    );
    let title = match filter {
        StatusFilter::All => format!("{total} indicators with a target or status{year_text}"),
        _ => format!(
            "{} of {total} indicators with a target or status{year_text}: {}",
            rows.len(),
            filter.label()
        ),
    };
    Scorecard {
        title,
        reported_counts,
        computed_counts,
        rows,
        filters,
        total,
    }
}

/// Sorts `rows` (in report order) by `sort`, stably.
fn order_rows(rows: &mut Vec<ScorecardRow>, sort: ScorecardSort) {
    let severity = |row: &ScorecardRow| match row.status {
        Some(Status::Red) => 0,
        Some(Status::Amber) => 1,
        Some(Status::BelowTarget) => 2,
        Some(Status::Green) => 3,
        None => 4,
    };
    match sort {
        ScorecardSort::Report => {}
        ScorecardSort::Status => sort_stable_by(rows, |a, b| severity(a).cmp(&severity(b))),
        ScorecardSort::Group => sort_stable_by(rows, |a, b| lower(&a.group).cmp(&lower(&b.group))),
        ScorecardSort::Distance => sort_stable_by(rows, |a, b| {
            missing_last(a.distance_share, b.distance_share, false)
        }),
    }
}

/// The row the keyboard moves to from row `at` of `count` on `key`
/// (ArrowDown and ArrowUp one row, Home and End the first and last);
/// `None` for any other key or with no rows.
pub fn scorecard_key(key: &str, at: usize, count: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match key {
        "ArrowDown" => Some((at + 1).min(last)),
        "ArrowUp" => Some(at.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}
