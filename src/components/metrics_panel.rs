//! The metric rows grouped by dimension (as the pack in use defines them), each group with a
//! "this dimension has data" switch. An industry the service score does not cover gets no
//! sliders: they could not change anything.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use servicescore::Evaluation;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::metric_row::MetricRow;
use crate::i18n::{Lang, Text};
use crate::packs::PackRef;

/// Props of [`MetricsPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct MetricsPanelProps {
    /// The pack in use.
    pub pack: PackRef,
    /// Last valid value per metric.
    pub values: BTreeMap<String, f64>,
    /// Metrics without data.
    pub absent: BTreeSet<String>,
    /// Industry id.
    pub industry: AttrValue,
    /// The current breakdown.
    pub eval: Rc<Evaluation>,
    /// The pinned baseline's metric values (`None`: no baseline).
    pub baseline: Option<BTreeMap<String, Option<f64>>>,
    /// Page language.
    pub lang: Lang,
    /// A metric's new value.
    pub onvalue: Callback<(String, f64)>,
    /// A metric's "has data" switch.
    pub onpresent: Callback<(String, bool)>,
    /// A dimension's "has data" switch.
    pub ondimension: Callback<(String, bool)>,
    /// A metric row got focus.
    pub onfocus: Callback<String>,
}

/// All metric rows.
#[component]
pub fn MetricsPanel(props: &MetricsPanelProps) -> Html {
    let pack = &props.pack;
    let lang = props.lang;
    let applicable = pack
        .industry(&props.industry)
        .is_some_and(|i| i.applicable.value);
    html! {
        <section class="metrics" aria-labelledby="metrics-heading">
            <h2 id="metrics-heading" class="visually-hidden">{ Text::Metrics.get(lang) }</h2>
            if !applicable {
                <p class="note" data-testid="metrics-not-applicable">{ Text::NoSlidersNotApplicable.get(lang) }</p>
            } else {
            { for pack.dimensions.iter().map(|dim| {
                let metrics: Vec<usize> = pack.metrics.iter().enumerate()
                    .filter(|(_, m)| m.dimension == dim.id).map(|(i, _)| i).collect();
                let any_present = metrics.iter().any(|i| !props.absent.contains(&pack.metrics[*i].id));
                let on_dim = {
                    let cb = props.ondimension.clone();
                    let id = dim.id.clone();
                    Callback::from(move |e: Event| {
                        cb.emit((id.clone(), e.target_unchecked_into::<HtmlInputElement>().checked()));
                    })
                };
                html! {
                    <fieldset class={classes!("dimension", (!any_present).then_some("dimension-absent"))} key={dim.id.clone()}>
                        <legend>
                            <span class="dimension-name">{ dim.names.get(lang.code()) }</span>
                            <label class="switch">
                                <input type="checkbox" checked={any_present} onchange={on_dim}
                                    data-dimension-present={dim.id.clone()}
                                    aria-label={format!("{}: {}", dim.names.get(lang.code()), Text::DimensionHasData.get(lang))} />
                                <span>{ Text::HasData.get(lang) }</span>
                            </label>
                        </legend>
                        { for metrics.iter().map(|i| {
                            let m = &pack.metrics[*i];
                            html! {
                                <MetricRow key={m.id.clone()} pack={pack.clone()} index={*i}
                                    industry={props.industry.clone()}
                                    value={props.values.get(&m.id).copied().unwrap_or(m.slider.min)}
                                    present={!props.absent.contains(&m.id)}
                                    result={props.eval.metrics.get(&m.id).cloned()}
                                    baseline={props.baseline.as_ref().map(|b| b.get(&m.id).copied().flatten())}
                                    lang={lang} onvalue={props.onvalue.clone()}
                                    onpresent={props.onpresent.clone()} onfocus={props.onfocus.clone()} />
                            }
                        }) }
                    </fieldset>
                }
            }) }
            }
        </section>
    }
}
