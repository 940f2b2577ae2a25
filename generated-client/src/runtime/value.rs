//! Values whose type the spec leaves open, and scalar types the standard library lacks.
//!
//! All three decode leniently from any self-describing format (JSON, the SOAP decoder):
//! [`Value`] takes whatever comes; [`Decimal`] and [`UnixTime`] take a number or a numeric
//! string, and a null as their default.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The newtype name [`Decimal`] (de)serializes under, so that wire formats that keep numbers
/// as text (SOAP) can hand over the text exactly as written instead of a float.
pub(crate) const DECIMAL_NEWTYPE: &str = "$generated_client::Decimal";

/// A dynamically typed value: what an undefined WSDL type (`tns:array`), an `anyType` or an
/// undescribed response decodes into.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    List(Vec<Value>),
    /// Keys in the order the server sent them.
    Map(Vec<(Value, Value)>),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    /// Integers beyond `i64` keep their magnitude as a float.
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Value::Map(entries))
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_none(),
            Value::Bool(v) => serializer.serialize_bool(*v),
            Value::Int(v) => serializer.serialize_i64(*v),
            Value::Float(v) => serializer.serialize_f64(*v),
            Value::String(v) => serializer.serialize_str(v),
            Value::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Map(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// A decimal number kept exactly as the server wrote it (money).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decimal(pub String);

/// Whether `text` is a decimal number: sign, digits with at most one point, an optional
/// exponent.
fn is_decimal(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    digits(int)
        && digits(frac)
        && !(int.is_empty() && frac.is_empty())
        && exponent.is_none_or(|e| !e.is_empty() && digits(e))
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_newtype_struct(DECIMAL_NEWTYPE, DecimalVisitor)
    }
}

struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number or numeric string")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(self)
    }

    /// Blank is the default (empty), as a null is.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        let text = v.trim();
        if text.is_empty() || is_decimal(text) {
            Ok(Decimal(text.to_owned()))
        } else {
            Err(E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }

    fn visit_i64<E>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal(v.to_string()))
    }

    /// A format that already parsed the number as a float (JSON) gives its shortest exact
    /// representation.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        if v.is_finite() {
            Ok(Decimal(v.to_string()))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_unit<E>(self) -> Result<Decimal, E> {
        Ok(Decimal::default())
    }

    fn visit_none<E>(self) -> Result<Decimal, E> {
        Ok(Decimal::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Decimal, D::Error> {
        Decimal::deserialize(deserializer)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(DECIMAL_NEWTYPE, self.0.as_str())
    }
}

/// Seconds since the Unix epoch; decodes from a number or a numeric string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct UnixTime(pub i64);

impl<'de> Deserialize<'de> for UnixTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UnixTimeVisitor)
    }
}

struct UnixTimeVisitor;

impl<'de> Visitor<'de> for UnixTimeVisitor {
    type Value = UnixTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("seconds since the Unix epoch, as a number or a numeric string")
    }

    fn visit_i64<E>(self, v: i64) -> Result<UnixTime, E> {
        Ok(UnixTime(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<UnixTime, E> {
        i64::try_from(v)
            .map(UnixTime)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }

    /// Whole seconds only: a fraction would be silently dropped.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<UnixTime, E> {
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.2e18 {
            Ok(UnixTime(v as i64))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    /// Blank is the default (0), as a null is.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<UnixTime, E> {
        let text = v.trim();
        if text.is_empty() {
            return Ok(UnixTime::default());
        }
        if let Ok(seconds) = text.parse::<i64>() {
            return Ok(UnixTime(seconds));
        }
        match text.parse::<f64>() {
            Ok(seconds) if is_decimal(text) => self.visit_f64(seconds),
            _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }

    fn visit_unit<E>(self) -> Result<UnixTime, E> {
        Ok(UnixTime::default())
    }

    fn visit_none<E>(self) -> Result<UnixTime, E> {
        Ok(UnixTime::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<UnixTime, D::Error> {
        UnixTime::deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<UnixTime, D::Error> {
        UnixTime::deserialize(deserializer)
    }
}

impl Serialize for UnixTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_round_trips_through_json_keeping_map_order() {
        let json = r#"{"b":1,"a":[true,null,2.5,"x"],"big":18446744073709551615}"#;
        let value: Value = serde_json::from_str(json).unwrap();
        assert_eq!(
            value,
            Value::Map(vec![
                (Value::String("b".into()), Value::Int(1)),
                (
                    Value::String("a".into()),
                    Value::List(vec![
                        Value::Bool(true),
                        Value::Null,
                        Value::Float(2.5),
                        Value::String("x".into())
                    ])
                ),
                (
                    Value::String("big".into()),
                    Value::Float(18446744073709551615.0)
                ),
            ])
        );
        let back = serde_json::to_string(&value).unwrap();
        assert_eq!(
            back,
            r#"{"b":1,"a":[true,null,2.5,"x"],"big":1.8446744073709552e+19}"#
        );
    }

    #[test]
    fn decimal_is_lenient_but_exact() {
        let d: Vec<Decimal> =
            serde_json::from_str(r#"["10.10", 3, 2.5, null, " -1e3 ", ""]"#).unwrap();
        let texts: Vec<&str> = d.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(texts, ["10.10", "3", "2.5", "", "-1e3", ""]);
        for bad in [r#""abc""#, r#""1.2.3""#, r#"".""#, r#""1e""#] {
            assert!(serde_json::from_str::<Decimal>(bad).is_err(), "{bad}");
        }
        assert_eq!(
            serde_json::to_string(&Decimal("10.10".into())).unwrap(),
            r#""10.10""#
        );
    }

    #[test]
    fn unix_time_from_numbers_and_strings() {
        let t: Vec<UnixTime> =
            serde_json::from_str(r#"[1700000000, "1700000001", " 1700000002.0 ", null, ""]"#)
                .unwrap();
        assert_eq!(
            t,
            [
                UnixTime(1700000000),
                UnixTime(1700000001),
                UnixTime(1700000002),
                UnixTime(0),
                UnixTime(0)
            ]
        );
        for bad in [r#""2024-01-01""#, "1.5", r#""1.5""#, "18446744073709551615"] {
            assert!(serde_json::from_str::<UnixTime>(bad).is_err(), "{bad}");
        }
        assert_eq!(serde_json::to_string(&UnixTime(5)).unwrap(), "5");
    }
}
