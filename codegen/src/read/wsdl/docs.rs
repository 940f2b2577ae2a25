//! `documentation` elements into [`Docs`]: paragraphs are separated by blank lines, whitespace
//! inside a paragraph is collapsed, and the first paragraph is the summary.

use super::node::Node;
use super::ns;
use crate::ir::Docs;

/// The `wsdl:documentation` of a WSDL element.
pub fn wsdl(node: &Node) -> Docs {
    node.child(ns::WSDL, "documentation")
        .map(|d| from_text(&d.text()))
        .unwrap_or_default()
}

/// The `xsd:annotation/xsd:documentation` of a schema component (every one, in order).
pub fn xsd(node: &Node) -> Docs {
    let text: Vec<String> = node
        .elements()
        .filter(|e| ns::is_xsd(&e.ns) && e.name == "annotation")
        .flat_map(|a| {
            a.elements()
                .filter(|d| ns::is_xsd(&d.ns) && d.name == "documentation")
                .map(Node::text)
        })
        .collect();
    from_text(&text.join("\n\n"))
}

/// Splits text into paragraphs.
pub fn from_text(text: &str) -> Docs {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut current, &mut paragraphs);
        } else {
            current.extend(line.split_whitespace());
        }
    }
    flush(&mut current, &mut paragraphs);
    let mut paragraphs = paragraphs.into_iter();
    Docs {
        summary: paragraphs.next(),
        details: paragraphs.collect(),
    }
}

fn flush(words: &mut Vec<&str>, paragraphs: &mut Vec<String>) {
    if !words.is_empty() {
        paragraphs.push(words.join(" "));
        words.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_split_on_blank_lines_and_collapsed() {
        let docs =
            from_text("  Places an\n   email order.\n \n\tNeeds a  session.\n\n\nSee api_login.  ");
        assert_eq!(docs.summary.as_deref(), Some("Places an email order."));
        assert_eq!(docs.details, ["Needs a session.", "See api_login."]);
        assert_eq!(from_text(" \n "), Docs::default());
    }
}
