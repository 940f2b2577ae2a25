//! ResellerClub / LogicBoxes knowledge-base pages, as plain text rendered from their HTML.
//!
//! The text is not markdown, so no markdown parser is used: tables come out in several
//! renderings (rows with or without outer pipes, one cell per line, whitespace-flattened rows,
//! extra empty columns), cells spill over lines, and bullets are a lone `-` line or a `•`
//! prefix. This reader works line by line instead:
//!
//! 1. [`sections`] splits the page at its heading lines (`Description`, `Parameters`,
//!    `HTTP Method`, `Example Test URL Request`, `Response`, in any order); what comes before
//!    the first heading is an optional title and lead notes.
//! 2. [`params`] reads the parameter table in whichever rendering; [`values`] finds the
//!    allowed values a description enumerates.
//! 3. [`examples`] reads the example URLs and their region labels.
//! 4. [`response`] reads the response's keys (bullets `Label (key)`), its notes, which keys
//!    are conditional or per numbered entry, and the error convention sentence.
//!
//! No input makes it panic. What it cannot read is a warning naming the line; a file with no
//! known heading at all is an error.

mod examples;
mod params;
mod response;
mod sections;
mod text;
mod values;

#[cfg(test)]
mod tests;

use super::Read;
use super::page::{Located, Page};
use crate::diag::{Diagnostic, Item};
use crate::ir::{Docs, Source};
use sections::{Line, Section, SectionKind};

/// Reads one page; `file` is the path shown in diagnostics.
pub fn read(file: &str, text: &str) -> Read<Page> {
    let mut sink = Sink {
        file,
        diagnostics: Vec::new(),
    };
    let layout = sections::split(text, &mut sink);
    if layout.sections.is_empty() {
        sink.diagnostics.push(
            Diagnostic::error(
                file,
                0,
                "no section heading found: not a ResellerClub API page",
            )
            .with_hint(
                "expected heading lines such as `Description`, `Parameters`, `HTTP Method`, \
                     `Example Test URL Request` and `Response`",
            ),
        );
        return Read {
            value: None,
            diagnostics: sink.diagnostics,
        };
    }
    let section = |kind: SectionKind| layout.sections.iter().find(|s| s.kind == kind);

    let (title, lead_notes) = preamble(&layout.preamble);
    let first_line = layout
        .preamble
        .first()
        .map_or_else(|| layout.first_heading_line(), |l| l.no);
    let source = Source {
        file: file.to_owned(),
        line: title.as_ref().map_or(first_line, |t| t.line),
    };
    let docs = description(section(SectionKind::Description), lead_notes, &mut sink);
    let params = params::read(section(SectionKind::Parameters), &mut sink);
    let http_method = http_method(section(SectionKind::HttpMethod), &mut sink);
    let examples = examples::read(section(SectionKind::Examples), &mut sink);
    let response = response::read(section(SectionKind::Response), &mut sink);

    let page = Page {
        source,
        operation: None,
        title: title.map(|t| t.value),
        docs,
        params,
        response: response.response,
        http_method,
        examples,
        samples: Vec::new(),
        error_note: response.error_note,
    };
    Read {
        value: Some(page),
        diagnostics: sink.diagnostics,
    }
}

/// Collects the warnings of one page.
struct Sink<'a> {
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Sink<'_> {
    fn warn(&mut self, line: u32, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(self.file, line, message));
    }

    fn warn_hint(&mut self, line: u32, message: impl Into<String>, hint: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(self.file, line, message).with_hint(hint));
    }

    /// A warning that `item` (named `name`, or unnamed when empty) is left out.
    fn skip(
        &mut self,
        line: u32,
        (item, name): (Item, &str),
        message: impl Into<String>,
        hint: &str,
    ) {
        self.diagnostics.push(
            Diagnostic::warning(self.file, line, message)
                .with_hint(hint)
                .skipping(item, name),
        );
    }
}

/// Most words a title line has; longer lines above the first heading are notes.
const TITLE_MAX_WORDS: usize = 8;

/// The lines above the first heading: a short first line without closing punctuation is the
/// title (`Get Details`); every other line is a lead note (`Before going further, read …:`).
fn preamble(lines: &[Line<'_>]) -> (Option<Located<String>>, Vec<String>) {
    let is_title = |l: &Line<'_>| {
        l.text.split_whitespace().count() <= TITLE_MAX_WORDS
            && !l.text.ends_with(['.', ':', ';', ',', '!', '?'])
    };
    let title = lines.first().filter(|l| is_title(l)).map(|l| Located {
        value: text::collapse(l.text),
        line: l.no,
    });
    let skip = usize::from(title.is_some());
    let notes = lines
        .iter()
        .skip(skip)
        .map(|l| text::collapse(l.text))
        .collect();
    (title, notes)
}

/// The page's docs: the Description's first paragraph as summary; lead notes and further
/// paragraphs, in page order, as details. Each rendered line is one HTML block, so one
/// paragraph.
fn description(
    section: Option<&Section<'_>>,
    lead_notes: Vec<String>,
    sink: &mut Sink<'_>,
) -> Docs {
    let lines = section.map_or(&[][..], |s| s.lines.as_slice());
    match section {
        None => sink.warn(0, "the page has no `Description` section"),
        Some(s) if s.lines.is_empty() => sink.warn(s.heading, "the `Description` section is empty"),
        Some(_) => {}
    }
    let mut paragraphs = lines.iter().map(|l| text::collapse(l.text));
    let summary = paragraphs.next();
    let mut details = lead_notes;
    details.extend(paragraphs);
    Docs { summary, details }
}

/// Methods a page may name; anything else is kept as written and reported.
const HTTP_METHODS: [&str; 6] = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"];

/// The `HTTP Method` section's first line, as written.
fn http_method(section: Option<&Section<'_>>, sink: &mut Sink<'_>) -> Option<Located<String>> {
    let Some(section) = section else {
        sink.warn(0, "the page has no `HTTP Method` section");
        return None;
    };
    let Some((first, rest)) = section.lines.split_first() else {
        sink.warn(section.heading, "the `HTTP Method` section is empty");
        return None;
    };
    let value = text::collapse(first.text);
    if !HTTP_METHODS.contains(&value.as_str()) {
        sink.warn_hint(
            first.no,
            format!("`{value}` is not an HTTP method this reader knows"),
            format!("expected one of {}", HTTP_METHODS.join(", ")),
        );
    }
    for line in rest {
        sink.warn(
            line.no,
            format!("text after the HTTP method ignored: `{}`", line.text),
        );
    }
    Some(Located {
        value,
        line: first.no,
    })
}
