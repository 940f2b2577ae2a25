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

/// What every reader returns: its result (when it could make one) and what it noticed.
#[derive(Debug)]
pub struct Read<T> {
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}
