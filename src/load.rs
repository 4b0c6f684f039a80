//! Loading a widget's data: where it comes from ([`Source`]: inline text,
//! a URL, or the sample dataset), fetching a URL or reading a dropped or
//! picked file (through `fetch.rs`, the only network and file code), and
//! parsing the text into the [`Action`] that records the dataset or its
//! problems. The hooks `use_load` and `use_file_drop` start loads here.

use std::rc::Rc;

use outturn_core::format::format_megabytes;
use outturn_core::{parse_dataset, Diagnostic};
use yew::UseReducerDispatcher;

use crate::fetch::{fetch_text, next_frame, read_file, take_loaded};
use crate::page::{default_data, DefaultData, DEFAULT_DATA_NAME};
use crate::props::InlineData;
use crate::state::{Action, State};
use crate::timing::timed;

/// Parses loaded text into the action that records the result.
pub(crate) fn load_action(text: Result<String, Diagnostic>, source: String) -> Action {
    match text.map(|text| timed("outturn:parse", || parse_dataset(&text))) {
        Ok(Ok(parsed)) => Action::Loaded {
            dataset: Rc::new(parsed.dataset),
            warnings: parsed.warnings,
            source,
        },
        Ok(Err(error)) => Action::LoadFailed {
            source,
            problems: error.diagnostics,
        },
        Err(problem) => Action::LoadFailed {
            source,
            problems: vec![problem],
        },
    }
}

/// Files larger than this (bytes) show "Checking…" before they are parsed.
const SHOW_CHECKING_BYTES: usize = 1 << 20;

/// Parses loaded text, first showing that it is being checked and letting
/// the browser paint that, because a large file takes a moment to parse.
async fn finish_load(
    dispatcher: &UseReducerDispatcher<State>,
    text: Result<String, Diagnostic>,
    source: String,
) {
    // Small files parse within a frame: showing a status first would only
    // delay the chart.
    if let Some(text) = text
        .as_ref()
        .ok()
        .filter(|text| text.len() > SHOW_CHECKING_BYTES)
    {
        let size = format_megabytes(text.len());
        dispatcher.dispatch(Action::LoadStarted(format!("Checking {source} ({size})…")));
        next_frame().await;
    }
    dispatcher.dispatch(load_action(text, source));
}

/// Where a widget's data comes from.
pub enum Source {
    /// JSON text given inline, and how it is named in messages.
    Text {
        /// The JSON text.
        text: String,
        /// How it is named in messages.
        name: String,
    },
    /// A URL, and how it is named in messages.
    Url {
        /// The URL to fetch.
        url: String,
        /// How it is named in messages.
        name: String,
    },
}

impl Source {
    /// The source for a widget's `data-src` (`src`) or inline `data`: the
    /// sample dataset when neither is given.
    pub fn of(src: Option<&String>, data: Option<&InlineData>) -> Self {
        match (src, data) {
            (_, Some(data)) => Source::Text {
                text: data.text.to_string(),
                name: data.name.to_string(),
            },
            (Some(src), None) => Source::Url {
                url: src.clone(),
                name: src.clone(),
            },
            (None, None) => match default_data() {
                DefaultData::Inline(text) => Source::Text {
                    text,
                    name: DEFAULT_DATA_NAME.to_string(),
                },
                DefaultData::Url(url) => Source::Url {
                    url,
                    name: DEFAULT_DATA_NAME.to_string(),
                },
            },
        }
    }

    /// The action that loads this source if its data is already here
    /// (inline, or read ahead by the loader), or else the URL to fetch and
    /// its name.
    pub fn load_now(self) -> Result<Action, (String, String)> {
        match self {
            Source::Text { text, name } => Ok(load_action(Ok(text), name)),
            Source::Url { url, name } => match take_loaded(&url) {
                Some(text) => Ok(load_action(text, name)),
                None => Err((url, name)),
            },
        }
    }
}

/// Fetches `url`, reported as `name`, within `timeout_ms`, showing that it
/// is loading.
pub fn fetch_url(
    dispatcher: &UseReducerDispatcher<State>,
    url: String,
    name: String,
    timeout_ms: u32,
) {
    dispatcher.dispatch(Action::LoadStarted(format!("Loading {name}…")));
    let dispatcher = dispatcher.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let text = fetch_text(&url, timeout_ms).await;
        finish_load(&dispatcher, text, name).await;
    });
}

/// Reads a file the reader picked or dropped, showing that it is being
/// read.
pub fn read_local_file(dispatcher: &UseReducerDispatcher<State>, file: web_sys::File) {
    let dispatcher = dispatcher.clone();
    let name = file.name();
    dispatcher.dispatch(Action::LoadStarted(format!("Reading {name}…")));
    wasm_bindgen_futures::spawn_local(async move {
        let text = read_file(file).await;
        finish_load(&dispatcher, text, name).await;
    });
}
