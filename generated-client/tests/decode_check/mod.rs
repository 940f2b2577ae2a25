//! One answer body, decoded the way generated code decodes it (SOAP or JSON) into a few
//! representative output types; and what must hold whatever the body: no panic, and either a
//! value or one of the typed errors an answer can cause, keeping the raw body.
//!
//! Shared by the randomised tests (`tests/decode_mutations.rs`), the hostile-answer tests and
//! the `json_decode` and `soap_decode` fuzz targets (`fuzz/`), which include this folder by
//! path.

// Each includer uses only part of it.
#![allow(dead_code)]

pub mod json;
pub mod soap;

use generated_client::Error;
use generated_client::runtime::Outcome;
use generated_client::runtime::transport::{
    BoxFuture, Request, Response, Transport, TransportError,
};
use std::future::Future;
use std::task::{Context, Poll, Waker};

/// HTTP statuses an answer is tried with: success, the vendors' error statuses, 403.
pub const STATUSES: [u16; 5] = [200, 201, 403, 404, 500];

/// A fuzz input as an answer: the first byte picks the status from [`STATUSES`], the rest is
/// the body, checked by `check` (`json::check_answer` or `soap::check_answer`).
pub fn check_input(
    input: &[u8],
    check: fn(u16, &[u8]) -> Result<(), String>,
) -> Result<(), String> {
    match input.split_first() {
        Some((status, body)) => check(STATUSES[usize::from(*status) % STATUSES.len()], body),
        None => Ok(()),
    }
}

/// Answers with one fixed response, at once.
struct Canned(Response);

impl Transport for Canned {
    fn send(&self, _request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        let response = self.0.clone();
        Box::pin(async move { Ok(response) })
    }
}

/// `result` is a value, or an error an answer can cause that `keeps` accepts (it checks the
/// body kept, and may narrow the kinds), with the outcome the rule gives it: the vendor's
/// refusals are not performed; anything else is unknown for an operation that is not
/// `idempotent`, and safe to retry for one that is.
fn typed<T>(
    status: u16,
    idempotent: bool,
    result: Result<T, Error>,
    keeps: impl Fn(&Error) -> bool,
) -> Result<(), String> {
    let Err(error) = result else {
        return Ok(());
    };
    let cause = match &error {
        Error::OutcomeUnknown { cause, .. } => cause.as_ref(),
        other => other,
    };
    let expected = match cause {
        Error::Business(_) | Error::Fault(_) | Error::AccessDenied { .. } => Outcome::NotPerformed,
        Error::Decode { .. } | Error::Http { .. } if idempotent => Outcome::SafeToRetry,
        Error::Decode { .. } | Error::Http { .. } => Outcome::Unknown,
        _ => return Err(format!("status {status}: unexpected error {error:?}")),
    };
    if error.outcome() != expected {
        return Err(format!(
            "status {status}: {:?} instead of {expected:?}: {error:?}",
            error.outcome()
        ));
    }
    if !keeps(&error) {
        return Err(format!("status {status}: the body is not kept: {error:?}"));
    }
    Ok(())
}

/// Runs a future that never waits: the canned transport answers at once.
fn now<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}
