//! The next goals and "what helps most". Each next goal (the next star level, an unmet gate,
//! escaping a risk) gets the least-effort plan (SPEC §5: several metrics at once, each change
//! "from → to", its effort, one Apply for all), the cheapest single-metric answer beside it
//! when that costs no more, or, out of reach, what the best values give. "What helps most"
//! ranks the metrics by score gained per unit of comparable effort. The effort weights are
//! editable below ([`PlanWeights`]).

use servicescore::plan::{EffortGain, LeastEffort};
use servicescore::RulePack;
use yew::prelude::*;

use crate::bridge::Command;
use crate::components::plan_weights::PlanWeights;
use crate::derived::{Goal, Route};
use crate::format;
use crate::i18n::{fill, Lang, Text};
use crate::packs::PackRef;
use crate::plans::{plan_values_to_set, GoalPlan, Single, Weights};

/// Props of [`Advice`].
#[derive(Properties, PartialEq, Clone)]
pub struct AdviceProps {
    /// The pack in use.
    pub pack: PackRef,
    /// Metrics ranked by score per unit of effort.
    pub helps: Vec<EffortGain>,
    /// Next goals.
    pub goals: Vec<Goal>,
    /// The plan to each goal (same order).
    pub plans: Vec<GoalPlan>,
    /// The effort weights.
    pub weights: Weights,
    /// Metric ids with data (the ones a weight box is offered for).
    pub with_data: Vec<String>,
    /// A weight was typed.
    pub onweight: Callback<(String, f64)>,
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
            Text::GoalAdd.get(lang),
            &[("metric", name), ("to", &to), ("target", target)],
        ),
        Some(f) => {
            let key = if r.to > f {
                Text::GoalRaise
            } else {
                Text::GoalLower
            };
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

/// An effort as the page writes it: two decimals, the language's separator.
pub fn effort_text(e: f64, lang: Lang) -> String {
    format::localize(format!("{e:.2}"), lang)
}

/// A displayed score from the core (`4.50`) in the page's language.
fn score_text(s: Option<&str>, lang: Lang) -> String {
    s.map_or_else(
        || "—".to_string(),
        |s| format::localize(s.to_string(), lang),
    )
}

/// A star count in the page's language (`4,5`).
fn stars_text(s: Option<f64>, lang: Lang) -> String {
    s.map_or_else(|| "—".to_string(), |s| format::stars(s, lang))
}

/// "Metric: from → to" of one change.
pub fn change_text(pack: &RulePack, metric: &str, from: f64, to: f64, lang: Lang) -> String {
    let Some(m) = pack.metric(metric) else {
        return String::new();
    };
    fill(
        Text::PlanChange.get(lang),
        &[
            ("metric", m.names.get(lang.code())),
            ("from", &format::value(m, from, lang)),
            ("to", &format::value(m, to, lang)),
        ],
    )
}

/// The plan to one goal, its single-metric alternative, or why it is out of reach.
fn plan_html(
    pack: &RulePack,
    p: &LeastEffort,
    single: Option<&Single>,
    name: &str,
    lang: Lang,
    oncommand: &Callback<Command>,
) -> Html {
    if !p.reachable {
        let best = p.best.as_ref();
        let text = match best.and_then(|b| b.display_score.as_deref()) {
            Some(score) => fill(
                Text::PlanUnreachable.get(lang),
                &[
                    ("target", name),
                    ("score", &score_text(Some(score), lang)),
                    ("stars", &stars_text(best.and_then(|b| b.stars), lang)),
                ],
            ),
            None => fill(Text::PlanUnreachableNoScore.get(lang), &[("target", name)]),
        };
        return html! { <p data-testid="goal-unreachable">{ text }</p> };
    }
    let values = plan_values_to_set(p);
    let apply_all = {
        let cb = oncommand.clone();
        Callback::from(move |_: MouseEvent| {
            cb.emit(Command::SetValues {
                values: values.clone(),
            });
            focus_heading();
        })
    };
    html! {
        <>
            <p data-testid="goal-text">{ fill(Text::PlanTo.get(lang), &[("target", name), ("effort", &effort_text(p.effort, lang))]) }</p>
            <ul class="plan-changes" data-testid="plan-changes">
                { for p.changes.iter().map(|c| html! {
                    <li data-testid="plan-change" data-metric={c.metric.clone()} data-to={c.to.to_string()}>
                        { change_text(pack, &c.metric, c.from, c.to, lang) }
                    </li>
                }) }
            </ul>
            <p class="muted" data-testid="plan-result">{ fill(Text::PlanResult.get(lang), &[
                ("score", &score_text(p.display_score.as_deref(), lang)),
                ("stars", &stars_text(p.stars, lang)),
            ]) }</p>
            <button type="button" class="small" onclick={apply_all} data-testid="goal-apply">
                { if p.changes.len() > 1 { Text::PlanApplyAll.get(lang) } else { Text::GoalApply.get(lang) } }
            </button>
            if let Some(s) = single {
                { single_html(pack, s, lang, oncommand) }
            }
        </>
    }
}

/// An Apply button's action for one metric: set it to `value`, then move focus to the goal
/// panel's heading (the button itself goes away with the goal reached).
fn apply_value(oncommand: &Callback<Command>, metric: &str, value: f64) -> Callback<MouseEvent> {
    let cb = oncommand.clone();
    let metric = metric.to_string();
    Callback::from(move |_: MouseEvent| {
        cb.emit(Command::SetValue {
            metric: metric.clone(),
            value,
        });
        focus_heading();
    })
}

/// The single-metric answer no dearer than the plan, with its own Apply.
fn single_html(pack: &RulePack, s: &Single, lang: Lang, oncommand: &Callback<Command>) -> Html {
    let m = &pack.metrics[s.metric];
    let apply = apply_value(oncommand, &m.id, s.to);
    html! {
        <p class="plan-single" data-testid="goal-single">
            <span>{ fill(Text::PlanSingle.get(lang), &[
                ("effort", &effort_text(s.effort, lang)),
                ("metric", m.names.get(lang.code())),
                ("from", &format::value(m, s.from, lang)),
                ("to", &format::value(m, s.to, lang)),
            ]) }</span>
            <button type="button" class="small" onclick={apply} data-testid="goal-apply-single">{ Text::GoalApply.get(lang) }</button>
        </p>
    }
}

/// The single-route answer (no plan: a target the planner cannot plan, or a metric to add).
fn route_html(
    pack: &RulePack,
    g: &Goal,
    name: &str,
    lang: Lang,
    oncommand: &Callback<Command>,
) -> Html {
    let Some(best) = g.routes.first() else {
        return html! { <span data-testid="goal-text">{ fill(Text::GoalNone.get(lang), &[("target", name)]) }</span> };
    };
    let apply = apply_value(oncommand, &pack.metrics[best.metric].id, best.to);
    html! {
        <>
            <span data-testid="goal-text">{ route_sentence(pack, best, name, lang) }</span>
            <button type="button" class="small" onclick={apply} data-testid="goal-apply">{ Text::GoalApply.get(lang) }</button>
        </>
    }
}

/// After an Apply, focus goes to the panel's heading: the button pressed may be gone (the
/// goal is met and the list changes), and from the heading the next goal is one Tab away
/// while the score region announces the new score.
fn focus_heading() {
    use wasm_bindgen::JsCast;
    if let Some(h) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("advice-heading"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h.focus();
    }
}

/// The advice panel.
#[component]
pub fn Advice(props: &AdviceProps) -> Html {
    let pack: &RulePack = &props.pack;
    let lang = props.lang;
    if !props.has_score {
        return html! {};
    }
    html! {
        <section class="advice" aria-labelledby="advice-heading">
            <h3 id="advice-heading" tabindex="-1">{ Text::GoalTitle.get(lang) }</h3>
            if props.goals.is_empty() {
                <p data-testid="goal-all-met">{ Text::GoalAllMet.get(lang) }</p>
            }
            <ul class="goals">
                { for props.goals.iter().enumerate().map(|(k, g)| {
                    let name = crate::chart_data::target_label(pack, &g.target, lang);
                    let planned = props.plans.get(k).filter(|p| p.target == g.target);
                    let content = match planned.and_then(|p| p.plan.as_ref().map(|x| (x, p.single.as_ref()))) {
                        // A plan that moves something, or says what the best gives.
                        Some((p, single)) if !p.changes.is_empty() || !p.reachable => {
                            plan_html(pack, p, single, &name, lang, &props.oncommand)
                        }
                        _ => route_html(pack, g, &name, lang, &props.oncommand),
                    };
                    html! {
                        <li class="goal" data-testid="goal" data-target={servicescore::plan::target_string(&g.target)}>
                            { content }
                        </li>
                    }
                }) }
            </ul>
            <h3>{ Text::HelpsTitle.get(lang) }</h3>
            if props.helps.is_empty() {
                <p class="muted">{ Text::HelpsNone.get(lang) }</p>
            } else {
                <ol class="helps" data-testid="helps">
                    { for props.helps.iter().map(|h| {
                        let m = pack.metric(&h.metric);
                        let name = m.map(|m| m.names.get(lang.code())).unwrap_or(&h.metric);
                        let (from, to) = m.map(|m| (format::value(m, h.from, lang), format::value(m, h.to, lang))).unwrap_or_default();
                        html! {
                            <li data-testid="help" data-help-metric={h.metric.clone()}>
                                <span>{ fill(Text::HelpsStep.get(lang), &[("metric", name), ("from", &from), ("to", &to)]) }</span>
                                <strong class="gain">{ fill(Text::HelpsGain.get(lang), &[("x", &format::localize(format!("{:.3}", h.gain), lang))]) }</strong>
                                // Every metric gets the same effort; only one clipped at its best
                                // end says how much it took.
                                if h.effort < servicescore::plan::EQUAL_EFFORT - 1e-9 {
                                    <span class="muted">{ fill(Text::HelpsEffort.get(lang), &[("e", &effort_text(h.effort, lang))]) }</span>
                                }
                            </li>
                        }
                    }) }
                </ol>
                <p class="note">{ Text::HelpsNote.get(lang) }</p>
            }
            <PlanWeights pack={props.pack.clone()} metrics={props.with_data.clone()} weights={props.weights.clone()}
                onweight={props.onweight.clone()} lang={lang} />
        </section>
    }
}
