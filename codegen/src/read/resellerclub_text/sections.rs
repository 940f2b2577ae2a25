//! The page split at its heading lines.

use super::{Sink, text};
use std::collections::BTreeSet;

/// One non-blank line of the page, trimmed (tabs, no-break spaces and `\r` included).
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// 1-based.
    pub no: u32,
    pub text: &'a str,
}

/// The sections a page can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum SectionKind {
    Description,
    Parameters,
    HttpMethod,
    Examples,
    Response,
}

impl SectionKind {
    /// The heading as the pages write it, for messages.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Description => "Description",
            Self::Parameters => "Parameters",
            Self::HttpMethod => "HTTP Method",
            Self::Examples => "Example Test URL Request",
            Self::Response => "Response",
        }
    }
}

/// A heading and the non-blank lines up to the next heading.
#[derive(Debug)]
pub(super) struct Section<'a> {
    pub kind: SectionKind,
    /// Line of the heading.
    pub heading: u32,
    pub lines: Vec<Line<'a>>,
}

#[derive(Debug)]
pub(super) struct Layout<'a> {
    /// Lines above the first heading (title, lead notes).
    pub preamble: Vec<Line<'a>>,
    /// In page order, at most one of each kind.
    pub sections: Vec<Section<'a>>,
}

impl Layout<'_> {
    pub fn first_heading_line(&self) -> u32 {
        self.sections.first().map_or(1, |s| s.heading)
    }
}

/// Splits `text` into its preamble and sections. A heading seen a second time is read as an
/// ordinary line of the current section, and reported.
pub(super) fn split<'a>(text: &'a str, sink: &mut Sink<'_>) -> Layout<'a> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut layout = Layout {
        preamble: Vec::new(),
        sections: Vec::new(),
    };
    let mut seen = BTreeSet::new();
    for (index, raw) in text.split('\n').enumerate() {
        let line = Line {
            no: u32::try_from(index + 1).unwrap_or(u32::MAX),
            text: raw.trim(),
        };
        if line.text.is_empty() {
            continue;
        }
        if let Some((kind, inline)) = heading(line.text) {
            if seen.insert(kind) {
                let mut section = Section {
                    kind,
                    heading: line.no,
                    lines: Vec::new(),
                };
                if !inline.is_empty() {
                    section.lines.push(Line {
                        no: line.no,
                        text: inline,
                    });
                }
                layout.sections.push(section);
                continue;
            }
            sink.warn_hint(
                line.no,
                format!(
                    "second `{}` heading read as text of the section above",
                    kind.heading()
                ),
                "a page has each section once",
            );
        }
        match layout.sections.last_mut() {
            Some(section) => section.lines.push(line),
            None => layout.preamble.push(line),
        }
    }
    layout
}

/// Recognises a heading line, alone (`Parameters`) or with its content after a colon
/// (`HTTP Method: POST`); returns the kind and that content.
fn heading(line: &str) -> Option<(SectionKind, &str)> {
    let (head, inline) = match line.split_once(':') {
        Some((head, rest)) => (head, rest.trim()),
        None => (line, ""),
    };
    let kind = match text::collapse(head).to_ascii_lowercase().as_str() {
        "description" => SectionKind::Description,
        "parameters" | "parameter" | "request parameters" | "input parameters" => {
            SectionKind::Parameters
        }
        "http method" | "request method" | "method" => SectionKind::HttpMethod,
        "example test url request"
        | "example test url requests"
        | "example test url"
        | "example url"
        | "example urls"
        | "example request"
        | "example requests"
        | "test url request" => SectionKind::Examples,
        "response" | "responses" | "response parameters" => SectionKind::Response,
        _ => return None,
    };
    Some((kind, inline))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each section's kind, heading line and lines.
    type Outline<'a> = Vec<(SectionKind, u32, Vec<&'a str>)>;

    fn layout(text: &str) -> (Outline<'_>, Vec<&str>, usize) {
        let mut sink = Sink {
            file: "t.txt",
            diagnostics: Vec::new(),
        };
        let layout = split(text, &mut sink);
        let sections = layout
            .sections
            .iter()
            .map(|s| (s.kind, s.heading, s.lines.iter().map(|l| l.text).collect()))
            .collect();
        (
            sections,
            layout.preamble.iter().map(|l| l.text).collect(),
            sink.diagnostics.len(),
        )
    }

    #[test]
    fn headings_in_any_order_with_preamble_and_inline_content() {
        let (sections, preamble, warnings) = layout(
            "\u{feff}Get Details\r\n\r\nHTTP Method: POST\r\nDescription \t\nText.\nresponse\n\n  x\n",
        );
        assert_eq!(preamble, vec!["Get Details"]);
        assert_eq!(
            sections,
            vec![
                (SectionKind::HttpMethod, 3, vec!["POST"]),
                (SectionKind::Description, 4, vec!["Text."]),
                (SectionKind::Response, 6, vec!["x"]),
            ]
        );
        assert_eq!(warnings, 0);
    }

    #[test]
    fn a_repeated_heading_is_text_and_reported() {
        let (sections, _, warnings) = layout("Description\na\nDescription\nb");
        assert_eq!(
            sections,
            vec![(SectionKind::Description, 1, vec!["a", "Description", "b"])]
        );
        assert_eq!(warnings, 1);
    }

    #[test]
    fn words_that_only_start_like_headings_are_text() {
        let (sections, _, _) = layout("Parameters\nExample:\nDescription |\nhttps://x.test/a");
        assert_eq!(
            sections,
            vec![(
                SectionKind::Parameters,
                1,
                vec!["Example:", "Description |", "https://x.test/a"]
            )]
        );
    }
}
