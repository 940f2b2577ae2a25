//! The WSDL reader on small fixtures (`tests/fixtures/wsdl/`) and on InterServer's real WSDL.

use codegen::diag::Diagnostic;
use codegen::ir::{
    Binding, BodyUse, Operation, Output, Placement, Scalar, SoapBinding, SoapStyle, SoapVersion,
    TypeDef, TypeKind, TypeRef,
};
use codegen::read::wsdl::{self, Wsdl};
use std::cell::RefCell;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wsdl")
}

/// What reading a fixture gave, and which locations the reader asked the import callback for.
struct Outcome {
    wsdl: Option<Wsdl>,
    diagnostics: Vec<Diagnostic>,
    imports: Vec<String>,
}

impl Outcome {
    fn wsdl(&self) -> &Wsdl {
        self.wsdl
            .as_ref()
            .unwrap_or_else(|| panic!("no WSDL: {:#?}", self.diagnostics))
    }

    fn messages(&self) -> Vec<String> {
        self.diagnostics.iter().map(ToString::to_string).collect()
    }

    fn warnings(&self) -> Vec<&Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error()).collect()
    }

    fn errors(&self) -> Vec<&Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error()).collect()
    }

    /// The reader's result and its diagnostics as displayed, for snapshots.
    fn snapshot(&self) -> serde_json::Value {
        serde_json::json!({ "wsdl": self.wsdl, "diagnostics": self.messages() })
    }
}

fn read_bytes(name: &str, bytes: &[u8]) -> Outcome {
    let imports = RefCell::new(Vec::new());
    let import = |location: &str| {
        imports.borrow_mut().push(location.to_owned());
        std::fs::read(fixtures().join(location)).ok()
    };
    let read = wsdl::read(&format!("wsdl/{name}"), bytes, &import);
    Outcome {
        wsdl: read.value,
        diagnostics: read.diagnostics,
        imports: imports.into_inner(),
    }
}

fn read(name: &str) -> Outcome {
    let bytes = std::fs::read(fixtures().join(name)).expect("fixture exists");
    read_bytes(name, &bytes)
}

fn op<'a>(wsdl: &'a Wsdl, name: &str) -> &'a Operation {
    wsdl.operations
        .iter()
        .find(|o| o.name.wire == name)
        .unwrap_or_else(|| panic!("no operation {name}"))
}

fn ty<'a>(wsdl: &'a Wsdl, name: &str) -> &'a TypeDef {
    wsdl.types
        .iter()
        .find(|t| t.name.wire == name)
        .unwrap_or_else(|| panic!("no type {name}"))
}

fn soap(op: &Operation) -> &SoapBinding {
    match &op.binding {
        Binding::Soap(soap) => soap,
        Binding::Http(_) => panic!("{} is not SOAP", op.name.wire),
    }
}

fn named(name: &str) -> TypeRef {
    TypeRef::Named {
        group: None,
        name: name.into(),
    }
}

fn scalar(s: Scalar) -> TypeRef {
    TypeRef::Scalar(s)
}

fn list(t: TypeRef) -> TypeRef {
    TypeRef::List(Box::new(t))
}

fn params(op: &Operation) -> Vec<(&str, &TypeRef, bool)> {
    op.params
        .iter()
        .map(|p| (p.name.wire.as_str(), &p.ty, p.required))
        .collect()
}

fn fields(def: &TypeDef) -> Vec<(&str, &TypeRef, bool, bool)> {
    match &def.kind {
        TypeKind::Struct { fields, .. } => fields
            .iter()
            .map(|f| (f.name.wire.as_str(), &f.ty, f.required, f.nillable))
            .collect(),
        other => panic!("{} is not a struct: {other:?}", def.name.wire),
    }
}

fn output(op: &Operation) -> (&str, &TypeRef) {
    match &op.output {
        Output::Value { name, ty, .. } => (name.wire.as_str(), ty),
        Output::None => panic!("{} returns nothing", op.name.wire),
    }
}

#[test]
fn rpc_encoded_arrays_structs_and_docs() {
    let out = read("rpc_encoded.wsdl");
    let wsdl = out.wsdl();
    assert_eq!(
        (wsdl.name.as_str(), wsdl.target_namespace.as_str()),
        ("shop", "urn:shop")
    );
    assert_eq!(wsdl.docs.summary.as_deref(), Some("A small shop."));
    assert_eq!(
        ty(wsdl, "orders").kind,
        TypeKind::Array {
            item: named("order"),
            item_element: None,
            item_namespace: None,
        }
    );
    assert_eq!(
        ty(wsdl, "names").kind,
        TypeKind::Array {
            item: scalar(Scalar::String),
            item_element: None,
            item_namespace: None,
        }
    );
    let order = ty(wsdl, "order");
    assert_eq!(order.docs.summary.as_deref(), Some("One order."));
    assert_eq!(order.namespace.as_deref(), Some("urn:shop"));
    assert_eq!(
        (order.source.file.as_str(), order.source.line),
        ("wsdl/rpc_encoded.wsdl", 11)
    );
    let kinds: Vec<_> = fields(order).into_iter().map(|f| f.1.clone()).collect();
    assert_eq!(
        kinds,
        [
            Scalar::Int,
            Scalar::Float,
            Scalar::Boolean,
            Scalar::DateTime
        ]
        .map(scalar)
    );

    let names: Vec<_> = wsdl
        .operations
        .iter()
        .map(|o| o.name.wire.as_str())
        .collect();
    assert_eq!(
        names,
        ["get_names", "list_orders"],
        "sorted, `unbound` skipped"
    );
    let list_orders = op(wsdl, "list_orders");
    assert_eq!(
        params(list_orders),
        [
            ("sid", &scalar(Scalar::String), true),
            ("limit", &scalar(Scalar::Int), true)
        ]
    );
    assert_eq!(output(list_orders), ("return", &named("orders")));
    assert_eq!(
        list_orders.docs.summary.as_deref(),
        Some("Lists the orders of the session's account.")
    );
    assert_eq!(list_orders.docs.details, ["Returns at most limit orders."]);
    assert_eq!(
        soap(list_orders),
        &SoapBinding {
            version: SoapVersion::V11,
            style: SoapStyle::Rpc,
            body_use: BodyUse::Encoded,
            namespace: "urn:shop".into(),
            soap_action: "urn:shop#list_orders".into(),
            endpoint: "https://shop.example/api.php".into(),
            request_element: "list_orders".into(),
            response_element: "list_ordersResponse".into(),
            bare: false,
            all_parts: false,
            headers: Default::default(),
        }
    );
    assert_eq!(
        soap(op(wsdl, "get_names")).style,
        SoapStyle::Rpc,
        "binding default style"
    );
    // Two output parts: the answer is the wrapper (see several_rpc_output_parts_are_one_struct).
    assert_eq!(
        output(op(wsdl, "get_names")),
        ("get_namesResponse", &named("get_namesResponse"))
    );

    let messages = out.messages();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(
        messages[0].contains(":60:") && messages[0].contains("`unbound` has no SOAP binding"),
        "{messages:#?}"
    );
    insta::assert_json_snapshot!("rpc_encoded", out.snapshot());
}

#[test]
fn document_literal_wrapped() {
    let out = read("doc_literal.wsdl");
    let wsdl = out.wsdl();
    let list_records = op(wsdl, "ListRecords");
    let binding = soap(list_records);
    assert_eq!(
        binding.version,
        SoapVersion::V11,
        "SOAP 1.1 is preferred over the first (1.2) port"
    );
    assert_eq!(binding.endpoint, "https://dns.example/v11.asmx");
    assert_eq!(binding.soap_action, "http://example.com/dns/ListRecords");
    // elementFormDefault="qualified": the parts are in the body element's namespace.
    assert!(
        list_records
            .params
            .iter()
            .all(|p| p.namespace.as_deref() == Some("http://example.com/dns/")),
        "{:?}",
        list_records.params
    );
    assert_eq!(
        (binding.style, binding.body_use),
        (SoapStyle::Document, BodyUse::Literal)
    );
    assert_eq!(binding.namespace, "http://example.com/dns/");
    assert_eq!(
        (
            binding.request_element.as_str(),
            binding.response_element.as_str()
        ),
        ("ListRecords", "ListRecordsResponse")
    );
    assert_eq!(
        params(list_records),
        [
            ("target", &named("Target"), true),
            ("kinds", &list(named("RecordKind")), false),
            ("Page", &scalar(Scalar::Int), true),
        ]
    );
    assert_eq!(
        output(list_records),
        ("parameters", &named("ListRecordsResponse"))
    );
    assert_eq!(
        list_records.docs.summary.as_deref(),
        Some("Lists the records of a zone.")
    );

    let record = fields(ty(wsdl, "Record"));
    assert_eq!(
        record,
        [
            ("name", &scalar(Scalar::String), true, false),
            ("kind", &named("RecordKind"), true, false),
            ("ttl", &scalar(Scalar::UnsignedInt), false, false),
            ("comment", &scalar(Scalar::String), true, true),
            ("tags", &list(scalar(Scalar::String)), false, false),
        ]
    );
    let mx = fields(ty(wsdl, "MxRecord"));
    assert_eq!(mx.len(), 6, "base fields, then its own");
    assert_eq!(mx[..5], record[..]);
    assert_eq!(mx[5], ("priority", &scalar(Scalar::Int), true, false));
    assert_eq!(
        ty(wsdl, "ArrayOfRecord").kind,
        TypeKind::Array {
            item: named("Record"),
            item_element: Some("Record".into()),
            item_namespace: Some("http://example.com/dns/".into()),
        }
    );
    let TypeKind::Enum { values } = &ty(wsdl, "RecordKind").kind else {
        panic!("RecordKind is an enum")
    };
    let wire: Vec<_> = values.iter().map(|v| v.name.wire.as_str()).collect();
    assert_eq!(wire, ["A", "AAAA", "MX"]);
    assert_eq!(values[0].docs.summary.as_deref(), Some("IPv4 address."));
    assert!(
        fields(ty(wsdl, "Target")).iter().all(|f| !f.2),
        "choice alternatives are optional"
    );
    let response = fields(ty(wsdl, "ListRecordsResponse"));
    assert_eq!(
        response[0],
        ("ListRecordsResult", &named("ArrayOfRecord"), true, true)
    );
    assert_eq!(response[1], ("summary", &named("summary"), false, false));
    assert_eq!(
        fields(ty(wsdl, "summary")),
        [("count", &scalar(Scalar::Int), true, false)]
    );
    let type_names: Vec<_> = wsdl.types.iter().map(|t| t.name.wire.as_str()).collect();
    assert_eq!(
        type_names,
        [
            "ArrayOfRecord",
            "ListRecords",
            "ListRecordsResponse",
            "MxRecord",
            "Record",
            "RecordKind",
            "Target",
            "summary"
        ],
        "sorted; the Ttl simple type is its scalar, not a type"
    );
    let messages = out.messages();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(
        messages[0].contains("xsd:choice in `Target`"),
        "{messages:#?}"
    );
    // The SOAP 1.2 port binds the same operation the same way: reported, not lost silently.
    assert_eq!(
        messages[1],
        "wsdl/doc_literal.wsdl:95: warning: operation `ListRecords` of port `DnsSoap12` is bound \
         as port `DnsSoap` binds it; that one is generated"
    );
    assert_eq!(wsdl.operations.len(), 1);
    insta::assert_json_snapshot!("doc_literal", out.snapshot());
}

#[test]
fn soap12_only_binding_after_a_non_soap_port() {
    let out = read("soap12.wsdl");
    let wsdl = out.wsdl();
    assert_eq!(
        wsdl.name, "PingService",
        "no definitions name: the service's"
    );
    let ping = op(wsdl, "Ping");
    let binding = soap(ping);
    assert_eq!(binding.version, SoapVersion::V12);
    assert_eq!(binding.endpoint, "https://ping.example/soap12");
    assert_eq!(binding.soap_action, "urn:ping#Ping");
    assert_eq!(binding.style, SoapStyle::Document);
    assert_eq!(params(ping), [("text", &scalar(Scalar::String), true)]);
    assert_eq!(output(ping), ("parameters", &named("PingResponse")));
    assert!(out.diagnostics.is_empty(), "{:#?}", out.messages());
    insta::assert_json_snapshot!("soap12", out.snapshot());
}

#[test]
fn apache_map_and_any_type() {
    let out = read("apache_map.wsdl");
    let wsdl = out.wsdl();
    let map = TypeRef::Map(Box::new(TypeRef::Dynamic), Box::new(TypeRef::Dynamic));
    assert_eq!(params(op(wsdl, "set_settings")), [("settings", &map, true)]);
    let result = fields(ty(wsdl, "settings_result"));
    assert_eq!(result[1], ("values", &map, true, false));
    assert_eq!(result[2], ("extra", &TypeRef::Dynamic, true, false));
    assert!(out.diagnostics.is_empty(), "{:#?}", out.messages());
    insta::assert_json_snapshot!("apache_map", out.snapshot());
}

#[test]
fn undefined_types_warn_and_become_dynamic() {
    let out = read("undefined_type.wsdl");
    let wsdl = out.wsdl();
    assert_eq!(
        output(op(wsdl, "get_modules")),
        ("return", &TypeRef::Dynamic)
    );
    assert_eq!(
        fields(ty(wsdl, "holder")),
        [("thing", &TypeRef::Dynamic, true, false)]
    );
    assert!(out.errors().is_empty());
    let messages = out.messages();
    assert_eq!(
        messages,
        [
            "wsdl/undefined_type.wsdl:7: warning: field `thing` of `holder` has type `tns:Gone` ({urn:gaps}Gone), which \
             is defined nowhere — its values are read as dynamic values; define the type to get a typed field",
            "wsdl/undefined_type.wsdl:12: warning: part `return` of message `get_modulesResponse` has type `tns:array` \
             ({urn:gaps}array), which is defined nowhere — its values are read as dynamic values; define the type to \
             get a typed field",
        ]
    );
}

#[test]
fn names_resolve_by_namespace_uri_not_prefix() {
    let out = read("odd_prefixes.wsdl");
    let wsdl = out.wsdl();
    let get = op(wsdl, "get");
    assert_eq!(
        params(get),
        [
            ("item", &named("Item"), true),
            ("decoy", &TypeRef::Dynamic, true)
        ],
        "`q` is bound to urn:real on the part itself; `tns` is bound to urn:decoy"
    );
    assert_eq!(output(get), ("return", &named("Items")));
    assert_eq!(
        ty(wsdl, "Items").kind,
        TypeKind::Array {
            item: named("Item"),
            item_element: None,
            item_namespace: None,
        }
    );
    assert_eq!(
        fields(ty(wsdl, "Item")),
        [
            ("label", &scalar(Scalar::String), true, false),
            ("count", &scalar(Scalar::Long), true, false)
        ],
        "unprefixed `string` is XSD's through the schema's default namespace"
    );
    assert_eq!(soap(get).endpoint, "https://odd.example/");
    let messages = out.messages();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(
        messages[0].contains(":26:") && messages[0].contains("`tns:Item` ({urn:decoy}Item)"),
        "{messages:#?}"
    );
    insta::assert_json_snapshot!("odd_prefixes", out.snapshot());
}

#[test]
fn local_import_and_chameleon_include() {
    let out = read("local_import.wsdl");
    let wsdl = out.wsdl();
    assert_eq!(
        out.imports,
        ["local_import_types.xsd", "local_import_common.xsd"]
    );
    let account = ty(wsdl, "account");
    assert_eq!(account.namespace.as_deref(), Some("urn:accounts"));
    assert_eq!(
        (account.source.file.as_str(), account.source.line),
        ("wsdl/local_import_types.xsd", 4)
    );
    assert_eq!(fields(account)[1], ("state", &named("state"), true, false));
    let state = ty(wsdl, "state");
    assert_eq!(
        state.namespace.as_deref(),
        Some("urn:accounts"),
        "an included schema takes its includer's namespace"
    );
    assert_eq!(state.source.file, "wsdl/local_import_common.xsd");
    assert_eq!(
        output(op(wsdl, "get_account")),
        ("return", &named("account"))
    );
    assert!(out.diagnostics.is_empty(), "{:#?}", out.messages());
    insta::assert_json_snapshot!("local_import", out.snapshot());
}

#[test]
fn wsdl_import_merges_abstract_and_concrete_halves() {
    let out = read("wsdl_import.wsdl");
    let wsdl = out.wsdl();
    assert_eq!(out.imports, ["wsdl_import_abstract.wsdl"]);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.messages());
    let echo = op(wsdl, "echo");
    assert_eq!(params(echo), [("note", &named("note"), true)]);
    assert_eq!(output(echo), ("return", &named("note")));
    assert_eq!(echo.sources[0].file, "wsdl/wsdl_import_abstract.wsdl");
    assert_eq!(
        (soap(echo).body_use, soap(echo).endpoint.as_str()),
        (BodyUse::Literal, "https://s.example/")
    );
    assert_eq!(ty(wsdl, "note").namespace.as_deref(), Some("urn:abstract"));
}

#[test]
fn remote_imports_are_never_fetched() {
    let out = read("remote_import.wsdl");
    let wsdl = out.wsdl();
    assert!(out.imports.is_empty(), "asked for {:?}", out.imports);
    assert_eq!(output(op(wsdl, "fetch")), ("return", &TypeRef::Dynamic));
    let messages = out.messages();
    assert_eq!(out.warnings().len(), 3, "{messages:#?}");
    assert!(
        messages[0].contains(":5:")
            && messages[0].contains("`http://example.com/other.wsdl` is not fetched")
    );
    assert!(
        messages[1].contains(":9:")
            && messages[1].contains("`https://example.com/remote.xsd` is not fetched")
    );
    assert!(
        messages[2].contains(":13:") && messages[2].contains("`r:thing`"),
        "{messages:#?}"
    );
}

#[test]
fn dtd_is_refused() {
    let out = read("dtd.wsdl");
    assert!(out.wsdl.is_none());
    assert_eq!(out.messages().len(), 1);
    let error = out.errors()[0];
    assert_eq!((error.line, error.col), (2, 1));
    assert!(error.message.contains("DTD"), "{error}");
    assert!(
        !out.messages()[0].contains("root:"),
        "the entity was not expanded"
    );
}

#[test]
fn malformed_xml_is_an_error_with_a_position() {
    let out = read("malformed.wsdl");
    assert!(out.wsdl.is_none());
    let errors = out.errors();
    assert_eq!(errors.len(), 1, "{:#?}", out.messages());
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line),
        ("wsdl/malformed.wsdl", 5),
        "{}",
        errors[0]
    );
    assert!(errors[0].col > 0);
    assert!(
        errors[0].message.starts_with("malformed XML"),
        "{}",
        errors[0]
    );
}

#[test]
fn latin1_documents_are_transcoded() {
    let bytes = std::fs::read(fixtures().join("latin1.wsdl")).expect("fixture exists");
    assert!(
        bytes.contains(&0xE9) && std::str::from_utf8(&bytes).is_err(),
        "the fixture is real Latin-1"
    );
    let out = read_bytes("latin1.wsdl", &bytes);
    let order = op(out.wsdl(), "order");
    assert_eq!(
        order.docs.summary.as_deref(),
        Some("Orders a café crème for £5.")
    );
    assert_eq!(soap(order).endpoint, "https://café.example/");
    assert!(out.diagnostics.is_empty(), "{:#?}", out.messages());
}

#[test]
fn not_a_wsdl_or_no_soap_binding_is_an_error() {
    let schema = read_bytes(
        "x.xsd",
        b"<schema xmlns=\"http://www.w3.org/2001/XMLSchema\"/>",
    );
    assert!(schema.wsdl.is_none());
    assert!(schema.errors()[0].message.contains("not wsdl:definitions"));
    let no_binding = read_bytes(
        "x.wsdl",
        b"<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\" name=\"x\"/>",
    );
    assert!(
        no_binding.errors()[0]
            .message
            .contains("no SOAP 1.1 or SOAP 1.2 binding")
    );
}

/// Truncated, corrupted and absurdly nested inputs give diagnostics, never a panic.
#[test]
fn damaged_input_never_panics() {
    let deep = format!(
        "<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\">{}",
        "<a>".repeat(100_000)
    );
    let out = read_bytes("deep.wsdl", deep.as_bytes());
    assert!(
        out.wsdl.is_none() && out.errors()[0].message.contains("nested"),
        "{:#?}",
        out.messages()
    );
    for name in [
        "rpc_encoded.wsdl",
        "doc_literal.wsdl",
        "odd_prefixes.wsdl",
        "local_import.wsdl",
        "latin1.wsdl",
    ] {
        let bytes = std::fs::read(fixtures().join(name)).expect("fixture exists");
        for cut in (0..bytes.len()).step_by(71) {
            let _ = read_bytes(name, &bytes[..cut]);
            for replacement in [b'<', b'"', b':', 0xFF] {
                let mut damaged = bytes.clone();
                damaged[cut] = replacement;
                let _ = read_bytes(name, &damaged);
            }
        }
    }
}

const MYAPI: &str = "../specs/interserver/myapi.wsdl";

#[test]
fn interserver_myapi() {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(MYAPI))
        .expect("the real WSDL is committed");
    let read = wsdl::read("interserver/myapi.wsdl", &bytes, &|_| None);
    let wsdl = read.value.expect("reads");
    assert_eq!(wsdl.operations.len(), 101);
    assert_eq!(wsdl.types.len(), 58);
    assert_eq!(wsdl.target_namespace, "urn:myapi");
    let arrays = wsdl
        .types
        .iter()
        .filter(|t| matches!(t.kind, TypeKind::Array { .. }))
        .count();
    assert_eq!(arrays, 21, "SOAP-ENC arrays are types too");
    assert_eq!(
        wsdl.types
            .iter()
            .find(|t| t.name.wire == "array_sql_row_vps")
            .map(|t| &t.kind),
        Some(&TypeKind::Array {
            item: named("sql_row_vps"),
            item_element: None,
            item_namespace: None,
        })
    );

    let messages: Vec<String> = read.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    for (message, (line, op)) in messages
        .iter()
        .zip([(904, "get_locked_ips"), (915, "get_modules")])
    {
        let expected = format!(
            "interserver/myapi.wsdl:{line}: warning: part `return` of message `{op}Response` has type `tns:array` \
             ({{urn:myapi}}array), which is defined nowhere"
        );
        assert!(message.starts_with(&expected), "{message}");
        assert_eq!(
            output(
                &wsdl
                    .operations
                    .iter()
                    .find(|o| o.name.wire == op)
                    .cloned()
                    .unwrap()
            )
            .1,
            &TypeRef::Dynamic
        );
    }

    let buy_mail = op(&wsdl, "api_api_buy_mail");
    assert_eq!(
        params(buy_mail),
        [
            ("sid", &scalar(Scalar::String), true),
            ("coupon", &scalar(Scalar::String), true)
        ]
    );
    assert_eq!(
        output(buy_mail),
        ("return", &named("buy_vps_result_status"))
    );
    assert_eq!(
        buy_mail.docs.summary.as_deref(),
        Some("Places an email order")
    );
    assert_eq!(buy_mail.sources[0].line, 1735);
    let binding = soap(buy_mail);
    assert_eq!(
        binding.soap_action,
        "https://my.interserver.net/api.php/api_api_buy_mail"
    );
    assert_eq!(binding.endpoint, "https://my.interserver.net:443/api.php");
    assert_eq!(
        (binding.style, binding.body_use, binding.namespace.as_str()),
        (SoapStyle::Rpc, BodyUse::Encoded, "urn:myapi")
    );
    assert_eq!(binding.response_element, "api_api_buy_mailResponse");

    let login = op(&wsdl, "api_api_auto_cpanel_login");
    assert!(
        login
            .docs
            .summary
            .as_deref()
            .is_some_and(|s| s.contains("The status will be \"ok\" if successful"))
    );
    let with_sid = wsdl
        .operations
        .iter()
        .filter(|o| o.params.first().is_some_and(|p| p.name.wire == "sid"))
        .count();
    assert_eq!(with_sid, 91);
    assert!(
        wsdl.operations
            .windows(2)
            .all(|w| w[0].name.wire < w[1].name.wire),
        "sorted by name"
    );
    assert!(
        wsdl.types
            .windows(2)
            .all(|w| w[0].name.wire < w[1].name.wire),
        "sorted by name"
    );
}

#[test]
fn several_rpc_output_parts_are_one_struct() {
    let out = read("multi_part_output.wsdl");
    let wsdl = out.wsdl();
    let statement = op(wsdl, "statement");
    assert!(soap(statement).all_parts);
    let Output::Value { ty: answer, .. } = &statement.output else {
        panic!("statement has no output");
    };
    assert_eq!(answer, &named("statementResponse"));
    let TypeKind::Struct { fields, .. } = &ty(wsdl, "statementResponse").kind else {
        panic!("statementResponse is not a struct");
    };
    let fields: Vec<(&str, &TypeRef)> = fields.iter().map(|f| (&*f.name.wire, &f.ty)).collect();
    assert_eq!(
        fields,
        [
            ("status", &TypeRef::Scalar(Scalar::String)),
            ("balance", &named("balance")),
            ("msg", &TypeRef::Scalar(Scalar::String)),
        ]
    );
    // The schema's own `lookupResponse` keeps its name; the implied wrapper gets another.
    let Output::Value { ty: answer, .. } = &op(wsdl, "lookup").output else {
        panic!("lookup has no output");
    };
    assert_eq!(answer, &named("lookupResponse_2"));
    assert_eq!(
        out.messages(),
        [
            "wsdl/multi_part_output.wsdl:28: warning: another type is already named `lookupResponse`; this one is named `lookupResponse_2`"
        ]
    );
}

#[test]
fn literal_lists_repeated_or_wrapped() {
    let out = read("literal_lists.wsdl");
    // A wrapper list nested in a sent record is written with its item elements too.
    assert_eq!(out.messages(), Vec::<String>::new());
    // The wrapper list knows its items' element name, to send them by it.
    assert_eq!(
        ty(out.wsdl(), "ArrayOfInt").kind,
        TypeKind::Array {
            item: scalar(Scalar::Int),
            item_element: Some("int".into()),
            item_namespace: Some("urn:sum".into()),
        }
    );
    let sum = op(out.wsdl(), "Sum");
    // The repeated element is a list sent as sibling elements; the ArrayOfInt wrapper is not.
    let repeated: Vec<(&str, bool)> = sum
        .params
        .iter()
        .map(|p| (&*p.name.wire, p.repeated))
        .collect();
    assert_eq!(
        repeated,
        [
            ("values", false),
            ("label", false),
            ("extra", true),
            ("options", false)
        ]
    );
    let Output::Value { ty: answer, .. } = &sum.output else {
        panic!("Sum has no output");
    };
    assert_eq!(
        answer,
        &named("SumResponse"),
        "answers with lists are not warned about"
    );
}

#[test]
fn open_content_is_a_dynamic_value() {
    let out = read("open_content.wsdl");
    let wsdl = out.wsdl();
    let response: Vec<(&str, &TypeRef)> = match &ty(wsdl, "GetTablesResponse").kind {
        TypeKind::Struct { fields, .. } => fields.iter().map(|f| (&*f.name.wire, &f.ty)).collect(),
        other => panic!("not a struct: {other:?}"),
    };
    assert_eq!(
        response,
        [
            ("GetTablesResult", &TypeRef::Dynamic),
            ("Extra", &TypeRef::Dynamic),
            ("Partly", &named("Partly")),
        ]
    );
    assert_eq!(
        out.messages(),
        ["wsdl/open_content.wsdl:36: warning: xsd:any in `Partly` (open content) is ignored"]
    );
    // As a request element, open content is one optional parameter: the element's whole
    // content as markup, named after the element; an element declared with neither type nor
    // content takes none.
    let params = |name: &str| -> Vec<(String, TypeRef, bool, Placement)> {
        let op = wsdl
            .operations
            .iter()
            .find(|o| o.name.wire == name)
            .unwrap();
        let params = op.params.iter();
        params
            .map(|p| (p.name.wire.clone(), p.ty.clone(), p.required, p.placement))
            .collect()
    };
    let markup = |name: &str| {
        (
            name.to_owned(),
            TypeRef::Scalar(Scalar::Xml),
            false,
            Placement::Text,
        )
    };
    assert_eq!(params("Submit"), [markup("Submit")]);
    assert_eq!(params("Forward"), [markup("Forward")]);
    assert_eq!(params("Clear"), []);
    assert_eq!(params("GetTables"), []);
}

/// Unprefixed names that resolve nowhere fall back to the target namespace with a warning
/// naming file and line, types included; overloads without input names pair up in order and
/// are named `<name>_<n>`; a binding operation left without a port type operation, and a SOAP
/// binding no port serves, are reported.
#[test]
fn unprefixed_fallback_and_unnamed_overloads() {
    let text = r#"<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:o">
  <types>
    <xsd:schema targetNamespace="urn:o" xmlns="http://www.w3.org/2001/XMLSchema">
      <complexType name="Pair"><sequence><element name="a" type="xsd:string"/></sequence></complexType>
      <element name="Get"><complexType><sequence><element name="p" type="Pair"/></sequence></complexType></element>
    </xsd:schema>
  </types>
  <message name="In"><part name="parameters" element="Get"/></message>
  <message name="In2"><part name="x" type="xsd:int"/></message>
  <portType name="P">
    <operation name="Op"><input message="In"/></operation>
    <operation name="Op"><input message="In2"/></operation>
  </portType>
  <binding name="B" type="P">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Op"><input><soap:body use="literal"/></input></operation>
    <operation name="Op" style="rpc"><soap:operation style="rpc"/><input><soap:body use="literal" namespace="urn:o"/></input></operation>
    <operation name="Op"><input name="Nope"><soap:body use="literal"/></input></operation>
  </binding>
  <binding name="Unserved" type="P"><soap:binding style="document"/></binding>
  <service name="S"><port name="SP" binding="B"><soap:address location="http://x/"/></port></service>
</definitions>"#;
    let out = read_bytes("fallback.wsdl", text.as_bytes());
    let wsdl = out.wsdl();
    let names: Vec<&str> = wsdl
        .operations
        .iter()
        .map(|o| o.name.wire.as_str())
        .collect();
    assert_eq!(names, ["Op", "Op_2"]);
    let messages = out.messages();
    let has = |needle: &str| messages.iter().any(|m| m.contains(needle));
    assert!(
        has("wsdl/fallback.wsdl:13: warning: message `In` has no prefix"),
        "{messages:#?}"
    );
    assert!(
        has("wsdl/fallback.wsdl:7: warning: field `p` of `Get`: type `Pair` has no prefix"),
        "{messages:#?}"
    );
    assert!(
        has("binding operation `Op` matches no port type operation left"),
        "{messages:#?}"
    );
    assert!(
        has("wsdl/fallback.wsdl:22: warning: SOAP binding `Unserved` is served by no port"),
        "{messages:#?}"
    );
    let get = ty(wsdl, "Get");
    assert_eq!(fields(get), [("p", &named("Pair"), true, false)]);
}

/// spyne names its header messages with the prefix of its types namespace
/// (`message="s0:RequestHeader"`) although they are defined in the target namespace: a
/// prefixed message defined nowhere is looked up again there, with a warning, so the headers
/// are not lost; a name defined in neither is still only warned about.
#[test]
fn prefixed_message_of_another_namespace_falls_back_to_the_target_namespace() {
    let text = r#"<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:o" xmlns:s0="urn:o:types"
    targetNamespace="urn:o">
  <types>
    <xsd:schema targetNamespace="urn:o:types" elementFormDefault="qualified">
      <xsd:element name="RequestHeader"><xsd:complexType><xsd:sequence><xsd:element name="key" type="xsd:string"/></xsd:sequence></xsd:complexType></xsd:element>
      <xsd:element name="ResponseHeader"><xsd:complexType><xsd:sequence><xsd:element name="id" type="xsd:string"/></xsd:sequence></xsd:complexType></xsd:element>
    </xsd:schema>
    <xsd:schema targetNamespace="urn:o" elementFormDefault="qualified">
      <xsd:element name="Op"><xsd:complexType><xsd:sequence/></xsd:complexType></xsd:element>
      <xsd:element name="OpResponse"><xsd:complexType><xsd:sequence/></xsd:complexType></xsd:element>
    </xsd:schema>
  </types>
  <message name="In"><part name="Op" element="tns:Op"/></message>
  <message name="Out"><part name="OpResponse" element="tns:OpResponse"/></message>
  <message name="RequestHeader"><part name="RequestHeader" element="s0:RequestHeader"/></message>
  <message name="ResponseHeader"><part name="ResponseHeader" element="s0:ResponseHeader"/></message>
  <portType name="P"><operation name="Op"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
  <binding name="B" type="tns:P">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Op">
      <input>
        <soap:header use="literal" message="s0:RequestHeader" part="RequestHeader"/>
        <soap:header use="literal" message="s0:Missing" part="Missing"/>
        <soap:body use="literal"/>
      </input>
      <output><soap:header use="literal" message="s0:ResponseHeader" part="ResponseHeader"/><soap:body use="literal"/></output>
    </operation>
  </binding>
  <service name="S"><port name="SP" binding="tns:B"><soap:address location="http://x/"/></port></service>
</definitions>"#;
    let out = read_bytes("spyne_headers.wsdl", text.as_bytes());
    let binding = soap(op(out.wsdl(), "Op"));
    let elements = |headers: &[codegen::ir::SoapHeader]| -> Vec<(String, String)> {
        headers
            .iter()
            .map(|h| (h.namespace.clone(), h.element.clone()))
            .collect()
    };
    assert_eq!(
        elements(&binding.headers.input),
        [("urn:o:types".to_owned(), "RequestHeader".to_owned())]
    );
    assert_eq!(
        elements(&binding.headers.output),
        [("urn:o:types".to_owned(), "ResponseHeader".to_owned())]
    );
    let messages = out.messages();
    let has = |needle: &str| messages.iter().any(|m| m.contains(needle));
    assert!(
        has(
            "message `s0:RequestHeader` ({urn:o:types}RequestHeader) is defined nowhere; \
             {urn:o}RequestHeader (the target namespace) is used"
        ),
        "{messages:#?}"
    );
    assert!(
        has("message `s0:Missing` ({urn:o:types}Missing) is defined nowhere"),
        "{messages:#?}"
    );
}

/// A `soap:header` part declared with `type=` is an element named after the part, in the
/// header's `namespace=` (none without it), encoded when `use="encoded"`; a part with neither
/// `element=` nor `type=` is skipped with a warning at the `soap:header`.
#[test]
fn type_header_parts_are_named_after_the_part() {
    let text = r#"<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:o" targetNamespace="urn:o">
  <types>
    <xsd:schema targetNamespace="urn:o">
      <xsd:complexType name="Auth"><xsd:sequence><xsd:element name="token" type="xsd:string"/></xsd:sequence></xsd:complexType>
    </xsd:schema>
  </types>
  <message name="In"><part name="x" type="xsd:int"/></message>
  <message name="Out"><part name="r" type="xsd:int"/></message>
  <message name="H">
    <part name="auth" type="tns:Auth"/>
    <part name="trace" type="xsd:string"/>
    <part name="odd"/>
  </message>
  <portType name="P"><operation name="Op"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
  <binding name="B" type="tns:P">
    <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Op">
      <input>
        <soap:header use="encoded" message="tns:H" part="auth" namespace="urn:o:h"
            encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/>
        <soap:header use="literal" message="tns:H" part="odd"/>
        <soap:body use="encoded" namespace="urn:o"/>
      </input>
      <output><soap:header use="literal" message="tns:H" part="trace"/><soap:body use="literal" namespace="urn:o"/></output>
    </operation>
  </binding>
  <service name="S"><port name="SP" binding="tns:B"><soap:address location="http://x/"/></port></service>
</definitions>"#;
    let out = read_bytes("type_headers.wsdl", text.as_bytes());
    let binding = soap(op(out.wsdl(), "Op"));
    let shown = |headers: &[codegen::ir::SoapHeader]| -> Vec<(String, String, TypeRef, bool)> {
        headers
            .iter()
            .map(|h| {
                (
                    h.namespace.clone(),
                    h.element.clone(),
                    h.ty.clone(),
                    h.encoded,
                )
            })
            .collect()
    };
    assert_eq!(
        shown(&binding.headers.input),
        [("urn:o:h".to_owned(), "auth".to_owned(), named("Auth"), true)]
    );
    assert_eq!(
        shown(&binding.headers.output),
        [(
            String::new(),
            "trace".to_owned(),
            scalar(Scalar::String),
            false
        )]
    );
    let skipped: Vec<String> = out
        .warnings()
        .iter()
        .filter(|d| d.message.contains("skipped"))
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        skipped,
        [
            "wsdl/type_headers.wsdl:23: warning: soap:header of `Op` is skipped: part `odd` has neither element= nor type="
        ]
    );
}

/// The attributes of a type as (name, namespace), in order.
fn attributes(def: &TypeDef) -> Vec<(&str, Option<&str>)> {
    match &def.kind {
        TypeKind::Struct { fields, .. } => fields
            .iter()
            .filter(|f| f.placement == Placement::Attribute)
            .map(|f| (f.name.wire.as_str(), f.namespace.as_deref()))
            .collect(),
        other => panic!("{} is not a struct: {other:?}", def.name.wire),
    }
}

/// A WSDL whose `urn:main` schema qualifies its local attributes (`attributeFormDefault`) and
/// takes attributes from `urn:meta`, which does not: a global attribute by `ref`, a group.
const QUALIFIED_ATTRIBUTES: &str = r#"<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tns="urn:main" xmlns:m="urn:meta" targetNamespace="urn:main">
  <types>
    <xs:schema targetNamespace="urn:meta">
      <xs:attribute name="origin" type="xs:int"/>
      <xs:attributeGroup name="Audit">
        <xs:attribute name="by" type="xs:string"/>
        <xs:attribute name="rev" type="xs:int" form="qualified"/>
      </xs:attributeGroup>
    </xs:schema>
    <xs:schema targetNamespace="urn:main" elementFormDefault="qualified"
        attributeFormDefault="qualified">
      <xs:import namespace="urn:meta"/>
      <xs:complexType name="Label">
        <xs:sequence><xs:element name="text" type="xs:string"/></xs:sequence>
        <xs:attribute ref="xml:lang"/>
        <xs:attribute name="weight" type="xs:int"/>
        <xs:attribute name="code" type="xs:string" form="unqualified"/>
        <xs:attribute name="kind" type="xs:string" form="qualified"/>
        <xs:attributeGroup ref="m:Audit"/>
        <xs:attribute ref="m:origin"/>
        <xs:attribute ref="m:missing"/>
      </xs:complexType>
      <xs:element name="Tag">
        <xs:complexType>
          <xs:sequence><xs:element name="label" type="tns:Label"/></xs:sequence>
          <xs:attribute name="mode" type="xs:string" use="required"/>
          <xs:attribute ref="m:origin"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="TagResponse"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
    </xs:schema>
  </types>
  <message name="TagIn"><part name="parameters" element="tns:Tag"/></message>
  <message name="TagOut"><part name="parameters" element="tns:TagResponse"/></message>
  <portType name="P">
    <operation name="Tag"><input message="tns:TagIn"/><output message="tns:TagOut"/></operation>
  </portType>
  <binding name="B" type="tns:P">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Tag">
      <soap:operation soapAction="urn:main/Tag"/>
      <input><soap:body use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>
  </binding>
  <service name="S"><port name="P" binding="tns:B"><soap:address location="https://x.example/"/></port></service>
</definitions>"#;

/// XSD 1.0 §3.2.2: a global attribute (by `ref`) is in its schema's target namespace; a local
/// one by its `form`, else its own schema's `attributeFormDefault`, an attribute group's
/// included; `xml:lang` needs neither a prefix declaration nor an import; a `ref` that
/// resolves nowhere is left out with a warning naming file and line.
#[test]
fn attributes_are_qualified_by_ref_form_and_their_own_schema() {
    let out = read_bytes("attributes.wsdl", QUALIFIED_ATTRIBUTES.as_bytes());
    let label = ty(out.wsdl(), "Label");
    assert_eq!(
        attributes(label),
        [
            ("lang", Some("http://www.w3.org/XML/1998/namespace")),
            ("weight", Some("urn:main")),
            ("code", None),
            ("kind", Some("urn:main")),
            ("by", None),
            ("rev", Some("urn:meta")),
            ("origin", Some("urn:meta")),
        ]
    );
    // A referenced attribute takes its declaration's type.
    let TypeKind::Struct { fields, .. } = &label.kind else {
        unreachable!()
    };
    let origin = fields.iter().find(|f| f.name.wire == "origin").unwrap();
    assert_eq!(origin.ty, scalar(Scalar::Int));
    assert_eq!(
        out.messages(),
        [
            "wsdl/attributes.wsdl:25: warning: attribute reference in `Label`: `m:missing` \
          ({urn:meta}missing) is defined nowhere; the attribute is left out"
        ]
    );
}

/// `xsd:list` (named, inline, restricted, of an enumeration, of an inline enumeration) is one
/// text of items, in an element or an attribute, never an array; no warning is left about it.
/// An attribute's inline enumeration is an enum, as an element's is.
#[test]
fn xsd_lists_are_text_lists_in_elements_and_attributes() {
    let text = r#"<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:o" targetNamespace="urn:o">
  <types>
    <xsd:schema targetNamespace="urn:o" elementFormDefault="qualified">
      <xsd:simpleType name="Ids"><xsd:list itemType="xsd:int"/></xsd:simpleType>
      <xsd:simpleType name="Size"><xsd:restriction base="xsd:string"><xsd:enumeration value="S"/></xsd:restriction></xsd:simpleType>
      <xsd:simpleType name="FewSizes">
        <xsd:restriction><xsd:simpleType><xsd:list itemType="tns:Size"/></xsd:simpleType><xsd:maxLength value="2"/></xsd:restriction>
      </xsd:simpleType>
      <xsd:simpleType name="Rights">
        <xsd:list><xsd:simpleType><xsd:restriction base="xsd:string">
          <xsd:enumeration value="Read"/><xsd:enumeration value="Write"/>
        </xsd:restriction></xsd:simpleType></xsd:list>
      </xsd:simpleType>
      <xsd:complexType name="Box">
        <xsd:sequence>
          <xsd:element name="rights" type="tns:Rights"/>
          <xsd:element name="mask" type="tns:Rights"/>
          <xsd:element name="ids" type="tns:Ids"/>
          <xsd:element name="days" maxOccurs="unbounded"><xsd:simpleType><xsd:list itemType="xsd:date"/></xsd:simpleType></xsd:element>
          <xsd:element name="flags"><xsd:simpleType><xsd:list><xsd:simpleType><xsd:restriction base="xsd:string">
            <xsd:enumeration value="new"/><xsd:enumeration value="hot"/>
          </xsd:restriction></xsd:simpleType></xsd:list></xsd:simpleType></xsd:element>
        </xsd:sequence>
        <xsd:attribute name="sizes" type="tns:FewSizes"/>
        <xsd:attribute name="shade"><xsd:simpleType><xsd:restriction base="xsd:string">
          <xsd:enumeration value="light"/><xsd:enumeration value="dark"/>
        </xsd:restriction></xsd:simpleType></xsd:attribute>
      </xsd:complexType>
      <xsd:element name="Op"><xsd:complexType><xsd:sequence><xsd:element name="box" type="tns:Box"/></xsd:sequence></xsd:complexType></xsd:element>
      <xsd:element name="OpResponse" type="tns:Ids"/>
    </xsd:schema>
  </types>
  <message name="In"><part name="p" element="tns:Op"/></message>
  <message name="Out"><part name="p" element="tns:OpResponse"/></message>
  <portType name="P"><operation name="Op"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
  <binding name="B" type="tns:P">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Op"><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
  </binding>
  <service name="S"><port name="SP" binding="tns:B"><soap:address location="http://x/"/></port></service>
</definitions>"#;
    let out = read_bytes("lists.wsdl", text.as_bytes());
    let text_list = |t: TypeRef| TypeRef::TextList(Box::new(t));
    let bx = ty(out.wsdl(), "Box");
    assert_eq!(
        fields(bx),
        [
            ("sizes", &text_list(named("Size")), false, false),
            ("shade", &named("shade"), false, false),
            ("rights", &text_list(named("RightsItem")), true, false),
            ("mask", &text_list(named("RightsItem")), true, false),
            ("ids", &text_list(scalar(Scalar::Int)), true, false),
            ("days", &list(text_list(scalar(Scalar::Date))), true, false),
            ("flags", &text_list(named("flagsItem")), true, false),
        ]
    );
    assert_eq!(
        output(op(out.wsdl(), "Op")).1,
        &text_list(scalar(Scalar::Int))
    );
    // A .NET `[Flags]` enum: a named list of an inline enumeration is a list of one enum,
    // built once however often it is used.
    let TypeKind::Enum { values } = &ty(out.wsdl(), "RightsItem").kind else {
        panic!("RightsItem is not an enum");
    };
    let values: Vec<&str> = values.iter().map(|v| v.name.wire.as_str()).collect();
    assert_eq!(values, ["Read", "Write"]);
    // Anonymous ones: an attribute's enumeration, and an element's list of one, are enums
    // named after them.
    for (name, want) in [("shade", ["light", "dark"]), ("flagsItem", ["new", "hot"])] {
        let TypeKind::Enum { values } = &ty(out.wsdl(), name).kind else {
            panic!("{name} is not an enum");
        };
        let values: Vec<&str> = values.iter().map(|v| v.name.wire.as_str()).collect();
        assert_eq!(values, want);
    }
    assert!(
        !out.messages().iter().any(|m| m.contains("list")),
        "{:#?}",
        out.messages()
    );
}

/// The attributes of a document operation's wrapper element are parameters placed as
/// attributes (first, as in the record), qualified as any other; the children stay elements.
#[test]
fn wrapper_attributes_are_attribute_parameters() {
    let out = read_bytes("attributes.wsdl", QUALIFIED_ATTRIBUTES.as_bytes());
    let tag = op(out.wsdl(), "Tag");
    let placed: Vec<(&str, Placement, Option<&str>, bool)> = tag
        .params
        .iter()
        .map(|p| {
            let namespace = p.namespace.as_deref();
            (p.name.wire.as_str(), p.placement, namespace, p.required)
        })
        .collect();
    assert_eq!(
        placed,
        [
            ("mode", Placement::Attribute, Some("urn:main"), true),
            ("origin", Placement::Attribute, Some("urn:meta"), false),
            ("label", Placement::Element, Some("urn:main"), true),
        ]
    );
}

/// Two types of one local name in two namespaces: the second is renamed (`Circle_2`) but keeps
/// its XSD name for `xsi:type`, and a warning says so.
#[test]
fn a_renamed_type_keeps_its_xsd_name() {
    let text = QUALIFIED_ATTRIBUTES.replace(
        r#"<xs:attribute name="origin" type="xs:int"/>"#,
        r#"<xs:attribute name="origin" type="xs:int"/>
      <xs:complexType name="Label"><xs:sequence/></xs:complexType>"#,
    );
    let out = read_bytes("renamed.wsdl", text.as_bytes());
    let meta = ty(out.wsdl(), "Label");
    let main = ty(out.wsdl(), "Label_2");
    assert_eq!(
        (meta.namespace.as_deref(), meta.renamed_from.as_deref()),
        (Some("urn:meta"), None)
    );
    assert_eq!(
        (main.namespace.as_deref(), main.renamed_from.as_deref()),
        (Some("urn:main"), Some("Label"))
    );
    assert_eq!((meta.xml_name(), main.xml_name()), ("Label", "Label"));
    assert!(
        out.messages().contains(
            &"wsdl/renamed.wsdl:18: warning: another type is already named `Label`; this one \
              is named `Label_2`"
                .to_owned()
        ),
        "{:?}",
        out.messages()
    );
}
