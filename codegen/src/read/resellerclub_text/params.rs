//! The parameter table, in whichever rendering the page uses: pipe-separated ([`pipe`]) or
//! flattened with whitespace between the cells ([`flat`]). Both produce [`Row`]s, turned into
//! [`PageParam`]s here.

mod flat;
mod pipe;

use super::sections::Section;
use super::{Sink, text, values};
use crate::diag::Item;
use crate::ir::Docs;
use crate::read::page::PageParam;

/// One table row with its cells as written.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    /// Line of the name cell.
    line: u32,
    name: String,
    type_text: String,
    required: String,
    /// The description cell, one piece per source line (value lists need the lines).
    description: Vec<String>,
}

/// The section's parameters in table order.
pub(super) fn read(section: Option<&Section<'_>>, sink: &mut Sink<'_>) -> Vec<PageParam> {
    let Some(section) = section else {
        sink.warn_hint(
            0,
            "the page has no `Parameters` section, so no parameter table",
            "the operation is generated without parameters",
        );
        return Vec::new();
    };
    let rows = if pipe::is_pipe_table(&section.lines) {
        pipe::rows(&section.lines, sink)
    } else {
        flat::rows(&section.lines, sink)
    };
    if rows.is_empty() {
        sink.warn_hint(
            section.heading,
            "no parameter table found under `Parameters`",
            "expected rows such as `order-id | Integer | Required | …` or \
             `order-id Integer Required …`",
        );
    }
    rows.into_iter()
        .filter_map(|row| param(row, sink))
        .collect()
}

fn param(row: Row, sink: &mut Sink<'_>) -> Option<PageParam> {
    if row.name.is_empty() {
        sink.skip(
            row.line,
            (Item::Row, ""),
            "table row without a parameter name ignored",
            "",
        );
        return None;
    }
    let name = row.name;
    if name.contains(char::is_whitespace) {
        sink.warn(row.line, format!("parameter name `{name}` contains spaces"));
    }
    if row.type_text.is_empty() {
        sink.warn(row.line, format!("parameter `{name}` has no data type"));
    }
    let required = required_flag(&row.required);
    if required.is_none() {
        sink.warn_hint(
            row.line,
            format!(
                "parameter `{name}`: cannot tell Required or Optional from `{}`",
                row.required
            ),
            "expected `Required` or `Optional`",
        );
    }
    let values = values::find(&row.description).unwrap_or_else(|problem| {
        sink.warn(row.line, format!("parameter `{name}`: {problem}"));
        Vec::new()
    });
    Some(PageParam {
        name,
        type_text: row.type_text,
        required,
        docs: Docs {
            summary: text::non_empty(text::tidy(&text::join(&row.description))),
            details: Vec::new(),
        },
        values,
        line: row.line,
    })
}

/// `Some(true)` for Required (or Mandatory), `Some(false)` for Optional, in any case. Words
/// may follow (`Optional (default false)`); a cell naming both (`Required / Optional`) is
/// `None`.
fn required_flag(cell: &str) -> Option<bool> {
    let lower = cell.to_ascii_lowercase();
    let flag = match text::words(&lower).next()? {
        "required" | "mandatory" => true,
        "optional" => false,
        _ => return None,
    };
    let contradicted = if flag {
        lower.contains("optional")
    } else {
        text::contains_any(&lower, &["required", "mandatory"])
    };
    (!contradicted).then_some(flag)
}

#[cfg(test)]
mod tests {
    use super::required_flag;

    #[test]
    fn required_flags_in_any_case() {
        assert_eq!(required_flag("Required"), Some(true));
        assert_eq!(required_flag("MANDATORY"), Some(true));
        assert_eq!(required_flag("optional"), Some(false));
        assert_eq!(required_flag("Optional (default false)"), Some(false));
        assert_eq!(required_flag("Required / Optional"), None);
        assert_eq!(required_flag("Required/Optional"), None);
        assert_eq!(required_flag("Yes"), None);
        assert_eq!(required_flag(""), None);
    }
}
