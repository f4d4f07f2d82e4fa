//! The results: overall score, stars, dimension scores and thresholds, with the deltas to the
//! pinned baseline, the rule pack in use and its sources. The score region is announced
//! politely to screen readers. Everything comes from the pack in use: its dimensions, its
//! thresholds, its decimals.
//!
//! Each score has its honest range beside it (SPEC §6, [`crate::ranges`]): pinned to the
//! merchant's dashboard when the pack is calibrated ("calibrated to your dashboard of DATE"
//! beside the score and the dimensions), else the assumed constants' documented bounds
//! (tagged *assumed*).

use std::rc::Rc;

use servicescore::calibrate::ScoreRanges;
use servicescore::rulepack::{Provenance, RulePack, Subject, ThresholdKind};
use servicescore::Evaluation;
use yew::prelude::*;

use crate::components::hook_number::HookNumber;
use crate::components::score_range::ScoreRange;
use crate::components::stars::Stars;
use crate::components::tag::Tag;
use crate::format;
use crate::i18n::{fill, Lang, Text};
use crate::packs::PackRef;
use crate::ranges::Basis;

/// Props of [`ScorePanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ScorePanelProps {
    /// The pack in use.
    pub pack: PackRef,
    /// The current breakdown.
    pub eval: Rc<Evaluation>,
    /// The baseline's, when pinned.
    pub baseline: Option<Rc<Evaluation>>,
    /// The honest ranges of the current values (`None`: the pack gives no bounds).
    #[prop_or_default]
    pub ranges: Option<ScoreRanges>,
    /// Page language.
    pub lang: Lang,
}

/// A number of the pack's display precision in the page's language (`4,40` in Spanish).
fn shown(pack: &RulePack, x: f64, lang: Lang) -> String {
    format::score_at(x, pack.score.decimals.value, lang)
}

/// "calibrated to your dashboard of DATE" (or without a date).
pub fn calibrated_text(date: Option<&str>, lang: Lang) -> String {
    match date {
        Some(d) => fill(Text::CalibratedTo.get(lang), &[("date", d)]),
        None => Text::CalibratedToUndated.get(lang).to_string(),
    }
}

fn delta_badge(pack: &RulePack, lang: Lang, now: Option<f64>, before: Option<f64>) -> Html {
    let d = pack.score.decimals.value;
    let (Some(now), Some(before)) = (now, before) else {
        return Html::default();
    };
    let change = servicescore::round_display(now, d) - servicescore::round_display(before, d);
    html! {
        <span class={classes!("delta", format::delta_class(change, 1e-9))} data-testid="baseline-delta">
            { fill(Text::VsBaseline.get(lang), &[("x", &format::localize(format::delta(change, d as usize), lang))]) }
        </span>
    }
}

/// Condition text of a threshold: "服务分 ≥ 4.5 且每个维度 ≥ 4".
fn condition_text(pack: &RulePack, id: &str, lang: Lang) -> String {
    let Some(t) = pack.threshold(id) else {
        return String::new();
    };
    t.conditions
        .iter()
        .map(|c| match c.subject {
            Subject::Score => format!(
                "{} {} {}",
                Text::ScoreHeading.get(lang),
                c.op.symbol(),
                format::number(c.value, lang)
            ),
            Subject::EveryDimension => fill(
                Text::EveryDimensionAtLeast.get(lang),
                &[("x", &format::number(c.value, lang))],
            ),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A risk's name when the merchant is clear of it: "无终止合作风险", "No termination risk".
fn clear_of(name: &str, lang: Lang) -> String {
    let lower = match lang {
        Lang::Zh => name.to_string(),
        Lang::En | Lang::Es => {
            let mut c = name.chars();
            c.next()
                .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
    };
    fill(Text::RiskClear.get(lang), &[("name", &lower)])
}

/// The results panel.
#[component]
pub fn ScorePanel(props: &ScorePanelProps) -> Html {
    let pack = &props.pack;
    let lang = props.lang;
    let code = lang.code();
    let e = &props.eval;
    let b = props.baseline.as_ref();
    let industry = pack.industry(&e.industry);
    let decimals = pack.score.decimals.value;
    let basis = Basis::of(pack, &e.industry);
    // Beside every score: what its range rests on.
    let basis_note = |testid: &'static str| match &basis {
        Basis::Calibrated(date) => html! {
            <span class="calibrated range-basis" data-testid={testid}>{ calibrated_text(date.as_deref(), lang) }</span>
        },
        Basis::Assumed => html! {
            <span class="range-basis" data-testid={testid}>
                <Tag pack={pack.clone()} provenance={Provenance::Assumed}
                    source={pack.uncertainty.as_ref().and_then(|u| u.benchmarks.source.clone()).map(AttrValue::from)} lang={lang} />
            </span>
        },
    };
    let ranges = props.ranges.as_ref();
    let range_of = |band: Option<servicescore::calibrate::Band>, testid: &'static str| match band {
        Some(band) => html! {
            <ScoreRange {band} {decimals} basis={basis.clone()} testid={testid} {lang} />
        },
        None => Html::default(),
    };
    html! {
        <section class="score-panel" aria-labelledby="score-heading">
            <div class="score-main" aria-live="polite" aria-atomic="true" data-testid="score-region">
                <h2 id="score-heading">{ Text::ScoreHeading.get(lang) }</h2>
                <div class="score-line">
                    <HookNumber testid="overall-score" class="score-big" lang={lang}
                        value={AttrValue::from(e.display_score.clone().unwrap_or_else(|| "—".into()))} />
                    if let Some(band) = ranges.and_then(|r| r.score) {
                        { range_of(Some(band), "score-range") }
                        { basis_note("score-basis") }
                    }
                    <span class="score-scale">{ fill(Text::OutOfScale.get(lang), &[
                        ("max", &format::number(pack.score.max.value, lang)),
                        ("min", &format::number(pack.score.min.value, lang)),
                    ]) }</span>
                    { delta_badge(pack, lang, e.score, b.and_then(|b| b.score)) }
                </div>
                <div class="stars-line">
                    <span class="label">{ Text::Stars.get(lang) }</span>
                    <Stars stars={e.stars} lang={lang} />
                    <Tag pack={pack.clone()} provenance={pack.stars.bands.provenance}
                        source={pack.stars.bands.source.clone().map(AttrValue::from)} lang={lang} />
                </div>
                <p class="pack-line" data-testid="pack-in-use">
                    <span>{ fill(Text::RulesInUse.get(lang), &[("title", pack.title.get(code))]) }</span>
                    if decimals != 2 {
                        <span class="muted">{ if decimals == 1 {
                            Text::ShownWithOneDecimal.get(lang).to_string()
                        } else {
                            fill(Text::ShownWithDecimals.get(lang), &[("n", &decimals.to_string())])
                        } }</span>
                        <Tag pack={pack.clone()} provenance={pack.score.decimals.provenance}
                            source={pack.score.decimals.source.clone().map(AttrValue::from)} lang={lang} />
                    }
                </p>
                if !e.applicable {
                    <div class="not-applicable" data-testid="not-applicable">
                        <strong>{ Text::NotApplicableTitle.get(lang) }</strong>
                        <p>{ industry.and_then(|i| i.not_applicable_reason.as_ref()).map(|n| n.get(code).to_string()).unwrap_or_default() }</p>
                    </div>
                } else if e.score.is_none() {
                    <p class="no-score" data-testid="no-score">{ Text::NoScoreHint.get(lang) }</p>
                }
            </div>
            if e.applicable {
                <div class="dimensions">
                    <h3>
                        { Text::Dimensions.get(lang) }
                        if ranges.is_some() && matches!(basis, Basis::Calibrated(_)) {
                            { " " }{ basis_note("dimensions-basis") }
                        }
                    </h3>
                    <ul class="dimension-list">
                        { for pack.dimensions.iter().enumerate().map(|(j, d)| {
                            let name = d.names.get(code);
                            let band = ranges.and_then(|r| r.dims.get(j).copied().flatten());
                            match e.dimensions.get(&d.id) {
                                Some(r) => {
                                    // Bar length: the score scale mapped to 0–100 (SVG geometry, CSP-safe).
                                    let (lo, hi) = (pack.score.min.value, pack.score.max.value);
                                    let at = |s: f64| ((s - lo) / (hi - lo) * 100.0).clamp(0.0, 100.0);
                                    let before = b.and_then(|b| b.dimensions.get(&d.id)).map(|x| x.score);
                                    html! {
                                        <li class="dimension-row" data-testid="dimension-score" data-dimension={d.id.clone()} key={d.id.clone()}>
                                            <span class="dimension-label">{ name }</span>
                                            <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                                <rect class="bar-track" x="0" y="0" width="100" height="8" />
                                                <rect class="bar-fill" x="0" y="0" width={format::fixed_attr(at(r.score))} height="8" />
                                                if let Some(bs) = before {
                                                    <rect class="bar-baseline" x={format::fixed_attr(at(bs).min(99.0))} y="0" width="1" height="8" />
                                                }
                                            </svg>
                                            <HookNumber testid="dimension-value" class="dimension-value" lang={lang}
                                                value={AttrValue::from(r.display_score.clone())} />
                                            { range_of(band, "dimension-range") }
                                            <span class="dimension-weight">{ fill(Text::EffectiveWeight.get(lang), &[("w", &format::share(r.effective_weight))]) }</span>
                                            { delta_badge(pack, lang, Some(r.score), before) }
                                        </li>
                                    }
                                }
                                None => html! {
                                    <li class="dimension-row dimension-missing" data-dimension-missing={d.id.clone()} key={d.id.clone()}>
                                        <span class="dimension-label">{ name }</span>
                                        <span class="muted">{ Text::DimensionNoData.get(lang) }</span>
                                    </li>
                                },
                            }
                        }) }
                    </ul>
                </div>
            }
            <div class="thresholds">
                <h3>{ Text::Thresholds.get(lang) }</h3>
                <ul class="threshold-list">
                    { for e.thresholds.iter().map(|t| {
                        let def = pack.threshold(&t.id);
                        let name = def.map(|d| d.names.get(code).to_string()).unwrap_or_else(|| t.id.clone());
                        // Margins on displayed values, at the pack's precision; positive on the good side.
                        let m = t.margin.map(|x| shown(pack, x.abs(), lang));
                        let good = t.margin.is_some_and(|x| x > 0.0);
                        let (name, status, class, icon) = match (t.kind, t.met, &m) {
                            (_, _, None) => (name, Text::NoScoreThreshold.get(lang).to_string(), "th-unknown", "·"),
                            (ThresholdKind::Gate, true, Some(x)) if good => (name, fill(Text::MetBy.get(lang), &[("x", x)]), "th-good", "✓"),
                            (ThresholdKind::Gate, true, _) => (name, Text::Met.get(lang).to_string(), "th-good", "✓"),
                            (ThresholdKind::Gate, false, Some(x)) => (name, fill(Text::NotMetBy.get(lang), &[("x", x)]), "th-bad", "✗"),
                            // A risk reads as the state the merchant is in: "termination risk ⚠",
                            // or "no termination risk ✓" — never "termination risk ✓".
                            (ThresholdKind::Risk, true, Some(x)) => (name, fill(Text::AtRisk.get(lang), &[("x", x)]), "th-bad", "⚠"),
                            (ThresholdKind::Risk, false, Some(x)) => (clear_of(&name, lang), fill(Text::SafeBy.get(lang), &[("x", x)]), "th-good", "✓"),
                        };
                        let prov = def.and_then(|d| d.conditions.first());
                        html! {
                            <li class={classes!("threshold", class)} data-testid="threshold" data-threshold={t.id.clone()} data-met={t.met.to_string()} key={t.id.clone()}>
                                <span class="th-icon" aria-hidden="true">{ icon }</span>
                                <span class="th-name">{ name }</span>
                                <span class="th-cond">{ condition_text(pack, &t.id, lang) }</span>
                                if let Some(c) = prov {
                                    <Tag pack={pack.clone()} provenance={c.provenance} source={c.source.clone().map(AttrValue::from)} lang={lang} />
                                }
                                <span class="th-status" data-testid="threshold-status">{ status }</span>
                            </li>
                        }
                    }) }
                </ul>
            </div>
            <details class="pack-sources">
                <summary>{ Text::PackSources.get(lang) }</summary>
                <ul class="sources">
                    { for pack.sources.iter().map(|s| html! { <li>{ s.title.get(code) }</li> }) }
                </ul>
            </details>
        </section>
    }
}
