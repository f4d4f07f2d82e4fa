//! "Reach TARGET by DATE" (SPEC §5 `--by`): a target, a date, and the least-effort plan whose
//! published score meets the target on that date — the first day it is met, or, too soon, the
//! earliest date it could be; each change "from → to", an Apply for all of them. The plan is
//! computed by the view ([`crate::plans::deadline_plan`]) and drawn on its chart.

use jiff::civil::Date;
use servicescore::plan::{DeadlineError, DeadlinePlan};
use servicescore::RulePack;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::logic::{self, ReachRow};
use super::texts::OutlookText;
use crate::bridge::Command;
use crate::components::advice::{change_text, effort_text};
use crate::i18n::{core_problem_text, fill, Lang};
use crate::packs::PackRef;
use crate::plans::plan_values_to_set;

/// Days from the first projected day to the deadline offered first.
pub const DEFAULT_DEADLINE_DAYS: i32 = 30;

/// The target the deadline form offers first: the first one not yet reached today, else the
/// first.
pub fn default_deadline_target(rows: &[logic::ReachRow]) -> Option<String> {
    rows.iter()
        .find(|r| r.day.is_none_or(|d| d > 0))
        .or(rows.first())
        .map(|r| r.key.clone())
}

/// Props of [`Deadline`].
#[derive(Properties, PartialEq, Clone)]
pub struct DeadlineProps {
    /// The rule pack in use.
    pub pack: PackRef,
    /// The targets offered (the reach list's rows).
    pub targets: Vec<ReachRow>,
    /// The chosen target's key (`stars:4.5`).
    pub target: AttrValue,
    /// The chosen date.
    pub by: Date,
    /// The first projected day (the earliest date the input admits).
    pub start: Date,
    /// The answer (`None`: nothing to plan).
    pub answer: Option<Result<DeadlinePlan, DeadlineError>>,
    /// Page language.
    pub lang: Lang,
    /// A target was chosen.
    pub ontarget: Callback<String>,
    /// A date was chosen.
    pub onby: Callback<Date>,
    /// Applies the plan.
    pub oncommand: Callback<Command>,
}

/// The deadline form and its answer.
#[component]
pub fn Deadline(props: &DeadlineProps) -> Html {
    let pack: &RulePack = &props.pack;
    let lang = props.lang;
    let select = crate::hooks::use_select_value(props.target.to_string());
    let ontarget = use_callback(props.ontarget.clone(), |e: Event, cb| {
        cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value());
    });
    let onby = use_callback(props.onby.clone(), |e: Event, cb| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        if let Some(d) = servicescore::timeline::parse_date(&v) {
            cb.emit(d);
        }
    });
    let label = props
        .targets
        .iter()
        .find(|r| *r.key == *props.target)
        .map(|r| r.label.clone())
        .unwrap_or_default();
    let answer = match &props.answer {
        None => html! {},
        Some(Err(e)) => html! {
            <p class="error" role="alert" data-testid="deadline-error" data-kind={refusal_kind(e)}>{ refusal_text(e, lang) }</p>
        },
        Some(Ok(d)) => answer_html(pack, d, &label, props.by, lang, &props.oncommand),
    };
    html! {
        <section class="deadline" data-testid="deadline" aria-labelledby="deadline-heading">
            <h3 id="deadline-heading">{ OutlookText::DeadlineHeading.get(lang) }</h3>
            <div class="controls">
                <label class="control">
                    <span>{ OutlookText::DeadlineTarget.get(lang) }</span>
                    <select ref={select} data-testid="deadline-target" onchange={ontarget}>
                        { for props.targets.iter().map(|r| html! {
                            <option value={r.key.clone()} selected={*r.key == *props.target}>{ r.label.clone() }</option>
                        }) }
                    </select>
                </label>
                <label class="control">
                    <span>{ OutlookText::DeadlineBy.get(lang) }</span>
                    <input type="date" data-testid="deadline-by" value={props.by.to_string()}
                        min={props.start.to_string()} max="9999-12-31" onchange={onby} />
                </label>
            </div>
            { answer }
        </section>
    }
}

/// The refusal's kind, for tests (`data-kind`).
pub fn refusal_kind(e: &DeadlineError) -> &'static str {
    match e {
        DeadlineError::BeforeStart { .. } => "before-start",
        DeadlineError::NotAfterHistory { .. } => "not-after-history",
        DeadlineError::NoRecords => "no-records",
        DeadlineError::BeyondCalendar => "beyond-calendar",
        DeadlineError::Input(_) => "input",
    }
}

/// A refused deadline plan in the page's language.
pub fn refusal_text(e: &DeadlineError, lang: Lang) -> String {
    match e {
        DeadlineError::BeforeStart { by, start } => fill(
            OutlookText::DeadlineBeforeStart.get(lang),
            &[("by", &by.to_string()), ("start", &start.to_string())],
        ),
        DeadlineError::NotAfterHistory { by, last } => fill(
            OutlookText::DeadlineNotAfterHistory.get(lang),
            &[("by", &by.to_string()), ("last", &last.to_string())],
        ),
        DeadlineError::NoRecords => OutlookText::DeadlineNoRecords.get(lang).to_string(),
        DeadlineError::BeyondCalendar => OutlookText::DeadlineBeyondCalendar.get(lang).to_string(),
        // Inputs the page validated before (scenario, target, weights) that a user's pack
        // still refuses: the place it names, in the page's sentence.
        DeadlineError::Input(e) => fill(
            OutlookText::DeadlineCannot.get(lang),
            &[("e", &core_problem_text(e, lang))],
        ),
    }
}

fn answer_html(
    pack: &RulePack,
    d: &DeadlinePlan,
    label: &str,
    by: Date,
    lang: Lang,
    oncommand: &Callback<Command>,
) -> Html {
    let p = &d.plan;
    if !p.reachable {
        let text = match d.earliest.flatten() {
            Some(e) => fill(
                OutlookText::DeadlineTooSoon.get(lang),
                &[
                    ("target", label),
                    ("by", &by.to_string()),
                    ("date", &e.to_string()),
                ],
            ),
            None => fill(OutlookText::DeadlineNever.get(lang), &[("target", label)]),
        };
        return html! {
            <p data-testid="deadline-answer" data-reachable="false"
                data-earliest={d.earliest.flatten().map(|e| e.to_string())}>{ text }</p>
        };
    }
    let reached = d.reached_on.map(|r| r.to_string()).unwrap_or_default();
    let values = plan_values_to_set(p);
    let apply = {
        let cb = oncommand.clone();
        Callback::from(move |_: MouseEvent| {
            cb.emit(Command::SetValues {
                values: values.clone(),
            })
        })
    };
    html! {
        <div data-testid="deadline-answer" data-reachable="true" data-reached-on={reached.clone()}>
            <p>{ if p.changes.is_empty() {
                fill(OutlookText::DeadlineAlready.get(lang), &[("target", label), ("date", &reached)])
            } else {
                fill(OutlookText::DeadlineReached.get(lang), &[
                    ("target", label),
                    ("date", &reached),
                    ("effort", &effort_text(p.effort, lang)),
                ])
            } }</p>
            if !p.changes.is_empty() {
                <ul class="plan-changes">
                    { for p.changes.iter().map(|c| html! {
                        <li data-testid="deadline-change" data-metric={c.metric.clone()}>
                            { change_text(pack, &c.metric, c.from, c.to, lang) }
                        </li>
                    }) }
                </ul>
                <button type="button" class="small" onclick={apply} data-testid="deadline-apply">
                    { OutlookText::DeadlineApply.get(lang) }
                </button>
            }
        </div>
    }
}
