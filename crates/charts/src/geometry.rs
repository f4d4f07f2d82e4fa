//! Geometry of strokes drawn as pieces: dash patterns along rules and polylines, and the
//! diagonal hatching of shaded periods (a cue that does not rest on colour).

use crate::layout::Rect;

/// The "on" spans of a dash pattern along `[from, to]`: (`on`, `off`) lengths, starting with a
/// dash at `from`. The last dash is cut at `to`. Lazy: a rule's dashes are drawn as they come,
/// never collected.
///
/// # Examples
///
/// ```
/// use servicescore_charts::geometry::dash_spans;
/// let d: Vec<_> = dash_spans(0.0, 25.0, 6.0, 4.0).collect();
/// assert_eq!(d, vec![(0.0, 6.0), (10.0, 16.0), (20.0, 25.0)]);
/// ```
pub fn dash_spans(from: f64, to: f64, on: f64, off: f64) -> impl Iterator<Item = (f64, f64)> {
    let (lo, hi) = (from.min(to), from.max(to));
    let usable = lo.is_finite() && hi.is_finite() && on > 0.0 && off >= 0.0;
    let mut a = lo;
    std::iter::from_fn(move || {
        (usable && a < hi).then(|| {
            let span = (a, (a + on).min(hi));
            a += on + off;
            span
        })
    })
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
/// use servicescore_charts::geometry::hatch_lines;
/// use servicescore_charts::layout::Rect;
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
    fn dashes() {
        assert_eq!(
            dash_spans(10.0, 0.0, 4.0, 4.0).collect::<Vec<_>>(),
            vec![(0.0, 4.0), (8.0, 10.0)]
        );
        assert_eq!(dash_spans(0.0, 10.0, 0.0, 4.0).count(), 0);
        assert_eq!(dash_spans(0.0, f64::NAN, 1.0, 1.0).count(), 0);
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
