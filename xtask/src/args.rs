//! The command line: `gen [--check] [--specs <dir> --out <dir> [--name <crate>]]
//! [--report <file>]`, `bench-compare`, or `--help`.

use std::path::PathBuf;

pub const USAGE: &str = "\
usage: cargo xtask gen [--check] [--specs <dir> --out <dir> [--name <crate>]] [--report <file>]
       cargo xtask bench-compare
       cargo xtask --help

  gen               generate <workspace>/generated-client from <workspace>/specs, where
                    <workspace> is the checkout holding the current folder
  --check           write nothing; fail if the generated files are not current
  --out <dir>       generate a complete crate (runtime included) into <dir> instead
  --specs <dir>     read the specs from <dir> (needs --out)
  --name <crate>    the package name of the crate written to --out (default
                    generated-client; the library is the name with `_` for `-`)
  --report <file>   also write the coverage report as JSON to <file> (even with --check)
  bench-compare     decode the 10,000-row answer with PHP's SoapClient and with ours
  --help, -h, help  print this and exit";

/// What to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Gen(Args),
    BenchCompare,
    /// Print [`USAGE`].
    Help,
}

/// What to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub check: bool,
    pub specs: Option<PathBuf>,
    pub out: Option<PathBuf>,
    /// Where to write the coverage report as JSON.
    pub report: Option<PathBuf>,
    /// The package name of a crate written to `out`.
    pub name: Option<codegen::emit::Package>,
}

impl Args {
    /// The command that regenerates what these arguments check, for the stale-code message.
    pub fn gen_command(&self) -> String {
        let mut command = "cargo xtask gen".to_owned();
        for (flag, dir) in [("--specs", &self.specs), ("--out", &self.out)] {
            if let Some(dir) = dir {
                command.push_str(&format!(" {flag} {}", dir.display()));
            }
        }
        if let Some(package) = &self.name {
            command.push_str(&format!(" --name {}", package.name()));
        }
        command
    }
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let (command, rest) = args.split_first().ok_or("missing command")?;
    match command.as_str() {
        "--help" | "-h" | "help" => Ok(Command::Help),
        "gen" => parse_gen(rest).map(Command::Gen),
        "bench-compare" => match rest.first() {
            None => Ok(Command::BenchCompare),
            Some(other) => Err(format!("unknown argument `{other}`")),
        },
        other => Err(format!("unknown command `{other}`")),
    }
}

/// Parses the arguments after `gen`.
fn parse_gen(args: &[String]) -> Result<Args, String> {
    let mut rest = args.iter();
    let mut parsed = Args {
        check: false,
        specs: None,
        out: None,
        report: None,
        name: None,
    };
    while let Some(arg) = rest.next() {
        if arg == "--name" {
            if parsed.name.is_some() {
                return Err("`--name` given twice".to_owned());
            }
            let name = rest
                .next()
                .filter(|name| !name.starts_with("--"))
                .ok_or("`--name` needs a package name")?;
            parsed.name = Some(codegen::emit::Package::new(name)?);
            continue;
        }
        let (slot, what) = match arg.as_str() {
            "--check" if !parsed.check => {
                parsed.check = true;
                continue;
            }
            "--specs" if parsed.specs.is_none() => (&mut parsed.specs, "a folder"),
            "--out" if parsed.out.is_none() => (&mut parsed.out, "a folder"),
            "--report" if parsed.report.is_none() => (&mut parsed.report, "a file"),
            "--check" | "--specs" | "--out" | "--report" => {
                return Err(format!("`{arg}` given twice"));
            }
            other => return Err(format!("unknown argument `{other}`")),
        };
        match rest.next() {
            Some(path) if !path.starts_with("--") => *slot = Some(PathBuf::from(path)),
            _ => return Err(format!("`{arg}` needs {what}")),
        }
    }
    if parsed.name.is_some() && parsed.out.is_none() {
        return Err(
            "`--name` needs `--out`: the workspace's crate is always `generated-client`".to_owned(),
        );
    }
    if parsed.specs.is_some() && parsed.out.is_none() {
        return Err(
            "`--specs` needs `--out`: the workspace's crate is generated from its own specs"
                .to_owned(),
        );
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_line(line: &str) -> Result<Command, String> {
        parse(
            &line
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        )
    }

    fn parse_str(line: &str) -> Result<Args, String> {
        match parse_line(line)? {
            Command::Gen(args) => Ok(args),
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn help_in_every_spelling() {
        for line in ["--help", "-h", "help"] {
            assert_eq!(parse_line(line), Ok(Command::Help), "{line}");
        }
    }

    #[test]
    fn parses_bench_compare_without_arguments() {
        assert_eq!(parse_line("bench-compare"), Ok(Command::BenchCompare));
        assert_eq!(
            parse_line("bench-compare --check"),
            Err("unknown argument `--check`".to_owned())
        );
    }

    #[test]
    fn parses_the_three_forms() {
        assert_eq!(
            parse_str("gen"),
            Ok(Args {
                check: false,
                specs: None,
                out: None,
                report: None,
                name: None,
            })
        );
        assert_eq!(
            parse_str("gen --check --report r.json"),
            Ok(Args {
                check: true,
                specs: None,
                out: None,
                report: Some("r.json".into()),
                name: None,
            })
        );
        let scratch = parse_str("gen --out /tmp/c --specs s --check").unwrap();
        assert_eq!(
            scratch,
            Args {
                check: true,
                specs: Some("s".into()),
                out: Some("/tmp/c".into()),
                report: None,
                name: None,
            }
        );
        assert_eq!(
            scratch.gen_command(),
            "cargo xtask gen --specs s --out /tmp/c"
        );
        assert_eq!(
            parse_str("gen --check").unwrap().gen_command(),
            "cargo xtask gen"
        );
        let named = parse_str("gen --specs s --out o --name shop-client").unwrap();
        assert_eq!(
            named.name.as_ref().map(|p| p.lib()),
            Some("shop_client".into())
        );
        assert_eq!(
            named.gen_command(),
            "cargo xtask gen --specs s --out o --name shop-client"
        );
    }

    #[test]
    fn rejects_what_it_does_not_know() {
        assert_eq!(parse_str(""), Err("missing command".to_owned()));
        assert_eq!(
            parse_str("build"),
            Err("unknown command `build`".to_owned())
        );
        assert_eq!(
            parse_str("gen --force"),
            Err("unknown argument `--force`".to_owned())
        );
        assert_eq!(
            parse_str("gen --out"),
            Err("`--out` needs a folder".to_owned())
        );
        assert_eq!(
            parse_str("gen --out --check"),
            Err("`--out` needs a folder".to_owned())
        );
        assert_eq!(
            parse_str("gen --check --check"),
            Err("`--check` given twice".to_owned())
        );
        assert_eq!(
            parse_str("gen --out a --out b"),
            Err("`--out` given twice".to_owned())
        );
        assert_eq!(
            parse_str("gen --report"),
            Err("`--report` needs a file".to_owned())
        );
        assert_eq!(
            parse_str("gen --report a --report b"),
            Err("`--report` given twice".to_owned())
        );
        assert!(
            parse_str("gen --specs s")
                .unwrap_err()
                .contains("`--specs` needs `--out`")
        );
        assert!(
            parse_str("gen --name x")
                .unwrap_err()
                .contains("`--name` needs `--out`")
        );
        assert_eq!(
            parse_str("gen --out o --name"),
            Err("`--name` needs a package name".to_owned())
        );
        assert_eq!(
            parse_str("gen --out o --name a --name b"),
            Err("`--name` given twice".to_owned())
        );
        assert!(
            parse_str("gen --out o --name 2x")
                .unwrap_err()
                .contains("is not a package name")
        );
    }
}
