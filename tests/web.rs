//! Browser tests of the page (issue 3): `servicescore_web::App` mounted in headless Chromium
//! and driven through its real inputs: number boxes, sliders, "has data" switches and the
//! industry selector, plus URL parameters and localStorage.
//!
//! Run with `. scripts/env.sh && cargo test -p servicescore-web --target
//! wasm32-unknown-unknown` (the runner in `.cargo/config.toml` is `wasm-bindgen-test-runner`,
//! which finds ChromeDriver through `CHROMEDRIVER`).
//!
//! Every test starts from a clean page: localStorage cleared, the URL query set with
//! `history.replaceState` *before* mounting (the page reads `location.search` at mount), a
//! fresh root element, and the app destroyed at the end. The expected values come from the
//! golden file shared with the core (`crates/servicescore/tests/golden/scenarios.json`) or
//! from `scripts/golden_oracle.py` (an independent transcription of SPEC §2), never from the
//! page's own code.

// Only meaningful in a browser; `cargo test --workspace` on the host skips the whole file.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/common.rs"]
mod common;
#[path = "web/golden.rs"]
mod golden;
#[path = "web/inputs.rs"]
mod inputs;
#[path = "web/panic_panel.rs"]
mod panic_panel;
#[path = "web/storage.rs"]
mod storage;
#[path = "web/url_params.rs"]
mod url_params;
