//! The plot frame shared by every chart: margins for the legend, mark-label rows, tick labels
//! and the axis title; the plot rectangle; the x and y scales and their (thinned) ticks; and the
//! frame's own labels (ticks, legend, axis title), fitted to the drawing.

use jiff::civil::Date;

use crate::date::{add_days, day_ticks};
use crate::format::ChartFormat;
use crate::layout::{flow, label_stride, Rect};
use crate::scale::{nice_step, step_decimals, ticks, LinearScale};
use crate::text::{fit_text, line_height, text_width, HAlign, Label, VAlign};
use crate::theme::Theme;

/// One axis tick: its value, pixel position, and whether it has a label (thinned-out ticks
/// keep their grid line and tick mark).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    /// Data value.
    pub value: f64,
    /// Pixel position along the axis.
    pub px: f64,
    /// Whether its label is shown.
    pub labelled: bool,
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
    /// Legend slots, one per legend entry.
    pub legend: Vec<LegendSlot>,
    /// Baseline (bottom) y of mark-label row `r` is `mark_row_bottom - r * mark_row_height`.
    pub mark_row_bottom: f64,
    /// Height of a mark-label row.
    pub mark_row_height: f64,
    /// Top of the text under the x axis (tick or band labels).
    pub x_labels_top: f64,
}

/// How the x axis is ticked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum XTicks {
    /// Nice numeric ticks.
    Numeric,
    /// Whole days counted from this date, labelled with the formatter's short dates.
    Days(Date),
    /// No ticks: the chart labels its own bands (room is kept for `lines` rows of text).
    Bands {
        /// Rows of text under the axis.
        lines: usize,
    },
}

/// What a chart asks of the frame.
pub(crate) struct FrameSpec<'a> {
    pub x_domain: (f64, f64),
    pub reverse_x: bool,
    pub y_domain: (f64, f64),
    pub x_ticks: XTicks,
    pub legend: &'a [&'a str],
    pub x_title: Option<&'a str>,
    pub mark_rows: usize,
}

/// Width of a legend swatch.
pub(crate) fn swatch_width(theme: &Theme) -> f64 {
    (theme.font_px * 1.6).round()
}

/// A domain that is usable: finite and increasing, else `fallback`.
pub(crate) fn valid_domain(d: (f64, f64), fallback: (f64, f64)) -> (f64, f64) {
    if d.0.is_finite() && d.1.is_finite() && d.0 < d.1 {
        d
    } else {
        fallback
    }
}

/// The frame of a `width` × `height` drawing, and its labels: y ticks, x ticks (thinned so
/// none overlap, kept inside the drawing), the legend (each entry cut to the width) and the
/// x-axis title (cut to the width).
pub(crate) fn compute(
    width: f64,
    height: f64,
    spec: &FrameSpec<'_>,
    theme: &Theme,
    fmt: &dyn ChartFormat,
) -> (Frame, Vec<Label>) {
    let font = theme.font_px;
    let line = line_height(font);
    let small_line = line_height(theme.small_font_px);
    let gap = theme.pad / 2.0;
    let mut labels = Vec::new();

    // Legend rows along the top; an entry wider than the drawing is cut.
    let swatch = swatch_width(theme);
    let max_entry = width - 2.0 * theme.pad - swatch - gap;
    let entries: Vec<String> = spec
        .legend
        .iter()
        .map(|l| fit_text(l, max_entry, font).unwrap_or_default())
        .collect();
    let widths: Vec<f64> = entries
        .iter()
        .map(|l| swatch + gap + text_width(l, font))
        .collect();
    let slots = flow(&widths, theme.pad, width - theme.pad, theme.pad * 1.5);
    let legend_rows = slots.iter().map(|s| s.1 + 1).max().unwrap_or(0);
    let legend: Vec<LegendSlot> = slots
        .iter()
        .map(|&(left, row)| LegendSlot {
            left,
            center_y: theme.pad + line * row as f64 + line / 2.0,
        })
        .collect();
    for (slot, text) in legend.iter().zip(entries) {
        labels.push(Label::new(
            text,
            (slot.left + swatch + gap, slot.center_y),
            (HAlign::Left, VAlign::Middle),
            font,
            theme.foreground,
        ));
    }
    let legend_h = if legend_rows > 0 {
        line * legend_rows as f64 + gap
    } else {
        0.0
    };

    // Above the plot: legend, mark rows, then one row for labels of lines at the very top.
    let mark_row_bottom = theme.pad + legend_h + small_line * spec.mark_rows as f64;
    let top = mark_row_bottom + small_line;
    let x_lines = match spec.x_ticks {
        XTicks::Bands { lines } => lines,
        _ => 1,
    };
    let title_h = if spec.x_title.is_some() { line } else { 0.0 };
    // Text under the axis starts below the tick marks and below the half line by which the
    // lowest y-tick label hangs under the axis (a wide first x label would touch it).
    let under_axis = (theme.tick_len + theme.rule_px).max((line / 2.0).ceil());
    let bottom = height - theme.pad - title_h - line * x_lines as f64 - under_axis;

    // Y ticks: about one per two text lines of height.
    let y_domain = spec.y_domain;
    let plot_h = (bottom - top).max(0.0);
    let y_max = ((plot_h / (line * 2.0)).floor() as usize + 1).clamp(2, 11);
    let y_values = ticks(y_domain.0, y_domain.1, y_max);
    let y_decimals = step_decimals(nice_step(y_domain.0, y_domain.1, y_max).unwrap_or(1.0));
    let y_texts: Vec<String> = y_values
        .iter()
        .map(|&v| fmt.number(v, y_decimals))
        .collect();
    let y_label_w = y_texts
        .iter()
        .map(|l| text_width(l, font))
        .fold(0.0, f64::max);
    let left = theme.pad + y_label_w + theme.tick_len + gap;
    let right = width - theme.pad - font;
    let plot = Rect {
        left,
        top,
        right: right.max(left),
        bottom: bottom.max(top),
    };
    let y = LinearScale::new(y_domain, (plot.bottom, plot.top));
    let y_ticks = y_values
        .iter()
        .map(|&v| Tick {
            value: v,
            px: y.map(v),
            labelled: true,
        })
        .collect::<Vec<_>>();
    for (t, text) in y_ticks.iter().zip(y_texts) {
        labels.push(Label::new(
            text,
            (plot.left - theme.tick_len - gap, t.px),
            (HAlign::Right, VAlign::Middle),
            font,
            theme.muted,
        ));
    }

    let x_range = if spec.reverse_x {
        (plot.right, plot.left)
    } else {
        (plot.left, plot.right)
    };
    let x = LinearScale::new(spec.x_domain, x_range);
    let x_labels_top = plot.bottom + under_axis;
    let x_max = ((plot.width() / (font * 4.0)).floor() as usize + 1).clamp(2, 31);
    let (values, texts): (Vec<f64>, Vec<String>) = match spec.x_ticks {
        XTicks::Numeric => {
            let (lo, hi) = spec.x_domain;
            let d = step_decimals(nice_step(lo, hi, x_max).unwrap_or(0.0));
            let v = ticks(lo, hi, x_max);
            let t = v.iter().map(|&t| fmt.number(t, d)).collect();
            (v, t)
        }
        XTicks::Days(origin) => {
            let lo = spec.x_domain.0.ceil() as i32;
            let hi = spec.x_domain.1.floor() as i32;
            let d = day_ticks(lo, hi, x_max);
            let t = d
                .iter()
                .map(|&t| fmt.day_short(add_days(origin, t)))
                .collect();
            (d.into_iter().map(f64::from).collect(), t)
        }
        XTicks::Bands { .. } => (Vec::new(), Vec::new()),
    };
    // Each label centred on its tick but kept inside the drawing; thinned on those centres.
    let placed: Vec<(f64, f64)> = values
        .iter()
        .zip(&texts)
        .map(|(&v, l)| {
            let w = text_width(l, font);
            let half = w / 2.0;
            (x.map(v).clamp(half, (width - half).max(half)), w)
        })
        .collect();
    let stride = label_stride(&placed, theme.pad);
    let mut x_ticks = Vec::with_capacity(values.len());
    for (i, ((&v, text), &(cx, w))) in values.iter().zip(texts).zip(&placed).enumerate() {
        let labelled = i % stride == 0 && w <= width;
        x_ticks.push(Tick {
            value: v,
            px: x.map(v),
            labelled,
        });
        if labelled {
            labels.push(Label::new(
                text,
                (cx, x_labels_top),
                (HAlign::Center, VAlign::Top),
                font,
                theme.muted,
            ));
        }
    }

    if let Some(title) = spec.x_title {
        if let Some(t) = fit_text(title, width - 2.0 * theme.pad, font) {
            let half = text_width(&t, font) / 2.0;
            let cx = plot
                .center_x()
                .clamp(theme.pad + half, (width - theme.pad - half).max(half));
            labels.push(Label::new(
                t,
                (cx, height - theme.pad),
                (HAlign::Center, VAlign::Bottom),
                font,
                theme.foreground,
            ));
        }
    }

    let frame = Frame {
        size: (width, height),
        plot,
        x,
        y,
        x_ticks,
        y_ticks,
        legend,
        mark_row_bottom,
        mark_row_height: small_line,
        x_labels_top,
    };
    (frame, labels)
}

impl Frame {
    /// Whether the plot is too small to draw anything useful in.
    pub fn is_degenerate(&self, theme: &Theme) -> bool {
        self.plot.width() < theme.font_px * 2.0 || self.plot.height() < theme.font_px * 2.0
    }

    /// The whole drawing as a rectangle.
    pub fn bounds(&self) -> Rect {
        Rect {
            left: 0.0,
            top: 0.0,
            right: self.size.0,
            bottom: self.size.1,
        }
    }

    /// Where labels of reference lines and values may go: the plot, plus the row above it
    /// kept for labels of lines at the very top.
    pub fn label_area(&self) -> Rect {
        Rect {
            top: self.plot.top - self.mark_row_height,
            ..self.plot
        }
    }

    /// Mark-label row `row` (0 = nearest the plot), across the drawing.
    pub fn mark_row(&self, row: usize) -> Rect {
        let bottom = self.mark_row_bottom - row as f64 * self.mark_row_height;
        Rect {
            left: 0.0,
            top: bottom - self.mark_row_height,
            right: self.size.0,
            bottom,
        }
    }
}

#[cfg(test)]
mod tests;
