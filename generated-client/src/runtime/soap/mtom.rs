//! MTOM/XOP answers: `Content-Type: multipart/related; type="application/xop+xml";
//! start="<root>"; boundary=…`.
//!
//! The root part (the one `start` names, else the first) is the envelope; binary values travel
//! as parts of their own and the envelope holds `<xop:Include href="cid:…"/>` where they
//! belong. Every include is replaced by the base64 text of the part it names before the
//! envelope is parsed, so the element reads exactly as if the server had inlined it and any
//! `base64Binary` decoder takes it; the streaming decoder and its hot path know nothing of
//! MTOM. A part may be named by several includes, so the resolved envelope is bounded to
//! [`MAX_GROWTH`] times the body: base64 of every part once is 4/3 of it.

use super::media_type;
use base64::Engine;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::borrow::Cow;

/// The XOP namespace of `Include`.
const XOP: &str = "http://www.w3.org/2004/08/xop/include";

/// How much larger than the body the resolved envelope may grow.
const MAX_GROWTH: usize = 2;

/// Whether `content_type` is a multipart answer (MTOM is the only one SOAP servers send).
pub(super) fn is_multipart(content_type: &str) -> bool {
    media_type::essence(content_type).eq_ignore_ascii_case("multipart/related")
}

/// The envelope of a multipart answer as text, every `xop:Include` resolved.
pub(super) fn envelope(body: &[u8], content_type: &str) -> Result<String, String> {
    let boundary = media_type::param(content_type, "boundary")
        .filter(|b| !b.is_empty())
        .ok_or("a multipart answer without a boundary")?;
    let parts = split(body, boundary.as_bytes())?;
    let root = match media_type::param(content_type, "start") {
        Some(start) => parts
            .iter()
            .find(|part| part.id() == Some(unbracket(&start)))
            .ok_or_else(|| format!("no part has the start Content-ID {start:?}"))?,
        None => parts.first().ok_or("a multipart answer without parts")?,
    };
    let text = super::charset::decode(root.content, root.header("content-type"))?;
    let limit = body.len().saturating_mul(MAX_GROWTH);
    resolve_includes(&text, &parts, limit)
}

/// One MIME part: its headers (names as sent) and its content.
struct Part<'b> {
    headers: Vec<(&'b str, &'b str)>,
    content: &'b [u8],
}

impl Part<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }

    /// The `Content-ID` without its angle brackets.
    fn id(&self) -> Option<&str> {
        self.header("content-id").map(unbracket)
    }

    /// The content as base64 text: as sent when the part is itself base64-encoded (line
    /// breaks dropped), else encoded here.
    fn base64(&self) -> Result<String, String> {
        let encoding = self.header("content-transfer-encoding").unwrap_or("binary");
        if encoding.trim().eq_ignore_ascii_case("base64") {
            let text =
                std::str::from_utf8(self.content).map_err(|_| "a base64 part that is not text")?;
            return Ok(text.split_ascii_whitespace().collect());
        }
        if encoding.trim().eq_ignore_ascii_case("quoted-printable") {
            return Err("a quoted-printable part (not supported)".to_owned());
        }
        Ok(base64::engine::general_purpose::STANDARD.encode(self.content))
    }
}

fn unbracket(id: &str) -> &str {
    let id = id.trim();
    id.strip_prefix('<')
        .and_then(|id| id.strip_suffix('>'))
        .unwrap_or(id)
}

/// The parts between the `--boundary` lines (RFC 2046: preamble and epilogue ignored).
fn split<'b>(body: &'b [u8], boundary: &[u8]) -> Result<Vec<Part<'b>>, String> {
    let mut delimiter = b"\n--".to_vec();
    delimiter.extend_from_slice(boundary);
    let finder = memchr::memmem::Finder::new(&delimiter);
    // The first delimiter may open the body, with no line break before it.
    let mut at = if body.starts_with(&delimiter[1..]) {
        delimiter.len() - 1
    } else {
        let found = finder
            .find(body)
            .ok_or("the multipart boundary never occurs")?;
        found + delimiter.len()
    };
    let mut parts = Vec::new();
    loop {
        let rest = &body[at..];
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        let line_end = memchr::memchr(b'\n', rest).ok_or("a multipart part without content")?;
        let start = at + line_end + 1;
        let end = finder
            .find(&body[start..])
            .map(|n| start + n)
            .ok_or("the multipart answer ends inside a part (no closing boundary)")?;
        // The line break before the delimiter belongs to the delimiter.
        let part = &body[start..end];
        let part = part.strip_suffix(b"\r").unwrap_or(part);
        parts.push(parse_part(part)?);
        at = end + delimiter.len();
    }
}

/// Headers up to the first empty line, then content.
fn parse_part(part: &[u8]) -> Result<Part<'_>, String> {
    let mut headers = Vec::new();
    let mut rest = part;
    loop {
        let Some(line_end) = memchr::memchr(b'\n', rest) else {
            return Err("a multipart part whose headers never end".to_owned());
        };
        let line = &rest[..line_end];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        rest = &rest[line_end + 1..];
        if line.is_empty() {
            return Ok(Part {
                headers,
                content: rest,
            });
        }
        let line = std::str::from_utf8(line).map_err(|_| "a part header that is not text")?;
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim(), value.trim()));
        }
    }
}

/// `root` with every XOP `Include` element replaced by the base64 text of the part its
/// `href="cid:…"` names.
fn resolve_includes(root: &str, parts: &[Part<'_>], limit: usize) -> Result<String, String> {
    let mut reader = NsReader::from_str(root);
    let mut out = String::with_capacity(root.len());
    let mut copied = 0;
    loop {
        let before = offset(reader.buffer_position());
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| format!("malformed XML in the root part: {e}"))?;
        let is_include = matches!(ns, ResolveResult::Bound(ns) if ns.0 == XOP);
        let (start, empty) = match event {
            Event::Eof => break,
            Event::Start(start) if is_include => (start, false),
            Event::Empty(start) if is_include => (start, true),
            _ => continue,
        };
        if start.local_name().as_ref() != "Include" {
            continue;
        }
        let href = start
            .try_get_attribute("href")
            .ok()
            .flatten()
            .and_then(|a| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(Cow::into_owned)
            })
            .ok_or("an xop:Include without href")?;
        if !empty {
            reader
                .read_to_end(start.to_end().name())
                .map_err(|e| format!("malformed XML in the root part: {e}"))?;
        }
        let id = percent_decode(href.strip_prefix("cid:").unwrap_or(&href));
        let part = parts
            .iter()
            .find(|part| part.id() == Some(id.as_str()))
            .ok_or_else(|| format!("xop:Include names a part that is not there: {href:?}"))?;
        out.push_str(&root[copied..before]);
        out.push_str(&part.base64()?);
        copied = offset(reader.buffer_position());
        if out.len() > limit {
            return Err(format!(
                "the resolved MTOM envelope grows beyond {MAX_GROWTH} times the answer"
            ));
        }
    }
    out.push_str(&root[copied..]);
    Ok(out)
}

fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

/// `cid:` URLs are URL-encoded Content-IDs (RFC 2392).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CT: &str = "multipart/related; type=\"application/xop+xml\"; \
                      start=\"<root@example>\"; boundary=\"MIME_b\"; start-info=\"text/xml\"";

    fn body(root: &str) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend_from_slice(
            b"preamble\r\n--MIME_b\r\nContent-Type: application/octet-stream\r\n",
        );
        body.extend_from_slice(
            b"Content-ID: <pic%1@example>\r\nContent-Transfer-Encoding: binary\r\n\r\n",
        );
        body.extend_from_slice(&[0, 1, 2, 0xFF, b'\r', b'\n']);
        body.extend_from_slice(b"\r\n--MIME_b\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n");
        body.extend_from_slice(b"Content-ID: <root@example>\r\n\r\n");
        body.extend_from_slice(root.as_bytes());
        body.extend_from_slice(b"\r\n--MIME_b--\r\n");
        body
    }

    #[test]
    fn includes_become_the_base64_of_their_part() {
        let root = r#"<e xmlns:x="http://www.w3.org/2004/08/xop/include"><a><x:Include href="cid:pic%251@example"/></a><b><x:Include href="cid:pic%251@example"></x:Include></b></e>"#;
        let text = envelope(&body(root), CT).unwrap();
        assert_eq!(
            text,
            "<e xmlns:x=\"http://www.w3.org/2004/08/xop/include\"><a>AAEC/w0K</a><b>AAEC/w0K</b></e>"
        );
    }

    #[test]
    fn an_include_in_another_namespace_is_left_alone() {
        let root = r#"<e><Include href="cid:pic%251@example"/></e>"#;
        assert_eq!(envelope(&body(root), CT).unwrap(), root);
    }

    #[test]
    fn bad_answers_are_errors_not_panics() {
        let root = r#"<e xmlns:x="http://www.w3.org/2004/08/xop/include"><x:Include href="cid:nope"/></e>"#;
        assert!(envelope(&body(root), CT).unwrap_err().contains("not there"));
        assert!(envelope(b"--MIME_b\r\nContent-ID: <a>\r\n", CT).is_err());
        assert!(envelope(b"no boundary at all", CT).is_err());
        assert!(envelope(b"", "multipart/related").is_err());
        let mut unclosed = body("<e/>");
        unclosed.truncate(unclosed.len() - 12);
        assert!(envelope(&unclosed, CT).is_err());
    }

    #[test]
    fn includes_cannot_inflate_the_envelope_without_bound() {
        let include = r#"<x:Include href="cid:pic%251@example"/>"#;
        let root = format!(
            r#"<e xmlns:x="http://www.w3.org/2004/08/xop/include">{}</e>"#,
            include.repeat(400)
        );
        // 400 × 8 base64 characters stay under twice the body; a 4 kB part would not.
        assert!(envelope(&body(&root), CT).is_ok());
        let big = body(&root).len();
        let mut huge = b"--MIME_b\r\nContent-ID: <pic%1@example>\r\n\r\n".to_vec();
        huge.extend(std::iter::repeat_n(7u8, 4000));
        huge.extend_from_slice(b"\r\n--MIME_b\r\nContent-ID: <root@example>\r\n\r\n");
        huge.extend_from_slice(root.as_bytes());
        huge.extend_from_slice(b"\r\n--MIME_b--");
        assert!(huge.len() > big);
        assert!(envelope(&huge, CT).unwrap_err().contains("grows beyond"));
    }
}
