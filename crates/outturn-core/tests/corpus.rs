//! The corpus of bad inputs (tests/corpus, listed with the expected
//! outcome in cases.tsv) and generated extremes: every case gives the
//! expected error or warning at the expected JSON path, and nothing panics.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use common::repo;
use outturn_core::{decode_text, parse_dataset, Diagnostic, Severity, MAX_INPUT_BYTES};

/// (file, expect, path, fragment) rows of tests/corpus/cases.tsv.
fn cases() -> Vec<(String, String, String, String)> {
    let manifest = std::fs::read_to_string(repo().join("tests/corpus/cases.tsv")).unwrap();
    manifest
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            (
                fields[0].into(),
                fields[1].into(),
                fields.get(2).copied().unwrap_or("").into(),
                fields.get(3).copied().unwrap_or("").into(),
            )
        })
        .collect()
}

/// Decodes and parses `bytes`: the dataset's warnings, or every problem.
fn problems(bytes: &[u8]) -> (bool, Vec<Diagnostic>) {
    match decode_text(bytes) {
        Err(problem) => (false, vec![problem]),
        Ok(text) => match parse_dataset(&text) {
            Ok(parsed) => (true, parsed.warnings),
            Err(error) => (false, error.diagnostics),
        },
    }
}

#[test]
fn every_corpus_case_reports_what_it_should() {
    let cases = cases();
    assert!(cases.len() >= 25, "{}", cases.len());
    for (file, expect, path, fragment) in cases {
        let bytes = std::fs::read(repo().join("tests/corpus").join(&file)).unwrap();
        let (loaded, found) = problems(&bytes);
        let listing = found
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
        match expect.as_str() {
            "ok" => assert!(loaded && found.is_empty(), "{file}: {listing}"),
            "warning" => {
                assert!(loaded, "{file} should load: {listing}");
                assert!(
                    found.iter().any(|d| d.severity == Severity::Warning
                        && d.path == path
                        && d.message.contains(&fragment)),
                    "{file}: no warning at {path} with {fragment:?}:\n{listing}"
                );
            }
            "error" => {
                assert!(!loaded, "{file} should not load");
                assert!(
                    found
                        .iter()
                        .any(|d| d.is_error() && d.path == path && d.message.contains(&fragment)),
                    "{file}: no error at {path} with {fragment:?}:\n{listing}"
                );
            }
            other => panic!("{file}: unknown expectation {other}"),
        }
    }
}

#[test]
fn utf16_is_read_and_latin1_is_explained() {
    let text =
        decode_text(&std::fs::read(repo().join("tests/corpus/utf-16.json")).unwrap()).unwrap();
    assert_eq!(
        parse_dataset(&text).unwrap().dataset.title,
        "Coût £ per hour"
    );
    let error =
        decode_text(&std::fs::read(repo().join("tests/corpus/latin-1.json")).unwrap()).unwrap_err();
    assert!(error.message.contains("byte 0xA3"), "{error}");
    assert!(
        error.message.contains("save or export it as \"UTF-8\""),
        "{error}"
    );
    assert_eq!(error.line, Some(1));
}

#[test]
fn a_file_over_the_limit_is_refused_before_parsing() {
    let big = vec![b' '; MAX_INPUT_BYTES + 1];
    let error = decode_text(&big).unwrap_err();
    assert!(
        error.message.contains("Outturn reads files up to 50 MB"),
        "{error}"
    );
}

#[test]
fn ten_thousand_indicators_load_and_more_than_the_limit_is_refused() {
    let indicator = |i: usize| {
        format!(
            r#"{{"id":"i{i}","title":"Indicator {i}","unit":"hours","period":"quarter","year_value":"sum","years":[{{"year":"2024-25","budget":[1,2,3,4],"actual":[1,2,null,null]}}]}}"#
        )
    };
    let dataset = |count: usize| {
        let list: Vec<String> = (0..count).map(indicator).collect();
        format!(
            r#"{{"format":"outturn/1","title":"Many","indicators":[{}]}}"#,
            list.join(",")
        )
    };
    let parsed = parse_dataset(&dataset(10_000)).unwrap();
    assert_eq!(parsed.dataset.indicators.len(), 10_000);
    let error = parse_dataset(&dataset(20_001)).unwrap_err();
    assert!(
        error.diagnostics[0].message.contains("more than the 20000"),
        "{error}"
    );
}

#[test]
fn invisible_controls_become_visible() {
    let text = std::fs::read_to_string(repo().join("tests/corpus/bidi-controls.json")).unwrap();
    let parsed = parse_dataset(&text).unwrap();
    assert_eq!(
        parsed.dataset.indicators[0].title,
        "Care ⟨U+202E⟩ruoh⟨U+202C⟩ hours"
    );
}
