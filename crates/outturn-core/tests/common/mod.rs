//! Helpers shared by the integration tests.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.
// Each test crate uses only some helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use outturn_core::{parse_dataset, Dataset};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Reads a file relative to the repository root.
pub fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The default dataset (Kent County Council, 2011-12 outturn).
pub fn kent() -> Dataset {
    let parsed =
        parse_dataset(&read("assets/kent-2011-12-key-activity.json")).expect("Kent data parses");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    parsed.dataset
}

/// Asserts two floats agree to within `tolerance`.
pub fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}
