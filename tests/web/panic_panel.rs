//! The error panel shown by the panic hook: readable, text only, with a reset link that works
//! without any of our code running (the instance is dead after a panic in the release build).

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn the_panel_is_text_only_and_offers_a_reset_link() {
    let doc = web_sys::window().unwrap().document().unwrap();
    servicescore_web::panic::show_panel("boom <img src=x onerror=alert(1)> at src/lib.rs:1");
    let panel = doc
        .query_selector("[data-testid=panic-panel]")
        .unwrap()
        .expect("the panel is shown");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    // The detail is text, not markup.
    assert!(panel.query_selector("img").unwrap().is_none());
    assert!(panel
        .text_content()
        .unwrap()
        .contains("boom <img src=x onerror=alert(1)>"));
    let reset = doc
        .query_selector("[data-testid=panic-reset]")
        .unwrap()
        .expect("a reset link");
    assert_eq!(reset.get_attribute("href").as_deref(), Some("?reset=1"));
    panel.remove();
}
