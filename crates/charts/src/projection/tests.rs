//! Unit tests of `servicescore_charts::projection`.

use super::*;
use crate::{LineKind, Plain};

fn chart() -> ProjectionChart {
    let mut days: Vec<(i32, Option<f64>)> = (-5..=10)
        .map(|d| (d, Some(4.3 + 0.05 * f64::from(d + 5))))
        .collect();
    days[2].1 = None; // day -3 excluded
    days.retain(|d| d.0 != -2); // day -2 absent
    let hlines = vec![
        HLine {
            y: 4.5,
            label: "活动 4.5".into(),
            kind: LineKind::Gate,
        },
        HLine {
            y: 4.8,
            label: "5★".into(),
            kind: LineKind::Star,
        },
    ];
    ProjectionChart {
        title: "预测".into(),
        score_label: "服务分".into(),
        excluded_label: "无分数天数".into(),
        today_label: Some("今天".into()),
        no_data_label: "暂无".into(),
        // Where the core's projection says the levels are first reached.
        marks: vec![
            Mark {
                day: -1,
                label: "活动 4.5".into(),
            },
            Mark {
                day: 5,
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
fn marks_are_labelled_above_the_plot() {
    let t = Theme::light();
    let c = chart();
    let l = c.layout(480.0, 260.0, &t, &Plain);
    for text in ["活动 4.5", "5★", "今天"] {
        let m = l.labels.iter().find(|x| x.text == text).expect(text);
        assert!(m.rect().bottom <= l.frame.mark_row_bottom, "{text}");
    }
}

#[test]
fn summary_rows() {
    let s = chart().summary(&Plain);
    assert_eq!(
        s.rows,
        vec![
            vec!["2022-07-27".to_owned(), "4.30".to_owned()],
            vec!["活动 4.5".to_owned(), "2022-07-31".to_owned()],
            vec!["5★".to_owned(), "2022-08-06".to_owned()],
            vec!["2022-08-11".to_owned(), "5.05".to_owned()],
            vec!["无分数天数".to_owned(), "2".to_owned()],
        ]
    );
}

#[test]
fn the_plan_line_has_a_legend_and_a_summary_row() {
    let t = Theme::light();
    let mut c = chart();
    assert_eq!(c.legend_items(&t).len(), 1);
    c.plan = (0..=10)
        .map(|d| (d, Some(4.4 + 0.01 * f64::from(d))))
        .collect();
    c.plan_label = "方案".into();
    assert_eq!(c.legend_items(&t).len(), 2);
    let s = c.summary(&Plain);
    assert_eq!(
        s.rows.last(),
        Some(&vec!["方案 · 2022-08-11".to_owned(), "4.50".to_owned()])
    );
}

#[test]
fn domain_and_today() {
    let c = chart();
    assert_eq!(c.x_domain(), (-5.0, 10.0));
    assert!(c.shows_today());
    let future = ProjectionChart {
        days: vec![(0, Some(4.0)), (1, Some(4.1))],
        today_label: Some("今天".into()),
        ..ProjectionChart::default()
    };
    assert!(!future.shows_today());
    let one = ProjectionChart {
        days: vec![(3, Some(4.0))],
        ..ProjectionChart::default()
    };
    assert_eq!(one.x_domain(), (2.0, 4.0));
    assert_eq!(ProjectionChart::default().x_domain(), (0.0, 30.0));
}
