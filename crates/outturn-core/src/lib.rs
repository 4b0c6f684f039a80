//! Outturn's pure core: everything that is not web.
//!
//! The flow is one-way: JSON text → [`model::parse_dataset`] → [`model::Dataset`]
//! → [`analysis`] (figures a council reader asks for) → [`view`] (each view's
//! panels and sentences) → [`chart::build_scene`] (what to draw, in data
//! units) → [`chart::Frame`] (pixel layout) → [`chart::draw_scene`] (the only
//! code that talks to plotters). [`session`] holds what a reader has chosen
//! and how each action changes it.
//! The Yew widget and the `outturn` command are thin layers over this crate;
//! it has no web dependencies, so its tests run natively in seconds.
//!
//! # Conventions
//! - **Financial years** run April to March and are written `2011-12`
//!   ([`model::FinancialYear`]). Period 0 is April (months), Q1 Apr-Jun
//!   (quarters) or the Summer term (terms).
//! - **Variance** is actual minus budget: positive is over the affordable level
//!   (overspend, pressure), negative is under (underspend, saving).
//! - **Missing values** are `None` ("not reported"), never zero. A zero is a
//!   real zero (August home-to-school transport).
//! - **Money** in analysis results that mix indicators (the cost effect) is in
//!   pounds; an indicator's own figures stay in its own unit (`£000s` stays in
//!   thousands) and [`model::Unit`] says how to read them.
//! - Nothing here reads the clock: the "as at" position is the data's last
//!   reported period.

pub mod analysis;
pub mod chart;
pub mod format;
pub mod import;
pub mod model;
pub mod order;
pub mod session;
pub mod summary;
pub mod view;

pub use model::{
    decode_text, parse_dataset, too_large, Dataset, Diagnostic, Indicator, ParseError, Parsed,
    Severity, MAX_INPUT_BYTES,
};
