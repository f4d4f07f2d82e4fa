//! "What it takes": pick a coming day, read how many of the expected sessions must be
//! answered in time for it to pass (or why it cannot, and from when it can).

use std::rc::Rc;

use jiff::civil::Date;
use servicescore::cs::WhatItTakes;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::report::plan_text;
use super::text::CsText;
use crate::i18n::{fill, Lang, Text};

/// Props of [`PlanPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlanPanelProps {
    /// The day answered for.
    pub day: Date,
    /// The log's last day.
    pub last_day: Date,
    /// Earliest and latest day accepted.
    pub bounds: (Date, Date),
    /// What was typed while it is not a valid day.
    pub draft: Option<String>,
    /// The core's answer for `day`, or why there is none.
    pub answer: Rc<Result<WhatItTakes, String>>,
    /// Page language.
    pub lang: Lang,
    /// A day typed or picked (the text as it is; the view's state checks it).
    pub onday: Callback<String>,
    /// The staffing list, shown under the answer.
    #[prop_or_default]
    pub children: Html,
}

/// The "what it takes" panel.
#[component]
pub fn PlanPanel(props: &PlanPanelProps) -> Html {
    let lang = props.lang;
    let rules = &servicescore::RulePack::default_pack().customer_service;
    let on_change = props
        .onday
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
    let (lo, hi) = props.bounds;
    let invalid = props.draft.is_some();
    let message = invalid.then(|| {
        format!(
            "{} — {}",
            fill(
                CsText::PlanDayInvalid.get(lang),
                &[("min", &lo.to_string()), ("max", &hi.to_string())]
            ),
            fill(Text::KeptLast.get(lang), &[("v", &props.day.to_string())])
        )
    });
    let answer = match &*props.answer {
        Ok(w) => {
            let t = plan_text(w, rules, lang);
            html! {
                <>
                <p class={classes!("cs-answer", format!("cs-answer-{}", t.outcome))}
                    data-testid="what-it-takes" data-outcome={t.outcome} data-day={props.day.to_string()}>
                    { t.answer }
                    if let Some(on) = t.reachable_on {
                        { " " }{ on }
                    }
                </p>
                if let Some(b) = t.basis {
                    <p class="note">{ b }</p>
                }
                <p class="note">{ CsText::PlanCaveat.get(lang) }</p>
                </>
            }
        }
        Err(e) => html! {
            <p class="cs-answer error" data-testid="what-it-takes" data-outcome="error">{ e }</p>
        },
    };
    html! {
        <section class="cs-card cs-plan" data-testid="cs-plan">
            <h3>{ CsText::PlanHeading.get(lang) }</h3>
            <div class="cs-field">
                <label for="cs-plan-day">{ CsText::PlanDayLabel.get(lang) }</label>
                <input type="date" id="cs-plan-day" data-testid="cs-plan-day"
                    min={lo.to_string()} max={hi.to_string()} value={props.day.to_string()}
                    aria-invalid={invalid.to_string()} aria-describedby="cs-plan-day-msg"
                    onchange={on_change} />
                <span class="muted">{ fill(CsText::PlanDayHint.get(lang), &[("last", &props.last_day.to_string())]) }</span>
                <span id="cs-plan-day-msg" class="cs-field-message" role="status">{ message }</span>
            </div>
            { answer }
            { props.children.clone() }
        </section>
    }
}
