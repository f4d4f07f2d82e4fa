//! The page's entry point (built by Trunk) and the JavaScript API exports.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

fn main() {
    servicescore_web::panic::install();
    if !servicescore_web::api::api_only() {
        yew::Renderer::<servicescore_web::App>::new().render();
    }
}

/// `compute(scenario)`: the result `servicescore eval` prints, as plain objects.
#[wasm_bindgen]
pub fn compute(scenario: JsValue) -> Result<JsValue, JsValue> {
    servicescore_web::api::compute(scenario)
}
