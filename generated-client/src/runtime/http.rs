//! HTTP API wire code: parameters in the query or a form body, credentials on every call,
//! lenient JSON decoding, the vendors' error bodies.
//!
//! Generated code describes each operation with a static [`Operation`], starts a [`Call`],
//! adds parameters in the documented order and sends it. Credentials leave their [`Secret`]
//! wrappers only while the request is encoded; nothing that prints (Debug, errors, tracing)
//! ever sees the URL's query or the body.

mod answer;
pub(crate) mod form;
mod json;
#[cfg(feature = "mock")]
pub(crate) mod mock;

#[doc(hidden)]
pub use form::FormValue;
pub use json::REST_KEY;

use crate::runtime::transport::{self, Request, Transport};
use crate::runtime::{Answer, Connection, Error, Redactor, Secret};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use tracing::Instrument;

/// Static description of one operation, emitted by the generator.
#[doc(hidden)]
#[derive(Debug)]
pub struct Operation {
    /// `enterpriseemail/renew`, for errors and logs.
    pub name: &'static str,
    pub method: Method,
    /// Path with an optional `{region}` placeholder.
    pub path: &'static str,
    pub encoding: Encoding,
    pub idempotent: bool,
}

#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Parameters in the URL query.
    Query,
    /// Parameters in an `application/x-www-form-urlencoded` body.
    Form,
}

/// A credential the client sends on every call.
#[doc(hidden)]
#[derive(Clone, Debug)]
pub enum CredentialValue {
    Plain(String),
    Secret(Secret),
}

impl CredentialValue {
    /// The value as it goes on the wire.
    fn wire_value(&self) -> &str {
        match self {
            Self::Plain(value) => value,
            Self::Secret(secret) => secret.expose(),
        }
    }
}

/// The placeholder in [`Operation::path`] that the region fills.
const REGION_PLACEHOLDER: &str = "{region}";

/// Base URL, credentials, transport and extra headers; cheap to clone.
#[doc(hidden)]
#[derive(Clone)]
pub struct Client {
    base_url: String,
    credentials: Vec<(&'static str, CredentialValue)>,
    transport: Arc<dyn Transport>,
    /// Sent on every request after the call's own headers, whatever the transport.
    headers: Arc<[(String, String)]>,
}

impl Client {
    /// `credentials` go first on every call, in this order.
    pub fn new(
        base_url: impl Into<String>,
        credentials: Vec<(&'static str, CredentialValue)>,
        transport: Arc<dyn Transport>,
    ) -> Self {
        Self {
            base_url: base_url.into(),
            credentials,
            transport,
            headers: Arc::from([]),
        }
    }

    /// A client from what `ClientBuilder::build` checked.
    pub fn from_connection(
        connection: Connection,
        credentials: Vec<(&'static str, CredentialValue)>,
    ) -> Self {
        Self {
            headers: connection.headers.into(),
            ..Self::new(connection.url, credentials, connection.transport)
        }
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Starts a call; `region` fills the path's `{region}` placeholder.
    pub fn call(&self, operation: &'static Operation, region: Option<&str>) -> Call<'_> {
        Call {
            client: self,
            operation,
            region: region.map(str::to_owned),
            params: Vec::new(),
            invalid: None,
            secret_values: Vec::new(),
        }
    }

    /// The base URL (trailing `/` trimmed) and the operation's path with its region.
    fn url(&self, operation: &Operation, region: Option<&str>) -> Result<String, Error> {
        let invalid = |message: String| Error::InvalidRequest { message };
        let base = self.base_url.trim_end_matches('/');
        // The base URL is not quoted in errors: it could carry user info.
        let parsed = reqwest::Url::parse(base)
            .map_err(|error| invalid(format!("the base URL is not a valid URL ({error})")))?;
        if !matches!(parsed.scheme(), "http" | "https") || !parsed.has_host() {
            return Err(invalid(
                "the base URL must be an http:// or https:// URL".to_owned(),
            ));
        }
        if parsed.query().is_some() || parsed.fragment().is_some() {
            return Err(invalid(
                "the base URL must not have a query or a fragment".to_owned(),
            ));
        }
        let name = operation.name;
        let path = match (operation.path.contains(REGION_PLACEHOLDER), region) {
            (true, Some("")) => return Err(invalid(format!("{name}: the region is empty"))),
            (true, Some(region)) => {
                let mut segment = String::new();
                form::append_encoded(&mut segment, region);
                operation.path.replace(REGION_PLACEHOLDER, &segment)
            }
            (true, None) => return Err(invalid(format!("{name}: this operation needs a region"))),
            (false, Some(_)) => {
                return Err(invalid(format!("{name}: this operation takes no region")));
            }
            (false, None) => operation.path.to_owned(),
        };
        let slash = if path.starts_with('/') { "" } else { "/" };
        Ok(format!("{base}{slash}{path}"))
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

/// One request being built.
#[doc(hidden)]
pub struct Call<'a> {
    client: &'a Client,
    operation: &'static Operation,
    region: Option<String>,
    params: Vec<(Cow<'static, str>, String)>,
    /// Why the first unsendable parameter cannot be sent; [`Call::send`] reports it.
    invalid: Option<String>,
    /// The values of secret parameters, to keep them out of errors.
    secret_values: Vec<String>,
}

impl Call<'_> {
    /// A scalar parameter.
    pub fn param<T: FormValue + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.push(Cow::Borrowed(name), value);
    }

    /// An optional parameter: left out when `None`.
    pub fn param_opt<T: FormValue>(&mut self, name: &'static str, value: Option<&T>) {
        if let Some(value) = value {
            self.push(Cow::Borrowed(name), value);
        }
    }

    /// A list parameter: one `name=value` per item.
    pub fn param_list<T: FormValue>(&mut self, name: &'static str, values: &[T]) {
        for value in values {
            self.push(Cow::Borrowed(name), value);
        }
    }

    /// A map parameter: `key1=k&value1=v`, numbered from 1.
    pub fn param_pairs<K: FormValue, V: FormValue>(
        &mut self,
        key_name: &'static str,
        value_name: &'static str,
        pairs: &[(K, V)],
    ) {
        for (number, (key, value)) in (1..).zip(pairs) {
            self.push(Cow::Owned(format!("{key_name}{number}")), key);
            self.push(Cow::Owned(format!("{value_name}{number}")), value);
        }
    }

    fn push<T: FormValue + ?Sized>(&mut self, name: Cow<'static, str>, value: &T) {
        match value.check() {
            Ok(()) => {
                let text = value.form_value().into_owned();
                if value.is_secret() {
                    self.secret_values.push(text.clone());
                }
                self.params.push((name, text));
            }
            Err(reason) => {
                self.invalid
                    .get_or_insert_with(|| format!("parameter `{name}`: {reason}"));
            }
        }
    }

    /// Sends the request (credentials first) and decodes the JSON answer leniently; the
    /// vendors' error bodies become typed errors whatever the HTTP status.
    ///
    /// An error says whether the call may have taken effect ([`Error::outcome`]) and holds
    /// none of the call's secrets, even where the server echoed them.
    pub async fn send<T: Answer>(self) -> Result<T, Error> {
        let operation = self.operation;
        let span = tracing::info_span!("http_call", operation = operation.name);
        async move {
            let result = self.send_in_span().await.map_err(|mut error| {
                error.redact(&self.secrets());
                error
            });
            if let Err(error) = &result {
                tracing::debug!(%error, "call failed");
            }
            result
        }
        .instrument(span)
        .await
    }

    async fn send_in_span<T: Answer>(&self) -> Result<T, Error> {
        let operation = self.operation;
        let request = self.request()?;
        tracing::debug!(method = ?request.method, "sending");
        let response = self
            .client
            .transport
            .send(request)
            .await
            .map_err(|error| Error::from_transport(operation.name, error));
        let decoded = response.and_then(|response| {
            tracing::debug!(
                status = response.status,
                bytes = response.body.len(),
                "answer received"
            );
            answer::decode(response)
        });
        decoded.map_err(|error| error.after_sending(operation.name, operation.idempotent))
    }

    /// The secrets this call sends: secret credentials and parameters.
    fn secrets(&self) -> Redactor {
        let mut redactor = Redactor::default();
        for (_, value) in &self.client.credentials {
            if let CredentialValue::Secret(secret) = value {
                redactor.add(secret.expose());
            }
        }
        for secret in &self.secret_values {
            redactor.add(secret);
        }
        redactor
    }

    /// Encodes credentials, then parameters in call order, into the query or the body.
    fn request(&self) -> Result<Request, Error> {
        let operation = self.operation;
        if let Some(reason) = &self.invalid {
            return Err(Error::InvalidRequest {
                message: format!("{}: {reason}", operation.name),
            });
        }
        let url = self.client.url(operation, self.region.as_deref())?;
        let mut form = String::new();
        for (name, value) in &self.client.credentials {
            form::append_pair(&mut form, name, value.wire_value());
        }
        for (name, value) in &self.params {
            form::append_pair(&mut form, name, value);
        }
        let mut headers = vec![("Accept".to_owned(), "application/json".to_owned())];
        let (url, body) = match operation.encoding {
            Encoding::Query if form.is_empty() => (url, Vec::new()),
            Encoding::Query => (format!("{url}?{form}"), Vec::new()),
            Encoding::Form => {
                headers.push((
                    "Content-Type".to_owned(),
                    "application/x-www-form-urlencoded".to_owned(),
                ));
                (url, form.into_bytes())
            }
        };
        headers.extend(self.client.headers.iter().cloned());
        let method = match operation.method {
            Method::Get => transport::Method::Get,
            Method::Post => transport::Method::Post,
        };
        Ok(Request {
            method,
            url,
            headers,
            body,
            idempotent: operation.idempotent,
        })
    }
}

/// Decodes an answer exactly as [`Call::send`] does once the transport has returned it: the
/// vendors' error bodies, HTTP status, then lenient JSON into `T`. For answers obtained
/// elsewhere (stored, replayed, measured) without a round trip.
/// It knows no operation, so it does not tell whether a call's outcome is unknown
/// ([`Call::send`] does).
pub fn decode_response<T: Answer>(response: transport::Response) -> Result<T, Error> {
    answer::decode(response)
}

impl fmt::Debug for Call<'_> {
    /// Parameter names only: a value may be a password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.params.iter().map(|(name, _)| name.as_ref()).collect();
        f.debug_struct("Call")
            .field("operation", &self.operation.name)
            .field("region", &self.region)
            .field("params", &names)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::transport::{BoxFuture, Response, TransportError};
    use std::sync::Mutex;

    /// Records every request and answers `{}`.
    #[derive(Default)]
    struct Recorder {
        seen: Mutex<Vec<Request>>,
    }

    impl Transport for Recorder {
        fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
            self.seen.lock().unwrap().push(request);
            let response = Response {
                status: 200,
                headers: Vec::new(),
                body: b"{}".to_vec(),
            };
            Box::pin(async move { Ok(response) })
        }
    }

    static RENEW: Operation = Operation {
        name: "enterpriseemail/renew",
        method: Method::Post,
        path: "/api/enterpriseemail/{region}/renew.json",
        encoding: Encoding::Form,
        idempotent: false,
    };

    static SEARCH: Operation = Operation {
        name: "enterpriseemail/search",
        method: Method::Get,
        path: "/api/enterpriseemail/us/search.json",
        encoding: Encoding::Query,
        idempotent: true,
    };

    /// Stands for a generated enum.
    enum InvoiceOption {
        NoInvoice,
    }

    impl FormValue for InvoiceOption {
        fn form_value(&self) -> Cow<'_, str> {
            match self {
                Self::NoInvoice => Cow::Borrowed("NoInvoice"),
            }
        }
    }

    fn client(base_url: &str, recorder: &Arc<Recorder>) -> Client {
        let credentials = vec![
            ("auth-userid", CredentialValue::Plain("4242".to_owned())),
            ("api-key", CredentialValue::Secret(Secret::new("k3y"))),
        ];
        Client::new(
            base_url,
            credentials,
            Arc::clone(recorder) as Arc<dyn Transport>,
        )
    }

    /// Sends a call built by `build` and returns the one request the transport saw.
    async fn sent(
        operation: &'static Operation,
        region: Option<&str>,
        build: impl FnOnce(&mut Call<'_>),
    ) -> Result<Request, Error> {
        let recorder = Arc::new(Recorder::default());
        let client = client("https://api.example.com/", &recorder);
        let mut call = client.call(operation, region);
        build(&mut call);
        call.send::<serde::de::IgnoredAny>().await?;
        let mut seen = recorder.seen.lock().unwrap();
        assert_eq!(seen.len(), 1);
        Ok(seen.remove(0))
    }

    #[tokio::test]
    async fn extra_headers_go_on_every_request_after_the_calls_own() {
        let recorder = Arc::new(Recorder::default());
        let connection = Connection {
            url: "https://api.example.com".to_owned(),
            transport: Arc::clone(&recorder) as Arc<dyn Transport>,
            headers: vec![("X-Trace".to_owned(), "t1".to_owned())],
        };
        let client = Client::from_connection(connection, Vec::new());
        for _ in 0..2 {
            let call = client.call(&RENEW, Some("us"));
            call.send::<serde::de::IgnoredAny>().await.unwrap();
        }
        let seen = recorder.seen.lock().unwrap();
        for request in seen.iter() {
            assert_eq!(
                request.headers.last(),
                Some(&("X-Trace".to_owned(), "t1".to_owned()))
            );
            assert_eq!(request.headers[0].0, "Accept");
        }
        assert_eq!(seen.len(), 2);
    }

    #[tokio::test]
    async fn form_body_has_credentials_first_then_params_in_call_order() {
        let request = sent(&RENEW, Some("us"), |call| {
            call.param("order-id", &12345_i64);
            call.param_opt("no-of-accounts", Some(&5_i32));
            call.param_opt::<u32>("months", None);
            call.param("auto-renew", &true);
            call.param("invoice-option", &InvoiceOption::NoInvoice);
            call.param_list("status", &["Active".to_owned(), "Suspended".to_owned()]);
            call.param_pairs("attr-name", "attr-value", &[("k1", "v1"), ("k2", "v2")]);
            call.param("price", &10.5_f64);
        })
        .await
        .unwrap();
        assert_eq!(request.method, transport::Method::Post);
        assert_eq!(
            request.url,
            "https://api.example.com/api/enterpriseemail/us/renew.json"
        );
        assert_eq!(
            String::from_utf8(request.body).unwrap(),
            "auth-userid=4242&api-key=k3y&order-id=12345&no-of-accounts=5&auto-renew=true\
             &invoice-option=NoInvoice&status=Active&status=Suspended\
             &attr-name1=k1&attr-value1=v1&attr-name2=k2&attr-value2=v2&price=10.5"
        );
        assert!(request.headers.contains(&(
            "Content-Type".to_owned(),
            "application/x-www-form-urlencoded".to_owned()
        )));
        assert!(!request.idempotent);
    }

    #[tokio::test]
    async fn query_encoding_puts_everything_in_the_url() {
        let request = sent(&SEARCH, None, |call| {
            call.param("no-of-records", &10_u32);
            call.param_list("status", &["Active", "Suspended"]);
            call.param_list::<String>("none", &[]);
            call.param_pairs::<&str, &str>("attr-name", "attr-value", &[]);
        })
        .await
        .unwrap();
        assert_eq!(request.method, transport::Method::Get);
        assert_eq!(
            request.url,
            "https://api.example.com/api/enterpriseemail/us/search.json\
             ?auth-userid=4242&api-key=k3y&no-of-records=10&status=Active&status=Suspended"
        );
        assert!(request.body.is_empty());
        assert!(
            !request
                .headers
                .iter()
                .any(|(name, _)| name == "Content-Type")
        );
        assert!(request.idempotent);
    }

    #[tokio::test]
    async fn adversarial_values_arrive_byte_exact_after_form_decoding() {
        let values = [
            "<&>'\"",
            "]]>",
            "&",
            "=",
            "+",
            " ",
            "%",
            "%20",
            "#",
            "a+b c",
            "x=1&y=2",
            "é€😀",
            "line\r\nbreak",
            "",
            "?/;:@",
        ];
        for encoding in [Encoding::Form, Encoding::Query] {
            static FORM: Operation = Operation {
                name: "t/form",
                method: Method::Post,
                path: "/t.json",
                encoding: Encoding::Form,
                idempotent: true,
            };
            static QUERY: Operation = Operation {
                encoding: Encoding::Query,
                ..FORM
            };
            let operation = if encoding == Encoding::Form {
                &FORM
            } else {
                &QUERY
            };
            let request = sent(operation, None, |call| {
                call.param_list("v", &values);
                call.param("weird key&=", "x");
            })
            .await
            .unwrap();
            let encoded = match encoding {
                Encoding::Form => String::from_utf8(request.body).unwrap(),
                Encoding::Query => request.url.split_once('?').unwrap().1.to_owned(),
            };
            assert!(!encoded.contains(['+', ' ', '#', '<', '"']), "{encoded}");
            let decoded: Vec<(String, String)> = form_urlencoded::parse(encoded.as_bytes())
                .into_owned()
                .collect();
            let mut expected = vec![
                ("auth-userid".to_owned(), "4242".to_owned()),
                ("api-key".to_owned(), "k3y".to_owned()),
            ];
            expected.extend(values.iter().map(|v| ("v".to_owned(), (*v).to_owned())));
            expected.push(("weird key&=".to_owned(), "x".to_owned()));
            assert_eq!(decoded, expected);
        }
    }

    #[tokio::test]
    async fn url_joins_base_and_path_and_fills_the_region() {
        let recorder = Arc::new(Recorder::default());
        for base in [
            "https://api.example.com",
            "https://api.example.com/",
            "https://api.example.com//",
        ] {
            let url = client(base, &recorder).url(&RENEW, Some("in")).unwrap();
            assert_eq!(
                url,
                "https://api.example.com/api/enterpriseemail/in/renew.json"
            );
        }
        let with_prefix = client("http://test.example:8080/reseller/", &recorder);
        assert_eq!(
            with_prefix.url(&SEARCH, None).unwrap(),
            "http://test.example:8080/reseller/api/enterpriseemail/us/search.json"
        );
        let odd_region = client("https://api.example.com", &recorder).url(&RENEW, Some("a b/c"));
        assert_eq!(
            odd_region.unwrap(),
            "https://api.example.com/api/enterpriseemail/a%20b%2Fc/renew.json"
        );
    }

    #[tokio::test]
    async fn bad_urls_and_regions_are_invalid_requests_that_send_nothing() {
        let cases: [(&str, &'static Operation, Option<&str>, &str); 8] = [
            ("https://api.example.com", &RENEW, None, "needs a region"),
            (
                "https://api.example.com",
                &RENEW,
                Some(""),
                "region is empty",
            ),
            (
                "https://api.example.com",
                &SEARCH,
                Some("us"),
                "takes no region",
            ),
            (
                "ftp://api.example.com",
                &SEARCH,
                None,
                "http:// or https://",
            ),
            ("api.example.com", &SEARCH, None, "not a valid URL"),
            ("", &SEARCH, None, "not a valid URL"),
            (
                "https://api.example.com/?a=b",
                &SEARCH,
                None,
                "query or a fragment",
            ),
            (
                "https://api.example.com/#x",
                &SEARCH,
                None,
                "query or a fragment",
            ),
        ];
        for (base, operation, region, expected) in cases {
            let recorder = Arc::new(Recorder::default());
            let error = client(base, &recorder)
                .call(operation, region)
                .send::<serde::de::IgnoredAny>()
                .await
                .unwrap_err();
            match &error {
                Error::InvalidRequest { message } => {
                    assert!(message.contains(expected), "{message}")
                }
                other => panic!("{base} {region:?}: {other:?}"),
            }
            assert!(recorder.seen.lock().unwrap().is_empty());
        }
    }

    #[tokio::test]
    async fn unsendable_values_are_invalid_requests_naming_the_parameter() {
        let error = sent(&RENEW, Some("us"), |call| {
            call.param("price", &f64::NAN);
        })
        .await
        .unwrap_err();
        let Error::InvalidRequest { message } = error else {
            panic!("{error:?}")
        };
        assert_eq!(
            message,
            "enterpriseemail/renew: parameter `price`: not a finite number"
        );
    }

    #[test]
    fn debug_shows_no_credential_or_parameter_value() {
        let recorder = Arc::new(Recorder::default());
        let client = client("https://api.example.com", &recorder);
        let mut call = client.call(&RENEW, Some("us"));
        call.param("passwd", &Secret::new("hunter2"));
        call.param("name", "visible-only-by-name");
        let shown = format!("{client:?} {call:?}");
        assert!(
            !shown.contains("k3y") && !shown.contains("hunter2"),
            "{shown}"
        );
        assert!(!shown.contains("visible-only-by-name"), "{shown}");
        assert!(
            shown.contains("passwd") && shown.contains("4242"),
            "{shown}"
        );
    }

    #[test]
    fn decode_response_decodes_as_send_does() {
        let answer = |status: u16, body: &str| Response {
            status,
            headers: vec![("Content-Type".to_owned(), "application/json".to_owned())],
            body: body.as_bytes().to_vec(),
        };
        let numbers: Vec<u32> =
            decode_response(answer(200, r#"["1",2]"#)).expect("lenient numbers");
        assert_eq!(numbers, [1, 2]);
        let error = decode_response::<u32>(answer(200, r#"{"status":"ERROR","message":"no"}"#))
            .unwrap_err();
        assert!(
            matches!(&error, Error::Business(b) if b.message == "no"),
            "{error:?}"
        );
    }
}
