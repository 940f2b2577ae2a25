//! `cargo xtask bench-compare`: the same 10,000-row `api_vps_get_services` answer decoded by
//! PHP's SoapClient and by the generated client, plus quick-xml's raw tokenize, in one run.
//!
//! 1. `cargo bench -p generated-client --bench compare` (release profile; xtask itself runs in
//!    debug) starts the PHP ext/soap peer, fetches the answer, writes it to a temporary file,
//!    and times our decode and the tokenize (warm-up, median of the runs) and our peak heap.
//! 2. `php xtask/php/soapclient_decode.php` decodes that file with a `SoapClient` in WSDL mode
//!    on `specs/interserver/myapi.wsdl` whose `__doRequest` returns it (a canned transport;
//!    `soap.wsdl_cache_enabled=1`), warm-up then median of the same number of runs.
//!
//! The last line printed is
//! `decode 10000 rows: ours <ms> ms, php-soapclient <ms> ms, ratio <x>, tokenize <ms> ms`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

/// The PHP half, relative to the workspace root.
const PHP_SCRIPT: &str = "xtask/php/soapclient_decode.php";
/// The WSDL PHP's SoapClient decodes with, relative to the workspace root.
const WSDL: &str = "specs/interserver/myapi.wsdl";
/// The targets the figures are held against (README.md, "Performance").
const MIN_SPEEDUP_OVER_PHP: f64 = 15.0;
const MAX_RATIO_TO_TOKENIZE: f64 = 2.0;
const MAX_PEAK_OVER_ENVELOPE: f64 = 3.0;

/// Runs both halves; the report (details, then the summary line) or what failed.
pub fn run(root: &Path) -> Result<String, String> {
    let envelope =
        std::env::temp_dir().join(format!("xtask-bench-compare-{}.xml", std::process::id()));
    let result = compare(root, &envelope);
    let _ = std::fs::remove_file(&envelope);
    result
}

fn compare(root: &Path, envelope: &Path) -> Result<String, String> {
    let load_before = load_average();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut ours = Command::new(cargo);
    ours.args(["bench", "-p", "generated-client", "--bench", "compare"])
        .current_dir(root)
        .env("BENCH_COMPARE_ENVELOPE", envelope);
    let ours_out = output(ours, "cargo bench -p generated-client --bench compare")?;
    let ours = Fields::last_result(&ours_out)?;
    let rows = ours.get("rows")?;
    let runs = ours.get("runs")?;

    let mut php = Command::new("php");
    php.args([
        "-d",
        "soap.wsdl_cache_enabled=1",
        "-d",
        "memory_limit=2048M",
        PHP_SCRIPT,
        WSDL,
    ])
    .arg(envelope)
    .args([rows, runs])
    .current_dir(root);
    let php_out = output(php, &format!("php {PHP_SCRIPT}"))?;
    let php = Fields::last_result(&php_out)?;

    let summary = Summary {
        rows: rows.to_owned(),
        ours_ms: ours.number("ours_ms")?,
        php_ms: php.number("php_ms")?,
        tokenize_ms: ours.number("tokenize_ms")?,
        envelope_bytes: ours.number("envelope_bytes")?,
        peak_bytes: ours.number("peak_bytes")?,
    };
    let mut report = vec![format!(
        "generated client, release build (`cargo bench -p generated-client --bench compare`), warm-up + median of {runs}:"
    )];
    report.extend(details(&ours_out));
    report.push(format!(
        "PHP {} SoapClient, WSDL mode, canned transport (`php {PHP_SCRIPT}`), warm-up + median of {runs}:",
        php_version()
    ));
    report.extend(details(&php_out));
    report.push(format!(
        "load average (1, 5, 15 min) before: {load_before}, after: {} ({} cores; wall-clock \
         figures grow with it)",
        load_average(),
        std::thread::available_parallelism().map_or(0, usize::from)
    ));
    report.extend(summary.targets());
    report.push(summary.line());
    Ok(report.join("\n"))
}

/// Runs `command` with stderr passed through; its stdout, or why it failed.
fn output(mut command: Command, shown: &str) -> Result<String, String> {
    let out = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("error: cannot run `{shown}`: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        return Err(format!("{stdout}error: `{shown}` failed ({})", out.status));
    }
    Ok(stdout)
}

/// Other work on the machine, which inflates wall-clock times: `/proc/loadavg`'s first three
/// fields (Linux), or `unknown`.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|fields| !fields.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

fn php_version() -> String {
    Command::new("php")
        .args(["-r", "echo PHP_VERSION;"])
        .output()
        .ok()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default()
}

/// A half's output lines other than its `RESULT` line, indented.
fn details(output: &str) -> Vec<String> {
    output
        .lines()
        .filter(|line| !line.starts_with(RESULT) && !line.trim().is_empty())
        .map(|line| format!("  {line}"))
        .collect()
}

const RESULT: &str = "RESULT ";

/// The `key=value` fields of a half's last `RESULT` line.
struct Fields<'a>(BTreeMap<&'a str, &'a str>);

impl<'a> Fields<'a> {
    fn last_result(output: &'a str) -> Result<Self, String> {
        let line = output
            .lines()
            .rev()
            .find_map(|line| line.strip_prefix(RESULT))
            .ok_or_else(|| format!("{output}error: no `{}` line in the output", RESULT.trim()))?;
        line.split_whitespace()
            .map(|field| {
                field
                    .split_once('=')
                    .ok_or_else(|| format!("error: `{field}` is not key=value in `{line}`"))
            })
            .collect::<Result<_, _>>()
            .map(Fields)
    }

    fn get(&self, key: &str) -> Result<&'a str, String> {
        self.0
            .get(key)
            .copied()
            .ok_or_else(|| format!("error: no `{key}` in the RESULT line"))
    }

    fn number(&self, key: &str) -> Result<f64, String> {
        let text = self.get(key)?;
        text.parse()
            .map_err(|_| format!("error: `{key}={text}` is not a number"))
    }
}

/// The figures of one run.
struct Summary {
    rows: String,
    ours_ms: f64,
    php_ms: f64,
    tokenize_ms: f64,
    envelope_bytes: f64,
    peak_bytes: f64,
}

impl Summary {
    /// How much faster ours is than PHP's SoapClient.
    fn speedup(&self) -> f64 {
        self.php_ms / self.ours_ms
    }

    /// Each target, met or missed.
    fn targets(&self) -> Vec<String> {
        let verdict = |met: bool| if met { "met" } else { "MISSED" };
        let to_tokenize = self.ours_ms / self.tokenize_ms;
        let with_envelope = (self.peak_bytes + self.envelope_bytes) / self.envelope_bytes;
        vec![
            format!(
                "target ours >= {MIN_SPEEDUP_OVER_PHP}x faster than php-soapclient: {:.1}x, {}",
                self.speedup(),
                verdict(self.speedup() >= MIN_SPEEDUP_OVER_PHP)
            ),
            format!(
                "target ours <= {MAX_RATIO_TO_TOKENIZE}x raw tokenize: {to_tokenize:.2}x, {}",
                verdict(to_tokenize <= MAX_RATIO_TO_TOKENIZE)
            ),
            format!(
                "target peak heap <= {MAX_PEAK_OVER_ENVELOPE}x the envelope ({} bytes): {:.0} bytes \
                 above it, {with_envelope:.2}x counting the envelope itself, {}",
                self.envelope_bytes,
                self.peak_bytes,
                verdict(with_envelope <= MAX_PEAK_OVER_ENVELOPE)
            ),
        ]
    }

    /// The summary line, always printed last.
    fn line(&self) -> String {
        format!(
            "decode {} rows: ours {:.2} ms, php-soapclient {:.2} ms, ratio {:.1}, tokenize {:.2} ms",
            self.rows,
            self.ours_ms,
            self.php_ms,
            self.speedup(),
            self.tokenize_ms
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_result_line_counts() {
        let output = "ours runs (ms): 1 2\nRESULT a=1\nRESULT ours_ms=2.5 rows=10000\n";
        let fields = Fields::last_result(output).unwrap();
        assert_eq!(fields.number("ours_ms"), Ok(2.5));
        assert_eq!(fields.get("rows"), Ok("10000"));
        assert!(fields.get("a").unwrap_err().contains("no `a`"));
        assert_eq!(details(output), ["  ours runs (ms): 1 2"]);
        assert!(Fields::last_result("nothing\n").is_err());
        assert!(Fields::last_result("RESULT x\n").is_err());
        assert!(
            Fields::last_result("RESULT x=y\n")
                .unwrap()
                .number("x")
                .is_err()
        );
    }

    #[test]
    fn the_summary_line_has_the_agreed_form() {
        let summary = Summary {
            rows: "10000".to_owned(),
            ours_ms: 12.345,
            php_ms: 1500.0,
            tokenize_ms: 7.0,
            envelope_bytes: 1000.0,
            peak_bytes: 1500.0,
        };
        assert_eq!(
            summary.line(),
            "decode 10000 rows: ours 12.35 ms, php-soapclient 1500.00 ms, ratio 121.5, tokenize 7.00 ms"
        );
        let targets = summary.targets();
        assert!(targets[0].ends_with("121.5x, met"), "{targets:?}");
        assert!(targets[1].ends_with("1.76x, met"), "{targets:?}");
        assert!(
            targets[2].ends_with("2.50x counting the envelope itself, met"),
            "{targets:?}"
        );
    }
}
