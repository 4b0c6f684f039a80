//! The commentary printed beside the table in the source, and the source.

use outturn_core::format::note_spans;
use yew::prelude::*;

/// Props of [`Notes`].
#[derive(Properties, PartialEq)]
pub struct NotesProps {
    /// Notes in order; `**bold**` spans are shown bold, everything else as text.
    pub notes: Vec<String>,
    /// Where the figures come from.
    pub source: Option<String>,
}

/// Notes and source.
#[component]
pub fn Notes(props: &NotesProps) -> Html {
    if props.notes.is_empty() && props.source.is_none() {
        return Html::default();
    }
    html! {
        <div class="outturn-notes">
            if !props.notes.is_empty() {
                <h3>{ "Notes" }</h3>
                { for props.notes.iter().map(|note| html! {
                    <p>{ for note_spans(note).into_iter().map(|(bold, text)| {
                        if bold { html! { <strong>{ text }</strong> } } else { html! { { text } } }
                    }) }</p>
                }) }
            }
            if let Some(source) = &props.source {
                <p class="outturn-source">{ "Source: " }{ source.clone() }</p>
            }
        </div>
    }
}
