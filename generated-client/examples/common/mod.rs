//! How the examples end. The exit code tells a script what happened to the order, because
//! that decides what it may do next:
//!
//! | code | meaning | what to do |
//! |---:|---|---|
//! | 0 | the order was placed; the answer is printed | |
//! | 1 | usage or set-up error: nothing was sent | fix the command line |
//! | 2 | the order certainly did not take effect: the vendor refused it (business error, SOAP fault, HTTP 401/403, failed login) or it was never sent | fix the cause, then try again |
//! | 3 | the outcome is unknown: the order was sent but no readable answer came back | check the order's state before trying again |

use generated_client::Error;
use generated_client::runtime::Outcome;
use std::fmt::Debug;
use std::process::ExitCode;

/// Exit code 1: prints the usage line or the set-up error.
pub fn usage_error(text: &str) -> ExitCode {
    eprintln!("{text}");
    ExitCode::from(1)
}

/// Prints the answer (0), or the error and what it means for the order (2 or 3).
pub fn finish(result: Result<impl Debug, Error>) -> ExitCode {
    match result {
        Ok(answer) => {
            println!("{answer:#?}");
            ExitCode::SUCCESS
        }
        Err(error) => match error.outcome() {
            Outcome::NotPerformed => not_placed(&error),
            // Only a call that is safe to repeat (a login) ends this way, and such calls come
            // before the order is sent.
            Outcome::SafeToRetry => not_placed(&error),
            // `Outcome` may grow: anything but a certain "no" is treated as unknown.
            _ => unknown(&error),
        },
    }
}

/// Exit code 2: the order was not placed.
pub fn not_placed(error: &Error) -> ExitCode {
    eprintln!("error: {error}");
    eprintln!("the order was not placed");
    ExitCode::from(2)
}

/// Exit code 3: the order may exist. The advice comes first, so that it is read even when
/// the answer below it is long; the answer has the call's secrets removed.
fn unknown(error: &Error) -> ExitCode {
    eprintln!("the order may have been placed: check its state before trying again");
    eprintln!("error: {error}");
    if let Some(body) = error.body() {
        eprintln!("the answer received (secrets removed):\n{body}");
    }
    ExitCode::from(3)
}
