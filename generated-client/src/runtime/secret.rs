//! Secrets (passwords, API keys, session ids) that must never reach Debug output, errors or
//! logs.

use std::fmt;

/// A string that prints as `<redacted>`. Read it with [`Secret::expose`] only where it goes on
/// the wire.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The newtype name a [`Secret`] is written under: the SOAP serializer notes its value, so
/// that a call's errors never show it even when the server echoes it back. Any other
/// serializer writes the text itself.
pub(crate) const SECRET_NEWTYPE: &str = "$generated_client::Secret";

/// Written as the text it holds (a header's token goes on the wire like any string).
impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(SECRET_NEWTYPE, &self.0)
    }
}

/// Read from the wire as the text it is, for the mock server's recorded requests.
impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}
