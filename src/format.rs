//! Number formatting for the page (values, scores, deltas, shares).

use servicescore::format_display;
use servicescore::rulepack::{MetricDef, Unit};

use crate::i18n::{Lang, T};
use crate::url::number_text;

/// A plain number as the page's language writes it: `62.5`, Spanish `62,5` (at most six
/// decimals, no trailing zeros).
pub fn number(v: f64, lang: Lang) -> String {
    localize(number_text(round_to(v, 6)), lang)
}

/// Puts the language's decimal separator into a number written with a point.
pub fn localize(s: String, lang: Lang) -> String {
    match lang {
        Lang::Es => s.replace('.', ","),
        Lang::Zh | Lang::En => s,
    }
}

/// A number for an SVG attribute: two decimals, a point (`37.50`).
pub fn fixed_attr(x: f64) -> String {
    servicescore::display::Fixed::round(x, 2).to_string()
}

/// A metric value with its unit: `62.5%`, `84 小时`, `4.7 分`.
pub fn value(m: &MetricDef, v: f64, lang: Lang) -> String {
    let n = number(v, lang);
    match m.unit {
        Unit::Percent => format!("{n}%"),
        Unit::Hours => format!("{n} {}", T::UnitHours.get(lang)),
        Unit::Points => format!("{n} {}", T::UnitPoints.get(lang)),
    }
}

/// The unit word of a metric.
pub fn unit(m: &MetricDef, lang: Lang) -> &'static str {
    match m.unit {
        Unit::Percent => T::UnitPercent.get(lang),
        Unit::Hours => T::UnitHours.get(lang),
        Unit::Points => T::UnitPoints.get(lang),
    }
}

/// A displayed score (`4.32`).
pub fn score(x: f64) -> String {
    format_display(x, 2)
}

/// A score at a pack's display precision in the page's language (`4.40`, Spanish `4,40`).
pub fn score_at(x: f64, decimals: u32, lang: Lang) -> String {
    localize(format_display(x, decimals), lang)
}

/// A signed change with a true minus sign (`+0.12`, `−0.05`, `±0.00`).
pub fn delta(x: f64, decimals: usize) -> String {
    let r = round_to(x, decimals as u32);
    if r == 0.0 {
        return format!("±{:.*}", decimals, 0.0);
    }
    let sign = if r > 0.0 { "+" } else { "−" };
    format!("{sign}{:.*}", decimals, r.abs())
}

/// The change between two scores as shown (each rounded to 2 decimals first, so the change
/// is the difference of the numbers on screen); `None` unless both exist.
pub fn score_change(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    Some(round_to(now?, 2) - round_to(before?, 2))
}

/// The class of a change badge: `delta-up`, `delta-down`, or none within `eps` of zero.
pub fn delta_class(d: f64, eps: f64) -> Option<&'static str> {
    if d > eps {
        Some("delta-up")
    } else if d < -eps {
        Some("delta-down")
    } else {
        None
    }
}

/// A share 0–1 as a percentage with at most one decimal (`82.5%`, `19%`).
pub fn share(p: f64) -> String {
    format!("{}%", number_text(round_to(p * 100.0, 1)))
}

/// A star count (`4.5`, `4`).
pub fn stars(s: f64) -> String {
    number_text(s)
}

/// A percentile knot label: `0.25` → `25`.
pub fn knot(p: f64) -> String {
    number_text(round_to(p * 100.0, 1))
}

/// Rounds half away from zero to `d` decimals.
pub fn round_to(x: f64, d: u32) -> f64 {
    servicescore::round_display(x, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use servicescore::RulePack;

    #[test]
    fn formats() {
        let p = RulePack::default_pack();
        let reply = p.metric("reply_3min_pct").unwrap();
        let hours = p.metric("pay_to_sign_hours").unwrap();
        assert_eq!(value(reply, 62.55, Lang::Zh), "62.55%");
        assert_eq!(value(hours, 84.0, Lang::Zh), "84 小时");
        assert_eq!(value(hours, 84.0, Lang::En), "84 h");
        assert_eq!(delta(0.123, 2), "+0.12");
        assert_eq!(delta(-0.05, 2), "−0.05");
        assert_eq!(delta(0.001, 2), "±0.00");
        assert_eq!(share(0.825), "82.5%");
        assert_eq!(share(0.19), "19%");
        assert_eq!(score(4.322357), "4.32");
    }
}
