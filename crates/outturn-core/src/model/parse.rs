//! `outturn/1` JSON → [`Dataset`], reporting every problem at once.
//!
//! The text is first read as generic JSON (syntax errors carry line and
//! column), then walked by hand so that each problem names its JSON path and,
//! where it can, the fix. Unknown fields are warnings; anything that would make
//! a figure wrong is an error. No input panics.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::{Map, Value};

use crate::format::quoted;

use super::{
    Benchmark, CalendarMonth, Dataset, Diagnostic, FinancialYear, ForecastRound, Indicator,
    PeriodScheme, Polarity, PrintedTotal, Rag, Series, Unit, UnitKind, YearFigures, YearValue,
};

/// The words `"polarity"` takes, as messages list them (written out, not
/// built at run time, which costs the wasm bytes; a test checks them
/// against [`Polarity::ALL`]).
const POLARITY_WORDS: &str = "\"higher-is-better\", \"lower-is-better\" or \"neutral\"";
/// The words `"rag"` takes, as messages list them (checked against
/// [`Rag::ALL`] by a test).
const RAG_WORDS: &str = "\"green\", \"amber\", \"red\"";

/// The only format version this build reads.
pub const FORMAT: &str = "outturn/1";

/// Largest input accepted, in bytes (50 MiB). Larger inputs are refused
/// before parsing so that a tab never freezes on them.
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// Most indicators a dataset may hold.
pub const MAX_INDICATORS: usize = 20_000;
/// Most years an indicator may hold.
pub const MAX_YEARS: usize = 200;
/// Most periods (custom labels) a year may have: enough for a reading every
/// five minutes (105,408 in a leap year). Charts with more points than
/// pixels are decimated for drawing and tables show a page at a time.
pub const MAX_PERIODS: usize = 110_000;
/// Longest text field, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Largest absolute value accepted: beyond a thousand trillion a figure is
/// a mistake (or a unit error), and cannot be shown sensibly.
pub const MAX_ABS_VALUE: f64 = 1e15;

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

/// Decodes a file's bytes to text: UTF-8 (a byte-order mark is dropped) or
/// UTF-16 (little- or big-endian, with or without a byte-order mark).
/// Anything else, typically Latin-1 or Windows-1252 from a spreadsheet's
/// export, is refused with the place of the first bad byte and the fix.
/// Files over [`MAX_INPUT_BYTES`] are refused before decoding.
pub fn decode_text(bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len()));
    }
    let utf16 = |bytes: &[u8], little: bool| -> Result<String, Diagnostic> {
        let units = bytes.chunks(2).map(|pair| match (pair, little) {
            ([low, high], true) => u16::from_le_bytes([*low, *high]),
            ([high, low], false) => u16::from_be_bytes([*high, *low]),
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| {
                Diagnostic::error(
                    "$",
                    "the file says it is UTF-16 but holds invalid UTF-16; save it as UTF-8",
                )
            })
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => decode_utf8(rest, 3),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        // No byte-order mark, but ASCII with every other byte zero: UTF-16.
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => utf16(bytes, true),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => utf16(bytes, false),
        _ => decode_utf8(bytes, 0),
    }
}

fn decode_utf8(bytes: &[u8], skipped: usize) -> Result<String, Diagnostic> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let at = error.valid_up_to();
            let before = &bytes[..at];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let column = at
                - before
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |p| p + 1)
                + 1;
            let byte = bytes.get(at).copied().unwrap_or_default();
            let mut diagnostic = Diagnostic::error(
                "$",
                format!(
                    "the file is not UTF-8 text: byte 0x{byte:02X} (offset {}) is not valid UTF-8. It is probably Latin-1 or Windows-1252, as some spreadsheet exports write; save or export it as \"UTF-8\"",
                    at + skipped
                ),
            );
            diagnostic.line = Some(line);
            diagnostic.column = Some(column);
            Err(diagnostic)
        }
    }
}

/// The problem with a file of `size` bytes, over [`MAX_INPUT_BYTES`]: for
/// callers that know the size before reading (the CLI, the file picker).
pub fn too_large(size: usize) -> Diagnostic {
    Diagnostic::error(
        "$",
        format!(
            "the file is {:.1} MB; Outturn reads files up to {} MB. Split it into several datasets",
            size as f64 / 1_048_576.0,
            MAX_INPUT_BYTES / 1_048_576
        ),
    )
}

/// Parses and validates an `outturn/1` document.
///
/// A leading UTF-8 byte-order mark is ignored. Returns the dataset and its
/// warnings, or every problem found.
pub fn parse_dataset(text: &str) -> Result<Parsed, ParseError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ParseError {
            diagnostics: vec![too_large(text.len())],
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document: Value = match serde_json::from_str(text) {
        Ok(document) => document,
        Err(error) => return Err(syntax_error(&error, text)),
    };
    let mut checker = Checker::default();
    let dataset = checker.dataset(&document);
    // Document order: by the indices in each path (indicator, year, entry);
    // the sort is stable, so problems at one place keep the order found.
    crate::order::sort_stable_by_key(&mut checker.diagnostics, |d| path_indices(&d.path));
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

/// What a person most likely wrote at the place of a syntax error, and the fix.
fn syntax_hint(text: &str, line: usize, column: usize) -> Option<&'static str> {
    let line_text = text.lines().nth(line.checked_sub(1)?)?;
    // serde_json's column points at (or just after) the offending character.
    let from = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    let around = &line_text[line_text.floor_char_boundary_compat(from.saturating_sub(12))..];
    let starts = |word: &str| around.contains(word);
    if starts("NaN") || starts("Infinity") {
        Some("NaN and Infinity are not numbers JSON can hold; write null for a value that was not reported")
    } else if starts("undefined") {
        Some("undefined is not JSON; write null for a value that was not reported")
    } else if starts("//") || starts("/*") {
        Some("JSON cannot hold comments; remove them (notes can go in \"notes\")")
    } else if around.contains('\'') {
        Some("JSON needs double quotes (\") around text, not single quotes")
    } else {
        None
    }
}

/// `str::floor_char_boundary` for stable Rust.
trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, index: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, index: usize) -> usize {
        let mut index = index.min(self.len());
        while !self.is_char_boundary(index) {
            index -= 1;
        }
        index
    }
}

fn syntax_error(error: &serde_json::Error, text: &str) -> ParseError {
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
        _ if reason.contains("trailing comma") => format!(
            "this is not valid JSON: {reason}; remove the comma after the last item of the list or object"
        ),
        _ if reason.contains("number out of range") => format!(
            "this is not valid JSON: {reason} (the number is too large to hold); check it"
        ),
        _ => match syntax_hint(text, error.line(), error.column()) {
            Some(hint) => format!("this is not valid JSON: {reason}; {hint}"),
            None => format!("this is not valid JSON: {reason}"),
        },
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
    /// Ids some indicator names as its `parent`, as written: a parent's
    /// year may leave its figures to its children.
    parents: HashSet<String>,
    /// The indicator being read is one of `parents`.
    reading_parent: bool,
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
            format!("the text {}", quoted(&format!("{shown}{more}")))
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
                        "unknown field {} is ignored (known fields here: {})",
                        quoted(key),
                        known.join(", ")
                    ),
                );
            }
        }
    }

    /// Text from the data, made safe to show: too-long text is an error,
    /// and invisible control characters (bidirectional overrides and the
    /// like, which could disguise what a title says) become visible
    /// `⟨U+202E⟩` markers, with a warning.
    fn clean(&mut self, text: &str, path: &str) -> Option<String> {
        if text.chars().count() > MAX_TEXT_CHARS {
            self.error(
                path,
                format!("this text is longer than {MAX_TEXT_CHARS} characters; shorten it"),
            );
            return None;
        }
        let hidden = |c: char| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        };
        if !text.chars().any(hidden) {
            return Some(text.to_string());
        }
        let mut found: Vec<String> = Vec::new();
        let shown: String = text
            .chars()
            .map(|c| {
                if hidden(c) {
                    let code = format!("U+{:04X}", c as u32);
                    if !found.contains(&code) {
                        found.push(code.clone());
                    }
                    format!("⟨{code}⟩")
                } else {
                    c.to_string()
                }
            })
            .collect();
        self.warning(
            path,
            format!(
                "contains invisible control characters ({}), shown as ⟨U+…⟩ so the text cannot be disguised",
                found.join(", ")
            ),
        );
        Some(shown)
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
            Some(Value::String(text)) => self.clean(text, &child(path, key)),
            Some(Value::Null) | None if !required => None,
            None => {
                self.error(
                    child(path, key),
                    format!("the required field {} is missing", quoted(key)),
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
                format!(
                    "this file is in {}, which this version of Outturn does not read; it reads {}",
                    quoted(format),
                    quoted(FORMAT)
                ),
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
            Some(Value::Array(list)) if list.len() > MAX_INDICATORS => {
                self.error(
                    "indicators",
                    format!("{} indicators is more than the {MAX_INDICATORS} Outturn reads from one file; split the dataset", list.len()),
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
            indicators: indicators.into_iter().map(std::rc::Rc::new).collect(),
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
                            format!("the id {} is already used by indicators[{first}]; ids must be unique", quoted(&id)),
                        );
                        duplicate[index] = true;
                    }
                    None => {
                        first_use.insert(id, index);
                    }
                }
            }
        }
        self.parents = list.iter().filter_map(|v| raw_id(v, "parent")).collect();
        for (index, value) in list.iter().enumerate() {
            if let Some(parent) = raw_id(value, "parent") {
                if is_id(&parent) && !first_use.contains_key(&parent) {
                    self.error(
                        child(&item("indicators", index), "parent"),
                        format!("no indicator has the id {}", quoted(&parent)),
                    );
                }
            }
            if let Some(target) = raw_id(value, "unit_cost") {
                if is_id(&target) && !first_use.contains_key(&target) {
                    self.error(
                        child(&item("indicators", index), "unit_cost"),
                        format!("no indicator has the id {}", quoted(&target)),
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
        self.parent_links(&indicators, &positions);
        if !self.diagnostics.iter().any(Diagnostic::is_error) {
            super::parts::fill_from_parts(&mut indicators);
            // A parent's year left to parts that cannot be added up.
            for (indicator, &index) in indicators.iter().zip(&positions) {
                for (at, figures) in indicator.years.iter().enumerate() {
                    if figures.is_empty_of_figures() {
                        self.warning(
                            item(&child(&item("indicators", index), "years"), at),
                            if indicator.is_summable() {
                                "gives no figures, and not every part reports one for this year: the year shows none"
                            } else {
                                "gives no figures, and its parts' cannot be added up (percentages, rates and averages never are): the year shows none"
                            },
                        );
                    }
                }
            }
        }
        indicators
    }

    /// Cross-checks each `parent`: another indicator (a missing one was
    /// reported from the raw ids), with the same unit and periods as its
    /// child, and no chain of parents leads back to where it started.
    fn parent_links(&mut self, indicators: &[Indicator], positions: &[usize]) {
        let by_id: HashMap<&str, &Indicator> =
            indicators.iter().map(|i| (i.id.as_str(), i)).collect();
        for (indicator, &index) in indicators.iter().zip(positions) {
            let Some(parent_id) = &indicator.parent else {
                continue;
            };
            let path = child(&item("indicators", index), "parent");
            let Some(parent) = by_id.get(parent_id.as_str()) else {
                continue;
            };
            if parent.id == indicator.id {
                self.error(path, "an indicator cannot be its own parent");
                continue;
            }
            if parent.periods != indicator.periods {
                self.error(
                    path.clone(),
                    format!(
                        "{} is reported by {} but this indicator by {}; a part must use its parent's periods",
                        quoted(parent_id),
                        parent.periods.noun(),
                        indicator.periods.noun()
                    ),
                );
            }
            if parent.year_value != indicator.year_value {
                self.error(
                    path.clone(),
                    format!(
                        "{} totals its year as {} but this indicator as {}; a part must total its year as its parent does",
                        quoted(parent_id),
                        quoted(parent.year_value.name()),
                        quoted(indicator.year_value.name())
                    ),
                );
            }
            if parent.unit.label.trim() != indicator.unit.label.trim() {
                self.error(
                    path.clone(),
                    format!(
                        "{} is in {} but this indicator in {}; a part must use its parent's unit",
                        quoted(parent_id),
                        quoted(&parent.unit.label),
                        quoted(&indicator.unit.label)
                    ),
                );
            }
            // Follow the chain; a revisit means a cycle.
            let mut visited: HashSet<&str> = HashSet::from([indicator.id.as_str()]);
            let mut next = Some(parent_id.as_str());
            while let Some(id) = next {
                if !visited.insert(id) {
                    self.error(
                        path.clone(),
                        format!("parents form a loop through {}; a parent must not lead back to its part", quoted(id)),
                    );
                    break;
                }
                next = by_id.get(id).and_then(|i| i.parent.as_deref());
            }
        }
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
                        "{} is reported by {} but this indicator by {}; a unit cost must use the same periods",
                        quoted(target_id),
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
                        format!("unit costs form a loop through {}; a unit cost must not lead back to its indicator", quoted(id)),
                    );
                    break;
                }
                next = by_id.get(id).and_then(|i| i.unit_cost.as_deref());
            }
            if !target.unit.is_money() {
                self.warning(
                    path,
                    format!(
                        "{} has the unit {}, not a price in pounds such as \"£ per hour\"; no cost effect can be worked out",
                        quoted(target_id),
                        quoted(&target.unit.label)
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
                "parent",
                "breakdown",
                "unit",
                "period",
                "periods",
                "year_value",
                "unit_cost",
                "polarity",
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
                        "the id {} may use only a-z, 0-9 and - (for example \"waste-tonnage\")",
                        quoted(id)
                    ),
                );
            }
        }
        let title = self.text(map, "title", path, true);
        if title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            self.error(child(path, "title"), "the title is empty");
        }
        let group = self.text(map, "group", path, false);
        let parent = self.text(map, "parent", path, false);
        if let Some(parent) = &parent {
            if !is_id(parent) {
                self.error(
                    child(path, "parent"),
                    format!("{} is not an indicator id", quoted(parent)),
                );
            }
        }
        let breakdown = self.text(map, "breakdown", path, false);
        self.reading_parent = id.as_ref().is_some_and(|id| self.parents.contains(id));
        let unit = self.text(map, "unit", path, true);
        let periods = self.period_scheme(map, path);
        let year_value = self.year_value(map, path);
        let unit_cost = self.text(map, "unit_cost", path, false);
        if let Some(target) = &unit_cost {
            if !is_id(target) {
                self.error(
                    child(path, "unit_cost"),
                    format!("{} is not an indicator id", quoted(target)),
                );
            }
        }
        let stated = self.polarity(map, path);
        // Without a word for it: spending against an affordable level is
        // worse the higher it goes; anything else is neither. Read from the
        // raw years so that their floors can be checked as they are read
        // (a year that loads has a budget exactly when it has the field).
        let has_budget = match map.get("years") {
            Some(Value::Array(list)) => list.iter().any(|year| year.get("budget").is_some()),
            _ => false,
        };
        let judged = stated.map(|stated| Judged {
            polarity: stated.unwrap_or(if has_budget {
                Polarity::LowerIsBetter
            } else {
                Polarity::Neutral
            }),
            stated: stated.is_some(),
        });
        let notes = self.notes(map, path);
        let source = self.text(map, "source", path, false);
        let years = self.indicator_years(map, path, periods.as_ref(), judged);
        let unit = Unit::parse(&unit?);
        self.negative_counts(years.as_deref().unwrap_or_default(), &unit, path);
        let years = years?;
        let polarity = judged?.polarity;
        Some(Indicator {
            id: id?,
            title: title?,
            group,
            parent,
            breakdown,
            unit,
            periods: periods?,
            year_value: year_value?,
            unit_cost,
            polarity,
            decimals: super::decimals_used(&years),
            years,
            notes,
            source,
        })
    }

    /// An indicator's `"polarity"`: `Some(None)` when not given, `None`
    /// when it is not one of the three words.
    fn polarity(&mut self, map: &Map<String, Value>, path: &str) -> Option<Option<Polarity>> {
        match map.get("polarity") {
            None | Some(Value::Null) => Some(None),
            Some(value) => {
                let polarity = value.as_str().and_then(Polarity::from_slug);
                if polarity.is_none() {
                    self.error(
                        child(path, "polarity"),
                        format!("expected {POLARITY_WORDS}, found {}", describe(value)),
                    );
                }
                polarity.map(Some)
            }
        }
    }

    /// An indicator's `years`: a list of one to [`MAX_YEARS`] years, each
    /// checked against the period scheme (when it has one), and its floors
    /// against its polarity (when that is known).
    fn indicator_years(
        &mut self,
        map: &serde_json::Map<String, Value>,
        path: &str,
        periods: Option<&PeriodScheme>,
        judged: Option<Judged>,
    ) -> Option<Vec<YearFigures>> {
        match (periods, map.get("years")) {
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
            (_, Some(Value::Array(list))) if list.len() > MAX_YEARS => {
                self.error(
                    child(path, "years"),
                    format!(
                        "{} years is more than the {MAX_YEARS} Outturn reads for one indicator",
                        list.len()
                    ),
                );
                None
            }
            (Some(periods), Some(Value::Array(list))) => {
                self.years(list, &child(path, "years"), periods, judged)
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
        }
    }

    /// Warns (once per series) about a negative count: activity such as
    /// hours or children cannot be below zero, so the sign is probably wrong.
    fn negative_counts(&mut self, years: &[YearFigures], unit: &Unit, path: &str) {
        let unit_name = match unit.label.trim() {
            "" => "a count",
            label => label,
        };
        // Values in the indicator's unit may be below zero unless it is a
        // quantity; the counts behind a rate are counts whatever its unit.
        let own = (unit.kind == UnitKind::Quantity).then_some(unit_name);
        for (index, figures) in years.iter().enumerate() {
            for (key, series, name) in [
                ("budget", &figures.budget, own),
                ("actual", &figures.actual, own),
                ("forecast", &figures.forecast, own),
                ("target", &figures.target, own),
                ("floor", &figures.floor, own),
                ("numerator", &figures.numerator, Some("a count")),
                ("denominator", &figures.denominator, Some("a count")),
            ] {
                let (Some(values), Some(name)) = (series, name) else {
                    continue;
                };
                if let Some((at, value)) = values
                    .iter()
                    .enumerate()
                    .find_map(|(i, v)| Some((i, (*v)?)).filter(|(_, v)| *v < 0.0))
                {
                    let place = item(&child(&item(&child(path, "years"), index), key), at);
                    self.warning(
                        place,
                        format!(
                            "{value} is negative, but {name} cannot be below zero; check the sign"
                        ),
                    );
                }
            }
        }
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
            (Some(Value::String(name)), None) => {
                match PeriodScheme::from_name(name) {
                    Some(scheme) => Some(scheme),
                    None => {
                        self.error(
                        child(path, "period"),
                        format!("{} is not a period: use \"month\", \"quarter\", \"term\" or \"year\"", quoted(name)),
                    );
                        None
                    }
                }
            }
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
            (None, Some(Value::Array(labels))) if labels.len() > MAX_PERIODS => {
                self.error(
                    child(path, "periods"),
                    format!(
                        "{} periods is more than the {} Outturn draws in a year",
                        crate::format::format_number(labels.len() as f64, 0),
                        crate::format::format_number(MAX_PERIODS as f64, 0)
                    ),
                );
                None
            }
            (None, Some(Value::Array(labels))) if !labels.is_empty() => {
                let path = child(path, "periods");
                let mut texts = Vec::with_capacity(labels.len());
                for (index, label) in labels.iter().enumerate() {
                    match label {
                        Value::String(text) if !text.trim().is_empty() => {
                            if let Some(text) = self.clean(text, &item(&path, index)) {
                                texts.push(text);
                            }
                        }
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
                    format!("{} is not a way to total a year: use \"sum\" (flows), \"last\" (snapshots), \"mean\" or \"none\"", quoted(&word)),
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
                        Value::String(text) => {
                            if let Some(text) = self.clean(text, &item(&path, index)) {
                                notes.push(text);
                            }
                        }
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
        judged: Option<Judged>,
    ) -> Option<Vec<YearFigures>> {
        let mut years = Vec::with_capacity(list.len());
        let mut complete = true;
        let mut previous: Option<FinancialYear> = None;
        for (index, value) in list.iter().enumerate() {
            let path = item(path, index);
            let Some(figures) = self.year(value, &path, periods, judged) else {
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

    fn year(
        &mut self,
        value: &Value,
        path: &str,
        periods: &PeriodScheme,
        judged: Option<Judged>,
    ) -> Option<YearFigures> {
        let map = self.object(value, path, "a year")?;
        self.unknown_fields(
            map,
            &[
                "year",
                "budget",
                "actual",
                "forecast",
                "target",
                "floor",
                "rag",
                "numerator",
                "denominator",
                "benchmarks",
                "forecast_rounds",
                "printed_total",
            ],
            path,
        );
        let label = self.text(map, "year", path, true);
        let year = label.and_then(|label| {
            let year = FinancialYear::parse(&label);
            if year.is_none() {
                self.error(
                    child(path, "year"),
                    format!(
                        "{} is not a financial year: write it as YYYY-YY, e.g. \"2011-12\"",
                        quoted(&label)
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
        let target = series(self, "target");
        let floor = series(self, "floor");
        let numerator = series(self, "numerator");
        let denominator = series(self, "denominator");
        // A performance indicator may have only a target beside its actuals
        // (or before them); a status, a count or a benchmark alone says
        // nothing about the council's own figures.
        // A parent's year may leave its figures to its parts, which are
        // added up for it where they can be.
        if !self.reading_parent
            && !["budget", "actual", "forecast", "target"]
                .iter()
                .any(|key| map.contains_key(*key))
        {
            self.error(
                path,
                "a year needs at least one of \"budget\", \"actual\", \"forecast\" or \"target\"",
            );
            complete = false;
        }
        if let (Some(judged), Some(floor)) = (judged, &floor) {
            self.floor_side(path, floor, target.as_ref(), judged);
        }
        let rag = match map.get("rag") {
            None => None,
            Some(value) => {
                let statuses = self.statuses(value, &child(path, "rag"), periods);
                complete &= statuses.is_some();
                statuses
            }
        };
        let benchmarks = match map.get("benchmarks") {
            None | Some(Value::Null) => Vec::new(),
            Some(value) => self
                .benchmarks(value, &child(path, "benchmarks"), periods)
                .unwrap_or_else(|| {
                    complete = false;
                    Vec::new()
                }),
        };
        let forecast_rounds = match map.get("forecast_rounds") {
            None | Some(Value::Null) => Vec::new(),
            Some(value) => self
                .forecast_rounds(value, &child(path, "forecast_rounds"))
                .unwrap_or_else(|| {
                    complete = false;
                    Vec::new()
                }),
        };
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
            target,
            floor,
            rag,
            numerator,
            denominator,
            benchmarks,
            forecast_rounds,
            printed_total,
            from_parts: 0,
        };
        complete.then_some(figures)
    }

    /// A year's `"forecast_rounds"`: each `{"as_at": "YYYY-MM", "value":
    /// number, "label": text}` (label optional), in increasing order of
    /// `as_at`.
    fn forecast_rounds(&mut self, value: &Value, path: &str) -> Option<Vec<ForecastRound>> {
        let Value::Array(list) = value else {
            self.error(
                path,
                format!(
                    "expected a list of forecast rounds ({{\"as_at\": \"2012-02\", \"value\": ...}}), found {}",
                    describe(value)
                ),
            );
            return None;
        };
        let mut rounds = Vec::with_capacity(list.len());
        let mut ok = true;
        for (index, value) in list.iter().enumerate() {
            let path = item(path, index);
            let Some(map) = self.object(value, &path, "a forecast round") else {
                ok = false;
                continue;
            };
            self.unknown_fields(map, &["as_at", "value", "label"], &path);
            let as_at = self.text(map, "as_at", &path, true).and_then(|text| {
                let month = CalendarMonth::parse(&text);
                if month.is_none() {
                    self.error(
                        child(&path, "as_at"),
                        format!(
                            "{} is not a month: write it as YYYY-MM, e.g. \"2012-02\" for February 2012",
                            quoted(&text)
                        ),
                    );
                }
                month
            });
            let number = match map.get("value") {
                None => {
                    self.error(
                        child(&path, "value"),
                        "the required field \"value\" is missing",
                    );
                    None
                }
                Some(value) => match self.number(value, &child(&path, "value")) {
                    Some(Some(number)) => Some(number),
                    Some(None) => {
                        self.error(
                            child(&path, "value"),
                            "a round needs its forecast; leave out a round that made none",
                        );
                        None
                    }
                    None => None,
                },
            };
            let label = self.text(map, "label", &path, false);
            match (as_at, number) {
                (Some(as_at), Some(value)) => {
                    if let Some(before) = rounds.last().map(|r: &ForecastRound| r.as_at) {
                        if as_at <= before {
                            self.error(
                                child(&path, "as_at"),
                                format!(
                                    "{as_at} is not after the round before ({before}); list rounds in the order they were made, one a month"
                                ),
                            );
                            ok = false;
                        }
                    }
                    rounds.push(ForecastRound {
                        as_at,
                        value,
                        label,
                    });
                }
                _ => ok = false,
            }
        }
        ok.then_some(rounds)
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
                Some(n) if n.is_finite() && n.abs() >= MAX_ABS_VALUE => {
                    self.error(
                        path,
                        format!("{number} is too large to be a council figure (Outturn handles up to a thousand trillion); check the number and the unit"),
                    );
                    None
                }
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
                    "expected a list of {} (null where not reported), found {}",
                    how_many(periods.len(), "number", "numbers"),
                    describe(value)
                ),
            );
            return None;
        };
        let mut ok = self.has_one_per_period(list.len(), path, periods);
        let mut series = Vec::with_capacity(list.len());
        for (index, value) in list.iter().enumerate() {
            match self.number(value, &item(path, index)) {
                Some(number) => series.push(number),
                None => ok = false,
            }
        }
        ok.then_some(series)
    }

    /// Whether a list of `len` entries has one per period; when not, says
    /// how many it needs.
    fn has_one_per_period(&mut self, len: usize, path: &str, periods: &PeriodScheme) -> bool {
        if len != periods.len() {
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
                    "has {len} entries but needs {expected}; use null for periods not reported"
                ),
            );
            return false;
        }
        true
    }

    /// A year's `"rag"`: one printed status per period, `null` where the
    /// source printed none.
    fn statuses(
        &mut self,
        value: &Value,
        path: &str,
        periods: &PeriodScheme,
    ) -> Option<Vec<Option<Rag>>> {
        const WORDS: &str = RAG_WORDS;
        let Value::Array(list) = value else {
            self.error(
                path,
                format!(
                    "expected a list of {} ({WORDS}, null where none was printed), found {}",
                    how_many(periods.len(), "status", "statuses"),
                    describe(value)
                ),
            );
            return None;
        };
        let mut ok = self.has_one_per_period(list.len(), path, periods);
        let mut statuses = Vec::with_capacity(list.len());
        for (index, value) in list.iter().enumerate() {
            let status = value.as_str().and_then(Rag::from_slug);
            if status.is_none() && !value.is_null() {
                self.error(
                    item(path, index),
                    format!(
                        "expected {WORDS} or null (where none was printed), found {}",
                        describe(value)
                    ),
                );
                ok = false;
            }
            statuses.push(status);
        }
        ok.then_some(statuses)
    }

    /// A year's `"benchmarks"`: comparison series, each a label and one
    /// value per period.
    fn benchmarks(
        &mut self,
        value: &Value,
        path: &str,
        periods: &PeriodScheme,
    ) -> Option<Vec<Benchmark>> {
        let Value::Array(list) = value else {
            self.error(
                path,
                format!(
                    "expected a list of benchmarks, each {{\"label\": ..., \"values\": [...]}}, found {}",
                    describe(value)
                ),
            );
            return None;
        };
        let mut ok = true;
        let mut benchmarks = Vec::with_capacity(list.len());
        for (index, value) in list.iter().enumerate() {
            match self.benchmark(value, &item(path, index), periods) {
                Some(benchmark) => benchmarks.push(benchmark),
                None => ok = false,
            }
        }
        ok.then_some(benchmarks)
    }

    fn benchmark(
        &mut self,
        value: &Value,
        path: &str,
        periods: &PeriodScheme,
    ) -> Option<Benchmark> {
        let map = self.object(value, path, "a benchmark")?;
        self.unknown_fields(map, &["label", "values"], path);
        // The label is what tells the line apart from the council's own.
        let label = self.text(map, "label", path, true).filter(|label| {
            let empty = label.trim().is_empty();
            if empty {
                self.error(
                    child(path, "label"),
                    "the label is empty: say what the benchmark is, e.g. \"England average\"",
                );
            }
            !empty
        });
        let values = match map.get("values") {
            Some(value) => self.series(value, &child(path, "values"), periods),
            None => {
                self.error(
                    child(path, "values"),
                    "the required field \"values\" is missing: give one value per period (null where not reported)",
                );
                None
            }
        };
        Some(Benchmark {
            label: label?,
            values: values?,
        })
    }

    /// A floor is the amber/red boundary, so it lies on the worse side of
    /// the target: at or below it where higher is better, at or above it
    /// where lower is better. A neutral indicator has no worse side, so a
    /// floor there is refused rather than given a meaning by guess.
    fn floor_side(&mut self, path: &str, floor: &Series, target: Option<&Series>, judged: Judged) {
        let floor_path = child(path, "floor");
        let (higher, word) = match judged.polarity {
            Polarity::Neutral => {
                if floor.iter().any(Option::is_some) {
                    self.error(
                        floor_path,
                        "a floor needs a polarity, and this indicator is neutral: set \"polarity\" to \"higher-is-better\" or \"lower-is-better\" (without it, an indicator with no budget is neutral), or remove the floor",
                    );
                }
                return;
            }
            Polarity::HigherIsBetter => (true, "higher"),
            Polarity::LowerIsBetter => (false, "lower"),
        };
        let Some(target) = target else { return };
        let by_default = if judged.stated {
            ""
        } else {
            " (by default, for an indicator with a budget)"
        };
        for (index, (floor, target)) in floor.iter().zip(target).enumerate() {
            let (Some(floor), Some(target)) = (*floor, *target) else {
                continue;
            };
            let wrong = if higher {
                floor > target
            } else {
                floor < target
            };
            if wrong {
                let (side, bound) = if higher {
                    ("above", "at or below")
                } else {
                    ("below", "at or above")
                };
                self.error(
                    item(&floor_path, index),
                    format!("the floor {floor} is {side} the target {target}, but {word} is better for this indicator{by_default}: the floor (the boundary between amber and red) must be {bound} the target; check the two figures and \"polarity\""),
                );
            }
        }
    }
}

/// An indicator's polarity as its floors are checked: which, and whether
/// the file stated it (a default is explained in the message).
#[derive(Debug, Clone, Copy)]
struct Judged {
    polarity: Polarity,
    stated: bool,
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
    match crate::format::parse_decimal(&digits) {
        Some(_) if trimmed.contains(['k', 'K', 'm', 'M']) => {
            "; write the full number without quotes, symbols or abbreviations (e.g. 5000 for 5k), and say thousands in \"unit\"".to_string()
        }
        Some(n) => format!("; write it as a number without quotes, commas or symbols: {n}"),
        None => String::new(),
    }
}

/// "1 number", "12 numbers": a count and its noun, singular for one.
fn how_many(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_list_each_enums_own_words() {
        let quoted = |words: Vec<&str>| -> Vec<String> {
            words.iter().map(|w| format!("\"{w}\"")).collect()
        };
        let polarity = quoted(Polarity::ALL.map(Polarity::slug).to_vec());
        assert_eq!(
            POLARITY_WORDS,
            format!("{}, {} or {}", polarity[0], polarity[1], polarity[2])
        );
        assert_eq!(
            RAG_WORDS,
            quoted(Rag::ALL.map(Rag::slug).to_vec()).join(", ")
        );
    }

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
