//! Every golden scenario, reached through the page's real inputs (number boxes, "has data"
//! switches, the industry selector), shows the expected score, stars, dimensions and
//! thresholds.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::common::{golden_cases, num, reset, Page, METRICS};

#[wasm_bindgen_test]
async fn every_golden_scenario_through_the_inputs() {
    let cases = golden_cases();
    assert!(
        cases.len() >= 18,
        "the golden file lost cases: {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        reset("");
        let page = Page::mount().await;
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
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
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
