//! Browser tests of the canvas adapter (headless Chromium via wasm-bindgen-test): the
//! backing store follows the device pixel ratio, the CSS size is set through the CSSOM, and the
//! charts put ink where their lines should be and none where they should not.
//!
//! Run: `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test -p servicescore-charts
//! --target wasm32-unknown-unknown --features canvas --test browser`.
#![cfg(all(target_arch = "wasm32", feature = "canvas"))]

use servicescore_charts::canvas::probe::{blueish, context, near, pixel, white};
use servicescore_charts::canvas::{draw_on_canvas, render, Layers};
use servicescore_charts::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;

wasm_bindgen_test_configure!(run_in_browser);

fn new_canvas() -> HtmlCanvasElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("is a canvas");
    document
        .body()
        .expect("body")
        .append_child(&canvas)
        .expect("appended");
    canvas
}

fn vermillionish(p: [u8; 4]) -> bool {
    i32::from(p[0]) > i32::from(p[2]) + 80 && p[3] == 255
}

fn sensitivity() -> SensitivityChart {
    SensitivityChart {
        title: "3分钟回复率".into(),
        x_label: "3分钟回复率 (%)".into(),
        overall_label: "服务分".into(),
        current_label: "当前".into(),
        no_data_label: "暂无数据".into(),
        overall: vec![(0.0, Some(3.0)), (50.0, Some(3.5)), (100.0, Some(5.0))],
        current: Some(30.0),
        levels: vec![Level {
            line: HLine {
                y: 4.5,
                label: "活动 4.5".into(),
                kind: LineKind::Gate,
            },
            reach: Reach::At(83.4),
        }],
        next: Some(0),
        ..SensitivityChart::default()
    }
}

#[wasm_bindgen_test]
fn backing_store_follows_the_device_pixel_ratio() {
    let canvas = new_canvas();
    render(
        &canvas,
        400.0,
        240.0,
        2.0,
        &sensitivity(),
        &Theme::light(),
        &Plain,
    )
    .expect("renders");
    assert_eq!((canvas.width(), canvas.height()), (800, 480));
    let style = canvas.style();
    assert_eq!(
        style.get_property_value("width").ok().as_deref(),
        Some("400px")
    );
    assert_eq!(
        style.get_property_value("height").ok().as_deref(),
        Some("240px")
    );
    // A new size reallocates the backing store.
    render(
        &canvas,
        300.0,
        200.0,
        1.5,
        &sensitivity(),
        &Theme::light(),
        &Plain,
    )
    .expect("renders");
    assert_eq!((canvas.width(), canvas.height()), (450, 300));
}

#[wasm_bindgen_test]
fn sensitivity_ink_is_where_the_line_is() {
    let canvas = new_canvas();
    let chart = sensitivity();
    let theme = Theme::light();
    render(&canvas, 400.0, 240.0, 2.0, &chart, &theme, &Plain).expect("renders");
    let ctx = context(&canvas).expect("2d context");
    let f = chart.layout(800.0, 480.0, &theme.scaled(2.0), &Plain).frame;
    // On the line: blue within a couple of device pixels.
    for (x, y) in [(10.0, 3.1), (40.0, 3.4), (75.0, 4.25), (95.0, 4.85)] {
        let (px, py) = (f.x.map(x), f.y.map(y));
        assert!(near(&ctx, px, py, 2, blueish), "line at ({x}, {y})");
    }
    // The 4.5 gate row, at the start of a dash.
    let gy = f.y.map(4.5);
    assert!(near(&ctx, f.plot.left + 2.0, gy, 1, vermillionish), "gate");
    // Empty plot area: above the line at the left, between grid lines and off the gate.
    let (ex, ey) = (f.x.map(15.0), f.y.map(4.75));
    assert!(
        near(&ctx, ex, ey, 3, white) && !near(&ctx, ex, ey, 3, blueish),
        "blank"
    );
    // The current-value rule: dark, across the plot.
    let cx = f.x.map(30.0);
    let p = pixel(&ctx, cx, f.y.map(4.75));
    assert!(p[0] < 80 && p[1] < 80 && p[2] < 80, "current rule {p:?}");
}

/// Starts recording every DOM change below `<body>`.
fn watch_body() -> web_sys::MutationObserver {
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .expect("body");
    let observer =
        web_sys::MutationObserver::new(&js_sys::Function::new_no_args("")).expect("observer");
    let opts = web_sys::MutationObserverInit::new();
    opts.set_child_list(true);
    opts.set_subtree(true);
    opts.set_attributes(true);
    observer
        .observe_with_options(&body, &opts)
        .expect("observing");
    observer
}

#[wasm_bindgen_test]
fn text_is_laid_out_without_touching_the_dom() {
    use plotters::prelude::*;
    let canvas = new_canvas();
    render(
        &canvas,
        400.0,
        240.0,
        1.0,
        &sensitivity(),
        &Theme::light(),
        &Plain,
    )
    .expect("renders");
    // Sizing the canvas changes its style; drawing must change nothing at all.
    let observer = watch_body();
    render(
        &canvas,
        400.0,
        240.0,
        1.0,
        &sensitivity(),
        &Theme::light(),
        &Plain,
    )
    .expect("renders");
    let during_draw = observer.take_records().length();
    // Control: plotters' own text measurement (what a ChartBuilder mesh would use) adds and
    // removes a styled <span>, which this observer does see.
    draw_on_canvas(&canvas, 400.0, 240.0, 1.0, |area, _| {
        let style = TextStyle::from(("sans-serif", 12.0).into_font());
        area.estimate_text_size("服务分", &style).expect("measures");
    })
    .expect("draws");
    let while_measuring = observer.take_records().length();
    observer.disconnect();
    assert_eq!(during_draw, 0);
    assert!(while_measuring > 0);
}

#[wasm_bindgen_test]
fn rate_shading() {
    let canvas = new_canvas();
    let chart = RateChart {
        title: "3分钟回复率".into(),
        rate_label: "回复率".into(),
        target_label: "目标 80%".into(),
        penalty_label: "处罚期".into(),
        below_target_label: "未达标".into(),
        days: [Some(85.0), Some(70.0), None, None, None, Some(90.0)]
            .iter()
            .enumerate()
            .map(|(i, &rate)| RateDay {
                day: i as i32,
                rate,
                below_target: rate.is_some_and(|r| r < 80.0),
                text: String::new(),
            })
            .collect(),
        shaded: vec![(2, 4)],
        ..RateChart::default()
    };
    let theme = Theme::light();
    render(&canvas, 360.0, 200.0, 1.0, &chart, &theme, &Plain).expect("renders");
    let ctx = context(&canvas).expect("2d context");
    let f = chart.layout(360.0, 200.0, &theme, &Plain).frame;
    let r = chart.shaded_rects(&f);
    // Tinted (or hatched) everywhere inside the period, white just outside it.
    for y in [0.3, 0.5, 0.7] {
        let at = (r[0].center_x(), r[0].top + y * r[0].height());
        let p = pixel(&ctx, at.0, at.1);
        assert!(!white(p) && p[0] >= p[2], "shade {p:?}");
    }
    let outside = pixel(&ctx, r[0].left - 6.0, f.y.map(30.0));
    assert!(white(outside), "outside {outside:?}");
    // The rate line between day 0 (85) and day 1 (70).
    let mid = (f.x.map(0.5), f.y.map(77.5));
    assert!(near(&ctx, mid.0, mid.1, 2, blueish), "rate line");
}

#[wasm_bindgen_test]
fn empty_size_draws_nothing() {
    let canvas = new_canvas();
    canvas.set_width(10);
    let out = draw_on_canvas(&canvas, 0.0, 100.0, 2.0, |_, _| 1).expect("ok");
    assert_eq!(out, None);
    assert_eq!(canvas.width(), 10);
    render(
        &canvas,
        f64::NAN,
        100.0,
        2.0,
        &sensitivity(),
        &Theme::light(),
        &Plain,
    )
    .expect("ok");
}

#[wasm_bindgen_test]
fn every_chart_draws_on_a_canvas() {
    let theme = Theme::light();
    let dims = DimensionChart {
        bars: vec![DimBar {
            label: "物流体验".into(),
            current: Some(4.6),
            baseline: Some(4.2),
        }],
        ..DimensionChart::default()
    };
    let canvas = new_canvas();
    render(&canvas, 300.0, 200.0, 1.0, &dims, &theme, &Plain).expect("dimension");
    let f = dims.layout(300.0, 200.0, &theme, &Plain).frame;
    let s = dims.slots(&f);
    let bar = s[0].current.expect("bar");
    assert!(blueish(pixel(
        &context(&canvas).expect("2d context"),
        bar.center_x(),
        bar.center_y()
    )));

    let proj = ProjectionChart {
        days: (0..30)
            .map(|d| (d, Some(4.0 + 0.02 * f64::from(d))))
            .collect(),
        ..ProjectionChart::default()
    };
    let canvas = new_canvas();
    render(&canvas, 300.0, 200.0, 3.0, &proj, &theme, &Plain).expect("projection");
    let f = proj.layout(900.0, 600.0, &theme.scaled(3.0), &Plain).frame;
    let ctx = context(&canvas).expect("2d context");
    assert!(
        near(&ctx, f.x.map(15.0), f.y.map(4.3), 3, blueish),
        "projection line"
    );
}

/// Counts calls and property sets on every canvas 2D context while `f` runs.
fn canvas_calls(f: impl FnOnce()) -> std::collections::BTreeMap<String, u32> {
    let patch = r#"
      (function () {
        const p = CanvasRenderingContext2D.prototype;
        window.__calls = {};
        window.__unpatch = [];
        for (const k of Object.getOwnPropertyNames(p)) {
          const d = Object.getOwnPropertyDescriptor(p, k);
          const count = (name) => { window.__calls[name] = (window.__calls[name] || 0) + 1; };
          if (typeof d.value === 'function' && k !== 'constructor') {
            p[k] = function (...a) { count(k); return d.value.apply(this, a); };
          } else if (d.set) {
            Object.defineProperty(p, k, {
              get: d.get, set(v) { count('set ' + k); d.set.call(this, v); }, configurable: true,
            });
          } else {
            continue;
          }
          window.__unpatch.push(() => Object.defineProperty(p, k, d));
        }
      })();
    "#;
    js_sys::eval(patch).expect("patched");
    f();
    let counts = js_sys::eval(
        "const c = JSON.stringify(window.__calls); window.__unpatch.forEach((u) => u()); c",
    )
    .expect("counted")
    .as_string()
    .unwrap_or_default();
    counts
        .trim_matches(|c| c == '{' || c == '}')
        .split(',')
        .filter_map(|kv| {
            let (k, v) = kv.split_once(':')?;
            Some((k.trim_matches('"').to_owned(), v.parse().ok()?))
        })
        .collect()
}

#[wasm_bindgen_test]
fn a_redraw_sets_the_canvas_state_only_when_it_changes() {
    let canvas = new_canvas();
    let theme = Theme::light();
    let mut chart = sensitivity();
    chart.dimension = vec![(0.0, Some(3.0)), (50.0, Some(3.5)), (100.0, Some(5.0))];
    chart.dimension_label = "咨询体验".into();
    render(&canvas, 640.0, 240.0, 2.0, &chart, &theme, &Plain).expect("renders");
    let calls = canvas_calls(|| {
        render(&canvas, 640.0, 240.0, 2.0, &chart, &theme, &Plain).expect("renders");
    });
    let n = |k: &str| calls.get(k).copied().unwrap_or(0);
    // Two font sizes (ticks and legend, in-plot labels): two font strings.
    assert!(n("set font") <= 2, "{calls:?}");
    // Fill colours: a few runs (background, grid, axes, lines, markers, halos, text colours),
    // not one per dash or label.
    assert!(n("set fillStyle") <= 24, "{calls:?}");
    assert!(n("fillRect") > 100, "the dashes are drawn: {calls:?}");
    // The dashed dimension curve is one path, stroked once.
    assert!(n("stroke") <= 4, "{calls:?}");
    assert!(
        n("set strokeStyle") <= 3 && n("set lineWidth") <= 2,
        "{calls:?}"
    );
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    context(canvas)
        .expect("2d context")
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .expect("image data")
        .data()
        .to_vec()
}

#[wasm_bindgen_test]
fn a_drag_repaints_only_the_data_over_the_kept_backdrop() {
    let (canvas, theme) = (new_canvas(), Theme::light());
    let mut layers = Layers::default();
    let mut chart = sensitivity();
    layers
        .render(&canvas, 640.0, 240.0, 2.0, &chart, &theme, &Plain)
        .expect("renders");
    // The slider moves: new current value, new curve point, new step.
    chart.current = Some(40.0);
    chart.overall[1].1 = Some(3.6);
    chart.levels[0].reach = Reach::At(80.0);
    let calls = canvas_calls(|| {
        layers
            .render(&canvas, 640.0, 240.0, 2.0, &chart, &theme, &Plain)
            .expect("renders");
    });
    let n = |k: &str| calls.get(k).copied().unwrap_or(0);
    assert_eq!(n("drawImage"), 1, "{calls:?}");
    // The gate's dashes, the grid and the ticks are in the copied backdrop: what is left is
    // the current-value rule, the step's dotted guide and the labels' patches.
    assert!(n("fillRect") < 40, "{calls:?}");
    assert!(calls.values().sum::<u32>() < 100, "{calls:?}");
    assert!(n("fillText") <= 4, "{calls:?}");
    // Exactly what drawing it from scratch shows.
    let fresh = new_canvas();
    render(&fresh, 640.0, 240.0, 2.0, &chart, &theme, &Plain).expect("renders");
    assert!(
        pixels(&canvas) == pixels(&fresh),
        "layered and direct drawings differ"
    );
    // A new size paints a new backdrop.
    let calls = canvas_calls(|| {
        layers
            .render(&canvas, 500.0, 240.0, 2.0, &chart, &theme, &Plain)
            .expect("renders");
    });
    assert!(
        calls.get("fillRect").copied().unwrap_or(0) > 50,
        "{calls:?}"
    );
}
