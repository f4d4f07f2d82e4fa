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
    // The app starts in tasks of its own, after the one that instantiated the module: reading
    // the browser in one, the staged first mount (`AppProps::staged`) in the next ones, so a
    // tap or a key is never kept waiting long (Lighthouse's total blocking time counts what
    // each task runs over 50 ms).
    gloo::timers::callback::Timeout::new(0, || {
        // Read the browser once; everything after is the app's state and effects.
        let start = servicescore_web::app::boot();
        gloo::timers::callback::Timeout::new(0, move || {
            browser::mount(|root| {
                yew::Renderer::<App>::with_root_and_props(
                    root,
                    servicescore_web::app::AppProps {
                        start: Rc::new(start),
                        staged: true,
                    },
                )
                .render();
            });
        })
        .forget();
    })
    .forget();
}

/// `compute(scenario)`: the result `servicescore eval` prints, as plain objects.
#[wasm_bindgen]
pub fn compute(scenario: JsValue) -> Result<JsValue, JsValue> {
    servicescore_web::api::compute(scenario)
}
