//! Snapshot tests: the drawing and the text of every view, pinned byte for
//! byte, so that a change to either shows as a diff in review.
//!
//! For five indicators of the default dataset (a monthly flow, a monthly
//! snapshot count, a quarterly flow with its unit cost and £ effect, a
//! monthly flow with its unit cost, a termly flow) every view is drawn with
//! `render_svg` (the path the widget and the CLI use) at a desktop and a
//! phone chart width, and every panel's words (headline, titles, text
//! alternative, legend, tooltip rows, announcements, table) are written out
//! as text. The overview's sparklines are pinned as their polyline points.
//! Also pinned: an exported chart, a zoomed timeline, a chart with a line
//! hidden through the legend, the dark theme and each forecast method.
//!
//! The files live in `tests/snapshots/`. A test fails on the first file
//! that differs and names it. To accept a deliberate change, run
//! `UPDATE_SNAPSHOTS=1 cargo test -p outturn-core --test snapshots` and
//! commit the files with a message that says why the drawing changed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;

use common::kent;
use outturn_core::analysis::{CostConvention, ForecastMethod};
use outturn_core::chart::{
    chart_height, layout_window, render_export_svg, render_svg, SeriesRole, Theme, Viewport,
};
use outturn_core::model::FinancialYear;
use outturn_core::view::{
    dashboard, DashboardOrder, IndicatorView, Panel, Standing, View, ViewOptions,
};
use outturn_core::Dataset;

/// A monthly flow, a monthly snapshot count, a quarterly flow with a unit
/// cost, a monthly flow with a unit cost, and a termly flow.
const INDICATORS: [&str; 5] = [
    "waste-tonnage",
    "direct-payments",
    "foster-care-independent-weeks",
    "domiciliary-care-hours",
    "early-years-hours",
];

/// Chart widths in CSS pixels: the chart on a 1280 px page and on a 375 px phone.
const WIDTHS: [f64; 2] = [896.0, 327.0];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v != "0")
}

/// Compares `actual` with the snapshot `name`, or writes it when updating.
fn check(name: &str, actual: &str) {
    let path = dir().join(name);
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run UPDATE_SNAPSHOTS=1 cargo test -p outturn-core --test snapshots",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        let show = |text: &str| {
            let mut shown: String = text
                .lines()
                .nth(line)
                .unwrap_or("<end>")
                .chars()
                .take(400)
                .collect();
            if shown.is_empty() {
                shown = "<empty line>".into();
            }
            shown
        };
        panic!(
            "{} differs from the drawing at line {}:\n  expected: {}\n  actual:   {}\n\
             If the change is deliberate, run UPDATE_SNAPSHOTS=1 cargo test -p outturn-core --test snapshots \
             and say why in the commit.",
            path.display(),
            line + 1,
            show(&expected),
            show(actual)
        );
    }
}

fn fy(label: &str) -> FinancialYear {
    FinancialYear::parse(label).unwrap()
}

fn view_of(dataset: &Dataset, id: &str, year: &str, options: &ViewOptions) -> IndicatorView {
    IndicatorView::new(dataset, id, fy(year), options).unwrap()
}

/// The panel drawn at `width`, as the widget draws it (whole window).
fn draw(panel: &Panel, window: Option<Viewport>, width: f64, theme: &Theme) -> String {
    let window = window.unwrap_or(panel.scene.x_window);
    let frame = layout_window(&panel.scene, window, width, chart_height(width));
    render_svg(&panel.scene, &frame, theme).unwrap()
}

/// Every word the view prints, in reading order.
fn words(view: &IndicatorView) -> String {
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "view: {}", view.view.slug()).unwrap();
    writeln!(
        w,
        "available: {}",
        view.available
            .iter()
            .map(|v| v.slug())
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    writeln!(w, "subtitle: {}", view.subtitle).unwrap();
    writeln!(w, "headline: {}", view.headline).unwrap();
    writeln!(w, "cost: {:?}", view.cost).unwrap();
    for printed in &view.printed {
        writeln!(w, "printed: {printed}").unwrap();
    }
    writeln!(w, "projection: {:?}", view.projection_sentence).unwrap();
    writeln!(
        w,
        "as at: {}",
        view.as_at_choices
            .iter()
            .map(|(i, label)| format!("{i}={label}"))
            .collect::<Vec<_>>()
            .join("; ")
    )
    .unwrap();
    for panel in &view.panels {
        writeln!(w, "\n## panel {}", panel.kind.slug()).unwrap();
        writeln!(w, "title: {}", panel.title).unwrap();
        writeln!(w, "zoomable: {}", panel.zoomable).unwrap();
        writeln!(w, "decimals: {}", panel.decimals).unwrap();
        writeln!(w, "summary: {}", panel.summary).unwrap();
        for (role, label) in &panel.legend {
            writeln!(w, "legend: {} = {label}", role.key()).unwrap();
        }
        writeln!(
            w,
            "series order: {}",
            panel
                .series_order()
                .iter()
                .map(|r| r.key())
                .collect::<Vec<_>>()
                .join(", ")
        )
        .unwrap();
        for (position, detail) in panel.details.iter().enumerate() {
            writeln!(w, "point {position}: {}", detail.title).unwrap();
            for (label, value) in &detail.rows {
                writeln!(w, "  {label}: {value}").unwrap();
            }
            // As the tooltip's status read before it became a Standing.
            let status = detail.status.map(|s| match s {
                Standing::Over => "over",
                Standing::Under => "under",
                Standing::OnLevel => "on the affordable level",
                // A performance indicator's status, in its own words.
                other => other.in_full(),
            });
            writeln!(w, "  status: {status:?}").unwrap();
            writeln!(w, "  sentence: {}", detail.sentence).unwrap();
            writeln!(
                w,
                "  announce: {}",
                panel.announce.get(position).unwrap_or_default()
            )
            .unwrap();
            for series in 1..panel.series_order().len() {
                writeln!(
                    w,
                    "  series {series}: {}",
                    panel.announcement(position, series)
                )
                .unwrap();
            }
        }
        for total in &panel.totals {
            writeln!(w, "total: {}", total.title).unwrap();
            for (label, value) in &total.rows {
                writeln!(w, "  {label}: {value}").unwrap();
            }
        }
        let table = panel.table(&view.indicator.title);
        writeln!(w, "table caption: {}", table.caption).unwrap();
        writeln!(w, "table columns: {}", table.columns.join(" | ")).unwrap();
        for (label, cells) in table.rows.iter().chain(&table.footer) {
            writeln!(w, "  {label} | {}", cells.join(" | ")).unwrap();
        }
        writeln!(
            w,
            "csv:\n{}",
            panel.table(&view.indicator.title).to_csv(&panel.scene.unit)
        )
        .unwrap();
    }
    out
}

/// Every view of `id` in 2011-12: its words, and each panel drawn at both widths.
fn pin_views(dataset: &Dataset, id: &str, year: &str) {
    for view in View::ALL {
        let options = ViewOptions {
            view,
            ..ViewOptions::default()
        };
        let shown = view_of(dataset, id, year, &options);
        if shown.view != view {
            // Not available for this indicator: the budget view stands in,
            // and is pinned under its own name.
            assert!(!shown.available.contains(&view), "{id}: {}", view.slug());
            continue;
        }
        check(&format!("{id}/{}.txt", view.slug()), &words(&shown));
        for panel in &shown.panels {
            for width in WIDTHS {
                check(
                    &format!("{id}/{}-{}-{width}.svg", view.slug(), panel.kind.slug()),
                    &draw(panel, None, width, &Theme::light()),
                );
            }
        }
    }
}

#[test]
fn every_view_of_a_monthly_flow() {
    pin_views(&kent(), INDICATORS[0], "2011-12");
}

#[test]
fn every_view_of_a_monthly_snapshot_count() {
    pin_views(&kent(), INDICATORS[1], "2011-12");
}

#[test]
fn every_view_of_a_quarterly_flow_with_its_unit_cost() {
    pin_views(&kent(), INDICATORS[2], "2011-12");
}

#[test]
fn every_view_of_a_monthly_flow_with_its_unit_cost() {
    pin_views(&kent(), INDICATORS[3], "2011-12");
}

#[test]
fn every_view_of_a_termly_flow() {
    pin_views(&kent(), INDICATORS[4], "2011-12");
}

#[test]
fn a_year_with_no_actuals_yet() {
    // 2012-13 holds only the next year's affordable level.
    let dataset = kent();
    let shown = view_of(
        &dataset,
        "waste-tonnage",
        "2012-13",
        &ViewOptions::default(),
    );
    check("other/waste-tonnage-2012-13.txt", &words(&shown));
    check(
        "other/waste-tonnage-2012-13-budget.svg",
        &draw(&shown.panels[0], None, WIDTHS[0], &Theme::light()),
    );
}

#[test]
fn a_zoomed_timeline_a_hidden_line_and_the_dark_theme() {
    let dataset = kent();
    // Domiciliary care has four years of months: 48 positions.
    let window = Some(Viewport::new(14.25, 31.5, 48));
    let options = ViewOptions {
        view: View::Years,
        window,
        hidden: vec![SeriesRole::Budget, SeriesRole::PreviousActual { age: 1 }],
        ..ViewOptions::default()
    };
    let shown = view_of(&dataset, "domiciliary-care-hours", "2011-12", &options);
    check("other/years-zoomed-hidden.txt", &words(&shown));
    for panel in &shown.panels {
        let window = panel.zoomable.then_some(window).flatten();
        check(
            &format!("other/years-zoomed-hidden-{}.svg", panel.kind.slug()),
            &draw(panel, window, WIDTHS[0], &Theme::light()),
        );
    }
    let budget = view_of(
        &dataset,
        "domiciliary-care-hours",
        "2011-12",
        &ViewOptions::default(),
    );
    check(
        "other/budget-dark.svg",
        &draw(&budget.panels[0], None, WIDTHS[0], &Theme::dark()),
    );
}

#[test]
fn each_forecast_method_from_an_earlier_as_at_period() {
    let dataset = kent();
    for method in [
        ForecastMethod::RunRate,
        ForecastMethod::LastYearProfile,
        ForecastMethod::BudgetProfile,
    ] {
        let options = ViewOptions {
            view: View::Forecast,
            method,
            as_at: Some(5),
            ..ViewOptions::default()
        };
        let shown = view_of(&dataset, "waste-tonnage", "2011-12", &options);
        let name = format!("other/forecast-{method:?}");
        check(&format!("{name}.txt"), &words(&shown));
        check(
            &format!("{name}.svg"),
            &draw(&shown.panels[0], None, WIDTHS[1], &Theme::light()),
        );
    }
}

#[test]
fn the_cost_effect_by_each_convention() {
    let dataset = kent();
    for convention in [
        CostConvention::default(),
        CostConvention::VolumeAtBudgetCost,
    ] {
        let options = ViewOptions {
            view: View::Cost,
            convention,
            ..ViewOptions::default()
        };
        let shown = view_of(&dataset, "domiciliary-care-hours", "2011-12", &options);
        check(&format!("other/cost-{convention:?}.txt"), &words(&shown));
    }
}

#[test]
fn performance_indicators_against_target_floor_and_benchmarks() {
    // Higher is better with a target, printed statuses and a benchmark;
    // and monthly with a target and a floor (the amber/red boundary).
    for (file, id, year) in [
        (
            "assets/kent-2011-12-q4-performance.json",
            "qpr-26-municipal-waste-diverted-from-landfill",
            "2011-12",
        ),
        (
            "assets/kent-2011-12-q4-performance.json",
            "qpr-22-outcomes-achieved-first-review",
            "2011-12",
        ),
        (
            "assets/kent-2016-01-childrens-exceptions.json",
            "scs-24-cic-reviews-in-timescale",
            "2015-16",
        ),
    ] {
        let dataset = outturn_core::parse_dataset(&common::read(file))
            .unwrap()
            .dataset;
        let shown = view_of(&dataset, id, year, &ViewOptions::default());
        check(&format!("performance/{id}.txt"), &words(&shown));
        check(
            &format!("performance/{id}-budget-{}.svg", WIDTHS[0]),
            &draw(&shown.panels[0], None, WIDTHS[0], &Theme::light()),
        );
        // Against target by period: bars better or worse by polarity.
        let options = ViewOptions {
            view: View::Variance,
            ..ViewOptions::default()
        };
        let shown = view_of(&dataset, id, year, &options);
        assert_eq!(shown.view, View::Variance, "{id}");
        check(&format!("performance/{id}-variance.txt"), &words(&shown));
        for width in WIDTHS {
            check(
                &format!("performance/{id}-variance-{width}.svg"),
                &draw(&shown.panels[0], None, width, &Theme::light()),
            );
        }
    }
}

#[test]
fn an_exported_chart() {
    let dataset = kent();
    let shown = view_of(
        &dataset,
        "waste-tonnage",
        "2011-12",
        &ViewOptions::default(),
    );
    let panel = &shown.panels[0];
    let width = WIDTHS[0];
    let frame = layout_window(
        &panel.scene,
        panel.scene.x_window,
        width,
        chart_height(width),
    );
    let svg = render_export_svg(
        &panel.title,
        &panel.legend_shown(),
        &panel.scene,
        &frame,
        &Theme::light(),
    )
    .unwrap();
    check("other/export.svg", &svg);
}

#[test]
fn the_overview_sparklines() {
    let dataset = kent();
    let mut out = String::new();
    for order in [DashboardOrder::Dataset, DashboardOrder::Variance] {
        writeln!(out, "# order {order:?}").unwrap();
        for (group, entries) in dashboard(&dataset, Some(fy("2011-12")), order) {
            writeln!(out, "## {group}").unwrap();
            for e in entries {
                writeln!(out, "{} ({})", e.id, e.year).unwrap();
                writeln!(out, "  title: {}", e.title).unwrap();
                writeln!(
                    out,
                    "  standing: {} / {}",
                    e.standing.words(),
                    e.standing.slug()
                )
                .unwrap();
                writeln!(out, "  figure: {}", e.figure).unwrap();
                writeln!(out, "  basis: {}", e.basis).unwrap();
                writeln!(out, "  variance: {} {}", e.variance_text, e.percent_text).unwrap();
                writeln!(out, "  coverage: {}", e.coverage).unwrap();
                for (name, lines) in [
                    ("budget", &e.budget_line),
                    ("actual", &e.actual_line),
                    ("forecast", &e.forecast_line),
                ] {
                    for points in lines {
                        writeln!(out, "  {name}: {points}").unwrap();
                    }
                }
            }
        }
    }
    check("dashboard.txt", &out);
}

#[test]
fn the_scorecard_in_each_order_and_filtered() {
    use outturn_core::view::{scorecard, ScorecardSort, StatusFilter};
    let mut out = String::new();
    for (file, year) in [
        ("assets/kent-2011-12-q4-performance.json", "2011-12"),
        ("assets/kent-2016-01-childrens-exceptions.json", "2015-16"),
    ] {
        let dataset = outturn_core::parse_dataset(&common::read(file))
            .unwrap()
            .dataset;
        for sort in ScorecardSort::ALL {
            let card = scorecard(&dataset, Some(fy(year)), sort, StatusFilter::All);
            writeln!(out, "# {file}, order {}", sort.slug()).unwrap();
            writeln!(out, "title: {}", card.title).unwrap();
            writeln!(out, "reported: {:?}", card.reported_counts).unwrap();
            writeln!(out, "computed: {}", card.computed_counts).unwrap();
            let filters: Vec<&str> = card.filters.iter().map(|(_, l)| l.as_str()).collect();
            writeln!(out, "filters: {}", filters.join(" | ")).unwrap();
            for row in &card.rows {
                writeln!(
                    out,
                    "{} | {} | {} | {} | target {} | {} | {} | previous {} | {} | {}",
                    row.id,
                    row.group,
                    row.period,
                    row.value,
                    row.target,
                    row.status_words,
                    row.flag.as_deref().unwrap_or("-"),
                    row.previous,
                    row.direction,
                    row.distance
                )
                .unwrap();
                if sort == ScorecardSort::Report {
                    writeln!(out, "  spark ({}):", row.spark_label).unwrap();
                    for points in row.actual_line.iter().chain(&row.target_line) {
                        writeln!(out, "    {points}").unwrap();
                    }
                }
            }
        }
        let red = scorecard(
            &dataset,
            Some(fy(year)),
            ScorecardSort::Report,
            StatusFilter::Only(outturn_core::analysis::Status::Red),
        );
        writeln!(out, "# {file}, red only: {}", red.title).unwrap();
        for row in &red.rows {
            writeln!(out, "{}", row.id).unwrap();
        }
    }
    check("scorecard.txt", &out);
}

#[test]
fn the_rounds_view_complete_and_part_way_and_a_one_figure_year() {
    let rounds = outturn_core::parse_dataset(&common::read("tests/fixtures/valid/rounds.json"))
        .unwrap()
        .dataset;
    let revenue = outturn_core::parse_dataset(&common::read(
        "assets/kent-2011-12-revenue-and-capital.json",
    ))
    .unwrap()
    .dataset;
    let options = ViewOptions {
        view: View::Rounds,
        ..ViewOptions::default()
    };
    for (dataset, id, year, name) in [
        (&rounds, "care-net-spend", "2011-12", "care-2011-12"),
        (&rounds, "care-net-spend", "2012-13", "care-2012-13"),
        (&revenue, "rev-portfolios", "2011-12", "revenue-portfolios"),
    ] {
        let shown = view_of(dataset, id, year, &options);
        assert_eq!(shown.view, View::Rounds, "{name}");
        check(&format!("rounds/{name}.txt"), &words(&shown));
        for width in WIDTHS {
            check(
                &format!("rounds/{name}-{width}.svg"),
                &draw(&shown.panels[0], None, width, &Theme::light()),
            );
        }
    }
}

#[test]
fn the_breakdown_of_revenue_capital_and_a_county() {
    use outturn_core::view::{breakdown, BreakdownSort};
    let revenue = outturn_core::parse_dataset(&common::read(
        "assets/kent-2011-12-revenue-and-capital.json",
    ))
    .unwrap()
    .dataset;
    let mut out = String::new();
    let mut pin =
        |dataset: &Dataset, id: &str, period: Option<usize>, sort: BreakdownSort, own: bool| {
            let table = breakdown(dataset, id, Some(fy("2011-12")), period, sort, own).unwrap();
            writeln!(
                out,
                "# {id}, period {period:?}, order {}, own scale {own}",
                sort.slug()
            )
            .unwrap();
            writeln!(out, "title: {}", table.title).unwrap();
            writeln!(out, "subtitle: {}", table.subtitle).unwrap();
            let trail: Vec<&str> = table.trail.iter().map(|(id, _)| id.as_str()).collect();
            writeln!(out, "trail: {}", trail.join(" > ")).unwrap();
            writeln!(out, "columns: {}", table.columns.join(" | ")).unwrap();
            for row in table.rows.iter().chain(std::iter::once(&table.total)) {
                writeln!(
                    out,
                    "{} ({} parts) | {} | {} | bar {:?}",
                    row.title,
                    row.parts,
                    row.cells.join(" | "),
                    row.standing.words(),
                    row.bar.map(|b| (format!("{:.3}", b.end), b.over))
                )
                .unwrap();
                for points in &row.spark {
                    writeln!(out, "  spark: {points}").unwrap();
                }
            }
            writeln!(out, "check: {}", table.check).unwrap();
            writeln!(out, "bars: {}", table.bar_scale).unwrap();
            writeln!(out, "trend: {}", table.trend).unwrap();
        };
    pin(&revenue, "rev-total", None, BreakdownSort::Report, false);
    pin(
        &revenue,
        "rev-portfolios",
        None,
        BreakdownSort::Variance,
        false,
    );
    pin(&revenue, "rev-schools", None, BreakdownSort::Size, false);
    pin(
        &revenue,
        "cap-total-incl-pef",
        None,
        BreakdownSort::Report,
        false,
    );
    let county = outturn_core::parse_dataset(&common::read("tests/fixtures/valid/parts.json"))
        .unwrap()
        .dataset;
    pin(&county, "county", None, BreakdownSort::Report, false);
    pin(&county, "county", None, BreakdownSort::Report, true);
    pin(&county, "north", None, BreakdownSort::Variance, false);
    // August alone (the month of the county's 3 more), and a month not
    // yet reported.
    pin(&county, "county", Some(4), BreakdownSort::Report, false);
    pin(&county, "county", Some(10), BreakdownSort::Report, false);
    check("breakdown.txt", &out);
}
