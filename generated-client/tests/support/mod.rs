//! Test support shared by the integration tests (`mod support;`): real peers to run the
//! clients against, and the small tools the tests need to talk to them directly.
//!
//! - [`php`]: InterServer's SOAP API on PHP's ext/soap and on NuSOAP (`tests/peers/*.php`),
//!   started with PHP's built-in server on a free local port and killed on drop.
//! - [`reseller`]: a ResellerClub HTTP peer in Rust that checks every request it receives.
//! - [`http`]: a raw HTTP/1.1 client, to show exactly what the peers answer.
//! - [`soap`]: hand-written rpc/encoded envelopes and an XML element finder for assertions.
//! - [`cargo`]: nested cargo runs that generate a crate and build it offline in this build's
//!   target folder (third-party stacks, the consumer crate).
//! - [`example`]: runs the compiled examples with their command lines.
//! - [`scripted`]: a scripted HTTP server that stalls, drips, drops, floods or answers
//!   whatever a test writes (odd bodies, wrong lengths, echoes of the request): transport tests
//!   and misbehaving peers.
//! - [`stacks`]: third-party SOAP stacks (PHP `SoapServer`, spyne, node-soap, gSOAP), started
//!   from `tests/stacks/`.

// Every test binary compiles this module but uses only part of it.
#![allow(dead_code)]

pub mod cargo;
pub mod example;
pub mod http;
pub mod php;
pub mod reseller;
pub mod scripted;
pub mod soap;
pub mod stacks;
