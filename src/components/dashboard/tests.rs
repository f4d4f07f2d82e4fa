//! Tests of [`super`] (dashboard).

use super::*;
use crate::test_support::medians;
use servicescore::calibrate::DashboardErrorKind;
use servicescore::RulePack;

#[test]
fn field_ids_keep_the_first_days_names() {
    assert_eq!(field_id(0, "score"), "dash-score");
    assert_eq!(field_id(1, "dim-product"), "dash-2-dim-product");
}

#[test]
fn refusals_are_worded_naming_the_field() {
    let pack = RulePack::default_pack();
    let s = medians(pack);
    let mut f = Form::prefill(pack, &s);
    f.days[0].score = Some(4.9); // dimensions all 4.40: not their weighted mean
    let e = run(pack, "general", &f).unwrap_err();
    assert!(matches!(e.kind, DashboardErrorKind::NotWeightedMean { .. }));
    let zh = problem_text(pack, &e, 1, Lang::Zh);
    assert!(zh.starts_with("服务分："), "{zh}");
    assert!(zh.contains("加权平均"), "{zh}");
    let es = problem_text(pack, &e, 1, Lang::Es);
    assert!(es.starts_with("Puntuación general: 4,9"), "{es}");

    let mut f = Form::prefill(pack, &s);
    f.days[0].date = "20.11.2026".into();
    let e = run(pack, "general", &f).unwrap_err();
    let en = problem_text(pack, &e, 1, Lang::En);
    assert!(
        en.starts_with("Date (YYYY-MM-DD): “20.11.2026” is not a date"),
        "{en}"
    );

    let mut f = Form::prefill(pack, &s);
    let d = pack.dimensions[0].clone();
    f.days[0].dimensions.insert(d.id.clone(), Some(5.3));
    let e = run(pack, "general", &f).unwrap_err();
    let zh = problem_text(pack, &e, 1, Lang::Zh);
    assert!(zh.starts_with(&format!("{}：5.3 超出", d.names.zh)), "{zh}");

    // With several days, the day is named; a rank without the metric's value is refused.
    let mut f = Form::prefill(pack, &s);
    f.add_day();
    f.days[1].score = Some(4.4);
    f.days[1].metrics.insert("reply_3min_pct".into(), None);
    f.days[1].ranks.insert("reply_3min_pct".into(), Some(62.0));
    let e = run(pack, "general", &f).unwrap_err();
    let en = problem_text(pack, &e, 2, Lang::En);
    assert_eq!(
        en,
        "Day 2 · 3-minute reply rate rank: a rank is given for a metric without a value."
    );
}
