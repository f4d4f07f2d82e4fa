//! The sensitivity chart (score against one metric): its line and gaps, the current value,
//! the gate rows and the next step up, a reversed axis, and high-DPI drawing.

use super::*;

/// The example sensitivity chart (also drawn by `all_charts`).
pub(crate) fn sensitivity() -> SensitivityChart {
    SensitivityChart {
        title: "3分钟回复率".into(),
        x_label: "3分钟回复率 (%)".into(),
        overall_label: "服务分".into(),
        dimension_label: "咨询体验".into(),
        current_label: "当前".into(),
        no_data_label: "暂无数据".into(),
        overall: vec![
            (0.0, Some(3.0)),
            (50.0, Some(3.32)),
            (60.0, Some(3.56)),
            (70.0, Some(3.8)),
            (85.0, Some(4.4)),
            (93.0, Some(4.8)),
            (97.0, Some(5.0)),
            (100.0, Some(5.0)),
        ],
        dimension: vec![(0.0, Some(3.0)), (50.0, Some(3.32)), (100.0, Some(5.0))],
        current: Some(60.0),
        x_range: (0.0, 100.0),
        value_decimals: 1,
        // Where the core's goal seek reaches each level from 60 % (the 4★ answer is on the
        // slider grid: 74.9 % displays as 4.00).
        levels: vec![
            Level {
                line: gate(4.5, "活动 4.5"),
                reach: Reach::At(87.0),
            },
            Level {
                line: HLine {
                    y: 4.0,
                    label: "4★".into(),
                    kind: LineKind::Star,
                },
                reach: Reach::At(74.9),
            },
            Level {
                line: gate(5.5, "off the scale"),
                reach: Reach::Unreachable,
            },
        ],
        next: Some(1),
        ..SensitivityChart::default()
    }
}

#[test]
fn sensitivity_line_has_one_vertex_per_point() {
    let t = Theme::light();
    let c = sensitivity();
    let els = parse(&render(&c, 480, 260, &t));
    let f = frame(&c, 480.0, 260.0, &t);
    let lines: Vec<&El> = of(&els, "polyline", BLUE)
        .into_iter()
        .filter(|e| e.inside(&f.plot, 1.0))
        .collect();
    assert_eq!(lines.len(), 1);
    let pts = lines[0].points();
    assert_eq!(pts.len(), c.overall.len());
    for (&(x, y), &(vx, vy)) in pts.iter().zip(&c.overall) {
        assert_eq!(x, col(&f.plot, 0.0, 100.0, vx));
        assert_eq!(y, row(&f.plot, vy.unwrap_or(f64::NAN)));
    }
    // The dimension curve is dashed: several short polylines in orange, none in the legend.
    let dashes = of(&els, "polyline", ORANGE)
        .into_iter()
        .filter(|e| e.inside(&f.plot, 1.0))
        .count();
    assert!(dashes > 10, "{dashes}");
}

#[test]
fn sensitivity_gaps_split_the_line() {
    let t = Theme::light();
    let mut c = sensitivity();
    c.overall[2].1 = None; // 60 %
    c.overall[5].1 = Some(f64::NAN); // 93 %
    c.current = None;
    let els = parse(&render(&c, 480, 260, &t));
    let f = frame(&c, 480.0, 260.0, &t);
    let lines: Vec<Vec<(i32, i32)>> = of(&els, "polyline", BLUE)
        .into_iter()
        .filter(|e| e.inside(&f.plot, 1.0))
        .map(El::points)
        .collect();
    // 0, 50 | 70, 85 | 97, 100.
    assert_eq!(
        lines.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![2, 2, 2]
    );
    assert_eq!(lines[1][0].0, col(&f.plot, 0.0, 100.0, 70.0));
}

#[test]
fn sensitivity_current_marker_and_gate_row() {
    let t = Theme::light();
    let c = sensitivity();
    let els = parse(&render(&c, 480, 260, &t));
    let f = frame(&c, 480.0, 260.0, &t);
    let x = col(&f.plot, 0.0, 100.0, 60.0);

    // The current-value rule: foreground, full plot height, at the value's column.
    let rules: Vec<&El> = of(&els, "rect", FOREGROUND)
        .into_iter()
        .filter(|e| e.num("width") == 1.0 && e.num("height") > 50.0)
        .collect();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].num("x") as i32, x);
    assert_eq!(rules[0].num("y"), f.plot.top.round());
    // The dot on the curve at (60, 3.56).
    let dots: Vec<&El> = of(&els, "circle", BLUE)
        .into_iter()
        .filter(|e| e.inside(&f.plot, 0.0))
        .collect();
    assert_eq!(dots.len(), 1);
    assert_eq!(dots[0].num("cx") as i32, x);
    assert_eq!(dots[0].num("cy") as i32, row(&f.plot, 3.56));
    assert!(texts(&els).contains(&"60"));

    // The 4.5 gate: 2-pixel dashes centred on the 4.5 row, across the plot.
    let dashes: Vec<&El> = of(&els, "rect", VERMILLION);
    assert!(dashes.len() > 10);
    let expect = row(&f.plot, 4.5);
    for d in &dashes {
        assert_eq!(d.num("height"), 2.0);
        assert_eq!(d.num("y") as i32, expect - 1, "{d:?}");
    }
    let left = dashes.iter().map(|d| d.num("x")).fold(f64::MAX, f64::min);
    let right = dashes
        .iter()
        .map(|d| d.num("x") + d.num("width"))
        .fold(0.0, f64::max);
    assert_eq!(left, f.plot.left.round());
    // The pattern (6 on, 4 off) ends within one period of the plot's right edge.
    assert!(
        right <= f.plot.right.round() && right > f.plot.right - 10.0,
        "{right}"
    );
    // The row is a quarter of the way down from 5.0 (top) to 3.0 (bottom).
    assert!((f64::from(expect) - (f.plot.top + 0.25 * f.plot.height())).abs() <= 0.5);
    // Labels: the gate's and the star band's; the off-scale line is neither drawn nor named.
    let tx = texts(&els);
    assert!(tx.contains(&"活动 4.5") && tx.contains(&"4★"));
    assert!(!tx.contains(&"off the scale"));
}

#[test]
fn sensitivity_next_step_up_is_marked() {
    let t = Theme::light();
    let c = sensitivity();
    let els = parse(&render(&c, 480, 260, &t));
    let f = frame(&c, 480.0, 260.0, &t);
    // 3.56 now: the next level is the 4.0 star band, which the goal seek reaches at 74.9.
    let tri: Vec<&El> = of(&els, "polygon", GREEN);
    assert_eq!(tri.len(), 1);
    let apex = tri[0].points()[0];
    assert_eq!(apex.0, col(&f.plot, 0.0, 100.0, 74.9));
    assert_eq!(
        apex.1,
        row(&f.plot, 4.0) - 6,
        "the apex is 1.4 marker radii above the level"
    );
    assert!(texts(&els).contains(&"74.9"));
    let s = c.summary(&Plain);
    assert_eq!(s.rows[3], ["活动 4.5", "≥ 87"]);
    assert_eq!(s.rows[4], ["4★", "≥ 74.9"]);
}

#[test]
fn sensitivity_reversed_axis_mirrors() {
    let t = Theme::light();
    let mut c = sensitivity();
    c.reverse_x = true;
    let els = parse(&render(&c, 480, 260, &t));
    let f = frame(&c, 480.0, 260.0, &t);
    let rule = of(&els, "rect", FOREGROUND)
        .into_iter()
        .find(|e| e.num("width") == 1.0 && e.num("height") > 50.0)
        .map(|e| e.num("x"))
        .unwrap_or(f64::NAN);
    let expect = (f.plot.right - 0.6 * f.plot.width()).round();
    assert_eq!(rule, expect);
}

#[test]
fn high_dpi_scales_everything() {
    let c = sensitivity();
    let t2 = Theme::light().scaled(2.0);
    let els = parse(&render(&c, 960, 520, &t2));
    let f = frame(&c, 960.0, 520.0, &t2);
    let line = of(&els, "polyline", BLUE)
        .into_iter()
        .find(|e| e.inside(&f.plot, 2.0))
        .map(|e| e.get("stroke-width").to_owned());
    assert_eq!(line.as_deref(), Some("4"));
    let gate = of(&els, "rect", VERMILLION);
    assert!(gate.iter().all(|d| d.num("height") == 4.0));
    assert_eq!(gate[0].num("y") as i32, row(&f.plot, 4.5) - 2);
    // The layout at 2× is the 1× layout doubled, to within rounding.
    let f1 = frame(&c, 480.0, 260.0, &Theme::light());
    assert!((f.plot.top - 2.0 * f1.plot.top).abs() <= 2.0);
    assert!((f.plot.left - 2.0 * f1.plot.left).abs() <= 2.0);
}
