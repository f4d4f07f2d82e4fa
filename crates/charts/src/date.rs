//! Day axes: day offsets (0 = today) shown either as signed offsets or as calendar dates
//! counted from an origin, without a date library (proleptic Gregorian arithmetic).

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// Year, e.g. 2024.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day of month 1–31.
    pub day: u8,
}

impl CivilDate {
    /// A date if `year-month-day` exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        let d = CivilDate { year, month, day };
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then_some(d)
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// # Examples
    ///
    /// ```
    /// use servicescore_charts::CivilDate;
    /// let d = CivilDate::parse("2024-02-28").unwrap();
    /// assert_eq!(d.add_days(1).to_string(), "2024-02-29");
    /// assert_eq!(CivilDate::parse("2023-02-29"), None);
    /// ```
    pub fn parse(s: &str) -> Option<CivilDate> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        CivilDate::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> CivilDate {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        CivilDate {
            year: year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
            month,
            day,
        }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i32) -> CivilDate {
        CivilDate::from_days(self.to_days() + i64::from(n))
    }

    /// `MM-DD`, the short form used on day axes.
    pub fn month_day(self) -> String {
        format!("{:02}-{:02}", self.month, self.day)
    }
}

impl std::fmt::Display for CivilDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// How day offsets are labelled on an axis and in text alternatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayAxis {
    /// The date of day offset 0. With it, days read `MM-DD` (`YYYY-MM-DD` in text
    /// alternatives); without it, as signed offsets `-7`, `0`, `+30`.
    pub origin: Option<CivilDate>,
}

impl DayAxis {
    /// The short label of day offset `day` (axis ticks).
    ///
    /// # Examples
    ///
    /// ```
    /// use servicescore_charts::{CivilDate, DayAxis};
    /// assert_eq!(DayAxis::default().short(30), "+30");
    /// let axis = DayAxis { origin: CivilDate::new(2024, 12, 25) };
    /// assert_eq!(axis.short(7), "01-01");
    /// ```
    pub fn short(&self, day: i32) -> String {
        match self.origin {
            Some(d) => d.add_days(day).month_day(),
            None => offset(day),
        }
    }

    /// The full label of day offset `day` (text alternatives).
    pub fn long(&self, day: i32) -> String {
        match self.origin {
            Some(d) => d.add_days(day).to_string(),
            None => offset(day),
        }
    }
}

fn offset(day: i32) -> String {
    if day == 0 {
        "0".to_owned()
    } else {
        format!("{day:+}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        assert_eq!(CivilDate::new(1970, 1, 1).map(CivilDate::to_days), Some(0));
        assert_eq!(
            CivilDate::new(2000, 3, 1).map(CivilDate::to_days),
            Some(11_017)
        );
        assert_eq!(
            CivilDate::new(1969, 12, 31).map(CivilDate::to_days),
            Some(-1)
        );
        for n in (-800_000..800_000).step_by(997) {
            assert_eq!(CivilDate::from_days(n).to_days(), n);
        }
    }

    #[test]
    fn calendar_edges() {
        let d = CivilDate::new(2022, 8, 1).unwrap();
        assert_eq!(d.add_days(-180).to_string(), "2022-02-02");
        assert_eq!(d.add_days(180).to_string(), "2023-01-28");
        assert_eq!(CivilDate::new(2100, 2, 29), None);
        assert!(CivilDate::new(2000, 2, 29).is_some());
        assert_eq!(CivilDate::new(2024, 13, 1), None);
        assert_eq!(CivilDate::new(2024, 4, 31), None);
    }

    #[test]
    fn parse_is_strict() {
        assert_eq!(CivilDate::parse("2022-08-01"), CivilDate::new(2022, 8, 1));
        for bad in [
            "2022-8-01",
            "2022/08/01",
            "2022-08-1 ",
            "+022-08-01",
            "2022-00-10",
            "",
        ] {
            assert_eq!(CivilDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn axis_labels() {
        let plain = DayAxis::default();
        assert_eq!(plain.short(0), "0");
        assert_eq!(plain.short(-7), "-7");
        assert_eq!(plain.long(5), "+5");
        let dated = DayAxis {
            origin: CivilDate::new(2022, 8, 1),
        };
        assert_eq!(dated.short(-1), "07-31");
        assert_eq!(dated.long(30), "2022-08-31");
    }
}
