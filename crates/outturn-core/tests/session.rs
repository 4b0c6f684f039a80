//! The widget's state and its reducer, natively: every action the widget
//! dispatches, on the default dataset, as the reader would cause it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use std::rc::Rc;

use common::kent;
use outturn_core::analysis::{CostConvention, ForecastMethod};
use outturn_core::chart::{PanStep, SeriesRole, Viewport, ZoomStep};
use outturn_core::model::FinancialYear;
use outturn_core::session::{Action, Focus, LoadStatus, Route, State, ThemeChoice};
use outturn_core::view::{DashboardOrder, View};
use outturn_core::Diagnostic;

fn fy(label: &str) -> FinancialYear {
    FinancialYear::parse(label).unwrap()
}

/// Applies `action`, which must change something, as the widget does.
fn after(state: &State, action: Action) -> State {
    assert!(state.is_changed_by(&action), "{action:?} changes nothing");
    let mut next = state.clone();
    next.apply(action);
    next
}

fn loaded(route: &Route) -> State {
    let state = State::new(route);
    after(
        &state,
        Action::Loaded {
            dataset: Rc::new(kent()),
            warnings: Vec::new(),
            source: "kent.json".into(),
        },
    )
}

fn focus(position: usize) -> Focus {
    Focus {
        panel: 0,
        position,
        series: 0,
        keyboard: true,
    }
}

#[test]
fn loading_settles_the_selection_on_the_data() {
    let state = State::new(&Route::default());
    assert_eq!(state.status, LoadStatus::Loading);
    let state = after(&state, Action::LoadStarted("Reading kent.json…".into()));
    assert_eq!(state.loading.as_deref(), Some("Reading kent.json…"));
    let state = loaded(&Route::default());
    assert_eq!(state.status, LoadStatus::Ready);
    assert_eq!(state.source, "kent.json");
    assert!(state.problems.is_none());
    // No indicator asked for: the first, in its latest year with actuals.
    assert_eq!(
        state.indicator.as_deref(),
        Some("home-to-school-transport-sen")
    );
    assert_eq!(state.year, Some(fy("2011-12")));
}

#[test]
fn a_link_to_an_indicator_the_data_lacks_shows_the_first_and_says_so() {
    let route = Route::from_pairs([("indicator", "no-such-thing"), ("year", "1999-00")]);
    let state = loaded(&route);
    assert_eq!(
        state.indicator.as_deref(),
        Some("home-to-school-transport-sen")
    );
    assert_eq!(state.year, Some(fy("2011-12")));
    let problems = state.problems.as_ref().unwrap();
    assert_eq!(problems.source, "kent.json");
    assert!(problems.diagnostics[0]
        .message
        .contains("no indicator \"no-such-thing\""));
}

#[test]
fn a_failed_load_keeps_what_was_on_screen() {
    let state = loaded(&Route::default());
    let failed = after(
        &state,
        Action::LoadFailed {
            source: "broken.json".into(),
            problems: vec![Diagnostic::error("", "not JSON")],
        },
    );
    assert_eq!(failed.status, LoadStatus::Failed);
    assert!(failed.dataset.is_some());
    assert_eq!(failed.problems.as_ref().unwrap().source, "broken.json");
}

#[test]
fn choosing_an_indicator_resets_what_belonged_to_the_last() {
    let route = Route::from_pairs([("indicator", "waste-tonnage"), ("view", "years")]);
    let mut state = loaded(&route);
    state = after(
        &state,
        Action::Zoom {
            step: ZoomStep::In,
            centre: None,
            count: 60,
        },
    );
    state = after(&state, Action::SelectAsAt(3));
    state = after(&state, Action::Focus(Some(focus(4))));
    assert!(state.options.window.is_some());

    let chosen = after(&state, Action::SelectIndicator("oil-price".into()));
    assert_eq!(chosen.indicator.as_deref(), Some("oil-price"));
    assert_eq!(chosen.options.view, View::Years, "the view stays");
    assert_eq!(chosen.options.window, None);
    assert_eq!(chosen.options.as_at, None);
    assert_eq!(chosen.focus, None);

    // Picking an indicator on the overview or the scorecard opens it.
    for all in [View::Dashboard, View::Scorecard] {
        let shown = after(&state, Action::SelectView(all));
        let picked = after(&shown, Action::SelectIndicator("oil-price".into()));
        assert_eq!(picked.options.view, View::Budget, "{all:?}");
    }

    // Opening a card from the overview goes to budget against actual.
    let dashboard = after(&state, Action::SelectView(View::Dashboard));
    let opened = after(&dashboard, Action::OpenIndicator("direct-payments".into()));
    assert_eq!(opened.indicator.as_deref(), Some("direct-payments"));
    assert_eq!(opened.options.view, View::Budget);
    assert_eq!(opened.options.window, None);
}

#[test]
fn a_year_and_a_view_are_chosen() {
    let state = loaded(&Route::from_pairs([("indicator", "waste-tonnage")]));
    let state = after(&state, Action::SelectAsAt(5));
    let state = after(&state, Action::Focus(Some(focus(2))));
    let year = after(&state, Action::SelectYear(fy("2010-11")));
    assert_eq!(year.year, Some(fy("2010-11")));
    assert_eq!(
        year.options.as_at, None,
        "a new year starts from its own last period"
    );
    assert_eq!(year.focus, None);
    let view = after(&state, Action::SelectView(View::Forecast));
    assert_eq!(view.options.view, View::Forecast);
    assert_eq!(view.focus, None);
}

#[test]
fn view_options_are_chosen() {
    let state = loaded(&Route::default());
    let state = after(
        &state,
        Action::SelectConvention(CostConvention::VolumeAtBudgetCost),
    );
    assert_eq!(state.options.convention, CostConvention::VolumeAtBudgetCost);
    let state = after(
        &state,
        Action::SelectMethod(ForecastMethod::LastYearProfile),
    );
    assert_eq!(state.options.method, ForecastMethod::LastYearProfile);
    let state = after(&state, Action::SelectAsAt(7));
    assert_eq!(state.options.as_at, Some(7));
    let state = after(&state, Action::SelectOrder(DashboardOrder::Variance));
    assert_eq!(state.order, DashboardOrder::Variance);
    let state = after(&state, Action::SelectTheme(ThemeChoice::Dark));
    assert_eq!(state.theme, ThemeChoice::Dark);
    // The route a link reproduces carries them.
    let route = state.route();
    assert_eq!(route.convention, Some(CostConvention::VolumeAtBudgetCost));
    assert_eq!(route.method, Some(ForecastMethod::LastYearProfile));
    assert_eq!(route.as_at, Some(7));
    assert_eq!(route.src, None);
}

#[test]
fn the_timeline_zooms_pans_and_resets() {
    let state = loaded(&Route::from_pairs([
        ("indicator", "waste-tonnage"),
        ("view", "years"),
    ]));
    // Waste tonnage: five years of months.
    let count = 60;
    let zoomed = after(
        &state,
        Action::Zoom {
            step: ZoomStep::In,
            centre: Some(29.5),
            count,
        },
    );
    let window = zoomed.options.window.unwrap();
    assert_eq!((window.start(), window.end()), (14.5, 44.5));
    // Zooms compose on the state's window, however fast they come.
    let twice = after(
        &zoomed,
        Action::Zoom {
            step: ZoomStep::In,
            centre: Some(29.5),
            count,
        },
    );
    assert_eq!(twice.options.window.unwrap().span(), 15.0);
    let panned = after(
        &zoomed,
        Action::Pan {
            step: PanStep::PageLater,
            count,
        },
    );
    let window = panned.options.window.unwrap();
    assert_eq!((window.start(), window.end()), (29.5, 59.5));
    // Dragging pans from the whole timeline when it is not zoomed.
    let dragged = after(
        &state,
        Action::Pan {
            step: PanStep::Positions(-3.0),
            count,
        },
    );
    assert_eq!(dragged.options.window, Some(Viewport::full(count)));
    let reset = after(&panned, Action::ResetZoom);
    assert_eq!(reset.options.window, None);
    // New data with fewer years: the kept window is fitted to it at the
    // next zoom or pan (and when it is laid out), never left past its end.
    let shorter = after(
        &panned,
        Action::Pan {
            step: PanStep::PageLater,
            count: 24,
        },
    );
    let window = shorter.options.window.unwrap();
    assert_eq!(
        (window.start(), window.end(), window.count()),
        (-0.5, 23.5, 24)
    );
}

#[test]
fn lines_are_hidden_and_shown_through_the_legend() {
    let state = loaded(&Route::default());
    let hidden = after(&state, Action::ToggleLine(SeriesRole::Budget));
    let hidden = after(
        &hidden,
        Action::ToggleLine(SeriesRole::PreviousActual { age: 1 }),
    );
    assert_eq!(
        hidden.options.hidden,
        [SeriesRole::Budget, SeriesRole::PreviousActual { age: 1 }]
    );
    let shown = after(&hidden, Action::ToggleLine(SeriesRole::Budget));
    assert_eq!(
        shown.options.hidden,
        [SeriesRole::PreviousActual { age: 1 }]
    );
}

#[test]
fn back_and_forward_navigate_and_a_new_selection_forgets_the_zoom() {
    let state = loaded(&Route::from_pairs([
        ("indicator", "waste-tonnage"),
        ("view", "years"),
    ]));
    let zoomed = after(
        &state,
        Action::Zoom {
            step: ZoomStep::In,
            centre: None,
            count: 60,
        },
    );
    // The same selection (a hash written by this widget): the zoom stays.
    let same = after(&zoomed, Action::Navigate(zoomed.route()));
    assert!(same.options.window.is_some());
    let other = after(
        &zoomed,
        Action::Navigate(Route::from_pairs([
            ("indicator", "oil-price"),
            ("year", "2010-11"),
            ("view", "variance"),
            ("method", "budget"),
            ("convention", "budget-cost"),
        ])),
    );
    assert_eq!(other.indicator.as_deref(), Some("oil-price"));
    assert_eq!(other.year, Some(fy("2010-11")));
    assert_eq!(other.options.view, View::Variance);
    assert_eq!(other.options.method, ForecastMethod::BudgetProfile);
    assert_eq!(other.options.convention, CostConvention::VolumeAtBudgetCost);
    assert_eq!(other.options.window, None);
    // A year the indicator lacks settles on its default year.
    let missing = after(
        &zoomed,
        Action::Navigate(Route::from_pairs([("year", "1999-00")])),
    );
    assert_eq!(missing.year, Some(fy("2011-12")));
}

#[test]
fn page_up_and_down_step_between_the_indicators_years() {
    let state = loaded(&Route::from_pairs([("indicator", "waste-tonnage")]));
    let state = after(&state, Action::SelectAsAt(4));
    let state = after(&state, Action::Focus(Some(focus(3))));
    let earlier = after(&state, Action::StepYear(-1));
    assert_eq!(earlier.year, Some(fy("2010-11")));
    assert_eq!(earlier.options.as_at, None);
    assert_eq!(
        earlier.focus,
        Some(focus(3)),
        "the keyboard keeps its place"
    );
    let later = after(&state, Action::StepYear(1));
    assert_eq!(later.year, Some(fy("2012-13")));
    // Past the last year nothing moves.
    let last = after(&later, Action::StepYear(1));
    assert_eq!(last.year, Some(fy("2012-13")));
    let first = after(&state, Action::StepYear(-10));
    assert_eq!(first.year, Some(fy("2011-12")));
}

#[test]
fn the_rest_of_the_state() {
    let state = loaded(&Route::default());
    let state = after(&state, Action::Focus(Some(focus(5))));
    assert_eq!(state.focus, Some(focus(5)));
    assert_eq!(after(&state, Action::Focus(None)).focus, None);
    let open = after(&state, Action::ToggleTables);
    assert!(open.tables_open);
    assert!(!after(&open, Action::ToggleTables).tables_open);
    assert_eq!(after(&state, Action::Search("care".into())).search, "care");
    let epoch = state.media_epoch;
    assert_eq!(after(&state, Action::MediaChanged).media_epoch, epoch + 1);
    // The same width, or styles already in, change nothing (no re-render).
    let wide = after(&state, Action::Resize(800));
    assert_eq!(wide.width, 800);
    assert!(!wide.is_changed_by(&Action::Resize(800)));
    let styled = after(&state, Action::StylesLoaded);
    assert!(styled.styles_loaded);
    assert!(!styled.is_changed_by(&Action::StylesLoaded));
}
