//! What every view builder reads: one indicator in one year, its analysis,
//! the reader's choices, and the sentences several panels share. Also
//! [`Context::panel`], which completes a panel the same way for every view
//! (legend from every line, the lines the reader hid left out), so a view
//! returns its panels finished.

use std::rc::Rc;

use crate::analysis::{project, Projection, YearAnalysis};
use crate::chart::Scene;
use crate::format::{headline, spoken, PointDetail};
use crate::model::{Dataset, FinancialYear, Indicator, YearFigures};
use crate::summary::YearSummary;

use super::{Panel, PanelKind, PerPosition, ViewOptions};

/// One indicator in one year, analysed, with the reader's choices: the
/// input of every view builder.
pub(super) struct Context<'a> {
    /// The dataset (for the unit-cost indicator a cost view draws).
    pub dataset: &'a Dataset,
    /// The indicator, shared with the per-position closures.
    pub shared: &'a Rc<Indicator>,
    /// The year shown.
    pub year: FinancialYear,
    /// The year's index in `indicator.years`.
    pub year_index: usize,
    /// The year's figures.
    pub figures: &'a YearFigures,
    /// The analysis and the £ effect.
    pub summary: &'a YearSummary,
    /// The reader's choices.
    pub options: &'a ViewOptions,
    /// The projection from the "as at" period by the chosen method, where
    /// there is one.
    pub projection: Option<Projection>,
    /// The headline, as written (not yet [`spoken`]).
    pub headline: String,
    /// "April 2011 to March 2012": the year's first to last period.
    pub span: String,
}

impl<'a> Context<'a> {
    /// Gathers the context of `indicator` in `year` (`None` if the
    /// indicator has no such year), projecting the year from the "as at"
    /// period by the chosen method (none before anything is reported).
    pub fn new(
        dataset: &'a Dataset,
        shared: &'a Rc<Indicator>,
        year: FinancialYear,
        summary: &'a YearSummary,
        options: &'a ViewOptions,
    ) -> Option<Self> {
        let indicator: &Indicator = shared;
        let year_index = indicator.years.iter().position(|f| f.year == year)?;
        let figures = indicator.years.get(year_index)?;
        let periods = indicator.periods.len();
        let projection = summary.analysis.last_reported.and_then(|last| {
            let as_at = options.as_at.unwrap_or(last).min(last);
            project(indicator, figures, as_at, options.method)
        });
        Some(Self {
            dataset,
            shared,
            year,
            year_index,
            figures,
            summary,
            options,
            projection,
            headline: headline(indicator, &summary.analysis),
            span: format!(
                "{} to {}",
                indicator.periods.long_label(0, year),
                indicator
                    .periods
                    .long_label(periods.saturating_sub(1), year)
            ),
        })
    }

    /// The indicator.
    pub fn indicator(&self) -> &'a Indicator {
        self.shared
    }

    /// The year's analysis.
    pub fn analysis(&self) -> &'a YearAnalysis {
        &self.summary.analysis
    }

    /// Periods in a year.
    pub fn periods(&self) -> usize {
        self.indicator().periods.len()
    }

    /// Decimal places the indicator's values are shown with.
    pub fn decimals(&self) -> usize {
        self.indicator().precision()
    }

    /// "June 2011": period `index` of the year, in full.
    pub fn period_title(&self, index: usize) -> String {
        self.indicator().periods.long_label(index, self.year)
    }

    /// How each period of the year is announced: "June 2011-12".
    pub fn announce_periods(&self) -> PerPosition<String> {
        let (ind, year) = (Rc::clone(self.shared), self.year);
        PerPosition::new(self.periods(), move |i| {
            Some(ind.periods.announce_label(i, year))
        })
    }

    /// ", with Actual 2010-11, Affordable level 2012-13 for comparison": the
    /// faint lines of `scene` that are there to compare with, or nothing.
    pub fn compared_lines(scene: &Scene) -> String {
        let others: Vec<&str> = scene
            .lines
            .iter()
            .filter(|l| l.role.is_comparison())
            .map(|l| l.label.as_str())
            .collect();
        if others.is_empty() {
            String::new()
        } else {
            format!(", with {} for comparison", others.join(", "))
        }
    }

    /// A finished panel: the legend lists every line of `scene`, the lines
    /// the reader hid are left out of what is drawn, and `summary` (the
    /// text alternative) is read with money in words.
    pub fn panel(&self, parts: PanelParts) -> Panel {
        let legend = parts
            .scene
            .lines
            .iter()
            .map(|l| (l.role, l.label.clone()))
            .collect();
        Panel {
            kind: parts.kind,
            title: parts.title,
            scene: parts.scene.without(&self.options.hidden),
            details: parts.details,
            zoomable: parts.kind == PanelKind::Timeline,
            legend,
            totals: parts.totals,
            summary: spoken(&parts.summary),
            announce: parts.announce,
            decimals: self.decimals(),
        }
    }

    /// The indicator whose unit cost prices this one, where it has one.
    pub fn cost_indicator(&self) -> Option<&'a Indicator> {
        let id = self.indicator().unit_cost.as_deref()?;
        self.dataset.indicator(id)
    }
}

/// What a view builder decides about one panel; [`Context::panel`]
/// completes it.
pub(super) struct PanelParts {
    /// Which panel.
    pub kind: PanelKind,
    /// Heading above the chart.
    pub title: String,
    /// Every line the panel can show (none hidden yet).
    pub scene: Scene,
    /// Tooltip content per x position.
    pub details: PerPosition<PointDetail>,
    /// How each x position is announced.
    pub announce: PerPosition<String>,
    /// The text alternative, as written.
    pub summary: String,
    /// Rows after the periods in the table (none for most panels).
    pub totals: Vec<PointDetail>,
}

/// What a view shows: its panels, finished, and for the forecast the
/// projection in a sentence.
pub(super) struct Built {
    /// The charts, in order.
    pub panels: Vec<Panel>,
    /// The projection in a sentence, or why there is none (forecast view).
    pub projection_sentence: Option<String>,
}

impl From<Vec<Panel>> for Built {
    fn from(panels: Vec<Panel>) -> Self {
        Self {
            panels,
            projection_sentence: None,
        }
    }
}

/// A tooltip of labelled rows, and the sentence that announces it:
/// "June 2011: affordable level to date 57,687 tonnes, actual to date ...".
pub(super) fn detail(title: String, rows: Vec<(String, String)>) -> PointDetail {
    let sentence = format!(
        "{title}: {}",
        rows.iter()
            .map(|(label, value)| format!("{} {value}", crate::format::lower(label)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    PointDetail {
        title,
        rows,
        status: None,
        sentence: spoken(&sentence),
    }
}
