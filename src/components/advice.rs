//! "What helps most" (the core's sensitivity ranking) and the next goal (goal seek): which
//! single change reaches the next star level or threshold, with a button to apply it.

use servicescore::RulePack;
use yew::prelude::*;

use crate::bridge::Command;
use crate::derived::{Goal, Route};
use crate::format;
use crate::i18n::{fill, Lang, T};

/// Props of [`Advice`].
#[derive(Properties, PartialEq, Clone)]
pub struct AdviceProps {
    /// Ranked sensitivity.
    pub helps: Vec<servicescore::MetricSensitivity>,
    /// Next goals.
    pub goals: Vec<Goal>,
    /// Whether there is a score at all.
    pub has_score: bool,
    /// Page language.
    pub lang: Lang,
    /// Applies an answer.
    pub oncommand: Callback<Command>,
}

/// "Raise the 3-minute reply rate from 62% to 91.5% to reach 4.5 stars."
pub fn route_sentence(pack: &RulePack, r: &Route, target: &str, lang: Lang) -> String {
    let m = &pack.metrics[r.metric];
    let to = format::value(m, r.to, lang);
    let name = m.names.get(lang.code());
    match r.from {
        None => fill(
            T::GoalAdd.get(lang),
            &[("metric", name), ("to", &to), ("target", target)],
        ),
        Some(f) => {
            let key = if r.to > f { T::GoalRaise } else { T::GoalLower };
            fill(
                key.get(lang),
                &[
                    ("metric", name),
                    ("from", &format::value(m, f, lang)),
                    ("to", &to),
                    ("target", target),
                ],
            )
        }
    }
}

/// The advice panel.
#[component]
pub fn Advice(props: &AdviceProps) -> Html {
    let pack = RulePack::default_pack();
    let lang = props.lang;
    if !props.has_score {
        return html! {};
    }
    let apply = |r: &Route| {
        let cb = props.oncommand.clone();
        let metric = pack.metrics[r.metric].id.clone();
        let value = r.to;
        Callback::from(move |_: MouseEvent| {
            cb.emit(Command::SetValue {
                metric: metric.clone(),
                value,
            })
        })
    };
    html! {
        <section class="advice" aria-labelledby="advice-heading">
            <h3 id="advice-heading">{ T::GoalTitle.get(lang) }</h3>
            if props.goals.is_empty() {
                <p data-testid="goal-all-met">{ T::GoalAllMet.get(lang) }</p>
            }
            <ul class="goals">
                { for props.goals.iter().map(|g| {
                    let name = crate::chart_data::target_label(pack, &g.target, lang);
                    match g.routes.first() {
                        Some(best) => html! {
                            <li class="goal" data-testid="goal">
                                <span data-testid="goal-text">{ route_sentence(pack, best, &name, lang) }</span>
                                <button type="button" class="small" onclick={apply(best)}
                                    data-testid="goal-apply">{ T::GoalApply.get(lang) }</button>
                                if g.routes.len() > 1 {
                                    <details class="alternatives">
                                        <summary>{ T::GoalAlternatives.get(lang) }</summary>
                                        <ul>
                                            { for g.routes.iter().skip(1).take(3).map(|r| html! {
                                                <li>{ route_sentence(pack, r, &name, lang) }</li>
                                            }) }
                                        </ul>
                                    </details>
                                }
                            </li>
                        },
                        None => html! {
                            <li class="goal goal-none" data-testid="goal">
                                <span data-testid="goal-text">{ fill(T::GoalNone.get(lang), &[("target", &name)]) }</span>
                            </li>
                        },
                    }
                }) }
            </ul>
            <h3>{ T::HelpsTitle.get(lang) }</h3>
            if props.helps.is_empty() {
                <p class="muted">{ T::HelpsNone.get(lang) }</p>
            } else {
                <ol class="helps" data-testid="helps">
                    { for props.helps.iter().map(|h| {
                        let m = pack.metric(&h.metric);
                        let name = m.map(|m| m.names.get(lang.code())).unwrap_or(&h.metric);
                        let (from, to) = m.map(|m| (format::value(m, h.from, lang), format::value(m, h.to, lang))).unwrap_or_default();
                        html! {
                            <li data-testid="help" data-help-metric={h.metric.clone()}>
                                <span>{ fill(T::HelpsStep.get(lang), &[("metric", name), ("from", &from), ("to", &to)]) }</span>
                                <strong class="gain">{ fill(T::HelpsGain.get(lang), &[("x", &format!("{:.3}", h.gain))]) }</strong>
                            </li>
                        }
                    }) }
                </ol>
                <p class="note">{ T::HelpsNote.get(lang) }</p>
            }
        </section>
    }
}
