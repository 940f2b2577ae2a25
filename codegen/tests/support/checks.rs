//! What every reader promises whatever it is given, checked by the randomised tests
//! (`tests/mutations.rs`) and by the fuzz targets (`fuzz/`, which include this file by path):
//! no panic (the caller's part), every diagnostic names a file that was read and a line inside
//! it, and no reader fails silently.

// Each includer uses only part of it.
#![allow(dead_code)]

use codegen::diag::Diagnostic;
use codegen::read::Read;

/// Text as `codegen::load` reads a page: UTF-8, or Latin-1 when it is not.
pub fn text_of(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Lines of a file as an editor counts them: `\n`, `\r\n` and a lone `\r` each end one.
pub fn line_count(bytes: &[u8]) -> usize {
    let breaks = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    breaks + 1
}

/// Reads `bytes` as the text file `file` with `read`, as `codegen::load` does, and checks the
/// result.
pub fn check_text_reader<T>(
    file: &str,
    bytes: &[u8],
    read: fn(&str, &str) -> Read<T>,
) -> Result<(), String> {
    check_read(
        &read(file, &text_of(bytes)),
        &[(file.to_owned(), bytes.to_vec())],
    )
}

/// Checks a reader's result. `files` are the files it read (name and content): the one it was
/// given and any it imported.
pub fn check_read<T>(read: &Read<T>, files: &[(String, Vec<u8>)]) -> Result<(), String> {
    check_diagnostics(&read.diagnostics, files)?;
    if read.value.is_none() && !read.diagnostics.iter().any(Diagnostic::is_error) {
        return Err("no value and no error: a silent failure".to_owned());
    }
    Ok(())
}

/// Every diagnostic names one of `files`, a line inside it (0 for the whole file) and says
/// something.
pub fn check_diagnostics(
    diagnostics: &[Diagnostic],
    files: &[(String, Vec<u8>)],
) -> Result<(), String> {
    // Counted once per file, and only for files with diagnostics: inputs can be megabytes.
    let mut line_counts = vec![None; files.len()];
    for d in diagnostics {
        let Some(at) = files.iter().position(|(name, _)| *name == d.file) else {
            return Err(format!("names a file that was not read: {d}"));
        };
        let lines = *line_counts[at].get_or_insert_with(|| line_count(&files[at].1));
        if usize::try_from(d.line).map_or(true, |line| line > lines) {
            return Err(format!(
                "line past the end of the file ({lines} lines): {d}"
            ));
        }
        if d.message.trim().is_empty() {
            return Err(format!("says nothing: {d:?}"));
        }
    }
    Ok(())
}
