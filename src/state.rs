//! The widget's state and the one place it changes: every user action and
//! load result is an [`Action`], applied by [`State::reduce`].

use std::rc::Rc;

use outturn_core::model::FinancialYear;
use outturn_core::{Dataset, Diagnostic};
use yew::Reducible;

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

/// Everything that can change in a widget.
#[derive(Debug, Clone)]
pub struct State {
    /// The loaded dataset, if any has loaded.
    pub dataset: Option<Rc<Dataset>>,
    /// Name of the loaded dataset (file name or URL).
    pub source: String,
    /// Loading state.
    pub status: LoadStatus,
    /// Problems found by the last load.
    pub problems: Option<Rc<LoadProblems>>,
    /// Selected indicator id (may name one the data lacks until data loads).
    pub indicator: Option<String>,
    /// Selected financial year.
    pub year: Option<FinancialYear>,
    /// Period under the pointer or keyboard focus, for the tooltip.
    pub focus: Option<usize>,
    /// Text typed in the indicator search box.
    pub search: String,
    /// Width of the chart area in CSS pixels (0 until measured).
    pub width: u32,
}

/// A change to the state.
#[derive(Debug, Clone)]
pub enum Action {
    /// A load began.
    LoadStarted,
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
    /// The user picked a year.
    SelectYear(FinancialYear),
    /// The pointer or keyboard moved to a period (or left the chart).
    Focus(Option<usize>),
    /// The search text changed.
    Search(String),
    /// The chart area was resized.
    Resize(u32),
}

impl State {
    /// The state before any data has loaded, with the requested selection.
    pub fn new(indicator: Option<String>, year: Option<&str>) -> Self {
        Self {
            dataset: None,
            source: String::new(),
            status: LoadStatus::Loading,
            problems: None,
            indicator,
            year: year.and_then(FinancialYear::parse),
            focus: None,
            search: String::new(),
            width: 0,
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
            .or_else(|| dataset.indicators.first());
        if let (Some(id), Some(found)) = (&requested, indicator) {
            if found.id != *id {
                notes.push(Diagnostic::warning(
                    "indicator",
                    format!(
                        "this data has no indicator {id:?}; showing {:?} instead",
                        found.id
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
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Unchanged width: keep the same state so nothing re-renders.
        if matches!(action, Action::Resize(width) if width == self.width) {
            return self;
        }
        let mut next = (*self).clone();
        match action {
            Action::LoadStarted => next.status = LoadStatus::Loading,
            Action::Loaded {
                dataset,
                mut warnings,
                source,
            } => {
                next.dataset = Some(dataset);
                next.status = LoadStatus::Ready;
                next.settle_selection(&mut warnings);
                next.problems = (!warnings.is_empty()).then(|| {
                    Rc::new(LoadProblems {
                        source: source.clone(),
                        diagnostics: warnings,
                    })
                });
                next.source = source;
            }
            Action::LoadFailed { source, problems } => {
                next.status = LoadStatus::Failed;
                next.problems = Some(Rc::new(LoadProblems {
                    source,
                    diagnostics: problems,
                }));
            }
            Action::SelectIndicator(id) => {
                next.indicator = Some(id);
                let mut ignored = Vec::new();
                next.settle_selection(&mut ignored);
            }
            Action::SelectYear(year) => {
                next.year = Some(year);
                next.focus = None;
            }
            Action::Focus(period) => next.focus = period,
            Action::Search(text) => next.search = text,
            Action::Resize(width) => next.width = width,
        }
        Rc::new(next)
    }
}

/// An `Rc` compared by identity, for memo dependencies: two loads of the same
/// file are different datasets, and comparing by pointer is O(1).
#[derive(Debug, Clone)]
pub struct Shared<T>(pub Rc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
