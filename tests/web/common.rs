//! Shared helpers: a clean page, mounting the app, driving its inputs, reading what it shows,
//! and checking a golden case's expectations against the DOM.

use serde_json::Value;
use servicescore_web::App;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlSelectElement};
use yew::AppHandle;

/// The page's localStorage key (SPEC §3 / `src/storage.rs`).
pub const KEY: &str = "servicescore.state";
/// Where the page keeps an unreadable stored value.
pub const BACKUP_KEY: &str = "servicescore.state.unreadable";

/// The golden file shared with the core tests.
pub const GOLDEN: &str = include_str!("../../crates/servicescore/tests/golden/scenarios.json");

/// Every metric id, in the rule pack's order.
pub const METRICS: [&str; 8] = [
    "review_score",
    "quality_refund_pct",
    "pay_to_sign_hours",
    "ship_on_time_pct",
    "refund_only_hours",
    "return_refund_hours",
    "reply_3min_pct",
    "dispute_pct",
];

/// The golden cases of the default pack (a case without `pack` is the default's).
pub fn golden_cases() -> Vec<Value> {
    let doc: Value = serde_json::from_str(GOLDEN).expect("golden file is JSON");
    let default = doc["rule_pack"].as_str().expect("rule_pack").to_string();
    golden_cases_of(&default)
}

/// The golden cases of the built-in pack `pack` (a case without `pack` is the default's).
pub fn golden_cases_of(pack: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(GOLDEN).expect("golden file is JSON");
    let default = doc["rule_pack"].clone();
    doc["cases"]
        .as_array()
        .expect("golden cases")
        .iter()
        .filter(|c| c.get("pack").unwrap_or(&default) == pack)
        .cloned()
        .collect()
}

/// One golden case by name.
pub fn golden_case(name: &str) -> Value {
    golden_cases()
        .into_iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("golden case {name} is missing"))
}

fn window() -> web_sys::Window {
    web_sys::window().expect("window")
}

fn document() -> web_sys::Document {
    window().document().expect("document")
}

/// The browser's localStorage.
pub fn storage() -> web_sys::Storage {
    window()
        .local_storage()
        .expect("localStorage allowed")
        .expect("localStorage present")
}

/// Clears localStorage and sets the URL query (`""` or `"?a=b"`) without reloading.
pub fn reset(query: &str) {
    storage().clear().expect("clear localStorage");
    set_query(query);
}

/// Sets the URL query with `history.replaceState` (the path stays).
pub fn set_query(query: &str) {
    let loc = window().location();
    let path = loc.pathname().expect("pathname");
    window()
        .history()
        .expect("history")
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .expect("replaceState");
}

/// The current `location.search`.
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// Waits `ms` milliseconds on a real timer (the page's debounces and file reads use real
/// timers and animation frames too).
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .expect("timer");
}

/// Waits for the next animation frame.
pub async fn next_frame() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .request_animation_frame(&resolve)
            .expect("requestAnimationFrame");
    });
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .expect("frame");
}

/// Waits until the views have the shell's latest snapshot and have rendered it: the shell
/// sends it after its next frame and a task (src/lazy.rs), the views render it at once.
pub async fn views_caught_up() {
    yew::scheduler::flush().await;
    next_frame().await;
    sleep(0).await;
    sleep(0).await;
    yew::scheduler::flush().await;
}

/// The shortest text that reads back as `v` (`62.5`, `84`).
pub fn num(v: f64) -> String {
    format!("{v}")
}

/// The app mounted in its own element.
pub struct Page {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Page {
    /// Mounts the app into a fresh `<div>` and waits for the first render.
    pub async fn mount() -> Page {
        // A test that panicked did not unmount: its elements would hold the slot ids the
        // views render into, and every later test would fail with it.
        for id in ["app-under-test", "views-root"] {
            while let Some(old) = document().get_element_by_id(id) {
                old.remove();
            }
        }
        let root = document().create_element("div").expect("div");
        root.set_id("app-under-test");
        document()
            .body()
            .expect("body")
            .append_child(&root)
            .expect("append root");
        // The views (charts, advice, the other tabs) mounted in-process, through the same
        // bridge the second module uses in the built page.
        servicescore_web::views::install_in_process();
        let props = servicescore_web::app::AppProps {
            start: std::rc::Rc::new(servicescore_web::app::boot()),
            staged: false,
        };
        let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        // The shell asks for the views at the page's first use (src/lazy.rs): a scroll, as
        // a reader scrolls down to the charts (the watch starts after the first frame).
        for _ in 0..250 {
            if document().get_element_by_id("views-root").is_some() {
                break;
            }
            if let Ok(scroll) = web_sys::Event::new("scroll") {
                let _ = web_sys::window().expect("window").dispatch_event(&scroll);
            }
            sleep(20).await;
        }
        // The views build their slots one per task (src/views.rs): wait until every slot
        // the shell laid out is filled.
        // Up to 10 s: the first test also pays for compiling the test module.
        for _ in 0..1000 {
            let slots = document()
                .query_selector_all("[id^=slot-]")
                .expect("valid selector");
            let filled = (0..slots.length())
                .filter_map(|i| slots.item(i))
                .filter_map(|n| n.dyn_into::<Element>().ok())
                .all(|e| e.child_element_count() > 0);
            if filled {
                break;
            }
            sleep(10).await;
        }
        views_caught_up().await;
        Page {
            root,
            handle: Some(handle),
        }
    }

    /// Destroys the app (cancelling its URL timer) and removes its element.
    pub async fn unmount(mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        servicescore_web::views::uninstall_in_process();
        yew::scheduler::flush().await;
        self.root.remove();
    }

    /// Waits `ms` milliseconds (e.g. for the page's storage and URL writes, which happen once
    /// the inputs have rested).
    pub async fn rest(&self, ms: i32) {
        sleep(ms).await;
    }

    /// The first element matching `sel` inside the app.
    pub fn find(&self, sel: &str) -> Option<Element> {
        self.root.query_selector(sel).expect("valid selector")
    }

    /// The element matching `sel`; panics naming it when absent.
    pub fn get(&self, sel: &str) -> Element {
        self.find(sel)
            .unwrap_or_else(|| panic!("no element matches {sel}"))
    }

    /// Every element matching `sel` inside the app.
    pub fn all(&self, sel: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(sel).expect("valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    /// Trimmed text content of the element matching `sel`.
    pub fn text(&self, sel: &str) -> String {
        self.get(sel)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// The displayed overall score (`4.40` or `—`).
    pub fn score(&self) -> String {
        self.text("[data-testid=overall-score]")
    }

    /// A metric's number box.
    pub fn number_box(&self, metric: &str) -> HtmlInputElement {
        self.get(&format!("input[data-metric-number=\"{metric}\"]"))
            .dyn_into()
            .expect("number box is an input")
    }

    /// A metric's slider.
    pub fn slider(&self, metric: &str) -> HtmlInputElement {
        self.get(&format!("input[type=range][data-metric=\"{metric}\"]"))
            .dyn_into()
            .expect("slider is an input")
    }

    /// A metric's "has data" switch.
    pub fn present_box(&self, metric: &str) -> HtmlInputElement {
        self.get(&format!("input[data-metric-present=\"{metric}\"]"))
            .dyn_into()
            .expect("switch is an input")
    }

    /// The industry selector.
    pub fn industry_select(&self) -> HtmlSelectElement {
        self.get("select[data-testid=industry]")
            .dyn_into()
            .expect("industry is a select")
    }

    /// Types `text` into a metric's number box (value + `input` event) and waits for the render.
    pub async fn type_number(&self, metric: &str, text: &str) {
        self.type_keys(metric, text).await;
        let el = self.number_box(metric);
        let _ = el.blur();
        views_caught_up().await;
    }

    /// Types into a metric's number box key by key, as a person does (focus, one `input`
    /// event per character, the box's text growing), without leaving the box.
    pub async fn type_keys(&self, metric: &str, text: &str) {
        let el = self.number_box(metric);
        let _ = el.focus();
        el.set_value("");
        fire(&el, "input");
        yew::scheduler::flush().await;
        let mut typed = String::new();
        for c in text.chars() {
            typed.push(c);
            el.set_value(&typed);
            fire(&el, "input");
            yew::scheduler::flush().await;
        }
    }

    /// Moves a metric's slider to `value` (value + `input` event) and waits for the render.
    pub async fn slide(&self, metric: &str, value: f64) {
        let el = self.slider(metric);
        el.set_value(&num(value));
        fire(&el, "input");
        views_caught_up().await;
    }

    /// Sets a metric's "has data" switch (checked + `change` event) when it differs.
    pub async fn set_present(&self, metric: &str, on: bool) {
        let el = self.present_box(metric);
        if el.checked() != on {
            el.set_checked(on);
            fire(&el, "change");
            views_caught_up().await;
        }
    }

    /// Clicks the element `sel` finds and waits for the render.
    pub async fn click(&self, sel: &str) {
        let el: web_sys::HtmlElement = self.get(sel).dyn_into().expect("clickable element");
        el.click();
        views_caught_up().await;
    }

    /// Chooses an industry (value + `change` event).
    pub async fn choose_industry(&self, id: &str) {
        let el = self.industry_select();
        el.set_value(id);
        assert_eq!(el.value(), id, "the industry selector has no option {id}");
        fire(&el, "change");
        views_caught_up().await;
    }

    /// Drives the page to a scenario (`{"industry"?, "metrics": {...}}`) through its inputs:
    /// the industry selector, a number box per metric with data, and the "has data" switch
    /// off for the others.
    pub async fn drive(&self, input: &Value) {
        let industry = input["industry"].as_str().unwrap_or("general");
        // The metrics first: an industry without a score has no sliders to set.
        self.choose_industry("general").await;
        let metrics = &input["metrics"];
        for id in METRICS {
            match metrics.get(id).and_then(Value::as_f64) {
                Some(v) => {
                    self.type_number(id, &num(v)).await;
                    self.set_present(id, true).await;
                }
                None => self.set_present(id, false).await,
            }
        }
        self.choose_industry(industry).await;
    }

    /// Checks what the page shows against a golden `expected` object; returns every mismatch.
    pub fn mismatches(&self, expected: &Value) -> Vec<String> {
        let mut out = Vec::new();
        let shown = self.score();
        let want = expected["display_score"].as_str().unwrap_or("—");
        if shown != want {
            out.push(format!("overall score: shown {shown:?}, expected {want:?}"));
        }

        let stars = self
            .get("[data-testid=stars]")
            .get_attribute("data-stars")
            .unwrap_or_default();
        match expected["stars"].as_f64() {
            Some(want) => {
                if stars.parse::<f64>().ok() != Some(want) {
                    out.push(format!("data-stars: shown {stars:?}, expected {want}"));
                }
            }
            None => {
                if !stars.is_empty() {
                    out.push(format!("data-stars: shown {stars:?}, expected none"));
                }
            }
        }

        let mut dims: Vec<(String, String)> = self
            .all("[data-testid=dimension-score]")
            .iter()
            .map(|d| {
                let id = d.get_attribute("data-dimension").unwrap_or_default();
                let v = d
                    .query_selector("[data-testid=dimension-value]")
                    .ok()
                    .flatten()
                    .and_then(|v| v.text_content())
                    .unwrap_or_else(|| "(no dimension-value)".into());
                (id, v.trim().to_string())
            })
            .collect();
        dims.sort();
        let mut want_dims: Vec<(String, String)> = expected["dimensions"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default();
        want_dims.sort();
        if dims != want_dims {
            out.push(format!(
                "dimensions: shown {dims:?}, expected {want_dims:?}"
            ));
        }

        let mut ths: Vec<(String, String)> = self
            .all("[data-testid=threshold]")
            .iter()
            .map(|t| {
                (
                    t.get_attribute("data-threshold").unwrap_or_default(),
                    t.get_attribute("data-met").unwrap_or_default(),
                )
            })
            .collect();
        ths.sort();
        let mut want_ths: Vec<(String, String)> = expected["thresholds"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_bool().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default();
        want_ths.sort();
        if ths != want_ths {
            out.push(format!("thresholds: shown {ths:?}, expected {want_ths:?}"));
        }
        out
    }

    /// Asserts a golden `expected` object.
    pub fn assert_expected(&self, what: &str, expected: &Value) {
        let m = self.mismatches(expected);
        assert!(m.is_empty(), "{what}:\n  {}", m.join("\n  "));
    }
}

/// Dispatches a bubbling event, as the browser does for user input (Yew delegates events to
/// its root, so they must bubble).
pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let ev = Event::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&ev).expect("dispatch");
}
