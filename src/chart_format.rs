//! How the page writes the charts' numbers and dates ([`PageFormat`], the charts'
//! [`ChartFormat`]): in the page's language, with the core's display rounding.

use jiff::civil::Date;
use servicescore::RulePack;
use servicescore_charts::ChartFormat;

use crate::i18n::Lang;

/// How the page writes the charts' numbers and dates: the core's display rounding (halves away
/// from zero), a decimal comma in Spanish, scores with the pack's decimals, axis dates as
/// `11月3日`, `Nov 3` or `3 nov`, and full dates as `YYYY-MM-DD` (as the page's tables).
///
/// # Examples
///
/// ```
/// use servicescore_charts::ChartFormat;
/// use servicescore_web::chart_format::PageFormat;
/// use servicescore_web::i18n::Lang;
/// let es = PageFormat { lang: Lang::Es, score_decimals: 2 };
/// assert_eq!(es.score(4.395), "4,40");
/// assert_eq!(es.percent(80.0, 0), "80\u{a0}%");
/// let d = jiff::civil::date(2026, 11, 3);
/// assert_eq!(es.day_short(d), "3 nov");
/// assert_eq!(PageFormat { lang: Lang::Zh, score_decimals: 2 }.day_short(d), "11月3日");
/// ```
// TODO(merge): write numbers with the core's display/formatting module once it is on this
// branch (one rounding for the CLI, the page and the charts).
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
        let text = servicescore::format_display(v, u32::try_from(decimals).unwrap_or(6));
        match self.lang {
            Lang::Es => text.replace('.', ","),
            Lang::Zh | Lang::En => text,
        }
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
