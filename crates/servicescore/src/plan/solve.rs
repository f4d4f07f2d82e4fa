//! One requirement ([`Need`]) solved over the continuous relaxation: the metrics that may
//! move ([`Mover`]), each one's frontier of (effort, points gained), the frontier of each
//! dimension, their combination into the overall score, and the split of the least effort
//! back into one value per metric. Snapping to the slider grid is the caller's.

use super::frontier::{Frontier, Tree, EPS};
use super::need::Need;
use crate::display::decimals_of;
use crate::eval::Model;
use crate::rulepack::{Better, MAX_DIMENSIONS};

/// How the score sees a metric's planned value `x`: `alpha + beta·x`, clamped to the range.
/// Now: the value itself. By a date: the window's weighted mix of the history and the plan
/// days (see `deadline`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Seen {
    pub(crate) alpha: f64,
    pub(crate) beta: f64,
}

impl Seen {
    /// The value itself.
    pub(crate) const SAME: Seen = Seen {
        alpha: 0.0,
        beta: 1.0,
    };
}

/// The slider grid of one metric: `origin + k·step` for `k = 0..=last`, with `origin` the
/// slider's minimum (the values an HTML range input with that min and step can take).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Grid {
    origin: f64,
    step: f64,
    last: i64,
    decimals: usize,
}

impl Grid {
    pub(crate) fn of(m: &crate::rulepack::MetricDef) -> Grid {
        let s = m.slider;
        Grid {
            origin: s.min,
            step: s.step,
            // Validation bounds the range to 1e7 steps: the cast cannot overflow.
            last: ((s.max - s.min) / s.step + 1e-9).floor() as i64,
            decimals: decimals_of(s.step).max(decimals_of(s.min)) as usize,
        }
    }

    /// The grid value number `k`.
    pub(crate) fn value(&self, k: i64) -> f64 {
        let f = 10f64.powi(self.decimals as i32);
        ((self.origin + k as f64 * self.step) * f).round() / f
    }

    /// `(x − origin) / step`.
    fn index(&self, x: f64) -> f64 {
        (x - self.origin) / self.step
    }

    /// The number of the grid value `x`.
    pub(crate) fn index_of(&self, x: f64) -> i64 {
        self.index(x).round() as i64
    }

    /// The grid step.
    pub(crate) fn step(&self) -> f64 {
        self.step
    }
}

/// A metric that may move: from its current value towards its best grid value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mover {
    /// Metric index (pack order).
    pub(crate) metric: usize,
    /// Dimension index.
    pub(crate) dim: usize,
    /// The current value.
    pub(crate) from: f64,
    /// Grid index of the first value better than `from`.
    pub(crate) first: i64,
    /// Grid index of the best value.
    pub(crate) best: i64,
    /// Effort per unit of value: the user's weight over the benchmark span.
    pub(crate) rate: f64,
    /// +1 when higher is better, −1 when lower is.
    pub(crate) sign: f64,
    /// How the score sees the value.
    pub(crate) seen: Seen,
    /// The slider grid.
    pub(crate) grid: Grid,
}

impl Mover {
    /// A mover for metric `metric` at `from`, or `None` when no grid value is better.
    pub(crate) fn new(
        model: &Model<'_>,
        metric: usize,
        from: f64,
        weight: f64,
        seen: Seen,
    ) -> Option<Mover> {
        let pack = model.pack();
        let m = &pack.metrics[metric];
        let knots = &pack.knots(&model.industry().id, &m.id)?.value;
        let span = (knots[knots.len() - 1] - knots[0]).abs();
        let grid = Grid::of(m);
        let at = grid.index(from);
        let (sign, first, best) = match m.better {
            Better::Higher => (1.0, ((at + 1e-9).floor() as i64 + 1).max(0), grid.last),
            Better::Lower => (-1.0, ((at - 1e-9).ceil() as i64 - 1).min(grid.last), 0),
        };
        let can_move = sign * (best - first) as f64 >= 0.0;
        (can_move && seen.beta > 0.0).then(|| Mover {
            metric,
            dim: pack.dimension_index(&m.dimension).unwrap_or(0),
            from,
            first,
            best,
            rate: weight / span,
            sign,
            seen,
            grid,
        })
    }

    /// The best grid value.
    pub(crate) fn best_value(&self) -> f64 {
        self.grid.value(self.best)
    }

    /// The first grid value better than the current one.
    pub(crate) fn first_value(&self) -> f64 {
        self.grid.value(self.first)
    }

    /// Whether the first better grid value is more than one step away (a current value
    /// beyond the slider's worse end): then moving at all has a fixed cost.
    pub(crate) fn far_from_grid(&self) -> bool {
        (self.first_value() - self.from).abs() > self.grid.step * (1.0 + 1e-9)
    }

    /// The grid value at or beyond `x` in the better direction, between the first better
    /// value and the best.
    pub(crate) fn snap(&self, x: f64) -> f64 {
        let at = self.grid.index(x);
        let k = if self.sign > 0.0 {
            ((at - 1e-9).ceil() as i64).clamp(self.first, self.best)
        } else {
            ((at + 1e-9).floor() as i64).clamp(self.best, self.first)
        };
        self.grid.value(k)
    }

    /// One grid step better than `x` (a grid value), or `None` at the best.
    pub(crate) fn step_from(&self, x: f64) -> Option<f64> {
        let k = self.grid.index(x).round() as i64 + self.sign as i64;
        let (lo, hi) = (self.first.min(self.best), self.first.max(self.best));
        (lo..=hi).contains(&k).then(|| self.grid.value(k))
    }

    /// The effort of moving from the current value to `x`.
    pub(crate) fn effort_to(&self, x: f64) -> f64 {
        self.rate * (x - self.from).abs()
    }
}

/// Values (of the metric, as the score sees them) where its points change slope: the
/// benchmark knots and the values at the points curve's interior percentiles.
fn value_breaks(model: &Model<'_>, metric: usize) -> Vec<f64> {
    let pack = model.pack();
    let Some(knots) = pack.knots(&model.industry().id, &pack.metrics[metric].id) else {
        return Vec::new();
    };
    let (k, ps) = (&knots.value, &pack.percentiles.value);
    let mut out = k.clone();
    for c in &pack.points_curve.value {
        let p = c[0];
        if let Some(i) = (0..ps.len() - 1).find(|&i| ps[i] < p && p < ps[i + 1]) {
            out.push(k[i] + (p - ps[i]) / (ps[i + 1] - ps[i]) * (k[i + 1] - k[i]));
        }
    }
    out
}

/// The planning problem at one moment: the values the score sees and who may move.
pub(crate) struct Problem<'a> {
    model: &'a Model<'a>,
    /// Value as the score sees it, pack order, every metric at its current value.
    seen_now: Vec<Option<f64>>,
    /// The movers.
    pub(crate) movers: Vec<Mover>,
    /// Per metric: its weight within its dimension, renormalised over present metrics.
    within: Vec<f64>,
    /// Per dimension: its weight in the overall score, renormalised over present ones.
    dim_weight: [f64; MAX_DIMENSIONS],
    /// Per dimension: its current raw score.
    dim_now: [Option<f64>; MAX_DIMENSIONS],
    /// Per mover: its value breaks as planned values `x`, best direction last.
    breaks: Vec<Vec<f64>>,
}

/// A continuous solution: the effort and each moved mover's new value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Relaxed {
    /// Least effort of the relaxation (including fixed entry costs).
    pub(crate) effort: f64,
    /// `(mover index, new value)` for the movers that move.
    pub(crate) moves: Vec<(usize, f64)>,
}

impl<'a> Problem<'a> {
    /// `seen_now`: every metric's value as the score sees it now (`None`: no data then).
    pub(crate) fn new(
        model: &'a Model<'a>,
        seen_now: Vec<Option<f64>>,
        movers: Vec<Mover>,
    ) -> Problem<'a> {
        let pack = model.pack();
        let scores = model.scores(&seen_now);
        let mut dim_sum = [0.0; MAX_DIMENSIONS];
        let dim_of: Vec<usize> = pack
            .metrics
            .iter()
            .map(|m| pack.dimension_index(&m.dimension).unwrap_or(0))
            .collect();
        for (i, m) in pack.metrics.iter().enumerate() {
            if seen_now[i].is_some() {
                dim_sum[dim_of[i]] += m.weight.value;
            }
        }
        let within = pack
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let s = dim_sum[dim_of[i]];
                if s > 0.0 {
                    m.weight.value / s
                } else {
                    0.0
                }
            })
            .collect();
        let present = scores.present_weight(pack);
        let mut dim_weight = [0.0; MAX_DIMENSIONS];
        for (j, d) in pack.dimensions.iter().enumerate() {
            if scores.dims[j].is_some() {
                dim_weight[j] = d.weight.value / present;
            }
        }
        let breaks = movers
            .iter()
            .map(|mv| {
                let mut xs: Vec<f64> = value_breaks(model, mv.metric)
                    .into_iter()
                    .map(|v| (v - mv.seen.alpha) / mv.seen.beta)
                    .collect();
                xs.sort_by(|a, b| (mv.sign * a).total_cmp(&(mv.sign * b)));
                xs
            })
            .collect();
        Problem {
            model,
            seen_now,
            movers,
            within,
            dim_weight,
            dim_now: scores.dims,
            breaks,
        }
    }

    /// The model.
    pub(crate) fn model(&self) -> &'a Model<'a> {
        self.model
    }

    /// What the score sees of a planned value of metric `metric` moved by mover `mv`.
    pub(crate) fn seen(&self, mv: &Mover, x: f64) -> f64 {
        let r = self.model.pack().metrics[mv.metric].range;
        (mv.seen.alpha + mv.seen.beta * x).clamp(r[0], r[1])
    }

    /// The values the score sees with the movers at `xs` (`None`: unmoved).
    pub(crate) fn seen_with(&self, xs: &[Option<f64>]) -> Vec<Option<f64>> {
        let mut v = self.seen_now.clone();
        for (mv, x) in self.movers.iter().zip(xs) {
            if let Some(x) = x {
                v[mv.metric] = Some(self.seen(mv, *x));
            }
        }
        v
    }

    fn points(&self, mv: &Mover, x: f64) -> f64 {
        let m = self.model;
        m.points(m.percentile(mv.metric, self.seen(mv, x)))
    }

    /// Mover `k`'s frontier from `start` (its current value, or its first grid value when
    /// it must enter the grid), in points of its dimension.
    fn mover_frontier(&self, k: usize, start: f64) -> Frontier {
        let mv = &self.movers[k];
        let best = mv.best_value();
        let w = self.within[mv.metric];
        let base = self.points(mv, start);
        let s = mv.sign;
        let mut pts = vec![(0.0, 0.0)];
        for &x in self.breaks[k]
            .iter()
            .filter(|&&x| s * x > s * start && s * x < s * best)
        {
            pts.push((mv.rate * (x - start).abs(), w * (self.points(mv, x) - base)));
        }
        pts.push((
            mv.rate * (best - start).abs(),
            w * (self.points(mv, best) - base),
        ));
        Frontier::from_vertices(pts)
    }

    /// The least effort meeting `need` when the movers in `entered` start at their first
    /// grid value (a fixed entry cost) and those in `excluded` stay; `None`: out of reach.
    pub(crate) fn solve(
        &self,
        need: &Need,
        entered: &[bool],
        excluded: &[bool],
    ) -> Option<Relaxed> {
        let n_dims = self.model.pack().dimensions.len();
        let mut start = vec![0.0; self.movers.len()];
        let mut entry = 0.0;
        let mut dim_now = self.dim_now;
        for (k, mv) in self.movers.iter().enumerate() {
            start[k] = mv.from;
            if entered[k] {
                start[k] = mv.first_value();
                entry += mv.effort_to(start[k]);
                if let Some(d) = dim_now[mv.dim].as_mut() {
                    *d += self.within[mv.metric]
                        * (self.points(mv, start[k]) - self.points(mv, mv.from));
                }
            }
        }
        // What each dimension could at most be asked for: its own bound, or what the overall
        // bound needs from it with every other dimension as it is now.
        let others = |j: usize| -> f64 {
            (0..n_dims)
                .filter(|&i| i != j)
                .map(|i| self.dim_weight[i] * dim_now[i].unwrap_or(0.0))
                .sum()
        };
        let mut dims: Vec<(usize, Tree, f64)> = Vec::new(); // (dimension, tree, effort for its own bound)
        let mut base_overall = 0.0;
        for (j, now) in dim_now.iter().enumerate().take(n_dims) {
            let Some(now) = *now else {
                if need.dims[j].is_some() {
                    return None;
                }
                continue;
            };
            let own = need.dims[j].map_or(0.0, |b| b - now);
            let for_overall = need.overall.map_or(0.0, |b| {
                if self.dim_weight[j] > 0.0 {
                    (b - others(j)) / self.dim_weight[j] - now
                } else {
                    0.0
                }
            });
            let cap = own.max(for_overall).max(0.0);
            let mut tree: Option<Tree> = None;
            for (k, mv) in self.movers.iter().enumerate() {
                if mv.dim != j || excluded[k] || cap <= 0.0 {
                    continue;
                }
                let leaf = Tree::Leaf(k, self.mover_frontier(k, start[k]));
                tree = Some(match tree {
                    None => Tree::join(leaf, Tree::Leaf(usize::MAX, Frontier::zero()), cap),
                    Some(t) => Tree::join(t, leaf, cap),
                });
            }
            let tree = tree.unwrap_or(Tree::Leaf(usize::MAX, Frontier::zero()));
            let e_own = if own > 0.0 {
                tree.frontier().effort_for(own)?
            } else {
                0.0
            };
            base_overall += self.dim_weight[j] * (now + tree.frontier().at(e_own));
            dims.push((j, tree, e_own));
        }
        // The overall bound: what more the dimensions must gain beyond their own bounds.
        let rest = need.overall.map_or(0.0, |b| b - base_overall);
        let mut shares = vec![0.0; dims.len()];
        if rest > 0.0 {
            let mut total: Option<Tree> = None;
            for (d, (j, tree, e_own)) in dims.iter().enumerate() {
                let f = tree.frontier().beyond(*e_own, self.dim_weight[*j]);
                if f.max_gain() <= 0.0 {
                    continue;
                }
                let leaf = Tree::Leaf(d, f);
                total = Some(match total {
                    None => Tree::join(leaf, Tree::Leaf(usize::MAX, Frontier::zero()), rest),
                    Some(t) => Tree::join(t, leaf, rest),
                });
            }
            let total = total?;
            let e = total.frontier().effort_for(rest)?;
            let mut parts = Vec::new();
            total.split(e, rest, &mut parts);
            for (d, effort, _) in parts {
                if d != usize::MAX {
                    shares[d] = effort;
                }
            }
        }
        let mut effort = entry;
        let mut moves = Vec::new();
        for (d, (j, tree, e_own)) in dims.iter().enumerate() {
            let budget = e_own + shares[d];
            if budget <= 0.0 {
                continue;
            }
            let f = tree.frontier();
            // Its own bound, and its share of the overall one.
            let gain = f
                .at(*e_own)
                .max(need.dims[*j].map_or(0.0, |b| b - dim_now[*j].unwrap_or(0.0)))
                + (f.at(budget) - f.at(*e_own));
            let mut parts = Vec::new();
            tree.split(budget, gain.min(f.at(budget)), &mut parts);
            for (k, t, _) in parts {
                if k == usize::MAX || t <= EPS {
                    continue;
                }
                let mv = &self.movers[k];
                effort += t;
                moves.push((k, start[k] + mv.sign * t / mv.rate));
            }
        }
        for (k, entered) in entered.iter().enumerate() {
            if *entered && !moves.iter().any(|m| m.0 == k) {
                moves.push((k, start[k]));
            }
        }
        Some(Relaxed { effort, moves })
    }
}
