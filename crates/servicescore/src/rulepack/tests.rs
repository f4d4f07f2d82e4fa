//! Tests of the pack as a whole: the built-in packs, loading, and validation errors.

use super::*;

fn pack_with(edit: impl FnOnce(&mut serde_json::Value)) -> Result<RulePack> {
    let mut v: serde_json::Value = serde_json::from_str(DEFAULT_PACK_JSON).unwrap();
    edit(&mut v);
    RulePack::from_json(&v.to_string())
}

#[test]
fn default_pack_is_valid() {
    let p = RulePack::default_pack();
    assert_eq!(p.metrics.len(), 8);
    assert_eq!(p.dimensions.len(), 5);
    assert_eq!(p.industries.len(), 9);
    assert_eq!(
        p.knots("general", "ship_on_time_pct").unwrap().value,
        vec![50.0, 85.0, 93.0, 97.0, 99.0, 99.7, 100.0]
    );
}

const GENERATED: &str = "src/rulepack_default.rs";

fn generated_source() -> String {
    let pack = RulePack::from_json(DEFAULT_PACK_JSON).unwrap();
    let expr = crate::rust_literal::to_rust(&pack).unwrap();
    format!(
        "//! The built-in rule pack `xhs-2022-08` as Rust, generated from\n\
         //! `rules/xhs-2022-08.json` by `rulepack::tests::default_pack_source_is_current`.\n\
         //! Do not edit: change the JSON, then run\n\
         //! `UPDATE_DEFAULT_PACK=1 cargo test -p servicescore default_pack_source`.\n\n\
         use std::collections::BTreeMap;\n\n\
         #[allow(clippy::wildcard_imports)]\n\
         use crate::rulepack::*;\n\n\
         /// The pack (validated by the tests that generate this file).\n\
         pub(crate) fn build() -> RulePack {{\n{expr}\n}}\n"
    )
}

#[test]
fn default_pack_source_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GENERATED);
    let want = generated_source();
    if std::env::var_os("UPDATE_DEFAULT_PACK").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{GENERATED} is stale: run UPDATE_DEFAULT_PACK=1 cargo test -p servicescore default_pack_source"
    );
}

#[test]
fn generated_pack_equals_the_validated_json() {
    let parsed = RulePack::from_json(DEFAULT_PACK_JSON).unwrap();
    assert_eq!(RulePack::default_pack(), &parsed);
    RulePack::default_pack().validate().unwrap();
}

#[test]
fn round_trips_through_json() {
    let p = RulePack::default_pack();
    let again = RulePack::from_json(&p.to_json()).unwrap();
    assert_eq!(&again, p);
}

#[test]
fn non_monotone_knots_name_the_path() {
    let e = pack_with(|v| {
        v["benchmarks"]["apparel"]["ship_on_time_pct"]["value"][3] = 80.0.into();
    })
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "benchmarks.apparel.ship_on_time_pct: knots must increase"
    );
    let e = pack_with(|v| {
        v["benchmarks"]["general"]["dispute_pct"]["value"][1] = 3.0.into();
    })
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "benchmarks.general.dispute_pct: knots must decrease"
    );
}

#[test]
fn bad_weights_bands_and_schema_are_refused() {
    let e = pack_with(|v| v["dimensions"][1]["weight"]["value"] = 0.0.into()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "dimensions.logistics.weight: must be greater than 0"
    );
    let e = pack_with(|v| v["stars"]["bands"]["value"][1]["min_score"] = 4.9.into()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "stars.bands: must be ordered from the highest score and stars to the lowest"
    );
    let e = pack_with(|v| v["schema"] = 3.into()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "schema: version 3 is not supported (this simulator reads version 2 and upgrades \
         version 1)"
    );
    let e = pack_with(|v| {
        v["metrics"][0]["weight"]["value"] = "heavy".into();
    })
    .unwrap_err();
    assert!(
        e.to_string().starts_with(
            "metrics[0].weight.value: invalid type: string \"heavy\", expected a number"
        ),
        "{e}"
    );
}

#[test]
fn published_constants_need_a_source() {
    let e = pack_with(|v| {
        v["decay"]["window_days"]
            .as_object_mut()
            .unwrap()
            .remove("source");
    })
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "decay.window_days: a published constant must name its source"
    );
}

#[test]
fn missing_benchmarks_and_unknown_ids() {
    let e = pack_with(|v| {
        v["benchmarks"]["food"]
            .as_object_mut()
            .unwrap()
            .remove("reply_3min_pct");
    })
    .unwrap_err();
    assert_eq!(e.to_string(), "benchmarks.food.reply_3min_pct: missing");
    let e = pack_with(|v| v["metrics"][2]["dimension"] = "speed".into()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "metrics.pay_to_sign_hours.dimension: unknown dimension \"speed\""
    );
    let e = pack_with(|v| v["benchmarks"]["toys"] = v["benchmarks"]["food"].clone()).unwrap_err();
    assert_eq!(e.to_string(), "benchmarks.toys: unknown industry");
}

#[test]
fn not_json_is_a_clear_error() {
    let e = RulePack::from_json("{").unwrap_err();
    assert!(
        e.to_string().starts_with("rule pack: EOF while parsing"),
        "{e}"
    );
}

#[test]
fn time_of_day() {
    assert_eq!(parse_time_of_day("09:00:00"), Some(9 * 3600));
    assert_eq!(parse_time_of_day("23:00:00"), Some(23 * 3600));
    assert_eq!(parse_time_of_day("9:00"), None);
    assert_eq!(parse_time_of_day("25:00:00"), None);
}

#[test]
fn schema_1_packs_are_upgraded_on_load() {
    // Schema 1 wrote the displayed decimals as a bare number.
    let p = pack_with(|v| {
        v["schema"] = 1.into();
        v["score"]["decimals"] = 1.into();
    })
    .unwrap();
    assert_eq!(p.schema, SCHEMA_VERSION);
    assert_eq!(p.score.decimals.value, 1);
    assert_eq!(p.score.decimals.provenance, Provenance::Assumed);
    assert_eq!(
        p.score.decimals.source.as_deref(),
        Some(upgrade::UPGRADED_DECIMALS_SOURCE)
    );
    // Written back in the current schema, which reads the same.
    let again = RulePack::from_json(&p.to_json()).unwrap();
    assert_eq!(again, p);
    assert!(p.to_json().contains("\"schema\": 2"));
    let e = pack_with(|v| v["score"]["decimals"] = (-1).into()).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("score.decimals: invalid type: integer `-1`"),
        "{e}"
    );
    let e = pack_with(|v| v["score"]["decimals"]["value"] = 7.into()).unwrap_err();
    assert_eq!(e.to_string(), "score.decimals: must be at most 6");
}

#[test]
fn observed_constants_need_a_source() {
    let e = pack_with(|v| {
        v["score"]["decimals"] = serde_json::json!({"value": 1, "provenance": "observed"});
    })
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "score.decimals: an observed constant must name where it was seen"
    );
    let p = pack_with(|v| {
        v["score"]["decimals"] =
            serde_json::json!({"value": 1, "provenance": "observed", "source": "a page"});
    })
    .unwrap();
    assert_eq!(p.score.decimals.provenance, Provenance::Observed);
    assert!(p.to_json().contains("\"provenance\": \"observed\""));
}
