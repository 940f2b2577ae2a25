//! Response bodies to UTF-8 text before parsing: NuSOAP servers answer in ISO-8859-1.
//!
//! The charset comes from a byte-order mark, else the `Content-Type` charset (which RFC 7303
//! puts above the document's own declaration), else the XML declaration, else UTF-8. Labels
//! are looked up as browsers do (WHATWG), so `ISO-8859-1` decodes as windows-1252: identical
//! for every printable Latin-1 character, and right for the curly quotes PHP applications
//! send under that label. Bytes that are invalid in the charset are an error, never replaced.
//!
//! One exception: a body labelled windows-1252 (`ISO-8859-1`, `latin1`, `us-ascii`, … as
//! WHATWG maps them) whose bytes are valid UTF-8 is read as UTF-8. NuSOAP labels every answer
//! ISO-8859-1 but passes a PHP string's bytes through unchanged, so data stored as UTF-8
//! arrives mislabelled, and decoding it as labelled garbles every accent (`passée` becomes
//! `passÃ©e`). Real Latin-1 text with accents is almost never valid UTF-8 (a lone `0xE9`
//! is not), so it stays Latin-1; pure ASCII reads the same either way.

use encoding_rs::Encoding;
use std::borrow::Cow;

/// The body as text. UTF-8 input is borrowed, not copied.
pub(super) fn decode<'b>(
    body: &'b [u8],
    content_type: Option<&str>,
) -> Result<Cow<'b, str>, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(body) {
        return transcode(encoding, body.get(bom_len..).unwrap_or_default());
    }
    let label = content_type
        .and_then(|value| super::media_type::param(value, "charset"))
        .or_else(|| declared_encoding(body).map(Cow::Borrowed))
        .unwrap_or(Cow::Borrowed("utf-8"));
    let encoding = Encoding::for_label(label.as_bytes())
        .ok_or_else(|| format!("unsupported charset {:?}", super::xml::clip(&label)))?;
    if encoding == encoding_rs::WINDOWS_1252
        && let Ok(text) = std::str::from_utf8(body)
    {
        return Ok(Cow::Borrowed(text));
    }
    transcode(encoding, body)
}

fn transcode<'b>(encoding: &'static Encoding, bytes: &'b [u8]) -> Result<Cow<'b, str>, String> {
    if encoding == encoding_rs::UTF_8 {
        return std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|e| format!("the body is not valid UTF-8 (byte {})", e.valid_up_to()));
    }
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| format!("the body is not valid {}", encoding.name()))
}

/// The `encoding` of an XML declaration at the very start of the body.
fn declared_encoding(body: &[u8]) -> Option<&str> {
    let head = body.get(..body.len().min(256))?;
    let head = head.strip_prefix(b"<?xml")?;
    let decl = &head[..head.windows(2).position(|w| w == b"?>")?];
    let decl = std::str::from_utf8(decl).ok()?;
    let after = &decl[decl.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &after[1..];
    Some(&value[..value.find(quote)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed() {
        let body = "<a>é</a>".as_bytes();
        assert!(matches!(decode(body, None), Ok(Cow::Borrowed("<a>é</a>"))));
    }

    #[test]
    fn latin1_from_the_declaration_or_the_header() {
        let body = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xe9</a>";
        assert_eq!(
            decode(body, Some("text/xml")).unwrap(),
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>café</a>"
        );
        let bare = b"<a>caf\xe9</a>";
        assert_eq!(
            decode(bare, Some("text/xml; charset=\"iso-8859-1\"")).unwrap(),
            "<a>café</a>"
        );
        // The header wins over the declaration.
        let utf8 = "<?xml version='1.0' encoding='ISO-8859-1'?><a>é</a>";
        assert_eq!(
            decode(utf8.as_bytes(), Some("text/xml; charset=UTF-8")).unwrap(),
            utf8
        );
    }

    /// NuSOAP's default: UTF-8 data under an ISO-8859-1 label.
    const MISLABELLED: &str = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\
        <a>Commande passée — 5 €</a>";

    #[test]
    fn utf8_labelled_latin1_is_read_as_utf8_and_borrowed() {
        for content_type in [None, Some("text/xml; charset=ISO-8859-1")] {
            let text = decode(MISLABELLED.as_bytes(), content_type).unwrap();
            assert!(matches!(text, Cow::Borrowed(MISLABELLED)), "{text}");
        }
        let labels = ["latin1", "windows-1252", "us-ascii"];
        for label in labels {
            let content_type = format!("text/xml; charset={label}");
            let text = decode("<a>passée</a>".as_bytes(), Some(&content_type)).unwrap();
            assert_eq!(text, "<a>passée</a>", "{label}");
        }
    }

    #[test]
    fn real_latin1_and_mixed_invalid_bytes_stay_latin1() {
        let latin1 = Some("text/xml; charset=ISO-8859-1");
        assert_eq!(decode(b"<a>caf\xe9</a>", latin1).unwrap(), "<a>café</a>");
        // A valid UTF-8 sequence beside a lone Latin-1 byte: the body as a whole is not UTF-8,
        // so every byte is read as labelled.
        assert_eq!(
            decode(b"<a>\xc3\xa9 caf\xe9 \x80</a>", latin1).unwrap(),
            "<a>Ã© café €</a>"
        );
        assert_eq!(decode(b"<a>plain</a>", latin1).unwrap(), "<a>plain</a>");
    }

    #[test]
    fn the_header_label_decides_before_the_declaration() {
        // UTF-8 bytes declared ISO-8859-1 but sent as UTF-8: UTF-8 either way.
        let declared = MISLABELLED.as_bytes();
        assert_eq!(
            decode(declared, Some("text/xml; charset=UTF-8")).unwrap(),
            MISLABELLED
        );
        // Real Latin-1 declared ISO-8859-1 but sent as UTF-8: the header wins, and the bytes
        // are not UTF-8.
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xe9</a>";
        assert!(
            decode(latin1, Some("text/xml; charset=utf-8"))
                .unwrap_err()
                .contains("UTF-8")
        );
        // Declared UTF-8, sent as ISO-8859-1: the header's Latin-1 reading holds for real
        // Latin-1, and mislabelled UTF-8 is still recognised.
        let utf8_declared = b"<?xml version='1.0' encoding='UTF-8'?><a>caf\xe9</a>";
        assert_eq!(
            decode(utf8_declared, Some("text/xml; charset=ISO-8859-1")).unwrap(),
            "<?xml version='1.0' encoding='UTF-8'?><a>café</a>"
        );
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(decode(b"\xEF\xBB\xBF<a/>", None).unwrap(), "<a/>");
        assert_eq!(decode(b"\xFF\xFE<\0a\0/\0>\0", None).unwrap(), "<a/>");
    }

    #[test]
    fn invalid_bytes_and_unknown_charsets_are_errors() {
        assert!(
            decode(b"<a>caf\xe9</a>", None)
                .unwrap_err()
                .contains("UTF-8")
        );
        assert!(
            decode(b"<a/>", Some("text/xml; charset=klingon"))
                .unwrap_err()
                .contains("klingon")
        );
    }
}
