//! The projection chart: gaps make separate lines, marks labelled where reached, and its
//! text alternative counting the gaps.

use super::*;
use servicescore_charts::series::day_runs;

/// The example projection chart (also drawn by `all_charts`).
pub(crate) fn projection() -> ProjectionChart {
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
