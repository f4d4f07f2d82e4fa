//! From the core's results to the charts' inputs: the sensitivity curve of the metric in focus
//! with where the core's goal seek reaches each level, the five dimension bars, the day-by-day
//! projection with the first days the core's projection reports, and the reference lines they
//! share. The charts write their numbers and dates with [`PageFormat`].
//!
//! Pure (no browser): every word is translated here, every number and level comes from the
//! core, and the charts crate only lays out and draws. Natively tested below.

use jiff::civil::Date;
use servicescore::goal::seek;
use servicescore::rulepack::{Better, Subject, ThresholdKind};
use servicescore::sensitivity::curve_of;
use servicescore::timeline::Projection;
use servicescore::{Evaluation, GoalOutcome, Model, RulePack, Target};
use servicescore_charts::date::days_between;
use servicescore_charts::scale::decimals_needed;
use servicescore_charts::{
    ChartFormat, DimBar, DimensionChart, HLine, Level, LineKind, Mark, ProjectionChart, Reach,
    SensitivityChart,
};

use crate::format;
pub use crate::format::PageFormat;
use crate::i18n::{fill, Lang, Text};

crate::i18n::texts! {
    ChartText;
    SensitivityTitle => ["服务分随{metric}的变化", "Score across {metric}", "Puntuación según {metric}"],
    Score => ["服务分", "Score", "Puntuación"],
    Now => ["当前", "Now", "Actual"],
    NoData => ["暂无数据", "No data", "Sin datos"],
    DimensionsTitle => ["五个维度得分", "The five dimension scores", "Las cinco dimensiones"],
    Current => ["当前方案", "Current", "Actual"],
    Baseline => ["基准", "Baseline", "Referencia"],
    EveryDimension => ["每个维度 ≥ {x}", "each dimension ≥ {x}", "cada dimensión ≥ {x}"],
    PlanLine => ["按方案", "With the plan", "Con el plan"],
    ProjectionTitle => ["未来 {n} 天每天公布的服务分", "Score published each day, next {n} days", "Puntuación publicada cada día, próximos {n} días"],
    Today => ["今天", "Today", "Hoy"],
    DaysWithoutScore => ["无分数的天数（已排除或缺失）", "Days without a score (excluded or missing)", "Días sin puntuación (excluidos o ausentes)"],
}

/// Samples of a sensitivity curve on top of the benchmark knots and the current value (which
/// [`curve_of`] adds, making the curve exact for the default pack; the samples only matter
/// for packs whose points curve bends between knots).
pub const CURVE_SAMPLES: usize = 41;

/// The short name of a star level on a chart: `4.5★` (`4,5★` in Spanish).
pub fn stars_label(stars: f64, fmt: &PageFormat) -> String {
    format!("{}★", fmt.number(stars, decimals_needed(stars, 2)))
}

/// The name of a target as the advice and the projection show it: `4.5 星` (`4,5 estrellas`), a
/// gate's name, or `摆脱…` for a risk (reaching a risk target means leaving it).
pub fn target_label(pack: &RulePack, target: &Target, lang: Lang) -> String {
    match target {
        Target::Stars(x) => fill(
            Text::TargetStars.get(lang),
            &[("x", &format::stars(*x, lang))],
        ),
        Target::Score(x) => format::localize(format::score(*x), lang),
        Target::Threshold(id) => match pack.threshold(id) {
            Some(t) if t.kind == ThresholdKind::Risk => {
                let name = t.names.get(lang.code());
                // Inside an English or Spanish sentence the name is not capitalised.
                let name = match (lang, name.chars().next()) {
                    (Lang::Zh, _) | (_, None) => name.to_owned(),
                    (_, Some(c)) => c.to_lowercase().chain(name.chars().skip(1)).collect(),
                };
                fill(Text::TargetEscape.get(lang), &[("name", &name)])
            }
            Some(t) => t.names.get(lang.code()).to_string(),
            None => id.clone(),
        },
    }
}

/// The score-axis reference lines of the rule pack: each star band's lowest score and each
/// threshold's score condition, merged where they share a value (`4.5★ · 可报名营销活动`);
/// a gate outranks a risk, which outranks a star band, for the line's look. Sorted by value.
pub fn score_lines(pack: &RulePack, lang: Lang) -> Vec<HLine> {
    let fmt = PageFormat::new(pack, lang);
    // (y, rank, label part); rank: 0 star, 1 risk, 2 gate.
    let mut parts: Vec<(f64, u8, String)> = pack
        .stars
        .bands
        .value
        .iter()
        .map(|b| (b.min_score, 0, stars_label(b.stars, &fmt)))
        .collect();
    for t in &pack.thresholds {
        for c in t.conditions.iter().filter(|c| c.subject == Subject::Score) {
            let rank = if t.kind == ThresholdKind::Gate { 2 } else { 1 };
            parts.push((c.value, rank, t.names.get(lang.code()).to_string()));
        }
    }
    // Stable: within one value, stars first, then thresholds in pack order.
    parts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.min(1).cmp(&b.1.min(1))));
    let mut lines: Vec<(HLine, u8)> = Vec::new();
    for (y, rank, label) in parts {
        match lines.last_mut() {
            Some((l, r)) if (l.y - y).abs() < 1e-9 => {
                if !l.label.split(" · ").any(|p| p == label) {
                    l.label.push_str(" · ");
                    l.label.push_str(&label);
                }
                if rank > *r {
                    *r = rank;
                    l.kind = kind_of(rank);
                }
            }
            _ => lines.push((
                HLine {
                    y,
                    label,
                    kind: kind_of(rank),
                },
                rank,
            )),
        }
    }
    lines.into_iter().map(|(l, _)| l).collect()
}

fn kind_of(rank: u8) -> LineKind {
    match rank {
        2 => LineKind::Gate,
        1 => LineKind::Risk,
        _ => LineKind::Star,
    }
}

/// The pack's score scale (the charts' y axis), normally 3–5.
pub fn score_range(pack: &RulePack) -> (f64, f64) {
    (pack.score.min.value, pack.score.max.value)
}

/// The sensitivity chart of metric `metric`: the overall score and the metric's dimension
/// across the metric's slider range (widened to include the current value), the others held,
/// and for each level where the core's goal seek reaches it. `None` for a metric the pack does
/// not know and for an industry the rules do not apply to. Without a score (every dimension
/// off) no curve is drawn and the chart says there is no score. A lower-is-better metric is
/// drawn high to low so that better is always to the right.
pub fn sensitivity_chart(
    model: &Model<'_>,
    values: &[Option<f64>],
    metric: &str,
    lang: Lang,
) -> Option<SensitivityChart> {
    if !model.applicable() {
        return None;
    }
    let pack = model.pack();
    let idx = pack.metric_index(metric)?;
    let m = &pack.metrics[idx];
    let current = values.get(idx).copied().flatten();
    let (mut lo, mut hi) = (m.slider.min, m.slider.max);
    if let Some(c) = current {
        lo = lo.min(c);
        hi = hi.max(c);
    }
    lo = lo.max(m.range[0]);
    hi = hi.min(m.range[1]);
    if lo.is_nan() || hi.is_nan() || lo >= hi {
        return None;
    }
    let has_score = model.scores(values).overall.is_some();
    let curve = if has_score {
        curve_of(model, values, idx, lo, hi, CURVE_SAMPLES)
    } else {
        Vec::new()
    };
    let levels: Vec<Level> = score_lines(pack, lang)
        .into_iter()
        .map(|line| {
            let reach = if has_score {
                match seek(model, values, idx, &Target::Score(line.y)) {
                    GoalOutcome::AlreadyMet => Reach::Met,
                    GoalOutcome::Reach { value, .. } => Reach::At(value),
                    GoalOutcome::Unreachable { .. } => Reach::Unreachable,
                }
            } else {
                Reach::Unreachable
            };
            Level { line, reach }
        })
        .collect();
    // TODO(merge): the core's `next_targets` says which level is next; until it is on this
    // branch, the next step is the lowest level not yet met (the levels are sorted by score).
    let next = levels.iter().position(|l| l.reach != Reach::Met);
    let name = m.names.get(lang.code());
    let dimension_label = pack
        .dimensions
        .iter()
        .find(|d| d.id == m.dimension)
        .map(|d| d.names.get(lang.code()).to_string())
        .unwrap_or_default();
    let no_data = if has_score {
        ChartText::NoData.get(lang)
    } else {
        Text::NoScore.get(lang)
    };
    Some(SensitivityChart {
        title: fill(ChartText::SensitivityTitle.get(lang), &[("metric", name)]),
        x_label: format!("{name} ({})", format::unit(m, lang)),
        overall_label: ChartText::Score.get(lang).to_string(),
        dimension_label,
        current_label: ChartText::Now.get(lang).to_string(),
        no_data_label: no_data.to_string(),
        overall: curve.iter().map(|p| (p.value, p.score)).collect(),
        dimension: curve.iter().map(|p| (p.value, p.dimension)).collect(),
        current,
        x_range: (lo, hi),
        reverse_x: m.better == Better::Lower,
        y_range: score_range(pack),
        value_decimals: m.step_decimals() as usize,
        levels,
        next,
    })
}

/// The dimension chart: one bar per dimension of the pack (current scenario), with the pinned
/// baseline's beside it, and the "every dimension" condition of each gate as a line. `None`
/// for an industry the rules do not apply to.
pub fn dimension_chart(
    pack: &RulePack,
    eval: &Evaluation,
    baseline: Option<&Evaluation>,
    lang: Lang,
) -> Option<DimensionChart> {
    if !eval.applicable {
        return None;
    }
    let fmt = PageFormat::new(pack, lang);
    let mut hlines: Vec<HLine> = Vec::new();
    for t in pack
        .thresholds
        .iter()
        .filter(|t| t.kind == ThresholdKind::Gate)
    {
        for c in &t.conditions {
            if c.subject == Subject::EveryDimension && !hlines.iter().any(|l| l.y == c.value) {
                let x = fmt.number(c.value, decimals_needed(c.value, 2));
                hlines.push(HLine {
                    y: c.value,
                    label: fill(ChartText::EveryDimension.get(lang), &[("x", &x)]),
                    kind: LineKind::Gate,
                });
            }
        }
    }
    Some(DimensionChart {
        title: ChartText::DimensionsTitle.get(lang).to_string(),
        current_label: ChartText::Current.get(lang).to_string(),
        baseline_label: ChartText::Baseline.get(lang).to_string(),
        no_data_label: ChartText::NoData.get(lang).to_string(),
        bars: pack
            .dimensions
            .iter()
            .map(|d| DimBar {
                label: d.names.get(lang.code()).to_string(),
                current: eval.dimensions.get(&d.id).map(|r| r.score),
                baseline: baseline.and_then(|b| b.dimensions.get(&d.id).map(|r| r.score)),
            })
            .collect(),
        y_range: score_range(pack),
        hlines,
    })
}

/// The projection chart: `past` (published scores before the start, negative offsets, `None`
/// = a gap) then the projected days, dated from `start`; a mark on the first day after the
/// start that each target is reached (as the core's projection reports it), merged per day
/// (`4.5★ · 可报名营销活动`).
pub fn projection_chart(
    pack: &RulePack,
    projection: &Projection,
    past: &[(i32, Option<f64>)],
    start: Date,
    lang: Lang,
) -> ProjectionChart {
    let fmt = PageFormat::new(pack, lang);
    let mut days: Vec<(i32, Option<f64>)> = past.iter().filter(|d| d.0 < 0).copied().collect();
    days.extend(
        projection
            .days
            .iter()
            .enumerate()
            .map(|(k, d)| (i32::try_from(k).unwrap_or(i32::MAX), d.score)),
    );
    let mut marks: Vec<Mark> = Vec::new();
    for r in reach_order(projection) {
        let Some(day) = r
            .first_reached
            .map(|d| days_between(start, d))
            .filter(|d| *d > 0)
        else {
            continue;
        };
        let label = match &r.target {
            Target::Stars(x) => stars_label(*x, &fmt),
            t => target_label(pack, t, lang),
        };
        match marks.iter_mut().find(|m| m.day == day) {
            Some(m) => {
                m.label.push_str(" · ");
                m.label.push_str(&label);
            }
            None => marks.push(Mark { day, label }),
        }
    }
    marks.sort_by_key(|m| m.day);
    ProjectionChart {
        title: fill(
            ChartText::ProjectionTitle.get(lang),
            &[("n", &projection.days.len().to_string())],
        ),
        score_label: ChartText::Score.get(lang).to_string(),
        excluded_label: ChartText::DaysWithoutScore.get(lang).to_string(),
        today_label: (!past.is_empty()).then(|| ChartText::Today.get(lang).to_string()),
        no_data_label: ChartText::NoData.get(lang).to_string(),
        days,
        origin: start,
        marks,
        y_range: score_range(pack),
        hlines: score_lines(pack, lang),
        plan: Vec::new(),
        plan_label: ChartText::PlanLine.get(lang).to_string(),
    }
}

/// The published scores of a planned projection as the chart's plan line (offsets from the
/// first projected day).
pub fn plan_line(projection: &Projection) -> Vec<(i32, Option<f64>)> {
    projection
        .days
        .iter()
        .enumerate()
        .map(|(k, d)| (i32::try_from(k).unwrap_or(i32::MAX), d.score))
        .collect()
}

/// The projection's reach entries in the order the page lists them: star levels from the
/// lowest, then thresholds in pack order.
pub fn reach_order(projection: &Projection) -> Vec<&servicescore::timeline::Reach> {
    let stars = projection
        .reach
        .iter()
        .filter(|r| matches!(r.target, Target::Stars(_)));
    let rest = projection
        .reach
        .iter()
        .filter(|r| !matches!(r.target, Target::Stars(_)));
    stars.chain(rest).collect()
}

#[cfg(test)]
mod tests;
