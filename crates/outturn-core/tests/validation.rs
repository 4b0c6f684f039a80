//! Bad inputs: each is reported with its JSON path and a message that says
//! what to fix; all problems at once; unknown fields warn; nothing panics.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use common::read;
use outturn_core::model::{Benchmark, FinancialYear, Polarity, Rag};
use outturn_core::{parse_dataset, Diagnostic, Severity};

/// A dataset whose one indicator is `indicator` (JSON object text).
fn with_indicator(indicator: &str) -> String {
    format!(r#"{{"format":"outturn/1","title":"t","indicators":[{indicator}]}}"#)
}

const GOOD_YEAR: &str = r#"{"year":"2024-25","budget":[1,2,3,4],"actual":[1,2,null,null]}"#;

fn good_indicator(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id":"{id}","title":"T","unit":"hours","period":"quarter","year_value":"sum","years":[{GOOD_YEAR}]{extra}}}"#
    )
}

fn errors(text: &str) -> Vec<Diagnostic> {
    match parse_dataset(text) {
        Ok(parsed) => panic!(
            "expected errors, got a dataset with warnings {:?}",
            parsed.warnings
        ),
        Err(error) => error.diagnostics,
    }
}

/// Asserts that some error has exactly `path` and a message containing `fragment`.
fn assert_error(text: &str, path: &str, fragment: &str) {
    let found = errors(text);
    assert!(
        found.iter().any(|d| d.severity == Severity::Error
            && d.path == path
            && d.message.contains(fragment)),
        "no error at {path} containing {fragment:?}; got:\n{}",
        found
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_good_baseline_parses() {
    let parsed = parse_dataset(&with_indicator(&good_indicator("a", ""))).unwrap();
    assert!(parsed.warnings.is_empty());
}

#[test]
fn syntax_errors_give_line_and_column() {
    let found = errors("{\n  \"format\": \"outturn/1\",\n  \"title\": oops\n}");
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].column), (Some(3), Some(12)));
    assert!(found[0].message.contains("not valid JSON"));
    let truncated = errors("{\"format\": \"outturn/1\", \"indicators\": [");
    assert!(truncated[0].message.contains("truncated"));
    assert_eq!(
        truncated[0].to_string().split(':').next(),
        Some("$ (line 1, column 39)")
    );
}

#[test]
fn document_level_problems() {
    assert_error(
        "[1, 2]",
        "$",
        "expected an outturn/1 dataset (a JSON object), found a list",
    );
    assert_error(
        r#"{"title":"t","indicators":[]}"#,
        "format",
        "add \"format\": \"outturn/1\"",
    );
    assert_error(
        r#"{"format":"outturn/2","title":"t","indicators":[]}"#,
        "format",
        "does not read",
    );
    assert_error(
        r#"{"format":"outturn/1","title":"t","indicators":[]}"#,
        "indicators",
        "empty",
    );
    assert_error(
        r#"{"format":"outturn/1","indicators":[]}"#,
        "title",
        "missing",
    );
    assert_error(
        r#"{"format":"outturn/1","title":3,"indicators":{}}"#,
        "title",
        "expected text",
    );
}

#[test]
fn a_bom_is_ignored() {
    let text = format!("\u{feff}{}", with_indicator(&good_indicator("a", "")));
    assert!(parse_dataset(&text).is_ok());
}

#[test]
fn indicator_field_problems() {
    let bad = |field: &str, value: &str| {
        let good = good_indicator("a", "");
        let start = good.find(&format!("\"{field}\":")).unwrap();
        let rest = &good[start..];
        let end = rest.find(",\"").unwrap();
        with_indicator(&format!(
            "{}\"{field}\":{value}{}",
            &good[..start],
            &rest[end..]
        ))
    };
    assert_error(
        &bad("id", r#""Waste Tonnage""#),
        "indicators[0].id",
        "only a-z, 0-9 and -",
    );
    assert_error(&bad("title", r#""  ""#), "indicators[0].title", "empty");
    assert_error(&bad("unit", "5"), "indicators[0].unit", "expected text");
    assert_error(
        &bad("period", r#""week""#),
        "indicators[0].period",
        "\"week\" is not a period",
    );
    assert_error(
        &bad("year_value", r#""total""#),
        "indicators[0].year_value",
        "use \"sum\" (flows)",
    );
}

#[test]
fn period_or_periods_but_not_both_or_neither() {
    let both = with_indicator(&good_indicator("a", r#","periods":["A"]"#));
    assert_error(&both, "indicators[0].periods", "not both");
    let neither = with_indicator(&good_indicator("a", "").replace(r#""period":"quarter","#, ""));
    assert_error(&neither, "indicators[0].period", "missing");
    let empty = with_indicator(
        &good_indicator("a", "").replace(r#""period":"quarter""#, r#""periods":[]"#),
    );
    assert_error(&empty, "indicators[0].periods", "at least one");
}

#[test]
fn custom_periods_set_the_length() {
    let custom = with_indicator(
        r#"{"id":"a","title":"T","unit":"x","periods":["Opening","Q1","Q2"],"year_value":"last","years":[{"year":"2024-25","actual":[1,2,3]}]}"#,
    );
    assert!(parse_dataset(&custom).is_ok());
    let short = custom.replace("[1,2,3]", "[1,2]");
    assert_error(
        &short,
        "indicators[0].years[0].actual",
        "has 2 entries but needs 3, one per label",
    );
}

#[test]
fn series_problems_name_the_entry_and_the_fix() {
    let year = |body: &str| with_indicator(&good_indicator("a", "").replace(GOOD_YEAR, body));
    assert_error(
        &year(r#"{"year":"2024-25","actual":[1,"1,234",null,null]}"#),
        "indicators[0].years[0].actual[1]",
        "write it as a number without quotes, commas or symbols: 1234",
    );
    assert_error(
        &year(r#"{"year":"2024-25","actual":["£5k",1,1,1]}"#),
        "indicators[0].years[0].actual[0]",
        "abbreviations",
    );
    assert_error(
        &year(r#"{"year":"2024-25","actual":[1,1,1,"n/a"]}"#),
        "indicators[0].years[0].actual[3]",
        "write null",
    );
    assert_error(
        &year(r#"{"year":"2024-25","budget":[1,2,3]}"#),
        "indicators[0].years[0].budget",
        "has 3 entries but needs 4, one per quarter",
    );
    assert_error(
        &year(r#"{"year":"2024-25","budget":5}"#),
        "indicators[0].years[0].budget",
        "expected a list of 4 numbers",
    );
    assert_error(
        &year(r#"{"year":"2024-25"}"#),
        "indicators[0].years[0]",
        "at least one of",
    );
    assert_error(
        &year(r#"{"year":"2024/25","budget":[1,2,3,4]}"#),
        "indicators[0].years[0].year",
        "YYYY-YY",
    );
    assert_error(
        &year(r#"{"year":"2024-26","budget":[1,2,3,4]}"#),
        "indicators[0].years[0].year",
        "YYYY-YY",
    );
    assert_error(
        &year(r#"{"year":"2024-25","budget":[1,2,3,4],"printed_total":{"budget":"10"}}"#),
        "indicators[0].years[0].printed_total.budget",
        "expected a number",
    );
}

#[test]
fn numbers_beyond_f64_are_refused_without_panicking() {
    let year =
        good_indicator("a", "").replace(GOOD_YEAR, r#"{"year":"2024-25","actual":[1e999,1,1,1]}"#);
    let found = errors(&with_indicator(&year));
    assert!(found[0].line.is_some(), "{found:?}");
}

#[test]
fn years_must_be_in_order_consecutive_and_unique() {
    let years = |list: &str| with_indicator(&good_indicator("a", "").replace(GOOD_YEAR, list));
    let y = |label: &str| format!(r#"{{"year":"{label}","budget":[1,2,3,4]}}"#);
    assert_error(
        &years(&format!("{},{}", y("2023-24"), y("2025-26"))),
        "indicators[0].years[1].year",
        "must be consecutive",
    );
    assert_error(
        &years(&format!("{},{}", y("2024-25"), y("2023-24"))),
        "indicators[0].years[1].year",
        "oldest first",
    );
    assert_error(
        &years(&format!("{},{}", y("2024-25"), y("2024-25"))),
        "indicators[0].years[1].year",
        "each once",
    );
}

#[test]
fn ids_must_be_unique() {
    let text = format!(
        r#"{{"format":"outturn/1","title":"t","indicators":[{},{}]}}"#,
        good_indicator("a", ""),
        good_indicator("a", "")
    );
    assert_error(&text, "indicators[1].id", "already used by indicators[0]");
}

#[test]
fn unit_cost_targets_are_checked() {
    let dataset = |a_extra: &str, b: &str| {
        format!(
            r#"{{"format":"outturn/1","title":"t","indicators":[{},{b}]}}"#,
            good_indicator("a", a_extra)
        )
    };
    let cost = |id: &str, period: &str, extra: &str| {
        good_indicator(id, extra)
            .replace(r#""unit":"hours""#, r#""unit":"£ per hour""#)
            .replace(r#""period":"quarter""#, &format!(r#""period":"{period}""#))
    };
    assert_error(
        &dataset(r#","unit_cost":"nope""#, &cost("b", "quarter", "")),
        "indicators[0].unit_cost",
        "no indicator has the id \"nope\"",
    );
    assert_error(
        &dataset(r#","unit_cost":"a""#, &cost("b", "quarter", "")),
        "indicators[0].unit_cost",
        "its own unit cost",
    );
    let monthly = cost("b", "month", "")
        .replace("[1,2,3,4]", "[1,2,3,4,5,6,7,8,9,10,11,12]")
        .replace("[1,2,null,null]", "[1,2,3,4,5,6,7,8,9,10,11,12]");
    assert_error(
        &dataset(r#","unit_cost":"b""#, &monthly),
        "indicators[0].unit_cost",
        "same periods",
    );
    assert_error(
        &dataset(
            r#","unit_cost":"b""#,
            &cost("b", "quarter", r#","unit_cost":"a""#),
        ),
        "indicators[0].unit_cost",
        "loop",
    );
    // A target that is not a price is only a warning.
    let not_money = format!(
        r#"{{"format":"outturn/1","title":"t","indicators":[{},{}]}}"#,
        good_indicator("a", r#","unit_cost":"b""#),
        good_indicator("b", "")
    );
    let parsed = parse_dataset(&not_money).unwrap();
    assert!(parsed.warnings[0].message.contains("not a price in pounds"));
}

#[test]
fn unknown_fields_are_warnings_with_paths() {
    let text = with_indicator(&good_indicator("a", r#","colour":"red""#))
        .replace(r#""title":"t""#, r#""title":"t","version":2"#);
    let parsed = parse_dataset(&text).unwrap();
    let paths: Vec<&str> = parsed.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["version", "indicators[0].colour"]);
    assert!(parsed
        .warnings
        .iter()
        .all(|w| w.severity == Severity::Warning));
}

#[test]
fn all_problems_are_reported_at_once() {
    let found = errors(&read("tests/fixtures/invalid/mixed-problems.json"));
    let paths: Vec<&str> = found
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "indicators[0].years[0].budget",
            "indicators[0].years[0].actual[1]",
            "indicators[0].years[0].actual[11]",
            "indicators[0].years[1].year",
            "indicators[1].id",
            "indicators[1].unit_cost",
            "indicators[1].year_value",
        ]
    );
    assert!(found
        .iter()
        .any(|d| d.path == "indicators[0].colour" && d.severity == Severity::Warning));
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let found = errors(&deep);
    assert!(found[0].message.contains("nested too deeply"), "{found:?}");
}

#[test]
fn no_prefix_of_a_real_file_panics() {
    // Every cut of the real dataset is either an error or (the whole file) a dataset.
    let text = read("assets/kent-2011-12-key-activity.json");
    let mut cut = 0;
    while cut < text.len() {
        if text.is_char_boundary(cut) {
            let _ = parse_dataset(&text[..cut]);
        }
        cut += 97;
    }
}

#[test]
fn wrong_types_everywhere_do_not_panic() {
    let values = [
        "null", "true", "1", "\"x\"", "[]", "{}", "[null]", "[[1]]", "-1e308",
    ];
    let fields = [
        "format",
        "title",
        "indicators",
        "id",
        "unit",
        "period",
        "periods",
        "year_value",
        "unit_cost",
        "years",
        "notes",
        "source",
        "year",
        "budget",
        "printed_total",
    ];
    let base = with_indicator(&good_indicator("a", r#","notes":["n"],"source":"s""#));
    for field in fields {
        for value in values {
            let replaced = base.replacen(
                &format!("\"{field}\":"),
                &format!("\"{field}\":{value},\"was_{field}\":"),
                1,
            );
            let _ = parse_dataset(&replaced);
        }
    }
    let performance = read("tests/fixtures/valid/performance.json");
    for field in [
        "polarity",
        "target",
        "floor",
        "rag",
        "numerator",
        "denominator",
        "benchmarks",
        "label",
        "values",
    ] {
        for value in values {
            let replaced = performance.replace(
                &format!("\"{field}\":"),
                &format!("\"{field}\":{value},\"was_{field}\":"),
            );
            let _ = parse_dataset(&replaced);
        }
    }
}

#[test]
fn a_year_may_have_up_to_110000_periods() {
    let labels = |count: usize| {
        (0..count)
            .map(|i| format!("\"r{i}\""))
            .collect::<Vec<_>>()
            .join(",")
    };
    let nulls = |count: usize| vec!["null"; count].join(",");
    let indicator = |count: usize| {
        with_indicator(&format!(
            r#"{{"id":"r","title":"T","unit":"kg","periods":[{}],"year_value":"sum","years":[{{"year":"2024-25","actual":[{}]}}]}}"#,
            labels(count),
            nulls(count)
        ))
    };
    assert!(parse_dataset(&indicator(105_408)).is_ok());
    assert_error(
        &indicator(110_001),
        "indicators[0].periods",
        "110,001 periods is more than the 110,000 Outturn draws in a year",
    );
}

// Performance indicators: polarity, target, floor, rag, numerator,
// denominator and benchmarks (issue 16).

/// A quarterly indicator with no budget whose one year is `year` (JSON
/// object text), plus `extra` indicator fields.
fn performance(year: &str, extra: &str) -> String {
    with_indicator(&format!(
        r#"{{"id":"p","title":"P","unit":"%","period":"quarter","year_value":"none"{extra},"years":[{year}]}}"#
    ))
}

const HIGHER: &str = r#","polarity":"higher-is-better""#;
const LOWER: &str = r#","polarity":"lower-is-better""#;

/// Every error's path, in the order reported.
fn error_paths(text: &str) -> Vec<String> {
    errors(text)
        .into_iter()
        .filter(Diagnostic::is_error)
        .map(|d| d.path)
        .collect()
}

#[test]
fn a_performance_indicator_is_read_completely() {
    let parsed = parse_dataset(&read("tests/fixtures/valid/performance.json")).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let waste = parsed.dataset.indicator("waste-diverted").unwrap();
    assert_eq!(waste.polarity, Polarity::HigherIsBetter);
    assert_eq!(waste.precision(), 1);
    let year = waste
        .year(FinancialYear::parse("2023-24").unwrap())
        .unwrap();
    assert_eq!(year.budget, None);
    assert_eq!(year.forecast, None);
    assert_eq!(
        year.actual,
        Some(vec![Some(70.5), Some(73.1), Some(74.0), Some(71.8)])
    );
    assert_eq!(year.target, Some(vec![Some(72.2); 4]));
    assert_eq!(year.floor, Some(vec![Some(68.0); 4]));
    assert_eq!(
        year.rag,
        Some(vec![
            Some(Rag::Amber),
            Some(Rag::Green),
            Some(Rag::Green),
            Some(Rag::Amber)
        ])
    );
    assert_eq!(
        year.numerator,
        Some(vec![
            Some(41228.0),
            Some(44737.0),
            Some(41366.0),
            Some(37551.0)
        ])
    );
    assert_eq!(
        year.denominator,
        Some(vec![
            Some(58480.0),
            Some(61200.0),
            Some(55900.0),
            Some(52300.0)
        ])
    );
    assert_eq!(
        year.benchmarks,
        [Benchmark {
            label: "England average".to_string(),
            values: vec![None, None, None, Some(69.8)],
        }]
    );
    assert!(year.printed_total.is_empty());
    let next = &waste.years[1];
    assert_eq!(next.rag.as_ref().unwrap()[2], None);
    assert!(next.benchmarks.is_empty());

    let placements = parsed.dataset.indicator("placement-stability").unwrap();
    assert_eq!(placements.polarity, Polarity::LowerIsBetter);
    let year = &placements.years[0];
    assert_eq!(year.actual.as_ref().unwrap().len(), 12);
    assert_eq!(year.rag.as_ref().unwrap()[6], Some(Rag::Red));
    let labels: Vec<&str> = year.benchmarks.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["England average", "Statistical neighbours"]);
    assert_eq!(year.benchmarks[1].values, vec![Some(9.6); 12]);

    // A printed status with a target and no floor loads as it is.
    let reviews = parsed.dataset.indicator("reviews-on-time").unwrap();
    assert_eq!(reviews.years[0].floor, None);
    assert_eq!(reviews.years[0].rag.as_ref().unwrap()[1], Some(Rag::Amber));
}

#[test]
fn polarity_is_as_given_or_follows_the_budget() {
    let polarity = |text: &str| parse_dataset(text).unwrap().dataset.indicators[0].polarity;
    // Absent: lower is better with a budget (as before issue 16), else neutral.
    assert_eq!(
        polarity(&with_indicator(&good_indicator("a", ""))),
        Polarity::LowerIsBetter
    );
    let actual_only = r#"{"year":"2024-25","actual":[1,2,null,null]}"#;
    assert_eq!(polarity(&performance(actual_only, "")), Polarity::Neutral);
    let target_only = r#"{"year":"2024-25","actual":[1,2,null,null],"target":[3,3,3,3]}"#;
    assert_eq!(polarity(&performance(target_only, "")), Polarity::Neutral);
    // A budget in any year counts, not only the first.
    let later_budget = format!(r#"{actual_only},{{"year":"2025-26","budget":[1,1,1,1]}}"#);
    assert_eq!(
        polarity(&performance(&later_budget, "")),
        Polarity::LowerIsBetter
    );
    assert_eq!(
        polarity(&performance(actual_only, r#","polarity":null"#)),
        Polarity::Neutral
    );
    // Given: as given, even against the default.
    assert_eq!(
        polarity(&with_indicator(&good_indicator("a", HIGHER))),
        Polarity::HigherIsBetter
    );
    assert_eq!(
        polarity(&with_indicator(&good_indicator(
            "a",
            r#","polarity":"neutral""#
        ))),
        Polarity::Neutral
    );
    assert_eq!(
        polarity(&performance(actual_only, LOWER)),
        Polarity::LowerIsBetter
    );
    // A known field: no warning.
    let parsed = parse_dataset(&performance(target_only, HIGHER)).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn polarity_words_are_checked() {
    let with = |polarity: &str| {
        with_indicator(&good_indicator("a", &format!(r#","polarity":{polarity}"#)))
    };
    let words = "expected \"higher-is-better\", \"lower-is-better\" or \"neutral\"";
    // Only the words themselves: not a scorecard's H or L, not other cases.
    for (value, found) in [
        (r#""up""#, "the text \"up\""),
        (r#""H""#, "the text \"H\""),
        (r#""Higher-is-better""#, "the text \"Higher-is-better\""),
        ("1", "the number 1"),
        ("[]", "a list"),
    ] {
        assert_error(
            &with(value),
            "indicators[0].polarity",
            &format!("{words}, found {found}"),
        );
    }
}

#[test]
fn rag_words_are_checked_with_their_path() {
    let year = |label: &str, rag: &str| {
        format!(r#"{{"year":"{label}","actual":[1,2,3,4],"target":[2,2,2,2],"rag":{rag}}}"#)
    };
    let good = year("2023-24", r#"["red","amber","green",null]"#);
    let indicator = |id: &str, rag: &str| {
        format!(
            r#"{{"id":"{id}","title":"P","unit":"%","period":"quarter","year_value":"none","polarity":"higher-is-better","years":[{good},{}]}}"#,
            year("2024-25", rag)
        )
    };
    let dataset = |rag: &str| {
        let fine = r#"["green",null,null,null]"#;
        format!(
            r#"{{"format":"outturn/1","title":"t","indicators":[{},{},{},{}]}}"#,
            indicator("a", fine),
            indicator("b", fine),
            indicator("c", fine),
            indicator("d", rag)
        )
    };
    assert!(parse_dataset(&dataset(r#"["green","amber","red",null]"#)).is_ok());
    let words = "expected \"green\", \"amber\", \"red\" or null (where none was printed)";
    for (value, found) in [
        (r#""blue""#, "the text \"blue\""),
        (r#""Green""#, "the text \"Green\""),
        (r#""R""#, "the text \"R\""),
        (r#""n/a""#, "the text \"n/a\""),
        ("3", "the number 3"),
        ("false", "false"),
    ] {
        assert_error(
            &dataset(&format!(r#"["green","amber",{value},null]"#)),
            "indicators[3].years[1].rag[2]",
            &format!("{words}, found {found}"),
        );
    }
    assert_error(
        &dataset(r#"["green","amber","red"]"#),
        "indicators[3].years[1].rag",
        "has 3 entries but needs 4, one per quarter; use null for periods not reported",
    );
    assert_error(
        &dataset(r#""green""#),
        "indicators[3].years[1].rag",
        "expected a list of 4 statuses",
    );
    // Every bad word at once, in order.
    assert_eq!(
        error_paths(&dataset(r#"["Green","amber","blue",1]"#)),
        [
            "indicators[3].years[1].rag[0]",
            "indicators[3].years[1].rag[2]",
            "indicators[3].years[1].rag[3]",
        ]
    );
}

#[test]
fn a_rag_needs_no_target_or_floor() {
    let year = r#"{"year":"2024-25","actual":[1,2,null,null],"rag":["green","red",null,null]}"#;
    let parsed = parse_dataset(&performance(year, "")).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let figures = &parsed.dataset.indicators[0].years[0];
    assert_eq!(figures.target, None);
    assert_eq!(figures.floor, None);
    assert_eq!(
        figures.rag,
        Some(vec![Some(Rag::Green), Some(Rag::Red), None, None])
    );
}

#[test]
fn performance_series_are_checked_like_budget() {
    let year = |fields: &str| {
        performance(
            &format!(r#"{{"year":"2024-25","actual":[1,2,3,4]{fields}}}"#),
            HIGHER,
        )
    };
    for key in ["target", "floor", "numerator", "denominator"] {
        let path = format!("indicators[0].years[0].{key}");
        assert_error(
            &year(&format!(r#","{key}":[1,2,3]"#)),
            &path,
            "has 3 entries but needs 4, one per quarter; use null for periods not reported",
        );
        assert_error(
            &year(&format!(r#","{key}":5"#)),
            &path,
            "expected a list of 4 numbers (null where not reported), found the number 5",
        );
        assert_error(
            &year(&format!(r#","{key}":null"#)),
            &path,
            "expected a list of 4 numbers",
        );
        assert_error(
            &year(&format!(r#","{key}":[null,"1,234",null,null]"#)),
            &format!("{path}[1]"),
            "write it as a number without quotes, commas or symbols: 1234",
        );
        assert_error(
            &year(&format!(r#","{key}":[null,null,null,1e16]"#)),
            &format!("{path}[3]"),
            "too large to be a council figure",
        );
    }
    // Monthly: the length follows the period scheme.
    let monthly = with_indicator(
        r#"{"id":"m","title":"M","unit":"%","period":"month","year_value":"none","years":[{"year":"2024-25","actual":[1,2,3,4,5,6,7,8,9,10,11,12],"target":[1,2,3,4]}]}"#,
    );
    assert_error(
        &monthly,
        "indicators[0].years[0].target",
        "has 4 entries but needs 12, one per month from April to March",
    );
    // Either count may be given alone.
    assert!(parse_dataset(&year(r#","numerator":[77,null,null,null]"#)).is_ok());
    assert!(parse_dataset(&year(r#","denominator":[99,null,null,null]"#)).is_ok());
}

#[test]
fn a_year_needs_a_series_or_a_target() {
    let only_target = r#"{"year":"2025-26","target":[75,75,75,75]}"#;
    assert!(parse_dataset(&performance(only_target, HIGHER)).is_ok());
    for fields in [
        r#""rag":["green",null,null,null]"#,
        r#""numerator":[1,null,null,null],"denominator":[2,null,null,null]"#,
        r#""floor":[1,1,1,1]"#,
        r#""benchmarks":[{"label":"England","values":[1,1,1,1]}]"#,
    ] {
        assert_error(
            &performance(&format!(r#"{{"year":"2024-25",{fields}}}"#), HIGHER),
            "indicators[0].years[0]",
            "a year needs at least one of \"budget\", \"actual\", \"forecast\" or \"target\"",
        );
    }
}

#[test]
fn a_floor_must_be_on_the_worse_side_of_the_target() {
    let year = |target: &str, floor: &str| {
        format!(r#"{{"year":"2024-25","actual":[1,2,3,4],"target":{target},"floor":{floor}}}"#)
    };
    // Higher is better: the floor at or below the target; each period
    // on the wrong side is its own error.
    let higher = |floor: &str| performance(&year("[75,75,null,75]", floor), HIGHER);
    assert!(parse_dataset(&higher("[70,75,80,null]")).is_ok());
    assert_eq!(
        error_paths(&higher("[80,70,90,76]")),
        [
            "indicators[0].years[0].floor[0]",
            "indicators[0].years[0].floor[3]",
        ]
    );
    assert_error(
        &higher("[80,70,90,76]"),
        "indicators[0].years[0].floor[0]",
        "the floor 80 is above the target 75, but higher is better for this indicator: the floor (the boundary between amber and red) must be at or below the target",
    );
    // Lower is better: at or above.
    let lower = |floor: &str| performance(&year("[10,10,10,10]", floor), LOWER);
    assert!(parse_dataset(&lower("[12,10,null,12.5]")).is_ok());
    assert_eq!(
        error_paths(&lower("[12,9.5,12,8]")),
        [
            "indicators[0].years[0].floor[1]",
            "indicators[0].years[0].floor[3]",
        ]
    );
    assert_error(
        &lower("[12,9.5,12,12]"),
        "indicators[0].years[0].floor[1]",
        "the floor 9.5 is below the target 10, but lower is better for this indicator: the floor (the boundary between amber and red) must be at or above the target",
    );
    // Lower is better by default (a budget): the message says why.
    let budgeted = with_indicator(&good_indicator("a", "").replace(
        GOOD_YEAR,
        r#"{"year":"2024-25","budget":[1,2,3,4],"target":[5,5,5,5],"floor":[6,4,6,6]}"#,
    ));
    assert_error(
        &budgeted,
        "indicators[0].years[0].floor[1]",
        "lower is better for this indicator (by default, for an indicator with a budget)",
    );
    // Neutral: a floor has no worse side to be on.
    assert_error(
        &performance(&year("[75,75,75,75]", "[70,70,70,70]"), r#","polarity":"neutral""#),
        "indicators[0].years[0].floor",
        "a floor needs a polarity, and this indicator is neutral: set \"polarity\" to \"higher-is-better\" or \"lower-is-better\" (without it, an indicator with no budget is neutral), or remove the floor",
    );
    assert_error(
        &performance(&year("[75,75,75,75]", "[70,70,70,70]"), ""),
        "indicators[0].years[0].floor",
        "a floor needs a polarity, and this indicator is neutral",
    );
    // A floor with no figures says nothing, whatever the polarity.
    assert!(parse_dataset(&performance(
        &year("[75,75,75,75]", "[null,null,null,null]"),
        ""
    ))
    .is_ok());
    // Checked in every year, beside the year's other problems.
    let two_years = performance(
        &format!(
            r#"{},{{"year":"2025-26","actual":[1,"x",null,null],"target":[75,75,75,75],"floor":[70,70,80,70]}}"#,
            year("[75,75,75,75]", "[76,70,70,70]")
        ),
        HIGHER,
    );
    assert_eq!(
        error_paths(&two_years),
        [
            "indicators[0].years[0].floor[0]",
            "indicators[0].years[1].actual[1]",
            "indicators[0].years[1].floor[2]",
        ]
    );
    // A polarity that is not one of the words is reported, not guessed at.
    assert_eq!(
        error_paths(&performance(
            &year("[75,75,75,75]", "[80,80,80,80]"),
            r#","polarity":"up""#
        )),
        ["indicators[0].polarity"]
    );
}

#[test]
fn benchmarks_need_a_label_and_values() {
    let with = |benchmarks: &str| {
        performance(
            &format!(r#"{{"year":"2024-25","actual":[1,2,3,4],"benchmarks":{benchmarks}}}"#),
            HIGHER,
        )
    };
    let path = "indicators[0].years[0].benchmarks";
    assert_error(
        &with(r#"[{"values":[1,2,3,4]}]"#),
        &format!("{path}[0].label"),
        "the required field \"label\" is missing",
    );
    assert_error(
        &with(r#"[{"label":"England","values":[1,2,3,4]},{"label":" ","values":[1,2,3,4]}]"#),
        &format!("{path}[1].label"),
        "the label is empty: say what the benchmark is, e.g. \"England average\"",
    );
    assert_error(
        &with(r#"[{"label":3,"values":[1,2,3,4]}]"#),
        &format!("{path}[0].label"),
        "expected text in quotes",
    );
    assert_error(
        &with(r#"[{"label":"England"}]"#),
        &format!("{path}[0].values"),
        "the required field \"values\" is missing",
    );
    assert_error(
        &with(r#"[{"label":"England","values":[1,2,3]}]"#),
        &format!("{path}[0].values"),
        "has 3 entries but needs 4, one per quarter",
    );
    assert_error(
        &with(r#"[{"label":"England","values":[1,"n/a",3,4]}]"#),
        &format!("{path}[0].values[1]"),
        "write null",
    );
    assert_error(
        &with(r#"["England"]"#),
        &format!("{path}[0]"),
        "expected a benchmark (a JSON object), found the text \"England\"",
    );
    assert_error(
        &with(r#"{"label":"England","values":[1,2,3,4]}"#),
        path,
        "expected a list of benchmarks",
    );
    // None, an empty list and null all mean no benchmarks.
    for none in ["[]", "null"] {
        let parsed = parse_dataset(&with(none)).unwrap();
        assert!(parsed.dataset.indicators[0].years[0].benchmarks.is_empty());
    }
    // Unknown fields in a benchmark warn, with their path.
    let parsed = parse_dataset(&with(
        r#"[{"label":"England","values":[1,2,3,4],"colour":"grey"}]"#,
    ))
    .unwrap();
    let paths: Vec<&str> = parsed.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, [format!("{path}[0].colour")]);
    assert!(parsed.warnings[0]
        .message
        .contains("known fields here: label, values"));
}

#[test]
fn counts_behind_a_rate_cannot_be_negative() {
    let year =
        r#"{"year":"2024-25","actual":[1,2,3,4],"numerator":[1,-2,3,4],"denominator":[5,5,5,5]}"#;
    let parsed = parse_dataset(&performance(year, HIGHER)).unwrap();
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    assert_eq!(
        parsed.warnings[0].path,
        "indicators[0].years[0].numerator[1]"
    );
    assert!(parsed.warnings[0]
        .message
        .contains("-2 is negative, but a count cannot be below zero"));
    // A rate's own values may be below zero (a change in %), as before.
    let change = r#"{"year":"2024-25","actual":[-1,2,3,4],"target":[-2,-2,-2,-2]}"#;
    assert!(parse_dataset(&performance(change, HIGHER))
        .unwrap()
        .warnings
        .is_empty());
    // A target in hours cannot.
    let hours = with_indicator(&good_indicator("a", "").replace(
        GOOD_YEAR,
        r#"{"year":"2024-25","budget":[1,2,3,4],"target":[5,-5,5,5]}"#,
    ));
    let parsed = parse_dataset(&hours).unwrap();
    assert_eq!(parsed.warnings[0].path, "indicators[0].years[0].target[1]");
    assert!(parsed.warnings[0]
        .message
        .contains("-5 is negative, but hours cannot be below zero"));
}

#[test]
fn the_new_fields_are_known() {
    let year = r#"{"year":"2024-25","actual":[1,2,3,4],"target":[1,1,1,1],"floor":[0,0,0,0],"rag":[null,null,null,null],"numerator":[1,1,1,1],"denominator":[2,2,2,2],"benchmarks":[],"shade":1}"#;
    let parsed = parse_dataset(&performance(year, HIGHER)).unwrap();
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    assert_eq!(parsed.warnings[0].path, "indicators[0].years[0].shade");
    assert!(parsed.warnings[0].message.contains(
        "known fields here: year, budget, actual, forecast, target, floor, rag, numerator, denominator, benchmarks, forecast_rounds, printed_total"
    ));
}

#[test]
fn a_one_figure_year_asks_for_a_list_of_one() {
    // "a list of 1 statuses" read wrongly; one period is one entry.
    let indicator = |fields: &str| {
        with_indicator(&format!(
            r#"{{"id":"a","title":"A","unit":"%","period":"year","year_value":"none","polarity":"higher-is-better","years":[{{"year":"2024-25","actual":[1]{fields}}}]}}"#
        ))
    };
    assert!(parse_dataset(&indicator(r#","target":[2],"rag":["red"]"#)).is_ok());
    assert_error(
        &indicator(r#","rag":"red""#),
        "indicators[0].years[0].rag",
        "expected a list of 1 status (\"green\", \"amber\", \"red\", null where none was printed), found the text \"red\"",
    );
    assert_error(
        &indicator(r#","target":2"#),
        "indicators[0].years[0].target",
        "expected a list of 1 number (null where not reported), found the number 2",
    );
}

#[test]
fn parents_must_exist_share_unit_and_periods_and_never_loop() {
    let dataset = |indicators: &[String]| {
        format!(
            r#"{{"format":"outturn/1","title":"t","indicators":[{}]}}"#,
            indicators.join(",")
        )
    };
    let county = good_indicator("county", r#","breakdown":"by area""#);
    let area = |id: &str, parent: &str| good_indicator(id, &format!(r#","parent":"{parent}""#));
    let parsed = parse_dataset(&dataset(&[
        county.clone(),
        area("north", "county"),
        area("south", "county"),
    ]))
    .unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let d = parsed.dataset;
    assert_eq!(d.indicators[0].breakdown.as_deref(), Some("by area"));
    assert_eq!(d.indicators[1].parent.as_deref(), Some("county"));
    assert_error(
        &dataset(&[county.clone(), area("north", "nowhere")]),
        "indicators[1].parent",
        "no indicator has the id \"nowhere\"",
    );
    assert_error(
        &dataset(&[county.clone(), area("north", "north")]),
        "indicators[1].parent",
        "an indicator cannot be its own parent",
    );
    assert_error(
        &dataset(&[county.clone(), area("north", "North Kent")]),
        "indicators[1].parent",
        "\"North Kent\" is not an indicator id",
    );
    assert_error(
        &dataset(&[area("a", "b"), area("b", "c"), area("c", "a")]),
        "indicators[0].parent",
        "parents form a loop",
    );
    let monthly = good_indicator("north", r#","parent":"county""#).replace(
        r#""period":"quarter","year_value":"sum","years":[{"year":"2024-25","budget":[1,2,3,4],"actual":[1,2,null,null]}]"#,
        r#""period":"year","year_value":"sum","years":[{"year":"2024-25","budget":[1],"actual":[1]}]"#,
    );
    assert_error(
        &dataset(&[county.clone(), monthly]),
        "indicators[1].parent",
        "\"county\" is reported by quarter but this indicator by year; a part must use its parent's periods",
    );
    let snapshot =
        area("north", "county").replace(r#""year_value":"sum""#, r#""year_value":"last""#);
    assert_error(
        &dataset(&[county.clone(), snapshot]),
        "indicators[1].parent",
        "\"county\" totals its year as \"sum\" but this indicator as \"last\"; a part must total its year as its parent does",
    );
    let in_pounds = area("north", "county").replace(r#""unit":"hours""#, r#""unit":"£""#);
    assert_error(
        &dataset(&[county.clone(), in_pounds]),
        "indicators[1].parent",
        "\"county\" is in \"hours\" but this indicator in \"£\"; a part must use its parent's unit",
    );
    // A parent's year may be left to its parts; a part's may not.
    let empty = good_indicator("county", "").replace(GOOD_YEAR, r#"{"year":"2024-25"}"#);
    assert!(parse_dataset(&dataset(&[empty.clone(), area("north", "county")])).is_ok());
    assert_error(
        &dataset(&[empty]),
        "indicators[0].years[0]",
        "a year needs at least one of",
    );
}

#[test]
fn forecast_rounds_are_months_in_order_with_a_value() {
    let with_rounds = |rounds: &str| {
        with_indicator(&good_indicator("a", "").replace(
            GOOD_YEAR,
            &format!(r#"{{"year":"2024-25","budget":[1,2,3,4],"actual":[1,2,null,null],"forecast_rounds":{rounds}}}"#),
        ))
    };
    let parsed = parse_dataset(&with_rounds(
        r#"[{"as_at":"2024-06","value":10.5,"label":"June returns"},{"as_at":"2024-09","value":12}]"#,
    ))
    .unwrap();
    let rounds = &parsed.dataset.indicators[0].years[0].forecast_rounds;
    assert_eq!(rounds.len(), 2);
    assert_eq!(rounds[0].as_at.to_string(), "2024-06");
    assert_eq!(rounds[0].as_at.long_label(), "June 2024");
    assert_eq!(rounds[1].as_at.long_label(), "September 2024");
    assert_eq!(rounds[0].label.as_deref(), Some("June returns"));
    assert_eq!(rounds[1].value, 12.0);
    assert_eq!(
        parsed.dataset.indicators[0].precision(),
        1,
        "a round's decimals count"
    );
    assert_error(
        &with_rounds(r#"[{"as_at":"2024-09","value":1},{"as_at":"2024-06","value":2}]"#),
        "indicators[0].years[0].forecast_rounds[1].as_at",
        "2024-06 is not after the round before (2024-09)",
    );
    assert_error(
        &with_rounds(r#"[{"as_at":"September 2024","value":1}]"#),
        "indicators[0].years[0].forecast_rounds[0].as_at",
        "\"September 2024\" is not a month: write it as YYYY-MM",
    );
    assert_error(
        &with_rounds(r#"[{"as_at":"2024-09","value":null}]"#),
        "indicators[0].years[0].forecast_rounds[0].value",
        "a round needs its forecast",
    );
    assert_error(
        &with_rounds(r#"[{"as_at":"2024-09"}]"#),
        "indicators[0].years[0].forecast_rounds[0].value",
        "the required field \"value\" is missing",
    );
    assert_error(
        &with_rounds(r#"{"as_at":"2024-09","value":1}"#),
        "indicators[0].years[0].forecast_rounds",
        "expected a list of forecast rounds",
    );
    let parsed =
        parse_dataset(&with_rounds(r#"[{"as_at":"2024-09","value":1,"by":"x"}]"#)).unwrap();
    assert_eq!(
        parsed.warnings[0].path,
        "indicators[0].years[0].forecast_rounds[0].by"
    );
}
