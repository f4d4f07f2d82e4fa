//! Unit tests of `servicescore_charts::rate`.

use super::*;
use crate::Plain;

fn day(day: i32, rate: Option<f64>, target: f64) -> RateDay {
    RateDay {
        day,
        rate,
        below_target: rate.is_some_and(|r| r < target),
        text: rate.map_or(String::new(), |r| format!("{r}")),
    }
}

fn chart() -> RateChart {
    RateChart {
        title: "3分钟回复率".into(),
        rate_label: "回复率".into(),
        target_label: "目标 80%".into(),
        penalty_label: "处罚期".into(),
        below_target_label: "未达标".into(),
        no_data_label: "暂无".into(),
        days: [
            Some(85.0),
            Some(72.5),
            None,
            None,
            None,
            Some(90.0),
            Some(79.99),
        ]
        .iter()
        .enumerate()
        .map(|(i, r)| day(i as i32, *r, 80.0))
        .collect(),
        origin: jiff::civil::date(2024, 5, 30),
        shaded: vec![(2, 4)],
        ..RateChart::default()
    }
}

#[test]
fn summary_rows() {
    let s = chart().summary(&Plain);
    assert_eq!(
        s.rows,
        vec![
            vec!["目标 80%".to_owned(), "80%".to_owned()],
            // The page's words for the rate, not a rounding of this crate's.
            vec!["2024-06-05".to_owned(), "79.99".to_owned()],
            vec!["未达标".to_owned(), "2".to_owned()],
            vec!["处罚期".to_owned(), "2024-06-01 – 2024-06-03".to_owned()],
        ]
    );
}

#[test]
fn the_legend_laid_out_is_the_legend_drawn() {
    let t = Theme::light();
    let mut c = chart();
    // A long range on a narrow chart: the crosses (and their legend entry) are left out.
    c.days = (0..200)
        .map(|d| day(d, Some(if d % 2 == 0 { 70.0 } else { 90.0 }), 80.0))
        .collect();
    for width in [180.0, 320.0, 480.0, 2400.0] {
        let (f, _) = c.frame(width, 240.0, &t, &Plain);
        let drawn = c.legend_items(Some(&f), &t);
        assert_eq!(f.legend.len(), drawn.len(), "width {width}");
    }
    assert_eq!(
        c.legend_items(Some(&c.frame(320.0, 240.0, &t, &Plain).0), &t)
            .len(),
        3,
        "rate, target and penalty"
    );
}

#[test]
fn shading_covers_whole_days() {
    let t = Theme::light();
    let c = chart();
    let (f, _) = c.frame(480.0, 240.0, &t, &Plain);
    assert_eq!(c.x_domain(), (-0.5, 6.5));
    let r = c.shaded_rects(&f);
    assert_eq!(r.len(), 1);
    let day = f.plot.width() / 7.0;
    assert!((r[0].left - (f.plot.left + 2.0 * day)).abs() < 1e-9);
    assert!((r[0].width() - 3.0 * day).abs() < 1e-9);
    assert!(c.markers_fit(&f, &t));
    assert!(!c.markers_fit(&c.frame(40.0, 240.0, &t, &Plain).0, &t));
}

#[test]
fn empty_domain() {
    assert_eq!(RateChart::default().x_domain(), (-0.5, 6.5));
    let only_penalty = RateChart {
        shaded: vec![(9, 3)],
        ..RateChart::default()
    };
    assert_eq!(only_penalty.x_domain(), (2.5, 9.5));
}
