//! Parts and wholes, and monitoring rounds: a county, its areas and their
//! teams added up and checked (with a deliberate mismatch), a parent left
//! to its parts, rates that are never summed, and forecast rounds with
//! their movement, as the analysis and `outturn summary --json` give them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use outturn_core::analysis::{check_parts, rounds, CostConvention, SeriesKind};
use outturn_core::model::FinancialYear;
use outturn_core::summary::summary_json;
use outturn_core::{parse_dataset, Dataset};
use serde_json::json;

fn fy(label: &str) -> FinancialYear {
    FinancialYear::parse(label).unwrap()
}

/// An indicator of four quarters in 2011-12.
fn quarterly(id: &str, parent: Option<&str>, unit: &str, year_value: &str, fields: &str) -> String {
    let parent = parent.map_or(String::new(), |p| format!(r#","parent":"{p}""#));
    format!(
        r#"{{"id":"{id}","title":"{id}","unit":"{unit}","period":"quarter","year_value":"{year_value}"{parent},"years":[{{"year":"2011-12"{fields}}}]}}"#
    )
}

fn dataset(indicators: &[String]) -> Dataset {
    let text = format!(
        r#"{{"format":"outturn/1","title":"t","indicators":[{}]}}"#,
        indicators.join(",")
    );
    let parsed = parse_dataset(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    parsed.dataset
}

/// County (its own figures, 3 more than its areas'), two areas: North left
/// to its two teams, South with its own figures.
fn county() -> Dataset {
    let flow = |budget: &str, actual: &str| format!(r#","budget":{budget},"actual":{actual}"#);
    dataset(&[
        quarterly(
            "county",
            None,
            "referrals",
            "sum",
            &flow("[500,500,500,500]", "[451,450,450,454]"),
        )
        .replace(
            r#""title":"county""#,
            r#""title":"county","breakdown":"by area""#,
        ),
        quarterly("north", Some("county"), "referrals", "sum", ""),
        quarterly(
            "south",
            Some("county"),
            "referrals",
            "sum",
            &flow("[250,250,250,250]", "[227,225,225,225]"),
        ),
        quarterly(
            "north-team-a",
            Some("north"),
            "referrals",
            "sum",
            &flow("[125,125,125,125]", "[112,112,112,113]"),
        ),
        quarterly(
            "north-team-b",
            Some("north"),
            "referrals",
            "sum",
            &flow("[125,125,125,125]", "[113,113,112,113]"),
        ),
    ])
}

#[test]
fn three_levels_add_up_and_a_difference_is_flagged() {
    let d = county();
    // North gave no figures: its teams', added up period by period.
    let north = d.indicator("north").unwrap();
    let figures = north.year(fy("2011-12")).unwrap();
    assert_eq!(figures.from_parts, 2);
    assert_eq!(
        figures.actual,
        Some(vec![Some(225.0), Some(225.0), Some(224.0), Some(226.0)])
    );
    assert_eq!(figures.budget, Some(vec![Some(250.0); 4]));
    // North against its teams: they agree (it is their sum).
    let check = check_parts(&d, north, fy("2011-12")).unwrap();
    assert_eq!(check.parts, 2);
    assert_eq!(check.mismatches, Some(vec![]));
    // The county against its areas: the areas add up to 1,802; the county
    // figure is 1,805. The budgets agree.
    let county = d.indicator("county").unwrap();
    let check = check_parts(&d, county, fy("2011-12")).unwrap();
    assert_eq!(check.total.actual, Some(1802.0));
    assert_eq!(check.total.budget, Some(2000.0));
    let mismatches = check.mismatches.unwrap();
    assert_eq!(mismatches.len(), 1);
    assert_eq!(mismatches[0].series, SeriesKind::Actual);
    assert_eq!(
        (mismatches[0].parent, mismatches[0].children),
        (1805.0, 1802.0)
    );
    assert_eq!(mismatches[0].difference(), -3.0);
    // A team has no parts.
    assert!(check_parts(&d, d.indicator("north-team-a").unwrap(), fy("2011-12")).is_none());
    // The same in `outturn summary --json`.
    let summary = summary_json(&d, CostConvention::default());
    let by_id = |id: &str| {
        summary["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    let county = by_id("county");
    assert_eq!(county["parent"], json!(null));
    assert_eq!(county["children"], json!(["north", "south"]));
    assert_eq!(
        county["years"][0]["children_total"],
        json!({"budget": 2000, "actual": 1802, "forecast": null})
    );
    assert_eq!(
        county["years"][0]["children_mismatch"],
        json!([{"series": "actual", "parent": 1805, "children": 1802}])
    );
    let north = by_id("north");
    assert_eq!(north["parent"], json!("county"));
    assert_eq!(north["children"], json!(["north-team-a", "north-team-b"]));
    assert_eq!(north["years"][0]["children_mismatch"], json!([]));
    let team = by_id("north-team-a");
    assert_eq!(team["children"], json!([]));
    assert_eq!(team["years"][0]["children_total"], json!(null));
    assert_eq!(team["years"][0]["children_mismatch"], json!(null));
}

#[test]
fn parts_reported_over_different_periods_are_not_added_up() {
    let flow = |actual: &str| format!(r#","budget":[1,1,1,1],"actual":{actual}"#);
    let d = dataset(&[
        quarterly(
            "whole",
            None,
            "cases",
            "sum",
            r#","budget":[2,2,2,2],"actual":[2,2,2,null]"#,
        ),
        quarterly("a", Some("whole"), "cases", "sum", &flow("[1,1,1,null]")),
        quarterly("b", Some("whole"), "cases", "sum", &flow("[1,1,null,null]")),
    ]);
    let check = check_parts(&d, d.indicator("whole").unwrap(), fy("2011-12")).unwrap();
    assert_eq!(check.total.actual, None, "b has not reported Q3");
    assert_eq!(check.total.budget, Some(8.0));
    assert_eq!(check.mismatches, Some(vec![]), "the budgets agree");
}

#[test]
fn rates_percentages_and_averages_are_never_summed() {
    for (unit, year_value) in [
        ("%", "none"),
        ("children per 10,000", "last"),
        ("£ per hour", "mean"),
        ("days", "mean"),
        ("visits", "none"),
    ] {
        let own = r#","actual":[50,50,50,50]"#;
        let text = format!(
            r#"{{"format":"outturn/1","title":"t","indicators":[{},{},{}]}}"#,
            quarterly("whole", None, unit, year_value, ""),
            quarterly("a", Some("whole"), unit, year_value, own),
            quarterly("b", Some("whole"), unit, year_value, own),
        );
        let parsed = parse_dataset(&text).unwrap();
        // The whole is not given their sum, and says why.
        let whole = parsed.dataset.indicator("whole").unwrap();
        let figures = whole.year(fy("2011-12")).unwrap();
        assert_eq!(
            (figures.actual.as_ref(), figures.from_parts),
            (None, 0),
            "{unit}"
        );
        assert_eq!(parsed.warnings.len(), 1, "{unit}");
        assert_eq!(parsed.warnings[0].path, "indicators[0].years[0]");
        assert!(
            parsed.warnings[0].message.contains("cannot be added up"),
            "{unit}: {}",
            parsed.warnings[0].message
        );
        let check = check_parts(&parsed.dataset, whole, fy("2011-12")).unwrap();
        assert_eq!(check.total, Default::default(), "{unit}");
        assert_eq!(check.mismatches, None, "{unit}: nothing comparable");
    }
}

#[test]
fn rounds_move_from_one_to_the_next_and_to_the_outturn() {
    // Money in £k: budget 1,000, outturn 1,040; rounds at June, September
    // and December forecast 1,010, 1,025 and 1,052.
    let rounds_json = r#","forecast_rounds":[{"as_at":"2011-06","value":1010,"label":"June returns"},{"as_at":"2011-09","value":1025},{"as_at":"2011-12","value":1052,"label":"December returns"}]"#;
    let fields = format!(r#","budget":[250,250,250,250],"actual":[255,260,262,263]{rounds_json}"#);
    let d = dataset(&[quarterly("spend", None, "£k", "sum", &fields)]);
    let spend = d.indicator("spend").unwrap();
    let found = rounds(spend, spend.year(fy("2011-12")).unwrap()).unwrap();
    assert_eq!(found.outturn, Some(1040.0));
    let movements: Vec<Option<f64>> = found.rounds.iter().map(|r| r.movement).collect();
    assert_eq!(movements, [None, Some(15.0), Some(27.0)]);
    let variances: Vec<Option<f64>> = found.rounds.iter().map(|r| r.variance).collect();
    assert_eq!(variances, [Some(10.0), Some(25.0), Some(52.0)]);
    let errors: Vec<Option<f64>> = found.rounds.iter().map(|r| r.error).collect();
    assert_eq!(errors, [Some(-30.0), Some(-15.0), Some(12.0)]);
    assert_eq!(found.movement_to_outturn, Some(-12.0));
    // In the JSON, money in pounds like every value.
    let summary = summary_json(&d, CostConvention::default());
    let year = &summary["indicators"][0]["years"][0];
    assert_eq!(
        year["forecast_rounds"],
        json!([
            {"as_at": "2011-06", "label": "June returns", "value": 1010000, "movement": null},
            {"as_at": "2011-09", "label": null, "value": 1025000, "movement": 15000},
            {"as_at": "2011-12", "label": "December returns", "value": 1052000, "movement": 27000},
        ])
    );
    assert_eq!(year["movement_to_outturn"], json!(-12000));
    // Part-way through the year there is no outturn to move to: a forecast
    // of the whole year is not compared with three quarters of it.
    let part_year =
        format!(r#","budget":[250,250,250,250],"actual":[255,260,262,null]{rounds_json}"#);
    let d = dataset(&[quarterly("spend", None, "£k", "sum", &part_year)]);
    let spend = d.indicator("spend").unwrap();
    let found = rounds(spend, spend.year(fy("2011-12")).unwrap()).unwrap();
    assert_eq!((found.outturn, found.movement_to_outturn), (None, None));
    assert!(found.rounds.iter().all(|r| r.error.is_none()));
    // No rounds: [] and null.
    let d = dataset(&[quarterly(
        "plain",
        None,
        "£k",
        "sum",
        r#","budget":[1,1,1,1]"#,
    )]);
    let summary = summary_json(&d, CostConvention::default());
    let year = &summary["indicators"][0]["years"][0];
    assert_eq!(year["forecast_rounds"], json!([]));
    assert_eq!(year["movement_to_outturn"], json!(null));
}

/// The example made from the report's Table 1: every printed variance and
/// movement since the last report, and every printed sub total and total,
/// as the analysis gives them (£k as printed; `summary --json` in £).
#[test]
fn the_revenue_table_reproduces_every_printed_variance_movement_and_total() {
    let text = common::read("assets/kent-2011-12-revenue-and-capital.json");
    let d = parse_dataset(&text).unwrap().dataset;
    let summary = summary_json(&d, CostConvention::default());
    let year = |id: &str| {
        summary["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))["years"][0]
            .clone()
    };
    // Table 1 as printed: (row, variance, movement), £k.
    let printed = [
        ("rev-els", -2804, 8),
        ("rev-scs", 15513, -78),
        ("rev-ascph", -5582, -568),
        ("rev-ehw", -7265, -1049),
        ("rev-cc", -1897, -816),
        ("rev-re", 1, 1),
        ("rev-fbs", -3481, 6706),
        ("rev-bsphr", -2317, 85),
        ("rev-dp", -410, -76),
        ("rev-portfolios", -8242, 4213),
        ("rev-schools-els", -3898, -7024),
        ("rev-schools-scs", 0, 0),
        ("rev-schools", -3898, -7024),
        ("rev-total", -12140, -2811),
    ];
    for (id, variance, movement) in printed {
        let y = year(id);
        assert_eq!(y["variance"], json!(variance * 1000), "{id} variance");
        assert_eq!(
            y["movement_to_outturn"],
            json!(movement * 1000),
            "{id} movement"
        );
    }
    // The sub total, the schools total and the total are their rows'
    // sums, budget and outturn alike; Table 3 (capital) too.
    for (id, budget, outturn) in [
        ("rev-portfolios", 921930, 913688),
        ("rev-schools", 0, -3898),
        ("rev-total", 921930, 909790),
        ("cap-portfolios", 242424, 237265),
        ("cap-total", 272724, 265565),
    ] {
        let y = year(id);
        assert_eq!(
            y["children_total"],
            json!({"budget": budget * 1000, "actual": outturn * 1000, "forecast": null}),
            "{id}"
        );
        assert_eq!(y["children_mismatch"], json!([]), "{id}");
    }
    // The Property Enterprise Funds have no budget: the total including
    // them is checked on its outturn only.
    let y = year("cap-total-incl-pef");
    assert_eq!(y["children_total"]["budget"], json!(null));
    assert_eq!(y["children_total"]["actual"], json!(265761000));
    assert_eq!(y["children_mismatch"], json!([]));
    assert_eq!(
        d.indicators
            .iter()
            .filter(|i| i.parent.as_deref() == Some("rev-portfolios"))
            .count(),
        9
    );
}

#[test]
fn a_whole_on_the_overview_says_it_has_parts_and_opens_on_them() {
    use outturn_core::session::{Action, Route, State};
    use outturn_core::view::{dashboard, DashboardOrder, View};
    use std::rc::Rc;
    let d = county();
    let groups = dashboard(&d, Some(fy("2011-12")), DashboardOrder::Dataset);
    let entries: Vec<_> = groups.iter().flat_map(|(_, e)| e).collect();
    let parts = |id: &str| entries.iter().find(|e| e.id == id).unwrap().parts.clone();
    assert_eq!(parts("county"), "Made of 2 parts: opens their breakdown");
    assert_eq!(parts("north"), "Made of 2 parts: opens their breakdown");
    assert_eq!(parts("south"), "");
    let mut state = State::new(&Route::default());
    state.apply(Action::Loaded {
        dataset: Rc::new(d),
        warnings: Vec::new(),
        source: "county".into(),
    });
    state.apply(Action::OpenIndicator("north".into()));
    assert_eq!(state.options.view, View::Breakdown);
    state.apply(Action::OpenIndicator("north-team-a".into()));
    assert_eq!(state.options.view, View::Budget);
    assert_eq!(state.indicator.as_deref(), Some("north-team-a"));
    state.apply(Action::OpenIndicator("county".into()));
    assert_eq!(state.options.view, View::Breakdown);
    state.apply(Action::OpenIndicator("south".into()));
    assert_eq!(state.options.view, View::Budget);
}

#[test]
fn part_way_through_the_year_a_money_breakdown_gives_the_forecast_beside_the_figures_to_date() {
    use outturn_core::view::{breakdown, BreakdownSort};
    // £k by quarter, two quarters reported, each part forecasting its year.
    let part = |id: &str, forecast: &str| {
        quarterly(
            id,
            Some("whole"),
            "£k",
            "sum",
            &format!(
                r#","budget":[100,100,100,100],"actual":[110,105,null,null],"forecast":{forecast}"#
            ),
        )
    };
    let d = dataset(&[
        quarterly("whole", None, "£k", "sum", "").replace(
            r#""title":"whole""#,
            r#""title":"whole","breakdown":"by service""#,
        ),
        part("a", "[110,105,108,107]"),
        part("b", "[95,98,100,101]"),
    ]);
    let table = breakdown(
        &d,
        "whole",
        Some(fy("2011-12")),
        None,
        BreakdownSort::Report,
        false,
    )
    .unwrap();
    assert_eq!(
        table.columns,
        [
            "Budget to date",
            "Actual to date",
            "Variance",
            "Variance %",
            "Forecast for the year",
            "Forecast variance"
        ]
    );
    assert_eq!(
        table.rows[0].cells,
        ["£200k", "£215k", "+£15k", "+7.5%", "£430k", "+£30k"]
    );
    assert_eq!(
        table.rows[1].cells,
        ["£200k", "£215k", "+£15k", "+7.5%", "£394k", "-£6k"]
    );
    // The whole gave no figures: its parts', added up, and the table says so.
    assert_eq!(
        table.total.cells,
        ["£400k", "£430k", "+£30k", "+7.5%", "£824k", "+£24k"]
    );
    assert_eq!(
        table.check,
        "The 2 parts give this total: the data has no figures of its own for it."
    );
    assert_eq!(table.subtitle, "£k in 2011-12, 2 of 4 quarters reported; each row's variance is over the periods it reports");
}

#[test]
fn performance_parts_read_against_their_targets_and_are_never_added_up() {
    use outturn_core::format::Standing;
    use outturn_core::view::{breakdown, BreakdownSort};
    let rate = |id: &str, parent: Option<&str>, fields: &str| {
        quarterly(id, parent, "%", "none", fields).replace(
            r#""year_value":"none""#,
            r#""year_value":"none","polarity":"higher-is-better""#,
        )
    };
    let d = dataset(&[
        rate(
            "county",
            None,
            r#","actual":[80,81,null,null],"target":[85,85,85,85]"#,
        ),
        rate(
            "east",
            Some("county"),
            r#","actual":[84,86,null,null],"target":[85,85,85,85],"floor":[80,80,80,80]"#,
        ),
        rate(
            "west",
            Some("county"),
            r#","actual":[76,77,null,null],"target":[85,85,85,85],"rag":[null,"amber",null,null]"#,
        ),
    ]);
    let table = breakdown(
        &d,
        "county",
        Some(fy("2011-12")),
        None,
        BreakdownSort::Report,
        false,
    )
    .unwrap();
    assert_eq!(table.columns, ["Latest", "Target", "Against target"]);
    assert_eq!(table.rows[0].cells, ["86%", "85%", "+1 pp"]);
    assert_eq!(table.rows[0].standing.words(), "✓\u{a0}Green");
    // West missed its target with no floor: the report's Amber is shown.
    assert_eq!(table.rows[1].cells, ["77%", "85%", "-8 pp"]);
    assert_eq!(
        table.rows[1].standing,
        Standing::Rated(outturn_core::analysis::Status::Amber)
    );
    // The county: its own figure, never its parts' sum.
    assert_eq!(table.total.cells, ["81%", "85%", "-4 pp"]);
    assert_eq!(
        table.check,
        "The 2 parts are not added up: percentages cannot be summed."
    );
    // One quarter alone: Q1.
    let q1 = breakdown(
        &d,
        "county",
        Some(fy("2011-12")),
        Some(0),
        BreakdownSort::Report,
        false,
    )
    .unwrap();
    assert_eq!(q1.rows[1].cells, ["76%", "85%", "-9 pp"]);
    assert_eq!(q1.rows[1].standing.words(), "▽\u{a0}Below target");
}

#[test]
fn the_breakdown_downloads_as_csv_with_money_in_pounds() {
    use outturn_core::view::{breakdown, BreakdownSort};
    let d = parse_dataset(&common::read(
        "assets/kent-2011-12-revenue-and-capital.json",
    ))
    .unwrap()
    .dataset;
    let table = breakdown(&d, "rev-total", None, None, BreakdownSort::Report, false).unwrap();
    assert_eq!(table.file_stem, "rev-total-2011-12-breakdown");
    let csv = table.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Part,Budget (£),Outturn (£),Variance (£),Variance %,Variance at last round (£),Movement (£),Over or under"
    );
    assert_eq!(
        lines[1],
        "\"Revenue: portfolios (sub total, excluding schools)\",921930000,913688000,-8242000,-0.9,-12455000,4213000,▼ Under"
    );
    assert_eq!(
        lines[3],
        "Total: Revenue: total,921930000,909790000,-12140000,-1.3,-9329000,-2811000,▼ Under"
    );
}

#[test]
fn a_whole_filled_from_its_parts_says_so_on_its_own_chart() {
    use outturn_core::view::{IndicatorView, ViewOptions};
    let d = county();
    let north = IndicatorView::new(&d, "north", fy("2011-12"), &ViewOptions::default()).unwrap();
    assert_eq!(
        north.printed.first().map(String::as_str),
        Some(
            "These figures are its 2 parts' added up: the data gives none of its own for 2011-12."
        )
    );
    let south = IndicatorView::new(&d, "south", fy("2011-12"), &ViewOptions::default()).unwrap();
    assert!(south.printed.iter().all(|p| !p.contains("parts")));
}

#[test]
fn a_variance_bar_is_placed_from_zero_to_its_end_in_its_box() {
    use outturn_core::view::{VarianceBar, VARIANCE_BAR_BOX};
    let (width, height) = VARIANCE_BAR_BOX;
    let over = VarianceBar {
        zero: 0.5,
        end: 1.0,
        over: true,
    }
    .place();
    assert_eq!(
        (over.x, over.width, over.zero),
        (width / 2.0, width / 2.0, width / 2.0)
    );
    assert_eq!((over.y, over.height), (2.0, height - 4.0));
    let under = VarianceBar {
        zero: 0.5,
        end: 0.25,
        over: false,
    }
    .place();
    assert_eq!((under.x, under.width), (width / 4.0, width / 4.0));
    // The smallest variance still shows as a 1 px bar.
    let tiny = VarianceBar {
        zero: 0.5,
        end: 0.5,
        over: true,
    }
    .place();
    assert_eq!(tiny.width, 1.0);
}
