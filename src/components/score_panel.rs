//! The results: overall score, stars, dimension scores and thresholds, with the deltas to the
//! pinned baseline. The score region is announced politely to screen readers.

use std::rc::Rc;

use servicescore::rulepack::{Subject, ThresholdKind};
use servicescore::{Evaluation, RulePack};
use yew::prelude::*;

use crate::components::stars::Stars;
use crate::components::tag::Tag;
use crate::format;
use crate::i18n::{fill, Lang, T};

/// Props of [`ScorePanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ScorePanelProps {
    /// The current breakdown.
    pub eval: Rc<Evaluation>,
    /// The baseline's, when pinned.
    pub baseline: Option<Rc<Evaluation>>,
    /// Page language.
    pub lang: Lang,
}

fn delta_badge(lang: Lang, now: Option<f64>, before: Option<f64>) -> Html {
    match format::score_change(now, before) {
        Some(d) => html! {
            <span class={classes!("delta", format::delta_class(d, 1e-9))} data-testid="baseline-delta">
                { fill(T::VsBaseline.get(lang), &[("x", &format::delta(d, 2))]) }
            </span>
        },
        None => html! {},
    }
}

/// Condition text of a threshold: "≥ 4.5 且每个维度 ≥ 4.0".
fn condition_text(pack: &RulePack, id: &str, lang: Lang) -> String {
    let Some(t) = pack.threshold(id) else {
        return String::new();
    };
    t.conditions
        .iter()
        .map(|c| match c.subject {
            Subject::Score => format!(
                "{} {} {}",
                T::ScoreHeading.get(lang),
                c.op.symbol(),
                c.value
            ),
            Subject::EveryDimension => fill(
                T::EveryDimensionAtLeast.get(lang),
                &[("x", &c.value.to_string())],
            ),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The results panel.
#[component]
pub fn ScorePanel(props: &ScorePanelProps) -> Html {
    let pack = RulePack::default_pack();
    let lang = props.lang;
    let e = &props.eval;
    let b = props.baseline.as_ref();
    let shown = e.display_score.clone().unwrap_or_else(|| "—".to_string());
    let industry = pack.industry(&e.industry);
    html! {
        <section class="score-panel" aria-labelledby="score-heading">
            <div class="score-main" aria-live="polite" aria-atomic="true" data-testid="score-region">
                <h2 id="score-heading">{ T::ScoreHeading.get(lang) }</h2>
                <div class="score-line">
                    <span class="score-big" data-testid="overall-score">{ shown }</span>
                    <span class="score-scale">{ T::OutOfFive.get(lang) }</span>
                    { delta_badge(lang, e.score, b.and_then(|b| b.score)) }
                </div>
                <div class="stars-line">
                    <span class="label">{ T::Stars.get(lang) }</span>
                    <Stars stars={e.stars} lang={lang} />
                    <Tag provenance={pack.stars.bands.provenance} source={pack.stars.bands.source.clone().map(AttrValue::from)} lang={lang} />
                </div>
                if !e.applicable {
                    <div class="not-applicable" data-testid="not-applicable">
                        <strong>{ T::NotApplicableTitle.get(lang) }</strong>
                        <p>{ industry.and_then(|i| i.not_applicable_reason.as_ref()).map(|n| n.get(lang.code()).to_string()).unwrap_or_default() }</p>
                    </div>
                } else if e.score.is_none() {
                    <p class="no-score" data-testid="no-score">{ T::NoScoreHint.get(lang) }</p>
                }
            </div>
            if e.applicable {
                <div class="dimensions">
                    <h3>{ T::Dimensions.get(lang) }</h3>
                    <ul class="dimension-list">
                        { for pack.dimensions.iter().map(|d| {
                            let name = d.names.get(lang.code());
                            match e.dimensions.get(&d.id) {
                                Some(r) => {
                                    // Bar length: the 3–5 scale mapped to 0–100 (SVG geometry, CSP-safe).
                                    let w = ((r.score - 3.0) / 2.0 * 100.0).clamp(0.0, 100.0);
                                    let before = b.and_then(|b| b.dimensions.get(&d.id)).map(|x| x.score);
                                    html! {
                                        <li class="dimension-row" data-testid="dimension-score" data-dimension={d.id.clone()} key={d.id.clone()}>
                                            <span class="dimension-label">{ name }</span>
                                            <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                                <rect class="bar-track" x="0" y="0" width="100" height="8" />
                                                <rect class="bar-fill" x="0" y="0" width={format!("{w:.2}")} height="8" />
                                                if let Some(bs) = before {
                                                    <rect class="bar-baseline" x={format!("{:.2}", ((bs - 3.0) / 2.0 * 100.0).clamp(0.0, 99.0))} y="0" width="1" height="8" />
                                                }
                                            </svg>
                                            <span class="dimension-value" data-testid="dimension-value">{ r.display_score.clone() }</span>
                                            <span class="dimension-weight">{ fill(T::EffectiveWeight.get(lang), &[("w", &format::share(r.effective_weight))]) }</span>
                                            { delta_badge(lang, Some(r.score), before) }
                                        </li>
                                    }
                                }
                                None => html! {
                                    <li class="dimension-row dimension-missing" data-dimension-missing={d.id.clone()} key={d.id.clone()}>
                                        <span class="dimension-label">{ name }</span>
                                        <span class="muted">{ T::DimensionNoData.get(lang) }</span>
                                    </li>
                                },
                            }
                        }) }
                    </ul>
                </div>
            }
            <div class="thresholds">
                <h3>{ T::Thresholds.get(lang) }</h3>
                <ul class="threshold-list">
                    { for e.thresholds.iter().map(|t| {
                        let def = pack.threshold(&t.id);
                        let name = def.map(|d| d.names.get(lang.code()).to_string()).unwrap_or_else(|| t.id.clone());
                        let m = t.margin.map(|x| format!("{:.2}", x.abs()));
                        let (status, class) = match (t.kind, t.met, &m) {
                            (_, _, None) => (T::NoScoreThreshold.get(lang).to_string(), "th-unknown"),
                            (ThresholdKind::Gate, true, Some(x)) if t.margin.unwrap_or(0.0) > 0.0 => (fill(T::MetBy.get(lang), &[("x", x)]), "th-good"),
                            (ThresholdKind::Gate, true, _) => (T::Met.get(lang).to_string(), "th-good"),
                            (ThresholdKind::Gate, false, Some(x)) => (fill(T::NotMetBy.get(lang), &[("x", x)]), "th-bad"),
                            (ThresholdKind::Risk, true, Some(x)) => (fill(T::AtRisk.get(lang), &[("x", x)]), "th-bad"),
                            (ThresholdKind::Risk, false, Some(x)) => (fill(T::SafeBy.get(lang), &[("x", x)]), "th-good"),
                        };
                        let icon = match class { "th-good" => "✓", "th-bad" => if t.kind == ThresholdKind::Risk { "⚠" } else { "✗" }, _ => "·" };
                        let prov = def.and_then(|d| d.conditions.first());
                        html! {
                            <li class={classes!("threshold", class)} data-testid="threshold" data-threshold={t.id.clone()} data-met={t.met.to_string()} key={t.id.clone()}>
                                <span class="th-icon" aria-hidden="true">{ icon }</span>
                                <span class="th-name">{ name }</span>
                                <span class="th-cond">{ condition_text(pack, &t.id, lang) }</span>
                                if let Some(c) = prov {
                                    <Tag provenance={c.provenance} source={c.source.clone().map(AttrValue::from)} lang={lang} />
                                }
                                <span class="th-status" data-testid="threshold-status">{ status }</span>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        </section>
    }
}
