//! The third-party SOAP stacks the generated client is proven against
//! (`tests/third_party_stacks.rs`), each started from the project's own files on a free port
//! of 127.0.0.1 and killed when the [`StackPeer`] drops, like the PHP peers of [`super::php`]
//! (whose port and scratch-folder helpers this reuses):
//!
//! - [`Stack::PhpOrders`], [`Stack::PhpLists`], [`Stack::PhpAttributes`],
//!   [`Stack::PhpLedger`]: PHP ext/soap `SoapServer`, WSDL mode, document/literal (rpc/encoded
//!   for the ledger), four services of one router (`tests/stacks/php/server.php` under
//!   `php -S`, one process each), which maps the path (`/orders`, `/lists`, `/attributes`,
//!   `/ledger`) to the service's WSDL and its handler (`orders.php`, `lists.php`,
//!   `attributes.php`, `ledger.php`);
//! - [`Stack::Spyne`]: Python spyne 2.14 on `wsgiref` (`tests/stacks/spyne/server.py`), which
//!   writes its own WSDL;
//! - [`Stack::NodeSoap`]: node-soap 1.x's server on Node (`tests/stacks/node/server.js`);
//! - [`Stack::Gsoap`]: a gSOAP 2.8 C server answering in MTOM, built here from
//!   `tests/stacks/gsoap/` ([`gsoap_build`]), which writes its own WSDL.
//!
//! `.ci/run` installs what they need: Debian `php-cli php-soap php-xml nodejs npm gsoap
//! libgsoap-dev`, `pip install -r tests/stacks/spyne/requirements.txt`, `npm ci` in
//! `tests/stacks/node/`.

use super::cargo::target_tmp;
use super::php::{free_port, scratch_dir};
use std::fs::{self, File};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const START_TIMEOUT: Duration = Duration::from_secs(30);
const PORT_ATTEMPTS: usize = 5;

/// A third-party SOAP server library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stack {
    PhpOrders,
    PhpLists,
    PhpAttributes,
    PhpLedger,
    Spyne,
    NodeSoap,
    Gsoap,
}

impl Stack {
    pub const ALL: [Stack; 7] = [
        Stack::PhpOrders,
        Stack::PhpLists,
        Stack::PhpAttributes,
        Stack::PhpLedger,
        Stack::Spyne,
        Stack::NodeSoap,
        Stack::Gsoap,
    ];

    /// The generated module's name, and the spec folder under `tests/stacks/specs/`.
    pub fn module(self) -> &'static str {
        match self {
            Stack::PhpOrders => "php_soapserver",
            Stack::PhpLists => "php_lists",
            Stack::PhpAttributes => "php_attributes",
            Stack::PhpLedger => "php_ledger",
            Stack::Spyne => "spyne",
            Stack::NodeSoap => "node_soap",
            Stack::Gsoap => "gsoap",
        }
    }

    /// The environment variable the call tests read the endpoint from.
    pub fn url_variable(self) -> &'static str {
        match self {
            Stack::PhpOrders => "STACK_PHP_ORDERS_URL",
            Stack::PhpLists => "STACK_PHP_LISTS_URL",
            Stack::PhpAttributes => "STACK_PHP_ATTRIBUTES_URL",
            Stack::PhpLedger => "STACK_PHP_LEDGER_URL",
            Stack::Spyne => "STACK_SPYNE_URL",
            Stack::NodeSoap => "STACK_NODE_URL",
            Stack::Gsoap => "STACK_GSOAP_URL",
        }
    }

    /// The path the endpoint and the WSDL (`<path>?wsdl`) are served under.
    fn path(self) -> &'static str {
        match self {
            Stack::PhpOrders => "/orders",
            Stack::PhpLists => "/lists",
            Stack::PhpAttributes => "/attributes",
            Stack::PhpLedger => "/ledger",
            Stack::Spyne => "/",
            Stack::NodeSoap => "/node",
            Stack::Gsoap => "/gsoap",
        }
    }

    fn install_hint(self) -> &'static str {
        match self {
            Stack::PhpOrders | Stack::PhpLists | Stack::PhpAttributes | Stack::PhpLedger => {
                "apt-get install -y php-cli php-soap php-xml (or run .ci/run as root)"
            }
            Stack::Spyne => {
                "pip install -r generated-client/tests/stacks/spyne/requirements.txt (or run .ci/run)"
            }
            Stack::NodeSoap => {
                "apt-get install -y nodejs npm, then npm ci in generated-client/tests/stacks/node (or run .ci/run)"
            }
            Stack::Gsoap => "apt-get install -y gsoap libgsoap-dev gcc (or run .ci/run as root)",
        }
    }

    fn command(self, addr: SocketAddr) -> Command {
        let dir = stacks_dir();
        match self {
            Stack::PhpOrders | Stack::PhpLists | Stack::PhpAttributes | Stack::PhpLedger => {
                let mut php = Command::new("php");
                php.args(["-d", "display_errors=0", "-d", "log_errors=1"])
                    .args(["-S", &addr.to_string(), "server.php"])
                    .current_dir(dir.join("php"));
                php
            }
            Stack::Spyne => {
                let mut python = Command::new("python3");
                // Unbuffered, so the log shows everything up to a crash.
                python
                    .args(["-u", "server.py", &addr.port().to_string()])
                    .current_dir(dir.join("spyne"));
                python
            }
            Stack::NodeSoap => {
                let mut node = Command::new("node");
                node.args(["server.js", &addr.port().to_string()])
                    .env("STACK_WSDL", self.wsdl_path())
                    .current_dir(dir.join("node"));
                node
            }
            Stack::Gsoap => {
                let built = gsoap_build();
                let mut server = Command::new(built.join("server"));
                server
                    .arg(addr.port().to_string())
                    .arg(built.join(GSOAP_WSDL));
                server
            }
        }
    }

    /// The WSDL the generated client is made from: written by hand for PHP and node-soap
    /// (which serve it as is: `server.php` maps each path to its WSDL, node-soap reads
    /// `STACK_WSDL`), written by spyne itself for spyne and by soapcpp2 for gSOAP.
    pub fn wsdl_path(self) -> PathBuf {
        let file = match self {
            Stack::PhpOrders => "orders.wsdl",
            Stack::PhpLists => "lists.wsdl",
            Stack::PhpAttributes => "attributes.wsdl",
            Stack::PhpLedger => "ledger.wsdl",
            Stack::Spyne => "spyne.wsdl",
            Stack::NodeSoap => "node.wsdl",
            Stack::Gsoap => "docs.wsdl",
        };
        specs_dir().join(self.module()).join(file)
    }
}

/// `tests/stacks/`.
pub fn stacks_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stacks")
}

/// `tests/stacks/specs/`: one spec folder per stack, what the generator reads.
pub fn specs_dir() -> PathBuf {
    stacks_dir().join("specs")
}

/// A running stack. Dropping it kills the server; if the test is panicking, its log (the
/// server's stdout and stderr: node-soap and spyne log every request there) is printed first.
pub struct StackPeer {
    stack: Stack,
    child: Child,
    addr: SocketAddr,
    dir: PathBuf,
}

impl StackPeer {
    /// Starts `stack` and waits until it serves its WSDL. Panics with the reason (and what to
    /// install) when it cannot.
    pub fn start(stack: Stack) -> StackPeer {
        let dir = scratch_dir(stack.module());
        for _ in 0..PORT_ATTEMPTS {
            let addr = free_port();
            let log = File::create(dir.join("server.log")).expect("create stack log");
            let child = stack
                .command(addr)
                .stdin(Stdio::null())
                .stdout(Stdio::from(log.try_clone().expect("clone stack log")))
                .stderr(Stdio::from(log))
                .spawn()
                .unwrap_or_else(|e| {
                    panic!("cannot start {stack:?}: {e}; {}", stack.install_hint())
                });
            let mut peer = StackPeer {
                stack,
                child,
                addr,
                dir: dir.clone(),
            };
            if peer.wait_ready() {
                return peer;
            }
        }
        panic!("{stack:?}: no free port after {PORT_ATTEMPTS} attempts");
    }

    pub fn stack(&self) -> Stack {
        self.stack
    }

    /// Where the server listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The SOAP endpoint URL.
    pub fn endpoint(&self) -> String {
        format!("http://{}{}", self.addr, self.stack.path())
    }

    /// The WSDL the server serves now (`GET <endpoint>?wsdl`), as text.
    pub fn served_wsdl(&self) -> Result<String, String> {
        let (status, body) = get(self.addr, &format!("{}?wsdl", self.stack.path()))?;
        if status == 200 {
            Ok(body)
        } else {
            Err(format!("GET ?wsdl answered {status}:\n{body}"))
        }
    }

    /// Everything the server logged so far.
    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
    }

    /// True when ready; false when the port was taken; panics otherwise.
    fn wait_ready(&mut self) -> bool {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                let log = self.log();
                if log.contains("Address already in use") || log.contains("EADDRINUSE") {
                    return false;
                }
                panic!(
                    "{:?} exited at start ({status}); {}\n{log}",
                    self.stack,
                    self.stack.install_hint()
                );
            }
            if TcpStream::connect_timeout(&self.addr, Duration::from_millis(200)).is_ok() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{:?} not listening on {} after {START_TIMEOUT:?}\n{}",
                self.stack,
                self.addr,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
        // Listening is not enough: the library must have loaded and parsed its WSDL.
        match self.served_wsdl() {
            Ok(wsdl) if wsdl.contains("definitions") => true,
            Ok(other) => panic!("{:?} serves no WSDL:\n{other}", self.stack),
            Err(e) => panic!(
                "{:?} does not serve its WSDL: {e}\n{}",
                self.stack,
                self.log()
            ),
        }
    }
}

impl Drop for StackPeer {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let log = self.log();
            let tail: Vec<&str> = log.lines().rev().take(80).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            eprintln!(
                "{:?} on {} log (tail):\n{}",
                self.stack,
                self.addr,
                tail.join("\n")
            );
        }
        // The server may already have exited; either way reap it.
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A blocking HTTP/1.0 `GET path`: the status and the body. HTTP/1.0, so that no server
/// answers in chunks (node-soap chunks its WSDL for HTTP/1.1) and each closes after the body.
fn get(addr: SocketAddr, path: &str) -> Result<(u16, String), String> {
    let mut stream =
        TcpStream::connect_timeout(&addr, Duration::from_secs(5)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .map_err(|e| e.to_string())?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).map_err(|e| e.to_string())?;
    let answer = String::from_utf8(answer).map_err(|e| format!("not UTF-8: {e}"))?;
    let (head, body) = answer
        .split_once("\r\n\r\n")
        .ok_or_else(|| format!("no end of head in {answer:?}"))?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status in {head:?}"))?;
    Ok((status, body.to_owned()))
}

/// The WSDL soapcpp2 writes from `docs.h` (named after its `service name`).
const GSOAP_WSDL: &str = "Docs.wsdl";

/// The gSOAP server, built from `tests/stacks/gsoap/` (`docs.h`, `server.c`) once per test
/// process: soapcpp2 writes the C stubs and the WSDL, cc compiles them with `server.c` against
/// libgsoap. The folder, `<target>/tmp/gsoap-<key>/`, is keyed by the two files' content and
/// soapcpp2's version, so a later run reuses it; a build goes to a folder of its own first and
/// is renamed into place, so that concurrent test processes never see half of one.
pub fn gsoap_build() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let sources = stacks_dir().join("gsoap");
        let version = tool_output(Command::new("soapcpp2").arg("-V"));
        let mut hasher = std::hash::DefaultHasher::new();
        for file in ["docs.h", "server.c"] {
            let content = fs::read(sources.join(file))
                .unwrap_or_else(|e| panic!("tests/stacks/gsoap/{file}: {e}"));
            std::hash::Hash::hash(&content, &mut hasher);
        }
        std::hash::Hash::hash(&version, &mut hasher);
        let key = std::hash::Hasher::finish(&hasher);
        let built = target_tmp().join(format!("gsoap-{key:016x}"));
        if built.join("server").is_file() {
            return built;
        }
        let building = target_tmp().join(format!("gsoap-{key:016x}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&building);
        fs::create_dir_all(&building).expect("gSOAP build folder");
        // -c: C; -S: server side only; -L: no library stubs; -x: no sample messages.
        tool_output(
            Command::new("soapcpp2")
                .args(["-c", "-S", "-L", "-x"])
                .arg(sources.join("docs.h"))
                .current_dir(&building),
        );
        tool_output(
            Command::new("cc")
                .args(["-O1", "-I."])
                .arg(sources.join("server.c"))
                .args(["soapC.c", "soapServer.c", "-lgsoap", "-o", "server"])
                .current_dir(&building),
        );
        if fs::rename(&building, &built).is_err() {
            // Another process finished the same build first.
            let _ = fs::remove_dir_all(&building);
            assert!(
                built.join("server").is_file(),
                "no gSOAP server in {}",
                built.display()
            );
        }
        built
    })
}

/// Runs a build tool to its end: its output, or a panic with it and what to install.
fn tool_output(command: &mut Command) -> String {
    let output = command.output().unwrap_or_else(|e| {
        panic!(
            "cannot run {command:?}: {e}; {}",
            Stack::Gsoap.install_hint()
        )
    });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{command:?} failed:\n{text}");
    text
}
