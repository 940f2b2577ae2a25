//! The Response section: the keys (bullets `Label (key)`, after a lone `-` line or a `•`),
//! the prose around them, which keys a note says may be absent, which keys sit under each
//! numbered entry, and the error convention sentence.
//!
//! Notes are recognised by meaning rather than by one wording: an absence note says keys are
//! `not returned`, `left out`, `not part of the response`…; the error sentence names a
//! `status` and `ERROR`; a sentence about `numbered` keys or entries puts the bullets after it
//! under each entry until one says the map `also holds` keys at the top level.

use super::sections::{Line, Section};
use super::{Sink, text};
use crate::ir::Docs;
use crate::read::page::{Located, PageField, PageResponse, ResponseShape};

/// Characters that open a bullet, alone on a line or followed by a space.
const BULLETS: [char; 10] = ['-', '–', '•', '*', '·', '●', '◦', '▪', '‣', '○'];

/// Phrases of a note saying keys may be missing.
const ABSENCE: [&str; 16] = [
    "not be returned",
    "not returned",
    "left out",
    "not included",
    "not be included",
    "not include",
    "not part of",
    "not be present",
    "not present",
    "absent",
    "omitted",
    "excluded",
    "only returned",
    "only be returned",
    "returned only",
    "only present",
];

/// Words that open the condition of a note (`… if invoice-option is NoInvoice`).
const CONDITION_WORDS: [&str; 4] = ["if", "when", "unless", "whenever"];

/// Phrases putting the following keys back at the top level of the map.
const TOP_LEVEL: [&str; 8] = [
    "also holds",
    "also hold",
    "also contains",
    "also contain",
    "also includes",
    "also has",
    "top level",
    "top-level",
];

/// Phrases putting the following keys under each numbered entry.
const PER_ENTRY: [&str; 3] = ["numbered", "each entry", "every entry"];

/// Words of prose that describes a structure rather than a bare value.
const CONTAINER_WORDS: [&str; 9] = [
    "map", "hash", "array", "list", "object", "details", "keys", "fields", "json",
];

/// Words of prose that describes a bare value (`… as a bare integer`).
const SCALAR_WORDS: [&str; 10] = [
    "bare", "plain", "integer", "int", "number", "string", "boolean", "true", "false", "id",
];

/// What the section says.
#[derive(Debug, Default)]
pub(super) struct ResponseRead {
    pub response: PageResponse,
    pub error_note: Option<Located<String>>,
}

pub(super) fn read(section: Option<&Section<'_>>, sink: &mut Sink<'_>) -> ResponseRead {
    let Some(section) = section else {
        sink.warn(
            0,
            "the page has no `Response` section; the response is left untyped",
        );
        return ResponseRead::default();
    };
    let Scan {
        mut fields,
        prose,
        error_note,
    } = scan(&section.lines, sink);
    let mut docs = Docs::default();
    let mut describes_bare_value = false;
    for line in &prose {
        let sentence = text::collapse(line.text);
        if is_absence_note(&sentence) {
            mark_conditional(&mut fields, &sentence, line.no, sink);
            docs.details.push(sentence);
            continue;
        }
        describes_bare_value |= is_bare_value(&sentence);
        match docs.summary {
            None => docs.summary = Some(sentence),
            Some(_) => docs.details.push(sentence),
        }
    }
    let shape = if !fields.is_empty() {
        ResponseShape::Fields
    } else if describes_bare_value {
        ResponseShape::Prose
    } else {
        sink.warn_hint(
            section.heading,
            "the response section lists no keys and names no bare value",
            "the response is left untyped",
        );
        ResponseShape::Unknown
    };
    let response = PageResponse {
        shape,
        fields,
        docs,
        line: section.heading,
    };
    ResponseRead {
        response,
        error_note,
    }
}

/// The section's lines sorted into keys, prose and the error sentence.
struct Scan<'a> {
    fields: Vec<PageField>,
    prose: Vec<Line<'a>>,
    error_note: Option<Located<String>>,
}

/// One pass in page order, since whether a key sits under each numbered entry depends on
/// the sentences above it.
fn scan<'a>(lines: &[Line<'a>], sink: &mut Sink<'_>) -> Scan<'a> {
    let mut scan = Scan {
        fields: Vec::new(),
        prose: Vec::new(),
        error_note: None,
    };
    let mut per_entry = false;
    let mut lines = lines.iter().peekable();
    while let Some(line) = lines.next() {
        let item = match bullet(line.text) {
            Some("") => match lines.next_if(|next| bullet(next.text).is_none()) {
                Some(next) => Some(*next),
                None => {
                    sink.warn(line.no, "bullet marker without text");
                    continue;
                }
            },
            Some(rest) => Some(Line {
                no: line.no,
                text: rest,
            }),
            None => None,
        };
        if let Some(item) = item {
            match key_of(item.text) {
                Some(found) => push_field(&mut scan.fields, found, item.no, per_entry, sink),
                None => {
                    sink.warn_hint(
                        item.no,
                        format!("response bullet without a key: `{}`", item.text),
                        "bullets read `Label (key)`",
                    );
                    scan.prose.push(item);
                }
            }
            continue;
        }
        if is_error_sentence(line.text) && scan.error_note.is_none() {
            scan.error_note = Some(Located {
                value: text::collapse(line.text),
                line: line.no,
            });
            continue;
        }
        if is_note_heading(line.text) {
            continue;
        }
        // A `Label (key)` line that lost its bullet, inside or right after the list's intro.
        let in_list =
            !scan.fields.is_empty() || scan.prose.last().is_some_and(|p| p.text.ends_with(':'));
        let unmarked = key_of(line.text).filter(|k| k.at_end && k.label.is_some());
        if let Some(found) = unmarked.filter(|_| in_list && !is_absence_note(line.text)) {
            push_field(&mut scan.fields, found, line.no, per_entry, sink);
            continue;
        }
        if let Some(scope) = entry_scope(line.text) {
            per_entry = scope;
        }
        scan.prose.push(*line);
    }
    scan
}

/// The text after a bullet marker (`""` for a marker alone on its line), or `None`.
fn bullet(line: &str) -> Option<&str> {
    let first = line.chars().next().filter(|c| BULLETS.contains(c))?;
    let rest = line.get(first.len_utf8()..)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// A bullet's parts: `Label (key) - docs`.
#[derive(Debug, PartialEq)]
struct Keyed {
    label: Option<String>,
    key: String,
    docs: Option<String>,
    /// The key closes the text (`Label (key)`), nothing follows it.
    at_end: bool,
}

/// The key of `Label (key)`: the parenthesised key-like word (no spaces) that ends the label
/// part. The label part ends at the first key followed by a dash (`(currentstatus) - value
/// is one of …`), else at the end of the text; failing both, the last key in the text is
/// taken and what follows it is its docs.
fn key_of(text: &str) -> Option<Keyed> {
    let groups = key_groups(text);
    let rest = |close: usize| text.get(close + 1..).unwrap_or_default().trim();
    let dashed = |close: usize| {
        let rest = rest(close);
        let mut chars = rest.chars();
        chars.next().is_some_and(|c| matches!(c, '-' | '–' | '—'))
            && chars.next().is_some_and(char::is_whitespace)
    };
    let (open, close) = groups
        .iter()
        .find(|(_, close)| dashed(*close))
        .or_else(|| {
            groups
                .iter()
                .rev()
                .find(|(_, close)| rest(*close).is_empty())
        })
        .or_else(|| groups.last())
        .copied()?;
    let key = text.get(open + 1..close)?.trim().to_owned();
    let label = text::non_empty(text::collapse(text.get(..open)?));
    let after = rest(close).trim_start_matches(|c: char| {
        matches!(c, '-' | '–' | '—' | ':' | ',' | ';') || c.is_whitespace()
    });
    let docs = text::non_empty(text::collapse(after));
    Some(Keyed {
        label,
        key,
        at_end: rest(close).is_empty(),
        docs,
    })
}

/// Byte ranges `(open, close)` of the outermost parenthesised groups whose content is one
/// key-like word and whose `(` starts a word (`Id(s)` is no key).
fn key_groups(text: &str) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                let starts_word = text
                    .get(..open)
                    .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
                let inner = text.get(open + 1..i).unwrap_or_default().trim();
                if depth == 0 && starts_word && text::is_key_like(inner) {
                    groups.push((open, i));
                }
            }
            _ => {}
        }
    }
    groups
}

fn push_field(
    fields: &mut Vec<PageField>,
    found: Keyed,
    line: u32,
    per_entry: bool,
    sink: &mut Sink<'_>,
) {
    if fields
        .iter()
        .any(|f| f.name == found.key && f.per_entry == per_entry)
    {
        sink.warn(line, format!("response key `{}` listed twice", found.key));
    }
    fields.push(PageField {
        name: found.key,
        type_text: String::new(),
        docs: Docs {
            summary: found.docs,
            details: Vec::new(),
        },
        label: found.label,
        conditional: false,
        per_entry,
        line,
    });
}

/// `In case of any errors, a status key with value as ERROR …` and rewordings of it.
fn is_error_sentence(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    let names_status = text::words(&lower).any(|w| w == "status");
    names_status && (line.contains("ERROR") || (lower.contains("error") && lower.contains("key")))
}

/// `Note` on a line of its own, heading the note below it.
fn is_note_heading(line: &str) -> bool {
    matches!(
        text::collapse(line.trim_end_matches(':'))
            .to_ascii_lowercase()
            .as_str(),
        "note" | "notes" | "important"
    )
}

fn is_absence_note(sentence: &str) -> bool {
    text::contains_any(sentence, &ABSENCE)
}

/// Marks the keys an absence note names, except words of its condition clause
/// (`if invoice-option is NoInvoice`, up to a comma).
fn mark_conditional(fields: &mut [PageField], sentence: &str, line: u32, sink: &mut Sink<'_>) {
    let mut in_condition = false;
    let mut named = 0;
    for raw in sentence.split_whitespace() {
        let word = text::words(raw).next().unwrap_or_default();
        if CONDITION_WORDS.contains(&word.to_ascii_lowercase().as_str()) {
            in_condition = true;
        } else if !in_condition {
            for field in fields.iter_mut().filter(|f| f.name == word) {
                field.conditional = true;
                named += 1;
            }
        }
        if raw.ends_with([',', ';']) {
            in_condition = false;
        }
    }
    if named == 0 {
        sink.warn(
            line,
            format!(
                "note about keys that may be absent names none of the listed keys: `{sentence}`"
            ),
        );
    }
}

/// `Some(true)` after a sentence about numbered entries, `Some(false)` after one about keys
/// the map also holds at the top level.
fn entry_scope(sentence: &str) -> Option<bool> {
    if text::contains_any(sentence, &TOP_LEVEL) {
        Some(false)
    } else if text::contains_any(sentence, &PER_ENTRY) {
        Some(true)
    } else {
        None
    }
}

/// Prose naming a scalar and no structure: `… the Customer Id of the new account, as a bare
/// integer.`
fn is_bare_value(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let has = |list: &[&str]| text::words(&lower).any(|w| list.contains(&w));
    has(&SCALAR_WORDS) && !has(&CONTAINER_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keyed(label: Option<&str>, key: &str, docs: Option<&str>, at_end: bool) -> Option<Keyed> {
        Some(Keyed {
            label: label.map(Into::into),
            key: key.into(),
            docs: docs.map(Into::into),
            at_end,
        })
    }

    #[test]
    fn keys_of_bullets() {
        assert_eq!(
            key_of("Order Id (orders.orderid)"),
            keyed(Some("Order Id"), "orders.orderid", None, true)
        );
        assert_eq!(
            key_of("Amount (in the selling currency) charged (sellingamount)"),
            keyed(
                Some("Amount (in the selling currency) charged"),
                "sellingamount",
                None,
                true
            )
        );
        assert_eq!(
            key_of("Status (currentstatus) - value is one of Active (a) or Deleted"),
            keyed(
                Some("Status"),
                "currentstatus",
                Some("value is one of Active (a) or Deleted"),
                false
            )
        );
        assert_eq!(
            key_of("Status (currentstatus), one of Active or Deleted"),
            keyed(
                Some("Status"),
                "currentstatus",
                Some("one of Active or Deleted"),
                false
            )
        );
        assert_eq!(key_of("(entityid)"), keyed(None, "entityid", None, true));
        assert_eq!(key_of("Order Id(s) of the Customer"), None);
        assert_eq!(key_of("Some text (with spaces)"), None);
        assert_eq!(key_of("unbalanced ((x)"), None);
    }

    #[test]
    fn bullet_markers() {
        assert_eq!(bullet("-"), Some(""));
        assert_eq!(bullet("•  Order Id (x)"), Some("Order Id (x)"));
        assert_eq!(bullet("-1 is sent"), None);
        assert_eq!(bullet("---"), None);
        assert_eq!(bullet("Text"), None);
    }

    #[test]
    fn error_sentences() {
        for s in [
            "In case of any errors, a status key with value as ERROR alongwith an error message will be returned.",
            "On failure, a status key set to ERROR is returned along with a message that describes the error.",
            "If anything goes wrong the response has a status key whose value is error and a message.",
        ] {
            assert!(is_error_sentence(s), "{s}");
        }
        assert!(!is_error_sentence("Status of the Order (actionstatus)"));
        assert!(!is_error_sentence(
            "actionstatus is not returned when an error occurs"
        ));
    }

    #[test]
    fn scopes() {
        assert_eq!(
            entry_scope("Every Order sits under its own numbered key (\"1\", \"2\")"),
            Some(true)
        );
        assert_eq!(
            entry_scope("Next to the numbered Orders, the hash map also holds:"),
            Some(false)
        );
        assert_eq!(
            entry_scope("Returns a hash map with the following details:"),
            None
        );
    }

    #[test]
    fn bare_values() {
        assert!(is_bare_value(
            "The response body is the Customer Id of the new account, as a bare integer."
        ));
        assert!(is_bare_value("Returns true when the call succeeds."));
        assert!(!is_bare_value(
            "Returns a map that describes how the renewal request was processed."
        ));
        assert!(!is_bare_value("Returns a hash map with the Order Id."));
    }
}
