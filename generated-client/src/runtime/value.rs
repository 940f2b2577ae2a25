//! Values whose type the spec leaves open, and scalar types the standard library lacks.
//!
//! CONTRACT (stub): Deserialize impls to be implemented.

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

/// A decimal number kept exactly as the server wrote it (money).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decimal(pub String);

/// Seconds since the Unix epoch; decodes from a number or a numeric string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct UnixTime(pub i64);
