//! Loads another dataset from a file on the user's computer.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`FileLoader`].
#[derive(Properties, PartialEq)]
pub struct FileLoaderProps {
    /// Element id, unique on the page.
    pub id: AttrValue,
    /// Called with the file chosen.
    pub on_file: Callback<web_sys::File>,
}

/// A labelled file input for `outturn/1` JSON files.
#[component]
pub fn FileLoader(props: &FileLoaderProps) -> Html {
    let on_change = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // Clearing lets the same file be chosen again after fixing it.
            input.set_value("");
        })
    };
    html! {
        <div class="outturn-field outturn-file">
            <label for={props.id.clone()}>{ "Load another dataset (outturn/1 JSON), or drop a file on the chart" }</label>
            <input id={props.id.clone()} type="file" accept=".json,application/json" onchange={on_change} />
        </div>
    }
}
