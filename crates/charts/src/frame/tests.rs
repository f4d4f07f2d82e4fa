//! Unit tests of `servicescore_charts::frame`.

use super::*;
use crate::Plain;

fn spec<'a>(legend: &'a [&'a str]) -> FrameSpec<'a> {
    FrameSpec {
        x_domain: (0.0, 100.0),
        reverse_x: false,
        y_domain: (3.0, 5.0),
        x_ticks: XTicks::Numeric,
        legend,
        x_title: Some("X"),
        mark_rows: 0,
    }
}

fn texts(labels: &[Label]) -> Vec<&str> {
    labels.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn margins_are_exact() {
    let t = Theme::light();
    let (f, labels) = compute(400.0, 240.0, &spec(&["A", "B"]), &t, &Plain);
    // line = ceil(12*1.3) = 16, small = ceil(11*1.3) = 15.
    // top = pad 8 + legend (16 + gap 4) + mark rows 0 + 15 = 43.
    assert_eq!(f.plot.top, 43.0);
    // bottom = 240 - 8 - 16 (title) - 16 (tick labels) - 8 (half a line under the axis).
    assert_eq!(f.plot.bottom, 192.0);
    // Plot height 149 → y_max = floor(149/32)+1 = 5 → 3.0 … 5.0 by 0.5; labels "3.0" are
    // 1.54 em = 18.48 px; left = 8 + 18.48 + 4 + 4.
    assert_eq!(f.y_ticks.len(), 5);
    assert!(texts(&labels).contains(&"3.5"));
    assert!((f.plot.left - 34.48).abs() < 1e-9, "{}", f.plot.left);
    assert_eq!(f.plot.right, 400.0 - 8.0 - 12.0);
    assert_eq!(f.y.map(5.0), 43.0);
    assert_eq!(f.y.map(3.0), 192.0);
    assert_eq!(f.y_ticks[4].px, 43.0);
    // Legend: swatch 19 + 4 + "A" 7.44; second item after a 12 px gap.
    assert_eq!(f.legend[0].left, 8.0);
    assert!((f.legend[1].left - (8.0 + 19.0 + 4.0 + 7.44 + 12.0)).abs() < 1e-9);
    assert_eq!(f.legend[0].center_y, 16.0);
    assert_eq!(labels[0].text, "A");
    assert_eq!(labels[0].at, (8.0 + 19.0 + 4.0, 16.0));
}

#[test]
fn x_ticks_thin_when_narrow() {
    let t = Theme::light();
    let (wide, _) = compute(600.0, 240.0, &spec(&[]), &t, &Plain);
    assert!(wide.x_ticks.iter().all(|k| k.labelled));
    let (narrow, labels) = compute(120.0, 240.0, &spec(&[]), &t, &Plain);
    assert!(narrow.x_ticks.len() >= 2);
    let shown: Vec<&Label> = labels
        .iter()
        .filter(|l| l.align == (HAlign::Center, VAlign::Top))
        .collect();
    for w in shown.windows(2) {
        assert!(!w[0].rect().overlaps(&w[1].rect(), t.pad - 1e-9));
    }
}

#[test]
fn reversed_x_puts_the_low_end_right() {
    let t = Theme::light();
    let mut s = spec(&[]);
    s.reverse_x = true;
    let (f, _) = compute(400.0, 240.0, &s, &t, &Plain);
    assert_eq!(f.x.map(0.0), f.plot.right);
    assert_eq!(f.x.map(100.0), f.plot.left);
}

#[test]
fn day_ticks_use_the_formatter() {
    let t = Theme::light();
    let mut s = spec(&[]);
    s.x_domain = (-0.5, 6.5);
    s.x_title = None;
    s.x_ticks = XTicks::Days(jiff::civil::date(2024, 3, 1));
    let (_, labels) = compute(600.0, 240.0, &s, &t, &Plain);
    let x: Vec<&str> = labels
        .iter()
        .filter(|l| l.align.1 == VAlign::Top)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        x,
        ["03-01", "03-02", "03-03", "03-04", "03-05", "03-06", "03-07"]
    );
}

#[test]
fn long_legend_entries_and_titles_are_cut_to_the_width() {
    let t = Theme::light();
    let long = "Puntuación publicada cada día durante los próximos ciento ochenta días";
    let legend = [long];
    let mut s = spec(&legend);
    s.x_title = Some(long);
    let (f, labels) = compute(300.0, 240.0, &s, &t, &Plain);
    for l in &labels {
        assert!(f.bounds().encloses(&l.rect()), "{l:?}");
    }
    assert!(labels.iter().any(|l| l.text.ends_with('…')));
}

#[test]
fn tiny_sizes_do_not_invert() {
    let t = Theme::light();
    let (f, _) = compute(10.0, 10.0, &spec(&["Legend"]), &t, &Plain);
    assert!(f.plot.right >= f.plot.left && f.plot.bottom >= f.plot.top);
    assert!(f.is_degenerate(&t));
}
