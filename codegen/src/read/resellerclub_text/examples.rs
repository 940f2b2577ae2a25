//! Example request URLs and the region label each one carries: on the same line before the
//! URL (`US Server https://…`), on a line of its own above it (`Rest of the World`), or none.

use super::sections::Section;
use super::{Sink, text};
use crate::read::page::ExampleUrl;

/// Most words a label line has; longer lines are prose the reader does not use.
const LABEL_MAX_WORDS: usize = 8;

/// The section's URLs in page order.
pub(super) fn read(section: Option<&Section<'_>>, sink: &mut Sink<'_>) -> Vec<ExampleUrl> {
    let mut examples = Vec::new();
    let Some(section) = section else {
        sink.warn(
            0,
            "the page has no `Example Test URL Request` section, so no example URL",
        );
        return examples;
    };
    // A label line waiting for its URL.
    let mut label: Option<(u32, String)> = None;
    for line in &section.lines {
        let Some((before, url, after)) = split_url(line.text) else {
            if let Some((no, unused)) = label.take() {
                sink.warn(no, format!("example label `{unused}` has no URL"));
            }
            if is_label(line.text) {
                label = Some((line.no, clean_label(line.text)));
            } else {
                sink.warn(
                    line.no,
                    format!("text in the example section ignored: `{}`", line.text),
                );
            }
            continue;
        };
        let own = clean_label(before);
        let label = match (own.is_empty(), label.take()) {
            (true, above) => above.map(|(_, l)| l),
            (false, above) => {
                if let Some((no, unused)) = above {
                    sink.warn(no, format!("example label `{unused}` has no URL"));
                }
                Some(own)
            }
        };
        if !after.trim().is_empty() {
            sink.warn(
                line.no,
                format!("text after the example URL ignored: `{}`", after.trim()),
            );
        }
        examples.push(ExampleUrl {
            label,
            url: url.to_owned(),
            line: line.no,
        });
    }
    if let Some((no, unused)) = label {
        sink.warn(no, format!("example label `{unused}` has no URL"));
    }
    if examples.is_empty() {
        sink.warn_hint(
            section.heading,
            "no example URL found",
            "the operation's path and regions come from its example URLs",
        );
    }
    examples
}

/// The text before the URL, the URL (the word holding `://`, with a letters-only scheme so
/// that typos such as `hhttps://` stay as written), and the text after it.
fn split_url(line: &str) -> Option<(&str, &str, &str)> {
    let separator = line.find("://")?;
    let head = line.get(..separator)?;
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = line
        .get(separator..)?
        .find(char::is_whitespace)
        .map_or(line.len(), |i| separator + i);
    let scheme = line.get(start..separator)?;
    if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((line.get(..start)?, line.get(start..end)?, line.get(end..)?))
}

/// A short line that does not end a sentence: `India`, `South East Asia & Egypt`.
fn is_label(line: &str) -> bool {
    line.split_whitespace().count() <= LABEL_MAX_WORDS && !line.ends_with(['.', '!', '?', ';', ','])
}

/// `US Server:` → `US Server`.
fn clean_label(text: &str) -> String {
    text::collapse(text.trim().trim_end_matches([':', '-', '–']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_with_label_before_it() {
        assert_eq!(
            split_url("US Server  https://a.test/x?y=1 "),
            Some(("US Server  ", "https://a.test/x?y=1", " "))
        );
        assert_eq!(
            split_url("hhttps://a.test/x"),
            Some(("", "hhttps://a.test/x", ""))
        );
        assert_eq!(
            split_url("Région\u{a0}https://a.test"),
            Some(("Région\u{a0}", "https://a.test", ""))
        );
    }

    #[test]
    fn not_urls() {
        assert_eq!(split_url("no url here"), None);
        assert_eq!(split_url("://x"), None);
        assert_eq!(split_url("see 1://x"), None);
    }

    #[test]
    fn labels() {
        assert!(is_label("South East Asia & Egypt"));
        assert!(is_label("US Server:"));
        assert_eq!(clean_label(" US Server: "), "US Server");
        assert!(!is_label(
            "Use the test server to try the call without placing real orders."
        ));
    }
}
