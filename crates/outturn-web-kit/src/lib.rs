//! The browser pieces both of Outturn's WebAssembly modules use: the
//! widget (`outturn-web`) and the importer that "Add your data" loads on
//! demand (`outturn-import-web`). One copy of the source; each module
//! compiles what it calls.

pub mod save;
pub mod select;
