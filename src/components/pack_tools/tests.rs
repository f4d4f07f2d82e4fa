//! Tests of [`super`] (pack_tools).

use super::*;

#[test]
fn an_edited_table_is_checked_by_the_core_and_tagged_user() {
    let pack = RulePack::default_pack();
    let mut t = table_of(pack, "general");
    // review_score knots 3.0 4.2 4.5 4.7 4.8 4.9 5.0: raise the median to 4.75.
    t.get_mut("review_score").unwrap()[3] = 4.75;
    let p = edited(pack, "general", &t).unwrap();
    let k = &p.benchmarks["general"]["review_score"];
    assert_eq!(k.value[3], 4.75);
    assert_eq!(k.provenance, Provenance::User);
    assert_eq!(p.id, "xhs-2022-08-edited");
    assert!(p.title.zh.ends_with("（已编辑）"));
    // Untouched lists keep their provenance.
    assert_eq!(
        p.benchmarks["general"]["reply_3min_pct"].provenance,
        pack.benchmarks["general"]["reply_3min_pct"].provenance
    );
    // Editing the edited pack again keeps one suffix.
    let again = edited(&p, "general", &t).unwrap();
    assert_eq!(again.id, "xhs-2022-08-edited");
}

#[test]
fn a_knot_list_that_stops_rising_is_named_in_the_page_language() {
    let pack = RulePack::default_pack();
    let mut t = table_of(pack, "general");
    t.get_mut("review_score").unwrap()[3] = 4.4; // below P25's 4.5
    let e = edited(pack, "general", &t).unwrap_err();
    assert_eq!(e.place(), "benchmarks.general.review_score");
    let zh = problem_text(pack, "general", &e, Lang::Zh);
    assert!(zh.contains("商品评价分") || zh.contains("评价"), "{zh}");
    assert!(zh.contains("严格增大"), "{zh}");
    let es = problem_text(pack, "general", &e, Lang::Es);
    assert!(es.contains("crecer estrictamente"), "{es}");
    // A lower-is-better metric must fall.
    let mut t = table_of(pack, "general");
    let q = t.get_mut("quality_refund_pct").unwrap();
    q[2] = q[1] + 1.0;
    let e = edited(pack, "general", &t).unwrap_err();
    let en = problem_text(pack, "general", &e, Lang::En);
    assert!(en.contains("strictly decrease"), "{en}");
}
