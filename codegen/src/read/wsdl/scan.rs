//! A pre-scan of the raw text for what xmltree throws away: the line of every start tag and
//! the prefixed names of its attributes (xmltree keys attributes by local name only, so
//! `wsdl:arrayType` arrives as `arrayType` with its namespace lost).
//!
//! Start tags are listed in document order, which is the order xmltree builds elements in, so
//! the n-th tag here is the n-th element of a pre-order walk of the tree. The scan also refuses
//! any DTD, so no entity of the document is ever expanded, and nesting deeper than any real
//! WSDL, so that the recursive tree builders downstream cannot run out of stack.

use crate::read::Lines;

/// Deeper nesting is refused; real WSDLs nest a dozen levels.
pub const MAX_DEPTH: usize = 256;

/// One start tag as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The qualified name as written (`xsd:element`).
    pub name: String,
    /// 1-based line of the `<`.
    pub line: u32,
    /// Qualified names of the attributes as written, namespace declarations left out.
    pub attributes: Vec<String>,
}

/// Why a document is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A `<!DOCTYPE`, `<!ENTITY` or other markup declaration.
    Declaration,
    /// An element nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// Where and why the scan refused the document (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub reason: Reason,
    pub line: u32,
    pub col: u32,
}

/// Lists the start tags of `text`, or says where it is refused. Tolerates malformed text (the
/// XML parser reports that); never panics.
pub fn start_tags(text: &str) -> Result<Vec<Tag>, Refused> {
    let lines = Lines::new(text);
    let bytes = text.as_bytes();
    let refused = |reason, offset| {
        let (line, col) = lines.position(text, offset);
        Refused { reason, line, col }
    };
    let mut tags = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(open) = find(bytes, at, b"<") {
        let rest = bytes.get(open..).unwrap_or_default();
        at = if rest.starts_with(b"<?") {
            skip_past(bytes, open, b"?>")
        } else if rest.starts_with(b"<!--") {
            skip_past(bytes, open + 4, b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            skip_past(bytes, open, b"]]>")
        } else if rest.starts_with(b"<!") {
            return Err(refused(Reason::Declaration, open));
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            skip_past(bytes, open, b">")
        } else {
            let (tag, end) = start_tag(bytes, open + 1);
            let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
            if !self_closing {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(refused(Reason::TooDeep, open));
                }
            }
            tags.push(Tag {
                line: lines.position(text, open).0,
                ..tag
            });
            end
        };
    }
    Ok(tags)
}

/// Reads a start tag from just after its `<`; returns it (line not yet set) and where it ends.
fn start_tag(bytes: &[u8], from: usize) -> (Tag, usize) {
    let (name, mut at) = name(bytes, from);
    let mut attributes = Vec::new();
    loop {
        at = skip_space(bytes, at);
        match bytes.get(at) {
            None => break,
            Some(b'>') => {
                return (
                    Tag {
                        name,
                        line: 0,
                        attributes,
                    },
                    at + 1,
                );
            }
            Some(b'/') => {
                at += 1;
                continue;
            }
            Some(_) => {}
        }
        let (attribute, after_name) = self::name(bytes, at);
        if attribute.is_empty() {
            // Not a name: malformed; let the parser report it and resume after this byte.
            at += 1;
            continue;
        }
        at = skip_space(bytes, after_name);
        if bytes.get(at) == Some(&b'=') {
            at = skip_space(bytes, at + 1);
            if let Some(&quote) = bytes.get(at).filter(|q| **q == b'"' || **q == b'\'') {
                at = skip_past(bytes, at + 1, &[quote]);
            }
        }
        if attribute != "xmlns" && !attribute.starts_with("xmlns:") {
            attributes.push(attribute);
        }
    }
    (
        Tag {
            name,
            line: 0,
            attributes,
        },
        at,
    )
}

fn name(bytes: &[u8], from: usize) -> (String, usize) {
    let len = bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .position(|b| {
            b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'=' | b'<' | b'"' | b'\'')
        })
        .unwrap_or(bytes.len().saturating_sub(from));
    let raw = bytes.get(from..from + len).unwrap_or_default();
    (String::from_utf8_lossy(raw).into_owned(), from + len)
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The offset just after the next `needle` at or after `from`, or the end of the text.
fn skip_past(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    find(bytes, from, needle).map_or(bytes.len(), |p| p + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, line: u32, attributes: &[&str]) -> Tag {
        Tag {
            name: name.into(),
            line,
            attributes: attributes.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn lists_start_tags_with_lines_and_prefixed_attributes() {
        let text = "<?xml version=\"1.0\"?>\n<!-- <fake/> -->\n<a xmlns:w=\"u\" x='1>2'>\n  <w:b w:arrayType=\"t[]\"\n/>\
                    <![CDATA[<no/>]]></a>";
        let tags = start_tags(text).unwrap();
        assert_eq!(
            tags,
            vec![tag("a", 3, &["x"]), tag("w:b", 4, &["w:arrayType"])]
        );
    }

    #[test]
    fn refuses_declarations_with_their_position() {
        let text = "<?xml version=\"1.0\"?>\n  <!DOCTYPE a [<!ENTITY x \"y\">]>\n<a/>";
        let refused = Refused {
            reason: Reason::Declaration,
            line: 2,
            col: 3,
        };
        assert_eq!(start_tags(text), Err(refused));
        assert!(start_tags("<a><!ENTITY x \"y\"></a>").is_err());
    }

    #[test]
    fn refuses_deep_nesting_but_not_long_flat_documents() {
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert_eq!(
            start_tags(&deep).map_err(|r| r.reason),
            Err(Reason::TooDeep)
        );
        let flat = format!("<r>{}</r>", "<a><b/></a>".repeat(10 * MAX_DEPTH));
        assert_eq!(start_tags(&flat).map(|t| t.len()), Ok(1 + 20 * MAX_DEPTH));
    }

    #[test]
    fn survives_truncated_and_odd_text() {
        for text in [
            "<",
            "<a",
            "<a b",
            "<a b=",
            "<a b=\"",
            "<!--",
            "<?x",
            "</",
            "<a =\"1\">",
            "é<é é='é'>",
        ] {
            let _ = start_tags(text);
        }
    }
}
