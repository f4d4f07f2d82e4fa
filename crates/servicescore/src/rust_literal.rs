//! A serde `Serializer` that writes a value as a Rust expression constructing it.
//!
//! Used (by a test) to turn the built-in rule pack's JSON into `rulepack_default.rs`, so the
//! page builds the pack directly instead of carrying a JSON parser for ~25 types: about 30 KB
//! of gzipped WebAssembly. Only what the rule-pack types need is supported: structs, `Vec`,
//! fixed arrays, `BTreeMap<String, _>`, `Option`, strings, numbers, booleans and unit enum
//! variants (whose Rust names come from [`VARIANTS`], since serde only knows renamed ones).

use std::fmt::Write;

use serde::ser::{self, Serialize};

/// Rust variant names of the unit enums serialised with `rename_all`, by enum and index.
const VARIANTS: &[(&str, &[&str])] = &[
    ("Provenance", &["Published", "Assumed", "User", "Observed"]),
    ("Better", &["Higher", "Lower"]),
    ("Unit", &["Percent", "Hours", "Points"]),
    ("ThresholdKind", &["Gate", "Risk"]),
    ("Subject", &["Score", "EveryDimension"]),
    ("Op", &["Ge", "Gt", "Le", "Lt"]),
    ("Severity", &["General", "Serious"]),
];

/// Why a value could not be written.
#[derive(Debug)]
pub struct LiteralError(String);

impl std::fmt::Display for LiteralError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LiteralError {}

impl ser::Error for LiteralError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        LiteralError(msg.to_string())
    }
}

type R = Result<(), LiteralError>;

/// Writes `value` as a Rust expression.
///
/// # Errors
///
/// A value of a shape the rule pack does not use.
pub fn to_rust<T: Serialize>(value: &T) -> Result<String, LiteralError> {
    let mut w = Writer { out: String::new() };
    value.serialize(&mut w)?;
    Ok(w.out)
}

struct Writer {
    out: String,
}

/// Collects the parts of a compound value, then closes it.
struct Compound<'a> {
    w: &'a mut Writer,
    close: &'static str,
}

impl Writer {
    fn push(&mut self, s: &str) -> R {
        self.out.push_str(s);
        Ok(())
    }
}

fn unsupported(what: &str) -> LiteralError {
    LiteralError(format!("{what} is not supported"))
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = LiteralError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> R {
        self.push(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> R {
        self.push(&v.to_string())
    }
    fn serialize_u8(self, v: u8) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R {
        self.push(&v.to_string())
    }
    fn serialize_f32(self, v: f32) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> R {
        if !v.is_finite() {
            return Err(unsupported("a non-finite number"));
        }
        // `{:?}` is the shortest text that reads back exactly, and always a float literal.
        self.push(&format!("{v:?}"))
    }
    fn serialize_char(self, v: char) -> R {
        self.push(&format!("{v:?}"))
    }
    fn serialize_str(self, v: &str) -> R {
        self.push(&format!("String::from({v:?})"))
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> R {
        self.push("None")
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> R {
        self.push("Some(")?;
        value.serialize(&mut *self)?;
        self.push(")")
    }
    fn serialize_unit(self) -> R {
        self.push("()")
    }
    fn serialize_unit_struct(self, name: &'static str) -> R {
        self.push(name)
    }
    fn serialize_unit_variant(self, name: &'static str, index: u32, _: &'static str) -> R {
        let variant = VARIANTS
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.get(index as usize))
            .ok_or_else(|| unsupported(&format!("enum {name} (add it to VARIANTS)")))?;
        self.push(&format!("{name}::{variant}"))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, name: &'static str, v: &T) -> R {
        self.push(&format!("{name}("))?;
        v.serialize(&mut *self)?;
        self.push(")")
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R {
        Err(unsupported("a newtype variant"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, LiteralError> {
        self.push("vec![")?;
        Ok(Compound {
            w: self,
            close: "]",
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, LiteralError> {
        // Fixed arrays (`[f64; 2]`) serialise as tuples.
        self.push("[")?;
        Ok(Compound {
            w: self,
            close: "]",
        })
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, LiteralError> {
        Err(unsupported("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, LiteralError> {
        Err(unsupported("a tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, LiteralError> {
        self.push("BTreeMap::from([")?;
        Ok(Compound {
            w: self,
            close: "])",
        })
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'a>, LiteralError> {
        self.push(&format!("{name} {{"))?;
        Ok(Compound {
            w: self,
            close: "}",
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, LiteralError> {
        Err(unsupported("a struct variant"))
    }
}

impl Compound<'_> {
    fn element<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(&mut *self.w)?;
        self.w.push(",\n")
    }
    fn end(self) -> R {
        self.w.push(self.close)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = LiteralError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        self.element(v)
    }
    fn end(self) -> R {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = LiteralError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        self.element(v)
    }
    fn end(self) -> R {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = LiteralError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        self.element(v)
    }
    fn end(self) -> R {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = LiteralError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        self.element(v)
    }
    fn end(self) -> R {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = LiteralError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> R {
        self.w.push("(")?;
        k.serialize(&mut *self.w)?;
        self.w.push(", ")
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(&mut *self.w)?;
        self.w.push("),\n")
    }
    fn end(self) -> R {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = LiteralError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> R {
        let mut field = String::new();
        let _ = write!(field, "{key}: ");
        self.w.push(&field)?;
        v.serialize(&mut *self.w)?;
        self.w.push(",\n")
    }
    fn skip_field(&mut self, key: &'static str) -> R {
        // `skip_serializing_if = "Option::is_none"` fields still need a value in Rust.
        self.w.push(&format!("{key}: None,\n"))
    }
    fn end(self) -> R {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = LiteralError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, _: &'static str, _: &T) -> R {
        Err(unsupported("a struct variant"))
    }
    fn end(self) -> R {
        Compound::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulepack::{Provenance, Sourced, StarBand};

    #[test]
    fn writes_constructors() {
        let s = Sourced {
            value: vec![StarBand {
                min_score: 4.8,
                stars: 5.0,
            }],
            provenance: Provenance::Assumed,
            source: None,
        };
        assert_eq!(
            to_rust(&s).unwrap(),
            "Sourced {value: vec![StarBand {min_score: 4.8,\nstars: 5.0,\n},\n],\n\
             provenance: Provenance::Assumed,\nsource: None,\n}"
        );
        assert_eq!(to_rust(&[1.0f64, 1e-7]).unwrap(), "[1.0,\n1e-7,\n]");
        assert_eq!(to_rust(&"引号\"").unwrap(), "String::from(\"引号\\\"\")");
        assert!(to_rust(&f64::NAN).is_err());
    }
}
