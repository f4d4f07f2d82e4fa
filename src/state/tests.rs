//! Tests of [`super`] (state).

use super::*;

fn defaults() -> State {
    State::defaults(PackRef::default_pack())
}

#[test]
fn defaults_are_the_general_medians() {
    let s = defaults();
    let r = servicescore::evaluate(&s.pack, &s.scenario()).unwrap();
    assert_eq!(r.display_score.as_deref(), Some("4.40"));
}

#[test]
fn out_of_range_values_are_ignored_and_absent_values_kept() {
    let mut s = defaults();
    s.apply(Action::SetValue("reply_3min_pct".into(), 120.0));
    s.apply(Action::SetValue("reply_3min_pct".into(), f64::NAN));
    assert_eq!(s.values["reply_3min_pct"], 85.0);
    s.apply(Action::SetValue("reply_3min_pct".into(), 62.5));
    s.apply(Action::SetPresent("reply_3min_pct".into(), false));
    assert_eq!(s.scenario().value("reply_3min_pct"), None);
    s.apply(Action::SetPresent("reply_3min_pct".into(), true));
    assert_eq!(s.scenario().value("reply_3min_pct"), Some(62.5));
}

#[test]
fn dimension_toggle_and_save_restore() {
    let mut s = defaults();
    s.apply(Action::SetDimensionPresent("disputes".into(), false));
    assert_eq!(s.scenario().value("dispute_pct"), None);
    s.apply(Action::Save);
    s.apply(Action::SetDimensionPresent("disputes".into(), true));
    s.apply(Action::SetValue("ship_on_time_pct".into(), 90.0));
    s.apply(Action::RestoreSaved);
    assert_eq!(s.scenario().value("dispute_pct"), None);
    assert_eq!(s.scenario().value("ship_on_time_pct"), Some(97.0));
    assert_eq!(s.notices.len(), 2);
    let id = s.notices[0].id;
    s.apply(Action::Dismiss(id));
    assert_eq!(s.notices.len(), 1);
}

#[test]
fn reset_to_medians_can_be_undone_until_the_offer_is_dismissed() {
    let mut s = defaults();
    s.apply(Action::SetValue("reply_3min_pct".into(), 62.5));
    s.apply(Action::SetPresent("dispute_pct".into(), false));
    s.apply(Action::ResetMedians);
    assert_eq!(s.values["reply_3min_pct"], 85.0);
    assert!(s.absent.is_empty());
    s.apply(Action::UndoReset);
    assert_eq!(s.values["reply_3min_pct"], 62.5);
    assert!(s.absent.contains("dispute_pct"));
    assert!(s.notices.is_empty());
    s.apply(Action::ResetMedians);
    let id = s.notices[0].id;
    s.apply(Action::Dismiss(id));
    assert_eq!(s.undo, None);
}

#[test]
fn applied_plans_set_every_value_and_skip_bad_ones() {
    let mut s = defaults();
    s.apply(Action::SetValues(vec![
        ("reply_3min_pct".into(), 88.5),
        ("ship_on_time_pct".into(), 99.0),
        ("nope".into(), 1.0),
        ("review_score".into(), 9.0),
    ]));
    assert_eq!(s.values["reply_3min_pct"], 88.5);
    assert_eq!(s.values["ship_on_time_pct"], 99.0);
    assert_eq!(s.values["review_score"], 4.7);
}

#[test]
fn views_have_codes() {
    for v in View::ALL {
        assert_eq!(View::from_code(v.code()), Some(v));
    }
    assert_eq!(View::from_code("CS"), Some(View::CustomerService));
    assert_eq!(View::from_code("charts"), None);
}
