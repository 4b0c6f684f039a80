//! Outturn's browser entry point. When the WebAssembly module starts it
//! installs the panic hook (`panic.rs`) and mounts one independent widget
//! on every host element on the page (`host.rs`: `class="outturn"` or
//! `data-outturn`, configured by `data-*` attributes, the first
//! `data-url="hash"` host also by the page URL). Pages that build their own
//! call the exported `mount(element, options)` instead (`api.rs`), which
//! returns a handle with `update(options)` and `destroy()`.
//!
//! Modules depend one way, so there is no cycle: `api` (the JavaScript
//! API) and `host` (host discovery) mount through `mount` (the shadow root
//! and its styles), which renders `app`; `app` (the component and its
//! markup) calls `hooks` and `components`; the hooks start loads through
//! `load`. Below them all sit `props` (what a widget is given), `page`
//! (what the host page offers: the sample dataset, the stylesheet),
//! `state`, `fetch` and the other leaf modules, none of which reads the
//! modules above.

mod api;
mod app;
mod backend;
mod components;
mod download;
mod fetch;
mod hooks;
mod host;
mod importer;
mod load;
mod mount;
mod page;
mod panic;
mod props;
mod route;
mod state;
mod theme;
mod timing;

fn main() {
    panic::install_hook();
    host::mount_all();
}
