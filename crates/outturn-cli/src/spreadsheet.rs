//! Excel (`.xlsx`, `.xls`) and OpenDocument (`.ods`) spreadsheets, read
//! with calamine into rows of cells as a spreadsheet shows them, so the
//! core reads them exactly as it reads the same table pasted as text (and
//! names cells as the spreadsheet does: a sheet's cell C7 is row 7, column
//! C). Command line only: the page reads what is pasted or dropped as text.

use calamine::{open_workbook_auto, Data, ExcelDateTime, Reader};

/// The rows of one sheet (the first, or the one named), each cell as its
/// text: numbers plainly (`3660`, `15.045`), dates as their month and year
/// (`Apr 2011`, as a period name), errors as written (`#N/A`).
pub fn read_sheet(path: &str, sheet: Option<&str>) -> Result<Vec<Vec<String>>, String> {
    let mut book = open_workbook_auto(path)
        .map_err(|e| format!("{path}: cannot read the spreadsheet: {e}"))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| outturn_core::format::lower(n) == outturn_core::format::lower(wanted))
            })
            .cloned()
            .ok_or_else(|| {
                format!(
                    "{path}: no sheet is called {wanted:?}; its sheets are {}",
                    quoted_list(&names)
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| format!("{path}: the spreadsheet has no sheets"))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| format!("{path}: cannot read the sheet {name:?}: {e}"))?;
    // The range starts at its first used cell; rows and columns before it
    // are kept empty so that cells keep their spreadsheet names.
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); first_row as usize];
    for cells in range.rows() {
        let mut row = vec![String::new(); first_column as usize];
        row.extend(cells.iter().map(cell_text));
        rows.push(row);
    }
    Ok(rows)
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A cell as text the core reads.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(date) => month_of_date(date),
        Data::DateTimeIso(text) => month_of_iso(text).unwrap_or_else(|| text.clone()),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => format!("{error}"),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `2011-04-01` → `Apr 2011`.
fn month_of_iso(text: &str) -> Option<String> {
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: usize = text.get(5..7)?.parse().ok()?;
    Some(format!("{} {year}", MONTHS.get(month.checked_sub(1)?)?))
}

/// An Excel date as its month and year, by calamine's own reckoning (which
/// knows the 1900 and 1904 date systems).
fn month_of_date(date: &ExcelDateTime) -> String {
    let (year, month, ..) = date.to_ymd_hms_milli();
    let name = MONTHS
        .get(usize::from(month).saturating_sub(1))
        .copied()
        .unwrap_or("?");
    format!("{name} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn dates_become_month_names_with_their_years() {
        let month_of_serial = |serial: f64| {
            month_of_date(&ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                false,
            ))
        };
        // 40634 is 1 April 2011; 40969 is 1 March 2012; 25569 is 1970-01-01.
        assert_eq!(month_of_serial(40_634.0), "Apr 2011");
        assert_eq!(month_of_serial(40_969.0), "Mar 2012");
        assert_eq!(month_of_serial(25_569.0), "Jan 1970");
        assert_eq!(month_of_serial(40_908.5), "Dec 2011");
        assert_eq!(month_of_serial(40_909.0), "Jan 2012");
        assert_eq!(month_of_iso("2011-04-01").as_deref(), Some("Apr 2011"));
        assert_eq!(month_of_iso("2011-13-01"), None);
        assert_eq!(cell_text(&Data::Float(15.045)), "15.045");
        assert_eq!(cell_text(&Data::Float(3660.0)), "3660");
    }
}
