//! Honest ranges on the page (区间, SPEC §6): each score shown with the band of scores that the
//! packs agreeing with what is known give — "4.52 (4.45–4.58)". The core works them out
//! ([`servicescore::calibrate::Ranges`]); this module prepares them once per pack and industry
//! (the envelope packs, the calibration's pinned snapshots) and words them.
//!
//! Without a calibration the range is the default pack's own honesty: its assumed constants
//! varied within the bounds the pack documents (tagged *assumed* where shown). With one, the
//! range is pinned to the dashboard: zero width at its values, growing with the distance.

use std::rc::Rc;

use servicescore::calibrate::{Band, Ranges, ScoreRanges};
use servicescore::{RulePack, Scenario};

use crate::format;
use crate::i18n::{fill, Lang};

crate::i18n::texts! {
    RangeText;
    Spoken => ["区间 {lo} 至 {hi}", "range {lo} to {hi}", "intervalo de {lo} a {hi}"],
    AssumedTitle => ["假设的常数在规则包说明的范围内变化时得出的分数区间", "The scores the assumed constants give anywhere within the bounds the rule pack documents", "Las puntuaciones que dan las constantes supuestas en cualquier punto de los márgenes que documenta el paquete de reglas"],
    CalibratedTitle => ["与你的后台数据一致的规则得出的分数区间：在你后台数据的数值处宽度为零，离得越远越宽", "The scores of the rules that agree with your dashboard: zero width at your dashboard's values, wider the further from them", "Las puntuaciones de las reglas que concuerdan con tu panel: anchura cero en los valores de tu panel, más ancho cuanto más lejos"],
    CalibratedShort => ["已校准", "calibrated", "calibrado"],
}

/// The ranges of one pack in one industry, prepared once (compared by identity, so a slider
/// move never compares them field by field). `None` inside: the pack gives no uncertainty
/// bounds, or does not know the industry — no range is shown.
#[derive(Debug, Clone)]
pub struct PackRanges(Option<Rc<Ranges>>);

impl PartialEq for PackRanges {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl PackRanges {
    /// Prepares the ranges of `pack` in `industry`.
    pub fn new(pack: &RulePack, industry: &str) -> PackRanges {
        PackRanges(Ranges::new(pack, industry).ok().map(Rc::new))
    }

    /// The ranges of `scenario`'s values (`None` without ranges).
    pub fn of(&self, scenario: &Scenario) -> Option<ScoreRanges> {
        let r = self.0.as_ref()?;
        Some(r.of(&scenario.values(r.pack())))
    }
}

/// What is known about the pack's ranges in `industry`: whether they are pinned to a
/// calibration (and its date), or the assumed constants' documented bounds.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// Pinned to the merchant's dashboard (the latest snapshot's date, when given).
    Calibrated(Option<String>),
    /// The assumed constants varied within their documented bounds.
    Assumed,
}

impl Basis {
    /// The basis of `pack`'s ranges in `industry` (a calibration pins only its own industry).
    pub fn of(pack: &RulePack, industry: &str) -> Basis {
        match &pack.calibration {
            Some(c) if c.industry == industry => Basis::Calibrated(c.date.clone()),
            _ => Basis::Assumed,
        }
    }

    /// The range's tooltip.
    pub fn title(&self, lang: Lang) -> &'static str {
        match self {
            Basis::Calibrated(_) => RangeText::CalibratedTitle.get(lang),
            Basis::Assumed => RangeText::AssumedTitle.get(lang),
        }
    }
}

/// The ends of a band as the core shows scores (`["4.45", "4.58"]`: the hooks' form).
pub fn ends(band: Band, decimals: u32) -> [String; 2] {
    [
        servicescore::format_display(band.lo, decimals),
        servicescore::format_display(band.hi, decimals),
    ]
}

/// A band as the page shows it beside a score: `(4.45–4.58)`, Spanish `(4,45–4,58)`.
pub fn text(band: Band, decimals: u32, lang: Lang) -> String {
    format!(
        "({}–{})",
        format::score_at(band.lo, decimals, lang),
        format::score_at(band.hi, decimals, lang)
    )
}

/// What a screen reader says for a band: "range 4.45 to 4.58".
pub fn spoken(band: Band, decimals: u32, lang: Lang) -> String {
    fill(
        RangeText::Spoken.get(lang),
        &[
            ("lo", &format::score_at(band.lo, decimals, lang)),
            ("hi", &format::score_at(band.hi, decimals, lang)),
        ],
    )
}

/// The short word for a calibrated pack (the phone's sticky score line).
pub fn calibrated_short(lang: Lang) -> &'static str {
    RangeText::CalibratedShort.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::medians;
    use servicescore::calibrate::{calibrate, Dashboard};

    #[test]
    fn the_default_pack_has_assumed_ranges_around_its_score() {
        let pack = RulePack::default_pack();
        let r = PackRanges::new(pack, "general");
        assert_eq!(r, r.clone());
        assert_ne!(r, PackRanges::new(pack, "general"));
        let band = r.of(&medians(pack)).and_then(|x| x.score).unwrap();
        assert!(band.lo < 4.4 && 4.4 < band.hi, "{band:?}");
        assert_eq!(Basis::of(pack, "general"), Basis::Assumed);
        let t = text(Band { lo: 4.45, hi: 4.58 }, 2, Lang::Es);
        assert_eq!(t, "(4,45–4,58)");
        assert_eq!(
            spoken(
                Band {
                    lo: 4.449,
                    hi: 4.5751
                },
                2,
                Lang::En
            ),
            "range 4.45 to 4.58"
        );
        assert_eq!(
            spoken(Band { lo: 4.0, hi: 4.5 }, 2, Lang::Zh),
            "区间 4.00 至 4.50"
        );
        assert_eq!(ends(Band { lo: 4.0, hi: 4.5 }, 1), ["4.0", "4.5"]);
    }

    #[test]
    fn a_calibrated_pack_has_zero_width_at_its_dashboard() {
        let pack = RulePack::default_pack();
        let s = medians(pack);
        let text = format!(
            r#"{{"snapshots": [{{"date": "2026-11-20", "metrics": {}, "score": 4.21}}]}}"#,
            serde_json::to_string(&s.metrics).unwrap()
        );
        let (cal, _) = calibrate(pack, &Dashboard::from_json(&text, pack).unwrap()).unwrap();
        let r = PackRanges::new(&cal, "general");
        let band = r.of(&s).and_then(|x| x.score).unwrap();
        assert_eq!(ends(band, 2), ["4.21", "4.21"]);
        assert_eq!(
            Basis::of(&cal, "general"),
            Basis::Calibrated(Some("2026-11-20".into()))
        );
        // Another industry is not pinned by this calibration.
        assert_eq!(Basis::of(&cal, "food"), Basis::Assumed);
        // A pack without uncertainty bounds shows no range.
        let mut bare = pack.clone();
        bare.uncertainty = None;
        assert_eq!(PackRanges::new(&bare, "general").of(&s), None);
    }
}
