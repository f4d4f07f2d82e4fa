//! Target: violation counts (JSON) and their tally.

use super::*;

pub(crate) fn counts_json() -> impl Strategy<Value = String> {
    let ids: Vec<String> = pack()
        .violations
        .items
        .iter()
        .map(|v| v.id.clone())
        .collect();
    let count = prop_oneof![
        6 => (0i64..10).prop_map(|n| n.to_string()),
        2 => select(vec![
            "-1", "0", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "18446744073709551615", "1.5", "1e2", "1.0", "-0", "\"3\"", "null", "true", "[]",
            "{}", "1e999", "NaN",
        ])
        .prop_map(str::to_string),
        1 => any::<i64>().prop_map(|n| n.to_string()),
    ];
    let doc = (
        json_map(id_entry(ids, count.boxed()), 8),
        prop_oneof![19 => Just(false), 1 => Just(true)],
        edits_in_10(2),
    )
        .prop_map(|(map, array, e)| {
            let mut t = if array {
                format!("[{}]", &map[1..map.len() - 1])
            } else {
                map
            };
            apply_edits(&mut t, &e);
            t
        });
    prop_oneof![1 => any_text(), 8 => doc]
}

#[test]
pub(crate) fn fuzz_violations() {
    fuzz(
        "violation counts JSON, tally",
        counts_json(),
        |text, stats| {
            let counts = match parse_counts(&text) {
                Err(e) => {
                    stats.bump("refused by the parser");
                    return check_error(&e, u64::MAX);
                }
                Ok(c) => c,
            };
            let rules = &pack().violations;
            let t = tally(rules, &counts);
            check(&t)?;
            let Ok(t) = t else {
                stats.bump("refused by the tally");
                return Ok(());
            };
            stats.bump("tallied");
            prop_assert_eq!(t.items.len(), rules.items.len());
            for item in &t.items {
                let each = u64::from(item.points_each.unwrap_or(0));
                prop_assert_eq!(item.points, item.count.saturating_mul(each));
            }
            prop_assert_eq!(
                t.serious_limit.reached,
                t.serious_points >= u64::from(t.serious_limit.points)
            );
            Ok(())
        },
    );
}
