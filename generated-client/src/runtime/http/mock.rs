//! The HTTP side of the mock server (`runtime::mock`): parameters read back into the typed
//! request through the lenient JSON decoder (form values are all text, as JSON answers'
//! numbers often are), answers written as ResellerClub writes them.

use super::json::{Json, REST_KEY};
use crate::runtime::mock::{Param, ParamShape};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// What ResellerClub answers with.
pub(crate) const CONTENT_TYPE: &str = "application/json;charset=UTF-8";

/// Whether `path` is `template` with any one segment for its `{region}`.
pub(crate) fn path_matches(template: &str, path: &str) -> bool {
    match template.split_once(super::REGION_PLACEHOLDER) {
        None => template == path,
        Some((before, after)) => path
            .strip_prefix(before)
            .and_then(|rest| rest.strip_suffix(after))
            .is_some_and(|region| !region.is_empty() && !region.contains('/')),
    }
}

/// The form pairs (a query or a form body) of `params` read into `Q`, the operation's
/// request: one value, every value of a list, numbered pairs in order; a list with no item is
/// left out, as the client leaves it out. Other names (the credentials) are ignored.
pub(crate) fn read_request<Q: DeserializeOwned>(
    params: &[Param],
    form: &[u8],
) -> Result<Q, String> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(form).into_owned().collect();
    let values = |name: &str| -> Vec<Json> {
        pairs
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| Json::String(v.clone()))
            .collect()
    };
    let mut fields = Vec::new();
    for param in params {
        let value = match param.shape {
            ParamShape::One => values(param.name).into_iter().next(),
            ParamShape::List => Some(Json::Array(values(param.name))),
            ParamShape::Pairs { key, value } => {
                let entries: Vec<Json> = (1..)
                    .map_while(|n| {
                        let key = values(&format!("{key}{n}")).into_iter().next()?;
                        let value = values(&format!("{value}{n}")).into_iter().next()?;
                        Some(Json::Array(vec![key, value]))
                    })
                    .collect();
                Some(Json::Array(entries))
            }
        };
        let sent = value.filter(|value| !matches!(value, Json::Array(items) if items.is_empty()));
        fields.extend(sent.map(|value| (param.name.to_owned(), value)));
    }
    Q::deserialize(Json::Object(fields)).map_err(|e| e.to_string())
}

/// `value` as the API sends it: a JSON object with every number and boolean as a string,
/// keys sorted, and the keys of a struct's further-keys field (`$rest`) among its own.
pub(crate) fn answer<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    let json = serde_json::to_value(value).map_err(|e| e.to_string())?;
    serde_json::to_vec(&as_sent(json)).map_err(|e| e.to_string())
}

/// ResellerClub's error body: `{"status":"ERROR","message":…}`.
pub(crate) fn business(message: &str) -> Vec<u8> {
    serde_json::json!({"status": "ERROR", "message": message})
        .to_string()
        .into_bytes()
}

fn as_sent(json: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match json {
        Value::Bool(b) => Value::String(b.to_string()),
        Value::Number(n) => Value::String(n.to_string()),
        Value::Array(items) => Value::Array(items.into_iter().map(as_sent).collect()),
        Value::Object(entries) => {
            let mut out = serde_json::Map::new();
            for (key, value) in entries {
                match (key.as_str(), value) {
                    (REST_KEY, Value::Object(rest)) => {
                        out.extend(rest.into_iter().map(|(k, v)| (k, as_sent(v))));
                    }
                    (_, value) => {
                        out.insert(key, as_sent(value));
                    }
                }
            }
            Value::Object(out)
        }
        other @ (Value::Null | Value::String(_)) => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_with_any_region() {
        let template = "/api/enterpriseemail/{region}/renew.json";
        assert!(path_matches(template, "/api/enterpriseemail/us/renew.json"));
        assert!(path_matches(template, "/api/enterpriseemail/in/renew.json"));
        assert!(!path_matches(template, "/api/enterpriseemail//renew.json"));
        assert!(!path_matches(
            template,
            "/api/enterpriseemail/a/b/renew.json"
        ));
        assert!(path_matches("/api/x.json", "/api/x.json"));
        assert!(!path_matches("/api/x.json", "/api/y.json"));
    }

    #[test]
    fn values_are_sent_as_strings_and_further_keys_inline() {
        let value = serde_json::json!({
            "b": 1, "a": true, "c": [2.5, null], "$rest": {"1": {"x": 3}}
        });
        assert_eq!(
            String::from_utf8(answer(&value).unwrap()).unwrap(),
            r#"{"1":{"x":"3"},"a":"true","b":"1","c":["2.5",null]}"#
        );
    }

    #[test]
    fn parameters_are_read_by_shape() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Request {
            #[serde(rename = "order-id")]
            order_id: i64,
            flag: Option<bool>,
            tags: Vec<String>,
            #[serde(default)]
            attrs: Vec<(String, i64)>,
        }
        const PARAMS: &[Param] = &[
            Param {
                name: "order-id",
                shape: ParamShape::One,
            },
            Param {
                name: "flag",
                shape: ParamShape::One,
            },
            Param {
                name: "tags",
                shape: ParamShape::List,
            },
            Param {
                name: "attrs",
                shape: ParamShape::Pairs {
                    key: "attr-name",
                    value: "attr-value",
                },
            },
        ];
        let form = b"api-key=s&order-id=7&tags=a&tags=b%20c&attr-name1=x&attr-value1=1&attr-name2=y&attr-value2=2";
        let request: Request = read_request(PARAMS, form).unwrap();
        assert_eq!(
            request,
            Request {
                order_id: 7,
                flag: None,
                tags: vec!["a".into(), "b c".into()],
                attrs: vec![("x".into(), 1), ("y".into(), 2)],
            }
        );
        let unpaired: Request = read_request(PARAMS, b"order-id=1&tags=a&attr-name1=x").unwrap();
        assert!(unpaired.attrs.is_empty());
        let missing = read_request::<Request>(PARAMS, b"tags=a").unwrap_err();
        assert!(missing.contains("order-id"), "{missing}");
    }
}
