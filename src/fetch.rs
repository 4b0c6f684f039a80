//! Loading data: from a URL (the only network code) or a picked or dropped
//! file. Both end as text for `outturn_core::parse_dataset`, decoded by the
//! core (UTF-8 or UTF-16); every failure becomes a diagnostic that says
//! what went wrong and what to do.

use outturn_core::{decode_text, too_large, Diagnostic, MAX_INPUT_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The message of a JavaScript error (a rejected promise's reason).
fn js_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default()
}

/// How long a data URL may take to answer, in milliseconds (default 30 s).
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// Where `src` points, resolved against the page: only `http:`, `https:`
/// and relative URLs; `javascript:`, `data:` and other schemes are refused.
fn resolve(src: &str) -> Result<web_sys::Url, Diagnostic> {
    let base = gloo::utils::window().location().href().unwrap_or_default();
    let url = web_sys::Url::new_with_base(src, &base).map_err(|_| {
        Diagnostic::error(
            "src",
            format!("{} is not a valid URL", outturn_core::format::quoted(src)),
        )
    })?;
    let scheme = url.protocol();
    if scheme != "http:" && scheme != "https:" {
        return Err(Diagnostic::error(
            "src",
            format!("data can only be loaded over http or https, not {scheme}"),
        ));
    }
    Ok(url)
}

/// Fetches `src` (see `resolve`) and decodes it. Gives up after
/// `timeout_ms`.
pub async fn fetch_text(src: &str, timeout_ms: u32) -> Result<String, Diagnostic> {
    let url = resolve(src)?;
    let href = url.href();
    // The loader (outturn.js) asks for each widget's data as soon as it
    // runs, while the WebAssembly compiles; take that response rather than
    // asking again. Anything else is fetched here.
    let preloaded = take_preloaded(&href);
    let controller = match &preloaded {
        Some((_, controller)) => Some(controller.clone()),
        None => web_sys::AbortController::new().ok(),
    };
    let timer = controller.clone().map(|controller| {
        gloo::timers::callback::Timeout::new(timeout_ms, move || controller.abort())
    });
    let answer = match preloaded {
        Some((answer, _)) => answer,
        None => {
            let init = web_sys::RequestInit::new();
            init.set_signal(controller.as_ref().map(|c| c.signal()).as_ref());
            gloo::utils::window().fetch_with_str_and_init(&href, &init)
        }
    };
    let response = JsFuture::from(answer)
        .await
        .and_then(|response| response.dyn_into::<web_sys::Response>())
        .map_err(|error| {
            let aborted = controller.as_ref().is_some_and(|c| c.signal().aborted());
            let message = if aborted {
                format!("{src} did not answer within {} seconds; try again later, or check the address", timeout_ms / 1000)
            } else {
                format!("could not reach {src}: the network failed, or the server does not allow this page to read it (CORS). ({})", js_message(&error))
            };
            Diagnostic::error("src", message)
        })?;
    if !response.ok() {
        return Err(Diagnostic::error(
            "src",
            format!(
                "the server answered {} {} for {src}",
                response.status(),
                response.status_text()
            ),
        ));
    }
    if let Some(length) = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.parse::<usize>().ok())
        .filter(|length| *length > MAX_INPUT_BYTES)
    {
        return Err(too_large(length));
    }
    let unreadable =
        |_| Diagnostic::error("src", format!("could not read the response from {src}"));
    let body = JsFuture::from(response.array_buffer().map_err(unreadable)?)
        .await
        .map_err(unreadable)?;
    let bytes = js_sys::Uint8Array::new(&body).to_vec();
    drop(timer);
    text_from(src, &bytes)
}

/// Decodes a response body from `src`, refusing a web page given instead of
/// data (a wrong address often answers with the site's HTML).
fn text_from(src: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    let text = decode_text(bytes)?;
    if text.trim_start().starts_with('<') {
        return Err(Diagnostic::error(
            "src",
            format!("{src} returned a web page (HTML), not JSON data: check the address"),
        ));
    }
    Ok(text)
}

/// The data for `src` if the loader has already read it: a successful
/// answer, small enough to parse within a frame. Taken (once) and checked
/// as `fetch_text` would, so the widget can draw without waiting for even
/// one more turn of the event loop. `None`: fetch it with `fetch_text`.
pub fn take_loaded(src: &str) -> Option<Result<String, Diagnostic>> {
    let key = JsValue::from_str(&resolve(src).ok()?.href());
    let registry = preloaded_registry()?;
    let bytes = js_sys::Reflect::get(&registry.get(&key), &JsValue::from_str("bytes"))
        .ok()?
        .dyn_into::<js_sys::Uint8Array>()
        .ok()?;
    registry.delete(&key);
    Some(text_from(src, &bytes.to_vec()))
}

/// Where the loader leaves the responses it asked for: a `Map` on `window`
/// under this registered symbol, from absolute URL to `{ response,
/// controller, bytes }`: a promise of the `Response`, the `AbortController`
/// that cancels it, and, once a small successful body has been read, its
/// bytes (a `Uint8Array`).
const PRELOADED: &str = "outturn.preloaded";

/// The loader's registry, if the page has the loader.
fn preloaded_registry() -> Option<js_sys::Map> {
    js_sys::Reflect::get(&gloo::utils::window(), &js_sys::Symbol::for_(PRELOADED))
        .ok()?
        .dyn_into::<js_sys::Map>()
        .ok()
}

/// Takes (removes, so a reload asks the network again) the loader's
/// response for `href`, if it asked for one.
fn take_preloaded(href: &str) -> Option<(js_sys::Promise, web_sys::AbortController)> {
    let registry = preloaded_registry()?;
    let key = JsValue::from_str(href);
    let entry = registry.get(&key);
    registry.delete(&key);
    let field = |name: &str| js_sys::Reflect::get(&entry, &JsValue::from_str(name)).ok();
    Some((
        field("response")?.dyn_into().ok()?,
        field("controller")?.dyn_into().ok()?,
    ))
}

/// Reads a picked or dropped file and decodes it; files over the size limit
/// are refused before they are read.
pub async fn read_file(file: web_sys::File) -> Result<String, Diagnostic> {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_INPUT_BYTES {
        return Err(too_large(size));
    }
    let body = JsFuture::from(file.array_buffer()).await.map_err(|error| {
        Diagnostic::error(
            "$",
            format!("could not read {name}: {}", js_message(&error)),
        )
    })?;
    let bytes = js_sys::Uint8Array::new(&body).to_vec();
    decode_text(&bytes)
}

/// Gives the browser a frame to paint (the "loading" status) before a
/// long, blocking parse.
pub async fn next_frame() {
    gloo::timers::future::TimeoutFuture::new(20).await;
}
