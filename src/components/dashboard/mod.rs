//! "我的后台数据 / My dashboard" (SPEC §6): the merchant types what the back office shows on one
//! or more days — the overall score, each dimension's score, each metric's value and, where
//! shown, its industry rank — and the core's calibration fits the pack's `assumed` constants
//! to it. A fitted pack goes to the shell as [`Command::UsePack`] with the `calibrated` origin
//! (the shell keeps it in this browser and says "calibrated" beside the score); a refused
//! dashboard is worded in the page's language, naming the field, and nothing changes.
//!
//! A calibration always starts from an uncalibrated pack: when the pack in use is calibrated
//! already, from the pack it came from (`calibration.base`), and the form says so.
//!
//! - `form.rs` — what the form holds (the days), the dashboard file, the calibration run;
//! - `words.rs` — the texts, and a refusal worded naming the field;
//! - `result.rs` — the fitted result with each day's residuals.

mod form;
mod result;
mod words;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::bridge::Command;
use crate::components::number_box::{NumberBox, Refusal};
use crate::format;
use crate::i18n::{fill, Lang};
use crate::packs::PackRef;

pub use form::{replaces, run, Day, Fit, Form, Replaced};
use result::FitResult;
pub use words::{field_name, problem_text, DashboardText};

/// Props of [`DashboardForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct DashboardProps {
    /// The pack in use.
    pub pack: PackRef,
    /// The current scenario (prefills the metric values).
    pub scenario: servicescore::Scenario,
    /// Page language.
    pub lang: Lang,
    /// Sends the calibrated pack to the shell.
    pub oncommand: Callback<Command>,
}

/// A change of the form by a typed value.
type Edit = Box<dyn Fn(&mut Day, f64)>;

/// The outcome of the last "Calibrate".
#[derive(Clone, PartialEq)]
enum Outcome {
    Fitted(Box<Fit>),
    Refused(String),
}

/// The element id of a field of day `k` (`dash-score` for the first day, `dash-2-score` for
/// the second, ...).
pub fn field_id(k: usize, name: &str) -> String {
    if k == 0 {
        format!("dash-{name}")
    } else {
        format!("dash-{}-{name}", k + 1)
    }
}

/// The dashboard form, folded: its fields are built only while it is open, so a slider move
/// elsewhere on the page re-renders one `<details>` here, not some twenty boxes. Opening it
/// prefills it from the calibration in use (the days typed last time) or from the scenario
/// and the pack in use; it stays as typed (and shows the fit) after Calibrate makes the
/// calibrated pack the pack in use.
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
            <summary><h2>{ DashboardText::Title.get(props.lang) }</h2></summary>
            if *open {
                <DashboardBody ..props.clone() />
            }
        </details>
    }
}

/// One number field: label, box, hint.
struct Field {
    id: String,
    label: String,
    /// Read to screen readers before the label (the metric a rank box is for).
    label_before: Option<String>,
    hint: Option<String>,
    value: Option<f64>,
    /// How the value is shown when not being typed (a score at the pack's precision).
    text: String,
    min: f64,
    max: f64,
    onvalue: Callback<f64>,
    class: &'static str,
}

fn field(f: Field, onrefusal: &Callback<Option<(Refusal, f64)>>) -> Html {
    let hint_id = format!("{}-hint", f.id);
    html! {
        <div class={classes!("dashboard-field", f.class)} key={f.id.clone()}>
            <label for={f.id.clone()}>
                if let Some(b) = f.label_before { <span class="visually-hidden">{ format!("{b} ") }</span> }
                { f.label }
            </label>
            <NumberBox id={AttrValue::from(f.id.clone())} value={f.value.unwrap_or(f64::NAN)}
                text={AttrValue::from(f.text)} min={f.min} max={f.max} onvalue={f.onvalue}
                onrefusal={onrefusal.clone()}
                describedby={f.hint.is_some().then(|| AttrValue::from(hint_id.clone()))} />
            if let Some(h) = f.hint { <p class="hint" id={hint_id}>{ h }</p> }
        </div>
    }
}

/// The open form's days, results and messages.
#[component]
fn DashboardBody(props: &DashboardProps) -> Html {
    let lang = props.lang;
    let pack = props.pack.clone();
    let industry = props.scenario.industry.clone();
    let form = use_state(|| Form::prefill(&pack, &props.scenario));
    let outcome = use_state(|| None::<Outcome>);
    let refusal = use_state(|| None::<f64>);
    let decimals = pack.score.decimals.value;

    // A typed value of day `k`.
    let set = |k: usize, f: Edit| {
        let form = form.clone();
        Callback::from(move |v: f64| {
            let mut x = (*form).clone();
            if let Some(day) = x.days.get_mut(k) {
                f(day, v);
            }
            form.set(x);
        })
    };
    let onrefusal = {
        let refusal = refusal.clone();
        Callback::from(move |r: Option<(Refusal, f64)>| refusal.set(r.map(|(_, k)| k)))
    };
    let on_date = |k: usize| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                let mut x = (*form).clone();
                if let Some(day) = x.days.get_mut(k) {
                    day.date = i.value();
                }
                form.set(x);
            }
        })
    };
    let on_add = {
        let form = form.clone();
        Callback::from(move |_| {
            let mut x = (*form).clone();
            x.add_day();
            form.set(x);
        })
    };
    let on_remove = |k: usize| {
        let form = form.clone();
        Callback::from(move |_| {
            let mut x = (*form).clone();
            x.remove_day(k);
            form.set(x);
        })
    };
    let on_calibrate = {
        let form = form.clone();
        let outcome = outcome.clone();
        let pack = pack.clone();
        let cb = props.oncommand.clone();
        let industry = industry.clone();
        Callback::from(move |_| match run(&pack, &industry, &form) {
            Ok(fit) => {
                let label = fit.pack.calibration.as_ref().and_then(|c| c.date.clone());
                cb.emit(Command::UsePack {
                    json: fit.pack.to_json(),
                    origin: "calibrated".into(),
                    label,
                });
                outcome.set(Some(Outcome::Fitted(Box::new(fit))));
            }
            Err(e) => outcome.set(Some(Outcome::Refused(problem_text(
                &pack,
                &e,
                form.days.len(),
                lang,
            )))),
        })
    };

    let smin = pack.score.min.value;
    let smax = pack.score.max.value;
    let code = lang.code();
    let dim_name = |id: &str| {
        pack.dimensions
            .iter()
            .find(|d| d.id == id)
            .map_or(id.to_string(), |d| d.names.get(code).to_string())
    };
    let several = form.days.len() > 1;
    let score_text = |v: Option<f64>| {
        v.map(|v| format::score_at(v, decimals, lang))
            .unwrap_or_default()
    };
    let days = form.days.iter().enumerate().map(|(k, day)| {
        // The hints are the same every day: shown on the first only.
        let hint = |h: String| (k == 0).then_some(h);
        let n = (k + 1).to_string();
        let date_id = field_id(k, "date");
        let date_hint = format!("{date_id}-hint");
        let mut fields = vec![field(
            Field {
                id: field_id(k, "score"),
                label: DashboardText::Score.get(lang).into(),
                label_before: None,
                hint: hint(DashboardText::ScoreHint.get(lang).into()),
                value: day.score,
                text: score_text(day.score),
                min: smin,
                max: smax,
                onvalue: set(k, Box::new(|d, v| d.score = Some(v))),
                class: "",
            },
            &onrefusal,
        )];
        for d in &pack.dimensions {
            let name = d.names.get(code).to_string();
            let id = d.id.clone();
            let v = day.dimensions.get(&d.id).copied().flatten();
            fields.push(field(
                Field {
                    id: field_id(k, &format!("dim-{}", d.id)),
                    hint: hint(fill(DashboardText::DimHint.get(lang), &[("name", &name)])),
                    label: name,
                    label_before: None,
                    value: v,
                    text: score_text(v),
                    min: smin,
                    max: smax,
                    onvalue: set(
                        k,
                        Box::new(move |f, v| {
                            f.dimensions.insert(id.clone(), Some(v));
                        }),
                    ),
                    class: "",
                },
                &onrefusal,
            ));
        }
        for m in &pack.metrics {
            let name = m.names.get(code).to_string();
            let v = day.metrics.get(&m.id).copied().flatten();
            let id = m.id.clone();
            fields.push(field(
                Field {
                    id: field_id(k, &format!("metric-{}", m.id)),
                    hint: hint(fill(
                        DashboardText::MetricHint.get(lang),
                        &[("name", &name), ("dim", &dim_name(&m.dimension))],
                    )),
                    label: name.clone(),
                    label_before: None,
                    value: v,
                    text: v.map(|v| format::number(v, lang)).unwrap_or_default(),
                    min: m.range[0],
                    max: m.range[1],
                    onvalue: set(
                        k,
                        Box::new(move |f, v| {
                            f.metrics.insert(id.clone(), Some(v));
                        }),
                    ),
                    class: "",
                },
                &onrefusal,
            ));
            let r = day.ranks.get(&m.id).copied().flatten();
            let id = m.id.clone();
            fields.push(field(
                Field {
                    id: field_id(k, &format!("rank-{}", m.id)),
                    hint: None,
                    label: DashboardText::Rank.get(lang).into(),
                    label_before: Some(name.clone()),
                    value: r,
                    text: r.map(|v| format::number(v, lang)).unwrap_or_default(),
                    min: 0.0,
                    max: 100.0,
                    onvalue: set(
                        k,
                        Box::new(move |f, v| {
                            f.ranks.insert(id.clone(), Some(v));
                        }),
                    ),
                    class: "dashboard-rank",
                },
                &onrefusal,
            ));
        }
        html! {
            <fieldset class="dashboard-day" data-testid="dashboard-day" key={format!("day-{k}")}>
                <legend>{ fill(DashboardText::Day.get(lang), &[("n", &n)]) }</legend>
                <div class="dashboard-field">
                    <label for={date_id.clone()}>{ DashboardText::Date.get(lang) }</label>
                    <input id={date_id.clone()} type="text" inputmode="numeric" placeholder="2026-11-20"
                        value={day.date.clone()} oninput={on_date(k)}
                        aria-describedby={(k == 0).then(|| date_hint.clone())} />
                    if k == 0 {
                        <p class="hint" id={date_hint}>{ DashboardText::DateHint.get(lang) }</p>
                    }
                </div>
                { for fields }
                if several {
                    <button type="button" class="dashboard-remove" data-testid="remove-day"
                        onclick={on_remove(k)}>{ fill(DashboardText::RemoveDay.get(lang), &[("n", &n)]) }</button>
                }
            </fieldset>
        }
    });
    // Once per pack in use (it compares the pack with its base), not on every slider move.
    let replaces = (*use_memo(pack.clone(), |p| replaces(p))).clone();
    let result = match &*outcome {
        Some(Outcome::Fitted(fit)) => html! {
            <FitResult pack={fit.pack.clone()} report={fit.report.clone()} replaced={fit.replaced.clone()} {lang} />
        },
        Some(Outcome::Refused(t)) => html! {
            <p class="bad" role="alert" data-testid="calibration-problem">{ t.clone() }</p>
        },
        None => Html::default(),
    };

    html! {
        <>
            <p class="hint">{ DashboardText::Help.get(lang) }</p>
            <p class="hint">{ DashboardText::RankHint.get(lang) }</p>
            { for days }
            if let Some(k) = *refusal {
                <p class="bad" data-testid="dashboard-refusal">
                    { fill(DashboardText::Refused.get(lang), &[("kept", &format::number(k, lang))]) }
                </p>
            }
            <div class="dashboard-actions">
                <button type="button" data-testid="add-day" onclick={on_add}>{ DashboardText::AddDay.get(lang) }</button>
                <button type="button" data-testid="calibrate" onclick={on_calibrate}>{ DashboardText::Calibrate.get(lang) }</button>
            </div>
            if let Some(r) = replaces {
                <p class="hint" data-testid="calibration-replaces">{ fill(DashboardText::FromBase.get(lang), &[
                    ("base", r.base.title.get(code)),
                    ("date", &r.date.unwrap_or_else(|| DashboardText::NoDate.get(lang).into())),
                ]) }</p>
            }
            { result }
        </>
    }
}

#[cfg(test)]
mod tests;
