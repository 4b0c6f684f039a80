//! The text of a link: the core's [`Route`] read from and written to a
//! query string or hash with the browser's own `URLSearchParams` (which
//! does the percent-encoding).

use outturn_core::session::Route;
use web_sys::UrlSearchParams;

/// Reading and writing a [`Route`] as URL text.
pub trait UrlText: Sized {
    /// Parses `a=b&c=d` (with or without a leading `?` or `#`).
    fn parse(text: &str) -> Self;
    /// The hash text, `indicator=...&year=...&view=...` (no `#`).
    fn to_hash(&self) -> String;
}

impl UrlText for Route {
    fn parse(text: &str) -> Self {
        let text = text.trim_start_matches(['?', '#']);
        let Ok(params) = UrlSearchParams::new_with_str(text) else {
            return Self::default();
        };
        let mut route = Route::default();
        for key in Route::KEYS {
            if let Some(value) = params.get(key) {
                route.set(key, &value);
            }
        }
        route
    }

    fn to_hash(&self) -> String {
        let Ok(params) = UrlSearchParams::new() else {
            return String::new();
        };
        for (key, value) in self.pairs() {
            params.append(key, &value);
        }
        params.to_string().into()
    }
}
