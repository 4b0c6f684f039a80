//! What an indicator's numbers count: a quantity ("hours"), money (`£`, `£k`,
//! `£000s`, `£m`), a price per unit (`£ per hour`) or a percentage.

/// How to read an indicator's values.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitKind {
    /// A count of something; the unit text is its name ("hours", "children").
    Quantity,
    /// Money, where one unit of value is `scale` pounds (1, 1,000 or 1,000,000).
    Money {
        /// Pounds per unit of value.
        scale: f64,
    },
    /// A price per unit of something ("£ per hour", "$ per barrel").
    Rate {
        /// Currency symbol, e.g. `£`.
        symbol: String,
        /// What the price is per, e.g. "hour".
        per: String,
    },
    /// A percentage; values are in percent (64 means 64%).
    Percent,
}

/// An indicator's unit as written in the data, and how to read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The unit text as the data gives it.
    pub label: String,
    /// What the text means.
    pub kind: UnitKind,
}

impl Unit {
    /// Reads a unit text. Money: `£`, `£k`, `£000`, `£000s`, `£'000`, `£m`;
    /// rates: `<symbol> per <thing>`; `%`; anything else is a quantity.
    pub fn parse(label: &str) -> Self {
        let trimmed = label.trim();
        let kind = match trimmed {
            "£" => UnitKind::Money { scale: 1.0 },
            "£k" | "£000" | "£000s" | "£'000" | "£'000s" | "£ thousands" => {
                UnitKind::Money { scale: 1_000.0 }
            }
            "£m" | "£ million" | "£ millions" => UnitKind::Money { scale: 1_000_000.0 },
            "%" | "percent" | "per cent" => UnitKind::Percent,
            _ => rate(trimmed).unwrap_or(UnitKind::Quantity),
        };
        Self {
            label: label.to_string(),
            kind,
        }
    }

    /// True for money and money rates in pounds.
    pub fn is_money(&self) -> bool {
        match &self.kind {
            UnitKind::Money { .. } => true,
            UnitKind::Rate { symbol, .. } => symbol == "£",
            _ => false,
        }
    }

    /// Pounds per unit of value, for pound money and pound rates.
    pub fn pounds_per_value(&self) -> Option<f64> {
        match &self.kind {
            UnitKind::Money { scale } => Some(*scale),
            UnitKind::Rate { symbol, .. } if symbol == "£" => Some(1.0),
            _ => None,
        }
    }
}

/// `£ per hour` → Rate { £, hour }; also `£/hour`.
fn rate(text: &str) -> Option<UnitKind> {
    let symbol = text
        .chars()
        .next()
        .filter(|c| matches!(c, '£' | '$' | '€'))?;
    let rest = text[symbol.len_utf8()..].trim_start();
    let per = rest
        .strip_prefix("per ")
        .or_else(|| rest.strip_prefix('/'))?
        .trim();
    (!per.is_empty()).then(|| UnitKind::Rate {
        symbol: symbol.to_string(),
        per: per.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_recognised() {
        assert_eq!(Unit::parse("hours").kind, UnitKind::Quantity);
        assert_eq!(Unit::parse("£000s").kind, UnitKind::Money { scale: 1000.0 });
        assert_eq!(Unit::parse("£m").kind, UnitKind::Money { scale: 1e6 });
        assert_eq!(Unit::parse("%").kind, UnitKind::Percent);
        assert_eq!(
            Unit::parse("£ per client week").kind,
            UnitKind::Rate {
                symbol: "£".into(),
                per: "client week".into()
            }
        );
        assert!(Unit::parse("£ per hour").is_money());
        assert!(!Unit::parse("$ per barrel").is_money());
        assert_eq!(Unit::parse("£ per").kind, UnitKind::Quantity);
    }
}
