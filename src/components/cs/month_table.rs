//! The consultation dissatisfaction rate (服务咨询不满意率) of every month of the range,
//! against its (assumed) target.

use std::rc::Rc;

use yew::prelude::*;

use super::report::{month_rows, target_text, Report};
use super::text::CsText;
use crate::components::tag::Tag;
use crate::i18n::{fill, Lang};

/// Props of [`MonthTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct MonthTableProps {
    /// The assessment.
    pub report: Rc<Report>,
    /// Page language.
    pub lang: Lang,
}

/// The monthly table.
#[component]
pub fn MonthTable(props: &MonthTableProps) -> Html {
    let lang = props.lang;
    let rules = &servicescore::RulePack::default_pack().customer_service;
    let target = &rules.dissatisfaction_target_pct;
    let max = &rules.dissatisfied_max_rating;
    let rows = month_rows(&props.report.assessment.months, target.value);
    html! {
        <section class="cs-card cs-months" data-testid="cs-months">
            <h3>{ CsText::MonthsHeading.get(lang) }</h3>
            <p class="note">
                { fill(CsText::MonthsNote.get(lang), &[("max", &max.value.to_string())]) }
                { " " }
                <Tag pack={crate::packs::PackRef::default_pack()} provenance={max.provenance} source={max.source.clone().map(AttrValue::from)} lang={lang} />
            </p>
            <p class="cs-target" data-testid="cs-dissatisfaction-target">
                { fill(CsText::MonthsTarget.get(lang), &[("target", &target_text(target.value))]) }
                { " " }
                <Tag pack={crate::packs::PackRef::default_pack()} provenance={target.provenance} source={target.source.clone().map(AttrValue::from)} lang={lang} />
            </p>
            <div class="cs-table-wrap" role="region" tabindex="0" aria-label={CsText::MonthsHeading.get(lang)}>
                <table class="cs-table">
                    <thead>
                        <tr>
                            <th scope="col">{ CsText::ColMonth.get(lang) }</th>
                            <th scope="col" class="num">{ CsText::ColRated.get(lang) }</th>
                            <th scope="col" class="num">{ CsText::ColDissatisfied.get(lang) }</th>
                            <th scope="col" class="num">{ CsText::ColDisRate.get(lang) }</th>
                            <th scope="col">{ CsText::ColOverTarget.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|m| {
                            let (class, word) = match (m.rate_pct, m.over_target) {
                                (None, _) => ("cs-badge cs-status-no_data", CsText::NoRatings.get(lang)),
                                (Some(_), true) => ("cs-badge cs-status-fail", CsText::Over.get(lang)),
                                (Some(_), false) => ("cs-badge cs-status-pass", CsText::Within.get(lang)),
                            };
                            html! {
                                <tr data-testid="cs-month" data-month={m.month.clone()}
                                    data-over-target={m.over_target.to_string()}>
                                    <th scope="row">{ &m.month }</th>
                                    <td class="num">{ m.rated }</td>
                                    <td class="num">{ m.dissatisfied }</td>
                                    <td class="num" data-value={m.rate_pct.map(|v| v.to_string()).unwrap_or_default()}>{ &m.rate }</td>
                                    <td><span class={class}>{ word }</span></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
