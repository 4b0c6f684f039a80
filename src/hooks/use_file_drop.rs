//! `use_file_drop`: loading a file the reader picks (the file loader) or
//! drops anywhere on the widget.

use yew::prelude::*;

use crate::load::read_local_file;
use crate::state::State;

/// The callbacks that load a picked or dropped file.
pub struct FileDrop {
    /// Loads a file (the file loader's `on_file`).
    pub on_file: Callback<web_sys::File>,
    /// Lets the widget accept a drop (`ondragover`).
    pub on_drag_over: Callback<DragEvent>,
    /// Loads the first dropped file (`ondrop`).
    pub on_drop: Callback<DragEvent>,
}

/// The callbacks that load a file into the widget `dispatcher` changes.
#[hook]
pub fn use_file_drop(dispatcher: UseReducerDispatcher<State>) -> FileDrop {
    let on_file = Callback::from(move |file: web_sys::File| read_local_file(&dispatcher, file));
    // Dropping a file anywhere on the widget loads it, like the file picker.
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_drop = {
        let on_file = on_file.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(file) = event
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0))
            {
                on_file.emit(file);
            }
        })
    };
    FileDrop {
        on_file,
        on_drag_over,
        on_drop,
    }
}
