//! The metric rows grouped by dimension, each group with a "this dimension has data" switch.

use std::rc::Rc;

use std::collections::{BTreeMap, BTreeSet};

use servicescore::{Evaluation, RulePack, Scenario};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::metric_row::MetricRow;
use crate::i18n::{Lang, T};
use crate::state::{Action, Store};

/// Props of [`MetricsPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct MetricsPanelProps {
    /// Last valid value per metric.
    pub values: BTreeMap<String, f64>,
    /// Metrics without data.
    pub absent: BTreeSet<String>,
    /// Industry id.
    pub industry: AttrValue,
    /// The current breakdown.
    pub eval: Rc<Evaluation>,
    /// The pinned baseline.
    pub baseline: Option<Scenario>,
    /// Page language.
    pub lang: Lang,
    /// State dispatcher.
    pub dispatch: UseReducerDispatcher<Store>,
}

/// All metric rows.
#[component]
pub fn MetricsPanel(props: &MetricsPanelProps) -> Html {
    let pack = RulePack::default_pack();
    let lang = props.lang;
    html! {
        <section class="metrics" aria-labelledby="metrics-heading">
            <h2 id="metrics-heading" class="visually-hidden">{ T::Metrics.get(lang) }</h2>
            { for pack.dimensions.iter().map(|dim| {
                let metrics: Vec<_> = pack.metrics.iter().filter(|m| m.dimension == dim.id).collect();
                let any_present = metrics.iter().any(|m| !props.absent.contains(&m.id));
                let on_dim = {
                    let d = props.dispatch.clone();
                    let id = dim.id.clone();
                    Callback::from(move |e: Event| {
                        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                        d.dispatch(Action::SetDimensionPresent(id.clone(), on));
                    })
                };
                html! {
                    <fieldset class={classes!("dimension", (!any_present).then_some("dimension-absent"))} key={dim.id.clone()}>
                        <legend>
                            <span class="dimension-name">{ dim.names.get(lang.code()) }</span>
                            <label class="switch">
                                <input type="checkbox" checked={any_present} onchange={on_dim}
                                    data-dimension-present={dim.id.clone()}
                                    aria-label={format!("{}: {}", dim.names.get(lang.code()), T::DimensionHasData.get(lang))} />
                                <span>{ T::HasData.get(lang) }</span>
                            </label>
                        </legend>
                        { for metrics.iter().map(|m| {
                            let present = !props.absent.contains(&m.id);
                            let d = props.dispatch.clone();
                            let id = m.id.clone();
                            let onvalue = Callback::from(move |v: f64| d.dispatch(Action::SetValue(id.clone(), v)));
                            let d = props.dispatch.clone();
                            let id = m.id.clone();
                            let onpresent = Callback::from(move |on: bool| d.dispatch(Action::SetPresent(id.clone(), on)));
                            let d = props.dispatch.clone();
                            let id = m.id.clone();
                            let onfocus = Callback::from(move |()| d.dispatch(Action::Focus(id.clone())));
                            html! {
                                <MetricRow key={m.id.clone()} metric={*m}
                                    value={props.values.get(&m.id).copied().unwrap_or(m.slider.min)}
                                    present={present}
                                    result={props.eval.metrics.get(&m.id).cloned()}
                                    baseline={props.baseline.as_ref().map(|b| b.value(&m.id))}
                                    knots={pack.knots(&props.industry, &m.id)}
                                    lang={lang} {onvalue} {onpresent} {onfocus} />
                            }
                        }) }
                    </fieldset>
                }
            }) }
        </section>
    }
}
