//! Unit tests of `servicescore::goal`.

use super::*;
use crate::eval::evaluate;

fn pack() -> &'static RulePack {
    RulePack::default_pack()
}

fn scenario(j: &str) -> Scenario {
    Scenario::from_json(j).unwrap()
}

#[test]
fn reply_rate_to_four_stars() {
    let s = scenario(r#"{"metrics":{"reply_3min_pct":60}}"#);
    let g = goal_seek(pack(), &s, "reply_3min_pct", &Target::Stars(4.0)).unwrap();
    // 4.0 points need p = 1/3, i.e. 75 %; but stars are judged on the displayed score and
    // 74.9 % gives 3.996 → "4.00". One grid step less (74.8 %: 3.9936 → "3.99") does not.
    match g.outcome {
        GoalOutcome::Reach {
            value,
            change,
            ref display_score,
            ..
        } => {
            assert_eq!(value, 74.9);
            assert_eq!(change, Some(14.9));
            assert_eq!(display_score, "4.00");
        }
        ref o => panic!("{o:?}"),
    }
    let mut s2 = s.clone();
    s2.set("reply_3min_pct", Some(74.8));
    assert_eq!(evaluate(pack(), &s2).unwrap().stars, Some(3.5));
}

#[test]
fn lower_is_better_metrics_move_down() {
    let s = scenario(r#"{"metrics":{"pay_to_sign_hours":120}}"#);
    let g = goal_seek(pack(), &s, "pay_to_sign_hours", &Target::Score(4.4)).unwrap();
    assert_eq!(
        g.outcome,
        GoalOutcome::Reach {
            value: 84.0,
            change: Some(-36.0),
            score: 4.4,
            display_score: "4.40".into()
        }
    );
}

#[test]
fn already_met_and_unreachable() {
    let s = scenario(r#"{"metrics":{"reply_3min_pct":99,"dispute_pct":2}}"#);
    let g = goal_seek(pack(), &s, "reply_3min_pct", &Target::Stars(3.0)).unwrap();
    assert_eq!(g.outcome, GoalOutcome::AlreadyMet);
    // Disputes at 3.0 points cap the mean at 4.0: five stars cannot be reached by replies.
    let g = goal_seek(pack(), &s, "reply_3min_pct", &Target::Stars(5.0)).unwrap();
    assert!(
        matches!(g.outcome, GoalOutcome::Unreachable { best_value, .. } if best_value == 100.0)
    );
    // Activity sign-up also needs every dimension ≥ 4.0.
    let g = goal_seek(
        pack(),
        &s,
        "reply_3min_pct",
        &Target::Threshold("activity_signup".into()),
    )
    .unwrap();
    assert!(matches!(g.outcome, GoalOutcome::Unreachable { .. }));
    assert!(g.summary().contains("unreachable"));
}

#[test]
fn escaping_a_risk() {
    let s = scenario(r#"{"metrics":{"reply_3min_pct":10}}"#);
    let g = goal_seek(
        pack(),
        &s,
        "reply_3min_pct",
        &Target::Threshold("termination_risk".into()),
    )
    .unwrap();
    match g.outcome {
        GoalOutcome::Reach {
            value,
            display_score,
            ..
        } => {
            assert_eq!(display_score, "3.50");
            // 3.5 points: p = 0.15625 → 57.5 %; 57.3 % gives 3.4988 → "3.50" already.
            assert_eq!(value, 57.3);
        }
        o => panic!("{o:?}"),
    }
}

#[test]
fn metric_without_data_starts_at_the_worst_end() {
    let s = scenario(r#"{"metrics":{"reply_3min_pct":60}}"#);
    let g = goal_seek(pack(), &s, "ship_on_time_pct", &Target::Score(4.0)).unwrap();
    assert_eq!(g.from, None);
    let GoalOutcome::Reach { value, change, .. } = g.outcome else {
        panic!()
    };
    assert_eq!(change, None);
    // mean(3.56, x) ≥ 4.0 → x ≥ 4.44 points.
    let mut s2 = s.clone();
    s2.set("ship_on_time_pct", Some(value));
    assert!(evaluate(pack(), &s2).unwrap().score.unwrap() >= 3.995);
}

#[test]
fn target_parsing() {
    assert_eq!(
        Target::parse("score:4.5", pack()).unwrap(),
        Target::Score(4.5)
    );
    assert_eq!(
        Target::parse("stars:5", pack()).unwrap(),
        Target::Stars(5.0)
    );
    assert_eq!(
        Target::parse("traffic_boost", pack()).unwrap(),
        Target::Threshold("traffic_boost".into())
    );
    assert_eq!(
        Target::parse("score:high", pack()).unwrap_err().to_string(),
        "target: \"high\" is not a number"
    );
    assert!(Target::parse("threshold:vip", pack())
        .unwrap_err()
        .to_string()
        .starts_with("target: unknown threshold \"vip\""));
    assert_eq!(
        Target::parse("stars:4.7", pack()).unwrap_err().to_string(),
        "target: 4.7 is not a star level (levels: 3, 3.5, 4, 4.5, 5)"
    );
    assert_eq!(
        Target::parse("stars:3", pack()).unwrap(),
        Target::Stars(3.0)
    );
    let s = scenario(r#"{"metrics":{"reply_3min_pct":60}}"#);
    assert!(goal_seek(pack(), &s, "reply_3min_pct", &Target::Stars(4.2)).is_err());
}

#[test]
fn targets_round_trip_through_their_text() {
    for (t, text) in [
        (Target::Score(4.5), "score:4.5"),
        (Target::Score(4.0), "score:4"),
        (Target::Stars(4.5), "stars:4.5"),
        (Target::Stars(5.0), "stars:5"),
        (
            Target::Threshold("activity_signup".into()),
            "threshold:activity_signup",
        ),
    ] {
        assert_eq!(t.to_string(), text);
        assert_eq!(Target::parse(text, pack()).unwrap(), t);
    }
}
