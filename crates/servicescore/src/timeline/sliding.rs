//! The window's weighted sums day after day in O(1) per day and number, instead of re-summing
//! the whole window for every published day (issue 13: a 180-day projection summed
//! 180 × 180 rows).
//!
//! The weights are exponential, `w(t) = q^(t−1)` with `q = 0.5^(1/H)`, so the sum published
//! on row `r`, `S(r) = Σ_{t=1..W} q^(t−1)·x(r − t)`, satisfies
//! `S(r + 1) = q·S(r) + x(r) − q^W·x(r − W)`. That recurrence subtracts: over a long range
//! its rounding errors decay (they are multiplied by `q` every day) but a small window sum
//! after large days could keep a relative error of ~1e-9, and a sum that should be exactly 0
//! (no data) could come out as 1e-13, which would read as data. So no subtraction is used.
//!
//! The rows are cut into blocks of `W` from the first published row (anchors `a`, `a + W`,
//! …). For `a ≤ r < a + W` the window `r − W .. r − 1` is the tail of the block before `a`
//! and the head `a .. r − 1` of the current one:
//!
//! - head: `H(r) = Σ_{d=a..r−1} q^(r−1−d)·x(d)`, `H(a) = 0`, `H(r + 1) = q·H(r) + x(r)`;
//! - tail: `q^(r−a)·Suf(r − W)` where `Suf(s) = Σ_{d=s..a−1} q^(a−1−d)·x(d)` are the suffix
//!   sums of the previous block, computed once per block from its end, with the exact
//!   weights.
//!
//! Every term is a product of nonnegative numbers, added: each sum is within a few hundred
//! ulps of the direct one (relative), for any range, and a window without data sums to
//! exactly 0. The cost per published day is three passes over the numbers of a row, plus one
//! pass per day for the suffix sums of each block: no re-anchoring is ever needed.

use super::Dense;

/// Window sums published on consecutive rows of a [`Dense`] block.
pub(crate) struct Sliding<'a> {
    dense: &'a Dense,
    /// `weights[t − 1]` = `w(t)`.
    weights: &'a [f64],
    /// `w(2)` = `q`, the ratio of consecutive weights.
    q: f64,
    /// First row of the current block.
    anchor: usize,
    /// `H(r)` of the next row `r`.
    head: Vec<f64>,
    /// `Suf(anchor − W + s)` at `s·width ..`, for `s = 0..=W`.
    suffix: Vec<f64>,
    /// The next row to publish.
    row: usize,
}

impl<'a> Sliding<'a> {
    /// Sums for rows `first, first + 1, …` (each needs the `weights.len()` rows before it).
    pub(crate) fn new(dense: &'a Dense, weights: &'a [f64], first: usize) -> Sliding<'a> {
        let w = weights.len();
        let mut s = Sliding {
            dense,
            weights,
            q: weights.get(1).copied().unwrap_or(0.0),
            anchor: first,
            head: vec![0.0; dense.width],
            suffix: vec![0.0; (w + 1) * dense.width],
            row: first,
        };
        s.start_block(first);
        s
    }

    /// Starts the block at `anchor`: suffix sums of the `W` rows before it, head 0.
    fn start_block(&mut self, anchor: usize) {
        let (w, width) = (self.weights.len(), self.dense.width);
        self.anchor = anchor;
        self.head.fill(0.0);
        let (rows, present) = (&self.dense.x, &self.dense.present);
        self.suffix[w * width..].fill(0.0);
        for s in (0..w).rev() {
            let d = anchor - w + s;
            let (lo, hi) = self.suffix.split_at_mut((s + 1) * width);
            let (out, next) = (&mut lo[s * width..], &hi[..width]);
            if present[d] {
                let weight = self.weights[w - 1 - s];
                let x = &rows[d * width..(d + 1) * width];
                for ((o, n), v) in out.iter_mut().zip(next).zip(x) {
                    *o = n + weight * v;
                }
            } else {
                out.copy_from_slice(next);
            }
        }
    }

    /// Writes the sums of the next row into `acc` and moves on.
    pub(crate) fn next_into(&mut self, acc: &mut [f64]) {
        let (w, width) = (self.weights.len(), self.dense.width);
        let r = self.row;
        if r == self.anchor + w {
            self.start_block(r);
        }
        let k = r - self.anchor;
        let tail_weight = self.weights[k];
        let tail = &self.suffix[k * width..(k + 1) * width];
        for ((a, h), t) in acc.iter_mut().zip(&self.head).zip(tail) {
            *a = h + tail_weight * t;
        }
        // H(r + 1) = q·H(r) + x(r). The last published row may lie past the block's rows
        // (it needs only the rows before it); then nothing follows.
        if self.dense.present.get(r) == Some(&true) {
            let x = &self.dense.x[r * width..(r + 1) * width];
            for (h, v) in self.head.iter_mut().zip(x) {
                *h = self.q * *h + v;
            }
        } else {
            for h in self.head.iter_mut() {
                *h *= self.q;
            }
        }
        self.row += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The direct sum of the window before `row`.
    fn direct(dense: &Dense, weights: &[f64], row: usize) -> Vec<f64> {
        let mut acc = vec![0.0; dense.width];
        for (t, w) in weights.iter().enumerate() {
            let d = row - 1 - t;
            if dense.present[d] {
                for (a, v) in acc.iter_mut().zip(dense.row(d)) {
                    *a += w * v;
                }
            }
        }
        acc
    }

    fn weights(window: usize, half_life: f64) -> Vec<f64> {
        (0..window)
            .map(|t| 0.5f64.powf(t as f64 / half_life))
            .collect()
    }

    proptest! {
        #[test]
        fn equals_the_direct_sum(
            window in 1usize..200,
            half_life in 0.5f64..200.0,
            days in 1usize..700,
            seed in any::<u64>(),
            gaps in 0u32..4,
        ) {
            let w = weights(window, half_life);
            let rows = window + days;
            let mut dense = Dense::new(0, rows, 3);
            // Large and small days, runs of absent days, exact zeros.
            let mut state = seed | 1;
            let mut rnd = move || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            };
            for r in 0..rows {
                dense.present[r] = rnd() % 4 >= u64::from(gaps);
                let big = if rnd() % 10 == 0 { 1e6 } else { 1.0 };
                for v in dense.row_mut(r).iter_mut().take(6) {
                    *v = if rnd() % 5 == 0 { 0.0 } else { big * (rnd() % 1000) as f64 / 7.0 };
                }
                if !dense.present[r] {
                    dense.row_mut(r).fill(0.0);
                }
            }
            let mut s = Sliding::new(&dense, &w, window);
            let mut acc = vec![0.0; dense.width];
            for r in window..rows {
                s.next_into(&mut acc);
                let want = direct(&dense, &w, r);
                for (lane, (g, e)) in acc.iter().zip(&want).enumerate() {
                    if *e == 0.0 {
                        prop_assert_eq!(*g, 0.0, "row {} lane {}", r, lane);
                    } else {
                        prop_assert!((g - e).abs() <= 1e-12 * e.abs(), "row {r} lane {lane}: {g} vs {e}");
                    }
                }
            }
        }
    }

    #[test]
    fn ten_years_of_days_keep_no_drift() {
        // Huge days, then a decade of tiny ones: the window sees only tiny days and must say
        // so to the last digit, and an empty window must be exactly 0.
        let w = weights(180, 60.0);
        let rows = 180 + 3660;
        let mut dense = Dense::new(0, rows, 1);
        for r in 0..rows {
            dense.present[r] = !(2000..2200).contains(&r);
            let v = if r < 400 { 1e9 } else { 1e-3 };
            dense.row_mut(r)[0] = if dense.present[r] { v } else { 0.0 };
        }
        let mut s = Sliding::new(&dense, &w, 180);
        let mut acc = vec![0.0; dense.width];
        for r in 180..rows {
            s.next_into(&mut acc);
            let want = direct(&dense, &w, r);
            assert!((acc[0] - want[0]).abs() <= 1e-13 * want[0].abs(), "{r}");
            if (2180..=2200).contains(&r) {
                assert_eq!(acc[0], 0.0, "{r}");
            }
        }
    }
}
