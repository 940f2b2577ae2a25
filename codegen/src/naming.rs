//! The one naming authority: a Rust identifier for every wire name.
//!
//! STUB: to be implemented.

use crate::diag::Diagnostic;
use crate::ir::Ir;

pub fn assign(ir: &mut Ir) -> Vec<Diagnostic> {
    let _ = ir;
    todo!()
}
