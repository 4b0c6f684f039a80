//! CSV as spreadsheets write it (RFC 4180): fields separated by a comma
//! (or a tab), quoted where they hold the separator, a quote or a line
//! break, a quote inside a quoted field written twice; lines end in CRLF or
//! LF. Written by hand rather than with a crate: the reader is a few dozen
//! lines, and the page's code size is a budget (see `size-budget.json`).

use super::ImportError;

/// The rows of `text` split at `separator` (`,` or `\t`), each a list of
/// cells; a byte-order mark is dropped. An unclosed quote is an error
/// naming the row it opened on.
pub fn read_rows(text: &str, separator: char) -> Result<Vec<Vec<String>>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut quote_opened = 0;
    let mut line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push(c);
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => {
                quoted = true;
                quote_opened = line;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                line += 1;
            }
            c if c == separator => row.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(ImportError::row(
            quote_opened,
            "a quoted cell is never closed: add the closing \" (a quote inside a cell is written \"\")",
        ));
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    Ok(rows)
}

/// A cell written for CSV: quoted when it holds a comma, a quote or a line
/// break (a quote inside doubled).
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_quotes_and_line_ends() {
        let rows = read_rows(
            "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",,end",
            ',',
        )
        .unwrap();
        assert_eq!(
            rows,
            [
                vec!["a", "b", "c"],
                vec!["1", "x, y", "say \"hi\""],
                vec!["two\nlines", "", "end"],
            ]
        );
        assert_eq!(read_rows("a\tb\n", '\t').unwrap(), [vec!["a", "b"]]);
        assert_eq!(
            read_rows("\u{feff}a\n\nb", ',').unwrap(),
            [vec!["a"], vec![""], vec!["b"]]
        );
        assert_eq!(read_rows("", ',').unwrap(), Vec::<Vec<String>>::new());
        let error = read_rows("a\n\"open,b\nc", ',').unwrap_err();
        assert_eq!(error.row, Some(2));
        for text in ["plain", "a, b", "say \"hi\"", "two\nlines"] {
            let written = csv_field(text);
            assert_eq!(read_rows(&written, ',').unwrap(), [vec![text]], "{text}");
        }
    }
}
