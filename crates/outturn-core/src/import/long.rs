//! The long CSV form of `outturn/1`: one row per indicator, year and
//! period, the indicator's fields repeated on each of its rows, and a few
//! rows of other kinds (`record`) for what is not a period: the dataset's
//! title, an indicator's notes, a year's printed totals and its forecast
//! rounds. `export_long_csv` writes a whole dataset this way and
//! `import_long_csv` reads it back, field for field (docs/import.md).
//!
//! In a period row an empty cell is a series the year does not have; `-`
//! is a figure not reported in a series it has.

use serde_json::{json, Map, Value};

use super::{csv_field, parse_uk_number, read_rows, ImportError};
use crate::model::{Dataset, Indicator, PeriodScheme, Series, YearFigures};

/// The columns, in the order `export_long_csv` writes them (benchmarks
/// follow, one column each: `benchmark: England average`).
pub const COLUMNS: [&str; 26] = [
    "record",
    "indicator",
    "title",
    "organisation",
    "group",
    "parent",
    "breakdown",
    "unit",
    "period",
    "year_value",
    "unit_cost",
    "polarity",
    "source",
    "year",
    "position",
    "period_label",
    "budget",
    "actual",
    "forecast",
    "target",
    "floor",
    "rag",
    "numerator",
    "denominator",
    "as_at",
    "text",
];

/// The series of a period row, by column name.
const SERIES: [&str; 7] = [
    "budget",
    "actual",
    "forecast",
    "target",
    "floor",
    "numerator",
    "denominator",
];

/// The fields every row of one indicator repeats.
const INDICATOR_FIELDS: [&str; 10] = [
    "title",
    "group",
    "parent",
    "breakdown",
    "unit",
    "period",
    "year_value",
    "unit_cost",
    "polarity",
    "source",
];

/// A number as written: the shortest form that reads back the same.
fn plain(value: f64) -> String {
    format!("{value}")
}

/// `month`, `quarter`, `term`, `year`, or `custom` (labels in the rows).
fn scheme_name(periods: &PeriodScheme) -> &'static str {
    match periods {
        PeriodScheme::Month => "month",
        PeriodScheme::Quarter => "quarter",
        PeriodScheme::Term => "term",
        PeriodScheme::Year => "year",
        PeriodScheme::Custom(_) => "custom",
    }
}

/// The series of `figures` a column names.
fn series<'a>(figures: &'a YearFigures, name: &str) -> &'a Option<Series> {
    match name {
        "budget" => &figures.budget,
        "actual" => &figures.actual,
        "forecast" => &figures.forecast,
        "target" => &figures.target,
        "floor" => &figures.floor,
        "numerator" => &figures.numerator,
        _ => &figures.denominator,
    }
}

/// `dataset` as long CSV (CRLF line ends, a header row first).
pub fn export_long_csv(dataset: &Dataset) -> String {
    let mut benchmarks: Vec<String> = Vec::new();
    for figures in dataset.indicators.iter().flat_map(|i| &i.years) {
        for b in &figures.benchmarks {
            if !benchmarks.contains(&b.label) {
                benchmarks.push(b.label.clone());
            }
        }
    }
    let width = COLUMNS.len() + benchmarks.len();
    let at = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap_or(0);
    let mut lines = Vec::new();
    let mut header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    header.extend(benchmarks.iter().map(|b| format!("benchmark: {b}")));
    lines.push(header);
    let row = |cells: Vec<(&str, String)>| {
        let mut line = vec![String::new(); width];
        for (name, value) in cells {
            if let Some(slot) = line.get_mut(at(name)) {
                *slot = value;
            }
        }
        line
    };
    let mut meta = vec![
        ("record", "dataset".to_string()),
        ("title", dataset.title.clone()),
    ];
    meta.extend(dataset.organisation.clone().map(|o| ("organisation", o)));
    meta.extend(dataset.source.clone().map(|s| ("source", s)));
    lines.push(row(meta));
    for indicator in &dataset.indicators {
        for note in &indicator.notes {
            lines.push(row(vec![
                ("record", "note".to_string()),
                ("indicator", indicator.id.clone()),
                ("text", note.clone()),
            ]));
        }
        for figures in &indicator.years {
            for period in 0..indicator.periods.len() {
                let mut cells = indicator_cells(indicator);
                cells.push(("year", figures.year.to_string()));
                cells.push(("position", (period + 1).to_string()));
                cells.push(("period_label", indicator.periods.short_label(period)));
                // A year added up from its parts is written as the data
                // gave it: without figures (reading it adds them up again).
                let given = figures.from_parts == 0;
                for name in SERIES.into_iter().filter(|_| given) {
                    if let Some(values) = series(figures, name) {
                        let value = values.get(period).copied().flatten();
                        cells.push((name, value.map_or("-".to_string(), plain)));
                    }
                }
                if let Some(rag) = &figures.rag {
                    let word = rag.get(period).copied().flatten();
                    cells.push((
                        "rag",
                        word.map_or("-".to_string(), |r| r.slug().to_string()),
                    ));
                }
                let mut line = row(cells);
                for b in &figures.benchmarks {
                    let column =
                        COLUMNS.len() + benchmarks.iter().position(|l| *l == b.label).unwrap_or(0);
                    let value = b.values.get(period).copied().flatten();
                    if let Some(slot) = line.get_mut(column) {
                        *slot = value.map_or("-".to_string(), plain);
                    }
                }
                lines.push(line);
            }
            let total = &figures.printed_total;
            if !total.is_empty() {
                let mut cells = vec![
                    ("record", "total".to_string()),
                    ("indicator", indicator.id.clone()),
                    ("year", figures.year.to_string()),
                ];
                cells.extend(total.budget.map(|v| ("budget", plain(v))));
                cells.extend(total.actual.map(|v| ("actual", plain(v))));
                cells.extend(total.forecast.map(|v| ("forecast", plain(v))));
                lines.push(row(cells));
            }
            for round in &figures.forecast_rounds {
                let mut cells = vec![
                    ("record", "round".to_string()),
                    ("indicator", indicator.id.clone()),
                    ("year", figures.year.to_string()),
                    ("as_at", round.as_at.to_string()),
                    ("forecast", plain(round.value)),
                ];
                cells.extend(round.label.clone().map(|l| ("text", l)));
                lines.push(row(cells));
            }
        }
    }
    let mut out = String::new();
    for line in lines {
        let cells: Vec<String> = line.iter().map(|c| csv_field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The fields of `indicator` every one of its period rows repeats.
fn indicator_cells(indicator: &Indicator) -> Vec<(&'static str, String)> {
    let mut cells = vec![
        ("record", "period".to_string()),
        ("indicator", indicator.id.clone()),
        ("title", indicator.title.clone()),
        ("unit", indicator.unit.label.clone()),
        ("period", scheme_name(&indicator.periods).to_string()),
        ("year_value", indicator.year_value.name().to_string()),
        ("polarity", indicator.polarity.slug().to_string()),
    ];
    let optional = [
        ("group", &indicator.group),
        ("parent", &indicator.parent),
        ("breakdown", &indicator.breakdown),
        ("unit_cost", &indicator.unit_cost),
        ("source", &indicator.source),
    ];
    cells.extend(
        optional
            .into_iter()
            .filter_map(|(name, value)| Some((name, value.clone()?))),
    );
    cells
}

/// The index of the item of `items` that `matches`, adding `make()` at
/// the end first when none does (indicators, years and series are kept in
/// the order the rows first give them).
fn found_or_added<T>(
    items: &mut Vec<T>,
    matches: impl Fn(&T) -> bool,
    make: impl FnOnce() -> T,
) -> usize {
    match items.iter().position(matches) {
        Some(at) => at,
        None => {
            items.push(make());
            items.len() - 1
        }
    }
}

/// The cell at `position` of a row of cells (empty ones added up to it).
fn cell_at<T: Clone>(cells: &mut Vec<Option<T>>, position: usize) -> Option<&mut Option<T>> {
    if cells.len() <= position {
        cells.resize(position + 1, None);
    }
    cells.get_mut(position)
}

/// One indicator as the rows give it, before it becomes JSON.
struct Building {
    id: String,
    fields: Map<String, Value>,
    /// Where each field was first given: (row, column), to name a conflict.
    given: Vec<(String, usize, usize)>,
    notes: Vec<Value>,
    /// Custom period labels by position.
    labels: Vec<Option<String>>,
    years: Vec<(String, YearBuild)>,
}

/// One year as the rows give it.
#[derive(Default)]
struct YearBuild {
    /// Each series' cells by position: `None` empty, `Some(None)` not
    /// reported, `Some(Some(v))` a figure.
    series: Vec<(String, Vec<Option<Option<f64>>>)>,
    rag: Vec<Option<Option<String>>>,
    total: Map<String, Value>,
    rounds: Vec<Value>,
}

impl YearBuild {
    fn set(&mut self, name: &str, position: usize, value: Option<Option<f64>>) {
        let slot = found_or_added(
            &mut self.series,
            |(n, _)| n == name,
            || (name.to_string(), Vec::new()),
        );
        if let Some(cell) = self
            .series
            .get_mut(slot)
            .and_then(|(_, cells)| cell_at(cells, position))
        {
            *cell = value;
        }
    }
}

/// Reads long CSV (`separator` `,` or tab) into an `outturn/1` document,
/// with warnings for the rows it leaves out; the document is read with
/// [`crate::parse_dataset`] to check it. Errors name their cells.
pub fn import_long_csv(
    text: &str,
    separator: char,
) -> Result<(Value, Vec<ImportError>), Vec<ImportError>> {
    let rows = read_rows(text, separator).map_err(|e| vec![e])?;
    let Some((header, body)) = rows.split_first() else {
        return Err(vec![ImportError::input(
            "the input is empty: paste or give a table with a header row",
        )]);
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    // Header names, lower case, trimmed; benchmarks by their label.
    let mut columns: Vec<String> = Vec::new();
    for (index, written) in header.iter().enumerate() {
        let name = crate::format::lower(written.trim());
        // A benchmark keeps its label as written.
        let name = match written.trim().split_once(':') {
            Some((kind, label)) if crate::format::lower(kind.trim()) == "benchmark" => {
                format!("benchmark:{}", label.trim())
            }
            _ => name,
        };
        let known = COLUMNS.contains(&name.as_str()) || name.starts_with("benchmark:");
        if !known {
            errors.push(ImportError::at(
                1,
                index,
                format!(
                    "{} is not a column of the long form (known: {}, and benchmark: LABEL)",
                    crate::format::quoted(&name),
                    COLUMNS.join(", ")
                ),
            ));
        } else if columns.contains(&name) {
            errors.push(ImportError::at(
                1,
                index,
                format!("the column {} is given twice", crate::format::quoted(&name)),
            ));
        }
        columns.push(name);
    }
    if !columns.iter().any(|c| c == "indicator") {
        errors.push(ImportError::row(
            1,
            "the header has no \"indicator\" column: every row says which indicator it is for",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let find = |name: &str| columns.iter().position(|c| c == name);
    let mut dataset = Map::new();
    let mut indicators: Vec<Building> = Vec::new();
    for (offset, cells) in body.iter().enumerate() {
        let line = offset + 2;
        let cell = |name: &str| -> (Option<usize>, String) {
            let at = find(name);
            let text = at
                .and_then(|i| cells.get(i))
                .map(|c| c.trim().to_string())
                .unwrap_or_default();
            (at, text)
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            warnings.push(ImportError::row(line, "a blank row is left out"));
            continue;
        }
        let record = cell("record").1;
        let record = if record.is_empty() {
            "period".to_string()
        } else {
            crate::format::lower(&record)
        };
        if record == "dataset" {
            for name in ["title", "organisation", "source"] {
                let (_, text) = cell(name);
                if !text.is_empty() {
                    dataset.insert(name.to_string(), json!(text));
                }
            }
            continue;
        }
        let (id_at, id) = cell("indicator");
        if id.is_empty() {
            errors.push(ImportError::at(
                line,
                id_at.unwrap_or(0),
                "the row names no indicator",
            ));
            continue;
        }
        let index = found_or_added(
            &mut indicators,
            |b| b.id == id,
            || Building {
                id: id.clone(),
                fields: Map::new(),
                given: Vec::new(),
                notes: Vec::new(),
                labels: Vec::new(),
                years: Vec::new(),
            },
        );
        let Some(building) = indicators.get_mut(index) else {
            continue;
        };
        match record.as_str() {
            "note" => {
                building.notes.push(json!(cell("text").1));
                continue;
            }
            "period" | "total" | "round" => {}
            other => {
                errors.push(ImportError::at(
                    line,
                    find("record").unwrap_or(0),
                    format!("{} is not a kind of row: use period (or leave it empty), total, round, note or dataset", crate::format::quoted(other)),
                ));
                continue;
            }
        }
        let (year_at, year) = cell("year");
        if year.is_empty() {
            errors.push(ImportError::at(
                line,
                year_at.unwrap_or(0),
                "the row gives no financial year (write it as 2011-12)",
            ));
            continue;
        }
        let year_index = found_or_added(
            &mut building.years,
            |(y, _)| *y == year,
            || (year.clone(), YearBuild::default()),
        );
        if record == "period" {
            for name in INDICATOR_FIELDS {
                let (at, text) = cell(name);
                let Some(at) = at else { continue };
                if text.is_empty() {
                    continue;
                }
                match building.given.iter().find(|(n, _, _)| n == name) {
                    Some((_, row, column)) => {
                        if building.fields.get(name) != Some(&json!(text)) {
                            errors.push(ImportError::at(
                                line,
                                at,
                                format!(
                                    "{} gives the {name} {}, but row {row}, column {} gave {}: an indicator's rows must agree",
                                    crate::format::quoted(&id),
                                    crate::format::quoted(&text),
                                    super::column_letters(*column),
                                    building.fields.get(name).map_or(String::new(), |v| v.to_string())
                                ),
                            ));
                        }
                    }
                    None => {
                        building.fields.insert(name.to_string(), json!(text));
                        building.given.push((name.to_string(), line, at));
                    }
                }
            }
            let (position_at, position) = cell("position");
            let Some(position) = position.parse::<usize>().ok().filter(|p| *p >= 1) else {
                errors.push(ImportError::at(
                    line,
                    position_at.unwrap_or(0),
                    format!(
                        "{} is not a period's position: number the periods of a year from 1",
                        crate::format::quoted(&position)
                    ),
                ));
                continue;
            };
            let position = position - 1;
            let label = cell("period_label").1;
            if let Some(slot) = cell_at(&mut building.labels, position) {
                if slot.is_none() && !label.is_empty() {
                    *slot = Some(label);
                }
            }
            let Some((_, figures)) = building.years.get_mut(year_index) else {
                continue;
            };
            for (column, name) in columns.iter().enumerate() {
                let text = cells.get(column).map(|c| c.trim()).unwrap_or("");
                let is_series = SERIES.contains(&name.as_str()) || name.starts_with("benchmark:");
                if is_series && !text.is_empty() {
                    match parse_uk_number(text) {
                        Ok(value) => figures.set(name, position, Some(value)),
                        Err(message) => errors.push(ImportError::at(line, column, message)),
                    }
                } else if name == "rag" && !text.is_empty() {
                    let word = crate::format::lower(text);
                    let value = (word != "-").then_some(word);
                    if let Some(slot) = cell_at(&mut figures.rag, position) {
                        *slot = Some(value);
                    }
                }
            }
        } else {
            let Some((_, figures)) = building.years.get_mut(year_index) else {
                continue;
            };
            if record == "total" {
                for name in ["budget", "actual", "forecast"] {
                    let (at, text) = cell(name);
                    match parse_uk_number(&text) {
                        Ok(Some(value)) => {
                            figures.total.insert(name.to_string(), json!(value));
                        }
                        Ok(None) => {}
                        Err(message) => {
                            errors.push(ImportError::at(line, at.unwrap_or(0), message))
                        }
                    }
                }
            } else {
                let (at, text) = cell("forecast");
                let value = match parse_uk_number(&text) {
                    Ok(Some(value)) => json!(value),
                    Ok(None) => {
                        errors.push(ImportError::at(
                            line,
                            at.unwrap_or(0),
                            "a round row needs its forecast in the forecast column",
                        ));
                        continue;
                    }
                    Err(message) => {
                        errors.push(ImportError::at(line, at.unwrap_or(0), message));
                        continue;
                    }
                };
                let mut round = Map::new();
                round.insert("as_at".to_string(), json!(cell("as_at").1));
                round.insert("value".to_string(), value);
                let label = cell("text").1;
                if !label.is_empty() {
                    round.insert("label".to_string(), json!(label));
                }
                figures.rounds.push(Value::Object(round));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if indicators.is_empty() {
        return Err(vec![ImportError::input(
            "the table has a header but no rows of figures",
        )]);
    }
    let list: Vec<Value> = indicators.into_iter().map(indicator_json).collect();
    if !dataset.contains_key("title") {
        dataset.insert("title".to_string(), json!("Imported data"));
    }
    dataset.insert("format".to_string(), json!("outturn/1"));
    dataset.insert("indicators".to_string(), Value::Array(list));
    Ok((Value::Object(dataset), warnings))
}

/// One indicator's JSON from its rows.
fn indicator_json(building: Building) -> Value {
    // Every series of a year has one entry per period: as many as the
    // highest position any row gave.
    let periods = building.labels.len();
    let mut map = building.fields;
    map.insert("id".to_string(), json!(building.id));
    if map.get("period") == Some(&json!("custom")) {
        map.remove("period");
        let labels: Vec<Value> = building
            .labels
            .iter()
            .map(|l| json!(l.clone().unwrap_or_default()))
            .collect();
        map.insert("periods".to_string(), Value::Array(labels));
    }
    if !building.notes.is_empty() {
        map.insert("notes".to_string(), Value::Array(building.notes));
    }
    let years: Vec<Value> = building
        .years
        .into_iter()
        .map(|(year, figures)| {
            let mut y = Map::new();
            y.insert("year".to_string(), json!(year));
            let mut benchmarks = Vec::new();
            for (name, cells) in figures.series {
                // A series the year has: every cell written, `-` for none.
                let mut values: Vec<Value> = cells
                    .iter()
                    .map(|c| c.flatten().map_or(Value::Null, |v| json!(v)))
                    .collect();
                values.resize(periods.max(values.len()), Value::Null);
                match name.strip_prefix("benchmark:") {
                    Some(label) => benchmarks.push(json!({"label": label, "values": values})),
                    None => {
                        y.insert(name, Value::Array(values));
                    }
                }
            }
            if !figures.rag.is_empty() {
                let mut words: Vec<Value> = figures
                    .rag
                    .iter()
                    .map(|w| w.clone().flatten().map_or(Value::Null, |w| json!(w)))
                    .collect();
                words.resize(periods.max(words.len()), Value::Null);
                y.insert("rag".to_string(), Value::Array(words));
            }
            if !benchmarks.is_empty() {
                y.insert("benchmarks".to_string(), Value::Array(benchmarks));
            }
            if !figures.total.is_empty() {
                y.insert("printed_total".to_string(), Value::Object(figures.total));
            }
            if !figures.rounds.is_empty() {
                y.insert("forecast_rounds".to_string(), Value::Array(figures.rounds));
            }
            Value::Object(y)
        })
        .collect();
    map.insert("years".to_string(), Value::Array(years));
    Value::Object(map)
}
