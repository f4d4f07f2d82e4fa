//! "我的后台数据 / My dashboard" (SPEC §6): the merchant types what the back office shows on one
//! day — the overall score, each dimension's score and each metric's value — and the core's
//! calibration fits the pack's `assumed` constants to it. A fitted pack goes to the shell as
//! [`Command::UsePack`] with the `calibrated` origin (the shell keeps it in this browser and
//! says "calibrated" beside the score); a refused dashboard is worded in the page's language,
//! naming the field, and nothing changes.

use std::collections::BTreeMap;

use servicescore::calibrate::{calibrate, Dashboard, DashboardError, DashboardErrorKind, Report};
use servicescore::{RulePack, Scenario};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::bridge::Command;
use crate::components::number_box::{NumberBox, Refusal};
use crate::format;
use crate::i18n::{fill, Lang};
use crate::packs::PackRef;

crate::i18n::texts! {
    DB;
    Title => ["我的后台数据", "My dashboard", "Mis datos del panel"],
    Help => ["输入某一天后台显示的数字，模拟器会校准假设的常数，使其与你的后台一致。校准结果只保存在此浏览器中。", "Type what the back office shows on one day; the simulator fits its assumed constants to reproduce it. The calibration is kept in this browser only.", "Escribe lo que muestra el panel un día concreto; el simulador ajusta sus constantes supuestas para reproducirlo. La calibración solo se guarda en este navegador."],
    Date => ["日期（年-月-日）", "Date (YYYY-MM-DD)", "Fecha (AAAA-MM-DD)"],
    DateHint => ["后台数据更新的日期，见千帆“店铺分”页面顶部。", "The day the figures are for: top of the 千帆 (Qianfan) shop score page.", "El día de las cifras: arriba en la página de puntuación de tienda de Qianfan (千帆)."],
    Score => ["服务分", "Overall score", "Puntuación general"],
    ScoreHint => ["千帆“店铺分”页面上的总分。", "The total on the 千帆 (Qianfan) shop score page.", "El total en la página de puntuación de tienda de Qianfan (千帆)."],
    DimHint => ["千帆“服务分”页面上“{name}”的分数。", "The “{name}” score on the 服务分 (service score) page.", "La puntuación «{name}» en la página 服务分 (puntuación de servicio)."],
    MetricHint => ["千帆“服务分”页面，展开“{dim}”查看“{name}”。", "The 服务分 (service score) page: open “{dim}” to see “{name}”.", "La página 服务分 (puntuación de servicio): abre «{dim}» para ver «{name}»."],
    Calibrate => ["校准", "Calibrate", "Calibrar"],
    Result => ["校准结果（{date}）", "Calibration result ({date})", "Resultado de la calibración ({date})"],
    NoDate => ["未填日期", "no date", "sin fecha"],
    Shown => ["后台显示", "Shown", "Mostrado"],
    Fitted => ["校准后", "Fitted", "Ajustado"],
    Residual => ["差值", "Residual", "Residuo"],
    Exact => ["已精确还原你的后台数据，正在使用校准后的规则。", "Your dashboard is reproduced exactly; the calibrated rules are in use.", "Tu panel se reproduce exactamente; las reglas calibradas están en uso."],
    Approx => ["无法精确还原，最大差值 {r}；正在使用最接近的规则。", "Not reproduced exactly (largest residual {r}); the closest rules are in use.", "No se reproduce exactamente (residuo máximo {r}); se usan las reglas más cercanas."],
    Problem => ["{field}：{what}", "{field}: {what}", "{field}: {what}"],
    Dashboard => ["后台数据", "The dashboard", "El panel"],
    PackField => ["规则包", "The rule pack", "El paquete de reglas"],
    IndustryField => ["行业", "The industry", "El sector"],
    KJson => ["无法读取。", "could not be read.", "no se pudo leer."],
    KUnknownIndustry => ["规则包中没有这个行业。", "this industry is not in the rule pack.", "este sector no está en el paquete de reglas."],
    KNotApplicable => ["该行业不计服务分，无法校准。", "this industry has no service score, so there is nothing to calibrate.", "este sector no tiene puntuación de servicio: no hay nada que calibrar."],
    KAlreadyCalibrated => ["当前规则已校准过；请先恢复默认规则再校准。", "the rules in use are calibrated already: go back to the default rules first.", "las reglas en uso ya están calibradas: vuelve primero a las reglas por defecto."],
    KNoSnapshot => ["至少需要一天的数据。", "at least one day is needed.", "hace falta al menos un día."],
    KBadDate => ["“{text}”不是日期，请按 年-月-日 填写（如 2026-11-20）。", "“{text}” is not a date: write it as YYYY-MM-DD (e.g. 2026-11-20).", "«{text}» no es una fecha: escríbela como AAAA-MM-DD (p. ej. 2026-11-20)."],
    KUnknownMetric => ["规则包中没有这个指标。", "this metric is not in the rule pack.", "esta métrica no está en el paquete de reglas."],
    KUnknownDimension => ["规则包中没有这个维度。", "this dimension is not in the rule pack.", "esta dimensión no está en el paquete de reglas."],
    KNotANumber => ["不是数字。", "not a number.", "no es un número."],
    KOutOfRange => ["{value} 超出 {min}–{max}。", "{value} is outside {min}–{max}.", "{value} está fuera de {min}–{max}."],
    KTooPrecise => ["{value} 的小数位多于后台显示的 {n} 位。", "{value} has more decimals than the {n} the back office shows.", "{value} tiene más decimales que los {n} que muestra el panel."],
    KNoMetrics => ["请至少填写一个指标的数值。", "type at least one metric's value.", "escribe el valor de al menos una métrica."],
    KNothingShown => ["请填写服务分或至少一个维度的分数。", "type the overall score or at least one dimension's score.", "escribe la puntuación general o la de al menos una dimensión."],
    KDimensionWithoutMetrics => ["填写了这个维度的分数，但它的指标都没有数值。", "its score is given but none of its metrics has a value.", "tiene puntuación pero ninguna de sus métricas tiene valor."],
    KPercentileWithoutValue => ["填写了排名，但该指标没有数值。", "a rank is given for a metric without a value.", "hay un puesto para una métrica sin valor."],
    KNotWeightedMean => ["{score} 不可能是各维度分数的加权平均（应在 {lo}–{hi} 之间），可能是输入有误。", "{score} cannot be the weighted mean of the dimension scores (it must be within {lo}–{hi}): probably a typo.", "{score} no puede ser la media ponderada de las dimensiones (debe estar entre {lo} y {hi}): probablemente una errata."],
    Refused => ["输入的不是有效数值；仍使用 {kept}。", "What was typed is not a valid value; {kept} stays in use.", "Lo escrito no es un valor válido; se mantiene {kept}."],
}

/// What the form holds: one day of the back office.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form {
    /// `YYYY-MM-DD`, or empty.
    pub date: String,
    /// The overall score shown.
    pub score: Option<f64>,
    /// Dimension id → score shown.
    pub dimensions: BTreeMap<String, Option<f64>>,
    /// Metric id → value.
    pub metrics: BTreeMap<String, Option<f64>>,
}

impl Form {
    /// The form prefilled from `scenario`: its metric values, and the scores the pack shows
    /// for them (as displayed), to be overwritten with the back office's.
    pub fn prefill(pack: &RulePack, scenario: &Scenario) -> Form {
        let ev = servicescore::evaluate(pack, scenario).ok();
        let read = |s: &str| s.parse::<f64>().ok();
        Form {
            date: String::new(),
            score: ev
                .as_ref()
                .and_then(|e| e.display_score.as_deref())
                .and_then(read),
            dimensions: pack
                .dimensions
                .iter()
                .map(|d| {
                    let v = ev
                        .as_ref()
                        .and_then(|e| e.dimensions.get(&d.id))
                        .and_then(|r| read(&r.display_score));
                    (d.id.clone(), v)
                })
                .collect(),
            metrics: pack
                .metrics
                .iter()
                .map(|m| (m.id.clone(), scenario.metrics.get(&m.id).copied().flatten()))
                .collect(),
        }
    }

    /// The dashboard file (SPEC §6) for `industry` with this one snapshot.
    pub fn to_json(&self, industry: &str) -> String {
        let mut snap = serde_json::Map::new();
        let date = self.date.trim();
        if !date.is_empty() {
            snap.insert("date".into(), date.into());
        }
        snap.insert(
            "metrics".into(),
            serde_json::to_value(&self.metrics).unwrap_or_default(),
        );
        if let Some(s) = self.score {
            snap.insert("score".into(), s.into());
        }
        let dims: BTreeMap<&String, f64> = self
            .dimensions
            .iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect();
        if !dims.is_empty() {
            snap.insert(
                "dimensions".into(),
                serde_json::to_value(dims).unwrap_or_default(),
            );
        }
        serde_json::json!({"industry": industry, "snapshots": [snap]}).to_string()
    }
}

/// Calibrates `pack` to the form.
///
/// # Errors
///
/// The core's typed refusal of the dashboard.
pub fn run(
    pack: &RulePack,
    industry: &str,
    form: &Form,
) -> Result<(RulePack, Report), DashboardError> {
    let d = Dashboard::from_json(&form.to_json(industry), pack)?;
    calibrate(pack, &d)
}

/// The field a dashboard path names, in the page's words.
pub fn field_name(pack: &RulePack, path: &str, lang: Lang) -> String {
    let rest = path
        .strip_prefix("snapshots[")
        .and_then(|r| r.split_once("]."))
        .map(|(_, r)| r);
    match rest {
        Some("date") => DB::Date.get(lang).into(),
        Some("score") => DB::Score.get(lang).into(),
        Some(r) => {
            if let Some(id) = r.strip_prefix("dimensions.") {
                if let Some(d) = pack.dimensions.iter().find(|d| d.id == id) {
                    return d.names.get(lang.code()).into();
                }
            }
            if let Some(id) = r
                .strip_prefix("metrics.")
                .or(r.strip_prefix("percentiles."))
            {
                if let Some(m) = pack.metric(id) {
                    return m.names.get(lang.code()).into();
                }
            }
            if r == "metrics" {
                return DB::Dashboard.get(lang).into();
            }
            r.into()
        }
        None => match path {
            "pack" => DB::PackField.get(lang).into(),
            "industry" => DB::IndustryField.get(lang).into(),
            _ => DB::Dashboard.get(lang).into(),
        },
    }
}

/// A refused dashboard in the page's language, naming the field.
pub fn problem_text(pack: &RulePack, e: &DashboardError, lang: Lang) -> String {
    use DashboardErrorKind as K;
    let n = |v: f64| format::number(v, lang);
    let what = match &e.kind {
        K::Json { .. } => DB::KJson.get(lang).into(),
        K::UnknownIndustry { .. } => DB::KUnknownIndustry.get(lang).into(),
        K::NotApplicable { .. } => DB::KNotApplicable.get(lang).into(),
        K::AlreadyCalibrated { .. } => DB::KAlreadyCalibrated.get(lang).into(),
        K::NoSnapshot => DB::KNoSnapshot.get(lang).into(),
        K::BadDate { text } => fill(DB::KBadDate.get(lang), &[("text", text)]),
        K::UnknownMetric { .. } => DB::KUnknownMetric.get(lang).into(),
        K::UnknownDimension { .. } => DB::KUnknownDimension.get(lang).into(),
        K::NotANumber => DB::KNotANumber.get(lang).into(),
        K::OutOfRange { value, min, max } => fill(
            DB::KOutOfRange.get(lang),
            &[("value", &n(*value)), ("min", &n(*min)), ("max", &n(*max))],
        ),
        K::TooPrecise { value, decimals } => fill(
            DB::KTooPrecise.get(lang),
            &[("value", &n(*value)), ("n", &decimals.to_string())],
        ),
        K::NoMetrics => DB::KNoMetrics.get(lang).into(),
        K::NothingShown => DB::KNothingShown.get(lang).into(),
        K::DimensionWithoutMetrics { .. } => DB::KDimensionWithoutMetrics.get(lang).into(),
        K::PercentileWithoutValue => DB::KPercentileWithoutValue.get(lang).into(),
        K::NotWeightedMean { score, lo, hi, .. } => fill(
            DB::KNotWeightedMean.get(lang),
            &[("score", &n(*score)), ("lo", &n(*lo)), ("hi", &n(*hi))],
        ),
    };
    fill(
        DB::Problem.get(lang),
        &[("field", &field_name(pack, &e.path, lang)), ("what", &what)],
    )
}

/// Props of [`DashboardForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct DashboardProps {
    /// The pack in use.
    pub pack: PackRef,
    /// The current scenario (prefills the metric values).
    pub scenario: Scenario,
    /// Page language.
    pub lang: Lang,
    /// Sends the calibrated pack to the shell.
    pub oncommand: Callback<Command>,
}

/// A change of the form by a typed value.
type Edit = Box<dyn Fn(&mut Form, f64)>;

/// The outcome of the last "Calibrate".
#[derive(Clone, PartialEq)]
enum Outcome {
    Fitted(Box<Report>),
    Refused(String),
}

/// The dashboard form, folded: its fields are built only while it is open, so a slider move
/// elsewhere on the page re-renders one `<details>` here, not some twenty boxes. Opening it
/// prefills it from the scenario and the pack in use at that moment; it stays as typed (and
/// shows the fit) after Calibrate makes the calibrated pack the pack in use.
#[component]
pub fn DashboardForm(props: &DashboardProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(d.open());
            }
        })
    };
    html! {
        <details class="dashboard" data-testid="dashboard" {ontoggle}>
            <summary><h2>{ DB::Title.get(props.lang) }</h2></summary>
            if *open {
                <DashboardBody ..props.clone() />
            }
        </details>
    }
}

/// The open form's fields, results and messages.
#[component]
fn DashboardBody(props: &DashboardProps) -> Html {
    let lang = props.lang;
    let pack = props.pack.clone();
    let industry = props.scenario.industry.clone();
    let form = use_state(|| Form::prefill(&pack, &props.scenario));
    let outcome = use_state(|| None::<Outcome>);
    let refusal = use_state(|| None::<f64>);

    let set = {
        let form = form.clone();
        move |f: Edit| {
            let form = form.clone();
            Callback::from(move |v: f64| {
                let mut x = (*form).clone();
                f(&mut x, v);
                form.set(x);
            })
        }
    };
    let onrefusal = {
        let refusal = refusal.clone();
        Callback::from(move |r: Option<(Refusal, f64)>| refusal.set(r.map(|(_, k)| k)))
    };
    let on_date = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                let mut x = (*form).clone();
                x.date = i.value();
                form.set(x);
            }
        })
    };
    let on_calibrate = {
        let form = form.clone();
        let outcome = outcome.clone();
        let pack = pack.clone();
        let cb = props.oncommand.clone();
        let industry = industry.clone();
        Callback::from(move |_| match run(&pack, &industry, &form) {
            Ok((p, report)) => {
                let date = form.date.trim().to_string();
                cb.emit(Command::UsePack {
                    json: p.to_json(),
                    origin: "calibrated".into(),
                    label: (!date.is_empty()).then_some(date),
                });
                outcome.set(Some(Outcome::Fitted(Box::new(report))));
            }
            Err(e) => outcome.set(Some(Outcome::Refused(problem_text(&pack, &e, lang)))),
        })
    };

    let smin = pack.score.min.value;
    let smax = pack.score.max.value;
    let field = |id: String,
                 label: String,
                 hint: String,
                 value: Option<f64>,
                 min: f64,
                 max: f64,
                 onvalue: Callback<f64>| {
        let v = value.unwrap_or(f64::NAN);
        let text = value.map(|v| format::number(v, lang)).unwrap_or_default();
        let hint_id = format!("{id}-hint");
        html! {
            <div class="dashboard-field" key={id.clone()}>
                <label for={id.clone()}>{ label }</label>
                <NumberBox id={AttrValue::from(id.clone())} value={v} text={AttrValue::from(text)}
                    {min} {max} {onvalue} onrefusal={onrefusal.clone()}
                    describedby={Some(AttrValue::from(hint_id.clone()))} />
                <p class="hint" id={hint_id}>{ hint }</p>
            </div>
        }
    };
    let dim_name = |id: &str| {
        pack.dimensions
            .iter()
            .find(|d| d.id == id)
            .map_or(id.to_string(), |d| d.names.get(lang.code()).to_string())
    };
    let dims = pack.dimensions.iter().map(|d| {
        let name = d.names.get(lang.code()).to_string();
        let id = d.id.clone();
        field(
            format!("dash-dim-{}", d.id),
            name.clone(),
            fill(DB::DimHint.get(lang), &[("name", &name)]),
            form.dimensions.get(&d.id).copied().flatten(),
            smin,
            smax,
            set(Box::new(move |f, v| {
                f.dimensions.insert(id.clone(), Some(v));
            })),
        )
    });
    let metrics = pack.metrics.iter().map(|m| {
        let name = m.names.get(lang.code()).to_string();
        let id = m.id.clone();
        field(
            format!("dash-metric-{}", m.id),
            name.clone(),
            fill(
                DB::MetricHint.get(lang),
                &[("name", &name), ("dim", &dim_name(&m.dimension))],
            ),
            form.metrics.get(&m.id).copied().flatten(),
            m.range[0],
            m.range[1],
            set(Box::new(move |f, v| {
                f.metrics.insert(id.clone(), Some(v));
            })),
        )
    });
    let result = match &*outcome {
        Some(Outcome::Fitted(r)) => r.snapshots.first().map(|s| {
            let date = s.date.clone().unwrap_or_else(|| DB::NoDate.get(lang).into());
            let n = |v: Option<f64>| v.map(|v| format::number(v, lang)).unwrap_or_default();
            let row = |label: String, k: Option<&str>| {
                let pick = |x: &servicescore::calibrate::Shown| match k {
                    None => x.score,
                    Some(k) => x.dimensions.get(k).copied(),
                };
                html! {
                    <tr>
                        <th scope="row">{ label }</th>
                        <td>{ n(pick(&s.shown)) }</td>
                        <td data-testid="fitted">{ n(pick(&s.fitted)) }</td>
                        <td>{ n(pick(&s.residuals)) }</td>
                    </tr>
                }
            };
            html! {
                <div data-testid="calibration-result" role="status">
                    <h3>{ fill(DB::Result.get(lang), &[("date", &date)]) }</h3>
                    <table>
                        <thead><tr>
                            <th></th>
                            <th scope="col">{ DB::Shown.get(lang) }</th>
                            <th scope="col">{ DB::Fitted.get(lang) }</th>
                            <th scope="col">{ DB::Residual.get(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { row(DB::Score.get(lang).into(), None) }
                            { for pack.dimensions.iter().map(|d| row(d.names.get(lang.code()).into(), Some(&d.id))) }
                        </tbody>
                    </table>
                    <p>{ if s.reproduced { DB::Exact.get(lang).to_string() } else {
                        fill(DB::Approx.get(lang), &[("r", &format::number(s.max_abs_residual, lang))])
                    } }</p>
                </div>
            }
        }),
        Some(Outcome::Refused(t)) => Some(html! {
            <p class="bad" role="alert" data-testid="calibration-problem">{ t.clone() }</p>
        }),
        None => None,
    };

    html! {
        <>
            <p class="hint">{ DB::Help.get(lang) }</p>
            <div class="dashboard-field">
                <label for="dash-date">{ DB::Date.get(lang) }</label>
                <input id="dash-date" type="text" inputmode="numeric" placeholder="2026-11-20"
                    value={form.date.clone()} oninput={on_date} aria-describedby="dash-date-hint" />
                <p class="hint" id="dash-date-hint">{ DB::DateHint.get(lang) }</p>
            </div>
            { field("dash-score".into(), DB::Score.get(lang).into(), DB::ScoreHint.get(lang).into(),
                form.score, smin, smax, set(Box::new(|f, v| f.score = Some(v)))) }
            { for dims }
            { for metrics }
            if let Some(k) = *refusal {
                <p class="bad" data-testid="dashboard-refusal">
                    { fill(DB::Refused.get(lang), &[("kept", &format::number(k, lang))]) }
                </p>
            }
            <button type="button" data-testid="calibrate" onclick={on_calibrate}>{ DB::Calibrate.get(lang) }</button>
            { result.unwrap_or_default() }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn medians(pack: &RulePack) -> Scenario {
        let mut s = Scenario::default();
        for m in &pack.metrics {
            let k = &pack.benchmarks["general"][&m.id].value;
            s.metrics.insert(m.id.clone(), Some(k[k.len() / 2]));
        }
        s
    }

    #[test]
    fn the_form_is_prefilled_and_builds_the_dashboard_file() {
        let pack = RulePack::default_pack();
        let s = medians(pack);
        let f = Form::prefill(pack, &s);
        assert_eq!(f.score, Some(4.4));
        assert!(f.dimensions.values().all(|v| *v == Some(4.4)), "{f:?}");
        let json: serde_json::Value = serde_json::from_str(&f.to_json("general")).unwrap();
        assert_eq!(json["industry"], "general");
        assert!(json["snapshots"][0].get("date").is_none());
        assert_eq!(json["snapshots"][0]["score"], 4.4);
        assert_eq!(
            json["snapshots"][0]["metrics"]["review_score"],
            s.metrics["review_score"].unwrap()
        );
        Dashboard::from_json(&f.to_json("general"), pack).unwrap();
    }

    #[test]
    fn calibrating_to_421_reproduces_the_dashboard() {
        let pack = RulePack::default_pack();
        let s = medians(pack);
        let mut f = Form::prefill(pack, &s);
        f.date = "2026-11-20".into();
        f.score = Some(4.21);
        for v in f.dimensions.values_mut() {
            *v = Some(4.21);
        }
        let (p, report) = run(pack, "general", &f).unwrap();
        assert!(report.exact, "{report:?}");
        assert_eq!(report.snapshots[0].date.as_deref(), Some("2026-11-20"));
        let ev = servicescore::evaluate(&p, &s).unwrap();
        assert_eq!(ev.display_score.as_deref(), Some("4.21"));
        for d in ev.dimensions.values() {
            assert_eq!(d.display_score, "4.21");
        }
        // The shell accepts it as any pack.
        RulePack::from_json(&p.to_json()).unwrap();
    }

    #[test]
    fn refusals_are_worded_naming_the_field() {
        let pack = RulePack::default_pack();
        let s = medians(pack);
        let mut f = Form::prefill(pack, &s);
        f.score = Some(4.9); // dimensions all 4.40: not their weighted mean
        let e = run(pack, "general", &f).unwrap_err();
        assert!(matches!(e.kind, DashboardErrorKind::NotWeightedMean { .. }));
        let zh = problem_text(pack, &e, Lang::Zh);
        assert!(zh.starts_with("服务分："), "{zh}");
        assert!(zh.contains("加权平均"), "{zh}");
        let es = problem_text(pack, &e, Lang::Es);
        assert!(es.starts_with("Puntuación general: 4,9"), "{es}");

        let mut f = Form::prefill(pack, &s);
        f.date = "20.11.2026".into();
        let e = run(pack, "general", &f).unwrap_err();
        let en = problem_text(pack, &e, Lang::En);
        assert!(
            en.starts_with("Date (YYYY-MM-DD): “20.11.2026” is not a date"),
            "{en}"
        );

        let mut f = Form::prefill(pack, &s);
        let d = pack.dimensions[0].clone();
        f.dimensions.insert(d.id.clone(), Some(5.3));
        let e = run(pack, "general", &f).unwrap_err();
        let zh = problem_text(pack, &e, Lang::Zh);
        assert!(zh.starts_with(&format!("{}：5.3 超出", d.names.zh)), "{zh}");
    }
}
