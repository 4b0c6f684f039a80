//! The overview dashboard: every indicator's year-to-date variance, its
//! standing in words and symbols, and sparkline points.

use super::grouped_indicators;
use crate::analysis::{latest, Latest, YearAnalysis};
use crate::chart::{m4, runs, Viewport};
use crate::format::{
    against_target, format_difference, format_signed, format_value, up_or_down, with_percent,
    with_plus, MoneyScale, Standing,
};
use crate::model::{
    Dataset, FinancialYear, Indicator, PeriodScheme, UnitKind, YearFigures, YearValue,
};

/// One indicator on the overview dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct DashboardEntry {
    /// Indicator id.
    pub id: String,
    /// Indicator title.
    pub title: String,
    /// The year shown (the selected one, or the indicator's latest if it lacks it).
    pub year: FinancialYear,
    /// Variance in the indicator's units over the compared periods ([`crate::analysis::YearAnalysis::variance`]).
    pub variance: Option<f64>,
    /// The variance as % of the affordable level it is compared with.
    pub variance_pct: Option<f64>,
    /// `+8,006 hours` (or "-" without a variance).
    pub variance_text: String,
    /// `+0.3%` (or empty).
    pub percent_text: String,
    /// Over, under, ...
    pub standing: Standing,
    /// What the figure covers: "2011-12, 12 of 12 months".
    pub coverage: String,
    /// The figure the card prints beside its standing: the variance and its
    /// percentage ("+8,006 hours (+0.3%)"), a forecast's variance, or for an
    /// indicator without an affordable level its latest value and change
    /// ("1,355 referrals in January 2012, down 53 on December 2011"). Money
    /// in one group of cards is at one scale.
    pub figure: String,
    /// What the figure is and which periods it covers, in full: "Full year
    /// 2011-12, 12 of 12 months", "Year to date, 2011-12, 6 of 12 months", "Latest, March 2012 (2011-12, 12 of 12
    /// months)", "Latest, Q4 2011-12 (4 of 4 quarters)",
    /// "2010-11, Q4 only (1 of 4 quarters)", "Forecast for 2012-13, no
    /// actuals yet". A snapshot is never called "year to date".
    pub basis: String,
    /// Sparkline polyline points for the affordable level (SVG `points`), one string per unbroken run.
    pub budget_line: Vec<String>,
    /// Sparkline polyline points for the actual.
    pub actual_line: Vec<String>,
    /// Sparkline polyline points for the forecast (empty without one).
    pub forecast_line: Vec<String>,
    /// For a whole made of parts: "Made of 9 parts: opens their
    /// breakdown"; empty otherwise.
    pub parts: String,
}

/// Sparkline box size in pixels (width, height).
pub const SPARKLINE_SIZE: (f64, f64) = (120.0, 36.0);

/// How the dashboard orders indicators within each group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DashboardOrder {
    /// As the dataset lists them.
    #[default]
    Dataset,
    /// Largest variance (by % of the affordable level) first; none last.
    Variance,
}

/// Space between a sparkline's first and last points and its edges, pixels.
const SPARK_INSET: f64 = 2.0;

impl DashboardOrder {
    /// Every order, in the order they are offered.
    pub const ALL: [DashboardOrder; 2] = [DashboardOrder::Dataset, DashboardOrder::Variance];

    /// `dataset`, `variance`: the value of the order's option.
    pub fn slug(self) -> &'static str {
        match self {
            DashboardOrder::Dataset => "dataset",
            DashboardOrder::Variance => "variance",
        }
    }

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|order| order.slug() == slug)
    }

    /// How the order is offered: "As in the report", "Largest variance
    /// first (%)".
    pub fn label(self) -> &'static str {
        match self {
            DashboardOrder::Dataset => "As in the report",
            DashboardOrder::Variance => "Largest variance first (%)",
        }
    }
}

/// A box on the page as the browser measures it, in CSS pixels from the
/// viewport's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageBox {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width.
    pub width: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// Where a sparkline's tooltip goes, in pixels from the top-left corner of
/// `area` (the box it is placed in): 12 px right of the pointer at
/// `pointer_x` (page pixels) but never past the area's right edge (the
/// tooltip is `tip_width` wide) or its left, and 4 px below the
/// sparkline's box `spark`. Below, not beside, so it never covers the line.
pub fn spark_tip_place(
    pointer_x: f64,
    area: PageBox,
    tip_width: f64,
    spark: PageBox,
) -> (f64, f64) {
    let left = (pointer_x - area.left + 12.0)
        .min(area.width - tip_width)
        .max(0.0);
    (left, spark.bottom - area.top + 4.0)
}

/// The period a pointer at page x `pointer_x` is nearest on a sparkline
/// measured at `spark` (its box on the page), of `count` periods (points
/// run from 2 px inside its left edge to 2 px inside its right, as the
/// sparklines are drawn).
pub fn spark_position(pointer_x: f64, spark: PageBox, count: usize) -> usize {
    Viewport::points(count)
        .nearest(
            pointer_x - spark.left,
            SPARK_INSET,
            spark.width - SPARK_INSET,
        )
        .unwrap_or(0)
}

/// How the overview's first group of cards is laid out, in CSS pixels, as
/// the browser measured it: the basis for the height of groups not yet laid
/// out (the overview skips groups out of view).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupLayout {
    /// Width of the group's card grid.
    pub list_width: f64,
    /// Height of the group's card grid.
    pub list_height: f64,
    /// Width of one card; 0 if the group has not been laid out.
    pub card_width: f64,
    /// Cards in the group.
    pub cards: usize,
    /// Height of the whole group (its heading and its grid).
    pub group_height: f64,
}

impl GroupLayout {
    /// The height in CSS pixels a group of `cards` would have laid out the
    /// same way: as many cards a row as fit across (the grid fills every
    /// row but the last), rows as tall, the same heading. `None` when this
    /// group has not been laid out.
    pub fn height_for(&self, cards: usize) -> Option<f64> {
        if self.card_width <= 0.0 {
            return None;
        }
        let columns = ((self.list_width / self.card_width).floor() as usize).max(1);
        let rows = |count: usize| count.div_ceil(columns);
        let row_height = self.list_height / rows(self.cards).max(1) as f64;
        let heading_height = self.group_height - self.list_height;
        Some(heading_height + row_height * rows(cards) as f64)
    }
}

/// Polyline point strings for `series` over a shared `low..high` range.
pub(super) fn spark(series: &[Option<f64>], low: f64, high: f64) -> Vec<String> {
    let (width, height) = SPARKLINE_SIZE;
    let viewport = Viewport::points(series.len());
    let span = if high > low { high - low } else { 1.0 };
    let to_pixels = |(index, value): &(usize, f64)| {
        (
            viewport.to_pixel(*index as f64, SPARK_INSET, width - SPARK_INSET),
            height - SPARK_INSET - (value - low) / span * (height - 2.0 * SPARK_INSET),
        )
    };
    let runs = runs(series, 0..series.len())
        .into_iter()
        .map(|run| run.iter().map(to_pixels).collect::<Vec<_>>());
    // A year of thousands of readings keeps, per pixel, only the points
    // that decide what the pixel shows (see chart::m4). A period reported
    // alone would be a polyline of one point, which draws nothing: it gets
    // a 3 px stroke so every reported value shows.
    runs.map(|run| match run.as_slice() {
        [(x, y)] => vec![((x - 1.5).max(0.0), *y), ((x + 1.5).min(width), *y)],
        _ => run,
    })
    .map(|run| {
        m4(&run)
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
    .collect()
}

/// "+8,006 hours": quantities name what they count on a card.
fn with_unit_name(indicator: &Indicator, amount: String) -> String {
    match indicator.unit.kind {
        UnitKind::Quantity if !indicator.unit.label.trim().is_empty() => {
            format!("{amount} {}", indicator.unit.label.trim())
        }
        _ => amount,
    }
}

/// A period named on a card: "January 2012", "Q4 2011-12", "Spring term 2011-12".
pub(super) fn period_name(indicator: &Indicator, index: usize, year: FinancialYear) -> String {
    match indicator.periods {
        PeriodScheme::Month => indicator.periods.long_label(index, year),
        _ => indicator.periods.announce_label(index, year),
    }
}

/// One card's figures, kept until the group's money scale is known.
struct Card<'a> {
    indicator: &'a Indicator,
    figures: &'a YearFigures,
    analysis: YearAnalysis,
    /// A performance indicator's latest period (`None` for any other
    /// indicator, or with nothing reported).
    performance: Option<Latest>,
}

impl Card<'_> {
    /// A year with no actuals yet: its forecast's variance against the
    /// full-year affordable level, and that as a percentage.
    fn forecast_only(&self) -> Option<(f64, Option<f64>)> {
        let a = &self.analysis;
        if a.last_reported.is_some() {
            return None;
        }
        Some((a.forecast_variance?, a.forecast_variance_pct))
    }

    /// Where the card stands: by its variance, else its forecast's.
    fn standing(&self) -> Standing {
        // A performance indicator stands by its latest status against
        // target, never by an affordable level it does not have.
        if self.indicator.is_performance() {
            return match self.performance {
                Some(latest) => latest
                    .now
                    .status
                    .map_or(Standing::NoStatus, Standing::Rated),
                None => Standing::NoActual,
            };
        }
        match (self.analysis.last_reported, self.analysis.variance) {
            (None, _) => match self.forecast_only() {
                Some((v, _)) if v > 0.0 => Standing::ForecastOver,
                Some((v, _)) if v < 0.0 => Standing::ForecastUnder,
                Some(_) => Standing::OnLevel,
                None => Standing::NoActual,
            },
            (Some(_), None) => Standing::NoBudget,
            (Some(_), Some(v)) if v > 0.0 => Standing::Over,
            (Some(_), Some(v)) if v < 0.0 => Standing::Under,
            _ => Standing::OnLevel,
        }
    }

    /// The latest reported actual and the change on the period just before
    /// it (when that was reported).
    fn latest(&self) -> Option<(usize, f64, Option<f64>)> {
        let actual = self.figures.actual.as_ref()?;
        let last = self.analysis.last_reported?;
        let value = actual.get(last).copied().flatten()?;
        let before = last
            .checked_sub(1)
            .and_then(|i| actual.get(i).copied().flatten());
        Some((last, value, before.map(|b| value - b)))
    }

    /// A performance indicator's latest result against its target: "78.1%
    /// in Q4 2011-12, 5.9 percentage points better than target", or
    /// without a target, that it has none.
    fn against_target(&self) -> Option<String> {
        let now = self.performance?.now;
        let actual = now.actual?;
        let unit = &self.indicator.unit;
        let value = format_value(unit, actual, self.indicator.precision());
        let when = period_name(self.indicator, now.period, now.year);
        Some(match now.target {
            Some(target) => format!(
                "{value} in {when}, {}",
                against_target(self.indicator, actual, target)
            ),
            None => format!("{value} in {when}; no target set"),
        })
    }

    /// The amounts the card shows, in the indicator's unit.
    fn amounts(&self) -> Vec<f64> {
        match (self.analysis.variance, self.forecast_only(), self.latest()) {
            (Some(v), _, _) => vec![v],
            (None, Some((v, _)), _) => vec![v],
            (None, None, Some((_, value, change))) => {
                [Some(value), change].into_iter().flatten().collect()
            }
            _ => Vec::new(),
        }
    }

    /// The scale this card's money would be shown at on its own.
    fn natural_money_scale(&self) -> Option<MoneyScale> {
        let UnitKind::Money { scale } = self.indicator.unit.kind else {
            return None;
        };
        let largest = self
            .amounts()
            .iter()
            .fold(0.0f64, |most, v| most.max((v * scale).abs()));
        Some(MoneyScale::for_data(
            scale,
            self.indicator.precision(),
            largest,
        ))
    }

    /// An amount of this card in the unit, at `money` for money.
    fn amount(&self, value: f64, signed: bool, money: Option<MoneyScale>) -> String {
        let unit = &self.indicator.unit;
        let decimals = self.indicator.precision();
        match (money, &unit.kind) {
            (Some(money), UnitKind::Money { scale }) if signed => {
                with_plus(value, money.format(value * scale))
            }
            (Some(money), UnitKind::Money { scale }) => money.format(value * scale),
            _ if signed => with_unit_name(self.indicator, format_signed(unit, value, decimals)),
            _ => format_value(unit, value, decimals),
        }
    }

    /// See [`DashboardEntry::figure`].
    fn figure(&self, money: Option<MoneyScale>) -> String {
        if self.indicator.is_performance() {
            return self.against_target().unwrap_or_default();
        }
        if let Some(v) = self.analysis.variance {
            return with_percent(self.amount(v, true, money), self.analysis.variance_pct);
        }
        if let Some((v, percent)) = self.forecast_only() {
            return with_percent(self.amount(v, true, money), percent);
        }
        let Some((last, value, change)) = self.latest() else {
            return String::new();
        };
        let year = self.analysis.year;
        let mut text = format!(
            "{} in {}",
            self.amount(value, false, money),
            period_name(self.indicator, last, year)
        );
        if let Some(change) = change {
            let words = match (money, &self.indicator.unit.kind) {
                (Some(money), UnitKind::Money { scale }) => money.format((change * scale).abs()),
                _ => format_difference(&self.indicator.unit, change, self.indicator.precision()),
            };
            text.push_str(&format!(
                ", {} on {}",
                up_or_down(change, words),
                period_name(self.indicator, last - 1, year)
            ));
        }
        text
    }

    /// See [`DashboardEntry::basis`].
    fn basis(&self) -> String {
        let a = &self.analysis;
        let periods = &self.indicator.periods;
        let year = a.year;
        let count = format!(
            "{} of {} {}s",
            a.periods_reported,
            a.periods,
            periods.noun()
        );
        let Some(last) = a.last_reported else {
            return if a.forecast.is_some() {
                format!("Forecast for {year}, no actuals yet")
            } else {
                format!("{year}, no actuals yet")
            };
        };
        // A snapshot's figure, and the latest value a card shows where there
        // is no variance, are the latest period's: the basis says so.
        if matches!(a.year_value, YearValue::Last | YearValue::None) || a.variance.is_none() {
            // A month names its calendar year; the financial year follows.
            let name = period_name(self.indicator, last, year);
            return match periods {
                PeriodScheme::Month => format!("Latest, {name} ({year}, {count})"),
                _ => format!("Latest, {name} ({count})"),
            };
        }
        let mut text = if a.is_complete() {
            format!("Full year {year}, {count}")
        } else if a.is_to_date() {
            format!("Year to date, {year}, {count}")
        } else {
            format!(
                "{year}, {} ({count})",
                periods.coverage_label(&a.reported, year)
            )
        };
        if a.compares_fewer_than_reported() && a.variance.is_some() {
            text.push_str(&format!(
                "; variance over {}",
                periods.coverage_label(&a.compared, year)
            ));
        }
        text
    }
}

/// What the overview's cards say and how their sparklines are drawn, in
/// the words of the data: affordable levels, targets, or both.
pub fn overview_subtitle(dataset: &Dataset) -> &'static str {
    let performance = dataset
        .indicators
        .iter()
        .filter(|i| i.is_performance())
        .count();
    if performance == 0 {
        "Each card gives its variance against the affordable level, or its latest figure where there is none, and the periods it covers. Solid line: actual; dashed: affordable level; dotted: forecast. Choose an indicator to open it."
    } else if performance == dataset.indicators.len() {
        "Each card gives its latest result against its target, its status, and the periods it covers. Solid line: actual; dashed: target. Choose an indicator to open it."
    } else {
        "Each card gives its variance against the affordable level, or a performance indicator's latest result against its target and its status, or its latest figure where there is neither, and the periods it covers. Solid line: actual; dashed: affordable level or target; dotted: forecast. Choose an indicator to open it."
    }
}

/// The overview's heading: "All 38 indicators, 2011-12" (the year left
/// out before one is chosen).
pub fn overview_title(
    groups: &[(String, Vec<DashboardEntry>)],
    year: Option<FinancialYear>,
) -> String {
    let count: usize = groups.iter().map(|(_, entries)| entries.len()).sum();
    match year {
        Some(year) => format!("All {count} indicators, {year}"),
        None => format!("All {count} indicators"),
    }
}

/// Every indicator for `year`, grouped by `group`, with its year-to-date
/// variance and sparklines; figures come from the same analysis as
/// `outturn summary`.
pub fn dashboard(
    dataset: &Dataset,
    year: Option<FinancialYear>,
    order: DashboardOrder,
) -> Vec<(String, Vec<DashboardEntry>)> {
    let parts_of = |id: &str| crate::analysis::children(dataset, id).len();
    let mut groups = grouped_indicators(dataset, "")
        .into_iter()
        .map(|(group, members)| {
            let entries = members
                .into_iter()
                .filter_map(|indicator| card_entry(indicator, year))
                .collect::<Vec<_>>();
            // One scale for the money in a group of cards, so `-£2,812k`
            // never stands beside `-£10.2m`.
            let scales: Vec<MoneyScale> = entries.iter().filter_map(|(_, _, m)| *m).collect();
            let common = MoneyScale::common(&scales);
            let entries = entries
                .into_iter()
                .map(|(mut entry, card, money)| {
                    entry.figure = card.figure(money.and(common));
                    let parts = parts_of(&entry.id);
                    if parts > 0 {
                        entry.parts = format!("Made of {parts} parts: opens their breakdown");
                    }
                    entry
                })
                .collect();
            (group, entries)
        })
        .collect::<Vec<_>>();
    if order == DashboardOrder::Variance {
        for (_, entries) in &mut groups {
            let size = |e: &DashboardEntry| e.variance_pct.map(f64::abs);
            crate::order::sort_stable_by(entries, |a, b| {
                crate::order::missing_last(size(a), size(b), true)
            });
        }
    }
    groups
}

/// The lowest and highest of a year's affordable level, actual, forecast
/// and target: the range its sparklines share.
pub(super) fn year_range(figures: &YearFigures) -> (f64, f64) {
    value_range(
        [
            &figures.budget,
            &figures.actual,
            &figures.forecast,
            &figures.target,
        ]
        .into_iter()
        .flatten()
        .flat_map(|s| s.iter().flatten().copied()),
    )
}

/// The lowest and highest of `values` (infinite, and so drawing nothing,
/// when there are none): the range a sparkline is drawn over.
pub(super) fn value_range(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    values
        .into_iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        })
}

/// One indicator's card for `year` (or the indicator's own latest year if
/// it lacks that one), the card's figures kept for the group's money scale,
/// and the scale its money would take on its own.
fn card_entry(
    indicator: &Indicator,
    year: Option<FinancialYear>,
) -> Option<(DashboardEntry, Card<'_>, Option<MoneyScale>)> {
    let year = year
        .filter(|y| indicator.year(*y).is_some())
        .or_else(|| indicator.default_year())?;
    let figures = indicator.year(year)?;
    let analysis = crate::analysis::analyse_year(indicator, figures);
    let decimals = indicator.precision();
    let (low, high) = year_range(figures);
    let empty = Vec::new();
    let variance = analysis.variance;
    let variance_pct = analysis.variance_pct;
    let coverage = format!(
        "{year}, {} of {} {}s",
        analysis.periods_reported,
        analysis.periods,
        indicator.periods.noun()
    );
    let card = Card {
        indicator,
        figures,
        analysis,
        performance: indicator
            .is_performance()
            .then(|| latest(indicator, figures))
            .flatten(),
    };
    let standing = card.standing();
    let money = card.natural_money_scale();
    Some((
        DashboardEntry {
            id: indicator.id.clone(),
            title: indicator.title.clone(),
            year,
            variance,
            variance_pct,
            variance_text: variance.map_or_else(
                || "-".to_string(),
                |v| with_unit_name(indicator, format_signed(&indicator.unit, v, decimals)),
            ),
            percent_text: variance_pct
                .map(crate::format::format_percent)
                .unwrap_or_default(),
            standing,
            coverage,
            figure: String::new(),
            basis: card.basis(),
            // The dashed line is the level the actual is read against: the
            // affordable level, or a performance indicator's target.
            budget_line: spark(
                figures
                    .budget
                    .as_ref()
                    .or(figures.target.as_ref())
                    .unwrap_or(&empty),
                low,
                high,
            ),
            actual_line: spark(figures.actual.as_ref().unwrap_or(&empty), low, high),
            forecast_line: spark(figures.forecast.as_ref().unwrap_or(&empty), low, high),
            parts: String::new(),
        },
        card,
        money,
    ))
}

#[cfg(test)]
mod tests {
    use super::GroupLayout;

    #[test]
    fn a_group_not_yet_laid_out_is_estimated_from_the_first() {
        // Three cards in a row with room for four (1,214 px of 297 px cards).
        let first = GroupLayout {
            list_width: 1214.0,
            list_height: 229.0,
            card_width: 297.0,
            cards: 3,
            group_height: 40.0 + 229.0,
        };
        // 27 cards: 7 rows of 4.
        assert_eq!(first.height_for(27), Some(40.0 + 7.0 * 229.0));
        assert_eq!(first.height_for(0), Some(40.0));
        // 250 cards laid out in rows of 4 (63 rows) give 250 more the same height.
        let full = GroupLayout {
            cards: 250,
            list_height: 63.0 * 128.0,
            group_height: 40.0 + 63.0 * 128.0,
            ..first
        };
        assert_eq!(full.height_for(250), Some(40.0 + 63.0 * 128.0));
        // Not laid out (content skipped): no estimate.
        let skipped = GroupLayout {
            card_width: 0.0,
            ..first
        };
        assert_eq!(skipped.height_for(27), None);
    }

    #[test]
    fn a_sparkline_tooltip_sits_below_it_inside_the_overview() {
        use super::{spark_tip_place, PageBox};
        let area = PageBox {
            left: 100.0,
            top: 50.0,
            width: 600.0,
            bottom: 900.0,
        };
        let spark = PageBox {
            left: 120.0,
            top: 200.0,
            width: 120.0,
            bottom: 236.0,
        };
        assert_eq!(spark_tip_place(150.0, area, 200.0, spark), (62.0, 190.0));
        // Near the right edge it stays inside; never left of the area.
        assert_eq!(spark_tip_place(690.0, area, 200.0, spark), (400.0, 190.0));
        assert_eq!(spark_tip_place(150.0, area, 700.0, spark), (0.0, 190.0));
    }
}
