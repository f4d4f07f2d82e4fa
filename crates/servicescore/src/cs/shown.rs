//! Reading an assessment the way the page and the command line show it: each rate written on
//! the side of the target its verdict says (a failing 79.96 % never reads `80.0%`), and the
//! penalty that a day's fail started or that a day falls in.

use jiff::civil::Date;

use super::{Assessment, DayAssessment, DayStatus, MonthDissatisfaction, Penalty};
use crate::display::{on_side, Fixed, Side};

/// Decimals of a shown percentage (`79.9%`): a display convention, not a rule constant.
pub const RATE_DECIMALS: u32 = 1;

impl DayAssessment {
    /// The rolling reply rate as shown, at [`RATE_DECIMALS`]: on the side of `target_pct` its
    /// status says (below for `fail`, at least for `pass`); `None` when nothing was counted.
    ///
    /// # Examples
    ///
    /// ```
    /// use jiff::civil::date;
    /// use servicescore::cs::{DayAssessment, DayStatus};
    ///
    /// let day = DayAssessment {
    ///     date: date(2024, 5, 8), counted: 2499, in_time: 1998, rate_pct: Some(79.95198),
    ///     status: DayStatus::Fail, window_from: None, window_to: None,
    ///     starts_penalty: true, day_counted: 0, day_in_time: 0,
    /// };
    /// assert_eq!(day.shown_rate(80.0).unwrap().to_string(), "79.9");
    /// ```
    pub fn shown_rate(&self, target_pct: f64) -> Option<Fixed> {
        let v = self.rate_pct?;
        Some(match self.status {
            DayStatus::Fail => on_side(v, target_pct, Side::Below, RATE_DECIMALS),
            DayStatus::Pass => on_side(v, target_pct, Side::AtLeast, RATE_DECIMALS),
            DayStatus::Penalty | DayStatus::NoData => Fixed::round(v, RATE_DECIMALS),
        })
    }
}

impl MonthDissatisfaction {
    /// The month's dissatisfaction rate as shown, at [`RATE_DECIMALS`]: above `target_pct`
    /// when it is over target, at most the target otherwise; `None` when nothing was rated.
    pub fn shown_rate(&self, target_pct: f64) -> Option<Fixed> {
        let v = self.rate_pct?;
        let side = if self.over_target {
            Side::Above
        } else {
            Side::AtMost
        };
        Some(on_side(v, target_pct, side, RATE_DECIMALS))
    }
}

impl Assessment {
    /// The penalty started by the `fail` assessed on `date` (it runs from the next day), if
    /// that day's fail started one.
    pub fn penalty_started_on(&self, date: Date) -> Option<&Penalty> {
        self.penalties.iter().find(|p| p.fail_date == date)
    }

    /// The penalty running on `date` (its first to its last day, inclusive), if any.
    pub fn penalty_covering(&self, date: Date) -> Option<&Penalty> {
        self.penalties
            .iter()
            .find(|p| p.first_day <= date && date <= p.last_day)
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::cs::{assess, Session, SessionLog};
    use crate::RulePack;

    #[test]
    fn penalties_by_date() {
        // One late session on May 1: May 2 fails and starts a penalty on May 3–5.
        let t = |d, h, m| date(2024, 5, d).at(h, m, 0, 0);
        let log =
            SessionLog::from_sessions(vec![Session::new("a", t(1, 10, 0), Some(t(1, 10, 30)))]);
        let rules = &RulePack::default_pack().customer_service;
        let a = assess(rules, &log, date(2024, 5, 2), date(2024, 5, 7)).unwrap();
        let p = a.penalty_started_on(date(2024, 5, 2)).unwrap();
        assert_eq!(
            (p.first_day, p.last_day),
            (date(2024, 5, 3), date(2024, 5, 5))
        );
        assert_eq!(a.penalty_started_on(date(2024, 5, 3)), None);
        assert_eq!(a.penalty_covering(date(2024, 5, 2)), None);
        for d in 3..=5 {
            assert_eq!(a.penalty_covering(date(2024, 5, d)), Some(p));
        }
        assert_eq!(a.penalty_covering(date(2024, 5, 6)), None);
        let fail = &a.days[0];
        assert_eq!(fail.shown_rate(80.0).unwrap().to_string(), "0.0");
        assert_eq!(a.days[1].shown_rate(80.0), None);
    }

    #[test]
    fn month_rates_stay_on_their_side() {
        let m = |rate: f64, over| MonthDissatisfaction {
            month: "2024-05".into(),
            rated: 1,
            dissatisfied: 1,
            rate_pct: Some(rate),
            over_target: over,
            counted: 1,
        };
        assert_eq!(m(10.04, true).shown_rate(10.0).unwrap().to_string(), "10.1");
        assert_eq!(m(9.96, false).shown_rate(10.0).unwrap().to_string(), "10.0");
    }
}
