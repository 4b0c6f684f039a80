//! Loading data: from a URL (the only network code) or a picked file.
//! Both end as text for `outturn_core::parse_dataset`; failures become
//! diagnostics the problems panel can show.

use gloo::net::http::Request;
use outturn_core::Diagnostic;

/// Fetches `src` as text. Only `http:`, `https:` and relative URLs are
/// allowed; `javascript:`, `data:` and other schemes are refused.
pub async fn fetch_text(src: &str) -> Result<String, Diagnostic> {
    let base = gloo::utils::window().location().href().unwrap_or_default();
    let url = web_sys::Url::new_with_base(src, &base)
        .map_err(|_| Diagnostic::error("src", format!("{src:?} is not a valid URL")))?;
    let scheme = url.protocol();
    if scheme != "http:" && scheme != "https:" {
        return Err(Diagnostic::error(
            "src",
            format!("data can only be loaded over http or https, not {scheme}"),
        ));
    }
    let response = Request::get(&url.href()).send().await.map_err(|_| {
        Diagnostic::error(
            "src",
            format!("could not reach {src}: the network failed, or the server does not allow this page to read it (CORS)"),
        )
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
    let text = response
        .text()
        .await
        .map_err(|_| Diagnostic::error("src", format!("could not read the response from {src}")))?;
    if text.trim_start().starts_with('<') {
        return Err(Diagnostic::error(
            "src",
            format!("{src} returned a web page (HTML), not JSON data: check the address"),
        ));
    }
    Ok(text)
}

/// Reads a picked file as UTF-8 text.
pub async fn read_file(file: web_sys::File) -> Result<String, Diagnostic> {
    let name = file.name();
    let blob = gloo::file::Blob::from(file);
    gloo::file::futures::read_as_text(&blob)
        .await
        .map_err(|error| Diagnostic::error("$", format!("could not read {name}: {error}")))
}
