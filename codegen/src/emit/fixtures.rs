//! Small hand-built services, with Rust names filled in as the naming pass would: the
//! emitter's test input.

use crate::ir::*;

fn name(wire: &str, rust: &str) -> Name {
    Name {
        wire: wire.to_owned(),
        rust: rust.to_owned(),
    }
}

fn src(file: &str, line: u32) -> Source {
    Source {
        file: file.to_owned(),
        line,
    }
}

fn docs(summary: &str) -> Docs {
    Docs {
        summary: Some(summary.to_owned()),
        details: Vec::new(),
    }
}

fn named(group: Option<&str>, wire: &str) -> TypeRef {
    TypeRef::Named {
        group: group.map(str::to_owned),
        name: wire.to_owned(),
    }
}

const STRING: TypeRef = TypeRef::Scalar(Scalar::String);

fn field(wire: &str, rust: &str, ty: TypeRef, required: bool, nillable: bool, doc: &str) -> Field {
    let docs = if doc.is_empty() {
        Docs::default()
    } else {
        docs(doc)
    };
    Field {
        declared: None,
        name: name(wire, rust),
        ty,
        required,
        nillable,
        repeated: false,
        placement: crate::ir::Placement::Element,
        namespace: None,
        secret: false,
        docs,
        source: src("interserver/api.wsdl", 10),
    }
}

fn param(wire: &str, rust: &str, ty: TypeRef, role: ParamRole, secret: bool, doc: &str) -> Param {
    let docs = if doc.is_empty() {
        Docs::default()
    } else {
        docs(doc)
    };
    Param {
        declared: None,
        name: name(wire, rust),
        ty,
        required: true,
        role,
        secret,
        pair_names: None,
        repeated: false,
        placement: crate::ir::Placement::Element,
        namespace: None,
        docs,
        source: src("interserver/api.wsdl", 20),
    }
}

fn soap_binding(op: &str, idempotent: bool) -> (Binding, bool) {
    let binding = SoapBinding {
        version: SoapVersion::V11,
        style: SoapStyle::Rpc,
        body_use: BodyUse::Encoded,
        namespace: "urn:test".to_owned(),
        soap_action: format!("urn:test#{op}"),
        endpoint: "https://api.example.com/soap.php".to_owned(),
        request_element: op.to_owned(),
        response_element: format!("{op}Response"),
        bare: false,
        all_parts: false,
        headers: Default::default(),
    };
    (Binding::Soap(binding), idempotent)
}

fn soap_op(
    wire: &str,
    rust: &str,
    docs: Docs,
    params: Vec<Param>,
    output: Output,
    idempotent: bool,
) -> Operation {
    let (binding, idempotent) = soap_binding(wire, idempotent);
    Operation {
        group: None,
        name: name(wire, rust),
        docs,
        sources: vec![src("interserver/api.wsdl", 100)],
        params,
        output,
        binding,
        idempotent,
    }
}

fn value(ty: TypeRef, doc: &str) -> Output {
    let docs = if doc.is_empty() {
        Docs::default()
    } else {
        docs(doc)
    };
    Output::Value {
        name: name("return", "r#return"),
        ty,
        docs,
    }
}

fn sid() -> Param {
    param(
        "sid",
        "sid",
        STRING,
        ParamRole::Session,
        true,
        "the *Session ID* you get from the [login](#login) call",
    )
}

/// A SOAP service: a session login, session operations (one checked for in-band errors, one
/// answering anything), sessionless ones, an array type and a struct with optional fields.
pub(crate) fn soap_service() -> Service {
    let types = vec![
        TypeDef {
            renamed_from: None,
            base: None,
            group: None,
            name: name("array_service", "ArrayService"),
            namespace: Some("urn:test".to_owned()),
            docs: Docs::default(),
            source: src("interserver/api.wsdl", 30),
            kind: TypeKind::Array {
                item: named(None, "service"),
                item_element: None,
                item_namespace: None,
            },
        },
        TypeDef {
            renamed_from: None,
            base: None,
            group: None,
            name: name("buy_mail_result", "BuyMailResult"),
            namespace: Some("urn:test".to_owned()),
            docs: Docs {
                summary: Some("The result of [buying] <b>mail</b>.".to_owned()),
                details: vec!["    indented text, not a doctest".to_owned()],
            },
            source: src("interserver/api.wsdl", 40),
            kind: TypeKind::Struct {
                fields: vec![
                    field("status", "status", STRING, true, false, "`ok` or `error`"),
                    field("status_text", "status_text", STRING, true, true, ""),
                    field(
                        "invoices",
                        "invoices",
                        TypeRef::Dynamic,
                        false,
                        false,
                        "*Field* *Description*",
                    ),
                    field("Service-Name", "service_name", STRING, false, false, ""),
                ],
                rest: None,
            },
        },
        TypeDef {
            renamed_from: None,
            base: None,
            group: None,
            name: name("service", "Service"),
            namespace: Some("urn:test".to_owned()),
            docs: docs("One hosted service."),
            source: src("interserver/api.wsdl", 50),
            kind: TypeKind::Struct {
                fields: vec![
                    field(
                        "id",
                        "id",
                        TypeRef::Scalar(Scalar::Long),
                        true,
                        false,
                        "Service id",
                    ),
                    field("name", "name", STRING, false, false, "Display name"),
                    field(
                        "price",
                        "price",
                        TypeRef::Scalar(Scalar::Decimal),
                        true,
                        true,
                        "",
                    ),
                    field(
                        "created",
                        "created",
                        TypeRef::Scalar(Scalar::DateTime),
                        true,
                        false,
                        "When it was made",
                    ),
                    field("type", "r#type", STRING, true, false, ""),
                ],
                rest: None,
            },
        },
    ];
    let operations = vec![
        soap_op(
            "api_buy_mail",
            "api_buy_mail",
            Docs {
                summary: Some("Places an email order".to_owned()),
                details: vec!["Needs a session from [login](#login); see <b>Notes</b> at https://example.com/docs_(v2).".to_owned()],
            },
            vec![sid(), param("coupon", "coupon", STRING, ParamRole::Input, false, "coupon name")],
            value(named(None, "buy_mail_result"), "The order and its invoices"),
            false,
        ),
        soap_op(
            "api_get_info",
            "api_get_info",
            docs("Anything the server knows about some ids."),
            vec![sid(), param("ids", "ids", TypeRef::List(Box::new(TypeRef::Scalar(Scalar::Long))), ParamRole::Input, false, "")],
            value(TypeRef::Dynamic, ""),
            true,
        ),
        soap_op(
            "api_list_services",
            "api_list_services",
            Docs::default(),
            vec![
                param("filter", "filter", named(None, "service"), ParamRole::Input, false, "Services like this one"),
                param("limit", "limit", TypeRef::Scalar(Scalar::Int), ParamRole::Input, false, "At most this many"),
            ],
            value(named(None, "array_service"), "The services"),
            true,
        ),
        soap_op(
            "api_login",
            "api_login",
            docs("Logs in and returns a session id."),
            vec![
                param("username", "username", STRING, ParamRole::Input, false, "Your login"),
                param("password", "password", STRING, ParamRole::Input, true, "Your password"),
            ],
            value(STRING, "The session id, empty on bad credentials"),
            false,
        ),
        soap_op("api_ping", "api_ping", Docs::default(), Vec::new(), Output::None, true),
    ];
    Service {
        name: name("interserver", "interserver"),
        docs: Docs {
            summary: Some("Test InterServer SOAP API".to_owned()),
            details: vec!["A NuSOAP service, rpc/encoded.".to_owned()],
        },
        source: src("interserver/service.toml", 1),
        protocol: Protocol::Soap,
        base_urls: vec![BaseUrl {
            name: name("live", "live"),
            url: "https://api.example.com/soap.php".to_owned(),
        }],
        credentials: Vec::new(),
        session: Some(Session {
            login_operation: "api_login".to_owned(),
            parameter: "sid".to_owned(),
        }),
        in_band_error: Some(InBandError {
            status_field: "status".to_owned(),
            error_values: vec!["error".to_owned()],
            message_fields: vec!["status_text".to_owned()],
        }),
        types,
        operations,
        regions: Vec::new(),
        groups: Vec::new(),
        username_token: None,
    }
}

const GROUP: &str = "enterpriseemail";

fn http_param(wire: &str, rust: &str, ty: TypeRef, required: bool, doc: &str) -> Param {
    let docs = if doc.is_empty() {
        Docs::default()
    } else {
        docs(doc)
    };
    Param {
        declared: None,
        name: name(wire, rust),
        ty,
        required,
        role: ParamRole::Input,
        secret: false,
        pair_names: None,
        repeated: false,
        placement: crate::ir::Placement::Element,
        namespace: None,
        docs,
        source: src("resellerclub/renew.txt", 7),
    }
}

fn credentials_params() -> Vec<Param> {
    let mut user = http_param(
        "auth-userid",
        "auth_userid",
        TypeRef::Scalar(Scalar::Long),
        true,
        "Authentication Parameter",
    );
    user.role = ParamRole::Credential;
    let mut key = http_param(
        "api-key",
        "api_key",
        STRING,
        true,
        "Authentication Parameter",
    );
    key.role = ParamRole::Credential;
    key.secret = true;
    vec![user, key]
}

fn response_field(wire: &str, rust: &str, ty: TypeRef, required: bool, doc: &str) -> Field {
    let mut field = field(wire, rust, ty, required, false, doc);
    field.source = src("resellerclub/renew.txt", 30);
    field
}

/// An HTTP service: two base URLs, two regions, credentials, one group with a regional
/// operation taking every kind of parameter and one without region or input shape.
pub(crate) fn http_service() -> Service {
    let types = vec![
        TypeDef {
            renamed_from: None,
            base: None,
            group: None,
            name: name("invoice_option", "InvoiceOption"),
            namespace: None,
            docs: docs("How the customer's invoices are handled."),
            source: src("resellerclub/renew.txt", 12),
            kind: TypeKind::Enum {
                values: vec![
                    EnumValue {
                        name: name("NoInvoice", "NoInvoice"),
                        docs: docs("No invoice is raised."),
                    },
                    EnumValue {
                        name: name("PayInvoice", "PayInvoice"),
                        docs: Docs::default(),
                    },
                    EnumValue {
                        name: name("KeepInvoice", "KeepInvoice"),
                        docs: Docs::default(),
                    },
                ],
            },
        },
        TypeDef {
            renamed_from: None,
            base: None,
            group: Some(GROUP.to_owned()),
            name: name("renew_response", "RenewResponse"),
            namespace: None,
            docs: docs("Returns a hash map containing the below details:"),
            source: src("resellerclub/renew.txt", 28),
            kind: TypeKind::Struct {
                fields: vec![
                    response_field(
                        "actionstatus",
                        "actionstatus",
                        STRING,
                        true,
                        "Enterprise Email Order Renewal Action Status",
                    ),
                    response_field(
                        "entityid",
                        "entityid",
                        TypeRef::Scalar(Scalar::Long),
                        true,
                        "Order Id of the Enterprise Email Order",
                    ),
                    response_field(
                        "invoiceid",
                        "invoiceid",
                        TypeRef::Scalar(Scalar::Long),
                        false,
                        "Invoice Id; not returned if invoice-option is NoInvoice.",
                    ),
                    response_field(
                        "sellingamount",
                        "sellingamount",
                        TypeRef::Scalar(Scalar::Decimal),
                        false,
                        "Selling Curreny Amount",
                    ),
                ],
                rest: None,
            },
        },
        TypeDef {
            renamed_from: None,
            base: None,
            group: Some(GROUP.to_owned()),
            name: name("search_entry", "SearchEntry"),
            namespace: None,
            docs: docs("One order found."),
            source: src("resellerclub/search.txt", 20),
            kind: TypeKind::Struct {
                fields: vec![
                    response_field(
                        "entity.entityid",
                        "entityid",
                        TypeRef::Scalar(Scalar::Long),
                        true,
                        "Order Id",
                    ),
                    response_field("entity.description", "description", STRING, false, ""),
                ],
                rest: None,
            },
        },
        TypeDef {
            renamed_from: None,
            base: None,
            group: Some(GROUP.to_owned()),
            name: name("search_response", "SearchResponse"),
            namespace: None,
            docs: docs("The orders found, as numbered entries."),
            source: src("resellerclub/search.txt", 18),
            kind: TypeKind::Struct {
                fields: vec![
                    response_field(
                        "recsonpage",
                        "recsonpage",
                        TypeRef::Scalar(Scalar::Int),
                        true,
                        "Entries on this page",
                    ),
                    response_field(
                        "recsindb",
                        "recsindb",
                        TypeRef::Scalar(Scalar::Int),
                        true,
                        "Entries in all",
                    ),
                ],
                rest: Some(named(Some(GROUP), "search_entry")),
            },
        },
    ];
    let mut optional_list = http_param(
        "domain-names",
        "domain_names",
        TypeRef::List(Box::new(STRING)),
        false,
        "Array of Strings: the domains to cover",
    );
    optional_list.source = src("resellerclub/renew.txt", 14);
    let mut pairs = http_param(
        "attr",
        "attributes",
        TypeRef::Map(Box::new(STRING), Box::new(STRING)),
        true,
        "Extra attributes, as numbered name/value pairs",
    );
    pairs.pair_names = Some(PairNames {
        key: "attr-name".to_owned(),
        value: "attr-value".to_owned(),
    });
    let mut secret = http_param(
        "passwd",
        "passwd",
        STRING,
        true,
        "Password of the first mailbox",
    );
    secret.secret = true;
    let mut renew_params = credentials_params();
    renew_params.extend([
        http_param(
            "order-id",
            "order_id",
            TypeRef::Scalar(Scalar::Long),
            true,
            "The Order Id which is to be renewed.",
        ),
        http_param("months", "months", TypeRef::Scalar(Scalar::Int), true, ""),
        http_param(
            "no-of-accounts",
            "no_of_accounts",
            TypeRef::Scalar(Scalar::Int),
            false,
            "Additional Email Accounts to be purchased, if required.",
        ),
        http_param(
            "auto-renew",
            "auto_renew",
            TypeRef::Scalar(Scalar::Boolean),
            true,
            "Enables / Disables the Auto Renewal setting for the Order. Note",
        ),
        http_param(
            "invoice-option",
            "invoice_option",
            named(None, "invoice_option"),
            true,
            "Values can be: NoInvoice, PayInvoice, KeepInvoice",
        ),
        http_param(
            "discount-amount",
            "discount_amount",
            TypeRef::Scalar(Scalar::Float),
            false,
            "Discount amount for the order value.",
        ),
        optional_list,
        pairs,
        secret,
    ]);
    let mut search_params = credentials_params();
    search_params.extend([
        http_param(
            "no-of-records",
            "no_of_records",
            TypeRef::Scalar(Scalar::Int),
            true,
            "Entries per page",
        ),
        http_param(
            "page-no",
            "page_no",
            TypeRef::Scalar(Scalar::Int),
            true,
            "Page to show",
        ),
        http_param(
            "status",
            "status",
            TypeRef::List(Box::new(STRING)),
            false,
            "",
        ),
    ]);
    let operations = vec![
        Operation {
            group: Some(GROUP.to_owned()),
            name: name("renew", "renew"),
            docs: Docs {
                summary: Some("Renews an existing Enterprise Email Order.".to_owned()),
                details: vec!["In case of any errors, a status key with value as ERROR alongwith an error message will be returned.".to_owned()],
            },
            sources: vec![src("resellerclub/renew.txt", 1)],
            params: renew_params,
            output: Output::Value {
                name: name("response", "response"),
                ty: named(Some(GROUP), "renew_response"),
                docs: docs("The renewal action; invoice keys only when an invoice was raised."),
            },
            binding: Binding::Http(HttpBinding {
                method: HttpMethod::Post,
                path: "/api/enterpriseemail/{region}/renew.json".to_owned(),
                regions: vec!["in".to_owned(), "us".to_owned()],
                encoding: ParamEncoding::Form,
            }),
            idempotent: false,
        },
        Operation {
            group: Some(GROUP.to_owned()),
            name: name("search", "search"),
            docs: docs("Searches orders."),
            sources: vec![src("resellerclub/search.txt", 1)],
            params: search_params,
            output: Output::Value { name: name("response", "response"), ty: named(Some(GROUP), "search_response"), docs: Docs::default() },
            binding: Binding::Http(HttpBinding {
                method: HttpMethod::Get,
                path: "/api/enterpriseemail/search.json".to_owned(),
                regions: Vec::new(),
                encoding: ParamEncoding::Query,
            }),
            idempotent: true,
        },
    ];
    Service {
        name: name("resellerclub", "resellerclub"),
        docs: Docs {
            summary: Some("Test ResellerClub HTTP API".to_owned()),
            details: vec!["JSON answers; credentials on every call.".to_owned()],
        },
        source: src("resellerclub/service.toml", 1),
        protocol: Protocol::Http,
        base_urls: vec![
            BaseUrl {
                name: name("live", "live"),
                url: "https://httpapi.example.com".to_owned(),
            },
            BaseUrl {
                name: name("test", "test"),
                url: "https://test.httpapi.example.com".to_owned(),
            },
        ],
        credentials: vec![
            Credential {
                name: name("auth-userid", "auth_userid"),
                ty: TypeRef::Scalar(Scalar::Long),
                secret: false,
            },
            Credential {
                name: name("api-key", "api_key"),
                ty: STRING,
                secret: true,
            },
        ],
        session: None,
        in_band_error: None,
        types,
        operations,
        regions: vec![
            Region {
                name: name("in", "In"),
                label: "India Server".to_owned(),
            },
            Region {
                name: name("us", "Us"),
                label: "US Server".to_owned(),
            },
        ],
        groups: vec![Group {
            name: name(GROUP, GROUP),
        }],
        username_token: None,
    }
}

/// Both services, sorted by name as the IR is.
pub(crate) fn ir() -> Ir {
    Ir {
        services: vec![soap_service(), http_service()],
    }
}
