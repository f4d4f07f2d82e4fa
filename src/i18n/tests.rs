//! Tests of the language helpers: codes, `fill`, plural choices, the core's refusals worded.

use super::*;

#[test]
fn codes_round_trip() {
    for l in Lang::ALL {
        assert_eq!(Lang::from_code(l.code()), Some(l));
    }
    assert_eq!(Lang::from_code("fr"), None);
}

#[test]
fn fill_puts_values_and_plural_choices() {
    assert_eq!(
        fill(Text::NotMetBy.get(Lang::En), &[("x", "0.12")]),
        "0.12 below"
    );
    assert_eq!(fill("{n} {n:row|rows}", &[("n", "1")]), "1 row");
    assert_eq!(fill("{n} {n:row|rows}", &[("n", "0")]), "0 rows");
    // A value is never scanned for placeholders; an unknown name stays as written.
    assert_eq!(fill("{a} {b}", &[("a", "{b}")]), "{b} {b}");
    assert_eq!(fill("{a", &[("a", "x")]), "{a");
    assert_eq!(placeholder_names("{n} {n:a|b} {name}"), vec!["n", "name"]);
}

/// A refusal the core words in English reaches zh and es readers as the page's sentence with
/// the place only (the outlook and the deadline planner under a user's pack).
#[test]
fn core_refusals_are_worded_in_the_page_language() {
    let pack = servicescore::RulePack::default_pack();
    let Err(unknown) = servicescore::Model::new(pack, "no_such_industry") else {
        panic!("an unknown industry is refused");
    };
    assert_eq!(
        core_problem_text(&unknown, Lang::Zh),
        "规则包中没有所选行业"
    );
    assert_eq!(
        core_problem_text(&unknown, Lang::Es),
        "el paquete de reglas no tiene ese sector"
    );
    assert_eq!(
        core_problem_text(&unknown, Lang::En),
        "industry: unknown industry \"no_such_industry\""
    );
    let field = servicescore::Error::field(
        "steps[0].metrics.reply_3min_pct",
        "120 is out of range 0–100",
    );
    assert_eq!(
        core_problem_text(&field, Lang::Zh),
        "规则包不接受“steps[0].metrics.reply_3min_pct”处的值"
    );
    assert_eq!(
        core_problem_text(&field, Lang::Es),
        "el paquete de reglas no acepta el valor en «steps[0].metrics.reply_3min_pct»"
    );
}
