//! Numbers as UK reports print them: `6,191`, `£1,229.19`, `£1.2m`,
//! `£395k`, `+2,921`, `-0.328`, `(1,234)` for a negative, `12.5%`, with
//! non-breaking or thin spaces and a trailing footnote mark (`1,087*`); `-`
//! or an empty cell is a figure not reported, never zero.

/// The number in `cell`: `Ok(None)` for a figure not reported (empty, `-`,
/// `–`), `Err` with what is wrong and how to write it otherwise. A `%`
/// sign is dropped (the value stays as written: `12.5%` is 12.5); `k`,
/// `m` and `bn` after the digits multiply.
pub fn parse_uk_number(cell: &str) -> Result<Option<f64>, String> {
    // A plain space between two digits is two figures run together in a
    // copy ("9 | 1 100" for "91 | 100"), not a thousands separator: reports
    // group thousands with commas, or with non-breaking or thin spaces.
    let chars: Vec<char> = cell.trim().chars().collect();
    let run_together = chars
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == ' ' && w[2].is_ascii_digit());
    if run_together {
        return Err(format!(
            "{} looks like two figures run together: a space is not a thousands separator (write 1,100), and two figures need two cells",
            crate::format::quoted(cell.trim())
        ));
    }
    let spaces = |c: char| c.is_whitespace() || matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}');
    let text: String = cell.chars().filter(|c| !spaces(*c)).collect();
    let text = text.trim_end_matches(['*', '†', '‡']);
    if matches!(text, "" | "-" | "–" | "—") {
        return Ok(None);
    }
    let (negative, text) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => (false, text),
    };
    let (minus, text) = match text.strip_prefix(['-', '−', '–']) {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let text = text.strip_prefix(['£', '$', '€']).unwrap_or(text);
    let text = text.strip_suffix('%').unwrap_or(text);
    let lower = crate::format::lower(text);
    let (digits, scale) = if let Some(d) = lower.strip_suffix("bn") {
        (d.to_string(), 1e9)
    } else if let Some(d) = lower.strip_suffix('m') {
        (d.to_string(), 1e6)
    } else if let Some(d) = lower.strip_suffix('k') {
        (d.to_string(), 1e3)
    } else {
        (lower, 1.0)
    };
    let plain = digits.replace(',', "");
    let well_formed = !plain.is_empty()
        && plain.chars().all(|c| c.is_ascii_digit() || c == '.')
        && plain.matches('.').count() <= 1
        && plain.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(format!(
            "{} is not a number: write it as 1,234, -56.7, (1,234), £1.2m or 12.5%, or - where no figure was reported",
            crate::format::quoted(cell.trim())
        ));
    }
    let value: f64 = plain
        .parse()
        .map_err(|_| format!("{} is not a number", crate::format::quoted(cell.trim())))?;
    let value = value * scale;
    Ok(Some(if negative != minus { -value } else { value }))
}

#[cfg(test)]
mod tests {
    use super::parse_uk_number;

    #[test]
    fn uk_numbers_as_printed() {
        let n = |text: &str| parse_uk_number(text).unwrap();
        assert_eq!(n("6,191"), Some(6191.0));
        assert_eq!(n("£1,229.19"), Some(1229.19));
        assert_eq!(n("£1.2m"), Some(1_200_000.0));
        assert_eq!(n("£395k"), Some(395_000.0));
        assert_eq!(n("+2,921"), Some(2921.0));
        assert_eq!(n("-0.328"), Some(-0.328));
        assert_eq!(n("−12"), Some(-12.0));
        assert_eq!(n("(1,234)"), Some(-1234.0));
        assert_eq!(n("-£2,812k"), Some(-2_812_000.0));
        assert_eq!(n("12.5%"), Some(12.5));
        assert_eq!(n("1\u{a0}087"), Some(1087.0));
        assert_eq!(n("1\u{2009}087*"), Some(1087.0));
        assert_eq!(n("£1.5bn"), Some(1_500_000_000.0));
        assert_eq!(n("$69.44"), Some(69.44));
        assert_eq!(n("*"), None);
        assert_eq!(n(""), None);
        assert_eq!(n(" - "), None);
        assert_eq!(n("–"), None);
        assert_eq!(n("£ 1,234"), Some(1234.0));
        assert!(parse_uk_number("1 100")
            .unwrap_err()
            .contains("two figures run together"));
        for bad in [
            "n/a", "1.2.3", "£", "12 hours", "abc", "(", "1,2a", "200 200",
        ] {
            assert!(parse_uk_number(bad).is_err(), "{bad}");
        }
        assert!(parse_uk_number("n/a")
            .unwrap_err()
            .contains("\"n/a\" is not a number"));
    }
}
