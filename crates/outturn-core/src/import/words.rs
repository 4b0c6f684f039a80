//! Header words: what a column's (or row's) header says it holds. A header
//! such as "Affordable Level (Client Weeks)" says two things: the series
//! (budget) and the measure (client weeks). Columns of one measure share
//! the words that remain when the series words are taken out, so "Budgeted
//! number of hours" and "Actual hours provided" are the budget and actual
//! of one measure, "hours". Units written in a header (`£000s`, `%`, `£p`,
//! `(hours)`, "No of weeks") are read too.

use super::options::Series;

/// A header cell's text made comparable: Latin lower case, footnote marks
/// and `**` dropped, spaces collapsed.
pub fn normalise(text: &str) -> String {
    let lower = crate::format::lower(text);
    let cleaned: String = lower
        .chars()
        .map(|c| match c {
            '*' | '†' | '‡' => ' ',
            '\u{a0}' | '\u{2009}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of a header, split at spaces and punctuation; `%`, `£` and
/// `$` stay attached to what follows them (`£000s`, `£p`).
fn tokens(text: &str) -> Vec<String> {
    let normal = normalise(text);
    normal
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, '(' | ')' | ',' | ':' | ';' | '/' | '-' | '–' | '[' | ']')
        })
        .map(|word| word.trim_matches('.').trim_end_matches('\''))
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// Words that say the series, and are not part of the measure's name.
const BUDGET_WORDS: [&str; 4] = ["budget", "budgeted", "affordable", "budgets"];
const FORECAST_WORDS: [&str; 4] = ["forecast", "forecasted", "projected", "projection"];
const ACTUAL_WORDS: [&str; 3] = ["actual", "actuals", "outturn"];
const RAG_WORDS: [&str; 3] = ["rag", "rating", "status"];
/// Words that join a measure's name without naming it.
const FILLER: [&str; 11] = [
    "level",
    "levels",
    "no",
    "number",
    "of",
    "the",
    "provided",
    "profile",
    "ytd",
    "delivered",
    "figure",
];

/// What a header says: its series (if it names one), the measure's key
/// (the words that remain), and the unit it writes, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderWords {
    /// The series its words name; `None` when they name none.
    pub series: Option<Series>,
    /// The measure's key: the header's words without series words and
    /// fillers, in order.
    pub key: String,
    /// A unit the header writes: `£000s`, `%`, `$`, `£ per client week`,
    /// `hours` (from "(hours)"), `weeks` (from "No of weeks").
    pub unit: Option<String>,
    /// Whether the unit is written as a symbol (`£000s`, `%`, `$`), which
    /// outweighs the reader's `--unit` in a table of several measures; a
    /// unit read from words ("(hours)", "No of weeks") does not.
    pub unit_is_symbol: bool,
    /// The header says the figures run on through the year ("cumulative",
    /// "year to date"): the last period is the year's figure.
    pub running: bool,
}

/// Reads a header's words.
pub fn header_words(text: &str) -> HeaderWords {
    let normal = normalise(text);
    // "year to date" is one phrase, and says the figures run on.
    let running_phrase = normal.contains("year to date") || normal.contains("ytd");
    let without_phrase = normal.replace("year to date", " ");
    let words = tokens(&without_phrase);
    let has = |set: &[&str]| words.iter().any(|w| set.contains(&w.as_str()));
    let series = if has(&FORECAST_WORDS) {
        Some(Series::Forecast)
    } else if has(&BUDGET_WORDS) {
        Some(Series::Budget)
    } else if has(&["target"]) {
        Some(Series::Target)
    } else if has(&["floor"]) {
        Some(Series::Floor)
    } else if has(&RAG_WORDS) {
        Some(Series::Rag)
    } else if has(&ACTUAL_WORDS) {
        Some(Series::Actual)
    } else {
        None
    };
    let running = running_phrase || has(&["cumulative"]);
    let key_words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| {
            !BUDGET_WORDS.contains(w)
                && !FORECAST_WORDS.contains(w)
                && !ACTUAL_WORDS.contains(w)
                && !RAG_WORDS.contains(w)
                && !FILLER.contains(w)
                && *w != "target"
                && *w != "cumulative"
        })
        .collect();
    let unit = unit_in(&normal, &words);
    let unit_is_symbol = unit
        .as_deref()
        .is_some_and(|u| u.starts_with(['£', '$', '€']) || u == "%");
    HeaderWords {
        series,
        key: key_words.join(" "),
        unit,
        unit_is_symbol,
        running,
    }
}

/// A unit written in a header, if any.
fn unit_in(normal: &str, words: &[String]) -> Option<String> {
    let money_thousands = ["£000s", "£000", "£'000", "£'000s", "£k", "£000's"];
    if let Some(word) = words.iter().find(|w| money_thousands.contains(&w.as_str())) {
        return Some(if word == "£k" { "£k" } else { "£000s" }.to_string());
    }
    if words.iter().any(|w| w == "£m") {
        return Some("£m".to_string());
    }
    if words
        .iter()
        .any(|w| w == "%" || w == "percentage" || w == "percent")
    {
        return Some("%".to_string());
    }
    let per = per_thing(normal);
    for symbol in ["£", "$", "€"] {
        let written = words.iter().any(|w| w.starts_with(symbol));
        if written {
            return Some(match &per {
                Some(thing) => format!("{symbol} per {thing}"),
                None => symbol.to_string(),
            });
        }
    }
    // "(hours)", "(Client Weeks)": a unit in brackets, not a price.
    if let Some(inner) = normal
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inner, _)| inner.trim())
    {
        let plain = !inner.is_empty()
            && inner.split_whitespace().count() <= 2
            && !inner.contains("per")
            && !inner.contains("cost")
            && inner.chars().all(|c| c.is_alphabetic() || c == ' ');
        if plain {
            return Some(inner.to_string());
        }
    }
    // "No of weeks", "Number of salting runs": the count of what follows.
    for prefix in ["number of ", "no of ", "no. of ", "nos of "] {
        let at_word = normal
            .match_indices(prefix)
            .find(|(at, _)| *at == 0 || normal[..*at].ends_with(' '))
            .map(|(at, _)| at + prefix.len());
        if let Some(rest) = at_word.map(|at| &normal[at..]) {
            let stop = |w: &str| {
                matches!(w, "in" | "at" | "per" | "for" | "by" | "of")
                    || BUDGET_WORDS.contains(&w)
                    || ACTUAL_WORDS.contains(&w)
                    || FORECAST_WORDS.contains(&w)
                    || FILLER.contains(&w)
                    || w.starts_with(['(', '£', '$'])
            };
            let thing: Vec<&str> = rest.split_whitespace().take_while(|w| !stop(w)).collect();
            if !thing.is_empty() && thing.len() <= 2 {
                return Some(thing.join(" "));
            }
        }
    }
    None
}

/// "per client week" in "average cost per client week" → "client week".
pub(super) fn per_thing(normal: &str) -> Option<String> {
    let (_, rest) = normal.split_once(" per ")?;
    let thing: Vec<&str> = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| !w.is_empty() && !w.starts_with(['£', '$']))
        .take(2)
        .collect();
    (!thing.is_empty()).then(|| thing.join(" "))
}

/// A label's words as an id: `Total number of LAC` → `total-number-of-lac`,
/// `%` → `percent`. At most `max` characters, cut at a hyphen.
pub fn slug(text: &str, max: usize) -> String {
    let normal = normalise(text)
        .replace('%', " percent ")
        .replace('&', " and ");
    let mut out = String::new();
    for word in normal.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let grown = out.len() + word.len() + usize::from(!out.is_empty());
        if grown > max && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<Series>, String, Option<String>) {
        let words = header_words(text);
        (words.series, words.key, words.unit)
    }

    #[test]
    fn series_and_measure_from_header_words() {
        assert_eq!(
            read("Budgeted number of hours"),
            (Some(Series::Budget), "hours".into(), Some("hours".into()))
        );
        assert_eq!(read("Actual hours provided").1, "hours");
        assert_eq!(read("Actual hours provided").0, Some(Series::Actual));
        assert_eq!(
            read("Affordable level (hours)"),
            (Some(Series::Budget), "hours".into(), Some("hours".into()))
        );
        assert_eq!(read("hours provided"), (None, "hours".into(), None));
        assert_eq!(
            read("number of clients"),
            (None, "clients".into(), Some("clients".into()))
        );
        assert_eq!(
            read("Average cost per client week Budget level").2,
            None,
            "no currency written: no price"
        );
        assert_eq!(
            read("Target average weekly cost £p"),
            (
                Some(Series::Target),
                "average weekly cost £p".into(),
                Some("£".into())
            )
        );
        let ytd = header_words("Year to date average weekly cost £p");
        assert_eq!(ytd.key, "average weekly cost £p");
        assert!(ytd.running);
        assert_eq!(
            read("Cost of salting runs Actual £000s"),
            (
                Some(Series::Actual),
                "cost salting runs £000s".into(),
                Some("£000s".into())
            )
        );
        assert_eq!(read("Waste Tonnage *").1, "waste tonnage");
        assert_eq!(read("Affordable Level").1, "");
        assert_eq!(
            read("Cumulative Forecast receipts £000s").0,
            Some(Series::Forecast)
        );
        assert!(header_words("Cumulative no. of claims").running);
        assert_eq!(read("Cumulative no. of claims").1, "claims");
        assert_eq!(read("%"), (None, "%".into(), Some("%".into())));
        assert_eq!(read("$").2, Some("$".into()));
        assert_eq!(read("Rag Rating").0, Some(Series::Rag));
        assert_eq!(read("Budget level").1, "");
    }

    #[test]
    fn slugs_for_ids() {
        assert_eq!(slug("Total number of LAC", 40), "total-number-of-lac");
        assert_eq!(slug("%", 40), "percent");
        assert_eq!(slug("Social Care & Sundry", 40), "social-care-and-sundry");
        assert_eq!(
            slug("Number of children looked after per 10,000 children", 20),
            "number-of-children"
        );
    }
}
