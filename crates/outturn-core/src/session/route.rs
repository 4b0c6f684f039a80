//! What a link reproduces: indicator, year, view, forecast method, "as at"
//! period, cost convention (and, from the query string and host attributes
//! only, the data source), as typed values. The widget reads and writes the
//! text of a URL with the browser's own `URLSearchParams` and hands the
//! pairs to [`Route::set`] and [`Route::pairs`].

use crate::analysis::{CostConvention, ForecastMethod};
use crate::model::FinancialYear;
use crate::view::View;

/// The linkable part of a widget's state; every field optional (a link
/// names only what it sets).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Route {
    /// Indicator id.
    pub indicator: Option<String>,
    /// Financial year.
    pub year: Option<FinancialYear>,
    /// View.
    pub view: Option<View>,
    /// Forecast method.
    pub method: Option<ForecastMethod>,
    /// Forecast "as at" period, 0-based.
    pub as_at: Option<usize>,
    /// Cost convention.
    pub convention: Option<CostConvention>,
    /// Data URL (query string and host attributes only, never written).
    pub src: Option<String>,
}

impl Route {
    /// Every key [`set`](Self::set) reads.
    pub const KEYS: [&'static str; 7] = [
        "indicator",
        "year",
        "view",
        "method",
        "as_at",
        "convention",
        "src",
    ];

    /// Reads one `key=value` pair of a query string, hash or host
    /// attribute (`data-` taken off). Values are trimmed; an empty value, a
    /// value that does not parse and an unknown key leave the route as it
    /// was, so a mistyped link still opens the rest of what it names.
    pub fn set(&mut self, key: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        match key {
            "indicator" => self.indicator = Some(value.to_string()),
            "year" => self.year = FinancialYear::parse(value).or(self.year),
            "view" => self.view = View::from_slug(value).or(self.view),
            "method" => self.method = ForecastMethod::from_slug(value).or(self.method),
            "as_at" => self.as_at = value.parse().ok().or(self.as_at),
            "convention" => {
                self.convention = CostConvention::from_slug(value).or(self.convention);
            }
            "src" => self.src = Some(value.to_string()),
            _ => {}
        }
    }

    /// A route from `key=value` pairs, read in order with [`set`](Self::set).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut route = Self::default();
        for (key, value) in pairs {
            route.set(key, value);
        }
        route
    }

    /// The pairs a link writes, in a fixed order, leaving out what is not
    /// set and the data source (a link never changes the data).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("indicator", self.indicator.clone()),
            ("year", self.year.map(|y| y.to_string())),
            ("view", self.view.map(|v| v.slug().to_string())),
            ("method", self.method.map(|m| m.slug().to_string())),
            ("as_at", self.as_at.map(|a| a.to_string())),
            ("convention", self.convention.map(|c| c.slug().to_string())),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key, value?)))
        .collect()
    }

    /// These fields, with every field `other` sets replaced by `other`'s.
    pub fn overridden_by(self, other: &Self) -> Self {
        Self {
            indicator: other.indicator.clone().or(self.indicator),
            year: other.year.or(self.year),
            view: other.view.or(self.view),
            method: other.method.or(self.method),
            as_at: other.as_at.or(self.as_at),
            convention: other.convention.or(self.convention),
            src: other.src.clone().or(self.src),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_read_back_to_the_same_route() {
        let route = Route::from_pairs([
            ("indicator", "waste-tonnage"),
            ("year", " 2011-12 "),
            ("view", "forecast"),
            ("method", "last-year"),
            ("as_at", "5"),
            ("convention", "budget-cost"),
            ("src", "data.json"),
        ]);
        assert_eq!(route.year, FinancialYear::parse("2011-12"));
        assert_eq!(route.view, Some(View::Forecast));
        assert_eq!(route.method, Some(ForecastMethod::LastYearProfile));
        assert_eq!(route.convention, Some(CostConvention::VolumeAtBudgetCost));
        let pairs = route.pairs();
        assert_eq!(
            pairs.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            ["indicator", "year", "view", "method", "as_at", "convention"]
        );
        let again = Route::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, Route { src: None, ..route });
    }

    #[test]
    fn what_does_not_parse_is_left_alone() {
        let route = Route::from_pairs([
            ("view", "cost"),
            ("view", "pie"),
            ("year", "2011"),
            ("as_at", "-1"),
            ("indicator", "  "),
            ("colour", "red"),
        ]);
        assert_eq!(
            route,
            Route {
                view: Some(View::Cost),
                ..Route::default()
            }
        );
    }

    #[test]
    fn a_later_route_overrides_what_it_sets() {
        let host = Route::from_pairs([("indicator", "a"), ("view", "years")]);
        let link = Route::from_pairs([("indicator", "b")]);
        let both = host.overridden_by(&link);
        assert_eq!(both.indicator.as_deref(), Some("b"));
        assert_eq!(both.view, Some(View::Years));
    }
}
