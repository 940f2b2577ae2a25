//! A raw HTTP/1.1 client over one TCP connection per request, so tests see exactly the bytes a
//! peer answers (status line, headers, undecoded body) without any client library in between.

use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Upper bound on one exchange; NuSOAP needs about 10 s for 10,000 rows.
const EXCHANGE_TIMEOUT: Duration = Duration::from_secs(120);

/// One response as received.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// The status line's protocol, e.g. `HTTP/1.0` (NuSOAP's faults) or `HTTP/1.1`.
    pub version: String,
    pub status: u16,
    /// Headers in received order, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked, not decoded.
    pub body: Vec<u8>,
}

impl RawResponse {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `charset` parameter of `Content-Type`, lower-cased.
    pub fn charset(&self) -> Option<String> {
        let content_type = self.header("content-type")?;
        content_type.split(';').skip(1).find_map(|param| {
            let (key, value) = param.split_once('=')?;
            key.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| value.trim().trim_matches('"').to_ascii_lowercase())
        })
    }

    /// The body decoded by the `Content-Type` charset: ISO-8859-1 byte for byte, otherwise
    /// UTF-8 (panics on invalid UTF-8: a peer answered something the test did not expect).
    pub fn text(&self) -> String {
        match self.charset().as_deref() {
            Some("iso-8859-1") | Some("latin1") => {
                self.body.iter().map(|&b| char::from(b)).collect()
            }
            _ => String::from_utf8(self.body.clone()).unwrap_or_else(|e| {
                panic!(
                    "response body is not UTF-8 ({e}); headers: {:?}",
                    self.headers
                )
            }),
        }
    }
}

/// Sends one request and reads the whole response. `target` is the request target
/// (`/api.php?wsdl`); `Host`, `Content-Length` and `Connection: close` are added.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> RawResponse {
    let exchange = async {
        let mut stream = TcpStream::connect(addr)
            .await
            .unwrap_or_else(|e| panic!("connect to {addr}: {e}"));
        let mut head =
            format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if method != "GET" || !body.is_empty() {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        stream
            .write_all(head.as_bytes())
            .await
            .expect("write request head");
        stream.write_all(body).await.expect("write request body");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.expect("read response");
        raw
    };
    let raw = tokio::time::timeout(EXCHANGE_TIMEOUT, exchange)
        .await
        .unwrap_or_else(|_| {
            panic!("{method} {target} to {addr}: no answer in {EXCHANGE_TIMEOUT:?}")
        });
    parse_response(&raw).unwrap_or_else(|e| {
        panic!(
            "{method} {target}: malformed response ({e}): {}",
            String::from_utf8_lossy(&raw)
        )
    })
}

/// POSTs `body` with the given content type.
pub async fn post(
    addr: SocketAddr,
    target: &str,
    content_type: &str,
    extra: &[(&str, &str)],
    body: &[u8],
) -> RawResponse {
    let mut headers = vec![("Content-Type", content_type)];
    headers.extend_from_slice(extra);
    request(addr, "POST", target, &headers, body).await
}

/// GETs `target`.
pub async fn get(addr: SocketAddr, target: &str) -> RawResponse {
    request(addr, "GET", target, &[], b"").await
}

fn parse_response(raw: &[u8]) -> Result<RawResponse, String> {
    let head_end = find(raw, b"\r\n\r\n").ok_or("no end of headers")?;
    let head = std::str::from_utf8(&raw[..head_end]).map_err(|e| format!("head not UTF-8: {e}"))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or("empty head")?;
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default().to_owned();
    if !version.starts_with("HTTP/1.") {
        return Err(format!("status line {status_line:?}"));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("status line {status_line:?}"))?;
    let headers = lines
        .map(|line| {
            line.split_once(':')
                .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
                .ok_or_else(|| format!("header line {line:?}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let rest = &raw[head_end + 4..];
    let mut response = RawResponse {
        version,
        status,
        headers,
        body: Vec::new(),
    };
    response.body = if response
        .header("transfer-encoding")
        .is_some_and(|te| te.eq_ignore_ascii_case("chunked"))
    {
        dechunk(rest)?
    } else if let Some(length) = response.header("content-length") {
        let length: usize = length
            .parse()
            .map_err(|_| format!("Content-Length {length:?}"))?;
        if rest.len() != length {
            return Err(format!(
                "Content-Length {length} but {} body bytes",
                rest.len()
            ));
        }
        rest.to_vec()
    } else {
        rest.to_vec()
    };
    Ok(response)
}

fn dechunk(mut rest: &[u8]) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        let line_end = find(rest, b"\r\n").ok_or("chunk size line")?;
        let size_text =
            std::str::from_utf8(&rest[..line_end]).map_err(|_| "chunk size not ASCII")?;
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("chunk size {size_text:?}"))?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        let chunk = rest.get(..size).ok_or("truncated chunk")?;
        body.extend_from_slice(chunk);
        rest = rest.get(size + 2..).ok_or("truncated chunk end")?;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
