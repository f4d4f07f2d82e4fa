//! Series: splitting at gaps into runs, and reading a value off a curve. Where a series reaches
//! a level is the scoring core's answer (goal seek, the projection's first days), passed in.

fn finite(p: &(f64, Option<f64>)) -> Option<(f64, f64)> {
    match *p {
        (x, Some(y)) if x.is_finite() && y.is_finite() => Some((x, y)),
        _ => None,
    }
}

/// Splits a series (sorted by x) into runs of consecutive points with a value: a `None` or
/// non-finite value ends a run. Runs of one point are kept (drawn as a dot).
///
/// # Examples
///
/// ```
/// use servicescore_charts::series::runs;
/// let r = runs(&[(0.0, Some(1.0)), (1.0, Some(2.0)), (2.0, None), (3.0, Some(4.0))]);
/// assert_eq!(r, vec![vec![(0.0, 1.0), (1.0, 2.0)], vec![(3.0, 4.0)]]);
/// ```
pub fn runs(points: &[(f64, Option<f64>)]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    for p in points {
        match finite(p) {
            Some(q) => cur.push(q),
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// [`runs`] for a day series: a day with no value, and a day missing from the list (a jump of
/// more than one day), both end a run.
///
/// # Examples
///
/// ```
/// use servicescore_charts::series::day_runs;
/// let r = day_runs(&[(0, Some(4.0)), (1, Some(4.1)), (3, Some(4.2))]);
/// assert_eq!(r, vec![vec![(0.0, 4.0), (1.0, 4.1)], vec![(3.0, 4.2)]]);
/// ```
pub fn day_runs(days: &[(i32, Option<f64>)]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    let mut prev: Option<i32> = None;
    for &(d, v) in days {
        let contiguous = prev.is_some_and(|p| i64::from(d) - i64::from(p) == 1);
        if !contiguous && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        match v.filter(|v| v.is_finite()) {
            Some(v) => cur.push((f64::from(d), v)),
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
        prev = Some(d);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The series' value at `x` by linear interpolation inside a run; `None` in a gap or outside.
///
/// # Examples
///
/// ```
/// use servicescore_charts::series::interpolate;
/// let s = [(0.0, Some(3.0)), (10.0, Some(4.0)), (20.0, None)];
/// assert_eq!(interpolate(&s, 2.5), Some(3.25));
/// assert_eq!(interpolate(&s, 15.0), None);
/// ```
pub fn interpolate(points: &[(f64, Option<f64>)], x: f64) -> Option<f64> {
    if !x.is_finite() {
        return None;
    }
    for run in runs(points) {
        if let [(x0, y0)] = run[..] {
            if x0 == x {
                return Some(y0);
            }
        }
        for w in run.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            if x == x0 {
                return Some(y0);
            }
            if x == x1 {
                return Some(y1);
            }
            if (x0.min(x1)..=x0.max(x1)).contains(&x) {
                return Some(y0 + (y1 - y0) * (x - x0) / (x1 - x0));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_at_gaps_and_non_finite() {
        let s = [
            (0.0, None),
            (1.0, Some(1.0)),
            (2.0, Some(f64::NAN)),
            (3.0, Some(3.0)),
            (4.0, Some(4.0)),
            (f64::INFINITY, Some(5.0)),
        ];
        assert_eq!(
            runs(&s),
            vec![vec![(1.0, 1.0)], vec![(3.0, 3.0), (4.0, 4.0)]]
        );
        assert!(runs(&[]).is_empty());
        assert!(runs(&[(0.0, None), (1.0, None)]).is_empty());
    }

    #[test]
    fn day_runs_split_at_missing_days() {
        let d = [
            (-3, Some(1.0)),
            (-2, Some(2.0)),
            (-1, None),
            (0, Some(3.0)),
            (1, Some(4.0)),
            (5, Some(5.0)),
            (6, Some(6.0)),
        ];
        let r = day_runs(&d);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0], vec![(-3.0, 1.0), (-2.0, 2.0)]);
        assert_eq!(r[1], vec![(0.0, 3.0), (1.0, 4.0)]);
        assert_eq!(r[2], vec![(5.0, 5.0), (6.0, 6.0)]);
        assert_eq!(
            day_runs(&[(i32::MIN, Some(1.0)), (i32::MAX, Some(2.0))]).len(),
            2
        );
    }

    #[test]
    fn interpolation_inside_runs_only() {
        let s = [
            (0.0, Some(3.0)),
            (4.0, Some(5.0)),
            (5.0, None),
            (6.0, Some(4.0)),
        ];
        assert_eq!(interpolate(&s, 1.0), Some(3.5));
        assert_eq!(interpolate(&s, 4.0), Some(5.0));
        assert_eq!(interpolate(&s, 4.5), None);
        assert_eq!(interpolate(&s, 6.0), Some(4.0));
        assert_eq!(interpolate(&s, -1.0), None);
        assert_eq!(interpolate(&s, f64::NAN), None);
    }
}
