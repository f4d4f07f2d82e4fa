//! Tests of [`super`] (projection).

use super::*;

#[test]
fn excluded_dates_are_listed_up_to_five() {
    let d = |s| servicescore::timeline::parse_date(s).unwrap_or_default();
    let two = [d("2026-07-03"), d("2026-09-15")];
    assert_eq!(excluded_dates(&two, Lang::En), ": 2026-07-03, 2026-09-15");
    assert_eq!(excluded_dates(&two, Lang::Zh), "：2026-07-03、2026-09-15");
    assert_eq!(excluded_dates(&[], Lang::Zh), "");
    let many: Vec<Date> = (0..7).map(|k| add_days(d("2026-07-03"), k)).collect();
    assert!(excluded_dates(&many, Lang::Es).ends_with("2026-07-07, …"));
}
