//! Unit tests of `servicescore_charts::sensitivity`.

use super::*;
use crate::{LineKind, Plain};

fn level(y: f64, label: &str, kind: LineKind, reach: Reach) -> Level {
    Level {
        line: HLine {
            y,
            label: label.into(),
            kind,
        },
        reach,
    }
}

fn chart() -> SensitivityChart {
    // The reply-rate curve of worked example 3 (only the reply rate): score equals the
    // metric's points, piecewise linear through the benchmark knots.
    SensitivityChart {
        title: "T".into(),
        x_label: "X".into(),
        overall_label: "S".into(),
        dimension_label: "D".into(),
        current_label: "C".into(),
        no_data_label: "N".into(),
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
        current: Some(60.0),
        value_decimals: 1,
        levels: vec![
            level(4.5, "G", LineKind::Gate, Reach::At(87.0)),
            level(3.5, "R", LineKind::Risk, Reach::Met),
            level(6.0, "out of range", LineKind::Star, Reach::Unreachable),
        ],
        next: Some(0),
        ..SensitivityChart::default()
    }
}

#[test]
fn the_step_up_is_the_level_given() {
    let c = chart();
    assert!((c.current_score().unwrap_or(0.0) - 3.56).abs() < 1e-9);
    assert_eq!(c.step_up(), Some((87.0, 4.5)));
    let mut off = chart();
    off.next = Some(2);
    assert_eq!(off.step_up(), None, "a level off the scale is not marked");
    off.next = Some(1);
    assert_eq!(off.step_up(), None, "a met level has no value to mark");
}

#[test]
fn summary_rows() {
    let s = chart().summary(&Plain);
    assert_eq!(s.caption, "T");
    assert_eq!(
        s.rows,
        vec![
            vec!["X".to_owned(), "60".to_owned()],
            vec!["S".to_owned(), "3.56".to_owned()],
            vec!["G".to_owned(), "≥ 87".to_owned()],
            vec!["R".to_owned(), "✓".to_owned()],
        ]
    );
    let mut reversed = chart();
    reversed.reverse_x = true;
    reversed.levels[0].reach = Reach::At(0.35);
    assert_eq!(reversed.summary(&Plain).rows[2][1], "≤ 0.4");
    reversed.value_decimals = 2;
    assert_eq!(reversed.summary(&Plain).rows[2][1], "≤ 0.35");
    let empty = SensitivityChart {
        no_data_label: "N".into(),
        ..SensitivityChart::default()
    };
    assert_eq!(empty.summary(&Plain).rows, vec![vec!["N".to_owned()]]);
}

#[test]
fn unreachable_level_reads_none() {
    let mut c = chart();
    c.levels[0].reach = Reach::Unreachable;
    assert_eq!(c.step_up(), None);
    assert_eq!(c.summary(&Plain).rows[2], ["G", "—"]);
}

#[test]
fn bad_ranges_fall_back() {
    let mut c = chart();
    c.x_range = (f64::NAN, 1.0);
    c.y_range = (5.0, 3.0);
    assert_eq!(c.x_domain(), (0.0, 100.0));
    assert_eq!(c.y_domain(), (3.0, 5.0));
}

#[test]
fn the_current_value_sits_above_the_plot_clear_of_line_labels() {
    let t = Theme::light();
    let mut c = chart();
    // A current value at the right end, where the line labels are.
    c.current = Some(97.0);
    let l = c.layout(360.0, 240.0, &t, &Plain);
    let now = l
        .labels
        .iter()
        .find(|x| x.text == "97")
        .expect("the current value is labelled");
    assert!(now.rect().bottom <= l.frame.plot.top - l.frame.mark_row_height);
    assert!(l.labels.iter().any(|x| x.text == "G"));
}
