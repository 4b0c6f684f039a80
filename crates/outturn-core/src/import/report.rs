//! Text copied from a committee report (Word or PDF): a table's lines with
//! their columns divided by tabs, or, where the copy lost the tabs, by runs
//! of two or more spaces.

/// Rows of cells from report text. A line with a tab is divided at tabs;
/// text with no tab anywhere is divided at runs of two or more spaces.
pub fn read_report(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let tabbed = text.contains('\t');
    text.lines()
        .map(|line| {
            if tabbed {
                line.split('\t').map(str::to_string).collect()
            } else {
                split_at_wide_spaces(line)
            }
        })
        .collect()
}

/// "April   3,660   3,889" → ["April", "3,660", "3,889"]; a single space
/// stays inside a cell ("Budget level").
fn split_at_wide_spaces(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut spaces = 0usize;
    for c in line.trim_end().chars() {
        if c == ' ' || c == '\u{a0}' {
            spaces += 1;
            continue;
        }
        if spaces >= 2 && !current.is_empty() {
            cells.push(std::mem::take(&mut current));
        } else if spaces == 1 && !current.is_empty() {
            current.push(' ');
        } else if spaces >= 2 && cells.is_empty() && current.is_empty() {
            // Leading spaces: the first cell is empty.
            cells.push(String::new());
        }
        spaces = 0;
        current.push(c);
    }
    if !current.is_empty() || cells.is_empty() {
        cells.push(current);
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::read_report;

    #[test]
    fn tabs_or_wide_spaces_divide_cells() {
        assert_eq!(
            read_report("April\t3,660\t\t3,889\n"),
            vec![vec!["April", "3,660", "", "3,889"]]
        );
        assert_eq!(
            read_report("Budget level   actual\nApril  3,660   3,889"),
            vec![
                vec!["Budget level", "actual"],
                vec!["April", "3,660", "3,889"]
            ]
        );
        assert_eq!(
            read_report("     2009-10   2010-11")[0],
            vec!["", "2009-10", "2010-11"]
        );
        assert_eq!(read_report(""), Vec::<Vec<String>>::new());
    }
}
