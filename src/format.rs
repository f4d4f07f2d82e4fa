//! How the page writes numbers and dates: values with their units, scores, deltas, shares,
//! and the charts' numbers and dates ([`PageFormat`], the formatter handed to the charts as
//! their [`ChartFormat`]). The rounding and the digits are the core's
//! ([`servicescore::display`]: halves away from zero, the shortest exact text); this module
//! only adds the page's language (a decimal comma in Spanish, unit words, month names).

use jiff::civil::Date;
use servicescore::display::fmt_num;
use servicescore::format_display;
use servicescore::rulepack::{MetricDef, Unit};
use servicescore::RulePack;
use servicescore_charts::ChartFormat;

use crate::i18n::{Lang, Text};

/// A plain number as the page's language writes it: `62.5`, Spanish `62,5` (at most six
/// decimals, no trailing zeros).
pub fn number(v: f64, lang: Lang) -> String {
    localize(fmt_num(round_to(v, 6)), lang)
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
        Unit::Hours => format!("{n} {}", Text::UnitHours.get(lang)),
        Unit::Points => format!("{n} {}", Text::UnitPoints.get(lang)),
    }
}

/// The unit word of a metric.
pub fn unit(m: &MetricDef, lang: Lang) -> &'static str {
    match m.unit {
        Unit::Percent => Text::UnitPercent.get(lang),
        Unit::Hours => Text::UnitHours.get(lang),
        Unit::Points => Text::UnitPoints.get(lang),
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
    format!("{}%", fmt_num(round_to(p * 100.0, 1)))
}

/// A star count in the page's language (`4.5`, `4`, Spanish `4,5`).
pub fn stars(s: f64, lang: Lang) -> String {
    localize(fmt_num(s), lang)
}

/// A percentile knot label: `0.25` → `25`.
pub fn knot(p: f64) -> String {
    fmt_num(round_to(p * 100.0, 1))
}

/// Rounds half away from zero to `d` decimals.
pub fn round_to(x: f64, d: u32) -> f64 {
    servicescore::round_display(x, d)
}

/// How the page writes the charts' numbers and dates: the core's display rounding (halves away
/// from zero), a decimal comma in Spanish, scores with the pack's decimals, axis dates as
/// `11月3日`, `Nov 3` or `3 nov`, and full dates as `YYYY-MM-DD` (as the page's tables).
///
/// # Examples
///
/// ```
/// use servicescore_charts::ChartFormat;
/// use servicescore_web::format::PageFormat;
/// use servicescore_web::i18n::Lang;
/// let es = PageFormat { lang: Lang::Es, score_decimals: 2 };
/// assert_eq!(es.score(4.395), "4,40");
/// assert_eq!(es.percent(80.0, 0), "80\u{a0}%");
/// let d = jiff::civil::date(2026, 11, 3);
/// assert_eq!(es.day_short(d), "3 nov");
/// assert_eq!(PageFormat { lang: Lang::Zh, score_decimals: 2 }.day_short(d), "11月3日");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageFormat {
    /// The page's language.
    pub lang: Lang,
    /// Decimals of a displayed score (the rule pack's).
    pub score_decimals: u32,
}

impl PageFormat {
    /// The format for `pack`'s scores in `lang`.
    pub fn new(pack: &RulePack, lang: Lang) -> PageFormat {
        PageFormat {
            lang,
            score_decimals: pack.score.decimals.value,
        }
    }
}

/// Short month names for axis dates.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_ES: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];

impl ChartFormat for PageFormat {
    fn number(&self, v: f64, decimals: usize) -> String {
        localize(
            format_display(v, u32::try_from(decimals).unwrap_or(6)),
            self.lang,
        )
    }

    fn score(&self, v: f64) -> String {
        self.number(v, self.score_decimals as usize)
    }

    fn percent(&self, v: f64, decimals: usize) -> String {
        let n = self.number(v, decimals);
        match self.lang {
            // Spanish sets the sign apart (RAE): «80 %».
            Lang::Es => format!("{n}\u{a0}%"),
            Lang::Zh | Lang::En => format!("{n}%"),
        }
    }

    fn day_short(&self, d: Date) -> String {
        let month = usize::try_from(d.month() - 1).unwrap_or(0).min(11);
        match self.lang {
            Lang::Zh => format!("{}月{}日", d.month(), d.day()),
            Lang::En => format!("{} {}", MONTHS_EN[month], d.day()),
            Lang::Es => format!("{} {}", d.day(), MONTHS_ES[month]),
        }
    }

    fn day_long(&self, d: Date) -> String {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data::stars_label;
    use servicescore::timeline::parse_date;

    fn pack() -> &'static RulePack {
        RulePack::default_pack()
    }

    #[test]
    fn formats() {
        let p = pack();
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

    #[test]
    fn the_page_writes_numbers_and_dates_in_its_language() {
        let es = PageFormat::new(pack(), Lang::Es);
        assert_eq!(es.number(4.405, 2), "4,41");
        assert_eq!(es.score(4.4), "4,40");
        let en = PageFormat::new(pack(), Lang::En);
        assert_eq!(en.score(4.4), "4.40");
        assert_eq!(en.percent(79.5, 1), "79.5%");
        let d = parse_date("2026-01-09").unwrap();
        assert_eq!(en.day_short(d), "Jan 9");
        assert_eq!(PageFormat::new(pack(), Lang::Zh).day_short(d), "1月9日");
        assert_eq!(es.day_long(d), "2026-01-09");
        assert_eq!(stars_label(4.5, &es), "4,5★");
        assert_eq!(stars_label(4.0, &en), "4★");
    }
}
