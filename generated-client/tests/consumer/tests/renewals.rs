//! The user's code against both vendors' mock servers in one test binary: each crate's
//! clients built with its builders, each mock answering in its own vendor's shape.

use consumer::{Invoices, RenewError, Renewal, renew};
use generated_client::resellerclub::{self, enterpriseemail};
use generated_client::runtime::mock::Reply;
use generated_client::runtime::{Decimal, Lenient};
use registrar_client::registrar::{self, mailbox};

const RENEWAL: Renewal = Renewal {
    email_order: 1001,
    mailbox_order: 2002,
    months: 12,
};

fn email_renewed(order_id: i64) -> enterpriseemail::RenewResponse {
    enterpriseemail::RenewResponse {
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

/// The two vendors' mocks and clients for them, built as an application builds its own.
struct Vendors {
    resellerclub: resellerclub::mock::Mock,
    registrar: registrar::mock::Mock,
    resellerclub_client: resellerclub::Client,
    registrar_client: registrar::Client,
}

impl Vendors {
    fn start() -> Self {
        let resellerclub = resellerclub::mock::Mock::start().unwrap();
        let registrar = registrar::mock::Mock::start().unwrap();
        let resellerclub_client =
            resellerclub::Client::builder(resellerclub.url(), 123456, "rc-key")
                .user_agent("consumer/1.0")
                .build()
                .unwrap();
        let registrar_client = registrar::Client::builder(registrar.url(), 654321, "reg-key")
            .user_agent("consumer/1.0")
            .build()
            .unwrap();
        Self {
            resellerclub,
            registrar,
            resellerclub_client,
            registrar_client,
        }
    }

    async fn renew(&self) -> Result<Invoices, RenewError> {
        renew(&self.resellerclub_client, &self.registrar_client, RENEWAL).await
    }
}

#[tokio::test]
async fn renews_at_both_vendors() {
    let vendors = Vendors::start();
    vendors
        .resellerclub
        .on_renew(|request| Reply::Answer(email_renewed(request.order_id)));
    vendors.registrar.answer_renew(mailbox::RenewResponse {
        entityid: RENEWAL.mailbox_order.into(),
        actionstatus: "Success".to_owned().into(),
        invoiceid: 9001.into(),
        sellingamount: Decimal::new(300, 2).into(),
    });

    let invoices = vendors.renew().await.unwrap();

    assert_eq!(
        invoices,
        Invoices {
            email: Some(789),
            mailbox: Some(9001)
        }
    );
    // Each mock received exactly what the builders built, in its own crate's request type.
    assert_eq!(
        vendors.resellerclub.requests_renew(),
        [enterpriseemail::RenewRequest::builder()
            .order_id(1001)
            .months(12)
            .auto_renew(false)
            .invoice_option(resellerclub::InvoiceOption::PayInvoice)
            .build()]
    );
    assert_eq!(
        vendors.registrar.requests_renew(),
        [mailbox::RenewRequest::builder()
            .order_id(2002)
            .months(12)
            .auto_renew(false)
            .invoice_option(registrar::InvoiceOption::PayInvoice)
            .build()]
    );
}

#[tokio::test]
async fn a_registrar_error_is_the_registrars_own() {
    let vendors = Vendors::start();
    vendors
        .resellerclub
        .answer_renew(email_renewed(RENEWAL.email_order));
    // The registrar's `Reply`: the other crate's type, which `Reply` above is not.
    vendors.registrar.on_renew(|_| {
        registrar_client::runtime::mock::Reply::Business("The mailbox is locked".to_owned())
    });

    let error = vendors.renew().await.unwrap_err();

    let RenewError::Registrar(error) = error else {
        panic!("the email renewal failed: {error:?}");
    };
    assert_eq!(error.message(), Some("The mailbox is locked"));
    assert_eq!(vendors.resellerclub.requests_renew().len(), 1);
}
