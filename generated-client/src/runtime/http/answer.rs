//! Turns an HTTP answer into the operation's output or an [`Error`]: HTTP 401/403, the vendors'
//! error bodies (whatever the status), other bad statuses, then lenient decoding.
//!
//! Error bodies are JSON objects with `status` `ERROR`/`error`/`Failed` (any case) and the
//! reason under `message`, `error` or `actionstatusdesc`; or, as some pages state it, no
//! `status` and a text (or list of texts) under `error`, reported with the status `error`.

use super::json::Json;
use crate::runtime::Answer;
use crate::runtime::error::{BusinessError, Error};
use crate::runtime::transport::Response;

/// `status` values that mark an error body, compared case-insensitively.
const ERROR_STATUSES: [&str; 2] = ["error", "failed"];

/// Where the vendors put the reason, in order of preference.
const MESSAGE_KEYS: [&str; 3] = ["message", "error", "actionstatusdesc"];

/// The [`BusinessError::status`] of an `{"error": …}` body without a `status`: the key that
/// carried the reason, so `Error::code()` still tells the convention apart from `ERROR`.
const BARE_ERROR_STATUS: &str = "error";

/// Decodes one answer.
pub(super) fn decode<T: Answer>(response: Response) -> Result<T, Error> {
    let Response {
        status,
        body: bytes,
        ..
    } = response;
    let body = || String::from_utf8_lossy(&bytes).into_owned();
    if status == 401 || status == 403 {
        return Err(Error::AccessDenied {
            status,
            body: body(),
        });
    }
    let parsed = Json::parse(&bytes);
    if let Ok(json) = &parsed
        && let Some((status, message)) = vendor_error(json)
    {
        return Err(Error::Business(BusinessError {
            status,
            message,
            body: body(),
            decoded: None,
        }));
    }
    if !(200..300).contains(&status) {
        return Err(Error::Http {
            status,
            body: body(),
        });
    }
    let json = parsed.map_err(|error| Error::Decode {
        message: format!("the answer is not JSON: {error}"),
        body: body(),
    })?;
    let value = T::deserialize(json).map_err(|error| Error::Decode {
        message: error.to_string(),
        body: body(),
    })?;
    if value.is_blank() {
        return Err(Error::Decode {
            message: "the answer has none of the documented keys".to_owned(),
            body: body(),
        });
    }
    Ok(value)
}

/// `{"status": "ERROR", "message": …}` and its relatives, or `{"error": …}` without a
/// `status`: the status and the reason.
fn vendor_error(json: &Json) -> Option<(String, String)> {
    let Some(status) = json.get("status") else {
        return bare_error(json).map(|message| (BARE_ERROR_STATUS.to_owned(), message));
    };
    let Json::String(status) = status else {
        return None;
    };
    if !ERROR_STATUSES
        .iter()
        .any(|error| status.trim().eq_ignore_ascii_case(error))
    {
        return None;
    }
    let message = MESSAGE_KEYS
        .iter()
        .find_map(|key| json.get(key)?.text())
        .unwrap_or_default();
    Some((status.clone(), message))
}

/// The reason of an `{"error": …}` body: its non-blank texts joined with `; `. A null, blank,
/// number, boolean or object under `error` is data, not an error report.
fn bare_error(json: &Json) -> Option<String> {
    let items = match json.get("error")? {
        text @ Json::String(_) => std::slice::from_ref(text),
        Json::Array(items) => items.as_slice(),
        _ => return None,
    };
    let mut texts = Vec::new();
    for item in items {
        let Json::String(text) = item else {
            return None;
        };
        if !text.trim().is_empty() {
            texts.push(text.as_str());
        }
    }
    (!texts.is_empty()).then(|| texts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{Decimal, Lenient, UnixTime};
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Renewed {
        #[serde(rename = "entityid")]
        entity_id: i64,
        status: Option<String>,
    }

    impl Answer for Renewed {}

    fn answer<T: Answer>(status: u16, body: &str) -> Result<T, Error> {
        decode(Response {
            status,
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        })
    }

    #[test]
    fn every_vendor_error_shape_is_a_business_error_at_any_status() {
        let shapes = [
            (
                r#"{"status":"ERROR","message":"Invalid order id"}"#,
                "ERROR",
                "Invalid order id",
            ),
            (
                r#"{"status":"Error","message":"Invalid order id"}"#,
                "Error",
                "Invalid order id",
            ),
            (
                r#"{"status":"error","error":"No such customer"}"#,
                "error",
                "No such customer",
            ),
            (
                r#"{"status":"Failed","actionstatusdesc":"Renewal failed"}"#,
                "Failed",
                "Renewal failed",
            ),
            (
                r#"{"status":"failed","actionstatusdesc":"x","eaqid":1}"#,
                "failed",
                "x",
            ),
            (r#"{"error":["a","b"],"status":"ERROR"}"#, "ERROR", "a; b"),
            (r#"{"status":"ERROR"}"#, "ERROR", ""),
        ];
        for status in [200, 400, 500] {
            for (body, code, message) in shapes {
                let error = answer::<Renewed>(status, body).unwrap_err();
                let Error::Business(business) = &error else {
                    panic!("{status} {body}: {error:?}")
                };
                assert_eq!(business.status, code);
                assert_eq!(business.message, message);
                assert_eq!(business.body, body);
                assert!(business.decoded.is_none());
                assert_eq!(error.code(), Some(code));
                assert_eq!(error.message(), Some(message));
                assert_eq!(error.body(), Some(body));
            }
        }
        let shown = answer::<Renewed>(200, shapes[0].0).unwrap_err().to_string();
        assert_eq!(
            shown,
            "the API reported an error (status ERROR): Invalid order id"
        );
        let bare = answer::<Renewed>(200, shapes[6].0).unwrap_err().to_string();
        assert_eq!(bare, "the API reported an error (status ERROR)");
    }

    #[test]
    fn an_error_text_without_a_status_is_a_business_error_at_any_status() {
        let shapes = [
            (r#"{"error":"Invalid order id"}"#, "Invalid order id"),
            (r#"{"error":["a","","b"],"entityid":1}"#, "a; b"),
        ];
        for status in [200, 400, 500] {
            for (body, message) in shapes {
                let error = answer::<Renewed>(status, body).unwrap_err();
                let Error::Business(business) = &error else {
                    panic!("{status} {body}: {error:?}")
                };
                assert_eq!(business.status, "error");
                assert_eq!(business.message, message);
                assert_eq!(business.body, body);
                assert_eq!(error.code(), Some("error"));
            }
        }
    }

    #[test]
    fn an_error_key_that_holds_no_text_is_just_data() {
        for body in [
            r#"{"entityid":1,"error":null}"#,
            r#"{"entityid":1,"error":""}"#,
            r#"{"entityid":1,"error":" "}"#,
            r#"{"entityid":1,"error":[]}"#,
            r#"{"entityid":1,"error":[""]}"#,
            r#"{"entityid":1,"error":false}"#,
            r#"{"entityid":1,"error":0}"#,
            r#"{"entityid":1,"error":{"code":"x"}}"#,
            r#"{"entityid":1,"error":["a",1]}"#,
            // A status that is not an error word says the answer is not an error report.
            r#"{"entityid":1,"status":"Success","error":"x"}"#,
        ] {
            let renewed = answer::<Renewed>(200, body).unwrap_or_else(|e| panic!("{body}: {e:?}"));
            assert_eq!(renewed.entity_id, 1, "{body}");
            let error = answer::<Renewed>(500, body).unwrap_err();
            assert!(
                matches!(error, Error::Http { status: 500, .. }),
                "{body}: {error:?}"
            );
        }
    }

    #[test]
    fn a_successful_status_field_is_just_data() {
        let renewed = answer::<Renewed>(200, r#"{"entityid":"77","status":"Success"}"#).unwrap();
        assert_eq!(
            renewed,
            Renewed {
                entity_id: 77,
                status: Some("Success".to_owned())
            }
        );
        // A status that is not text, or an error word elsewhere, is not an error body.
        let other = answer::<serde::de::IgnoredAny>(200, r#"{"status":1,"message":"ERROR"}"#);
        assert!(other.is_ok());
    }

    #[test]
    fn unauthorized_and_forbidden_are_access_denied_whatever_the_body() {
        for (code, body) in [
            (403, "<html>Forbidden</html>"),
            (403, r#"{"status":"ERROR","message":"IP"}"#),
            (403, ""),
            (401, "Unauthorized"),
        ] {
            let error = answer::<Renewed>(code, body).unwrap_err();
            let Error::AccessDenied { status, body: kept } = &error else {
                panic!("{error:?}")
            };
            assert_eq!((*status, kept.as_str()), (code, body));
            assert!(error.to_string().contains("IP address is not whitelisted"));
            assert_eq!(error.http_status(), Some(code));
        }
    }

    #[test]
    fn other_bad_statuses_without_an_error_body_are_http_errors() {
        for (status, body) in [
            (500, "Internal Server Error"),
            (404, r#"{"x":1}"#),
            (400, ""),
            (302, ""),
        ] {
            let error = answer::<Renewed>(status, body).unwrap_err();
            let Error::Http {
                status: got,
                body: kept,
            } = &error
            else {
                panic!("{error:?}")
            };
            assert_eq!((*got, kept.as_str()), (status, body));
            assert_eq!(
                error.to_string(),
                format!("unexpected HTTP status {status}")
            );
        }
    }

    #[test]
    fn undecodable_answers_keep_the_raw_body() {
        let not_json = answer::<Renewed>(200, "<html>oops</html>").unwrap_err();
        let Error::Decode { message, body } = &not_json else {
            panic!("{not_json:?}")
        };
        assert!(message.starts_with("the answer is not JSON"), "{message}");
        assert_eq!(body, "<html>oops</html>");
        let wrong = answer::<Renewed>(201, r#"{"entityid":"seven"}"#).unwrap_err();
        let Error::Decode { message, body } = &wrong else {
            panic!("{wrong:?}")
        };
        assert!(
            message.starts_with("at `entityid`: invalid type"),
            "{message}"
        );
        assert_eq!(body, r#"{"entityid":"seven"}"#);
        assert!(
            wrong
                .to_string()
                .starts_with("could not decode the answer: at `entityid`")
        );
        let empty = answer::<Renewed>(200, "").unwrap_err();
        assert!(matches!(empty, Error::Decode { .. }), "{empty:?}");
    }

    #[test]
    fn bare_scalar_and_empty_answers() {
        assert_eq!(answer::<i64>(200, "13371337").unwrap(), 13_371_337);
        assert_eq!(answer::<String>(200, "13371337").unwrap(), "13371337");
        assert_eq!(answer::<Option<i64>>(204, "").unwrap(), None);
        answer::<()>(200, "true").unwrap();
    }

    /// A renew answer as generated: every key a lenient field.
    #[derive(Debug, Deserialize, PartialEq)]
    struct LenientRenewal {
        #[serde(default)]
        entityid: Lenient<i64>,
        #[serde(default)]
        eaqid: Lenient<i64>,
        #[serde(default)]
        description: Lenient<String>,
        #[serde(default, rename = "discount-amount")]
        discount_amount: Lenient<Decimal>,
        #[serde(default)]
        sellingamount: Lenient<Decimal>,
        #[serde(default)]
        endtime: Lenient<UnixTime>,
        #[serde(default)]
        domains: Lenient<Vec<String>>,
    }

    impl Answer for LenientRenewal {
        fn is_blank(&self) -> bool {
            self.entityid.is_absent() && self.description.is_absent()
        }
    }

    #[test]
    fn one_odd_key_never_fails_a_success_answer() {
        let renewal: LenientRenewal = answer(
            200,
            r#"{"entityid":"12345.0","eaqid":"123456789012345678901234567890",
                "description":null,"discount-amount":"","sellingamount":"1,234.50",
                "endtime":null,"domains":{"a":1}}"#,
        )
        .unwrap();
        assert_eq!(
            renewal,
            LenientRenewal {
                entityid: Lenient::Value(12345),
                eaqid: Lenient::Unreadable("123456789012345678901234567890".into()),
                description: Lenient::Absent,
                discount_amount: Lenient::Absent,
                sellingamount: Lenient::Unreadable("1,234.50".into()),
                endtime: Lenient::Absent,
                domains: Lenient::Unreadable(r#"{"a":1}"#.into()),
            }
        );
        let exact: LenientRenewal = answer(
            200,
            r#"{"entityid":1,"sellingamount":"12345678901234567.89"}"#,
        )
        .unwrap();
        assert_eq!(
            exact
                .sellingamount
                .value()
                .map(ToString::to_string)
                .as_deref(),
            Some("12345678901234567.89")
        );
        let dollars: LenientRenewal =
            answer(200, r#"{"entityid":1,"sellingamount":"$10.50"}"#).unwrap();
        assert_eq!(dollars.sellingamount.unreadable(), Some("$10.50"));
    }

    #[test]
    fn an_answer_without_any_documented_key_is_no_success() {
        for body in ["", "null", "[]", "{}", r#"{"other":1}"#] {
            let error = answer::<LenientRenewal>(200, body).unwrap_err();
            let Error::Decode { body: kept, .. } = &error else {
                panic!("{body}: {error:?}")
            };
            assert_eq!(kept, body);
        }
    }

    #[test]
    fn invalid_utf8_is_kept_lossily_in_errors() {
        let error = decode::<Renewed>(Response {
            status: 500,
            headers: Vec::new(),
            body: vec![0xFF, b'x'],
        })
        .unwrap_err();
        assert_eq!(error.body(), Some("\u{FFFD}x"));
    }
}
