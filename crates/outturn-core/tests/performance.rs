//! Performance indicators read the way their reports read them, on the
//! example datasets made from real report tables (assets/, written by
//! tools/examples/make_examples.py from ../shared/data/report-tables):
//! statuses by target, floor and polarity, the printed statuses and where
//! they disagree, the counts a scorecard gives, and the words.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use common::read;
use outturn_core::analysis::{latest, period_performance, Direction, Status};
use outturn_core::format::{headline, point_detail};
use outturn_core::model::{FinancialYear, Polarity, Rag};
use outturn_core::summary::{status_counts, summarise_year, summary_json};
use outturn_core::view::Standing;
use outturn_core::{parse_dataset, Dataset};
use serde_json::json;

fn dataset(path: &str) -> Dataset {
    let parsed = parse_dataset(&read(path)).expect("the example parses");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    parsed.dataset
}

fn fy(label: &str) -> FinancialYear {
    FinancialYear::parse(label).unwrap()
}

#[test]
fn where_a_report_prints_target_floor_and_polarity_the_computed_status_is_the_printed_one() {
    let d = dataset("assets/kent-2016-01-childrens-exceptions.json");
    let mut compared = 0;
    for indicator in &d.indicators {
        assert_eq!(
            indicator.polarity,
            Polarity::HigherIsBetter,
            "{}",
            indicator.id
        );
        for figures in &indicator.years {
            for period in 0..indicator.periods.len() {
                let p = period_performance(indicator, figures, period);
                let Some(printed) = p.reported else { continue };
                assert!(p.floor.is_some(), "{} {period}", indicator.id);
                assert_eq!(
                    p.status,
                    Some(Status::of_rag(printed)),
                    "{} period {period}",
                    indicator.id
                );
                assert!(!p.disagrees());
                compared += 1;
            }
        }
    }
    // Three indicators, October to January.
    assert_eq!(compared, 12);
}

#[test]
fn the_scorecard_counts_equal_the_reports_and_the_computed_ones_stand_beside_them() {
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    assert_eq!(d.indicators.len(), 30);
    let (computed, printed) = status_counts(&d);
    // The summary of the Q4 2011-12 report: 21 Green, 3 Amber, 6 Red.
    assert_eq!(
        printed,
        json!({"green": 21, "amber": 3, "red": 6, "no_status": 0})
    );
    // The report prints no floors, so a missed target is only below target;
    // one indicator has no target printed and one is neutral.
    assert_eq!(
        computed,
        json!({"green": 18, "amber": 0, "red": 0, "below_target": 10, "no_status": 2})
    );
    let summary = summary_json(&d, Default::default());
    assert_eq!(summary["reported_status_counts"], printed);
    assert_eq!(summary["status_counts"], computed);
}

#[test]
fn a_status_the_figures_contradict_is_shown_as_printed_and_flagged() {
    // Printed Green at 74.6% against a 75% target, with no floor.
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    let indicator = d
        .indicator("qpr-22-outcomes-achieved-first-review")
        .unwrap();
    let figures = indicator.year(fy("2011-12")).unwrap();
    let q4 = period_performance(indicator, figures, 3);
    assert_eq!(q4.reported, Some(Rag::Green));
    assert_eq!(q4.status, Some(Status::BelowTarget));
    assert!(q4.disagrees());
    let summary = summarise_year(&d, indicator, fy("2011-12"), Default::default()).unwrap();
    let text = headline(indicator, &summary.analysis);
    assert_eq!(
        text,
        "74.6% at Q4 2011-12 (Jan to Mar) against a target of 75.0%: 0.4 percentage points worse than target (▽\u{a0}Below target). The report rates it Green; its figures are below its target. Improved on the previous quarter and on a year earlier."
    );
    // Never an invented amber/red boundary.
    assert!(!text.contains("Amber") && !text.contains("Red"));
    let detail = point_detail(indicator, figures, 3);
    assert_eq!(detail.status, Some(Standing::Rated(Status::BelowTarget)));
    assert!(detail
        .rows
        .contains(&("Status in the report".to_string(), "Green".to_string())));
}

#[test]
fn higher_is_better_reads_better_above_target_in_percentage_points() {
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    let indicator = d
        .indicator("qpr-26-municipal-waste-diverted-from-landfill")
        .unwrap();
    assert_eq!(indicator.polarity, Polarity::HigherIsBetter);
    let figures = indicator.year(fy("2011-12")).unwrap();
    let summary = summarise_year(&d, indicator, fy("2011-12"), Default::default()).unwrap();
    let text = headline(indicator, &summary.analysis);
    // 78.1% against 72.2%: green, in points (never "8.2%" of a percent).
    assert!(
        text.starts_with("78.1% at Q4 2011-12 (Jan to Mar) against a target of 72.2%: 5.9 percentage points better than target (✓\u{a0}Green)."),
        "{text}"
    );
    let latest = latest(indicator, figures).unwrap();
    assert_eq!(latest.since_previous, Some(Direction::Improved));
    assert_eq!(latest.now.distance_pct, None);
}

#[test]
fn lower_is_better_reads_better_below_target() {
    let fixture = dataset("tests/fixtures/valid/performance.json");
    let lower = fixture
        .indicators
        .iter()
        .find(|i| i.polarity == Polarity::LowerIsBetter)
        .expect("the fixture has a lower-is-better indicator");
    let year = lower.default_year().unwrap();
    let figures = lower.year(year).unwrap();
    let now = latest(lower, figures).unwrap().now;
    let (actual, target) = (now.actual.unwrap(), now.target.unwrap());
    let words = outturn_core::format::against_target(lower, actual, target);
    let better = actual < target;
    assert!(
        words.ends_with(if better {
            "better than target"
        } else {
            "worse than target"
        }) || words == "on target",
        "{words}"
    );
}

#[test]
fn a_neutral_indicator_is_never_called_good_or_bad() {
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    let neutral = d
        .indicators
        .iter()
        .find(|i| i.polarity == Polarity::Neutral)
        .expect("one neutral indicator");
    let year = neutral.default_year().unwrap();
    let summary = summarise_year(&d, neutral, year, Default::default()).unwrap();
    let text = headline(neutral, &summary.analysis);
    // The report's own word is quoted as the report's; Outturn adds none.
    let own = text.replace("The report rates it Green.", "");
    for word in [
        "better", "worse", "mproved", "orsened", "Green", "Amber", "Red",
    ] {
        assert!(!own.contains(word), "{word} in {text}");
    }
    assert!(
        own.contains("above target") || own.contains("below target"),
        "{text}"
    );
    let latest = latest(neutral, neutral.year(year).unwrap()).unwrap();
    assert!(latest.now.status.is_none());
    assert!(matches!(
        latest.since_previous,
        None | Some(Direction::Up | Direction::Down | Direction::Unchanged)
    ));
}

#[test]
fn an_activity_indicator_reads_exactly_as_before() {
    // The Kent activity data has budgets and no targets: lower is better
    // by default, never a performance indicator, and its words are the
    // budget ones (the snapshot tests pin every one of them).
    let d = dataset("assets/kent-2011-12-key-activity.json");
    assert!(d.indicators.iter().all(|i| !i.is_performance()));
    let care = d.indicator("domiciliary-care-hours").unwrap();
    assert_eq!(care.polarity, Polarity::LowerIsBetter);
    let (computed, printed) = status_counts(&d);
    assert_eq!(computed["no_status"], 0);
    assert_eq!(printed["green"], 0);
}

#[test]
fn overview_cards_stand_by_status_against_target() {
    use outturn_core::view::{dashboard, DashboardOrder};
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    let cards: Vec<_> = dashboard(&d, Some(fy("2011-12")), DashboardOrder::Dataset)
        .into_iter()
        .flat_map(|(_, entries)| entries)
        .collect();
    assert_eq!(cards.len(), 30);
    let waste = cards
        .iter()
        .find(|c| c.id == "qpr-26-municipal-waste-diverted-from-landfill")
        .unwrap();
    assert_eq!(waste.standing, Standing::Rated(Status::Green));
    assert_eq!(waste.standing.words(), "✓\u{a0}Green");
    assert_eq!(
        waste.figure,
        "78.1% in Q4 2011-12, 5.9 percentage points better than target"
    );
    // No card of a performance indicator speaks of an affordable level.
    for card in &cards {
        assert!(!card.figure.contains("affordable"), "{}", card.figure);
        assert!(!card.standing.words().contains("affordable"));
    }
    // The cards' statuses are the computed counts.
    let green = cards
        .iter()
        .filter(|c| c.standing == Standing::Rated(Status::Green))
        .count();
    assert_eq!(green, 18);
    // The overview says what its cards and lines are, in the data's words.
    let subtitle = outturn_core::view::overview_subtitle(&d);
    assert!(subtitle.contains("against its target") && !subtitle.contains("affordable"));
    let kent = dataset("assets/kent-2011-12-key-activity.json");
    assert!(outturn_core::view::overview_subtitle(&kent).starts_with(
        "Each card gives its variance against the affordable level, or its latest figure where there is none"
    ));
}

#[test]
fn a_performance_indicators_budget_tab_is_target_vs_actual() {
    use outturn_core::view::View;
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    let kpi = &d.indicators[0];
    assert_eq!(View::Budget.label_for(kpi), "Target vs actual");
    assert_eq!(View::Variance.label_for(kpi), "Variance");
    let kent = dataset("assets/kent-2011-12-key-activity.json");
    assert_eq!(
        View::Budget.label_for(&kent.indicators[0]),
        "Budget vs actual"
    );
}

#[test]
fn a_performance_indicator_is_offered_only_views_that_read_against_its_target() {
    use outturn_core::view::{IndicatorView, View, ViewOptions};
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    for indicator in &d.indicators {
        let year = indicator.default_year().unwrap();
        let shown = IndicatorView::new(&d, &indicator.id, year, &ViewOptions::default()).unwrap();
        assert_eq!(
            shown.available,
            [
                View::Dashboard,
                View::Scorecard,
                View::Budget,
                View::Variance,
                View::Years
            ],
            "{}",
            indicator.id
        );
        let years = IndicatorView::new(
            &d,
            &indicator.id,
            year,
            &ViewOptions {
                view: View::Years,
                ..ViewOptions::default()
            },
        )
        .unwrap();
        for panel in &years.panels {
            assert!(
                panel
                    .legend
                    .iter()
                    .all(|(_, label)| !label.contains("Affordable level")),
                "{}: {:?}",
                indicator.id,
                panel.legend
            );
        }
    }
}

#[test]
fn a_missed_target_without_a_floor_gives_the_reports_own_rating() {
    // The figures can only say "below target"; the report says Red.
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    let lac = d
        .indicator("qpr-03-looked-after-children-per-10000")
        .unwrap();
    let summary = summarise_year(&d, lac, fy("2011-12"), Default::default()).unwrap();
    let text = headline(lac, &summary.analysis);
    assert!(
        text.contains("worse than target (▽\u{a0}Below target). The report rates it Red."),
        "{text}"
    );
    // A target missing for a period is not set, not "not reported".
    let jobs = d.indicator("qpr-17-inward-investment-jobs").unwrap();
    let detail = point_detail(jobs, jobs.year(fy("2011-12")).unwrap(), 3);
    assert!(detail
        .rows
        .contains(&("Target".to_string(), "not set".to_string())));
    // The timeline of a performance indicator names no affordable level.
    use outturn_core::view::{IndicatorView, View, ViewOptions};
    let years = IndicatorView::new(
        &d,
        &lac.id,
        fy("2011-12"),
        &ViewOptions {
            view: View::Years,
            ..ViewOptions::default()
        },
    )
    .unwrap();
    assert!(years
        .panels
        .iter()
        .all(|p| !p.summary.contains("affordable")));
}

#[test]
fn the_scorecard_counts_the_reports_statuses_and_the_figures_beside_them() {
    use outturn_core::view::{scorecard, ScorecardSort, StatusFilter};
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    let card = scorecard(&d, None, ScorecardSort::Report, StatusFilter::All);
    assert_eq!(card.total, 30);
    assert_eq!(card.rows.len(), 30);
    // The report's summary prints 21 Green, 3 Amber and 6 Red for Q4.
    let reported = card.reported_counts.as_deref().unwrap();
    assert!(
        reported.starts_with("The report: ✓\u{a0}21 Green, !\u{a0}3 Amber, ✕\u{a0}6 Red;"),
        "{reported}"
    );
    // Its previous status for Q3: 16, 7, 7; one of them (KPI 10, an annual
    // result) has no earlier period in the data to hold it.
    assert!(
        reported.ends_with(
            "in the period before, ✓\u{a0}16 Green, !\u{a0}7 Amber, ✕\u{a0}6 Red, 1 not printed."
        ),
        "{reported}"
    );
    // The same counts as `outturn summary --json`.
    let (computed, printed) = status_counts(&d);
    assert_eq!(
        printed,
        json!({"green": 21, "amber": 3, "red": 6, "no_status": 0})
    );
    assert_eq!(computed["green"], 18);
    assert_eq!(
        card.computed_counts,
        "By their figures against target: ✓\u{a0}18 Green, ▽\u{a0}10 Below target, 2 with no status (neutral, no target or no actual yet)."
    );
    // Rows show the report's word; where the figures say otherwise the row
    // is flagged (KPI 22: printed Green at 74.6% against a 75% target).
    let kpi22 = card
        .rows
        .iter()
        .find(|r| r.id == "qpr-22-outcomes-achieved-first-review")
        .unwrap();
    assert_eq!(kpi22.status, Some(Status::Green));
    assert_eq!(
        kpi22.flag.as_deref(),
        Some("Its figures are below its target")
    );
    assert_eq!(kpi22.distance, "0.4 percentage points worse");
    let flagged: Vec<&str> = card
        .rows
        .iter()
        .filter(|r| r.flag.is_some())
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(flagged, ["qpr-22-outcomes-achieved-first-review"]);
    // Waste diverted from landfill: higher is better, Green and better.
    let waste = card
        .rows
        .iter()
        .find(|r| r.id == "qpr-26-municipal-waste-diverted-from-landfill")
        .unwrap();
    assert_eq!(
        (
            waste.value.as_str(),
            waste.target.as_str(),
            waste.status_words
        ),
        ("78.1%", "72.2%", "✓\u{a0}Green")
    );
    assert_eq!(waste.distance, "5.9 percentage points better");
}

#[test]
fn the_scorecard_sorts_filters_and_moves_between_rows() {
    use outturn_core::view::{scorecard, scorecard_key, ScorecardSort, StatusFilter};
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    let by_status = scorecard(&d, None, ScorecardSort::Status, StatusFilter::All);
    let severity = |s: Option<Status>| match s {
        Some(Status::Red) => 0,
        Some(Status::Amber) => 1,
        Some(Status::BelowTarget) => 2,
        Some(Status::Green) => 3,
        None => 4,
    };
    let order: Vec<i32> = by_status.rows.iter().map(|r| severity(r.status)).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    assert_eq!(by_status.rows[0].status, Some(Status::Red));
    // Furthest behind target first: the shares never decrease, none last.
    let by_distance = scorecard(&d, None, ScorecardSort::Distance, StatusFilter::All);
    let shares: Vec<Option<f64>> = by_distance.rows.iter().map(|r| r.distance_share).collect();
    let known: Vec<f64> = shares.iter().flatten().copied().collect();
    assert!(known.windows(2).all(|w| w[0] <= w[1]), "{known:?}");
    assert!(shares[known.len()..].iter().all(Option::is_none));
    assert!(known[0] < 0.0 && *known.last().unwrap() > 0.0);
    // By group: groups in order, report order kept within each.
    let by_group = scorecard(&d, None, ScorecardSort::Group, StatusFilter::All);
    let groups: Vec<String> = by_group
        .rows
        .iter()
        .map(|r| outturn_core::format::lower(&r.group))
        .collect();
    assert!(groups.windows(2).all(|w| w[0] <= w[1]), "{groups:?}");
    // Filtered to Red: the six the report rates Red.
    let red = scorecard(
        &d,
        None,
        ScorecardSort::Report,
        StatusFilter::Only(Status::Red),
    );
    assert_eq!(red.rows.len(), 6);
    assert!(red.rows.iter().all(|r| r.status_words == "✕\u{a0}Red"));
    assert_eq!(red.total, 30);
    assert!(
        red.title
            .starts_with("6 of 30 indicators with a target or status"),
        "{}",
        red.title
    );
    let labels: Vec<&str> = red.filters.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "All statuses (30)",
            "✕\u{a0}Red (6)",
            "!\u{a0}Amber (3)",
            "✓\u{a0}Green (21)",
            "Report and figures differ (1)"
        ]
    );
    for filter in StatusFilter::ALL {
        assert_eq!(StatusFilter::from_slug(filter.slug()), Some(filter));
    }
    for sort in ScorecardSort::ALL {
        assert_eq!(ScorecardSort::from_slug(sort.slug()), Some(sort));
    }
    // The keyboard: down and up one row, stopping at the ends; Home, End.
    assert_eq!(scorecard_key("ArrowDown", 0, 30), Some(1));
    assert_eq!(scorecard_key("ArrowDown", 29, 30), Some(29));
    assert_eq!(scorecard_key("ArrowUp", 0, 30), Some(0));
    assert_eq!(scorecard_key("ArrowUp", 5, 30), Some(4));
    assert_eq!(scorecard_key("Home", 5, 30), Some(0));
    assert_eq!(scorecard_key("End", 5, 30), Some(29));
    assert_eq!(scorecard_key("Enter", 5, 30), None);
    assert_eq!(scorecard_key("ArrowDown", 0, 0), None);
}

#[test]
fn data_mostly_of_performance_indicators_opens_on_the_scorecard() {
    use outturn_core::session::{Action, Route, State};
    use outturn_core::view::View;
    use std::rc::Rc;
    let load = |state: &mut State, file: &str| {
        state.apply(Action::Loaded {
            dataset: Rc::new(dataset(file)),
            warnings: Vec::new(),
            source: file.to_string(),
        });
    };
    let mut state = State::new(&Route::default());
    load(&mut state, "assets/kent-2011-12-q4-performance.json");
    assert_eq!(state.options.view, View::Scorecard);
    // Activity data loaded next opens on its first indicator's chart.
    load(&mut state, "assets/kent-2011-12-key-activity.json");
    assert_eq!(state.options.view, View::Budget);
    // A view the link asks for is kept.
    let mut linked = State::new(&Route {
        view: Some(View::Years),
        ..Route::default()
    });
    load(&mut linked, "assets/kent-2011-12-q4-performance.json");
    assert_eq!(linked.options.view, View::Years);
    // Opening a row leaves the scorecard for the indicator's chart, and a
    // later load keeps the reader's choice.
    state.apply(Action::OpenIndicator(
        "qpr-26-municipal-waste-diverted-from-landfill".into(),
    ));
    load(&mut state, "assets/kent-2011-12-q4-performance.json");
    assert_eq!(state.options.view, View::Budget);
}

#[test]
fn the_table_and_csv_carry_the_signed_distance_and_both_statuses() {
    use outturn_core::view::{IndicatorView, ViewOptions};
    let d = dataset("assets/kent-2011-12-q4-performance.json");
    let csv_of = |id: &str| {
        let shown = IndicatorView::new(&d, id, fy("2011-12"), &ViewOptions::default()).unwrap();
        let panel = &shown.panels[0];
        panel
            .table(&shown.indicator.title)
            .to_csv(&shown.indicator.unit)
    };
    // Higher is better, printed Green at 74.6% against 75%: the distance
    // is negative, in percentage points; the figures' status and the
    // report's stand side by side (the old CSV gave "0.4" and dropped both).
    let csv = csv_of("qpr-22-outcomes-achieved-first-review");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Period,Actual (%),Target (%),Against target (percentage points),Status,Status in the report"
    );
    assert_eq!(
        lines[4],
        "Q4 2011-12 (Jan to Mar),74.6,75,-0.4,Below target,Green"
    );
    // Lower is better, a rate per 10,000 above its target: positive (worse),
    // with its share of the target; no floor, so "Below target" by the
    // figures beside the report's Red; the count behind the rate.
    let csv = csv_of("qpr-03-looked-after-children-per-10000");
    let q4 = csv.lines().find(|l| l.starts_with("Q4")).unwrap();
    assert_eq!(
        q4,
        "Q4 2011-12 (Jan to Mar),57.7,47,10.7,22.8,Below target,1805,Red"
    );
    assert!(csv.starts_with("Period,\"Actual (children per 10,000)\",\"Target (children per 10,000)\",\"Against target (children per 10,000)\",Against target (%),Status,Count,Status in the report"), "{csv}");
}

#[test]
fn each_polarity_in_each_view_reads_and_colours_against_target() {
    use outturn_core::chart::{BarKind, Theme};
    use outturn_core::view::{IndicatorView, View, ViewOptions};
    // Target 50 each quarter; actual 40, 60, 50; a floor where the
    // polarity has one side to be on.
    let indicator = |polarity: &str, floor: &str| {
        format!(
            r#"{{"id":"{polarity}","title":"{polarity}","unit":"%","period":"quarter","year_value":"none","polarity":"{polarity}","years":[{{"year":"2011-12","actual":[40,60,50,null],"target":[50,50,50,50]{floor}}}]}}"#
        )
    };
    let text = format!(
        r#"{{"format":"outturn/1","title":"t","indicators":[{},{},{}]}}"#,
        indicator("higher-is-better", r#","floor":[45,45,45,45]"#),
        indicator("lower-is-better", r#","floor":[55,55,55,55]"#),
        indicator("neutral", "")
    );
    let d = parse_dataset(&text).unwrap().dataset;
    let theme = Theme::light();
    // (polarity, Q1 bar, Q2 bar, Q1 tooltip status, Q2 tooltip status)
    let expected = [
        (
            "higher-is-better",
            BarKind::Worse,
            BarKind::Better,
            Some("✕\u{a0}Red"),
            Some("✓\u{a0}Green"),
        ),
        (
            "lower-is-better",
            BarKind::Better,
            BarKind::Worse,
            Some("✓\u{a0}Green"),
            Some("✕\u{a0}Red"),
        ),
        ("neutral", BarKind::Beside, BarKind::Beside, None, None),
    ];
    for (id, q1, q2, status1, status2) in expected {
        let default = IndicatorView::new(&d, id, fy("2011-12"), &ViewOptions::default()).unwrap();
        assert_eq!(
            default.available,
            [
                View::Dashboard,
                View::Scorecard,
                View::Budget,
                View::Variance,
                View::Years
            ],
            "{id}"
        );
        for view in default.available.iter().copied() {
            let options = ViewOptions {
                view,
                ..ViewOptions::default()
            };
            let shown = IndicatorView::new(&d, id, fy("2011-12"), &options).unwrap();
            let mut words = vec![shown.headline.clone()];
            for panel in &shown.panels {
                words.push(panel.title.clone());
                words.push(panel.summary.clone());
                words.extend(panel.legend.iter().map(|(_, label)| label.clone()));
                for i in 0..panel.details.len() {
                    if let Some(detail) = panel.details.get(i) {
                        words.push(detail.sentence.clone());
                        words.extend(detail.rows.iter().map(|(l, v)| format!("{l}: {v}")));
                    }
                }
            }
            let all = words.join("\n");
            // A performance indicator is read against its target, never
            // an affordable level, and never as over or under one.
            for never in ["affordable level", "Affordable level", " over", " under"] {
                assert!(!all.contains(never), "{id} {view:?}: {never:?} in\n{all}");
            }
            // Better or worse by polarity; a neutral one only above or below.
            if id == "neutral" {
                assert!(
                    !all.contains("better") && !all.contains("worse"),
                    "{id} {view:?}\n{all}"
                );
            }
        }
        // The headline of Q3 (the latest): on target.
        assert!(
            default.headline.contains("on target"),
            "{id}: {}",
            default.headline
        );
        // The variance view's bars: better or worse by polarity, each in
        // its colour (better as under, worse as over; neutral as actual).
        let variance = IndicatorView::new(
            &d,
            id,
            fy("2011-12"),
            &ViewOptions {
                view: View::Variance,
                ..ViewOptions::default()
            },
        )
        .unwrap();
        let bars = &variance.panels[0].scene.bars;
        let kinds: Vec<BarKind> = bars.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [q1, q2], "{id}: Q3 is on target and has no bar");
        assert_eq!((bars[0].to, bars[1].to), (-10.0, 10.0), "{id}");
        let colour = |kind: BarKind| kind.colour(&theme);
        assert_eq!(colour(BarKind::Better), theme.under);
        assert_eq!(colour(BarKind::Worse), theme.over);
        assert_eq!(colour(BarKind::Beside), theme.actual);
        // The tooltip's status, a word and a shape, by the figures.
        let panel = &default.panels[0];
        let status = |i: usize| {
            panel
                .details
                .get(i)
                .and_then(|d| d.status)
                .map(|s| s.words())
        };
        assert_eq!((status(0), status(1)), (status1, status2), "{id}");
        // Words: percentage points, better or worse by polarity.
        let row = |i: usize| {
            let d = panel.details.get(i).unwrap();
            d.rows
                .iter()
                .find(|(l, _)| l == "Against target")
                .unwrap()
                .1
                .clone()
        };
        assert_eq!(
            (row(0), row(1)),
            ("-10 pp".to_string(), "+10 pp".to_string())
        );
        let spoken = panel.details.get(0).unwrap().sentence;
        let side = match id {
            "higher-is-better" => "10 percentage points worse than target",
            "lower-is-better" => "10 percentage points better than target",
            _ => "10 percentage points below target",
        };
        assert!(spoken.contains(side), "{id}: {spoken}");
    }
}
