//! The Request and Response tables (`Name|Type|Description`) into named, typed, documented
//! entries. A row with only a description (` | |*invoices_id* ID of ...`)
//! continues the documentation of the entry above it; the vendor uses these to describe what
//! a field holds, and they are never entries themselves.

use super::blocks::{Row, Table};
use super::inline::Inlines;
use crate::diag::{Diagnostic, Item};
use crate::ir::Docs;

/// Name, type and description.
const COLUMNS: usize = 3;

/// One parameter or field row.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    /// As written (`string`, `tns:license_type[]`).
    pub type_text: String,
    /// The description cell as summary, continuation rows as details.
    pub docs: Docs,
    pub line: u32,
}

/// What a table lists, for its header and for messages.
#[derive(Debug, Clone, Copy)]
pub struct TableKind {
    /// The first column's header (`Parameter`, `Field`).
    pub name_column: &'static str,
    /// The singular noun in messages (`parameter`, `field`).
    pub noun: &'static str,
}

/// Reads a table's rows; `None` (with a warning) when its header is not `<name>|Type|Description`.
pub fn entries(
    file: &str,
    table: &Table,
    kind: TableKind,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Entry>> {
    let expected: [&str; COLUMNS] = [kind.name_column, "Type", "Description"];
    let header: Vec<String> = table.header.iter().map(Inlines::plain).collect();
    let matches = header.len() == expected.len()
        && header
            .iter()
            .zip(expected)
            .all(|(have, want)| have.eq_ignore_ascii_case(want));
    if !matches {
        diags.push(
            Diagnostic::warning(
                file,
                table.line,
                format!(
                    "table with columns `{}` ignored: not a {} table",
                    header.join("|"),
                    kind.noun
                ),
            )
            .with_hint(format!(
                "a {} table has the columns `{}`",
                kind.noun,
                expected.join("|")
            ))
            .skipping(Item::Table, ""),
        );
        return None;
    }
    let mut out: Vec<Entry> = Vec::new();
    for row in &table.rows {
        read_row(file, row, kind, &mut out, diags);
    }
    Some(out)
}

fn read_row(
    file: &str,
    row: &Row,
    kind: TableKind,
    out: &mut Vec<Entry>,
    diags: &mut Vec<Diagnostic>,
) {
    let cell = |i: usize| row.cells.get(i).cloned().unwrap_or_default();
    let name = cell(0).plain();
    if row.source_cells != COLUMNS {
        let subject = if name.is_empty() {
            String::new()
        } else {
            format!("{} `{name}`: ", kind.noun)
        };
        diags.push(
            Diagnostic::warning(
                file,
                row.line,
                format!(
                    "{subject}row has {} cells, expected {COLUMNS}",
                    row.source_cells
                ),
            )
            .with_hint("write `name|type|description`, escaping any `|` in the text as `\\|`"),
        );
    }
    if name.is_empty() {
        return read_continuation(file, row, kind, out, diags);
    }
    let type_text = cell(1).plain();
    if type_text.is_empty() {
        diags.push(Diagnostic::warning(
            file,
            row.line,
            format!("{} `{name}` has no type", kind.noun),
        ));
    }
    if out.iter().any(|e| e.name == name) {
        diags.push(Diagnostic::warning(
            file,
            row.line,
            format!("{} `{name}` is listed twice", kind.noun),
        ));
    }
    let description = cell(2);
    let summary =
        Some(description.docs()).filter(|d| !d.is_empty() && !description.is_column_header());
    out.push(Entry {
        name,
        type_text,
        docs: Docs {
            summary,
            details: Vec::new(),
        },
        line: row.line,
    });
}

/// A row without a name: one text cell documents the entry above; anything else is malformed.
fn read_continuation(
    file: &str,
    row: &Row,
    kind: TableKind,
    out: &mut [Entry],
    diags: &mut Vec<Diagnostic>,
) {
    let texts: Vec<&Inlines> = row.cells.iter().skip(1).filter(|c| !c.is_blank()).collect();
    match (texts.as_slice(), out.last_mut()) {
        // An empty row says nothing.
        ([], _) => {}
        ([text], _) if text.is_column_header() => {}
        ([text], Some(above)) => above.docs.details.push(text.continuation_docs()),
        ([_], None) => diags.push(
            Diagnostic::warning(
                file,
                row.line,
                format!("continuation row before any {}: ignored", kind.noun),
            )
            .with_hint("a row with an empty first cell continues the description of the row above")
            .skipping(Item::Row, ""),
        ),
        (_, _) => diags.push(
            Diagnostic::warning(
                file,
                row.line,
                format!("row without a {} name ignored", kind.noun),
            )
            .with_hint(
                "fill the first cell, or keep only the description to continue the row above",
            )
            .skipping(Item::Row, ""),
        ),
    }
}
