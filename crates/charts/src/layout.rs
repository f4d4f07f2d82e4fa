//! Placement without collisions: rectangles, thinning tick labels, label rows, legend flow, and
//! [`Placer`], which puts each label at the first of its candidate positions that is free.
//!
//! Every label a chart draws is placed here first (see [`crate::Layout`]), so "no two labels
//! overlap and none leaves the drawing" is a property of the layout that tests check directly.

use crate::text::Label;

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

    /// Whether `other` lies inside this rectangle (edges included).
    pub fn encloses(&self, other: &Rect) -> bool {
        other.left >= self.left
            && other.right <= self.right
            && other.top >= self.top
            && other.bottom <= self.bottom
    }

    /// Whether the two overlap by more than touching, after growing `self` by `gap` on every
    /// side.
    ///
    /// # Examples
    ///
    /// ```
    /// use servicescore_charts::layout::Rect;
    /// let a = Rect { left: 0.0, top: 0.0, right: 10.0, bottom: 10.0 };
    /// let b = Rect { left: 10.0, ..a };
    /// assert!(!a.overlaps(&Rect { right: 20.0, ..b }, 0.0));
    /// assert!(a.overlaps(&Rect { right: 20.0, ..b }, 1.0));
    /// ```
    pub fn overlaps(&self, other: &Rect, gap: f64) -> bool {
        self.left - gap < other.right
            && other.left < self.right + gap
            && self.top - gap < other.bottom
            && other.top < self.bottom + gap
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
/// Labels are shifted to stay within `bounds`; a label that fits no row, or is wider than the
/// bounds, is `None` (the mark is still drawn and the text alternative still lists it).
/// `items` are (anchor x, width).
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
        if !(x.is_finite() && w.is_finite()) || w > bounds.1 - bounds.0 {
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

/// Labels placed so far, and the region new ones must stay in: each new label takes the first
/// of its candidate positions that lies inside the region and clears every label placed before
/// it. Place labels in order of importance; one that finds no place is left out (its text is in
/// the chart's text alternative).
#[derive(Debug, Clone)]
pub struct Placer {
    bounds: Rect,
    gap: f64,
    placed: Vec<Label>,
    /// The boxes of `placed` (each estimated once).
    boxes: Vec<Rect>,
}

impl Placer {
    /// An empty placer for labels inside `bounds`, kept `gap` pixels apart.
    pub fn new(bounds: Rect, gap: f64) -> Placer {
        Placer {
            bounds,
            gap,
            placed: Vec::new(),
            boxes: Vec::new(),
        }
    }

    /// Adds a label whose place is fixed (tick labels, the legend): later labels avoid it.
    pub fn fix(&mut self, label: Label) {
        self.boxes.push(label.rect());
        self.placed.push(label);
    }

    /// Whether `label` would fit: inside `bounds` (the current bounds) and clear of every label
    /// placed.
    pub fn fits(&self, label: &Label, bounds: &Rect) -> bool {
        let r = label.rect();
        bounds.encloses(&r) && self.boxes.iter().all(|b| !b.overlaps(&r, self.gap))
    }

    /// Places the first candidate that fits in the placer's bounds; returns whether one did.
    pub fn place(&mut self, candidates: impl IntoIterator<Item = Label>) -> bool {
        let bounds = self.bounds;
        self.place_within(candidates, &bounds)
    }

    /// [`Placer::place`] inside other bounds (e.g. a row above the plot).
    pub fn place_within(
        &mut self,
        candidates: impl IntoIterator<Item = Label>,
        bounds: &Rect,
    ) -> bool {
        for c in candidates {
            if self.fits(&c, bounds) {
                self.fix(c);
                return true;
            }
        }
        false
    }

    /// How many labels are placed.
    pub fn len(&self) -> usize {
        self.placed.len()
    }

    /// Whether no label is placed yet.
    pub fn is_empty(&self) -> bool {
        self.placed.is_empty()
    }

    /// The labels placed, fixed ones included, in the order they were added.
    pub fn into_labels(self) -> Vec<Label> {
        self.placed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{HAlign, VAlign};
    use plotters::style::RGBColor;

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
        assert_eq!(
            place_labels(&[(5.0, 40.0)], (0.0, 30.0), 1, 0.0),
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
    fn placer_takes_the_first_free_candidate() {
        let bounds = Rect {
            left: 0.0,
            top: 0.0,
            right: 100.0,
            bottom: 100.0,
        };
        let label = |x: f64, y: f64| {
            Label::new(
                "服务",
                (x, y),
                (HAlign::Left, VAlign::Top),
                10.0,
                RGBColor(0, 0, 0),
            )
        };
        let mut p = Placer::new(bounds, 1.0);
        p.fix(label(0.0, 0.0));
        // Overlaps the fixed label, then leaves the bounds, then fits.
        assert!(p.place([label(5.0, 5.0), label(90.0, 50.0), label(30.0, 0.0)]));
        assert!(!p.place([label(0.0, 2.0), label(31.0, 1.0)]));
        let placed = p.into_labels();
        assert_eq!(placed.len(), 2);
        assert_eq!(placed[1].at, (30.0, 0.0));
    }
}
