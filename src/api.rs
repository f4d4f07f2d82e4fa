//! The JavaScript API: `compute(scenario)` returns what `servicescore eval` prints, as plain
//! JSON-compatible objects (no `Map`s), or throws an `Error` naming the bad field.
//!
//! ```js
//! const { compute } = await (await import('./servicescore-api.js')).load();
//! compute({ industry: 'general', metrics: { reply_3min_pct: 62.5 } }).display_score; // "3.62"
//! ```

use serde::Serialize;
use servicescore::{evaluate, RulePack, Scenario};
use wasm_bindgen::JsValue;

/// `compute(scenario)`: the scenario as a JS object (`{industry?, metrics: {id: number|null}}`).
///
/// # Errors
///
/// A JS `Error` whose message names the field, as the command line does
/// (`metrics.reply_3min_pct: 120 is out of range 0–100`).
pub fn compute(scenario: JsValue) -> Result<JsValue, JsValue> {
    let s: Scenario =
        serde_wasm_bindgen::from_value(scenario).map_err(|e| error(&format!("scenario: {e}")))?;
    let result = evaluate(RulePack::default_pack(), &s).map_err(|e| error(&e.to_string()))?;
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(&format!("result: {e}")))
}

fn error(msg: &str) -> JsValue {
    js_sys::Error::new(msg).into()
}

/// Whether the host page asked for the API only (`<html data-servicescore="api">`): then the
/// simulator is not rendered into it.
pub fn api_only() -> bool {
    crate::browser::root_attr("data-servicescore").is_some_and(|v| v == "api")
}
