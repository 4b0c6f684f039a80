//! Any bytes through the importer as the command line and the page use it:
//! decoded, read as CSV, tab-separated text and report text, with options
//! drawn from the bytes (a period, a year, a map of a column), and when a
//! table comes out, read back as `outturn/1` and summarised. Any panic is
//! a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use outturn_core::analysis::CostConvention;
use outturn_core::import::{
    financial_year_name, import_text, ColumnMap, PeriodKind, Source, TableOptions,
};
use outturn_core::summary::summary_json;
use outturn_core::{decode_text, parse_dataset};

fuzz_target!(|bytes: &[u8]| {
    let Some((&knob, rest)) = bytes.split_first() else {
        return;
    };
    let Ok(text) = decode_text(rest) else {
        return;
    };
    let period = [None, Some(PeriodKind::Month), Some(PeriodKind::Quarter), Some(PeriodKind::Year)]
        [usize::from(knob % 4)];
    let maps = match knob / 4 % 4 {
        1 => vec![ColumnMap::parse("C=actual")],
        2 => vec![ColumnMap::parse("Budget=skip")],
        3 => vec![ColumnMap::parse("B=rag")],
        _ => vec![],
    }
    .into_iter()
    .flatten()
    .collect();
    let options = TableOptions {
        unit: (knob & 16 != 0).then(|| "hours".to_string()),
        period,
        year: (knob & 32 != 0).then(|| financial_year_name("2011-12")).flatten(),
        last_round: (knob & 64 != 0).then(|| "2012-03".to_string()),
        maps,
        ..TableOptions::default()
    };
    for source in [Source::Csv, Source::Tsv, Source::Report, Source::sniff(&text)] {
        let Ok(imported) = import_text(&text, source, &options) else {
            continue;
        };
        for warning in &imported.warnings {
            let _ = warning.to_string();
        }
        if let Some(recognition) = &imported.recognition {
            let _ = recognition.describe();
        }
        if let Ok(parsed) = parse_dataset(&imported.dataset.to_string()) {
            let _ = summary_json(&parsed.dataset, CostConvention::default()).to_string();
        }
    }
});
