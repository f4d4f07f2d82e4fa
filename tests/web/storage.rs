//! localStorage: the scenario comes back after a remount; an unreadable stored value is kept
//! under a backup key, the page says so and starts from defaults.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::common::{golden_case, reset, storage, Page, BACKUP_KEY, KEY};

#[wasm_bindgen_test]
async fn a_stored_scenario_comes_back() {
    reset("");
    let case = golden_case("example_2_no_disputes");
    let page = Page::mount().await;
    page.drive(&case["input"]).await;
    page.assert_expected("before remount", &case["expected"]);
    // The page writes its state once the inputs rest (250 ms), not on every input event.
    page.rest(400).await;
    let stored = storage()
        .get_item(KEY)
        .expect("read")
        .expect("the page stored its state");
    let doc: serde_json::Value = serde_json::from_str(&stored).expect("stored JSON");
    assert_eq!(doc["schema"], 3, "{stored}");
    assert_eq!(
        doc["scenario"]["metrics"]["reply_3min_pct"], 62.0,
        "{stored}"
    );
    page.unmount().await;

    let page = Page::mount().await;
    page.assert_expected("after remount", &case["expected"]);
    assert_eq!(page.number_box("ship_on_time_pct").value(), "99.5");
    assert_eq!(page.number_box("review_score").value(), "4.85");
    assert!(
        !page.present_box("dispute_pct").checked(),
        "disputes stay without data"
    );
    // The hidden dispute value (the median) is kept for when it comes back.
    assert_eq!(page.number_box("dispute_pct").value(), "0.1");
    assert!(page.all("[data-testid=notice]").is_empty());
    page.unmount().await;
}

#[wasm_bindgen_test]
async fn an_industry_and_language_come_back() {
    reset("");
    let case = golden_case("home_slow_logistics");
    let page = Page::mount().await;
    page.drive(&case["input"]).await;
    let lang: web_sys::HtmlSelectElement =
        wasm_bindgen::JsCast::dyn_into(page.get("select[data-testid=lang]")).expect("select");
    lang.set_value("en");
    crate::common::fire(&lang, "change");
    yew::scheduler::flush().await;
    assert_eq!(page.text("h1"), "Service Score Simulator");
    page.unmount().await;

    let page = Page::mount().await;
    page.assert_expected("after remount", &case["expected"]);
    assert_eq!(page.industry_select().value(), "home");
    assert_eq!(page.text("h1"), "Service Score Simulator");
    page.unmount().await;
}

#[wasm_bindgen_test]
async fn a_corrupted_stored_value_is_kept_and_reported() {
    reset("");
    let raw = "{\"schema\":2,";
    storage().set_item(KEY, raw).expect("write");
    let page = Page::mount().await;
    let notices: Vec<String> = page
        .all("[data-testid=notice]")
        .iter()
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("无法读取上次保存的方案"), "{notices:?}");
    assert!(
        notices[0].contains("数据不是 JSON 格式"),
        "the reason is named: {notices:?}"
    );
    // Defaults.
    page.assert_expected("defaults", &golden_case("example_1_medians")["expected"]);
    // The raw value is preserved.
    assert_eq!(
        storage().get_item(BACKUP_KEY).expect("read").as_deref(),
        Some(raw)
    );
    page.unmount().await;
}

#[wasm_bindgen_test]
async fn restoring_the_saved_scenario_moves_the_industry_selector_back() {
    reset("");
    let case = golden_case("home_slow_logistics");
    let page = Page::mount().await;
    page.drive(&case["input"]).await;
    page.click("[data-testid=save-scenario]").await;
    // The user picks another industry; the selector has now been set by hand, and
    // `<option selected>` alone would no longer move it.
    page.choose_industry("apparel").await;
    assert_eq!(page.industry_select().value(), "apparel");
    page.click("[data-testid=restore-scenario]").await;
    page.assert_expected("restored", &case["expected"]);
    assert_eq!(
        page.industry_select().value(),
        "home",
        "the selector shows the restored industry"
    );
    // And again: the effect runs on every change of the industry, not only the first.
    page.choose_industry("apparel").await;
    page.click("[data-testid=restore-scenario]").await;
    assert_eq!(page.industry_select().value(), "home");
    page.unmount().await;
}
