//! The dimension chart: bars reaching their scores, names that wrap, stagger, then cut.

use super::*;

/// The example dimension chart (also drawn by `all_charts`).
pub(crate) fn dimension(baseline: bool) -> DimensionChart {
    let names = ["商品体验", "物流体验", "售后体验", "咨询体验", "投诉纠纷"];
    let cur = [Some(4.89), Some(4.92), Some(3.87), Some(3.61), None];
    DimensionChart {
        title: "维度".into(),
        current_label: "当前".into(),
        baseline_label: "基准".into(),
        no_data_label: "暂无数据".into(),
        bars: (0..5)
            .map(|i| DimBar {
                label: names[i].into(),
                current: cur[i],
                baseline: baseline.then_some(4.4),
            })
            .collect(),
        hlines: vec![gate(4.0, "4.0")],
        ..DimensionChart::default()
    }
}

#[test]
fn dimension_bars_reach_their_scores() {
    let t = Theme::light();
    let c = dimension(true);
    let els = parse(&render(&c, 520, 280, &t));
    let f = frame(&c, 520.0, 280.0, &t);
    let solid: Vec<&El> = of(&els, "rect", BLUE)
        .into_iter()
        .filter(|e| e.inside(&f.plot, 1.0))
        .collect();
    assert_eq!(solid.len(), 4, "one solid bar per dimension with data");
    for (e, v) in solid.iter().zip([4.89, 4.92, 3.87, 3.61]) {
        assert_eq!(e.num("y") as i32, row(&f.plot, v));
        assert_eq!(e.num("y") + e.num("height"), f.plot.bottom.round());
    }
    // Baseline bars are hollow: a light fill plus a 4-strip outline.
    let light = els
        .iter()
        .filter(|e| e.tag == "rect" && e.get("fill") == ORANGE && e.get("opacity") == "0.25")
        .filter(|e| e.inside(&f.plot, 1.0))
        .count();
    assert_eq!(light, 5);
    let tx = texts(&els);
    for name in ["商品体验", "投诉纠纷", "当前", "基准", "4.89", "—"] {
        assert!(tx.contains(&name), "{name} in {tx:?}");
    }
}

#[test]
fn dimension_names_wrap_then_stagger_then_cut() {
    let t = Theme::light();
    let mut c = dimension(false);
    c.bars[0].label = "Product experience".into();
    // Wide: whole, on one line.
    let tx = |c: &DimensionChart, w: u32| -> Vec<String> {
        texts(&parse(&render(c, w, 200, &t)))
            .into_iter()
            .map(str::to_owned)
            .collect()
    };
    assert!(tx(&c, 1280).contains(&"Product experience".to_owned()));
    // A phone: wrapped onto two lines, nothing cut.
    let narrow = tx(&c, 300);
    assert!(
        narrow.contains(&"Product".to_owned()) && narrow.contains(&"experience".to_owned()),
        "{narrow:?}"
    );
    assert!(!narrow.iter().any(|s| s.ends_with('…')), "{narrow:?}");
    // Every name English and long, 300 px: the names take two staggered tiers.
    for (b, name) in c.bars.iter_mut().zip([
        "Product experience",
        "Logistics experience",
        "After-sales experience",
        "Consultation experience",
        "Complaints & disputes",
    ]) {
        b.label = name.into();
    }
    let (svg, layout) = common::render_with(&c, 300, 200, &t, &Plain);
    let els = parse(&svg);
    let names: Vec<&El> = els
        .iter()
        .filter(|e| e.tag == "text" && e.num("y") > layout.frame.plot.bottom)
        .collect();
    let rows: std::collections::BTreeSet<i64> = names.iter().map(|e| e.num("y") as i64).collect();
    assert_eq!(rows.len(), 4, "two tiers of two lines: {names:?}");
    let all: Vec<&str> = names.iter().map(|e| e.text.as_str()).collect();
    for word in ["Consultation", "Complaints", "After-sales"] {
        assert!(all.contains(&word), "{word} in {all:?}");
    }
    // Too narrow even for that: cut with `…`, the full names stay in the text alternative.
    let tiny = tx(&c, 160);
    assert!(tiny.iter().any(|s| s.ends_with('…')), "{tiny:?}");
    assert_eq!(c.summary(&Plain).rows[3][0], "Consultation experience");
}
