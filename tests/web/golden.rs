//! Every golden scenario, reached through the page's real inputs (number boxes, "has data"
//! switches, the industry selector), shows the expected score, stars, dimensions and
//! thresholds: the default pack's cases on the default page, the `xhs-qianfan-2026` cases
//! on the page opened with `?pack=xhs-qianfan-2026` (SPEC §7: one decimal, three dimensions).

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::common::{golden_cases, golden_cases_of, num, reset, Page, METRICS};

#[wasm_bindgen_test]
async fn every_golden_scenario_through_the_inputs() {
    let cases = golden_cases();
    assert!(
        cases.len() >= 18,
        "the golden file lost cases: {}",
        cases.len()
    );
    let failures = drive_cases(&cases, "").await;
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[wasm_bindgen_test]
async fn every_qianfan_golden_scenario_under_that_pack() {
    let cases = golden_cases_of("xhs-qianfan-2026");
    assert!(
        cases.len() >= 13,
        "the golden file lost qianfan cases: {}",
        cases.len()
    );
    let failures = drive_cases(&cases, "?pack=xhs-qianfan-2026").await;
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Each case on a fresh page opened with `query`, through the inputs; every mismatch.
async fn drive_cases(cases: &[Value], query: &str) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        reset(query);
        let page = Page::mount().await;
        let pack = page
            .find("[data-testid=pack]")
            .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value());
        let want = case["pack"].as_str();
        if want.is_some() && pack.as_deref() != want {
            failures.push(format!(
                "{name}: the page's pack is {pack:?}, expected {want:?}"
            ));
        }
        page.drive(&case["input"]).await;
        for m in page.mismatches(&case["expected"]) {
            failures.push(format!("{name}: {m}"));
        }
        if case["expected"]["applicable"] == false {
            // An industry without a score has no sliders: they could change nothing.
            if page.find("[data-testid=metrics-not-applicable]").is_none()
                || page.find("[data-metric-number]").is_some()
            {
                failures.push(format!(
                    "{name}: sliders shown for an industry without a score"
                ));
            }
            page.unmount().await;
            continue;
        }
        // The inputs show what was entered (no rounding to the slider step).
        for id in METRICS {
            let present = page.present_box(id).checked();
            match case["input"]["metrics"].get(id).and_then(|v| v.as_f64()) {
                Some(v) => {
                    let shown = page.number_box(id).value();
                    if shown != num(v) || !present {
                        failures.push(format!(
                            "{name}: {id} box shows {shown:?} (has data: {present}), expected {:?}",
                            num(v)
                        ));
                    }
                }
                None if present => failures.push(format!("{name}: {id} still has data")),
                None => {}
            }
        }
        page.unmount().await;
    }
    failures
}

#[wasm_bindgen_test]
async fn defaults_are_the_general_medians() {
    reset("");
    let page = Page::mount().await;
    page.assert_expected(
        "defaults",
        &crate::common::golden_case("example_1_medians")["expected"],
    );
    assert_eq!(page.industry_select().value(), "general");
    assert_eq!(page.number_box("reply_3min_pct").value(), "85");
    page.unmount().await;
}
