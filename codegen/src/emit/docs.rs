//! Doc comments: vendor text made safe for rustdoc, and the sections the emitter adds.
//!
//! Vendor text is read literally: characters rustdoc would take for links (`[x]`), HTML
//! (`<b>`), emphasis (`*`, `_`), code (unpaired backticks), headings or strike-through are
//! escaped; bare URLs become autolinks; leading indentation is stripped so no line turns into
//! an indented code block (which rustdoc would run as a doctest). The only code fence is the
//! emitter's own example in each service module's docs.

use crate::ir::Docs;
use proc_macro2::TokenStream;
use quote::quote;

/// The doc comment of one item, built paragraph by paragraph.
#[derive(Debug, Default)]
pub(super) struct Doc {
    /// Markdown blocks, already safe; separated by blank lines when rendered.
    blocks: Vec<String>,
}

impl Doc {
    /// A doc starting with the IR docs, or with `fallback` (emitter-written markdown) when the
    /// IR has none.
    pub(super) fn from_docs(docs: &Docs, fallback: impl Into<String>) -> Self {
        let mut doc = Self::default();
        doc.docs(docs);
        if doc.blocks.is_empty() {
            doc.markdown(fallback);
        }
        doc
    }

    /// The IR docs, then `Wire <what>: `wire`.`: the name on the wire is always shown, since
    /// the Rust name is changed from it (case, keywords) and users search the vendor's pages
    /// by the wire name.
    pub(super) fn with_wire(docs: &Docs, what: &str, wire: &str) -> Self {
        let mut doc = Self::default();
        doc.docs(docs);
        doc.markdown(format!("Wire {what}: {}.", code(wire)));
        doc
    }

    /// A doc of markdown the emitter wrote itself.
    pub(super) fn of(markdown: impl Into<String>) -> Self {
        Self {
            blocks: vec![markdown.into()],
        }
    }

    /// Appends the summary and details of IR docs.
    pub(super) fn docs(&mut self, docs: &Docs) {
        for paragraph in docs.summary.iter().chain(&docs.details) {
            self.text(paragraph);
        }
    }

    /// Appends vendor text: one or more paragraphs, escaped.
    pub(super) fn text(&mut self, text: &str) {
        let escaped = escape(text);
        if !escaped.is_empty() {
            self.blocks.push(escaped);
        }
    }

    /// Appends markdown the emitter wrote itself (its parts built with [`code`] and [`escape`]).
    pub(super) fn markdown(&mut self, markdown: impl Into<String>) {
        self.blocks.push(markdown.into());
    }

    /// Appends a `# heading` and a bullet list, when there are items.
    pub(super) fn section(&mut self, heading: &str, items: &[String]) {
        if !items.is_empty() {
            self.blocks.push(format!("# {heading}"));
            self.blocks.push(
                items
                    .iter()
                    .map(|item| format!("- {item}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
    }

    /// `#[doc = "..."]` attributes, one per line: rendered as `///` comments.
    pub(super) fn outer(&self) -> TokenStream {
        let lines = self.lines();
        quote! { #(#[doc = #lines])* }
    }

    /// `#![doc = "..."]` attributes: rendered as `//!` comments.
    pub(super) fn inner(&self) -> TokenStream {
        let lines = self.lines();
        quote! { #(#![doc = #lines])* }
    }

    fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for block in &self.blocks {
            if !lines.is_empty() {
                lines.push(String::new());
            }
            // A leading space keeps `///` and the text apart (`/// /api/...`, not `////api`).
            lines.extend(block.lines().map(|line| format!(" {line}")));
        }
        lines
    }
}

/// IR docs on one line, for a bullet item: the paragraphs joined by spaces, escaped.
pub(super) fn inline(docs: &Docs) -> Option<String> {
    let text: Vec<String> = docs
        .summary
        .iter()
        .chain(&docs.details)
        .map(|p| {
            escape(p)
                .split('\n')
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    (!text.is_empty()).then(|| text.join(" "))
}

/// The `# Returns` text of an operation whose answer is `ty` (Rust path): its docs inline,
/// where a sentence announcing a list ("containing the below details:") points at the type,
/// because the list became that type's fields and is not repeated here.
pub(super) fn returns(docs: &Docs, ty: &str) -> Option<String> {
    let text = inline(docs)?;
    // A plain path links to the type; a generic one (`Vec<X>`) cannot be a link.
    let target = if ty.contains('<') {
        format!("`{ty}`")
    } else {
        format!("[`{ty}`]")
    };
    let Some((announcement, rest)) = text.split_once(": ") else {
        return Some(match text.strip_suffix(':') {
            Some(announcement) => format!("{announcement}: see {target}."),
            None => text,
        });
    };
    // The lead-in only: a colon later in the text introduces its own value.
    if announcement.contains(". ") || !announces_list(announcement) {
        return Some(text);
    }
    Some(format!("{announcement}: see {target}. {rest}"))
}

/// Whether a sentence announces a list of things that follows it.
fn announces_list(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [
        "details",
        "following",
        "below",
        "these",
        "fields",
        "keys",
        "values",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

/// Text as an inline code span (a wire name such as `api-key`); escaped text when it holds a
/// backtick or a line break, which a one-backtick span cannot.
pub(super) fn code(text: &str) -> String {
    if text.is_empty() || text.contains(['`', '\n', '\r']) || text.trim() != text {
        escape(text).replace('\n', " ")
    } else {
        format!("`{text}`")
    }
}

/// Vendor text as literal markdown: lines trimmed, blank lines between paragraphs kept (one),
/// markdown syntax escaped.
pub(super) fn escape(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c.is_control()))
    {
        if line.is_empty() {
            if out.last().is_some_and(|l| !l.is_empty()) {
                out.push(String::new());
            }
        } else {
            out.push(escape_line(line));
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// One trimmed, non-empty line.
fn escape_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().filter(|c| !c.is_control()).collect();
    let mut out = String::with_capacity(line.len() + 8);
    // A line of only `-`, `=` or `+` would underline the previous one into a heading, or
    // draw a rule.
    let rule = chars.iter().all(|c| matches!(c, '-' | '=' | '+' | ' '));
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = url_end(&chars, i) {
            out.push('<');
            out.extend(&chars[i..end]);
            out.push('>');
            i = end;
            continue;
        }
        if let Some(end) = code_span_end(&chars, i) {
            out.extend(&chars[i..end]);
            i = end;
            continue;
        }
        let c = chars[i];
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let escaped = match c {
            '\\' | '[' | ']' | '<' | '>' | '*' | '`' | '~' | '|' => true,
            // `_` inside a word never starts emphasis; elsewhere it may.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '#' => i == 0,
            '-' | '=' | '+' => i == 0 && rule,
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The end of a bare `http(s)://` URL starting at `i`, trailing punctuation left out.
fn url_end(chars: &[char], i: usize) -> Option<usize> {
    let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
    let rest: String = chars[i..]
        .iter()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    if !starts_word || !(rest.starts_with("http://") || rest.starts_with("https://")) {
        return None;
    }
    let mut end = i;
    while end < chars.len()
        && !chars[end].is_whitespace()
        && !matches!(chars[end], '<' | '>' | '"' | '`')
    {
        end += 1;
    }
    loop {
        let last = chars[end - 1];
        let unbalanced = |open: char, close: char| {
            last == close
                && chars[i..end].iter().filter(|&&c| c == open).count()
                    < chars[i..end].iter().filter(|&&c| c == close).count()
        };
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_')
            || unbalanced('(', ')')
            || unbalanced('[', ']')
        {
            end -= 1;
        } else {
            break;
        }
    }
    // A bare scheme (`http://` and nothing more) is not a link.
    let scheme = if rest.starts_with("https") { 8 } else { 7 };
    (end > i + scheme).then_some(end)
}

/// The end (exclusive) of a one-backtick code span starting at `i`: `` `x` ``, kept as
/// written since its content is shown literally.
fn code_span_end(chars: &[char], i: usize) -> Option<usize> {
    if chars[i] != '`' || (i > 0 && chars[i - 1] == '`') {
        return None;
    }
    let close = i + 1 + chars[i + 1..].iter().position(|&c| c == '`')?;
    let content = &chars[i + 1..close];
    let single = chars.get(close + 1) != Some(&'`');
    (single && content.iter().any(|c| !c.is_whitespace())).then_some(close + 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_announced_list_points_at_the_answer_type() {
        let docs = |summary: &str| crate::ir::Docs {
            summary: Some(summary.to_owned()),
            details: Vec::new(),
        };
        let renew = docs(
            "Returns a hash map containing the below details: invoiceid and customerid will \
             not be returned if invoice-option is set to NoInvoice.",
        );
        assert_eq!(
            super::returns(&renew, "RenewResponse").as_deref(),
            Some(
                "Returns a hash map containing the below details: see [`RenewResponse`]. \
                 invoiceid and customerid will not be returned if invoice-option is set to \
                 NoInvoice."
            )
        );
        let bare = docs("Returns the following fields:");
        assert_eq!(
            super::returns(&bare, "Vec<Order>").as_deref(),
            Some("Returns the following fields: see `Vec<Order>`.")
        );
        let plain = docs("The session id. Format: 32 hex digits.");
        assert_eq!(
            super::returns(&plain, "String").as_deref(),
            Some("The session id. Format: 32 hex digits.")
        );
    }

    use super::*;

    fn docs(summary: &str, details: &[&str]) -> Docs {
        Docs {
            summary: Some(summary.to_owned()),
            details: details.iter().map(|d| (*d).to_owned()).collect(),
        }
    }

    #[test]
    fn escapes_links_html_and_emphasis() {
        assert_eq!(
            escape("see [login](#login) <b>now</b>"),
            r"see \[login\](#login) \<b\>now\</b\>"
        );
        assert_eq!(
            escape("the *Session ID* and _id_"),
            r"the \*Session ID\* and \_id\_"
        );
        assert_eq!(escape("a ~~b~~ | c"), r"a \~\~b\~\~ \| c");
        assert_eq!(escape(r"C:\path"), r"C:\\path");
    }

    #[test]
    fn keeps_underscores_inside_words() {
        assert_eq!(
            escape("status_text and api_login"),
            "status_text and api_login"
        );
        assert_eq!(escape("__init__ or _x"), r"\_\_init\_\_ or \_x");
    }

    #[test]
    fn keeps_code_spans_and_escapes_lone_backticks() {
        assert_eq!(escape("use `a[0]` here"), "use `a[0]` here");
        assert_eq!(escape("it's ` odd"), r"it's \` odd");
        assert_eq!(escape("```perl"), r"\`\`\`perl");
        assert_eq!(escape("`` x ``"), r"\`\` x \`\`");
    }

    #[test]
    fn strips_indentation_so_nothing_becomes_code() {
        assert_eq!(
            escape("first\n        let x = 1;\n\t\tmore"),
            "first\nlet x = 1;\nmore"
        );
    }

    #[test]
    fn escapes_line_starts_that_would_be_structure() {
        assert_eq!(escape("# Heading"), r"\# Heading");
        assert_eq!(escape("Title\n---"), "Title\n\\---");
        assert_eq!(escape("===="), r"\====");
        assert_eq!(escape("- a list item"), "- a list item");
        assert_eq!(escape("> quoted"), r"\> quoted");
        assert_eq!(escape("C# and F#"), "C# and F#");
    }

    #[test]
    fn turns_bare_urls_into_autolinks() {
        assert_eq!(
            escape("See https://test.httpapi.com/api/x.json?a=1&b_c=2."),
            "See <https://test.httpapi.com/api/x.json?a=1&b_c=2>."
        );
        assert_eq!(
            escape("(at http://a.example/x_(y))"),
            "(at <http://a.example/x_(y)>)"
        );
        assert_eq!(escape("just http:// here"), "just http:// here");
        assert_eq!(escape("xhttp://a.b"), "xhttp://a.b");
    }

    #[test]
    fn keeps_one_blank_line_between_paragraphs() {
        assert_eq!(escape("\n\na\n\n\n  b  \n\n"), "a\n\nb");
        assert_eq!(escape("   \n \t "), "");
    }

    #[test]
    fn renders_doc_attributes_with_blank_lines_between_blocks() {
        let mut doc = Doc::from_docs(&docs("Buys [mail].", &["Second."]), "unused");
        doc.section("Arguments", &[format!("{}: the coupon", code("coupon"))]);
        assert_eq!(
            doc.lines(),
            [
                " Buys \\[mail\\].",
                "",
                " Second.",
                "",
                " # Arguments",
                "",
                " - `coupon`: the coupon"
            ]
        );
        let tokens = doc.outer().to_string();
        assert!(
            tokens.starts_with("# [doc = \" Buys \\\\[mail\\\\].\"]"),
            "{tokens}"
        );
    }

    #[test]
    fn falls_back_when_the_ir_has_no_docs() {
        let doc = Doc::from_docs(&Docs::default(), "Wire name: `x`.");
        assert_eq!(doc.lines(), [" Wire name: `x`."]);
        let doc = Doc::from_docs(&docs("  ", &[]), "fallback");
        assert_eq!(doc.lines(), [" fallback"]);
    }

    #[test]
    fn inlines_paragraphs_for_list_items() {
        assert_eq!(
            inline(&docs("One\nline.", &["Two <x>."])),
            Some(r"One line. Two \<x\>.".to_owned())
        );
        assert_eq!(inline(&Docs::default()), None);
    }

    #[test]
    fn code_spans_only_what_they_can_hold() {
        assert_eq!(code("api-key"), "`api-key`");
        assert_eq!(code("a`b"), r"a\`b");
        assert_eq!(code(""), "");
    }
}
