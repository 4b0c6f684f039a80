//! `outturn/1` JSON → [`Dataset`], reporting every problem at once.
//!
//! The text is first read as generic JSON (syntax errors carry line and
//! column), then walked by hand so that each problem names its JSON path and,
//! where it can, the fix. Unknown fields are warnings; anything that would make
//! a figure wrong is an error. No input panics.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::{Map, Value};

use super::{
    Dataset, Diagnostic, FinancialYear, Indicator, PeriodScheme, PrintedTotal, Series, Unit,
    YearFigures, YearValue,
};

/// The only format version this build reads.
pub const FORMAT: &str = "outturn/1";

/// Largest input accepted, in bytes (50 MiB). Larger inputs are refused
/// before parsing so that a tab never freezes on them.
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// A dataset that loaded, with the warnings found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The validated dataset.
    pub dataset: Dataset,
    /// Problems that did not stop loading (unknown fields and the like).
    pub warnings: Vec<Diagnostic>,
}

/// Why a dataset did not load: every problem found, errors and warnings,
/// in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// All problems found; at least one is an error.
    pub diagnostics: Vec<Diagnostic>,
}

impl ParseError {
    /// The errors alone.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors().count();
        write!(
            f,
            "the data has {count} problem{}",
            if count == 1 { "" } else { "s" }
        )?;
        if let Some(first) = self.errors().next() {
            write!(f, "; first: {first}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

/// Parses and validates an `outturn/1` document.
///
/// A leading UTF-8 byte-order mark is ignored. Returns the dataset and its
/// warnings, or every problem found.
pub fn parse_dataset(text: &str) -> Result<Parsed, ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError {
            diagnostics: vec![Diagnostic::error(
                "$",
                format!(
                    "the file is {:.1} MB; Outturn reads files up to {} MB. Split it into several datasets",
                    text.len() as f64 / 1_048_576.0,
                    MAX_INPUT_BYTES / 1_048_576
                ),
            )],
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document: Value = match serde_json::from_str(text) {
        Ok(document) => document,
        Err(error) => return Err(syntax_error(&error)),
    };
    let mut checker = Checker::default();
    let dataset = checker.dataset(&document);
    // Document order: by the indices in each path (indicator, year, entry);
    // the sort is stable, so problems at one place keep the order found.
    checker
        .diagnostics
        .sort_by_cached_key(|d| path_indices(&d.path));
    let has_errors = checker.diagnostics.iter().any(Diagnostic::is_error);
    match dataset {
        Some(dataset) if !has_errors => Ok(Parsed {
            dataset,
            warnings: checker.diagnostics,
        }),
        _ => Err(ParseError {
            diagnostics: checker.diagnostics,
        }),
    }
}

/// The list indices in a JSON path, in order: `indicators[3].years[1]` → [3, 1].
fn path_indices(path: &str) -> Vec<usize> {
    path.split('[')
        .skip(1)
        .filter_map(|part| part.split(']').next()?.parse().ok())
        .collect()
}

fn syntax_error(error: &serde_json::Error) -> ParseError {
    let full = error.to_string();
    // serde_json appends " at line L column C"; we report those separately.
    let reason = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(reason, _)| reason);
    let message = match error.classify() {
        serde_json::error::Category::Eof => {
            "the JSON ends too early: the file looks truncated (a closing } or ] is missing)"
                .to_string()
        }
        _ if reason.contains("recursion limit") => {
            "the JSON is nested too deeply (more than 128 levels); outturn/1 needs 5".to_string()
        }
        _ => format!("this is not valid JSON: {reason}"),
    };
    let mut diagnostic = Diagnostic::error("$", message);
    diagnostic.line = Some(error.line());
    diagnostic.column = Some(error.column());
    ParseError {
        diagnostics: vec![diagnostic],
    }
}

/// Walks a JSON document, collecting diagnostics as it builds the model.
#[derive(Default)]
struct Checker {
    diagnostics: Vec<Diagnostic>,
}

/// `a` + `b` → `a.b` (or `b` at the root).
fn child(path: &str, key: &str) -> String {
    if path.is_empty() || path == "$" {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn item(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// Plain-English name of a JSON value for messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "..." } else { "" };
            format!("the text {:?}", format!("{shown}{more}"))
        }
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Checker {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::error(path, message));
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::warning(path, message));
    }

    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.error(
                    if path.is_empty() { "$" } else { path },
                    format!("expected {what} (a JSON object), found {}", describe(other)),
                );
                None
            }
        }
    }

    fn unknown_fields(&mut self, map: &Map<String, Value>, known: &[&str], path: &str) {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.warning(
                    child(path, key),
                    format!(
                        "unknown field {key:?} is ignored (known fields here: {})",
                        known.join(", ")
                    ),
                );
            }
        }
    }

    /// A string field; `required` adds an error when it is missing.
    fn text(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<String> {
        match map.get(key) {
            Some(Value::String(text)) => Some(text.clone()),
            Some(Value::Null) | None if !required => None,
            None => {
                self.error(
                    child(path, key),
                    format!("the required field {key:?} is missing"),
                );
                None
            }
            Some(other) => {
                self.error(
                    child(path, key),
                    format!("expected text in quotes, found {}", describe(other)),
                );
                None
            }
        }
    }

    fn dataset(&mut self, document: &Value) -> Option<Dataset> {
        let root = self.object(document, "$", "an outturn/1 dataset")?;
        self.unknown_fields(
            root,
            &["format", "title", "organisation", "source", "indicators"],
            "",
        );
        match root.get("format") {
            Some(Value::String(format)) if format == FORMAT => {}
            Some(Value::String(format)) if format.starts_with("outturn/") => self.error(
                "format",
                format!("this file is in {format:?}, which this version of Outturn does not read; it reads {FORMAT:?}"),
            ),
            Some(other) => self.error(
                "format",
                format!("expected \"{FORMAT}\", found {}", describe(other)),
            ),
            None => self.error(
                "format",
                format!("the required field \"format\" is missing: add \"format\": \"{FORMAT}\""),
            ),
        }
        let title = self.text(root, "title", "", true);
        let organisation = self.text(root, "organisation", "", false);
        let source = self.text(root, "source", "", false);
        let indicators = match root.get("indicators") {
            Some(Value::Array(list)) if list.is_empty() => {
                self.error(
                    "indicators",
                    "the list of indicators is empty: a dataset needs at least one",
                );
                None
            }
            Some(Value::Array(list)) => Some(self.indicators(list)),
            Some(other) => {
                self.error(
                    "indicators",
                    format!("expected a list of indicators, found {}", describe(other)),
                );
                None
            }
            None => {
                self.error("indicators", "the required field \"indicators\" is missing");
                None
            }
        }?;
        Some(Dataset {
            title: title?,
            organisation,
            source,
            indicators,
        })
    }

    fn indicators(&mut self, list: &[Value]) -> Vec<Indicator> {
        // Ids as written, even in indicators with other errors, so that a
        // duplicate or a dangling unit_cost is reported alongside them.
        let raw_id = |value: &Value, key: &str| -> Option<String> {
            value.get(key).and_then(Value::as_str).map(str::to_string)
        };
        let mut first_use: HashMap<String, usize> = HashMap::new();
        let mut duplicate = vec![false; list.len()];
        for (index, value) in list.iter().enumerate() {
            if let Some(id) = raw_id(value, "id") {
                match first_use.get(&id) {
                    Some(first) => {
                        self.error(
                            child(&item("indicators", index), "id"),
                            format!("the id {id:?} is already used by indicators[{first}]; ids must be unique"),
                        );
                        duplicate[index] = true;
                    }
                    None => {
                        first_use.insert(id, index);
                    }
                }
            }
        }
        for (index, value) in list.iter().enumerate() {
            if let Some(target) = raw_id(value, "unit_cost") {
                if is_id(&target) && !first_use.contains_key(&target) {
                    self.error(
                        child(&item("indicators", index), "unit_cost"),
                        format!("no indicator has the id {target:?}"),
                    );
                }
            }
        }
        let mut indicators = Vec::with_capacity(list.len());
        // Index into `list` of each accepted indicator, for cross-reference paths.
        let mut positions = Vec::with_capacity(list.len());
        for (index, value) in list.iter().enumerate() {
            let path = item("indicators", index);
            if let Some(indicator) = self.indicator(value, &path) {
                if !duplicate[index] {
                    indicators.push(indicator);
                    positions.push(index);
                }
            }
        }
        self.unit_costs(&indicators, &positions);
        indicators
    }

    /// Cross-checks each `unit_cost`: the target exists, is another indicator
    /// with the same periods, is a price, and no chain of them loops.
    fn unit_costs(&mut self, indicators: &[Indicator], positions: &[usize]) {
        let by_id: HashMap<&str, &Indicator> =
            indicators.iter().map(|i| (i.id.as_str(), i)).collect();
        for (indicator, &index) in indicators.iter().zip(positions) {
            let Some(target_id) = &indicator.unit_cost else {
                continue;
            };
            let path = child(&item("indicators", index), "unit_cost");
            // A missing target was reported from the raw ids already.
            let Some(target) = by_id.get(target_id.as_str()) else {
                continue;
            };
            if target.id == indicator.id {
                self.error(path, "an indicator cannot be its own unit cost");
                continue;
            }
            if target.periods != indicator.periods {
                self.error(
                    path,
                    format!(
                        "{target_id:?} is reported by {} but this indicator by {}; a unit cost must use the same periods",
                        target.periods.noun(),
                        indicator.periods.noun()
                    ),
                );
                continue;
            }
            // Follow the chain; a revisit means a cycle.
            let mut visited: HashSet<&str> = HashSet::from([indicator.id.as_str()]);
            let mut next = target.unit_cost.as_deref();
            while let Some(id) = next {
                if !visited.insert(id) {
                    self.error(
                        path.clone(),
                        format!("unit costs form a loop through {id:?}; a unit cost must not lead back to its indicator"),
                    );
                    break;
                }
                next = by_id.get(id).and_then(|i| i.unit_cost.as_deref());
            }
            if !target.unit.is_money() {
                self.warning(
                    path,
                    format!(
                        "{target_id:?} has the unit {:?}, not a price in pounds such as \"£ per hour\"; no cost effect can be worked out",
                        target.unit.label
                    ),
                );
            }
        }
    }

    fn indicator(&mut self, value: &Value, path: &str) -> Option<Indicator> {
        let map = self.object(value, path, "an indicator")?;
        self.unknown_fields(
            map,
            &[
                "id",
                "title",
                "group",
                "unit",
                "period",
                "periods",
                "year_value",
                "unit_cost",
                "years",
                "notes",
                "source",
            ],
            path,
        );
        let id = self.text(map, "id", path, true);
        if let Some(id) = &id {
            if !is_id(id) {
                self.error(
                    child(path, "id"),
                    format!(
                        "the id {id:?} may use only a-z, 0-9 and - (for example \"waste-tonnage\")"
                    ),
                );
            }
        }
        let title = self.text(map, "title", path, true);
        if title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            self.error(child(path, "title"), "the title is empty");
        }
        let group = self.text(map, "group", path, false);
        let unit = self.text(map, "unit", path, true);
        let periods = self.period_scheme(map, path);
        let year_value = self.year_value(map, path);
        let unit_cost = self.text(map, "unit_cost", path, false);
        if let Some(target) = &unit_cost {
            if !is_id(target) {
                self.error(
                    child(path, "unit_cost"),
                    format!("{target:?} is not an indicator id"),
                );
            }
        }
        let notes = self.notes(map, path);
        let source = self.text(map, "source", path, false);
        let years = match (&periods, map.get("years")) {
            (_, None) => {
                self.error(
                    child(path, "years"),
                    "the required field \"years\" is missing",
                );
                None
            }
            (_, Some(Value::Array(list))) if list.is_empty() => {
                self.error(
                    child(path, "years"),
                    "the list of years is empty: give at least one year",
                );
                None
            }
            (Some(periods), Some(Value::Array(list))) => {
                self.years(list, &child(path, "years"), periods)
            }
            // Without a period scheme the lengths cannot be checked; the
            // scheme's own error has been reported.
            (None, Some(Value::Array(_))) => None,
            (_, Some(other)) => {
                self.error(
                    child(path, "years"),
                    format!("expected a list of years, found {}", describe(other)),
                );
                None
            }
        };
        Some(Indicator {
            id: id?,
            title: title?,
            group,
            unit: Unit::parse(&unit?),
            periods: periods?,
            year_value: year_value?,
            unit_cost,
            years: years?,
            notes,
            source,
        })
    }

    fn period_scheme(&mut self, map: &Map<String, Value>, path: &str) -> Option<PeriodScheme> {
        match (map.get("period"), map.get("periods")) {
            (Some(_), Some(_)) => {
                self.error(
                    child(path, "periods"),
                    "give either \"period\" or \"periods\", not both",
                );
                None
            }
            (None, None) => {
                self.error(
                    child(path, "period"),
                    "the required field \"period\" is missing: use \"month\", \"quarter\", \"term\" or \"year\", or give \"periods\" labels",
                );
                None
            }
            (Some(Value::String(name)), None) => match PeriodScheme::from_name(name) {
                Some(scheme) => Some(scheme),
                None => {
                    self.error(
                        child(path, "period"),
                        format!("{name:?} is not a period: use \"month\", \"quarter\", \"term\" or \"year\""),
                    );
                    None
                }
            },
            (Some(other), None) => {
                self.error(
                    child(path, "period"),
                    format!(
                        "expected \"month\", \"quarter\", \"term\" or \"year\", found {}",
                        describe(other)
                    ),
                );
                None
            }
            (None, Some(Value::Array(labels))) if !labels.is_empty() => {
                let path = child(path, "periods");
                let mut texts = Vec::with_capacity(labels.len());
                for (index, label) in labels.iter().enumerate() {
                    match label {
                        Value::String(text) if !text.trim().is_empty() => texts.push(text.clone()),
                        other => self.error(
                            item(&path, index),
                            format!("expected a period label as text, found {}", describe(other)),
                        ),
                    }
                }
                (texts.len() == labels.len()).then_some(PeriodScheme::Custom(texts))
            }
            (None, Some(other)) => {
                self.error(
                    child(path, "periods"),
                    format!(
                        "expected a list of at least one period label, found {}",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    fn year_value(&mut self, map: &Map<String, Value>, path: &str) -> Option<YearValue> {
        let word = self.text(map, "year_value", path, true)?;
        let value = match word.as_str() {
            "sum" => YearValue::Sum,
            "last" => YearValue::Last,
            "mean" => YearValue::Mean,
            "none" => YearValue::None,
            _ => {
                self.error(
                    child(path, "year_value"),
                    format!("{word:?} is not a way to total a year: use \"sum\" (flows), \"last\" (snapshots), \"mean\" or \"none\""),
                );
                return None;
            }
        };
        Some(value)
    }

    fn notes(&mut self, map: &Map<String, Value>, path: &str) -> Vec<String> {
        match map.get("notes") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => {
                let path = child(path, "notes");
                let mut notes = Vec::with_capacity(list.len());
                for (index, note) in list.iter().enumerate() {
                    match note {
                        Value::String(text) => notes.push(text.clone()),
                        other => self.error(
                            item(&path, index),
                            format!("expected a note as text, found {}", describe(other)),
                        ),
                    }
                }
                notes
            }
            Some(other) => {
                self.error(
                    child(path, "notes"),
                    format!("expected a list of notes (text), found {}", describe(other)),
                );
                Vec::new()
            }
        }
    }

    fn years(
        &mut self,
        list: &[Value],
        path: &str,
        periods: &PeriodScheme,
    ) -> Option<Vec<YearFigures>> {
        let mut years = Vec::with_capacity(list.len());
        let mut complete = true;
        let mut previous: Option<FinancialYear> = None;
        for (index, value) in list.iter().enumerate() {
            let path = item(path, index);
            let Some(figures) = self.year(value, &path, periods) else {
                complete = false;
                continue;
            };
            if let Some(previous) = previous {
                if figures.year != previous.next() {
                    let problem = if figures.year <= previous {
                        "years must be listed oldest first, each once"
                    } else {
                        "years must be consecutive (add the missing years, with null values if need be)"
                    };
                    self.error(
                        child(&path, "year"),
                        format!("{} follows {previous}: {problem}", figures.year),
                    );
                    complete = false;
                }
            }
            previous = Some(figures.year);
            years.push(figures);
        }
        complete.then_some(years)
    }

    fn year(&mut self, value: &Value, path: &str, periods: &PeriodScheme) -> Option<YearFigures> {
        let map = self.object(value, path, "a year")?;
        self.unknown_fields(
            map,
            &["year", "budget", "actual", "forecast", "printed_total"],
            path,
        );
        let label = self.text(map, "year", path, true);
        let year = label.and_then(|label| {
            let year = FinancialYear::parse(&label);
            if year.is_none() {
                self.error(
                    child(path, "year"),
                    format!(
                        "{label:?} is not a financial year: write it as YYYY-YY, e.g. \"2011-12\""
                    ),
                );
            }
            year
        });
        let mut complete = true;
        let mut series = |checker: &mut Self, key: &str| -> Option<Series> {
            let value = map.get(key)?;
            let result = checker.series(value, &child(path, key), periods);
            complete &= result.is_some();
            result
        };
        let budget = series(self, "budget");
        let actual = series(self, "actual");
        let forecast = series(self, "forecast");
        if !["budget", "actual", "forecast"]
            .iter()
            .any(|key| map.contains_key(*key))
        {
            self.error(
                path,
                "a year needs at least one of \"budget\", \"actual\" or \"forecast\"",
            );
            complete = false;
        }
        let printed_total = match map.get("printed_total") {
            None | Some(Value::Null) => PrintedTotal::default(),
            Some(value) => {
                let path = child(path, "printed_total");
                match self.object(value, &path, "printed totals") {
                    Some(totals) => {
                        self.unknown_fields(totals, &["budget", "actual", "forecast"], &path);
                        PrintedTotal {
                            budget: self.number_field(totals, "budget", &path),
                            actual: self.number_field(totals, "actual", &path),
                            forecast: self.number_field(totals, "forecast", &path),
                        }
                    }
                    None => {
                        complete = false;
                        PrintedTotal::default()
                    }
                }
            }
        };
        let figures = YearFigures {
            year: year?,
            budget,
            actual,
            forecast,
            printed_total,
        };
        complete.then_some(figures)
    }

    fn number_field(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Option<f64> {
        let value = map.get(key)?;
        self.number(value, &child(path, key)).flatten()
    }

    /// One value: `Some(Some(n))` a number, `Some(None)` null, `None` an error.
    fn number(&mut self, value: &Value, path: &str) -> Option<Option<f64>> {
        match value {
            Value::Null => Some(None),
            Value::Number(number) => match number.as_f64() {
                Some(n) if n.is_finite() => Some(Some(n)),
                _ => {
                    self.error(path, format!("{number} is not a finite number"));
                    None
                }
            },
            Value::String(text) => {
                let hint = number_hint(text);
                self.error(
                    path,
                    format!("expected a number or null, found {}{hint}", describe(value)),
                );
                None
            }
            other => {
                self.error(
                    path,
                    format!("expected a number or null, found {}", describe(other)),
                );
                None
            }
        }
    }

    fn series(&mut self, value: &Value, path: &str, periods: &PeriodScheme) -> Option<Series> {
        let Value::Array(list) = value else {
            self.error(
                path,
                format!(
                    "expected a list of {} numbers (null where not reported), found {}",
                    periods.len(),
                    describe(value)
                ),
            );
            return None;
        };
        let mut ok = true;
        if list.len() != periods.len() {
            let expected = match periods {
                PeriodScheme::Month => "12, one per month from April to March".to_string(),
                PeriodScheme::Quarter => "4, one per quarter".to_string(),
                PeriodScheme::Term => "3, one per term (Summer, Autumn, Spring)".to_string(),
                PeriodScheme::Year => "1".to_string(),
                PeriodScheme::Custom(labels) => {
                    format!("{}, one per label in \"periods\"", labels.len())
                }
            };
            self.error(
                path,
                format!(
                    "has {} entries but needs {expected}; use null for periods not reported",
                    list.len()
                ),
            );
            ok = false;
        }
        let mut series = Vec::with_capacity(list.len());
        for (index, value) in list.iter().enumerate() {
            match self.number(value, &item(path, index)) {
                Some(number) => series.push(number),
                None => ok = false,
            }
        }
        ok.then_some(series)
    }
}

/// A fix for a number written as text: `"1,234"`, `"£5k"`, `"n/a"`.
fn number_hint(text: &str) -> String {
    let trimmed = text.trim();
    if matches!(
        trimmed.to_ascii_lowercase().as_str(),
        "" | "-" | "n/a" | "na" | "*" | "null" | "none"
    ) {
        return "; write null (without quotes) for a value that was not reported".to_string();
    }
    let digits: String = trimmed
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | '-'))
        .collect();
    match digits.parse::<f64>() {
        Ok(_) if trimmed.contains(['k', 'K', 'm', 'M']) => {
            "; write the full number without quotes, symbols or abbreviations (e.g. 5000 for 5k), and say thousands in \"unit\"".to_string()
        }
        Ok(n) => format!("; write it as a number without quotes, commas or symbols: {n}"),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_hints_name_the_fix() {
        assert!(number_hint("1,234").contains("1234"));
        assert!(number_hint("£5k").contains("abbreviations"));
        assert!(number_hint("n/a").contains("null"));
        assert_eq!(number_hint("hello"), "");
    }

    #[test]
    fn path_indices_order_problems() {
        assert_eq!(
            path_indices("indicators[3].years[10].actual[4]"),
            vec![3, 10, 4]
        );
        assert_eq!(path_indices("format"), Vec::<usize>::new());
    }

    #[test]
    fn ids_are_lowercase_words() {
        assert!(is_id("waste-tonnage-2"));
        assert!(!is_id("Waste"));
        assert!(!is_id(""));
        assert!(!is_id("a b"));
    }
}
