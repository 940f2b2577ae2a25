//! Allowed values a parameter's description enumerates, in two wordings and no others (values
//! are never guessed from prose such as `for example Active, InActive or Deleted`):
//!
//! - a list after a marker: `Values can be: NoInvoice, PayInvoice, KeepInvoice, OnlyAdd`,
//!   `… KeepInvoice or OnlyAdd.`, `Values: True / False`;
//! - a line ending in `:` followed by two or more `Value: meaning` lines
//!   (`Use one of these Invoice Options:` / `NoInvoice: no invoice is raised …`).

use super::text;
use crate::read::page::PageValue;

/// Verbs between `Values` and the list.
const VERBS: [&str; 5] = ["can be", "are", "is", "may be", "must be"];

/// Words that open a note line rather than name a value (`Note: …`).
const NOT_VALUES: [&str; 8] = [
    "note",
    "example",
    "examples",
    "default",
    "e.g",
    "eg",
    "important",
    "warning",
];

/// The values `pieces` (a description, one piece per source line) enumerate; empty when they
/// enumerate none, an error when a marker introduces a list that cannot be read.
pub(super) fn find(pieces: &[String]) -> Result<Vec<PageValue>, String> {
    let lines = value_lines(pieces);
    if !lines.is_empty() {
        return Ok(lines);
    }
    marked_list(&text::join(pieces))
}

fn value_lines(pieces: &[String]) -> Vec<PageValue> {
    for (i, intro) in pieces.iter().enumerate() {
        if !intro.ends_with(':') {
            continue;
        }
        let following = pieces.get(i + 1..).unwrap_or_default();
        let mut values: Vec<PageValue> = Vec::new();
        for value in following.iter().map_while(|p| value_line(p)) {
            if values.iter().any(|v| v.value == value.value) {
                break;
            }
            values.push(value);
        }
        if values.len() >= 2 {
            return values;
        }
    }
    Vec::new()
}

/// `NoInvoice: meaning`.
fn value_line(piece: &str) -> Option<PageValue> {
    let (value, meaning) = piece.split_once(':')?;
    let value = value.trim();
    let is_note = NOT_VALUES.contains(&value.to_ascii_lowercase().as_str());
    if !is_value(value) || is_note || meaning.starts_with('/') {
        return None;
    }
    Some(PageValue {
        value: value.to_owned(),
        docs: text::non_empty(text::collapse(meaning)),
    })
}

/// One value as a page writes it: a single word such as `NoInvoice`, `True`, `.com`, `5`.
fn is_value(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '.')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '+'))
}

/// The first readable list after a marker. `Values:` and `Values can be:` (with the colon)
/// promise a list, so failing to read one is reported; `Values are …` without one is not.
fn marked_list(text: &str) -> Result<Vec<PageValue>, String> {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` index `text`.
    let lower = text.to_ascii_lowercase();
    let mut problem = None;
    for (start, _) in lower.match_indices("value") {
        let word_start = !lower
            .get(..start)
            .unwrap_or_default()
            .ends_with(char::is_alphanumeric);
        let Some(after) = lower.get(start + "value".len()..).filter(|_| word_start) else {
            continue;
        };
        let (plural, after) = after
            .strip_prefix('s')
            .map_or((false, after), |a| (true, a));
        if after.starts_with(char::is_alphanumeric) {
            continue;
        }
        let trimmed = after.trim_start();
        let verb = VERBS.iter().find(|v| {
            trimmed
                .strip_prefix(**v)
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        });
        let after_verb = verb.map_or(trimmed, |v| trimmed.get(v.len()..).unwrap_or_default());
        let colon = after_verb.trim_start().starts_with(':');
        let promised = colon && (plural || verb.is_some());
        let announces_list = promised || (plural && verb.is_some());
        if !announces_list {
            continue;
        }
        let list_start = text.len() - after_verb.trim_start().trim_start_matches(':').len();
        let list = sentence(text.get(list_start..).unwrap_or_default());
        match split_list(list) {
            Some(values) => return Ok(values),
            None if promised && problem.is_none() => {
                let marker = text.get(start..list_start).unwrap_or_default().trim();
                problem = Some(format!(
                    "cannot read the values after `{marker}`: `{}`",
                    list.trim()
                ));
            }
            None => {}
        }
    }
    problem.map_or(Ok(Vec::new()), Err)
}

/// Text up to the end of its first sentence (`. ` or `;`), without the final full stop or a
/// dangling `Note` (the heading of a collapsed note box that the rendering leaves at the end
/// of a cell: `… KeepInvoice, OnlyAdd Note`).
fn sentence(text: &str) -> &str {
    let end = [text.find(". "), text.find(';')]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(text.len());
    let sentence = text.get(..end).unwrap_or(text).trim();
    let sentence = sentence
        .strip_suffix(" Note")
        .unwrap_or(sentence)
        .trim_end();
    sentence.strip_suffix('.').unwrap_or(sentence)
}

/// `A, B, C or D`, `True / False`: at least two single-word values, else `None`.
fn split_list(list: &str) -> Option<Vec<PageValue>> {
    let mut values: Vec<PageValue> = Vec::new();
    for part in list.split([',', '/']) {
        let mut words: Vec<&str> = Vec::new();
        for word in part.split_whitespace().chain(["or"]) {
            if !word.eq_ignore_ascii_case("or") && !word.eq_ignore_ascii_case("and") {
                words.push(word);
                continue;
            }
            let value = match words.as_slice() {
                [] => continue,
                [one] => one.trim_matches(['"', '\'', '“', '”', '`']),
                _ => return None,
            };
            if !is_value(value) {
                return None;
            }
            if !values.iter().any(|v| v.value == value) {
                values.push(PageValue {
                    value: value.to_owned(),
                    docs: None,
                });
            }
            words.clear();
        }
    }
    (values.len() >= 2).then_some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pieces: &[&str]) -> Result<Vec<(String, Option<String>)>, String> {
        let pieces: Vec<String> = pieces.iter().map(|p| (*p).to_owned()).collect();
        find(&pieces).map(|vs| vs.into_iter().map(|v| (v.value, v.docs)).collect())
    }

    fn names(pieces: &[&str]) -> Vec<String> {
        values(pieces)
            .unwrap_or_default()
            .into_iter()
            .map(|v| v.0)
            .collect()
    }

    #[test]
    fn comma_list() {
        assert_eq!(
            names(&["Decides it. Values can be: NoInvoice, PayInvoice, KeepInvoice, OnlyAdd"]),
            ["NoInvoice", "PayInvoice", "KeepInvoice", "OnlyAdd"]
        );
    }

    #[test]
    fn comma_list_with_or_and_full_stop() {
        assert_eq!(
            names(&["Values can be: NoInvoice, PayInvoice, KeepInvoice or OnlyAdd. More text."]),
            ["NoInvoice", "PayInvoice", "KeepInvoice", "OnlyAdd"]
        );
        assert_eq!(
            names(&["Possible values are ASC, or DESC"]),
            ["ASC", "DESC"]
        );
        assert_eq!(names(&["Values can be: ASC, DESC Note"]), ["ASC", "DESC"]);
    }

    #[test]
    fn true_false() {
        assert_eq!(
            names(&["Treated as False when left out. Values: True / False"]),
            ["True", "False"]
        );
    }

    #[test]
    fn value_lines_with_meanings() {
        let found = values(&[
            "Use one of these Invoice Options:",
            "NoInvoice: none is raised.",
            "PayInvoice: paid",
        ]);
        assert_eq!(
            found,
            Ok(vec![
                ("NoInvoice".into(), Some("none is raised.".into())),
                ("PayInvoice".into(), Some("paid".into()))
            ])
        );
    }

    #[test]
    fn prose_is_not_a_list() {
        for text in [
            "Order status(es) to match, for example Active, InActive or Deleted.",
            "If the address has no State, send the value Not Applicable.",
            "e.g. attr-name1=cedcontactid&attr-value1=default",
            "Default value: 5",
            "values are stored as typed",
            "Send -1 for the TLDs listed here:",
        ] {
            assert_eq!(values(&[text]), Ok(vec![]), "{text}");
        }
        assert_eq!(
            names(&["Listed here:", "Note: one", "Example: two"]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn unreadable_promised_list_is_an_error() {
        let found = values(&["Values can be: Pending Delete, Active"]);
        assert_eq!(
            found,
            Err("cannot read the values after `Values can be:`: `Pending Delete, Active`".into())
        );
    }
}
