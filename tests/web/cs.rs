//! Browser tests of the customer-service view (issue 5): `servicescore_web::App` mounted in
//! headless Chromium, the session log handed to the real file input (a `File` in a
//! `DataTransfer`, then `change`, as a user's pick), the view's tab clicked, and what it shows
//! compared with the CLI's own report.
//!
//! Run with `. scripts/env.sh && cargo test -p servicescore-web --target
//! wasm32-unknown-unknown --test web -- cs::`.
//!
//! Expected values come from `servicescore cs-assess www/examples/sessions-example.csv --json`
//! saved as `tests/web/data/sessions-example.cs-assess.json` (a native test in
//! `src/components/cs/report/tests.rs` fails when it no longer equals what the core computes;
//! regenerate it with `cargo run -p servicescore -- cs-assess www/examples/sessions-example.csv
//! --json > tests/web/data/sessions-example.cs-assess.json`), and from the SPEC's violation table,
//! never from the page's own code.
//!
//! Every test starts from a clean page: localStorage cleared, `?lang=en` set before mounting, a
//! fresh root element, and the app destroyed at the end.

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlInputElement;

/// The example session log (what the page offers as its example).
const EXAMPLE: &str = include_str!("../../www/examples/sessions-example.csv");
/// The CLI's report of it.
const CLI: &str = include_str!("data/sessions-example.cs-assess.json");
/// The example violation counts (what the CLI's `violations` reads).
const VIOLATIONS: &str = include_str!("../../www/examples/violations-example.json");
/// The view's storage key for violation counts, and its backup key.
const COUNTS_KEY: &str = "servicescore.cs.violations";
const COUNTS_BACKUP_KEY: &str = "servicescore.cs.violations.unreadable";

use crate::common::{self, fire, reset, sleep, storage};

/// The app with the customer-service tab open (the shared page helpers, plus this view's).
struct Page(common::Page);

impl std::ops::Deref for Page {
    type Target = common::Page;
    fn deref(&self) -> &common::Page {
        &self.0
    }
}

impl Page {
    /// Mounts the app (after `reset`) and opens the customer-service tab.
    async fn open() -> Page {
        let page = Page(common::Page::mount().await);
        page.click("[data-testid=tab-cs]").await;
        page
    }

    async fn close(self) {
        self.0.unmount().await;
    }

    fn attr(&self, sel: &str, name: &str) -> String {
        self.get(sel).get_attribute(name).unwrap_or_default()
    }

    /// Waits until `done` holds (up to 10 s), re-checking every 20 ms.
    async fn wait_for(&self, what: &str, done: impl Fn(&Page) -> bool) {
        for _ in 0..500 {
            yew::scheduler::flush().await;
            if done(self) {
                return;
            }
            sleep(20).await;
        }
        panic!("timed out waiting for {what}");
    }

    /// Hands `text` to the session file input as the file `name` and fires `change`.
    async fn pick_file(&self, name: &str, text: &str) {
        self.pick_part(name, &JsValue::from_str(text)).await;
    }

    /// Hands one blob part (text or bytes) to the session file input as the file `name`.
    async fn pick_part(&self, name: &str, part: &JsValue) {
        let parts = js_sys::Array::of1(part);
        let file = web_sys::File::new_with_u8_array_sequence(&parts, name).expect("File");
        let dt = web_sys::DataTransfer::new().expect("DataTransfer");
        // `dt.items().add(file)`, through Reflect (the crate does not enable that web-sys feature).
        let items = js_sys::Reflect::get(&dt, &"items".into()).expect("items");
        let add: js_sys::Function = js_sys::Reflect::get(&items, &"add".into())
            .expect("add")
            .dyn_into()
            .expect("add is a function");
        add.call1(&items, &file).expect("items.add(file)");
        let input: HtmlInputElement = self
            .get("input[type=file][data-testid=sessions-file]")
            .dyn_into()
            .expect("file input");
        input.set_files(dt.files().as_ref());
        fire(&input, "change");
        yew::scheduler::flush().await;
    }

    /// Picks a file and waits until the view has finished with it.
    async fn import(&self, name: &str, text: &str) {
        self.pick_file(name, text).await;
        self.wait_parsed(name).await;
    }

    /// Waits until the view has finished with the file `name`.
    async fn wait_parsed(&self, name: &str) {
        // Done when the refusal or the import names this file (tests use a new name, or a
        // good file in between, so an earlier outcome cannot be mistaken for this one).
        self.wait_for(&format!("{name} to be parsed"), |p| {
            let names = |sel: &str| {
                p.find(sel)
                    .is_some_and(|e| e.text_content().unwrap_or_default().contains(name))
            };
            p.find("[data-testid=cs-parsing]").is_none()
                && (names(".cs-import-errors") || names("[data-testid=cs-imported]"))
        })
        .await;
    }

    /// Types into a violation's count box (`input` event).
    async fn type_count(&self, id: &str, text: &str) {
        let el: HtmlInputElement = self
            .get(&format!(
                "input[data-testid=violation-count][data-violation=\"{id}\"]"
            ))
            .dyn_into()
            .expect("count box");
        el.set_value(text);
        fire(&el, "input");
        yew::scheduler::flush().await;
    }

    fn totals(&self) -> (String, String) {
        (
            self.attr("[data-testid=violation-total]", "data-general"),
            self.attr("[data-testid=violation-total]", "data-serious"),
        )
    }
}

fn cli() -> Value {
    serde_json::from_str(CLI).expect("the CLI report is JSON")
}

/// A rate shown as `data-value` equals the CLI's number (serde_json's default float parsing may
/// differ in the last bit, so compare with a tolerance far below any displayed digit).
fn same_rate(shown: &str, cli: &Value) -> bool {
    match (shown.parse::<f64>().ok(), cli.as_f64()) {
        (None, None) => shown.is_empty(),
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        _ => false,
    }
}

#[wasm_bindgen_test]
async fn the_example_log_shows_the_clis_day_by_day_statuses() {
    reset("?lang=en");
    let page = Page::open().await;
    assert!(page.find("[data-testid=cs-empty]").is_some());
    page.import("sessions-example.csv", EXAMPLE).await;

    let report = cli();
    let days = report["days"].as_array().expect("days");
    let rows = page.all("[data-testid=cs-day]");
    assert_eq!(rows.len(), days.len(), "one row per day of the CLI's range");
    for (row, want) in rows.iter().zip(days) {
        let date = row.get_attribute("data-date").unwrap_or_default();
        assert_eq!(date, want["date"].as_str().unwrap_or_default());
        assert_eq!(
            row.get_attribute("data-status").as_deref(),
            want["status"].as_str(),
            "status of {date}"
        );
        assert_eq!(
            row.get_attribute("data-starts-penalty").as_deref(),
            Some(if want["starts_penalty"] == Value::Bool(true) {
                "true"
            } else {
                "false"
            }),
            "penalty marker of {date}"
        );
        let rate = row
            .query_selector("td[data-value]")
            .ok()
            .flatten()
            .and_then(|c| c.get_attribute("data-value"))
            .unwrap_or_default();
        assert!(
            same_rate(&rate, &want["rate_pct"]),
            "rate of {date}: {rate}"
        );
    }

    // The story of the example, spelled out.
    let status = |d: &str| {
        page.attr(
            &format!("[data-testid=cs-day][data-date=\"{d}\"]"),
            "data-status",
        )
    };
    assert_eq!(status("2025-05-22"), "fail");
    let may22 = page.get("[data-testid=cs-day][data-date=\"2025-05-22\"]");
    assert_eq!(
        may22.get_attribute("data-starts-penalty").as_deref(),
        Some("true")
    );
    assert!(may22.text_content().unwrap_or_default().contains("77.3%"));
    assert!(same_rate(
        &may22
            .query_selector("td[data-value]")
            .ok()
            .flatten()
            .and_then(|c| c.get_attribute("data-value"))
            .unwrap_or_default(),
        &Value::from(77.34375)
    ));
    for d in ["2025-05-23", "2025-05-24", "2025-05-25"] {
        assert_eq!(status(d), "penalty", "{d}");
    }
    assert_eq!(status("2025-05-26"), "no_data");
    for d in 27..=31 {
        let d = format!("2025-05-{d}");
        assert_eq!(status(&d), "fail", "{d}");
        assert_eq!(
            page.attr(
                &format!("[data-testid=cs-day][data-date=\"{d}\"]"),
                "data-starts-penalty"
            ),
            "false",
            "{d}: May's penalty is already used"
        );
    }
    for d in days
        .iter()
        .filter_map(|d| d["date"].as_str())
        .filter(|d| *d >= "2025-06-01")
    {
        assert_eq!(status(d), "pass", "{d}");
    }

    // The next assessment: the last day of the CLI's default range.
    let last = days.last().expect("a last day");
    assert_eq!(last["date"], "2025-06-16");
    assert_eq!(
        page.attr("[data-testid=cs-summary]", "data-date"),
        "2025-06-16"
    );
    assert_eq!(
        page.attr("[data-testid=cs-status]", "data-status"),
        last["status"].as_str().unwrap_or_default()
    );
    assert_eq!(page.text("[data-testid=cs-status]"), "Pass");
    assert!(same_rate(
        &page.attr("[data-testid=cs-rate]", "data-value"),
        &last["rate_pct"]
    ));
    let want = format!("{:.1}%", last["rate_pct"].as_f64().unwrap_or_default());
    assert_eq!(page.text("[data-testid=cs-rate]"), want);

    // Months.
    let months = report["months"].as_array().expect("months");
    assert_eq!(page.all("[data-testid=cs-month]").len(), months.len());
    for m in months {
        let sel = format!(
            "[data-testid=cs-month][data-month=\"{}\"]",
            m["month"].as_str().unwrap_or_default()
        );
        let over = if m["over_target"] == Value::Bool(true) {
            "true"
        } else {
            "false"
        };
        assert_eq!(page.attr(&sel, "data-over-target"), over);
        let cell = page
            .get(&sel)
            .query_selector("td[data-value]")
            .ok()
            .flatten()
            .and_then(|c| c.get_attribute("data-value"))
            .unwrap_or_default();
        assert!(same_rate(&cell, &m["rate_pct"]), "{sel}: {cell}");
    }
    assert!(page
        .attr(
            "[data-testid=cs-month][data-month=\"2025-05\"] td[data-value]",
            "data-value"
        )
        .starts_with("10.135"));
    assert_eq!(
        page.attr(
            "[data-testid=cs-month][data-month=\"2025-05\"]",
            "data-over-target"
        ),
        "true"
    );
    assert!(page
        .attr(
            "[data-testid=cs-month][data-month=\"2025-06\"] td[data-value]",
            "data-value"
        )
        .starts_with("7.47"));
    // The 10 % target is an assumption and says so.
    assert!(page
        .find("[data-testid=cs-dissatisfaction-target] [data-provenance=assumed]")
        .is_some());

    // The chart's text alternative names the penalty period.
    let table = page.text("[data-testid=cs-chart-table]");
    assert!(table.contains("2025-05-23 – 2025-05-25"), "{table}");

    // Switching tabs keeps the imported log.
    page.click("[data-testid=tab-score]").await;
    assert!(page.get("#panel-cs").has_attribute("hidden"));
    page.click("[data-testid=tab-cs]").await;
    assert!(!page.get("#panel-cs").has_attribute("hidden"));
    assert_eq!(page.attr("[data-testid=cs-status]", "data-status"), "pass");
    page.close().await;
}

#[wasm_bindgen_test]
async fn a_malformed_log_names_line_3_and_imports_nothing() {
    reset("?lang=en");
    let page = Page::open().await;
    let bad = "session_id,started_at,first_reply_at,rating\n\
               a,2025-05-05 10:00:00,2025-05-05 10:01:00,5\n\
               b,2025-05-05 10:05:00,2025-05-05 10:04:00,\n";
    page.import("bad.csv", bad).await;
    let errors = page.all("[data-testid=import-errors] li");
    assert_eq!(errors.len(), 1);
    let text = errors[0].text_content().unwrap_or_default();
    assert!(text.contains("line 3"), "{text}");
    assert!(text.contains("first_reply_at"), "{text}");
    assert_eq!(errors[0].get_attribute("data-line").as_deref(), Some("3"));
    assert!(
        page.find("[data-testid=cs-status]").is_none(),
        "nothing imported"
    );
    assert!(page.find("[data-testid=cs-empty]").is_some());

    // With a log in place, a bad file leaves it untouched.
    page.import("sessions-example.csv", EXAMPLE).await;
    assert_eq!(
        page.attr("[data-testid=cs-summary]", "data-date"),
        "2025-06-16"
    );
    page.import("bad.csv", bad).await;
    assert_eq!(page.all("[data-testid=import-errors] li").len(), 1);
    assert_eq!(
        page.attr("[data-testid=cs-summary]", "data-date"),
        "2025-06-16"
    );
    assert_eq!(page.attr("[data-testid=cs-status]", "data-status"), "pass");
    assert!(page
        .text("[data-testid=cs-imported]")
        .contains("sessions-example.csv"));

    // Many bad rows: the list stops at the core's limit and says there are more.
    let many: String = std::iter::once("session_id,started_at,first_reply_at\n".to_string())
        .chain((0..80).map(|i| format!("s{i},not a time,\n")))
        .collect();
    page.import("many.csv", &many).await;
    assert_eq!(page.all("[data-testid=import-errors] li").len(), 50);
    assert!(page.find("[data-testid=import-errors-more]").is_some());

    // Unknown columns are imported around and named.
    let extra = "Agent,session_id,started_at,first_reply_at\nLi,x,2025-05-05 10:00:00,\n";
    page.import("extra.csv", extra).await;
    assert!(page
        .text("[data-testid=cs-ignored-columns]")
        .contains("Agent"));
    assert_eq!(
        page.attr("[data-testid=cs-summary]", "data-date"),
        "2025-05-06"
    );
    assert_eq!(page.attr("[data-testid=cs-status]", "data-status"), "fail");
    page.close().await;
}

#[wasm_bindgen_test]
async fn what_it_takes_answers_for_the_chosen_day() {
    reset("?lang=en");
    let page = Page::open().await;
    page.import("sessions-example.csv", EXAMPLE).await;
    // Default: two days after the log's last day (2025-06-15).
    assert_eq!(
        page.attr("[data-testid=what-it-takes]", "data-day"),
        "2025-06-17"
    );
    assert_eq!(
        page.attr("[data-testid=what-it-takes]", "data-outcome"),
        "reachable"
    );
    let answer = page.text("[data-testid=what-it-takes]");
    assert!(
        answer.contains("answer at least 20 of the expected next 72"),
        "{answer}"
    );

    let input: HtmlInputElement = page
        .get("[data-testid=cs-plan-day]")
        .dyn_into()
        .expect("date input");
    input.set_value("2025-06-16");
    fire(&input, "change");
    yew::scheduler::flush().await;
    assert_eq!(
        page.attr("[data-testid=what-it-takes]", "data-outcome"),
        "decided"
    );
    assert!(page.text("[data-testid=what-it-takes]").contains("88.9%"));

    // A day inside the log is refused beside the box; the last valid day is kept.
    input.set_value("2025-06-10");
    fire(&input, "change");
    yew::scheduler::flush().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(!page.text("#cs-plan-day-msg").is_empty());
    assert_eq!(
        page.attr("[data-testid=what-it-takes]", "data-day"),
        "2025-06-16"
    );

    // The staffing view: 24 hours, those outside 09:00–23:00 marked.
    let hours = page.all("[data-testid=cs-hour]");
    assert_eq!(hours.len(), 24);
    let coverage: Vec<String> = hours
        .iter()
        .map(|h| h.get_attribute("data-coverage").unwrap_or_default())
        .collect();
    assert!(coverage[..9].iter().all(|c| c == "none"));
    assert!(coverage[9..23].iter().all(|c| c == "full"));
    assert_eq!(coverage[23], "partial");
    page.close().await;
}

#[wasm_bindgen_test]
async fn the_violation_tally_adds_up_and_is_kept() {
    reset("?lang=en");
    let page = Page::open().await;
    // The tally works without a session log.
    assert_eq!(page.totals(), ("0".into(), "0".into()));
    let counts: serde_json::Map<String, Value> =
        serde_json::from_str(VIOLATIONS).expect("example counts");
    for (id, n) in &counts {
        page.type_count(id, &n.to_string()).await;
    }
    // SPEC §1: 3×2 + 2×10 general; 1×25 + 2×25 serious; blacklisting once is no points.
    assert_eq!(page.totals(), ("26".into(), "75".into()));
    assert_eq!(
        page.attr("[data-testid=violation-limit]", "data-remaining"),
        "25"
    );
    assert_eq!(
        page.attr("[data-testid=violation-limit]", "data-reached"),
        "false"
    );
    assert!(page
        .text("[data-testid=violation-limit]")
        .contains("20,000"));

    // A refused entry: message beside the box, last valid count kept.
    page.type_count("information_leak", "-1").await;
    let msg = page.text("#cs-count-msg-information_leak");
    assert!(msg.contains("whole number"), "{msg}");
    assert_eq!(page.totals(), ("26".into(), "75".into()));
    page.type_count("information_leak", "3").await;
    assert_eq!(page.totals(), ("26".into(), "100".into()));
    assert_eq!(
        page.attr("[data-testid=violation-limit]", "data-reached"),
        "true"
    );
    // Blacklisting three times suspends the blacklist function.
    page.type_count("blacklist_abuse", "3").await;
    assert!(page
        .find("[data-testid=violation-consequences] li[data-violation=blacklist_abuse]")
        .is_some());

    // Stored under its own key with a schema version, and back on the next visit.
    let stored: Value = serde_json::from_str(
        &storage()
            .get_item(COUNTS_KEY)
            .ok()
            .flatten()
            .expect("counts stored"),
    )
    .expect("stored counts are JSON");
    assert_eq!(stored["schema"], 1);
    assert_eq!(stored["counts"]["information_leak"], 3);
    page.close().await;
    let page = Page::open().await;
    assert_eq!(page.totals(), ("26".into(), "100".into()));
    page.close().await;

    // An unreadable stored value: a notice, counts from zero, the value kept as a backup.
    storage()
        .set_item(COUNTS_KEY, "{\"schema\":1,")
        .expect("setItem");
    let page = Page::open().await;
    assert!(page
        .text("[data-testid=violations-notice]")
        .contains("could not be read"));
    assert_eq!(page.totals(), ("0".into(), "0".into()));
    assert_eq!(
        storage()
            .get_item(COUNTS_BACKUP_KEY)
            .ok()
            .flatten()
            .as_deref(),
        Some("{\"schema\":1,")
    );
    page.close().await;
}

#[wasm_bindgen_test]
async fn a_gbk_export_is_read_and_its_extra_column_named() {
    reset("?lang=en");
    let page = Page::open().await;
    // "session_id,started_at,first_reply_at,客服\na,2025-05-05 10:00:00,,张三\n" in GBK, as
    // Excel on Chinese Windows saves it: not UTF-8.
    let mut bytes = b"session_id,started_at,first_reply_at,".to_vec();
    bytes.extend_from_slice(&[0xBF, 0xCD, 0xB7, 0xFE]);
    bytes.extend_from_slice(b"\na,2025-05-05 10:00:00,,");
    bytes.extend_from_slice(&[0xD5, 0xC5, 0xC8, 0xFD]);
    bytes.push(b'\n');
    let part = js_sys::Uint8Array::from(bytes.as_slice());
    page.pick_part("gbk.csv", &part).await;
    page.wait_parsed("gbk.csv").await;
    assert!(page
        .text("[data-testid=cs-ignored-columns]")
        .contains("客服"));
    assert!(page.text("[data-testid=cs-gb18030]").contains("GB18030"));
    assert_eq!(page.attr("[data-testid=cs-status]", "data-status"), "fail");
    page.close().await;
}
