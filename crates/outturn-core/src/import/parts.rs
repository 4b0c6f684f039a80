//! Tables of parts: money by portfolio (or area, or team), one row per
//! part, columns of budget, outturn, variance, the variance at the last
//! report and the movement since, with subtotal and total rows. Each row
//! becomes an indicator of one figure a year; a total's parts are the rows
//! above it that add up to it (a subtotal counts as one), so the report's
//! own arithmetic says what is a part of what. A total that nothing adds
//! up to is kept, with the rows since the last total as its parts, and
//! flagged. Variance and movement columns are checked against the figures
//! and not stored (Outturn works them out); the variance at the last report
//! becomes that report's forecast when its month is given.

use serde_json::{json, Map, Value};

use super::number::parse_uk_number;
use super::options::{ColumnRef, Series, TableOptions};
use super::periods::financial_year_name;
use super::table::{
    clean_grid, excerpt, is_blank, read_heading, row_readings, Layout, LineReading, Place, ReadBy,
    Recognition, RowRole, TableImport,
};
use super::words::{header_words, normalise, slug};
use super::{column_letters, ImportError};
use crate::import::options::PeriodKind;

/// What a column of a table of parts holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartColumn {
    Figure(Series),
    Variance,
    LastVariance,
    Movement,
    Skip,
}

/// One row: a part or a total, with its figures by column.
#[derive(Debug, Clone)]
struct Row {
    row: usize,
    label: String,
    total: bool,
    figures: Vec<Option<f64>>,
}

/// A part or a total: the rows (indices into the body) it is made of.
#[derive(Debug, Clone, Default)]
struct Item {
    children: Vec<usize>,
}

/// Whether the header row of a table of parts is here: two or more of its
/// cells name budget, outturn, forecast or variance.
pub(super) fn header_row(grid: &[Vec<String>]) -> Option<usize> {
    (0..grid.len()).find(|&row| {
        grid.get(row).is_some_and(|cells| {
            cells
                .iter()
                .skip(1)
                .filter(|c| {
                    let kind = column_kind(c);
                    !c.is_empty() && !matches!(kind, PartColumn::Skip)
                })
                .count()
                >= 2
        })
    })
}

fn column_kind(header: &str) -> PartColumn {
    let normal = normalise(header);
    if normal.contains("movement") {
        return PartColumn::Movement;
    }
    if normal.contains("variance") {
        let earlier = ["last", "previous", "prior", "reported"];
        return if earlier.iter().any(|w| normal.contains(w)) {
            PartColumn::LastVariance
        } else {
            PartColumn::Variance
        };
    }
    match header_words(header).series {
        Some(series @ (Series::Budget | Series::Actual | Series::Forecast)) => {
            PartColumn::Figure(series)
        }
        _ => PartColumn::Skip,
    }
}

/// A unit row under the header: `£k | £k | £k`.
fn unit_row(cells: &[String]) -> Option<String> {
    let units: Vec<&String> = cells.iter().skip(1).filter(|c| !c.is_empty()).collect();
    let first = units.first()?;
    let unitlike = |u: &str| {
        matches!(
            normalise(u).as_str(),
            "£k" | "£000" | "£000s" | "£'000" | "£m" | "£" | "%" | "£000's"
        )
    };
    units.iter().all(|u| *u == *first && unitlike(u)).then(|| {
        if normalise(first) == "£k" {
            "£k".to_string()
        } else {
            first.to_string()
        }
    })
}

/// Reads a table of parts. `None` when the table is not one.
pub(super) fn import_parts(
    rows: &[Vec<String>],
    options: &TableOptions,
) -> Option<Result<TableImport, Vec<ImportError>>> {
    let grid = clean_grid(rows);
    let header = header_row(&grid)?;
    Some(read(&grid, header, options))
}

fn read(
    grid: &[Vec<String>],
    header: usize,
    options: &TableOptions,
) -> Result<TableImport, Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut roles = vec![RowRole::Blank; grid.len()];
    let heading = read_heading(grid, header, &mut roles, &mut warnings);
    roles[header] = RowRole::Header;
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let header_cells = grid.get(header).cloned().unwrap_or_default();
    let text = |column: usize| header_cells.get(column).map_or("", String::as_str);

    // Columns, as their headers say or a --map sets.
    let mut columns: Vec<(usize, PartColumn, ReadBy)> = Vec::new();
    for column in 1..width {
        let written = text(column);
        let mut kind = (column_kind(written), ReadBy::Words);
        for map in &options.maps {
            let hit = match &map.column {
                ColumnRef::Letter(c) => *c == column,
                ColumnRef::Header(h) => normalise(h) == normalise(written),
            };
            if hit {
                let mapped = match map.series {
                    Series::Budget | Series::Actual | Series::Forecast => {
                        PartColumn::Figure(map.series)
                    }
                    Series::Skip => PartColumn::Skip,
                    other => {
                        errors.push(ImportError::input(format!(
                            "--map {map}: a table of parts holds budget, actual and forecast, not {}",
                            other.name()
                        )));
                        PartColumn::Skip
                    }
                };
                kind = (mapped, ReadBy::Map);
            }
        }
        if written.is_empty() && kind.1 != ReadBy::Map {
            continue;
        }
        if kind.0 == PartColumn::Skip && kind.1 != ReadBy::Map {
            errors.push(ImportError::at(
                header + 1,
                column,
                format!(
                    "{} names no budget, outturn, forecast or variance: --map {}=budget (or actual, forecast, skip)",
                    crate::format::quoted(written),
                    column_letters(column)
                ),
            ));
        }
        columns.push((column, kind.0, kind.1));
    }
    for series in [Series::Budget, Series::Actual, Series::Forecast] {
        let holding: Vec<usize> = columns
            .iter()
            .filter(|(_, kind, _)| *kind == PartColumn::Figure(series))
            .map(|(c, _, _)| *c)
            .collect();
        if let [first, second, ..] = holding.as_slice() {
            errors.push(ImportError::at(
                header + 1,
                *second,
                format!(
                    "a second {} column (column {} is the first): --map {}=skip, or say what it holds",
                    series.name(),
                    column_letters(*first),
                    column_letters(*second)
                ),
            ));
        }
    }

    // The unit: a row of units under the header, else --unit, else the
    // headers' own.
    let mut first_body = header + 1;
    let mut unit = options.unit.clone();
    if let Some(found) = grid.get(header + 1).and_then(|cells| unit_row(cells)) {
        roles[header + 1] = RowRole::Header;
        first_body = header + 2;
        unit = unit.or(Some(found));
    }
    let unit = unit.or_else(|| {
        header_cells
            .iter()
            .map(|c| header_words(c))
            .find_map(|words| words.unit.filter(|_| words.unit_is_symbol))
    });
    let Some(unit) = unit else {
        errors.push(ImportError::row(
            header + 1,
            "no unit: the table has no row of units (£k) under its header; give --unit",
        ));
        return Err(errors);
    };
    // The year: --year, else one named in the heading.
    let year = options.year.or_else(|| {
        heading.as_deref().and_then(|h| {
            h.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
                .find_map(financial_year_name)
        })
    });
    let Some(year) = year else {
        errors.push(ImportError::input(
            "the table names no financial year: give --year (2011-12)",
        ));
        return Err(errors);
    };

    // The rows.
    let mut body: Vec<Row> = Vec::new();
    for (row, cells) in grid.iter().enumerate().skip(first_body) {
        if is_blank(grid, row) {
            continue;
        }
        let label = cells.first().cloned().unwrap_or_default();
        let mut figures = vec![None; width];
        let mut any = false;
        for (column, kind, _) in &columns {
            if *kind == PartColumn::Skip {
                continue;
            }
            let written = cells.get(*column).map_or("", String::as_str);
            match parse_uk_number(written) {
                Ok(value) => {
                    any |= value.is_some();
                    if let Some(slot) = figures.get_mut(*column) {
                        *slot = value;
                    }
                }
                Err(message) => errors.push(ImportError::at(row + 1, *column, message)),
            }
        }
        if !any {
            roles[row] = RowRole::Note;
            warnings.push(ImportError::row(
                row + 1,
                format!("left out: {}", excerpt(grid, row)),
            ));
            continue;
        }
        if label.is_empty() {
            errors.push(ImportError::at(
                row + 1,
                0,
                "a row of figures with no name: name the part (or the total) in the first column",
            ));
            continue;
        }
        roles[row] = RowRole::Part;
        body.push(Row {
            row: row + 1,
            total: normalise(&label).contains("total"),
            label,
            figures,
        });
    }
    if body.is_empty() && errors.is_empty() {
        errors.push(ImportError::row(
            header + 1,
            "no rows of figures under this header",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // What adds up to what.
    let figure_columns: Vec<usize> = columns
        .iter()
        .filter(|(_, kind, _)| matches!(kind, PartColumn::Figure(_)))
        .map(|(c, _, _)| *c)
        .collect();
    let mut items: Vec<Item> = vec![Item::default(); body.len()];
    let mut pending: Vec<usize> = Vec::new();
    let mut since_total = 0usize;
    for (index, row) in body.iter().enumerate() {
        if !row.total {
            pending.push(index);
            continue;
        }
        let adds_up = |parts: &[usize]| {
            figure_columns.iter().all(|&column| {
                let printed = row.figures.get(column).copied().flatten();
                let sum: f64 = parts
                    .iter()
                    .filter_map(|&p| body.get(p))
                    .filter_map(|p| p.figures.get(column).copied().flatten())
                    .sum();
                let tolerance = 0.5 * parts.len() as f64 + 0.5;
                match printed {
                    Some(printed) => (printed - sum).abs() <= tolerance,
                    None => sum == 0.0,
                }
            })
        };
        let matched = (1..=pending.len())
            .rev()
            .find(|&length| adds_up(&pending[pending.len() - length..]));
        let parts: Vec<usize> = match matched {
            Some(length) => pending.split_off(pending.len() - length),
            None => {
                let parts: Vec<usize> = pending
                    .iter()
                    .copied()
                    .filter(|&p| p >= since_total)
                    .collect();
                pending.retain(|p| !parts.contains(p));
                warnings.push(ImportError::row(
                    row.row,
                    format!(
                        "{} is not the sum of any run of the rows above it: kept as printed, with the rows since the last total as its parts (the difference is flagged)",
                        crate::format::quoted(&row.label)
                    ),
                ));
                parts
            }
        };
        if let Some(item) = items.get_mut(index) {
            item.children = parts;
        }
        pending.push(index);
        since_total = index + 1;
    }

    // Ids, parents, figures.
    let title = options
        .title
        .clone()
        .or(heading.clone())
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            vec![ImportError::input(
                "the table has no heading to take a title from: give --title",
            )]
        })?;
    let base = options.id.clone().unwrap_or_else(|| slug(&title, 40));
    let single_root = pending.len() == 1;
    let mut ids: Vec<String> = Vec::new();
    for (index, row) in body.iter().enumerate() {
        let id = if single_root && pending.first() == Some(&index) {
            base.clone()
        } else {
            let mut id = format!("{base}-{}", slug(&row.label, 30));
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{base}-{}-{n}", slug(&row.label, 30));
                n += 1;
            }
            id
        };
        ids.push(id);
    }
    let mut parent_of: Vec<Option<usize>> = vec![None; body.len()];
    for (index, item) in items.iter().enumerate() {
        for &child in &item.children {
            if let Some(slot) = parent_of.get_mut(child) {
                *slot = Some(index);
            }
        }
    }
    let breakdown = text(0);
    let mut checks = |row: &Row, kind: PartColumn, column: usize, value: f64| {
        let budget =
            column_of(&columns, Series::Budget).and_then(|c| row.figures.get(c).copied().flatten());
        let actual = column_of(&columns, Series::Actual)
            .or_else(|| column_of(&columns, Series::Forecast))
            .and_then(|c| row.figures.get(c).copied().flatten());
        let last = columns
            .iter()
            .find(|(_, k, _)| *k == PartColumn::LastVariance)
            .and_then(|(c, _, _)| row.figures.get(*c).copied().flatten());
        let expected = match kind {
            PartColumn::Variance => budget.zip(actual).map(|(b, a)| a - b),
            PartColumn::Movement => budget
                .zip(actual)
                .map(|(b, a)| a - b)
                .zip(last)
                .map(|(now, before)| now - before),
            _ => None,
        };
        if let Some(expected) = expected {
            if (expected - value).abs() > 1.0 {
                warnings.push(ImportError::at(
                    row.row,
                    column,
                    format!(
                        "the printed {} ({value}) is not what the figures give ({expected}): kept out, as Outturn works it out from the figures",
                        if kind == PartColumn::Variance { "variance" } else { "movement" }
                    ),
                ));
            }
        }
    };
    let mut objects: Vec<Value> = Vec::new();
    for (index, row) in body.iter().enumerate() {
        let mut entry = Map::new();
        entry.insert("year".into(), json!(year.to_string()));
        let mut last_variance = None;
        for (column, kind, _) in &columns {
            let value = row.figures.get(*column).copied().flatten();
            match (kind, value) {
                (PartColumn::Figure(series), Some(value)) => {
                    entry.insert(series.name().into(), json!([value]));
                }
                (PartColumn::LastVariance, Some(value)) => last_variance = Some(value),
                (PartColumn::Variance | PartColumn::Movement, Some(value)) => {
                    checks(row, *kind, *column, value);
                }
                _ => {}
            }
        }
        let budget =
            column_of(&columns, Series::Budget).and_then(|c| row.figures.get(c).copied().flatten());
        if let (Some(variance), Some(budget), Some(as_at)) =
            (last_variance, budget, &options.last_round)
        {
            entry.insert(
                "forecast_rounds".into(),
                json!([{"as_at": as_at, "value": budget + variance, "label": "Last report"}]),
            );
        }
        let is_root = single_root && pending.first() == Some(&index);
        let mut object = Map::new();
        object.insert("id".into(), json!(ids.get(index)));
        object.insert(
            "title".into(),
            json!(if is_root {
                title.clone()
            } else {
                row.label.clone()
            }),
        );
        if let Some(parent) = parent_of.get(index).copied().flatten() {
            object.insert("parent".into(), json!(ids.get(parent)));
        } else if let Some(parent) = &options.parent {
            object.insert("parent".into(), json!(parent));
        }
        if items
            .get(index)
            .is_some_and(|item| !item.children.is_empty())
            && !breakdown.is_empty()
        {
            object.insert(
                "breakdown".into(),
                json!(format!("by {}", crate::format::lower(breakdown))),
            );
        }
        object.insert("unit".into(), json!(unit));
        object.insert("period".into(), json!("year"));
        object.insert("year_value".into(), json!("sum"));
        if let Some(polarity) = options.polarity {
            object.insert("polarity".into(), json!(polarity.slug()));
        }
        object.insert("years".into(), json!([Value::Object(entry)]));
        objects.push(Value::Object(object));
    }
    let has_last = columns
        .iter()
        .any(|(_, k, _)| *k == PartColumn::LastVariance);
    if has_last && options.last_round.is_none() {
        warnings.push(ImportError::input(
            "left out: the variance at the last report, which needs that report's month to be kept as its forecast: give --last-round YYYY-MM (the month of its figures)",
        ));
    }
    // Wholes before their parts, in the table's order otherwise.
    let mut order: Vec<usize> = Vec::new();
    fn visit(index: usize, items: &[Item], order: &mut Vec<usize>) {
        order.push(index);
        if let Some(item) = items.get(index) {
            for &child in &item.children {
                visit(child, items, order);
            }
        }
    }
    for &root in &pending {
        visit(root, &items, &mut order);
    }
    let indicators: Vec<Value> = order
        .iter()
        .filter_map(|&i| objects.get(i).cloned())
        .collect();
    let lines = columns
        .iter()
        .map(|(column, kind, by)| LineReading {
            place: Place {
                row: header + 1,
                column: *column,
            },
            header: text(*column).to_string(),
            year: Some(year.to_string()),
            series: match kind {
                PartColumn::Figure(series) => *series,
                _ => Series::Skip,
            },
            by: *by,
            indicator: None,
        })
        .collect();
    Ok(TableImport {
        dataset: json!({"format": "outturn/1", "title": title, "indicators": indicators}),
        warnings,
        recognition: Recognition {
            layout: Layout::Parts,
            period: PeriodKind::Year,
            rows: row_readings(grid, &roles),
            lines,
        },
    })
}

fn column_of(columns: &[(usize, PartColumn, ReadBy)], series: Series) -> Option<usize> {
    columns
        .iter()
        .find(|(_, kind, _)| *kind == PartColumn::Figure(series))
        .map(|(c, _, _)| *c)
}
