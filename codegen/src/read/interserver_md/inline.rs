//! Inline text of a block or table cell, kept just structured enough for what the pages encode
//! in markup: a continuation row names its subject in emphasis (`*invoices_id* ID of ...`),
//! and a sub-table header is a cell of emphasized column names (`*Field* *Description*`).

/// One run of inline text.
#[derive(Debug, Clone, PartialEq)]
enum Span {
    /// Plain text, link text included (the target is dropped).
    Text(String),
    /// Text inside `*...*` or `**...**`.
    Emphasis(String),
    /// An inline code span.
    Code(String),
}

/// The inline content of one block or cell, in source order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inlines {
    spans: Vec<Span>,
}

/// Column names the vendor uses in the emphasized header of a nested table.
const COLUMN_HEADER_WORDS: [&str; 6] =
    ["field", "type", "description", "name", "value", "parameter"];

impl Inlines {
    /// Appends text; `emphasized` when it sits inside emphasis or strong markup.
    pub fn push_text(&mut self, text: &str, emphasized: bool) {
        match (self.spans.last_mut(), emphasized) {
            (Some(Span::Text(last)), false) | (Some(Span::Emphasis(last)), true) => {
                last.push_str(text)
            }
            (_, false) => self.spans.push(Span::Text(text.to_owned())),
            (_, true) => self.spans.push(Span::Emphasis(text.to_owned())),
        }
    }

    /// Appends an inline code span.
    pub fn push_code(&mut self, code: &str) {
        self.spans.push(Span::Code(code.to_owned()));
    }

    /// Text for documentation: markup removed, code spans kept as code, whitespace collapsed.
    pub fn docs(&self) -> String {
        render(&self.spans, true)
    }

    /// Bare text, code spans without their backticks: names, types, sentences to recognise.
    pub fn plain(&self) -> String {
        render(&self.spans, false)
    }

    /// Holds no visible text.
    pub fn is_blank(&self) -> bool {
        self.plain().is_empty()
    }

    /// A cell made only of emphasized column names (`*Field* *Description*`): the header of
    /// a table the vendor flattened into continuation rows, not documentation.
    pub fn is_column_header(&self) -> bool {
        let mut words = 0;
        for span in &self.spans {
            match span {
                Span::Text(text) if text.trim().is_empty() => {}
                Span::Emphasis(text) => {
                    let word = text.trim().to_ascii_lowercase();
                    if !COLUMN_HEADER_WORDS.contains(&word.as_str()) {
                        return false;
                    }
                    words += 1;
                }
                _ => return false,
            }
        }
        words > 0
    }

    /// Documentation of a continuation row: a leading emphasized word names the key it
    /// describes (`*invoices_id* ID of ...` becomes `` `invoices_id`: ID of ... ``).
    pub fn continuation_docs(&self) -> String {
        let first = self
            .spans
            .iter()
            .position(|s| !matches!(s, Span::Text(t) if t.trim().is_empty()));
        let Some(first) = first else {
            return String::new();
        };
        let (Some(Span::Emphasis(key)), Some(rest)) =
            (self.spans.get(first), self.spans.get(first + 1..))
        else {
            return self.docs();
        };
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return self.docs();
        }
        let rest = render(rest, true);
        let key = code_span(key);
        if rest.is_empty() {
            key
        } else {
            format!("{key}: {rest}")
        }
    }
}

fn render(spans: &[Span], code_ticks: bool) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text(text) | Span::Emphasis(text) => out.push_str(text),
            Span::Code(code) if code_ticks => out.push_str(&code_span(code)),
            Span::Code(code) => out.push_str(code),
        }
    }
    collapse_whitespace(&out)
}

/// Joins words with single spaces: cell and paragraph text wraps and pads freely.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A markdown code span that survives backticks inside the code.
fn code_span(code: &str) -> String {
    let longest_run = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inlines(spans: &[(&str, bool)]) -> Inlines {
        let mut out = Inlines::default();
        for (text, emphasized) in spans {
            out.push_text(text, *emphasized);
        }
        out
    }

    #[test]
    fn docs_drop_markup_and_collapse_whitespace() {
        let mut text = inlines(&[
            ("the ", false),
            ("Session ID", true),
            ("  you\n get ", false),
        ]);
        text.push_code("a`b");
        assert_eq!(text.docs(), "the Session ID you get ``a`b``");
        assert_eq!(text.plain(), "the Session ID you get a`b");
    }

    #[test]
    fn continuation_names_its_key_as_code() {
        let text = inlines(&[("invoices_id", true), (" ID of the Invoice ", false)]);
        assert_eq!(text.continuation_docs(), "`invoices_id`: ID of the Invoice");
        let plain = inlines(&[("no key here", false)]);
        assert_eq!(plain.continuation_docs(), "no key here");
        let phrase = inlines(&[("two words", true), (" text", false)]);
        assert_eq!(phrase.continuation_docs(), "two words text");
    }

    #[test]
    fn column_header_is_only_emphasized_column_names() {
        assert!(
            inlines(&[("Field", true), (" ", false), ("Description", true)]).is_column_header()
        );
        assert!(!inlines(&[("Deprecated", true)]).is_column_header());
        assert!(!inlines(&[("Field", true), (" of the order", false)]).is_column_header());
        assert!(!Inlines::default().is_column_header());
    }
}
