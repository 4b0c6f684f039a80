//! Financial years (April to March, written `2011-12`) and the periods a year
//! is reported in (months, quarters, school terms, the year, or custom labels).

use std::fmt;

const MONTHS: [&str; 12] = [
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "January",
    "February",
    "March",
];
const QUARTER_SPANS: [&str; 4] = ["Apr to Jun", "Jul to Sep", "Oct to Dec", "Jan to Mar"];
const TERMS: [&str; 3] = ["Summer", "Autumn", "Spring"];

/// A UK financial year, 1 April to 31 March, identified by the calendar year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear {
    start: i32,
}

impl FinancialYear {
    /// The year starting in April of `start` (2011 for 2011-12).
    pub fn starting(start: i32) -> Self {
        Self { start }
    }

    /// Parses `YYYY-YY` where YY is the year after YYYY (`2011-12`, `1999-00`).
    pub fn parse(label: &str) -> Option<Self> {
        let bytes = label.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' || !label.is_char_boundary(4) {
            return None;
        }
        let start: i32 = label.get(..4)?.parse().ok()?;
        let end: i32 = label.get(5..)?.parse().ok()?;
        let digits_only = label
            .char_indices()
            .all(|(i, c)| i == 4 || c.is_ascii_digit());
        (digits_only && (start + 1) % 100 == end).then_some(Self { start })
    }

    /// The calendar year the financial year starts in.
    pub fn start_year(self) -> i32 {
        self.start
    }

    /// The following financial year.
    pub fn next(self) -> Self {
        Self {
            start: self.start + 1,
        }
    }

    /// The preceding financial year.
    pub fn previous(self) -> Self {
        Self {
            start: self.start - 1,
        }
    }

    /// Calendar year of the `month`th month (0 = April) of this financial year.
    pub fn calendar_year_of_month(self, month: usize) -> i32 {
        if month < 9 {
            self.start
        } else {
            self.start + 1
        }
    }
}

/// `2011-12`.
impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.start, (self.start + 1).rem_euclid(100))
    }
}

/// A calendar month, written `2012-02`: the month whose figures a
/// monitoring round's forecast used ([`super::ForecastRound::as_at`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarMonth {
    /// Calendar year.
    year: i32,
    /// 1 (January) to 12 (December).
    month: u8,
}

impl CalendarMonth {
    /// Parses `YYYY-MM` (`2012-02`); `None` for anything else, or a month
    /// outside 01 to 12.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 7
            || bytes[4] != b'-'
            || !text
                .bytes()
                .enumerate()
                .all(|(i, b)| i == 4 || b.is_ascii_digit())
        {
            return None;
        }
        let year: i32 = text.get(..4)?.parse().ok()?;
        let month: u8 = text.get(5..)?.parse().ok()?;
        (1..=12).contains(&month).then_some(Self { year, month })
    }

    /// "February 2012".
    pub fn long_label(self) -> String {
        // MONTHS runs April to March.
        let index = (usize::from(self.month) + 8) % 12;
        format!("{} {}", MONTHS[index], self.year)
    }

    /// "Feb 2012".
    pub fn short_label(self) -> String {
        let index = (usize::from(self.month) + 8) % 12;
        format!(
            "{} {}",
            MONTHS[index].get(..3).unwrap_or(MONTHS[index]),
            self.year
        )
    }

    /// The financial year the month falls in (February 2012 is in 2011-12).
    pub fn financial_year(self) -> FinancialYear {
        FinancialYear::starting(if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        })
    }
}

/// `2012-02`.
impl fmt::Display for CalendarMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

/// The periods one year of an indicator is reported in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodScheme {
    /// 12 months, April first.
    Month,
    /// 4 quarters: Q1 Apr-Jun ... Q4 Jan-Mar.
    Quarter,
    /// 3 school terms in financial-year order: Summer, Autumn, Spring.
    Term,
    /// One figure for the whole year.
    Year,
    /// Labels given by the data, one or more.
    Custom(Vec<String>),
}

impl PeriodScheme {
    /// Parses the `period` word of the format.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "month" => Some(Self::Month),
            "quarter" => Some(Self::Quarter),
            "term" => Some(Self::Term),
            "year" => Some(Self::Year),
            _ => None,
        }
    }

    /// Number of periods in a year.
    pub fn len(&self) -> usize {
        match self {
            Self::Month => 12,
            Self::Quarter => 4,
            Self::Term => 3,
            Self::Year => 1,
            Self::Custom(labels) => labels.len(),
        }
    }

    /// Always false: a scheme has at least one period.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The word for one period ("month", "quarter", "term", "year", "period").
    pub fn noun(&self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Term => "term",
            Self::Year => "year",
            Self::Custom(_) => "period",
        }
    }

    /// Short axis label: `Apr`, `Q1`, `Summer`, `Year`, or the custom label.
    pub fn short_label(&self, index: usize) -> String {
        match self {
            Self::Month => MONTHS
                .get(index)
                .map(|month| month.chars().take(3).collect())
                .unwrap_or_default(),
            Self::Quarter => format!("Q{}", index + 1),
            Self::Term => TERMS.get(index).copied().unwrap_or_default().to_string(),
            Self::Year => "Year".to_string(),
            Self::Custom(labels) => labels.get(index).cloned().unwrap_or_default(),
        }
    }

    /// Label naming the period within its year, for tooltips and sentences:
    /// `June 2011`, `Q1 2011-12 (Apr to Jun)`, `Summer term 2011-12`.
    pub fn long_label(&self, index: usize, year: FinancialYear) -> String {
        match self {
            Self::Month => match MONTHS.get(index) {
                Some(month) => format!("{month} {}", year.calendar_year_of_month(index)),
                None => String::new(),
            },
            Self::Quarter => format!(
                "Q{} {year} ({})",
                index + 1,
                QUARTER_SPANS.get(index).copied().unwrap_or_default()
            ),
            Self::Term => format!(
                "{} term {year}",
                TERMS.get(index).copied().unwrap_or_default()
            ),
            Self::Year => format!("{year}"),
            Self::Custom(labels) => {
                format!("{} {year}", labels.get(index).map_or("", String::as_str))
            }
        }
    }

    /// Label for announcing a period with its financial year:
    /// `June 2011-12`, `Q1 2011-12`, `Summer term 2011-12`.
    pub fn announce_label(&self, index: usize, year: FinancialYear) -> String {
        match self {
            Self::Month => format!("{} {year}", MONTHS.get(index).copied().unwrap_or_default()),
            Self::Quarter => format!("Q{} {year}", index + 1),
            Self::Term => format!(
                "{} term {year}",
                TERMS.get(index).copied().unwrap_or_default()
            ),
            Self::Year => year.to_string(),
            Self::Custom(labels) => {
                format!("{} {year}", labels.get(index).map_or("", String::as_str))
            }
        }
    }

    /// Label for the span "from the first period to `index`", for year-to-date
    /// sentences: `April to September 2011`, `Q1 to Q2`, `Summer to Autumn`.
    pub fn span_label(&self, index: usize, year: FinancialYear) -> String {
        match self {
            Self::Month => format!("April to {}", self.long_label(index, year)),
            _ if index == 0 => self.short_label(0),
            _ => format!("{} to {}", self.short_label(0), self.short_label(index)),
        }
    }
}

impl PeriodScheme {
    /// A period named within a sentence about its year: the month with its
    /// calendar year (`March 2011`), else the short label (`Q4`, `Summer`).
    pub fn name(&self, index: usize, year: FinancialYear) -> String {
        match self {
            Self::Month => self.long_label(index, year),
            _ => self.short_label(index),
        }
    }

    /// Which periods a figure covers, in words, for `indices` (in order) of
    /// a year: `Q1 to Q2` or `April to September 2011` from the year's
    /// start, `Q4 only`, `Q2 to Q4`, or `3 of 12 months` where there are
    /// gaps; `no months` for none. The whole year reads as a span from the
    /// start (`Q1 to Q4`); callers say "in 2011-12" for that themselves.
    pub fn coverage_label(&self, indices: &[usize], year: FinancialYear) -> String {
        let (Some(&first), Some(&last)) = (indices.first(), indices.last()) else {
            return format!("no {}s", self.noun());
        };
        let named = |index: usize| self.name(index, year);
        let contiguous = last - first + 1 == indices.len();
        if !contiguous {
            return format!("{} of {} {}s", indices.len(), self.len(), self.noun());
        }
        if first == last {
            return format!("{} only", named(first));
        }
        if first == 0 {
            return self.span_label(last, year);
        }
        format!("{} to {}", named(first), named(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn financial_year_labels_round_trip() {
        let year = FinancialYear::parse("2011-12").unwrap();
        assert_eq!(year.start_year(), 2011);
        assert_eq!(year.to_string(), "2011-12");
        assert_eq!(
            FinancialYear::parse("1999-00").unwrap().to_string(),
            "1999-00"
        );
        assert_eq!(year.next().to_string(), "2012-13");
    }

    #[test]
    fn bad_financial_year_labels_are_refused() {
        for bad in [
            "2011-13",
            "2011/12",
            "11-12",
            "2011-2012",
            "abcd-ef",
            "2011-1x",
            "",
            "2011-12 ",
            "+011-12",
        ] {
            assert!(FinancialYear::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn months_run_april_to_march() {
        let year = FinancialYear::starting(2011);
        assert_eq!(PeriodScheme::Month.short_label(0), "Apr");
        assert_eq!(PeriodScheme::Month.short_label(11), "Mar");
        assert_eq!(PeriodScheme::Month.long_label(2, year), "June 2011");
        assert_eq!(PeriodScheme::Month.long_label(9, year), "January 2012");
        assert_eq!(
            PeriodScheme::Quarter.long_label(0, year),
            "Q1 2011-12 (Apr to Jun)"
        );
        assert_eq!(PeriodScheme::Term.short_label(2), "Spring");
        assert_eq!(
            PeriodScheme::Month.span_label(5, year),
            "April to September 2011"
        );
    }
}
