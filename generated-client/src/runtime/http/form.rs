//! Parameter values as the HTTP APIs expect them, and the `application/x-www-form-urlencoded`
//! encoding shared by URL queries and form bodies.

use crate::runtime::{Decimal, Secret, UnixTime};
use std::borrow::Cow;

/// A value as the API expects it in a parameter: booleans `true`/`false`, numbers in plain
/// decimal. Lists are sent as repeated keys by [`Call::param_list`](super::Call::param_list).
pub trait FormValue {
    /// The text sent on the wire, before percent-encoding.
    fn form_value(&self) -> Cow<'_, str>;

    /// Why this value cannot be sent, if it cannot (a NaN, a malformed decimal). The reason
    /// must not quote the value: it may be a secret.
    fn check(&self) -> Result<(), String> {
        Ok(())
    }

    /// Whether the value is a secret, to be kept out of errors even when a server echoes it.
    fn is_secret(&self) -> bool {
        false
    }
}

impl FormValue for str {
    fn form_value(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl FormValue for String {
    fn form_value(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl FormValue for bool {
    fn form_value(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

macro_rules! integer_form_value {
    ($($t:ty),*) => {$(
        impl FormValue for $t {
            fn form_value(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
    )*};
}

integer_form_value!(i32, i64, u32, u64);

impl FormValue for f64 {
    /// Rust's `Display` for floats is the shortest text that reads back as the same number,
    /// and never uses an exponent.
    fn form_value(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }

    fn check(&self) -> Result<(), String> {
        if self.is_finite() {
            Ok(())
        } else {
            Err("not a finite number".to_owned())
        }
    }
}

impl FormValue for Secret {
    /// The one place a secret leaves its wrapper: onto the wire.
    fn form_value(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.expose())
    }

    fn is_secret(&self) -> bool {
        true
    }
}

/// Plain decimal text with the value's own scale (`10.50`), never an exponent.
impl FormValue for Decimal {
    fn form_value(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl FormValue for UnixTime {
    fn form_value(&self) -> Cow<'_, str> {
        Cow::Owned(self.as_second().to_string())
    }
}

impl<T: FormValue + ?Sized> FormValue for &T {
    fn form_value(&self) -> Cow<'_, str> {
        (**self).form_value()
    }

    fn check(&self) -> Result<(), String> {
        (**self).check()
    }

    fn is_secret(&self) -> bool {
        (**self).is_secret()
    }
}

/// Appends `key=value` to a form, `&`-separated, both percent-encoded.
pub(super) fn append_pair(form: &mut String, key: &str, value: &str) {
    if !form.is_empty() {
        form.push('&');
    }
    append_encoded(form, key);
    form.push('=');
    append_encoded(form, value);
}

/// Percent-encodes every byte but the unreserved ones (`A-Z a-z 0-9 - . _ ~`), so the text
/// survives any form or path decoder byte for byte: a space becomes `%20`, `+` becomes `%2B`.
pub(crate) fn append_encoded(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(text: &str) -> String {
        let mut out = String::new();
        append_encoded(&mut out, text);
        out
    }

    #[test]
    fn scalars_use_the_apis_spelling() {
        assert_eq!(true.form_value(), "true");
        assert_eq!(false.form_value(), "false");
        assert_eq!((-42_i32).form_value(), "-42");
        assert_eq!(i64::MIN.form_value(), "-9223372036854775808");
        assert_eq!(u32::MAX.form_value(), "4294967295");
        assert_eq!(u64::MAX.form_value(), "18446744073709551615");
        assert_eq!("x".form_value(), "x");
        assert_eq!(String::from("y").form_value(), "y");
        assert_eq!(Secret::new("s3cr3t").form_value(), "s3cr3t");
        assert_eq!("10.50".parse::<Decimal>().unwrap().form_value(), "10.50");
        assert_eq!(
            "12345678901234567.89"
                .parse::<Decimal>()
                .unwrap()
                .form_value(),
            "12345678901234567.89"
        );
        assert_eq!(
            UnixTime::from_second(1_700_000_000).unwrap().form_value(),
            "1700000000"
        );
        assert_eq!((&&7_u64).form_value(), "7");
    }

    #[test]
    fn floats_are_plain_shortest_decimals() {
        assert_eq!(10.5_f64.form_value(), "10.5");
        assert_eq!(3.0_f64.form_value(), "3");
        assert_eq!(0.1_f64.form_value(), "0.1");
        assert_eq!((0.1_f64 + 0.2).form_value(), "0.30000000000000004");
        assert_eq!(1e21_f64.form_value(), "1000000000000000000000");
        assert_eq!(1.5e-7_f64.form_value(), "0.00000015");
        for value in [
            0.1_f64,
            1e21,
            1.5e-7,
            123_456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
        ] {
            let text = value.form_value();
            assert!(!text.contains(['e', 'E']), "{text}");
            assert_eq!(text.parse::<f64>(), Ok(value));
        }
    }

    #[test]
    fn values_that_cannot_be_sent_are_refused() {
        assert!(f64::NAN.check().is_err());
        assert!(f64::INFINITY.check().is_err());
        assert!(<&f64 as FormValue>::check(&&f64::NEG_INFINITY).is_err());
        assert!(1.5_f64.check().is_ok());
    }

    #[test]
    fn percent_encoding_keeps_only_unreserved_bytes() {
        assert_eq!(encoded("aZ09-._~"), "aZ09-._~");
        assert_eq!(encoded("a b+c&d=e%f#g"), "a%20b%2Bc%26d%3De%25f%23g");
        assert_eq!(encoded("<&>'\"]]>"), "%3C%26%3E%27%22%5D%5D%3E");
        assert_eq!(encoded("é€"), "%C3%A9%E2%82%AC");
        assert_eq!(encoded("/?"), "%2F%3F");
    }

    #[test]
    fn pairs_are_ampersand_separated() {
        let mut form = String::new();
        append_pair(&mut form, "a", "1");
        append_pair(&mut form, "b c", "x=y");
        assert_eq!(form, "a=1&b%20c=x%3Dy");
    }
}
