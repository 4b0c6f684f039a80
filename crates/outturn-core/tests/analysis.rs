//! Hand-computed cases for the analysis: part years, nulls, every
//! `year_value`, zero budgets, printed totals and both cost conventions.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use common::close;
use outturn_core::analysis::{analyse_year, cost_effect, year_value, CostConvention};
use outturn_core::format::headline;
use outturn_core::model::{Unit, YearValue};
use outturn_core::parse_dataset;
use outturn_core::summary::summary_json;

/// A one-indicator dataset with quarterly figures.
fn quarterly(year_value: &str, unit: &str, years: &str) -> outturn_core::Dataset {
    let text = format!(
        r#"{{"format":"outturn/1","title":"t","indicators":[{{"id":"x","title":"X","unit":"{unit}","period":"quarter","year_value":"{year_value}","years":[{years}]}}]}}"#
    );
    parse_dataset(&text).unwrap().dataset
}

#[test]
fn part_year_flows_compare_only_reported_periods() {
    let d = quarterly(
        "sum",
        "hours",
        r#"{"year":"2024-25","budget":[100,110,120,130],"actual":[90,120,null,null]}"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.budget, Some(460.0));
    assert_eq!(a.budget_to_date, Some(210.0));
    assert_eq!(a.actual, Some(210.0));
    assert_eq!(a.variance, Some(0.0));
    assert_eq!(a.variance_pct, Some(0.0));
    assert_eq!(a.periods_reported, 2);
    assert_eq!(a.last_reported, Some(1));
    assert!(!a.is_complete());
    assert_eq!(
        a.cumulative.actual,
        vec![Some(90.0), Some(210.0), None, None]
    );
    assert_eq!(
        a.cumulative.budget,
        vec![Some(100.0), Some(210.0), Some(330.0), Some(460.0)]
    );
    assert_eq!(a.period_variance, vec![Some(-10.0), Some(10.0), None, None]);
    assert_eq!(
        headline(i, &a),
        "Year to date (Q1 to Q2): 210 hours against an affordable level of 210: exactly on the affordable level."
    );
}

#[test]
fn a_null_in_the_middle_is_skipped_not_zero() {
    let d = quarterly(
        "sum",
        "tonnes",
        r#"{"year":"2024-25","budget":[10,10,10,10],"actual":[12,null,8,11]}"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.actual, Some(31.0));
    // Budget for the three reported quarters only.
    assert_eq!(a.budget_to_date, Some(30.0));
    assert_eq!(a.variance, Some(1.0));
    close(a.variance_pct.unwrap(), 100.0 / 30.0, 1e-12);
    assert_eq!(a.periods_reported, 3);
    assert_eq!(
        a.cumulative.actual,
        vec![Some(12.0), None, Some(20.0), Some(31.0)]
    );
}

#[test]
fn snapshots_use_the_last_reported_period_for_budget_too() {
    let d = quarterly(
        "last",
        "children",
        r#"{"year":"2024-25","budget":[100,105,110,115],"actual":[98,107,null,null]}"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.budget, Some(115.0));
    assert_eq!(a.budget_to_date, Some(105.0));
    assert_eq!(a.actual, Some(107.0));
    assert_eq!(a.variance, Some(2.0));
    assert_eq!(
        a.cumulative.actual,
        vec![Some(98.0), Some(107.0), None, None]
    );
    let change = a.snapshot_change.unwrap();
    assert_eq!(change.over_last_period, Some(9.0));
    assert_eq!(change.over_year, None); // No earlier year in the data.
}

#[test]
fn snapshot_movement_over_the_year_uses_the_same_period_last_year() {
    let d = quarterly(
        "last",
        "children",
        r#"{"year":"2023-24","actual":[90,91,null,95]},{"year":"2024-25","actual":[96,null,null,null]}"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[1]);
    let change = a.snapshot_change.unwrap();
    assert_eq!(change.over_last_period, None); // Only one period reported.
                                               // Q1 against Q1 a year earlier (90), not against last year's Q4 (95).
    assert_eq!(change.over_year, Some(6.0));
    assert!(!change.year_earlier_missing);
}

#[test]
fn means_average_reported_periods_and_none_has_no_year() {
    let d = quarterly(
        "mean",
        "£ per week",
        r#"{"year":"2024-25","budget":[10,10,10,10],"actual":[9,12,null,null]}"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.actual, Some(10.5));
    assert_eq!(a.budget_to_date, Some(10.0));
    assert_eq!(a.cumulative.actual, vec![Some(9.0), Some(10.5), None, None]);

    let d = quarterly(
        "none",
        "%",
        r#"{"year":"2024-25","actual":[40,50,60,70],"printed_total":{"actual":55}}"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.actual, None);
    assert_eq!(a.variance, None);
    assert_eq!(a.cumulative.actual, vec![None; 4]);
    assert_eq!(a.printed.len(), 1);
    // Nothing to check it against: neither a match nor a difference.
    assert!(a.printed[0].is_unchecked() && !a.printed[0].is_mismatch());
    assert_eq!(
        headline(i, &a),
        "Latest, Q4 2024-25 (Jan to Mar): 70%. These figures have no year total; see each quarter."
    );
}

#[test]
fn a_zero_budget_has_no_percentage() {
    let d = quarterly(
        "sum",
        "claims",
        r#"{"year":"2024-25","budget":[0,0,0,0],"actual":[1,0,0,0]}"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.variance, Some(1.0));
    assert_eq!(a.variance_pct, None);
}

#[test]
fn a_budget_only_year_has_no_variance() {
    let d = quarterly("sum", "hours", r#"{"year":"2025-26","budget":[1,2,3,4]}"#);
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.budget, Some(10.0));
    assert_eq!(a.budget_to_date, None);
    assert_eq!(a.actual, None);
    assert_eq!(a.variance, None);
    assert_eq!(a.periods_reported, 0);
}

#[test]
fn printed_totals_are_checked_for_each_series() {
    let d = quarterly(
        "sum",
        "hours",
        r#"{"year":"2024-25","budget":[1,2,3,4],"actual":[1,1,1,1],"forecast":[1,1,1,2],"printed_total":{"budget":10,"actual":5,"forecast":5}}"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    let mismatched: Vec<_> = a
        .printed_mismatches()
        .map(|c| (c.series.name(), c.difference()))
        .collect();
    assert_eq!(mismatched, [("actual", Some(1.0))]);
    assert_eq!(a.forecast, Some(5.0));
}

#[test]
fn year_value_ignores_nulls() {
    assert_eq!(
        year_value([None, Some(2.0), None], YearValue::Last),
        Some(2.0)
    );
    assert_eq!(year_value([None, None], YearValue::Mean), None);
}

#[test]
fn cost_effects_split_exactly_under_both_conventions() {
    // 1,000 budgeted hours at £15, 1,100 delivered at £14.
    let volume = quarterly(
        "sum",
        "hours",
        r#"{"year":"2024-25","budget":[250,250,250,250],"actual":[275,275,275,275]}"#,
    );
    let cost = quarterly(
        "last",
        "£ per hour",
        r#"{"year":"2024-25","budget":[15,15,15,15],"actual":[14.5,14.2,14.1,14]}"#,
    );
    let v = analyse_year(&volume.indicators[0], &volume.indicators[0].years[0]);
    let c = analyse_year(&cost.indicators[0], &cost.indicators[0].years[0]);
    let unit = Unit::parse("£ per hour");
    let a = cost_effect(&v, &c, &unit, CostConvention::VolumeAtActualCost).unwrap();
    assert_eq!(a.volume, 100.0 * 14.0); // +£1,400
    assert_eq!(a.price, -1000.0); // -£1 an hour on 1,000 budgeted hours
    let b = cost_effect(&v, &c, &unit, CostConvention::VolumeAtBudgetCost).unwrap();
    assert_eq!(b.volume, 100.0 * 15.0); // +£1,500
    assert_eq!(b.price, -1100.0); // -£1 an hour on 1,100 actual hours
    let spend = 1100.0 * 14.0 - 1000.0 * 15.0;
    assert_eq!(a.total(), spend);
    assert_eq!(b.total(), spend);
    // No cost effect from a unit that is not a price in pounds.
    assert!(cost_effect(
        &v,
        &c,
        &Unit::parse("$ per hour"),
        CostConvention::default()
    )
    .is_none());
}

#[test]
fn a_part_year_cost_effect_uses_figures_to_date() {
    let volume = quarterly(
        "sum",
        "hours",
        r#"{"year":"2024-25","budget":[100,100,100,100],"actual":[110,null,null,null]}"#,
    );
    let cost = quarterly(
        "last",
        "£ per hour",
        r#"{"year":"2024-25","budget":[20,20,20,20],"actual":[21,null,null,null]}"#,
    );
    let v = analyse_year(&volume.indicators[0], &volume.indicators[0].years[0]);
    let c = analyse_year(&cost.indicators[0], &cost.indicators[0].years[0]);
    let e = cost_effect(
        &v,
        &c,
        &Unit::parse("£ per hour"),
        CostConvention::default(),
    )
    .unwrap();
    assert_eq!((e.budget_volume, e.actual_volume), (100.0, 110.0));
    assert_eq!((e.budget_unit_cost, e.actual_unit_cost), (20.0, 21.0));
    assert_eq!(e.volume, 210.0);
    assert_eq!(e.price, 100.0);
}

#[test]
fn summary_json_converts_money_units_to_pounds() {
    let d = quarterly(
        "last",
        "£000s",
        r#"{"year":"2024-25","budget":[30,1710,2490,3000],"actual":[769,1725,2345,3093]}"#,
    );
    let json = summary_json(&d, CostConvention::default());
    let year = &json["indicators"][0]["years"][0];
    assert_eq!(year["budget"], 3_000_000);
    assert_eq!(year["actual"], 3_093_000);
    assert_eq!(year["variance"], 93_000);
    assert_eq!(year["variance_pct"], 3.1);
    assert_eq!(year["periods_reported"], 4);
    assert!(year["printed_total_mismatch"].is_null());
    assert!(year.get("cost_effect").is_none());
}
