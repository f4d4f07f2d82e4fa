//! The slider and the number box: a slider move updates the score and the box; a refused
//! entry ("abc", "120") shows a message and keeps the previous value and score.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::common::{golden_case, reset, Page};

#[wasm_bindgen_test]
async fn slider_updates_score_and_number_box() {
    reset("");
    let page = Page::mount().await;
    assert_eq!(page.score(), "4.40");
    // General medians with the reply rate at 62.5 % (scripts/golden_oracle.py): 4.244 → 4.24,
    // consultation 3.62.
    page.slide("reply_3min_pct", 62.5).await;
    assert_eq!(page.score(), "4.24");
    assert_eq!(page.number_box("reply_3min_pct").value(), "62.5");
    assert_eq!(
        page.text("[data-dimension=consultation] [data-testid=dimension-value]"),
        "3.62"
    );

    // Reply rate only (golden example 3), then the slider across the star and risk limits.
    page.drive(&golden_case("example_3_reply_only")["input"])
        .await;
    page.assert_expected(
        "example 3",
        &golden_case("example_3_reply_only")["expected"],
    );
    for name in [
        "rounds_up_to_five_stars",
        "rounds_down_below_five_stars",
        "in_risk",
        "just_out_of_risk",
    ] {
        let case = golden_case(name);
        let v = case["input"]["metrics"]["reply_3min_pct"]
            .as_f64()
            .expect("reply value");
        page.slide("reply_3min_pct", v).await;
        assert_eq!(
            page.slider("reply_3min_pct").value_as_number(),
            v,
            "{name}: slider value"
        );
        assert_eq!(
            page.number_box("reply_3min_pct").value(),
            format!("{v}"),
            "{name}: box"
        );
        page.assert_expected(&format!("slider at {v} ({name})"), &case["expected"]);
    }
    page.unmount().await;
}

#[wasm_bindgen_test]
async fn refused_entries_show_a_message_and_keep_the_score() {
    reset("");
    let page = Page::mount().await;
    page.type_number("reply_3min_pct", "62.5").await;
    assert_eq!(page.score(), "4.24");
    let error = "[data-metric-row=reply_3min_pct] [data-testid=metric-error]";
    assert_eq!(page.text(error), "");

    // A letter is refused at once, the box keeps what was typed while it has focus…
    page.type_keys("reply_3min_pct", "abc").await;
    assert_eq!(page.number_box("reply_3min_pct").value(), "abc");
    assert!(page.text(error).contains("请输入数字"));
    // …and shows the value in use once left, the message staying.
    page.type_number("reply_3min_pct", "abc").await;
    let msg = page.text(error);
    assert!(msg.contains("请输入数字"), "message for abc: {msg:?}");
    assert!(
        msg.contains("62.5%"),
        "message should name the kept value: {msg:?}"
    );
    assert_eq!(page.score(), "4.24", "score after abc");
    let bx = page.number_box("reply_3min_pct");
    assert_eq!(
        bx.value(),
        "62.5",
        "the box shows the value in use after blur"
    );
    assert_eq!(bx.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(page.slider("reply_3min_pct").value(), "62.5");

    // Out of range: nothing said while typing (`1`, `12` are fine), the message on blur.
    page.type_keys("reply_3min_pct", "120").await;
    assert_eq!(page.text(error), "");
    page.type_number("reply_3min_pct", "120").await;
    let msg = page.text(error);
    assert!(
        msg.contains("请输入 0–100 之间的数值"),
        "message for 120: {msg:?}"
    );
    assert_eq!(page.score(), "4.24", "score after 120");
    assert_eq!(page.slider("reply_3min_pct").value(), "62.5");

    // A valid entry clears the message: reply 70 % is percentile 0.25 → 3.8 points,
    // (4 × 4.4 + 3.8) / 5 = 4.28.
    page.type_number("reply_3min_pct", "70").await;
    assert_eq!(page.text(error), "");
    assert_eq!(page.score(), "4.28");
    assert_eq!(
        page.number_box("reply_3min_pct")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("false")
    );
    // A decimal comma is read as a point (src/components/metric_row.rs).
    page.type_number("reply_3min_pct", "62,5").await;
    assert_eq!(page.score(), "4.24");
    page.unmount().await;
}

/// The round-one blocker: decimals typed key by key were lost (`4.6` became `46`, `0.05`
/// became `5`). Every prefix stays in the box as typed and the final value counts.
#[wasm_bindgen_test]
async fn decimals_typed_key_by_key_are_kept() {
    reset("");
    let page = Page::mount().await;
    for (metric, text, shown, each) in [
        ("review_score", "4.6", "4.6", ["4", "4.", "4.6"].as_slice()),
        (
            "dispute_pct",
            "0.05",
            "0.05",
            ["0", "0.", "0.0", "0.05"].as_slice(),
        ),
        (
            "ship_on_time_pct",
            "98,5",
            "98.5",
            ["9", "98", "98,", "98,5"].as_slice(),
        ),
    ] {
        let el = page.number_box(metric);
        let _ = el.focus();
        for prefix in each {
            el.set_value(prefix);
            crate::common::fire(&el, "input");
            yew::scheduler::flush().await;
            assert_eq!(el.value(), *prefix, "{metric}: {prefix} kept while typing");
        }
        let _ = el.blur();
        yew::scheduler::flush().await;
        assert_eq!(el.value(), shown, "{metric} after blur");
        let _ = text;
    }
    // review 4.6, disputes 0.05 %, ship-on-time 98.5 %, the rest at the medians
    // (scripts/golden_oracle.py): 4.48.
    assert_eq!(page.score(), "4.48");
    page.unmount().await;
}

#[wasm_bindgen_test]
async fn has_data_switch_drops_and_restores_a_dimension() {
    reset("");
    let page = Page::mount().await;
    page.type_number("reply_3min_pct", "62.5").await;
    page.set_present("reply_3min_pct", false).await;
    // Consultation gone: the four medians remain → 4.40, and no consultation row.
    assert_eq!(page.score(), "4.40");
    assert!(page
        .find("[data-testid=dimension-score][data-dimension=consultation]")
        .is_none());
    page.set_present("reply_3min_pct", true).await;
    // The last value comes back.
    assert_eq!(page.number_box("reply_3min_pct").value(), "62.5");
    assert_eq!(page.score(), "4.24");
    page.unmount().await;
}
