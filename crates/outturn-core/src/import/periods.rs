//! The names reports give periods and financial years, read the way a
//! reader reads them: months in full or short (`April`, `Apr`, `Sept`,
//! `Apr-11`), quarters (`Q1`, `Quarter 1`, `Apr-June`, `Jul – Sep`), school
//! terms (`Summer`, `Autumn term`), and financial years (`2009-10`,
//! `2010/11`, `11/12`). The first step of reading a table as a report
//! prints it: which rows are periods, and which years head the columns. A
//! name that is none of these is `None`, never a guess.

use crate::model::FinancialYear;

/// What kind of period a name is, and which of the year it is (0 =
/// April, Q1 or the summer term).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodName {
    /// A month; `year` is the calendar year where the name gives one
    /// (`Apr-11` is April 2011).
    Month {
        /// April = 0 ... March = 11.
        index: usize,
        /// The calendar year, if written.
        year: Option<i32>,
    },
    /// A quarter: Q1 = April to June.
    Quarter(usize),
    /// A school term: Summer = 0, Autumn = 1, Spring = 2.
    Term(usize),
}

/// Month names as reports write them, in financial-year order, with the
/// short forms reports use ("Sept" beside "Sep").
const MONTHS: [&[&str]; 12] = [
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sept", "sep"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
];

/// The month `word` names (April = 0), in full or short.
fn month(word: &str) -> Option<usize> {
    let word = crate::format::lower(word.trim().trim_end_matches('.'));
    MONTHS
        .iter()
        .position(|names| names.contains(&word.as_str()))
}

/// The quarter (Q1 = 0) named by its first and last months: `Apr-June`,
/// `Jul - Sep`, `October - December`.
fn quarter_range(text: &str) -> Option<usize> {
    let (from, to) = text.split_once('-')?;
    let (from, to) = (month(from)?, month(to)?);
    (from % 3 == 0 && to == from + 2).then_some(from / 3)
}

/// The period a row's label names, or `None`.
pub fn period_name(label: &str) -> Option<PeriodName> {
    let text = label.trim().replace(['–', '—'], "-");
    let lower = crate::format::lower(&text);
    let lower = lower.trim();
    if let Some(index) = month(lower) {
        return Some(PeriodName::Month { index, year: None });
    }
    // "Apr-11", "Apr 11", "April 2011".
    if let Some((name, year)) = lower.split_once(['-', ' ']) {
        if let (Some(index), Ok(year)) = (month(name), year.trim().parse::<i32>()) {
            let year = if (0..100).contains(&year) {
                2000 + year
            } else {
                year
            };
            if (1900..2200).contains(&year) {
                return Some(PeriodName::Month {
                    index,
                    year: Some(year),
                });
            }
        }
    }
    // "Q1", "Quarter 1", "Qtr 1", and "Qtr 1 April - June" where the
    // months, if given, must be that quarter's.
    let numbered = ["quarter", "qtr", "q"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))
        .map(str::trim_start)
        .and_then(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            let (number, months) = rest.split_at(digits);
            let number = number
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=4).contains(n))?;
            Some((number - 1, months.trim()))
        });
    if let Some((index, months)) = numbered {
        return match months {
            "" => Some(PeriodName::Quarter(index)),
            range => (quarter_range(range) == Some(index)).then_some(PeriodName::Quarter(index)),
        };
    }
    // "Apr-June", "Jul - Sep": a quarter by its first and last months.
    if let Some(index) = quarter_range(lower) {
        return Some(PeriodName::Quarter(index));
    }
    let term = lower.strip_suffix("term").map_or(lower, str::trim);
    match term {
        "summer" => Some(PeriodName::Term(0)),
        "autumn" => Some(PeriodName::Term(1)),
        "spring" => Some(PeriodName::Term(2)),
        _ => None,
    }
}

/// The financial year a header names: `2009-10`, `2010/11`, `11/12`,
/// `2011-2012`; `None` for anything else (two years that do not follow
/// each other are not a financial year).
pub fn financial_year_name(label: &str) -> Option<FinancialYear> {
    let text = label.trim().replace(['–', '—', '/'], "-");
    let (first, second) = text.split_once('-')?;
    let (first, second) = (first.trim(), second.trim());
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) || !digits(second) {
        return None;
    }
    let start: i32 = first.parse().ok()?;
    let start = match first.len() {
        4 => start,
        2 => 2000 + start,
        _ => return None,
    };
    let end: i32 = second.parse().ok()?;
    let follows = match second.len() {
        2 => (start + 1) % 100 == end,
        4 => start + 1 == end,
        _ => false,
    };
    follows.then(|| FinancialYear::starting(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_quarters_and_terms_as_reports_name_them() {
        let month = |index, year| Some(PeriodName::Month { index, year });
        assert_eq!(period_name("April"), month(0, None));
        assert_eq!(period_name("Sept"), month(5, None));
        assert_eq!(period_name(" Sep "), month(5, None));
        assert_eq!(period_name("March"), month(11, None));
        assert_eq!(period_name("Mar"), month(11, None));
        assert_eq!(period_name("Apr-11"), month(0, Some(2011)));
        assert_eq!(period_name("Jan 2012"), month(9, Some(2012)));
        assert_eq!(period_name("Q1"), Some(PeriodName::Quarter(0)));
        assert_eq!(period_name("Quarter 4"), Some(PeriodName::Quarter(3)));
        assert_eq!(period_name("Apr-June"), Some(PeriodName::Quarter(0)));
        assert_eq!(period_name("Jul – Sep"), Some(PeriodName::Quarter(1)));
        assert_eq!(period_name("Jan-Mar"), Some(PeriodName::Quarter(3)));
        assert_eq!(period_name("Jan- Mar"), Some(PeriodName::Quarter(3)));
        assert_eq!(
            period_name("July - September"),
            Some(PeriodName::Quarter(1))
        );
        assert_eq!(
            period_name("Qtr 1 April - June"),
            Some(PeriodName::Quarter(0))
        );
        assert_eq!(period_name("Qtr 4 Jan - Mar"), Some(PeriodName::Quarter(3)));
        assert_eq!(period_name("Qtr 2"), Some(PeriodName::Quarter(1)));
        assert_eq!(period_name("Summer"), Some(PeriodName::Term(0)));
        assert_eq!(period_name("Autumn term"), Some(PeriodName::Term(1)));
        assert_eq!(period_name("Spring Term"), Some(PeriodName::Term(2)));
        for not_a_period in [
            "TOTAL",
            "Q5",
            "Feb-Apr",
            "Qtr 1 July - Sep",
            "Note 1",
            "",
            "2011-12",
            "Mayor",
        ] {
            assert_eq!(period_name(not_a_period), None, "{not_a_period}");
        }
    }

    #[test]
    fn financial_years_as_reports_head_them() {
        let fy = |start| Some(FinancialYear::starting(start));
        assert_eq!(financial_year_name("2009-10"), fy(2009));
        assert_eq!(financial_year_name("2010/11"), fy(2010));
        assert_eq!(financial_year_name("11/12"), fy(2011));
        assert_eq!(financial_year_name("2011-2012"), fy(2011));
        assert_eq!(financial_year_name("1999-00"), fy(1999));
        for not_a_year in ["2009-11", "2011", "April", "Q1", "12/11", "20-21-22"] {
            assert_eq!(financial_year_name(not_a_year), None, "{not_a_year}");
        }
    }
}
