//! "Add your data": paste a table (from a spreadsheet, a committee report
//! or a CSV) or drop a file, see what Outturn recognised, correct it with
//! labelled controls, and see the chart drawn from it as you go; then
//! download the `outturn/1` JSON (the same bytes `outturn import` writes
//! for the same table and options) or copy the embed code with the data
//! inline. Everything stays in the browser. The reading is the core's
//! ([`outturn_core::import::Draft`]); this component only shows it and
//! sends the reader's changes.

use std::rc::Rc;

use outturn_core::import::{
    embed_snippet, Draft, DraftAction, PanelImport, PanelReading, PeriodKind, Series, Source,
};
use outturn_core::model::{Dataset, Polarity, YearValue};
use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::select::{labelled_select, Choice, Picker};
use crate::download::save_text;
use crate::fetch::read_file;
use crate::importer::Importer;
use crate::state::{Action, DraftState, Shared};

/// Props of [`ImportPanel`].
#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    /// Prefix of element ids, unique on the page.
    pub id: AttrValue,
    /// The dataset the widget shows now (kept, to put back).
    pub current: Option<Shared<Dataset>>,
    /// Changes the widget's state: loads what the panel reads (or the
    /// data shown before) as any load is.
    pub on_action: Callback<Action>,
}

/// Where the widget's script is, for the embed code.
const SCRIPT: &str = "/outturn/outturn.js";

/// The "Add your data" disclosure and panel.
#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let open = use_state(|| false);
    let draft = use_reducer(DraftState::default);
    // The importer is a module of its own, asked for when the panel opens.
    let importer = use_state(crate::importer::status);
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
    let reading = use_memo(
        (draft.0.clone(), (*importer).clone()),
        |(draft, importer): &(Draft, Importer)| {
            if draft.is_empty() || *importer != Importer::Ready {
                return None;
            }
            let answer = crate::importer::read(&draft.to_json().to_string())?;
            PanelReading::from_json_text(&answer)
        },
    );
    let original: Rc<std::cell::RefCell<Option<Shared<Dataset>>>> = use_mut_ref(|| None);
    let file_problem = use_state(|| None::<String>);
    let letter = use_state(String::new);

    // The chart follows the table as the reader corrects it.
    {
        let on_action = props.on_action.clone();
        use_effect_with(Shared(reading.clone()), move |reading| {
            if let Some(Ok(import)) = reading.as_ref().as_ref().map(|r| &r.outcome) {
                on_action.emit(crate::load::load_action(
                    Ok(import.json.clone()),
                    "the table you pasted".to_string(),
                ));
            }
        });
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
        return html! { <div class="outturn-import-bar">{ button }{ Html::default() }</div> };
    }

    let send = |make: fn(String) -> DraftAction| {
        let draft = draft.dispatcher();
        Callback::from(move |value: String| draft.dispatch(make(value)))
    };
    let on_text = {
        let draft = draft.dispatcher();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            draft.dispatch(DraftAction::SetText(area.value()));
        })
    };
    let read_into_draft = {
        let draft = draft.dispatcher();
        let file_problem = file_problem.clone();
        Callback::from(move |file: web_sys::File| {
            let draft = draft.clone();
            let file_problem = file_problem.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match read_file(file).await {
                    Ok(text) => {
                        file_problem.set(None);
                        draft.dispatch(DraftAction::SetText(text));
                    }
                    Err(problem) => file_problem.set(Some(problem.message)),
                }
            });
        })
    };
    let on_file = {
        let read = read_into_draft.clone();
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
        let read = read_into_draft;
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

    let state = &draft.0;
    let options = &state.options;
    let source_choices: Vec<Choice> = [
        ("auto", "As it looks", state.source.is_none()),
        ("csv", "CSV", state.source == Some(Source::Csv)),
        (
            "tsv",
            "Tab-separated (copied from a spreadsheet)",
            state.source == Some(Source::Tsv),
        ),
        (
            "report",
            "Text copied from a report",
            state.source == Some(Source::Report),
        ),
    ]
    .into_iter()
    .map(|(v, l, s)| (AttrValue::Static(v), AttrValue::Static(l), s))
    .collect();
    let on_source = send(|value| DraftAction::SetSource(Source::from_name(&value)));
    let period_choices = optional_choices(
        "As the period names say",
        &[
            ("month", "Months"),
            ("quarter", "Quarters"),
            ("term", "Terms"),
            ("year", "Years"),
        ],
        options.period.map(PeriodKind::name),
    );
    let on_period = send(|value| DraftAction::SetPeriod(PeriodKind::from_name(&value)));
    let year_value_choices = optional_choices(
        "As the printed totals show",
        &[
            ("sum", "The sum of its periods"),
            ("last", "Its last period"),
            ("mean", "The mean of its periods"),
            ("none", "No year figure"),
        ],
        options.year_value.map(YearValue::name),
    );
    let on_year_value =
        send(|value| DraftAction::SetYearValue(outturn_core::import::year_value_from_name(&value)));
    let polarity_choices = optional_choices(
        "The usual (lower with a budget)",
        &[
            ("higher-is-better", "Higher is better"),
            ("lower-is-better", "Lower is better"),
            ("neutral", "Neither"),
        ],
        options.polarity.map(Polarity::slug),
    );
    let on_polarity = send(|value| DraftAction::SetPolarity(Polarity::from_slug(&value)));

    let text_field = |name: &str,
                      label: &'static str,
                      value: String,
                      hint: &'static str,
                      on: Callback<String>| {
        let input_id = field(name);
        let hint_id = format!("{input_id}-hint");
        let oninput = Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on.emit(input.value());
        });
        html! {
            <div class="outturn-field">
                <label for={input_id.clone()}>{ label }</label>
                <input id={input_id} type="text" {value} {oninput} aria-describedby={hint_id.clone()} />
                <span id={hint_id} class="outturn-hint">{ hint }</span>
            </div>
        }
    };

    let reading_html = match (&*importer, reading.as_ref()) {
        (Importer::Failed(why), _) => html! {
            <p class="outturn-import-problem" role="alert">{ format!("The importer could not start: {why}") }</p>
        },
        (Importer::Loading, _) if !draft.0.is_empty() => html! {
            <p class="outturn-import-loading" role="status">{ "Starting the importer…" }</p>
        },
        (_, Some(reading)) => show_reading(reading, &draft, &props.id),
        _ => Html::default(),
    };
    let put_back = original.borrow().clone().map(|dataset| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_| {
            on_action.emit(Action::Loaded {
                dataset: dataset.0.clone(),
                warnings: Vec::new(),
                source: "the data shown before".to_string(),
            });
        });
        html! { <button type="button" class="outturn-import-restore" {onclick}>{ "Show the original data again" }</button> }
    });
    let panel = html! {
            <section id={field("panel")} class="outturn-import" aria-labelledby={field("title")}
                ondragover={Callback::from(|event: DragEvent| event.prevent_default())}>
                <h2 id={field("title")} class="outturn-import-title">{ "Add your data" }</h2>
                <p class="outturn-hint">{ "Paste a table from a spreadsheet, a committee report or a CSV file, or drop a CSV or text file on the box. Outturn reads it here, in your browser: nothing is uploaded." }</p>
                <div class="outturn-field outturn-import-text">
                    <label for={field("text")}>{ "Table" }</label>
                    <textarea id={field("text")} rows="8" spellcheck="false" value={state.text.clone()}
                        oninput={on_text} ondrop={on_drop} />
                </div>
                <div class="outturn-import-row">
                    <div class="outturn-field outturn-file">
                        <label for={field("file")}>{ "Or choose a CSV or text file" }</label>
                        <input id={field("file")} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onchange={on_file} />
                    </div>
                    { labelled_select(Picker { id: field("source").into(), label: "Read it as", field_class: "outturn-import-source", select_class: "outturn-import-source-select" }, source_choices, on_source) }
                </div>
                <fieldset class="outturn-import-options">
                    <legend>{ "About the table (leave a field empty to let the table say)" }</legend>
                    { text_field("id", "Indicator id", options.id.clone().unwrap_or_default(), "letters, digits and hyphens", send(DraftAction::SetId)) }
                    { text_field("title-text", "Title", options.title.clone().unwrap_or_default(), "default: the heading above the table", send(DraftAction::SetTitle)) }
                    { text_field("unit", "Unit", options.unit.clone().unwrap_or_default(), "hours, children, £000s, %", send(DraftAction::SetUnit)) }
                    { labelled_select(Picker { id: field("period").into(), label: "Periods", field_class: "outturn-import-period", select_class: "outturn-import-period-select" }, period_choices, on_period) }
                    { labelled_select(Picker { id: field("year-value").into(), label: "A year's figure is", field_class: "outturn-import-year-value", select_class: "outturn-import-year-value-select" }, year_value_choices, on_year_value) }
                    { labelled_select(Picker { id: field("polarity").into(), label: "Which way is better", field_class: "outturn-import-polarity", select_class: "outturn-import-polarity-select" }, polarity_choices, on_polarity) }
                    { text_field("year", "Financial year", state.year_text.clone(), "for a table that names none: 2011-12", send(DraftAction::SetYear)) }
                    if let Some(problem) = state.year_problem() {
                        <p class="outturn-import-problem" role="alert">{ problem }</p>
                    }
                </fieldset>
                if let Some(problem) = (*file_problem).clone() {
                    <p class="outturn-import-problem" role="alert">{ problem }</p>
                }
                { correct_column(&draft, &letter, &field("fix")) }
                { reading_html }
                { for put_back }
            </section>
    };
    html! { <div class="outturn-import-bar">{ button }{ panel }</div> }
}

/// A select's choices with a first "as the table says" choice.
fn optional_choices(
    default: &'static str,
    values: &[(&'static str, &'static str)],
    current: Option<&'static str>,
) -> Vec<Choice> {
    let mut choices = vec![(
        AttrValue::Static(""),
        AttrValue::Static(default),
        current.is_none(),
    )];
    choices.extend(values.iter().map(|(value, label)| {
        (
            AttrValue::Static(value),
            AttrValue::Static(label),
            current == Some(*value),
        )
    }));
    choices
}

/// The series a column may hold, as the select offers them.
fn series_choices(current: Option<Series>, read_as: Option<Series>) -> Vec<Choice> {
    let header = match read_as {
        Some(series) => format!("As its header says ({})", series.name()),
        None => "As its header says".to_string(),
    };
    let mut choices = vec![(
        AttrValue::Static(""),
        AttrValue::from(header),
        current.is_none(),
    )];
    choices.extend(Series::ALL.iter().map(|series| {
        (
            AttrValue::Static(series.name()),
            AttrValue::Static(series.name()),
            current == Some(*series),
        )
    }));
    choices
}

/// "Correct a column": a column's letter and what it holds, for tables the
/// import refuses until a column is said (a garbled header).
fn correct_column(
    draft: &UseReducerHandle<DraftState>,
    letter: &UseStateHandle<String>,
    id: &str,
) -> Html {
    let on_letter = {
        let letter = letter.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            letter.set(input.value());
        })
    };
    let corrections: Vec<Html> = draft
        .0
        .options
        .maps
        .iter()
        .map(|map| {
            let column = map.column.clone();
            let dispatch = draft.dispatcher();
            let onclick = Callback::from(move |_| {
                dispatch.dispatch(DraftAction::MapColumn { column: column.clone(), series: None });
            });
            let text = map.to_string();
            html! {
                <li>{ format!("{text} ") }
                    <button type="button" class="outturn-import-undo" aria-label={format!("Undo {text}")} {onclick}>{ "Undo" }</button>
                </li>
            }
        })
        .collect();
    let on_series = {
        let letter = letter.clone();
        let dispatch = draft.dispatcher();
        Callback::from(move |value: String| {
            let written = format!("{}={value}", letter.trim());
            if let Ok(map) = outturn_core::import::ColumnMap::parse(&written) {
                dispatch.dispatch(DraftAction::MapColumn {
                    column: map.column,
                    series: Some(map.series),
                });
            }
        })
    };
    let mut choices = vec![(AttrValue::Static(""), AttrValue::Static("Choose…"), true)];
    choices.extend(Series::ALL.iter().map(|s| {
        (
            AttrValue::Static(s.name()),
            AttrValue::Static(s.name()),
            false,
        )
    }));
    let letter_id = format!("{id}-letter");
    html! {
        <fieldset class="outturn-import-fix">
            <legend>{ "Correct a column" }</legend>
            <div class="outturn-field">
                <label for={letter_id.clone()}>{ "Column (its letter, or its header)" }</label>
                <input id={letter_id} type="text" value={(**letter).clone()} oninput={on_letter} />
            </div>
            { labelled_select(Picker { id: format!("{id}-series").into(), label: "holds", field_class: "outturn-import-fix-series", select_class: "outturn-import-fix-select" }, choices, on_series) }
            if !corrections.is_empty() {
                <ul class="outturn-import-corrections" aria-label="Your corrections">{ for corrections }</ul>
            }
        </fieldset>
    }
}

/// What the table was read as: problems, or the recognition, the columns
/// (each with a select to correct it), warnings, and the download and
/// embed code.
fn show_reading(
    reading: &PanelReading,
    draft: &UseReducerHandle<DraftState>,
    widget: &AttrValue,
) -> Html {
    let import: &PanelImport = match &reading.outcome {
        Err(problems) => {
            return html! {
                <div class="outturn-import-result" role="status">
                    <p class="outturn-import-problem">{ format!("Read as {}, it cannot be imported yet:", reading.source.label()) }</p>
                    <ul class="outturn-import-problems">
                        { for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                    </ul>
                    <p class="outturn-hint">{ "Where a message says --map C=SERIES, say what column C holds under \u{201c}Correct a column\u{201d}; the other options are the fields above." }</p>
                </div>
            };
        }
        Ok(import) => import,
    };
    let rows: Vec<Html> = import
        .lines
        .iter()
        .map(|line| {
            let mapped = draft.0.mapped(&line.column);
            let dispatch = draft.dispatcher();
            let column = line.column.clone();
            let onchange = Callback::from(move |event: Event| {
                let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
                dispatch.dispatch(DraftAction::MapColumn {
                    column: column.clone(),
                    series: Series::from_name(&select.value()),
                });
            });
            html! {
                <tr>
                    <th scope="row">{ line.name.clone() }</th>
                    <td>{ line.header.clone() }</td>
                    <td>{ line.year.clone() }</td>
                    <td>
                        <select class="outturn-import-holds-select" data-column={line.name.clone()}
                            aria-label={format!("What {} holds", line.name)} {onchange}>
                            { for series_choices(mapped, line.read_as).into_iter().map(|(value, label, selected)| html! {
                                <option {value} {selected}>{ label }</option>
                            }) }
                        </select>
                    </td>
                    <td>{ line.indicator.clone() }</td>
                </tr>
            }
        })
        .collect();
    let snippet = embed_snippet(&import.json, &import.first_id, SCRIPT);
    let on_download = {
        let json = import.json.clone();
        let name = format!("{}.json", import.first_id);
        Callback::from(move |_| {
            let _ = save_text(&name, "application/json", &json);
        })
    };
    let snippet_id = format!("{widget}-import-embed");
    let on_copy = {
        let snippet = snippet.clone();
        let snippet_id = snippet_id.clone();
        Callback::from(move |_| copy_text(&snippet, &snippet_id))
    };
    let count = import.count;
    html! {
        <div class="outturn-import-result">
            <p role="status" class="outturn-import-ok">{ format!(
                "Read as {}: {count} indicator{}. The chart above shows it.",
                reading.source.label(),
                if count == 1 { "" } else { "s" }
            ) }</p>
            <ul class="outturn-import-described">{ for import.described.iter().map(|line| html! { <li>{ line.clone() }</li> }) }</ul>
            if !rows.is_empty() {
                <div class="outturn-table-scroll" role="region" tabindex="0" aria-label="Columns as read">
                    <table class="outturn-import-columns">
                        <caption>{ "What each column holds (change any that is wrong)" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Column" }</th><th scope="col">{ "Header" }</th><th scope="col">{ "Year" }</th>
                            <th scope="col">{ "Holds" }</th><th scope="col">{ "Indicator" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            if !import.warnings.is_empty() {
                <ul class="outturn-import-warnings" aria-label="Left out or flagged">
                    { for import.warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }
                </ul>
            }
            <div class="outturn-import-actions">
                <button type="button" class="outturn-import-download" onclick={on_download}>{ "Download outturn/1 JSON" }</button>
                <button type="button" class="outturn-import-copy" onclick={on_copy}>{ "Copy embed code" }</button>
            </div>
            <div class="outturn-field">
                <label for={snippet_id.clone()}>{ "Embed code (the data inline)" }</label>
                <textarea id={snippet_id} class="outturn-import-embed" rows="4" readonly=true value={snippet} />
            </div>
            <p class="outturn-hint">{ "The same on the command line: " }<code>{ draft.0.command() }</code></p>
        </div>
    }
}

/// Copies `text` to the clipboard; where the browser refuses, selects the
/// embed code's box for the reader to copy.
fn copy_text(text: &str, box_id: &str) {
    let select_box = {
        let box_id = box_id.to_string();
        move || {
            if let Some(area) = gloo::utils::document()
                .get_element_by_id(&box_id)
                .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
            {
                area.select();
                let _ = area.focus();
            }
        }
    };
    let clipboard = gloo::utils::window().navigator().clipboard();
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        if JsFuture::from(promise).await.is_err() {
            select_box();
        }
    });
}
