//! The dashboard file (后台数据): what a merchant types from the back office, one or more days
//! of it, and its check against a pack. Every refusal is a typed [`DashboardError`] (a path
//! and a [`DashboardErrorKind`] with the values), so that the page can word it in its own
//! language; its `Display` is the English one line the command line prints.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::dates::parse_date;
use crate::display::{fmt_num, format_display, round_display};
use crate::error::{one_line, Error};
use crate::rulepack::{RulePack, Snapshot};

/// Percentiles shown by the back office are reproduced within this (they are shown as whole
/// percentages: "超过 62% 同行").
pub const PERCENTILE_TOLERANCE: f64 = 0.005;

/// A dashboard file: an industry and one or more snapshots.
///
/// ```json
/// {"industry": "general",
///  "snapshots": [{"date": "2026-11-20",
///                 "metrics": {"review_score": 4.6, "reply_3min_pct": 70},
///                 "score": 4.21,
///                 "dimensions": {"product": 4.35, "consultation": 3.93},
///                 "percentiles": {"reply_3min_pct": 0.62}}]}
/// ```
///
/// # Examples
///
/// ```
/// use servicescore::calibrate::Dashboard;
/// use servicescore::RulePack;
///
/// let pack = RulePack::default_pack();
/// let d = Dashboard::from_json(r#"{"snapshots": [{"metrics": {"reply_3min_pct": 70}, "score": 5.3}]}"#, pack);
/// assert_eq!(d.unwrap_err().to_string(), "snapshots[0].score: 5.3 is out of range 3–5");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dashboard {
    /// Industry id (`general` by default).
    #[serde(default = "default_industry")]
    pub industry: String,
    /// The days typed in, in any order.
    pub snapshots: Vec<Snapshot>,
}

fn default_industry() -> String {
    crate::eval::DEFAULT_INDUSTRY.to_string()
}

/// Why a dashboard was refused: where, and what (`Display`: the English `path: message`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {kind}")]
pub struct DashboardError {
    /// The field's path (`snapshots[0].score`, `industry`, `dashboard` for the document).
    pub path: String,
    /// What is wrong with it.
    pub kind: DashboardErrorKind,
}

/// What is wrong with a dashboard field (the values are there for the page to word it).
#[derive(Debug, Clone, PartialEq)]
pub enum DashboardErrorKind {
    /// Not JSON of the dashboard's shape (serde's English message).
    Json {
        /// The parser's message.
        message: String,
    },
    /// The industry is not in the pack.
    UnknownIndustry {
        /// The id given.
        industry: String,
        /// Ids the pack has.
        known: Vec<String>,
    },
    /// The rules give this industry no service score: there is nothing to calibrate.
    NotApplicable {
        /// The industry's id.
        industry: String,
    },
    /// The pack was calibrated already; calibrate the pack it came from with every snapshot.
    AlreadyCalibrated {
        /// The pack it was calibrated from.
        base: String,
    },
    /// `snapshots` is empty.
    NoSnapshot,
    /// A date that is not `YYYY-MM-DD`.
    BadDate {
        /// The text given.
        text: String,
    },
    /// A metric id the pack does not have.
    UnknownMetric {
        /// Ids the pack has.
        known: Vec<String>,
    },
    /// A dimension id the pack does not have.
    UnknownDimension {
        /// Ids the pack has.
        known: Vec<String>,
    },
    /// Not a finite number.
    NotANumber,
    /// A metric value, a score or a percentile outside its range.
    OutOfRange {
        /// The value given.
        value: f64,
        /// Lowest allowed.
        min: f64,
        /// Highest allowed.
        max: f64,
    },
    /// A shown score with more decimals than the pack shows.
    TooPrecise {
        /// The value given.
        value: f64,
        /// Decimals the pack shows.
        decimals: u32,
    },
    /// No metric of the snapshot has a value.
    NoMetrics,
    /// Neither the overall score nor a dimension score is shown.
    NothingShown,
    /// A dimension score is shown but none of its metrics has a value.
    DimensionWithoutMetrics {
        /// The dimension's metrics.
        metrics: Vec<String>,
    },
    /// A percentile is shown for a metric without a value.
    PercentileWithoutValue,
    /// The overall score cannot be the weighted mean of the shown dimensions (a typo).
    NotWeightedMean {
        /// The score shown.
        score: f64,
        /// Lowest score (as shown) the shown dimensions allow.
        lo: f64,
        /// Highest score (as shown) the shown dimensions allow.
        hi: f64,
        /// Decimals shown.
        decimals: u32,
        /// Whether some dimensions with data are not shown (they may be anything 3–5).
        others: bool,
    },
}

impl DashboardError {
    fn new(path: impl Into<String>, kind: DashboardErrorKind) -> Self {
        DashboardError {
            path: one_line(path.into()),
            kind,
        }
    }

    /// The same error one level down (`calibration.` + path).
    pub(crate) fn under(mut self, prefix: &str) -> Self {
        self.path = format!("{prefix}.{}", self.path);
        self
    }
}

impl From<DashboardError> for Error {
    fn from(e: DashboardError) -> Self {
        Error::field(e.path, e.kind)
    }
}

impl fmt::Display for DashboardErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DashboardErrorKind as K;
        match self {
            K::Json { message } => f.write_str(message),
            K::UnknownIndustry { industry, known } => write!(
                f,
                "unknown industry \"{}\" (known: {})",
                one_line(industry.clone()),
                known.join(", ")
            ),
            K::NotApplicable { industry } => write!(
                f,
                "\"{industry}\" has no service score (the rules exclude it): nothing to calibrate"
            ),
            K::AlreadyCalibrated { base } => write!(
                f,
                "this pack is calibrated already: calibrate {base} with every snapshot instead"
            ),
            K::NoSnapshot => f.write_str("at least one snapshot is needed"),
            K::BadDate { text } => write!(
                f,
                "\"{}\" is not a date (expected YYYY-MM-DD)",
                one_line(text.clone())
            ),
            K::UnknownMetric { known } => write!(f, "unknown metric (known: {})", known.join(", ")),
            K::UnknownDimension { known } => {
                write!(f, "unknown dimension (known: {})", known.join(", "))
            }
            K::NotANumber => f.write_str("not a number"),
            K::OutOfRange { value, min, max } => {
                write!(
                    f,
                    "{} is out of range {}–{}",
                    fmt_num(*value),
                    fmt_num(*min),
                    fmt_num(*max)
                )?;
                if *min == 0.0 && *max == 1.0 && *value > 1.0 && *value <= 100.0 {
                    write!(
                        f,
                        " (a rank of {}% is written {})",
                        fmt_num(*value),
                        fmt_num(value / 100.0)
                    )?;
                }
                Ok(())
            }
            K::TooPrecise { value, decimals } => write!(
                f,
                "{} has more decimals than the score shows ({decimals})",
                fmt_num(*value)
            ),
            K::NoMetrics => f.write_str("no metric has a value"),
            K::NothingShown => f.write_str(
                "shows no score (give the overall score or at least one dimension score)",
            ),
            K::DimensionWithoutMetrics { metrics } => write!(
                f,
                "shown, but none of its metrics has a value (give {})",
                metrics.join(" or ")
            ),
            K::PercentileWithoutValue => f.write_str("shown without the metric's value"),
            K::NotWeightedMean {
                score,
                lo,
                hi,
                decimals,
                others,
            } => {
                let range = if format_display(*lo, *decimals) == format_display(*hi, *decimals) {
                    format_display(*lo, *decimals)
                } else {
                    format!(
                        "{}–{}",
                        format_display(*lo, *decimals),
                        format_display(*hi, *decimals)
                    )
                };
                let of = if *others {
                    "the shown dimensions and any scores of the others"
                } else {
                    "the shown dimensions"
                };
                write!(
                    f,
                    "{} is not the weighted mean of {of} ({range} at this precision)",
                    format_display(*score, *decimals)
                )
            }
        }
    }
}

type Checked<T = ()> = std::result::Result<T, DashboardError>;

impl Dashboard {
    /// Parses a dashboard file and checks it against `pack` (see [`Dashboard::validate`]).
    ///
    /// # Errors
    ///
    /// Bad JSON (`Json`, naming the field where the parser stopped), or the first invalid field.
    pub fn from_json(text: &str, pack: &RulePack) -> Checked<Dashboard> {
        let t = text.trim_start();
        if t.starts_with('[') {
            return Err(DashboardError::new(
                "dashboard",
                DashboardErrorKind::Json {
                    message: "expected a JSON object like {\"industry\": \"general\", \"snapshots\": [...]}".into(),
                },
            ));
        }
        let d: Dashboard = crate::error::from_json(text, "dashboard").map_err(|e| match e {
            Error::Field { path, message } => {
                DashboardError::new(path, DashboardErrorKind::Json { message })
            }
            other => DashboardError::new(
                "dashboard",
                DashboardErrorKind::Json {
                    message: other.to_string(),
                },
            ),
        })?;
        d.validate(pack)?;
        Ok(d)
    }

    /// Checks the dashboard against `pack`: a known, applicable industry; at least one
    /// snapshot; in each, dates `YYYY-MM-DD`, known metric and dimension ids, metric values in
    /// their ranges, scores on the pack's scale and with no more decimals than it shows,
    /// percentiles 0–1 and only for metrics with a value, at least one score shown, a dimension
    /// shown only when one of its metrics has a value, and an overall score that can be the
    /// weighted mean of the shown dimensions at the shown precision.
    ///
    /// # Errors
    ///
    /// The first invalid field, e.g. `snapshots[0].score: 5.3 is out of range 3–5`.
    pub fn validate(&self, pack: &RulePack) -> Checked {
        use DashboardErrorKind as K;
        let Some(ind) = pack.industry(&self.industry) else {
            return Err(DashboardError::new(
                "industry",
                K::UnknownIndustry {
                    industry: self.industry.clone(),
                    known: pack.industries.iter().map(|i| i.id.clone()).collect(),
                },
            ));
        };
        if !ind.applicable.value {
            return Err(DashboardError::new(
                "industry",
                K::NotApplicable {
                    industry: ind.id.clone(),
                },
            ));
        }
        if self.snapshots.is_empty() {
            return Err(DashboardError::new("snapshots", K::NoSnapshot));
        }
        for (i, s) in self.snapshots.iter().enumerate() {
            check_snapshot(pack, s, &format!("snapshots[{i}]"))?;
        }
        Ok(())
    }

    /// Index of the latest snapshot: the one with the latest date (the later one given of
    /// two on the same day); the last one given when none has a date.
    pub fn latest(&self) -> usize {
        self.snapshots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((s.date.as_deref().and_then(parse_date)?, i)))
            .max()
            .map_or(self.snapshots.len().saturating_sub(1), |(_, i)| i)
    }
}

/// Checks one snapshot (`at` is its path, e.g. `snapshots[0]`).
pub(crate) fn check_snapshot(pack: &RulePack, s: &Snapshot, at: &str) -> Checked {
    use DashboardErrorKind as K;
    let decimals = pack.score.decimals.value;
    let (smin, smax) = (pack.score.min.value, pack.score.max.value);
    if let Some(d) = &s.date {
        if parse_date(d.trim()).is_none() {
            return Err(DashboardError::new(
                format!("{at}.date"),
                K::BadDate { text: d.clone() },
            ));
        }
    }
    let known_metrics = || pack.metrics.iter().map(|m| m.id.clone()).collect();
    for (id, v) in &s.metrics {
        let path = format!("{at}.metrics.{id}");
        let Some(m) = pack.metric(id) else {
            return Err(DashboardError::new(
                path,
                K::UnknownMetric {
                    known: known_metrics(),
                },
            ));
        };
        if let Some(v) = v {
            in_range(&path, *v, m.range[0], m.range[1])?;
        }
    }
    let has_value = |id: &str| s.metrics.get(id).copied().flatten().is_some();
    if !pack.metrics.iter().any(|m| has_value(&m.id)) {
        return Err(DashboardError::new(format!("{at}.metrics"), K::NoMetrics));
    }
    let shown_score = |path: &str, v: f64| -> Checked {
        in_range(path, v, smin, smax)?;
        if (round_display(v, decimals) - v).abs() > 1e-9 {
            return Err(DashboardError::new(
                path,
                K::TooPrecise { value: v, decimals },
            ));
        }
        Ok(())
    };
    if let Some(v) = s.score {
        shown_score(&format!("{at}.score"), v)?;
    }
    let present = |dim: &str| {
        pack.metrics
            .iter()
            .any(|m| m.dimension == dim && has_value(&m.id))
    };
    for (id, v) in &s.dimensions {
        let path = format!("{at}.dimensions.{id}");
        if pack.dimension_index(id).is_none() {
            return Err(DashboardError::new(
                path,
                K::UnknownDimension {
                    known: pack.dimensions.iter().map(|d| d.id.clone()).collect(),
                },
            ));
        }
        shown_score(&path, *v)?;
        if !present(id) {
            return Err(DashboardError::new(
                path,
                K::DimensionWithoutMetrics {
                    metrics: pack
                        .metrics
                        .iter()
                        .filter(|m| m.dimension == *id)
                        .map(|m| m.id.clone())
                        .collect(),
                },
            ));
        }
    }
    for (id, v) in &s.percentiles {
        let path = format!("{at}.percentiles.{id}");
        if pack.metric(id).is_none() {
            return Err(DashboardError::new(
                path,
                K::UnknownMetric {
                    known: known_metrics(),
                },
            ));
        }
        in_range(&path, *v, 0.0, 1.0)?;
        if !has_value(id) {
            return Err(DashboardError::new(path, K::PercentileWithoutValue));
        }
    }
    if s.score.is_none() && s.dimensions.is_empty() {
        return Err(DashboardError::new(at, K::NothingShown));
    }
    if let Some(score) = s.score {
        if let Some((lo, hi, others)) = mean_bounds(pack, s, &present) {
            let h = half_unit(decimals);
            // The raw score behind the shown one lies in [score − h, score + h).
            let tol = 1e-9;
            if !(score - h < hi - tol && lo < score + h - tol) {
                return Err(DashboardError::new(
                    format!("{at}.score"),
                    K::NotWeightedMean {
                        score,
                        lo: round_display(lo, decimals),
                        hi: round_display(hi - 1e-7 * h, decimals),
                        decimals,
                        others,
                    },
                ));
            }
        }
    }
    Ok(())
}

/// Half a unit of the last shown digit (0.005 at two decimals).
pub(crate) fn half_unit(decimals: u32) -> f64 {
    0.5 * 10f64.powi(-(decimals as i32))
}

/// The raw overall scores from `lo` to `hi` that the shown dimensions allow (each within its rounding;
/// a present dimension that is not shown anywhere on the scale), and whether some present
/// dimension is not shown; `None` when no dimension is shown.
fn mean_bounds(
    pack: &RulePack,
    s: &Snapshot,
    present: &dyn Fn(&str) -> bool,
) -> Option<(f64, f64, bool)> {
    if s.dimensions.is_empty() {
        return None;
    }
    let h = half_unit(pack.score.decimals.value);
    let (smin, smax) = (pack.score.min.value, pack.score.max.value);
    let (mut lo, mut hi, mut w, mut others) = (0.0, 0.0, 0.0, false);
    for d in pack.dimensions.iter().filter(|d| present(&d.id)) {
        let wd = d.weight.value;
        w += wd;
        match s.dimensions.get(&d.id) {
            Some(v) => {
                lo += wd * (v - h).max(smin);
                hi += wd * (v + h).min(smax);
            }
            None => {
                others = true;
                lo += wd * smin;
                hi += wd * smax;
            }
        }
    }
    (w > 0.0).then(|| (lo / w, hi / w, others))
}

fn in_range(path: &str, v: f64, min: f64, max: f64) -> Checked {
    if !v.is_finite() {
        return Err(DashboardError::new(path, DashboardErrorKind::NotANumber));
    }
    if v < min || v > max {
        return Err(DashboardError::new(
            path,
            DashboardErrorKind::OutOfRange { value: v, min, max },
        ));
    }
    Ok(())
}

/// The snapshot's metric values in pack order.
pub(crate) fn values(pack: &RulePack, s: &Snapshot) -> Vec<Option<f64>> {
    pack.metrics
        .iter()
        .map(|m| s.metrics.get(&m.id).copied().flatten())
        .collect()
}

/// The shown percentiles by metric index.
pub(crate) fn shown_percentiles(pack: &RulePack, s: &Snapshot) -> BTreeMap<usize, f64> {
    s.percentiles
        .iter()
        .filter_map(|(id, p)| Some((pack.metric_index(id)?, *p)))
        .collect()
}
