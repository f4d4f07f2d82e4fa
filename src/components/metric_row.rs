//! One metric: a range slider and a number box for exact entry (both controlled by the
//! state), unit and direction, industry percentile and points, and a "has data" switch.
//!
//! The number box is `type="text" inputmode="decimal"` rather than `type="number"`, so the
//! page sees what was typed ("abc", "62,5") and can say what is wrong; a comma is read as a
//! decimal point. An invalid entry shows a message beside the box and the state keeps the
//! last valid value; leaving the box puts that value back in it.

use servicescore::eval::MetricResult;
use servicescore::rulepack::{Better, MetricDef, Sourced};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::tag::Tag;
use crate::format;
use crate::i18n::{fill, Lang, T};
use crate::state::{Action, Store};
use crate::url::number_text;

/// Props of [`MetricRow`].
#[derive(Properties, PartialEq, Clone)]
pub struct MetricRowProps {
    /// The metric.
    pub metric: &'static MetricDef,
    /// Its last valid value.
    pub value: f64,
    /// Whether it has data.
    pub present: bool,
    /// Its part of the breakdown (when present and the industry applies).
    pub result: Option<MetricResult>,
    /// Its value in the pinned baseline (outer `None`: no baseline).
    #[prop_or_default]
    pub baseline: Option<Option<f64>>,
    /// The industry's benchmark knots for this metric (with their provenance).
    pub knots: Option<&'static Sourced<Vec<f64>>>,
    /// Page language.
    pub lang: Lang,
    /// State dispatcher.
    pub dispatch: UseReducerDispatcher<Store>,
}

/// Why a typed value was refused.
#[derive(Debug, Clone, PartialEq)]
enum Refusal {
    NotANumber,
    OutOfRange,
}

/// Reads what was typed: a finite number within the metric's range.
fn read_typed(m: &MetricDef, text: &str) -> Result<f64, Refusal> {
    let t = text.trim().replace(',', ".");
    let v: f64 = t.parse().map_err(|_| Refusal::NotANumber)?;
    if !v.is_finite() {
        return Err(Refusal::NotANumber);
    }
    if !m.admits(v) {
        return Err(Refusal::OutOfRange);
    }
    Ok(v)
}

/// A metric row.
#[component]
pub fn MetricRow(props: &MetricRowProps) -> Html {
    let m = props.metric;
    let lang = props.lang;
    // What the user is typing while it is not (yet) a valid value, and why.
    let draft = use_state(|| None::<(String, Refusal)>);
    let id = &m.id;
    let box_id = format!("num-{id}");
    let range_id = format!("range-{id}");
    let msg_id = format!("msg-{id}");

    let on_range = {
        let d = props.dispatch.clone();
        let metric = m.id.clone();
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<HtmlInputElement>()
                .value_as_number();
            if v.is_finite() {
                draft.set(None);
                d.dispatch(Action::SetValue(metric.clone(), v));
            }
        })
    };
    let on_box = {
        let d = props.dispatch.clone();
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match read_typed(m, &text) {
                Ok(v) => {
                    draft.set(None);
                    d.dispatch(Action::SetValue(m.id.clone(), v));
                }
                Err(r) => draft.set(Some((text, r))),
            }
        })
    };
    let on_blur = {
        let draft = draft.clone();
        // Leaving the box puts the last valid value back; the message goes with the entry.
        Callback::from(move |_: FocusEvent| draft.set(None))
    };
    let on_present = {
        let d = props.dispatch.clone();
        let metric = m.id.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            d.dispatch(Action::SetPresent(metric.clone(), on));
        })
    };
    let on_focus = {
        let d = props.dispatch.clone();
        let metric = m.id.clone();
        Callback::from(move |_: FocusEvent| d.dispatch(Action::Focus(metric.clone())))
    };

    let shown_text = match &*draft {
        Some((t, _)) => t.clone(),
        None => number_text(props.value),
    };
    let message = draft.as_ref().map(|(_, r)| {
        let what = match r {
            Refusal::NotANumber => T::InvalidNumber.get(lang).to_string(),
            Refusal::OutOfRange => fill(
                T::OutOfRange.get(lang),
                &[
                    ("min", &number_text(m.range[0])),
                    ("max", &number_text(m.range[1])),
                ],
            ),
        };
        let kept = fill(
            T::KeptLast.get(lang),
            &[("v", &format::value(m, props.value, lang))],
        );
        format!("{what}，{kept}").replace("，", if lang == Lang::Zh { "，" } else { "; " })
    });
    let slider_value = props.value.clamp(m.slider.min, m.slider.max);
    let direction = match m.better {
        Better::Higher => T::HigherBetter.get(lang),
        Better::Lower => T::LowerBetter.get(lang),
    };
    let name = m.names.get(lang.code());
    let baseline_delta = match (props.baseline, props.present) {
        (Some(Some(b)), true) if (b - props.value).abs() > 1e-12 => Some(format!(
            "{} {}",
            T::Baseline.get(lang),
            format::value(m, b, lang)
        )),
        _ => None,
    };
    html! {
        <div class={classes!("metric", (!props.present).then_some("metric-absent"))}
             data-testid="metric-row" data-metric-row={m.id.clone()} onfocusin={on_focus}>
            <div class="metric-head">
                <label for={box_id.clone()} class="metric-name">{ name }</label>
                <span class="metric-meta">{ format!("{} · {}", format::unit(m, lang), direction) }</span>
                <label class="switch">
                    <input type="checkbox" checked={props.present} onchange={on_present}
                        data-metric-present={m.id.clone()}
                        aria-label={format!("{name}: {}", T::HasData.get(lang))} />
                    <span>{ T::HasData.get(lang) }</span>
                </label>
            </div>
            <div class="metric-inputs">
                <input type="range" id={range_id} data-metric={m.id.clone()}
                    min={number_text(m.slider.min)} max={number_text(m.slider.max)} step={number_text(m.slider.step)}
                    value={number_text(slider_value)} oninput={on_range}
                    aria-label={name.to_string()} aria-valuetext={format::value(m, props.value, lang)} />
                <input type="text" inputmode="decimal" id={box_id} class="metric-number"
                    data-metric-number={m.id.clone()} value={shown_text}
                    oninput={on_box} onblur={on_blur}
                    aria-invalid={message.is_some().to_string()} aria-describedby={msg_id.clone()}
                    autocomplete="off" spellcheck="false" />
            </div>
            <div class="metric-message" id={msg_id} data-testid="metric-error" aria-live="polite">
                { message.unwrap_or_default() }
            </div>
            <div class="metric-result">
                { match (&props.result, props.present) {
                    (Some(r), true) => html! {
                        <>
                            <span data-testid="metric-percentile">{ fill(T::Beats.get(lang), &[("x", &format::share(r.percentile))]) }</span>
                            <span class="metric-points" data-testid="metric-points">{ fill(T::PointsValue.get(lang), &[("x", &format!("{:.2}", r.points))]) }</span>
                            if let Some(k) = props.knots {
                                <Tag provenance={k.provenance} source={k.source.clone().map(AttrValue::from)} lang={lang} />
                            }
                        </>
                    },
                    (_, false) => html! { <span class="muted">{ T::NoData.get(lang) }</span> },
                    (None, true) => html! {},
                } }
                if let Some(b) = baseline_delta {
                    <span class="metric-baseline">{ b }</span>
                }
            </div>
            if let (Some(r), true) = (&props.result, props.present) {
                <details class="explain-metric">
                    <summary>{ T::ExplainTitle.get(lang) }</summary>
                    <p>{ explain(m, r, props.knots.map_or(&[][..], |k| &k.value[..]), lang) }</p>
                </details>
            }
        </div>
    }
}

/// "62% lies between the industry's 10th percentile (50%) and 25th (70%) → …".
pub fn explain(m: &MetricDef, r: &MetricResult, knots: &[f64], lang: Lang) -> String {
    let pts = format!("{:.2}", r.points);
    let v = format::value(m, r.value, lang);
    match r.bracket {
        Some([lo, hi, plo, phi]) => fill(
            T::ExplainBracket.get(lang),
            &[
                ("v", &v),
                ("plo", &format::knot(plo)),
                ("phi", &format::knot(phi)),
                ("lo", &format::value(m, lo, lang)),
                ("hi", &format::value(m, hi, lang)),
                ("p", &format!("{:.3}", r.percentile)),
                ("pts", &pts),
            ],
        ),
        None => {
            let (key, k) = if r.percentile <= 0.0 {
                (T::ExplainWorst, knots.first())
            } else {
                (T::ExplainBest, knots.last())
            };
            let k = k.map(|k| format::value(m, *k, lang)).unwrap_or_default();
            fill(key.get(lang), &[("v", &v), ("k", &k), ("pts", &pts)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values() {
        let m = servicescore::RulePack::default_pack()
            .metric("reply_3min_pct")
            .unwrap();
        assert_eq!(read_typed(m, " 62,5 "), Ok(62.5));
        assert_eq!(read_typed(m, "abc"), Err(Refusal::NotANumber));
        assert_eq!(read_typed(m, "NaN"), Err(Refusal::NotANumber));
        assert_eq!(read_typed(m, "101"), Err(Refusal::OutOfRange));
        assert_eq!(read_typed(m, ""), Err(Refusal::NotANumber));
    }

    #[test]
    fn explanations() {
        let pack = servicescore::RulePack::default_pack();
        let s = servicescore::Scenario::from_json(
            r#"{"metrics":{"reply_3min_pct":62,"ship_on_time_pct":20}}"#,
        )
        .unwrap();
        let r = servicescore::evaluate(pack, &s).unwrap();
        let reply = pack.metric("reply_3min_pct").unwrap();
        let knots = &pack.knots("general", "reply_3min_pct").unwrap().value;
        assert_eq!(
            explain(reply, &r.metrics["reply_3min_pct"], knots, Lang::En),
            "62% lies between the industry's 10th percentile (50%) and 25th (70%) → percentile 0.190 → 3.61 pts"
        );
        let ship = pack.metric("ship_on_time_pct").unwrap();
        let knots = &pack.knots("general", "ship_on_time_pct").unwrap().value;
        assert_eq!(
            explain(ship, &r.metrics["ship_on_time_pct"], knots, Lang::En),
            "20% is no better than the worst benchmark 50% → percentile 0 → 3.00 pts"
        );
    }
}
