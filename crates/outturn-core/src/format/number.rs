//! Number, money and unit formatting (UK conventions: comma thousands
//! separators, `£` before the amount, `k`/`m` short forms as council reports
//! write them).

use crate::model::{Unit, UnitKind};

/// `2410522.0, 0` → `2,410,522`; `-14.716, 2` → `-14.72`. Never prints `-0`.
pub fn format_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "-".to_string();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 + 4);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    let is_zero = text.bytes().all(|b| matches!(b, b'0' | b'.'));
    if value < 0.0 && !is_zero {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Bytes per megabyte as the widget's messages count them (binary: a
/// "1.0 MB" file is 1,048,576 bytes).
const BYTES_PER_MEGABYTE: f64 = 1_048_576.0;

/// A size in bytes as megabytes with one decimal, for messages about a
/// file's size: `3_460_300` → `3.3 MB`, `1_048_576` → `1.0 MB`.
pub fn format_megabytes(bytes: usize) -> String {
    format!("{} MB", format_number(bytes as f64 / BYTES_PER_MEGABYTE, 1))
}

/// Pounds the way budget reports write them: `£14.72`, `£1,234`, `£118k`,
/// `£1,850k`, `£12.3m`; negative as `-£1,850k`.
pub fn format_money(pounds: f64) -> String {
    let sign = if pounds < 0.0 && pounds.abs() >= 0.005 {
        "-"
    } else {
        ""
    };
    let size = pounds.abs();
    let body = if size < 1_000.0 && (size - size.round()).abs() >= 0.005 {
        format_number(size, 2)
    } else if size < 10_000.0 {
        format_number(size, 0)
    } else if size < 10_000_000.0 {
        format!("{}k", format_number(size / 1_000.0, 0))
    } else {
        format!("{}m", format_number(size / 1_000_000.0, 1))
    };
    format!("{sign}£{body}")
}

/// A plain decimal number written by a person or by [`format_number`]
/// without its commas: `"12"`, `"-0.5"`, `"+3"`, `".5"`, `"118."`, `"007"`.
/// `None` for anything else (including `"inf"` and `"NaN"`).
///
/// Why not `str::parse::<f64>`: the standard library's float parser brings
/// an 11 KB table of 128-bit powers of five into the wasm that gzip cannot
/// shrink (measured: 9 KB of the download). serde_json's number parser is
/// already in for the data, so the text is tidied into JSON's number
/// grammar (no `+`, no leading zeros, digits on both sides of the point)
/// and read by it. Exact for the short figures this reads (up to 15
/// significant digits and exponents within ±22, where one multiplication
/// or division by a power of ten rounds correctly).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let is_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if !is_digits(whole) || !is_digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let json = if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    };
    serde_json::from_str(&json).ok()
}

/// Text for reading aloud: short money forms become full ones, as style
/// guides ask ("£1,850k" → "£1.85 million", "£118k" → "£118,000",
/// "£12.3m" → "£12.3 million"), and a sign keeps to its amount: a word
/// joiner (U+2060, unseen and unspoken) after a "-" or "+" before "£", so
/// a wrapped sentence never ends a line on a bare "-" that reads as a
/// dash. Everything else is left as it is.
pub fn spoken(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(at) = rest.find('£') {
        out.push_str(&rest[..at]);
        let mut before = out.chars().rev();
        if let (Some('-' | '+'), None | Some(' ' | '(')) = (before.next(), before.next()) {
            out.push(WORD_JOINER);
        }
        let after = &rest[at + '£'.len_utf8()..];
        let digits = after
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(after.len());
        let number = &after[..digits];
        let suffix = after[digits..].chars().next();
        let boundary = after[digits..]
            .chars()
            .nth(1)
            .is_none_or(|c| !super::is_word_char(c));
        let value = parse_decimal(&number.replace(',', ""));
        let pounds = match (value, suffix, boundary) {
            (Some(v), Some('k'), true) => Some(v * 1_000.0),
            (Some(v), Some('m'), true) => Some(v * 1_000_000.0),
            _ => None,
        };
        match pounds {
            Some(pounds) => {
                out.push_str(&money_in_words(pounds));
                rest = &after[digits + 1..];
            }
            None => {
                out.push('£');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Joins a sign to its amount in running text: no line break on either
/// side, and nothing seen or spoken.
pub const WORD_JOINER: char = '\u{2060}';

/// `£118,000`, `£1.85 million`, `£12.3 million` (up to 3 decimals, no trailing zeros).
fn money_in_words(pounds: f64) -> String {
    if pounds.abs() >= 1_000_000.0 {
        let millions = format!("{:.3}", pounds / 1_000_000.0);
        let millions = millions.trim_end_matches('0').trim_end_matches('.');
        format!("£{millions} million")
    } else {
        format!("£{}", format_number(pounds, 0))
    }
}

/// How a list of money amounts is shown: at one scale (pounds, thousands or
/// millions) with one number of decimals, so a column or a list never mixes
/// `£2,812k` with `£10.2m`, and never shows more figures than the data has
/// (a source figure of £2.8m is `£2.8m`, not `£2,800k`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MoneyScale {
    /// Pounds per unit shown: 1, 1,000 (`k`) or 1,000,000 (`m`).
    pub pounds_per: f64,
    /// Decimal places shown.
    pub decimals: usize,
}

impl MoneyScale {
    /// The scale for money written in `unit_scale` pounds per value with
    /// `decimals` decimal places: thousands and millions stay as the source
    /// wrote them; pounds go to `k` or `m` by the `largest` amount of the
    /// list (in pounds), as reports write them.
    pub fn for_data(unit_scale: f64, decimals: usize, largest: f64) -> Self {
        if unit_scale >= 1_000.0 {
            return Self {
                pounds_per: unit_scale,
                decimals,
            };
        }
        Self::for_pounds(largest, decimals)
    }

    /// The scale for amounts in pounds whose largest is `largest`; `decimals`
    /// applies when shown in pounds.
    fn for_pounds(largest: f64, decimals: usize) -> Self {
        let largest = largest.abs();
        if largest >= 10_000_000.0 {
            Self {
                pounds_per: 1_000_000.0,
                decimals: 1,
            }
        } else if largest >= 10_000.0 {
            Self {
                pounds_per: 1_000.0,
                decimals: 0,
            }
        } else {
            Self {
                pounds_per: 1.0,
                decimals,
            }
        }
    }

    /// One scale for a list whose items would each be shown at `scales`:
    /// the coarsest of them, so no item gains figures it does not have.
    pub fn common(scales: &[MoneyScale]) -> Option<Self> {
        let coarsest = scales.iter().map(|s| s.pounds_per).reduce(f64::max)?;
        let decimals = scales
            .iter()
            .filter(|s| s.pounds_per == coarsest)
            .map(|s| s.decimals)
            .min()
            .unwrap_or(0);
        Some(Self {
            pounds_per: coarsest,
            decimals,
        })
    }

    /// `pounds` at this scale: `£3,093k`, `-£2.8m`, `£14.72`.
    pub fn format(self, pounds: f64) -> String {
        let shown = format_number(pounds.abs() / self.pounds_per, self.decimals);
        let sign = if pounds < 0.0 && shows_non_zero(&shown) {
            "-"
        } else {
            ""
        };
        let suffix = if self.pounds_per >= 1_000_000.0 {
            "m"
        } else if self.pounds_per >= 1_000.0 {
            "k"
        } else {
            ""
        };
        format!("{sign}£{shown}{suffix}")
    }
}

/// A value with its unit: `2,410,522 hours`, `£3,093k` (for a `£000s`
/// indicator), `£14.72 per hour`, `64%`. `decimals` is the data's precision.
/// Money in thousands or millions keeps the source's scale and precision
/// ([`MoneyScale::for_data`]).
pub fn format_value(unit: &Unit, value: f64, decimals: usize) -> String {
    match &unit.kind {
        UnitKind::Quantity if unit.label.trim().is_empty() => format_number(value, decimals),
        UnitKind::Quantity => format!("{} {}", format_number(value, decimals), unit.label.trim()),
        UnitKind::Money { scale } if *scale >= 1_000.0 => {
            MoneyScale::for_data(*scale, decimals, 0.0).format(value * scale)
        }
        UnitKind::Money { scale } => format_money(value * scale),
        UnitKind::Rate { symbol, per } => {
            let sign = if value < 0.0 { "-" } else { "" };
            format!("{sign}{symbol}{} per {per}", format_number(value.abs(), 2))
        }
        UnitKind::Percent => format!("{}%", format_number(value, decimals.min(1))),
    }
}

/// A value without the name of what it counts (`2,402,516`, `£15.49` for
/// "£ per hour"), but with money and percent signs (`£3,093k`, `64%`): for
/// "against an affordable level of …" and table cells under a unit heading.
pub fn format_amount(unit: &Unit, value: f64, decimals: usize) -> String {
    match &unit.kind {
        UnitKind::Quantity => format_number(value, decimals),
        UnitKind::Rate { symbol, .. } => {
            let sign = if value < 0.0 { "-" } else { "" };
            format!("{sign}{symbol}{}", format_number(value.abs(), 2))
        }
        _ => format_value(unit, value, decimals),
    }
}

/// A value as tooltips and tables show it: [`format_value`], or "not
/// reported" for a period with no figure (never zero).
pub fn format_reported(unit: &Unit, value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(
        || "not reported".to_string(),
        |v| format_value(unit, v, decimals),
    )
}

/// A difference without its sign, in words where the unit needs them:
/// `8,006`, `£1,850k`, and for a percentage `5.9 percentage points` (a
/// difference of two percentages is in points, never a percent).
pub fn format_difference(unit: &Unit, value: f64, decimals: usize) -> String {
    match unit.kind {
        UnitKind::Percent => {
            let points = format_number(value.abs(), decimals.min(1));
            let noun = if points == "1" || points == "1.0" {
                "percentage point"
            } else {
                "percentage points"
            };
            format!("{points} {noun}")
        }
        _ => format_amount(unit, value.abs(), decimals),
    }
}

/// True when `text` shows a digit other than 0: an amount that, as
/// printed, is not zero (`£0k` and `0.0` are).
pub fn shows_non_zero(text: &str) -> bool {
    text.bytes().any(|b| (b'1'..=b'9').contains(&b))
}

/// `text`, the printed form of `value`, with a `+` in front when `value` is
/// positive and does not print as zero.
pub fn with_plus(value: f64, text: String) -> String {
    if value > 0.0 && shows_non_zero(&text) {
        format!("+{text}")
    } else {
        text
    }
}

/// A change with its sign: `+8,006`, `-£1,850k`, `0`; for a percentage, in
/// percentage points (`+5.9 pp`).
pub fn format_signed(unit: &Unit, value: f64, decimals: usize) -> String {
    let text = match unit.kind {
        UnitKind::Percent => format!("{} pp", format_number(value, decimals.min(1))),
        _ => format_amount(unit, value, decimals),
    };
    with_plus(value, text)
}

/// A signed amount with its percentage, when there is one: `+8,006 (+0.3%)`.
pub fn with_percent(amount: String, percent: Option<f64>) -> String {
    match percent {
        Some(percent) => format!("{amount} ({})", format_percent(percent)),
        None => amount,
    }
}

/// A percentage with one decimal and its sign: `+0.3%`, `-3.1%`.
pub fn format_percent(percent: f64) -> String {
    let text = format_number(percent, 1);
    if percent > 0.0 && text != "0.0" {
        format!("+{text}%")
    } else {
        format!("{text}%")
    }
}

/// A variance with its percentage: `+8,006 (+0.3%)`; without a percentage
/// when there is none (`+8,006`).
pub fn format_variance(
    unit: &Unit,
    variance: f64,
    percent: Option<f64>,
    decimals: usize,
) -> String {
    with_percent(format_signed(unit, variance, decimals), percent)
}

/// An axis tick label: short forms (`200,000`, `1.5m`, `£1.2m`, `£500k`,
/// `£15.40`, `50%`) with enough decimals to tell ticks `step` apart. `top`
/// is the largest absolute tick on the axis, so every tick of one axis uses
/// the same form (`0.5m`, `1.0m`, not `500,000`, `1.0m`).
pub fn format_axis_tick(unit: &Unit, value: f64, step: f64, top: f64) -> String {
    let decimals_for = |step: f64| -> usize {
        if step <= 0.0 || !step.is_finite() {
            return 0;
        }
        let mut decimals = 0;
        while decimals < 6 && (step * 10f64.powi(decimals as i32)).fract().abs() > 1e-6 {
            decimals += 1;
        }
        decimals
    };
    let short = |value: f64, step: f64, prefix: &str, scale: f64| -> String {
        if value == 0.0 {
            return format!("{prefix}0");
        }
        let top = (top.abs() * scale).max(value.abs()).max(step.abs());
        let sign = if value < 0.0 { "-" } else { "" };
        let size = value.abs();
        if top >= 1_000_000.0 && step >= 100_000.0 {
            let digits = decimals_for(step / 1_000_000.0);
            format!(
                "{sign}{prefix}{}m",
                format_number(size / 1_000_000.0, digits)
            )
        } else if prefix == "£" && top >= 10_000.0 && step >= 1_000.0 {
            let digits = decimals_for(step / 1_000.0);
            format!("{sign}{prefix}{}k", format_number(size / 1_000.0, digits))
        } else {
            format!("{sign}{prefix}{}", format_number(size, decimals_for(step)))
        }
    };
    match &unit.kind {
        UnitKind::Quantity => short(value, step, "", 1.0),
        UnitKind::Money { scale } => short(value * scale, step * scale, "£", *scale),
        UnitKind::Rate { symbol, .. } => {
            let digits = decimals_for(step).max(if step < 1.0 { 2 } else { 0 });
            let sign = if value < 0.0 { "-" } else { "" };
            format!("{sign}{symbol}{}", format_number(value.abs(), digits))
        }
        UnitKind::Percent => format!("{}%", format_number(value, decimals_for(step))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_comma_thousands() {
        assert_eq!(format_number(2410522.0, 0), "2,410,522");
        assert_eq!(format_number(-6241.0, 0), "-6,241");
        assert_eq!(format_number(999.0, 0), "999");
        assert_eq!(format_number(1000.0, 0), "1,000");
        assert_eq!(format_number(14.716, 2), "14.72");
        assert_eq!(format_number(-0.001, 1), "0.0");
        assert_eq!(format_number(102.5, 1), "102.5");
    }

    #[test]
    fn megabytes_have_one_decimal_and_comma_thousands() {
        assert_eq!(format_megabytes(1_048_576), "1.0 MB");
        assert_eq!(format_megabytes(3_460_300), "3.3 MB");
        assert_eq!(format_megabytes(1_572_864), "1.5 MB");
        assert_eq!(format_megabytes(0), "0.0 MB");
        assert_eq!(format_megabytes(2_000 * 1_048_576), "2,000.0 MB");
    }

    #[test]
    fn money_reads_like_a_budget_report() {
        assert_eq!(format_money(14.72), "£14.72");
        assert_eq!(format_money(1234.0), "£1,234");
        assert_eq!(format_money(117_848.32), "£118k");
        assert_eq!(format_money(-1_849_937.32), "-£1,850k");
        assert_eq!(format_money(3_093_000.0), "£3,093k");
        assert_eq!(format_money(12_345_678.0), "£12.3m");
        assert_eq!(format_money(0.0), "£0");
    }

    #[test]
    fn money_is_spoken_in_full() {
        assert_eq!(
            spoken("+£118k from volume"),
            "+\u{2060}£118,000 from volume"
        );
        assert_eq!(
            spoken("-£1,850k from price"),
            "-\u{2060}£1.85 million from price"
        );
        // A sign keeps to its amount; a hyphen inside a word is left.
        assert_eq!(
            spoken("+£118k and (-£2m)"),
            "+\u{2060}£118,000 and (-\u{2060}£2 million)"
        );
        assert_eq!(spoken("2011-£5"), "2011-£5");
        assert_eq!(
            spoken("£3,093k and £12.3m."),
            "£3.093 million and £12.3 million."
        );
        assert_eq!(spoken("£14.72 per hour"), "£14.72 per hour");
        assert_eq!(spoken("£5 kilos, £"), "£5 kilos, £");
        assert_eq!(spoken("no money"), "no money");
    }

    #[test]
    fn values_carry_their_units() {
        assert_eq!(
            format_value(&Unit::parse("hours"), 2410522.0, 0),
            "2,410,522 hours"
        );
        assert_eq!(format_value(&Unit::parse("£000s"), 3093.0, 0), "£3,093k");
        assert_eq!(
            format_value(&Unit::parse("£ per hour"), 14.72, 2),
            "£14.72 per hour"
        );
        assert_eq!(format_value(&Unit::parse("%"), 64.0, 0), "64%");
        assert_eq!(
            format_amount(&Unit::parse("hours"), 2402516.0, 0),
            "2,402,516"
        );
        assert_eq!(
            format_amount(&Unit::parse("£ per hour"), 15.49, 2),
            "£15.49"
        );
    }

    #[test]
    fn variances_are_signed() {
        let hours = Unit::parse("hours");
        assert_eq!(
            format_variance(&hours, 8006.0, Some(0.3332), 0),
            "+8,006 (+0.3%)"
        );
        assert_eq!(
            format_variance(&hours, -6241.0, Some(-3.069), 0),
            "-6,241 (-3.1%)"
        );
        assert_eq!(format_variance(&hours, 0.0, Some(0.0), 0), "0 (0.0%)");
        assert_eq!(format_signed(&Unit::parse("£"), 117_848.0, 0), "+£118k");
    }

    #[test]
    fn axis_ticks_are_short() {
        let hours = Unit::parse("hours");
        let thousands = Unit::parse("£000s");
        let tick =
            |unit: &Unit, value: f64, step: f64, top: f64| format_axis_tick(unit, value, step, top);
        assert_eq!(tick(&hours, 200_000.0, 10_000.0, 230_000.0), "200,000");
        assert_eq!(tick(&hours, 1_500_000.0, 500_000.0, 2_500_000.0), "1.5m");
        // One form per axis: 500,000 on an axis that reaches 2.5m is 0.5m.
        assert_eq!(tick(&hours, 500_000.0, 500_000.0, 2_500_000.0), "0.5m");
        assert_eq!(tick(&thousands, 1_500.0, 500.0, 1_500.0), "£1.5m");
        assert_eq!(tick(&thousands, 500.0, 250.0, 750.0), "£500k");
        assert_eq!(tick(&Unit::parse("£ per hour"), 15.4, 0.2, 15.6), "£15.40");
        assert_eq!(tick(&Unit::parse("%"), 50.0, 10.0, 60.0), "50%");
        assert_eq!(tick(&hours, 2.5, 0.5, 3.0), "2.5");
        assert_eq!(tick(&thousands, 0.0, 1_000.0, 3_000.0), "£0");
        assert_eq!(tick(&hours, 0.0, 500_000.0, 2_500_000.0), "0");
    }

    #[test]
    fn parse_decimal_reads_what_str_parse_reads() {
        for text in [
            "0",
            "12",
            "-0.5",
            "+3",
            ".5",
            "118.",
            "007",
            "3093",
            "14.72",
            "0.333234",
            "-1849937.32",
            "2402516",
            "99999999999999.9",
            "-.25",
            "0.1",
            "1.0000001",
        ] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(parse_decimal(text), Some(expected), "{text}");
        }
        for text in [
            "", ".", "-", "+", "1.2.3", "1e5", "inf", "NaN", "1,000", " 1", "--1", "£5",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }
}
