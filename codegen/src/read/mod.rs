//! Readers: one per input format. Each turns one file into plain data and reports problems as
//! [`Diagnostic`]s naming the file and line; none of them knows anything of Rust.
//!
//! - [`manifest`]: the hand-written `service.toml` of a vendor folder.
//! - [`wsdl`]: a WSDL 1.1 document, into IR types and operations.
//! - [`interserver_md`], [`resellerclub_text`]: vendor doc pages, into a [`page::Page`].

pub mod interserver_md;
pub mod manifest;
pub mod page;
pub mod resellerclub_text;
pub mod wsdl;

use crate::diag::Diagnostic;

/// A 1-based line number of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let newlines = text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

/// Where each line of a text starts, so that positions of many offsets cost a binary search
/// each rather than a scan from the start (which made big pages quadratic).
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let newlines = text
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i + 1);
        Self {
            starts: std::iter::once(0).chain(newlines).collect(),
        }
    }

    /// The 1-based line of a byte offset; the same as [`line_of`].
    pub fn line(&self, offset: usize) -> u32 {
        to_u32(self.index(offset))
    }

    /// 1-based line and column (in characters) of a byte offset in `text`, the text these
    /// lines were made from.
    pub fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let index = self.index(offset);
        let start = self.starts.get(index - 1).copied().unwrap_or(0);
        let col = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (to_u32(index), to_u32(col))
    }

    /// How many lines start at or before `offset` (at least 1).
    fn index(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What every reader returns: its result (when it could make one) and what it noticed.
#[derive(Debug)]
pub struct Read<T> {
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_agree_with_line_of() {
        let text = "ab\n\ncé\nd";
        let lines = Lines::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(lines.line(offset), line_of(text, offset), "{offset}");
        }
        assert_eq!(lines.position(text, 0), (1, 1));
        assert_eq!(lines.position(text, 7), (3, 3));
        assert_eq!(lines.position(text, 8), (4, 1));
        assert_eq!(lines.position(text, 9), (4, 2));
    }
}
