//! Labels never collide (issue 9): every chart, with the widest words the page uses in each
//! language (zh, en, es), at phone and desktop widths and at 1× and 2×, is drawn into SVG; the
//! boxes of the `<text>` elements drawn are read back from the SVG and must not overlap each
//! other or leave the drawing. The layout's own label list must be exactly what was drawn.

mod common;

use common::parse;
use servicescore_charts::layout::Rect;
use servicescore_charts::*;

/// The words of one language, as the page passes them (from its texts and the rule pack).
struct Words {
    metric: &'static str,
    score: &'static str,
    dimension: &'static str,
    now: &'static str,
    no_data: &'static str,
    levels: [&'static str; 4],
    dimensions: [&'static str; 5],
    current: &'static str,
    baseline: &'static str,
    every_dimension: &'static str,
    today: &'static str,
    marks: [&'static str; 3],
    rate: [&'static str; 4],
}

const ZH: Words = Words {
    metric: "退货退款完结时长 (小时)",
    score: "服务分",
    dimension: "售后体验",
    now: "当前",
    no_data: "暂无数据",
    levels: [
        "3.5★ · 终止合作风险",
        "4★",
        "4.5★ · 可报名营销活动",
        "5★ · 流量加权",
    ],
    dimensions: ["商品体验", "物流体验", "售后体验", "咨询体验", "投诉纠纷"],
    current: "当前方案",
    baseline: "基准",
    every_dimension: "每个维度 ≥ 4",
    today: "今天",
    marks: [
        "3.5★ · 摆脱终止合作风险",
        "4.5★ · 可报名营销活动",
        "5★ · 流量加权",
    ],
    rate: ["回复率", "目标 80%", "处罚期", "未达标"],
};

const EN: Words = Words {
    metric: "Return-and-refund completion time (h)",
    score: "Score",
    dimension: "After-sales experience",
    now: "Now",
    no_data: "No data",
    levels: [
        "3.5★ · Termination risk",
        "4★",
        "4.5★ · Eligible for platform campaigns",
        "5★ · Traffic boost",
    ],
    dimensions: [
        "Product experience",
        "Logistics experience",
        "After-sales experience",
        "Consultation experience",
        "Complaints & disputes",
    ],
    current: "Current",
    baseline: "Baseline",
    every_dimension: "each dimension ≥ 4",
    today: "Today",
    marks: [
        "3.5★ · a score clear of termination risk",
        "4.5★ · Eligible for platform campaigns",
        "5★ · Traffic boost",
    ],
    rate: ["Reply rate", "Target 80%", "Penalty", "Below target"],
};

const ES: Words = Words {
    metric: "Tiempo de cierre de devolución y reembolso (h)",
    score: "Puntuación",
    dimension: "Experiencia posventa",
    now: "Actual",
    no_data: "Sin datos",
    levels: [
        "3.5★ · Riesgo de terminación",
        "4★",
        "4.5★ · Apto para campañas de la plataforma",
        "5★ · Impulso de tráfico",
    ],
    dimensions: [
        "Experiencia de producto",
        "Experiencia logística",
        "Experiencia posventa",
        "Experiencia de consulta",
        "Quejas y disputas",
    ],
    current: "Actual",
    baseline: "Referencia",
    every_dimension: "cada dimensión ≥ 4",
    today: "Hoy",
    marks: [
        "3.5★ · una puntuación fuera del riesgo de terminación",
        "4.5★ · Apto para campañas de la plataforma",
        "5★ · Impulso de tráfico",
    ],
    rate: [
        "Tasa de respuesta",
        "Objetivo 80%",
        "Sanción",
        "Bajo el objetivo",
    ],
};

const LEVELS: [(f64, LineKind); 4] = [
    (3.5, LineKind::Risk),
    (4.0, LineKind::Star),
    (4.5, LineKind::Gate),
    (4.8, LineKind::Gate),
];

fn line(w: &Words, i: usize) -> HLine {
    HLine {
        y: LEVELS[i].0,
        label: w.levels[i].into(),
        kind: LEVELS[i].1,
    }
}

/// The reply-rate curve of the default pack with the current value at `current`, the next
/// level reached at `reach`.
fn sensitivity(w: &Words, current: f64, reach: f64, reverse: bool) -> SensitivityChart {
    let knots = [
        (0.0, 3.0),
        (50.0, 3.32),
        (70.0, 3.8),
        (85.0, 4.4),
        (93.0, 4.8),
        (97.0, 5.0),
        (100.0, 5.0),
    ];
    let overall: Vec<(f64, Option<f64>)> = knots.iter().map(|&(x, y)| (x, Some(y))).collect();
    let dimension = overall.clone();
    let score = servicescore_charts::series::interpolate(&overall, current).unwrap_or(3.0);
    let levels: Vec<Level> = (0..4)
        .map(|i| Level {
            line: line(w, i),
            reach: if score >= LEVELS[i].0 {
                Reach::Met
            } else {
                Reach::At(reach)
            },
        })
        .collect();
    let next = levels.iter().position(|l| l.reach != Reach::Met);
    SensitivityChart {
        title: w.metric.into(),
        x_label: w.metric.into(),
        overall_label: w.score.into(),
        dimension_label: w.dimension.into(),
        current_label: w.now.into(),
        no_data_label: w.no_data.into(),
        overall,
        dimension,
        current: Some(current),
        x_range: (0.0, 100.0),
        reverse_x: reverse,
        value_decimals: 1,
        levels,
        next,
        ..SensitivityChart::default()
    }
}

fn dimension(w: &Words, values: [Option<f64>; 5], baseline: bool) -> DimensionChart {
    DimensionChart {
        title: w.dimension.into(),
        current_label: w.current.into(),
        baseline_label: w.baseline.into(),
        no_data_label: w.no_data.into(),
        bars: (0..5)
            .map(|i| DimBar {
                label: w.dimensions[i].into(),
                current: values[i],
                baseline: baseline.then_some(4.02),
            })
            .collect(),
        hlines: vec![HLine {
            y: 4.0,
            label: w.every_dimension.into(),
            kind: LineKind::Gate,
        }],
        ..DimensionChart::default()
    }
}

fn projection(w: &Words, mark_days: [i32; 3]) -> ProjectionChart {
    let days = (-30..180)
        .map(|d| (d, Some(4.2 + 0.7 * (f64::from(d + 30) / 210.0))))
        .collect();
    ProjectionChart {
        title: w.score.into(),
        score_label: w.score.into(),
        excluded_label: w.no_data.into(),
        today_label: Some(w.today.into()),
        no_data_label: w.no_data.into(),
        days,
        origin: jiff::civil::date(2026, 11, 21),
        marks: mark_days
            .iter()
            .zip(w.marks)
            .map(|(&day, label)| Mark {
                day,
                label: label.into(),
            })
            .collect(),
        hlines: (0..4).map(|i| line(w, i)).collect(),
        ..ProjectionChart::default()
    }
}

fn rate(w: &Words) -> RateChart {
    RateChart {
        title: w.rate[0].into(),
        rate_label: w.rate[0].into(),
        target_label: w.rate[1].into(),
        penalty_label: w.rate[2].into(),
        below_target_label: w.rate[3].into(),
        no_data_label: w.no_data.into(),
        days: (0..30)
            .map(|d| {
                let v = 70.0 + f64::from(d % 7) * 4.0;
                RateDay {
                    day: d,
                    rate: (!(10..13).contains(&d)).then_some(v),
                    below_target: v < 80.0,
                    text: String::new(),
                }
            })
            .collect(),
        origin: jiff::civil::date(2025, 5, 1),
        shaded: vec![(10, 12)],
        ..RateChart::default()
    }
}

/// Draws `chart` and checks its labels; returns how many were drawn.
fn check<C: Chart>(what: &str, chart: &C, css: (u32, u32), k: u32) -> usize {
    let theme = Theme::light().scaled(f64::from(k));
    let (w, h) = (css.0 * k, css.1 * k);
    let (svg, layout) = common::render_with(chart, w, h, &theme, &Plain);
    let drawing = Rect {
        left: 0.0,
        top: 0.0,
        right: f64::from(w),
        bottom: f64::from(h),
    };
    let els = parse(&svg);
    let drawn: Vec<(&str, Rect)> = els
        .iter()
        .filter(|e| e.tag == "text")
        .map(|e| (e.text.as_str(), e.text_box()))
        .collect();
    let ctx = format!("{what} at {}×{} (×{k})", css.0, css.1);
    // Whole pixels: the SVG anchors are the layout's, rounded; allow that half pixel.
    let slack = 0.5 + 1e-9;
    for (text, r) in &drawn {
        let inside = Rect {
            left: -slack,
            top: -slack,
            right: drawing.right + slack,
            bottom: drawing.bottom + slack,
        };
        assert!(
            inside.encloses(r),
            "{ctx}: {text:?} {r:?} leaves the drawing"
        );
    }
    for (i, (a, ra)) in drawn.iter().enumerate() {
        for (b, rb) in &drawn[i + 1..] {
            let shrunk = Rect {
                left: ra.left + slack,
                top: ra.top + slack,
                right: ra.right - slack,
                bottom: ra.bottom - slack,
            };
            assert!(
                !shrunk.overlaps(rb, 0.0),
                "{ctx}: {a:?} {ra:?} overlaps {b:?} {rb:?}"
            );
        }
    }
    // What the layout lists is what was drawn, and its own boxes agree.
    let listed: Vec<&str> = layout
        .labels
        .iter()
        .filter(|l| !l.text.is_empty())
        .map(|l| l.text.as_str())
        .collect();
    let mut a: Vec<&str> = drawn.iter().map(|d| d.0).collect();
    let mut b = listed.clone();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b, "{ctx}");
    for (i, la) in layout.labels.iter().enumerate() {
        assert!(drawing.encloses(&la.rect()), "{ctx}: {la:?}");
        for lb in &layout.labels[i + 1..] {
            assert!(
                !la.rect().overlaps(&lb.rect(), 0.0),
                "{ctx}: {la:?} / {lb:?}"
            );
        }
    }
    drawn.len()
}

/// The page's chart widths: a 360 px phone (a 328 px chart) and narrower, and 1280 px.
const WIDTHS: [u32; 4] = [300, 328, 360, 1280];

#[test]
fn sensitivity_labels_never_collide() {
    for (lang, w) in [("zh", &ZH), ("en", &EN), ("es", &ES)] {
        for width in WIDTHS {
            for k in [1, 2] {
                for (current, reach) in [(0.5, 74.9), (60.0, 74.9), (96.0, 97.0), (100.0, 0.0)] {
                    for reverse in [false, true] {
                        let c = sensitivity(w, current, reach, reverse);
                        let what = format!("{lang} sensitivity, now {current}, reversed {reverse}");
                        let n = check(&what, &c, (width, 240), k);
                        assert!(n > 8, "{what}: only {n} labels");
                    }
                }
            }
        }
    }
}

#[test]
fn the_current_value_and_the_next_step_are_always_labelled() {
    for w in [&ZH, &EN, &ES] {
        for width in WIDTHS {
            for current in [0.5, 30.0, 60.0, 84.0, 92.0] {
                let c = sensitivity(w, current, 92.5, false);
                let l = c.layout(f64::from(width), 240.0, &Theme::light(), &Plain);
                let texts: Vec<&str> = l.labels.iter().map(|l| l.text.as_str()).collect();
                let now = Plain.number(current, if current.fract() == 0.0 { 0 } else { 1 });
                assert!(texts.contains(&now.as_str()), "{now} at {width}: {texts:?}");
                assert!(texts.contains(&"92.5"), "the step at {width}: {texts:?}");
            }
        }
    }
}

#[test]
fn dimension_labels_never_collide() {
    let cases: [[Option<f64>; 5]; 4] = [
        [Some(4.89), Some(4.92), Some(3.87), Some(3.61), None],
        [Some(4.0), Some(4.01), Some(3.99), Some(4.02), Some(4.0)],
        [Some(5.0), Some(5.0), Some(5.0), Some(5.0), Some(5.0)],
        [Some(3.0), None, Some(3.05), None, Some(3.1)],
    ];
    for (lang, w) in [("zh", &ZH), ("en", &EN), ("es", &ES)] {
        for width in WIDTHS {
            for k in [1, 2] {
                for values in cases {
                    for baseline in [false, true] {
                        let c = dimension(w, values, baseline);
                        let what = format!("{lang} dimensions {values:?}, baseline {baseline}");
                        check(&what, &c, (width, 200), k);
                        // Every name is drawn, wrapped or cut, never dropped.
                        let l = c.layout(
                            f64::from(width * k),
                            f64::from(200 * k),
                            &Theme::light().scaled(f64::from(k)),
                            &Plain,
                        );
                        let under = l
                            .labels
                            .iter()
                            .filter(|x| x.at.1 >= l.frame.x_labels_top)
                            .count();
                        assert!(under >= 5, "{what} at {width}: {under} name lines");
                    }
                }
            }
        }
    }
}

#[test]
fn projection_and_rate_labels_never_collide() {
    for (lang, w) in [("zh", &ZH), ("en", &EN), ("es", &ES)] {
        for width in WIDTHS {
            for k in [1, 2] {
                for marks in [[1, 2, 3], [1, 40, 41], [0, 90, 179]] {
                    let c = projection(w, marks);
                    check(&format!("{lang} projection {marks:?}"), &c, (width, 280), k);
                }
                check(&format!("{lang} rate"), &rate(w), (width, 240), k);
            }
        }
    }
}

#[test]
fn empty_states_never_collide() {
    for (lang, w) in [("zh", &ZH), ("en", &EN), ("es", &ES)] {
        for width in WIDTHS {
            let mut s = sensitivity(w, 60.0, 74.9, false);
            s.overall.clear();
            s.dimension.clear();
            check(&format!("{lang} empty sensitivity"), &s, (width, 240), 1);
            let d = dimension(w, [None; 5], false);
            check(&format!("{lang} empty dimensions"), &d, (width, 200), 1);
        }
    }
}
