//! The rest of "Add your data", after the box the table is pasted into
//! (which the widget draws itself, so that it is there the moment the panel
//! opens): how to read the table, what Outturn recognised, the corrections,
//! the download and the embed code. It is a Yew app of its own, mounted by
//! the widget right after its own root, so its events never pass through
//! the widget's. The reading is the core's
//! ([`outturn_core::import::Draft`]); this component only shows it and
//! sends the reader's changes; what it reads goes back to the widget as
//! `outturn/1` JSON text, which the widget loads as any file.

use std::cell::RefCell;
use std::rc::Rc;

use outturn_core::import::{
    embed_snippet, Draft, DraftAction, PanelImport, PanelReading, PeriodKind, Series, Source,
};
use outturn_core::model::{Polarity, YearValue};
use outturn_web_kit::save::save_text;
use outturn_web_kit::select::{labelled_select, Choice, Picker};
use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The draft ([`Draft`]) as a Yew reducer: what the reader pasted and
/// said, changed in one place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftState(pub Draft);

impl Reducible for DraftState {
    type Action = DraftAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.0.apply(action);
        Rc::new(next)
    }
}

/// Where the widget's box sends the table's text: to the panel once it is
/// drawn, kept until then.
#[derive(Default)]
pub struct Inbox {
    /// The panel's way in, once it is drawn.
    deliver: RefCell<Option<Callback<String>>>,
    /// Text sent before the panel was drawn.
    waiting: RefCell<Option<String>>,
}

impl Inbox {
    /// Sends the table's text (all of it, as the box holds it now).
    pub fn send(&self, text: String) {
        match &*self.deliver.borrow() {
            Some(deliver) => deliver.emit(text),
            None => *self.waiting.borrow_mut() = Some(text),
        }
    }
}

/// Props of [`ImportOptions`].
#[derive(Properties)]
pub struct ImportOptionsProps {
    /// The widget's prefix of element ids, unique on the page.
    pub id: AttrValue,
    /// The table's text when the panel opened.
    pub text: String,
    /// Where later text arrives.
    pub inbox: Rc<Inbox>,
    /// Whether the widget showed data before, to put back.
    pub can_restore: bool,
    /// Loads what the panel reads (`outturn/1` JSON text) into the widget.
    pub on_load: Callback<String>,
    /// Puts the widget's data from before back.
    pub on_restore: Callback<()>,
}

impl PartialEq for ImportOptionsProps {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.text == other.text
            && Rc::ptr_eq(&self.inbox, &other.inbox)
            && self.can_restore == other.can_restore
            && self.on_load == other.on_load
            && self.on_restore == other.on_restore
    }
}

/// Where the widget's script is, for the embed code.
const SCRIPT: &str = "/outturn/outturn.js";

/// How to read the table, what was read, and what to do with it.
#[component]
pub fn ImportOptions(props: &ImportOptionsProps) -> Html {
    let draft = use_reducer(|| {
        let mut draft = DraftState::default();
        draft.0.apply(DraftAction::SetText(props.text.clone()));
        draft
    });
    // The widget's box sends its text here.
    {
        let inbox = props.inbox.clone();
        let dispatcher = draft.dispatcher();
        use_effect_with((), move |()| {
            let deliver = Callback::from(move |text: String| {
                dispatcher.dispatch(DraftAction::SetText(text));
            });
            if let Some(text) = inbox.waiting.borrow_mut().take() {
                deliver.emit(text);
            }
            *inbox.deliver.borrow_mut() = Some(deliver);
            move || *inbox.deliver.borrow_mut() = None
        });
    }
    let reading = use_memo(draft.0.clone(), |draft: &Draft| {
        (!draft.is_empty()).then(|| PanelReading::of(&draft.read()))
    });
    let letter = use_state(String::new);

    // The chart follows the table as the reader corrects it.
    {
        let on_load = props.on_load.clone();
        use_effect_with(reading.clone(), move |reading| {
            if let Some(Ok(import)) = reading.as_ref().as_ref().map(|r| &r.outcome) {
                on_load.emit(import.json.clone());
            }
        });
    }

    let id = props.id.clone();
    let field = |name: &str| format!("{id}-import-{name}");
    let send = |make: fn(String) -> DraftAction| {
        let draft = draft.dispatcher();
        Callback::from(move |value: String| draft.dispatch(make(value)))
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

    let reading_html = match reading.as_ref() {
        Some(reading) => show_reading(reading, &draft, &props.id),
        None => Html::default(),
    };
    let put_back = props.can_restore.then(|| {
        let onclick = props.on_restore.reform(|_: MouseEvent| ());
        html! { <button type="button" class="outturn-import-restore" {onclick}>{ "Show the original data again" }</button> }
    });
    html! {
        <div id={field("more")} class="outturn-import outturn-import-more" role="group" aria-labelledby={field("title")}>
            { labelled_select(Picker { id: field("source").into(), label: "Read it as", field_class: "outturn-import-source", select_class: "outturn-import-source-select" }, source_choices, on_source) }
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
            { correct_column(&draft, &letter, &field("fix")) }
            { reading_html }
            { for put_back }
        </div>
    }
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
        Callback::from(move |event: MouseEvent| copy_text(&snippet, event.target_dyn_into()))
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
/// embed code's box (beside `button`, in the widget's shadow root) for the
/// reader to copy.
fn copy_text(text: &str, button: Option<web_sys::Element>) {
    let select_box = move || {
        if let Some(area) = button
            .and_then(|button| button.closest(".outturn-import-result").ok().flatten())
            .and_then(|result| {
                result
                    .query_selector(".outturn-import-embed")
                    .ok()
                    .flatten()
            })
            .and_then(|area| area.dyn_into::<HtmlTextAreaElement>().ok())
        {
            area.select();
            let _ = area.focus();
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
