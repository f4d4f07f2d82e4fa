//! The plot frame shared by every chart: margins for the legend, mark-label rows, tick labels
//! and the axis title; the plot rectangle; the x and y scales and their (thinned) ticks.

use crate::date::DayAxis;
use crate::layout::{flow, label_stride, text_width, Rect};
use crate::scale::{day_ticks, format_tick, nice_step, ticks, LinearScale};
use crate::theme::Theme;

/// One axis tick: its value, pixel position and label (`None` when thinned out to avoid
/// overlapping its neighbours; the grid line is still drawn).
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Data value.
    pub value: f64,
    /// Pixel position along the axis.
    pub px: f64,
    /// Label, if it is shown.
    pub label: Option<String>,
}

/// Where a legend entry goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LegendSlot {
    /// Left edge of the swatch.
    pub left: f64,
    /// Vertical centre of the row.
    pub center_y: f64,
}

/// The computed layout of a chart of a given pixel size: what the draw function uses and what
/// a page can use to map pointer positions to values (`x.invert(px)`).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Whole drawing size (width, height).
    pub size: (f64, f64),
    /// The plot rectangle (inside the axes).
    pub plot: Rect,
    /// Data x → pixel column.
    pub x: LinearScale,
    /// Data y → pixel row (top is the domain's high end).
    pub y: LinearScale,
    /// Ticks along x (empty for band charts).
    pub x_ticks: Vec<Tick>,
    /// Ticks along y.
    pub y_ticks: Vec<Tick>,
    /// Step between x ticks (for formatting values read off the x axis), 0 if none.
    pub x_step: f64,
    /// Legend slots, one per legend label.
    pub legend: Vec<LegendSlot>,
    /// Baseline (bottom) y of mark-label row `r` is `mark_row_bottom - r * mark_row_height`.
    pub mark_row_bottom: f64,
    /// Height of a mark-label row.
    pub mark_row_height: f64,
}

/// How the x axis is ticked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum XTicks {
    /// Nice numeric ticks.
    Numeric,
    /// Whole days, labelled by the axis.
    Days(DayAxis),
    /// No ticks: the chart labels its own bands (room is still kept for the labels).
    Bands,
}

/// What a chart asks of the frame.
pub(crate) struct FrameSpec<'a> {
    pub x_domain: (f64, f64),
    pub reverse_x: bool,
    pub y_domain: (f64, f64),
    pub x_ticks: XTicks,
    pub legend: &'a [&'a str],
    pub x_title: bool,
    pub mark_rows: usize,
}

/// Width of a legend swatch.
pub(crate) fn swatch_width(theme: &Theme) -> f64 {
    (theme.font_px * 1.6).round()
}

/// Width of a legend entry (swatch, gap, label).
pub(crate) fn legend_item_width(label: &str, theme: &Theme) -> f64 {
    swatch_width(theme) + theme.pad / 2.0 + text_width(label, theme.font_px)
}

/// A domain that is usable: finite and increasing, else `fallback`.
pub(crate) fn valid_domain(d: (f64, f64), fallback: (f64, f64)) -> (f64, f64) {
    if d.0.is_finite() && d.1.is_finite() && d.0 < d.1 {
        d
    } else {
        fallback
    }
}

pub(crate) fn compute(width: f64, height: f64, spec: &FrameSpec<'_>, theme: &Theme) -> Frame {
    let line = theme.line_height(theme.font_px);
    let small_line = theme.line_height(theme.small_font_px);
    let gap = theme.pad / 2.0;

    // Legend rows along the top.
    let widths: Vec<f64> = spec
        .legend
        .iter()
        .map(|l| legend_item_width(l, theme))
        .collect();
    let slots = flow(&widths, theme.pad, width - theme.pad, theme.pad * 1.5);
    let legend_rows = slots.iter().map(|s| s.1 + 1).max().unwrap_or(0);
    let legend = slots
        .iter()
        .map(|&(left, row)| LegendSlot {
            left,
            center_y: theme.pad + line * row as f64 + line / 2.0,
        })
        .collect();
    let legend_h = if legend_rows > 0 {
        line * legend_rows as f64 + gap
    } else {
        0.0
    };

    // Above the plot: legend, mark rows, then one row for labels of lines at the very top.
    let mark_row_bottom = theme.pad + legend_h + small_line * spec.mark_rows as f64;
    let top = mark_row_bottom + small_line;
    let bottom = height - theme.pad - theme.tick_len - line - if spec.x_title { line } else { 0.0 };

    // Y ticks: about one per two text lines of height.
    let y_domain = spec.y_domain;
    let plot_h = (bottom - top).max(0.0);
    let y_max = ((plot_h / (line * 2.0)).floor() as usize + 1).clamp(2, 11);
    let y_values = ticks(y_domain.0, y_domain.1, y_max);
    let y_step = nice_step(y_domain.0, y_domain.1, y_max).unwrap_or(1.0);
    let y_labels: Vec<String> = y_values.iter().map(|&v| format_tick(v, y_step)).collect();
    let y_label_w = y_labels
        .iter()
        .map(|l| text_width(l, theme.font_px))
        .fold(0.0, f64::max);
    let left = theme.pad + y_label_w + theme.tick_len + gap;
    let right = width - theme.pad - theme.font_px;
    let plot = Rect {
        left,
        top,
        right: right.max(left),
        bottom: bottom.max(top),
    };
    let y = LinearScale::new(y_domain, (plot.bottom, plot.top));
    let y_ticks = y_values
        .iter()
        .zip(y_labels)
        .map(|(&v, l)| Tick {
            value: v,
            px: y.map(v),
            label: Some(l),
        })
        .collect();

    let x_range = if spec.reverse_x {
        (plot.right, plot.left)
    } else {
        (plot.left, plot.right)
    };
    let x = LinearScale::new(spec.x_domain, x_range);
    let x_max = ((plot.width() / (theme.font_px * 4.0)).floor() as usize + 1).clamp(2, 31);
    let (values, labels, x_step): (Vec<f64>, Vec<String>, f64) = match spec.x_ticks {
        XTicks::Numeric => {
            let (lo, hi) = spec.x_domain;
            let step = nice_step(lo, hi, x_max).unwrap_or(0.0);
            let v = ticks(lo, hi, x_max);
            let l = v.iter().map(|&t| format_tick(t, step)).collect();
            (v, l, step)
        }
        XTicks::Days(axis) => {
            let lo = spec.x_domain.0.ceil() as i32;
            let hi = spec.x_domain.1.floor() as i32;
            let d = day_ticks(lo, hi, x_max);
            let step = match d.as_slice() {
                [a, b, ..] => f64::from(b - a),
                _ => 1.0,
            };
            let l = d.iter().map(|&t| axis.short(t)).collect();
            (d.into_iter().map(f64::from).collect(), l, step)
        }
        XTicks::Bands => (Vec::new(), Vec::new(), 0.0),
    };
    let placed: Vec<(f64, f64)> = values
        .iter()
        .zip(&labels)
        .map(|(&v, l)| (x.map(v), text_width(l, theme.font_px)))
        .collect();
    let stride = label_stride(&placed, theme.pad);
    let x_ticks = values
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (&v, l))| Tick {
            value: v,
            px: x.map(v),
            label: (i % stride == 0).then_some(l),
        })
        .collect();

    Frame {
        size: (width, height),
        plot,
        x,
        y,
        x_ticks,
        y_ticks,
        x_step,
        legend,
        mark_row_bottom,
        mark_row_height: small_line,
    }
}

impl Frame {
    /// Whether the plot is too small to draw anything useful in.
    pub fn is_degenerate(&self, theme: &Theme) -> bool {
        self.plot.width() < theme.font_px * 2.0 || self.plot.height() < theme.font_px * 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec<'a>(legend: &'a [&'a str]) -> FrameSpec<'a> {
        FrameSpec {
            x_domain: (0.0, 100.0),
            reverse_x: false,
            y_domain: (3.0, 5.0),
            x_ticks: XTicks::Numeric,
            legend,
            x_title: true,
            mark_rows: 0,
        }
    }

    #[test]
    fn margins_are_exact() {
        let t = Theme::light();
        let f = compute(400.0, 240.0, &spec(&["A", "B"]), &t);
        // line = ceil(12*1.3) = 16, small = ceil(11*1.3) = 15.
        // top = pad 8 + legend (16 + gap 4) + mark rows 0 + 15 = 43.
        assert_eq!(f.plot.top, 43.0);
        // bottom = 240 - 8 - 4 - 16 - 16 (title) = 196.
        assert_eq!(f.plot.bottom, 196.0);
        // Plot height 153 → y_max = floor(153/32)+1 = 5 → 3.0 … 5.0 by 0.5; labels "3.0" are
        // 1.54 em = 18.48 px; left = 8 + 18.48 + 4 + 4.
        assert_eq!(f.y_ticks.len(), 5);
        assert_eq!(f.y_ticks[1].label.as_deref(), Some("3.5"));
        assert!((f.plot.left - 34.48).abs() < 1e-9, "{}", f.plot.left);
        assert_eq!(f.plot.right, 400.0 - 8.0 - 12.0);
        assert_eq!(f.y.map(5.0), 43.0);
        assert_eq!(f.y.map(3.0), 196.0);
        assert_eq!(f.y_ticks[4].px, 43.0);
        // Legend: swatch 19 + 4 + "A" 7.44; second item after a 12 px gap.
        assert_eq!(f.legend[0].left, 8.0);
        assert!((f.legend[1].left - (8.0 + 19.0 + 4.0 + 7.44 + 12.0)).abs() < 1e-9);
        assert_eq!(f.legend[0].center_y, 16.0);
    }

    #[test]
    fn x_ticks_thin_when_narrow() {
        let t = Theme::light();
        let wide = compute(600.0, 240.0, &spec(&[]), &t);
        assert!(wide.x_ticks.iter().all(|k| k.label.is_some()));
        assert_eq!(wide.x_step, 10.0);
        let narrow = compute(120.0, 240.0, &spec(&[]), &t);
        assert!(narrow.x_ticks.len() >= 2);
        let shown: Vec<&Tick> = narrow
            .x_ticks
            .iter()
            .filter(|k| k.label.is_some())
            .collect();
        for w in shown.windows(2) {
            let a = text_width(w[0].label.as_deref().unwrap_or(""), 12.0);
            let b = text_width(w[1].label.as_deref().unwrap_or(""), 12.0);
            assert!(w[1].px - w[0].px >= (a + b) / 2.0 + t.pad);
        }
    }

    #[test]
    fn reversed_x_puts_the_low_end_right() {
        let t = Theme::light();
        let mut s = spec(&[]);
        s.reverse_x = true;
        let f = compute(400.0, 240.0, &s, &t);
        assert_eq!(f.x.map(0.0), f.plot.right);
        assert_eq!(f.x.map(100.0), f.plot.left);
    }

    #[test]
    fn day_ticks_use_the_axis_labels() {
        let t = Theme::light();
        let mut s = spec(&[]);
        s.x_domain = (-0.5, 6.5);
        s.x_ticks = XTicks::Days(DayAxis {
            origin: crate::CivilDate::new(2024, 3, 1),
        });
        let f = compute(600.0, 240.0, &s, &t);
        let labels: Vec<_> = f.x_ticks.iter().filter_map(|k| k.label.clone()).collect();
        assert_eq!(
            labels,
            ["03-01", "03-02", "03-03", "03-04", "03-05", "03-06", "03-07"]
        );
    }

    #[test]
    fn tiny_sizes_do_not_invert() {
        let t = Theme::light();
        let f = compute(10.0, 10.0, &spec(&["Legend"]), &t);
        assert!(f.plot.right >= f.plot.left && f.plot.bottom >= f.plot.top);
        assert!(f.is_degenerate(&t));
    }
}
