//! Small text helpers shared by the section readers.

/// Collapses every run of whitespace (tabs, no-break spaces, line ends) to one space, trimmed.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Pieces of text (one per source line) as one collapsed string.
pub(super) fn join(pieces: &[String]) -> String {
    collapse(&pieces.join(" "))
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
