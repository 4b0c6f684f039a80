//! "Add your data": paste a table (from a spreadsheet, a committee report
//! or a CSV) or drop a file, see what Outturn recognised, correct it, and
//! see the chart drawn from it as you go; then download the `outturn/1`
//! JSON or copy the embed code with the data inline. Everything stays in
//! the browser.
//!
//! This is the part every page carries: the disclosure button and the box
//! the table goes into, there the moment the panel opens. The rest (the
//! reading, its options and corrections, the download) comes with the
//! importer, a module of its own that the first opening loads
//! ([`crate::importer`]), and is mounted on an element beside the widget's
//! root, below the footer, so the two read as one panel.

use std::cell::RefCell;
use std::rc::Rc;

use outturn_core::model::Dataset;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::fetch::read_file;
use crate::importer::{Importer, Panel};
use crate::state::{Action, Shared};

/// Props of [`ImportBar`].
#[derive(Properties, PartialEq)]
pub struct ImportBarProps {
    /// Prefix of element ids, unique on the page.
    pub id: AttrValue,
    /// The dataset the widget shows now (kept, to put back).
    pub current: Option<Shared<Dataset>>,
    /// The colours chosen (`data-theme`), which the importer's part takes
    /// as the widget's root does.
    pub theme: &'static str,
    /// Changes the widget's state: loads what the panel reads (or the
    /// data shown before) as any load is.
    pub on_action: Callback<Action>,
}

/// The class of the element the importer's part is drawn on.
const HOST_CLASS: &str = "outturn-root outturn-import-host";

/// The "Add your data" disclosure, its box, and the importer's part.
#[component]
pub fn ImportBar(props: &ImportBarProps) -> Html {
    let open = use_state(|| false);
    let text = use_state(String::new);
    let file_problem = use_state(|| None::<String>);
    // The importer is a module of its own, asked for when the panel opens.
    let importer = use_state(crate::importer::status);
    let original: Rc<RefCell<Option<Shared<Dataset>>>> = use_mut_ref(|| None);
    let panel: Rc<RefCell<Option<Panel>>> = use_mut_ref(|| None);
    // The latest callback, for the importer's part to call.
    let on_action = use_mut_ref(|| props.on_action.clone());
    *on_action.borrow_mut() = props.on_action.clone();
    let bar = use_node_ref();

    {
        let importer = importer.clone();
        use_effect_with(*open, move |open| {
            let listener = (*open && *importer != Importer::Ready).then(|| {
                let on_ready = importer.clone();
                let listener = gloo::events::EventListener::new(
                    &gloo::utils::window(),
                    crate::importer::READY_EVENT,
                    move |_| on_ready.set(crate::importer::status()),
                );
                match crate::importer::request() {
                    Ok(()) => importer.set(crate::importer::status()),
                    Err(error) => importer.set(Importer::Failed(
                        error.as_string().unwrap_or_else(|| format!("{error:?}")),
                    )),
                }
                listener
            });
            move || drop(listener)
        });
    }
    // Once the importer is ready, its part is drawn beside the widget's
    // root (hidden while the panel is closed, so what was said is kept).
    {
        let panel = panel.clone();
        let bar = bar.clone();
        let text = text.clone();
        let original = original.clone();
        let on_action = on_action.clone();
        let id = props.id.clone();
        let theme = props.theme;
        let ready = *importer == Importer::Ready;
        use_effect_with((*open, ready, theme), move |&(open, ready, theme)| {
            if open && ready && panel.borrow().is_none() {
                *panel.borrow_mut() = mount_panel(&bar, &id, &text, &original, &on_action);
            }
            if let Some(panel) = panel.borrow().as_ref() {
                let _ = panel.host.set_attribute("data-theme", theme);
                let _ = panel.host.toggle_attribute_with_force("hidden", !open);
            }
        });
    }
    // The importer's part goes with the widget.
    {
        let panel = panel.clone();
        use_effect_with((), move |()| move || drop(panel.borrow_mut().take()));
    }

    let id = props.id.clone();
    let field = |name: &str| format!("{id}-import-{name}");
    let toggle = {
        let open = open.clone();
        let original = original.clone();
        let current = props.current.clone();
        Callback::from(move |_| {
            if !*open && original.borrow().is_none() {
                *original.borrow_mut() = current.clone();
            }
            open.set(!*open);
        })
    };
    let button = html! {
        <button type="button" class="outturn-import-toggle" aria-expanded={open.to_string()}
            aria-controls={field("panel")} onclick={toggle}>{ "Add your data" }</button>
    };
    // Both branches render the button first and the panel second, so
    // opening keeps the button (and the reader's focus on it).
    if !*open {
        return html! { <div class="outturn-import-bar" ref={bar}>{ button }{ Html::default() }</div> };
    }

    let set_text = {
        let text = text.clone();
        let panel = panel.clone();
        Callback::from(move |value: String| {
            if let Some(panel) = panel.borrow().as_ref() {
                panel.set_text(&value);
            }
            text.set(value);
        })
    };
    let on_text = {
        let set_text = set_text.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            set_text.emit(area.value());
        })
    };
    let read_into_box = {
        let file_problem = file_problem.clone();
        Callback::from(move |file: web_sys::File| {
            let set_text = set_text.clone();
            let file_problem = file_problem.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match read_file(file).await {
                    Ok(text) => {
                        file_problem.set(None);
                        set_text.emit(text);
                    }
                    Err(problem) => file_problem.set(Some(problem.message)),
                }
            });
        })
    };
    let on_file = {
        let read = read_into_box.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read.emit(file);
            }
            input.set_value("");
        })
    };
    // A file dropped on the box is read into it (not loaded as a dataset).
    let on_drop = {
        let read = read_into_box;
        Callback::from(move |event: DragEvent| {
            if let Some(file) = event
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0))
            {
                event.prevent_default();
                event.stop_propagation();
                read.emit(file);
            }
        })
    };
    let status = match &*importer {
        Importer::Failed(why) => html! {
            <p class="outturn-import-problem" role="alert">{ format!("The importer could not start: {why}") }</p>
        },
        Importer::Loading => html! {
            <p class="outturn-import-loading" role="status">{ "Starting the importer…" }</p>
        },
        Importer::Ready => Html::default(),
    };
    let panel = html! {
        <section id={field("panel")} class="outturn-import" aria-labelledby={field("title")}
            ondragover={Callback::from(|event: DragEvent| event.prevent_default())}>
            <h2 id={field("title")} class="outturn-import-title">{ "Add your data" }</h2>
            <p class="outturn-hint">{ "Paste a table from a spreadsheet, a committee report or a CSV file, or drop a CSV or text file on the box. Outturn reads it here, in your browser: nothing is uploaded." }</p>
            <div class="outturn-field outturn-import-text">
                <label for={field("text")}>{ "Table" }</label>
                <textarea id={field("text")} rows="8" spellcheck="false" value={(*text).clone()}
                    oninput={on_text} ondrop={on_drop} />
            </div>
            <div class="outturn-field outturn-file">
                <label for={field("file")}>{ "Or choose a CSV or text file" }</label>
                <input id={field("file")} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onchange={on_file} />
            </div>
            if let Some(problem) = (*file_problem).clone() {
                <p class="outturn-import-problem" role="alert">{ problem }</p>
            }
            { status }
        </section>
    };
    html! { <div class="outturn-import-bar" ref={bar}>{ button }{ panel }</div> }
}

/// Draws the importer's part on a new element after the widget's root
/// (beside the element Yew renders the widget into, not inside it).
fn mount_panel(
    bar: &NodeRef,
    id: &str,
    text: &str,
    original: &Rc<RefCell<Option<Shared<Dataset>>>>,
    on_action: &Rc<RefCell<Callback<Action>>>,
) -> Option<Panel> {
    let widget = bar
        .cast::<web_sys::Element>()?
        .closest(".outturn-root")
        .ok()??
        .parent_element()?;
    let host = gloo::utils::document().create_element("div").ok()?;
    host.set_class_name(HOST_CLASS);
    host.set_attribute("lang", "en-GB").ok()?;
    widget.after_with_node_1(&host).ok()?;
    let load = on_action.clone();
    let restore = on_action.clone();
    let original = original.clone();
    let can_restore = original.borrow().is_some();
    let panel = Panel::mount(
        host.clone(),
        id,
        text,
        can_restore,
        move |json| {
            load.borrow().emit(crate::load::load_action(
                Ok(json),
                "the table you pasted".to_string(),
            ));
        },
        move || {
            if let Some(dataset) = original.borrow().clone() {
                restore.borrow().emit(Action::Loaded {
                    dataset: dataset.0,
                    warnings: Vec::new(),
                    source: "the data shown before".to_string(),
                });
            }
        },
    );
    if panel.is_none() {
        host.remove();
    }
    panel
}
