//! Values whose type the spec leaves open, and scalar types the standard library lacks.
//!
//! Both decode from any self-describing format (JSON, the SOAP decoder): [`Value`] takes
//! whatever comes; [`UnixTime`] takes a number or a numeric string. Amounts are
//! [`rust_decimal::Decimal`]s.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

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

/// The newtype name a [`Value`] is asked for under. The SOAP decoder then keeps an element's
/// attributes, which only a dynamic value has room for (`@name` entries beside its children,
/// or beside its text as `$value`); any other deserializer sees a plain newtype.
pub(crate) const DYNAMIC_NEWTYPE: &str = "$generated_client::Value";

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_newtype_struct(DYNAMIC_NEWTYPE, ValueVisitor)
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

    /// The inner value as any value (not `Value::deserialize`, which would ask for the
    /// newtype again).
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
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

/// A moment in time that the server spells as seconds since the Unix epoch (a number or a
/// numeric string). Dereferences to the [`jiff::Timestamp`] it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(pub jiff::Timestamp);

impl UnixTime {
    /// The moment `seconds` after the Unix epoch, if it is within the range of times jiff
    /// represents.
    pub fn from_second(seconds: i64) -> Option<Self> {
        jiff::Timestamp::from_second(seconds).ok().map(Self)
    }
}

impl std::ops::Deref for UnixTime {
    type Target = jiff::Timestamp;

    fn deref(&self) -> &jiff::Timestamp {
        &self.0
    }
}

impl fmt::Display for UnixTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for UnixTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UnixTimeVisitor)
    }
}

struct UnixTimeVisitor;

impl UnixTimeVisitor {
    fn seconds<E: de::Error>(
        self,
        seconds: i64,
        unexpected: de::Unexpected,
    ) -> Result<UnixTime, E> {
        UnixTime::from_second(seconds).ok_or_else(|| E::invalid_value(unexpected, &self))
    }
}

/// Nothing (null, blank) is an error, never the epoch: a field that may be missing is a
/// [`Lenient`](crate::runtime::Lenient), which reads nothing as absent.
impl<'de> Visitor<'de> for UnixTimeVisitor {
    type Value = UnixTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("seconds since the Unix epoch, as a number or a numeric string")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<UnixTime, E> {
        self.seconds(v, de::Unexpected::Signed(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<UnixTime, E> {
        let seconds =
            i64::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))?;
        self.seconds(seconds, de::Unexpected::Unsigned(v))
    }

    /// Whole seconds only: a fraction would be silently dropped.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<UnixTime, E> {
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.2e18 {
            self.seconds(v as i64, de::Unexpected::Float(v))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<UnixTime, E> {
        let text = v.trim();
        let whole = text.strip_suffix(".0").unwrap_or(text);
        match whole.parse::<i64>() {
            Ok(seconds) => self.seconds(seconds, de::Unexpected::Str(v)),
            Err(_) => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
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
        serializer.serialize_i64(self.0.as_second())
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
    fn unix_time_from_numbers_and_strings() {
        let t: Vec<UnixTime> =
            serde_json::from_str(r#"[1700000000, "1700000001", " 1700000002.0 "]"#).unwrap();
        let seconds: Vec<i64> = t.iter().map(|t| t.as_second()).collect();
        assert_eq!(seconds, [1700000000, 1700000001, 1700000002]);
        for nothing in ["null", r#""""#, r#""2024-01-01""#, "1.5", r#""1.5""#] {
            assert!(
                serde_json::from_str::<UnixTime>(nothing).is_err(),
                "{nothing}"
            );
        }
        for beyond in ["18446744073709551615", "9000000000000"] {
            assert!(
                serde_json::from_str::<UnixTime>(beyond).is_err(),
                "{beyond}"
            );
        }
        assert_eq!(
            serde_json::to_string(&UnixTime::from_second(5).unwrap()).unwrap(),
            "5"
        );
        assert_eq!(
            UnixTime::from_second(1700000000).unwrap().to_string(),
            "2023-11-14T22:13:20Z"
        );
    }
}
