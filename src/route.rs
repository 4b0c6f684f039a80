//! What a link reproduces: indicator, year, view, forecast method, "as at"
//! period, cost convention (and, from the query string only, the data
//! source). Read from the query string and the hash on load, written to the
//! hash as the reader explores, read again on back/forward.

use web_sys::UrlSearchParams;

/// The linkable part of a widget's state; every field optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Route {
    /// Indicator id.
    pub indicator: Option<String>,
    /// Financial year `YYYY-YY`.
    pub year: Option<String>,
    /// View slug (`budget`, `dashboard`, ...).
    pub view: Option<String>,
    /// Forecast method slug.
    pub method: Option<String>,
    /// Forecast "as at" period, 0-based.
    pub as_at: Option<usize>,
    /// `actual-cost` or `budget-cost`.
    pub convention: Option<String>,
    /// Data URL (query string and host attributes only, never written).
    pub src: Option<String>,
}

fn non_empty(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

impl Route {
    /// Parses `a=b&c=d` (with or without a leading `?` or `#`).
    pub fn parse(text: &str) -> Self {
        let text = text.trim_start_matches(['?', '#']);
        let Ok(params) = UrlSearchParams::new_with_str(text) else {
            return Self::default();
        };
        Self {
            indicator: non_empty(params.get("indicator")),
            year: non_empty(params.get("year")),
            view: non_empty(params.get("view")),
            method: non_empty(params.get("method")),
            as_at: non_empty(params.get("as_at")).and_then(|v| v.parse().ok()),
            convention: non_empty(params.get("convention")),
            src: non_empty(params.get("src")),
        }
    }

    /// The hash text, `indicator=...&year=...&view=...` (no `#`).
    pub fn to_hash(&self) -> String {
        let Ok(params) = UrlSearchParams::new() else {
            return String::new();
        };
        let pairs = [
            ("indicator", self.indicator.clone()),
            ("year", self.year.clone()),
            ("view", self.view.clone()),
            ("method", self.method.clone()),
            ("as_at", self.as_at.map(|a| a.to_string())),
            ("convention", self.convention.clone()),
        ];
        for (key, value) in pairs {
            if let Some(value) = value {
                params.append(key, &value);
            }
        }
        params.to_string().into()
    }

    /// These fields, with every field `other` sets replaced by `other`'s.
    pub fn overridden_by(self, other: &Self) -> Self {
        Self {
            indicator: other.indicator.clone().or(self.indicator),
            year: other.year.clone().or(self.year),
            view: other.view.clone().or(self.view),
            method: other.method.clone().or(self.method),
            as_at: other.as_at.or(self.as_at),
            convention: other.convention.clone().or(self.convention),
            src: other.src.clone().or(self.src),
        }
    }
}
