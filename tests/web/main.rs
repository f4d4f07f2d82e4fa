//! Browser tests of the page: `servicescore_web::App` mounted in headless Chromium and driven
//! through its real inputs. One test binary (`--test web`), one module per concern:
//!
//! - `golden`, `inputs`, `url_params`, `storage`, `panic_panel` (issue 3): number boxes,
//!   sliders, "has data" switches and the industry selector, plus URL parameters and
//!   localStorage;
//! - `projection` (issue 4): the chart canvases and the 180-day projection from an imported CSV;
//! - `cs` (issue 5): the customer-service view from an imported session log;
//! - `common`: the helpers every module shares (mounting, events, the golden file).
//!
//! Run with `. scripts/env.sh && cargo test -p servicescore-web --target
//! wasm32-unknown-unknown` (the runner in `.cargo/config.toml` is `wasm-bindgen-test-runner`,
//! which finds ChromeDriver through `CHROMEDRIVER`); one module alone with `--test web --
//! cs::` (a substring of the test path).
//!
//! Every test starts from a clean page: localStorage cleared, the URL query set with
//! `history.replaceState` *before* mounting (the page reads `location.search` at mount), a
//! fresh root element, and the app destroyed at the end. The expected values come from the
//! golden file shared with the core (`crates/servicescore/tests/golden/scenarios.json`), from
//! `scripts/golden_oracle.py` (an independent transcription of SPEC §2) or from the CLI's own
//! output (`data/`), never from the page's own code.

// Only meaningful in a browser; `cargo test --workspace` on the host skips the whole binary.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
mod cs;
mod golden;
mod inputs;
mod panic_panel;
mod projection;
mod storage;
mod url_params;
