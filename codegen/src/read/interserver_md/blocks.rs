//! The page as a flat list of blocks (headings, text, tables, code) with their lines: the one
//! place that walks pulldown-cmark events. HTML (the Example Response tables) is dropped here.

use super::inline::Inlines;
use crate::read::Lines;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// One block of the page, in source order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading { level: u8, text: Inlines, line: u32 },
    Text(TextBlock),
    Table(Table),
    Code(CodeBlock),
}

/// A paragraph or one list item.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBlock {
    pub kind: TextKind,
    pub text: Inlines,
    /// First and last line the block spans.
    pub line: u32,
    pub end_line: u32,
}

/// Whether a text block was a paragraph or a list item (a doc-comment line, on these pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Paragraph,
    ListItem,
}

/// A GFM table: header cells and body rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<Inlines>,
    pub rows: Vec<Row>,
    pub line: u32,
}

/// One body row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Cells, padded with empty cells or cut to the header's width.
    pub cells: Vec<Inlines>,
    /// How many cells the source line really has, which the parser's padding hides.
    pub source_cells: usize,
    /// The source line starts with `|`.
    pub starts_with_pipe: bool,
    pub line: u32,
}

/// A fenced or indented code block.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock {
    /// The fence's info string; `None` for an indented block.
    pub info: Option<String>,
    pub code: String,
    pub line: u32,
}

/// Splits a page into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut walker = Walker {
        text,
        lines: Lines::new(text),
        blocks: Vec::new(),
        open: None,
        table: None,
        emphasis: 0,
    };
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        walker.event(event, range);
    }
    walker.blocks
}

/// A block whose content is still arriving.
enum Open {
    Heading {
        level: u8,
        text: Inlines,
        line: u32,
    },
    /// `end`: the byte after its last content so far.
    Text {
        kind: TextKind,
        text: Inlines,
        line: u32,
        end: usize,
    },
    Code(CodeBlock),
}

struct TableBuilder {
    header: Vec<Inlines>,
    rows: Vec<Row>,
    line: u32,
    /// Whether its header row starts with a pipe.
    bordered: bool,
    /// The header or body row being read, and its cell being read.
    row: Option<Row>,
    cell: Option<Inlines>,
}

struct Walker<'t> {
    text: &'t str,
    lines: Lines,
    blocks: Vec<Block>,
    open: Option<Open>,
    table: Option<TableBuilder>,
    /// Depth of emphasis/strong markup around the current text.
    emphasis: u32,
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        let line = self.lines.line(range.start);
        match event {
            Event::Start(tag) => self.start(tag, range, line),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, range.end),
            Event::Code(code) => {
                if let Some(inlines) = self.inlines(range.end) {
                    inlines.push_code(&code);
                }
            }
            Event::SoftBreak | Event::HardBreak => self.text(" ", range.end),
            // HTML never reaches the docs; nothing else is enabled.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>, line: u32) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.open = Some(Open::Heading {
                    level: level as u8,
                    text: Inlines::default(),
                    line,
                });
            }
            Tag::Paragraph => match &mut self.open {
                // A loose list item wraps its text in paragraphs: one item, one block.
                Some(Open::Text {
                    kind: TextKind::ListItem,
                    text,
                    ..
                }) => text.push_text(" ", false),
                _ => self.open_text(TextKind::Paragraph, line),
            },
            Tag::Item => self.open_text(TextKind::ListItem, line),
            Tag::CodeBlock(kind) => {
                self.flush();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => Some(info.to_string()),
                    CodeBlockKind::Indented => None,
                };
                self.open = Some(Open::Code(CodeBlock {
                    info,
                    code: String::new(),
                    line,
                }));
            }
            Tag::Table(_) => {
                self.flush();
                let table = TableBuilder {
                    header: Vec::new(),
                    rows: Vec::new(),
                    line,
                    bordered: false,
                    row: None,
                    cell: None,
                };
                self.table = Some(table);
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    let source = self.text.get(range).unwrap_or_default();
                    if matches!(tag, Tag::TableHead) {
                        table.bordered = source.trim_start().starts_with('|');
                    }
                    let source_cells = source_cell_count(source, table.bordered);
                    let starts_with_pipe = source.trim_start().starts_with('|');
                    table.row = Some(Row {
                        cells: Vec::new(),
                        source_cells,
                        starts_with_pipe,
                        line,
                    });
                }
            }
            Tag::TableCell => {
                if let Some(table) = &mut self.table {
                    table.cell = Some(Inlines::default());
                }
            }
            Tag::Emphasis | Tag::Strong => self.emphasis += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            // A list item's paragraphs end with the item.
            TagEnd::Paragraph
                if !matches!(
                    self.open,
                    Some(Open::Text {
                        kind: TextKind::ListItem,
                        ..
                    })
                ) =>
            {
                self.flush();
            }
            TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item => self.flush(),
            TagEnd::TableCell => {
                if let Some(table) = &mut self.table
                    && let (Some(row), Some(cell)) = (&mut table.row, table.cell.take())
                {
                    row.cells.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table
                    && let Some(row) = table.row.take()
                {
                    table.header = row.cells;
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table
                    && let Some(mut row) = table.row.take()
                {
                    // In a borderless table the vendor's ` | |text` starts with an empty cell;
                    // the parser takes that pipe for a border and shifts the cells left.
                    if !table.bordered && row.starts_with_pipe {
                        row.cells.insert(0, Inlines::default());
                        row.cells.truncate(table.header.len());
                    }
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(TableBuilder {
                    header, rows, line, ..
                }) = self.table.take()
                {
                    self.blocks.push(Block::Table(Table { header, rows, line }));
                }
            }
            TagEnd::Emphasis | TagEnd::Strong => self.emphasis = self.emphasis.saturating_sub(1),
            _ => {}
        }
    }

    fn open_text(&mut self, kind: TextKind, line: u32) {
        self.flush();
        self.open = Some(Open::Text {
            kind,
            text: Inlines::default(),
            line,
            end: 0,
        });
    }

    /// Text ending at byte `end` of the page.
    fn text(&mut self, text: &str, end: usize) {
        let emphasized = self.emphasis > 0;
        if let Some(Open::Code(code)) = &mut self.open {
            code.code.push_str(text);
        } else if let Some(inlines) = self.inlines(end) {
            inlines.push_text(text, emphasized);
        }
    }

    /// Where inline content ending at byte `end` goes: the open table cell, else the open
    /// heading or text block (which then ends there).
    fn inlines(&mut self, end: usize) -> Option<&mut Inlines> {
        if let Some(table) = &mut self.table {
            return table.cell.as_mut();
        }
        match &mut self.open {
            Some(Open::Heading { text, .. }) => Some(text),
            Some(Open::Text {
                text, end: last, ..
            }) => {
                *last = end;
                Some(text)
            }
            Some(Open::Code(_)) | None => None,
        }
    }

    /// Closes the open block, if any.
    fn flush(&mut self) {
        let block = match self.open.take() {
            None => return,
            Some(Open::Heading { level, text, line }) => Block::Heading { level, text, line },
            Some(Open::Code(code)) => Block::Code(code),
            Some(Open::Text {
                kind,
                text,
                line,
                end,
            }) => {
                let end_line = last_line(self.text, &self.lines, end).max(line);
                Block::Text(TextBlock {
                    kind,
                    text,
                    line,
                    end_line,
                })
            }
        };
        self.blocks.push(block);
    }
}

/// The line of the last non-blank character before `end`.
fn last_line(text: &str, lines: &Lines, end: usize) -> u32 {
    let head = text.get(..end).unwrap_or(text);
    lines.line(head.trim_end().len().saturating_sub(1))
}

/// Cells in one table row as written: unescaped pipes separate cells. In a `bordered` table
/// (its header starts with `|`) a leading and a trailing pipe are borders; in the vendor's
/// borderless tables every pipe separates, so ` | |text` is three cells and `name|type|` ends
/// with an empty one.
fn source_cell_count(row: &str, bordered: bool) -> usize {
    let row = row.trim();
    let bytes = row.as_bytes();
    let pipes: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes.get(i) == Some(&b'|') && (i == 0 || bytes.get(i - 1) != Some(&b'\\')))
        .collect();
    let leading = usize::from(bordered && pipes.first() == Some(&0));
    let trailing =
        usize::from(bordered && bytes.len() > 1 && pipes.last() == Some(&(bytes.len() - 1)));
    (pipes.len() + 1).saturating_sub(leading + trailing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_source_cells() {
        assert_eq!(source_cell_count("a|b|c", false), 3);
        assert_eq!(source_cell_count("a|b|", false), 3);
        assert_eq!(source_cell_count("a|b|c|d", false), 4);
        assert_eq!(source_cell_count(" | |*key* text", false), 3);
        assert_eq!(source_cell_count("a\\|b|c", false), 2);
        assert_eq!(source_cell_count("| a | b | c |\n", true), 3);
        assert_eq!(source_cell_count("| a | b | c", true), 3);
        assert_eq!(source_cell_count("|", true), 1);
        assert_eq!(source_cell_count("", false), 1);
    }

    #[test]
    fn blocks_carry_lines_and_list_items_stay_separate() {
        let text = "## Title\n\nFirst line\n* continued\n\n```perl\ncode\n```\n";
        let blocks = parse(text);
        let [
            Block::Heading {
                level: 2, line: 1, ..
            },
            Block::Text(para),
            Block::Text(item),
            Block::Code(code),
        ] = blocks.as_slice()
        else {
            panic!("unexpected blocks: {blocks:?}");
        };
        assert_eq!(
            (para.kind, para.line, para.end_line),
            (TextKind::Paragraph, 3, 3)
        );
        assert_eq!(
            (item.kind, item.line, item.end_line),
            (TextKind::ListItem, 4, 4)
        );
        assert_eq!(item.text.docs(), "continued");
        assert_eq!(
            (code.info.as_deref(), code.code.as_str(), code.line),
            (Some("perl"), "code\n", 6)
        );
    }

    #[test]
    fn table_rows_keep_cells_and_lines() {
        let text = "A|B|C\n-|-|-\nx|*y*|[z](#z)\n | |*k* v\n";
        let blocks = parse(text);
        let [Block::Table(table)] = blocks.as_slice() else {
            panic!("no table: {blocks:?}")
        };
        assert_eq!(
            table.header.iter().map(Inlines::plain).collect::<Vec<_>>(),
            ["A", "B", "C"]
        );
        let cells: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Inlines::plain).collect())
            .collect();
        assert_eq!(cells, [vec!["x", "y", "z"], vec!["", "", "k v"]]);
        assert_eq!(
            table
                .rows
                .iter()
                .map(|r| (r.line, r.source_cells))
                .collect::<Vec<_>>(),
            [(3, 3), (4, 3)]
        );
    }
}
