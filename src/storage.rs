//! What the page keeps in localStorage, with a schema version and a migration path.
//!
//! One key holds the page state as one JSON document, written with a single `setItem`, so a
//! write is all or nothing (localStorage has no partial writes). A document that cannot be
//! read is not deleted: it is copied to [`BACKUP_KEY`] before the page starts from defaults,
//! and the user is told why, in the page's language ([`Unreadable`]). The user's own rule
//! pack (imported, calibrated or edited) has a key of its own, [`PACK_KEY`]: it is large and
//! changes rarely.
//!
//! Schemas:
//! - 1: a bare scenario `{"industry": ..., "metrics": {...}}` (the CLI's format; also what a
//!   user may paste). Migrated with every other field at its default.
//! - 2: scenario, hidden values, language, baseline, saved scenario.
//! - 3: [`Stored`]: schema 2 plus the view and the pack in use.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use servicescore::error::one_line;
use servicescore::{RulePack, Scenario};

use crate::i18n::Lang;
use crate::packs::{PackOrigin, PackRef};
use crate::state::notice::Unreadable;
use crate::state::{State, View};

/// The key of the stored state.
pub const KEY: &str = "servicescore.state";
/// Where an unreadable stored state is kept.
pub const BACKUP_KEY: &str = "servicescore.state.unreadable";
/// The key of the user's own rule pack.
pub const PACK_KEY: &str = "servicescore.pack";
/// The schema this page writes.
pub const SCHEMA: u32 = 3;

/// The stored document (schema 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stored {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// The current scenario; metrics set to null have no data.
    pub scenario: Scenario,
    /// Last valid values of the metrics set to no data (so they come back).
    #[serde(default)]
    pub hidden_values: BTreeMap<String, f64>,
    /// Language chosen.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Pinned baseline.
    #[serde(default)]
    pub baseline: Option<Scenario>,
    /// "My scenario".
    #[serde(default)]
    pub saved: Option<Scenario>,
    /// The view last shown (`score`, `projection`, `cs`, `start`).
    #[serde(default)]
    pub view: Option<String>,
    /// The built-in pack in use, or `"user"` for the pack under [`PACK_KEY`].
    #[serde(default)]
    pub pack: Option<String>,
}

/// The stored user pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredPack {
    /// How the user made it: `imported`, `calibrated`, `edited`.
    pub origin: String,
    /// The file name it was imported from, or the dashboard date it was calibrated to.
    #[serde(default)]
    pub label: Option<String>,
    /// The pack (`RulePack::to_json`'s form).
    pub pack: serde_json::Value,
}

impl StoredPack {
    /// The stored form of a user's pack (`None` for a built-in or fetched one).
    pub fn from_pack(p: &PackRef) -> Option<StoredPack> {
        let (origin, label) = match &p.origin {
            PackOrigin::Imported(name) => ("imported", Some(name.clone())),
            PackOrigin::Calibrated(date) => ("calibrated", date.clone()),
            PackOrigin::Edited => ("edited", None),
            PackOrigin::Builtin | PackOrigin::Url(_) => return None,
        };
        Some(StoredPack {
            origin: origin.to_string(),
            label,
            pack: serde_json::to_value(&*p.pack).ok()?,
        })
    }

    /// The JSON written to storage.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored pack and validates it as any pack is validated.
    ///
    /// # Errors
    ///
    /// Why it cannot be used.
    pub fn decode(raw: &str) -> Result<PackRef, Unreadable> {
        let st: StoredPack = serde_json::from_str(raw).map_err(|_| Unreadable::NotJson)?;
        let origin = match st.origin.as_str() {
            "imported" => PackOrigin::Imported(st.label.unwrap_or_default()),
            "calibrated" => PackOrigin::Calibrated(st.label),
            "edited" => PackOrigin::Edited,
            _ => {
                return Err(Unreadable::Shape {
                    place: "origin".into(),
                })
            }
        };
        let pack = RulePack::from_json(&st.pack.to_string())
            .map_err(|e| Unreadable::BadPack { place: e.place() })?;
        Ok(PackRef::user(pack, origin))
    }
}

impl Stored {
    /// The stored form of a state. When the page was opened from a preset link, the user's
    /// own scenario (and language) in `kept` are written back instead of the preset's.
    pub fn from_state(s: &State, kept: Option<&Stored>) -> Stored {
        let mut out = Stored {
            schema: SCHEMA,
            scenario: s.scenario(),
            hidden_values: s
                .absent
                .iter()
                .filter_map(|id| s.values.get(id).map(|v| (id.clone(), *v)))
                .collect(),
            lang: Some(s.lang),
            baseline: s.baseline.clone(),
            saved: s.saved.clone(),
            view: Some(s.view.code().to_string()),
            pack: Some(if s.pack.origin.is_user() {
                "user".to_string()
            } else {
                s.pack.id.clone()
            }),
        };
        if let Some(k) = kept {
            if s.preset_scenario {
                out.scenario = k.scenario.clone();
                out.hidden_values = k.hidden_values.clone();
                out.pack = k.pack.clone();
            }
            if s.preset_lang {
                out.lang = k.lang;
            }
        }
        out
    }

    /// The JSON written to storage.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Puts the stored values into `state` (whose pack is already the stored one).
    pub fn restore_into(&self, state: &mut State) {
        for (id, v) in &self.hidden_values {
            state.values.insert(id.clone(), *v);
        }
        state.load(&self.scenario);
        if let Some(l) = self.lang {
            state.lang = l;
        }
        state.baseline = self.baseline.clone();
        state.saved = self.saved.clone();
        if let Some(v) = self.view.as_deref().and_then(View::from_code) {
            state.view = v;
        }
    }
}

/// Reads a stored document of any known schema, checked against `pack`.
///
/// # Errors
///
/// What is wrong and where, typed for the page to word.
pub fn decode(pack: &RulePack, raw: &str) -> Result<Stored, Unreadable> {
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|_| Unreadable::NotJson)?;
    let schema = match value.get("schema") {
        None => 1,
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(Unreadable::Shape {
                place: "schema".into(),
            })?,
    };
    let shape = |place: &str| Unreadable::Shape {
        place: place.to_string(),
    };
    let stored = match schema {
        1 => Stored {
            schema: SCHEMA,
            scenario: serde_json::from_value(value).map_err(|_| shape("scenario"))?,
            hidden_values: BTreeMap::new(),
            lang: None,
            baseline: None,
            saved: None,
            view: None,
            pack: None,
        },
        // Schema 2 is schema 3 without its two new (optional) fields.
        2 | SCHEMA => {
            let mut st: Stored = serde_json::from_value(value).map_err(|_| shape("state"))?;
            st.schema = SCHEMA;
            st
        }
        n => {
            return Err(Unreadable::NewerSchema {
                found: n,
                reads: SCHEMA,
            })
        }
    };
    check_scenario(pack, "scenario", &stored.scenario)?;
    if let Some(b) = &stored.baseline {
        check_scenario(pack, "baseline", b)?;
    }
    if let Some(s) = &stored.saved {
        check_scenario(pack, "saved", s)?;
    }
    for (id, v) in &stored.hidden_values {
        check_value(pack, &one_line(format!("hidden_values.{id}")), id, *v)?;
    }
    Ok(stored)
}

fn check_scenario(pack: &RulePack, what: &str, s: &Scenario) -> Result<(), Unreadable> {
    if pack.industry(&s.industry).is_none() {
        return Err(Unreadable::UnknownIndustry {
            place: format!("{what}.industry"),
            id: s.industry.clone(),
        });
    }
    for (id, v) in &s.metrics {
        let place = one_line(format!("{what}.metrics.{id}"));
        match v {
            Some(v) => check_value(pack, &place, id, *v)?,
            None if pack.metric(id).is_none() => return Err(Unreadable::UnknownMetric { place }),
            None => {}
        }
    }
    Ok(())
}

fn check_value(pack: &RulePack, place: &str, id: &str, v: f64) -> Result<(), Unreadable> {
    let m = pack.metric(id).ok_or_else(|| Unreadable::UnknownMetric {
        place: place.to_string(),
    })?;
    if m.admits(v) {
        Ok(())
    } else {
        Err(Unreadable::OutOfRange {
            place: place.to_string(),
            value: v,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    fn defaults() -> State {
        State::defaults(PackRef::default_pack())
    }

    #[test]
    fn round_trip_keeps_hidden_values_baseline_saved_and_view() {
        let mut s = defaults();
        s.apply(Action::SetValue("reply_3min_pct".into(), 62.5));
        s.apply(Action::PinBaseline);
        s.apply(Action::SetPresent("reply_3min_pct".into(), false));
        s.apply(Action::SetLang(Lang::Es));
        s.apply(Action::SetView(View::CustomerService));
        s.apply(Action::Save);
        let raw = Stored::from_state(&s, None).encode();
        let back = decode(&s.pack, &raw).unwrap();
        let mut t = defaults();
        back.restore_into(&mut t);
        assert_eq!(t.scenario(), s.scenario());
        assert_eq!(t.values["reply_3min_pct"], 62.5);
        assert_eq!(t.lang, Lang::Es);
        assert_eq!(t.baseline, s.baseline);
        assert_eq!(t.saved, s.saved);
        assert_eq!(t.view, View::CustomerService);
        assert_eq!(back.pack.as_deref(), Some("xhs-2022-08"));
    }

    #[test]
    fn a_preset_writes_back_the_users_own_scenario_and_language() {
        let mut own = defaults();
        own.apply(Action::SetValue("ship_on_time_pct".into(), 90.0));
        own.apply(Action::SetLang(Lang::Es));
        let kept = Stored::from_state(&own, None);
        let mut preset = defaults();
        preset.preset_scenario = true;
        preset.preset_lang = true;
        preset.apply(Action::SetValue("reply_3min_pct".into(), 62.0));
        preset.apply(Action::PinBaseline);
        let written = Stored::from_state(&preset, Some(&kept));
        assert_eq!(written.scenario, kept.scenario);
        assert_eq!(written.lang, Some(Lang::Es));
        assert!(written.baseline.is_some());
        // Switching the language is the user's choice: stored.
        preset.apply(Action::SetLang(Lang::En));
        assert_eq!(
            Stored::from_state(&preset, Some(&kept)).lang,
            Some(Lang::En)
        );
    }

    #[test]
    fn older_schemas_migrate() {
        let pack = PackRef::default_pack();
        let st = decode(
            &pack,
            r#"{"industry":"food","metrics":{"reply_3min_pct":70}}"#,
        )
        .unwrap();
        assert_eq!(st.schema, 3);
        assert_eq!(st.scenario.industry, "food");
        assert_eq!(st.scenario.value("reply_3min_pct"), Some(70.0));
        let st = decode(
            &pack,
            r#"{"schema":2,"scenario":{"industry":"general","metrics":{}},"lang":"en"}"#,
        )
        .unwrap();
        assert_eq!(st.lang, Some(Lang::En));
        assert_eq!(st.view, None);
    }

    #[test]
    fn broken_documents_say_what_is_wrong() {
        let pack = PackRef::default_pack();
        assert_eq!(decode(&pack, "{not json"), Err(Unreadable::NotJson));
        assert_eq!(
            decode(&pack, r#"{"schema":9}"#),
            Err(Unreadable::NewerSchema { found: 9, reads: 3 })
        );
        let bad =
            r#"{"schema":3,"scenario":{"industry":"general","metrics":{"reply_3min_pct":120}}}"#;
        assert_eq!(
            decode(&pack, bad),
            Err(Unreadable::OutOfRange {
                place: "scenario.metrics.reply_3min_pct".into(),
                value: 120.0
            })
        );
        let bad = r#"{"schema":3,"scenario":{"industry":"toys","metrics":{}}}"#;
        assert_eq!(
            decode(&pack, bad),
            Err(Unreadable::UnknownIndustry {
                place: "scenario.industry".into(),
                id: "toys".into()
            })
        );
        assert!(matches!(
            decode(&pack, r#"{"schema":"2"}"#),
            Err(Unreadable::Shape { .. })
        ));
        assert!(decode(&pack, r#"[1,2]"#).is_err());
    }

    #[test]
    fn user_packs_round_trip_and_bad_ones_are_refused() {
        let mut p = RulePack::default_pack().clone();
        p.id = "my-pack".into();
        let user = PackRef::user(p, PackOrigin::Imported("my.json".into()));
        let raw = StoredPack::from_pack(&user).unwrap().encode();
        let back = StoredPack::decode(&raw).unwrap();
        assert_eq!(back.pack.id, "my-pack");
        assert_eq!(back.origin, PackOrigin::Imported("my.json".into()));
        assert!(StoredPack::from_pack(&PackRef::default_pack()).is_none());
        let mut v: serde_json::Value = serde_json::from_str(&raw).unwrap();
        v["pack"]["dimensions"][0]["weight"]["value"] = 0.0.into();
        let broken = v.to_string();
        assert!(matches!(
            StoredPack::decode(&broken),
            Err(Unreadable::BadPack { .. })
        ));
    }
}
