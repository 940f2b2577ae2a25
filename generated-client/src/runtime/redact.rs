//! Keeps the client's own secrets out of everything an error keeps or prints.
//!
//! PHP error pages, proxies and some SOAP faults echo the request they failed on, and with it
//! a password, an API key or a session id. Before a call returns an error, every text the
//! error holds is searched for each secret the call sent, in every spelling the wire may have
//! given it back: as sent, XML-escaped once or twice (all five entities with `&apos;` or
//! PHP's `&#039;`, or only `&`, `<`, `>`), form-encoded (both ways of writing a space) and
//! JSON-escaped. Twice, because a fault or an error page that quotes the SOAP request it
//! received escapes the envelope, in which the secret was already escaped once.

use std::borrow::Cow;

/// What replaces a secret.
pub const REDACTED: &str = "<redacted>";

/// The secrets of one call, in every spelling, longest first (so that a spelling containing
/// another is replaced whole).
#[derive(Debug, Default)]
pub(crate) struct Redactor {
    needles: Vec<String>,
}

impl Redactor {
    /// Adds a secret the call sends. An empty one is ignored: it would match everywhere.
    pub(crate) fn add(&mut self, secret: &str) {
        if secret.is_empty() {
            return;
        }
        let mut spellings = vec![
            Cow::Borrowed(secret),
            form_encoded(secret, "%20"),
            form_encoded(secret, "+"),
            json_escaped(secret),
        ];
        for escape in XML_ESCAPES {
            let once = escape(secret);
            spellings.extend(XML_ESCAPES.map(|again| Cow::Owned(again(&once))));
            spellings.push(Cow::Owned(once));
        }
        for spelling in spellings {
            if !self.needles.iter().any(|n| *n == spelling) {
                self.needles.push(spelling.into_owned());
            }
        }
        self.needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// Replaces every secret in `text`.
    pub(crate) fn apply(&self, text: &mut String) {
        for needle in &self.needles {
            if text.contains(needle.as_str()) {
                *text = text.replace(needle.as_str(), REDACTED);
            }
        }
    }
}

/// The ways servers write text into XML or HTML: every special character escaped (as this
/// crate's SOAP writer and quick-xml do, `'` as `&apos;`), the same with `'` as `&#039;` (PHP's
/// `htmlspecialchars`), or only `&`, `<` and `>` (libxml in element content).
const XML_ESCAPES: [fn(&str) -> String; 3] = [
    |text| quick_xml::escape::escape(text).into_owned(),
    |text| quick_xml::escape::escape(text).replace("&apos;", "&#039;"),
    |text| quick_xml::escape::partial_escape(text).into_owned(),
];

/// `application/x-www-form-urlencoded`, as the form encoder writes it but with `space`.
fn form_encoded(text: &str, space: &str) -> Cow<'static, str> {
    let mut out = String::new();
    crate::runtime::http::form::append_encoded(&mut out, text);
    Cow::Owned(out.replace("%20", space))
}

fn json_escaped(text: &str) -> Cow<'static, str> {
    let quoted = serde_json::to_string(text).unwrap_or_default();
    let inner = quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or_default();
    Cow::Owned(inner.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_secret_is_replaced() {
        let mut redactor = Redactor::default();
        redactor.add("p@ss w&rd<1>\"/");
        redactor.add("");
        let mut text = "raw p@ss w&rd<1>\"/ xml p@ss w&amp;rd&lt;1&gt;&quot;/ \
                        xml2 p@ss w&amp;rd&lt;1&gt;\"/ \
                        form p%40ss+w%26rd%3C1%3E%22%2F form2 p%40ss%20w%26rd%3C1%3E%22%2F \
                        json p@ss w&rd<1>\\\"/"
            .to_owned();
        redactor.apply(&mut text);
        assert_eq!(
            text,
            "raw <redacted> xml <redacted> xml2 <redacted> form <redacted> form2 <redacted> \
             json <redacted>"
        );
    }

    #[test]
    fn a_secret_quoted_from_an_escaped_request_is_replaced() {
        let mut redactor = Redactor::default();
        redactor.add("s&<'>");
        // What the request carried, escaped again by a fault or a PHP error page.
        let mut text = "<faultstring>&lt;sid&gt;s&amp;amp;&amp;lt;&amp;apos;&amp;gt;&lt;/sid&gt; \
                        s&amp;amp;&amp;lt;&amp;#039;&amp;gt; s&amp;amp;&amp;lt;'&amp;gt;"
            .to_owned();
        redactor.apply(&mut text);
        assert_eq!(
            text,
            "<faultstring>&lt;sid&gt;<redacted>&lt;/sid&gt; <redacted> <redacted>"
        );
    }

    #[test]
    fn no_secret_changes_nothing() {
        let redactor = Redactor::default();
        assert!(redactor.is_empty());
        let mut text = "anything".to_owned();
        redactor.apply(&mut text);
        assert_eq!(text, "anything");
    }
}
