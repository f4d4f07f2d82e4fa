//! The 180-day timeline (180天服务分走势): the score published day by day from daily records,
//! and its projection under a plan.
//!
//! The score published on day D uses days D−W..D−1 (W = `decay.window_days`, 180); day D−t
//! weighs `decay.weight(t)` (a half-life of `decay.half_life_days`, 60 by assumption). Each
//! metric is `scale · Σw·numerator / Σw·denominator` with the columns and scale of its
//! `daily` aggregate in the rule pack; a zero weighted denominator means no data. The metric
//! values are then scored by [`Model`] like any scenario.
//!
//! ```
//! use servicescore::timeline::{self, parse_date, DailyRecords};
//! use servicescore::RulePack;
//!
//! let csv = "date,ship_due,shipped_on_time\n2026-11-18,100,99\n2026-11-19,100,95\n";
//! let records = DailyRecords::from_csv(csv)?;
//! let day = |s| parse_date(s).unwrap();
//! let days = timeline::timeline(
//!     RulePack::default_pack(), "general", &records, day("2026-11-19"), day("2026-11-20"),
//! )?;
//! // On the 19th only the 18th counts: 99 % on time.
//! assert_eq!(days[0].display_score.as_deref(), Some("4.80"));
//! // On the 20th: (1·95 + 0.9885·99) / (1 + 0.9885) = 96.99 % on time.
//! assert_eq!(days[1].display_score.as_deref(), Some("4.40"));
//! # Ok::<(), servicescore::Error>(())
//! ```
//!
//! # Scope
//!
//! - [`records`]: the daily CSV (format and checks).
//! - [`History`]: daily records as per-metric `(numerator, denominator)` pairs, ready to weigh.
//!   Two metrics share the `paid_orders` denominator, so pairs are per metric, not per column.
//! - [`Window`]: a compiled model with its window weights, computed once; [`timeline`] and
//!   [`Window::timeline`] give the published score day by day.
//! - [`projection`]: a [`Plan`] of future metric values, the projected scores, when each star
//!   level and threshold is first reached, and when bad days leave the window.
//! - `sliding`: the window's sums day after day in O(1) per day (exponential weights), and
//!   `scorer`: the model's scores with each metric's points as one table; [`timeline`] and
//!   [`project`] use both, tested equal to the direct sums and to [`Model::scores`].

mod history;
pub mod projection;
pub mod records;
mod scorer;
mod sliding;

use jiff::civil::Date;
use serde::Serialize;

pub use crate::dates::parse_date;
pub(crate) use history::synthesised_pair;
pub use history::{History, DEFAULT_DAILY_VOLUME};
pub use projection::{project, LeavingDay, Plan, PlanStep, Projection, Reach};
pub use records::{CsvErrors, DailyRecord, DailyRecords};

use crate::dates::{self, dates_from, day_number};
use crate::display::format_display;
use crate::error::{Error, Result};
use crate::eval::{Model, Scenario, Scores};
use crate::rulepack::RulePack;

/// Most days one timeline or projection computes: ten years (the page and the CLI stay
/// responsive, and nothing sensible needs more).
pub const MAX_DAYS: usize = 3660;

/// The score published on one day (SPEC §3 `timeline --json` entry).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineDay {
    /// The day the score is published (computed from the days before it).
    #[serde(with = "dates::serde_date")]
    pub date: Date,
    /// Unrounded score; `None` when no metric has data in the window.
    pub score: Option<f64>,
    /// Displayed score (`"4.53"`).
    pub display_score: Option<String>,
    /// Experience stars.
    pub stars: Option<f64>,
}

impl TimelineDay {
    fn new(model: &Model<'_>, date: Date, scores: &Scores) -> TimelineDay {
        TimelineDay {
            date,
            score: scores.overall,
            display_score: scores
                .overall
                .map(|s| format_display(s, model.pack().score.decimals.value)),
            stars: model.stars(scores),
        }
    }
}

/// Lanes summed together by [`Window::window_sums`]: 16 holds the 8 metrics' pairs of the
/// default pack in one block.
const LANES: usize = 16;

/// Consecutive days as one flat block of pairs (absent days are zeros), so that the window
/// sums run over contiguous memory.
pub(crate) struct Dense {
    /// Day number of row 0.
    pub(crate) base: i64,
    /// Numbers per row: 2 per metric, then zeros up to a multiple of [`LANES`].
    pub(crate) width: usize,
    /// Row-major pairs.
    pub(crate) x: Vec<f64>,
    /// Whether a row holds a kept day of data.
    pub(crate) present: Vec<bool>,
}

impl Dense {
    pub(crate) fn new(base: i64, rows: usize, metrics: usize) -> Dense {
        let width = (2 * metrics).div_ceil(LANES).max(1) * LANES;
        Dense {
            base,
            width,
            x: vec![0.0; rows * width],
            present: vec![false; rows],
        }
    }

    pub(crate) fn row(&self, i: usize) -> &[f64] {
        &self.x[i * self.width..(i + 1) * self.width]
    }

    pub(crate) fn row_mut(&mut self, i: usize) -> &mut [f64] {
        &mut self.x[i * self.width..(i + 1) * self.width]
    }
}

/// A [`Model`] with the window weights of its rule pack, computed once: the engine of
/// [`timeline`] and [`project`].
#[derive(Debug, Clone)]
pub struct Window<'p> {
    model: Model<'p>,
    /// `weights[t − 1]` = weight of day D−t.
    weights: Vec<f64>,
    /// The model's scores, for many days (see `scorer`).
    scorer: scorer::Scorer,
}

impl<'p> Window<'p> {
    /// Reads the window length and weights from the model's rule pack.
    pub fn new(model: Model<'p>) -> Window<'p> {
        let decay = &model.pack().decay;
        let weights = (1..=decay.window_days.value)
            .map(|t| decay.weight(t))
            .collect();
        let scorer = scorer::Scorer::new(&model);
        Window {
            model,
            weights,
            scorer,
        }
    }

    /// The model.
    pub fn model(&self) -> &Model<'p> {
        &self.model
    }

    /// Days in the window (180).
    pub fn days(&self) -> usize {
        self.weights.len()
    }

    /// Weight of day D−t in the score published on day D (0 outside 1..=window).
    pub fn weight(&self, t: usize) -> f64 {
        t.checked_sub(1)
            .and_then(|i| self.weights.get(i))
            .copied()
            .unwrap_or(0.0)
    }

    /// The metric values (pack order) the score published on `date` is computed from.
    ///
    /// # Errors
    ///
    /// `history: built for other metrics ...` when `history` comes from another rule pack.
    pub fn values_on(&self, history: &History, date: Date) -> Result<Vec<Option<f64>>> {
        history.check(self.model.pack())?;
        let w = self.days();
        let mut dense = Dense::new(day_number(date) - w as i64, w, self.metrics());
        history.fill(&mut dense, i64::MAX);
        let mut acc = vec![0.0; dense.width];
        let mut values = vec![None; self.metrics()];
        self.window_values(&dense, w, &mut acc, &mut values);
        Ok(values)
    }

    /// What the platform would see on `date`, as a scenario: the window's metric values
    /// (the page fills its sliders with these after an import).
    ///
    /// # Errors
    ///
    /// As [`Window::values_on`].
    pub fn scenario_on(&self, history: &History, date: Date) -> Result<Scenario> {
        let values = self.values_on(history, date)?;
        Ok(Scenario {
            industry: self.model.industry().id.clone(),
            metrics: self
                .model
                .pack()
                .metrics
                .iter()
                .zip(values)
                .map(|(m, v)| (m.id.clone(), v))
                .collect(),
        })
    }

    /// The score published on each day `from..=to`.
    ///
    /// # Errors
    ///
    /// `to: ... is before from ...`, a range longer than [`MAX_DAYS`], or a history from
    /// another rule pack.
    pub fn timeline(&self, history: &History, from: Date, to: Date) -> Result<Vec<TimelineDay>> {
        history.check(self.model.pack())?;
        if to < from {
            return Err(Error::field(
                "to",
                format!("{to} is before the first day {from}"),
            ));
        }
        let n = (day_number(to) - day_number(from) + 1) as usize;
        if n > MAX_DAYS {
            return Err(Error::field(
                "to",
                format!("{from} to {to} is {n} days; at most {MAX_DAYS} are computed at once"),
            ));
        }
        let w = self.days();
        let dates = dates_from(from, n).ok_or_else(|| Error::field("to", "beyond 9999-12-31"))?;
        let mut dense = Dense::new(day_number(from) - w as i64, w + n - 1, self.metrics());
        history.fill(&mut dense, i64::MAX);
        let mut out = Vec::with_capacity(n);
        self.sweep(&dense, w, n, |k, scores| {
            out.push(TimelineDay::new(&self.model, dates[k], scores));
        });
        Ok(out)
    }

    fn metrics(&self) -> usize {
        self.model.pack().metrics.len()
    }

    /// Scores the days published at rows `first..first + n` of `dense` (each needs the
    /// `window` rows before it), calling `f(k, scores)` for the k-th.
    pub(crate) fn sweep(
        &self,
        dense: &Dense,
        first: usize,
        n: usize,
        mut f: impl FnMut(usize, &Scores),
    ) {
        let mut acc = vec![0.0; dense.width];
        let mut values = vec![None; self.metrics()];
        // Day after day in O(1) per number (see `sliding`), equal to `window_sums`.
        let mut sums = sliding::Sliding::new(dense, &self.weights, first);
        let mut hints = vec![0; self.metrics()];
        for k in 0..n {
            sums.next_into(&mut acc);
            self.ratios(&acc, &mut values);
            f(k, &self.scorer.scores_near(&values, &mut hints));
        }
    }

    /// The metric values published at row `row` of `dense`. `acc` and `values` are scratch
    /// space, so the sweep allocates nothing.
    fn window_values(
        &self,
        dense: &Dense,
        row: usize,
        acc: &mut [f64],
        values: &mut [Option<f64>],
    ) {
        self.window_sums(dense, row, acc);
        self.ratios(acc, values);
    }

    /// Weighted `[numerator, denominator]` sums of the `window` rows before row `row`.
    ///
    /// The direct sum, for single days (`values_on`, a bad day's effect); day after day the
    /// sweep uses the equal, O(1)-per-day `sliding` sums. The lanes are summed in blocks of
    /// [`LANES`] held in a local array, which the compiler keeps in registers: accumulating
    /// straight into `acc` made every row a store and a reload.
    pub(crate) fn window_sums(&self, dense: &Dense, row: usize, acc: &mut [f64]) {
        let first = row - self.weights.len();
        let block = &dense.x[first * dense.width..row * dense.width];
        let present = &dense.present[first..row];
        for (c, out) in acc.chunks_exact_mut(LANES).enumerate() {
            let mut a = [0.0f64; LANES];
            // Rows row−1, row−2, … (days D−1, D−2, …) against weights w(1), w(2), ….
            let rows = block.chunks_exact(dense.width).rev();
            for ((x, &w), &p) in rows.zip(&self.weights).zip(present.iter().rev()) {
                // Absent days are zeros: skipping them is only faster.
                if p {
                    for (a, v) in a.iter_mut().zip(&x[c * LANES..(c + 1) * LANES]) {
                        *a += w * v;
                    }
                }
            }
            out.copy_from_slice(&a);
        }
    }

    /// Metric values from `[numerator, denominator]` sums: `scale · num / den`, clamped to the
    /// metric's range (sums of hours can average beyond it); no data when `den` is 0.
    pub(crate) fn ratios(&self, sums: &[f64], values: &mut [Option<f64>]) {
        for ((m, v), s) in self
            .model
            .pack()
            .metrics
            .iter()
            .zip(values.iter_mut())
            .zip(sums.chunks_exact(2))
        {
            // A non-finite ratio (records set by code, bypassing the import's bounds) is no data.
            *v = (s[1] > 0.0)
                .then(|| m.daily.scale * s[0] / s[1])
                .filter(|x| x.is_finite())
                .map(|x| x.clamp(m.range[0], m.range[1]));
        }
    }
}

/// The score published on each day `from..=to` from `records` (SPEC §3 `timeline`): a date
/// absent from the records has no data, an excluded day is dropped.
///
/// # Errors
///
/// An unknown industry, `to` before `from`, or more than [`MAX_DAYS`] days.
pub fn timeline(
    pack: &RulePack,
    industry: &str,
    records: &DailyRecords,
    from: Date,
    to: Date,
) -> Result<Vec<TimelineDay>> {
    let window = Window::new(Model::new(pack, industry)?);
    window.timeline(&History::from_records(pack, records), from, to)
}

#[cfg(test)]
mod tests;
