//! Small text helpers shared by the section readers.

/// Collapses every run of whitespace (tabs, no-break spaces, line ends) to one space, trimmed.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Pieces of text (one per source line) as one collapsed string.
pub(super) fn join(pieces: &[String]) -> String {
    collapse(&pieces.join(" "))
}

/// A parameter's description without the stubs its lost formatting leaves: the pages set
/// `Note` on a line of its own above the note's text, and some lists (of TLDs, of character
/// sets) are images or links that the text rendering drops. So a `Note` followed by text
/// becomes `Note:`; a `Note` with nothing after it, and a sentence announcing a list (ending
/// in `:`) with nothing after it or only a `Note` after it, are removed, so that no doc ends
/// mid-thought ("… for the Order. Note", "Send -1 for the TLDs listed here:").
pub(super) fn tidy(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    loop {
        let before = words.len();
        // A trailing `Note`, or a lost list's announcement before a `Note` or at the end.
        if words.last() == Some(&"Note") {
            words.pop();
        }
        let lost_list = words.iter().enumerate().find_map(|(at, word)| {
            let next = words.get(at + 1).copied();
            (word.ends_with(':') && matches!(next, None | Some("Note"))).then_some(at)
        });
        if let Some(end) = lost_list {
            let start = words[..end]
                .iter()
                .rposition(|w| w.ends_with(['.', '!', '?', ':']))
                .map_or(0, |i| i + 1);
            words.drain(start..=end);
        }
        if words.len() == before {
            break;
        }
    }
    let mut out = String::with_capacity(text.len());
    for (at, word) in words.iter().enumerate() {
        if at > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if *word == "Note" && at + 1 < words.len() && at > 0 && words[at - 1].ends_with('.') {
            out.push(':');
        }
    }
    out
}

/// `Some(text)` unless `text` is empty.
pub(super) fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// A key or parameter name as the vendor writes one (`entityid`, `orders.orderid`,
/// `discount-amount`): no spaces, no parentheses, starting with a letter or digit.
pub(super) fn is_key_like(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_alphanumeric)
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '[' | ']'))
}

/// The words of a sentence without the punctuation around them (`customerid.` → `customerid`),
/// so dotted and hyphenated keys stay whole.
pub(super) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| {
                matches!(
                    c,
                    ',' | '.' | ';' | ':' | '!' | '?' | '"' | '\'' | '(' | ')'
                )
            })
        })
        .filter(|w| !w.is_empty())
}

/// Whether `haystack` contains any of `needles` (lower-case ASCII), ignoring ASCII case.
pub(super) fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    let lower = haystack.to_ascii_lowercase();
    needles.iter().any(|n| lower.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_handles_tabs_and_no_break_spaces() {
        assert_eq!(collapse(" a\t\tb\u{a0} c \n"), "a b c");
        assert_eq!(join(&["a ".into(), " b".into()]), "a b");
    }

    #[test]
    fn tidy_leaves_no_dangling_note_or_announced_list() {
        // Strings as the corpus pages read once their cells are joined.
        let cases = [
            (
                "Enables / Disables the Auto Renewal setting for the Order. Note",
                "Enables / Disables the Auto Renewal setting for the Order.",
            ),
            (
                "State to record when state is Not Applicable. Note Send this only when \
                 state is Not Applicable, with a suitable value.",
                "State to record when state is Not Applicable. Note: Send this only when \
                 state is Not Applicable, with a suitable value.",
            ),
            (
                "Contact Id of the Administrative Contact. Note Send -1 for the TLDs listed \
                 here:",
                "Contact Id of the Administrative Contact.",
            ),
            (
                "Domain name to register. IDNs are accepted in the character sets listed \
                 below: Note The name may be sent either in Unicode (its native script) or \
                 in Punycode, for example xn--80ak6aa92e.com.",
                "Domain name to register. Note: The name may be sent either in Unicode (its \
                 native script) or in Punycode, for example xn--80ak6aa92e.com.",
            ),
            (
                "Switches the Auto Renewal setting of the Order on or off Note",
                "Switches the Auto Renewal setting of the Order on or off",
            ),
            (
                "Values can be: NoInvoice, PayInvoice",
                "Values can be: NoInvoice, PayInvoice",
            ),
            ("Invoice Note value", "Invoice Note value"),
        ];
        for (read, tidied) in cases {
            assert_eq!(tidy(read), collapse(tidied), "{read}");
        }
    }

    #[test]
    fn key_like_names() {
        for key in [
            "entityid",
            "orders.orderid",
            "discount-amount",
            "isImmediateReseller",
            "0",
        ] {
            assert!(is_key_like(key), "{key}");
        }
        for text in ["", "in the selling currency", "-x", "a(b)", "a,b"] {
            assert!(!is_key_like(text), "{text}");
        }
    }

    #[test]
    fn words_keep_dotted_keys() {
        let w: Vec<_> = words("amount and entity.customerid. (x)").collect();
        assert_eq!(w, vec!["amount", "and", "entity.customerid", "x"]);
    }
}
