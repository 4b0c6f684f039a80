//! Words and numbers the UK way: `2,410,522 hours`, `£1,234`, `£118k`,
//! `£1.2m`, `+8,006 (+0.3%)`, and the plain-English sentences built from the
//! analysis (headline, cost effect, tooltip rows).

mod case;
mod narrative;
mod number;
mod performance;
mod standing;

pub use case::{capitalise, is_word_char, lower, quoted};
pub use narrative::{
    cost_sentence, headline, point_detail, printed_sentences, up_or_down, PointDetail,
};
pub use number::{
    format_amount, format_axis_tick, format_difference, format_megabytes, format_money,
    format_number, format_percent, format_reported, format_signed, format_value, format_variance,
    parse_decimal, shows_non_zero, spoken, with_percent, with_plus, MoneyScale,
};
pub use performance::{
    against_target, figures_say, performance_headline, rag_word, status_name, status_words,
};
pub use standing::Standing;

/// Splits a note into plain and `**bold**` spans: `(is_bold, text)`.
/// Unpaired `**` stays as literal text. The text is never markup.
pub fn note_spans(note: &str) -> Vec<(bool, String)> {
    let mut spans = Vec::new();
    let mut rest = note;
    while let Some(start) = rest.find("**") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("**") else {
            break;
        };
        if start > 0 {
            spans.push((false, rest[..start].to_string()));
        }
        spans.push((true, after[..end].to_string()));
        rest = &after[end + 2..];
    }
    if !rest.is_empty() {
        spans.push((false, rest.to_string()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::note_spans;

    #[test]
    fn notes_keep_bold_spans_as_text() {
        assert_eq!(
            note_spans("**SEN HTST** – similar <b>x</b>"),
            vec![
                (true, "SEN HTST".into()),
                (false, " – similar <b>x</b>".into())
            ]
        );
        assert_eq!(note_spans("a ** b"), vec![(false, "a ** b".into())]);
        assert_eq!(note_spans(""), Vec::<(bool, String)>::new());
    }
}
