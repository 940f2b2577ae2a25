//! PHP `SoapServer`, qualified attributes (tests/stacks/specs/php_attributes/attributes.wsdl,
//! the `/attributes` service of tests/stacks/php/server.php). `Tag` sends attributes of every
//! kind the reader qualifies: on the request element, `mode` (qualified by the schema's
//! `attributeFormDefault="qualified"`) and `m:origin` (a global attribute of another schema, by
//! ref); on `label`, `xml:lang` (by ref, no import), `code` (`form="unqualified"`), `weight`
//! (qualified by the default), the other schema's `Audit` group: `by` (unqualified, by its own
//! schema) and `rev` (`form="qualified"`, in that schema's namespace), and `m:origin` again.
//! The server checks every attribute of the raw request by namespace URI and value (no more, no
//! fewer), then what SoapServer decoded, and answers new values for each, written with its own
//! prefixes (`ns1:`, `ns2:`, `xml:`), which the client reads back by namespace
//! (tests/stacks/php/attributes.php, `Tag`).

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::php_attributes::{Client, Label};
use stack_clients::runtime::Lenient;

fn client() -> Client {
    Client::new(url("STACK_PHP_ATTRIBUTES_URL")).expect("client")
}

fn label() -> Label {
    Label {
        lang: "de-AT".to_owned().into(),
        code: "A&<\"1'".to_owned().into(),
        weight: (-7).into(),
        by: "Ada".to_owned().into(),
        rev: 3.into(),
        origin: "label origin".to_owned().into(),
        text: "Grüße & <mehr>".to_owned().into(),
        undeclared: Vec::new(),
    }
}

#[tokio::test]
async fn qualified_attributes_go_there_and_back() {
    let client = client();
    let tagged = answer(
        "Tag",
        client.tag("draft", Some("rust client"), &label()).await,
    );
    assert_eq!(tagged.mode, Lenient::Value("final".to_owned()));
    assert_eq!(tagged.origin, Lenient::Value("php server".to_owned()));
    assert_eq!(
        tagged.summary,
        Lenient::Value("tagged Grüße & <mehr>".to_owned())
    );
    let echoed = tagged.label.value().expect("a label");
    assert_eq!(echoed.lang, Lenient::Value("en".to_owned()));
    assert_eq!(echoed.code, Lenient::Value("B>&2".to_owned()));
    assert_eq!(echoed.weight, Lenient::Value(-14));
    assert_eq!(echoed.by, Lenient::Value("Grace".to_owned()));
    assert_eq!(echoed.rev, Lenient::Value(4));
    assert_eq!(echoed.origin, Lenient::Value("answer origin".to_owned()));
    assert_eq!(echoed.text, Lenient::Value("rhem".to_owned()));
    assert!(echoed.undeclared.is_empty(), "{echoed:?}");
}

#[tokio::test]
async fn the_server_checks_each_attribute() {
    let client = client();
    // The optional `m:origin` left out of the request element.
    assert_check_failed(
        client.tag("draft", None, &label()).await,
        "Tag.attributes",
    );
    let mut other = label();
    other.rev = 4.into();
    assert_check_failed(
        client.tag("draft", Some("rust client"), &other).await,
        "Tag.label.attributes",
    );
}
