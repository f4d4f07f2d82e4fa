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

pub mod projection;
pub mod records;
mod scorer;
mod sliding;

use jiff::civil::Date;
use serde::Serialize;

pub use crate::dates::parse_date;
pub use projection::{project, LeavingDay, Plan, PlanStep, Projection, Reach};
pub use records::{CsvErrors, DailyRecord, DailyRecords};

use crate::dates::{self, date_of, dates_from, day_number};
use crate::display::format_display;
use crate::error::{Error, Result};
use crate::eval::{Model, Scenario, Scores};
use crate::rulepack::{RulePack, DAILY_COLUMNS};

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

/// Daily data as per-metric `(numerator, denominator)` pairs in the rule pack's metric order,
/// one entry per kept day (excluded days are dropped, absent dates have no entry).
///
/// Built from daily records ([`History::from_records`]) or from a scenario held for a whole
/// window ([`History::from_scenario`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    /// Metric ids the pairs belong to: a history cannot be read with another pack's metrics.
    metrics: Vec<String>,
    /// Day numbers of the kept days, increasing.
    days: Vec<i64>,
    /// Per day, `[numerator, denominator]` per metric.
    pairs: Vec<f64>,
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

    fn check(&self, pack: &RulePack) -> Result<()> {
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
mod tests {
    use super::*;
    use crate::eval::evaluate;
    use proptest::prelude::*;

    fn pack() -> &'static RulePack {
        RulePack::default_pack()
    }

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    fn plus(date: Date, days: i64) -> Date {
        date_of(day_number(date) + days).unwrap()
    }

    /// A day whose metrics are exactly the medians of SPEC §4 example 1.
    fn median_day(date: Date) -> DailyRecord {
        let mut r = DailyRecord::new(date);
        for (c, v) in [
            ("paid_orders", 1000.0),
            ("review_count", 10.0),
            ("review_sum", 47.0),
            ("quality_refunds", 8.0),
            ("signed_orders", 10.0),
            ("sign_hours_sum", 840.0),
            ("ship_due", 100.0),
            ("shipped_on_time", 97.0),
            ("refund_only_count", 2.0),
            ("refund_only_hours_sum", 36.0),
            ("return_refund_count", 1.0),
            ("return_refund_hours_sum", 108.0),
            ("consultations", 20.0),
            ("replied_3min", 17.0),
            ("disputes", 1.0),
        ] {
            r.set(c, v).unwrap();
        }
        r
    }

    fn ship_day(date: Date, due: f64, on_time: f64) -> DailyRecord {
        let mut r = DailyRecord::new(date);
        r.set("ship_due", due).unwrap();
        r.set("shipped_on_time", on_time).unwrap();
        r
    }

    fn records(v: Vec<DailyRecord>) -> DailyRecords {
        DailyRecords::new(v).unwrap()
    }

    fn one(recs: &DailyRecords, day: Date) -> TimelineDay {
        timeline(pack(), "general", recs, day, day)
            .unwrap()
            .remove(0)
    }

    #[test]
    fn constant_days_score_like_the_scenario() {
        let end = d("2026-11-20");
        let recs = records((1..=180).map(|t| median_day(plus(end, -t))).collect());
        let day = one(&recs, end);
        // SPEC §4 example 1: every metric at its median, 4.40, four stars.
        assert!((day.score.unwrap() - 4.4).abs() < 1e-12, "{day:?}");
        assert_eq!(day.display_score.as_deref(), Some("4.40"));
        assert_eq!(day.stars, Some(4.0));
        let window = Window::new(Model::new(pack(), "general").unwrap());
        let h = History::from_records(pack(), &recs);
        let s = window.scenario_on(&h, end).unwrap();
        for (id, v) in [
            ("review_score", 4.7),
            ("quality_refund_pct", 0.8),
            ("pay_to_sign_hours", 84.0),
            ("ship_on_time_pct", 97.0),
            ("refund_only_hours", 18.0),
            ("return_refund_hours", 108.0),
            ("reply_3min_pct", 85.0),
            ("dispute_pct", 0.1),
        ] {
            assert!((s.value(id).unwrap() - v).abs() < 1e-9, "{id}");
        }
        let e = evaluate(pack(), &s).unwrap();
        assert_eq!(e.display_score, day.display_score);
    }

    #[test]
    fn one_day_is_its_own_ratio_with_any_weight() {
        // 93 % on time → p = 0.25 → 3.8 points, whatever the day's weight.
        let recs = records(vec![ship_day(d("2026-06-01"), 200.0, 186.0)]);
        for later in [1, 2, 90, 180] {
            let day = one(&recs, plus(d("2026-06-01"), later));
            assert!((day.score.unwrap() - 3.8).abs() < 1e-12, "{later}");
        }
    }

    #[test]
    fn two_days_weigh_by_age() {
        // D−1: 100 % of 100 (weight 1); D−61: 50 % of 100 (weight 0.5).
        // ship_on_time = 100·(100 + 0.5·50)/(100 + 0.5·100) = 83.333… % → p = 0.1·(33.33/35)
        // = 0.095238 → points 3 + 0.095238·3.2 = 3.304762.
        let end = d("2026-11-20");
        let recs = records(vec![
            ship_day(plus(end, -1), 100.0, 100.0),
            ship_day(plus(end, -61), 100.0, 50.0),
        ]);
        let day = one(&recs, end);
        let expected = 3.0 + (0.1 * (100.0 * 125.0 / 150.0 - 50.0) / 35.0) * 3.2;
        assert!((day.score.unwrap() - expected).abs() < 1e-12);
        assert_eq!(day.display_score.as_deref(), Some("3.30"));
        assert_eq!(day.stars, Some(3.0));
    }

    #[test]
    fn the_window_is_d_minus_180_to_d_minus_1() {
        let bad = d("2026-01-01");
        let recs = records(vec![ship_day(bad, 100.0, 50.0)]);
        // Not yet published on the day itself; in the window for D = bad+1 ..= bad+180.
        let shown = |later| one(&recs, plus(bad, later)).display_score;
        assert_eq!(shown(0), None);
        assert_eq!(shown(1).as_deref(), Some("3.00"));
        assert_eq!(shown(180).as_deref(), Some("3.00"));
        assert_eq!(shown(181), None);
    }

    #[test]
    fn data_older_than_the_window_has_no_effect() {
        let end = d("2026-11-20");
        let recent: Vec<_> = (1..=30)
            .map(|t| ship_day(plus(end, -t), 100.0, 99.0))
            .collect();
        let mut with_old = recent.clone();
        with_old.extend((181..=200).map(|t| ship_day(plus(end, -t), 100.0, 10.0)));
        assert_eq!(one(&records(recent), end), one(&records(with_old), end));
    }

    #[test]
    fn an_excluded_day_is_the_same_as_no_day() {
        let end = d("2026-11-20");
        let mut days: Vec<_> = (1..=10)
            .map(|t| ship_day(plus(end, -t), 100.0, 98.0))
            .collect();
        let without = one(&records(days.clone()), end);
        let mut strike = ship_day(plus(end, -15), 100.0, 10.0);
        strike.excluded = true;
        days.push(strike);
        assert_eq!(one(&records(days.clone()), end), without);
        days.last_mut().unwrap().excluded = false;
        assert!(one(&records(days), end).score < without.score);
    }

    #[test]
    fn a_gap_has_no_data_and_empty_records_no_score() {
        let recs = records(vec![
            ship_day(d("2026-01-01"), 100.0, 97.0),
            ship_day(d("2026-12-01"), 100.0, 97.0),
        ]);
        let days = timeline(pack(), "general", &recs, d("2026-06-30"), d("2026-07-01")).unwrap();
        // 2026-06-30 still sees 2026-01-01 (day 180); 2026-07-01 sees nothing.
        assert_eq!(days[0].display_score.as_deref(), Some("4.40"));
        assert_eq!(days[1].score, None);
        assert_eq!(days[1].display_score, None);
        assert_eq!(days[1].stars, None);
        let none = timeline(
            pack(),
            "general",
            &DailyRecords::default(),
            d("2026-01-01"),
            d("2026-01-03"),
        )
        .unwrap();
        assert_eq!(none.len(), 3);
        assert!(none.iter().all(|t| t.score.is_none()));
    }

    #[test]
    fn bad_ranges_and_industries() {
        let recs = DailyRecords::default();
        let e = timeline(pack(), "general", &recs, d("2026-02-01"), d("2026-01-01")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "to: 2026-01-01 is before the first day 2026-02-01"
        );
        let e = timeline(pack(), "general", &recs, d("2000-01-01"), d("2026-01-01")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "to: 2000-01-01 to 2026-01-01 is 9498 days; at most 3660 are computed at once"
        );
        let e = timeline(pack(), "toys", &recs, d("2026-01-01"), d("2026-01-01")).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("industry: unknown industry \"toys\""));
        let recs = records(vec![ship_day(d("2026-01-01"), 100.0, 97.0)]);
        let out = timeline(
            pack(),
            "outdoor_service",
            &recs,
            d("2026-01-02"),
            d("2026-01-02"),
        );
        assert_eq!(out.unwrap()[0].score, None);
    }

    #[test]
    fn serialises_as_spec_section_3() {
        let recs = records(vec![ship_day(d("2026-01-01"), 100.0, 97.0)]);
        let days = timeline(pack(), "general", &recs, d("2026-01-01"), d("2026-01-02")).unwrap();
        assert_eq!(
            serde_json::to_string(&days).unwrap(),
            r#"[{"date":"2026-01-01","score":null,"display_score":null,"stars":null},{"date":"2026-01-02","score":4.4,"display_score":"4.40","stars":4.0}]"#
        );
    }

    #[test]
    fn weights_come_from_the_pack() {
        let mut v: serde_json::Value =
            serde_json::from_str(crate::rulepack::DEFAULT_PACK_JSON).unwrap();
        v["decay"]["window_days"]["value"] = 7.into();
        v["decay"]["half_life_days"]["value"] = 1.0.into();
        let p = RulePack::from_json(&v.to_string()).unwrap();
        let w = Window::new(Model::new(&p, "general").unwrap());
        assert_eq!(w.days(), 7);
        assert_eq!(w.weight(1), 1.0);
        assert_eq!(w.weight(3), 0.25);
        assert_eq!(w.weight(8), 0.0);
        assert_eq!(w.weight(0), 0.0);
        let recs = records(vec![ship_day(d("2026-01-01"), 100.0, 97.0)]);
        let days = timeline(&p, "general", &recs, d("2026-01-08"), d("2026-01-09")).unwrap();
        assert!(days[0].score.is_some());
        assert_eq!(days[1].score, None);
    }

    #[test]
    fn histories_are_tied_to_their_pack() {
        let mut v: serde_json::Value =
            serde_json::from_str(crate::rulepack::DEFAULT_PACK_JSON).unwrap();
        v["metrics"].as_array_mut().unwrap().swap(0, 1);
        let other = RulePack::from_json(&v.to_string()).unwrap();
        let h = History::from_records(&other, &DailyRecords::default());
        let w = Window::new(Model::new(pack(), "general").unwrap());
        assert_eq!(
            w.values_on(&h, d("2026-01-01")).unwrap_err().to_string(),
            "history: built for other metrics than rule pack xhs-2022-08"
        );
    }

    #[test]
    fn held_scenario_history() {
        let s = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":60,"ship_on_time_pct":null}}"#)
            .unwrap();
        let start = d("2026-11-21");
        let h = History::from_scenario(pack(), &s, start).unwrap();
        assert_eq!(h.len(), 180);
        assert_eq!(h.first_date(), Some(d("2026-05-25")));
        assert_eq!(h.last_date(), Some(d("2026-11-20")));
        let w = Window::new(Model::new(pack(), "general").unwrap());
        let v = w.values_on(&h, start).unwrap();
        assert!((v[6].unwrap() - 60.0).abs() < 1e-9);
        assert_eq!(v[3], None);
        let bad = Scenario::from_json(r#"{"metrics":{"reply_3min_pct":160}}"#).unwrap();
        assert!(History::from_scenario(pack(), &bad, start).is_err());
    }

    /// One metric's window value computed the slow, obvious way from the records.
    fn naive(recs: &DailyRecords, metric: usize, date: Date) -> Option<f64> {
        let m = &pack().metrics[metric];
        let (mut num, mut den) = (0.0, 0.0);
        for r in recs.records().iter().filter(|r| !r.excluded) {
            let t = day_number(date) - day_number(r.date);
            if (1..=180).contains(&t) {
                let w = 0.5f64.powf((t - 1) as f64 / 60.0);
                num += w * r.get(&m.daily.numerator).unwrap();
                den += w * r.get(&m.daily.denominator).unwrap();
            }
        }
        (den > 0.0)
            .then(|| m.daily.scale * num / den)
            .filter(|x| x.is_finite())
            .map(|x| x.clamp(m.range[0], m.range[1]))
    }

    fn day_strategy() -> impl Strategy<Value = DailyRecord> {
        (
            0i64..260,
            0u32..300,
            0u32..101,
            0u32..50,
            0u32..4,
            any::<bool>(),
            0u32..100,
            0u32..101,
        )
            .prop_map(
                |(day, orders, on_time_pct, reviews, stars_off, excluded, cons, reply_pct)| {
                    let mut r = DailyRecord::new(date_of(20_500 + day).unwrap());
                    let due = f64::from(orders);
                    r.set("paid_orders", due).unwrap();
                    r.set("ship_due", due).unwrap();
                    r.set(
                        "shipped_on_time",
                        (due * f64::from(on_time_pct) / 100.0).floor(),
                    )
                    .unwrap();
                    r.set("disputes", (due / 300.0).floor()).unwrap();
                    r.set("quality_refunds", (due * 0.02).floor()).unwrap();
                    r.set("review_count", f64::from(reviews)).unwrap();
                    r.set(
                        "review_sum",
                        f64::from(reviews) * (5.0 - f64::from(stars_off) / 3.0),
                    )
                    .unwrap();
                    r.set("consultations", f64::from(cons)).unwrap();
                    r.set(
                        "replied_3min",
                        (f64::from(cons) * f64::from(reply_pct) / 100.0).floor(),
                    )
                    .unwrap();
                    r.set("signed_orders", due).unwrap();
                    r.set("sign_hours_sum", due * (70.0 + f64::from(reviews)))
                        .unwrap();
                    r.excluded = excluded;
                    r
                },
            )
    }

    fn unique_days(v: Vec<DailyRecord>) -> DailyRecords {
        let mut m = std::collections::BTreeMap::new();
        for r in v {
            m.insert(r.date, r);
        }
        records(m.into_values().collect())
    }

    proptest! {
        #[test]
        fn window_equals_the_weighted_formula(
            days in prop::collection::vec(day_strategy(), 0..60),
            at in 0i64..450,
        ) {
            let recs = unique_days(days);
            let date = date_of(20_500 + at).unwrap();
            let w = Window::new(Model::new(pack(), "general").unwrap());
            let got = w.values_on(&History::from_records(pack(), &recs), date).unwrap();
            for (i, g) in got.iter().enumerate() {
                let want = naive(&recs, i, date);
                match (g, want) {
                    (Some(g), Some(want)) => prop_assert!((g - want).abs() <= 1e-9 * want.abs().max(1.0), "{i}: {g} vs {want}"),
                    (g, want) => prop_assert_eq!(*g, want, "metric {}", i),
                }
            }
        }

        #[test]
        fn scores_stay_on_the_scale(
            days in prop::collection::vec(day_strategy(), 0..60),
            from in 0i64..300,
        ) {
            let recs = unique_days(days);
            let from = date_of(20_500 + from).unwrap();
            let to = plus(from, 30);
            for t in timeline(pack(), "general", &recs, from, to).unwrap() {
                match t.score {
                    Some(s) => {
                        prop_assert!((3.0..=5.0).contains(&s));
                        prop_assert!(t.stars.is_some() && t.display_score.is_some());
                    }
                    None => prop_assert!(t.stars.is_none() && t.display_score.is_none()),
                }
            }
        }

        #[test]
        fn excluding_a_day_is_removing_it(
            days in prop::collection::vec(day_strategy(), 1..40),
            pick in any::<prop::sample::Index>(),
            at in 0i64..450,
        ) {
            let recs = unique_days(days);
            let mut v = recs.records().to_vec();
            let i = pick.index(v.len());
            v[i].excluded = true;
            let excluded = records(v.clone());
            v.remove(i);
            let removed = records(v);
            let date = date_of(20_500 + at).unwrap();
            prop_assert_eq!(one(&excluded, date), one(&removed, date));
        }
    }
}
