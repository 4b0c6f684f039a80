//! Bad inputs: each is reported with its JSON path and a message that says
//! what to fix; all problems at once; unknown fields warn; nothing panics.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use common::read;
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
