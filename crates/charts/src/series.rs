//! Series logic: splitting at gaps into runs, reading a value off a curve, where a curve
//! reaches a level, and the first day a day series crosses a level.

/// Tolerance for "reaches a level": a value this close below counts as reached, so a curve
/// that touches 4.5 at a knot reaches 4.5 despite float noise.
pub const EPS: f64 = 1e-9;

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

/// The x nearest to `from` at which the series is at or above `level` (`from` itself if it
/// already is): the nearest edge of the region where the curve meets the level. `None` when
/// the series never reaches it.
///
/// # Examples
///
/// ```
/// use servicescore_charts::series::reach;
/// // Score rises from 3.5 at 60 % to 4.5 at 100 %: 4.0 is reached at 80 %.
/// let s = [(60.0, Some(3.5)), (100.0, Some(4.5))];
/// assert_eq!(reach(&s, 62.0, 4.0), Some(80.0));
/// assert_eq!(reach(&s, 90.0, 4.0), Some(90.0));
/// assert_eq!(reach(&s, 62.0, 4.8), None);
/// ```
pub fn reach(points: &[(f64, Option<f64>)], from: f64, level: f64) -> Option<f64> {
    if interpolate(points, from).is_some_and(|y| y >= level - EPS) {
        return Some(from);
    }
    let at = |y: f64| y >= level - EPS;
    let mut edges: Vec<f64> = Vec::new();
    for run in runs(points) {
        for &(x, y) in run.first().into_iter().chain(run.last()) {
            if at(y) {
                edges.push(x);
            }
        }
        for w in run.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            if at(y0) != at(y1) {
                edges.push(x0 + (x1 - x0) * (level - y0) / (y1 - y0));
            }
        }
    }
    edges
        .into_iter()
        .filter(|x| x.is_finite())
        .min_by(|a, b| (a - from).abs().total_cmp(&(b - from).abs()))
}

/// Index of the lowest level strictly above `value` (the next step up), if any.
///
/// # Examples
///
/// ```
/// use servicescore_charts::series::next_level;
/// assert_eq!(next_level(4.32, &[3.5, 4.8, 4.5, 4.0]), Some(2));
/// assert_eq!(next_level(4.9, &[3.5, 4.8]), None);
/// ```
pub fn next_level(value: f64, levels: &[f64]) -> Option<usize> {
    levels
        .iter()
        .enumerate()
        .filter(|(_, &l)| l.is_finite() && l > value + EPS)
        .min_by(|a, b| a.1.total_cmp(b.1))
        .map(|(i, _)| i)
}

/// Which way a day series crossed a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crossing {
    /// From below to at-or-above.
    Up,
    /// From at-or-above to below.
    Down,
}

/// The first day the series is on the other side of `level` than on its first day with a
/// value, and which way it went. `None` if it never changes side.
///
/// # Examples
///
/// ```
/// use servicescore_charts::series::{first_crossing, Crossing};
/// let d = [(0, Some(4.3)), (1, None), (2, Some(4.49)), (3, Some(4.5)), (4, Some(4.6))];
/// assert_eq!(first_crossing(&d, 4.5), Some((3, Crossing::Up)));
/// assert_eq!(first_crossing(&d, 4.0), None);
/// ```
pub fn first_crossing(days: &[(i32, Option<f64>)], level: f64) -> Option<(i32, Crossing)> {
    let mut valued = days
        .iter()
        .filter_map(|&(d, v)| v.filter(|v| v.is_finite()).map(|v| (d, v >= level - EPS)));
    let (_, start) = valued.next()?;
    valued
        .find(|&(_, above)| above != start)
        .map(|(d, above)| (d, if above { Crossing::Up } else { Crossing::Down }))
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

    #[test]
    fn reach_picks_the_nearest_edge() {
        // Up then down: at or above 4.5 on [15, 25]; from 0 the nearest edge is 15, from 40
        // it is 25.
        let s = [
            (0.0, Some(4.0)),
            (10.0, Some(4.4)),
            (20.0, Some(4.6)),
            (30.0, Some(4.4)),
            (40.0, Some(4.0)),
        ];
        let r = |from: f64| reach(&s, from, 4.5).map(|x| (x * 1e9).round() / 1e9);
        assert_eq!(r(0.0), Some(15.0));
        assert_eq!(r(40.0), Some(25.0));
        assert_eq!(r(20.0), Some(20.0));
        // A run that starts above the level after a gap: its first point is an edge.
        let g = [
            (0.0, Some(4.0)),
            (1.0, None),
            (2.0, Some(4.9)),
            (3.0, Some(4.9)),
        ];
        assert_eq!(reach(&g, 0.0, 4.8), Some(2.0));
        // Touching the level exactly counts.
        let t = [(0.0, Some(4.0)), (10.0, Some(4.5))];
        assert_eq!(reach(&t, 0.0, 4.5), Some(10.0));
    }

    #[test]
    fn next_level_is_the_lowest_above() {
        assert_eq!(next_level(4.5, &[4.5, 4.8]), Some(1));
        assert_eq!(next_level(3.0, &[f64::NAN, 3.5]), Some(1));
        assert_eq!(next_level(3.0, &[]), None);
    }

    #[test]
    fn crossings_go_both_ways() {
        let down = [(0, Some(3.6)), (1, Some(3.5)), (2, Some(3.49))];
        assert_eq!(first_crossing(&down, 3.5), Some((2, Crossing::Down)));
        assert_eq!(first_crossing(&[], 3.5), None);
        assert_eq!(first_crossing(&[(0, None), (1, Some(5.0))], 3.5), None);
    }
}
