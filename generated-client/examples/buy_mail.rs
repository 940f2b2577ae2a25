//! Logs in to InterServer's SOAP API, buys mail with a coupon and prints the decoded result.
//!
//! ```sh
//! cargo run -p generated-client --example buy_mail -- <endpoint-url> <username> <password> <coupon>
//! ```
//!
//! `<endpoint-url>` is the WSDL's `soap:address`, e.g. `https://my.interserver.net/api.php`.
//! Buying places an order, and the call is never retried. The exit code says what happened
//! (`examples/common/mod.rs`): 0 the order was placed (the result is printed); 1 usage or
//! set-up error; 2 the order certainly was not placed (failed login, business error, SOAP
//! fault, HTTP 401/403, not sent); 3 the outcome is unknown: check the order before trying
//! again (the error and the raw answer, secrets removed, are printed).

// Without the feature, `main` only reports that.
#[cfg_attr(not(feature = "interserver"), allow(dead_code))]
mod common;

use std::process::ExitCode;

#[cfg(feature = "interserver")]
#[tokio::main]
async fn main() -> ExitCode {
    use generated_client::interserver::Client;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [endpoint, username, password, coupon] = args.as_slice() else {
        return common::usage_error(
            "usage: buy_mail <endpoint-url> <username> <password> <coupon>",
        );
    };
    // Default timeouts; the user agent names this program.
    let built = Client::builder(endpoint.as_str())
        .user_agent("buy-mail-example/1.0")
        .build();
    let client = match built {
        Ok(client) => client,
        Err(error) => return common::usage_error(&format!("error: {error}")),
    };
    // The order is sent only after a successful login: a failed login placed nothing.
    let session = match client.login(username, password).await {
        Ok(session) => session,
        Err(error) => return common::not_placed(&error),
    };
    common::finish(session.buy_mail(coupon).await)
}

#[cfg(not(feature = "interserver"))]
fn main() -> ExitCode {
    common::usage_error("this example needs the `interserver` feature")
}
