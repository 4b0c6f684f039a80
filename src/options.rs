//! How a widget is configured: from its host element's `data-src`,
//! `data-indicator` and `data-year` attributes, and from the page URL's
//! `src`, `indicator` and `year` query parameters (which win, so a link can
//! reproduce what its sender saw).

use web_sys::{Element, Location, UrlSearchParams};

/// A widget's start-up options. Every field is optional; the defaults are the
/// built-in dataset, its first indicator and that indicator's latest year
/// with actuals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WidgetOptions {
    /// URL of an `outturn/1` JSON file (same origin or CORS-enabled).
    pub src: Option<String>,
    /// Id of the indicator to show first.
    pub indicator: Option<String>,
    /// Financial year to show first, `YYYY-YY`.
    pub year: Option<String>,
}

fn non_empty(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

impl WidgetOptions {
    /// Reads `data-src`, `data-indicator` and `data-year`.
    pub fn from_element(element: &Element) -> Self {
        Self {
            src: non_empty(element.get_attribute("data-src")),
            indicator: non_empty(element.get_attribute("data-indicator")),
            year: non_empty(element.get_attribute("data-year")),
        }
    }

    /// Reads `?src=`, `?indicator=` and `?year=` from the page URL.
    pub fn from_query(location: &Location) -> Self {
        let search = location.search().unwrap_or_default();
        let Ok(params) = UrlSearchParams::new_with_str(&search) else {
            return Self::default();
        };
        Self {
            src: non_empty(params.get("src")),
            indicator: non_empty(params.get("indicator")),
            year: non_empty(params.get("year")),
        }
    }

    /// These options with every field `other` sets replaced by `other`'s.
    pub fn overridden_by(self, other: &Self) -> Self {
        Self {
            src: other.src.clone().or(self.src),
            indicator: other.indicator.clone().or(self.indicator),
            year: other.year.clone().or(self.year),
        }
    }
}
