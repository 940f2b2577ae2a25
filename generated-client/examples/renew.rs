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
    use generated_client::resellerclub::enterpriseemail::RenewRequest;
    use generated_client::resellerclub::{Client, InvoiceOption, Region};
    use generated_client::runtime::Timeouts;
    use std::time::Duration;

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
        // A renewal places an order: give a slow server a minute before the outcome is
        // reported as unknown.
        let client = Client::builder(base_url.as_str(), auth_userid, api_key.as_str())
            .timeouts(Timeouts {
                read: Duration::from_secs(60),
                ..Timeouts::default()
            })
            .user_agent("renew-example/1.0")
            .build()?;
        let request = RenewRequest::builder()
            .order_id(order_id)
            .months(months)
            .auto_renew(false)
            .invoice_option(InvoiceOption::NoInvoice)
            .build();
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
