//! Day axes over `jiff` civil dates: a chart's days are offsets from an origin date (0 = the
//! origin), ticked at calendar-friendly steps; the formatter writes the dates.

use jiff::civil::Date;
use jiff::SignedDuration;

/// The date `days` days after `d` (before, when negative), held at jiff's range ends.
///
/// # Examples
///
/// ```
/// use jiff::civil::date;
/// use servicescore_charts::date::add_days;
/// assert_eq!(add_days(date(2024, 2, 28), 1), date(2024, 2, 29));
/// assert_eq!(add_days(date(2022, 8, 1), -180), date(2022, 2, 2));
/// ```
pub fn add_days(d: Date, days: i32) -> Date {
    d.saturating_add(SignedDuration::from_hours(i64::from(days) * 24))
}

/// Whole days from `from` to `to` (negative when `to` is earlier): the offset of `to` on an
/// axis whose day 0 is `from`.
///
/// # Examples
///
/// ```
/// use jiff::civil::date;
/// use servicescore_charts::date::days_between;
/// assert_eq!(days_between(date(2026, 11, 21), date(2026, 12, 31)), 40);
/// assert_eq!(days_between(date(2026, 11, 21), date(2026, 11, 20)), -1);
/// ```
pub fn days_between(from: Date, to: Date) -> i32 {
    // Civil dates have no time of day: the duration is a whole number of days, and jiff's
    // range (±10,000 years) stays far inside i32 days.
    let days = to.duration_since(from).as_secs().div_euclid(86_400);
    i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX })
}

/// Day steps that read naturally on a calendar axis (weeks, months, quarters, half years).
const DAY_STEPS: [i32; 11] = [1, 2, 7, 14, 30, 60, 90, 180, 365, 730, 1825];

/// The multiples of `step` inside `lo..=hi`, as (first, last) multipliers.
fn multiples(lo: i32, hi: i32, step: i32) -> (i64, i64) {
    let (lo, hi, s) = (i64::from(lo), i64::from(hi), i64::from(step));
    let first = lo.div_euclid(s) + i64::from(lo.rem_euclid(s) != 0);
    (first, hi.div_euclid(s))
}

/// Day ticks for days `lo..=hi`: multiples of a calendar-friendly step (1, 2, 7, 14, 30,
/// 60, 90, 180 days...), counted from day 0 so that "today" is a tick when it is in range.
///
/// # Examples
///
/// ```
/// use servicescore_charts::date::day_ticks;
/// assert_eq!(day_ticks(0, 180, 7), vec![0, 30, 60, 90, 120, 150, 180]);
/// assert_eq!(day_ticks(-7, 7, 5), vec![-7, 0, 7]);
/// ```
pub fn day_ticks(lo: i32, hi: i32, max_ticks: usize) -> Vec<i32> {
    if hi < lo {
        return Vec::new();
    }
    let max = max_ticks.max(2) as i64;
    let step = DAY_STEPS
        .iter()
        .copied()
        .find(|&s| {
            let (first, last) = multiples(lo, hi, s);
            last - first < max
        })
        .unwrap_or(DAY_STEPS[DAY_STEPS.len() - 1]);
    let (first, last) = multiples(lo, hi, step);
    (first..=last)
        .map(|n| (n * i64::from(step)) as i32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn days_round_trip_across_calendar_edges() {
        let d = date(2022, 8, 1);
        assert_eq!(add_days(d, 180), date(2023, 1, 28));
        assert_eq!(add_days(date(2099, 2, 28), 1), date(2099, 3, 1));
        assert_eq!(add_days(date(2000, 2, 28), 1), date(2000, 2, 29));
        for n in (-700_000..700_000).step_by(997) {
            assert_eq!(days_between(d, add_days(d, n)), n);
        }
        assert_eq!(add_days(Date::MAX, 1), Date::MAX);
        assert_eq!(add_days(Date::MIN, i32::MIN), Date::MIN);
    }

    #[test]
    fn day_ticks_start_at_today() {
        assert_eq!(day_ticks(0, 30, 7), vec![0, 7, 14, 21, 28]);
        assert_eq!(day_ticks(0, 10, 20), (0..=10).collect::<Vec<_>>());
        assert_eq!(day_ticks(-179, 0, 7), vec![-150, -120, -90, -60, -30, 0]);
        assert_eq!(day_ticks(3, 3, 5), vec![3]);
        assert!(day_ticks(3, 2, 5).is_empty());
        assert_eq!(day_ticks(0, 180, 2), vec![0, 180]);
    }
}
