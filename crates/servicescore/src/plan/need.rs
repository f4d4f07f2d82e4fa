//! What a target asks of the raw (unrounded) scores: lower bounds on the overall score and on
//! dimension scores, one set per way of reaching it.
//!
//! Stars and thresholds are judged on displayed scores, rounded half away from zero at the
//! pack's decimals; "displayed ≥ k/10^d" is "raw ≥ (k − ½)/10^d" up to the display's 1e-9
//! snapping of float noise. A bound is set a hair (0.4e-9 of a display unit) above the exact
//! edge, so a plan found against it is also met when `eval` rounds it; the plan's final check
//! uses `eval`'s own judgement anyway.
//!
//! - `score:x` and `stars:x`: the overall score (a star level is the least score of its band).
//! - A gate: all its conditions. A condition that improving can only break (a gate's
//!   `score ≤ x`) cannot be planned for: [`needs`] refuses it unless it already fails (then
//!   the gate is out of reach).
//! - A risk: escaping it breaks any one condition: one alternative per condition (per
//!   dimension for an every-dimension condition). Breaking `score ≥ x` needs a lower score,
//!   which improvements never give: such alternatives are dropped.

use crate::error::{Error, Result};
use crate::eval::{Model, Scores};
use crate::goal::Target;
use crate::rulepack::{Op, Subject, ThresholdDef, ThresholdKind, MAX_DIMENSIONS};

/// Lower bounds on raw scores that together reach a target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Need {
    /// Least raw overall score.
    pub(crate) overall: Option<f64>,
    /// Least raw score per dimension, pack order (only present dimensions are bounded).
    pub(crate) dims: [Option<f64>; MAX_DIMENSIONS],
}

impl Need {
    fn none() -> Need {
        Need {
            overall: None,
            dims: [None; MAX_DIMENSIONS],
        }
    }

    fn overall(bound: f64) -> Need {
        Need {
            overall: Some(bound),
            ..Need::none()
        }
    }
}

fn raise(slot: &mut Option<f64>, bound: f64) {
    *slot = Some(slot.map_or(bound, |b| b.max(bound)));
}

/// The least raw score whose display (at `decimals`) satisfies `op value`, for `≥` and `>`.
pub(crate) fn raw_bound(op: Op, value: f64, decimals: u32) -> f64 {
    let f = 10f64.powi(decimals as i32);
    let scaled = value * f;
    if scaled.is_nan() || scaled.abs() >= 1e15 {
        return if scaled > 0.0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
    }
    // The displayed values are k / f for integers k; the least one that holds.
    let mut k = scaled.floor() - 2.0;
    while !op.holds(k / f, value) {
        k += 1.0;
    }
    (k - 0.5 - 0.1e-9) / f
}

fn flip(op: Op) -> Op {
    match op {
        Op::Ge => Op::Lt,
        Op::Gt => Op::Le,
        Op::Le => Op::Gt,
        Op::Lt => Op::Ge,
    }
}

fn rises(op: Op) -> bool {
    matches!(op, Op::Ge | Op::Gt)
}

/// The ways `target` can be reached, each a set of lower bounds (empty: out of reach; one
/// without bounds: reached whenever there is a score). `now` are the current scores, which
/// do not reach the target.
///
/// # Errors
///
/// `target: threshold "x" cannot be planned: ...` for a gate with a condition that
/// improvements can only break and that holds now.
pub(crate) fn needs(model: &Model<'_>, target: &Target, now: &Scores) -> Result<Vec<Need>> {
    let pack = model.pack();
    let decimals = pack.score.decimals.value;
    Ok(match target {
        Target::Score(x) => vec![Need::overall(raw_bound(Op::Ge, *x, decimals))],
        Target::Stars(x) => {
            if *x <= pack.stars.floor.value {
                vec![Need::none()]
            } else {
                // Bands run from the highest: the last one with enough stars is the lowest.
                match pack.stars.bands.value.iter().rfind(|b| b.stars >= *x) {
                    Some(b) => vec![Need::overall(raw_bound(Op::Ge, b.min_score, decimals))],
                    None => Vec::new(),
                }
            }
        }
        Target::Threshold(id) => match pack.threshold(id) {
            Some(t) if t.kind == ThresholdKind::Gate => gate(model, t, now)?,
            Some(t) => escape(model, t),
            None => Vec::new(),
        },
    })
}

fn gate(model: &Model<'_>, t: &ThresholdDef, now: &Scores) -> Result<Vec<Need>> {
    let decimals = model.pack().score.decimals.value;
    let mut need = Need::none();
    for c in &t.conditions {
        if rises(c.op) {
            let b = raw_bound(c.op, c.value, decimals);
            match c.subject {
                Subject::Score => raise(&mut need.overall, b),
                Subject::EveryDimension => {
                    for (j, d) in now.dims.iter().enumerate() {
                        if d.is_some() {
                            raise(&mut need.dims[j], b);
                        }
                    }
                }
            }
            continue;
        }
        let holds_now = now.overall.is_some_and(|s| {
            let shown = |x: f64| c.op.holds(model.display(x), c.value);
            match c.subject {
                Subject::Score => shown(s),
                Subject::EveryDimension => now.dims.iter().flatten().all(|d| shown(*d)),
            }
        });
        if !holds_now {
            // Improvements only lower its chances: the gate is out of reach.
            return Ok(Vec::new());
        }
        let subject = match c.subject {
            Subject::Score => "the score",
            Subject::EveryDimension => "every dimension",
        };
        return Err(Error::field(
            "target",
            format!(
                "threshold \"{}\" cannot be planned: its condition {subject} {} {} can only \
                 be lost by improving metrics",
                t.id,
                c.op.symbol(),
                crate::display::fmt_num(c.value)
            ),
        ));
    }
    Ok(vec![need])
}

fn escape(model: &Model<'_>, t: &ThresholdDef) -> Vec<Need> {
    let pack = model.pack();
    let decimals = pack.score.decimals.value;
    let mut out = Vec::new();
    for c in &t.conditions {
        let op = flip(c.op);
        if !rises(op) {
            continue;
        }
        let b = raw_bound(op, c.value, decimals);
        match c.subject {
            Subject::Score => out.push(Need::overall(b)),
            Subject::EveryDimension => {
                for j in 0..pack.dimensions.len() {
                    let mut n = Need::none();
                    n.dims[j] = Some(b);
                    out.push(n);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::round_display;
    use crate::RulePack;

    #[test]
    fn bounds_sit_just_above_the_rounding_edge() {
        let b = raw_bound(Op::Ge, 4.5, 2);
        assert!(b < 4.495 && b > 4.495 - 1e-11, "{b}");
        assert_eq!(round_display(b, 2), 4.5);
        assert_eq!(round_display(b - 1e-11, 2), 4.49);
        // "> 4.5" on a 2-decimal display is "≥ 4.51".
        assert!((raw_bound(Op::Gt, 4.5, 2) - 4.505).abs() < 1e-11);
        // One decimal: "≥ 4.5" is raw ≥ 4.45.
        assert!((raw_bound(Op::Ge, 4.5, 1) - 4.45).abs() < 1e-10);
        assert_eq!(raw_bound(Op::Ge, 1e300, 2), f64::INFINITY);
    }

    #[test]
    fn targets_become_bounds() {
        let pack = RulePack::default_pack();
        let model = Model::new(pack, "general").unwrap();
        let now = model.scores(&[Some(4.6), None, None, None, None, None, Some(70.0), None]);
        let n = needs(&model, &Target::Stars(4.5), &now).unwrap();
        assert_eq!(n.len(), 1);
        assert!((n[0].overall.unwrap() - 4.495).abs() < 1e-11);
        assert_eq!(
            needs(&model, &Target::Stars(3.0), &now).unwrap(),
            vec![Need::none()]
        );
        assert!(needs(&model, &Target::Stars(6.0), &now).unwrap().is_empty());
        let gate = needs(&model, &Target::Threshold("activity_signup".into()), &now).unwrap();
        // Product and consultation have data: both need 4.0 (raw 3.995).
        assert!((gate[0].dims[0].unwrap() - 3.995).abs() < 1e-11);
        assert!((gate[0].dims[3].unwrap() - 3.995).abs() < 1e-11);
        assert_eq!(gate[0].dims[1], None);
        let risk = needs(&model, &Target::Threshold("termination_risk".into()), &now).unwrap();
        assert!((risk[0].overall.unwrap() - 3.495).abs() < 1e-11);
    }

    #[test]
    fn a_gate_that_improvements_break_is_refused() {
        let mut v: serde_json::Value =
            serde_json::from_str(crate::rulepack::DEFAULT_PACK_JSON).unwrap();
        v["thresholds"][1]["conditions"][0]["op"] = "<=".into();
        let pack = RulePack::from_json(&v.to_string()).unwrap();
        let model = Model::new(&pack, "general").unwrap();
        let now = model.scores(&[None, None, None, None, None, None, Some(70.0), None]);
        let e = needs(&model, &Target::Threshold("traffic_boost".into()), &now).unwrap_err();
        assert_eq!(
            e.to_string(),
            "target: threshold \"traffic_boost\" cannot be planned: its condition the score \
             ≤ 4.8 can only be lost by improving metrics"
        );
        let high = model.scores(&[None, None, None, None, None, None, Some(99.0), None]);
        assert!(
            needs(&model, &Target::Threshold("traffic_boost".into()), &high)
                .unwrap()
                .is_empty()
        );
    }
}
