//! InterServer's markdown doc pages (pulldown-cmark), one SOAP function each:
//!
//! ```text
//! ## Buy Mail                                  title
//! ### About
//! **API Function Name: api_api_buy_mail**      the operation (required)
//! Places an email order                        description
//! ### Sample Code                              fenced blocks: samples
//! ### Request                                  `Parameter|Type|Description` table, or
//!                                              "This function takes no parameters"
//! ### Response                                 intro sentence, `Field|Type|Description` table
//! ### Example Response                         HTML, ignored
//! ```
//!
//! The description comes from a PHP doc comment whose continuation lines keep their `*`, so
//! markdown sees list items; items that directly continue the text are joined back into it.

mod blocks;
mod inline;
mod table;

use super::Read;
use super::page::{Page, PageField, PageParam, PageResponse, ResponseShape, Sample};
use crate::diag::{Diagnostic, Item, Kind};
use crate::ir::{Docs, Source};
use blocks::{Block, TextBlock, TextKind};
use table::TableKind;

/// The label before the function name in the About section.
const FUNCTION_NAME_LABEL: &str = "API Function Name:";

/// Reads one page; `file` is the path shown in diagnostics. No value when the page has errors.
pub fn read(file: &str, text: &str) -> Read<Page> {
    let blocks = blocks::parse(text);
    let mut diags = Vec::new();
    let outline = Outline::new(file, &blocks, &mut diags);
    let page_line = outline.title.as_ref().map_or(1, |(_, line)| *line);

    let operation = operation(file, &blocks, &outline, page_line, &mut diags);
    let mut page = Page {
        source: Source {
            file: file.to_owned(),
            line: page_line,
        },
        operation,
        title: outline.title.as_ref().map(|(title, _)| title.clone()),
        ..Page::default()
    };
    if let Some(about) = outline.section(SectionKind::About) {
        let text = about.text().filter(|block| function_name(block).is_none());
        page.docs = docs(paragraphs(text));
    }
    if let Some(samples) = outline.section(SectionKind::SampleCode) {
        page.samples = samples.blocks.iter().filter_map(sample).collect();
    }
    match outline.section(SectionKind::Request) {
        Some(request) => page.params = params(file, request, &mut diags),
        None => diags.push(missing_section(file, "Request")),
    }
    match outline.section(SectionKind::Response) {
        Some(response) => page.response = response_of(file, response, &mut diags),
        None => diags.push(missing_section(file, "Response")),
    }
    let ok = diags.iter().all(|d| !d.is_error());
    Read {
        value: ok.then_some(page),
        diagnostics: diags,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SectionKind {
    About,
    SampleCode,
    Request,
    Response,
    /// Example Response and anything else: not read.
    Other,
}

impl SectionKind {
    fn of(heading: &str) -> Self {
        match heading.to_ascii_lowercase().as_str() {
            "about" => Self::About,
            "sample code" => Self::SampleCode,
            "request" => Self::Request,
            "response" => Self::Response,
            _ => Self::Other,
        }
    }
}

struct Section<'b> {
    kind: SectionKind,
    /// The line of its heading.
    line: u32,
    blocks: &'b [Block],
}

impl<'b> Section<'b> {
    fn text(&self) -> impl Iterator<Item = &'b TextBlock> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Text(text) => Some(text),
            _ => None,
        })
    }
}

/// The page's title and its sections, each known section once.
struct Outline<'b> {
    title: Option<(String, u32)>,
    sections: Vec<Section<'b>>,
}

impl<'b> Outline<'b> {
    /// The first level 1 or 2 heading before any section is the title; every other heading
    /// starts a section that runs to the next heading.
    fn new(file: &str, blocks: &'b [Block], diags: &mut Vec<Diagnostic>) -> Self {
        let mut title = None;
        let mut sections: Vec<Section<'b>> = Vec::new();
        let headings: Vec<_> = blocks
            .iter()
            .enumerate()
            .filter_map(|(i, block)| match block {
                Block::Heading { level, text, line } => Some((i, *level, text.plain(), *line)),
                _ => None,
            })
            .collect();
        for (n, (i, level, text, line)) in headings.iter().enumerate() {
            if title.is_none() && sections.is_empty() && *level <= 2 {
                title = Some((text.clone(), *line));
                continue;
            }
            let end = headings.get(n + 1).map_or(blocks.len(), |next| next.0);
            let kind = SectionKind::of(text);
            if kind != SectionKind::Other && sections.iter().any(|s| s.kind == kind) {
                diags.push(
                    Diagnostic::warning(file, *line, format!("second `{text}` section ignored"))
                        .skipping(Item::Section, text),
                );
                continue;
            }
            sections.push(Section {
                kind,
                line: *line,
                blocks: blocks.get(i + 1..end).unwrap_or_default(),
            });
        }
        Self { title, sections }
    }

    fn section(&self, kind: SectionKind) -> Option<&Section<'b>> {
        self.sections.iter().find(|s| s.kind == kind)
    }
}

/// The function name after `API Function Name:`, if this block states one.
fn function_name(block: &TextBlock) -> Option<String> {
    let text = block.text.plain();
    let head = text.get(..FUNCTION_NAME_LABEL.len())?;
    head.eq_ignore_ascii_case(FUNCTION_NAME_LABEL).then(|| {
        text.get(FUNCTION_NAME_LABEL.len()..)
            .unwrap_or_default()
            .trim()
            .to_owned()
    })
}

/// The one function the page documents: required, an identifier, stated once.
fn operation(
    file: &str,
    blocks: &[Block],
    outline: &Outline<'_>,
    page_line: u32,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let stated = blocks.iter().filter_map(|block| match block {
        Block::Text(text) => function_name(text).map(|name| (name, text.line)),
        _ => None,
    });
    let mut found: Option<(String, u32)> = None;
    for (name, line) in stated {
        let is_identifier = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !is_identifier {
            diags.push(
                Diagnostic::error(file, line, format!("`{name}` is not a function name"))
                    .with_hint("write the SOAP function as `**API Function Name: api_example**`"),
            );
            return None;
        }
        match &found {
            None => found = Some((name, line)),
            Some((first, first_line)) if *first != name => {
                diags.push(Diagnostic::error(
                    file,
                    line,
                    format!("page names a second function `{name}`, after `{first}` on line {first_line}"),
                ));
                return None;
            }
            Some(_) => {}
        }
    }
    if found.is_none() {
        let line = outline
            .section(SectionKind::About)
            .map_or(page_line, |about| about.line);
        diags.push(
            Diagnostic::error(file, line, "page does not name its function").with_hint(format!(
                "add `**{FUNCTION_NAME_LABEL} <function>**` under `### About`"
            )),
        );
    }
    found.map(|(name, _)| name)
}

/// Paragraph texts. A list item that starts on the line after the text before it continues
/// that text (a doc-comment line, `* most functions for authentication.`); an empty item
/// (a bare `*` line) or a blank line starts a new paragraph.
fn paragraphs<'b>(blocks: impl Iterator<Item = &'b TextBlock>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut previous_end: Option<u32> = None;
    for block in blocks {
        let text = block.text.docs();
        if text.is_empty() {
            previous_end = None;
            continue;
        }
        let continues = block.kind == TextKind::ListItem
            && previous_end.is_some_and(|end| block.line == end.saturating_add(1));
        match out.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(&text);
            }
            _ => out.push(text),
        }
        previous_end = Some(block.end_line);
    }
    out
}

fn docs(paragraphs: Vec<String>) -> Docs {
    let mut paragraphs = paragraphs.into_iter();
    Docs {
        summary: paragraphs.next(),
        details: paragraphs.collect(),
    }
}

/// A fenced block of the Sample Code section.
fn sample(block: &Block) -> Option<Sample> {
    let Block::Code(code) = block else {
        return None;
    };
    let info = code.info.as_deref()?;
    let language = info
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned();
    Some(Sample {
        language,
        code: code.code.clone(),
        line: code.line,
    })
}

fn tables<'b>(section: &Section<'b>) -> impl Iterator<Item = &'b blocks::Table> {
    section.blocks.iter().filter_map(|block| match block {
        Block::Table(table) => Some(table),
        _ => None,
    })
}

/// Reads the one table a section may hold; a further table is reported and ignored.
fn only_table<'b>(
    file: &str,
    section: &Section<'b>,
    diags: &mut Vec<Diagnostic>,
) -> Option<&'b blocks::Table> {
    let mut tables = tables(section);
    let first = tables.next();
    for extra in tables {
        diags.push(
            Diagnostic::warning(file, extra.line, "second table in the section ignored")
                .skipping(Item::Table, ""),
        );
    }
    first
}

fn params(file: &str, request: &Section<'_>, diags: &mut Vec<Diagnostic>) -> Vec<PageParam> {
    let says_none = request.text().any(|block| {
        block
            .text
            .plain()
            .to_ascii_lowercase()
            .contains("takes no parameters")
    });
    let Some(table) = only_table(file, request, diags) else {
        if !says_none {
            diags.push(
                Diagnostic::warning(file, request.line, "Request section lists no parameters")
                    .with_hint("add a `Parameter|Type|Description` table, or say \"This function takes no parameters\""),
            );
        }
        return Vec::new();
    };
    if says_none {
        diags.push(
            Diagnostic::warning(
                file,
                table.line,
                "Request section says it takes no parameters but has a table; the table is used",
            )
            .with_kind(Kind::DocLint),
        );
    }
    let kind = TableKind {
        name_column: "Parameter",
        noun: "parameter",
    };
    let entries = table::entries(file, table, kind, diags).unwrap_or_default();
    entries
        .into_iter()
        .map(|e| PageParam {
            name: e.name,
            type_text: e.type_text,
            required: None,
            docs: e.docs,
            values: Vec::new(),
            line: e.line,
        })
        .collect()
}

fn response_of(file: &str, response: &Section<'_>, diags: &mut Vec<Diagnostic>) -> PageResponse {
    let mut out = PageResponse {
        docs: docs(paragraphs(response.text())),
        line: response.line,
        ..Default::default()
    };
    let kind = TableKind {
        name_column: "Field",
        noun: "field",
    };
    let entries = only_table(file, response, diags)
        .and_then(|table| table::entries(file, table, kind, diags));
    let Some(entries) = entries else {
        diags.push(
            Diagnostic::warning(file, response.line, "Response section has no field table")
                .with_hint("add a `Field|Type|Description` table"),
        );
        return out;
    };
    out.shape = match entries.as_slice() {
        [] => {
            diags.push(Diagnostic::warning(
                file,
                response.line,
                "Response table has no rows",
            ));
            ResponseShape::Unknown
        }
        // A lone `return` row is the bare SOAP return value, whatever the intro sentence says.
        [only] if only.name == "return" => ResponseShape::Scalar,
        _ => ResponseShape::Fields,
    };
    out.fields = entries
        .into_iter()
        .map(|e| PageField {
            name: e.name,
            type_text: e.type_text,
            docs: e.docs,
            label: None,
            conditional: false,
            per_entry: false,
            line: e.line,
        })
        .collect();
    out
}

fn missing_section(file: &str, name: &str) -> Diagnostic {
    Diagnostic::warning(file, 0, format!("page has no `### {name}` section"))
}

#[cfg(test)]
mod tests;
