//! Calendar plumbing shared by the timeline and the customer-service assessment: strict
//! `YYYY-MM-DD` dates for documents and options, the looser forms spreadsheets write in cells,
//! day numbers for arithmetic, and serde as `"YYYY-MM-DD"` strings.
//!
//! Dates are `jiff::civil::Date` (a civil date: no time zone is involved, the platform's days
//! are simply calendar days), re-exported here so that callers without a jiff dependency (the
//! page) name the same type. jiff is built without its default features, so its serde support
//! is not available and the two small adapters below write and read the ISO form themselves.

use jiff::civil::Time;
pub use jiff::civil::{Date, DateTime};
use jiff::SignedDuration;

/// What a date must look like, for error messages.
pub(crate) const DATE_HINT: &str = "expected YYYY-MM-DD";

const EPOCH: Date = Date::constant(1970, 1, 1);

/// Parses a date written exactly as `YYYY-MM-DD` (a valid calendar day, years 0000–9999).
///
/// Stricter than [`parse_cell_date`] on purpose: JSON documents and command-line options are
/// written by programs and by people who read `--help`, and `2026-11-20T00:00` there is a
/// mistake worth naming.
///
/// # Examples
///
/// ```
/// use servicescore::dates::parse_date;
/// assert_eq!(parse_date("2026-11-20").map(|d| d.to_string()).as_deref(), Some("2026-11-20"));
/// assert_eq!(parse_date("2026-02-30"), None);
/// assert_eq!(parse_date("2026-1-5"), None);
/// ```
pub fn parse_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    parse_cell_date(text)
}

/// Parses a date cell the way spreadsheets and the platform's back office write dates: year
/// first, then month and day of one or two digits, all three joined by the same `-`, `/` or
/// `.` (`2026-05-05`, `2026/5/5`, `2026.5.5`), or Chinese `2026年5月5日`. A time of exactly
/// midnight may follow (`2026/5/5 0:00`, what Excel writes for a date-time cell holding a day).
///
/// Refused: day-first and month-first dates (`5/6/2026` is May 6th or June 5th depending on the
/// computer that wrote it), two-digit years, and any other time of day.
///
/// # Examples
///
/// ```
/// use servicescore::dates::{parse_cell_date, Date};
/// let may5 = Some(Date::constant(2026, 5, 5));
/// for text in ["2026-05-05", "2026/5/5", "2026/05/05", "2026.5.5", "2026年5月5日", "2026/5/5 0:00"] {
///     assert_eq!(parse_cell_date(text), may5, "{text}");
/// }
/// assert_eq!(parse_cell_date("5/5/2026"), None);
/// assert_eq!(parse_cell_date("2026/5/5 8:00"), None);
/// ```
pub fn parse_cell_date(text: &str) -> Option<Date> {
    let (date, rest) = date_prefix(text)?;
    if rest.is_empty() {
        return Some(date);
    }
    let (time, _) = time_suffix(rest)?;
    (time == Time::midnight()).then_some(date)
}

/// A date-and-time cell, and whether it gave the seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellTime {
    /// The local date and time (seconds 0 when not given).
    pub at: DateTime,
    /// Whether the cell had seconds (`0:05:09`) rather than only minutes (`0:05`).
    pub has_seconds: bool,
}

/// Parses a date-and-time cell: a date as [`parse_cell_date`] reads it, one space or a `T`, and
/// the time as `H:MM` or `H:MM:SS` (hours of one or two digits, 0–23). Examples:
/// `2025-05-05 00:05:00`, `2025-05-05T00:05:00`, `2025/5/5 0:05:09`, `2025/5/5 0:05` (Excel's
/// default display drops the seconds).
///
/// Refused: fractions of a second, time zones or offsets (times are local), 12-hour clocks.
///
/// # Examples
///
/// ```
/// use servicescore::dates::{parse_cell_datetime, Date};
/// let t = parse_cell_datetime("2025/5/5 0:05").unwrap();
/// assert_eq!(t.at, Date::constant(2025, 5, 5).at(0, 5, 0, 0));
/// assert!(!t.has_seconds);
/// assert!(parse_cell_datetime("2025-05-05T00:05:09").unwrap().has_seconds);
/// assert_eq!(parse_cell_datetime("2025-05-05 24:00:00"), None);
/// ```
pub fn parse_cell_datetime(text: &str) -> Option<CellTime> {
    let (date, rest) = date_prefix(text)?;
    let (time, has_seconds) = time_suffix(rest)?;
    Some(CellTime {
        at: date.to_datetime(time),
        has_seconds,
    })
}

/// Leading ASCII digits of `s`: their value and count (at most `max` digits are read).
fn digits(s: &str, max: usize) -> (u32, usize) {
    let mut value = 0;
    let mut n = 0;
    for c in s.bytes().take(max) {
        if !c.is_ascii_digit() {
            break;
        }
        value = value * 10 + u32::from(c - b'0');
        n += 1;
    }
    (value, n)
}

/// A number of `min..=max` digits at the start of `s`, and the rest.
fn number(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let (v, n) = digits(s, max);
    // A third digit where two are the most would be a different number, not the end of this one.
    let more = s[n..].starts_with(|c: char| c.is_ascii_digit());
    (n >= min && !more).then(|| (v, &s[n..]))
}

/// The date at the start of `s` and what follows it.
fn date_prefix(s: &str) -> Option<(Date, &str)> {
    let (year, rest) = number(s, 4, 4)?;
    let sep = rest.chars().next()?;
    let (month_end, day_end) = match sep {
        '-' | '/' | '.' => (sep, None),
        '年' => ('月', Some('日')),
        _ => return None,
    };
    let (month, rest) = number(rest.strip_prefix(sep)?, 1, 2)?;
    let (day, mut rest) = number(rest.strip_prefix(month_end)?, 1, 2)?;
    if let Some(end) = day_end {
        rest = rest.strip_prefix(end)?;
    }
    let date = Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some((date, rest))
}

/// ` H:MM[:SS]` or `TH:MM[:SS]` making up the whole of `s`; whether seconds were given.
fn time_suffix(s: &str) -> Option<(Time, bool)> {
    let s = s.strip_prefix([' ', 'T'])?;
    let (hour, rest) = number(s, 1, 2)?;
    let (minute, rest) = number(rest.strip_prefix(':')?, 2, 2)?;
    let (second, rest, has_seconds) = match rest.strip_prefix(':') {
        Some(r) => {
            let (sec, r) = number(r, 2, 2)?;
            (sec, r, true)
        }
        None => (0, rest, false),
    };
    if !rest.is_empty() || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let part = |v: u32| i8::try_from(v).ok();
    let time = Time::new(part(hour)?, part(minute)?, part(second)?, 0).ok()?;
    Some((time, has_seconds))
}

/// Days since 1970-01-01 (negative before): plain integers make window arithmetic exact and
/// cheap.
pub(crate) fn day_number(d: Date) -> i64 {
    d.duration_since(EPOCH).as_secs().div_euclid(86_400)
}

/// The date of a day number; `None` beyond jiff's range (years −9999..9999).
pub(crate) fn date_of(n: i64) -> Option<Date> {
    let hours = n.checked_mul(24)?;
    if hours.unsigned_abs() > 24 * 8_000_000 {
        return None;
    }
    EPOCH.checked_add(SignedDuration::from_hours(hours)).ok()
}

/// `n` consecutive dates from `first`, or `None` if they run past 9999-12-31.
pub(crate) fn dates_from(first: Date, n: usize) -> Option<Vec<Date>> {
    let start = day_number(first);
    (0..n as i64).map(|k| date_of(start + k)).collect()
}

/// serde adapter: a [`Date`] as `"YYYY-MM-DD"`.
pub(crate) mod serde_date {
    use jiff::civil::Date;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_date(&text).ok_or_else(|| {
            de::Error::custom(format!("\"{text}\" is not a date ({})", super::DATE_HINT))
        })
    }
}

/// serde adapter: an `Option<Date>` as `"YYYY-MM-DD"` or `null`.
pub(crate) mod serde_opt_date {
    use jiff::civil::Date;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strict_dates() {
        assert_eq!(parse_date("2024-02-29"), Some(Date::constant(2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "20261120",
            "2026-11-20T00:00",
            " 2026-11-20",
            "2026/11/20",
            "２０２６-11-20",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn cell_dates() {
        let may5 = Some(Date::constant(2026, 5, 5));
        for text in [
            "2026-05-05",
            "2026-5-5",
            "2026/5/5",
            "2026/05/05",
            "2026/5/05",
            "2026.5.5",
            "2026.05.05",
            "2026年5月5日",
            "2026年05月05日",
            "2026/5/5 0:00",
            "2026/5/5 00:00:00",
            "2026-05-05T00:00:00",
        ] {
            assert_eq!(parse_cell_date(text), may5, "{text}");
        }
        for bad in [
            "5/5/2026",
            "05/05/2026",
            "26/5/5",
            "2026/5-5",
            "2026/005/05",
            "2026/5/",
            "2026//5",
            "2026年5月5",
            "2026/2/30",
            "2026/5/5 0:01",
            "2026/5/5 ",
            "2026/5/5  0:00",
            "20260505",
            "2026-05-05Z",
            " 2026-05-05",
            "２０２６/5/5",
            "",
        ] {
            assert_eq!(parse_cell_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn cell_datetimes() {
        let t = |text: &str| parse_cell_datetime(text).map(|c| (c.at, c.has_seconds));
        let at = |h, m, s| Date::constant(2025, 5, 5).at(h, m, s, 0);
        assert_eq!(t("2025/5/5 0:05"), Some((at(0, 5, 0), false)));
        assert_eq!(t("2025/5/5 0:05:09"), Some((at(0, 5, 9), true)));
        assert_eq!(t("2025-05-05 00:05:00"), Some((at(0, 5, 0), true)));
        assert_eq!(t("2025-05-05T00:05:00"), Some((at(0, 5, 0), true)));
        assert_eq!(t("2025.5.5 23:59:59"), Some((at(23, 59, 59), true)));
        assert_eq!(t("2025年5月5日 9:30"), Some((at(9, 30, 0), false)));
        for bad in [
            "2025-05-05",
            "2025-05-05 24:00:00",
            "2025-05-05 23:60:00",
            "2025-05-05 23:59:60",
            "2025-05-05 9:5",
            "2025-05-05 9:05:5",
            "2025-05-05 009:05",
            "2025-05-05 09:05:00.5",
            "2025-05-05 09:05:00Z",
            "2025-05-05 09:05:00+08:00",
            "2025-05-05 9:05 PM",
            "2025-05-05  09:05:00",
            "2025-05-05t09:05:00",
            "5/5/2025 9:05",
        ] {
            assert_eq!(t(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number(EPOCH), 0);
        assert_eq!(day_number(Date::constant(1969, 12, 31)), -1);
        assert_eq!(day_number(Date::constant(2026, 11, 20)), 20_777);
        assert_eq!(date_of(20_777), Some(Date::constant(2026, 11, 20)));
        assert_eq!(date_of(day_number(Date::MAX) + 1), None);
        assert_eq!(dates_from(Date::MAX, 2), None);
        assert_eq!(
            dates_from(Date::constant(2024, 2, 28), 2).unwrap()[1].day(),
            29
        );
    }

    proptest! {
        #[test]
        fn day_numbers_round_trip(n in -700_000i64..2_900_000) {
            let d = date_of(n).unwrap();
            prop_assert_eq!(day_number(d), n);
            prop_assert_eq!(parse_date(&d.to_string()), (d.year() >= 0).then_some(d));
        }
    }
}
