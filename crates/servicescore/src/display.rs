//! Displayed numbers: the one rounding (halves away from zero, float noise snapped) and the
//! one way of writing a number with a fixed number of decimals, for scores, rates and values.
//!
//! Scores are shown at the pack's `score.decimals` and every star level and threshold is
//! judged on that shown value, so the rounding here is part of the model, not cosmetics. The
//! page and the command line write numbers only through this module, so they never disagree.
//!
//! Fixed decimals are written from integers ([`Fixed`]) rather than with `format!("{:.2}")`:
//! that keeps `core::fmt`'s exact float formatting out of the page, and it is
//! locale-independent — [`Fixed::to_string_with`] takes the decimal separator the page's
//! language uses.
//!
//! ```
//! use servicescore::display::{format_display, on_side, Side};
//! assert_eq!(format_display(4.405, 2), "4.41");
//! // A failing 79.96 % reply rate must not read as the 80 % target.
//! assert_eq!(on_side(79.96, 80.0, Side::Below, 1).to_string(), "79.9");
//! assert_eq!(on_side(79.96, 80.0, Side::Below, 1).to_string_with(','), "79,9");
//! ```

use std::fmt;

/// Most decimals written: 10^9 · |x| still fits the integer arithmetic for every value a pack
/// admits (ranges are bounded by ±1e9).
pub const MAX_DECIMALS: u32 = 9;

/// Values within this fraction of a unit of the last digit from a half are treated as that
/// half (binary floating point holds 4.405 as 4.40499999999…).
const SNAP: f64 = 1e9;

/// `x · 10^decimals`, with float noise within 1e-9 of a unit snapped away.
fn scaled(x: f64, decimals: u32) -> f64 {
    let s = x * 10f64.powi(decimals.min(MAX_DECIMALS) as i32);
    // Beyond 1e15 a float has no fraction left to snap (and `s · 1e9` could overflow).
    if s.abs() < 1e15 {
        (s * SNAP).round() / SNAP
    } else {
        s
    }
}

/// Rounds half away from zero to `decimals` places, the way the platform displays scores.
///
/// Binary floating point cannot hold most decimals exactly: a mean that is 4.405 on paper may
/// be 4.40499999999 in the machine. Values within 1e-9 of a half (in units of the last
/// displayed digit) are therefore treated as that half. At most [`MAX_DECIMALS`] places.
///
/// # Examples
///
/// ```
/// use servicescore::round_display;
/// assert_eq!(round_display(4.405, 2), 4.41);
/// assert_eq!(round_display(4.3223571, 2), 4.32);
/// assert_eq!(round_display(4.394999999999, 2), 4.40);
/// assert_eq!(round_display(-1.005, 2), -1.01);
/// ```
pub fn round_display(x: f64, decimals: u32) -> f64 {
    let d = decimals.min(MAX_DECIMALS);
    scaled(x, d).round() / 10f64.powi(d as i32)
}

/// `x` rounded by [`round_display`] and written with exactly `decimals` places (`4.40`);
/// never `-0.00`.
///
/// # Examples
///
/// ```
/// use servicescore::format_display;
/// assert_eq!(format_display(4.322357, 2), "4.32");
/// assert_eq!(format_display(4.35, 1), "4.4");
/// assert_eq!(format_display(3.0, 2), "3.00");
/// ```
pub fn format_display(x: f64, decimals: u32) -> String {
    Fixed::round(x, decimals).to_string()
}

/// The shortest decimal form that reads back as `v` (`62.5`, `100`, `0.1`): for values given
/// by a user or a pack, in messages and tables. Computed values should be rounded first (see
/// [`round_display`]), or they show their float noise (`4.699999999999999`).
///
/// # Examples
///
/// ```
/// use servicescore::display::fmt_num;
/// assert_eq!(fmt_num(100.0), "100");
/// assert_eq!(fmt_num(62.5), "62.5");
/// assert_eq!(fmt_num(-0.25), "-0.25");
/// ```
pub fn fmt_num(v: f64) -> String {
    let s = format!("{v}");
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// Decimals needed to write `x` exactly, at most 6 (0 for 1, 2 for 0.05): the decimals of a
/// slider step, of a value typed by a user.
///
/// # Examples
///
/// ```
/// use servicescore::display::decimals_of;
/// assert_eq!(decimals_of(1.0), 0);
/// assert_eq!(decimals_of(0.05), 2);
/// assert_eq!(decimals_of(62.55), 2);
/// ```
pub fn decimals_of(x: f64) -> u32 {
    (0..6)
        .find(|&d| {
            let s = x * 10f64.powi(d as i32);
            (s - s.round()).abs() < 1e-9
        })
        .unwrap_or(6)
}

/// A number rounded to a fixed number of decimals, kept as integers: `integer.fraction`.
///
/// `Display` writes it with a `.` (`79.9`); [`Fixed::to_string_with`] with any separator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fixed {
    /// Whether it is below zero (never for a value that rounds to zero).
    pub negative: bool,
    /// The digits of `|x|` times 10^decimals, e.g. 799 for 79.9 at one decimal. `None` when
    /// the number is too large for integers or not finite: then the shortest form is written.
    units: Option<u64>,
    /// The value rounded (written when `units` is `None`).
    value: f64,
    /// Decimals written.
    pub decimals: u32,
}

impl Fixed {
    /// `x` rounded half away from zero to `decimals` places (see [`round_display`]).
    pub fn round(x: f64, decimals: u32) -> Fixed {
        let d = decimals.min(MAX_DECIMALS);
        Fixed::from_units(scaled(x, d).round(), d)
    }

    /// From a whole number of units of the last digit (`799.0` at 1 decimal: 79.9).
    fn from_units(k: f64, decimals: u32) -> Fixed {
        // 2^63: beyond it (or for NaN and infinities) integers no longer hold every digit.
        let units = (k.is_finite() && k.abs() < 9.2e18).then(|| k.abs() as u64);
        Fixed {
            negative: k < 0.0 && units != Some(0),
            units,
            value: k / 10f64.powi(decimals as i32),
            decimals,
        }
    }

    /// The value as a number (`79.9`).
    pub fn value(&self) -> f64 {
        match self.units {
            Some(u) => {
                let v = u as f64 / 10f64.powi(self.decimals as i32);
                if self.negative {
                    -v
                } else {
                    v
                }
            }
            None => self.value,
        }
    }

    /// The number written with `separator` between the integer and the fraction (`79,9` with
    /// `','`): what a page in a language with a decimal comma shows.
    pub fn to_string_with(&self, separator: char) -> String {
        let Some(units) = self.units else {
            return fmt_num(self.value);
        };
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        let f = 10u64.pow(self.decimals);
        out.push_str(&(units / f).to_string());
        if self.decimals > 0 {
            out.push(separator);
            let frac = (units % f).to_string();
            for _ in frac.len()..self.decimals as usize {
                out.push('0');
            }
            out.push_str(&frac);
        }
        out
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_with('.'))
    }
}

/// Which side of a target a shown number must stay on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Strictly below (a failed reply rate).
    Below,
    /// At or below (a dissatisfaction rate within target).
    AtMost,
    /// At or above (a passed reply rate).
    AtLeast,
    /// Strictly above (a dissatisfaction rate over target).
    Above,
}

impl Side {
    /// Whether `x` is on this side of `target`.
    pub fn holds(self, x: f64, target: f64) -> bool {
        match self {
            Side::Below => x < target,
            Side::AtMost => x <= target,
            Side::AtLeast => x >= target,
            Side::Above => x > target,
        }
    }
}

/// `v` rounded half away from zero to `decimals` places, unless that would put it on the
/// wrong side of `target`: then rounded toward its side instead. A 79.96 % reply rate that
/// fails an 80 % target reads `79.9`, never `80.0`; a 10.04 % dissatisfaction over a 10 %
/// target reads `10.1`.
///
/// # Examples
///
/// ```
/// use servicescore::display::{on_side, Side};
/// assert_eq!(on_side(77.34375, 80.0, Side::Below, 1).to_string(), "77.3");
/// assert_eq!(on_side(79.96, 80.0, Side::Below, 1).to_string(), "79.9");
/// assert_eq!(on_side(80.04, 80.0, Side::AtLeast, 1).to_string(), "80.0");
/// assert_eq!(on_side(10.04, 10.0, Side::Above, 1).to_string(), "10.1");
/// ```
pub fn on_side(v: f64, target: f64, side: Side, decimals: u32) -> Fixed {
    let rounded = Fixed::round(v, decimals);
    if side.holds(rounded.value(), target) || !side.holds(v, target) {
        // On its side already; or `v` itself is not (then no rounding can help).
        return rounded;
    }
    let d = decimals.min(MAX_DECIMALS);
    let exact = v * 10f64.powi(d as i32);
    let toward = match side {
        Side::Below | Side::AtMost => exact.floor(),
        Side::AtLeast | Side::Above => exact.ceil(),
    };
    let candidate = Fixed::from_units(toward, d);
    if side.holds(candidate.value(), target) {
        return candidate;
    }
    // Float noise put the floor (ceiling) on the target itself: one unit further.
    let step = match side {
        Side::Below | Side::AtMost => -1.0,
        Side::AtLeast | Side::Above => 1.0,
    };
    Fixed::from_units(toward + step, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(format_display(4.405, 2), "4.41");
        assert_eq!(format_display(4.404999, 2), "4.40");
        assert_eq!(format_display(4.395, 2), "4.40");
        assert_eq!(format_display(3.0, 2), "3.00");
        assert_eq!(format_display(4.45, 1), "4.5");
        assert_eq!(format_display(4.44999, 1), "4.4");
        assert_eq!(format_display(-1.005, 2), "-1.01");
        assert_eq!(format_display(-0.001, 2), "0.00");
        assert_eq!(format_display(0.05, 1), "0.1");
        assert_eq!(format_display(7.0, 0), "7");
        assert_eq!(format_display(1234.5678, 3), "1234.568");
        assert_eq!(format_display(0.000001, 6), "0.000001");
        assert_eq!(round_display(-1.005, 2), -1.01);
    }

    #[test]
    fn fixed_writes_every_digit_and_any_separator() {
        let f = Fixed::round(3.05, 2);
        assert_eq!(f.to_string(), "3.05");
        assert_eq!(f.to_string_with(','), "3,05");
        assert_eq!(f.value(), 3.05);
        assert_eq!(Fixed::round(-12.5, 0).to_string(), "-13");
        assert_eq!(Fixed::round(1e300, 2).to_string(), fmt_num(1e300));
        assert_eq!(Fixed::round(f64::NAN, 2).to_string(), "NaN");
        assert_eq!(Fixed::round(1.5, 40).decimals, MAX_DECIMALS);
    }

    #[test]
    fn rates_stay_on_their_side() {
        let s = |v, t, side| on_side(v, t, side, 1).to_string();
        assert_eq!(s(80.0, 80.0, Side::AtLeast), "80.0");
        assert_eq!(s(80.04, 80.0, Side::AtLeast), "80.0");
        assert_eq!(s(79.95, 80.0, Side::Below), "79.9");
        assert_eq!(s(79.96, 80.0, Side::Below), "79.9");
        assert_eq!(s(79.999999999999, 80.0, Side::Below), "79.9");
        assert_eq!(s(10.0, 10.0, Side::AtMost), "10.0");
        assert_eq!(s(9.96, 10.0, Side::AtMost), "10.0");
        assert_eq!(s(10.01, 10.0, Side::Above), "10.1");
        assert_eq!(s(10.000000000001, 10.0, Side::Above), "10.1");
        assert_eq!(s(77.34375, 80.0, Side::Below), "77.3");
        // Not on its side at all: plain rounding, nothing invented.
        assert_eq!(s(81.0, 80.0, Side::Below), "81.0");
    }

    #[test]
    fn shortest_forms() {
        assert_eq!(fmt_num(0.1), "0.1");
        assert_eq!(fmt_num(1e-7), "0.0000001");
        assert_eq!(decimals_of(0.1), 1);
        assert_eq!(decimals_of(1e-9), 6);
    }
}
