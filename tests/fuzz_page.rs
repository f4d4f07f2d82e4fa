//! Fuzz tests of the page's parsers (issue 6): the URL query (`url::parse_query`) and the stored
//! state (`storage::decode`), fed random and structure-aware input. Neither may panic; what
//! the query parser accepts writes back (`to_query`) and reads back unchanged; every refusal of
//! a stored document is one non-empty line that names its place.
//!
//! Native (the parsers are plain Rust), with proptest and a case count from `FUZZ_CASES`
//! (2 000 when unset): `cargo test -p servicescore-web --test fuzz_page`, or `scripts/fuzz`
//! for a million cases in release mode.
//!
//! Not covered: `components::metric_row::read_typed` (the number box) is private; it needs a
//! `pub(crate)` test hook to be reached from here.
//!
//! What these tests found is kept as regression tests in `found` at the end (minimal inputs,
//! fixed since); the properties tolerate nothing.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::TestCaseResult;
use servicescore_web::i18n::Lang;
use servicescore_web::packs::PackRef;
use servicescore_web::state::notice::Unreadable;
use servicescore_web::state::View;
use servicescore_web::storage::{decode, Stored};
use servicescore_web::url::{parse_query, to_query, QueryState, Reason};

// ---------------------------------------------------------------------------------------------
// The runner (shared with crates/servicescore/tests/fuzz/)

#[path = "../crates/servicescore/tests/support/fuzz_runner.rs"]
mod fuzz_runner;
use fuzz_runner::fuzz;

fn pack() -> PackRef {
    PackRef::default_pack()
}

/// Any text, or random bytes read as lossy UTF-8.
fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        "(?s).{0,200}",
        vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// URL query

/// Parameter names: mostly the page's, sometimes names that are almost theirs.
fn name() -> BoxedStrategy<String> {
    let mut page: Vec<String> = pack().metrics.iter().map(|m| m.id.clone()).collect();
    page.extend(["industry", "lang", "embed", "reset"].map(String::from));
    let odd = [
        "utm_source",
        "utm_",
        "",
        "foo",
        "reply_3min_pct%20",
        "%72eply_3min_pct",
        "REPLY_3MIN_PCT",
        "reply_3min_pct+",
        "industry%00",
        "%E6%97%A5",
        "%FF",
        "?lang",
    ];
    prop_oneof![3 => select(page), 1 => select(odd.map(String::from).to_vec())].boxed()
}

/// Values: numbers in every spelling, metric-free words, broken escapes.
const VALUES: &[&str] = &[
    "62.5",
    "62",
    "none",
    "NONE",
    "None",
    "",
    "+5",
    "-0",
    "1e308",
    "1e309",
    "1e-320",
    "5e-324",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "infinity",
    "0x10",
    "1,5",
    "1%2C5",
    " 3 ",
    "+3+",
    "%2062.5%20",
    "%FF",
    "%",
    "%G0",
    "%e4%b8%ad",
    "%C3%28",
    "+",
    "62%2E5",
    "1e2",
    ".5",
    "5.",
    "100",
    "100.0000001",
    "-0.0000001",
    "99.99999999999999",
    "apparel",
    "general",
    "outdoor_service",
    "Apparel",
    "toys",
    "zh",
    "en",
    "es",
    "EN",
    "fr",
    "1",
    "0",
    "true",
    "false",
    "2",
    "yes",
    "%31",
    "1%00",
    "=",
    "==",
    "&",
    "%26",
    "%3D",
    "#frag",
    "\u{0}",
    "日本",
    "%EF%BB%BF1",
];

/// A query: pairs and stray pieces joined by `&`, `&&` or `;`, maybe after a `?`.
fn query() -> impl Strategy<Value = String> {
    let pair = prop_oneof![
        8 => (name(), select(VALUES)).prop_map(|(n, v)| format!("{n}={v}")),
        2 => (name(), (0.0f64..=1.0)).prop_map(|(n, f)| format!("{n}={}", f * 100.0)),
        1 => name(),
        1 => select(VALUES).prop_map(|v| format!("={v}")),
        1 => (name(), select(VALUES)).prop_map(|(n, v)| format!("{n}=={v}")),
    ];
    let doc = (
        select(vec!["", "?", "??", "&", "#"]),
        vec(
            (pair, select(vec!["&", "&", "&", "&&", ";", "&amp;"])),
            0..14,
        ),
    )
        .prop_map(|(pre, pairs)| {
            let mut q = pre.to_string();
            for (k, (p, sep)) in pairs.into_iter().enumerate() {
                if k > 0 {
                    q.push_str(sep);
                }
                q.push_str(&p);
            }
            q
        });
    prop_oneof![1 => any_text(), 5 => doc]
}

#[test]
fn fuzz_url_query() {
    fuzz("URL query (parse_query, to_query)", query(), |q, stats| {
        let pack = &pack();
        let p = parse_query(pack, &q);
        // With or without its `?`, the same query.
        if !q.starts_with('?') {
            prop_assert_eq!(&parse_query(pack, &format!("?{q}")), &p);
        }
        for (id, v) in &p.metrics {
            let m = pack.metric(id);
            prop_assert!(m.is_some(), "unknown metric {:?} accepted", id);
            if let (Some(m), Some(v)) = (m, v) {
                prop_assert!(
                    v.is_finite() && m.range[0] <= *v && *v <= m.range[1],
                    "{} = {} accepted outside {:?}",
                    id,
                    v,
                    m.range
                );
            }
        }
        if let Some(i) = &p.industry {
            prop_assert!(pack.industry(i).is_some(), "unknown industry {:?}", i);
        }
        for x in &p.problems {
            prop_assert!(!x.name.is_empty() && !x.name.starts_with("utm_"), "{:?}", x);
            if x.reason == Reason::Duplicate {
                stats.bump("duplicate parameters named");
            }
        }
        if p.metrics.is_empty() && p.industry.is_none() {
            stats.bump("nothing accepted");
        } else {
            stats.bump("something accepted: written back and read again");
        }
        // What was accepted writes back and reads back unchanged.
        let industry = p.industry.clone().unwrap_or_else(|| "general".to_string());
        let lang = p.lang.unwrap_or(Lang::Zh);
        let view = p.view.unwrap_or(View::Score);
        let back = parse_query(
            pack,
            &to_query(&QueryState {
                pack,
                pack_path: None,
                industry: &industry,
                metrics: &p.metrics,
                lang,
                view,
                embed: p.embed,
            }),
        );
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        let every: BTreeMap<String, Option<f64>> = pack
            .metrics
            .iter()
            .map(|m| (m.id.clone(), p.metrics.get(&m.id).copied().flatten()))
            .collect();
        prop_assert_eq!(&back.metrics, &every);
        prop_assert_eq!(back.industry, Some(industry));
        prop_assert_eq!(back.lang, Some(lang));
        prop_assert_eq!(back.embed, p.embed);
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------
// Stored state

/// Where a refusal of a stored document may point: its fields, or "not JSON".
const PLACES: &[&str] = &[
    "not JSON",
    "schema",
    "scenario",
    // `state: missing field ...`: the stored document as a whole.
    "state",
    "baseline",
    "saved",
    "hidden_values",
    "lang",
];

/// A refusal names a place of the document (`scenario.metrics.x`) on one line, unless the
/// document is not JSON at all or from a newer page.
fn check_refusal(u: &Unreadable) -> TestCaseResult {
    let place = match u {
        Unreadable::NotJson | Unreadable::NewerSchema { .. } => return Ok(()),
        Unreadable::Shape { place }
        | Unreadable::UnknownIndustry { place, .. }
        | Unreadable::UnknownMetric { place }
        | Unreadable::OutOfRange { place, .. }
        | Unreadable::BadPack { place } => place,
    };
    // K1: strings of the document used to be quoted raw, line breaks included.
    prop_assert!(!place.contains(['\n', '\r']), "spans lines: {:?}", u);
    // K4: serde's message alone (`missing field `scenario``) used to name no place.
    prop_assert!(names_a_place(place), "names no place: {:?}", u);
    Ok(())
}

/// Whether `place` is one of [`PLACES`] or inside one.
fn names_a_place(place: &str) -> bool {
    PLACES.iter().any(|p| {
        place == *p || place.starts_with(&format!("{p}.")) || place.starts_with(&format!("{p}["))
    })
}

/// Raw JSON values for any field.
const ODD_JSON: &[&str] = &[
    "null",
    "true",
    "1",
    "-1",
    "0",
    "2",
    "2.0",
    "2.5",
    "\"2\"",
    "4294967296",
    "18446744073709551616",
    "1e999",
    "NaN",
    "[]",
    "{}",
    "\"\"",
    "\"a\\nb\"",
    "\"zh\"",
    "\"en\"",
    "\"es\"",
    "\"fr\"",
    "\"ZH\"",
];

/// A scenario as raw JSON (mostly valid).
fn scenario() -> impl Strategy<Value = String> {
    let metrics: Vec<(String, [f64; 2])> = pack()
        .metrics
        .iter()
        .map(|m| (m.id.clone(), m.range))
        .collect();
    let entry = prop_oneof![
        10 => (select(metrics.clone()), 0.0f64..=1.0)
            .prop_map(|((id, r), f)| format!("\"{id}\": {}", r[0] + f * (r[1] - r[0]))),
        1 => select(metrics).prop_map(|(id, _)| format!("\"{id}\": null")),
        1 => (select(vec!["\"reply_3min_pct\"", "\"x\"", "\"a\\nb\"", "\"\""]), select(ODD_JSON))
            .prop_map(|(k, v)| format!("{k}: {v}")),
    ];
    let industries: Vec<String> = pack()
        .industries
        .iter()
        .map(|i| format!("\"{}\"", i.id))
        .collect();
    let industry = prop_oneof![
        8 => select(industries),
        1 => select(vec!["\"toys\"", "\"a\\nb\"", "1", "null"]).prop_map(str::to_string),
    ];
    (proptest::option::weighted(0.8, industry), vec(entry, 0..9)).prop_map(|(i, m)| {
        let mut f = Vec::new();
        if let Some(i) = i {
            f.push(format!("\"industry\": {i}"));
        }
        f.push(format!("\"metrics\": {{{}}}", m.join(", ")));
        format!("{{{}}}", f.join(", "))
    })
}

/// A stored document: schema 1 (a bare scenario) or 2, with odd values now and then.
fn stored() -> impl Strategy<Value = String> {
    let ids: Vec<String> = pack().metrics.iter().map(|m| m.id.clone()).collect();
    let schema = prop_oneof![
        8 => Just("2"),
        2 => select(vec!["1", "3", "0", "-1", "\"2\"", "2.0", "2.5", "4294967298", "null", "true"]),
    ];
    let hidden = vec(
        (
            prop_oneof![8 => select(ids), 1 => Just("x".to_string())],
            prop_oneof![
                8 => (0.0f64..=5.0).prop_map(|x| x.to_string()),
                1 => select(vec!["-1", "1e308", "1000", "null", "\"5\""]).prop_map(str::to_string),
            ],
        ),
        0..4,
    )
    .prop_map(|kv| {
        let body: Vec<String> = kv.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
        format!("{{{}}}", body.join(", "))
    });
    let field = |name: &'static str, p: f64, value: BoxedStrategy<String>| {
        proptest::option::weighted(p, value.prop_map(move |v| format!("\"{name}\": {v}"))).boxed()
    };
    let or_odd = |s: BoxedStrategy<String>| {
        prop_oneof![9 => s, 1 => select(ODD_JSON).prop_map(str::to_string)].boxed()
    };
    let v2 = vec![
        field("schema", 0.97, schema.prop_map(str::to_string).boxed()),
        field("scenario", 0.95, or_odd(scenario().boxed())),
        field("hidden_values", 0.5, or_odd(hidden.boxed())),
        field(
            "lang",
            0.5,
            or_odd(
                select(vec!["\"zh\"", "\"en\"", "\"es\"", "null"])
                    .prop_map(str::to_string)
                    .boxed(),
            ),
        ),
        field("baseline", 0.3, or_odd(scenario().boxed())),
        field("saved", 0.3, or_odd(scenario().boxed())),
        field("extra", 0.03, Just("1".to_string()).boxed()),
    ]
    .prop_shuffle()
    .prop_map(|f| {
        format!(
            "{{{}}}",
            f.into_iter().flatten().collect::<Vec<_>>().join(", ")
        )
    });
    let edit = (
        any::<Index>(),
        select(vec!["", "{", "}", "\"", ",", "\n", "\u{feff}"]),
    );
    let damaged = (v2.clone(), edit).prop_map(|(mut t, (i, s))| {
        let cut = t
            .char_indices()
            .map(|(k, _)| k)
            .nth(i.index(t.chars().count().max(1)))
            .unwrap_or(t.len());
        t.insert_str(cut, s);
        t
    });
    prop_oneof![
        1 => any_text(),
        2 => scenario().boxed(),
        8 => v2,
        1 => damaged,
    ]
}

#[test]
fn fuzz_stored_state() {
    fuzz("stored state (storage::decode)", stored(), |raw, stats| {
        let pack = &pack();
        let stored = match decode(pack, &raw) {
            Err(why) => {
                stats.bump("refused");
                return check_refusal(&why);
            }
            Ok(s) => s,
        };
        stats.bump("read: restored into a state, written and read again");
        // What was read is restorable, and writes and reads back unchanged.
        let mut state = servicescore_web::state::State::defaults(pack.clone());
        stored.restore_into(&mut state);
        let again = decode(pack, &stored.encode());
        prop_assert_eq!(again.as_ref(), Ok(&stored));
        let from_state = Stored::from_state(&state, None);
        let again = decode(pack, &from_state.encode());
        prop_assert_eq!(again.as_ref(), Ok(&from_state));
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------
// What the fuzz tests found (minimal inputs), fixed since: regression tests.

mod found {
    use super::*;

    /// K4: a schema-2 document of the wrong shape was refused with serde's message alone
    /// (`serde_json::from_value` in `storage::decode`), which named no field.
    #[test]
    fn k4_stored_document_refusals_name_a_place() {
        let unnamed: Vec<String> = [
            r#"{"schema": 2}"#,
            r#"{"schema": 2, "scenario": {"metrics": {}}, "lang": "fr"}"#,
            r#"{"schema": 2, "scenario": {"metrics": {}}, "hidden_values": {"x": "5"}}"#,
            r#"{"schema": 2, "scenario": {"metrics": {}}, "extra": 1}"#,
        ]
        .iter()
        .map(|raw| decode(&pack(), raw).unwrap_err())
        .filter(|u| check_refusal(u).is_err())
        .map(|u| format!("{u:?}"))
        .collect();
        assert!(unnamed.is_empty(), "no place named: {unnamed:#?}");
    }

    /// K1: a key quoted raw split the one-line message (`hidden_values.<key>: unknown metric`
    /// is written by `decode` itself, not by the core's `Error`).
    #[test]
    fn k1_stored_document_refusals_stay_on_one_line() {
        let raw = r#"{"schema": 2, "scenario": {"metrics": {}}, "hidden_values": {"a\nb": 1}}"#;
        let why = decode(&pack(), raw).unwrap_err();
        assert!(check_refusal(&why).is_ok(), "{why:?}");
    }
}
