//! One metric: a range slider and a number box for exact entry (both controlled by the
//! state), unit and direction, industry percentile and points, and a "has data" switch.
//!
//! The number box is `type="text" inputmode="decimal"` rather than `type="number"`, so the
//! page sees what was typed ("abc", "62,5") and can say what is wrong; a comma is read as a
//! decimal point. An invalid entry shows a message beside the box and the state keeps the
//! last valid value; leaving the box puts that value back in it.

use servicescore::eval::MetricResult;
use servicescore::rulepack::{Better, MetricDef};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::number_box::{NumberBox, Refusal};
use crate::components::slider::Slider;
use crate::components::tag::Tag;
use crate::format;
use crate::i18n::{fill, Lang, Text};
use crate::packs::PackRef;

/// Props of [`MetricRow`].
#[derive(Properties, PartialEq, Clone)]
pub struct MetricRowProps {
    /// The pack in use.
    pub pack: PackRef,
    /// The metric's index in the pack.
    pub index: usize,
    /// Industry id (whose benchmark knots the row explains).
    pub industry: AttrValue,
    /// Its last valid value.
    pub value: f64,
    /// Whether it has data.
    pub present: bool,
    /// Its part of the breakdown (when present and the industry applies).
    pub result: Option<MetricResult>,
    /// Its value in the pinned baseline (outer `None`: no baseline).
    #[prop_or_default]
    pub baseline: Option<Option<f64>>,
    /// Page language.
    pub lang: Lang,
    /// A new value (slider or number box): `(metric id, value)`. The same callback for every
    /// row, so that a row re-renders only when its own props change.
    pub onvalue: Callback<(String, f64)>,
    /// The "has data" switch: `(metric id, on)`.
    pub onpresent: Callback<(String, bool)>,
    /// The row got focus (the charts follow the metric in focus): the metric id.
    pub onfocus: Callback<String>,
}

/// A metric row.
#[component]
pub fn MetricRow(props: &MetricRowProps) -> Html {
    let m = &props.pack.metrics[props.index];
    let knots = props.pack.knots(&props.industry, &m.id);
    let lang = props.lang;
    // Why the last typed entry was refused, and the value then kept; shown while that
    // value is still the one in use (a slider move or an applied plan answers it).
    let refusal = use_state(|| None::<(Refusal, f64)>);
    let id = &m.id;
    let box_id = format!("num-{id}");
    let range_id = format!("range-{id}");
    let msg_id = format!("msg-{id}");

    let on_value = {
        let cb = props.onvalue.clone();
        let id = m.id.clone();
        Callback::from(move |v: f64| cb.emit((id.clone(), v)))
    };
    let on_present = {
        let cb = props.onpresent.clone();
        let id = m.id.clone();
        Callback::from(move |e: Event| {
            cb.emit((
                id.clone(),
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ));
        })
    };
    let on_focus = {
        let cb = props.onfocus.clone();
        let id = m.id.clone();
        Callback::from(move |_: FocusEvent| cb.emit(id.clone()))
    };
    let on_refusal = {
        let refusal = refusal.clone();
        Callback::from(move |r: Option<(Refusal, f64)>| refusal.set(r))
    };

    let shown_refusal = refusal
        .filter(|(_, kept)| kept.to_bits() == props.value.to_bits())
        .map(|(r, _)| r);
    let message = shown_refusal.as_ref().map(|r| {
        let what = match r {
            Refusal::NotANumber => Text::InvalidNumber.get(lang).to_string(),
            Refusal::OutOfRange => fill(
                Text::OutOfRange.get(lang),
                &[
                    ("min", &format::number(m.range[0], lang)),
                    ("max", &format::number(m.range[1], lang)),
                ],
            ),
        };
        let kept = fill(
            Text::KeptLast.get(lang),
            &[("v", &format::value(m, props.value, lang))],
        );
        format!("{what}{}{kept}", if lang == Lang::Zh { "，" } else { "; " })
    });
    let direction = match m.better {
        Better::Higher => Text::HigherBetter.get(lang),
        Better::Lower => Text::LowerBetter.get(lang),
    };
    let name = m.names.get(lang.code());
    let baseline_delta = match (props.baseline, props.present) {
        (Some(Some(b)), true) if (b - props.value).abs() > 1e-12 => Some(format!(
            "{} {}",
            Text::Baseline.get(lang),
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
                        aria-label={format!("{name}: {}", Text::HasData.get(lang))} />
                    <span>{ Text::HasData.get(lang) }</span>
                </label>
            </div>
            <div class="metric-inputs">
                <Slider id={range_id} hook={AttrValue::from(m.id.clone())} label={AttrValue::from(name.to_string())}
                    value={props.value} min={m.slider.min} max={m.slider.max} step={m.slider.step}
                    valuetext={AttrValue::from(format::value(m, props.value, lang))}
                    oninput={on_value.clone()} />
                <NumberBox id={box_id.clone()} hook={AttrValue::from(m.id.clone())} value={props.value}
                    text={AttrValue::from(format::number(props.value, lang))}
                    min={m.range[0]} max={m.range[1]} onvalue={on_value}
                    onrefusal={on_refusal} invalid={message.is_some()}
                    describedby={AttrValue::from(msg_id.clone())} />
            </div>
            <div class="metric-message" id={msg_id} data-testid="metric-error" aria-live="polite">
                { message.unwrap_or_default() }
            </div>
            <div class="metric-result">
                { match (&props.result, props.present) {
                    (Some(r), true) => html! {
                        <>
                            <span data-testid="metric-percentile">{ fill(Text::Beats.get(lang), &[("x", &format::share(r.percentile))]) }</span>
                            <span class="metric-points" data-testid="metric-points">{ fill(Text::PointsValue.get(lang), &[("x", &format::localize(servicescore::display::Fixed::round(r.points, 2).to_string(), lang))]) }</span>
                            if let Some(k) = knots {
                                <Tag pack={props.pack.clone()} provenance={k.provenance} source={k.source.clone().map(AttrValue::from)} lang={lang} />
                            }
                        </>
                    },
                    (_, false) => html! { <span class="muted">{ Text::NoData.get(lang) }</span> },
                    (None, true) => html! {},
                } }
                if let Some(b) = baseline_delta {
                    <span class="metric-baseline">{ b }</span>
                }
            </div>
            if let (Some(r), true) = (&props.result, props.present) {
                <details class="explain-metric">
                    <summary>{ Text::ExplainTitle.get(lang) }</summary>
                    <p>{ explain(m, r, knots.map_or(&[][..], |k| &k.value[..]), lang) }</p>
                </details>
            }
        </div>
    }
}

/// "62% lies between the industry's 10th percentile (50%) and 25th (70%) → …".
pub fn explain(m: &MetricDef, r: &MetricResult, knots: &[f64], lang: Lang) -> String {
    let fx = |x: f64, d: u32| {
        format::localize(servicescore::display::Fixed::round(x, d).to_string(), lang)
    };
    let pts = fx(r.points, 2);
    let v = format::value(m, r.value, lang);
    match r.bracket {
        Some([lo, hi, plo, phi]) => fill(
            Text::ExplainBracket.get(lang),
            &[
                ("v", &v),
                ("plo", &format::knot(plo)),
                ("phi", &format::knot(phi)),
                ("lo", &format::value(m, lo, lang)),
                ("hi", &format::value(m, hi, lang)),
                ("p", &fx(r.percentile, 3)),
                ("pts", &pts),
            ],
        ),
        None => {
            let (key, k) = if r.percentile <= 0.0 {
                (Text::ExplainWorst, knots.first())
            } else {
                (Text::ExplainBest, knots.last())
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
