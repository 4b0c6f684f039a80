//! The one labelled `<select>` every picker uses (year, order, filter,
//! colours, cost convention, projection method, "as at"): a label tied to
//! the select by id, the options, and the chosen value handed back as text
//! for the caller to parse. One function, so each picker costs its options
//! and not another copy of the markup.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// One option: (value, label, selected).
pub type Choice = (AttrValue, AttrValue, bool);

/// What a labelled select is.
pub struct Picker {
    /// Element id of the select, unique on the page.
    pub id: AttrValue,
    /// The label's text.
    pub label: &'static str,
    /// Class of the field (`outturn-field` is always added).
    pub field_class: &'static str,
    /// Class of the select itself (tests and styles find it by this).
    pub select_class: &'static str,
}

/// A labelled select of `choices`; `on_value` receives the value chosen.
/// Not generic over the choices' iterator: one copy serves every picker.
pub fn labelled_select(picker: Picker, choices: Vec<Choice>, on_value: Callback<String>) -> Html {
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        on_value.emit(select.value());
    });
    html! {
        <div class={classes!("outturn-field", picker.field_class)}>
            <label for={picker.id.clone()}>{ picker.label }</label>
            <select id={picker.id} class={picker.select_class} {onchange}>
                { for choices.into_iter().map(|(value, label, selected)| html! {
                    <option {value} {selected}>{ label }</option>
                }) }
            </select>
        </div>
    }
}

/// A choice from an option's `slug` and `label`, selected when `current`.
pub fn choice(slug: &'static str, label: &'static str, current: bool) -> Choice {
    (AttrValue::Static(slug), AttrValue::Static(label), current)
}
