//! Proves the test peers with raw requests: hand-written SOAP envelopes against the PHP peers
//! (ext/soap and NuSOAP) and raw form posts against the ResellerClub peer, asserting on what
//! they really answer. These are the facts the client's decoders are built against
//! (`tests/peers/README.md`).

mod support;

use support::http::{self, RawResponse};
use support::php::{
    PEER_PASSWORD, PEER_SID, PEER_SID_ROWS, PEER_USER, PhpPeer, PhpServer, rows_sid,
};
use support::reseller::{
    self, API_KEY, AUTH_USERID, RENEW_PATH, ResellerPeer, SEARCH_PATH, form_encode, order,
};
use support::soap::{self, Element, elements, text_of};

const ADVERSARIAL: &str = "<&>'\"]]> é€";

fn body(response: &RawResponse) -> String {
    response.text()
}

/// Asserts a SOAP fault: HTTP 500 and the fault's elements; returns the fault's text fields.
fn assert_fault(
    peer: &PhpPeer,
    response: &RawResponse,
    code: &str,
    string: &str,
) -> (String, String) {
    let xml = body(response);
    assert_eq!(
        response.status,
        500,
        "{:?}: fault must come with HTTP 500:\n{xml}",
        peer.kind()
    );
    assert_eq!(
        elements(&xml, "Fault").len(),
        1,
        "{:?}: one Fault in\n{xml}",
        peer.kind()
    );
    assert_eq!(text_of(&xml, "faultcode"), code, "{:?}", peer.kind());
    assert_eq!(text_of(&xml, "faultstring"), string, "{:?}", peer.kind());
    let optional = |name: &str| {
        elements(&xml, name)
            .into_iter()
            .next()
            .map(|e| e.text)
            .unwrap_or_default()
    };
    (optional("faultactor"), optional("detail"))
}

#[tokio::test]
async fn login_returns_the_session_id_or_an_empty_string() {
    for kind in PhpServer::ALL {
        let peer = PhpPeer::start(kind);
        let ok = soap::call(
            &peer,
            "api_login",
            &[("username", PEER_USER), ("password", PEER_PASSWORD)],
        )
        .await;
        assert_eq!(ok.status, 200, "{kind:?}");
        let xml = body(&ok);
        let returned = elements(&xml, "return");
        assert_eq!(returned.len(), 1, "{kind:?}: {xml}");
        assert_eq!(returned[0].text, PEER_SID, "{kind:?}");
        assert_eq!(returned[0].attr("xsi:type"), Some("xsd:string"), "{kind:?}");
        assert_eq!(
            elements(&xml, "api_loginResponse")[0].name,
            "ns1:api_loginResponse",
            "{kind:?}"
        );

        let bad = soap::call(
            &peer,
            "api_login",
            &[("username", PEER_USER), ("password", "wrong")],
        )
        .await;
        assert_eq!(bad.status, 200, "{kind:?}");
        assert_eq!(
            text_of(&body(&bad), "return"),
            "",
            "{kind:?}: bad credentials give an empty string"
        );
    }
}

#[tokio::test]
async fn buy_mail_answers_success_in_band_error_and_fault() {
    for kind in PhpServer::ALL {
        let peer = PhpPeer::start(kind);
        let buy = async |coupon: &str| {
            soap::call(
                &peer,
                "api_api_buy_mail",
                &[("sid", PEER_SID), ("coupon", coupon)],
            )
            .await
        };

        let ok = buy("ok-123").await;
        let xml = body(&ok);
        assert_eq!(ok.status, 200, "{kind:?}");
        let ret = &elements(&xml, "return")[0];
        assert!(
            ret.attr("xsi:type")
                .is_some_and(|t| t.ends_with(":buy_vps_result_status")),
            "{kind:?}: {ret:?}"
        );
        assert_eq!(text_of(&xml, "status"), "ok");
        assert_eq!(text_of(&xml, "status_text"), "Order placed");
        assert_eq!(text_of(&xml, "invoices"), "1001,1002");
        assert_eq!(text_of(&xml, "cost"), "5.5");
        assert_eq!(
            elements(&xml, "cost")[0].attr("xsi:type"),
            Some("xsd:float")
        );

        let error = buy("error-1").await;
        let xml = body(&error);
        assert_eq!(error.status, 200, "{kind:?}: in-band errors are HTTP 200");
        assert_eq!(text_of(&xml, "status"), "error");
        assert_eq!(text_of(&xml, "status_text"), "Invalid coupon");
        for field in ["invoices", "cost"] {
            let nil: Vec<Element> = elements(&xml, field);
            assert_eq!(nil.len(), 1, "{kind:?}: {xml}");
            assert!(
                nil[0].self_closing && nil[0].attr("xsi:nil") == Some("true"),
                "{kind:?}: {:?}",
                nil[0]
            );
        }

        let bad_sid = soap::call(
            &peer,
            "api_api_buy_mail",
            &[("sid", "nope"), ("coupon", "ok")],
        )
        .await;
        assert_eq!(bad_sid.status, 200, "{kind:?}");
        assert_eq!(
            text_of(&body(&bad_sid), "status_text"),
            "Invalid Session ID"
        );

        let fault = buy("fault-7").await;
        let (actor, detail) = assert_fault(
            &peer,
            &fault,
            "SOAP-ENV:Client",
            "Coupon service unavailable",
        );
        assert_eq!(actor, "urn:myapi:api_api_buy_mail", "{kind:?}");
        assert_eq!(detail, "coupon=fault-7", "{kind:?}");
    }
}

#[tokio::test]
async fn buy_mail_error_with_absent_fields_depends_on_the_library() {
    for kind in PhpServer::ALL {
        let peer = PhpPeer::start(kind);
        let response = soap::call(
            &peer,
            "api_api_buy_mail",
            &[("sid", PEER_SID), ("coupon", "error-absent")],
        )
        .await;
        if kind == PhpServer::ExtSoap {
            // ext/soap cannot encode a struct with a missing element.
            assert_fault(
                &peer,
                &response,
                "SOAP-ENV:Server",
                "SOAP-ERROR: Encoding: object has no 'invoices' property",
            );
        } else {
            let xml = body(&response);
            assert_eq!(response.status, 200);
            assert_eq!(text_of(&xml, "status"), "error");
            assert!(
                elements(&xml, "invoices").is_empty() && elements(&xml, "cost").is_empty(),
                "{xml}"
            );
        }
    }
}

#[tokio::test]
async fn vps_get_services_returns_as_many_rows_as_asked() {
    for kind in PhpServer::ALL {
        let peer = PhpPeer::start(kind);
        for (sid, rows) in [
            (rows_sid(1), 1),
            (PEER_SID.to_owned(), PEER_SID_ROWS),
            (rows_sid(0), 0),
        ] {
            let response = soap::call(&peer, "api_vps_get_services", &[("sid", &sid)]).await;
            let xml = body(&response);
            assert_eq!(response.status, 200, "{kind:?}: {xml}");
            let ret = &elements(&xml, "return")[0];
            let array_type = ret.attr("SOAP-ENC:arrayType").unwrap_or_default();
            assert!(
                array_type.ends_with(&format!(":sql_row_vps[{rows}]")),
                "{kind:?}: {ret:?}"
            );
            let items = elements(&xml, "item");
            assert_eq!(items.len(), rows, "{kind:?}");
            assert!(items.iter().all(|i| {
                i.attr("xsi:type")
                    .is_some_and(|t| t.ends_with(":sql_row_vps"))
            }));
            let ids: Vec<String> = elements(&xml, "vps_id")
                .into_iter()
                .map(|e| e.text)
                .collect();
            let expected: Vec<String> = (1..=rows).map(|i| (1000 + i).to_string()).collect();
            assert_eq!(ids, expected, "{kind:?}");
            assert_eq!(
                elements(&xml, "vps_diskmax").len(),
                rows,
                "{kind:?}: every row has every field"
            );
        }
        let xml = body(&soap::call(&peer, "api_vps_get_services", &[("sid", PEER_SID)]).await);
        let hostnames: Vec<String> = elements(&xml, "vps_hostname")
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(
            hostnames,
            [
                "vps1.example.com",
                "bücher-vps2.example",
                "vps3.example.com"
            ],
            "{kind:?}"
        );
        let comments: Vec<String> = elements(&xml, "vps_comment")
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(
            comments,
            [
                "",
                "café \"quoted\" 'single'",
                "Kunde Müller & Söhne <prod>"
            ],
            "{kind:?}"
        );
        let extra = &elements(&xml, "vps_extra")[0].text;
        assert_eq!(extra, r#"a:1:{s:2:"os";s:6:"ubuntu";}"#, "{kind:?}");

        let four = body(&soap::call(&peer, "api_vps_get_services", &[("sid", &rows_sid(4))]).await);
        let null_ipv6 = &elements(&four, "vps_ipv6")[3];
        assert_eq!(
            null_ipv6.attr("xsi:nil"),
            Some("true"),
            "{kind:?}: SQL NULL is xsi:nil"
        );

        let bad = soap::call(&peer, "api_vps_get_services", &[("sid", "nope")]).await;
        assert_fault(&peer, &bad, "SOAP-ENV:Client", "Invalid Session ID");
    }
}

#[tokio::test]
async fn ext_soap_serves_ten_thousand_rows_for_benchmarks() {
    // NuSOAP needs about 10 s for this; ext/soap about 1 s.
    let peer = PhpPeer::start(PhpServer::ExtSoap);
    let response = soap::call(&peer, "api_vps_get_services", &[("sid", &rows_sid(10_000))]).await;
    assert_eq!(response.status, 200);
    let xml = body(&response);
    let ids = elements(&xml, "vps_id");
    assert_eq!(ids.len(), 10_000);
    assert_eq!(ids[9_999].text, "11000");
}

#[tokio::test]
async fn untyped_array_returns_are_a_map_and_an_array_on_ext_soap_and_a_fault_on_nusoap() {
    for kind in PhpServer::ALL {
        let peer = PhpPeer::start(kind);
        let locked = soap::call(&peer, "get_locked_ips", &[]).await;
        let modules = soap::call(&peer, "get_modules", &[]).await;
        if kind != PhpServer::ExtSoap {
            // NuSOAP cannot serialize a value of the undefined `tns:array`.
            assert_fault(
                &peer,
                &locked,
                "SOAP-ENV:Server",
                "unable to serialize result",
            );
            assert_fault(
                &peer,
                &modules,
                "SOAP-ENV:Server",
                "unable to serialize result",
            );
            continue;
        }
        let xml = body(&locked);
        assert_eq!(locked.status, 200);
        assert!(
            xml.contains(r#"xmlns:ns2="http://xml.apache.org/xml-soap""#),
            "{xml}"
        );
        assert_eq!(
            elements(&xml, "return")[0].attr("xsi:type"),
            Some("ns2:Map")
        );
        let keys: Vec<String> = elements(&xml, "key").into_iter().map(|e| e.text).collect();
        let values: Vec<String> = elements(&xml, "value")
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(keys, ["192.0.2.10", "198.51.100.7"]);
        assert_eq!(values, ["brute force", "spam & <abuse> é"]);
        assert_eq!(elements(&xml, "item").len(), 2);

        let xml = body(&modules);
        let ret = &elements(&xml, "return")[0];
        assert_eq!(ret.attr("xsi:type"), Some("SOAP-ENC:Array"));
        assert_eq!(ret.attr("SOAP-ENC:arrayType"), Some("xsd:string[6]"));
        let names: Vec<String> = elements(&xml, "item").into_iter().map(|e| e.text).collect();
        assert_eq!(
            names,
            ["domains", "vps", "backups", "mail", "licenses", "ssl"]
        );
    }
}

#[tokio::test]
async fn open_ticket_echoes_every_part_escaped_and_in_order() {
    let parts = [
        ("sid", PEER_SID),
        ("user_email", "a&b@example.com"),
        ("user_ip", "192.0.2.1"),
        ("subject", "<subject>"),
        ("product", "vps"),
        ("body", "line 1\nline \"2\""),
        ("box_auth_value", "v'1"),
    ];
    let echo = "user_email=a&b@example.com | user_ip=192.0.2.1 | subject=<subject> | product=vps | \
                body=line 1\nline \"2\" | box_auth_value=v'1";
    let mut swapped = parts;
    swapped.swap(1, 2);
    for kind in PhpServer::ALL {
        let peer = PhpPeer::start(kind);
        let xml = body(&soap::call(&peer, "api_openTicket", &parts).await);
        assert_eq!(text_of(&xml, "status_text"), echo, "{kind:?}");
        assert_eq!(text_of(&xml, "ticket_reference_id"), "4242");

        // Parts sent out of WSDL order: ext/soap matches them by name, NuSOAP by position.
        let xml = body(&soap::call(&peer, "api_openTicket", &swapped).await);
        let status_text = text_of(&xml, "status_text");
        if kind == PhpServer::ExtSoap {
            assert_eq!(status_text, echo);
        } else {
            assert!(
                status_text.starts_with("user_email=192.0.2.1 | user_ip=a&b@example.com |"),
                "{status_text}"
            );
        }
    }
}

#[tokio::test]
async fn adversarial_coupon_is_echoed_byte_exact_unless_latin1_cannot_hold_it() {
    for kind in PhpServer::ALL {
        let peer = PhpPeer::start(kind);
        let response = soap::call(
            &peer,
            "api_api_buy_mail",
            &[("sid", PEER_SID), ("coupon", ADVERSARIAL)],
        )
        .await;
        assert_eq!(response.status, 200, "{kind:?}");
        let xml = body(&response);
        let echoed = text_of(&xml, "status_text");
        match kind {
            PhpServer::Nusoap => {
                // Decoded to ISO-8859-1 on the way in: `€` has no Latin-1 byte and becomes `?`.
                assert_eq!(response.charset().as_deref(), Some("iso-8859-1"));
                assert!(xml.starts_with(r#"<?xml version="1.0" encoding="ISO-8859-1"?>"#));
                assert!(
                    response.body.windows(2).any(|w| w == [0xE9, b'?']),
                    "é is the byte 0xE9"
                );
                assert_eq!(echoed, "<&>'\"]]> é?");
            }
            _ => {
                assert_eq!(response.charset().as_deref(), Some("utf-8"));
                assert_eq!(echoed, ADVERSARIAL, "{kind:?}");
            }
        }
        // The raw XML escapes `<`, `&` and `>`; NuSOAP also escapes quotes, ext/soap does not.
        let quotes = if kind == PhpServer::ExtSoap {
            "'\""
        } else {
            "&apos;&quot;"
        };
        assert!(
            xml.contains(&format!("&lt;&amp;&gt;{quotes}]]&gt; é")),
            "{kind:?}: {xml}"
        );
    }
}

#[tokio::test]
async fn peers_serve_a_wsdl_on_get() {
    for kind in PhpServer::ALL {
        let peer = PhpPeer::start(kind);
        let response = http::get(peer.addr(), "/api.php?wsdl").await;
        assert_eq!(response.status, 200);
        let wsdl = String::from_utf8(response.body.clone()).expect("the WSDLs are ASCII");
        if kind == PhpServer::ExtSoap {
            let spec = std::fs::read(support::php::wsdl_path()).expect("read spec WSDL");
            assert_eq!(response.body, spec, "ext/soap peer serves the spec itself");
        } else {
            // NuSOAP writes its own, in the vendor's form.
            assert!(wsdl.starts_with(r#"<?xml version="1.0" encoding="ISO-8859-1"?>"#));
            assert!(wsdl.contains(r#"<part name="return" type="tns:array" />"#));
            assert!(wsdl.contains(r#"wsdl:arrayType="tns:sql_row_vps[]""#));
            assert!(wsdl.contains(r#"soapAction="http://"#));
        }
    }
}

#[tokio::test]
async fn nusoap_faults_are_http_1_0_and_utf8_mode_keeps_a_latin1_declaration() {
    let peer = PhpPeer::start(PhpServer::NusoapUtf8);
    let fault = soap::call(
        &peer,
        "api_api_buy_mail",
        &[("sid", PEER_SID), ("coupon", "fault")],
    )
    .await;
    assert_eq!(fault.version, "HTTP/1.0");
    assert_eq!(fault.charset().as_deref(), Some("utf-8"));
    assert!(body(&fault).starts_with(r#"<?xml version="1.0" encoding="ISO-8859-1"?>"#));
    assert_eq!(
        elements(&body(&fault), "faultcode")[0].attr("xsi:type"),
        Some("xsd:string")
    );
}

// ---- ResellerClub peer ----

fn renew_params(order_id: &str, invoice_option: &str) -> Vec<(&'static str, String)> {
    vec![
        ("auth-userid", AUTH_USERID.to_owned()),
        ("api-key", API_KEY.to_owned()),
        ("order-id", order_id.to_owned()),
        ("months", "12".to_owned()),
        ("auto-renew", "true".to_owned()),
        ("invoice-option", invoice_option.to_owned()),
    ]
}

async fn post_form(peer: &ResellerPeer, pairs: &[(&str, String)]) -> RawResponse {
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (*n, v.as_str())).collect();
    http::post(
        peer.addr(),
        RENEW_PATH,
        "application/x-www-form-urlencoded",
        &[],
        form_encode(&pairs).as_bytes(),
    )
    .await
}

fn json(response: &RawResponse) -> serde_json::Value {
    serde_json::from_slice(&response.body).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&response.body)
        )
    })
}

#[tokio::test]
async fn renew_answers_the_documented_map_with_string_values() {
    let peer = ResellerPeer::start();
    let mut params = renew_params("123", "PayInvoice");
    params.push(("discount-amount", "1.25".to_owned()));
    let response = post_form(&peer, &params).await;
    assert_eq!(response.status, 200, "{:?}", json(&response));
    let answer = json(&response);
    let object = answer.as_object().expect("a JSON object");
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "actionstatus",
            "actionstatusdesc",
            "actiontype",
            "actiontypedesc",
            "customerid",
            "description",
            "discount-amount",
            "eaqid",
            "entityid",
            "invoiceid",
            "sellingamount",
            "sellingcurrencysymbol"
        ]
    );
    assert!(
        object.values().all(serde_json::Value::is_string),
        "{answer}"
    );
    assert_eq!(answer["entityid"], "123");
    assert_eq!(answer["sellingamount"], "10.50");
    assert_eq!(answer["discount-amount"], "1.25");
    assert_eq!(peer.check_failures(), Vec::<String>::new());
    let recorded = &peer.requests()[0];
    assert_eq!(
        (recorded.method.as_str(), recorded.path.as_str()),
        ("POST", RENEW_PATH)
    );
    assert_eq!(recorded.value("auto-renew"), "true");
    assert_eq!(recorded.value("api-key"), API_KEY);
    assert!(
        !format!("{recorded:?}").contains(API_KEY),
        "Debug output redacts the api-key"
    );
}

#[tokio::test]
async fn renew_with_no_invoice_omits_the_invoice_keys() {
    let peer = ResellerPeer::start();
    let answer = json(&post_form(&peer, &renew_params("123", "NoInvoice")).await);
    for key in [
        "invoiceid",
        "sellingcurrencysymbol",
        "sellingamount",
        "customerid",
    ] {
        assert!(answer.get(key).is_none(), "{key} in {answer}");
    }
    assert_eq!(answer["actionstatus"], "Success");
}

#[tokio::test]
async fn renew_error_shapes_by_magic_order_id() {
    let peer = ResellerPeer::start();
    let cases = [
        (
            order::ERROR_200,
            200,
            serde_json::json!({"status": "ERROR", "message": reseller::ERROR_MESSAGE}),
        ),
        (
            order::ERROR_500,
            500,
            serde_json::json!({"status": "ERROR", "message": reseller::ERROR_MESSAGE}),
        ),
        (
            order::LOWERCASE_ERROR,
            200,
            serde_json::json!({"status": "error", "error": reseller::LOWERCASE_ERROR_MESSAGE}),
        ),
        (
            order::FAILED,
            200,
            serde_json::json!({"status": "Failed", "actionstatusdesc": reseller::FAILED_MESSAGE}),
        ),
    ];
    for (order_id, status, expected) in cases {
        let response = post_form(&peer, &renew_params(&order_id.to_string(), "PayInvoice")).await;
        assert_eq!(response.status, status, "order {order_id}");
        assert_eq!(json(&response), expected, "order {order_id}");
    }
    let forbidden = post_form(
        &peer,
        &renew_params(&order::FORBIDDEN.to_string(), "PayInvoice"),
    )
    .await;
    assert_eq!(forbidden.status, 403);
    assert!(
        forbidden
            .header("content-type")
            .is_some_and(|t| t.starts_with("text/html"))
    );
    assert_eq!(forbidden.body, reseller::FORBIDDEN_HTML.as_bytes());

    let adversarial = post_form(
        &peer,
        &renew_params(&order::ADVERSARIAL.to_string(), "KeepInvoice"),
    )
    .await;
    assert_eq!(
        json(&adversarial)["description"],
        reseller::ADVERSARIAL_DESCRIPTION
    );
    assert_eq!(peer.check_failures(), Vec::<String>::new());
}

#[tokio::test]
async fn renew_rejects_malformed_requests_naming_the_check() {
    let peer = ResellerPeer::start();
    let good = form_encode(&[
        ("auth-userid", AUTH_USERID),
        ("api-key", API_KEY),
        ("order-id", "1"),
        ("months", "1"),
        ("auto-renew", "false"),
        ("invoice-option", "OnlyAdd"),
    ]);
    let form = "application/x-www-form-urlencoded";
    let without = |name: &str| {
        good.split('&')
            .filter(|p| !p.starts_with(&format!("{name}=")))
            .collect::<Vec<_>>()
            .join("&")
    };
    let replaced = |name: &str, value: &str| {
        good.split('&')
            .map(|p| {
                if p.starts_with(&format!("{name}=")) {
                    format!("{name}={value}")
                } else {
                    p.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("&")
    };
    let cases: Vec<(&str, String, String, &str)> = vec![
        (
            form,
            without("api-key"),
            RENEW_PATH.to_owned(),
            "credentials",
        ),
        (
            form,
            replaced("auth-userid", "999"),
            RENEW_PATH.to_owned(),
            "credentials",
        ),
        (
            form,
            without("months"),
            RENEW_PATH.to_owned(),
            "required-param",
        ),
        (
            form,
            replaced("auto-renew", "True"),
            RENEW_PATH.to_owned(),
            "param-value",
        ),
        (
            form,
            replaced("auto-renew", "1"),
            RENEW_PATH.to_owned(),
            "param-value",
        ),
        (
            form,
            replaced("invoice-option", "noinvoice"),
            RENEW_PATH.to_owned(),
            "param-value",
        ),
        (
            form,
            replaced("order-id", "1.0"),
            RENEW_PATH.to_owned(),
            "param-value",
        ),
        (
            form,
            format!("{good}&months=2"),
            RENEW_PATH.to_owned(),
            "duplicate-param",
        ),
        (
            form,
            format!("{good}&colour=red"),
            RENEW_PATH.to_owned(),
            "unknown-param",
        ),
        (
            form,
            format!("{good}&x=a b"),
            RENEW_PATH.to_owned(),
            "encoding",
        ),
        (
            form,
            format!("{good}&x=%G1"),
            RENEW_PATH.to_owned(),
            "encoding",
        ),
        (
            "application/json",
            good.clone(),
            RENEW_PATH.to_owned(),
            "content-type",
        ),
        (form, String::new(), format!("{RENEW_PATH}?{good}"), "query"),
        (
            form,
            good.clone(),
            "/api/enterpriseemail/us/renew.xml".to_owned(),
            "path",
        ),
    ];
    for (content_type, body, target, check) in cases {
        let response = http::post(peer.addr(), &target, content_type, &[], body.as_bytes()).await;
        assert_eq!(response.status, 400, "{check}: {body}");
        let answer = json(&response);
        assert_eq!(answer["status"], reseller::CHECK_FAILED);
        assert_eq!(answer["check"], check, "{answer}");
    }
    let get = http::get(peer.addr(), &format!("{RENEW_PATH}?{good}")).await;
    assert_eq!(json(&get)["check"], "method");
    assert_eq!(peer.check_failures().len(), 15);
}

#[tokio::test]
async fn search_takes_repeated_keys_and_echoes_the_domain_name() {
    let peer = ResellerPeer::start();
    let query = form_encode(&[
        ("auth-userid", AUTH_USERID),
        ("api-key", API_KEY),
        ("no-of-records", "10"),
        ("page-no", "1"),
        ("status", "Active"),
        ("status", "Suspended"),
        ("domain-name", ADVERSARIAL),
    ]);
    let response = http::get(peer.addr(), &format!("{SEARCH_PATH}?{query}")).await;
    assert_eq!(response.status, 200, "{:?}", json(&response));
    let answer = json(&response);
    assert_eq!(answer["recsonpage"], "2");
    assert_eq!(answer["recsindb"], "2");
    assert_eq!(answer["1"]["entity.description"], ADVERSARIAL);
    assert_eq!(answer["1"]["entity.currentstatus"], "Active");
    assert_eq!(answer["2"]["entity.currentstatus"], "Suspended");
    assert_eq!(answer["2"]["orders.orderid"], "5002");
    let recorded = &peer.requests()[0];
    assert_eq!(recorded.values("status"), ["Active", "Suspended"]);
    assert_eq!(recorded.value("domain-name"), ADVERSARIAL);
    assert_eq!(peer.check_failures(), Vec::<String>::new());
}
