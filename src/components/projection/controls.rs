//! The projection's controls: where the past comes from (a held scenario or the imported
//! file) and the horizon.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::logic::{Source, HORIZONS};
use super::texts::OutlookText;
use crate::i18n::{fill, Lang};

/// Props of [`Controls`].
#[derive(Properties, PartialEq, Clone)]
pub struct ControlsProps {
    /// The chosen past.
    pub source: Source,
    /// Whether a file has been imported (else the imported choice is disabled).
    pub has_import: bool,
    /// Days projected.
    pub horizon: usize,
    /// Page language.
    pub lang: Lang,
    /// A past was chosen.
    pub onsource: Callback<Source>,
    /// A horizon was chosen.
    pub onhorizon: Callback<usize>,
}

/// Source radio group and horizon selector.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let radio = |value: Source, id: &'static str, label: Html| {
        let cb = props.onsource.clone();
        let disabled = value == Source::Imported && !props.has_import;
        html! {
            <label class={classes!("radio", disabled.then_some("radio-disabled"))}>
                <input type="radio" name="past-source" value={id} checked={props.source == value}
                    disabled={disabled} data-testid={format!("source-{id}")}
                    onchange={move |e: Event| {
                        if e.target_unchecked_into::<HtmlInputElement>().checked() {
                            cb.emit(value);
                        }
                    }} />
                <span>{ label }</span>
            </label>
        }
    };
    let on_horizon = {
        let cb = props.onhorizon.clone();
        Callback::from(move |e: Event| {
            if let Ok(h) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
            {
                cb.emit(h);
            }
        })
    };
    let horizon_select = crate::components::use_select_value(props.horizon.to_string());
    html! {
        <div class="proj-controls">
            <fieldset class="proj-source">
                <legend>{ OutlookText::PastData.get(lang) }</legend>
                { radio(Source::Baseline, "baseline", html! { OutlookText::SourceBaseline.get(lang) }) }
                { radio(Source::Imported, "imported", html! {
                    <>
                        { OutlookText::SourceImported.get(lang) }
                        if !props.has_import { <span class="muted">{ OutlookText::SourceImportedNone.get(lang) }</span> }
                    </>
                }) }
            </fieldset>
            <label class="control proj-horizon">
                <span>{ OutlookText::Horizon.get(lang) }</span>
                <select ref={horizon_select} data-testid="horizon" onchange={on_horizon}>
                    { for HORIZONS.iter().map(|h| html! {
                        <option value={h.to_string()} selected={*h == props.horizon}>
                            { fill(OutlookText::HorizonDays.get(lang), &[("n", &h.to_string())]) }
                        </option>
                    }) }
                </select>
            </label>
        </div>
    }
}
