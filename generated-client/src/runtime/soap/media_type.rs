//! Parameters of a `Content-Type` value (`type/subtype; name=value; …`).
//!
//! A value may be a quoted string holding `;`, `=` and `\"` (RFC 9110 §5.6.6): CXF sends
//! `start-info="application/soap+xml; action=\"…\""` on its SOAP 1.2 MTOM answers. So the value
//! is cut at separators outside quotes only. Servers also send sloppy forms (a trailing `;`,
//! spaces around `=`, a bare word): a malformed parameter is passed over, never an error, since
//! the header only guides how the body is read. (The `mime` crate refuses both the escaped
//! quotes and the spaces.)

use std::borrow::Cow;

/// The media type without its parameters (`multipart/related`).
pub(super) fn essence(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or_default().trim()
}

/// The value of parameter `name` (case-insensitive), unquoted and unescaped.
pub(super) fn param<'v>(content_type: &'v str, name: &str) -> Option<Cow<'v, str>> {
    let mut rest = content_type.split_once(';')?.1;
    loop {
        let (key, after) = rest.split_once('=')?;
        // A bare word before the key (`foo; charset=…`) is no parameter of ours.
        let key = key.rsplit(';').next().unwrap_or(key).trim();
        let (value, next) = match after.trim_start().strip_prefix('"') {
            Some(quoted) => unquote(quoted),
            None => match after.split_once(';') {
                Some((value, next)) => (Cow::Borrowed(value.trim()), Some(next)),
                None => (Cow::Borrowed(after.trim()), None),
            },
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        rest = next?;
    }
}

/// A quoted string's content up to its closing quote (`quoted` starts after the opening one),
/// and what follows the next `;` after it. An unclosed string runs to the end.
fn unquote(quoted: &str) -> (Cow<'_, str>, Option<&str>) {
    let mut escaped = false;
    let mut owned: Option<String> = None;
    for (at, c) in quoted.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
            owned.get_or_insert_with(|| quoted[..at].to_owned());
            continue;
        } else if c == '"' {
            let value = owned.map_or(Cow::Borrowed(&quoted[..at]), Cow::Owned);
            let next = quoted[at + 1..].split_once(';').map(|(_, next)| next);
            return (value, next);
        }
        if let Some(owned) = owned.as_mut() {
            owned.push(c);
        }
    }
    (owned.map_or(Cow::Borrowed(quoted), Cow::Owned), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_quoted_and_sloppy_parameters() {
        let gsoap = "multipart/related; charset=utf-8; boundary=\"==abc/def==\"; \
                     type=\"application/xop+xml\"; start=\"<SOAP-ENV:Envelope>\"";
        assert_eq!(essence(gsoap), "multipart/related");
        assert_eq!(param(gsoap, "boundary").as_deref(), Some("==abc/def=="));
        assert_eq!(
            param(gsoap, "START").as_deref(),
            Some("<SOAP-ENV:Envelope>")
        );
        assert_eq!(param(gsoap, "charset").as_deref(), Some("utf-8"));
        assert_eq!(
            param("text/xml;charset=UTF-8;", "charset").as_deref(),
            Some("UTF-8")
        );
        assert_eq!(
            param("text/xml; charset = latin1", "charset").as_deref(),
            Some("latin1")
        );
        assert_eq!(
            param("text/xml; foo; charset=x", "charset").as_deref(),
            Some("x")
        );
        assert_eq!(param("text/xml", "charset"), None);
        assert_eq!(param("text/xml; charset", "charset"), None);
        assert_eq!(
            param("text/xml; charset=\"open", "charset").as_deref(),
            Some("open")
        );
    }

    #[test]
    fn separators_inside_quotes_are_content() {
        let cxf = "multipart/related; type=\"application/xop+xml\"; \
                   start-info=\"application/soap+xml; action=\\\"urn:a;boundary=x\\\"\"; \
                   boundary=\"uuid:1\"; start=\"<root.message@cxf.apache.org>\"";
        assert_eq!(param(cxf, "boundary").as_deref(), Some("uuid:1"));
        assert_eq!(
            param(cxf, "start-info").as_deref(),
            Some("application/soap+xml; action=\"urn:a;boundary=x\"")
        );
        assert_eq!(
            param(cxf, "start").as_deref(),
            Some("<root.message@cxf.apache.org>")
        );
    }
}
