//! XML Schema's binary types: `base64Binary` and `hexBinary`, bytes in Rust and text on the
//! wire. Like the time types, they go through serde strings, so every decoder reads them and
//! an unreadable one stays `Unreadable` in a [`Lenient`](crate::runtime::Lenient) answer.

use super::time::text_serde;
use base64::Engine;
use std::fmt;

/// `xsd:base64Binary`: written in standard base64 with padding; read ignoring the line breaks
/// and spaces that MIME-style encoders put in.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Base64(pub Vec<u8>);

/// `xsd:hexBinary`: written in upper case, read in either.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct HexBinary(pub Vec<u8>);

macro_rules! bytes_type {
    ($($ty:ident),*) => {$(
        impl std::ops::Deref for $ty {
            type Target = [u8];

            fn deref(&self) -> &[u8] {
                &self.0
            }
        }

        impl From<Vec<u8>> for $ty {
            fn from(bytes: Vec<u8>) -> Self {
                Self(bytes)
            }
        }

        /// The length only: the bytes may be anything, a document or a key.
        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({} bytes)", stringify!($ty), self.0.len())
            }
        }
    )*};
}

bytes_type!(Base64, HexBinary);
text_serde!(Base64 => "base64 text", HexBinary => "hexadecimal text");

impl fmt::Display for Base64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl std::str::FromStr for Base64 {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        base64::engine::general_purpose::STANDARD
            .decode(compact)
            .map(Self)
            .map_err(|e| e.to_string())
    }
}

impl fmt::Display for HexBinary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode_upper(&self.0))
    }
}

impl std::str::FromStr for HexBinary {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        hex::decode(text.trim())
            .map(Self)
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_and_hex_round_trip_and_refuse_other_text() {
        let bytes = Base64(b"hello\x00\xff".to_vec());
        assert_eq!(bytes.to_string(), "aGVsbG8A/w==");
        assert_eq!("aGVs\r\n bG8A/w==".parse::<Base64>().unwrap(), bytes);
        assert!("not base64!".parse::<Base64>().is_err());
        let hex = HexBinary(vec![0x0f, 0xa0]);
        assert_eq!(hex.to_string(), "0FA0");
        assert_eq!("0fa0".parse::<HexBinary>().unwrap(), hex);
        assert!("0fa".parse::<HexBinary>().is_err());
        assert_eq!(format!("{bytes:?}"), "Base64(7 bytes)");
    }
}
