//! Bytes to text: the encoding comes from the byte order mark or the XML declaration, and the
//! result is always a UTF-8 string, so the XML parser never sees anything but UTF-8.
//!
//! Real WSDLs (NuSOAP's among them) declare `ISO-8859-1`; feeding such bytes to a UTF-8 parser
//! would reject or garble every accented character in the documentation.

use crate::diag::Diagnostic;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Encodings this reader understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Latin1,
    Ascii,
}

/// Decodes an XML document to a string without byte order mark.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.starts_with(b"\xFE\xFF") || bytes.starts_with(b"\xFF\xFE") {
        return Err(
            Diagnostic::error(file, 1, "the document is UTF-16, which is not supported")
                .with_hint("save it as UTF-8 or ISO-8859-1"),
        );
    }
    let (has_bom, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let encoding = match declared_encoding(body) {
        None => Encoding::Utf8,
        Some(label) => match encoding_of(&label) {
            Some(encoding) => encoding,
            None => {
                return Err(
                    Diagnostic::error(file, 1, format!("unsupported encoding `{label}`"))
                        .with_hint("supported: UTF-8, ISO-8859-1 (Latin-1), US-ASCII"),
                );
            }
        },
    };
    if has_bom && encoding != Encoding::Utf8 {
        return Err(Diagnostic::error(
            file,
            1,
            "the byte order mark says UTF-8 but the XML declaration names another encoding",
        ));
    }
    match encoding {
        Encoding::Latin1 => Ok(body.iter().map(|&b| char::from(b)).collect()),
        Encoding::Utf8 => utf8(file, body, "UTF-8"),
        Encoding::Ascii => match body.iter().position(|b| !b.is_ascii()) {
            Some(at) => Err(invalid_byte(file, body, at, "US-ASCII")),
            None => utf8(file, body, "US-ASCII"),
        },
    }
}

fn utf8(file: &str, body: &[u8], name: &str) -> Result<String, Diagnostic> {
    String::from_utf8(body.to_vec())
        .map_err(|e| invalid_byte(file, body, e.utf8_error().valid_up_to(), name))
}

fn invalid_byte(file: &str, body: &[u8], at: usize, name: &str) -> Diagnostic {
    let before = body.get(..at).unwrap_or(body);
    let newlines = before.iter().filter(|&&b| b == b'\n').count();
    let line = u32::try_from(newlines + 1).unwrap_or(u32::MAX);
    Diagnostic::error(file, line, format!("the document is not valid {name}"))
        .with_hint("declare the real encoding in the XML declaration, e.g. encoding=\"ISO-8859-1\"")
}

/// The `encoding` pseudo-attribute of a leading `<?xml ...?>` declaration, if any.
fn declared_encoding(body: &[u8]) -> Option<String> {
    let decl = body.strip_prefix(b"<?xml")?;
    let end = decl.windows(2).position(|w| w == b"?>")?;
    let decl = String::from_utf8_lossy(decl.get(..end)?).into_owned();
    let after = decl.split_once("encoding")?.1.trim_start();
    let value = after.strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = value.get(1..)?;
    let label = rest.split(quote).next()?;
    Some(label.trim().to_owned())
}

fn encoding_of(label: &str) -> Option<Encoding> {
    match label.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => Some(Encoding::Utf8),
        "iso-8859-1" | "iso8859-1" | "iso_8859-1" | "latin1" | "latin-1" | "l1" => {
            Some(Encoding::Latin1)
        }
        "us-ascii" | "ascii" => Some(Encoding::Ascii),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_is_transcoded() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xE9</a>";
        assert_eq!(
            decode("f", bytes).unwrap(),
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>café</a>"
        );
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = "<?xml version='1.0' encoding='utf-8'?><a>café</a>";
        assert_eq!(decode("f", plain.as_bytes()).unwrap(), plain);
        let with_bom = [UTF8_BOM, plain.as_bytes()].concat();
        assert_eq!(decode("f", &with_bom).unwrap(), plain);
        assert_eq!(decode("f", "<a>é</a>".as_bytes()).unwrap(), "<a>é</a>");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = decode("f.wsdl", b"<a>\n<b>caf\xE9</b></a>").unwrap_err();
        assert_eq!((err.line, err.is_error()), (2, true));
        assert!(err.message.contains("UTF-8"), "{err}");
    }

    #[test]
    fn unknown_or_conflicting_encodings_are_refused() {
        let err = decode("f", b"<?xml version=\"1.0\" encoding=\"EBCDIC\"?><a/>").unwrap_err();
        assert!(err.message.contains("EBCDIC"), "{err}");
        assert!(decode("f", b"\xFF\xFE<\0a\0/\0>\0").is_err());
        let bom_latin1 = [UTF8_BOM, b"<?xml version=\"1.0\" encoding=\"latin1\"?><a/>"].concat();
        assert!(decode("f", &bom_latin1).is_err());
        assert!(
            decode(
                "f",
                b"<?xml version=\"1.0\" encoding=\"us-ascii\"?><a>\xE9</a>"
            )
            .is_err()
        );
    }
}
