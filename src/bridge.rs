//! What the page's two WebAssembly modules say to each other.
//!
//! The first view needs only the *shell* (`servicescore-web`: header, sliders, score,
//! dimensions, thresholds), so that is all a phone downloads before the page responds. The
//! rest — the score view's charts and advice (plans), the 180-day outlook, the
//! customer-service view, getting started, the dashboard calibration, pack tools and the
//! about panel — is a second module (`servicescore-views`), fetched when first needed and
//! rendered into *slots* the shell keeps in its layout.
//!
//! The modules share no memory: the shell sends a [`Snapshot`] of what the views need
//! whenever it changes, and the views send back [`Command`]s, both as JSON. The shell's
//! reducer stays the only place state changes.

use serde::{Deserialize, Serialize};
use servicescore::Scenario;

use crate::i18n::Lang;

/// The slots the shell lays out for the views module (element ids `slot-<name>`).
pub const SLOTS: [&str; 6] = ["charts", "advice", "projection", "cs", "start", "about"];

/// The element id of a slot.
pub fn slot_id(name: &str) -> String {
    format!("slot-{name}")
}

/// What the views need of the shell's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Page language.
    pub lang: Lang,
    /// The view shown (`score`, `projection`, `cs`, `start`).
    pub view: String,
    /// Compact iframe mode.
    pub embed: bool,
    /// The pack in use: a built-in id, or the user's pack as JSON (see [`PackWire`]).
    pub pack: PackWire,
    /// The current scenario (industry and metrics).
    pub scenario: Scenario,
    /// The pinned baseline.
    pub baseline: Option<Scenario>,
    /// "My scenario".
    pub saved: Option<Scenario>,
    /// The metric in focus (the charts follow it).
    pub focus: String,
}

/// The pack in use as the views receive it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PackWire {
    /// A built-in pack, compiled into both modules.
    Builtin {
        /// Its id.
        id: String,
    },
    /// A user's pack (already validated by the shell).
    User {
        /// A number that changes whenever the pack does (the JSON is parsed once per change).
        version: u32,
        /// The pack (`RulePack::to_json`).
        json: String,
        /// How the user made it (`imported`, `url`, `calibrated`, `edited`).
        origin: String,
        /// The file name, path or dashboard date.
        label: Option<String>,
    },
}

/// What the views ask the shell to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Command {
    /// Set one metric (an advice's single-metric answer).
    SetValue {
        /// Metric id.
        metric: String,
        /// Value.
        value: f64,
    },
    /// Set several metrics at once (an applied plan).
    SetValues {
        /// `(metric id, value)` pairs.
        values: Vec<(String, f64)>,
    },
    /// Replace the scenario ("use the imported window as my sliders").
    Load {
        /// The scenario.
        scenario: Scenario,
    },
    /// Focus a metric (the charts' metric selector).
    Focus {
        /// Metric id.
        metric: String,
    },
    /// Switch view (getting started → the score view).
    SetView {
        /// `score`, `projection`, `cs` or `start`.
        view: String,
    },
    /// Change the industry.
    SetIndustry {
        /// Industry id.
        industry: String,
    },
    /// Use a user's pack (imported, calibrated or edited in the views); the shell validates
    /// it again and refuses it with a notice when it does not validate.
    UsePack {
        /// The pack's JSON.
        json: String,
        /// `imported`, `calibrated` or `edited`.
        origin: String,
        /// The file name or dashboard date.
        label: Option<String>,
    },
    /// Go back to a built-in pack.
    UseBuiltin {
        /// Its id.
        id: String,
    },
}

impl Snapshot {
    /// The JSON the shell sends.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Command {
    /// The JSON the views send.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a command (`None` for anything else: the shell ignores it).
    pub fn decode(text: &str) -> Option<Command> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_round_trip() {
        let c = Command::SetValues {
            values: vec![("reply_3min_pct".into(), 88.5)],
        };
        assert_eq!(Command::decode(&c.encode()), Some(c));
        assert_eq!(Command::decode("{\"kind\":\"nope\"}"), None);
        assert!(Command::encode(&Command::SetView { view: "cs".into() }).contains("set_view"));
    }
}
