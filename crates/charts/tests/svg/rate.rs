//! The rate chart: penalty days shaded, the target drawn.

use super::*;

/// The example rate chart (also drawn by `all_charts`).
pub(crate) fn rate() -> RateChart {
    let rates = [
        Some(85.0),
        Some(81.0),
        Some(76.0),
        None,
        None,
        None,
        Some(90.0),
        Some(88.0),
        Some(79.0),
        None,
        None,
        None,
        Some(95.0),
        Some(96.0),
    ];
    RateChart {
        title: "3分钟回复率".into(),
        rate_label: "回复率".into(),
        target_label: "目标 80%".into(),
        penalty_label: "处罚期".into(),
        below_target_label: "未达标".into(),
        no_data_label: "暂无数据".into(),
        days: rates
            .iter()
            .enumerate()
            .map(|(i, v)| RateDay {
                day: i as i32,
                rate: *v,
                below_target: v.is_some_and(|v| v < 80.0),
                text: v.map(|v| format!("{v:.1}%")).unwrap_or_default(),
            })
            .collect(),
        origin: jiff::civil::date(2024, 7, 1),
        shaded: vec![(3, 5), (9, 11)],
        ..RateChart::default()
    }
}

#[test]
fn rate_penalties_are_shaded_and_target_drawn() {
    let t = Theme::light();
    let c = rate();
    let els = parse(&render(&c, 560, 260, &t));
    let f = frame(&c, 560.0, 260.0, &t);
    let shades: Vec<&El> = els
        .iter()
        .filter(|e| e.tag == "rect" && e.get("fill") == VERMILLION && e.get("opacity") == "0.16")
        .filter(|e| e.inside(&f.plot, 1.0))
        .collect();
    assert_eq!(shades.len(), 2);
    let day = f.plot.width() / 14.0;
    for (s, (a, b)) in shades.iter().zip([(3.0, 5.0), (9.0, 11.0)]) {
        assert_eq!(s.num("x"), (f.plot.left + a * day).round());
        assert_eq!(
            s.num("x") + s.num("width"),
            (f.plot.left + (b + 1.0) * day).round()
        );
        assert_eq!(
            s.num("height"),
            (f.plot.bottom.round() - f.plot.top.round())
        );
    }
    // Hatching inside each period (the non-colour cue).
    let hatch = els
        .iter()
        .filter(|e| {
            e.tag == "polyline" && e.get("stroke") == VERMILLION && e.get("opacity") == "0.55"
        })
        .filter(|e| e.inside(&f.plot, 1.0))
        .count();
    assert!(hatch >= 4, "{hatch}");
    // The 80 % target: dashed foreground rule at the 80 row of a 0–100 axis.
    let target_row = (f.plot.top + 0.2 * f.plot.height()).round() as i32;
    let target: Vec<&El> = of(&els, "rect", FOREGROUND)
        .into_iter()
        .filter(|e| e.num("height") == 2.0)
        .collect();
    assert!(target.len() > 10);
    assert!(target.iter().all(|e| e.num("y") as i32 == target_row - 1));
    // Rate line: three runs (gaps during penalties), 3 + 3 + 2 vertices.
    let lines: Vec<usize> = of(&els, "polyline", BLUE)
        .into_iter()
        .filter(|e| e.inside(&f.plot, 1.0))
        .map(|e| e.points().len())
        .collect();
    assert_eq!(lines, [3, 3, 2]);
    // Below-target days (76, 79) are crosses (two strokes each), the others dots.
    let crosses = els
        .iter()
        .filter(|e| e.tag == "polyline" && e.get("stroke") == VERMILLION && e.get("opacity") == "1")
        .filter(|e| e.inside(&f.plot, 6.0))
        .count();
    assert_eq!(crosses, 4);
    let dots = of(&els, "circle", BLUE)
        .into_iter()
        .filter(|e| e.inside(&f.plot, 0.0))
        .count();
    assert_eq!(dots, 6);
}
