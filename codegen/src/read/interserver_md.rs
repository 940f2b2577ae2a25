//! InterServer's markdown doc pages (pulldown-cmark).
//!
//! STUB: to be implemented.

use super::{Read, page::Page};

pub fn read(file: &str, text: &str) -> Read<Page> {
    let _ = (file, text);
    todo!()
}
