//! Everything the widget shows for one selection (indicator, year and view),
//! assembled from the analysis so that the Yew layer only renders strings
//! and scenes: headline, cost and projection sentences, printed-total flags,
//! and the view's panels (chart scene, tooltip rows, legend, summary,
//! keyboard announcements). Also the grouped, searchable list of indicators
//! for the picker. `dashboard` builds the overview; `table` turns a panel
//! into a table and CSV.

use std::rc::Rc;

use crate::analysis::{
    project, variance_percent, CostConvention, ForecastMethod, Projection, YearAnalysis,
};
use crate::chart::{
    build_scene, cost_effect_scene, cumulative_scene, forecast_scene, timeline_scene,
    variance_scene, years_scene, Scene, SeriesRole,
};
use crate::format::{
    capitalise, cost_sentence, format_amount, format_money, format_number, format_value,
    format_variance, headline, point_detail, printed_sentences, spoken, PointDetail,
};
use crate::model::{Dataset, FinancialYear, Indicator, YearValue};

mod dashboard;
mod per_position;
mod table;

use crate::summary::{summarise_year, YearSummary};
pub use dashboard::{
    dashboard, spark_position, DashboardEntry, DashboardOrder, GroupLayout, Standing,
    SPARKLINE_SIZE,
};
pub use per_position::PerPosition;
pub use table::{plain_number, PanelTable};

/// The views a reader can switch between (URL `view=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Every indicator as a small multiple.
    Dashboard,
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
}

impl View {
    /// Every view, in the order of the tabs.
    pub const ALL: [View; 7] = [
        View::Dashboard,
        View::Budget,
        View::Cumulative,
        View::Variance,
        View::Years,
        View::Cost,
        View::Forecast,
    ];

    /// URL word: `dashboard`, `budget`, `cumulative`, `variance`, `years`, `cost`, `forecast`.
    pub fn slug(self) -> &'static str {
        match self {
            View::Dashboard => "dashboard",
            View::Budget => "budget",
            View::Cumulative => "cumulative",
            View::Variance => "variance",
            View::Years => "years",
            View::Cost => "cost",
            View::Forecast => "forecast",
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
            View::Budget => "Budget vs actual",
            View::Cumulative => "Year to date",
            View::Variance => "Variance",
            View::Years => "Year on year",
            View::Cost => "Cost",
            View::Forecast => "Forecast",
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
    /// Visible x window of the timeline, in positions; default all.
    pub window: Option<(f64, f64)>,
    /// Keys of lines hidden through the legend.
    pub hidden: Vec<String>,
}

/// One chart of a view, with the tooltip content for each x position.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// Stable name: `budget`, `cumulative`, `variance`, `overlay`,
    /// `timeline`, `unit-cost`, `cost-effect`, `forecast`.
    pub key: &'static str,
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
    /// Plain-English headline (money in words).
    pub headline: String,
    /// The £ effect sentence, where there is one (money in words).
    pub cost: Option<String>,
    /// Printed totals that differ from the computed ones.
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

/// A value as the tooltips show it, or "not reported".
fn shown(unit: &crate::model::Unit, decimals: usize, value: Option<f64>) -> String {
    value.map_or_else(
        || "not reported".to_string(),
        |v| format_value(unit, v, decimals),
    )
}

fn detail(title: String, rows: Vec<(String, String)>) -> PointDetail {
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

impl IndicatorView {
    /// The view of indicator `id` in `year`; `None` if either is not in the data.
    pub fn new(
        dataset: &Dataset,
        id: &str,
        year: FinancialYear,
        options: &ViewOptions,
    ) -> Option<Self> {
        let shared = Rc::clone(dataset.shared_indicator(id)?);
        let indicator: &Indicator = &shared;
        let figures = indicator.year(year)?;
        let year_index = indicator.years.iter().position(|f| f.year == year)?;
        let summary = summarise_year(dataset, indicator, year, options.convention)?;
        let analysis = &summary.analysis;
        let decimals = indicator.precision();
        let unit = &indicator.unit;
        let periods = indicator.periods.len();
        let period_title = |index: usize| indicator.periods.long_label(index, year);
        let cost_indicator = indicator
            .unit_cost
            .as_deref()
            .and_then(|id| dataset.indicator(id));
        let last = analysis.last_reported;
        let as_at = options
            .as_at
            .unwrap_or(last.unwrap_or(0))
            .min(last.unwrap_or(0));
        let projection = last.and_then(|_| project(indicator, figures, as_at, options.method));

        let mut available = vec![View::Dashboard, View::Budget];
        // A snapshot is not added up over the year: its "year to date" chart
        // would only repeat its values under a name that misdescribes them.
        if indicator.year_value != YearValue::Last {
            available.push(View::Cumulative);
        }
        available.extend([View::Variance, View::Years]);
        if summary.cost_effect.is_some() {
            available.push(View::Cost);
        }
        if last.is_some() && indicator.year_value != YearValue::None {
            available.push(View::Forecast);
        }
        let view = if available.contains(&options.view) {
            options.view
        } else {
            View::Budget
        };

        let budget_panel = || Panel {
            key: "budget",
            title: format!(
                "Affordable level and actual by {}, {year}",
                indicator.periods.noun()
            ),
            scene: build_scene(indicator, year)
                .unwrap_or_else(|| Scene::new(Vec::new(), unit.clone())),
            details: {
                let ind = Rc::clone(&shared);
                PerPosition::new(periods, move |i| {
                    Some(point_detail(&ind, ind.years.get(year_index)?, i))
                })
            },
            totals: year_totals(indicator, figures, analysis),
            ..Panel::blank()
        };
        let mut panels = match view {
            View::Dashboard | View::Budget => vec![budget_panel()],
            View::Cumulative => {
                let c = &analysis.cumulative;
                vec![Panel {
                    key: "cumulative",
                    title: format!("Year to date, {year}"),
                    scene: cumulative_scene(indicator, analysis),
                    details: {
                        let (ind, c) = (Rc::clone(&shared), c.clone());
                        let running = analysis.running_variance.clone();
                        let has_forecast = figures.forecast.is_some();
                        PerPosition::new(periods, move |i| {
                            let unit = &ind.unit;
                            let at = |s: &[Option<f64>]| s.get(i).copied().flatten();
                            let mut rows = vec![
                                (
                                    "Affordable level to date".to_string(),
                                    shown(unit, decimals, at(&c.budget)),
                                ),
                                (
                                    "Actual to date".to_string(),
                                    shown(unit, decimals, at(&c.actual)),
                                ),
                            ];
                            if has_forecast {
                                rows.push((
                                    "Forecast to date".to_string(),
                                    shown(unit, decimals, at(&c.forecast)),
                                ));
                            }
                            if let Some(v) = at(&running) {
                                rows.push((
                                    "Variance to date".to_string(),
                                    format_variance(
                                        unit,
                                        v,
                                        at(&c.budget).and_then(|b| variance_percent(unit, v, b)),
                                        decimals,
                                    ),
                                ));
                            }
                            Some(detail(ind.periods.long_label(i, year), rows))
                        })
                    },
                    ..Panel::blank()
                }]
            }
            View::Variance => vec![Panel {
                key: "variance",
                title: format!(
                    "Variance by {}, {year} (+ over, - under)",
                    indicator.periods.noun()
                ),
                scene: variance_scene(indicator, analysis),
                details: {
                    let ind = Rc::clone(&shared);
                    let running = analysis.running_variance.clone();
                    PerPosition::new(periods, move |i| {
                        let mut d = point_detail(&ind, ind.years.get(year_index)?, i);
                        if ind.year_value == YearValue::Sum {
                            if let Some(v) = running.get(i).copied().flatten() {
                                d.rows.push((
                                    "Variance to date".to_string(),
                                    format_variance(&ind.unit, v, None, decimals),
                                ));
                            }
                        }
                        Some(d)
                    })
                },
                ..Panel::blank()
            }],
            View::Years => {
                let overlay = years_scene(indicator, year);
                let overlay_details = {
                    let ind = Rc::clone(&shared);
                    PerPosition::new(periods, move |i| {
                        let rows = ind
                            .years
                            .iter()
                            .rev()
                            .flat_map(|f| {
                                let main = match (&f.actual, &f.budget) {
                                    (Some(a), _) => Some((format!("Actual {}", f.year), a)),
                                    (None, Some(b)) => {
                                        Some((format!("Affordable level {}", f.year), b))
                                    }
                                    _ => None,
                                };
                                // Forecasts are shown wherever actuals are.
                                let forecast = f
                                    .forecast
                                    .as_ref()
                                    .map(|v| (format!("Forecast {}", f.year), v));
                                main.into_iter().chain(forecast).map(|(label, values)| {
                                    (
                                        label,
                                        shown(
                                            &ind.unit,
                                            decimals,
                                            values.get(i).copied().flatten(),
                                        ),
                                    )
                                })
                            })
                            .collect();
                        Some(detail(
                            format!("{} (each year)", ind.periods.short_label(i)),
                            rows,
                        ))
                    })
                };
                let timeline = timeline_scene(indicator, options.window);
                let timeline_details = {
                    let ind = Rc::clone(&shared);
                    PerPosition::new(periods * indicator.years.len(), move |i| {
                        let figures = ind.years.get(i / periods.max(1))?;
                        Some(point_detail(&ind, figures, i % periods.max(1)))
                    })
                };
                vec![
                    Panel {
                        key: "overlay",
                        title: "Every year on one April-to-March axis".to_string(),
                        scene: overlay,
                        details: overlay_details,
                        ..Panel::blank()
                    },
                    Panel {
                        key: "timeline",
                        title: format!(
                            "Timeline, {} to {}",
                            indicator
                                .years
                                .first()
                                .map(|f| f.year.to_string())
                                .unwrap_or_default(),
                            indicator
                                .years
                                .last()
                                .map(|f| f.year.to_string())
                                .unwrap_or_default()
                        ),
                        scene: timeline,
                        details: timeline_details,
                        zoomable: true,
                        ..Panel::blank()
                    },
                ]
            }
            View::Cost => {
                let mut panels = Vec::new();
                if let Some(cost) = cost_indicator {
                    if let (Some(scene), Some(cost_figures)) =
                        (build_scene(cost, year), cost.year(year))
                    {
                        panels.push(Panel {
                            key: "unit-cost",
                            title: format!("Unit cost ({}), {year}", cost.unit.label.trim()),
                            scene,
                            details: {
                                let cost = Rc::new(cost.clone());
                                let index =
                                    cost.years.iter().position(|f| f.year == cost_figures.year);
                                PerPosition::new(periods, move |i| {
                                    Some(point_detail(&cost, cost.years.get(index?)?, i))
                                })
                            },
                            ..Panel::blank()
                        });
                    }
                }
                if let Some(effect) = &summary.cost_effect {
                    let rows = |label: &str, pounds: f64| {
                        detail(
                            label.to_string(),
                            vec![("Effect".to_string(), signed_money(pounds))],
                        )
                    };
                    panels.push(Panel {
                        key: "cost-effect",
                        title: "The £ effect, split into volume and price".to_string(),
                        scene: cost_effect_scene(effect),
                        details: PerPosition::from_vec(vec![
                            rows("Volume effect", effect.volume),
                            rows("Price effect", effect.price),
                            rows("Total (volume + price)", effect.total()),
                        ]),
                        ..Panel::blank()
                    });
                }
                panels
            }
            View::Forecast => match (
                &projection,
                forecast_scene_for(indicator, year, projection.as_ref()),
            ) {
                (Some(p), Some(scene)) => vec![Panel {
                    key: "forecast",
                    title: format!("Projected outturn, as at {}", period_title(p.as_at)),
                    scene,
                    details: {
                        let (ind, p) = (Rc::clone(&shared), p.clone());
                        PerPosition::new(periods, move |i| {
                            let unit = &ind.unit;
                            let budget = ind
                                .years
                                .get(year_index)?
                                .budget
                                .as_ref()
                                .and_then(|b| b.get(i).copied().flatten());
                            let mut rows = vec![(
                                "Affordable level".to_string(),
                                shown(unit, decimals, budget),
                            )];
                            let at = |s: &[Option<f64>]| s.get(i).copied().flatten();
                            match (at(&p.actual), at(&p.projected)) {
                                (Some(a), _) => rows
                                    .push(("Actual".to_string(), shown(unit, decimals, Some(a)))),
                                (None, Some(v)) => rows.push((
                                    "Projected".to_string(),
                                    shown(unit, decimals, Some(v)),
                                )),
                                _ => rows.push(("Actual".to_string(), shown(unit, decimals, None))),
                            }
                            Some(detail(ind.periods.long_label(i, year), rows))
                        })
                    },
                    ..Panel::blank()
                }],
                _ => vec![budget_panel()],
            },
        };
        let projection_sentence = (view == View::Forecast).then(|| match &projection {
            Some(p) => projection_words(indicator, p, &period_title(p.as_at)),
            None => format!(
                "No projection by {}: {}",
                options.method.describe(),
                missing_reason(options.method)
            ),
        });
        let headline_text = headline(indicator, analysis);
        let span = format!(
            "{} to {}",
            indicator.periods.long_label(0, year),
            indicator
                .periods
                .long_label(periods.saturating_sub(1), year)
        );
        for panel in &mut panels {
            let mut text =
                panel_summary(panel, indicator, &span, &headline_text, analysis, &summary);
            if let (Some(sentence), "forecast") = (&projection_sentence, panel.key) {
                text.push(' ');
                text.push_str(sentence);
            }
            panel.summary = spoken(&text);
            panel.decimals = decimals;
            let ind = Rc::clone(&shared);
            panel.announce = match panel.key {
                "timeline" => PerPosition::new(periods * indicator.years.len(), move |i| {
                    let figures = ind.years.get(i / periods.max(1))?;
                    Some(ind.periods.announce_label(i % periods.max(1), figures.year))
                }),
                "overlay" => PerPosition::new(periods, move |i| {
                    Some(format!("{}, each year", ind.periods.short_label(i)))
                }),
                "cost-effect" => {
                    PerPosition::from_vec(panel.details.iter().map(|d| d.title).collect())
                }
                _ => PerPosition::new(periods, move |i| Some(ind.periods.announce_label(i, year))),
            };
            panel.legend = panel
                .scene
                .lines
                .iter()
                .map(|l| (l.role, l.label.clone()))
                .collect();
            panel.scene = std::mem::replace(&mut panel.scene, Scene::new(Vec::new(), unit.clone()))
                .without(&options.hidden);
        }

        let as_at_choices = Rc::new(
            (0..=last.unwrap_or(0))
                .filter(|_| last.is_some())
                .map(|i| (i, period_title(i)))
                .collect(),
        );
        // Running text reads money in words ("£1.85 million"), as style
        // guides ask; tables, tooltips and axes keep the short forms.
        Some(Self {
            headline: spoken(&headline_text),
            cost: summary.cost_effect.as_ref().and_then(|effect| {
                let cost = cost_indicator?;
                Some(spoken(&cost_sentence(
                    &indicator.unit,
                    &cost.unit,
                    effect,
                    decimals,
                )))
            }),
            printed: printed_sentences(indicator, analysis)
                .iter()
                .map(|s| spoken(s))
                .collect(),
            panels: panels.into_iter().map(Rc::new).collect(),
            available,
            projection,
            projection_sentence: projection_sentence.map(|s| spoken(&s)),
            as_at_choices,
            indicator: shared,
            year,
            view,
            summary,
        })
    }
}

/// "Line chart of ... by month, April 2011 to March 2012. <finding>"
fn panel_summary(
    panel: &Panel,
    indicator: &Indicator,
    span: &str,
    headline_text: &str,
    analysis: &YearAnalysis,
    summary: &YearSummary,
) -> String {
    let noun = indicator.periods.noun();
    let others: Vec<&str> = panel
        .scene
        .lines
        .iter()
        .filter(|l| {
            matches!(
                l.role,
                SeriesRole::PreviousActual { .. } | SeriesRole::NextBudget
            )
        })
        .map(|l| l.label.as_str())
        .collect();
    let compared = if others.is_empty() {
        String::new()
    } else {
        format!(", with {} for comparison", others.join(", "))
    };
    match panel.key {
        "budget" => format!(
            "Line chart of the actual against the affordable level by {noun}, {span}{compared}; the gap is shaded. {headline_text}"
        ),
        "cumulative" => format!(
            "Line chart of the actual and the affordable level added up year to date, {span}, with the affordable level for the whole year as a target line. {headline_text}"
        ),
        "variance" => {
            let extreme = |over: bool| {
                analysis
                    .period_variance
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| Some((i, (*v)?)))
                    .filter(|(_, v)| if over { *v > 0.0 } else { *v < 0.0 })
                    .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
                    .map(|(i, v)| {
                        format!(
                            "{} ({})",
                            indicator.periods.long_label(i, analysis.year),
                            crate::format::format_signed(&indicator.unit, v, indicator.precision())
                        )
                    })
            };
            let mut text = format!(
                "Bar chart of the variance in each {noun}, {span}: bars above zero are over the affordable level, bars below are under."
            );
            if let Some(over) = extreme(true) {
                text.push_str(&format!(" Furthest over: {over}."));
            }
            if let Some(under) = extreme(false) {
                text.push_str(&format!(" Furthest under: {under}."));
            }
            text.push(' ');
            text.push_str(headline_text);
            text
        }
        "overlay" => format!(
            "Line chart with one line per financial year on the same April-to-March axis: {}.",
            panel.scene.lines.iter().map(|l| l.label.as_str()).collect::<Vec<_>>().join(", ")
        ),
        "timeline" => format!(
            "Line chart of the actual and the affordable level for every {noun} from {} to {}, one year after another; it can be zoomed and panned.",
            indicator.years.first().map(|f| f.year.to_string()).unwrap_or_default(),
            indicator.years.last().map(|f| f.year.to_string()).unwrap_or_default()
        ),
        "unit-cost" => format!("Line chart of the actual unit cost against the affordable unit cost, {span}{compared}."),
        "cost-effect" => {
            let sentence = summary
                .cost_effect
                .map(|e| format!("Volume {}, price {}, total {}.", signed_money(e.volume), signed_money(e.price), signed_money(e.total())))
                .unwrap_or_default();
            format!(
                "Bar chart splitting the £ effect into volume and price, which add up to the total ({}). {sentence}",
                summary.cost_effect.map(|e| e.convention.describe()).unwrap_or_default()
            )
        }
        "forecast" => format!(
            "Line chart of the actual to the \"as at\" {noun}, the projection for the rest of the year as a dashed line, and the affordable level, {span}."
        ),
        _ => headline_text.to_string(),
    }
}

fn forecast_scene_for(
    indicator: &Indicator,
    year: FinancialYear,
    projection: Option<&Projection>,
) -> Option<Scene> {
    forecast_scene(indicator, year, projection?)
}

fn signed_money(pounds: f64) -> String {
    let text = format_money(pounds);
    if pounds > 0.0 && !text.starts_with('-') {
        format!("+{text}")
    } else {
        text
    }
}

fn missing_reason(method: ForecastMethod) -> &'static str {
    match method {
        ForecastMethod::RunRate => "nothing is reported yet.",
        ForecastMethod::LastYearProfile => "the data has no earlier year to take a profile from.",
        ForecastMethod::BudgetProfile => "this indicator has no affordable level.",
    }
}

/// "Projected outturn by run rate so far, as at September 2011: 2,400,000 hours
/// against an affordable level of 2,402,516: 2,516 (0.1%) under."
fn projection_words(indicator: &Indicator, projection: &Projection, as_at: &str) -> String {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let Some(outturn) = projection.outturn else {
        return format!("No projection: the method has nothing to go on as at {as_at}.");
    };
    let lead = format!(
        "Projected outturn by {}, as at {as_at}: {}",
        projection.method.describe(),
        format_value(unit, outturn, decimals)
    );
    match (projection.budget, projection.variance) {
        (Some(budget), Some(variance)) => {
            let amount = format_amount(unit, variance.abs(), decimals);
            let side = if variance > 0.0 {
                "over"
            } else if variance < 0.0 {
                "under"
            } else {
                ""
            };
            let gap = if side.is_empty() {
                "on the affordable level".to_string()
            } else {
                match projection.variance_pct {
                    Some(p) => format!("{amount} ({}%) {side}", format_number(p.abs(), 1)),
                    None => format!("{amount} {side}"),
                }
            };
            format!(
                "{lead} against an affordable level of {}: {gap} at year end.",
                format_amount(unit, budget, decimals)
            )
        }
        _ => format!("{lead}; no affordable level is set."),
    }
}

/// The year as computed (to date while the year is open) and as printed in
/// the source, as table rows with the same columns as the period rows.
fn year_totals(
    indicator: &Indicator,
    figures: &crate::model::YearFigures,
    analysis: &YearAnalysis,
) -> Vec<PointDetail> {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let shown = |value: Option<f64>| {
        value.map_or_else(|| "none".to_string(), |v| format_value(unit, v, decimals))
    };
    // Where some reported periods have no affordable level, the row is over
    // the periods that have both, so its variance adds up across the row.
    let fewer = analysis.compares_fewer_than_reported() && analysis.variance.is_some();
    let actual = if fewer {
        analysis.actual_compared
    } else {
        analysis.actual
    };
    let mut computed = vec![
        (
            "Affordable level".to_string(),
            shown(analysis.budget_to_date),
        ),
        ("Actual".to_string(), shown(actual)),
    ];
    if figures.forecast.is_some() {
        computed.push(("Forecast".to_string(), shown(analysis.forecast)));
    }
    if let Some(variance) = analysis.variance {
        computed.push((
            "Variance".to_string(),
            format_variance(unit, variance, analysis.variance_pct, decimals),
        ));
    }
    let periods = &indicator.periods;
    let year = analysis.year;
    let label = if fewer {
        format!(
            "{} (computed)",
            capitalise(&periods.coverage_label(&analysis.compared, year))
        )
    } else if analysis.year_value == YearValue::Last {
        // A snapshot's figure is its latest period, never a year to date.
        match analysis.last_reported {
            Some(last) => format!("Latest, {} (computed)", periods.long_label(last, year)),
            None => "Latest (computed)".to_string(),
        }
    } else if analysis.is_complete() {
        "Year (computed)".to_string()
    } else if analysis.is_to_date() || analysis.reported.is_empty() {
        "Year to date (computed)".to_string()
    } else {
        format!(
            "{} (computed)",
            capitalise(&periods.coverage_label(&analysis.reported, year))
        )
    };
    let mut totals = vec![detail(label, computed)];
    let printed = figures.printed_total;
    if !printed.is_empty() {
        let rows = [
            ("Affordable level", printed.budget),
            ("Actual", printed.actual),
            ("Forecast", printed.forecast),
        ]
        .into_iter()
        .filter_map(|(label, value)| {
            Some((label.to_string(), format_value(unit, value?, decimals)))
        })
        .collect();
        totals.push(detail("Year (as printed in the source)".to_string(), rows));
    }
    totals
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
    /// The table rows a page shows for x window `window` (positions): those
    /// inside it, at most `max` from the first; and the number of rows in all.
    pub fn rows_in(&self, window: (f64, f64), max: usize) -> (std::ops::Range<usize>, usize) {
        let total = self.details.len();
        let first = (window.0.ceil().max(0.0) as usize).min(total);
        let end = ((window.1.floor() + 1.0).max(0.0) as usize).clamp(first, total);
        (first..end.min(first.saturating_add(max)), total)
    }

    /// A panel with nothing in it, to fill in with struct update syntax;
    /// `IndicatorView::new` completes legend, summary and announcements.
    fn blank() -> Self {
        Self {
            key: "",
            title: String::new(),
            scene: Scene::new(Vec::new(), crate::model::Unit::parse("")),
            details: PerPosition::empty(),
            zoomable: false,
            legend: Vec::new(),
            totals: Vec::new(),
            summary: String::new(),
            announce: PerPosition::empty(),
            decimals: 0,
        }
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
        let value = line.values.get(position).copied().flatten().map_or_else(
            || "not reported".to_string(),
            |v| format_value(&self.scene.unit, v, self.decimals),
        );
        spoken(&format!("{}, {period}: {value}", line.label))
    }
}
