//! The Score view's charts: the overall score (and its dimension) across the whole range of
//! the metric in focus, with the current value, the star bands and the gates, so the next step
//! up is visible; and the five dimension scores, beside the pinned baseline's.
//!
//! The chart data comes from [`crate::chart_data`] (pure); [`ChartCanvas`] draws it at most
//! once per animation frame however fast the sliders move. An industry the rules do not apply
//! to has no charts, so the section is left out.

use std::rc::Rc;

use servicescore::{Evaluation, Model, RulePack, Scenario};
use servicescore_charts::{DimensionChart, SensitivityChart};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::chart_data::{self, PageFormat};
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::Lang;
use crate::packs::PackRef;

crate::i18n::texts! {
    ScoreChartText;
    Heading => ["指标如何影响服务分", "How a metric moves the score", "Cómo una métrica mueve la puntuación"],
    Metric => ["查看指标", "Metric", "Métrica"],
    Note => [
        "向右为更好（越低越好的指标横轴从高到低）。横线为星级分档与门槛（假设）；▲ 标出达到上一档所需的数值。",
        "Better is to the right (lower-is-better metrics run high to low). Horizontal lines: star bands and thresholds (assumed); ▲ marks the value that reaches the next level.",
        "Mejor hacia la derecha (las métricas donde menos es mejor van de mayor a menor). Líneas: tramos de estrellas y umbrales (supuestos); ▲ marca el valor que alcanza el siguiente nivel.",
    ],
}

/// Height of the sensitivity chart (CSS pixels).
pub const SENSITIVITY_HEIGHT: f64 = 240.0;
/// Height of the dimension chart (CSS pixels).
pub const DIMENSION_HEIGHT: f64 = 200.0;

/// Props of [`ScoreCharts`].
#[derive(Properties, PartialEq, Clone)]
pub struct ScoreChartsProps {
    /// The rule pack in use.
    pub pack: PackRef,
    /// The current scenario.
    pub scenario: Scenario,
    /// The metric in focus.
    pub focus: AttrValue,
    /// The current breakdown.
    pub eval: Rc<Evaluation>,
    /// The baseline's, when pinned.
    pub baseline: Option<Rc<Evaluation>>,
    /// Page language.
    pub lang: Lang,
    /// The metric selector (a metric id).
    pub onfocus: Callback<String>,
}

/// The sensitivity and dimension charts with a metric selector.
#[component]
pub fn ScoreCharts(props: &ScoreChartsProps) -> Html {
    let pack: &RulePack = &props.pack;
    let lang = props.lang;
    let sensitivity = use_memo(
        (
            props.pack.clone(),
            props.scenario.clone(),
            props.focus.clone(),
            lang,
        ),
        |(p, s, focus, lang)| {
            let model = Model::new(p, &s.industry).ok()?;
            chart_data::sensitivity_chart(&model, &s.values(p), focus, *lang).map(Rc::new)
        },
    );
    let dimensions = use_memo(
        (
            props.pack.clone(),
            props.eval.clone(),
            props.baseline.clone(),
            lang,
        ),
        |(p, e, b, lang)| chart_data::dimension_chart(p, e, b.as_deref(), *lang).map(Rc::new),
    );
    let fmt = PageFormat::new(pack, lang);
    // The select follows the focus however it changes (a focused metric row, a slider).
    let select = super::use_select_value(props.focus.to_string());
    let on_focus = use_callback(props.onfocus.clone(), |e: Event, cb| {
        cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value());
    });
    if sensitivity.is_none() && dimensions.is_none() {
        return html! {};
    }
    html! {
        <section class="score-charts" aria-labelledby="charts-heading" data-testid="score-charts">
            <div class="charts-head">
                <h3 id="charts-heading">{ ScoreChartText::Heading.get(lang) }</h3>
                <label class="control charts-focus">
                    <span>{ ScoreChartText::Metric.get(lang) }</span>
                    <select ref={select} data-testid="focus-metric" onchange={on_focus}>
                        { for pack.metrics.iter().map(|m| html! {
                            <option value={m.id.clone()} selected={*props.focus == m.id}>{ m.names.get(lang.code()) }</option>
                        }) }
                    </select>
                </label>
            </div>
            if let Some(c) = (*sensitivity).clone() {
                <ChartCanvas<SensitivityChart> chart={c} fmt={fmt} height={SENSITIVITY_HEIGHT} testid="sensitivity-chart" />
            }
            <p class="note">{ ScoreChartText::Note.get(lang) }</p>
            if let Some(c) = (*dimensions).clone() {
                <ChartCanvas<DimensionChart> chart={c} fmt={fmt} height={DIMENSION_HEIGHT} testid="dimension-chart" />
            }
        </section>
    }
}
