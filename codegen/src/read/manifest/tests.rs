use super::{FieldType, Located, read};

const BASE: &str = r#"module = "interserver"
protocol = "soap"
wsdl = "myapi.wsdl"
page-format = "interserver-markdown"
"#;

#[test]
fn corrections_are_read_with_their_lines() {
    let text = format!(
        "{BASE}\n[idempotent]\nyes = [\"api_*_get_*\",\n  \"strPixels\"]\nno = [\"api_login\"]\n\n\
         [types]\n\"renew-response.discount-amount\" = \"decimal\"\nsid = \"optional\"\n"
    );
    let read = read("x/service.toml", &text);
    assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
    let manifest = read.value.expect("read");
    assert_eq!(
        manifest.idempotent.yes,
        [
            Located::at("api_*_get_*".to_owned(), 7),
            Located::at("strPixels".to_owned(), 8)
        ]
    );
    assert_eq!(
        manifest.idempotent.no,
        [Located::at("api_login".to_owned(), 9)]
    );
    let types: Vec<(&str, FieldType, u32)> = manifest
        .types
        .iter()
        .map(|(path, e)| (path.as_str(), e.value, e.line))
        .collect();
    assert_eq!(
        types,
        [
            ("renew-response.discount-amount", FieldType::Decimal, 12),
            ("sid", FieldType::Optional, 13)
        ]
    );
}

#[test]
fn an_unknown_type_is_an_error_at_its_line_and_column() {
    let text = format!("{BASE}[types]\n\"a.b\" = \"float\"\n");
    let read = read("x/service.toml", &text);
    assert!(read.value.is_none());
    let [d] = read.diagnostics.as_slice() else {
        panic!("{:?}", read.diagnostics);
    };
    assert!(d.is_error());
    assert_eq!((d.file.as_str(), d.line), ("x/service.toml", 6));
    assert_eq!(d.col, 9, "{d}");
    assert!(d.message.contains("float"), "{d}");
    assert!(d.message.contains("decimal"), "{d}");
}

#[test]
fn unknown_keys_in_the_idempotent_table_are_errors() {
    let text = format!("{BASE}[idempotent]\nmaybe = [\"x\"]\n");
    let read = read("x/service.toml", &text);
    assert!(read.value.is_none());
    assert_eq!(read.diagnostics.first().map(|d| d.line), Some(6));
}

#[test]
fn ws_security_is_read_and_refused_for_http() {
    use crate::ir::PasswordType;
    let text = format!("{BASE}\n[ws-security]\nusername-token = \"digest\"\n");
    let manifest = read("x/service.toml", &text).value.expect("read");
    let token = manifest.ws_security.expect("[ws-security]").username_token;
    assert_eq!(token, Located::at(PasswordType::Digest, 7));

    let http = text.replace("protocol = \"soap\"", "protocol = \"http\"")
        + "[base-urls]\nlive = \"https://x.example\"\n";
    let errors: Vec<String> = read("x/service.toml", &http)
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("x/service.toml:7: error: [ws-security]"),
        "{errors:?}"
    );

    let bad = format!("{BASE}\n[ws-security]\nusername-token = \"plain\"\n");
    let errors: Vec<String> = read("x/service.toml", &bad)
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(errors[0].starts_with("x/service.toml:7:"), "{errors:?}");
}
