//! A user's code: renews a customer's email at ResellerClub (`generated-client`) and their
//! mailbox at the registrar (`registrar-client`), one call each.
//!
//! Both crates have a `runtime`, an `Error`, a `Region`, an `InvoiceOption` and a
//! `RenewRequest` of their own; only the crate names tell them apart.

use generated_client::resellerclub;
use registrar_client::registrar;

/// What to renew, and for how long.
#[derive(Debug, Clone, Copy)]
pub struct Renewal {
    pub email_order: i64,
    pub mailbox_order: i64,
    pub months: i64,
}

/// The invoices the two renewals raised.
#[derive(Debug, PartialEq, Eq)]
pub struct Invoices {
    pub email: Option<i64>,
    pub mailbox: Option<i64>,
}

/// Which vendor failed, with that vendor's own error type.
#[derive(Debug)]
pub enum RenewError {
    ResellerClub(generated_client::Error),
    Registrar(registrar_client::Error),
}

/// Renews the email order, then the mailbox; the mailbox is not renewed when the email
/// renewal failed.
pub async fn renew(
    resellerclub: &resellerclub::Client,
    registrar: &registrar::Client,
    renewal: Renewal,
) -> Result<Invoices, RenewError> {
    let email = resellerclub::enterpriseemail::RenewRequest::builder()
        .order_id(renewal.email_order)
        .months(renewal.months)
        .auto_renew(false)
        .invoice_option(resellerclub::InvoiceOption::PayInvoice)
        .build();
    let email = resellerclub
        .enterpriseemail()
        .renew(resellerclub::Region::Us, &email)
        .await
        .map_err(RenewError::ResellerClub)?;
    let mailbox = registrar::mailbox::RenewRequest::builder()
        .order_id(renewal.mailbox_order)
        .months(renewal.months)
        .auto_renew(false)
        .invoice_option(registrar::InvoiceOption::PayInvoice)
        .build();
    let mailbox = registrar
        .mailbox()
        .renew(registrar::Region::Us, &mailbox)
        .await
        .map_err(RenewError::Registrar)?;
    Ok(Invoices {
        email: email.invoiceid.into_value(),
        mailbox: mailbox.invoiceid.into_value(),
    })
}
