//! The published JSON Schema (docs/outturn-1.schema.json) accepts every
//! shipped example and the default dataset, and rejects the shape errors
//! Outturn's own validator rejects.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.
#![allow(clippy::disallowed_methods)] // Native only: the wasm-size rules do not apply.

mod common;

use common::{read, repo};
use outturn_core::parse_dataset;
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&read("docs/outturn-1.schema.json")).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema itself is valid draft 2020-12")
}

fn shipped_examples() -> Vec<String> {
    let mut paths = Vec::new();
    for folder in ["assets", "docs/examples", "tests/fixtures/valid"] {
        let mut found: Vec<String> = std::fs::read_dir(repo().join(folder))
            .unwrap()
            .filter_map(|entry| entry.ok())
            .map(|entry| format!("{folder}/{}", entry.file_name().to_string_lossy()))
            .filter(|path| path.ends_with(".json"))
            .collect();
        found.sort();
        paths.extend(found);
    }
    assert!(paths.len() >= 4, "{paths:?}");
    paths
}

#[test]
fn every_shipped_example_matches_the_schema_and_loads() {
    let validator = validator();
    for path in shipped_examples() {
        let text = read(&path);
        let document: Value = serde_json::from_str(&text).unwrap();
        let problems: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "{path}: {problems:#?}");
        let parsed = parse_dataset(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(parsed.warnings.is_empty(), "{path}: {:?}", parsed.warnings);
    }
}

/// A change to a valid document that should make it invalid.
type Edit = Box<dyn Fn(&mut Value)>;

#[test]
fn shape_errors_fail_both_the_schema_and_outturn() {
    let base: Value = serde_json::from_str(&read("docs/examples/minimal.json")).unwrap();
    let edits: Vec<(&str, Edit)> = vec![
        (
            "wrong format",
            Box::new(|d| d["format"] = "outturn/2".into()),
        ),
        (
            "no indicators",
            Box::new(|d| d["indicators"] = Value::Array(vec![])),
        ),
        (
            "bad id",
            Box::new(|d| d["indicators"][0]["id"] = "Has Spaces".into()),
        ),
        (
            "bad period",
            Box::new(|d| d["indicators"][0]["period"] = "week".into()),
        ),
        (
            "both period and periods",
            Box::new(|d| d["indicators"][0]["periods"] = serde_json::json!(["A"])),
        ),
        (
            "bad year_value",
            Box::new(|d| d["indicators"][0]["year_value"] = "total".into()),
        ),
        (
            "string number",
            Box::new(|d| d["indicators"][0]["years"][0]["actual"][0] = "1,234".into()),
        ),
        (
            "short series",
            Box::new(|d| d["indicators"][0]["years"][0]["budget"] = serde_json::json!([1, 2, 3])),
        ),
        (
            "bad year label",
            Box::new(|d| d["indicators"][0]["years"][0]["year"] = "2024/25".into()),
        ),
        (
            "bad polarity",
            Box::new(|d| d["indicators"][0]["polarity"] = "up".into()),
        ),
        (
            "rag word in capitals",
            Box::new(|d| {
                d["indicators"][0]["years"][0]["rag"] =
                    serde_json::json!(["green", "Amber", null, null])
            }),
        ),
        (
            "short rag",
            Box::new(|d| d["indicators"][0]["years"][0]["rag"] = serde_json::json!(["green"])),
        ),
        (
            "short target",
            Box::new(|d| d["indicators"][0]["years"][0]["target"] = serde_json::json!([1, 2, 3])),
        ),
        (
            "floor as text",
            Box::new(|d| {
                d["indicators"][0]["years"][0]["floor"] = serde_json::json!(["1", 2, 3, 4])
            }),
        ),
        (
            "long numerator",
            Box::new(|d| {
                d["indicators"][0]["years"][0]["numerator"] = serde_json::json!([1, 2, 3, 4, 5])
            }),
        ),
        (
            "denominator not a list",
            Box::new(|d| d["indicators"][0]["years"][0]["denominator"] = 99.into()),
        ),
        (
            "benchmark without label",
            Box::new(|d| {
                d["indicators"][0]["years"][0]["benchmarks"] =
                    serde_json::json!([{"values": [1, 2, 3, 4]}])
            }),
        ),
        (
            "benchmark with empty label",
            Box::new(|d| {
                d["indicators"][0]["years"][0]["benchmarks"] =
                    serde_json::json!([{"label": "", "values": [1, 2, 3, 4]}])
            }),
        ),
        (
            "short benchmark",
            Box::new(|d| {
                d["indicators"][0]["years"][0]["benchmarks"] =
                    serde_json::json!([{"label": "England average", "values": [1, 2]}])
            }),
        ),
        (
            "missing unit",
            Box::new(|d| {
                if let Some(map) = d["indicators"][0].as_object_mut() {
                    map.remove("unit");
                }
            }),
        ),
    ];
    let validator = validator();
    assert!(validator.is_valid(&base));
    for (name, edit) in edits {
        let mut document = base.clone();
        edit(&mut document);
        assert!(!validator.is_valid(&document), "schema accepted: {name}");
        assert!(
            parse_dataset(&document.to_string()).is_err(),
            "outturn accepted: {name}"
        );
    }
}

#[test]
fn performance_fields_are_accepted_by_both() {
    let base: Value = serde_json::from_str(&read("docs/examples/minimal.json")).unwrap();
    let edits: Vec<(&str, Edit)> = vec![
        (
            "a polarity against the default",
            Box::new(|d| d["indicators"][0]["polarity"] = "higher-is-better".into()),
        ),
        (
            "a year with only a target",
            Box::new(|d| {
                d["indicators"][0]["years"][0] =
                    serde_json::json!({"year": "2024-25", "target": [1, 2, 3, 4]})
            }),
        ),
        (
            "a status without a target",
            Box::new(|d| {
                d["indicators"][0]["years"][0]["rag"] =
                    serde_json::json!(["green", "amber", "red", null])
            }),
        ),
        (
            "a numerator alone",
            Box::new(|d| {
                d["indicators"][0]["years"][0]["numerator"] =
                    serde_json::json!([77, null, null, null])
            }),
        ),
    ];
    let validator = validator();
    for (name, edit) in edits {
        let mut document = base.clone();
        edit(&mut document);
        let problems: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(problems.is_empty(), "schema refused {name}: {problems:#?}");
        let parsed = parse_dataset(&document.to_string())
            .unwrap_or_else(|e| panic!("outturn refused {name}: {e}"));
        assert!(parsed.warnings.is_empty(), "{name}: {:?}", parsed.warnings);
    }
}

#[test]
fn parts_and_forecast_rounds_are_accepted_by_both_and_their_mistakes_refused() {
    let base: Value = serde_json::from_str(&read("docs/examples/minimal.json")).unwrap();
    // A second indicator, a part of the first, with a round in its year.
    let with_part = |part: Value| {
        let mut d = base.clone();
        d["indicators"][0]["breakdown"] = "by area".into();
        d["indicators"].as_array_mut().unwrap().push(part);
        d
    };
    let mut part = base["indicators"][0].clone();
    part["id"] = "a-part".into();
    part["parent"] = base["indicators"][0]["id"].clone();
    part["years"][0]["forecast_rounds"] = serde_json::json!([
        {"as_at": "2024-09", "value": 10, "label": "September returns"},
        {"as_at": "2024-12", "value": 12}
    ]);
    let good = with_part(part.clone());
    let validator = validator();
    let problems: Vec<String> = validator
        .iter_errors(&good)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let parsed = parse_dataset(&good.to_string()).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    // A parent's year may leave its figures to its parts; any other may not.
    let mut empty_parent = good.clone();
    empty_parent["indicators"][0]["years"][0] = serde_json::json!({"year": "2024-25"});
    assert!(validator.is_valid(&empty_parent));
    assert!(parse_dataset(&empty_parent.to_string()).is_ok());
    let mut empty_part = good.clone();
    empty_part["indicators"][1]["years"][0] = serde_json::json!({"year": "2024-25"});
    assert!(
        validator.is_valid(&empty_part),
        "the schema cannot see parents"
    );
    assert!(parse_dataset(&empty_part.to_string()).is_err());
    // Nor may a status alone stand for an indicator's own figures.
    let mut only_status = base.clone();
    only_status["indicators"][0]["years"][0] =
        serde_json::json!({"year": "2024-25", "rag": ["green", null, null, null]});
    assert!(validator.is_valid(&only_status));
    assert!(parse_dataset(&only_status.to_string()).is_err());
    // Shapes both refuse: a month that is not YYYY-MM, a round without a
    // value, a parent that is not an id.
    for (name, edit) in [
        (
            "as_at not a month",
            serde_json::json!({"as_at": "2024-13", "value": 1}),
        ),
        (
            "as_at as a date",
            serde_json::json!({"as_at": "2024-09-30", "value": 1}),
        ),
        ("no value", serde_json::json!({"as_at": "2024-09"})),
    ] {
        let mut bad = part.clone();
        bad["years"][0]["forecast_rounds"] = serde_json::json!([edit]);
        let document = with_part(bad);
        assert!(!validator.is_valid(&document), "schema accepted: {name}");
        assert!(
            parse_dataset(&document.to_string()).is_err(),
            "outturn accepted: {name}"
        );
    }
    let mut bad = part.clone();
    bad["parent"] = "Not An Id".into();
    let document = with_part(bad);
    assert!(!validator.is_valid(&document));
    assert!(parse_dataset(&document.to_string()).is_err());
}
