//! Issue 9 with the page's own words: the charts the page builds (every metric in focus, the
//! dimension bars with a baseline, the example projection), laid out in zh, en and es at a
//! phone's and a desktop's chart width, at 1× and 2×: no label leaves the chart, none overlaps
//! another. (The charts crate's `tests/labels.rs` checks the same on the drawn SVG.)

#![cfg(not(target_arch = "wasm32"))]

use servicescore::timeline::{parse_date, DailyRecords, History, Plan, Window};
use servicescore::{breakdown, Model, RulePack, Scenario};
use servicescore_charts::Chart;
use servicescore_web::chart_data::{dimension_chart, projection_chart, sensitivity_chart};
use servicescore_web::format::PageFormat;
use servicescore_web::i18n::Lang;

fn pack() -> &'static RulePack {
    RulePack::default_pack()
}

/// Every label of `layout` inside the drawing and clear of every other.
fn assert_clear(what: &str, layout: &servicescore_charts::Layout) {
    let (w, h) = layout.frame.size;
    let drawing = servicescore_charts::layout::Rect {
        left: 0.0,
        top: 0.0,
        right: w,
        bottom: h,
    };
    for (i, a) in layout.labels.iter().enumerate() {
        assert!(
            drawing.encloses(&a.rect()),
            "{what}: {a:?} leaves the chart"
        );
        for b in &layout.labels[i + 1..] {
            assert!(!a.rect().overlaps(&b.rect(), 0.0), "{what}: {a:?} / {b:?}");
        }
    }
}

#[test]
fn the_page_charts_labels_never_collide_in_any_language() {
    // Issue 9, with the page's own words: every metric in focus, the dimension bars with a
    // baseline, and the example projection, at a phone's and a desktop's chart width.
    let model = Model::new(pack(), "general").unwrap();
    let now = Scenario::from_json(
        r#"{"metrics":{"reply_3min_pct":60,"ship_on_time_pct":99.5,
        "review_score":4.85,"dispute_pct":0.02}}"#,
    )
    .unwrap();
    let values = now.values(pack());
    let e = breakdown(&model, &values);
    let b = breakdown(
        &model,
        &Scenario::from_json(r#"{"metrics":{}}"#)
            .unwrap()
            .values(pack()),
    );
    let records =
        DailyRecords::from_csv(include_str!("../www/examples/daily-example.csv")).unwrap();
    let history = History::from_records(pack(), &records);
    let start = parse_date("2026-11-21").unwrap();
    let p = Window::new(Model::new(pack(), "general").unwrap())
        .project(&history, &Plan::hold(start, &now), start, 180)
        .unwrap();
    let past: Vec<(i32, Option<f64>)> = (-30..0).map(|d| (d, Some(4.3))).collect();
    for lang in Lang::ALL {
        let fmt = PageFormat::new(pack(), lang);
        for k in [1.0, 2.0] {
            let theme = servicescore_charts::Theme::light().scaled(k);
            for width in [328.0, 1280.0] {
                let (w, at) = (width * k, format!("{lang:?} at {width} (×{k})"));
                for m in &pack().metrics {
                    let c = sensitivity_chart(&model, &values, &m.id, lang).unwrap();
                    assert_clear(
                        &format!("{} {at}", m.id),
                        &c.layout(w, 240.0 * k, &theme, &fmt),
                    );
                }
                let d = dimension_chart(pack(), &e, Some(&b), lang).unwrap();
                assert_clear(
                    &format!("dimensions {at}"),
                    &d.layout(w, 200.0 * k, &theme, &fmt),
                );
                let c = projection_chart(pack(), &p, &past, start, lang);
                assert_clear(
                    &format!("projection {at}"),
                    &c.layout(w, 280.0 * k, &theme, &fmt),
                );
            }
        }
    }
}
