//! Renews a ResellerClub Enterprise Email order (region `us`, auto-renew off, invoice option
//! NoInvoice) and prints the decoded result.
//!
//! ```sh
//! cargo run -p generated-client --example renew -- <base-url> <auth-userid> <api-key> <order-id> <months>
//! ```
//!
//! `<base-url>` is the scheme, host and port that replace `https://test.httpapi.com` in the
//! page's example URL. Renewing places an order, and the call is never retried. The exit code
//! says what happened (`examples/common/mod.rs`): 0 renewed (the result is printed); 1 usage
//! or set-up error; 2 the renewal certainly was not placed (business error, HTTP 401/403, not
//! sent); 3 the outcome is unknown: check the order before trying again (the error and the raw
//! answer, secrets removed, are printed).

// Without the feature, `main` only reports that.
#[cfg_attr(not(feature = "resellerclub"), allow(dead_code))]
mod common;

use std::process::ExitCode;

#[cfg(feature = "resellerclub")]
#[tokio::main]
async fn main() -> ExitCode {
    use generated_client::resellerclub::enterpriseemail::RenewRequest;
    use generated_client::resellerclub::{Client, InvoiceOption, Region};
    use generated_client::runtime::Timeouts;
    use std::time::Duration;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base_url, auth_userid, api_key, order_id, months] = args.as_slice() else {
        return common::usage_error(
            "usage: renew <base-url> <auth-userid> <api-key> <order-id> <months>",
        );
    };
    let (Ok(auth_userid), Ok(order_id), Ok(months)) = (
        auth_userid.parse::<i64>(),
        order_id.parse::<i64>(),
        months.parse::<i64>(),
    ) else {
        return common::usage_error(
            "error: <auth-userid>, <order-id> and <months> must be integers",
        );
    };
    // A renewal places an order: give a slow server a minute before the outcome is reported
    // as unknown.
    let built = Client::builder(base_url.as_str(), auth_userid, api_key.as_str())
        .timeouts(Timeouts {
            read: Duration::from_secs(60),
            ..Timeouts::default()
        })
        .user_agent("renew-example/1.0")
        .build();
    let client = match built {
        Ok(client) => client,
        Err(error) => return common::usage_error(&format!("error: {error}")),
    };
    let request = RenewRequest::builder()
        .order_id(order_id)
        .months(months)
        .auto_renew(false)
        .invoice_option(InvoiceOption::NoInvoice)
        .build();
    common::finish(client.enterpriseemail().renew(Region::Us, &request).await)
}

#[cfg(not(feature = "resellerclub"))]
fn main() -> ExitCode {
    common::usage_error("this example needs the `resellerclub` feature")
}
