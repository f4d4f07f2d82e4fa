//! Daily data as the window weighs it: per-metric `(numerator, denominator)` pairs, from
//! daily records or from a scenario held for a whole window.

use jiff::civil::Date;

use super::{DailyRecords, Dense};
use crate::dates::{date_of, day_number};
use crate::error::{Error, Result};
use crate::eval::Scenario;
use crate::rulepack::{RulePack, DAILY_COLUMNS};

/// Daily data as per-metric `(numerator, denominator)` pairs in the rule pack's metric order,
/// one entry per kept day (excluded days are dropped, absent dates have no entry).
///
/// Built from daily records ([`History::from_records`]) or from a scenario held for a whole
/// window ([`History::from_scenario`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    /// Metric ids the pairs belong to: a history cannot be read with another pack's metrics.
    pub(super) metrics: Vec<String>,
    /// Day numbers of the kept days, increasing.
    pub(super) days: Vec<i64>,
    /// Per day, `[numerator, denominator]` per metric.
    pub(super) pairs: Vec<f64>,
}

/// Daily volume (orders, reviews, consultations…) of a synthesised day when nothing better
/// is known: only ratios matter, so any positive number gives the same score for a constant
/// value; 100 keeps the numbers readable.
pub const DEFAULT_DAILY_VOLUME: f64 = 100.0;

impl History {
    /// An empty history for `pack`'s metrics.
    pub fn new(pack: &RulePack) -> History {
        History {
            metrics: pack.metrics.iter().map(|m| m.id.clone()).collect(),
            days: Vec::new(),
            pairs: Vec::new(),
        }
    }

    /// The kept days of `records` as `pack`'s metric pairs (excluded days are dropped).
    pub fn from_records(pack: &RulePack, records: &DailyRecords) -> History {
        let cols: Vec<(usize, usize)> = pack
            .metrics
            .iter()
            .map(|m| {
                // The pack validated both names against DAILY_COLUMNS.
                let idx = |c: &str| DAILY_COLUMNS.iter().position(|k| *k == c).unwrap_or(0);
                (idx(&m.daily.numerator), idx(&m.daily.denominator))
            })
            .collect();
        let mut h = History::new(pack);
        for r in records.records().iter().filter(|r| !r.excluded) {
            h.days.push(day_number(r.date));
            for &(n, d) in &cols {
                h.pairs.push(r.counts[n]);
                h.pairs.push(r.counts[d]);
            }
        }
        h
    }

    /// "Before `before`, my metrics were these": the scenario's values held on every day of
    /// the window before `before` (days `before − W .. before − 1`), each day with
    /// [`DEFAULT_DAILY_VOLUME`]; a metric without a value has no data.
    ///
    /// # Errors
    ///
    /// The scenario's first invalid field (see [`Scenario::validate`]).
    pub fn from_scenario(pack: &RulePack, scenario: &Scenario, before: Date) -> Result<History> {
        scenario.validate(pack)?;
        let values = scenario.values(pack);
        let mut row = Vec::with_capacity(2 * values.len());
        for (m, v) in pack.metrics.iter().zip(&values) {
            let (num, den) = synthesised_pair(*v, DEFAULT_DAILY_VOLUME, m.daily.scale);
            row.push(num);
            row.push(den);
        }
        let end = day_number(before);
        let w = i64::from(pack.decay.window_days.value);
        let mut h = History::new(pack);
        for day in end - w..end {
            h.days.push(day);
            h.pairs.extend_from_slice(&row);
        }
        Ok(h)
    }

    /// Number of kept days.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Whether no day is kept.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// The oldest kept day.
    pub fn first_date(&self) -> Option<Date> {
        self.days.first().and_then(|d| date_of(*d))
    }

    /// The newest kept day.
    pub fn last_date(&self) -> Option<Date> {
        self.days.last().and_then(|d| date_of(*d))
    }

    pub(super) fn check(&self, pack: &RulePack) -> Result<()> {
        let same = self.metrics.len() == pack.metrics.len()
            && self
                .metrics
                .iter()
                .zip(&pack.metrics)
                .all(|(a, m)| *a == m.id);
        if same {
            Ok(())
        } else {
            Err(Error::field(
                "history",
                format!("built for other metrics than rule pack {}", pack.id),
            ))
        }
    }

    /// Copies the kept days in `[dense.base, until)` into `dense`.
    pub(crate) fn fill(&self, dense: &mut Dense, until: i64) {
        let n = 2 * self.metrics.len();
        let lo = self.days.partition_point(|d| *d < dense.base);
        for (k, &day) in self.days.iter().enumerate().skip(lo) {
            if day >= until || day >= dense.base + dense.present.len() as i64 {
                break;
            }
            let i = (day - dense.base) as usize;
            dense.present[i] = true;
            dense.row_mut(i)[..n].copy_from_slice(&self.pairs[k * n..(k + 1) * n]);
        }
    }
}

/// The pair of a synthesised day: `volume` units of which the metric's value is the ratio.
pub(crate) fn synthesised_pair(value: Option<f64>, volume: f64, scale: f64) -> (f64, f64) {
    match value {
        Some(v) => (v * volume / scale, volume),
        None => (0.0, 0.0),
    }
}
