//! Hand-computed cases for the explore views: forecasts by each method and
//! from any "as at" period, variance to date, and the scenes of each chart.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use common::close;
use outturn_core::analysis::{analyse_year, cost_effect, project, CostConvention, ForecastMethod};
use outturn_core::chart::{
    cost_effect_scene, cumulative_scene, forecast_scene, layout, render_svg, timeline_scene,
    variance_scene, years_scene, BarKind, SeriesRole, Theme, Viewport,
};
use outturn_core::model::{FinancialYear, Unit};
use outturn_core::view::{IndicatorView, PanelKind, View, ViewOptions};
use outturn_core::{parse_dataset, Dataset};

fn quarterly(year_value: &str, years: &str) -> Dataset {
    let text = format!(
        r#"{{"format":"outturn/1","title":"t","indicators":[{{"id":"x","title":"X","unit":"hours","period":"quarter","year_value":"{year_value}","years":[{years}]}}]}}"#
    );
    parse_dataset(&text).unwrap().dataset
}

const FLOW: &str = r#"{"year":"2023-24","budget":[85,95,95,105],"actual":[80,100,90,110]},{"year":"2024-25","budget":[100,110,120,130],"actual":[90,120,null,null]},{"year":"2025-26","budget":[1,1,1,1]}"#;

fn fy(label: &str) -> FinancialYear {
    FinancialYear::parse(label).unwrap()
}

#[test]
fn run_rate_continues_the_average_so_far() {
    let d = quarterly("sum", FLOW);
    let i = &d.indicators[0];
    let p = project(i, &i.years[1], 1, ForecastMethod::RunRate).unwrap();
    assert_eq!(p.projected, vec![None, None, Some(105.0), Some(105.0)]);
    assert_eq!(p.outturn, Some(420.0));
    assert_eq!(p.budget, Some(460.0));
    assert_eq!(p.variance, Some(-40.0));
    close(p.variance_pct.unwrap(), -40.0 / 460.0 * 100.0, 1e-12);
    // Replaying from April: only April counts.
    let april = project(i, &i.years[1], 0, ForecastMethod::RunRate).unwrap();
    assert_eq!(april.actual, vec![Some(90.0), None, None, None]);
    assert_eq!(april.outturn, Some(360.0));
}

#[test]
fn last_years_profile_is_scaled_to_this_year() {
    let d = quarterly("sum", FLOW);
    let i = &d.indicators[0];
    let p = project(i, &i.years[1], 1, ForecastMethod::LastYearProfile).unwrap();
    // This year so far 210 against 180 last year: ×7/6.
    close(p.projected[2].unwrap(), 105.0, 1e-9);
    close(p.projected[3].unwrap(), 110.0 * 7.0 / 6.0, 1e-9);
    close(p.outturn.unwrap(), 210.0 + 105.0 + 110.0 * 7.0 / 6.0, 1e-9);
    // No earlier year: the method is not available.
    assert!(project(i, &i.years[0], 1, ForecastMethod::LastYearProfile).is_none());
}

#[test]
fn budget_profile_assumes_the_affordable_level_for_the_rest() {
    let d = quarterly("sum", FLOW);
    let i = &d.indicators[0];
    let p = project(i, &i.years[1], 1, ForecastMethod::BudgetProfile).unwrap();
    assert_eq!(p.projected, vec![None, None, Some(120.0), Some(130.0)]);
    assert_eq!(p.outturn, Some(460.0));
    assert_eq!(p.variance, Some(0.0));
}

#[test]
fn snapshots_project_levels_not_sums() {
    let d = quarterly(
        "last",
        r#"{"year":"2023-24","actual":[8,9,11,10]},{"year":"2024-25","actual":[10,12,null,null]}"#,
    );
    let i = &d.indicators[0];
    let run = project(i, &i.years[1], 1, ForecastMethod::RunRate).unwrap();
    assert_eq!(run.outturn, Some(12.0));
    let seasonal = project(i, &i.years[1], 1, ForecastMethod::LastYearProfile).unwrap();
    // Last year went from 9 to 11 to 10: +2 then -1 from the same point.
    assert_eq!(seasonal.projected, vec![None, None, Some(14.0), Some(13.0)]);
    assert_eq!(seasonal.outturn, Some(13.0));
    // No budget: no budget-profile projection and no variance.
    assert!(project(i, &i.years[1], 1, ForecastMethod::BudgetProfile).is_none());
    assert_eq!(run.variance, None);
}

#[test]
fn nothing_is_projected_without_a_year_figure_or_actuals() {
    let d = quarterly("none", r#"{"year":"2024-25","actual":[1,2,null,null]}"#);
    let i = &d.indicators[0];
    assert!(project(i, &i.years[0], 1, ForecastMethod::RunRate).is_none());
    let d = quarterly("sum", r#"{"year":"2024-25","budget":[1,2,3,4]}"#);
    let i = &d.indicators[0];
    assert!(project(i, &i.years[0], 3, ForecastMethod::RunRate).is_none());
}

#[test]
fn forecast_methods_round_trip_their_slugs() {
    for method in ForecastMethod::ALL {
        assert_eq!(ForecastMethod::from_slug(method.slug()), Some(method));
    }
    assert_eq!(ForecastMethod::from_slug("magic"), None);
}

#[test]
fn variance_to_date_accumulates_flows() {
    let d = quarterly("sum", FLOW);
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[1]);
    assert_eq!(a.running_variance, vec![Some(-10.0), Some(0.0), None, None]);
    let scene = variance_scene(i, &a);
    let kinds: Vec<BarKind> = scene.bars.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BarKind::Under, BarKind::Over]);
    assert_eq!((scene.bars[0].to, scene.bars[1].to), (-10.0, 10.0));
    assert!(scene.include_zero);
    assert_eq!(
        scene.line(SeriesRole::RunningVariance).unwrap().values,
        a.running_variance
    );
}

#[test]
fn cumulative_chart_has_the_year_target() {
    let d = quarterly("sum", FLOW);
    let i = &d.indicators[0];
    let a = analyse_year(i, &i.years[1]);
    let scene = cumulative_scene(i, &a);
    assert_eq!(scene.rules.len(), 1);
    assert_eq!(scene.rules[0].value, 460.0);
    assert_eq!(scene.rules[0].label, "Affordable level for the year: 460");
    assert_eq!(
        scene.line(SeriesRole::Actual).unwrap().values,
        vec![Some(90.0), Some(210.0), None, None]
    );
}

#[test]
fn years_overlay_and_timeline_cover_every_year() {
    let d = quarterly("sum", FLOW);
    let i = &d.indicators[0];
    let overlay = years_scene(i, fy("2024-25"));
    assert_eq!(overlay.count(), 4);
    assert!(overlay
        .lines
        .iter()
        .any(|l| l.role == SeriesRole::NextBudget && l.label.contains("2025-26")));
    assert!(overlay.lines.iter().any(|l| l.tag == "2023-24"));
    assert!(overlay
        .line(SeriesRole::Actual)
        .unwrap()
        .label
        .contains("2024-25"));

    let timeline = timeline_scene(i, None);
    assert_eq!(timeline.count(), 12);
    assert_eq!(timeline.x_window, Viewport::full(12));
    let years: Vec<&str> = timeline
        .x_separators
        .iter()
        .map(|(_, l)| l.as_str())
        .collect();
    assert_eq!(years, ["2023-24", "2024-25", "2025-26"]);
    let actual = &timeline.line(SeriesRole::Actual).unwrap().values;
    assert_eq!(actual[4], Some(90.0));
    assert_eq!(actual[8], None);

    let zoomed = timeline_scene(i, Some(Viewport::new(3.5, 9.5, 12)));
    let frame = layout(&zoomed, 600.0, 300.0);
    assert_eq!(frame.position_at(frame.plot.left + 1.0), Some(4));
    let svg = render_svg(&zoomed, &frame, &Theme::light()).unwrap();
    assert!(svg.contains("2024-25"));
}

#[test]
fn the_cost_waterfall_adds_up() {
    let volume = quarterly(
        "sum",
        r#"{"year":"2024-25","budget":[250,250,250,250],"actual":[275,275,275,275]}"#,
    );
    let cost = quarterly(
        "last",
        r#"{"year":"2024-25","budget":[15,15,15,15],"actual":[14,14,14,14]}"#,
    );
    let v = analyse_year(&volume.indicators[0], &volume.indicators[0].years[0]);
    let c = analyse_year(&cost.indicators[0], &cost.indicators[0].years[0]);
    for convention in [
        CostConvention::VolumeAtActualCost,
        CostConvention::VolumeAtBudgetCost,
    ] {
        let effect = cost_effect(&v, &c, &Unit::parse("£ per hour"), convention).unwrap();
        let scene = cost_effect_scene(&effect);
        let [volume_bar, price_bar, total_bar] = &scene.bars[..] else {
            panic!()
        };
        assert_eq!(volume_bar.from, 0.0);
        assert_eq!(price_bar.from, volume_bar.to);
        assert_eq!(price_bar.to, total_bar.to);
        assert_eq!(total_bar.to, 1100.0 * 14.0 - 1000.0 * 15.0);
        assert!(scene.note.as_deref().unwrap().contains("Volume at"));
    }
}

#[test]
fn the_forecast_chart_continues_from_the_last_actual() {
    let d = quarterly("sum", FLOW);
    let i = &d.indicators[0];
    let p = project(i, &i.years[1], 1, ForecastMethod::RunRate).unwrap();
    let scene = forecast_scene(i, fy("2024-25"), &p).unwrap();
    let projection = &scene.line(SeriesRole::Projection).unwrap().values;
    assert_eq!(
        projection,
        &vec![None, Some(120.0), Some(105.0), Some(105.0)]
    );
    assert!(scene.note.as_deref().unwrap().contains("run rate"));
}

/// One indicator of `years` years of 400 readings, with one reading of 900
/// (year 150, reading 200, when there are that many years).
fn readings(years: usize) -> Dataset {
    let labels: Vec<String> = (1..=400).map(|i| format!("\"r{i}\"")).collect();
    let years: Vec<String> = (0..years)
        .map(|y| {
            let start = 1826 + y;
            let budget: Vec<String> = (0..400).map(|_| "100".to_string()).collect();
            let actual: Vec<String> = (0..400)
                .map(|i| match (y, i) {
                    (150, 200) => "900".to_string(),
                    _ => format!("{}", 95 + (i * 7 + y) % 11),
                })
                .collect();
            format!(
                r#"{{"year":"{start}-{:02}","budget":[{}],"actual":[{}]}}"#,
                (start + 1) % 100,
                budget.join(","),
                actual.join(",")
            )
        })
        .collect();
    let text = format!(
        r#"{{"format":"outturn/1","title":"t","indicators":[{{"id":"readings","title":"Readings","unit":"kg","periods":[{}],"year_value":"sum","years":[{}]}}]}}"#,
        labels.join(","),
        years.join(",")
    );
    parse_dataset(&text).unwrap().dataset
}

#[test]
fn a_dense_timeline_is_decimated_keeping_its_peaks_and_says_so() {
    // 200 years of 400 readings: 80,000 positions on an 800 px chart.
    let dataset = readings(200);
    let scene = timeline_scene(&dataset.indicators[0], None);
    assert_eq!(scene.count(), 80_000);
    let frame = layout(&scene, 800.0, 400.0);
    assert!(frame.decimated);
    // 200 year boundaries cannot all be labelled in 800 px: lines a few
    // pixels apart at least, labels every few years with room between.
    assert!(frame
        .x_separators
        .windows(2)
        .all(|w| w[1].0 - w[0].0 >= 6.0));
    let labelled: Vec<f64> = frame
        .x_separators
        .iter()
        .filter(|(_, label)| !label.is_empty())
        .map(|(x, _)| *x)
        .collect();
    assert!((2..40).contains(&labelled.len()));
    assert!(labelled.windows(2).all(|w| w[1] - w[0] >= 40.0));
    assert!(frame
        .note
        .iter()
        .any(|line| line.text.contains("highest and lowest")));
    let svg = render_svg(&scene, &frame, &Theme::light()).unwrap();
    // Four points per pixel column at most, not 80,000 per line.
    assert!(svg.len() < 400_000, "SVG is {} bytes", svg.len());
    // The single reading of 900 (one of 80,000) still reaches its height.
    let peak = frame.y(900.0).round() as i32;
    assert!(
        svg.contains(&format!(",{peak} ")) || svg.contains(&format!(",{peak}\"")),
        "the peak at y={peak} is drawn"
    );
    // The same chart zoomed in to a few periods is drawn point by point.
    let count = dataset.indicators[0].periods.len() * dataset.indicators[0].years.len();
    let zoomed = timeline_scene(
        &dataset.indicators[0],
        Some(Viewport::new(59_990.5, 60_010.5, count)),
    );
    let near = layout(&zoomed, 800.0, 400.0);
    assert!(!near.decimated);
    assert!(!near
        .note
        .iter()
        .any(|line| line.text.contains("highest and lowest")));
}

#[test]
fn building_a_view_grows_in_step_with_the_data_not_faster() {
    // Eight times the positions may take about eight times as long, never
    // sixty-four (a quadratic step, such as rescanning every value for
    // each tooltip, once made 80,000 positions take minutes).
    let time = |years: usize| {
        let dataset = readings(years);
        let indicator = &dataset.indicators[0];
        let options = ViewOptions {
            view: View::Years,
            ..ViewOptions::default()
        };
        let year = indicator.default_year().unwrap();
        let start = std::time::Instant::now();
        let built = IndicatorView::new(&dataset, &indicator.id, year, &options);
        assert!(built.is_some());
        start.elapsed().as_secs_f64()
    };
    time(2); // warm up
    let small = time(5);
    let large = time(40);
    assert!(
        large / small < 24.0,
        "5 years took {small:.4} s, 40 years {large:.4} s: {:.1} times as long",
        large / small
    );
}

#[test]
fn a_sparkline_pointer_finds_its_period_and_a_table_its_rows() {
    use outturn_core::view::{spark_position, PageBox};
    // Twelve points from 2 px to 118 px on a 120 px sparkline.
    // A sparkline 120 px wide, 300 px from the page's left edge.
    let spark = PageBox {
        left: 300.0,
        top: 0.0,
        width: 120.0,
        bottom: 36.0,
    };
    assert_eq!(spark_position(302.0, spark, 12), 0);
    assert_eq!(spark_position(302.0 + 2.0 / 11.0 * 116.0, spark, 12), 2);
    assert_eq!(spark_position(800.0, spark, 12), 11);
    assert_eq!(spark_position(295.0, spark, 12), 0);
    assert_eq!(spark_position(360.0, spark, 1), 0);

    let dataset = readings(3);
    let indicator = &dataset.indicators[0];
    let options = ViewOptions {
        view: View::Years,
        ..ViewOptions::default()
    };
    let view = IndicatorView::new(
        &dataset,
        &indicator.id,
        indicator.default_year().unwrap(),
        &options,
    )
    .unwrap();
    let timeline = view
        .panels
        .iter()
        .find(|p| p.kind == PanelKind::Timeline)
        .unwrap();
    assert_eq!(
        timeline.rows_in(Viewport::full(1200), 1000),
        (0..1000, 1200)
    );
    assert_eq!(
        timeline.rows_in(Viewport::new(599.5, 640.2, 1200), 1000),
        (600..641, 1200)
    );
    assert_eq!(
        timeline.rows_in(Viewport::new(1190.0, 1199.5, 1200), 1000),
        (1190..1200, 1200)
    );
    // A page of the table says which rows it shows; the whole table does not.
    let (rows, total) = timeline.rows_in(Viewport::full(1200), 1000);
    let page = timeline.table_of("X", rows.clone());
    assert_eq!(
        page.page_note(rows.start, total).as_deref(),
        Some("The table shows rows 1 to 1,000 of 1,200; \"Figures as CSV\" has every row.")
    );
    let (rows, total) = timeline.rows_in(Viewport::new(1190.0, 1199.5, 1200), 1000);
    assert_eq!(
        timeline
            .table_of("X", rows.clone())
            .page_note(rows.start, total)
            .as_deref(),
        Some("The table shows rows 1,191 to 1,200 of 1,200; \"Figures as CSV\" has every row.")
    );
    assert_eq!(timeline.table("X").page_note(0, 1200), None);
}
