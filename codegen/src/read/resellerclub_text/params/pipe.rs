//! Pipe-separated renderings: rows with both outer pipes (A, E, F), without the leading one
//! (B), or one cell per line (D), with cells that spill over several lines (ML).
//!
//! The table is read as a stream of cells, each closed by a `|`, so a cell's text may span
//! lines however the page breaks it (`auto-renew | Boolean | Required |`, then the text, then
//! a lone `|`). The header (the cells before the separator line) gives the column count; a
//! row ends at a line end once it has that many cells, or when the next line plainly starts
//! a row of its own (`name | Type | Required …`), so a row that lost cells never swallows the
//! next one.

use super::{Row, required_flag};
use crate::diag::Item;
use crate::read::resellerclub_text::{Sink, sections::Line, text};

/// Whether the section is a pipe table at all (rather than a flattened one).
pub(super) fn is_pipe_table(lines: &[Line<'_>]) -> bool {
    lines
        .iter()
        .any(|l| l.text.starts_with('|') || l.text.ends_with('|') || is_separator(l.text))
}

/// The table's rows in page order.
pub(super) fn rows(lines: &[Line<'_>], sink: &mut Sink<'_>) -> Vec<Row> {
    let mut table = Table::default();
    for line in lines {
        table.feed(*line, sink);
    }
    table.finish(sink)
}

/// `---|---|`, `|---|---|`, `---|`: the line under the header.
fn is_separator(text: &str) -> bool {
    text.contains('-')
        && (text.contains('|') || text.contains("---"))
        && text
            .chars()
            .all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\t'))
}

/// A line that is a whole row start by itself: `name | Type | Required|Optional …`, with or
/// without the leading pipe. Only tables in the usual column order get this check; others
/// rely on the column count alone.
fn starts_row(text: &str) -> bool {
    let rest = text.strip_prefix('|').unwrap_or(text);
    let mut cells = rest.split('|').map(str::trim);
    let (Some(name), Some(ty), Some(required)) = (cells.next(), cells.next(), cells.next()) else {
        return false;
    };
    !name.is_empty()
        && !name.contains(char::is_whitespace)
        && !ty.is_empty()
        && required_flag(required).is_some()
}

#[derive(Debug)]
struct Cell {
    /// Line the cell starts on.
    line: u32,
    /// Its non-empty text on each line.
    pieces: Vec<String>,
}

impl Cell {
    fn new(line: u32) -> Self {
        Self {
            line,
            pieces: Vec::new(),
        }
    }

    fn push(&mut self, text: &str) {
        let text = text.trim();
        if !text.is_empty() {
            self.pieces.push(text.to_owned());
        }
    }

    fn text(&self) -> String {
        text::join(&self.pieces)
    }
}

#[derive(Debug, Default)]
struct Table {
    /// Known once the header has ended.
    columns: Option<Columns>,
    /// Closed cells of the header (before `columns` is known) or of the current row.
    cells: Vec<Cell>,
    /// The cell whose closing `|` has not come yet.
    open: Option<Cell>,
    rows: Vec<Row>,
}

impl Table {
    fn in_progress(&self) -> bool {
        !self.cells.is_empty() || self.open.is_some()
    }

    fn feed(&mut self, line: Line<'_>, sink: &mut Sink<'_>) {
        if is_separator(line.text) {
            match self.columns {
                None => self.end_header(line.no, sink),
                Some(_) => sink.warn(line.no, "separator line inside the parameter table ignored"),
            }
            return;
        }
        if starts_row(line.text) {
            if self.columns.is_none() {
                self.end_header(line.no, sink);
            } else if self.in_progress() {
                self.end_row(sink);
            }
        } else if self.columns.is_none() && !line.text.contains('|') {
            sink.warn(
                line.no,
                format!("text before the parameter table ignored: `{}`", line.text),
            );
            return;
        }
        let mut rest = line.text;
        if !self.in_progress() {
            rest = rest.strip_prefix('|').unwrap_or(rest);
        }
        let mut segments: Vec<&str> = rest.split('|').collect();
        let last = segments.pop().unwrap_or_default();
        for segment in segments {
            let mut cell = self.open.take().unwrap_or_else(|| Cell::new(line.no));
            cell.push(segment);
            self.cells.push(cell);
        }
        if !last.trim().is_empty() {
            self.open
                .get_or_insert_with(|| Cell::new(line.no))
                .push(last);
        }
        let full = self
            .columns
            .as_ref()
            .is_some_and(|c| self.cells.len() >= c.count);
        if full && self.open.is_none() {
            self.end_row(sink);
        }
    }

    fn take_cells(&mut self) -> Vec<Cell> {
        let mut cells = std::mem::take(&mut self.cells);
        cells.extend(self.open.take());
        cells
    }

    fn end_header(&mut self, line: u32, sink: &mut Sink<'_>) {
        let cells = self.take_cells();
        self.columns = Some(Columns::from_header(&cells, line, sink));
    }

    fn end_row(&mut self, sink: &mut Sink<'_>) {
        if self.cells.is_empty() {
            // Text with no `|` at all between rows: a note that lost its cell.
            if let Some(stray) = self.open.take() {
                self.stray_text(stray, sink);
            }
            return;
        }
        let cells = self.take_cells();
        let Some(columns) = &self.columns else { return };
        if cells.iter().all(|c| c.pieces.is_empty()) {
            return;
        }
        if let Some(row) = columns.row(&cells) {
            self.rows.push(row);
        }
    }

    fn stray_text(&mut self, stray: Cell, sink: &mut Sink<'_>) {
        let text = stray.text();
        match self.rows.last_mut() {
            Some(row) => {
                sink.warn(
                    stray.line,
                    format!(
                        "text outside the table cells read as part of `{}`: `{text}`",
                        row.name
                    ),
                );
                row.description.extend(stray.pieces);
            }
            None => sink.warn(
                stray.line,
                format!("text outside the parameter table ignored: `{text}`"),
            ),
        }
    }

    fn finish(mut self, sink: &mut Sink<'_>) -> Vec<Row> {
        if self.columns.is_none() {
            if let Some(first) = self.cells.first().or(self.open.as_ref()) {
                sink.skip(
                    first.line,
                    (Item::Table, ""),
                    "parameter table has neither a separator line nor a row like \
                     `name | Type | Required | …`; ignored",
                    "a header row is followed by a line such as `---|---|---|---|`",
                );
            }
            return Vec::new();
        }
        if self.in_progress() {
            self.end_row(sink);
        }
        self.rows
    }
}

/// What the header says about the columns.
#[derive(Debug)]
struct Columns {
    count: usize,
    name: usize,
    ty: usize,
    required: usize,
    description: Option<usize>,
    /// Header text of each column.
    titles: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Name,
    Type,
    Required,
    Description,
}

fn role(title: &str) -> Option<Role> {
    let lower = title.to_ascii_lowercase();
    if text::contains_any(&lower, &["required", "optional", "mandatory"]) {
        Some(Role::Required)
    } else if lower.contains("type") {
        Some(Role::Type)
    } else if text::contains_any(&lower, &["description", "details", "meaning"]) {
        Some(Role::Description)
    } else if text::contains_any(&lower, &["name", "parameter", "field"]) {
        Some(Role::Name)
    } else {
        None
    }
}

impl Columns {
    /// Columns by their header names; in the usual order when the header says too little.
    /// An unnamed column after Required / Optional is the description (rendering F).
    fn from_header(cells: &[Cell], line: u32, sink: &mut Sink<'_>) -> Self {
        let titles: Vec<String> = cells.iter().map(Cell::text).collect();
        let find = |wanted: Role| titles.iter().position(|t| role(t) == Some(wanted));
        if let (Some(name), Some(ty), Some(required)) =
            (find(Role::Name), find(Role::Type), find(Role::Required))
        {
            let unnamed_after_required = || {
                (required + 1..titles.len()).find(|&i| titles.get(i).is_some_and(String::is_empty))
            };
            let description = find(Role::Description).or_else(unnamed_after_required);
            return Self {
                count: titles.len(),
                name,
                ty,
                required,
                description,
                titles,
            };
        }
        sink.warn_hint(
            cells.first().map_or(line, |c| c.line),
            format!(
                "parameter table header not recognised: `{}`",
                titles.join(" | ")
            ),
            "reading the columns as Name, Data Type, Required / Optional, Description",
        );
        Self {
            count: titles.len().max(4),
            name: 0,
            ty: 1,
            required: 2,
            description: Some(3),
            titles,
        }
    }

    /// A row from its cells; `None` for a repeated header row. Cells of unknown columns are
    /// kept in the description, after the header's name for them when it has one.
    fn row(&self, cells: &[Cell]) -> Option<Row> {
        let text = |i: usize| cells.get(i).map(Cell::text).unwrap_or_default();
        let title = |i: usize| self.titles.get(i).map_or("", String::as_str);
        let name = text(self.name);
        let type_text = text(self.ty);
        let repeats_header = !name.is_empty()
            && name.eq_ignore_ascii_case(title(self.name))
            && type_text.eq_ignore_ascii_case(title(self.ty));
        if repeats_header {
            return None;
        }
        let mut description = self
            .description
            .and_then(|i| cells.get(i))
            .map(|c| c.pieces.clone())
            .unwrap_or_default();
        let known = [
            Some(self.name),
            Some(self.ty),
            Some(self.required),
            self.description,
        ];
        for (i, cell) in cells.iter().enumerate() {
            if known.contains(&Some(i)) || cell.pieces.is_empty() {
                continue;
            }
            let mut pieces = cell.pieces.clone();
            match (title(i), pieces.first_mut()) {
                ("", _) if !description.is_empty() => description.push("|".to_owned()),
                ("", _) | (_, None) => {}
                (title, Some(first)) => *first = format!("{title}: {first}"),
            }
            description.extend(pieces);
        }
        let line = cells.get(self.name).or(cells.first()).map_or(0, |c| c.line);
        Some(Row {
            line,
            name,
            type_text,
            required: text(self.required),
            description,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        for sep in [
            "---|---|---|---|",
            "|---|---|",
            "---|",
            "| :--- | ---: |",
            "----",
        ] {
            assert!(is_separator(sep), "{sep}");
        }
        for text in ["-", "|", "- ", "a | b", "-1 |"] {
            assert!(!is_separator(text), "{text}");
        }
    }

    #[test]
    fn row_starts() {
        assert!(starts_row("| order-id | Integer | Required | x |"));
        assert!(starts_row("order-id | Integer | optional |"));
        assert!(!starts_row(
            "Name | Data Type | Required / Optional | Description |"
        ));
        assert!(!starts_row("auth-userid |"));
        assert!(!starts_row("| ||||||"));
        assert!(!starts_row("|"));
    }
}
