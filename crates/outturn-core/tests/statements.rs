//! Statements that must be true of the data they describe: each test is a
//! small dataset in the shape of a real report table that once made Outturn
//! print something the report would not (a variance over unlike periods, a
//! year earlier that was a year's total, a year to date over periods never
//! reported, forecasts dropped, percentages of percentages), and asserts
//! what is said now in the analysis, the headline, the overview card, the
//! tables and `outturn summary --json`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use outturn_core::analysis::{analyse_year, CostConvention};
use outturn_core::chart::{layout, render_svg, timeline_scene, years_scene, SeriesRole, Theme};
use outturn_core::format::{headline, point_detail, printed_sentences, MoneyScale};
use outturn_core::model::FinancialYear;
use outturn_core::parse_dataset;
use outturn_core::summary::{summary_json, summary_table};
use outturn_core::view::{dashboard, DashboardOrder, IndicatorView, Standing, View, ViewOptions};
use outturn_core::Dataset;

/// A dataset of one indicator: `fields` are its fields after `id` and
/// `title` (unit, period, year_value, years ...).
fn one(fields: &str) -> Dataset {
    many(&[("x", fields)])
}

/// A dataset of several indicators, each `(id, fields)`.
fn many(indicators: &[(&str, &str)]) -> Dataset {
    let list: Vec<String> = indicators
        .iter()
        .map(|(id, fields)| format!(r#"{{"id":"{id}","title":"T {id}",{fields}}}"#))
        .collect();
    let text = format!(
        r#"{{"format":"outturn/1","title":"t","indicators":[{}]}}"#,
        list.join(",")
    );
    parse_dataset(&text).unwrap().dataset
}

fn year(label: &str) -> FinancialYear {
    FinancialYear::parse(label).unwrap()
}

fn json_year(d: &Dataset, index: usize) -> serde_json::Value {
    summary_json(d, CostConvention::default())["indicators"][0]["years"][index].clone()
}

fn card(d: &Dataset, y: &str) -> outturn_core::view::DashboardEntry {
    dashboard(d, Some(year(y)), DashboardOrder::Dataset)
        .into_iter()
        .flat_map(|(_, entries)| entries)
        .next()
        .unwrap()
}

// 1. A variance pairs figures of the same period.

#[test]
fn a_snapshot_is_compared_with_the_budget_of_its_own_period() {
    // Jobs created, year to date by quarter: budgets only for Q1 and Q2.
    let d = one(
        r#""unit":"jobs","period":"quarter","year_value":"last","years":[{"year":"2011-12","budget":[775,1550,null,null],"actual":[418,1462,2754,3243]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.actual, Some(3243.0));
    assert_eq!(a.budget_to_date, None, "no budget for Q4");
    assert_eq!(a.variance, None);
    assert!(a.compared.is_empty());
    let text = headline(i, &a);
    assert_eq!(
        text,
        "3,243 jobs at Q4 2011-12 (Jan to Mar); no affordable level for Q4; the latest is Q2: 1,550. Up 489 on the previous quarter."
    );
    assert!(!text.contains("1,693"), "{text}");
    let y = json_year(&d, 0);
    assert!(y["variance"].is_null() && y["variance_pct"].is_null());
    assert!(y["budget_to_date"].is_null());
    assert_eq!(y["periods_compared"], 0);
    // The overview says there is nothing to compare, not a false standing.
    let entry = card(&d, "2011-12");
    assert_eq!(entry.standing, Standing::NoBudget);
    assert_eq!(
        entry.figure,
        "3,243 jobs in Q4 2011-12, up 489 on Q3 2011-12"
    );

    // With a Q4 budget the same figures compare Q4 with Q4.
    let d = one(
        r#""unit":"jobs","period":"quarter","year_value":"last","years":[{"year":"2011-12","budget":[775,1550,2325,3100],"actual":[418,1462,2754,3243]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!((a.budget_to_date, a.variance), (Some(3100.0), Some(143.0)));
}

#[test]
fn flows_compare_only_the_periods_that_have_both() {
    let d = one(
        r#""unit":"hours","period":"quarter","year_value":"sum","years":[{"year":"2011-12","budget":[100,100,null,null],"actual":[90,120,130,null]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(
        a.actual,
        Some(340.0),
        "actual to date is every reported quarter"
    );
    assert_eq!(a.budget_to_date, Some(200.0));
    assert_eq!(a.actual_compared, Some(210.0));
    assert_eq!(a.variance, Some(10.0), "not 340 - 200");
    assert_eq!(a.compared, vec![0, 1]);
    assert!(a.compares_fewer_than_reported());
    assert_eq!(
        headline(i, &a),
        "Year to date (Q1 to Q3): 340 hours. Q3 has no affordable level; over Q1 to Q2: 210 hours against an affordable level of 200: 10 (5.0%) over."
    );
    let y = json_year(&d, 0);
    assert_eq!(y["variance"], 10);
    assert_eq!(y["periods_compared"], 2);
    assert_eq!(y["periods_reported"], 3);
    let entry = card(&d, "2011-12");
    assert_eq!(
        entry.basis,
        "Year to date, 2011-12, 3 of 4 quarters; variance over Q1 to Q2"
    );
    // The budget table's total row adds up across: 210 against 200.
    let view = IndicatorView::new(&d, "x", year("2011-12"), &ViewOptions::default()).unwrap();
    let total = &view.panels[0].totals[0];
    assert_eq!(total.title, "Q1 to Q2 (computed)");
    assert!(total
        .rows
        .contains(&("Actual".to_string(), "210 hours".to_string())));

    // Means too: the average over the periods with both.
    let d = one(
        r#""unit":"£ per week","period":"quarter","year_value":"mean","years":[{"year":"2011-12","budget":[10,null,10,10],"actual":[9,30,12,null]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.actual, Some(17.0));
    assert_eq!(a.actual_compared, Some(10.5));
    assert_eq!(a.variance, Some(0.5));
}

#[test]
fn the_cost_effect_prices_the_same_periods_it_compares() {
    let d = many(&[
        (
            "hours",
            r#""unit":"hours","period":"quarter","year_value":"sum","unit_cost":"cost","years":[{"year":"2011-12","budget":[100,100,null,null],"actual":[110,100,500,null]}]"#,
        ),
        (
            "cost",
            r#""unit":"£ per hour","period":"quarter","year_value":"mean","years":[{"year":"2011-12","budget":[10,10,10,10],"actual":[10,10,10,null]}]"#,
        ),
    ]);
    let y = &summary_json(&d, CostConvention::default())["indicators"][0]["years"][0];
    // 10 hours over at £10: the 500 hours of Q3, which has no budget, are not priced.
    assert_eq!(y["cost_effect"]["volume"], 100);
}

// 2. "A year earlier" is the same period of the previous year.

#[test]
fn a_year_earlier_is_the_same_period_last_year() {
    // Apprenticeship starts, year to date: 5,360 at Q2 against 4,220 at Q2
    // a year before (last year's full year was 9,040).
    let years = r#"{"year":"2010-11","actual":[2000,4220,6500,9040]},{"year":"2011-12","actual":[2500,5360,null,null]}"#;
    let d = one(&format!(
        r#""unit":"starts","period":"quarter","year_value":"last","years":[{years}]"#
    ));
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[1]);
    let change = a.snapshot_change.unwrap();
    assert_eq!(change.over_year, Some(1140.0));
    let text = headline(i, &a);
    assert!(
        text.contains("Up 2,860 on the previous quarter and up 1,140 on a year earlier."),
        "{text}"
    );
    assert!(!text.contains("3,680"), "{text}");

    // The same period last year not reported: said, never a fallback.
    let d = one(
        r#""unit":"starts","period":"quarter","year_value":"last","years":[{"year":"2010-11","actual":[null,null,null,9040]},{"year":"2011-12","actual":[2500,5360,null,null]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[1]);
    let change = a.snapshot_change.unwrap();
    assert_eq!(change.over_year, None);
    assert!(change.year_earlier_missing);
    let text = headline(i, &a);
    assert!(
        text.ends_with("No figure for Q2 2010-11 (Jul to Sep) to compare with a year earlier."),
        "{text}"
    );
}

#[test]
fn the_previous_period_is_the_one_just_before() {
    // February not reported: March is not compared with January as "the previous month".
    let d = one(
        r#""unit":"clients","period":"month","year_value":"last","years":[{"year":"2011-12","actual":[1,2,3,4,5,6,7,8,9,10,null,12]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.snapshot_change.unwrap().over_last_period, None);
    assert!(!headline(i, &a).contains("previous month"));
}

// 3. Which periods a figure covers; printed totals over incomplete periods.

#[test]
fn a_part_year_says_which_periods_it_covers() {
    // Only Q4 of 2010-11 reported, with the year's printed total.
    let d = one(
        r#""unit":"referrals","period":"quarter","year_value":"sum","years":[{"year":"2010-11","actual":[null,null,null,287],"printed_total":{"actual":1087}},{"year":"2011-12","actual":[250,null,300,null]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    let text = headline(i, &a);
    assert_eq!(
        text,
        "2010-11, Q4 only: 287 referrals; no affordable level is set."
    );
    assert!(!text.contains("Year to date"));
    assert!(a.printed_mismatches().next().is_none(), "not a mismatch");
    assert_eq!(
        printed_sentences(i, &a),
        vec!["The source prints an actual total of 1,087 for 2010-11, but only Q4 is reported (287), so it cannot be checked against the quarters.".to_string()]
    );
    let y = json_year(&d, 0);
    assert!(y["printed_total_mismatch"].is_null());
    assert_eq!(y["printed_total_unchecked"][0]["printed"], 1087);
    let entry = card(&d, "2010-11");
    // The card shows the latest value, so its basis is that period.
    assert_eq!(entry.basis, "Latest, Q4 2010-11 (1 of 4 quarters)");
    assert_eq!(entry.figure, "287 referrals in Q4 2010-11");
    // The lone quarter shows on the sparkline as a short stroke, not an
    // invisible one-point polyline.
    assert_eq!(entry.actual_line, vec!["116.5,34.0 119.5,34.0".to_string()]);

    // Gaps: "2 of 4 quarters".
    let a = analyse_year(i, &i.years[1]);
    assert_eq!(
        headline(i, &a),
        "2011-12, 2 of 4 quarters: 550 referrals; no affordable level is set."
    );
}

#[test]
fn a_complete_printed_total_is_still_checked_in_good_english() {
    let d = one(
        r#""unit":"referrals","period":"quarter","year_value":"sum","years":[{"year":"2010-11","actual":[200,300,300,287],"budget":[null,null,null,300],"printed_total":{"actual":1088,"budget":1200}}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    let sentences = printed_sentences(i, &a);
    assert_eq!(
        sentences[0],
        "The source prints a budget total of 1,200 for 2010-11, but only Q4 is reported (300), so it cannot be checked against the quarters."
    );
    assert_eq!(
        sentences[1],
        "The source prints an actual total of 1,088; the quarters add up to 1,087 (a difference of 1)."
    );
    let y = json_year(&d, 0);
    assert_eq!(y["printed_total_mismatch"][0]["series"], "actual");
    assert_eq!(y["printed_total_unchecked"][0]["series"], "budget");
}

#[test]
fn a_snapshot_is_never_called_year_to_date() {
    let d = one(
        r#""unit":"children","period":"month","year_value":"last","years":[{"year":"2011-12","budget":[50,50,50,50,50,50,50,50,50,50,50,50],"actual":[48,52,null,null,null,null,null,null,null,null,null,null]}]"#,
    );
    let entry = card(&d, "2011-12");
    assert_eq!(entry.basis, "Latest, May 2011 (2011-12, 2 of 12 months)");
    let view = IndicatorView::new(&d, "x", year("2011-12"), &ViewOptions::default()).unwrap();
    assert!(!view.available.contains(&View::Cumulative));
    assert_eq!(
        view.panels[0].totals[0].title,
        "Latest, May 2011 (computed)"
    );
    for text in [&view.headline, &view.panels[0].summary] {
        assert!(
            !outturn_core::format::lower(text).contains("year to date"),
            "{text}"
        );
    }
}

// 4. Forecasts are shown wherever actuals are.

#[test]
fn a_forecast_only_year_has_a_headline_a_card_and_summary_fields() {
    let d = one(
        r#""unit":"placements","period":"quarter","year_value":"sum","years":[{"year":"2011-12","budget":[1500,1500,1500,1500],"actual":[1480,1510,1530,1490]},{"year":"2012-13","budget":[1500,1500,1500,1500],"forecast":[1520,1540,1560,1558]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[1]);
    assert_eq!(a.forecast, Some(6178.0));
    assert_eq!(a.forecast_variance, Some(178.0));
    assert_eq!(
        headline(i, &a),
        "Forecast outturn for 2012-13: 6,178 placements against an affordable level of 6,000: 178 (3.0%) over. No actuals reported yet."
    );
    let y = json_year(&d, 1);
    assert_eq!(y["forecast"], 6178);
    assert_eq!(y["forecast_variance"], 178);
    let y = json_year(&d, 0);
    assert!(y["forecast"].is_null() && y["forecast_variance"].is_null());
    assert_eq!(
        card(&d, "2011-12").basis,
        "Full year 2011-12, 4 of 4 quarters"
    );
    let entry = card(&d, "2012-13");
    assert_eq!(entry.standing, Standing::ForecastOver);
    assert_eq!(entry.figure, "+178 placements (+3.0%)");
    // Its sparkline draws the forecast (four quarters, one run).
    assert_eq!(entry.forecast_line.len(), 1);
    assert_eq!(entry.forecast_line[0].split(' ').count(), 4);
    assert_eq!(entry.basis, "Forecast for 2012-13, no actuals yet");

    // The overlay and the timeline draw it, and name it.
    let overlay = years_scene(i, year("2012-13"));
    assert!(overlay.line(SeriesRole::Forecast).is_some());
    let timeline = timeline_scene(i, None);
    let forecast = timeline.line(SeriesRole::Forecast).unwrap();
    assert_eq!(forecast.values[4], Some(1520.0));
    // The tooltip and its spoken sentence carry it.
    let detail = point_detail(i, &i.years[1], 0);
    assert!(detail
        .rows
        .contains(&("Forecast".to_string(), "1,520 placements".to_string())));
    assert!(
        detail.sentence.contains("forecast 1,520 placements"),
        "{}",
        detail.sentence
    );
    let view = IndicatorView::new(
        &d,
        "x",
        year("2012-13"),
        &ViewOptions {
            view: View::Years,
            ..ViewOptions::default()
        },
    )
    .unwrap();
    let overlay = &view.panels[0];
    assert!(overlay
        .legend
        .iter()
        .any(|(role, label)| *role == SeriesRole::Forecast && label == "Forecast 2012-13"));
    let rows = overlay.details.get(0).unwrap().rows;
    assert!(rows.contains(&(
        "Forecast 2012-13".to_string(),
        "1,520 placements".to_string()
    )));
}

#[test]
fn a_part_forecast_is_a_forecast_outturn_with_the_actuals_to_date() {
    let d = one(
        r#""unit":"hours","period":"quarter","year_value":"sum","years":[{"year":"2011-12","budget":[100,100,100,100],"actual":[90,95,null,null],"forecast":[null,null,110,120]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.forecast, Some(415.0));
    assert!(headline(i, &a).ends_with(
        "Forecast outturn for the year: 415 hours against an affordable level of 400: 15 (3.8%) over."
    ));
    // A forecast that covers neither the year nor the rest of it gives none.
    let d = one(
        r#""unit":"hours","period":"quarter","year_value":"sum","years":[{"year":"2011-12","actual":[90,null,null,null],"forecast":[null,null,110,null]}]"#,
    );
    let i = &d.indicators[0];
    assert_eq!(analyse_year(i, &i.years[0]).forecast, None);
}

// 5. Differences of percentages are percentage points.

#[test]
fn percentages_differ_by_percentage_points() {
    let d = one(
        r#""unit":"%","period":"quarter","year_value":"last","years":[{"year":"2011-12","budget":[72.2,72.2,72.2,72.2],"actual":[74.7,78.1,null,null]}]"#,
    );
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[0]);
    assert_eq!(a.variance_pct, None);
    let text = headline(i, &a);
    assert_eq!(
        text,
        "78.1% at Q2 2011-12 (Jul to Sep) against an affordable level of 72.2%: 5.9 percentage points over. Up 3.4 percentage points on the previous quarter."
    );
    let y = json_year(&d, 0);
    assert_eq!(y["variance_unit"], "pp");
    assert!(y["variance_pct"].is_null());
    assert_eq!(y["variance"], 5.9);
    let detail = point_detail(i, &i.years[0], 1);
    assert!(detail
        .rows
        .contains(&("Variance".to_string(), "+5.9 pp".to_string())));
    assert!(
        detail.sentence.ends_with("5.9 percentage points over"),
        "{}",
        detail.sentence
    );
    let table = summary_table(&d, CostConvention::default());
    assert!(table.contains("+5.9 pp"), "{table}");
    assert!(!table.contains("8.2%"), "{table}");
    let entry = card(&d, "2011-12");
    assert_eq!(entry.figure, "+5.9 pp");
    // The variance view's axis and CSV are in points.
    let view = IndicatorView::new(
        &d,
        "x",
        year("2011-12"),
        &ViewOptions {
            view: View::Variance,
            ..ViewOptions::default()
        },
    )
    .unwrap();
    assert_eq!(view.panels[0].scene.unit.label, "percentage points");
    let csv = view.panels[0].table("T").to_csv(&i.unit);
    assert!(
        csv.starts_with("Period,Affordable level (%),Actual (%),Variance (percentage points)"),
        "{csv}"
    );
    // Other units keep their percentage.
    let d = one(
        r#""unit":"hours","period":"quarter","year_value":"sum","years":[{"year":"2011-12","budget":[100,100,100,100],"actual":[110,null,null,null]}]"#,
    );
    assert_eq!(json_year(&d, 0)["variance_pct"], 10);
    assert_eq!(json_year(&d, 0)["variance_unit"], "hours");
}

// Also found on the same data.

#[test]
fn a_single_reported_point_is_drawn_on_the_overlay() {
    let d = one(
        r#""unit":"referrals","period":"quarter","year_value":"sum","years":[{"year":"2010-11","actual":[null,null,null,287]},{"year":"2011-12","actual":[250,260,null,null]}]"#,
    );
    let i = &d.indicators[0];
    let scene = years_scene(i, year("2011-12"));
    let frame = layout(&scene, 900.0, 400.0);
    let svg = render_svg(&scene, &frame, &Theme::light()).unwrap();
    // Two circles for 2011-12's markers and one dot for 2010-11's lone Q4.
    assert_eq!(svg.matches("<circle").count(), 3, "{svg}");
}

#[test]
fn cards_without_an_affordable_level_show_the_latest_value_and_change() {
    let d = one(
        r#""unit":"referrals","period":"month","year_value":"sum","years":[{"year":"2011-12","actual":[1400,1390,1380,1370,1360,1350,1340,1330,1408,1355,null,null]}]"#,
    );
    let entry = card(&d, "2011-12");
    assert_eq!(entry.standing, Standing::NoBudget);
    assert_eq!(
        entry.figure,
        "1,355 referrals in January 2012, down 53 on December 2011"
    );
    // The figure is January's, and the basis says so, not "year to date".
    assert_eq!(
        entry.basis,
        "Latest, January 2012 (2011-12, 10 of 12 months)"
    );
}

#[test]
fn money_in_one_list_is_at_one_scale_and_no_finer_than_the_data() {
    // -2.8 in £m is £2.8m, not £2,800k.
    let d = one(
        r#""unit":"£m","period":"year","year_value":"sum","years":[{"year":"2011-12","budget":[10],"actual":[7.2]}]"#,
    );
    assert_eq!(card(&d, "2011-12").figure, "-£2.8m (-28.0%)");
    // Two portfolios in one group, in £000s: one scale for both.
    let d = many(&[
        (
            "a",
            r#""group":"G","unit":"£000s","period":"year","year_value":"sum","years":[{"year":"2011-12","budget":[50000],"actual":[47188]}]"#,
        ),
        (
            "b",
            r#""group":"G","unit":"£m","period":"year","year_value":"sum","years":[{"year":"2011-12","budget":[100.0],"actual":[89.8]}]"#,
        ),
    ]);
    let figures: Vec<String> = dashboard(&d, Some(year("2011-12")), DashboardOrder::Dataset)
        .into_iter()
        .flat_map(|(_, entries)| entries)
        .map(|entry| entry.figure)
        .collect();
    assert_eq!(figures, vec!["-£2.8m (-5.6%)", "-£10.2m (-10.2%)"]);
    // A table of £000s keeps its scale: £10,776k beside £9,999k, not £10.8m.
    let scale = MoneyScale::for_data(1000.0, 0, 10_776_000.0);
    assert_eq!(scale.format(10_776_000.0), "£10,776k");
    assert_eq!(scale.format(9_999_000.0), "£9,999k");
}
