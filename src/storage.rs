//! What the page keeps in localStorage, with a schema version and a migration path.
//!
//! One key holds the whole state as one JSON document, written with a single `setItem`, so a
//! write is all or nothing (localStorage has no partial writes). A document that cannot be
//! read is not deleted: it is copied to [`BACKUP_KEY`] before the page starts from defaults,
//! and the user is told why.
//!
//! Schemas:
//! - 1: a bare scenario `{"industry": ..., "metrics": {...}}` (the CLI's format; also what a
//!   user may paste). Migrated to 2 with every other field at its default.
//! - 2: [`Stored`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use servicescore::{RulePack, Scenario};

use crate::i18n::Lang;
use crate::state::State;

/// The key of the stored state.
pub const KEY: &str = "servicescore.state";
/// Where an unreadable stored state is kept.
pub const BACKUP_KEY: &str = "servicescore.state.unreadable";
/// The schema this page writes.
pub const SCHEMA: u32 = 2;

/// The stored document (schema 2).
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
}

impl Stored {
    /// The stored form of a state.
    pub fn from_state(s: &State) -> Stored {
        Stored {
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
        }
    }

    /// The JSON written to storage.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Puts the stored values into `state`.
    pub fn restore_into(&self, pack: &RulePack, state: &mut State) {
        for (id, v) in &self.hidden_values {
            state.values.insert(id.clone(), *v);
        }
        state.load(pack, &self.scenario);
        if let Some(l) = self.lang {
            state.lang = l;
        }
        state.baseline = self.baseline.clone();
        state.saved = self.saved.clone();
    }
}

/// Reads a stored document of any known schema.
///
/// # Errors
///
/// A one-line reason naming what is wrong (`scenario.metrics.reply_3min_pct: 120 is out of
/// range 0–100`, `schema 7 is newer than this page`), in English from the core.
pub fn decode(pack: &RulePack, raw: &str) -> Result<Stored, String> {
    decode_document(pack, raw).map_err(servicescore::error::one_line)
}

fn decode_document(pack: &RulePack, raw: &str) -> Result<Stored, String> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| format!("not JSON: {e}"))?;
    let schema = match value.get("schema") {
        None => 1,
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or("schema: expected a whole number")?,
    };
    let stored = match schema {
        1 => migrate_1(raw)?,
        // serde's message alone ("missing field `scenario`") names no place: say whose it is.
        SCHEMA => serde_json::from_value::<Stored>(value).map_err(|e| format!("state: {e}"))?,
        n => return Err(format!("schema {n} is newer than this page ({SCHEMA})")),
    };
    let check = |what: &str, s: &Scenario| s.validate(pack).map_err(|e| format!("{what}.{e}"));
    check("scenario", &stored.scenario)?;
    if let Some(b) = &stored.baseline {
        check("baseline", b)?;
    }
    if let Some(s) = &stored.saved {
        check("saved", s)?;
    }
    for (id, v) in &stored.hidden_values {
        let m = pack
            .metric(id)
            .ok_or_else(|| format!("hidden_values.{id}: unknown metric"))?;
        if !m.admits(*v) {
            return Err(format!("hidden_values.{id}: {v} is out of range"));
        }
    }
    Ok(stored)
}

fn migrate_1(raw: &str) -> Result<Stored, String> {
    // The whole schema-1 document is the scenario: name its fields as schema 2 does.
    let scenario = Scenario::from_json(raw).map_err(|e| match e.place().as_str() {
        "scenario" => e.to_string(),
        _ => format!("scenario.{e}"),
    })?;
    Ok(Stored {
        schema: SCHEMA,
        scenario,
        hidden_values: BTreeMap::new(),
        lang: None,
        baseline: None,
        saved: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    fn pack() -> &'static RulePack {
        RulePack::default_pack()
    }

    #[test]
    fn round_trip_keeps_hidden_values_baseline_and_saved() {
        let mut s = State::defaults(pack());
        s.apply(pack(), Action::SetValue("reply_3min_pct".into(), 62.5));
        s.apply(pack(), Action::PinBaseline);
        s.apply(pack(), Action::SetPresent("reply_3min_pct".into(), false));
        s.apply(pack(), Action::SetLang(Lang::Es));
        s.apply(pack(), Action::Save);
        let raw = Stored::from_state(&s).encode();
        let back = decode(pack(), &raw).unwrap();
        let mut t = State::defaults(pack());
        back.restore_into(pack(), &mut t);
        assert_eq!(t.scenario(), s.scenario());
        assert_eq!(t.values["reply_3min_pct"], 62.5);
        assert_eq!(t.lang, Lang::Es);
        assert_eq!(t.baseline, s.baseline);
        assert_eq!(t.saved, s.saved);
    }

    #[test]
    fn schema_1_bare_scenarios_migrate() {
        let st = decode(
            pack(),
            r#"{"industry":"food","metrics":{"reply_3min_pct":70}}"#,
        )
        .unwrap();
        assert_eq!(st.schema, 2);
        assert_eq!(st.scenario.industry, "food");
        assert_eq!(st.scenario.value("reply_3min_pct"), Some(70.0));
    }

    #[test]
    fn broken_documents_say_what_is_wrong() {
        assert!(decode(pack(), "{not json")
            .unwrap_err()
            .starts_with("not JSON:"));
        assert_eq!(
            decode(pack(), r#"{"schema":9}"#).unwrap_err(),
            "schema 9 is newer than this page (2)"
        );
        let bad =
            r#"{"schema":2,"scenario":{"industry":"general","metrics":{"reply_3min_pct":120}}}"#;
        assert_eq!(
            decode(pack(), bad).unwrap_err(),
            "scenario.metrics.reply_3min_pct: 120 is out of range 0–100"
        );
        let bad = r#"{"schema":2,"scenario":{"industry":"toys","metrics":{}}}"#;
        assert!(decode(pack(), bad)
            .unwrap_err()
            .starts_with("scenario.industry: unknown industry \"toys\""));
        assert!(decode(pack(), r#"{"schema":"2"}"#)
            .unwrap_err()
            .starts_with("schema:"));
        assert!(decode(pack(), r#"[1,2]"#).is_err());
    }
}
