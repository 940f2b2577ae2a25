//! The whole pipeline on every spec fixture and on the real `specs/`: the IR with every
//! diagnostic, and the generated code, as reviewed snapshots.

use std::path::Path;

/// The IR (or nothing, on errors) and every diagnostic as the user sees it.
fn load(specs: &str) -> serde_json::Value {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(specs);
    let (ir, diagnostics) = codegen::load(&dir);
    let diagnostics: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    serde_json::json!({ "diagnostics": diagnostics, "ir": ir })
}

/// Every generated file but the crate manifest, each under a `===== path` line.
fn generate(specs: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(specs);
    let output = codegen::generate(&dir).unwrap_or_else(|errors| {
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{specs} does not generate:\n{}", errors.join("\n"))
    });
    output
        .files
        .iter()
        .filter(|(path, _)| path.ends_with(".rs"))
        .map(|(path, text)| format!("===== {path}\n{text}"))
        .collect()
}

/// One IR snapshot and one code snapshot per spec set.
macro_rules! spec_set {
    ($ir:ident, $code:ident, $dir:literal) => {
        #[test]
        fn $ir() {
            insta::assert_json_snapshot!(load($dir));
        }

        #[test]
        fn $code() {
            insta::assert_snapshot!(generate($dir));
        }
    };
}

spec_set!(
    http_kb_fixture,
    http_kb_code,
    "tests/fixtures/specs/http_kb"
);
spec_set!(
    soap_rpc_fixture,
    soap_rpc_code,
    "tests/fixtures/specs/soap_rpc"
);
spec_set!(
    soap_doc_literal_fixture,
    soap_doc_literal_code,
    "tests/fixtures/specs/soap_doc_literal"
);
spec_set!(
    soap_features_fixture,
    soap_features_code,
    "tests/fixtures/specs/soap_features"
);
spec_set!(
    soap_wire_fixture,
    soap_wire_code,
    "tests/fixtures/specs/soap_wire"
);
spec_set!(real_specs, real_specs_code, "../specs");

#[test]
fn output_is_byte_identical_on_every_run() {
    for dir in [
        "tests/fixtures/specs/soap_rpc",
        "tests/fixtures/specs/http_kb",
        "../specs",
    ] {
        assert_eq!(generate(dir), generate(dir), "{dir}");
    }
}

#[test]
fn schema_files_the_wsdl_imports_are_not_pages() {
    let (ir, diagnostics) = codegen::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/specs/soap_schema_file"),
    );
    let diagnostics: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    // The imported calc.xsd is part of the WSDL; a schema nothing imports is named, not read
    // as a page.
    assert_eq!(
        diagnostics,
        [
            "calc/unused.xsd: warning: no import of the WSDL names this file, so its types are not read — point the import's location at it"
        ]
    );
    let ir = serde_json::to_value(ir.expect("generates")).expect("serializes");
    let operations = &ir["services"][0]["operations"];
    assert_eq!(operations.as_array().map(Vec::len), Some(1));
    // The schema has no elementFormDefault: the parts go on the wire in no namespace.
    let params = operations[0]["params"].as_array().expect("params");
    assert!(
        params.iter().all(|p| p.get("namespace").is_none()),
        "{params:?}"
    );
    // A repeated element is a slice, sent as one element per item; a wrapper list is sent
    // with the item element its schema names.
    let code = generate("tests/fixtures/specs/soap_schema_file");
    assert!(code.contains("name: \"item\""), "{code}");
    assert!(code.contains("more: &[f64],"), "{code}");
    assert!(
        code.contains(
            "for item in more {\n            call.arg(\"more\", crate::runtime::soap::XsiType::xsd(\"double\"), item)?;"
        ),
        "{code}"
    );
}

/// A WSDL in a subfolder named by the manifest, .NET/CXF style: its schema import beside it
/// is read, unprefixed references fall back to the target namespace (warned), both ports are
/// generated (the 1.2 port's same operations reported, its different one renamed), and both
/// overloads of `Find` are generated under predictable names.
#[test]
fn every_port_and_overload_of_a_wsdl_in_a_subfolder() {
    let (ir, diagnostics) = codegen::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/specs/soap_wire"),
    );
    let diagnostics: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    let ir = ir.unwrap_or_else(|| panic!("generates: {diagnostics:#?}"));
    let service = &ir.services[0];
    let names: Vec<&str> = service
        .operations
        .iter()
        .map(|op| op.name.wire.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "AddAddresses",
            "Echo",
            "Find",
            "FindByName",
            "Lookup",
            "Lookup_OrdersSoap12",
            "Ping",
            "PlaceOrder",
            "Reset"
        ]
    );
    // Types from the imported common.xsd beside the WSDL are read.
    assert!(service.types.iter().any(|t| t.name.wire == "Address"));
    assert!(
        diagnostics.iter().any(|d| d.starts_with(
            "orders/wsdl/orders.wsdl:112: warning: message `PlaceOrderIn` has no prefix"
        )),
        "{diagnostics:#?}"
    );
    let skipped: Vec<&String> = diagnostics
        .iter()
        .filter(|d| d.contains("that one is generated"))
        .collect();
    assert_eq!(skipped.len(), 2, "{diagnostics:#?}");
    assert!(
        !diagnostics.iter().any(|d| d.contains("cannot be read")),
        "{diagnostics:#?}"
    );
}

/// Names the reader or the naming pass had to make unique do not leak onto the wire: the
/// second `Circle` (of `urn:shapes:extra`) is the type `Circle2` (`Circle_2`) but its
/// `xsi:type` is still `Circle`, so that an answer naming it picks it; the wrapper attribute
/// `label` and the child element `label` of `PutLabel` are two parameters, each sent as what
/// it is, and the attribute is no entry of the element table the element is sent by.
#[test]
fn renamed_types_and_parameters_keep_their_wire_names() {
    let code = generate("tests/fixtures/specs/soap_features");
    assert!(
        code.contains(
            "    #[serde(rename = \"{urn:shapes:extra}Circle\")]\n    Circle2(Circle2),\n"
        ),
        "{code}"
    );
    assert!(
        code.contains(
            "        label: Option<&str>,\n        label_2: &types::Label,\n    ) -> \
             Result<types::PutLabelResponse, crate::runtime::Error> {"
        ),
        "{code}"
    );
    assert!(
        code.contains("call.attribute(\"@label\", label)?;"),
        "{code}"
    );
    let put_label = &code[code.find("static PUT_LABEL").expect("PUT_LABEL")..];
    let parts = &put_label[..put_label.find("types: TYPE_ELEMENTS").expect("its parts")];
    assert_eq!(parts.matches("ElementSpec {").count(), 1, "{parts}");
    assert!(parts.contains("name: \"label\",\n            namespace: \"urn:labels\","));
}
