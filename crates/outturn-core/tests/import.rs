//! The long CSV form: every shipped dataset (the Kent default, the
//! examples, the valid fixtures) written by `export_long_csv` and read back
//! by `import_long_csv` is the same dataset, field for field, with the same
//! `outturn summary --json`; and broken tables give located messages.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

mod common;

use outturn_core::analysis::CostConvention;
use outturn_core::import::{export_long_csv, import_long_csv};
use outturn_core::parse_dataset;
use outturn_core::summary::summary_json;

fn shipped() -> Vec<String> {
    let mut paths = Vec::new();
    for folder in ["assets", "docs/examples", "tests/fixtures/valid"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(folder);
        let mut found: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| format!("{folder}/{}", e.file_name().to_string_lossy()))
            .filter(|p| p.ends_with(".json"))
            .collect();
        outturn_core::order::sort_stable_by(&mut found, |a, b| a.cmp(b));
        paths.extend(found);
    }
    paths
}

#[test]
fn every_shipped_dataset_round_trips_through_long_csv() {
    let paths = shipped();
    assert!(paths.len() >= 8, "{paths:?}");
    for path in paths {
        let original = parse_dataset(&common::read(&path)).unwrap().dataset;
        let csv = export_long_csv(&original);
        let (document, warnings) = import_long_csv(&csv, ',').unwrap_or_else(|e| {
            panic!(
                "{path}: {}",
                e.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(warnings.is_empty(), "{path}: {warnings:?}");
        let back = parse_dataset(&document.to_string())
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .dataset;
        assert_eq!(
            back, original,
            "{path}: the dataset comes back field for field"
        );
        assert_eq!(
            summary_json(&back, CostConvention::default()),
            summary_json(&original, CostConvention::default()),
            "{path}"
        );
        // And the export of the import is the same text.
        assert_eq!(export_long_csv(&back), csv, "{path}");
    }
}

#[test]
fn a_table_with_problems_names_each_cell() {
    let errors = |text: &str| {
        import_long_csv(text, ',')
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        errors(""),
        ["the input is empty: paste or give a table with a header row"]
    );
    assert_eq!(
        errors("indicator,year,position,actual\n"),
        ["the table has a header but no rows of figures"]
    );
    let found = errors("indicator,year,position,colour\na,2011-12,1,red\n");
    assert!(
        found[0].starts_with("row 1, column D: \"colour\" is not a column of the long form"),
        "{found:?}"
    );
    let found = errors(
        "indicator,title,unit,period,year_value,year,position,actual\n\
         a,A,hours,quarter,sum,2011-12,1,12\n\
         a,A,hours,quarter,sum,2011-12,2,n/a\n\
         a,B,hours,quarter,sum,2011-12,3,14\n\
         a,A,hours,quarter,sum,,4,15\n\
         a,A,hours,quarter,sum,2011-12,zero,15\n",
    );
    assert_eq!(
        found,
        [
            "row 3, column H: \"n/a\" is not a number: write it as 1,234, -56.7, (1,234), £1.2m or 12.5%, or - where no figure was reported",
            "row 4, column B: \"a\" gives the title \"B\", but row 2, column B gave \"A\": an indicator's rows must agree",
            "row 5, column F: the row gives no financial year (write it as 2011-12)",
            "row 6, column G: \"zero\" is not a period's position: number the periods of a year from 1",
        ]
    );
    // UK numbers as printed are read; a blank row is left out, and said so.
    let (document, warnings) = import_long_csv(
        "indicator,title,unit,period,year_value,year,position,budget,actual\n\
         a,A,£k,quarter,sum,2011-12,1,\"1,200\",(50)\n\
         \n\
         a,A,£k,quarter,sum,2011-12,2,\"£1,250\",-\n\
         a,A,£k,quarter,sum,2011-12,3,1250,\n\
         a,A,£k,quarter,sum,2011-12,4,1250,\n",
        ',',
    )
    .unwrap();
    assert_eq!(
        warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
        ["row 3: a blank row is left out"]
    );
    let d = parse_dataset(&document.to_string()).unwrap().dataset;
    let figures = &d.indicators[0].years[0];
    assert_eq!(
        figures.budget,
        Some(vec![Some(1200.0), Some(1250.0), Some(1250.0), Some(1250.0)])
    );
    assert_eq!(figures.actual, Some(vec![Some(-50.0), None, None, None]));
}
