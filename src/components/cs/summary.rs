//! The next assessment (the day after the log ends): its rolling reply rate (`cs-rate`), its
//! status (`cs-status`), whether a penalty starts or is running, and what a penalty means.

use std::rc::Rc;

use servicescore::cs::DayStatus;
use servicescore::rulepack::CsRules;
use yew::prelude::*;

use super::report::{day_rate, status_word, target_text, NextSummary, Report};
use super::text::CsText;
use crate::components::tag::Tag;
use crate::i18n::{fill, Lang};

/// Props of [`CsSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct CsSummaryProps {
    /// The assessment.
    pub report: Rc<Report>,
    /// Page language.
    pub lang: Lang,
}

/// The CSS class of a status badge (`cs-status-pass`, ...).
pub fn status_class(s: DayStatus) -> String {
    format!("cs-badge cs-status-{}", s.as_str())
}

/// The summary card.
#[component]
pub fn CsSummary(props: &CsSummaryProps) -> Html {
    let lang = props.lang;
    let rules: &CsRules = &servicescore::RulePack::default_pack().customer_service;
    let (Some(n), Some(day)) = (props.report.next_summary(), props.report.next()) else {
        return Html::default();
    };
    let NextSummary {
        date,
        window,
        counted,
        in_time,
        rate_pct,
        status,
        ..
    } = &n;
    let target = rules.reply_target_pct.value;
    let which = match window {
        Some((a, b)) => fill(
            CsText::NextWhich.get(lang),
            &[("from", &a.to_string()), ("to", &b.to_string())],
        ),
        None => CsText::NextWhichNoWindow.get(lang).to_string(),
    };
    let src = |s: &Option<String>| s.clone().map(AttrValue::from);
    html! {
        <section class="cs-card cs-summary" data-testid="cs-summary" data-date={date.to_string()}>
            <h3>{ fill(CsText::NextHeading.get(lang), &[("date", &date.to_string())]) }</h3>
            <p class="note">{ which }</p>
            <div class="cs-summary-main">
                <div class="cs-rate-block">
                    <span class="cs-rate-label">{ CsText::RateLabel.get(lang) }</span>
                    <span class="cs-rate" data-testid="cs-rate"
                        data-value={rate_pct.map(|v| v.to_string()).unwrap_or_default()}>
                        { day_rate(day, target) }
                    </span>
                </div>
                <span class={status_class(*status)} data-testid="cs-status" data-status={status.as_str()}>
                    { status_word(*status, lang) }
                </span>
            </div>
            <p class="cs-counted">
                if *counted > 0 {
                    { fill(CsText::CountedOf.get(lang), &[("counted", &counted.to_string()), ("in_time", &in_time.to_string())]) }
                    { " · " }
                }
                { fill(CsText::TargetIs.get(lang), &[("target", &target_text(target))]) }
                <Tag pack={crate::packs::PackRef::default_pack()} provenance={rules.reply_target_pct.provenance} source={src(&rules.reply_target_pct.source)} lang={lang} />
            </p>
            <p class={classes!("cs-note", matches!(status, DayStatus::Fail | DayStatus::Penalty).then_some("cs-note-bad"))}
                data-testid="cs-penalty-note">{ n.note_text(rules, lang) }</p>
            <p class="cs-consequence">{ fill(CsText::Consequence.get(lang), &[
                ("exam", &rules.exam_deadline_days.value.to_string()),
                ("traffic", &rules.traffic_limit_min_days.value.to_string()),
            ]) }</p>
            <p class="note">
                { fill(CsText::PenaltyLength.get(lang), &[("days", &rules.penalty_days.value.to_string())]) }
                { " " }
                <Tag pack={crate::packs::PackRef::default_pack()} provenance={rules.penalty_days.provenance} source={src(&rules.penalty_days.source)} lang={lang} />
            </p>
        </section>
    }
}
