//! The flattened rendering (C): each row on one line with only whitespace between the cells
//! (`order-id Array of Integers Optional Restricts …`), under a header line of the same shape.
//! A line that does not read as a row continues the description of the row above: a
//! description that starts on the next line, a `Note`, an `Example:` paragraph.

use super::{Row, required_flag};
use crate::diag::Item;
use crate::read::resellerclub_text::{Sink, sections::Line, text};

/// Most words a data type has (`Array of Strings`: 3).
const MAX_TYPE_WORDS: usize = 4;

/// Words of a header line (`Name Data Type Required / Optional Description`).
const HEADER_WORDS: [&str; 9] = [
    "name",
    "parameter",
    "parameters",
    "data",
    "type",
    "required",
    "optional",
    "mandatory",
    "description",
];

/// Type names the vendor may write in lower case; other types start with a capital.
const LOWER_CASE_TYPES: [&str; 14] = [
    "int", "integer", "long", "float", "double", "number", "string", "boolean", "bool", "array",
    "list", "map", "hash", "object",
];

/// Words that join the parts of a multi-word type.
const TYPE_CONNECTIVES: [&str; 3] = ["of", "and", "or"];

/// The table's rows in page order.
pub(super) fn rows(lines: &[Line<'_>], sink: &mut Sink<'_>) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for line in lines {
        if is_header(line.text) {
            continue;
        }
        if let Some(row) = row(*line) {
            rows.push(row);
            continue;
        }
        match rows.last_mut() {
            Some(row) => {
                if lacks_flag(line.text) {
                    let name = line.text.split_whitespace().next().unwrap_or_default();
                    sink.skip(
                        line.no,
                        (Item::Row, name),
                        format!(
                            "`{}` looks like a parameter row without Required / Optional; \
                             read as text of `{}`",
                            line.text, row.name
                        ),
                        "a flattened row reads `name Type Required|Optional description`",
                    );
                }
                row.description.push(line.text.to_owned());
            }
            None => sink.warn_hint(
                line.no,
                format!("text before the parameter table ignored: `{}`", line.text),
                "a flattened row reads `name Type Required|Optional description`",
            ),
        }
    }
    rows
}

/// A line made only of header words, at least three of them.
fn is_header(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 3 && words.iter().all(|w| HEADER_WORDS.contains(w))
}

/// `name Type… Required|Optional description…`: a name-like first word, one to
/// [`MAX_TYPE_WORDS`] type words, then the first Required / Optional word.
fn row(line: Line<'_>) -> Option<Row> {
    let words: Vec<&str> = line.text.split_whitespace().collect();
    let name = *words.first()?;
    if !is_name_like(name) {
        return None;
    }
    let last_flag = words.len().min(MAX_TYPE_WORDS + 2);
    let flag =
        (2..last_flag).find(|&i| words.get(i).is_some_and(|w| required_flag(w).is_some()))?;
    let type_words = words.get(1..flag)?;
    if !is_type_like(type_words) {
        return None;
    }
    let description = words
        .get(flag + 1..)
        .map(|rest| rest.join(" "))
        .unwrap_or_default();
    Some(Row {
        line: line.no,
        name: name.to_owned(),
        type_text: type_words.join(" "),
        required: words.get(flag).map(|w| (*w).to_owned()).unwrap_or_default(),
        description: text::non_empty(description).into_iter().collect(),
    })
}

/// `order-id Integer The Order Id.`: a name and a well-known type but no Required / Optional
/// word, which would otherwise pass silently as text of the row above.
fn lacks_flag(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(name), Some(ty)) = (words.next(), words.next()) else {
        return false;
    };
    is_name_like(name)
        && (LOWER_CASE_TYPES.contains(&ty.to_ascii_lowercase().as_str()) || ty.contains('['))
}

/// Parameter names are lower case or hyphenated (`order-id`, `Is-transfer-in`), which keeps
/// prose such as `Send this only …` from reading as a row.
fn is_name_like(word: &str) -> bool {
    let starts_lower = word
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    text::is_key_like(word) && (starts_lower || word.contains(['-', '_', '.', '[']))
}

/// `Integer`, `Array of Strings`, `Map[name]`, `int`.
fn is_type_like(words: &[&str]) -> bool {
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    let word_chars = |w: &&str| {
        w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '[' | ']' | '_' | '.' | ':' | '-'))
    };
    let capital_or_type = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            || LOWER_CASE_TYPES.contains(&w.to_ascii_lowercase().as_str())
            || w.contains('[')
    };
    words.iter().all(word_chars)
        && capital_or_type(first)
        && rest
            .iter()
            .all(|w| capital_or_type(w) || TYPE_CONNECTIVES.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(String, String, String, Vec<String>)> {
        row(Line { no: 1, text }).map(|r| (r.name, r.type_text, r.required, r.description))
    }

    #[test]
    fn rows_with_multi_word_types_and_no_description() {
        assert_eq!(
            parse("order-id Array of Integers Optional Restricts the search."),
            Some((
                "order-id".into(),
                "Array of Integers".into(),
                "Optional".into(),
                vec!["Restricts the search.".into()]
            ))
        );
        assert_eq!(
            parse("auto-renew Boolean optional"),
            Some((
                "auto-renew".into(),
                "Boolean".into(),
                "optional".into(),
                vec![]
            ))
        );
        assert_eq!(
            parse("attr-name Map[name] Optional x").map(|r| r.1),
            Some("Map[name]".into())
        );
        assert_eq!(
            parse("Is-transfer-in Boolean Optional x").map(|r| r.0),
            Some("Is-transfer-in".into())
        );
    }

    #[test]
    fn prose_is_not_a_row() {
        for text in [
            "Send this only when it is Optional",
            "Note that this is required",
            "Auto-Renewal",
            "With page-no 1, no-of-records 20 and order-by orderid you get",
            "value is optional here",
            "order-id Integer",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn rows_without_flag_are_noticed() {
        assert!(lacks_flag("order-id Integer The Order Id."));
        assert!(lacks_flag("attr-name Map[name]"));
        assert!(!lacks_flag("Auto-Renewal"));
        assert!(!lacks_flag("With page-no 1, no-of-records 20"));
        assert!(!lacks_flag("e.g. Active"));
    }

    #[test]
    fn headers() {
        assert!(is_header("Name Data Type Required / Optional Description"));
        assert!(is_header("Parameter Type Required/Optional"));
        assert!(!is_header("Optional"));
        assert!(!is_header("name Type Required x"));
    }
}
