//! The penalty ladder of the imported log (`cs::ladder`): for each penalty, the forced exam's
//! last allowed day, an exam-date box (typed key by key; a bad or impossible date gets a
//! message and counts as "not yet"), and the traffic limit a late or missed exam brings; then
//! the risk of fails in several calendar months.

use std::collections::BTreeMap;
use std::rc::Rc;

use jiff::civil::Date;
use servicescore::cs::{self, ExamStatus};
use servicescore::rulepack::CsRules;
use yew::prelude::*;

use super::report::Report;
use super::text::CsText;
use crate::i18n::{fill, Lang};

/// Props of [`LadderPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct LadderPanelProps {
    /// The imported log's assessment.
    pub report: Rc<Report>,
    /// Today (exams after it are refused; an exam not passed is pending up to its last day).
    pub today: Date,
    /// Page language.
    pub lang: Lang,
}

/// What an exam box holds: a date, nothing ("not yet"), or a message.
#[derive(Debug, Clone, PartialEq)]
pub enum ExamInput {
    /// Empty: not passed yet.
    NotYet,
    /// A usable date.
    Date(Date),
    /// Unfinished input (shown without a message while it may still become a date).
    Typing,
    /// What is wrong.
    Bad(&'static str),
}

/// Reads an exam box for the penalty starting `first_day` (`committed`: the user left the
/// box, so unfinished input is an error too).
pub fn exam_input(
    text: &str,
    first_day: Date,
    today: Date,
    committed: bool,
    lang: Lang,
) -> ExamInput {
    let t = text.trim();
    if t.is_empty() {
        return ExamInput::NotYet;
    }
    match servicescore::dates::parse_date(t) {
        Some(d) if d < first_day => ExamInput::Bad(CsText::ExamBeforePenalty.get(lang)),
        Some(d) if d > today => ExamInput::Bad(CsText::ExamAfterToday.get(lang)),
        Some(d) => ExamInput::Date(d),
        None if committed || t.len() >= 10 => ExamInput::Bad(CsText::ExamBadDate.get(lang)),
        None => ExamInput::Typing,
    }
}

fn exam_word(s: ExamStatus, lang: Lang) -> &'static str {
    match s {
        ExamStatus::PassedInTime => CsText::ExamInTime.get(lang),
        ExamStatus::PassedLate => CsText::ExamLate.get(lang),
        ExamStatus::Pending => CsText::ExamPending.get(lang),
        ExamStatus::Missed => CsText::ExamMissed.get(lang),
    }
}

/// The ladder, given the usable exam dates (the boxes' other states count as not yet).
pub fn ladder_of(
    rules: &CsRules,
    report: &Report,
    exams: &BTreeMap<Date, Date>,
    today: Date,
) -> Option<cs::Ladder> {
    cs::ladder(rules, &report.assessment, exams, today).ok()
}

/// The panel.
#[component]
pub fn LadderPanel(props: &LadderPanelProps) -> Html {
    let lang = props.lang;
    let rules = &servicescore::RulePack::default_pack().customer_service;
    // Penalty first day → (text typed, committed).
    let drafts = use_state(BTreeMap::<Date, (String, bool)>::new);
    let today = props.today;
    let inputs: BTreeMap<Date, ExamInput> = props
        .report
        .assessment
        .penalties
        .iter()
        .map(|p| {
            let (t, c) = drafts.get(&p.first_day).cloned().unwrap_or_default();
            (p.first_day, exam_input(&t, p.first_day, today, c, lang))
        })
        .collect();
    let exams: BTreeMap<Date, Date> = inputs
        .iter()
        .filter_map(|(k, v)| match v {
            ExamInput::Date(d) => Some((*k, *d)),
            _ => None,
        })
        .collect();
    let Some(ladder) = ladder_of(rules, &props.report, &exams, today) else {
        return Html::default();
    };
    let intro = fill(
        CsText::LadderIntro.get(lang),
        &[
            ("exam", &rules.exam_deadline_days.value.to_string()),
            ("limit", &rules.traffic_limit_min_days.value.to_string()),
            ("today", &today.to_string()),
        ],
    );
    html! {
        <section class="cs-card cs-ladder" data-testid="cs-ladder">
            <h3>{ CsText::LadderHeading.get(lang) }</h3>
            <p class="note">{ intro }</p>
            if ladder.steps.is_empty() {
                <p data-testid="cs-ladder-none">{ CsText::LadderNone.get(lang) }</p>
            }
            <ol class="ladder-steps">
            { for ladder.steps.iter().map(|s| {
                let key = s.penalty_from;
                let input_id = format!("exam-{key}");
                let (text, _) = drafts.get(&key).cloned().unwrap_or_default();
                let oninput = {
                    let drafts = drafts.clone();
                    Callback::from(move |e: InputEvent| {
                        let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                        let mut m = (*drafts).clone();
                        m.insert(key, (v, false));
                        drafts.set(m);
                    })
                };
                let onchange = {
                    let drafts = drafts.clone();
                    Callback::from(move |e: Event| {
                        let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                        let mut m = (*drafts).clone();
                        m.insert(key, (v, true));
                        drafts.set(m);
                    })
                };
                let bad = match inputs.get(&key) { Some(ExamInput::Bad(m)) => Some(*m), _ => None };
                let msg_id = format!("exam-msg-{key}");
                let limit = match (s.traffic_limit_from, s.traffic_limit_min_to) {
                    (Some(a), Some(b)) => html! {
                        <p class="ladder-limit" data-testid="ladder-limit" data-from={a.to_string()} data-to={b.to_string()}>
                            { fill(CsText::LadderLimit.get(lang), &[("from", &a.to_string()), ("to", &b.to_string())]) }</p>
                    },
                    _ if s.exam == ExamStatus::Pending => {
                        let (a, b) = s.limit_if_missed(rules);
                        html! { <p class="ladder-limit-if">{ fill(CsText::LadderIfMissed.get(lang),
                            &[("due", &s.exam_due.to_string()), ("from", &a.to_string()), ("to", &b.to_string())]) }</p> }
                    }
                    _ => html! { <p>{ CsText::LadderNoLimit.get(lang) }</p> },
                };
                html! {
                    <li class="ladder-step" data-testid="cs-ladder-step" data-penalty={key.to_string()}
                        data-exam={s.exam.as_str()} data-exam-due={s.exam_due.to_string()}>
                        <p>{ fill(CsText::LadderPenalty.get(lang), &[("fail", &s.fail_date.to_string()),
                            ("from", &s.penalty_from.to_string()), ("to", &s.penalty_to.to_string()), ("month", &s.month)]) }</p>
                        <p>{ fill(CsText::LadderExamDue.get(lang), &[("due", &s.exam_due.to_string())]) }</p>
                        <div class="ladder-exam">
                            <label for={input_id.clone()}>{ CsText::ExamDateLabel.get(lang) }</label>
                            <input id={input_id} type="text" inputmode="numeric" placeholder="YYYY-MM-DD" autocomplete="off"
                                data-testid="cs-exam-date" data-penalty={key.to_string()} value={text}
                                aria-invalid={bad.is_some().to_string()} aria-describedby={msg_id.clone()} {oninput} {onchange} />
                            <span id={msg_id} class={classes!(bad.is_some().then_some("error"))} data-testid="cs-exam-msg" role={bad.map(|_| "alert")}>
                                { bad.unwrap_or(CsText::ExamHint.get(lang)) }</span>
                        </div>
                        <p data-testid="ladder-exam-status"><strong>{ exam_word(s.exam, lang) }</strong></p>
                        { limit }
                    </li>
                }
            }) }
            </ol>
            if let Some(r) = &ladder.repeat_risk {
                <p class="error" data-testid="cs-repeat-risk" data-since={r.since.to_string()}>
                    { fill(CsText::RepeatRisk.get(lang), &[("months", &r.months.join(", ")), ("since", &r.since.to_string()),
                        ("limit", &r.traffic_limit_min_days.to_string())]) }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn exam_boxes() {
        let p = date(2025, 5, 23);
        let today = date(2025, 6, 20);
        assert_eq!(exam_input("", p, today, true, Lang::En), ExamInput::NotYet);
        assert_eq!(
            exam_input("2025-05", p, today, false, Lang::En),
            ExamInput::Typing
        );
        assert!(matches!(
            exam_input("2025-05", p, today, true, Lang::En),
            ExamInput::Bad(_)
        ));
        assert!(matches!(
            exam_input("2025-13-01", p, today, false, Lang::En),
            ExamInput::Bad(_)
        ));
        assert_eq!(
            exam_input("2025-05-25", p, today, false, Lang::En),
            ExamInput::Date(date(2025, 5, 25))
        );
        assert_eq!(
            exam_input("2025-05-22", p, today, false, Lang::En),
            ExamInput::Bad(CsText::ExamBeforePenalty.get(Lang::En))
        );
        assert_eq!(
            exam_input("2025-06-21", p, today, false, Lang::En),
            ExamInput::Bad(CsText::ExamAfterToday.get(Lang::En))
        );
    }
}
