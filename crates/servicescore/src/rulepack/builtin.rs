//! The built-in rule packs, compiled in.
//!
//! Each is built from Rust generated out of its JSON file rather than parsed: the page then
//! carries no JSON parser for the pack's ~25 types. Tests prove the generated code current
//! and equal to the parsed and validated JSON.

use std::sync::OnceLock;

use super::RulePack;

impl RulePack {
    /// The default pack `xhs-2022-08`, built once.
    pub fn default_pack() -> &'static RulePack {
        static PACK: OnceLock<RulePack> = OnceLock::new();
        PACK.get_or_init(crate::rulepack_default::build)
    }
}
