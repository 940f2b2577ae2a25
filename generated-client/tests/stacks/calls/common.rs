//! Shared by the call tests (`mod common;`). These files are compiled in the scratch crate that
//! `tests/third_party_stacks.rs` generates from `tests/stacks/specs/` (package
//! `stack-clients`), never in the workspace: they call the generated stack clients against
//! the running servers whose URLs the harness passes in `STACK_*_URL`.

#![allow(dead_code)]

use stack_clients::Error;

/// The endpoint of a running stack, from the harness.
pub fn url(variable: &str) -> String {
    std::env::var(variable).unwrap_or_else(|_| {
        panic!("{variable} unset: run these through tests/third_party_stacks.rs")
    })
}

/// The WS-Security account node-soap's `authenticate` hook accepts (tests/stacks/node/server.js):
/// the node_soap client sends a UsernameToken (a digest) with every request.
pub const NODE_USER: &str = "node-user";
/// The password of [`NODE_USER`].
pub const NODE_PASSWORD: &str = "node p@ss&<word>";

/// Asserts that `result` is the fault a stack answers when one of its checks on the request
/// failed, naming `check`: proof that the servers' checks can fail.
pub fn assert_check_failed<T: std::fmt::Debug>(result: Result<T, Error>, check: &str) {
    match result {
        Err(Error::Fault(fault)) => assert!(
            fault
                .string
                .contains(&format!("PEER-CHECK-FAILED {check}:")),
            "expected the failed check {check}, got the fault {fault:?}"
        ),
        other => panic!("expected the failed check {check}, got {other:?}"),
    }
}

/// Panics with the server's fault text (which names the failed check) when `result` is an
/// error; the answer otherwise.
pub fn answer<T>(what: &str, result: Result<T, Error>) -> T {
    result.unwrap_or_else(|e| panic!("{what}: {e} ({e:?})"))
}
