//! The hand-written runtime that generated code calls: transport, SOAP and JSON wire code,
//! errors. Nothing here depends on a particular vendor.

pub mod binary;
pub mod config;
pub mod error;
pub mod http;
pub mod lenient;
#[cfg(feature = "mock")]
pub mod mock;
mod redact;
pub mod secret;
pub mod soap;
pub mod time;
pub mod transport;
pub mod value;

pub use binary::{Base64, HexBinary};
pub use config::{ClientBuilder, DEFAULT_USER_AGENT};
#[doc(hidden)]
pub use config::{Configure, Connection};
pub use error::{BusinessError, Error, Fault, Outcome};
pub use lenient::{Answer, Lenient};
pub use redact::REDACTED;
pub use rust_decimal::Decimal;
pub use secret::Secret;
pub use soap::XsdList;
pub use time::{Date, DateTime, Duration, Time};
pub use transport::{Request, ReqwestTransport, Response, Timeouts, Transport};
pub use value::{UnixTime, Value};

pub(crate) use redact::Redactor;
