//! Typed async clients for hosting vendors' APIs, generated from their WSDLs and doc pages.
//!
//! One module per vendor (`interserver`, `resellerclub`, ...), each behind a cargo feature
//! of the same name. Everything under `src/generated/` is written by `cargo xtask gen`; the
//! [`runtime`] the generated code calls is written by hand.

pub mod runtime;

// prettyplease formats the generated files; rustfmt must not fight it.
#[rustfmt::skip]
mod generated;
// Empty when every vendor feature is off.
#[allow(unused_imports)]
pub use generated::*;

pub use runtime::{Error, Secret, Value};
