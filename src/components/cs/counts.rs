//! Violation counts: reading what was typed in a count box, and the stored form (its own
//! localStorage key with a schema version, following `src/storage.rs`).
//!
//! Stored document, schema 1: `{"schema": 1, "counts": {"<violation id>": n, ...}}`, written
//! with one `setItem`. A stored value that cannot be read (not JSON, a newer schema, an unknown
//! violation, a negative or fractional count) is copied to [`BACKUP_KEY`] and the view starts
//! from zero, saying why; the page never goes blank over it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use servicescore::rulepack::ViolationRules;

/// The key of the stored counts.
pub const KEY: &str = "servicescore.cs.violations";
/// Where an unreadable stored value is kept.
pub const BACKUP_KEY: &str = "servicescore.cs.violations.unreadable";
/// The schema this page writes.
pub const SCHEMA: u32 = 1;
/// Largest count a box accepts (points saturate long before; this only catches typos).
pub const MAX_COUNT: u64 = 10_000;

/// Reads a count box: a whole number `0..=MAX_COUNT`, spaces around allowed.
///
/// # Examples
///
/// ```
/// use servicescore_web::components::cs::counts::read_count;
/// assert_eq!(read_count(" 3 "), Some(3));
/// assert_eq!(read_count("-1"), None);
/// assert_eq!(read_count("1.5"), None);
/// ```
pub fn read_count(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<u64>().ok().filter(|n| *n <= MAX_COUNT)
}

/// The stored document (typed: no `serde_json::Value` in the page, which saves ~8 KB of wasm).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    schema: u32,
    counts: BTreeMap<String, u64>,
}

/// Just the schema, read first so a newer document is named as such.
#[derive(Deserialize)]
struct Head {
    schema: Option<u64>,
}

/// The JSON written to storage.
pub fn encode(counts: &BTreeMap<String, u64>) -> String {
    let doc = Stored {
        schema: SCHEMA,
        counts: counts.clone(),
    };
    serde_json::to_string(&doc).unwrap_or_default()
}

/// Reads a stored document (any known schema) and checks it against the pack.
///
/// # Errors
///
/// A one-line reason in English naming what is wrong (`counts.nope: unknown violation`,
/// `schema 3 is newer than this page (1)`).
pub fn decode(rules: &ViolationRules, raw: &str) -> Result<BTreeMap<String, u64>, String> {
    let head: Head = serde_json::from_str(raw).map_err(|e| format!("not JSON: {e}"))?;
    match head.schema {
        Some(1) => {}
        Some(n) => return Err(format!("schema {n} is newer than this page ({SCHEMA})")),
        None => return Err("schema: expected a whole number".into()),
    }
    let doc: Stored = serde_json::from_str(raw).map_err(|e| format!("counts: {e}"))?;
    check(rules, "counts", doc.counts)
}

/// Keeps the counts of known violations, refusing unknown ids and counts above the limit.
fn check(
    rules: &ViolationRules,
    path: &str,
    counts: BTreeMap<String, u64>,
) -> Result<BTreeMap<String, u64>, String> {
    let mut out = BTreeMap::new();
    for (id, n) in counts {
        if !rules.items.iter().any(|d| d.id == id) {
            return Err(format!("{path}.{id}: unknown violation"));
        }
        if n > MAX_COUNT {
            return Err(format!("{path}.{id}: {n} is not a count 0–{MAX_COUNT}"));
        }
        if n > 0 {
            out.insert(id, n);
        }
    }
    Ok(out)
}

/// Reads the example file (`{"<violation id>": n, ...}`, the format the CLI's `violations`
/// command reads) and checks it against the pack.
///
/// # Errors
///
/// `violations: ...` naming the JSON problem (a negative or fractional count is one), or the
/// unknown violation.
pub fn from_example(rules: &ViolationRules, text: &str) -> Result<BTreeMap<String, u64>, String> {
    let counts: BTreeMap<String, u64> =
        serde_json::from_str(text).map_err(|e| format!("violations: {e}"))?;
    check(rules, "violations", counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> &'static ViolationRules {
        &servicescore::RulePack::default_pack().violations
    }

    #[test]
    fn counts_round_trip() {
        let c: BTreeMap<String, u64> = [("impatient_tone".to_string(), 2)].into();
        let raw = encode(&c);
        assert_eq!(raw, r#"{"schema":1,"counts":{"impatient_tone":2}}"#);
        assert_eq!(decode(rules(), &raw), Ok(c));
    }

    #[test]
    fn broken_documents_say_what_is_wrong() {
        assert!(decode(rules(), "{oops")
            .unwrap_err()
            .starts_with("not JSON:"));
        assert_eq!(
            decode(rules(), r#"{"schema":2,"counts":{}}"#).unwrap_err(),
            "schema 2 is newer than this page (1)"
        );
        assert_eq!(
            decode(rules(), r#"{"counts":{}}"#).unwrap_err(),
            "schema: expected a whole number"
        );
        assert_eq!(
            decode(rules(), r#"{"schema":1,"counts":{"nope":1}}"#).unwrap_err(),
            "counts.nope: unknown violation"
        );
        assert!(decode(rules(), r#"{"schema":1,"counts":{"other":-1}}"#)
            .unwrap_err()
            .starts_with("counts: invalid value: integer `-1`"));
        assert_eq!(
            decode(rules(), r#"{"schema":1,"counts":{"other":10001}}"#).unwrap_err(),
            "counts.other: 10001 is not a count 0–10000"
        );
        assert!(decode(rules(), r#"{"schema":1,"counts":{},"x":1}"#).is_err());
        assert!(decode(rules(), "[1]").is_err());
    }

    #[test]
    fn the_example_file_is_read_by_the_core() {
        let text = include_str!("../../../www/examples/violations-example.json");
        let c = from_example(rules(), text).unwrap();
        assert_eq!(c["unhandled_problem"], 3);
        assert_eq!(c.len(), 5);
        assert_eq!(
            from_example(rules(), r#"{"nope": 1}"#).unwrap_err(),
            "violations.nope: unknown violation"
        );
        // Agrees with the core's reading of the same file.
        let core = servicescore::violations::parse_counts(text).unwrap();
        assert!(core
            .iter()
            .all(|(id, n)| c.get(id).map(|&m| m as i64) == Some(*n)));
        assert!(from_example(rules(), r#"{"other": -1}"#).is_err());
        assert!(from_example(rules(), r#"{"other": 100000}"#).is_err());
    }

    #[test]
    fn typed_counts() {
        assert_eq!(read_count("0"), Some(0));
        assert_eq!(read_count("10000"), Some(10_000));
        assert_eq!(read_count("10001"), None);
        assert_eq!(read_count(""), None);
        assert_eq!(read_count("+1"), None);
        assert_eq!(read_count("1e3"), None);
        assert_eq!(read_count("３"), None);
    }
}
