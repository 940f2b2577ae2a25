//! Just enough HTTP/1.1 for the mock: one request per connection (`Content-Length` bodies, no
//! chunking), one answer with `Connection: close`. The generated clients send nothing else.

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const MAX_HEAD: usize = 64 * 1024;
/// Requests are small: parameters, never uploads.
const MAX_BODY: usize = 16 * 1024 * 1024;
/// A client that opens a connection and sends nothing is dropped after this long.
const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// A request as read off the socket.
#[derive(Debug)]
pub(super) struct Incoming {
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// The raw query after `?`, empty when none.
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Incoming {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one request, or says why it is not one.
pub(super) async fn read(stream: &mut TcpStream) -> Result<Incoming, String> {
    tokio::time::timeout(READ_TIMEOUT, read_request(stream))
        .await
        .unwrap_or_else(|_| Err("the request did not arrive in time".to_owned()))
}

async fn read_request(stream: &mut TcpStream) -> Result<Incoming, String> {
    let mut buf = Vec::new();
    let head_end = loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break end;
        }
        if buf.len() > MAX_HEAD {
            return Err("the request head is larger than 64 KiB".to_owned());
        }
        read_some(stream, &mut buf).await?;
    };
    let head = std::str::from_utf8(&buf[..head_end])
        .map_err(|_| "the request head is not UTF-8".to_owned())?;
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(_version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("bad request line {request_line:?}"));
    };
    let mut headers = Vec::new();
    for line in lines {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("bad header line {line:?}"))?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut incoming = Incoming {
        method: method.to_owned(),
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: Vec::new(),
    };
    let length = match incoming.header("content-length") {
        None => 0,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= MAX_BODY)
            .ok_or_else(|| format!("Content-Length {text:?} is not a size up to 16 MiB"))?,
    };
    let mut body = buf.split_off(head_end + 4);
    while body.len() < length {
        read_some(stream, &mut body).await?;
    }
    body.truncate(length);
    incoming.body = body;
    Ok(incoming)
}

/// Appends what the socket has; the end of the stream is an error here.
async fn read_some(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Result<(), String> {
    let mut chunk = [0u8; 8192];
    match stream.read(&mut chunk).await {
        Ok(0) => Err("the connection closed in the middle of the request".to_owned()),
        Ok(n) => {
            buf.extend_from_slice(&chunk[..n]);
            Ok(())
        }
        Err(e) => Err(format!("read: {e}")),
    }
}

/// Writes one answer and closes the connection. The client may be gone already; nothing is
/// to be done about that here.
pub(super) async fn write(stream: &mut TcpStream, status: u16, content_type: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        reason(status),
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(body).await;
    let _ = stream.shutdown().await;
}

/// Answers nothing: waits until the client hangs up (or the server shuts down).
pub(super) async fn hold(stream: &mut TcpStream) {
    let mut byte = [0u8; 1];
    while matches!(stream.read(&mut byte).await, Ok(n) if n > 0) {}
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
