//! A panel: one chart of a view with everything shown around it (tooltip
//! rows and announcements per position, legend, text alternative, table
//! totals), and [`PanelKind`], which names it.

use crate::chart::{Scene, SeriesRole, Viewport};
use crate::format::{format_reported, spoken, PointDetail};

use super::PerPosition;

/// Which chart a panel is. Its [`slug`](Self::slug) names it in the page
/// (`data-panel`) and in downloaded file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    /// Affordable level and actual by period.
    Budget,
    /// Year to date.
    Cumulative,
    /// Variance by period.
    Variance,
    /// Every year on one April-to-March axis.
    Overlay,
    /// Every year one after another; zooms and pans.
    Timeline,
    /// The unit cost against its affordable level.
    UnitCost,
    /// The £ effect split into volume and price.
    CostEffect,
    /// The projected outturn.
    Forecast,
    /// The forecast at each monitoring round.
    Rounds,
}

impl PanelKind {
    /// `budget`, `cumulative`, `variance`, `overlay`, `timeline`,
    /// `unit-cost`, `cost-effect`, `forecast`, `rounds`.
    pub fn slug(self) -> &'static str {
        match self {
            PanelKind::Budget => "budget",
            PanelKind::Cumulative => "cumulative",
            PanelKind::Variance => "variance",
            PanelKind::Overlay => "overlay",
            PanelKind::Timeline => "timeline",
            PanelKind::UnitCost => "unit-cost",
            PanelKind::CostEffect => "cost-effect",
            PanelKind::Forecast => "forecast",
            PanelKind::Rounds => "rounds",
        }
    }
}

/// A marked point at the focused position (see [`Panel::focus_markers`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FocusMarker {
    /// The line the point is on.
    pub role: SeriesRole,
    /// Its value there, in the panel's unit.
    pub value: f64,
    /// True on the line the keyboard is on (drawn larger).
    pub current: bool,
}

/// One chart of a view, with the tooltip content for each x position.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// Which chart.
    pub kind: PanelKind,
    /// Heading above the chart.
    pub title: String,
    /// What to draw (hidden lines already removed).
    pub scene: Scene,
    /// Tooltip content per x position, made when asked for.
    pub details: PerPosition<PointDetail>,
    /// True for the timeline, which zooms and pans.
    pub zoomable: bool,
    /// Every line the panel can show, hidden or not, for the legend:
    /// (role, label).
    pub legend: Vec<(SeriesRole, String)>,
    /// Rows after the periods in the table: the year as computed and as
    /// printed in the source (budget panel).
    pub totals: Vec<PointDetail>,
    /// What the chart shows and what it finds, in plain English with money
    /// in words: the text alternative for screen readers.
    pub summary: String,
    /// How each x position is announced: "June 2011-12", "Volume effect".
    pub announce: PerPosition<String>,
    /// Decimal places for announcing values.
    pub decimals: usize,
}

impl Panel {
    /// The legend entries of the lines drawn (hidden lines left out), for
    /// exported charts.
    pub fn legend_shown(&self) -> Vec<(SeriesRole, String)> {
        self.legend
            .iter()
            .filter(|(role, _)| self.scene.line(*role).is_some())
            .cloned()
            .collect()
    }
}

impl Panel {
    /// The table rows a page shows for x window `window`: those inside
    /// it, at most `max` from the first; and the number of rows in all.
    pub fn rows_in(&self, window: Viewport, max: usize) -> (std::ops::Range<usize>, usize) {
        let total = self.details.len();
        let range = window.range();
        let end = range.end.min(total);
        let first = range.start.min(end);
        (first..end.min(first.saturating_add(max)), total)
    }

    /// Where the keyboard starts in `window`: the last period in view
    /// with an actual, else the first in view.
    pub fn start_position(&self, window: Viewport) -> usize {
        self.scene
            .line(SeriesRole::Actual)
            .and_then(|line| window.last_reported(&line.values))
            .unwrap_or(window.range().start)
    }

    /// What a zoomable chart says it shows in `window`: "Showing every
    /// year", or "Showing April 2010 to March 2011" (its first and last
    /// periods in view).
    pub fn showing(&self, window: Viewport) -> String {
        if window.is_full() {
            return "Showing every year".to_string();
        }
        let title = |position: usize| {
            self.details
                .get(position)
                .map(|d| d.title)
                .unwrap_or_default()
        };
        match window.first_and_last() {
            Some((first, last)) => format!("Showing {} to {}", title(first), title(last)),
            None => "Showing no periods".to_string(),
        }
    }

    /// The points marked at `position` when it is focused, with the line
    /// the keyboard is on (`current`): each main line's value there
    /// (actual, affordable level, forecast, projection), and a faint
    /// comparison line's only when it is the current one.
    pub fn focus_markers(&self, position: usize, current: Option<SeriesRole>) -> Vec<FocusMarker> {
        self.scene
            .lines
            .iter()
            .filter(|line| Some(line.role) == current || !line.role.is_comparison())
            .filter_map(|line| {
                let value = line.values.get(position).copied().flatten()?;
                Some(FocusMarker {
                    role: line.role,
                    value,
                    current: Some(line.role) == current,
                })
            })
            .collect()
    }

    /// The lines a keyboard user steps through with the up and down arrows,
    /// in [`SeriesRole::rank`] order (main series first).
    pub fn series_order(&self) -> Vec<SeriesRole> {
        let mut roles: Vec<SeriesRole> = self.scene.lines.iter().map(|l| l.role).collect();
        crate::order::sort_stable_by_key(&mut roles, |role| role.rank());
        roles
    }

    /// What is announced at `position` with the keyboard on series `series`
    /// (an index into [`series_order`](Self::series_order)): the whole point
    /// for the first series, else "Actual 2010-11, June 2011-12: 205,937 hours".
    pub fn announcement(&self, position: usize, series: usize) -> String {
        let whole = || {
            self.details
                .get(position)
                .map(|d| d.sentence.clone())
                .unwrap_or_default()
        };
        if series == 0 {
            return whole();
        }
        let Some(role) = self.series_order().get(series).copied() else {
            return whole();
        };
        let Some(line) = self.scene.line(role) else {
            return whole();
        };
        let period = self.announce.get(position).unwrap_or_default();
        let value = format_reported(
            &self.scene.unit,
            line.values.get(position).copied().flatten(),
            self.decimals,
        );
        spoken(&format!("{}, {period}: {value}", line.label))
    }
}
