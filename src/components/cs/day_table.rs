//! Every day of the range: counted and in-time sessions of its window, the rate, the status
//! and where a penalty starts. Scrolls inside its own box (phones, long logs).

use std::rc::Rc;

use yew::prelude::*;

use super::report::{status_word, DayMark, Report};
use super::summary::status_class;
use super::text::CsText;
use crate::i18n::{fill, Lang};

/// Props of [`DayTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct DayTableProps {
    /// The assessment.
    pub report: Rc<Report>,
    /// Page language.
    pub lang: Lang,
}

/// The daily table.
#[component]
pub fn DayTable(props: &DayTableProps) -> Html {
    let lang = props.lang;
    let rules = &servicescore::RulePack::default_pack().customer_service;
    let rows = props.report.day_rows(rules.reply_target_pct.value);
    html! {
        <div class="cs-table-wrap cs-days-wrap" role="region" tabindex="0"
            aria-label={CsText::DaysHeading.get(lang)}>
            <table class="cs-table" data-testid="cs-days">
                <thead>
                    <tr>
                        <th scope="col">{ CsText::ColDate.get(lang) }</th>
                        <th scope="col" class="num">{ CsText::ColCounted.get(lang) }</th>
                        <th scope="col" class="num">{ CsText::ColInTime.get(lang) }</th>
                        <th scope="col" class="num">{ CsText::ColRate.get(lang) }</th>
                        <th scope="col">{ CsText::ColStatus.get(lang) }</th>
                        <th scope="col">{ CsText::ColPenalty.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let (mark, starts) = match &r.mark {
                            DayMark::Starts { first, last } => (
                                html! { <span class="cs-mark-start">{ fill(CsText::MarkStarts.get(lang), &[
                                    ("first", &month_day(*first)), ("last", &month_day(*last)),
                                ]) }</span> },
                                true,
                            ),
                            DayMark::AlreadyUsed => (
                                html! { <span class="muted">{ CsText::MarkUsed.get(lang) }</span> },
                                false,
                            ),
                            DayMark::None => (Html::default(), false),
                        };
                        html! {
                            <tr data-testid="cs-day" data-date={r.date.clone()} data-status={r.status.as_str()}
                                data-starts-penalty={starts.to_string()}
                                class={format!("cs-row-{}", r.status.as_str())}>
                                <th scope="row">{ &r.date }</th>
                                <td class="num">{ r.counted }</td>
                                <td class="num">{ r.in_time }</td>
                                <td class="num" data-value={r.rate_pct.map(|v| v.to_string()).unwrap_or_default()}>{ &r.rate }</td>
                                <td><span class={status_class(r.status)}>{ status_word(r.status, lang) }</span></td>
                                <td>{ mark }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// `MM-DD`, the short date of a penalty's first and last day.
fn month_day(d: jiff::civil::Date) -> String {
    format!("{:02}-{:02}", d.month(), d.day())
}
