//! Draws every chart into an SVG string (plotters' `SVGBackend`, the same draw code the
//! canvas runs) and checks what was drawn: element counts, colours and pixel positions derived
//! independently from the plot rectangle.

mod common;

use common::{of, parse, texts, El};
use plotters::prelude::*;
use servicescore_charts::frame::Frame;
use servicescore_charts::layout::Rect;
use servicescore_charts::series::day_runs;
use servicescore_charts::*;

const BLUE: &str = "#0072B2";
const ORANGE: &str = "#E69F00";
const VERMILLION: &str = "#D55E00";
const GREEN: &str = "#009E73";
const FOREGROUND: &str = "#222222";

fn render<C: Chart>(chart: &C, w: u32, h: u32, theme: &Theme) -> String {
    common::render_with(chart, w, h, theme, &Plain).0
}

fn frame<C: Chart>(chart: &C, w: f64, h: f64, theme: &Theme) -> Frame {
    chart.layout(w, h, theme, &Plain).frame
}

fn gate(y: f64, label: &str) -> HLine {
    HLine {
        y,
        label: label.into(),
        kind: LineKind::Gate,
    }
}

fn sensitivity() -> SensitivityChart {
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

/// The pixel column of `v` on the plot's x axis, from first principles.
fn col(plot: &Rect, lo: f64, hi: f64, v: f64) -> i32 {
    (plot.left + (v - lo) / (hi - lo) * plot.width()).round() as i32
}

/// The pixel row of score `v` on a 3–5 axis, from first principles.
fn row(plot: &Rect, v: f64) -> i32 {
    (plot.top + (5.0 - v) / 2.0 * plot.height()).round() as i32
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

fn dimension(baseline: bool) -> DimensionChart {
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

fn projection() -> ProjectionChart {
    let mut days: Vec<(i32, Option<f64>)> = (-10..=30)
        .map(|d| (d, Some(4.2 + 0.02 * f64::from(d + 10))))
        .collect();
    // Excluded days (-7, -6), a missing day (-3), and a lone day (-5) between gaps.
    for d in &mut days {
        if d.0 == -7 || d.0 == -6 || d.0 == -4 {
            d.1 = None;
        }
    }
    days.retain(|d| d.0 != -3);
    let hlines = vec![
        gate(4.5, "活动 4.5"),
        HLine {
            y: 4.8,
            label: "5★".into(),
            kind: LineKind::Star,
        },
    ];
    ProjectionChart {
        title: "预测".into(),
        score_label: "服务分".into(),
        excluded_label: "无分数".into(),
        today_label: Some("今天".into()),
        no_data_label: "暂无数据".into(),
        // The first days the core's projection reports for 4.5 and 4.8.
        marks: vec![
            Mark {
                day: 5,
                label: "活动 4.5".into(),
            },
            Mark {
                day: 20,
                label: "5★".into(),
            },
        ],
        days,
        origin: jiff::civil::date(2022, 8, 1),
        hlines,
        ..ProjectionChart::default()
    }
}

#[test]
fn projection_gaps_make_separate_lines() {
    let t = Theme::light();
    let c = projection();
    let els = parse(&render(&c, 600, 280, &t));
    let f: Frame = frame(&c, 600.0, 280.0, &t);
    let runs = day_runs(&c.days);
    // -10..-8 | -5 (lone) | -2..30.
    assert_eq!(
        runs.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![3, 1, 33]
    );
    let lines: Vec<&El> = of(&els, "polyline", BLUE)
        .into_iter()
        .filter(|e| e.inside(&f.plot, 1.0))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].points().len(), 3);
    assert_eq!(lines[1].points().len(), 33);
    // The lone day is a dot at its column.
    let dots: Vec<&El> = of(&els, "circle", BLUE)
        .into_iter()
        .filter(|e| e.inside(&f.plot, 0.0))
        .collect();
    assert_eq!(dots.len(), 1);
    assert_eq!(dots[0].num("cx") as i32, col(&f.plot, -10.0, 30.0, -5.0));
}

#[test]
fn projection_marks_are_labelled_where_reached() {
    let t = Theme::light();
    let c = projection();
    let els = parse(&render(&c, 600, 280, &t));
    let f = frame(&c, 600.0, 280.0, &t);
    let rings: Vec<i32> = els
        .iter()
        .filter(|e| e.tag == "circle" && e.get("stroke") == GREEN)
        .map(|e| e.num("cx") as i32)
        .collect();
    assert_eq!(
        rings,
        [
            col(&f.plot, -10.0, 30.0, 5.0),
            col(&f.plot, -10.0, 30.0, 20.0)
        ]
    );
    let tx = texts(&els);
    for s in ["活动 4.5", "5★", "今天", "08-01"] {
        assert!(tx.contains(&s), "{s} in {tx:?}");
    }
    // Mark labels (accent colour) and "today" sit above the plot, in the mark rows; the
    // reference lines' own labels stay inside.
    let marks: Vec<(&str, f64)> = els
        .iter()
        .filter(|e| e.tag == "text" && (e.get("fill") == GREEN || e.text == "今天"))
        .map(|e| (e.text.as_str(), e.num("y")))
        .collect();
    assert_eq!(marks.len(), 3, "{marks:?}");
    assert!(marks.iter().all(|&(_, y)| y < f.plot.top), "{marks:?}");
}

#[test]
fn projection_summary_counts_gaps() {
    let s = projection().summary(&Plain);
    assert_eq!(s.rows[0], ["2022-07-22", "4.20"]);
    assert_eq!(s.rows[1], ["活动 4.5", "2022-08-06"]);
    assert_eq!(s.rows.last().map(|r| r[1].as_str()), Some("4"));
}

fn rate() -> RateChart {
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

#[test]
fn empty_charts_draw_a_no_data_state() {
    let t = Theme::light();
    let label = "暂无数据";
    let checks: Vec<(String, Rect)> = vec![
        {
            let c = SensitivityChart {
                no_data_label: label.into(),
                overall: vec![(0.0, None), (100.0, None)],
                ..SensitivityChart::default()
            };
            (render(&c, 400, 240, &t), frame(&c, 400.0, 240.0, &t).plot)
        },
        {
            let c = DimensionChart {
                no_data_label: label.into(),
                bars: vec![DimBar {
                    label: "商品体验".into(),
                    current: None,
                    baseline: None,
                }],
                ..DimensionChart::default()
            };
            (render(&c, 400, 240, &t), frame(&c, 400.0, 240.0, &t).plot)
        },
        {
            let c = ProjectionChart {
                no_data_label: label.into(),
                ..ProjectionChart::default()
            };
            (render(&c, 400, 240, &t), frame(&c, 400.0, 240.0, &t).plot)
        },
        {
            let c = RateChart {
                no_data_label: label.into(),
                days: (0..2)
                    .map(|day| RateDay {
                        day,
                        rate: None,
                        below_target: false,
                        text: String::new(),
                    })
                    .collect(),
                ..RateChart::default()
            };
            (render(&c, 400, 240, &t), frame(&c, 400.0, 240.0, &t).plot)
        },
    ];
    for (svg, plot) in checks {
        let els = parse(&svg);
        let note: Vec<&El> = els.iter().filter(|e| e.text == label).collect();
        assert_eq!(note.len(), 1, "{svg}");
        assert_eq!(note[0].num("x"), plot.center_x().round());
        let series = els
            .iter()
            .filter(|e| matches!(e.tag.as_str(), "polyline" | "circle"))
            .filter(|e| e.inside(&plot, 0.0))
            .count();
        assert_eq!(series, 0, "{svg}");
    }
}

#[test]
fn tiny_and_degenerate_sizes_do_not_error() {
    let t = Theme::light();
    for (w, h) in [(1, 1), (20, 10), (40, 400), (400, 30)] {
        let s = render(&sensitivity(), w, h, &t);
        assert!(s.contains("<rect"));
        render(&dimension(true), w, h, &t);
        render(&projection(), w, h, &t);
        render(&rate(), w, h, &t);
    }
}

#[test]
fn no_words_are_built_in() {
    // With every caller-supplied word empty, the only text drawn is numbers and dates.
    let t = Theme::light();
    let mut s = sensitivity();
    s.x_label.clear();
    s.overall_label.clear();
    s.dimension_label.clear();
    s.current_label.clear();
    s.levels.iter_mut().for_each(|l| l.line.label.clear());
    let mut d = dimension(true);
    d.current_label.clear();
    d.baseline_label.clear();
    d.bars.iter_mut().for_each(|b| b.label.clear());
    d.hlines.iter_mut().for_each(|h| h.label.clear());
    let mut p = projection();
    p.score_label.clear();
    p.today_label = Some(String::new());
    p.marks.iter_mut().for_each(|m| m.label.clear());
    p.hlines.iter_mut().for_each(|h| h.label.clear());
    let mut r = rate();
    r.rate_label.clear();
    r.target_label.clear();
    r.penalty_label.clear();
    r.below_target_label.clear();
    let svgs = [
        render(&s, 480, 260, &t),
        render(&d, 480, 260, &t),
        render(&p, 480, 260, &t),
        render(&r, 480, 260, &t),
    ];
    for svg in &svgs {
        for e in parse(svg).iter().filter(|e| e.tag == "text") {
            assert!(
                e.text.chars().all(|c| "0123456789.-+—".contains(c)),
                "built-in text {:?}",
                e.text
            );
        }
    }
}

#[test]
fn the_backdrop_stays_while_the_data_moves() {
    let t = Theme::light();
    let a = sensitivity();
    let mut b = sensitivity();
    b.current = Some(70.0);
    b.overall[2].1 = Some(3.7);
    b.levels[1].reach = Reach::At(72.0);
    let (la, lb) = (
        a.layout(480.0, 260.0, &t, &Plain),
        b.layout(480.0, 260.0, &t, &Plain),
    );
    assert_eq!(a.backdrop(&la, &t), b.backdrop(&lb, &t));
    assert_ne!(la.data(), lb.data(), "the current value's label moved");
    let lc = a.layout(360.0, 260.0, &t, &Plain);
    assert_ne!(
        a.backdrop(&la, &t),
        a.backdrop(&lc, &t),
        "a new size, a new backdrop"
    );
    let mut d = dimension(true);
    let ld = d.layout(480.0, 260.0, &t, &Plain);
    let before = d.backdrop(&ld, &t);
    d.bars[2].current = Some(4.5);
    let ld2 = d.layout(480.0, 260.0, &t, &Plain);
    assert_eq!(before, d.backdrop(&ld2, &t));

    // The two layers: the backdrop has the background, grid, lines, legend and ticks; the
    // data layer the curves and the labels that move with them, and no background.
    let layer = |paint: &dyn Fn(&DrawingArea<SVGBackend<'_>, Shift>)| {
        let mut s = String::new();
        {
            let area = SVGBackend::with_string(&mut s, (480, 260)).into_drawing_area();
            paint(&area);
        }
        parse(&s)
    };
    let back = layer(&|area| a.backdrop(&la, &t).paint(area).expect("paints"));
    let data = layer(&|area| a.paint_data(&la, area, &t).expect("paints"));
    let full = |els: &[El]| {
        els.iter()
            .any(|e| e.tag == "rect" && e.num("width") == 480.0 && e.num("height") == 260.0)
    };
    assert!(full(&back) && !full(&data));
    assert!(texts(&back).contains(&"100") && !texts(&back).contains(&"74.9"));
    assert!(texts(&data).contains(&"60") && texts(&data).contains(&"74.9"));
    assert!(
        !of(&back, "rect", VERMILLION).is_empty(),
        "the gate line is in the backdrop"
    );
    assert!(
        of(&back, "polyline", BLUE).len() == 1,
        "only the legend's swatch"
    );
    assert!(of(&data, "polyline", BLUE).len() == 1, "the score curve");
}
