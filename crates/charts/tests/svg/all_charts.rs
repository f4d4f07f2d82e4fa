//! What holds for every chart: the no-data state, tiny and degenerate sizes, no built-in
//! words, and the backdrop that stays while the data moves.

use super::dimension::dimension;
use super::projection::projection;
use super::rate::rate;
use super::sensitivity::sensitivity;
use super::*;

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
