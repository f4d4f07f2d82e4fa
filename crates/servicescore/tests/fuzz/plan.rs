//! Target: projection plans (JSON) and the projection.

use super::*;

pub(crate) const ODD_PLAN_DATES: &[&str] = &[
    "\"2026-12-01\"",
    "\"2026-12-02\"",
    "\"2027-01-01\"",
    "\"0000-01-01\"",
    "\"9999-12-31\"",
    "\"2023-02-29\"",
    "\"2024-02-29\"",
    "\"0000-00-00\"",
    "\"99999-01-01\"",
    "\"2026-13-01\"",
    "\"\"",
    "null",
    "20261201",
    "\"2026-12-01T00:00\"",
];

pub(crate) fn plan_json() -> impl Strategy<Value = String> {
    let ids: Vec<String> = pack().metrics.iter().map(|m| m.id.clone()).collect();
    let date = prop_oneof![
        // Increasing dates from the start day, mostly.
        6 => (0u32..400).prop_map(|k| {
            let d = Date::constant(2026, 12, 1)
                .checked_add(SignedDuration::from_hours(24 * i64::from(k)))
                .unwrap_or(Date::MAX);
            format!("\"{d}\"")
        }),
        1 => select(ODD_PLAN_DATES).prop_map(str::to_string),
    ];
    let step = (
        date,
        proptest::option::weighted(0.9, json_map(metric_entry(), 5)),
        prop_oneof![15 => Just(false), 1 => Just(true)],
    )
        .prop_map(|(from, metrics, extra)| {
            let mut f = vec![format!("\"from\": {from}")];
            f.extend(metrics.map(|m| format!("\"metrics\": {m}")));
            if extra {
                f.push("\"until\": 1".to_string());
            }
            format!("{{{}}}", f.join(", "))
        });
    let volume = prop_oneof![
        4 => (1u32..500).prop_map(|v| v.to_string()),
        1 => select(vec!["0", "-1", "1e308", "5e-324", "1e999", "\"40\"", "null"])
            .prop_map(str::to_string),
    ];
    let steps = vec(step, 0..4).prop_map(|mut steps| {
        // Dates in order, mostly (sorting the text of `"YYYY-MM-DD"` sorts the dates).
        if steps.len() % 2 == 0 {
            steps.sort();
        }
        format!("\"steps\": [{}]", steps.join(", "))
    });
    let fields = vec![
        proptest::option::weighted(0.95, steps).boxed(),
        proptest::option::weighted(0.4, json_map(id_entry(ids, volume.boxed()), 3))
            .prop_map(|v| v.map(|v| format!("\"volumes\": {v}")))
            .boxed(),
        odd_field(vec![
            "\"steps\": null",
            "\"steps\": {}",
            "\"extra\": 1",
            "\"steps\": []",
        ]),
    ];
    prop_oneof![1 => any_text(), 8 => json_doc(fields)]
}

#[test]
pub(crate) fn fuzz_plan() {
    let horizons = prop_oneof![
        200 => 0usize..40,
        1 => Just(MAX_DAYS),
        1 => Just(MAX_DAYS + 1),
        1 => Just(usize::MAX),
    ];
    let strategy = (plan_json(), edge_day(), horizons, any::<bool>());
    fuzz(
        "plan JSON, projection",
        strategy,
        |(text, start, horizon, with_history), stats| {
            let plan = match Plan::from_json(&text) {
                Err(e) => {
                    stats.bump("refused by the parser");
                    return check_error(&e, u64::MAX);
                }
                Ok(p) => p,
            };
            let pack = pack();
            let model = Model::new(pack, "general").expect("the default pack has general");
            let history = if with_history {
                let mut s = Scenario::default();
                s.set("reply_3min_pct", Some(70.0));
                History::from_scenario(pack, &s, start).expect("a valid scenario")
            } else {
                History::new(pack)
            };
            let p = project(&model, &history, &plan, start, horizon);
            check(&p)?;
            if let Ok(p) = &p {
                stats.bump("projected");
                for d in &p.days {
                    check_score("projection", d.score, pack)?;
                }
            }
            Ok(())
        },
    );
}
