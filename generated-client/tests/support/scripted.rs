//! A tiny scripted HTTP/1.1 server on 127.0.0.1 for transport tests and misbehaving peers:
//! one request per connection, every request recorded, each answered as a script says.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server does once it has read a request.
#[derive(Debug, Clone, Copy)]
pub enum Behaviour {
    /// Answers with this status and JSON body.
    Answer(u16, &'static str),
    /// Never answers (sleeps far past any test timeout).
    Stall,
    /// Closes the connection without a byte of answer.
    CloseWithoutAnswer,
    /// Sends the head and part of the announced body, then closes.
    CloseMidBody,
    /// Sends the head and part of the announced body, then stalls (as [`Behaviour::Stall`]).
    StallMidBody,
    /// Answers 302 with this `Location`.
    Redirect(&'static str),
    /// Announces a body of this many bytes (and sends them).
    Announce(usize),
    /// Streams this many bytes without announcing a length, then closes.
    Stream(usize),
    /// Writes this answer, then closes.
    Reply(Reply),
    /// Sends nothing for this long, then closes: a stall that ends before a 30-second read
    /// timeout would, so that a compiled example (default timeouts) sees it in a test.
    StallFor(Duration),
    /// Sends the head of a 200 without a length, then one space of body every `every`, and
    /// closes after `for_at_most`: a body that keeps trickling (and ends only at the close).
    Drip {
        every: Duration,
        for_at_most: Duration,
    },
}

/// An answer written as given, so that it can be wrong in any way a real server's is.
#[derive(Debug, Clone, Copy)]
pub struct Reply {
    pub status: u16,
    /// Head lines after the status line, each ending in `\r\n` (`Content-Type`, ...);
    /// `Content-Length` and `Connection: close` are added.
    pub headers: &'static str,
    pub body: Body,
    /// The `Content-Length` announced, when it is not the body's own (a body cut short, an
    /// absurd length).
    pub announce: Option<u64>,
}

impl Reply {
    /// A complete answer with this status, head lines (such as [`JSON`]) and body.
    pub const fn new(status: u16, headers: &'static str, body: &'static str) -> Self {
        Self {
            status,
            headers,
            body: Body::Bytes(body.as_bytes()),
            announce: None,
        }
    }
}

/// Head lines for [`Reply::headers`].
pub const JSON: &str = "Content-Type: application/json\r\n";
pub const HTML: &str = "Content-Type: text/html; charset=UTF-8\r\n";
pub const XML: &str = "Content-Type: text/xml; charset=utf-8\r\n";

/// The body of a [`Reply`].
#[derive(Debug, Clone, Copy)]
pub enum Body {
    Bytes(&'static [u8]),
    /// Made from the request as received (head and body, as text): a server that echoes it.
    Echo(fn(&str) -> String),
}

/// Chooses the answer to each request from the request (head and body, as text).
type Script = Arc<dyn Fn(&str) -> Behaviour + Send + Sync>;

pub struct Server {
    pub url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub async fn start(behaviour: Behaviour) -> Self {
        Self::scripted(move |_| behaviour).await
    }

    /// A server that answers each request as `script` says, given the request.
    pub async fn scripted(script: impl Fn(&str) -> Behaviour + Send + Sync + 'static) -> Self {
        let script: Script = Arc::new(script);
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(handle(socket, Arc::clone(&script), Arc::clone(&seen)));
            }
        });
        Self { url, requests }
    }

    /// Every request read so far, head and body, as text.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    /// Every request read so far, once there is at least one. For a client that gave up
    /// waiting: the server may read the request after that (the bytes stay in the socket).
    /// Panics when nothing arrives within 10 s.
    pub async fn requests_after_the_first(&self) -> Vec<String> {
        for _ in 0..200 {
            let requests = self.requests();
            if !requests.is_empty() {
                return requests;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server never read a request");
    }
}

/// A URL on 127.0.0.1 where nothing listens.
pub async fn refused_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    url
}

async fn handle(mut socket: TcpStream, script: Script, seen: Arc<Mutex<Vec<String>>>) {
    let Some(request) = read_request(&mut socket).await else {
        return;
    };
    let behaviour = script(&request);
    seen.lock().unwrap().push(request.clone());
    let head_with = |status: u16, length: Option<usize>, extra: &str| {
        let length = length
            .map(|n| format!("Content-Length: {n}\r\n"))
            .unwrap_or_default();
        format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n{length}{extra}Connection: close\r\n\r\n"
        )
    };
    let head = |status: u16, length: Option<usize>| head_with(status, length, "");
    let stall = || tokio::time::sleep(Duration::from_secs(30));
    // Write errors mean the client gave up, which is what several tests provoke.
    match behaviour {
        Behaviour::Answer(status, body) => {
            let answer = head(status, Some(body.len())) + body;
            let _ = socket.write_all(answer.as_bytes()).await;
        }
        Behaviour::Stall => stall().await,
        Behaviour::CloseWithoutAnswer => {}
        Behaviour::CloseMidBody | Behaviour::StallMidBody => {
            let answer = head(200, Some(100)) + r#"{"entityid":"#;
            let _ = socket.write_all(answer.as_bytes()).await;
            if matches!(behaviour, Behaviour::StallMidBody) {
                stall().await;
            }
        }
        Behaviour::Redirect(location) => {
            let answer = head_with(302, Some(0), &format!("Location: {location}\r\n"));
            let _ = socket.write_all(answer.as_bytes()).await;
        }
        Behaviour::Announce(length) => {
            let _ = socket.write_all(head(200, Some(length)).as_bytes()).await;
            let _ = write_filler(&mut socket, length).await;
        }
        Behaviour::Stream(length) => {
            let _ = socket.write_all(head(200, None).as_bytes()).await;
            let _ = write_filler(&mut socket, length).await;
        }
        Behaviour::Reply(reply) => {
            let body = match reply.body {
                Body::Bytes(bytes) => bytes.to_vec(),
                Body::Echo(make) => make(&request).into_bytes(),
            };
            let length = reply.announce.unwrap_or(body.len() as u64);
            let mut answer = format!(
                "HTTP/1.1 {} X\r\n{}Content-Length: {length}\r\nConnection: close\r\n\r\n",
                reply.status, reply.headers
            )
            .into_bytes();
            answer.extend_from_slice(&body);
            let _ = socket.write_all(&answer).await;
        }
        Behaviour::StallFor(pause) => tokio::time::sleep(pause).await,
        Behaviour::Drip { every, for_at_most } => {
            let started = tokio::time::Instant::now();
            let mut written = socket.write_all(head(200, None).as_bytes()).await;
            while written.is_ok() && started.elapsed() < for_at_most {
                tokio::time::sleep(every).await;
                written = socket.write_all(b" ").await;
            }
        }
    }
    let _ = socket.shutdown().await;
}

async fn write_filler(socket: &mut TcpStream, mut length: usize) -> std::io::Result<()> {
    let chunk = [b' '; 4096];
    while length > 0 {
        let n = length.min(chunk.len());
        socket.write_all(&chunk[..n]).await?;
        socket.flush().await?;
        length -= n;
    }
    Ok(())
}

async fn read_request(socket: &mut TcpStream) -> Option<String> {
    let mut data = Vec::new();
    let mut buffer = [0_u8; 4096];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .map_or(0, |value| value.trim().parse::<usize>().unwrap());
            if data.len() >= end + 4 + length {
                return Some(String::from_utf8_lossy(&data).into_owned());
            }
        }
        let n = socket.read(&mut buffer).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buffer[..n]);
    }
}
