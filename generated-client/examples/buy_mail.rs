//! Logs in to InterServer's SOAP API, buys mail with a coupon and prints the decoded result.
//!
//! ```sh
//! cargo run -p generated-client --example buy_mail -- <endpoint-url> <username> <password> <coupon>
//! ```
//!
//! `<endpoint-url>` is the WSDL's `soap:address`, e.g. `https://my.interserver.net/api.php`.
//! Exits 0 after printing the result, non-zero after printing the error. Buying places an
//! order: the call is never retried, and a timeout is reported as an unknown outcome.

use std::process::ExitCode;

#[cfg(feature = "interserver")]
#[tokio::main]
async fn main() -> ExitCode {
    use generated_client::interserver::Client;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [endpoint, username, password, coupon] = args.as_slice() else {
        eprintln!("usage: buy_mail <endpoint-url> <username> <password> <coupon>");
        return ExitCode::from(2);
    };
    let result = async {
        // Defaults for timeouts and proxy; the user agent names this program.
        let client = Client::builder(endpoint.as_str())
            .user_agent("buy-mail-example/1.0")
            .build()?;
        let session = client.login(username, password).await?;
        session.buy_mail(coupon).await
    };
    match result.await {
        Ok(order) => {
            println!("{order:#?}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "interserver"))]
fn main() -> ExitCode {
    eprintln!("this example needs the `interserver` feature");
    ExitCode::from(2)
}
