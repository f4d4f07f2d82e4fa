//! What the dashboard form holds — one or more days of the back office — and how it becomes
//! the core's dashboard file (SPEC §6) and a calibration.

use std::collections::BTreeMap;

use servicescore::calibrate::{base_of, calibrate, Dashboard, DashboardError, Report};
use servicescore::rulepack::Snapshot;
use servicescore::{RulePack, Scenario};

/// One day of the back office, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Day {
    /// `YYYY-MM-DD`, or empty.
    pub date: String,
    /// The overall score shown.
    pub score: Option<f64>,
    /// Dimension id → score shown.
    pub dimensions: BTreeMap<String, Option<f64>>,
    /// Metric id → value.
    pub metrics: BTreeMap<String, Option<f64>>,
    /// Metric id → its industry rank as the back office shows it, a percentage ("超过 62%
    /// 同行" → 62; the dashboard file holds 0.62).
    pub ranks: BTreeMap<String, Option<f64>>,
}

impl Day {
    /// A day prefilled from `scenario`: its metric values, and the scores `pack` shows for
    /// them, to be overwritten with the back office's.
    pub fn prefill(pack: &RulePack, scenario: &Scenario) -> Day {
        let ev = servicescore::evaluate(pack, scenario).ok();
        let read = |s: &str| s.parse::<f64>().ok();
        Day {
            date: String::new(),
            score: ev
                .as_ref()
                .and_then(|e| e.display_score.as_deref())
                .and_then(read),
            dimensions: pack
                .dimensions
                .iter()
                .map(|d| {
                    let v = ev
                        .as_ref()
                        .and_then(|e| e.dimensions.get(&d.id))
                        .and_then(|r| read(&r.display_score));
                    (d.id.clone(), v)
                })
                .collect(),
            metrics: pack
                .metrics
                .iter()
                .map(|m| (m.id.clone(), scenario.metrics.get(&m.id).copied().flatten()))
                .collect(),
            ranks: BTreeMap::new(),
        }
    }

    /// A day as a calibration kept it (what was typed last time).
    pub fn from_snapshot(s: &Snapshot) -> Day {
        Day {
            date: s.date.clone().unwrap_or_default(),
            score: s.score,
            dimensions: s
                .dimensions
                .iter()
                .map(|(k, v)| (k.clone(), Some(*v)))
                .collect(),
            metrics: s.metrics.clone(),
            ranks: s
                .percentiles
                .iter()
                .map(|(k, p)| (k.clone(), Some(servicescore::round_display(p * 100.0, 6))))
                .collect(),
        }
    }

    /// The next day to type: the same metric values (most change little from one day to the
    /// next), no date, no scores and no ranks (the back office's own, to be typed).
    pub fn next(&self) -> Day {
        Day {
            metrics: self.metrics.clone(),
            ..Day::default()
        }
    }

    /// The day as a snapshot of the dashboard file.
    fn to_value(&self) -> serde_json::Value {
        let mut snap = serde_json::Map::new();
        let date = self.date.trim();
        if !date.is_empty() {
            snap.insert("date".into(), date.into());
        }
        snap.insert(
            "metrics".into(),
            serde_json::to_value(&self.metrics).unwrap_or_default(),
        );
        if let Some(s) = self.score {
            snap.insert("score".into(), s.into());
        }
        let given = |m: &BTreeMap<String, Option<f64>>, scale: f64| -> serde_json::Value {
            m.iter()
                .filter_map(|(k, v)| v.map(|v| (k.clone(), (v / scale).into())))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        let dims = given(&self.dimensions, 1.0);
        if dims.as_object().is_some_and(|o| !o.is_empty()) {
            snap.insert("dimensions".into(), dims);
        }
        let ranks = given(&self.ranks, 100.0);
        if ranks.as_object().is_some_and(|o| !o.is_empty()) {
            snap.insert("percentiles".into(), ranks);
        }
        snap.into()
    }
}

/// The form: the days typed, in the order shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// At least one.
    pub days: Vec<Day>,
}

impl Form {
    /// The form as it opens: the days the pack in use was calibrated to (when it was, in
    /// this industry), else one day prefilled from `scenario` and the pack in use.
    pub fn prefill(pack: &RulePack, scenario: &Scenario) -> Form {
        match &pack.calibration {
            Some(c) if c.industry == scenario.industry && !c.snapshots.is_empty() => Form {
                days: c.snapshots.iter().map(Day::from_snapshot).collect(),
            },
            _ => Form {
                days: vec![Day::prefill(pack, scenario)],
            },
        }
    }

    /// Adds a day after the last ([`Day::next`]).
    pub fn add_day(&mut self) {
        let next = self.days.last().map(Day::next).unwrap_or_default();
        self.days.push(next);
    }

    /// Removes day `k` (never the only one).
    pub fn remove_day(&mut self, k: usize) {
        if self.days.len() > 1 && k < self.days.len() {
            self.days.remove(k);
        }
    }

    /// The dashboard file (SPEC §6) for `industry`.
    pub fn to_json(&self, industry: &str) -> String {
        let snaps: Vec<serde_json::Value> = self.days.iter().map(Day::to_value).collect();
        serde_json::json!({"industry": industry, "snapshots": snaps}).to_string()
    }
}

/// A calibration done by the form.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The calibrated pack.
    pub pack: RulePack,
    /// What the fit did, per day.
    pub report: Report,
    /// When the pack in use was calibrated already: the pack this calibration started from
    /// again (its title) and the date the replaced calibration was for.
    pub replaced: Option<Replaced>,
}

/// A calibration replaced by a new one.
#[derive(Debug, Clone, PartialEq)]
pub struct Replaced {
    /// The base pack started from again.
    pub base: RulePack,
    /// The date of the calibration replaced (its latest snapshot), if it had one.
    pub date: Option<String>,
}

/// What a new calibration would replace: `Some` when the pack in use is calibrated and its
/// base can be recovered ([`base_of`]).
pub fn replaces(pack: &RulePack) -> Option<Replaced> {
    let c = pack.calibration.as_ref()?;
    let base = base_of(pack).ok()?;
    Some(Replaced {
        base: base.into_owned(),
        date: c.date.clone(),
    })
}

/// Calibrates to the form, always from an uncalibrated pack: the pack in use, or when that
/// is calibrated already, the pack its calibration came from ([`base_of`]).
///
/// # Errors
///
/// The core's typed refusal of the dashboard (or of a calibrated pack whose base cannot be
/// recovered).
pub fn run(pack: &RulePack, industry: &str, form: &Form) -> Result<Fit, DashboardError> {
    let base = base_of(pack)?;
    let d = Dashboard::from_json(&form.to_json(industry), &base)?;
    let (calibrated, report) = calibrate(&base, &d)?;
    Ok(Fit {
        pack: calibrated,
        report,
        replaced: replaces(pack),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::medians;

    #[test]
    fn the_form_is_prefilled_and_builds_the_dashboard_file() {
        let pack = RulePack::default_pack();
        let s = medians(pack);
        let f = Form::prefill(pack, &s);
        assert_eq!(f.days.len(), 1);
        let d = &f.days[0];
        assert_eq!(d.score, Some(4.4));
        assert!(d.dimensions.values().all(|v| *v == Some(4.4)), "{f:?}");
        let json: serde_json::Value = serde_json::from_str(&f.to_json("general")).unwrap();
        assert_eq!(json["industry"], "general");
        assert!(json["snapshots"][0].get("date").is_none());
        assert!(json["snapshots"][0].get("percentiles").is_none());
        assert_eq!(json["snapshots"][0]["score"], 4.4);
        assert_eq!(
            json["snapshots"][0]["metrics"]["review_score"],
            s.metrics["review_score"].unwrap()
        );
        Dashboard::from_json(&f.to_json("general"), pack).unwrap();
    }

    #[test]
    fn ranks_are_typed_as_percentages_and_days_added_and_removed() {
        let pack = RulePack::default_pack();
        let mut f = Form::prefill(pack, &medians(pack));
        f.days[0].ranks.insert("reply_3min_pct".into(), Some(62.0));
        f.add_day();
        assert_eq!(f.days.len(), 2);
        assert_eq!(f.days[1].metrics, f.days[0].metrics);
        assert_eq!(f.days[1].score, None);
        assert!(f.days[1].ranks.is_empty());
        let json: serde_json::Value = serde_json::from_str(&f.to_json("general")).unwrap();
        assert_eq!(json["snapshots"][0]["percentiles"]["reply_3min_pct"], 0.62);
        assert!(json["snapshots"][1].get("score").is_none());
        f.remove_day(0);
        f.remove_day(0);
        assert_eq!(f.days.len(), 1, "the only day stays");
    }

    #[test]
    fn calibrating_to_421_reproduces_the_dashboard() {
        let pack = RulePack::default_pack();
        let s = medians(pack);
        let mut f = Form::prefill(pack, &s);
        let d = &mut f.days[0];
        d.date = "2026-11-20".into();
        d.score = Some(4.21);
        for v in d.dimensions.values_mut() {
            *v = Some(4.21);
        }
        let fit = run(pack, "general", &f).unwrap();
        assert!(fit.report.exact, "{:?}", fit.report);
        assert_eq!(fit.replaced, None);
        assert_eq!(fit.report.snapshots[0].date.as_deref(), Some("2026-11-20"));
        let ev = servicescore::evaluate(&fit.pack, &s).unwrap();
        assert_eq!(ev.display_score.as_deref(), Some("4.21"));
        for d in ev.dimensions.values() {
            assert_eq!(d.display_score, "4.21");
        }
        // The shell accepts it as any pack, and the form reopens on what was typed.
        let back = RulePack::from_json(&fit.pack.to_json()).unwrap();
        let again = Form::prefill(&back, &s);
        assert_eq!(again.days, f.days);
    }

    /// The second day: the pack in use is calibrated (its constants are `user`), and
    /// a new day calibrates again from the default pack, reproduced exactly.
    #[test]
    fn a_second_day_calibrates_again_from_the_base() {
        let pack = RulePack::default_pack();
        let s = medians(pack);
        let mut f = Form::prefill(pack, &s);
        f.days[0].date = "2026-11-20".into();
        f.days[0].score = Some(4.21);
        for v in f.days[0].dimensions.values_mut() {
            *v = Some(4.21);
        }
        let first = run(pack, "general", &f).unwrap();
        // As the shell stores it and the views module reads it back.
        let in_use = RulePack::from_json(&first.pack.to_json()).unwrap();
        f.days[0].date = "2026-11-27".into();
        f.days[0].score = Some(4.33);
        for v in f.days[0].dimensions.values_mut() {
            *v = Some(4.33);
        }
        let second = run(&in_use, "general", &f).unwrap();
        assert!(second.report.exact, "{:?}", second.report);
        let replaced = second.replaced.clone().unwrap();
        assert_eq!(replaced.base.id, pack.id);
        assert_eq!(replaced.date.as_deref(), Some("2026-11-20"));
        let ev = servicescore::evaluate(&second.pack, &s).unwrap();
        assert_eq!(ev.display_score.as_deref(), Some("4.33"));
        assert_eq!(second.pack.calibration.as_ref().unwrap().base, pack.id);
        assert_eq!(second.pack.calibration.as_ref().unwrap().snapshots.len(), 1);
    }

    /// The two days of the end-to-end test, as the form holds them (ranks as percentages),
    /// give the command line's report exactly (the golden file it keeps).
    #[test]
    fn two_days_give_the_command_lines_report() {
        let pack = RulePack::default_pack();
        let file = include_str!("../../../tests/e2e/fixtures/dashboard-two-days.json");
        let golden = include_str!("../../../tests/e2e/fixtures/dashboard-two-days.report.json");
        let d = Dashboard::from_json(file, pack).unwrap();
        let form = Form {
            days: d.snapshots.iter().map(Day::from_snapshot).collect(),
        };
        assert_eq!(form.days[0].ranks["reply_3min_pct"], Some(62.0));
        let fit = run(pack, "general", &form).unwrap();
        let want: serde_json::Value = serde_json::from_str(golden).unwrap();
        assert_eq!(serde_json::to_value(&fit.report).unwrap(), want);
    }
}
