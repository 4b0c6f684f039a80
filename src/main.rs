//! Outturn's browser entry point. When the WebAssembly module starts it
//! installs the panic hook (`panic.rs`) and mounts one independent widget
//! on every host element on the page (`host.rs`: `class="outturn"` or
//! `data-outturn`, configured by `data-*` attributes, the first
//! `data-url="hash"` host also by the page URL). Pages that build their own
//! call the exported `mount(element, options)` instead (`api.rs`), which
//! returns a handle with `update(options)` and `destroy()`.
//!
//! Modules depend one way: `api` and `host` mount through `mount`, which
//! renders `app`; `app` is built from `hooks` and `components`; all of them
//! may read `page` (what the host page offers: the sample dataset, the
//! stylesheet), which reads nothing else in the crate.

mod api;
mod app;
mod backend;
mod components;
mod download;
mod fetch;
mod host;
mod mount;
mod page;
mod panic;
mod route;
mod state;
mod theme;
mod timing;

fn main() {
    panic::install_hook();
    host::mount_all();
}
