//! How numbers and dates are written: [`ChartFormat`], injected by the caller (yew-chart's
//! habit), so that a chart reads as the page around it does (the page's rounding, a decimal
//! comma in Spanish, `11月3日` in Chinese). The charts decide only *how many* decimals a value
//! needs (from its axis step); they never write a number or a date themselves.

use jiff::civil::Date;

/// Writes the numbers and dates a chart shows. Every method gets a value the chart has already
/// chosen the precision for; how it looks (rounding, decimal mark, digits, date order) is the
/// implementor's.
pub trait ChartFormat {
    /// `v` with exactly `decimals` decimals: tick labels, values read off an axis.
    fn number(&self, v: f64, decimals: usize) -> String;

    /// A score as the page displays scores (its decimals and rounding).
    fn score(&self, v: f64) -> String;

    /// A percentage `v` (0–100) with exactly `decimals` decimals, sign included (`80%`).
    fn percent(&self, v: f64, decimals: usize) -> String;

    /// A day on an axis: short (`11-03`, `11月3日`).
    fn day_short(&self, d: Date) -> String;

    /// A day in a text alternative: unambiguous (`2026-11-03`).
    fn day_long(&self, d: Date) -> String;
}

/// A plain formatter: a decimal point, halves rounded away from zero, scores with two
/// decimals, `MM-DD` and ISO dates. For tests, tools and examples; the page passes its own.
///
/// # Examples
///
/// ```
/// use servicescore_charts::{ChartFormat, Plain};
/// assert_eq!(Plain.number(4.405, 2), "4.41");
/// assert_eq!(Plain.score(4.3223571), "4.32");
/// assert_eq!(Plain.percent(80.0, 0), "80%");
/// let d = jiff::civil::date(2026, 11, 3);
/// assert_eq!((Plain.day_short(d), Plain.day_long(d)), ("11-03".into(), "2026-11-03".into()));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Plain;

impl ChartFormat for Plain {
    fn number(&self, v: f64, decimals: usize) -> String {
        let d = decimals.min(12);
        format!("{:.*}", d, crate::scale::round_to(v, d))
    }

    fn score(&self, v: f64) -> String {
        self.number(v, 2)
    }

    fn percent(&self, v: f64, decimals: usize) -> String {
        format!("{}%", self.number(v, decimals))
    }

    fn day_short(&self, d: Date) -> String {
        format!("{:02}-{:02}", d.month(), d.day())
    }

    fn day_long(&self, d: Date) -> String {
        d.to_string()
    }
}
