//! Sessions per hour of the day, averaged over the log's calendar days, with the hours the
//! assessment ignores marked: where to put the staff. Bars are `<meter>` elements (no
//! canvas, and no `style` attribute under the page's CSP).

use std::rc::Rc;

use servicescore::cs::Coverage;
use yew::prelude::*;

use super::report::{hour_rows, pct, HourRow, Report};
use super::text::CsText;
use crate::i18n::{fill, Lang};

/// Props of [`StaffingList`].
#[derive(Properties, PartialEq, Clone)]
pub struct StaffingListProps {
    /// The assessment (its staffing part).
    pub report: Rc<Report>,
    /// Page language.
    pub lang: Lang,
}

/// The staffing list.
#[component]
pub fn StaffingList(props: &StaffingListProps) -> Html {
    let lang = props.lang;
    let rules = &servicescore::RulePack::default_pack().customer_service;
    let s = &props.report.staffing;
    let (rows, max) = hour_rows(s);
    let one = |v: f64| format!("{v:.1}");
    let table = |hours: &[HourRow]| {
        html! {
            <table class="cs-table cs-hours">
                <thead>
                    <tr>
                        <th scope="col">{ CsText::ColHour.get(lang) }</th>
                        <th scope="col" class="cs-bar-col"><span class="visually-hidden">{ CsText::ColSessionsDay.get(lang) }</span></th>
                        <th scope="col" class="num">{ CsText::ColCountedDay.get(lang) }</th>
                        <th scope="col" class="num">{ CsText::ColSessionsDay.get(lang) }</th>
                        <th scope="col" class="num">{ CsText::ColInTimePct.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for hours.iter().map(|h| {
                        let (class, mark) = match h.coverage {
                            Coverage::Full => ("cs-hour", None),
                            Coverage::Partial => ("cs-hour cs-hour-partial", Some(CsText::HourPartial.get(lang))),
                            Coverage::None => ("cs-hour cs-hour-off", Some(CsText::HourOff.get(lang))),
                        };
                        let coverage = match h.coverage {
                            Coverage::Full => "full",
                            Coverage::Partial => "partial",
                            Coverage::None => "none",
                        };
                        html! {
                            <tr class={class} data-testid="cs-hour" data-coverage={coverage}>
                                <th scope="row">
                                    { &h.label }
                                    if let Some(m) = mark {
                                        <span class="visually-hidden">{ format!(" ({m})") }</span>
                                    }
                                </th>
                                <td class="cs-bar-col">
                                    <meter min="0" max={max.to_string()} value={h.sessions_per_day.to_string()}
                                        aria-hidden="true"></meter>
                                </td>
                                <td class="num">{ one(h.counted_per_day) }</td>
                                <td class="num">{ one(h.sessions_per_day) }</td>
                                <td class="num">{ pct(h.in_time_pct) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        }
    };
    // Two tables of 12 hours, side by side where there is room (style.css).
    let (am, pm) = rows.split_at(rows.len().min(12));
    html! {
        <div class="cs-staffing" data-testid="cs-staffing">
            <h4>{ CsText::StaffingHeading.get(lang) }</h4>
            <p class="note">{ fill(CsText::StaffingNote.get(lang), &[
                ("days", &s.days.to_string()),
                ("from", &rules.assessed_from.value),
                ("to", &rules.assessed_to.value),
            ]) }</p>
            <p class="cs-hours-legend" aria-hidden="true">
                <span class="cs-swatch cs-hour-off"></span>{ CsText::HourOff.get(lang) }
                <span class="cs-swatch cs-hour-partial"></span>{ CsText::HourPartial.get(lang) }
            </p>
            <div class="cs-hours-grid">
                <div class="cs-table-wrap" role="region" tabindex="0" aria-label={format!("{} 00–11", CsText::StaffingHeading.get(lang))}>{ table(am) }</div>
                <div class="cs-table-wrap" role="region" tabindex="0" aria-label={format!("{} 12–23", CsText::StaffingHeading.get(lang))}>{ table(pm) }</div>
            </div>
        </div>
    }
}
