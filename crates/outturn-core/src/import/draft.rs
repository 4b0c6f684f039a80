//! The page's "Add your data" panel as a state and its actions, so that
//! what the reader pastes and corrects is read exactly as the command line
//! reads it (the same [`import_text`] with the same [`TableOptions`]), and
//! the panel's logic is tested natively. The Yew layer only shows a
//! [`Draft`] and sends [`DraftAction`]s.

use serde_json::Value;

use crate::model::{FinancialYear, Polarity, YearValue};
use crate::{parse_dataset, Dataset};

use super::options::{ColumnMap, ColumnRef, PeriodKind, Series, TableOptions};
use super::periods::financial_year_name;
use super::source::{import_text, Imported, Source};
use super::table::{Layout, ReadBy};
use super::ImportError;

/// What the reader has pasted and said about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// The pasted (or dropped) text.
    pub text: String,
    /// How to read it; `None` for "as it plainly is" ([`Source::sniff`]).
    pub source: Option<Source>,
    /// The options, as the command line's.
    pub options: TableOptions,
    /// The financial year field as typed (it is an option only once it
    /// reads as a year).
    pub year_text: String,
}

/// A change the reader makes in the panel.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftAction {
    /// New text was pasted, typed or dropped.
    SetText(String),
    /// Read the text as this (or, `None`, as it plainly is).
    SetSource(Option<Source>),
    /// The id field (empty: from the title).
    SetId(String),
    /// The title field (empty: the table's heading).
    SetTitle(String),
    /// The unit field (empty: from the headers).
    SetUnit(String),
    /// How each year is split (`None`: as the period names say).
    SetPeriod(Option<PeriodKind>),
    /// How a year adds up (`None`: as the printed totals show).
    SetYearValue(Option<YearValue>),
    /// Which way is better (`None`: the format's default).
    SetPolarity(Option<Polarity>),
    /// The financial year field, for a table that names none.
    SetYear(String),
    /// What a column holds: by letter (periods down) or by its label
    /// (periods across); `None` puts it back to what its header says.
    MapColumn {
        /// The column or row.
        column: ColumnRef,
        /// What it holds, or `None` for its header's reading.
        series: Option<Series>,
    },
    /// Start again with nothing pasted.
    Clear,
}

/// What the draft reads as: the import (with the dataset it gives, checked)
/// or the problems that stop it.
#[derive(Debug, Clone)]
pub struct DraftReading {
    /// How the text was read.
    pub source: Source,
    /// The import, or every problem with its cell.
    pub outcome: Result<DraftDataset, Vec<ImportError>>,
}

/// A draft that imported: the import, its checked dataset, and the
/// `outturn/1` text to download, identical to `outturn import`'s output.
#[derive(Debug, Clone)]
pub struct DraftDataset {
    /// What was imported, with its warnings and recognition.
    pub imported: Imported,
    /// The dataset, checked as any file is.
    pub dataset: Dataset,
    /// The JSON text, as the command line writes it.
    pub json: String,
}

impl Draft {
    /// Applies one change.
    pub fn apply(&mut self, action: DraftAction) {
        let text = |value: String| {
            let trimmed = value.trim().to_string();
            (!trimmed.is_empty()).then_some(trimmed)
        };
        match action {
            DraftAction::SetText(value) => self.text = value,
            DraftAction::SetSource(source) => self.source = source,
            DraftAction::SetId(value) => self.options.id = text(value),
            DraftAction::SetTitle(value) => self.options.title = text(value),
            DraftAction::SetUnit(value) => self.options.unit = text(value),
            DraftAction::SetPeriod(period) => self.options.period = period,
            DraftAction::SetYearValue(value) => self.options.year_value = value,
            DraftAction::SetPolarity(value) => self.options.polarity = value,
            DraftAction::SetYear(value) => {
                self.options.year = financial_year_name(&value);
                self.year_text = value;
            }
            DraftAction::MapColumn { column, series } => {
                self.options.maps.retain(|map| map.column != column);
                if let Some(series) = series {
                    self.options.maps.push(ColumnMap { column, series });
                }
            }
            DraftAction::Clear => *self = Draft::default(),
        }
    }

    /// Whether there is anything to read.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The financial year field, when it has text that is not a year.
    pub fn year_problem(&self) -> Option<String> {
        let typed = self.year_text.trim();
        (!typed.is_empty() && self.options.year.is_none()).then(|| {
            format!(
                "{} is not a financial year: write it as 2011-12",
                crate::format::quoted(typed)
            )
        })
    }

    /// Reads the draft as the command line would, and checks the dataset.
    pub fn read(&self) -> DraftReading {
        let source = self.source.unwrap_or_else(|| Source::sniff(&self.text));
        let outcome = import_text(&self.text, source, &self.options).and_then(|imported| {
            let json = dataset_text(&imported.dataset);
            match parse_dataset(&json) {
                Ok(parsed) => Ok(DraftDataset {
                    dataset: parsed.dataset,
                    imported,
                    json,
                }),
                Err(error) => Err(error
                    .errors()
                    .map(|d| ImportError::input(d.to_string()))
                    .collect()),
            }
        });
        DraftReading { source, outcome }
    }

    /// The series a column is mapped to, if the reader mapped it.
    pub fn mapped(&self, column: &ColumnRef) -> Option<Series> {
        self.options
            .maps
            .iter()
            .find(|map| &map.column == column)
            .map(|map| map.series)
    }

    /// The command that gives the same dataset from the same table saved
    /// as `table.txt`: what the panel did, to do again on the command line.
    pub fn command(&self) -> String {
        let mut words = vec!["outturn import table.txt".to_string()];
        let source = self.source.unwrap_or_else(|| Source::sniff(&self.text));
        words.push(format!("--from {}", source.name()));
        let quote = |value: &str| {
            if value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.£%=".contains(c))
            {
                value.to_string()
            } else {
                format!("'{}'", value.replace('\'', "'\\''"))
            }
        };
        let options = &self.options;
        let fields: [(&str, Option<String>); 7] = [
            ("--id", options.id.clone()),
            ("--title", options.title.clone()),
            ("--unit", options.unit.clone()),
            ("--period", options.period.map(|p| p.name().to_string())),
            (
                "--year-value",
                options.year_value.map(|v| v.name().to_string()),
            ),
            ("--polarity", options.polarity.map(|p| p.slug().to_string())),
            ("--year", options.year.map(|y: FinancialYear| y.to_string())),
        ];
        for (flag, value) in fields {
            if let Some(value) = value {
                words.push(format!("{flag} {}", quote(&value)));
            }
        }
        for map in &options.maps {
            words.push(format!("--map {}", quote(&map.to_string())));
        }
        words.push("-o data.json".to_string());
        words.join(" ")
    }
}

/// An `outturn/1` document as the command line writes it: pretty-printed
/// JSON and a final newline. The page's download is this text too, so the
/// two are byte for byte the same.
pub fn dataset_text(document: &Value) -> String {
    let mut text = serde_json::to_string_pretty(document).unwrap_or_else(|_| document.to_string());
    text.push('\n');
    text
}

/// The HTML a web team pastes into a page to show a dataset: the script,
/// a host element, and the data inline in an `application/json` script
/// (its `</` written `<\/` so that no text in it can end the script).
pub fn embed_snippet(json: &str, id: &str, script: &str) -> String {
    let compact = serde_json::from_str::<Value>(json)
        .map(|value| value.to_string())
        .unwrap_or_else(|_| json.trim().to_string());
    let safe = compact.replace("</", "<\\/");
    let element = format!("outturn-data-{}", super::words::slug(id, 40));
    format!(
        "<script type=\"module\" src=\"{script}\"></script>\n<div class=\"outturn\" data-src=\"#{element}\"></div>\n<script type=\"application/json\" id=\"{element}\">{safe}</script>\n"
    )
}

/// What the panel shows of a reading: everything as text, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelReading {
    /// How the text was read.
    pub source: Source,
    /// The import, or every problem, each naming its cell.
    pub outcome: Result<PanelImport, Vec<String>>,
}

/// An import as the panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelImport {
    /// The `outturn/1` text (what "Download" saves).
    pub json: String,
    /// The first indicator's id (names the download and the embed code).
    pub first_id: String,
    /// How many indicators.
    pub count: usize,
    /// How it was read, line by line ([`super::Recognition::describe`]).
    pub described: Vec<String>,
    /// Each column (or row, periods across) and what it holds.
    pub lines: Vec<PanelLine>,
    /// What was left out or flagged.
    pub warnings: Vec<String>,
}

/// One column (or row) as the panel's table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelLine {
    /// "C", or "Row 9" with periods across.
    pub name: String,
    /// What a correction of it names.
    pub column: ColumnRef,
    /// Its header text.
    pub header: String,
    /// Its year, if its header gives one.
    pub year: String,
    /// What its header says it holds (`None` when a correction says).
    pub read_as: Option<Series>,
    /// The indicator it went into ("left out" for none).
    pub indicator: String,
}

impl PanelReading {
    /// The panel's view of a reading.
    pub fn of(reading: &DraftReading) -> PanelReading {
        let outcome = match &reading.outcome {
            Err(problems) => Err(problems.iter().map(ToString::to_string).collect()),
            Ok(done) => {
                let recognition = done.imported.recognition.as_ref();
                let lines = recognition
                    .map(|recognition| {
                        recognition
                            .lines
                            .iter()
                            .map(|line| {
                                let (name, column) = match recognition.layout {
                                    Layout::PeriodsAcross => (
                                        format!("Row {}", line.place.row),
                                        ColumnRef::Header(line.header.clone()),
                                    ),
                                    _ => (
                                        super::column_letters(line.place.column),
                                        ColumnRef::Letter(line.place.column),
                                    ),
                                };
                                PanelLine {
                                    name,
                                    column,
                                    header: line.header.clone(),
                                    year: line.year.clone().unwrap_or_default(),
                                    read_as: (line.by != ReadBy::Map).then_some(line.series),
                                    indicator: line
                                        .indicator
                                        .clone()
                                        .unwrap_or_else(|| "left out".to_string()),
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                Ok(PanelImport {
                    json: done.json.clone(),
                    first_id: done
                        .dataset
                        .indicators
                        .first()
                        .map(|i| i.id.clone())
                        .unwrap_or_else(|| "data".to_string()),
                    count: done.dataset.indicators.len(),
                    described: recognition.map(|r| r.describe()).unwrap_or_default(),
                    lines,
                    warnings: done
                        .imported
                        .warnings
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                })
            }
        };
        PanelReading {
            source: reading.source,
            outcome,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "Waste tonnage\n\n\t2010-11\t\t2011-12\t\n\tAffordable level\tActual\tAffordable level\tActual\nApril\t57,000\t55,975\t57,687\t51,901\nMay\t62,000\t62,354\t64,261\t63,168\nTOTAL\t119,000\t118,329\t121,948\t115,069\n";

    #[test]
    fn a_draft_reads_as_the_command_line_reads_and_corrections_apply() {
        let mut draft = Draft::default();
        assert!(draft.is_empty());
        draft.apply(DraftAction::SetText(TABLE.to_string()));
        draft.apply(DraftAction::SetId("waste".into()));
        draft.apply(DraftAction::SetUnit(" tonnes ".into()));
        draft.apply(DraftAction::SetPeriod(Some(PeriodKind::Month)));
        let reading = draft.read();
        assert_eq!(reading.source, Source::Tsv);
        let done = reading.outcome.unwrap();
        assert_eq!(done.dataset.indicators[0].id, "waste");
        assert_eq!(done.dataset.indicators[0].unit.label, "tonnes");
        // The same text and options through import_text give the same JSON.
        let direct = import_text(TABLE, Source::Tsv, &draft.options).unwrap();
        assert_eq!(done.json, dataset_text(&direct.dataset));
        // Correct column C (2010-11 actual) to a forecast: the JSON follows.
        draft.apply(DraftAction::MapColumn {
            column: ColumnRef::Letter(2),
            series: Some(Series::Forecast),
        });
        let json = draft.read().outcome.unwrap().json;
        assert!(json.contains("\"forecast\""));
        assert_eq!(
            draft.command(),
            "outturn import table.txt --from tsv --id waste --unit tonnes --period month --map C=forecast -o data.json"
        );
        // And back to what the header says.
        draft.apply(DraftAction::MapColumn {
            column: ColumnRef::Letter(2),
            series: None,
        });
        assert!(draft.options.maps.is_empty());
        draft.apply(DraftAction::SetYear("2011/2".into()));
        assert!(draft
            .year_problem()
            .unwrap()
            .contains("not a financial year"));
        draft.apply(DraftAction::Clear);
        assert_eq!(draft, Draft::default());
    }

    #[test]
    fn a_corrected_draft_reads_as_the_panel_shows_it() {
        let mut draft = Draft::default();
        draft.apply(DraftAction::SetText(TABLE.to_string()));
        draft.apply(DraftAction::SetId("waste".into()));
        draft.apply(DraftAction::SetUnit("tonnes".into()));
        draft.apply(DraftAction::SetPeriod(Some(PeriodKind::Month)));
        draft.apply(DraftAction::SetPolarity(Some(Polarity::LowerIsBetter)));
        draft.apply(DraftAction::SetYearValue(Some(YearValue::Sum)));
        draft.apply(DraftAction::SetYear("2011-12".into()));
        draft.apply(DraftAction::SetSource(Some(Source::Tsv)));
        draft.apply(DraftAction::MapColumn {
            column: ColumnRef::Letter(2),
            series: Some(Series::Forecast),
        });
        draft.apply(DraftAction::MapColumn {
            column: ColumnRef::Header("Affordable level".into()),
            series: Some(Series::Budget),
        });
        let import = PanelReading::of(&draft.read()).outcome.unwrap();
        assert_eq!(import.first_id, "waste");
        assert!(import
            .lines
            .iter()
            .any(|l| l.name == "C" && l.read_as.is_none()));
        // A refusal names its cells.
        draft.apply(DraftAction::SetText(TABLE.replace("63,168", "n/a")));
        let problems = PanelReading::of(&draft.read()).outcome.unwrap_err();
        assert!(problems[0].starts_with("row 6, column E:"));
    }

    #[test]
    fn problems_come_back_with_their_cells() {
        let mut draft = Draft::default();
        draft.apply(DraftAction::SetText(TABLE.replace("63,168", "n/a")));
        draft.apply(DraftAction::SetUnit("tonnes".into()));
        let problems = draft.read().outcome.unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "row 6, column E: \"n/a\" is not a number: write it as 1,234, -56.7, (1,234), £1.2m or 12.5%, or - where no figure was reported"
        );
    }

    #[test]
    fn the_embed_code_carries_the_data_inline_and_safely() {
        let json = "{\"format\": \"outturn/1\", \"title\": \"</script><b>\"}";
        let snippet = embed_snippet(json, "Waste tonnage", "/outturn/outturn.js");
        assert!(
            snippet.starts_with("<script type=\"module\" src=\"/outturn/outturn.js\"></script>\n")
        );
        assert!(snippet
            .contains("<div class=\"outturn\" data-src=\"#outturn-data-waste-tonnage\"></div>"));
        assert!(
            snippet.contains("{\"format\":\"outturn/1\",\"title\":\"<\\/script><b>\"}</script>")
        );
        assert_eq!(snippet.matches("</script>").count(), 2);
    }
}
