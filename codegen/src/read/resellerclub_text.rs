//! ResellerClub / LogicBoxes knowledge-base pages rendered to text.
//!
//! STUB: to be implemented.

use super::{Read, page::Page};

pub fn read(file: &str, text: &str) -> Read<Page> {
    let _ = (file, text);
    todo!()
}
