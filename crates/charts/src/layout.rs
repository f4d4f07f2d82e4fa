//! Layout without measuring: text width estimates, which labels fit, label placement that
//! avoids collisions, legend flow, dash and hatch geometry.
//!
//! Text is never measured through the backend. plotters' own estimate on wasm creates a DOM
//! `<span>` per label and gives it a `style` attribute, which forced layout on every redraw and
//! is blocked (with a console error) under the page's CSP `style-src 'self'`. A deterministic
//! estimate also makes native SVG tests and the browser lay out the same way.

/// An axis-aligned rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Rect {
    /// Width (0 if inverted).
    pub fn width(&self) -> f64 {
        (self.right - self.left).max(0.0)
    }

    /// Height (0 if inverted).
    pub fn height(&self) -> f64 {
        (self.bottom - self.top).max(0.0)
    }

    /// Horizontal centre.
    pub fn center_x(&self) -> f64 {
        (self.left + self.right) / 2.0
    }

    /// Vertical centre.
    pub fn center_y(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }

    /// Whether the point lies inside (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left && x <= self.right && y >= self.top && y <= self.bottom
    }
}

/// Width of one character in ems, for a generic sans-serif font: full-width (CJK, kana,
/// hangul, full-width forms) 1 em, narrow punctuation 0.3 em, others 0.62 em. Errs wide so
/// that labels judged to fit do fit.
fn char_em(c: char) -> f64 {
    let u = u32::from(c);
    let wide = matches!(u,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x2_0000..=0x3_FFFD);
    if wide {
        1.0
    } else if matches!(
        c,
        ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'i' | 'l' | 'j' | '·'
    ) {
        0.3
    } else if matches!(c, 'm' | 'w' | 'M' | 'W' | '%' | '@') {
        0.9
    } else {
        0.62
    }
}

/// Estimated width in pixels of `text` at `font_px`.
///
/// # Examples
///
/// ```
/// use servicescore_charts::layout::text_width;
/// assert_eq!(text_width("服务分", 12.0), 36.0);
/// assert!(text_width("4.5", 12.0) < text_width("4.50", 12.0));
/// ```
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

/// `text` if it fits in `max_px`, else its longest prefix plus `…` that fits, else `None`.
///
/// # Examples
///
/// ```
/// use servicescore_charts::layout::fit_text;
/// assert_eq!(fit_text("售后体验", 48.0, 12.0).as_deref(), Some("售后体验"));
/// assert_eq!(fit_text("售后体验", 40.0, 12.0).as_deref(), Some("售后…"));
/// assert_eq!(fit_text("售后体验", 10.0, 12.0), None);
/// ```
pub fn fit_text(text: &str, max_px: f64, font_px: f64) -> Option<String> {
    if text_width(text, font_px) <= max_px {
        return Some(text.to_owned());
    }
    let ellipsis = char_em('…') * font_px;
    let mut used = ellipsis;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_em(c) * font_px;
        if used + w > max_px {
            break;
        }
        used += w;
        out.push(c);
    }
    let out = out.trim_end().to_owned();
    if out.is_empty() {
        None
    } else {
        Some(out + "…")
    }
}

/// The smallest stride `k ≥ 1` such that showing every k-th label (from the first) leaves at
/// least `gap` pixels between neighbours. `labels` are (centre, width), in axis order.
///
/// # Examples
///
/// ```
/// use servicescore_charts::layout::label_stride;
/// // Labels 30 px wide every 20 px: every second one fits with a 4 px gap.
/// let labels: Vec<(f64, f64)> = (0..6).map(|i| (i as f64 * 20.0, 30.0)).collect();
/// assert_eq!(label_stride(&labels, 4.0), 2);
/// ```
pub fn label_stride(labels: &[(f64, f64)], gap: f64) -> usize {
    let n = labels.len();
    (1..n.max(1))
        .find(|&k| {
            labels
                .iter()
                .step_by(k)
                .zip(labels.iter().step_by(k).skip(1))
                .all(|(a, b)| (b.0 - a.0).abs() >= (a.1 + b.1) / 2.0 + gap)
        })
        .unwrap_or(n.max(1))
}

/// Greedy selection of intervals that do not overlap: each interval (lo, hi), in priority
/// order, is kept unless it comes within `gap` of one already kept.
///
/// # Examples
///
/// ```
/// use servicescore_charts::layout::keep_non_overlapping;
/// assert_eq!(
///     keep_non_overlapping(&[(0.0, 10.0), (5.0, 15.0), (12.0, 20.0)], 1.0),
///     vec![true, false, true]
/// );
/// ```
pub fn keep_non_overlapping(spans: &[(f64, f64)], gap: f64) -> Vec<bool> {
    let mut kept: Vec<(f64, f64)> = Vec::new();
    spans
        .iter()
        .map(|&(lo, hi)| {
            let free = kept.iter().all(|&(a, b)| hi + gap <= a || lo >= b + gap);
            if free {
                kept.push((lo, hi));
            }
            free
        })
        .collect()
}

/// Where a label went: its left edge and row (0 = the row nearest the plot).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// Left edge in pixels.
    pub left: f64,
    /// Row index.
    pub row: usize,
}

/// Places labels centred on their anchors, in up to `rows` rows, so that none overlap: in
/// anchor order, each label takes the first row where it clears the previous label by `gap`.
/// Labels are shifted to stay within `bounds`; a label that fits no row is `None` (the mark is
/// still drawn and the text alternative still lists it). `items` are (anchor x, width).
///
/// # Examples
///
/// ```
/// use servicescore_charts::layout::place_labels;
/// let p = place_labels(&[(50.0, 40.0), (60.0, 40.0), (70.0, 40.0)], (0.0, 400.0), 2, 4.0);
/// assert_eq!(p[0].map(|p| p.row), Some(0));
/// assert_eq!(p[1].map(|p| p.row), Some(1));
/// assert_eq!(p[2], None);
/// ```
pub fn place_labels(
    items: &[(f64, f64)],
    bounds: (f64, f64),
    rows: usize,
    gap: f64,
) -> Vec<Option<Placement>> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_small(&mut order, |&a, &b| items[a].0 < items[b].0);
    let mut row_end = vec![f64::NEG_INFINITY; rows];
    let mut out = vec![None; items.len()];
    for i in order {
        let (x, w) = items[i];
        if !(x.is_finite() && w.is_finite()) {
            continue;
        }
        let left = (x - w / 2.0).min(bounds.1 - w).max(bounds.0);
        if let Some(row) = row_end.iter().position(|&end| left >= end + gap) {
            row_end[row] = left + w;
            out[i] = Some(Placement { left, row });
        }
    }
    out
}

/// A stable insertion sort by `less`. The lists sorted here (labels, marks, reference lines)
/// have a handful of items, and each `slice::sort_by` instantiation costs kilobytes of wasm.
pub(crate) fn sort_small<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Lays legend items of the given widths out left to right from `x0`, wrapping into a new row
/// when the next item would pass `max_x`. Returns (left, row) per item.
///
/// # Examples
///
/// ```
/// use servicescore_charts::layout::flow;
/// assert_eq!(flow(&[50.0, 50.0, 50.0], 10.0, 125.0, 8.0), vec![(10.0, 0), (68.0, 0), (10.0, 1)]);
/// ```
pub fn flow(widths: &[f64], x0: f64, max_x: f64, gap: f64) -> Vec<(f64, usize)> {
    let mut x = x0;
    let mut row = 0;
    widths
        .iter()
        .map(|&w| {
            if x > x0 && x + w > max_x {
                row += 1;
                x = x0;
            }
            let at = (x, row);
            x += w + gap;
            at
        })
        .collect()
}

/// The "on" spans of a dash pattern along `[from, to]`: (`on`, `off`) lengths, starting with a
/// dash at `from`. The last dash is cut at `to`.
///
/// # Examples
///
/// ```
/// use servicescore_charts::layout::dash_spans;
/// assert_eq!(dash_spans(0.0, 25.0, 6.0, 4.0), vec![(0.0, 6.0), (10.0, 16.0), (20.0, 25.0)]);
/// ```
pub fn dash_spans(from: f64, to: f64, on: f64, off: f64) -> Vec<(f64, f64)> {
    let (lo, hi) = (from.min(to), from.max(to));
    if !(lo.is_finite() && hi.is_finite()) || on <= 0.0 || off < 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut a = lo;
    while a < hi {
        out.push((a, (a + on).min(hi)));
        a += on + off;
    }
    out
}

/// A polyline cut into dashes of length `on` separated by `off`, measured along the line.
pub fn dash_polyline(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    if on <= 0.0 || off < 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    // Distance left in the present phase, and whether the pen is down.
    let mut left = on;
    let mut down = true;
    for w in points.windows(2) {
        let (mut x0, mut y0) = w[0];
        let (x1, y1) = w[1];
        let mut seg = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        if !seg.is_finite() {
            continue;
        }
        if down && current.is_empty() {
            current.push((x0, y0));
        }
        while seg > left {
            // Multiply before dividing: exact for whole-pixel input.
            let (xm, ym) = (x0 + (x1 - x0) * left / seg, y0 + (y1 - y0) * left / seg);
            if down {
                current.push((xm, ym));
                out.push(std::mem::take(&mut current));
            } else {
                current.push((xm, ym));
            }
            seg -= left;
            x0 = xm;
            y0 = ym;
            down = !down;
            left = if down { on } else { off };
        }
        left -= seg;
        if down {
            current.push((x1, y1));
        }
    }
    if current.len() >= 2 {
        out.push(current);
    }
    out
}

/// Diagonal hatching (45°, rising to the right) clipped to `r`, lines `gap` apart, as segments.
///
/// # Examples
///
/// ```
/// use servicescore_charts::layout::{hatch_lines, Rect};
/// let r = Rect { left: 0.0, top: 0.0, right: 10.0, bottom: 10.0 };
/// // Lines start every 5 px along the bottom edge, from one rect height left of it.
/// assert_eq!(hatch_lines(r, 5.0).len(), 3);
/// ```
pub fn hatch_lines(r: Rect, gap: f64) -> Vec<((f64, f64), (f64, f64))> {
    let h = r.height();
    if h <= 0.0 || r.width() <= 0.0 || gap.is_nan() || gap <= 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Lines from (x0, bottom) to (x0 + h, top), anchored to a global grid so adjacent shaded
    // periods hatch seamlessly.
    let mut x0 = ((r.left - h) / gap).ceil() * gap;
    while x0 < r.right {
        let t0 = ((r.left - x0) / h).max(0.0);
        let t1 = ((r.right - x0) / h).min(1.0);
        if t1 > t0 {
            out.push((
                (x0 + t0 * h, r.bottom - t0 * h),
                (x0 + t1 * h, r.bottom - t1 * h),
            ));
        }
        x0 += gap;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_cover_cjk_latin_and_accents() {
        assert_eq!(text_width("", 12.0), 0.0);
        assert_eq!(text_width("物流体验", 10.0), 40.0);
        assert!((text_width("4.50", 10.0) - (0.62 * 3.0 + 0.3) * 10.0).abs() < 1e-9);
        assert!((text_width("Logística", 10.0) - 10.0 * (0.62 * 8.0 + 0.3)).abs() < 1e-9);
        assert_eq!(text_width("ＡＢ", 10.0), 20.0);
    }

    #[test]
    fn fitting_truncates_by_character() {
        assert_eq!(
            fit_text("After-sales", 200.0, 12.0).as_deref(),
            Some("After-sales")
        );
        let t = fit_text("After-sales", 40.0, 12.0).unwrap_or_default();
        assert!(t.ends_with('…') && text_width(&t, 12.0) <= 40.0, "{t}");
        assert_eq!(fit_text("体验 星级", 30.0, 12.0).as_deref(), Some("体…"));
        assert_eq!(fit_text("x", 0.0, 12.0), None);
    }

    #[test]
    fn stride_thins_until_labels_clear() {
        let l = |n: usize, step: f64, w: f64| -> Vec<(f64, f64)> {
            (0..n).map(|i| (i as f64 * step, w)).collect()
        };
        assert_eq!(label_stride(&l(5, 50.0, 20.0), 4.0), 1);
        assert_eq!(label_stride(&l(6, 20.0, 30.0), 4.0), 2);
        assert_eq!(label_stride(&l(10, 10.0, 30.0), 4.0), 4);
        assert_eq!(label_stride(&l(3, 1.0, 500.0), 4.0), 3);
        assert_eq!(label_stride(&[], 4.0), 1);
        assert_eq!(label_stride(&l(1, 0.0, 10.0), 4.0), 1);
    }

    #[test]
    fn non_overlapping_keeps_priority_order() {
        // Reference-line labels as (top, bottom) rows: 4.5 first (gate), then star bands.
        let spans = [(100.0, 112.0), (108.0, 120.0), (60.0, 72.0), (113.0, 125.0)];
        assert_eq!(
            keep_non_overlapping(&spans, 1.0),
            vec![true, false, true, true]
        );
        assert_eq!(
            keep_non_overlapping(&spans, 2.0),
            vec![true, false, true, false]
        );
    }

    #[test]
    fn labels_take_rows_then_drop() {
        let p = place_labels(
            &[(100.0, 40.0), (10.0, 40.0), (120.0, 40.0), (200.0, 40.0)],
            (0.0, 220.0),
            2,
            4.0,
        );
        // Sorted by anchor: 10 → row 0 at left 0 (clamped); 100 → row 0 at 80;
        // 120 → row 1 at 100; 200 → clamped to 180, row 0 (80+40+4 ≤ 180).
        assert_eq!(p[1], Some(Placement { left: 0.0, row: 0 }));
        assert_eq!(p[0], Some(Placement { left: 80.0, row: 0 }));
        assert_eq!(
            p[2],
            Some(Placement {
                left: 100.0,
                row: 1
            })
        );
        assert_eq!(
            p[3],
            Some(Placement {
                left: 180.0,
                row: 0
            })
        );
        let one = place_labels(&[(50.0, 40.0), (52.0, 40.0)], (0.0, 400.0), 1, 0.0);
        assert_eq!(one[1], None);
        assert_eq!(
            place_labels(&[(f64::NAN, 4.0)], (0.0, 9.0), 1, 0.0),
            vec![None]
        );
    }

    #[test]
    fn small_sort_is_stable() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut e: [u8; 0] = [];
        sort_small(&mut e, |a, b| a < b);
    }

    #[test]
    fn flow_wraps() {
        assert_eq!(flow(&[], 0.0, 10.0, 1.0), vec![]);
        // An item wider than the row still goes somewhere.
        assert_eq!(
            flow(&[500.0, 10.0], 0.0, 100.0, 5.0),
            vec![(0.0, 0), (0.0, 1)]
        );
    }

    #[test]
    fn dashes() {
        assert_eq!(
            dash_spans(10.0, 0.0, 4.0, 4.0),
            vec![(0.0, 4.0), (8.0, 10.0)]
        );
        assert!(dash_spans(0.0, 10.0, 0.0, 4.0).is_empty());
        // A straight 25 px line, 6 on 4 off: dashes 0–6, 10–16, 20–25.
        let d = dash_polyline(&[(0.0, 0.0), (25.0, 0.0)], 6.0, 4.0);
        assert_eq!(
            d,
            vec![
                vec![(0.0, 0.0), (6.0, 0.0)],
                vec![(10.0, 0.0), (16.0, 0.0)],
                vec![(20.0, 0.0), (25.0, 0.0)]
            ]
        );
        // A dash that turns a corner keeps the corner point.
        let c = dash_polyline(&[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0)], 6.0, 4.0);
        assert_eq!(c, vec![vec![(0.0, 0.0), (4.0, 0.0), (4.0, 2.0)]]);
        assert!(dash_polyline(&[(1.0, 1.0)], 6.0, 4.0).is_empty());
    }

    #[test]
    fn hatching_is_clipped() {
        let r = Rect {
            left: 10.0,
            top: 0.0,
            right: 30.0,
            bottom: 10.0,
        };
        let lines = hatch_lines(r, 10.0);
        assert_eq!(lines.len(), 2);
        for ((x0, y0), (x1, y1)) in &lines {
            assert!(r.contains(*x0, *y0) && r.contains(*x1, *y1));
            assert!(((x1 - x0) - (y0 - y1)).abs() < 1e-9, "45 degrees");
        }
        assert_eq!(lines[0], ((10.0, 10.0), (20.0, 0.0)));
        assert!(hatch_lines(r, 0.0).is_empty());
    }
}
