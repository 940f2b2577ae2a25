//! The generated mock servers (feature `mock`, which the workspace's tests turn on through a
//! dev-dependency of the crate on itself), driven by the generated clients unchanged: answers,
//! business errors, faults, stalls, and the typed requests recorded.

use generated_client::Error;
use generated_client::interserver::{self, BuyVpsResultStatus};
use generated_client::resellerclub::InvoiceOption;
use generated_client::resellerclub::Region;
use generated_client::resellerclub::enterpriseemail::{RenewRequest, RenewResponse};
use generated_client::runtime::mock::Reply;
use generated_client::runtime::{Decimal, Lenient, Outcome, Timeouts};
use std::time::Duration;

fn order(status: &str, text: &str) -> BuyVpsResultStatus {
    BuyVpsResultStatus {
        status: status.to_owned().into(),
        status_text: text.to_owned().into(),
        invoices: "1001,1002".to_owned().into(),
        cost: Lenient::Value(Decimal::new(550, 2)),
        undeclared: Vec::new(),
    }
}

/// A transport that gives up on a silent server after `read`.
fn impatient(read: Duration) -> Timeouts {
    Timeouts {
        read,
        total: read * 4,
        ..Timeouts::default()
    }
}

#[tokio::test]
async fn interserver_answers_business_errors_faults_and_stalls_and_records_requests() {
    let mock = interserver::mock::Mock::start().unwrap();
    mock.answer_login("sid-1".to_owned());
    mock.on_buy_mail(|request| match request.coupon.as_str() {
        "ok" => Reply::Answer(order("ok", "Order placed")),
        "taken" => Reply::Business("Invalid coupon".to_owned()),
        "stall" => Reply::Stall,
        _ => Reply::fault("SOAP-ENV:Client", "Coupon service unavailable"),
    });
    let client = mock.client().unwrap();

    let session = client.login("user", "p@ss w&rd<1>").await.unwrap();
    assert_eq!(session.sid().expose(), "sid-1");
    assert_eq!(
        session.buy_mail("ok").await.unwrap(),
        order("ok", "Order placed")
    );

    let business = session.buy_mail("taken").await.unwrap_err();
    assert!(matches!(&business, Error::Business(_)), "{business:?}");
    assert_eq!(business.message(), Some("Invalid coupon"));
    assert_eq!(business.outcome(), Outcome::NotPerformed);

    let fault = session.buy_mail("down").await.unwrap_err();
    let Error::Fault(details) = &fault else {
        panic!("{fault:?}");
    };
    assert_eq!(
        (details.code.as_str(), details.string.as_str()),
        ("SOAP-ENV:Client", "Coupon service unavailable")
    );

    let slow = interserver::Client::builder(mock.url())
        .timeouts(impatient(Duration::from_millis(300)))
        .build()
        .unwrap();
    let stalled = slow
        .session(session.sid().clone())
        .buy_mail("stall")
        .await
        .unwrap_err();
    assert_eq!(stalled.outcome(), Outcome::Unknown, "{stalled:?}");

    let logins = mock.requests_login();
    assert_eq!(logins.len(), 1);
    assert_eq!(logins[0].username, "user");
    assert_eq!(logins[0].password.expose(), "p@ss w&rd<1>");
    let coupons: Vec<String> = mock
        .requests_buy_mail()
        .into_iter()
        .map(|request| {
            assert_eq!(request.sid.expose(), "sid-1");
            request.coupon
        })
        .collect();
    assert_eq!(coupons, ["ok", "taken", "down", "stall"]);
    // Secrets the mock received never print.
    let printed = format!("{:?}", mock.requests_login());
    assert!(!printed.contains("p@ss"), "{printed}");
}

#[tokio::test]
async fn an_unscripted_operation_is_a_fault_and_still_recorded() {
    let mock = interserver::mock::Mock::start().unwrap();
    let error = mock
        .client()
        .unwrap()
        .get_hostname("192.0.2.1")
        .await
        .unwrap_err();
    assert!(
        error
            .message()
            .is_some_and(|m| m.contains("no answer scripted")),
        "{error:?}"
    );
    assert_eq!(mock.requests_get_hostname()[0].ip, "192.0.2.1");
}

fn renewal(order_id: i64) -> RenewResponse {
    RenewResponse {
        description: "example.com".to_owned().into(),
        entityid: order_id.into(),
        actiontype: "Renew".to_owned().into(),
        actiontypedesc: Lenient::Absent,
        eaqid: 456.into(),
        actionstatus: "Success".to_owned().into(),
        actionstatusdesc: "Order renewed successfully.".to_owned().into(),
        invoiceid: 789.into(),
        sellingcurrencysymbol: "USD".to_owned().into(),
        sellingamount: Decimal::new(1050, 2).into(),
        customerid: 42.into(),
        discount_amount: Lenient::Absent,
    }
}

#[tokio::test]
async fn resellerclub_renews_and_reports_errors_as_the_api_does() {
    let mock = generated_client::resellerclub::mock::Mock::start().unwrap();
    mock.on_renew(|request| match request.order_id {
        1 => Reply::Business("The Order is currently locked".to_owned()),
        2 => Reply::Status {
            status: 403,
            body: "Forbidden".to_owned(),
        },
        id => Reply::Answer(renewal(id)),
    });
    let client = mock.client(123456, "api-key").unwrap();
    let request = RenewRequest::builder()
        .order_id(1001)
        .months(12)
        .auto_renew(true)
        .invoice_option(InvoiceOption::NoInvoice)
        .discount_amount(Decimal::new(250, 2))
        .build();
    let renewed = client
        .enterpriseemail()
        .renew(Region::Us, &request)
        .await
        .unwrap();
    assert_eq!(renewed, renewal(1001));

    // A one-month renewal of `order_id`, which the script answers with an error.
    let refused = |order_id| {
        RenewRequest::builder()
            .order_id(order_id)
            .months(1)
            .auto_renew(false)
            .invoice_option(InvoiceOption::PayInvoice)
            .build()
    };
    let locked = refused(1);
    let error = client
        .enterpriseemail()
        .renew(Region::Us, &locked)
        .await
        .unwrap_err();
    assert_eq!(
        (error.code(), error.message()),
        (Some("ERROR"), Some("The Order is currently locked"))
    );
    let denied = refused(2);
    let error = client
        .enterpriseemail()
        .renew(Region::Us, &denied)
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::AccessDenied { status: 403, .. }),
        "{error:?}"
    );

    assert_eq!(mock.requests_renew(), [request, locked, denied]);
}
