//! Whole-crate emission of the fixtures: snapshots, determinism, and the errors inconsistent
//! IR yields.

use super::*;
use crate::ir::{Ir, Output, ParamRole, TypeRef};

/// Every file of an emission, one after another, for a snapshot.
fn listing(files: &BTreeMap<String, String>) -> String {
    files
        .iter()
        .map(|(path, text)| format!("===== {path}\n{text}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn emit(ir: &Ir) -> BTreeMap<String, String> {
    match crate_files(ir, &Package::default()) {
        Ok(files) => files,
        Err(errors) => panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn errors(ir: &Ir) -> Vec<String> {
    match crate_files(ir, &Package::default()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn soap_service_snapshot() {
    let files = emit(&Ir {
        services: vec![fixtures::soap_service()],
    });
    insta::assert_snapshot!(listing(&files));
}

#[test]
fn http_service_snapshot() {
    let files = emit(&Ir {
        services: vec![fixtures::http_service()],
    });
    insta::assert_snapshot!(listing(&files));
}

#[test]
fn emission_is_deterministic() {
    let first = emit(&fixtures::ir());
    let second = emit(&fixtures::ir());
    assert_eq!(first, second);
    assert_eq!(listing(&first), listing(&second));
}

#[test]
fn every_file_starts_with_the_header() {
    let files = emit(&fixtures::ir());
    let paths: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        paths,
        [
            "Cargo.toml",
            "src/generated/interserver/mock.rs",
            "src/generated/interserver/mod.rs",
            "src/generated/interserver/types.rs",
            "src/generated/mod.rs",
            "src/generated/resellerclub/enterpriseemail.rs",
            "src/generated/resellerclub/mock.rs",
            "src/generated/resellerclub/mod.rs",
            "src/generated/resellerclub/types.rs",
        ]
    );
    for (path, text) in &files {
        let header = if path.ends_with(".toml") {
            cargo_toml::HEADER
        } else {
            HEADER
        };
        assert!(text.starts_with(&format!("{header}\n")), "{path}");
    }
}

/// The text of one generated item: from the line containing `start` to the next line that is
/// exactly `end` at the same indentation.
fn item<'a>(text: &'a str, start: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` not generated"));
    let line_start = text[..from].rfind('\n').map_or(0, |i| i + 1);
    let indent = &text[line_start..from];
    let close = format!(
        "\n{}}}\n",
        " ".repeat(indent.len() - indent.trim_start().len())
    );
    let to = text[from..]
        .find(&close)
        .map_or(text.len(), |i| from + i + close.len());
    &text[from..to]
}

#[test]
fn soap_login_returns_a_session_and_session_operations_fill_the_sid() {
    let files = emit(&fixtures::ir());
    let module = &files["src/generated/interserver/mod.rs"];
    let client = item(module, "impl Client {");
    let session = item(module, "impl Session {");
    assert!(client.contains("pub async fn api_login(\n        &self,\n        username: &str,\n        password: &str,\n    ) -> Result<Session, crate::runtime::Error>"));
    assert!(client.contains("Ok(self.session(crate::runtime::soap::session_from_login(answer)?))"));
    assert!(
        client.contains("pub async fn api_list_services(")
            && client.contains("pub async fn api_ping(")
    );
    assert!(!client.contains("api_buy_mail") && !client.contains("self.sid"));
    assert!(
        session
            .contains("pub async fn api_buy_mail(\n        &self,\n        coupon: &str,\n    )")
    );
    assert!(session.contains("call.arg_secret(\n            \"sid\",\n            crate::runtime::soap::XsiType::xsd(\"string\"),\n            self.sid.expose(),\n        )?;"));
    assert!(client.contains("call.arg_secret(\n            \"password\","));
    assert!(!session.contains("sid: &str"));
}

#[test]
fn soap_checks_in_band_errors_only_for_structs_with_the_status_field() {
    let files = emit(&fixtures::ir());
    let module = &files["src/generated/interserver/mod.rs"];
    assert!(
        item(module, "pub async fn api_buy_mail(")
            .contains("call.send_checked::<types::BuyMailResult>(&IN_BAND_ERROR).await")
    );
    assert!(
        item(module, "pub async fn api_get_info(")
            .contains("call.send::<crate::runtime::Value>().await")
    );
    assert!(
        item(module, "pub async fn api_list_services(")
            .contains("call.send::<types::ArrayService>().await")
    );
    assert_eq!(module.matches("static IN_BAND_ERROR").count(), 1);
}

#[test]
fn soap_parts_go_in_wire_order_with_their_xsi_types() {
    let files = emit(&fixtures::ir());
    let module = &files["src/generated/interserver/mod.rs"];
    let list = item(module, "pub async fn api_list_services(");
    let filter = list.find("\"filter\",\n            crate::runtime::soap::XsiType {\n                namespace: \"urn:test\",\n                name: \"service\",\n            },\n            filter,").expect("struct part");
    let limit = list
        .find("call.arg(\"limit\", crate::runtime::soap::XsiType::xsd(\"int\"), &limit)?;")
        .expect("int part");
    assert!(filter < limit);
    assert!(list.contains("filter: &types::Service,\n        limit: i32,"));
    let info = item(module, "pub async fn api_get_info(");
    // An encoded list part names its items' declared type too.
    assert!(info.contains("ids: &[i64]") && info.contains("namespace: \"http://schemas.xmlsoap.org/soap/encoding/\",\n                    name: \"Array\","));
    assert!(info.contains("namespace: crate::runtime::soap::XsiType::XSD,\n                            name: \"long\","));
    // The records an encoded request can carry name their fields' declared types.
    let table = item(
        module,
        "static TYPE_XSI: &crate::runtime::soap::TypeXsi = &[",
    );
    assert!(
        table.contains("\"service\",")
            && table.contains("crate::runtime::soap::XsiType::xsd(\"long\")")
    );
    assert!(item(module, "static API_LIST_SERVICES: ").contains("xsi_types: TYPE_XSI,"));
    let ping = item(module, "pub async fn api_ping(");
    assert!(ping.contains("let call = self.soap.call(&API_PING);") && ping.contains("Ok(())"));
}

#[test]
fn soap_answer_types_read_every_field_leniently_and_can_be_blank() {
    let files = emit(&fixtures::ir());
    let types = &files["src/generated/interserver/types.rs"];
    let result = item(types, "pub struct BuyMailResult {");
    let lenient = "default, skip_serializing_if = \"crate::runtime::Lenient::is_absent\"";
    assert!(result.contains(&format!(
        "#[serde({lenient})]\n    pub status: crate::runtime::Lenient<String>,"
    )));
    assert!(result.contains("pub status_text: crate::runtime::Lenient<String>,"));
    assert!(result.contains("rename = \"Service-Name\","));
    assert!(result.contains("pub service_name: crate::runtime::Lenient<String>,"));
    assert!(item(types, "impl crate::runtime::Answer for BuyMailResult {").contains(
        "self.status.is_absent() && self.status_text.is_absent()\n            && self.invoices.is_absent() && self.service_name.is_absent()"
    ));
    assert!(types.contains("pub type ArrayService = Vec<Service>;"));
    assert!(
        item(types, "pub struct Service {")
            .contains("pub r#type: crate::runtime::Lenient<String>,")
    );
}

#[test]
fn types_only_requests_carry_keep_required_fields_plain() {
    let mut ir = fixtures::ir();
    let service = &mut ir.services[0];
    for op in &mut service.operations {
        op.output = crate::ir::Output::None;
    }
    let files = emit(&ir);
    let types = &files["src/generated/interserver/types.rs"];
    let service = item(types, "pub struct Service {");
    assert!(service.contains("/// Wire name: `type`.\n    pub r#type: String,"));
    assert!(service.contains("pub name: Option<String>,"));
    assert!(!types.contains("crate::runtime::Lenient") && !types.contains("Answer"));
}

#[test]
fn http_regional_operation_takes_region_and_request() {
    let files = emit(&fixtures::ir());
    let group = &files["src/generated/resellerclub/enterpriseemail.rs"];
    let renew = item(group, "pub async fn renew(");
    assert!(renew.contains("region: super::Region,\n        request: &RenewRequest,\n    ) -> Result<RenewResponse, crate::runtime::Error>"));
    assert!(renew.contains("self.client.http.call(&RENEW, Some(region.segment()));"));
    for send in [
        "call.param(\"order-id\", &request.order_id);",
        "call.param_opt(\"no-of-accounts\", request.no_of_accounts.as_ref());",
        "call.param(\"invoice-option\", &request.invoice_option);",
        "if let Some(values) = &request.domain_names {\n            call.param_list(\"domain-names\", values);\n        }",
        "call.param_pairs(\"attr-name\", \"attr-value\", &request.attributes);",
        "call.param(\"passwd\", &request.passwd);",
    ] {
        assert!(renew.contains(send), "{send}");
    }
    assert!(
        !renew.contains("auth-userid") && !renew.contains("api-key"),
        "credentials are the client's"
    );
    let search = item(group, "pub async fn search(");
    assert!(
        search.contains("&self,\n        request: &SearchRequest,\n    )")
            && !search.contains("region")
    );
    assert!(search.contains("self.client.http.call(&SEARCH, None);"));
}

#[test]
fn http_request_struct_holds_inputs_only() {
    let files = emit(&fixtures::ir());
    let group = &files["src/generated/resellerclub/enterpriseemail.rs"];
    let request = item(group, "pub struct RenewRequest {");
    assert!(request.contains("pub passwd: crate::runtime::Secret,"));
    assert!(request.contains("pub no_of_accounts: Option<i32>,"));
    assert!(request.contains("pub invoice_option: super::types::InvoiceOption,"));
    assert!(request.contains("pub attributes: Vec<(String, String)>,"));
    assert!(!request.contains("api_key") && !request.contains("auth_userid"));
    // Built by name: text and secrets through `Into`, nothing positional; read back from the
    // wire names by the mock server.
    assert!(request.contains("#[builder(into)]\n    pub passwd: crate::runtime::Secret,"));
    assert!(!group.contains("impl RenewRequest"));
    for name in ["RenewRequest", "SearchRequest"] {
        assert!(group.contains(&format!(
            "#[derive(Debug, Clone, PartialEq, bon::Builder, serde::Deserialize)]\npub struct {name}"
        )));
    }
    assert!(request.contains("/// Wire name: `no-of-accounts`."));
}

#[test]
fn http_responses_keep_conditional_keys_optional_and_collect_entries() {
    let files = emit(&fixtures::ir());
    let group = &files["src/generated/resellerclub/enterpriseemail.rs"];
    assert!(
        item(group, "pub struct RenewResponse {")
            .contains("pub invoiceid: crate::runtime::Lenient<i64>,")
    );
    let search = item(group, "pub struct SearchResponse {");
    assert!(search.contains(
        "#[serde(rename = \"$rest\", default)]\n    pub entries: std::collections::BTreeMap<String, SearchEntry>,"
    ));
}

#[test]
fn http_client_holds_credentials_and_group_accessors() {
    let files = emit(&fixtures::ir());
    let module = &files["src/generated/resellerclub/mod.rs"];
    assert!(module.contains("pub const LIVE_URL: &str = \"https://httpapi.example.com\";"));
    assert!(module.contains("pub const TEST_URL: &str = \"https://test.httpapi.example.com\";"));
    assert!(module.contains("Self::In => \"in\",") && module.contains("Self::Us => \"us\","));
    let client = item(module, "impl Client {");
    assert!(
        client.contains("auth_userid: i64,\n        api_key: impl Into<crate::runtime::Secret>,")
    );
    assert!(
        client.contains(
            "(\"api-key\", crate::runtime::http::CredentialValue::Secret(api_key.into())),"
        )
    );
    assert!(
        client.contains("pub fn enterpriseemail(&self) -> enterpriseemail::Enterpriseemail<'_>")
    );
    assert!(files["src/generated/mod.rs"].contains(
        "/// Test ResellerClub HTTP API\n#[cfg(feature = \"resellerclub\")]\npub mod resellerclub;"
    ));
}

#[test]
fn undefined_types_are_reported_not_emitted() {
    let mut ir = Ir {
        services: vec![fixtures::soap_service()],
    };
    let service = &mut ir.services[0];
    service.types.retain(|t| t.name.wire != "service");
    assert_eq!(
        errors(&ir),
        [
            "interserver/api.wsdl:20: error: type `service` is referenced but not defined — the build pass must define every named type it refers to",
            "interserver/api.wsdl:30: error: type `service` is referenced but not defined — the build pass must define every named type it refers to",
        ]
    );
}

#[test]
fn clashes_with_generated_names_are_reported() {
    let mut ir = Ir {
        services: vec![fixtures::soap_service()],
    };
    ir.services[0].operations[2].name.rust = "new".to_owned();
    ir.services[0].types[0].name.rust = "Client".to_owned();
    let errors = errors(&ir);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("interserver/api.wsdl:30: error: `Client` would be declared twice in module `interserver`"), "{errors:?}");
    assert!(
        errors[1].starts_with(
            "interserver/api.wsdl:100: error: `new` would be declared twice in `impl Client`"
        ),
        "{errors:?}"
    );
}

#[test]
fn names_the_naming_pass_left_empty_are_reported() {
    let mut ir = Ir {
        services: vec![fixtures::http_service()],
    };
    ir.services[0].operations[1].params[2].name.rust.clear();
    assert_eq!(
        errors(&ir),
        [
            "resellerclub/renew.txt:7: error: cannot emit an empty Rust name as a Rust identifier — the naming pass must give every item a valid identifier"
        ]
    );
}

#[test]
fn http_parameters_the_runtime_cannot_send_are_reported() {
    let mut ir = Ir {
        services: vec![fixtures::http_service()],
    };
    let renew = &mut ir.services[0].operations[0];
    for param in &mut renew.params {
        match param.name.wire.as_str() {
            "attr" => param.pair_names = None,
            "months" => {
                param.ty = TypeRef::Named {
                    group: Some("enterpriseemail".into()),
                    name: "search_entry".into(),
                }
            }
            _ => {}
        }
    }
    let errors = errors(&ir);
    assert_eq!(
        errors,
        [
            "resellerclub/renew.txt:7: error: parameter `months`: a record cannot be sent as a parameter"
        ]
    );
    ir.services[0].operations[0]
        .params
        .retain(|p| p.name.wire != "months");
    let errors = self::errors(&ir);
    assert_eq!(
        errors,
        [
            "resellerclub/renew.txt:7: error: parameter `attr`: a map without the key names of its numbered pairs cannot be sent as a parameter — the build pass must set `pair_names` for a map parameter"
        ]
    );
}

#[test]
fn session_parameters_need_a_session() {
    let mut ir = Ir {
        services: vec![fixtures::soap_service()],
    };
    ir.services[0].session = None;
    let errors = errors(&ir);
    assert_eq!(
        errors,
        [
            "interserver/service.toml:1: error: operations take a session parameter, but the service declares no session — add a [session] table to the manifest"
        ]
    );
}

#[test]
fn regional_paths_need_regions() {
    let mut ir = Ir {
        services: vec![fixtures::http_service()],
    };
    ir.services[0].regions.clear();
    assert_eq!(
        errors(&ir),
        [
            "resellerclub/renew.txt:1: error: the path of `renew` has a region segment, but the service lists no regions"
        ]
    );
}

#[test]
fn one_way_operations_return_unit() {
    let mut ir = Ir {
        services: vec![fixtures::http_service()],
    };
    let search = &mut ir.services[0].operations[1];
    search.output = Output::None;
    search.params.retain(|p| p.role != ParamRole::Input);
    let files = emit(&ir);
    let group = &files["src/generated/resellerclub/enterpriseemail.rs"];
    let search = item(group, "pub async fn search(");
    assert!(
        search.contains("pub async fn search(&self) -> Result<(), crate::runtime::Error> {"),
        "{search}"
    );
    assert!(search.contains("let call = self.client.http.call(&SEARCH, None);\n        call.send::<crate::runtime::Value>().await?;\n        Ok(())"));
    assert!(!group.contains("SearchRequest"));
}

#[test]
fn types_named_like_the_prelude_are_reported() {
    let mut ir = Ir {
        services: vec![fixtures::http_service()],
    };
    ir.services[0].types[1].name.rust = "Result".to_owned();
    let errors = errors(&ir);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("resellerclub/renew.txt:28: error: `Result` would be declared twice in module `resellerclub::enterpriseemail` (first by the generator)"),
        "{errors:?}"
    );
}

#[test]
fn a_parameter_named_call_keeps_its_name() {
    let mut ir = Ir {
        services: vec![fixtures::soap_service()],
    };
    let list = &mut ir.services[0].operations[2];
    list.params[1].name = crate::ir::Name {
        wire: "call".into(),
        rust: "call".into(),
    };
    let files = emit(&ir);
    let list = item(
        &files["src/generated/interserver/mod.rs"],
        "pub async fn api_list_services(",
    );
    assert!(
        list.contains("limit: i32") || list.contains("call: i32"),
        "{list}"
    );
    assert!(
        list.contains("let mut call_ = self.soap.call(&API_LIST_SERVICES);"),
        "{list}"
    );
    assert!(
        list.contains("call_.arg(\"call\", crate::runtime::soap::XsiType::xsd(\"int\"), &call)?;"),
        "{list}"
    );
}

#[test]
fn http_operations_outside_any_group_are_client_methods() {
    let mut ir = Ir {
        services: vec![fixtures::http_service()],
    };
    let ops = &mut ir.services[0].operations;
    for op in ops.iter_mut() {
        op.group = None;
    }
    let files = emit(&ir);
    let module = &files["src/generated/resellerclub/mod.rs"];
    let client = item(module, "impl Client {");
    assert!(client.contains("region: Region,\n        request: &RenewRequest,\n    ) -> Result<enterpriseemail::RenewResponse, crate::runtime::Error>"), "{client}");
    assert!(client.contains("let mut call = self.http.call(&RENEW, Some(region.segment()));"));
    assert!(
        !client.contains("pub fn enterpriseemail("),
        "a group of types only has no accessor"
    );
    assert!(module.contains("pub struct SearchRequest {") && module.contains("name: \"search\","));
    let group = &files["src/generated/resellerclub/enterpriseemail.rs"];
    assert!(
        !group.contains("pub struct Enterpriseemail") && group.contains("pub struct RenewResponse")
    );
}

/// The fixture's SOAP module with `api_list_services`' parts optional, in `body_use`.
fn with_optional_parts(body_use: crate::ir::BodyUse) -> String {
    let mut service = fixtures::soap_service();
    for op in &mut service.operations {
        if op.name.wire != "api_list_services" {
            continue;
        }
        for param in &mut op.params {
            param.required = false;
        }
        if let crate::ir::Binding::Soap(binding) = &mut op.binding {
            binding.body_use = body_use;
        }
    }
    let files = emit(&Ir {
        services: vec![service],
    });
    files["src/generated/interserver/mod.rs"].clone()
}

#[test]
fn optional_parts_are_options_left_out_when_none_in_literal_use_only() {
    let literal = with_optional_parts(crate::ir::BodyUse::Literal);
    assert!(
        literal.contains("filter: Option<&types::Service>,")
            && literal.contains("limit: Option<i32>,"),
        "{literal}"
    );
    assert!(
        literal.contains("if let Some(limit) = limit {")
            && literal.contains("if let Some(filter) = filter {"),
        "{literal}"
    );
    // NuSOAP takes encoded parts by position: every one is sent, so every one is taken.
    let encoded = with_optional_parts(crate::ir::BodyUse::Encoded);
    assert!(
        encoded.contains("filter: &types::Service,") && encoded.contains("limit: i32,"),
        "{encoded}"
    );
    assert!(!encoded.contains("if let Some("), "{encoded}");
}

#[test]
fn an_optional_list_field_of_a_request_type_is_a_plain_list_that_defaults_to_empty() {
    let mut service = fixtures::soap_service();
    for def in &mut service.types {
        if let crate::ir::TypeKind::Struct { fields, .. } = &mut def.kind {
            for field in fields.iter_mut().filter(|f| f.name.wire == "name") {
                field.ty = TypeRef::List(Box::new(field.ty.clone()));
            }
        }
    }
    for op in &mut service.operations {
        op.output = crate::ir::Output::None;
    }
    let files = emit(&Ir {
        services: vec![service],
    });
    let types = &files["src/generated/interserver/types.rs"];
    assert!(
        types.contains(
            "#[serde(default, skip_serializing_if = \"Vec::is_empty\")]\n    pub name: Vec<String>,"
        ),
        "{types}"
    );
}

/// Every operation of a WSDL can be skipped (its schema left remote): the client that remains
/// must still compile warning-free, so it reads its SOAP client in `endpoint()`.
#[test]
fn soap_client_without_operations_reads_its_fields() {
    let mut service = fixtures::soap_service();
    service.operations.clear();
    service.session = None;
    service.in_band_error = None;
    let files = emit(&Ir {
        services: vec![service],
    });
    let client = item(&files["src/generated/interserver/mod.rs"], "impl Client {");
    assert!(
        client.contains("pub fn endpoint(&self) -> &str {\n        self.soap.endpoint()\n    }"),
        "{client}"
    );
}

/// A SOAP answer struct keeps the children it does not declare in its last field, named so as
/// not to clash with a declared `undeclared` field.
#[test]
fn soap_answer_structs_keep_undeclared_children_last() {
    let mut service = fixtures::soap_service();
    for def in &mut service.types {
        if let crate::ir::TypeKind::Struct { fields, .. } = &mut def.kind {
            for field in fields.iter_mut().filter(|f| f.name.wire == "status") {
                field.name = crate::ir::Name {
                    wire: "undeclared".to_owned(),
                    rust: "undeclared".to_owned(),
                };
            }
        }
    }
    let files = emit(&Ir {
        services: vec![service],
    });
    let types = &files["src/generated/interserver/types.rs"];
    let result = item(types, "pub struct BuyMailResult {");
    assert!(
        result.contains("pub undeclared: crate::runtime::Lenient<String>,"),
        "{result}"
    );
    assert!(
        result.trim_end().ends_with(
            "#[serde(rename = \"$undeclared\", default, skip_serializing)]\n    \
             pub undeclared_elements: Vec<crate::runtime::soap::Element>,\n}"
        ),
        "{result}"
    );
}

/// A crate generated under another name (`--name`) refers to itself by that name in its
/// doctests, which would not compile otherwise.
#[test]
fn a_named_crate_names_itself_in_its_examples() {
    let package = Package::new("shop-client").expect("a valid name");
    let files = crate_files(&fixtures::ir(), &package).expect("the fixture emits");
    for (path, text) in &files {
        assert!(!text.contains("generated_client"), "{path}:\n{text}");
    }
    for module in ["interserver", "resellerclub"] {
        let docs = &files[&format!("src/generated/{module}/mod.rs")];
        assert!(
            docs.contains(&format!("use shop_client::{module};")),
            "{docs}"
        );
    }
}
