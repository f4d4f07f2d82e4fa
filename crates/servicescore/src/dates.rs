//! Calendar plumbing shared by the timeline and the customer-service assessment: strict
//! `YYYY-MM-DD` dates, day numbers for arithmetic, and serde as `"YYYY-MM-DD"` strings.
//!
//! Dates are `jiff::civil::Date` (a civil date: no time zone is involved, the platform's days
//! are simply calendar days). jiff is built without its default features, so its serde support
//! is not available and the two small adapters below write and read the ISO form themselves.

use jiff::civil::Date;
use jiff::SignedDuration;

/// What a date must look like, for error messages.
pub(crate) const DATE_HINT: &str = "expected YYYY-MM-DD";

const EPOCH: Date = Date::constant(1970, 1, 1);

/// Parses a date written exactly as `YYYY-MM-DD` (a valid calendar day, years 0000–9999).
///
/// Stricter than jiff's parser on purpose: a spreadsheet that rewrites dates as `20261120` or
/// `2026-11-20T00:00` should be caught, not guessed.
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
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        b.get(r.clone())?.iter().try_fold(0i32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
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
