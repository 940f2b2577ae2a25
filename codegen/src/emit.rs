//! The emitter: IR → formatted Rust source (syn/quote → prettyplease).
//!
//! STUB: to be implemented.

use crate::ir::Ir;
use std::collections::BTreeMap;

/// Every generated file, by path relative to the generated crate's root.
pub fn crate_files(ir: &Ir) -> BTreeMap<String, String> {
    let _ = ir;
    todo!()
}
