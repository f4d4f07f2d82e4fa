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
use crate::i18n::{fill, Lang, T};

crate::i18n::texts! {
    CT;
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
            T::TargetStars.get(lang),
            &[("x", &format::localize(format::stars(*x), lang))],
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
                fill(T::TargetEscape.get(lang), &[("name", &name)])
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
        CT::NoData.get(lang)
    } else {
        T::NoScore.get(lang)
    };
    Some(SensitivityChart {
        title: fill(CT::SensitivityTitle.get(lang), &[("metric", name)]),
        x_label: format!("{name} ({})", format::unit(m, lang)),
        overall_label: CT::Score.get(lang).to_string(),
        dimension_label,
        current_label: CT::Now.get(lang).to_string(),
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
                    label: fill(CT::EveryDimension.get(lang), &[("x", &x)]),
                    kind: LineKind::Gate,
                });
            }
        }
    }
    Some(DimensionChart {
        title: CT::DimensionsTitle.get(lang).to_string(),
        current_label: CT::Current.get(lang).to_string(),
        baseline_label: CT::Baseline.get(lang).to_string(),
        no_data_label: CT::NoData.get(lang).to_string(),
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
            CT::ProjectionTitle.get(lang),
            &[("n", &projection.days.len().to_string())],
        ),
        score_label: CT::Score.get(lang).to_string(),
        excluded_label: CT::DaysWithoutScore.get(lang).to_string(),
        today_label: (!past.is_empty()).then(|| CT::Today.get(lang).to_string()),
        no_data_label: CT::NoData.get(lang).to_string(),
        days,
        origin: start,
        marks,
        y_range: score_range(pack),
        hlines: score_lines(pack, lang),
        plan: Vec::new(),
        plan_label: CT::PlanLine.get(lang).to_string(),
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
mod tests {
    use super::*;
    use servicescore::timeline::{parse_date, DailyRecords, History, Plan, Window};
    use servicescore::{breakdown, goal_seek, Scenario};
    use servicescore_charts::Chart;

    fn pack() -> &'static RulePack {
        RulePack::default_pack()
    }

    #[test]
    fn score_lines_merge_stars_and_thresholds() {
        let lines = score_lines(pack(), Lang::Zh);
        let got: Vec<(f64, &str, LineKind)> = lines
            .iter()
            .map(|l| (l.y, l.label.as_str(), l.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                (3.5, "3.5★ · 终止合作风险", LineKind::Risk),
                (4.0, "4★", LineKind::Star),
                (4.5, "4.5★ · 可报名营销活动", LineKind::Gate),
                (4.8, "5★ · 流量加权", LineKind::Gate),
            ]
        );
        let en = score_lines(pack(), Lang::En);
        assert_eq!(en[2].label, "4.5★ · Eligible for platform campaigns");
    }

    #[test]
    fn sensitivity_of_example_3() {
        // SPEC §4 example 3: only the reply rate, 60 % → 3.56.
        let s = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":60}}"#).unwrap();
        let model = Model::new(pack(), "general").unwrap();
        let c = sensitivity_chart(&model, &s.values(pack()), "reply_3min_pct", Lang::En).unwrap();
        assert_eq!(c.current, Some(60.0));
        assert_eq!(c.x_range, (0.0, 100.0));
        assert!(!c.reverse_x);
        assert_eq!(c.x_label, "3-minute reply rate (%)");
        assert_eq!(c.dimension_label, "Consultation experience");
        assert!((c.current_score().unwrap() - 3.56).abs() < 1e-9);
        // Knots are on the curve: 85 % is the median, 4.4 points.
        assert!(c
            .overall
            .iter()
            .any(|&(x, y)| x == 85.0 && (y.unwrap() - 4.4).abs() < 1e-12));
        // The next step up: 4★, where the core's goal seek reaches it.
        assert_eq!(c.next, Some(1));
        assert_eq!(c.step_up(), Some((74.9, 4.0)));
        let fmt = PageFormat::new(pack(), Lang::En);
        assert_eq!(c.summary(&fmt).rows[0], ["3-minute reply rate (%)", "60"]);
    }

    #[test]
    fn four_stars_at_sixty_percent_reads_74_9_as_the_advice_says() {
        // Issue 10: the chart's table said "≥ 75" (where the raw curve crosses 4.0) while the
        // advice (the core's goal seek on displayed scores) says 74.9 (3.996 shows as 4.00).
        let s = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":60}}"#).unwrap();
        let model = Model::new(pack(), "general").unwrap();
        let c = sensitivity_chart(&model, &s.values(pack()), "reply_3min_pct", Lang::Zh).unwrap();
        let rows = c.summary(&PageFormat::new(pack(), Lang::Zh)).rows;
        assert!(
            rows.contains(&vec!["4★".to_owned(), "≥ 74.9".to_owned()]),
            "{rows:?}"
        );
        let advice = goal_seek(pack(), &s, "reply_3min_pct", &Target::Stars(4.0)).unwrap();
        assert!(matches!(advice.outcome, GoalOutcome::Reach { value, .. } if value == 74.9));
        // The other levels, from the same goal seek; in Spanish with a decimal comma.
        let es = sensitivity_chart(&model, &s.values(pack()), "reply_3min_pct", Lang::Es).unwrap();
        let rows = es.summary(&PageFormat::new(pack(), Lang::Es)).rows;
        assert_eq!(rows[1], ["Puntuación", "3,56"]);
        assert_eq!(rows[2], ["Experiencia de consulta", "3,56"]);
        assert_eq!(rows[3], ["3,5★ · Riesgo de terminación", "✓"]);
        assert_eq!(rows[4], ["4★", "≥ 74,9"]);
    }

    #[test]
    fn no_score_draws_no_curve_and_not_applicable_gets_no_chart() {
        let model = Model::new(pack(), "general").unwrap();
        let none = vec![None; pack().metrics.len()];
        let c = sensitivity_chart(&model, &none, "reply_3min_pct", Lang::Zh).unwrap();
        assert!(c.overall.is_empty() && c.dimension.is_empty());
        assert_eq!(c.step_up(), None);
        let fmt = PageFormat::new(pack(), Lang::Zh);
        assert_eq!(c.summary(&fmt).rows, vec![vec!["暂无服务分".to_owned()]]);
        let e = breakdown(&model, &none);
        let d = dimension_chart(pack(), &e, None, Lang::Zh).unwrap();
        assert_eq!(d.summary(&fmt).rows, vec![vec!["暂无数据".to_owned()]]);

        let outdoor = Model::new(pack(), "outdoor_service").unwrap();
        assert!(!outdoor.applicable());
        let s = Scenario::from_json(
            r#"{"industry":"outdoor_service","metrics":{"reply_3min_pct":60}}"#,
        )
        .unwrap();
        let values = s.values(pack());
        assert!(sensitivity_chart(&outdoor, &values, "reply_3min_pct", Lang::Zh).is_none());
        let e = breakdown(&outdoor, &values);
        assert!(dimension_chart(pack(), &e, None, Lang::Zh).is_none());
    }

    #[test]
    fn lower_is_better_metrics_run_high_to_low_and_widen_to_the_value() {
        let mut s = Scenario::from_json(r#"{"metrics":{"quality_refund_pct":20}}"#).unwrap();
        let model = Model::new(pack(), "general").unwrap();
        let c =
            sensitivity_chart(&model, &s.values(pack()), "quality_refund_pct", Lang::Zh).unwrap();
        assert!(c.reverse_x);
        // Slider 0–15, value 20: the axis reaches the value.
        assert_eq!(c.x_range, (0.0, 20.0));
        assert_eq!(c.current, Some(20.0));
        // No data for the metric: a curve, no current value.
        s.set("quality_refund_pct", None);
        let c =
            sensitivity_chart(&model, &s.values(pack()), "quality_refund_pct", Lang::Zh).unwrap();
        assert_eq!(c.current, None);
        assert_eq!(c.x_range, (0.0, 15.0));
        assert!(c.overall.iter().all(|p| p.1.is_some()));
        assert!(sensitivity_chart(&model, &s.values(pack()), "nope", Lang::Zh).is_none());
    }

    #[test]
    fn dimension_bars_with_baseline() {
        let model = Model::new(pack(), "general").unwrap();
        let now = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":60,"ship_on_time_pct":97}}"#)
            .unwrap();
        let before = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":85}}"#).unwrap();
        let e = breakdown(&model, &now.values(pack()));
        let b = breakdown(&model, &before.values(pack()));
        let c = dimension_chart(pack(), &e, Some(&b), Lang::Zh).unwrap();
        assert_eq!(c.bars.len(), 5);
        assert_eq!(c.bars[0].current, None);
        assert!((c.bars[1].current.unwrap() - 4.4).abs() < 1e-9);
        assert_eq!(c.bars[1].baseline, None);
        assert!((c.bars[3].current.unwrap() - 3.56).abs() < 1e-9);
        assert!((c.bars[3].baseline.unwrap() - 4.4).abs() < 1e-9);
        assert_eq!(c.hlines.len(), 1);
        assert_eq!(
            (c.hlines[0].y, c.hlines[0].label.as_str()),
            (4.0, "每个维度 ≥ 4")
        );
        assert!(c.has_baseline());
        assert!(!dimension_chart(pack(), &e, None, Lang::Zh)
            .unwrap()
            .has_baseline());
    }

    #[test]
    fn projection_of_the_example_with_plan_a() {
        let records =
            DailyRecords::from_csv(include_str!("../www/examples/daily-example.csv")).unwrap();
        let model = Model::new(pack(), "general").unwrap();
        let w = Window::new(model);
        let history = History::from_records(pack(), &records);
        let start = parse_date("2026-11-21").unwrap();
        let plan_a = Scenario::from_json(
            r#"{"metrics":{"review_score":4.75,"quality_refund_pct":0.5,"pay_to_sign_hours":75,
            "ship_on_time_pct":98.5,"refund_only_hours":11,"return_refund_hours":104,
            "reply_3min_pct":92,"dispute_pct":0.07}}"#,
        )
        .unwrap();
        let p = w
            .project(&history, &Plan::hold(start, &plan_a), start, 180)
            .unwrap();
        let origin = start;
        let past = vec![(-2, Some(4.39)), (-1, None)];
        let c = projection_chart(pack(), &p, &past, origin, Lang::Zh);
        assert_eq!(c.days.len(), 182);
        assert_eq!(c.days[0], (-2, Some(4.39)));
        assert_eq!(c.days[2].0, 0);
        assert_eq!(c.today_label.as_deref(), Some("今天"));
        // 4.5 stars and the campaign gate on the same day: one mark, 40 days on (12-31).
        assert_eq!(c.marks.len(), 1);
        assert_eq!(c.marks[0].day, 40);
        assert_eq!(c.marks[0].label, "4.5★ · 可报名营销活动");
        let rows = c.summary(&PageFormat::new(pack(), Lang::Zh)).rows;
        assert!(rows.contains(&vec![
            "4.5★ · 可报名营销活动".to_string(),
            "2026-12-31".into()
        ]));
        // The order of the list: stars from the lowest, then thresholds in pack order.
        let order: Vec<&Target> = reach_order(&p).iter().map(|r| &r.target).collect();
        let th = |id: &str| Target::Threshold(id.into());
        assert_eq!(
            order,
            [
                &Target::Stars(3.5),
                &Target::Stars(4.0),
                &Target::Stars(4.5),
                &Target::Stars(5.0),
                &th("activity_signup"),
                &th("traffic_boost"),
                &th("termination_risk")
            ]
        );
        let risk = Target::Threshold("termination_risk".into());
        assert_eq!(target_label(pack(), &risk, Lang::Zh), "摆脱终止合作风险");
        assert_eq!(
            target_label(pack(), &risk, Lang::En),
            "a score clear of termination risk"
        );
        assert_eq!(
            target_label(pack(), &risk, Lang::Es),
            "una puntuación fuera del riesgo de terminación"
        );
        assert_eq!(
            target_label(pack(), &Target::Stars(4.5), Lang::En),
            "4.5 stars"
        );
        assert_eq!(
            target_label(pack(), &Target::Stars(4.5), Lang::Es),
            "4,5 estrellas"
        );
        // Without a past: no "today" rule.
        let c = projection_chart(pack(), &p, &[], origin, Lang::En);
        assert_eq!(c.today_label, None);
        assert_eq!(c.title, "Score published each day, next 180 days");
    }
}
