//! PHP `SoapServer` (tests/stacks/php/ledger.php, tests/stacks/specs/php_ledger/ledger.wsdl):
//! rpc/encoded, where each element names its type in `xsi:type` and servers such as Axis 1
//! decode by it.
//!
//! The client holds the `amount` field and the `fee` part as decimals (the money rule), yet
//! sends them as the `xsd:float` the WSDL declares; the enum goes as `tns:Kind`, the time as
//! `xsd:dateTime`, the bytes as `xsd:base64Binary`, the array as `tns:ArrayOfDate` of
//! `xsd:date` items. The server checks every `xsi:type` in the raw request by namespace URI,
//! and what it decoded by them.

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::php_ledger::{Client, Entry, Kind};
use stack_clients::runtime::{Base64, Decimal};

fn entry(kind: Kind, booked: &str) -> Entry {
    Entry {
        kind,
        amount: "12.50".parse().expect("decimal"),
        booked: booked.parse().expect("dateTime"),
        receipt: Base64(b"\x00\xffreceipt".to_vec()),
        due: vec![
            "2024-03-01".parse().expect("date"),
            "2024-04-01".parse().expect("date"),
        ],
    }
}

fn fee() -> Decimal {
    "0.25".parse().expect("decimal")
}

#[tokio::test]
async fn encoded_elements_carry_the_types_the_wsdl_declares() {
    let client = Client::new(url("STACK_PHP_LEDGER_URL")).expect("client");
    let booked = client
        .book(&entry(Kind::Debit, "2024-02-29T23:59:58Z"), &fee())
        .await;
    assert_eq!(answer("book", booked), 4_294_967_296);
}

/// A credit booked before 2000 is refused: proof that the server's checks can fail.
#[tokio::test]
async fn a_refused_entry_fails_a_check() {
    let client = Client::new(url("STACK_PHP_LEDGER_URL")).expect("client");
    let result = client
        .book(&entry(Kind::Credit, "1999-12-31T00:00:00Z"), &fee())
        .await;
    assert_check_failed(result, "book.refused");
}
