//! Scales and ticks: mapping data values to pixels, choosing "nice" tick values, and how many
//! decimals a tick step or a value needs (writing them is the formatter's job).

/// A linear map from a data interval (`domain`) to a pixel interval (`range`).
///
/// A reversed pixel interval (e.g. y grows downwards, or an x axis where lower is better on
/// the right) is just `range.0 > range.1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    /// Data interval.
    pub domain: (f64, f64),
    /// Pixel interval the domain's ends map to.
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` to `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        LinearScale { domain, range }
    }

    /// The pixel of data value `v` (not clamped). An empty domain maps everything to the
    /// middle of the range.
    ///
    /// # Examples
    ///
    /// ```
    /// use servicescore_charts::LinearScale;
    /// // Score 3..5 onto pixel rows 210 (bottom) .. 10 (top).
    /// let y = LinearScale::new((3.0, 5.0), (210.0, 10.0));
    /// assert_eq!(y.map(4.5), 60.0);
    /// ```
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        let span = d1 - d0;
        if span == 0.0 || !span.is_finite() {
            return (r0 + r1) / 2.0;
        }
        // The two-sided form is exact at both ends of the range.
        let t = (v - d0) / span;
        r0 * (1.0 - t) + r1 * t
    }

    /// [`LinearScale::map`] rounded to a whole pixel.
    pub fn map_px(&self, v: f64) -> i32 {
        self.map(v).round() as i32
    }

    /// The data value at pixel `p` (for pointer read-outs).
    pub fn invert(&self, p: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        let span = r1 - r0;
        if span == 0.0 || !span.is_finite() {
            return (d0 + d1) / 2.0;
        }
        d0 + (p - r0) / span * (d1 - d0)
    }

    /// Whether `v` lies inside the domain (ends included, either orientation).
    pub fn contains(&self, v: f64) -> bool {
        let (a, b) = self.domain;
        v >= a.min(b) && v <= a.max(b)
    }

    /// `v` clamped into the domain.
    pub fn clamp(&self, v: f64) -> f64 {
        let (a, b) = self.domain;
        v.clamp(a.min(b), a.max(b))
    }
}

/// The smallest step of the form 1, 2 or 5 × 10ᵏ that covers `[lo, hi]` with at most
/// `max_ticks` ticks. `None` for an empty or non-finite interval.
///
/// # Examples
///
/// ```
/// use servicescore_charts::scale::nice_step;
/// assert_eq!(nice_step(3.0, 5.0, 5), Some(0.5));
/// assert_eq!(nice_step(0.0, 100.0, 6), Some(20.0));
/// ```
pub fn nice_step(lo: f64, hi: f64, max_ticks: usize) -> Option<f64> {
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) {
        return None;
    }
    let intervals = max_ticks.max(2) - 1;
    let raw = span / intervals as f64;
    // The power of ten at or below `raw`, by steps rather than `powf` (no libm `pow` in wasm).
    let mut mag = 1.0;
    while mag > raw {
        mag /= 10.0;
    }
    while mag * 10.0 <= raw {
        mag *= 10.0;
    }
    loop {
        for m in [1.0, 2.0, 5.0] {
            let step = m * mag;
            // A tolerance so that span/step landing a hair above an integer still fits.
            if (span / step).floor() + 1.0 <= max_ticks.max(2) as f64 + 1e-9
                && step >= raw * (1.0 - 1e-9)
            {
                return Some(step);
            }
        }
        mag *= 10.0;
    }
}

/// Powers of ten up to 10¹², exact.
const POW10: [f64; 13] = [
    1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
];

/// Decimals that show a step exactly: 0 for 1, 20, 100; 1 for 0.5; 2 for 0.05 and 0.25
/// (at most 12).
pub fn step_decimals(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 0;
    }
    (0..POW10.len())
        .find(|&d| {
            let x = step * POW10[d];
            x.round() >= 1.0 && (x - x.round()).abs() <= 1e-6 * x
        })
        .unwrap_or(POW10.len() - 1)
}

/// Round `v` to `decimals` places (at most 12), halves away from zero, after snapping away
/// float noise at 1e-9 of the last place (the scoring core's display rounding): tick values
/// land exactly on their multiples, and [`decimals_needed`] sees 0.30000000000000004 as 0.3.
pub fn round_to(v: f64, decimals: usize) -> f64 {
    let f = POW10[decimals.min(POW10.len() - 1)];
    let snapped = (v * f * 1e9).round() / 1e9;
    snapped.round() / f
}

/// Tick values: every multiple of [`nice_step`] inside `[lo, hi]`, at most `max_ticks`.
///
/// # Examples
///
/// ```
/// use servicescore_charts::scale::ticks;
/// assert_eq!(ticks(3.0, 5.0, 5), vec![3.0, 3.5, 4.0, 4.5, 5.0]);
/// assert_eq!(ticks(3.0, 5.0, 3), vec![3.0, 4.0, 5.0]);
/// ```
pub fn ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<f64> {
    let Some(step) = nice_step(lo, hi, max_ticks) else {
        return if lo.is_finite() && lo == hi {
            vec![lo]
        } else {
            Vec::new()
        };
    };
    let decimals = step_decimals(step) + 1;
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last)
        .map(|n| round_to(n as f64 * step, decimals))
        .collect()
}

/// The fewest decimals (at most `max`) that write `v` as it reads with `max` decimals: `62.5`
/// needs 1, `62.0` needs 0, `95.123` with `max` 1 needs 1.
///
/// # Examples
///
/// ```
/// use servicescore_charts::scale::decimals_needed;
/// assert_eq!(decimals_needed(62.5, 2), 1);
/// assert_eq!(decimals_needed(62.0, 2), 0);
/// assert_eq!(decimals_needed(74.9, 1), 1);
/// assert_eq!(decimals_needed(0.30000000000000004, 12), 1);
/// ```
pub fn decimals_needed(v: f64, max: usize) -> usize {
    let max = max.min(POW10.len() - 1);
    let target = round_to(v, max);
    (0..max).find(|&d| round_to(v, d) == target).unwrap_or(max)
}

/// The smallest and largest finite values, `None` when there are none.
pub fn extent(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((a, b)) => Some((a.min(v), b.max(v))),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_and_invert() {
        let x = LinearScale::new((0.0, 100.0), (40.0, 440.0));
        assert_eq!(x.map(0.0), 40.0);
        assert_eq!(x.map(62.5), 290.0);
        assert_eq!(x.map_px(62.4), 290);
        assert_eq!(x.invert(290.0), 62.5);
        let rev = LinearScale::new((0.0, 720.0), (440.0, 40.0));
        assert_eq!(rev.map(0.0), 440.0);
        assert_eq!(rev.map(180.0), 340.0);
        let flat = LinearScale::new((1.0, 1.0), (0.0, 100.0));
        assert_eq!(flat.map(7.0), 50.0);
        assert!(x.contains(100.0) && !x.contains(100.01));
        assert_eq!(x.clamp(-3.0), 0.0);
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(3.0, 5.0, 5), Some(0.5));
        assert_eq!(nice_step(3.0, 5.0, 4), Some(1.0));
        assert_eq!(nice_step(3.0, 5.0, 11), Some(0.2));
        assert_eq!(nice_step(0.0, 720.0, 6), Some(200.0));
        assert_eq!(nice_step(0.0, 100.0, 11), Some(10.0));
        assert_eq!(nice_step(0.0, 2.0, 5), Some(0.5));
        assert_eq!(nice_step(1.0, 5.0, 5), Some(1.0));
        assert_eq!(nice_step(5.0, 5.0, 5), None);
        assert_eq!(nice_step(0.0, f64::NAN, 5), None);
    }

    #[test]
    fn ticks_are_exact_and_bounded() {
        assert_eq!(
            ticks(0.0, 100.0, 6),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(ticks(0.0, 720.0, 6), vec![0.0, 200.0, 400.0, 600.0]);
        assert_eq!(ticks(0.0, 0.3, 4), vec![0.0, 0.1, 0.2, 0.3]);
        assert_eq!(ticks(0.05, 0.95, 3), vec![0.5]);
        assert_eq!(ticks(2.0, 2.0, 5), vec![2.0]);
        assert!(ticks(2.0, 1.0, 5).is_empty());
        for n in 2..20 {
            assert!(ticks(3.0, 5.0, n).len() <= n, "{n}");
            assert!(ticks(0.0, 720.0, n).len() <= n, "{n}");
        }
    }

    #[test]
    fn decimals_and_rounding() {
        assert_eq!(step_decimals(1.0), 0);
        assert_eq!(step_decimals(0.1), 1);
        assert_eq!(step_decimals(0.5), 1);
        assert_eq!(step_decimals(0.05), 2);
        assert_eq!(step_decimals(200.0), 0);
        assert_eq!(step_decimals(0.25), 2);
        assert_eq!(step_decimals(1e-20), 12);
        // The core's worked cases of round_display.
        assert_eq!(round_to(4.405, 2), 4.41);
        assert_eq!(round_to(4.3223571, 2), 4.32);
        assert_eq!(round_to(4.394999999999, 2), 4.40);
        assert_eq!(round_to(-4.405, 2), -4.41);
        assert_eq!(decimals_needed(-0.0001, 1), 0);
        assert_eq!(decimals_needed(4.0, 2), 0);
        assert_eq!(decimals_needed(4.25, 1), 1);
    }

    #[test]
    fn extent_skips_non_finite() {
        assert_eq!(extent([3.0, f64::NAN, 1.0, 2.0]), Some((1.0, 3.0)));
        assert_eq!(extent([f64::INFINITY]), None);
    }
}
