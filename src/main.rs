//! The page's entry point (built by Trunk) and the JavaScript API exports.

use std::rc::Rc;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use servicescore_web::{browser, App};

fn main() {
    servicescore_web::panic::install();
    if servicescore_web::api::api_only() {
        return;
    }
    // The app starts in a task of its own, after the one that instantiated the module: two
    // shorter tasks instead of one long one, so a tap or a key is not kept waiting as long
    // (Lighthouse's total blocking time counts what each task runs over 50 ms).
    gloo::timers::callback::Timeout::new(0, || {
        // Read the browser once; everything after is the app's state and effects.
        let start = servicescore_web::app::boot();
        browser::mount(|root| {
            yew::Renderer::<App>::with_root_and_props(
                root,
                servicescore_web::app::AppProps {
                    start: Rc::new(start),
                },
            )
            .render();
        });
    })
    .forget();
}

/// `compute(scenario)`: the result `servicescore eval` prints, as plain objects.
#[wasm_bindgen]
pub fn compute(scenario: JsValue) -> Result<JsValue, JsValue> {
    servicescore_web::api::compute(scenario)
}
