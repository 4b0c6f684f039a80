//! The default dataset: Kent County Council's 2011-12 outturn report.
//! Figures are checked against the report's own numbers (domain.md).
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use common::{close, kent};
use outturn_core::analysis::{analyse_year, CostConvention};
use outturn_core::chart::{build_scene, layout, render_svg, SeriesRole, Theme};
use outturn_core::format::{headline, printed_sentences};
use outturn_core::model::{FinancialYear, YearValue};
use outturn_core::summary::summarise_year;
use outturn_core::summary::summary_json;
use outturn_core::view::{
    dashboard, grouped_indicators, DashboardOrder, IndicatorView, PanelKind, Standing, View,
    ViewOptions,
};

fn fy(label: &str) -> FinancialYear {
    FinancialYear::parse(label).unwrap()
}

#[test]
fn the_dataset_has_38_indicators_in_five_groups() {
    let dataset = kent();
    assert_eq!(dataset.indicators.len(), 38);
    assert_eq!(dataset.organisation.as_deref(), Some("Kent County Council"));
    let groups = grouped_indicators(&dataset, "");
    let names: Vec<&str> = groups.iter().map(|(g, _)| g.as_str()).collect();
    assert_eq!(
        names,
        [
            "Education, Learning & Skills",
            "Families & Social Care",
            "Enterprise & Environment",
            "Business Strategy & Support",
            "Financing Items"
        ]
    );
    assert_eq!(groups.iter().map(|(_, m)| m.len()).sum::<usize>(), 38);
}

#[test]
fn domiciliary_care_matches_the_report() {
    let dataset = kent();
    let indicator = dataset.indicator("domiciliary-care-hours").unwrap();
    let summary = summarise_year(
        &dataset,
        indicator,
        fy("2011-12"),
        CostConvention::default(),
    )
    .unwrap();
    let a = &summary.analysis;
    assert_eq!(a.budget, Some(2_402_516.0));
    assert_eq!(a.budget_to_date, Some(2_402_516.0));
    assert_eq!(a.actual, Some(2_410_522.0));
    assert_eq!(a.variance, Some(8_006.0));
    close(a.variance_pct.unwrap(), 8_006.0 / 2_402_516.0 * 100.0, 1e-9);
    assert_eq!(a.periods_reported, 12);
    assert_eq!(a.printed_mismatches().count(), 0);

    // "Using the actual unit cost of £14.72 this additional activity generated
    // an overspend of £118k" and the price effect the table's figures give, -£1,850k.
    let effect = summary.cost_effect.unwrap();
    assert_eq!(effect.actual_unit_cost, 14.72);
    assert_eq!(effect.budget_unit_cost, 15.49);
    close(effect.volume, 8_006.0 * 14.72, 1e-6);
    assert_eq!((effect.volume / 1000.0).round(), 118.0);
    assert_eq!((effect.price / 1000.0).round(), -1_850.0);
    close(
        effect.total(),
        effect.actual_spend() - effect.budget_spend(),
        1e-6,
    );

    assert_eq!(
        headline(indicator, a),
        "2,410,522 hours in 2011-12 against an affordable level of 2,402,516: 8,006 (0.3%) over."
    );
}

#[test]
fn both_cost_conventions_add_up_to_the_spend_difference() {
    // Independent foster care (table 2.2.2) uses volume at the budgeted cost.
    let dataset = kent();
    let indicator = dataset.indicator("foster-care-independent-weeks").unwrap();
    let year = fy("2011-12");
    let actual_cost = summarise_year(
        &dataset,
        indicator,
        year,
        CostConvention::VolumeAtActualCost,
    )
    .and_then(|s| s.cost_effect)
    .unwrap();
    let budget_cost = summarise_year(
        &dataset,
        indicator,
        year,
        CostConvention::VolumeAtBudgetCost,
    )
    .and_then(|s| s.cost_effect)
    .unwrap();
    // Weeks 4,710 budget, 7,629 actual; mean quarterly unit cost £1,068.60 and £1,008.50.
    close(actual_cost.volume, 2_919.0 * 1_008.5, 1e-6);
    close(actual_cost.price, -60.1 * 4_710.0, 1e-6);
    close(budget_cost.volume, 2_919.0 * 1_068.6, 1e-6);
    close(budget_cost.price, -60.1 * 7_629.0, 1e-6);
    let spend_difference = 7_629.0 * 1_008.5 - 4_710.0 * 1_068.6;
    close(actual_cost.total(), spend_difference, 1e-6);
    close(budget_cost.total(), spend_difference, 1e-6);
}

#[test]
fn printed_totals_that_differ_are_flagged_not_replaced() {
    // Table 2.2.1 prints 44,997 for quarters that sum to 44,996.
    let dataset = kent();
    let indicator = dataset.indicator("foster-care-in-house-weeks").unwrap();
    let figures = indicator.year(fy("2009-10")).unwrap();
    let a = analyse_year(indicator, figures);
    assert_eq!(a.budget, Some(44_996.0));
    let mismatches: Vec<_> = a.printed_mismatches().collect();
    assert_eq!(mismatches.len(), 1);
    assert_eq!(mismatches[0].printed, 44_997.0);
    assert_eq!(mismatches[0].computed, Some(44_996.0));
    assert_eq!(mismatches[0].difference(), Some(1.0));
    assert_eq!(
        printed_sentences(indicator, &a),
        ["The source prints a budget total of 44,997; the quarters add up to 44,996 (a difference of 1)."]
    );
}

#[test]
fn snapshots_take_the_last_period_and_report_movement() {
    let dataset = kent();
    let indicator = dataset
        .indicator("looked-after-children-total-lac-in-kent")
        .unwrap();
    assert_eq!(indicator.year_value, YearValue::Last);
    let a = analyse_year(indicator, indicator.year(fy("2011-12")).unwrap());
    // Quarters 2,842, 2,901, 2,914, 2,866: the year is the last, never the sum.
    assert_eq!(a.actual, Some(2_866.0));
    let change = a.snapshot_change.unwrap();
    assert_eq!(change.over_last_period, Some(-48.0));
    assert_eq!(change.over_year, Some(20.0)); // 2010-11 ended at 2,846.
    assert_eq!(
        headline(indicator, &a),
        "2,866 children at Q4 2011-12 (Jan to Mar); no affordable level is set. Down 48 on the previous quarter and up 20 on a year earlier."
    );
}

#[test]
fn an_august_zero_is_a_real_zero() {
    let dataset = kent();
    let indicator = dataset.indicator("home-to-school-transport-sen").unwrap();
    let a = analyse_year(indicator, indicator.year(fy("2011-12")).unwrap());
    assert_eq!(a.periods_reported, 12);
    assert_eq!(a.period_variance[4], Some(0.0));
    assert_eq!(a.actual, Some(4_047.0));
    assert_eq!(a.budget_to_date, Some(3_978.0));
}

#[test]
fn means_average_the_periods() {
    let dataset = kent();
    let indicator = dataset.indicator("oil-price").unwrap();
    let a = analyse_year(indicator, indicator.year(fy("2011-12")).unwrap());
    close(a.actual.unwrap(), 1166.51 / 12.0, 1e-9);
    assert_eq!(a.budget, None);
}

#[test]
fn every_indicator_and_year_has_a_view_and_draws() {
    let dataset = kent();
    for indicator in &dataset.indicators {
        for figures in &indicator.years {
            for kind in View::ALL {
                let options = ViewOptions {
                    view: kind,
                    ..ViewOptions::default()
                };
                let view = IndicatorView::new(&dataset, &indicator.id, figures.year, &options)
                    .unwrap_or_else(|| panic!("{} {}", indicator.id, figures.year));
                assert!(!view.headline.is_empty());
                assert!(!view.panels.is_empty(), "{} {kind:?}", indicator.id);
                for panel in &view.panels {
                    assert_eq!(
                        panel.details.len(),
                        panel.scene.count(),
                        "{} {}",
                        indicator.id,
                        panel.kind.slug()
                    );
                    for width in [320.0, 1280.0] {
                        let frame = layout(&panel.scene, width, 300.0);
                        let svg = render_svg(&panel.scene, &frame, &Theme::light()).unwrap();
                        assert!(svg.starts_with("<svg"), "{}", indicator.id);
                    }
                }
            }
        }
    }
}

#[test]
fn the_chart_has_one_label_per_month_and_the_variance_band() {
    let dataset = kent();
    let indicator = dataset.indicator("domiciliary-care-hours").unwrap();
    let scene = build_scene(indicator, fy("2011-12")).unwrap();
    assert_eq!(scene.count(), 12);
    // Under in Apr-Sep, over from October: both sides are shaded.
    assert!(scene.bands.iter().any(|b| b.over));
    assert!(scene.bands.iter().any(|b| !b.over));
    let frame = layout(&scene, 1000.0, 400.0);
    let svg = render_svg(&scene, &frame, &Theme::light()).unwrap();
    for month in ["Apr", "Jun", "Dec", "Mar"] {
        assert!(
            svg.contains(&format!(">\n{month}\n<")) || svg.contains(&format!(">{month}<")),
            "{month}"
        );
    }
    // Earlier years are drawn and labelled. Next year's budget ends in
    // March within a label's height of this year's affordable level, so a
    // label there would read as either's: the legend names it instead.
    assert!(svg.contains("2010-11"));
    assert!(!svg.contains("2012-13 budget"));
    assert!(scene
        .lines
        .iter()
        .any(|line| line.label == "Affordable level 2012-13"));
}

#[test]
fn the_dashboard_shows_38_indicators_with_the_summary_figures() {
    let dataset = kent();
    let year = Some(fy("2011-12"));
    let groups = dashboard(&dataset, year, DashboardOrder::Dataset);
    let entries: Vec<_> = groups.iter().flat_map(|(_, e)| e).collect();
    assert_eq!(entries.len(), 38);
    let json = summary_json(&dataset, CostConvention::default());
    for entry in &entries {
        let summary = json["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == entry.id.as_str())
            .unwrap();
        let year = summary["years"]
            .as_array()
            .unwrap()
            .iter()
            .find(|y| y["year"] == entry.year.to_string().as_str())
            .unwrap();
        let scale = match dataset.indicator(&entry.id).unwrap().unit.kind {
            outturn_core::model::UnitKind::Money { scale } => scale,
            _ => 1.0,
        };
        match (entry.variance, year["variance"].as_f64()) {
            (Some(ours), Some(theirs)) => close(ours * scale, theirs, 0.01),
            (None, None) => {}
            other => panic!("{}: {other:?}", entry.id),
        }
        match (entry.variance_pct, year["variance_pct"].as_f64()) {
            (Some(ours), Some(theirs)) => close(ours, theirs, 1e-6),
            (None, None) => {}
            other => panic!("{}: {other:?}", entry.id),
        }
    }
    let care = entries
        .iter()
        .find(|e| e.id == "domiciliary-care-hours")
        .unwrap();
    assert_eq!(care.variance_text, "+8,006 hours");
    assert_eq!(care.percent_text, "+0.3%");
    assert_eq!(care.standing, Standing::Over);
    assert_eq!(care.standing.words(), "▲ Over");
    assert_eq!(care.coverage, "2011-12, 12 of 12 months");
    // Sorting by variance puts the largest |%| first within each group.
    let sorted = dashboard(&dataset, year, DashboardOrder::Variance);
    for (_, entries) in &sorted {
        let sizes: Vec<f64> = entries
            .iter()
            .filter_map(|e| e.variance_pct.map(f64::abs))
            .collect();
        assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    }
}

#[test]
fn views_offer_cost_and_forecast_only_where_they_mean_something() {
    let dataset = kent();
    let options = ViewOptions::default();
    let care =
        IndicatorView::new(&dataset, "domiciliary-care-hours", fy("2011-12"), &options).unwrap();
    assert!(care.available.contains(&View::Cost));
    assert!(care.available.contains(&View::Forecast));
    let lac = IndicatorView::new(
        &dataset,
        "looked-after-children-total-lac-in-kent",
        fy("2011-12"),
        &options,
    )
    .unwrap();
    assert!(!lac.available.contains(&View::Cost));
    // Asking for an unavailable view falls back to budget vs actual.
    let cost = ViewOptions {
        view: View::Cost,
        ..ViewOptions::default()
    };
    assert_eq!(
        IndicatorView::new(&dataset, "waste-tonnage", fy("2011-12"), &cost)
            .unwrap()
            .view,
        View::Budget
    );
}

#[test]
fn the_forecast_replays_the_year_from_any_month() {
    let dataset = kent();
    let options = ViewOptions {
        view: View::Forecast,
        as_at: Some(5),
        ..ViewOptions::default()
    };
    let view =
        IndicatorView::new(&dataset, "domiciliary-care-hours", fy("2011-12"), &options).unwrap();
    let projection = view.projection.as_ref().unwrap();
    assert_eq!(projection.as_at, 5);
    // Run rate: the April-September average for the rest of the year.
    let first_half = [202177.0, 205436.0, 197085.0, 205077.0, 203173.0, 197127.0];
    let mean = first_half.iter().sum::<f64>() / 6.0;
    close(projection.outturn.unwrap(), mean * 12.0, 1e-6);
    assert_eq!(view.as_at_choices.len(), 12);
    let sentence = view.projection_sentence.as_deref().unwrap();
    assert!(
        sentence.starts_with("Projected outturn by run rate so far, as at September 2011: "),
        "{sentence}"
    );
    assert!(
        sentence.contains("against an affordable level of 2,402,516"),
        "{sentence}"
    );
}

#[test]
fn hidden_lines_leave_the_chart() {
    let dataset = kent();
    let options = ViewOptions {
        hidden: vec![SeriesRole::PreviousActual { age: 1 }, SeriesRole::Actual],
        ..ViewOptions::default()
    };
    let view =
        IndicatorView::new(&dataset, "domiciliary-care-hours", fy("2011-12"), &options).unwrap();
    let scene = &view.panels[0].scene;
    assert!(scene
        .lines
        .iter()
        .all(|l| l.role.key() != "previous-1" && l.role.key() != "actual"));
    assert!(scene.bands.is_empty());
    assert!(scene.lines.iter().any(|l| l.role.key() == "budget"));
}

#[test]
fn each_panel_has_a_table_with_the_tooltip_figures() {
    let dataset = kent();
    let options = ViewOptions {
        view: View::Cost,
        ..ViewOptions::default()
    };
    let view =
        IndicatorView::new(&dataset, "domiciliary-care-hours", fy("2011-12"), &options).unwrap();
    let effect = view
        .panels
        .iter()
        .find(|p| p.kind == PanelKind::CostEffect)
        .unwrap()
        .table("X");
    assert_eq!(effect.columns, ["Effect"]);
    let cells: Vec<(&str, &str)> = effect
        .rows
        .iter()
        .map(|(h, c)| (h.as_str(), c[0].as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("Volume effect", "+£118k"),
            ("Price effect", "-£1,850k"),
            ("Total (volume + price)", "-£1,732k")
        ]
    );
    let unit_cost = view
        .panels
        .iter()
        .find(|p| p.kind == PanelKind::UnitCost)
        .unwrap()
        .table("X");
    assert_eq!(unit_cost.rows.len(), 12);
    assert_eq!(unit_cost.rows[11].0, "March 2012");
    assert!(unit_cost.rows[11]
        .1
        .contains(&"£14.72 per hour".to_string()));
}

#[test]
fn the_budget_table_ends_with_the_year_computed_and_as_printed() {
    let dataset = kent();
    let view = IndicatorView::new(
        &dataset,
        "foster-care-in-house-weeks",
        fy("2009-10"),
        &ViewOptions::default(),
    )
    .unwrap();
    let table = view.panels[0].table("X");
    assert_eq!(table.columns, ["Affordable level", "Actual", "Variance"]);
    assert_eq!(table.rows.len(), 4);
    let footer: Vec<(&str, Vec<&str>)> = table
        .footer
        .iter()
        .map(|(h, cells)| (h.as_str(), cells.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        footer,
        [
            (
                "Year (computed)",
                vec![
                    "44,996 client weeks",
                    "47,062 client weeks",
                    "+2,066 (+4.6%)"
                ]
            ),
            (
                "Year (as printed in the source)",
                vec!["44,997 client weeks", "47,062 client weeks", ""]
            ),
        ]
    );
}

#[test]
fn no_gridline_strikes_through_the_years_affordable_level_label() {
    // The cumulative view's rule: "Affordable level for the year: 2,402,516"
    // sits just under the top gridline (2.5m) of domiciliary care hours.
    let dataset = kent();
    let options = ViewOptions {
        view: View::Cumulative,
        ..ViewOptions::default()
    };
    let view =
        IndicatorView::new(&dataset, "domiciliary-care-hours", fy("2011-12"), &options).unwrap();
    let scene = &view.panels[0].scene;
    let theme = Theme::light();
    let background = "#FFFFFF";
    for width in [896.0, 327.0] {
        let svg = render_svg(scene, &layout(scene, width, 400.0), &theme).unwrap();
        let elements: Vec<&str> = svg.split('<').collect();
        let at = elements
            .iter()
            .position(|e| e.contains("Affordable level for the year"))
            .unwrap();
        let number = |element: &str, name: &str| -> f64 {
            let from = element.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            element[from..].split('"').next().unwrap().parse().unwrap()
        };
        let (text_x, baseline) = (number(elements[at], "x"), number(elements[at], "y"));
        // Drawn just before it: a patch of the background under the text.
        let patch = elements[at - 1];
        assert!(
            patch.starts_with("rect") && patch.contains(&format!("fill=\"{background}\"")),
            "{patch}"
        );
        let (x, y) = (number(patch, "x"), number(patch, "y"));
        let (w, h) = (number(patch, "width"), number(patch, "height"));
        assert!(x <= text_x && x + w >= text_x + 200.0, "{patch}");
        assert!(y <= baseline - 12.0 && y + h >= baseline, "{patch}");
    }
}

#[test]
fn the_shading_never_reaches_past_the_lines_it_lies_between() {
    // Scene::extent_in leaves the shading out (it lies between two lines),
    // so a zoomed million-point timeline need not visit its points: checked
    // here over every view of every indicator and year, whole and in parts.
    let dataset = kent();
    for indicator in &dataset.indicators {
        for figures in &indicator.years {
            for view in View::ALL {
                let options = ViewOptions {
                    view,
                    ..ViewOptions::default()
                };
                let Some(shown) =
                    IndicatorView::new(&dataset, &indicator.id, figures.year, &options)
                else {
                    continue;
                };
                for panel in &shown.panels {
                    let scene = &panel.scene;
                    let whole = scene.x_window;
                    let (start, end) = (whole.start(), whole.end());
                    let mut windows = vec![whole];
                    let span = end - start;
                    for (from, to) in [(0.0, 0.5), (0.25, 0.75), (0.5, 1.0)] {
                        windows.push(outturn_core::chart::Viewport::new(
                            start + span * from,
                            start + span * to,
                            whole.count(),
                        ));
                    }
                    for window in windows {
                        let Some((low, high)) = scene.extent_in(window) else {
                            continue;
                        };
                        for band in &scene.bands {
                            for (x, y) in band.points.iter().filter(|p| window.contains(p.0)) {
                                // A crossing inside the window's last slot may sit past its
                                // last position, between it and the next: as far as the
                                // lines reach across that slot.
                                let slack = (high - low).abs() * 1e-9 + 1e-9;
                                let near_edge =
                                    *x > window.end() - 1.0 || *x < window.start() + 1.0;
                                assert!(
                                    near_edge || (*y >= low - slack && *y <= high + slack),
                                    "{} {} {}: shading at ({x}, {y}) outside {low}..{high}",
                                    indicator.id,
                                    figures.year,
                                    view.slug()
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn no_text_is_drawn_past_a_phones_chart() {
    // Every view of four indicators at phone widths: each text's right
    // edge (by the layout's own estimate, 0.6 em a character) within the
    // chart. The cumulative view's "Affordable level for the year:
    // 2,402,516" ran past a 320 px page's chart.
    let dataset = kent();
    for id in [
        "domiciliary-care-hours",
        "waste-tonnage",
        "direct-payments",
        "early-years-hours",
    ] {
        for view in View::ALL {
            let options = ViewOptions {
                view,
                ..ViewOptions::default()
            };
            let Some(shown) = IndicatorView::new(&dataset, id, fy("2011-12"), &options) else {
                continue;
            };
            for panel in &shown.panels {
                for width in [254.0, 288.0, 327.0] {
                    let svg = render_svg(
                        &panel.scene,
                        &layout(&panel.scene, width, 360.0),
                        &Theme::light(),
                    )
                    .unwrap();
                    for element in svg.split("<text").skip(1) {
                        let number = |name: &str| -> f64 {
                            let from =
                                element.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                            element[from..].split('"').next().unwrap().parse().unwrap()
                        };
                        let text = element
                            [element.find('>').unwrap() + 1..element.find("</text").unwrap()]
                            .trim();
                        let chars = text.chars().count() as f64 * 12.0 * 0.6;
                        let right = match element
                            .split("text-anchor=\"")
                            .nth(1)
                            .and_then(|a| a.split('"').next())
                        {
                            Some("end") => number("x"),
                            Some("middle") => number("x") + chars / 2.0,
                            _ => number("x") + chars,
                        };
                        assert!(
                            right <= width + 1.0,
                            "{id} {} at {width}: \"{text}\" reaches {right}",
                            view.slug()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_year_the_overlay_draws_has_its_figures_in_the_table() {
    // The overlay drew this year's affordable level, but its tooltip and
    // table gave only each year's actual (or budget, with no actual).
    let dataset = kent();
    let options = ViewOptions {
        view: View::Years,
        ..ViewOptions::default()
    };
    let built =
        IndicatorView::new(&dataset, "domiciliary-care-hours", fy("2011-12"), &options).unwrap();
    let overlay = built
        .panels
        .iter()
        .find(|panel| panel.title == "Every year on one April-to-March axis")
        .unwrap();
    let table = overlay.table_of("Domiciliary care", 0..12);
    let drawn: Vec<&str> = overlay
        .scene
        .lines
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(drawn.len(), 5, "{drawn:?}");
    for label in drawn {
        assert!(
            table.columns.iter().any(|c| c == label),
            "'{label}' is drawn but not in {:?}",
            table.columns
        );
    }
}
