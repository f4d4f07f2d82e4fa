//! The effort weights ("this is hard for me", SPEC §5 `w_m`): one number box per metric with
//! data, typed key by key like the metric boxes; the plans and the ranking follow each valid
//! value. The parent keeps the weights (in this browser's localStorage).

use yew::prelude::*;

use crate::components::number_box::{NumberBox, Refusal};
use crate::format;
use crate::i18n::{Lang, Text};
use crate::packs::PackRef;
use crate::plans::{Weights, WEIGHT_MAX, WEIGHT_MIN};

/// Props of [`PlanWeights`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlanWeightsProps {
    /// The pack in use.
    pub pack: PackRef,
    /// Metric ids that have data (the only ones a plan moves).
    pub metrics: Vec<String>,
    /// The weights.
    pub weights: Weights,
    /// A weight was typed: `(metric id, weight)`.
    pub onweight: Callback<(String, f64)>,
    /// Page language.
    pub lang: Lang,
}

/// The weights, folded away under a summary.
#[component]
pub fn PlanWeights(props: &PlanWeightsProps) -> Html {
    let lang = props.lang;
    html! {
        <details class="plan-weights" data-testid="plan-weights">
            <summary>{ Text::WeightsTitle.get(lang) }</summary>
            <p class="note">{ Text::WeightsNote.get(lang) }</p>
            <ul class="weights">
                { for props.metrics.iter().filter_map(|id| {
                    let m = props.pack.metric(id)?;
                    Some(html! {
                        <WeightRow key={id.clone()} metric={AttrValue::from(id.clone())}
                            name={AttrValue::from(m.names.get(lang.code()).to_string())}
                            weight={props.weights.get(id)} lang={lang} onweight={props.onweight.clone()} />
                    })
                }) }
            </ul>
        </details>
    }
}

/// Props of [`WeightRow`].
#[derive(Properties, PartialEq, Clone)]
pub struct WeightRowProps {
    /// Metric id.
    pub metric: AttrValue,
    /// Its name in the page's language.
    pub name: AttrValue,
    /// Its weight.
    pub weight: f64,
    /// Page language.
    pub lang: Lang,
    /// A weight was typed.
    pub onweight: Callback<(String, f64)>,
}

/// One metric's weight box, with its refusal message.
#[component]
pub fn WeightRow(props: &WeightRowProps) -> Html {
    let lang = props.lang;
    let refused = use_state(|| false);
    let id = format!("weight-{}", props.metric);
    let msg_id = format!("{id}-msg");
    let onvalue = use_callback(
        (props.onweight.clone(), props.metric.clone()),
        |w: f64, (cb, metric)| cb.emit((metric.to_string(), w)),
    );
    let onrefusal = {
        let refused = refused.clone();
        Callback::from(move |r: Option<(Refusal, f64)>| refused.set(r.is_some()))
    };
    html! {
        <li class="weight" data-testid="weight" data-weight-metric={props.metric.clone()}>
            <label for={id.clone()}>{ props.name.clone() }</label>
            <NumberBox id={AttrValue::from(id)} value={props.weight}
                text={AttrValue::from(format::number(props.weight, lang))}
                min={WEIGHT_MIN} max={WEIGHT_MAX} {onvalue} {onrefusal} invalid={*refused}
                describedby={refused.then(|| AttrValue::from(msg_id.clone()))} />
            if *refused {
                <span class="error" id={msg_id}>{ Text::WeightRange.get(lang) }</span>
            }
        </li>
    }
}
