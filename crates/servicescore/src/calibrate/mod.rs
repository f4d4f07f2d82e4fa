//! Calibration (校准): start from the merchant's real dashboard. The platform publishes no
//! scoring tables, so the pack's `assumed` constants are fitted to what the back office shows —
//! the metric values, the overall score, the dimension scores, and a metric's industry rank
//! where shown — and every what-if then starts from the merchant's own numbers.
//!
//! ```
//! use servicescore::calibrate::{calibrate, Dashboard};
//! use servicescore::{evaluate, RulePack, Scenario};
//!
//! let pack = RulePack::default_pack();
//! let dashboard = Dashboard::from_json(
//!     r#"{"snapshots": [{"date": "2026-11-20",
//!         "metrics": {"review_score": 4.6, "quality_refund_pct": 0.5, "reply_3min_pct": 70},
//!         "score": 4.14, "dimensions": {"product": 4.35, "consultation": 3.93}}]}"#,
//!     pack,
//! )?;
//! let (calibrated, report) = calibrate(pack, &dashboard)?;
//! assert!(report.exact);
//! let s = Scenario::from_json(
//!     r#"{"metrics": {"review_score": 4.6, "quality_refund_pct": 0.5, "reply_3min_pct": 70}}"#,
//! )?;
//! let r = evaluate(&calibrated, &s)?;
//! assert_eq!(r.display_score.as_deref(), Some("4.14"));
//! assert_eq!(r.dimensions["consultation"].display_score, "3.93");
//! # Ok::<(), servicescore::Error>(())
//! ```
//!
//! The parts, one file each:
//!
//! - [`dashboard`](mod@dashboard) — the dashboard file and its typed errors;
//! - `construct.rs` — the exact one-snapshot construction (targets, equal shift in points,
//!   least local knot change, the points curve through known percentiles);
//! - `fit.rs` — several snapshots: regularised, monotonicity-projected Levenberg–Marquardt;
//! - [`range`] — honest ranges: the spread of scores over the packs that agree with what is
//!   known;
//! - `monotone.rs`, `frame.rs` — isotonic projections; what may change and how it is read.
//!
//! What changes: only constants tagged `assumed` — the dashboard's industry's benchmark knots,
//! the points curve, inner weights where the data identifies them. `published`, `observed`
//! and `user` constants never change. Every changed constant is tagged `user`, with the
//! calibration as its source; the pack records what it was calibrated to (its `calibration`
//! section) and gets a new id.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::display::round_display;
use crate::eval::Model;
use crate::rulepack::{Calibration, Provenance, RulePack, Snapshot, SourceDoc};

mod construct;
pub mod dashboard;
mod fit;
mod frame;
mod monotone;
pub mod range;

pub use dashboard::{Dashboard, DashboardError, DashboardErrorKind, PERCENTILE_TOLERANCE};
pub use range::{Band, RangeEvaluation, Ranges, ScoreRanges};

use frame::{compute, Frame, Observed};

/// What a calibration did: per snapshot what was shown and what the calibrated pack computes,
/// and which constants changed (SPEC form, with a few more fields).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The calibrated pack's id.
    pub pack: String,
    /// What every changed constant's source says.
    pub source: String,
    /// Whether every snapshot is reproduced exactly (scores at the pack's precision,
    /// percentiles within 0.005).
    pub exact: bool,
    /// Per snapshot, in the order given.
    pub snapshots: Vec<SnapshotFit>,
    /// JSON paths of the changed constants (`benchmarks.general.reply_3min_pct`,
    /// `points_curve`, `metrics.review_score.weight`).
    pub changed: Vec<String>,
}

/// One snapshot's fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SnapshotFit {
    /// Its date, if given.
    pub date: Option<String>,
    /// What the dashboard showed.
    pub shown: Shown,
    /// What the calibrated pack shows for the snapshot's metric values (scores rounded to the
    /// pack's decimals as the page shows them; percentiles to 4 decimals).
    pub fitted: Shown,
    /// Fitted minus shown, for each shown value (0 where reproduced).
    pub residuals: Shown,
    /// The largest |fitted − shown| over the shown scores, at the pack's precision (0 when
    /// every shown score is reproduced).
    pub max_abs_residual: f64,
    /// The largest |fitted − shown| over the shown percentiles (raw).
    pub max_abs_percentile_residual: f64,
    /// Whether it is reproduced exactly.
    pub reproduced: bool,
}

/// Scores and percentiles (shown, fitted or their difference).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Shown {
    /// Overall score.
    pub score: Option<f64>,
    /// Dimension id → score.
    pub dimensions: BTreeMap<String, f64>,
    /// Metric id → percentile.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub percentiles: BTreeMap<String, f64>,
}

/// What every changed constant's `source` says: `calibrated to the dashboard of 2026-11-20`
/// (several dates: `calibrated to the dashboards of 2026-10-01, 2026-11-20`; none:
/// `calibrated to a dashboard (no date given)`).
pub fn source_text(dashboard: &Dashboard) -> String {
    let mut dates: Vec<&str> = dashboard
        .snapshots
        .iter()
        .filter_map(|s| s.date.as_deref())
        .map(str::trim)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    match dates.as_slice() {
        [] if dashboard.snapshots.len() == 1 => "calibrated to a dashboard (no date given)".into(),
        [] => format!(
            "calibrated to {} dashboard snapshots (no dates given)",
            dashboard.snapshots.len()
        ),
        [d] if dashboard.snapshots.len() == 1 => format!("calibrated to the dashboard of {d}"),
        ds => format!("calibrated to the dashboards of {}", ds.join(", ")),
    }
}

/// Fits `pack`'s `assumed` constants to `dashboard` and returns the calibrated pack with a
/// report.
///
/// One snapshot is reproduced exactly whenever the pack's structure allows it (it always does
/// for a snapshot that a pack of the pack's own family produced: see the crate's tests):
/// `evaluate` of the snapshot's metrics under the returned pack shows its dimension scores and
/// overall score exactly, at the pack's precision, and its percentiles within 0.005. Several
/// snapshots are fitted by least squares; the report gives each residual.
///
/// # Errors
///
/// The dashboard's first invalid field ([`Dashboard::validate`]); `pack:
/// AlreadyCalibrated` for a pack that was calibrated already (calibrate the pack it came from,
/// named in its `calibration.base`, with every snapshot: [`base_of`] finds it).
pub fn calibrate(
    pack: &RulePack,
    dashboard: &Dashboard,
) -> Result<(RulePack, Report), DashboardError> {
    if let Some(c) = &pack.calibration {
        return Err(DashboardError {
            path: "pack".into(),
            kind: DashboardErrorKind::AlreadyCalibrated {
                base: c.base.clone(),
            },
        });
    }
    dashboard.validate(pack)?;
    let frame = Frame::new(pack, &dashboard.industry);
    let observed: Vec<Observed> = dashboard
        .snapshots
        .iter()
        .map(|s| Observed::new(pack, s))
        .collect();
    let mut work = pack.clone();
    let latest = dashboard.latest();
    let targets = construct::construct(&mut work, &frame, &dashboard.snapshots[latest]);
    if observed.len() == 1 {
        if !reproduces_all(&work, &frame, &observed) {
            // The construction could not meet everything: polish it by least squares on the
            // targets it aimed at, with a faint prior.
            let aim = fit::Aim {
                obs: observed[0].clone(),
                score: targets.score,
                dims: targets.dims.clone(),
                percentiles: targets.percentiles.clone(),
            };
            let mut polished = work.clone();
            fit::fit(&mut polished, pack, &frame, &[aim], 1e-6);
            if misfit(&polished, &frame, &observed) < misfit(&work, &frame, &observed) {
                work = polished;
            }
        }
    } else {
        let aims: Vec<fit::Aim> = observed.iter().cloned().map(fit::Aim::shown).collect();
        fit::fit(&mut work, pack, &frame, &aims, fit::PRIOR);
    }
    tidy(&mut work, &frame, &observed);

    let source = source_text(dashboard);
    let changed = tag_changes(pack, &mut work, &frame, &source);
    let date = dashboard.snapshots[latest]
        .date
        .clone()
        .map(|d| d.trim().to_string());
    work.calibration = Some(Calibration {
        source: source.clone(),
        date: date.clone(),
        base: pack.id.clone(),
        industry: dashboard.industry.clone(),
        snapshots: dashboard.snapshots.clone(),
    });
    work.id = format!(
        "{}-calibrated{}",
        pack.id,
        date.as_deref().map(|d| format!("-{d}")).unwrap_or_default()
    );
    let when = date.as_deref().unwrap_or("?");
    work.title.zh = format!("{}（按 {when} 的后台数据校准）", pack.title.zh);
    work.title.en = format!("{} (calibrated to the dashboard of {when})", pack.title.en);
    work.title.es = format!("{} (calibrado con el panel del {when})", pack.title.es);
    work.sources.push(SourceDoc {
        id: "dashboard".into(),
        title: crate::rulepack::Names {
            zh: format!("商家自己的后台数据（{when}）"),
            en: format!("the merchant's own back-office dashboard ({when})"),
            es: format!("el panel de administración del propio comercio ({when})"),
        },
    });
    if let Err(e) = work.validate() {
        return Err(DashboardError {
            path: "pack".into(),
            kind: DashboardErrorKind::Json {
                message: format!("calibration produced an invalid pack ({e}); please report"),
            },
        });
    }
    let report = report(&work, dashboard, &observed, changed, source);
    Ok((work, report))
}

/// The uncalibrated pack a calibration starts from: `pack` itself when it is not calibrated,
/// else the built-in pack its calibration came from (`calibration.base`) — so that a merchant
/// who types a new day calibrates again from the same base, not from the first calibration
/// (whose constants are `user` now and would no longer move).
///
/// The base is taken only when `pack` is that built-in pack up to what calibration changes
/// (the calibrated industry's benchmarks, the points curve, the inner weights, and the id,
/// titles, sources and calibration it writes): anything else edited since is not dropped
/// silently.
///
/// # Examples
///
/// ```
/// use servicescore::calibrate::{base_of, calibrate, Dashboard};
/// use servicescore::RulePack;
///
/// let pack = RulePack::default_pack();
/// let d = Dashboard::from_json(
///     r#"{"snapshots": [{"metrics": {"reply_3min_pct": 70}, "score": 3.93}]}"#, pack)?;
/// let (calibrated, _) = calibrate(pack, &d)?;
/// assert_eq!(base_of(&calibrated)?.id, "xhs-2022-08");
/// assert_eq!(base_of(pack)?.id, "xhs-2022-08");
/// # Ok::<(), servicescore::Error>(())
/// ```
///
/// # Errors
///
/// `pack: AlreadyCalibrated` when the base is not a built-in pack, or `pack` differs from
/// it in more than calibration changes (calibrate that base pack with every snapshot).
pub fn base_of(pack: &RulePack) -> Result<std::borrow::Cow<'_, RulePack>, DashboardError> {
    use std::borrow::Cow;
    let Some(c) = &pack.calibration else {
        return Ok(Cow::Borrowed(pack));
    };
    let refused = || DashboardError {
        path: "pack".into(),
        kind: DashboardErrorKind::AlreadyCalibrated {
            base: c.base.clone(),
        },
    };
    let base = RulePack::builtin(&c.base).ok_or_else(refused)?;
    // `pack` with what calibration writes put back from the base must be the base.
    let mut back = pack.clone();
    back.id.clone_from(&base.id);
    back.title = base.title.clone();
    back.sources.clone_from(&base.sources);
    back.calibration = None;
    back.points_curve = base.points_curve.clone();
    if let (Some(b), Some(w)) = (
        base.benchmarks.get(&c.industry),
        back.benchmarks.get_mut(&c.industry),
    ) {
        w.clone_from(b);
    }
    for (b, w) in base.metrics.iter().zip(back.metrics.iter_mut()) {
        w.weight = b.weight.clone();
    }
    if back == *base {
        Ok(Cow::Borrowed(base))
    } else {
        Err(refused())
    }
}

/// Whether `pack` reproduces every snapshot.
fn reproduces_all(pack: &RulePack, frame: &Frame, observed: &[Observed]) -> bool {
    let Ok(model) = Model::new(pack, &frame.industry) else {
        return false;
    };
    observed
        .iter()
        .all(|o| o.reproduced_by(pack, &compute(&model, &o.values)))
}

/// How far `pack` is from reproducing the snapshots: shown scores outside their rounding,
/// in units of half the last digit, and percentiles outside their tolerance, squared.
fn misfit(pack: &RulePack, frame: &Frame, observed: &[Observed]) -> f64 {
    let Ok(model) = Model::new(pack, &frame.industry) else {
        return f64::INFINITY;
    };
    let d = pack.score.decimals.value;
    let mut total = 0.0;
    for o in observed {
        let c = compute(&model, &o.values);
        let off = |raw: Option<f64>, shown: f64| -> f64 {
            let r = raw.unwrap_or(0.0);
            if (round_display(r, d) - shown).abs() < 1e-9 {
                0.0
            } else {
                ((r - shown).abs() / o.h).powi(2) + 1.0
            }
        };
        if let Some(s) = o.score {
            total += off(c.score, s);
        }
        for &(j, v) in &o.dims {
            total += off(c.dims[j], v);
        }
        for &(i, p) in &o.percentiles {
            let e = (c.percentiles[i].unwrap_or(0.0) - p).abs();
            if e > PERCENTILE_TOLERANCE + 1e-9 {
                total += (e / PERCENTILE_TOLERANCE).powi(2) + 1.0;
            }
        }
    }
    total
}

/// Rounds the fitted constants to readable numbers (knots to 1/10 000 of the slider step,
/// curve points and weights to 6 decimals), unless that would fit the snapshots worse.
fn tidy(work: &mut RulePack, frame: &Frame, observed: &[Observed]) {
    let mut t = work.clone();
    let round = |v: f64, places: u32| round_display(v, places) + 0.0;
    for (i, m) in work.metrics.iter().enumerate() {
        let places = m.step_decimals() + 4;
        if let Some(k) = t
            .benchmarks
            .get_mut(&frame.industry)
            .and_then(|tb| tb.get_mut(&m.id))
        {
            for v in &mut k.value {
                *v = round(*v, places);
            }
        }
        t.metrics[i].weight.value = round(m.weight.value, 6);
    }
    for c in &mut t.points_curve.value {
        c[0] = round(c[0], 6);
        c[1] = round(c[1], 6);
    }
    if t.validate().is_ok() && misfit(&t, frame, observed) <= misfit(work, frame, observed) {
        *work = t;
    }
}

/// Tags every constant that differs from `base` as `user` with `source`; returns their paths.
fn tag_changes(base: &RulePack, work: &mut RulePack, frame: &Frame, source: &str) -> Vec<String> {
    let mut changed = Vec::new();
    let user = |p: &mut Provenance, s: &mut Option<String>| {
        *p = Provenance::User;
        *s = Some(source.to_string());
    };
    if let (Some(bt), Some(wt)) = (
        base.benchmarks.get(&frame.industry),
        work.benchmarks.get_mut(&frame.industry),
    ) {
        for m in &base.metrics {
            if let (Some(b), Some(w)) = (bt.get(&m.id), wt.get_mut(&m.id)) {
                if b.value != w.value {
                    user(&mut w.provenance, &mut w.source);
                    changed.push(format!("benchmarks.{}.{}", frame.industry, m.id));
                }
            }
        }
    }
    if base.points_curve.value != work.points_curve.value {
        let c = &mut work.points_curve;
        user(&mut c.provenance, &mut c.source);
        changed.push("points_curve".into());
    }
    for (b, w) in base.metrics.iter().zip(work.metrics.iter_mut()) {
        if b.weight.value != w.weight.value {
            user(&mut w.weight.provenance, &mut w.weight.source);
            changed.push(format!("metrics.{}.weight", b.id));
        }
    }
    changed
}

fn report(
    pack: &RulePack,
    dashboard: &Dashboard,
    observed: &[Observed],
    changed: Vec<String>,
    source: String,
) -> Report {
    let d = pack.score.decimals.value;
    let model = Model::new(pack, &dashboard.industry).ok();
    let snapshots: Vec<SnapshotFit> = dashboard
        .snapshots
        .iter()
        .zip(observed)
        .map(|(s, o)| {
            let c = model.as_ref().map(|m| compute(m, &o.values));
            fit_of(pack, s, o, c.as_ref(), d)
        })
        .collect();
    Report {
        pack: pack.id.clone(),
        source,
        exact: snapshots.iter().all(|s| s.reproduced),
        snapshots,
        changed,
    }
}

fn fit_of(
    pack: &RulePack,
    s: &Snapshot,
    o: &Observed,
    c: Option<&frame::Computed>,
    d: u32,
) -> SnapshotFit {
    let shown = Shown {
        score: s.score,
        dimensions: s.dimensions.clone(),
        percentiles: s.percentiles.clone(),
    };
    let mut fitted = Shown::default();
    let mut residuals = Shown::default();
    let (mut max_score, mut max_p) = (0.0f64, 0.0f64);
    if let Some(c) = c {
        fitted.score = c.score.map(|v| round_display(v, d));
        for (j, dim) in pack.dimensions.iter().enumerate() {
            if let Some(v) = c.dims[j] {
                fitted
                    .dimensions
                    .insert(dim.id.clone(), round_display(v, d));
            }
        }
        for (i, m) in pack.metrics.iter().enumerate() {
            if let (Some(p), true) = (c.percentiles[i], s.percentiles.contains_key(&m.id)) {
                fitted.percentiles.insert(m.id.clone(), round_display(p, 4));
            }
        }
        if let (Some(f), Some(v)) = (fitted.score, s.score) {
            let r = round_display(f - v, d) + 0.0;
            residuals.score = Some(r);
            max_score = max_score.max(r.abs());
        }
        for (id, v) in &s.dimensions {
            let f = fitted.dimensions.get(id).copied().unwrap_or(0.0);
            let r = round_display(f - v, d) + 0.0;
            residuals.dimensions.insert(id.clone(), r);
            max_score = max_score.max(r.abs());
        }
        for (id, v) in &s.percentiles {
            let i = pack.metric_index(id).unwrap_or(0);
            let r = c.percentiles[i].unwrap_or(0.0) - v;
            residuals
                .percentiles
                .insert(id.clone(), round_display(r, 4) + 0.0);
            max_p = max_p.max(r.abs());
        }
    }
    SnapshotFit {
        date: s.date.clone(),
        shown,
        fitted,
        residuals,
        max_abs_residual: max_score,
        max_abs_percentile_residual: round_display(max_p, 4),
        reproduced: c.is_some_and(|c| o.reproduced_by(pack, c)),
    }
}
