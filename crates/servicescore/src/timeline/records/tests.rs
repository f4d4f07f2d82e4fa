//! Unit tests of `servicescore::timeline::records`.

use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

#[test]
fn records_built_in_code_are_checked() {
    let d = Date::constant(2026, 5, 1);
    let mut r = DailyRecord::new(d);
    r.set("ship_due", 100.0).unwrap();
    r.set("shipped_on_time", 120.0).unwrap();
    assert_eq!(
        DailyRecords::new(vec![r]).unwrap_err().to_string(),
        "2026-05-01.shipped_on_time: 120 is more than ship_due (100)"
    );
    r.set("shipped_on_time", -1.0).unwrap();
    assert!(DailyRecords::new(vec![r])
        .unwrap_err()
        .to_string()
        .starts_with("2026-05-01.shipped_on_time: -1 is negative"));
    r.set("shipped_on_time", 90.0).unwrap();
    assert_eq!(
        DailyRecords::new(vec![r, r]).unwrap_err().to_string(),
        "date: 2026-05-01 appears twice"
    );
    assert_eq!(
        r.set("orders", 1.0).unwrap_err().to_string(),
        "orders: unknown daily column"
    );
}

fn record_strategy() -> impl Strategy<Value = DailyRecord> {
    (
        0i64..400,
        prop::collection::vec(0u32..500, N),
        any::<bool>(),
    )
        .prop_map(|(day, raw, excluded)| {
            let date = crate::dates::date_of(20_000 + day).unwrap();
            let mut r = DailyRecord::new(date);
            r.excluded = excluded;
            for (i, v) in raw.iter().enumerate() {
                r.counts[i] = f64::from(*v) / 4.0;
            }
            // Make the counts agree, whatever was drawn.
            for b in &BOUNDS {
                let (i, j) = (column_index(b.column).unwrap(), column_index(b.of).unwrap());
                let o = r.counts[j];
                r.counts[i] = if b.max.is_finite() {
                    (r.counts[i]).clamp(b.min * o, b.max * o)
                } else if o == 0.0 {
                    0.0
                } else {
                    r.counts[i]
                };
            }
            r
        })
}

proptest! {
    #[test]
    fn csv_round_trip(records in prop::collection::vec(record_strategy(), 0..20)) {
        let mut by_date = BTreeMap::new();
        for r in records {
            by_date.insert(r.date, r);
        }
        let records = DailyRecords::new(by_date.into_values().collect()).unwrap();
        let again = DailyRecords::from_csv(&records.to_csv()).unwrap();
        prop_assert_eq!(again, records);
    }
}
