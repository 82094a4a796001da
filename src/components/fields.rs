//! The input pairs: a slider for dragging roughly and a box for typing
//! precisely, both under one visible label, kept in sync through the state.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::FieldStatus;
use crate::input::DateEntry;

/// Props of [`NumberField`].
#[derive(Clone, Properties)]
pub struct NumberFieldProps {
    /// The base of the element ids: `{id}-label`, `{id}-slider`, `{id}-box`.
    pub id: AttrValue,
    /// The label, naming the party and the quantity: "Amazon investment".
    pub label: AttrValue,
    /// The unit after the box: "$B" or "%".
    pub unit: AttrValue,
    /// The value as plain decimal text ("50", "23.4643").
    pub value: AttrValue,
    /// The slider's range and step.
    pub min: AttrValue,
    pub max: AttrValue,
    pub step: AttrValue,
    /// Error, draft and invalid marking from the state.
    #[prop_or_default]
    pub status: FieldStatus,
    /// Ids of elements that describe the field, such as a rule.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    #[prop_or_default]
    pub disabled: bool,
    /// Called with the text of the slider or the box on every input.
    pub on_input: Callback<String>,
    /// Extra content beside the label (a remove button).
    #[prop_or_default]
    pub children: Html,
}

/// Equal when everything the field shows is equal, so that a slider step
/// re-renders only the fields it changed. The callback and the children (a
/// remove button) are left out: the controls remake them on every render, but
/// they always dispatch the same action for the same `id`, so the ones the
/// field already holds stay right.
impl PartialEq for NumberFieldProps {
    fn eq(&self, other: &NumberFieldProps) -> bool {
        self.id == other.id
            && self.label == other.label
            && self.unit == other.unit
            && self.value == other.value
            && self.min == other.min
            && self.max == other.max
            && self.step == other.step
            && self.status == other.status
            && self.described_by == other.described_by
            && self.disabled == other.disabled
    }
}

/// A number with a slider and a box.
#[function_component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    // While the reader types, the box shows exactly what they typed, so that
    // "12." is not rewritten to "12" under their cursor.
    let typing = use_state(|| None::<String>);
    let status = &props.status;
    let box_text = typing
        .as_deref()
        .map(|t| AttrValue::from(t.to_owned()))
        .or(status.draft.clone())
        .unwrap_or(props.value.clone());
    // A dragged or typed number that was refused stays on the slider too; text stays off it.
    let numeric = |d: &AttrValue| {
        let d = d.trim();
        !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    let slider_text = status.draft.clone().filter(numeric).unwrap_or(props.value.clone());
    let label_id = format!("{}-label", props.id);
    // What a screen reader says for the slider: "$50B", "27%".
    let value_text = match props.unit.as_str() {
        "$B" => format!("${slider_text}B"),
        unit => format!("{slider_text}{unit}"),
    };
    let described = describe(props.described_by.as_ref(), status);
    let invalid = status.invalid_by.as_ref().map(|_| "true");

    let on_slider = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| on_input.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_box = {
        let on_input = props.on_input.clone();
        let typing = typing.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            typing.set(Some(text.clone()));
            on_input.emit(text);
        })
    };
    let on_blur = {
        let typing = typing.clone();
        Callback::from(move |_: FocusEvent| typing.set(None))
    };

    html! {
        <div class="field" data-field={props.id.clone()}>
            <div class="field-head">
                <label class="field-label" id={label_id.clone()} for={format!("{}-box", props.id)}>
                    {props.label.clone()}
                </label>
                { props.children.clone() }
            </div>
            <div class="field-inputs">
                <input
                    type="range"
                    class="slider"
                    id={format!("{}-slider", props.id)}
                    aria-labelledby={label_id}
                    aria-valuetext={value_text}
                    aria-describedby={described.clone()}
                    aria-invalid={invalid}
                    min={props.min.clone()}
                    max={props.max.clone()}
                    step={props.step.clone()}
                    value={slider_text.clone()}
                    disabled={props.disabled}
                    oninput={on_slider}
                />
                <span class="box-unit">
                    <input
                        type="text"
                        class="num"
                        inputmode="decimal"
                        autocomplete="off"
                        spellcheck="false"
                        id={format!("{}-box", props.id)}
                        aria-describedby={described}
                        aria-invalid={invalid}
                        value={box_text}
                        disabled={props.disabled}
                        oninput={on_box}
                        onblur={on_blur}
                    />
                    <span class="unit" aria-hidden="true">{props.unit.clone()}</span>
                </span>
            </div>
            { status.message_html() }
        </div>
    }
}

/// What [`date_field`] shows.
pub struct DateFieldProps {
    /// The base of the element ids.
    pub id: AttrValue,
    /// The label: "As-of date", "AGI declared".
    pub label: AttrValue,
    /// The date as `YYYY-MM-DD`, or `None` for "not yet".
    pub value: Option<AttrValue>,
    /// The same date as a day number, for the slider.
    pub day: u32,
    /// The slider's range, in day numbers.
    pub min_day: u32,
    pub max_day: u32,
    pub status: FieldStatus,
    /// Called with a date from the slider or the box.
    pub on_input: Callback<DateEntry>,
    /// For events: called with `true` when "not yet" is ticked.
    pub on_not_yet: Option<Callback<bool>>,
}

/// A date with a slider over the years that matter and a date box.
pub fn date_field(props: DateFieldProps) -> Html {
    let status = &props.status;
    let label_id = format!("{}-label", props.id);
    let described = describe(None, status);
    let invalid = status.invalid_by.as_ref().map(|_| "true");
    let not_yet = props.value.is_none();
    let date_text = status.draft.clone().or(props.value.clone()).unwrap_or_default();
    // A refused date stays where the reader dragged or typed it, on the slider too.
    let day = status.draft.as_deref().and_then(fortress_core::Date::parse).map_or(props.day, |d| d.day_number());

    let on_slider = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            on_input.emit(DateEntry::Day(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let on_box = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: Event| {
            on_input.emit(DateEntry::Iso(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let check = props.on_not_yet.as_ref().map(|on_not_yet| {
        let on_not_yet = on_not_yet.clone();
        let onchange =
            Callback::from(move |e: Event| on_not_yet.emit(e.target_unchecked_into::<HtmlInputElement>().checked()));
        html! {
            <label class="check">
                <input type="checkbox" id={format!("{}-not-yet", props.id)} checked={not_yet} {onchange} />
                <span class="visually-hidden">{format!("{}: ", props.label)}</span>
                {"not yet"}
            </label>
        }
    });

    html! {
        <div class="field date-field" data-field={props.id.clone()}>
            <label class="field-label" id={label_id.clone()} for={format!("{}-box", props.id)}>{props.label.clone()}</label>
            { check.unwrap_or_default() }
            <div class="field-inputs">
                <input
                    type="range"
                    class="slider"
                    id={format!("{}-slider", props.id)}
                    aria-labelledby={label_id}
                    aria-valuetext={if not_yet { AttrValue::from("not yet") } else { date_text.clone() }}
                    aria-describedby={described.clone()}
                    aria-invalid={invalid}
                    min={props.min_day.to_string()}
                    max={props.max_day.to_string()}
                    step="1"
                    value={day.to_string()}
                    disabled={not_yet}
                    oninput={on_slider}
                />
                <input
                    type="date"
                    class="date"
                    id={format!("{}-box", props.id)}
                    min="1900-01-01"
                    max="2999-12-31"
                    aria-describedby={described}
                    aria-invalid={invalid}
                    value={date_text}
                    disabled={not_yet}
                    onchange={on_box}
                />
            </div>
            { status.message_html() }
        </div>
    }
}

/// What [`text_field`] shows.
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub status: FieldStatus,
    /// Called with the text when the reader leaves the box or presses Enter.
    pub on_change: Callback<String>,
}

/// A name box: changes apply when the reader is done, not at every letter.
pub fn text_field(props: TextFieldProps) -> Html {
    let status = &props.status;
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| on_change.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    html! {
        <div class="field text-field" data-field={props.id.clone()}>
            <label class="field-label" for={props.id.clone()}>{props.label.clone()}</label>
            <input
                type="text"
                class="name"
                id={props.id.clone()}
                autocomplete="off"
                aria-describedby={describe(None, status)}
                aria-invalid={status.invalid_by.as_ref().map(|_| "true")}
                value={status.draft.clone().unwrap_or(props.value.clone())}
                {onchange}
            />
            { status.message_html() }
        </div>
    }
}

/// The `aria-describedby` of a field: its own description and its error message.
fn describe(own: Option<&AttrValue>, status: &FieldStatus) -> Option<AttrValue> {
    match (own, &status.invalid_by) {
        (Some(own), Some(err)) => Some(AttrValue::from(format!("{own} {err}"))),
        (Some(own), None) => Some(own.clone()),
        (None, Some(err)) => Some(err.clone()),
        (None, None) => None,
    }
}
