//! Shared by the integration tests that mutate real inputs (`mod support;`).

// Each test binary uses only part of it.
#![allow(dead_code)]

pub mod checks;
pub mod mutate;
