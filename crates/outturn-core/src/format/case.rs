//! Letter case for search and sentence starts, and quoting for messages, for the Latin letters council
//! data is written in (English, Welsh, Gaelic, Irish, Cornish and the accented
//! names of places and people): ASCII, Latin-1 and Latin Extended-A.
//!
//! Why not `str::to_lowercase`: it carries the whole of Unicode's case tables
//! (about 25 KB of WebAssembly) for letters no council dataset uses. Other
//! letters are left as they are, so a search for them still matches itself.

/// `c` in lower case, when it is a Latin letter with a lower-case form.
pub fn lower_char(c: char) -> char {
    let code = c as u32;
    let lowered = match code {
        0x41..=0x5A => code + 0x20,
        // À..Þ, except × (U+00D7), which is not a letter.
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        // Latin Extended-A pairs capital (even) with small (odd) from Ā to
        // ķ and from Ŋ to ŷ, and capital (odd) with small (even) from Ĺ to ň
        // and from Ź to ž; İ, ĸ, ŉ and ſ have no simple pair.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// `c` in upper case, when it is a Latin letter with an upper-case form.
pub fn upper_char(c: char) -> char {
    let code = c as u32;
    let raised = match code {
        0x61..=0x7A => code - 0x20,
        0xE0..=0xFE if code != 0xF7 => code - 0x20,
        0xFF => 0x178,
        0x101..=0x130 | 0x133..=0x138 | 0x14B..=0x178 if code % 2 == 1 => code - 1,
        0x13A..=0x149 | 0x17A..=0x17F if code % 2 == 0 => code - 1,
        _ => code,
    };
    char::from_u32(raised).unwrap_or(c)
}

/// `text` in lower case (see the module notes for which letters).
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper_char(first)).chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` in double quotes for messages, with quotes, backslashes and
/// invisible characters escaped as Rust and JSON readers expect (`\"`,
/// `\n`, `\u{202e}`). Like `format!("{text:?}")` without the Unicode
/// printability tables that brings in.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if invisible(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `c` can continue a word: an ASCII letter or digit, or a Latin
/// letter with an accent (U+00C0 to U+024F, not `×` or `÷`). Used to tell
/// a money suffix ("£118k") from the start of a word ("£5 kilos").
///
/// Why not `char::is_alphanumeric`: it carries Unicode's letter and number
/// tables (about 2 KB of the download), and the words it looks at are ours.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (matches!(c as u32, 0xC0..=0x24F) && !matches!(c, '×' | '÷'))
}

/// Control characters and the invisible formatting characters that can
/// disguise text (zero-width, bidirectional controls, byte-order mark).
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::{capitalise, is_word_char, lower, lower_char, quoted, upper_char};

    #[test]
    fn quotes_like_debug_for_the_characters_data_contains() {
        for text in [
            "waste-tonnage",
            "say \"hi\"",
            "back\\slash",
            "line\nbreak\ttab\r",
            "bell\u{7}",
            "\u{202e}gnp.exe",
            "zero\u{200b}width",
            "£ per hour – Ŵ é",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"), "{text}");
        }
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // Unicode's mapping is the reference here.
    fn agrees_with_unicode_on_the_latin_letters_it_covers() {
        for code in 0..=0x17F_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut unicode_lower = c.to_lowercase();
            let expected_lower = match (unicode_lower.next(), unicode_lower.next()) {
                (Some(one), None) => one,
                _ => c,
            };
            assert_eq!(lower_char(c), expected_lower, "lower of U+{code:04X}");
            let mut unicode_upper = c.to_uppercase();
            let expected_upper = match (unicode_upper.next(), unicode_upper.next()) {
                // ſ and ı fold to ASCII capitals and µ to Greek Μ, which
                // this leaves alone; ß has no one-letter capital.
                (Some(one), None) if code != 0x17F && code != 0x131 && (one as u32) <= 0x17F => one,
                _ => c,
            };
            assert_eq!(upper_char(c), expected_upper, "upper of U+{code:04X}");
        }
    }

    #[test]
    fn folds_welsh_and_accented_words() {
        assert_eq!(lower("ŴYDDFA Île-de-France ŸR"), "ŵyddfa île-de-france ÿr");
        assert_eq!(capitalise("ŵyn"), "Ŵyn");
        assert_eq!(capitalise("éire"), "Éire");
        assert_eq!(capitalise(""), "");
        // Letters outside the covered range are left alone.
        assert_eq!(lower("ΑΒΓ"), "ΑΒΓ");
    }

    #[test]
    fn word_characters_are_latin_letters_and_digits() {
        for c in ['a', 'Z', '7', 'é', 'Ł', 'ß', 'ÿ'] {
            assert!(is_word_char(c), "{c}");
        }
        for c in [' ', '.', ',', '-', '–', '×', '÷', '£', ')', '\u{a0}'] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }
}
