//! Renews a ResellerClub Enterprise Email order (region `us`, auto-renew off, invoice option
//! NoInvoice) and prints the decoded result.
//!
//! ```sh
//! cargo run -p generated-client --example renew -- <base-url> <auth-userid> <api-key> <order-id> <months>
//! ```
//!
//! `<base-url>` is the scheme, host and port that replace `https://test.httpapi.com` in the
//! page's example URL. Exits 0 after printing the result, non-zero after printing the error.
//! Renewing places an order: the call is never retried, and a timeout is reported as an
//! unknown outcome.

use std::process::ExitCode;

#[cfg(feature = "resellerclub")]
#[tokio::main]
async fn main() -> ExitCode {
    use generated_client::resellerclub::enterpriseemail::{InvoiceOption, RenewRequest};
    use generated_client::resellerclub::{Client, Region};

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base_url, auth_userid, api_key, order_id, months] = args.as_slice() else {
        eprintln!("usage: renew <base-url> <auth-userid> <api-key> <order-id> <months>");
        return ExitCode::from(2);
    };
    let (Ok(auth_userid), Ok(order_id), Ok(months)) = (
        auth_userid.parse::<i64>(),
        order_id.parse::<i64>(),
        months.parse::<i64>(),
    ) else {
        eprintln!("error: <auth-userid>, <order-id> and <months> must be integers");
        return ExitCode::from(2);
    };
    let result = async {
        let client = Client::new(base_url.as_str(), auth_userid, api_key.as_str())?;
        let request = RenewRequest::new(order_id, months, false, InvoiceOption::NoInvoice);
        client.enterpriseemail().renew(Region::Us, &request).await
    };
    match result.await {
        Ok(renewal) => {
            println!("{renewal:#?}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "resellerclub"))]
fn main() -> ExitCode {
    eprintln!("this example needs the `resellerclub` feature");
    ExitCode::from(2)
}
