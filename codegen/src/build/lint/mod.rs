//! Doc-page lint: mistakes a page makes that do not change the generated client but mislead its
//! readers, reported as warnings where the page meets the operation built from it.
//!
//! - [`samples`]: sample code calling the operation with the wrong number of arguments, or
//!   passing one input as two different parameters (read by the lenient [`scan`]ner).
//! - [`labels`]: response labels copied from another product's or operation's page.

mod labels;
mod samples;
mod scan;

use crate::diag::Diagnostic;
use crate::ir::Operation;
use crate::read::page::Page;

/// Lints every page that became or documented one of `operations` (the operation lists the
/// page among its sources); pages that were not used are not linted.
pub fn pages(pages: &[Page], operations: &[Operation], diags: &mut Vec<Diagnostic>) {
    let products = labels::products(operations);
    for page in pages {
        let Some(op) = operations
            .iter()
            .find(|op| op.sources.contains(&page.source))
        else {
            continue;
        };
        samples::check(page, op, operations, diags);
        labels::check(page, op, &products, diags);
    }
}

#[cfg(test)]
mod tests;
