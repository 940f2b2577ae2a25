//! PHP `SoapServer` (tests/stacks/php/lists.php, tests/stacks/specs/php_lists/lists.wsdl):
//! `xsd:list` values and a soap:header part declared with `type=`.
//!
//! `ids` (a named list of int), `amounts` (an inline list of decimal) and the `sizes`
//! attribute (a restricted list of an enumeration) each go as ONE text of items separated by
//! one space, never `<item>`s; the answer's lists, which PHP writes from arrays through the
//! item type's encoder, come back as typed items. The `ticket` header (`type="tns:Ticket"`)
//! is the element `ticket` in the soap:header's `namespace=`, and its `token` is a `Secret`
//! (service.toml: `secrets = ["Ticket.token"]`) that a fault quoting it never shows.

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::php_lists::{Client, Parcel, Size, Ticket};
use stack_clients::runtime::{Decimal, Lenient, XsdList};

fn ticket(user: &str) -> Ticket {
    Ticket {
        user: user.to_owned(),
        token: "t0k3n&<>".into(),
    }
}

/// `Parcel` is also part of the answer, so its fields are `Lenient`s.
fn sent_parcel() -> Parcel {
    Parcel {
        sizes: Lenient::Value(XsdList(vec![Size::S, Size::L, Size::M])),
        amounts: Lenient::Value(
            ["10.50", "0.01", "-7"]
                .map(|a| a.parse::<Decimal>().expect("decimal"))
                .into(),
        ),
        undeclared: Vec::new(),
    }
}

#[tokio::test]
async fn lists_are_one_text_and_the_type_header_is_named_after_its_part() {
    let client = Client::new(url("STACK_PHP_LISTS_URL")).expect("client");
    let ids = XsdList(vec![3, -1, i32::MAX]);
    let measured = answer(
        "Measure",
        client
            .measure(&ids, &sent_parcel(), Some(&ticket("clerk")))
            .await,
    );
    assert_eq!(
        measured.reversed,
        Lenient::Value(XsdList(vec![i32::MAX, -1, 3]))
    );
    let Lenient::Value(returned) = &measured.parcel else {
        panic!("{measured:?}")
    };
    let amounts: Vec<String> = match &returned.amounts {
        Lenient::Value(amounts) => amounts.iter().map(ToString::to_string).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(amounts, ["1.10", "2", "-0.5"]);
    assert_eq!(
        returned.sizes,
        Lenient::Value(XsdList(vec![Size::M, Size::M, Size::S]))
    );
    assert_eq!(measured.user, Lenient::Value("clerk".to_owned()));
}

/// The server refuses the ticket of `leak`, quoting its token in the fault: proof that its
/// checks can fail, and that a header's secret never reaches the error.
#[tokio::test]
async fn a_refused_ticket_fails_a_check_without_showing_its_token() {
    let client = Client::new(url("STACK_PHP_LISTS_URL")).expect("client");
    let result = client
        .measure(&XsdList(vec![3, -1, i32::MAX]), &sent_parcel(), Some(&ticket("leak")))
        .await;
    let shown = format!("{result:?}");
    assert!(!shown.contains("t0k3n"), "{shown}");
    assert!(shown.contains("token <redacted> is not valid"), "{shown}");
    assert_check_failed(result, "Measure.ticket.refused");
}
