//! The fitted result: per day, what the back office showed, what the calibrated rules show and
//! the residual, for the overall score, each dimension and each rank typed (the core's
//! [`Report`], as `servicescore calibrate --json` prints it). Each row carries the report's
//! numbers in `data-shown` / `data-fitted` / `data-residual` (the JSON form), so tests compare
//! them with the command line's report.

use servicescore::calibrate::{Report, Shown, SnapshotFit};
use servicescore::RulePack;
use yew::prelude::*;

use super::form::Replaced;
use super::words::DashboardText;
use crate::format;
use crate::i18n::{fill, Lang};

/// One row: a label and its shown, fitted and residual numbers (scores, or ranks as 0–1).
struct Row {
    key: String,
    label: String,
    shown: Option<f64>,
    fitted: Option<f64>,
    residual: Option<f64>,
    rank: bool,
}

fn rows(pack: &RulePack, s: &SnapshotFit, lang: Lang) -> Vec<Row> {
    let code = lang.code();
    let score = |x: &Shown| x.score;
    let mut out = vec![Row {
        key: "score".into(),
        label: DashboardText::Score.get(lang).into(),
        shown: score(&s.shown),
        fitted: score(&s.fitted),
        residual: score(&s.residuals),
        rank: false,
    }];
    for d in &pack.dimensions {
        out.push(Row {
            key: format!("dimensions.{}", d.id),
            label: d.names.get(code).into(),
            shown: s.shown.dimensions.get(&d.id).copied(),
            fitted: s.fitted.dimensions.get(&d.id).copied(),
            residual: s.residuals.dimensions.get(&d.id).copied(),
            rank: false,
        });
    }
    for m in &pack.metrics {
        if let Some(p) = s.shown.percentiles.get(&m.id) {
            out.push(Row {
                key: format!("percentiles.{}", m.id),
                label: fill(
                    DashboardText::RankRow.get(lang),
                    &[("name", m.names.get(code))],
                ),
                shown: Some(*p),
                fitted: s.fitted.percentiles.get(&m.id).copied(),
                residual: s.residuals.percentiles.get(&m.id).copied(),
                rank: true,
            });
        }
    }
    out
}

/// A number for a `data-` attribute: as JSON writes it (`4.21`, `-0.01`), empty for none.
fn attr(v: Option<f64>) -> String {
    v.map(|v| serde_json::Value::from(v).to_string())
        .unwrap_or_default()
}

/// Props of [`FitResult`].
#[derive(Properties, PartialEq, Clone)]
pub struct FitResultProps {
    /// The pack the fit was reported under (the calibrated one: its dimensions and decimals).
    pub pack: RulePack,
    /// The report.
    pub report: Report,
    /// The calibration this one replaced, if any.
    pub replaced: Option<Replaced>,
    /// Page language.
    pub lang: Lang,
}

/// The result, one table per day.
#[component]
pub fn FitResult(props: &FitResultProps) -> Html {
    let lang = props.lang;
    let pack = &props.pack;
    let d = pack.score.decimals.value;
    let report = &props.report;
    let score = |v: f64| format::score_at(v, d, lang);
    let pct = |v: f64| format::localize(format::share(v), lang);
    let signed = |v: f64, rank: bool| {
        if rank {
            // Percentage points, to two decimals (the report keeps four of the 0–1 rank).
            format::localize(format::delta(v * 100.0, 2), lang)
        } else {
            format::localize(format::delta(v, d as usize), lang)
        }
    };
    let latest = report
        .snapshots
        .iter()
        .filter_map(|s| s.date.clone())
        .max()
        .unwrap_or_else(|| DashboardText::NoDate.get(lang).into());
    let several = report.snapshots.len() > 1;
    let days = report.snapshots.iter().enumerate().map(|(k, s)| {
        let n = (k + 1).to_string();
        let date = s.date.clone().unwrap_or_else(|| DashboardText::NoDate.get(lang).into());
        let heading = if several {
            format!("{} · {date}", fill(DashboardText::Day.get(lang), &[("n", &n)]))
        } else {
            date
        };
        let body = rows(pack, s, lang).into_iter().map(|r| {
            let show = |v: Option<f64>| match v {
                Some(v) if r.rank => pct(v),
                Some(v) => score(v),
                None => String::new(),
            };
            html! {
                <tr data-testid="residual-row" data-key={r.key.clone()} data-shown={attr(r.shown)}
                    data-fitted={attr(r.fitted)} data-residual={attr(r.residual)}>
                    <th scope="row">{ r.label }</th>
                    <td>{ show(r.shown) }</td>
                    <td data-testid="fitted">{ show(r.fitted) }</td>
                    <td data-testid="residual">{ r.residual.map(|v| signed(v, r.rank)).unwrap_or_default() }</td>
                </tr>
            }
        });
        let verdict = if s.reproduced {
            DashboardText::DayExact.get(lang).to_string()
        } else {
            fill(DashboardText::DayApprox.get(lang), &[("r", &score(s.max_abs_residual))])
        };
        html! {
            <div class="dashboard-fit" data-testid="snapshot-fit" data-snapshot={k.to_string()}
                data-max-abs-residual={attr(Some(s.max_abs_residual))} data-reproduced={s.reproduced.to_string()}>
                if several { <h4>{ heading }</h4> }
                <table>
                    <thead><tr>
                        <th></th>
                        <th scope="col">{ DashboardText::Shown.get(lang) }</th>
                        <th scope="col">{ DashboardText::Fitted.get(lang) }</th>
                        <th scope="col">{ DashboardText::Residual.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
                if several { <p class="muted">{ verdict }</p> }
            </div>
        }
    });
    let largest = report
        .snapshots
        .iter()
        .map(|s| s.max_abs_residual)
        .fold(0.0, f64::max);
    html! {
        <div data-testid="calibration-result" role="status">
            <h3>{ fill(DashboardText::Result.get(lang), &[("date", &latest)]) }</h3>
            if let Some(r) = &props.replaced {
                <p class="hint" data-testid="calibration-base">{ fill(DashboardText::FromBaseDone.get(lang), &[
                    ("base", r.base.title.get(lang.code())),
                    ("date", &r.date.clone().unwrap_or_else(|| DashboardText::NoDate.get(lang).into())),
                ]) }</p>
            }
            { for days }
            <p>{ if report.exact { DashboardText::Exact.get(lang).to_string() } else {
                fill(DashboardText::Approx.get(lang), &[("r", &score(largest))])
            } }</p>
        </div>
    }
}
