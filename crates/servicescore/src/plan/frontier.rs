//! Frontiers: the most a group of metrics can gain for a given effort, as piecewise-linear
//! functions, and their max-plus convolution (the exact engine of [`super`]; the argument is
//! in the parent module's documentation).
//!
//! A [`Frontier`] is a nondecreasing, continuous, piecewise-linear function `gain(effort)` on
//! `[0, ∞)`, given by its vertices: efforts strictly increasing from 0, gains nondecreasing
//! from 0, linear between vertices and constant after the last one. The frontier of two
//! disjoint groups of metrics is their max-plus convolution
//! `(f ⊕ g)(E) = max { f(t) + g(E − t) : 0 ≤ t ≤ E }`, which for piecewise-linear `f` and `g`
//! is the upper envelope of the copies of `g` shifted to each vertex of `f` and of `f` shifted
//! to each vertex of `g` ([`convolve`]). A [`Tree`] keeps the convolutions so that an optimum
//! can be split back into one effort per metric ([`Tree::split`]).

/// Gains (score points) closer than this are equal: far below the display's rounding margin
/// and far above the rounding noise of sums of a few dozen points.
pub(crate) const EPS: f64 = 1e-14;

/// A nondecreasing piecewise-linear `gain(effort)` (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Frontier {
    pts: Vec<(f64, f64)>,
}

impl Frontier {
    /// No gain for any effort.
    pub(crate) fn zero() -> Frontier {
        Frontier {
            pts: vec![(0.0, 0.0)],
        }
    }

    /// From vertices starting at `(0, 0)` with increasing efforts; gains are made
    /// nondecreasing, collinear and trailing flat vertices are dropped.
    pub(crate) fn from_vertices(mut pts: Vec<(f64, f64)>) -> Frontier {
        simplify(&mut pts);
        Frontier { pts }
    }

    /// The vertices.
    pub(crate) fn vertices(&self) -> &[(f64, f64)] {
        &self.pts
    }

    /// The largest gain.
    pub(crate) fn max_gain(&self) -> f64 {
        self.pts.last().map_or(0.0, |p| p.1)
    }

    /// The gain for `effort`.
    pub(crate) fn at(&self, effort: f64) -> f64 {
        at(&self.pts, effort)
    }

    /// The least effort whose gain is at least `gain` (within [`EPS`]); `None` when even the
    /// largest gain falls short.
    ///
    /// A vertex within [`EPS`] below `gain` reaches it: sums of gains in another order differ
    /// in the last bits, and a frontier that reaches a cap at one vertex can reach it again
    /// "exactly" only at a later, dearer one (another metric's flat stretch added after it).
    pub(crate) fn effort_for(&self, gain: f64) -> Option<f64> {
        let p = &self.pts;
        if gain <= p[0].1 + EPS {
            return Some(0.0);
        }
        let k = p.iter().position(|q| q.1 >= gain - EPS)?;
        let ((x0, y0), (x1, y1)) = (p[k - 1], p[k]);
        Some(if y1 <= gain {
            x1
        } else {
            x0 + (gain - y0) / (y1 - y0) * (x1 - x0)
        })
    }

    /// `g(u) = f(from + u) − f(from)`, times `scale`: what more effort gains beyond `from`.
    pub(crate) fn beyond(&self, from: f64, scale: f64) -> Frontier {
        let base = self.at(from);
        let mut pts = vec![(0.0, 0.0)];
        pts.extend(
            self.pts
                .iter()
                .filter(|p| p.0 > from)
                .map(|&(x, y)| (x - from, scale * (y - base))),
        );
        Frontier::from_vertices(pts)
    }

    /// `min(f, cap)`.
    fn cap(&mut self, cap: f64) {
        cap_at(&mut self.pts, cap);
    }
}

/// Linear interpolation on vertices (constant after the last, the first value before it).
fn at(p: &[(f64, f64)], e: f64) -> f64 {
    let k = p.partition_point(|q| q.0 <= e);
    if k == 0 {
        return p[0].1;
    }
    if k == p.len() {
        return p[k - 1].1;
    }
    let ((x0, y0), (x1, y1)) = (p[k - 1], p[k]);
    y0 + (y1 - y0) * (e - x0) / (x1 - x0)
}

/// Truncates at the first point reaching `cap` (the function is constant after its last
/// vertex, so this is `min(f, cap)`).
fn cap_at(p: &mut Vec<(f64, f64)>, cap: f64) {
    let Some(k) = p.iter().position(|q| q.1 >= cap) else {
        return;
    };
    if k == 0 {
        p.truncate(1);
        return;
    }
    let ((x0, y0), (x1, y1)) = (p[k - 1], p[k]);
    let x = x0 + (cap - y0) / (y1 - y0) * (x1 - x0);
    p.truncate(k);
    p.push((x, cap));
}

/// Makes gains nondecreasing and drops vertices that add nothing: equal efforts (the higher
/// gain kept), collinear middles, and everything after the first vertex at the largest gain.
fn simplify(p: &mut Vec<(f64, f64)>) {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(p.len());
    for &(x, y) in p.iter() {
        let y = out.last().map_or(y, |l| y.max(l.1));
        if let Some(last) = out.last_mut() {
            if x <= last.0 + 1e-15 * last.0.abs().max(1.0) {
                last.1 = last.1.max(y);
                continue;
            }
        }
        out.push((x, y));
        while out.len() >= 3 {
            let n = out.len();
            let ((x0, y0), (x1, y1), (x2, y2)) = (out[n - 3], out[n - 2], out[n - 1]);
            // The middle vertex lies on the chord: drop it.
            let on_chord = y0 + (y2 - y0) * (x1 - x0) / (x2 - x0);
            if (y1 - on_chord).abs() <= EPS {
                out.remove(n - 2);
            } else {
                break;
            }
        }
    }
    let top = out.last().map_or(0.0, |l| l.1);
    if let Some(k) = out.iter().position(|q| q.1 >= top - EPS * 0.01) {
        out.truncate(k + 1);
    }
    *p = out;
}

/// Pointwise maximum of `a` (defined from effort 0) and `b` (defined from its first vertex
/// on), both constant after their last vertex, into `out`.
fn upper_max(a: &[(f64, f64)], b: &[(f64, f64)], xs: &mut Vec<f64>, out: &mut Vec<(f64, f64)>) {
    out.clear();
    let b0 = b[0].0;
    out.extend(a.iter().copied().take_while(|q| q.0 < b0));
    xs.clear();
    xs.extend(a.iter().map(|q| q.0).filter(|&x| x >= b0));
    xs.extend(b.iter().map(|q| q.0));
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    let mut prev: Option<(f64, f64, f64)> = None;
    for &x in xs.iter() {
        let (va, vb) = (at(a, x), at(b, x));
        if let Some((px, pa, pb)) = prev {
            let (d0, d1) = (pa - pb, va - vb);
            if (d0 > 0.0 && d1 < 0.0) || (d0 < 0.0 && d1 > 0.0) {
                let f = d0 / (d0 - d1);
                out.push((px + f * (x - px), pa + f * (va - pa)));
            }
        }
        out.push((x, va.max(vb)));
        prev = Some((x, va, vb));
    }
}

/// The max-plus convolution `f ⊕ g`, capped at `cap` (values beyond the cap are never
/// needed; capping keeps frontiers small).
///
/// `f ⊕ g (E)` is the maximum over `t` of the piecewise-linear `f(t) + g(E − t)`, attained
/// where `t` is a vertex of `f` or `E − t` a vertex of `g` (the interval's ends are such
/// vertices too); so it is the upper envelope of `g` shifted to every vertex of `f` and `f`
/// shifted to every vertex of `g`.
pub(crate) fn convolve(f: &Frontier, g: &Frontier, cap: f64) -> Frontier {
    // Both shifted by the other's first vertex (0, 0) start the envelope at effort 0.
    let (mut acc, mut out, mut xs, mut copy) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    upper_max(&f.pts, &g.pts, &mut xs, &mut acc);
    cap_at(&mut acc, cap);
    for (base, by) in [(&g.pts, &f.pts), (&f.pts, &g.pts)] {
        for &(v, fv) in by.iter().skip(1) {
            // A copy whose top is no higher than the envelope where it starts never shows.
            if fv + base[base.len() - 1].1 <= at(&acc, v) + EPS {
                continue;
            }
            copy.clear();
            copy.extend(base.iter().map(|&(x, y)| (v + x, fv + y)));
            upper_max(&acc, &copy, &mut xs, &mut out);
            std::mem::swap(&mut acc, &mut out);
            simplify(&mut acc);
            cap_at(&mut acc, cap);
        }
    }
    let mut h = Frontier::from_vertices(acc);
    h.cap(cap);
    h
}

/// Frontiers joined by convolution, kept to split an optimum back into its parts.
#[derive(Debug, Clone)]
pub(crate) enum Tree {
    /// One part (a metric, or a dimension) with its id.
    Leaf(usize, Frontier),
    /// The convolution of two trees.
    Join(Frontier, Box<Tree>, Box<Tree>),
}

impl Tree {
    /// The tree's frontier.
    pub(crate) fn frontier(&self) -> &Frontier {
        match self {
            Tree::Leaf(_, f) | Tree::Join(f, _, _) => f,
        }
    }

    /// Joins two trees (their frontier capped at `cap`).
    pub(crate) fn join(left: Tree, right: Tree, cap: f64) -> Tree {
        let f = convolve(left.frontier(), right.frontier(), cap);
        Tree::Join(f, Box::new(left), Box::new(right))
    }

    /// Splits `effort` among the leaves so that their gains add up to at least `gain`
    /// (which the frontier reaches at `effort`); pushes `(leaf id, effort, gain)` per leaf.
    /// A leaf takes the least effort that gives its share, so the efforts add up to at most
    /// `effort`.
    pub(crate) fn split(&self, effort: f64, gain: f64, out: &mut Vec<(usize, f64, f64)>) {
        match self {
            Tree::Leaf(id, f) => {
                let e = f
                    .effort_for(gain)
                    .unwrap_or_else(|| f.vertices()[f.vertices().len() - 1].0);
                out.push((*id, e, gain));
            }
            Tree::Join(_, left, right) => {
                let (l, r) = (left.frontier(), right.frontier());
                // The best split puts a vertex of one side at its end (see `convolve`).
                let mut best = (f64::NEG_INFINITY, 0.0);
                let slack = 1e-12 * effort.max(1.0);
                for &(v, lv) in l.vertices().iter().take_while(|q| q.0 <= effort + slack) {
                    let val = lv + r.at(effort - v);
                    if val > best.0 {
                        best = (val, v.min(effort));
                    }
                }
                for &(u, rv) in r.vertices().iter().take_while(|q| q.0 <= effort + slack) {
                    let t = (effort - u).max(0.0);
                    let val = l.at(t) + rv;
                    if val > best.0 {
                        best = (val, t);
                    }
                }
                let t = best.1;
                let left_gain = l.at(t).min(gain);
                left.split(t, left_gain, out);
                right.split(effort - t, (gain - left_gain).max(0.0), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn f(pts: &[(f64, f64)]) -> Frontier {
        Frontier::from_vertices(pts.to_vec())
    }

    /// `max f(t) + g(E − t)` by sampling `t` finely (and at every vertex): the definition.
    fn brute(f: &Frontier, g: &Frontier, e: f64) -> f64 {
        let mut ts: Vec<f64> = (0..=2000).map(|k| e * k as f64 / 2000.0).collect();
        ts.extend(f.vertices().iter().map(|p| p.0).filter(|&t| t <= e));
        ts.extend(g.vertices().iter().map(|p| e - p.0).filter(|&t| t >= 0.0));
        ts.into_iter()
            .map(|t| f.at(t) + g.at(e - t))
            .fold(f64::NEG_INFINITY, f64::max)
    }

    #[test]
    fn concave_pieces_add_their_best_slopes_first() {
        // f: slope 2 up to effort 1, then 1; g: slope 3 up to 0.5, then 0.
        let a = f(&[(0.0, 0.0), (1.0, 2.0), (2.0, 3.0)]);
        let b = f(&[(0.0, 0.0), (0.5, 1.5), (3.0, 1.5)]);
        let c = convolve(&a, &b, f64::INFINITY);
        assert_eq!(
            c.vertices(),
            &[(0.0, 0.0), (0.5, 1.5), (1.5, 3.5), (2.5, 4.5)]
        );
    }

    #[test]
    fn a_convex_piece_is_all_or_nothing() {
        // g gains nothing until effort 1, then 4 per unit: the envelope jumps to using it.
        let a = f(&[(0.0, 0.0), (2.0, 2.0)]);
        let b = f(&[(0.0, 0.0), (1.0, 0.0), (1.5, 2.0)]);
        let c = convolve(&a, &b, f64::INFINITY);
        for e in [0.5, 1.0, 1.25, 1.5, 2.0, 3.0, 3.5, 4.0] {
            assert!((c.at(e) - brute(&a, &b, e)).abs() < 1e-12, "{e}");
        }
        assert_eq!(c.max_gain(), 4.0);
    }

    #[test]
    fn a_gain_reached_but_for_float_noise_is_reached_there() {
        // The cap reached at effort 1 in the last bits only, and again at effort 2 after a
        // flat stretch of another metric: the least effort is 1.
        let a = Frontier {
            pts: vec![(0.0, 0.0), (1.0, 0.3 - 2e-16), (2.0, 0.3)],
        };
        assert_eq!(a.effort_for(0.3), Some(1.0));
        assert_eq!(
            a.effort_for(0.15).map(|e| (e * 1e9).round() / 1e9),
            Some(0.5)
        );
        assert_eq!(a.effort_for(0.31), None);
    }

    #[test]
    fn capping_and_inverse() {
        let a = f(&[(0.0, 0.0), (1.0, 1.0), (2.0, 1.5)]);
        let c = convolve(&a, &Frontier::zero(), 1.2);
        assert_eq!(c.vertices(), &[(0.0, 0.0), (1.0, 1.0), (1.4, 1.2)]);
        assert_eq!(c.effort_for(0.5), Some(0.5));
        assert_eq!(c.effort_for(1.3), None);
        assert_eq!(a.beyond(1.0, 2.0).vertices(), &[(0.0, 0.0), (1.0, 1.0)]);
    }

    fn frontier() -> impl Strategy<Value = Frontier> {
        prop::collection::vec((0.01f64..2.0, 0.0f64..2.0), 1..6).prop_map(|steps| {
            let mut pts = vec![(0.0, 0.0)];
            for (dx, dy) in steps {
                let (x, y) = pts[pts.len() - 1];
                pts.push((x + dx, y + dy));
            }
            Frontier::from_vertices(pts)
        })
    }

    proptest! {
        #[test]
        fn convolution_is_the_best_split(a in frontier(), b in frontier(), e in 0.0f64..12.0) {
            let c = convolve(&a, &b, f64::INFINITY);
            let want = brute(&a, &b, e);
            prop_assert!((c.at(e) - want).abs() < 1e-9, "{} vs {}", c.at(e), want);
        }

        #[test]
        fn splits_reach_the_gain_within_the_effort(
            a in frontier(), b in frontier(), d in frontier(), e in 0.0f64..12.0,
        ) {
            let t = Tree::join(
                Tree::join(Tree::Leaf(0, a.clone()), Tree::Leaf(1, b.clone()), f64::INFINITY),
                Tree::Leaf(2, d.clone()),
                f64::INFINITY,
            );
            let gain = t.frontier().at(e);
            let mut parts = Vec::new();
            t.split(e, gain, &mut parts);
            let fs = [&a, &b, &d];
            let used: f64 = parts.iter().map(|p| p.1).sum();
            let got: f64 = parts.iter().map(|p| fs[p.0].at(p.1)).sum();
            prop_assert!(used <= e + 1e-9);
            prop_assert!(got >= gain - 1e-9, "{got} < {gain}");
        }
    }
}
