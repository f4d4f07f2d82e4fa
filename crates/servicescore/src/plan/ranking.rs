//! "What helps most" by comparable effort (投入产出排行): each metric moved by the same
//! effort as plans measure it ([`EQUAL_EFFORT`] of its benchmark span, divided by the user's
//! weight), clipped at its best slider value, and ranked by the score gained per unit of
//! effort.
//!
//! It replaces ranking by one "standard step" per metric (+0.1 review point against +1 % of
//! reply rate, which are not comparable efforts): here every metric is offered the same
//! budget, 5 % of the way from the industry's worst to its best, so the ranking says where a
//! given effort buys the most score.

use serde::Serialize;

use super::{Moves, PlanOptions};
use crate::error::Result;
use crate::eval::{Model, Scenario};
use crate::rulepack::{Better, MetricDef, RulePack};
use crate::sensitivity::{rank_metrics, Trials};

/// The effort every metric is offered: 5 % of its benchmark span (at weight 1).
pub const EQUAL_EFFORT: f64 = 0.05;

/// What one metric gains for [`EQUAL_EFFORT`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EffortGain {
    /// Metric id.
    pub metric: String,
    /// Current value.
    pub from: f64,
    /// Value after spending the effort (clipped at the slider's best end).
    pub to: f64,
    /// Effort spent (less than [`EQUAL_EFFORT`] when clipped).
    pub effort: f64,
    /// Raw overall-score gain.
    pub gain: f64,
    /// `gain / effort` (0 when nothing can be spent): the ranking key.
    pub gain_per_effort: f64,
    /// Raw gain of the metric's dimension.
    pub dimension_gain: f64,
}

/// Ranks the metrics with data by score gained per unit of effort, best first.
///
/// # Errors
///
/// An invalid scenario or options.
pub fn effort_ranking(
    pack: &RulePack,
    scenario: &Scenario,
    options: &PlanOptions,
) -> Result<Vec<EffortGain>> {
    scenario.validate(pack)?;
    let moves = options.moves(pack)?;
    let model = Model::new(pack, &scenario.industry)?;
    Ok(rank_by_effort(&model, &scenario.values(pack), &moves))
}

/// [`effort_ranking`] on validated values (pack metric order); metrics `moves` does not allow
/// are left out. Equal gains keep the pack's order.
pub fn rank_by_effort(model: &Model<'_>, values: &[Option<f64>], moves: &Moves) -> Vec<EffortGain> {
    let pack = model.pack();
    let entry = |i, m: &MetricDef, from: f64, trials: &mut Trials<'_, '_>| {
        if !moves.allows(i) {
            return None;
        }
        let knots = pack.knots(&model.industry().id, &m.id)?;
        let span = (knots.value[knots.value.len() - 1] - knots.value[0]).abs();
        let rate = moves.weight(i) / span;
        let (sign, best) = match m.better {
            Better::Higher => (1.0, m.slider.max),
            Better::Lower => (-1.0, m.slider.min),
        };
        let reach = from + sign * EQUAL_EFFORT / rate;
        let to = if sign * (best - from) <= 0.0 {
            from
        } else if sign * (reach - best) > 0.0 {
            best
        } else {
            (reach * 1e9).round() / 1e9
        };
        let (gain, dimension_gain) = trials.gains(i, to);
        let effort = rate * (to - from).abs();
        Some(EffortGain {
            metric: m.id.clone(),
            from,
            to,
            effort,
            gain,
            gain_per_effort: if effort > 0.0 { gain / effort } else { 0.0 },
            dimension_gain,
        })
    };
    rank_metrics(model, values, entry, |g| g.gain_per_effort)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_effort_compares_what_steps_cannot() {
        let pack = RulePack::default_pack();
        let s = Scenario::from_json(
            r#"{"metrics":{"review_score":4.6,"quality_refund_pct":1.2,"pay_to_sign_hours":90,
            "ship_on_time_pct":95,"refund_only_hours":24,"return_refund_hours":120,
            "reply_3min_pct":70,"dispute_pct":0.2}}"#,
        )
        .unwrap();
        let r = effort_ranking(pack, &s, &PlanOptions::default()).unwrap();
        assert_eq!(r.len(), 8);
        let get = |id: &str| r.iter().find(|g| g.metric == id).unwrap();
        // 5 % of each span: review +0.1 (span 2), reply +5 pp (span 100), disputes −0.1 pp.
        assert!((get("review_score").to - 4.7).abs() < 1e-12);
        assert!((get("reply_3min_pct").to - 75.0).abs() < 1e-12);
        assert!((get("dispute_pct").to - 0.1).abs() < 1e-12);
        assert!(r.iter().all(|g| (g.effort - EQUAL_EFFORT).abs() < 1e-12));
        // Reply 70 → 75 %: p 0.25 → 1/3 (70 and 85 are the p25 and p50 knots), points
        // 3.8 → 4.0, consultation +0.2, a fifth of it in the score: +0.04.
        assert!((get("reply_3min_pct").gain - 0.04).abs() < 1e-9);
        assert!(r
            .windows(2)
            .all(|w| w[0].gain_per_effort >= w[1].gain_per_effort));
        // A heavier weight halves the budget in value and lowers the metric's rank.
        let heavy = PlanOptions {
            costs: [("reply_3min_pct".to_string(), 2.0)].into(),
            ..PlanOptions::default()
        };
        let r2 = effort_ranking(pack, &s, &heavy).unwrap();
        let reply = r2.iter().find(|g| g.metric == "reply_3min_pct").unwrap();
        assert!((reply.to - 72.5).abs() < 1e-12);
    }

    #[test]
    fn clipped_at_the_best_end() {
        let pack = RulePack::default_pack();
        let s = Scenario::from_json(r#"{"metrics":{"ship_on_time_pct":99,"reply_3min_pct":100}}"#)
            .unwrap();
        let r = effort_ranking(pack, &s, &PlanOptions::default()).unwrap();
        let ship = r.iter().find(|g| g.metric == "ship_on_time_pct").unwrap();
        assert_eq!(ship.to, 100.0);
        assert!((ship.effort - 0.02).abs() < 1e-12);
        let reply = r.iter().find(|g| g.metric == "reply_3min_pct").unwrap();
        assert_eq!(
            (reply.to, reply.effort, reply.gain_per_effort),
            (100.0, 0.0, 0.0)
        );
        assert_eq!(r.last().unwrap().metric, "reply_3min_pct");
    }
}
