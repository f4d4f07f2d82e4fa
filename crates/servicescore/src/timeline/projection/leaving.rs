//! Bad days leaving the window: which kept days of the last window before the start are bad
//! (see the [projection](super)), and what their leaving is worth.

use jiff::civil::Date;
use serde::Serialize;

use crate::dates::{self, date_of};
use crate::eval::Scores;
use crate::timeline::{Dense, Window};

/// How far below the median one-day score a day must be to count as bad (score points).
pub const BAD_DAY_MARGIN: f64 = 0.25;

/// Most bad days a projection lists.
pub const MAX_LEAVING_DAYS: usize = 10;
/// A bad day of the history and the day it leaves the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeavingDay {
    /// The bad day.
    #[serde(with = "dates::serde_date")]
    pub date: Date,
    /// First published day whose window no longer holds it (`date` + window + 1).
    #[serde(with = "dates::serde_date")]
    pub leaves_on: Date,
    /// Its own one-day score.
    pub day_score: f64,
    /// Score on `leaves_on` minus the score that day had the bad day still counted: what its
    /// leaving alone changes (`None` without a score).
    pub effect: Option<f64>,
    /// Published score on `leaves_on` minus the day before (`None` beyond the horizon or
    /// without a score).
    pub score_change: Option<f64>,
}

impl Window<'_> {
    /// Median one-day score of the history window and its worst days.
    pub(super) fn leaving_days(
        &self,
        dense: &Dense,
        w: usize,
        scores: &[Scores],
        dates: &[Date],
    ) -> (Option<f64>, Vec<LeavingDay>) {
        let pack = self.model.pack();
        let mut values = vec![None; pack.metrics.len()];
        // A day like the one before scores like it (a held scenario is 180 equal days).
        let mut last: Option<(usize, Option<f64>)> = None;
        let day_scores: Vec<(usize, f64)> = (0..w)
            .filter(|&row| dense.present[row])
            .filter_map(|row| {
                let score = match last {
                    Some((prev, score)) if dense.row(prev) == dense.row(row) => score,
                    _ => {
                        self.ratios(dense.row(row), &mut values);
                        self.scorer.scores(&values).overall
                    }
                };
                last = Some((row, score));
                Some((row, score?))
            })
            .collect();
        let Some(median) = median(day_scores.iter().map(|d| d.1).collect()) else {
            return (None, Vec::new());
        };
        let older = pack
            .decay
            .weight(pack.decay.window_days.value.saturating_add(1));
        let mut acc = vec![0.0; dense.width];
        let mut bad: Vec<LeavingDay> = day_scores
            .into_iter()
            .filter(|d| d.1 <= median - BAD_DAY_MARGIN)
            .filter_map(|(row, day_score)| {
                // Day B = base + row leaves on B + w + 1 = start + row + 1: published index k.
                let k = row + 1;
                self.window_sums(dense, w + k, &mut acc);
                self.ratios(&acc, &mut values);
                let gone = self.scorer.scores(&values).overall;
                for (a, x) in acc.iter_mut().zip(dense.row(row)) {
                    *a += older * x;
                }
                self.ratios(&acc, &mut values);
                let kept = self.scorer.scores(&values).overall;
                let score_change = match (scores.get(k), scores.get(k - 1)) {
                    (Some(a), Some(b)) => Some(a.overall? - b.overall?),
                    _ => None,
                };
                Some(LeavingDay {
                    date: date_of(dense.base + row as i64)?,
                    leaves_on: *dates.get(k)?,
                    day_score,
                    effect: gone.zip(kept).map(|(g, k)| g - k),
                    score_change,
                })
            })
            .collect();
        // Largest effect first (no effect last), then keep the oldest first for display.
        bad.sort_by(|a, b| {
            let e = |l: &LeavingDay| l.effect.unwrap_or(f64::NEG_INFINITY);
            e(b).total_cmp(&e(a)).then(a.date.cmp(&b.date))
        });
        bad.truncate(MAX_LEAVING_DAYS);
        bad.sort_by_key(|l| l.date);
        (Some(median), bad)
    }
}

pub(super) fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}
