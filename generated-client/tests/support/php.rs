//! The InterServer test peers: `tests/peers/soapserver.php` (PHP ext/soap) and
//! `tests/peers/nusoap_server.php` (NuSOAP 0.9.5, what the vendor runs), each started with
//! PHP's built-in server on a free port of 127.0.0.1 and killed when the [`PhpPeer`] drops.
//!
//! Needs `php` with the soap and xml extensions and Debian's `libnusoap-php`
//! (`apt-get install -y php-cli php-soap php-xml libnusoap-php`; `.ci/run` does it). The
//! NuSOAP library directory can be overridden with `NUSOAP_SRC`.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Login the peers accept (mirrors `tests/peers/behaviour.php`).
pub const PEER_USER: &str = "peer-user@example.com";
/// Password the peers accept; has XML-special characters on purpose.
pub const PEER_PASSWORD: &str = "p@ss w&rd<1>";
/// Session id `api_login` returns for [`PEER_USER`] / [`PEER_PASSWORD`].
pub const PEER_SID: &str = "0f3c9a7e5b1d4f2a8c6e0b9d7f5a3c1e";
/// Rows `api_vps_get_services` returns for [`PEER_SID`].
pub const PEER_SID_ROWS: usize = 3;

/// A valid session id for which `api_vps_get_services` returns `rows` rows (at most 100,000).
pub fn rows_sid(rows: usize) -> String {
    format!("rows:{rows}")
}

const INSTALL_HINT: &str = "install the test peers' packages: \
    apt-get install -y php-cli php-soap php-xml libnusoap-php (or run .ci/run as root)";
const DEFAULT_NUSOAP_SRC: &str = "/usr/share/php/nusoap";
const START_TIMEOUT: Duration = Duration::from_secs(20);
const PORT_ATTEMPTS: usize = 5;

/// Which SOAP server library answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhpServer {
    /// PHP's ext/soap `SoapServer` in WSDL mode on `specs/interserver/myapi.wsdl`; UTF-8.
    ExtSoap,
    /// NuSOAP with its defaults, as the vendor runs it: answers in ISO-8859-1 and decodes
    /// incoming UTF-8 to ISO-8859-1 (characters outside Latin-1 arrive as `?`).
    Nusoap,
    /// NuSOAP with `soap_defencoding = 'UTF-8'` and `decode_utf8 = false`.
    NusoapUtf8,
}

impl PhpServer {
    /// Every variant, for tests that hold for all of them.
    pub const ALL: [PhpServer; 3] = [PhpServer::ExtSoap, PhpServer::Nusoap, PhpServer::NusoapUtf8];

    fn router(self) -> &'static str {
        match self {
            PhpServer::ExtSoap => "soapserver.php",
            PhpServer::Nusoap | PhpServer::NusoapUtf8 => "nusoap_server.php",
        }
    }

    fn is_nusoap(self) -> bool {
        self != PhpServer::ExtSoap
    }
}

/// A running PHP peer. Dropping it kills the server; if the test is panicking, the server's
/// log (built-in server stderr and PHP error log) is printed first.
pub struct PhpPeer {
    kind: PhpServer,
    child: Child,
    addr: SocketAddr,
    dir: PathBuf,
}

impl PhpPeer {
    /// Starts a peer and waits until it serves its WSDL. Panics with the reason (and what to
    /// install) when it cannot.
    pub fn start(kind: PhpServer) -> PhpPeer {
        preflight(kind);
        let dir = fresh_dir(kind);
        let mut env = vec![("PEER_WSDL", wsdl_path().display().to_string())];
        if kind.is_nusoap() {
            let patched = dir.join("nusoap");
            patch_nusoap(&patched);
            env.push(("NUSOAP_DIR", patched.display().to_string()));
            let encoding = if kind == PhpServer::NusoapUtf8 {
                "UTF-8"
            } else {
                "ISO-8859-1"
            };
            env.push(("NUSOAP_ENCODING", encoding.to_owned()));
        }
        for _ in 0..PORT_ATTEMPTS {
            let addr = free_port();
            let log = File::create(dir.join("server.log")).expect("create peer log");
            let child = Command::new("php")
                .args([
                    "-d",
                    "display_errors=0",
                    "-d",
                    "log_errors=1",
                    "-d",
                    "error_reporting=E_ALL",
                ])
                .arg("-d")
                .arg(format!(
                    "error_log={}",
                    dir.join("php-errors.log").display()
                ))
                .args([
                    "-d",
                    "memory_limit=2048M",
                    "-S",
                    &addr.to_string(),
                    kind.router(),
                ])
                .current_dir(peers_dir())
                .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
                .stdin(Stdio::null())
                .stdout(Stdio::from(log.try_clone().expect("clone peer log")))
                .stderr(Stdio::from(log))
                .spawn()
                .unwrap_or_else(|e| panic!("cannot run php: {e}; {INSTALL_HINT}"));
            let mut peer = PhpPeer {
                kind,
                child,
                addr,
                dir: dir.clone(),
            };
            match peer.wait_ready() {
                Ready::Yes => return peer,
                Ready::PortTaken => continue,
            }
        }
        panic!("{kind:?} peer: no free port after {PORT_ATTEMPTS} attempts");
    }

    pub fn kind(&self) -> PhpServer {
        self.kind
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The SOAP endpoint URL (the path is ignored by the peer).
    pub fn endpoint(&self) -> String {
        format!("http://{}/api.php", self.addr)
    }

    /// What the server logged so far (built-in server stderr, PHP's error log), the last
    /// `lines` lines of each.
    pub fn log_tail(&self, lines: usize) -> String {
        let tail = |name: &str| {
            let text = fs::read_to_string(self.dir.join(name)).unwrap_or_default();
            let all: Vec<&str> = text.lines().collect();
            let skipped = all.len().saturating_sub(lines);
            let mut out = format!("--- {name} ({} lines", all.len());
            out.push_str(if skipped > 0 {
                ", the last ones)\n"
            } else {
                ")\n"
            });
            for line in &all[skipped..] {
                out.push_str(line);
                out.push('\n');
            }
            out
        };
        tail("server.log") + &tail("php-errors.log")
    }

    /// Everything the server logged so far.
    pub fn log(&self) -> String {
        self.log_tail(usize::MAX)
    }

    fn wait_ready(&mut self) -> Ready {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                let log = self.log();
                if log.contains("Address already in use") || log.contains("Failed to listen") {
                    return Ready::PortTaken;
                }
                panic!(
                    "{:?} peer exited at start ({status}); {INSTALL_HINT}\n{log}",
                    self.kind
                );
            }
            if TcpStream::connect_timeout(&self.addr, Duration::from_millis(200)).is_ok() {
                break;
            }
            if Instant::now() > deadline {
                panic!(
                    "{:?} peer not listening on {} after {START_TIMEOUT:?}\n{}",
                    self.kind,
                    self.addr,
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        // Listening is not enough: the script must load its library and the WSDL.
        match fetch_wsdl(self.addr) {
            Ok(()) => Ready::Yes,
            Err(e) => panic!(
                "{:?} peer does not serve its WSDL: {e}; {INSTALL_HINT}\n{}",
                self.kind,
                self.log()
            ),
        }
    }
}

enum Ready {
    Yes,
    PortTaken,
}

impl Drop for PhpPeer {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "{:?} peer on {} log:\n{}",
                self.kind,
                self.addr,
                self.log_tail(60)
            );
        }
        // The server may already have exited; either way reap it.
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// `tests/peers/`.
pub fn peers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers")
}

/// The WSDL the ext/soap peer serves and both peers take their signatures from.
pub fn wsdl_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/interserver/myapi.wsdl")
}

fn nusoap_src() -> PathBuf {
    std::env::var_os("NUSOAP_SRC").map_or_else(|| PathBuf::from(DEFAULT_NUSOAP_SRC), PathBuf::from)
}

/// Checks once per test binary that php and what the peer needs are installed.
fn preflight(kind: PhpServer) {
    static PHP: OnceLock<Result<(), String>> = OnceLock::new();
    let php = PHP.get_or_init(|| {
        let probe = r#"foreach (["soap" => "php-soap", "dom" => "php-xml", "tokenizer" => "php-cli", "iconv" => "php-cli"] as $e => $p) { if (!extension_loaded($e)) { echo "PHP extension $e missing (package $p)\n"; } }"#;
        let out = run_php(&["-r", probe])?;
        let missing = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if !out.status.success() || !missing.is_empty() {
            return Err(format!("{missing}{}", String::from_utf8_lossy(&out.stderr)));
        }
        Ok(())
    });
    if let Err(e) = php {
        panic!("PHP test peer unavailable: {e}; {INSTALL_HINT}");
    }
    if kind.is_nusoap() && !nusoap_src().join("nusoap.php").is_file() {
        panic!(
            "NuSOAP not found at {}/nusoap.php (set NUSOAP_SRC to override); {INSTALL_HINT}",
            nusoap_src().display()
        );
    }
}

fn run_php<S: AsRef<OsStr>>(args: &[S]) -> Result<Output, String> {
    Command::new("php")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run php ({e})"))
}

/// Copies NuSOAP into `dest` with its PHP 4 constructors renamed (see nusoap_patch.php).
fn patch_nusoap(dest: &Path) {
    let script = peers_dir().join("nusoap_patch.php");
    match run_php(&[
        script.as_os_str(),
        nusoap_src().as_os_str(),
        dest.as_os_str(),
    ]) {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "patching NuSOAP failed: {}{}; {INSTALL_HINT}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => panic!("{e}; {INSTALL_HINT}"),
    }
}

fn fresh_dir(kind: PhpServer) -> PathBuf {
    scratch_dir(&format!("{kind:?}"))
}

/// A new empty folder under the system's temporary folder for one peer's logs and files,
/// named after the test process and `label`.
pub fn scratch_dir(label: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "generated-client-peer-{}-{}-{label}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    dir
}

/// A port that was free a moment ago (the OS picks it; the listener is closed again so php
/// can bind it; a lost race is detected and retried by [`PhpPeer::start`]).
pub fn free_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local addr")
}

/// GET `?wsdl` with a blocking socket: Ok when the answer is 200 with a WSDL.
fn fetch_wsdl(addr: SocketAddr) -> Result<(), String> {
    let mut stream =
        TcpStream::connect_timeout(&addr, Duration::from_secs(5)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET /api.php?wsdl HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).map_err(|e| e.to_string())?;
    let answer = String::from_utf8_lossy(&answer);
    let ok = answer.starts_with("HTTP/1.1 200") || answer.starts_with("HTTP/1.0 200");
    if ok && answer.contains("<definitions") {
        Ok(())
    } else {
        Err(format!(
            "GET ?wsdl answered:\n{}",
            answer.chars().take(2000).collect::<String>()
        ))
    }
}
