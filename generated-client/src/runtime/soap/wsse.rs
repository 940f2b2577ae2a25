//! WS-Security UsernameToken (OASIS Username Token Profile 1.1) in every request's header:
//!
//! ```xml
//! <wsse:Security SOAP-ENV:mustUnderstand="1">
//!   <wsse:UsernameToken>
//!     <wsse:Username>…</wsse:Username>
//!     <wsse:Password Type="…#PasswordDigest">Base64(SHA-1(nonce + created + password))</wsse:Password>
//!     <wsse:Nonce EncodingType="…#Base64Binary">16 random bytes, base64</wsse:Nonce>
//!     <wsu:Created>UTC now, milliseconds</wsu:Created>
//!   </wsse:UsernameToken>
//! </wsse:Security>
//! ```
//!
//! `#PasswordText` sends the password itself instead of the digest, with the same nonce and
//! time (servers use them against replays either way). Nonce and time are new for every
//! request, so a digest is never reused. The password, the digest and the nonce are added to
//! the call's redactor: no error shows them, even when a fault echoes the request.

use super::ser::escape;
use crate::runtime::{Error, Redactor, Secret};
use base64::Engine;
use sha1::{Digest, Sha1};

const WSSE: &str =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
const WSU: &str =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
const PROFILE: &str =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";
const BASE64_BINARY: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

/// How the password travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordType {
    /// The password as is (`#PasswordText`).
    Text,
    /// Base64(SHA-1(nonce + created + password)) (`#PasswordDigest`).
    Digest,
}

/// The credentials a client adds to every request; the password never appears in `Debug`.
#[derive(Debug, Clone)]
pub struct UsernameToken {
    username: String,
    password: Secret,
    password_type: PasswordType,
}

impl UsernameToken {
    pub fn new(username: impl Into<String>, password: Secret, password_type: PasswordType) -> Self {
        Self {
            username: username.into(),
            password,
            password_type,
        }
    }

    /// The `wsse:Security` header block for one request, with a fresh nonce and time; every
    /// secret it holds is added to `secrets`.
    pub(super) fn header(&self, secrets: &mut Redactor) -> Result<Vec<u8>, Error> {
        let mut nonce = [0u8; 16];
        getrandom::fill(&mut nonce).map_err(|error| Error::Setup {
            message: format!("no random nonce for the WS-Security header: {error}"),
            source: None,
        })?;
        let created = jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string();
        self.header_with(&nonce, &created, secrets)
    }

    fn header_with(
        &self,
        nonce: &[u8],
        created: &str,
        secrets: &mut Redactor,
    ) -> Result<Vec<u8>, Error> {
        let password = self.password.expose();
        let (kind, value) = match self.password_type {
            PasswordType::Text => ("PasswordText", password.to_owned()),
            PasswordType::Digest => ("PasswordDigest", digest(nonce, created, password)),
        };
        let nonce = base64::engine::general_purpose::STANDARD.encode(nonce);
        secrets.add(password);
        secrets.add(&value);
        secrets.add(&nonce);
        let mut out = Vec::with_capacity(1024);
        out.extend_from_slice(
            format!(
                "<wsse:Security xmlns:wsse=\"{WSSE}\" xmlns:wsu=\"{WSU}\" \
                 SOAP-ENV:mustUnderstand=\"1\"><wsse:UsernameToken><wsse:Username>"
            )
            .as_bytes(),
        );
        escape(&mut out, &self.username, false).map_err(|_| invalid("username"))?;
        out.extend_from_slice(
            format!("</wsse:Username><wsse:Password Type=\"{PROFILE}#{kind}\">").as_bytes(),
        );
        escape(&mut out, &value, false).map_err(|_| invalid("password"))?;
        out.extend_from_slice(
            format!(
                "</wsse:Password><wsse:Nonce EncodingType=\"{BASE64_BINARY}\">{nonce}</wsse:Nonce>\
                 <wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>"
            )
            .as_bytes(),
        );
        Ok(out)
    }
}

/// A credential XML cannot carry; the error names the field, never its value.
fn invalid(what: &str) -> Error {
    Error::InvalidRequest {
        message: format!("the WS-Security {what} holds characters XML cannot carry"),
    }
}

/// `#PasswordDigest`: Base64(SHA-1(nonce + created + password)), the nonce as raw bytes.
fn digest(nonce: &[u8], created: &str, password: &str) -> String {
    let mut sha = Sha1::new();
    sha.update(nonce);
    sha.update(created.as_bytes());
    sha.update(password.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(sha.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONCE: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    const CREATED: &str = "2026-01-02T03:04:05.678Z";
    const PASSWORD: &str = "s3cr&t<pass>";

    /// Computed apart from this code: Python's `base64.b64encode(hashlib.sha1(bytes(range(16))
    /// + b"2026-01-02T03:04:05.678Z" + b"s3cr&t<pass>").digest())`.
    const DIGEST: &str = "e6WLmjvKFwKx/iKNa7p57MAe6s8=";

    fn token(password_type: PasswordType) -> UsernameToken {
        UsernameToken::new("alice", Secret::new(PASSWORD), password_type)
    }

    #[test]
    fn digest_follows_the_oasis_formula() {
        assert_eq!(digest(&NONCE, CREATED, PASSWORD), DIGEST);
    }

    #[test]
    fn digest_header_carries_nonce_time_and_digest_and_registers_them() {
        let mut secrets = Redactor::default();
        let header = token(PasswordType::Digest)
            .header_with(&NONCE, CREATED, &mut secrets)
            .unwrap();
        let header = String::from_utf8(header).unwrap();
        assert!(header.contains("<wsse:Username>alice</wsse:Username>"));
        assert!(header.contains(&format!("#PasswordDigest\">{DIGEST}</wsse:Password>")));
        assert!(header.contains("#Base64Binary\">AAECAwQFBgcICQoLDA0ODw==</wsse:Nonce>"));
        assert!(header.contains(&format!("<wsu:Created>{CREATED}</wsu:Created>")));
        assert!(!header.contains("s3cr"));
        let mut echoed = format!("fault: {header} {PASSWORD}");
        secrets.apply(&mut echoed);
        assert!(
            !echoed.contains(DIGEST) && !echoed.contains("AAECAwQF") && !echoed.contains("s3cr")
        );
    }

    #[test]
    fn text_header_sends_the_password_escaped() {
        let mut secrets = Redactor::default();
        let header = token(PasswordType::Text)
            .header_with(&NONCE, CREATED, &mut secrets)
            .unwrap();
        let header = String::from_utf8(header).unwrap();
        assert!(header.contains("#PasswordText\">s3cr&amp;t&lt;pass&gt;</wsse:Password>"));
        let mut echoed = header.clone();
        secrets.apply(&mut echoed);
        assert!(!echoed.contains("s3cr"), "{echoed}");
    }

    #[test]
    fn each_request_gets_a_new_nonce_and_a_utc_time() {
        let token = token(PasswordType::Digest);
        let mut secrets = Redactor::default();
        let first = String::from_utf8(token.header(&mut secrets).unwrap()).unwrap();
        let second = String::from_utf8(token.header(&mut secrets).unwrap()).unwrap();
        let nonce = |h: &str| h.split("<wsse:Nonce").nth(1).map(str::to_owned);
        assert_ne!(nonce(&first), nonce(&second));
        let created = first.split("<wsu:Created>").nth(1).unwrap();
        let created = &created[..created.find('<').unwrap()];
        assert_eq!(created.len(), CREATED.len(), "{created}");
        assert!(created.ends_with('Z') && created.as_bytes()[19] == b'.');
    }

    #[test]
    fn debug_hides_the_password() {
        let debug = format!("{:?}", token(PasswordType::Text));
        assert!(!debug.contains("s3cr"), "{debug}");
    }
}
