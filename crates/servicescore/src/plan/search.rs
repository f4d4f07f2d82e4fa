//! The search on the grid: the snapped optimum of the relaxation ([`solve`](super::solve)),
//! then walks along the grid that only make the plan cheaper (see the parent module's
//! documentation for what that guarantees).

use super::need;
use super::solve::{Problem, Relaxed};
use super::MAX_FIXED_COST_METRICS;
use crate::error::Result;
use crate::goal::Target;

/// A plan in mover order (`None`: unmoved), or out of reach.
pub(crate) enum Solved {
    /// The planned values.
    Plan(Vec<Option<f64>>),
    /// Out of reach; every mover at its best.
    Unreachable(Vec<Option<f64>>),
}

/// The plan: already met, out of reach, or the snapped optimum of the relaxation (see the
/// module documentation). `judge` says whether planned values (mover order) meet the target
/// exactly as the score is published.
pub(crate) fn solve_target(
    problem: &Problem<'_>,
    target: &Target,
    judge: &mut dyn FnMut(&[Option<f64>]) -> bool,
) -> Result<Solved> {
    let n = problem.movers.len();
    let none = vec![None; n];
    if judge(&none) {
        return Ok(Solved::Plan(none));
    }
    let best: Vec<Option<f64>> = problem
        .movers
        .iter()
        .map(|m| Some(m.best_value()))
        .collect();
    if n == 0 || !judge(&best) {
        return Ok(Solved::Unreachable(best));
    }
    let model = problem.model();
    let now = model.scores(&problem.seen_with(&none));
    let needs = need::needs(model, target, &now)?;
    let far: Vec<usize> = (0..n)
        .filter(|&k| problem.movers[k].far_from_grid())
        .collect();
    let exact_far = far.len() <= MAX_FIXED_COST_METRICS;
    let mut cheapest: Option<Relaxed> = None;
    for need in &needs {
        let cases = if exact_far { 1usize << far.len() } else { 1 };
        for case in 0..cases {
            let (mut entered, mut excluded) = (vec![false; n], vec![false; n]);
            if exact_far {
                for (bit, &k) in far.iter().enumerate() {
                    if case & (1 << bit) != 0 {
                        entered[k] = true;
                    } else {
                        excluded[k] = true;
                    }
                }
            }
            if let Some(r) = problem.solve(need, &entered, &excluded) {
                if cheapest.as_ref().is_none_or(|c| r.effort < c.effort) {
                    cheapest = Some(r);
                }
            }
        }
    }
    let mut xs = none.clone();
    if let Some(r) = cheapest {
        for (k, x) in r.moves {
            xs[k] = Some(problem.movers[k].snap(x));
        }
    }
    let xs = repair(problem, xs, judge).unwrap_or(best);
    let plan = exchange(problem, tighten(problem, xs, judge), judge);
    // Each metric alone at its least passing value is a candidate too (exact on the grid for
    // one metric): a plan is never dearer than the best single-metric answer.
    let mut cheapest = (effort_of(problem, &plan), plan);
    for k in 0..n {
        let mut trial = none.clone();
        if let Some(x) = least_passing(problem, k, 0, &mut trial, judge) {
            trial[k] = Some(x);
            let e = effort_of(problem, &trial);
            if e < cheapest.0 - 1e-12 {
                cheapest = (e, trial);
            }
        }
    }
    Ok(Solved::Plan(cheapest.1))
}

/// The effort of planned values (mover order).
pub(crate) fn effort_of(problem: &Problem<'_>, xs: &[Option<f64>]) -> f64 {
    problem
        .movers
        .iter()
        .zip(xs)
        .filter_map(|(mv, x)| Some(mv.effort_to((*x)?)))
        .sum()
}

/// The least grid value of mover `k`, from `from_t` grid values past its first better one,
/// that meets the target with the others as in `trial` (`None`: not even its best).
fn least_passing(
    problem: &Problem<'_>,
    k: usize,
    from_t: i64,
    trial: &mut [Option<f64>],
    judge: &mut dyn FnMut(&[Option<f64>]) -> bool,
) -> Option<f64> {
    let mv = &problem.movers[k];
    let value = |t: i64| mv.grid.value(mv.first + mv.sign as i64 * t);
    let n = (mv.best - mv.first).abs();
    let keep = trial[k];
    trial[k] = Some(value(n));
    let ok = from_t <= n && judge(trial);
    let (mut lo, mut hi) = (from_t, n);
    while ok && lo < hi {
        let mid = lo + (hi - lo) / 2;
        trial[k] = Some(value(mid));
        if judge(trial) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    trial[k] = keep;
    ok.then(|| value(lo))
}

/// Trades one grid step of a moved metric for the least compensating move of another whose
/// steps cost less, when that makes the plan cheaper (snapping rounds each metric up
/// separately; on the grid a small move elsewhere often saves a whole step). A few passes;
/// the plan only gets cheaper and still meets the target.
fn exchange(
    problem: &Problem<'_>,
    mut xs: Vec<Option<f64>>,
    judge: &mut dyn FnMut(&[Option<f64>]) -> bool,
) -> Vec<Option<f64>> {
    let n = problem.movers.len();
    // The cheapest extra effort mover `k` can add: one step, or its way onto the grid.
    let extra = |xs: &[Option<f64>], k: usize| {
        let mv = &problem.movers[k];
        match xs[k] {
            Some(_) => mv.rate * mv.grid.step(),
            None => mv.effort_to(mv.first_value()),
        }
    };
    for _ in 0..6 {
        let mut improved = false;
        let effort = effort_of(problem, &xs);
        'out: for k in 0..n {
            let Some(x) = xs[k] else { continue };
            let mv = &problem.movers[k];
            let t = (mv.grid.index_of(x) - mv.first).abs();
            let back = (t > 0).then(|| mv.grid.value(mv.first + mv.sign as i64 * (t - 1)));
            let saved = mv.effort_to(x) - back.map_or(0.0, |b| mv.effort_to(b));
            for j in (0..n).filter(|&j| j != k) {
                if extra(&xs, j) >= saved - 1e-12 {
                    continue;
                }
                let mut trial = xs.clone();
                trial[k] = back;
                let from_t = match trial[j] {
                    None => 0,
                    Some(y) => {
                        let m = &problem.movers[j];
                        (m.grid.index_of(y) - m.first).abs() + 1
                    }
                };
                let Some(y) = least_passing(problem, j, from_t, &mut trial, judge) else {
                    continue;
                };
                trial[j] = Some(y);
                if effort_of(problem, &trial) < effort - 1e-12 {
                    xs = trial;
                    improved = true;
                    break 'out;
                }
            }
        }
        if !improved {
            break;
        }
        xs = tighten(problem, xs, judge);
    }
    xs
}

/// Walks each moved metric back along its grid as far as the target still holds, the others
/// held (a bisection: scores are monotone in each metric), the costliest steps first, until
/// nothing moves. Snapping rounds every moved metric up; the slack that leaves can often pay
/// for part of another move. The plan only gets cheaper and still meets the target.
fn tighten(
    problem: &Problem<'_>,
    mut xs: Vec<Option<f64>>,
    judge: &mut dyn FnMut(&[Option<f64>]) -> bool,
) -> Vec<Option<f64>> {
    let mut order: Vec<usize> = (0..problem.movers.len()).collect();
    let step_cost = |k: usize| problem.movers[k].rate * problem.movers[k].grid.step();
    order.sort_by(|&a, &b| step_cost(b).total_cmp(&step_cost(a)));
    for _ in 0..4 {
        let mut changed = false;
        for &k in &order {
            let Some(x) = xs[k] else { continue };
            let mv = &problem.movers[k];
            let mut trial = xs.clone();
            trial[k] = None;
            if judge(&trial) {
                xs = trial;
                changed = true;
                continue;
            }
            // Grid values from the first better one (t = 0) to the planned one (t = n).
            let n = (mv.grid.index_of(x) - mv.first).abs();
            let (mut lo, mut hi) = (0, n);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                trial[k] = Some(mv.grid.value(mv.first + mv.sign as i64 * mid));
                if judge(&trial) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            if lo < n {
                xs[k] = Some(mv.grid.value(mv.first + mv.sign as i64 * lo));
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    xs
}

/// The plan itself when it meets the target; otherwise the cheapest single extra grid step
/// that does, tried a few times (float noise at a rounding edge); `None` if that fails too.
fn repair(
    problem: &Problem<'_>,
    mut xs: Vec<Option<f64>>,
    judge: &mut dyn FnMut(&[Option<f64>]) -> bool,
) -> Option<Vec<Option<f64>>> {
    for _ in 0..8 {
        if judge(&xs) {
            return Some(xs);
        }
        let mut pass: Option<(f64, usize, f64)> = None;
        let mut furthest: Option<(f64, usize, f64)> = None;
        let model = problem.model();
        let overall =
            |xs: &[Option<f64>]| model.scores(&problem.seen_with(xs)).overall.unwrap_or(0.0);
        let now = overall(&xs);
        for (k, mv) in problem.movers.iter().enumerate() {
            let next = match xs[k] {
                None => Some(mv.first_value()),
                Some(x) => mv.step_from(x),
            };
            let Some(next) = next else { continue };
            let cost = mv.effort_to(next) - xs[k].map_or(0.0, |x| mv.effort_to(x));
            let mut trial = xs.clone();
            trial[k] = Some(next);
            if judge(&trial) {
                if pass.is_none_or(|p| cost < p.0) {
                    pass = Some((cost, k, next));
                }
            } else {
                let gain = (overall(&trial) - now) / cost.max(1e-300);
                if furthest.is_none_or(|f| gain > f.0) {
                    furthest = Some((gain, k, next));
                }
            }
        }
        match pass.or(furthest) {
            Some((_, k, next)) => xs[k] = Some(next),
            None => return None,
        }
    }
    judge(&xs).then_some(xs)
}
