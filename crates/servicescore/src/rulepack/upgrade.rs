//! Reading packs of an older schema: version 1 packs are upgraded on load to the current
//! version ([`SCHEMA_VERSION`](super::SCHEMA_VERSION) = 2).
//!
//! The only difference: schema 1 gave the score scale's `decimals` as a bare number, without a
//! provenance; schema 2 makes it a sourced constant like every other (`{"value": 2,
//! "provenance": "assumed"}`), since one pack's decimals are only observed on the platform's
//! page. A bare number is read as `assumed` — what a schema-1 pack's author could not say
//! otherwise — with a source saying so. Every other field reads the same in both versions, so
//! the upgrade is that one field and the version number; a pack is written back in the
//! current schema only.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::{Provenance, RulePack, Sourced};

/// The source given to decimals read from a bare number.
pub const UPGRADED_DECIMALS_SOURCE: &str =
    "schema 1 gave the displayed decimals without a provenance";

/// `score.decimals`: a sourced whole number, or (schema 1) a bare one, read as `assumed`.
pub(super) fn decimals<'de, D: Deserializer<'de>>(d: D) -> Result<Sourced<u32>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Sourced<u32>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a whole number or {\"value\": N, \"provenance\": ...}")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Sourced<u32>, E> {
            let value = u32::try_from(v)
                .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))?;
            Ok(Sourced {
                value,
                provenance: Provenance::Assumed,
                source: Some(UPGRADED_DECIMALS_SOURCE.to_string()),
            })
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Sourced<u32>, A::Error> {
            Sourced::deserialize(de::value::MapAccessDeserializer::new(map))
        }
    }
    d.deserialize_any(V)
}

/// Brings a freshly read pack to the current schema.
pub(super) fn upgrade(pack: &mut RulePack) {
    if pack.schema == 1 {
        pack.schema = super::SCHEMA_VERSION;
    }
}
