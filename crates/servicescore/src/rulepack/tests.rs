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

/// The generated file of each built-in pack, from its JSON.
fn generated_sources() -> Vec<(std::path::PathBuf, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    RulePack::builtin_ids()
        .iter()
        .map(|id| {
            let pack = RulePack::from_json(builtin::json(id).unwrap()).unwrap();
            let module = id.replace('-', "_");
            let path = root.join(format!("src/rulepack/builtin/{module}.rs"));
            (path, bake::rust_source(&pack, &format!("rules/{id}.json")))
        })
        .collect()
}

#[test]
fn builtin_pack_sources_are_current() {
    for (path, want) in generated_sources() {
        if std::env::var_os("UPDATE_BUILTIN_PACKS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{} is stale: run UPDATE_BUILTIN_PACKS=1 cargo test -p servicescore builtin_pack_sources",
            path.display()
        );
    }
}

#[test]
fn generated_packs_equal_the_validated_json() {
    for id in RulePack::builtin_ids() {
        let parsed = RulePack::from_json(builtin::json(id).unwrap()).unwrap();
        let built = RulePack::builtin(id).unwrap();
        assert_eq!(built, &parsed, "{id}");
        assert_eq!(built.id, *id);
        built.validate().unwrap();
    }
    assert_eq!(
        RulePack::builtin(builtin::DEFAULT_ID),
        Some(RulePack::default_pack())
    );
}

#[test]
fn every_builtin_pack_validates_and_round_trips_through_json() {
    assert_eq!(
        RulePack::builtin_ids(),
        &["xhs-2022-08", "xhs-qianfan-2026"]
    );
    for p in RulePack::builtins() {
        p.validate().unwrap();
        let again = RulePack::from_json(&p.to_json()).unwrap();
        assert_eq!(&again, p, "{}", p.id);
        assert_eq!(p.is_default(), p.id == builtin::DEFAULT_ID);
    }
    assert_eq!(RulePack::builtins().count(), RulePack::builtin_ids().len());
}

#[test]
fn qianfan_pack_is_the_2022_pack_with_three_observed_dimensions() {
    let q = RulePack::builtin("xhs-qianfan-2026").unwrap();
    let dims: Vec<(&str, f64, Provenance)> = q
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.weight.value, d.weight.provenance))
        .collect();
    assert_eq!(
        dims,
        [
            ("quality", 0.5, Provenance::Observed),
            ("logistics", 0.2, Provenance::Observed),
            ("service", 0.3, Provenance::Observed),
        ]
    );
    assert_eq!(
        (q.score.decimals.value, q.score.decimals.provenance),
        (1, Provenance::Observed)
    );
    let of = |id: &str| {
        let m = q.metric(id).unwrap();
        (m.dimension.as_str(), m.weight.value, m.weight.provenance)
    };
    assert_eq!(of("review_score"), ("quality", 0.5, Provenance::Observed));
    assert_eq!(
        of("quality_refund_pct"),
        ("quality", 0.5, Provenance::Observed)
    );
    assert_eq!(
        of("pay_to_sign_hours"),
        ("logistics", 0.5, Provenance::Observed)
    );
    assert_eq!(
        of("ship_on_time_pct"),
        ("logistics", 0.5, Provenance::Observed)
    );
    for id in [
        "refund_only_hours",
        "return_refund_hours",
        "reply_3min_pct",
        "dispute_pct",
    ] {
        assert_eq!(of(id), ("service", 0.25, Provenance::Observed));
    }
    assert!(q.sources[0].title.en.starts_with(
        "Merchants' reports of the Qianfan back office's shop-score (店铺分) page, 2026"
    ));
    assert!(q.sources[0].title.zh.contains("千帆"));
    // Everything else is the default pack's, provenance included.
    let strip = |p: &RulePack| {
        let mut v = serde_json::to_value(p).unwrap();
        for key in ["id", "title", "sources", "dimensions"] {
            v.as_object_mut().unwrap().remove(key);
        }
        v["score"].as_object_mut().unwrap().remove("decimals");
        for m in v["metrics"].as_array_mut().unwrap() {
            m.as_object_mut().unwrap().remove("dimension");
            m.as_object_mut().unwrap().remove("weight");
        }
        v
    };
    assert_eq!(strip(q), strip(RulePack::default_pack()));
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
    // The source must cite one of the pack's documents.
    let e = pack_with(|v| {
        v["score"]["decimals"] =
            serde_json::json!({"value": 1, "provenance": "observed", "source": "a page"});
    })
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "score.decimals: source \"a page\" cites no document of `sources` (start it with one of: \
         rule-2022, cs-rules, help-centre, douyin-stars)"
    );
    let p = pack_with(|v| {
        v["score"]["decimals"] = serde_json::json!(
            {"value": 1, "provenance": "observed", "source": "help-centre: 店铺分页面"});
    })
    .unwrap();
    let (doc, at) = p.cited("help-centre: 店铺分页面").unwrap();
    assert_eq!((doc.id.as_str(), at), ("help-centre", Some("店铺分页面")));
    assert!(p
        .cited("Weights inside a dimension are not published")
        .is_none());
    assert_eq!(p.score.decimals.provenance, Provenance::Observed);
    assert!(p.to_json().contains("\"provenance\": \"observed\""));
}
