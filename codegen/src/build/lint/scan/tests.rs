use super::*;
use crate::build::lint::tests::seed_code;

fn ops(name: &str) -> bool {
    matches!(
        name,
        "api_login" | "api_api_buy_mail" | "get_modules" | "api_getTicketList"
    )
}

fn scanned(code: &str, lang: Lang) -> Scan {
    scan(code, lang, &ops)
}

fn positional(values: &[&str]) -> Vec<Arg> {
    values
        .iter()
        .map(|v| Arg {
            name: None,
            value: (*v).to_owned(),
        })
        .collect()
}

fn named(pairs: &[(&str, &str)]) -> Vec<Arg> {
    pairs
        .iter()
        .map(|(k, v)| Arg {
            name: Some((*k).to_owned()),
            value: (*v).to_owned(),
        })
        .collect()
}

fn call(name: &str, args: Vec<Arg>, line: u32) -> Call {
    Call {
        name: name.to_owned(),
        args,
        line,
    }
}

#[test]
fn languages_by_fence_word() {
    assert_eq!(Lang::of("perl"), Some(Lang::Perl));
    assert_eq!(Lang::of(" Python3 extra"), Some(Lang::Python));
    assert_eq!(Lang::of("rb"), Some(Lang::Ruby));
    assert_eq!(Lang::of("php"), Some(Lang::Php));
    assert_eq!(Lang::of("bash"), None);
    assert_eq!(Lang::of(""), None);
}

#[test]
fn perl_calls_and_assignments() {
    let found = scanned(&seed_code("perl"), Lang::Perl);
    assert_eq!(
        found.calls,
        [
            call("api_login", positional(&["$username", "$password"]), 10),
            call("api_api_buy_mail", positional(&["$sid", "$coupon"]), 16),
        ]
    );
    assert_eq!(found.assignments["username"], ["$ARGV[0]"]);
    assert_eq!(found.assignments["coupon"], ["$ARGV[2]"]);
    assert_eq!(
        found.assignments["sid"],
        ["$client -> api_login($username, $password) -> result"]
    );
}

#[test]
fn python_calls_skip_comments() {
    let found = scanned(&seed_code("python"), Lang::Python);
    assert_eq!(
        found.calls,
        [
            call("api_login", positional(&["argv[1]", "argv[2]"]), 4),
            call("api_api_buy_mail", Vec::new(), 8),
        ]
    );
    assert_eq!(
        found.assignments["sid"],
        ["client.service.api_login(argv[1], argv[2])"]
    );
}

#[test]
fn ruby_savon_messages_are_named_arguments() {
    let found = scanned(&seed_code("ruby"), Lang::Ruby);
    assert_eq!(
        found.calls,
        [
            call(
                "api_login",
                named(&[("username", "ARGV[0]"), ("password", "ARGV[1]")]),
                5
            ),
            call(
                "api_api_buy_mail",
                named(&[("sid", "ARGV[0]"), ("coupon", "ARGV[1]")]),
                14
            ),
        ]
    );
    // `:api_login_response` is another name; `sid` comes from the login response.
    assert_eq!(
        found.assignments["sid"],
        ["response.body[:api_login_response][:return]"]
    );
}

#[test]
fn php_calls_and_argv_assignments() {
    let found = scanned(&seed_code("php"), Lang::Php);
    assert_eq!(
        found.calls,
        [
            call("api_login", positional(&["$username", "$password"]), 7),
            call("api_api_buy_mail", positional(&["$sid", "$coupon"]), 10),
        ]
    );
    assert_eq!(found.assignments["coupon"], ["$_SERVER['argv'][3]"]);
}

#[test]
fn names_in_strings_and_comments_are_not_calls() {
    let perl =
        "print \"api_login(1)\";\n# api_login($a)\nif ($#ARGV < 1) { -> api_login($a, 'x,y') }\n";
    assert_eq!(
        scanned(perl, Lang::Perl).calls,
        [call("api_login", positional(&["$a", "'x,y'"]), 2)]
    );
    let php = "// api_login($a)\n/* api_login(\n$b) */ $c->api_login($d); # api_login()\n";
    assert_eq!(
        scanned(php, Lang::Php).calls,
        [call("api_login", positional(&["$d"]), 2)]
    );
}

#[test]
fn other_argument_forms() {
    let python =
        "client.service.api_login(username=u, password = 'p==')\nclient.service.get_modules\n";
    assert_eq!(
        scanned(python, Lang::Python).calls,
        [call(
            "api_login",
            named(&[("username", "u"), ("password", "'p=='")]),
            0
        )]
    );
    let perl =
        "$c -> get_modules -> result;\n$c->api_login('username' => $u, password => f($x, $y));\n";
    assert_eq!(
        scanned(perl, Lang::Perl).calls,
        [
            call("get_modules", Vec::new(), 0),
            call(
                "api_login",
                named(&[("username", "$u"), ("password", "f($x, $y)")]),
                1
            ),
        ]
    );
    let ruby = "client.call(:get_modules)\nclient.call(:api_login, :message => { :username => u, 'password' => p })\n\
                client.call(:api_getTicketList, soap_action: 'x', message: {})\nx.include?(:api_login)\n";
    assert_eq!(
        scanned(ruby, Lang::Ruby).calls,
        [
            call("get_modules", Vec::new(), 0),
            call(
                "api_login",
                named(&[("username", "u"), ("password", "p")]),
                1
            ),
        ]
    );
}

#[test]
fn assignments_need_a_statement_start() {
    let perl = "my $a = $ARGV[0];\nif ($b == 1) { $c = 2; }\nf($d = 3);\n$e =~ s/x/y/;\n";
    let found = scanned(perl, Lang::Perl);
    assert_eq!(found.assignments.keys().collect::<Vec<_>>(), ["a", "c"]);
    assert_eq!(found.assignments["c"], ["2"]);
}

#[test]
fn broken_code_never_panics_and_unreadable_calls_are_left_out() {
    for code in ["perl", "python", "ruby", "php"].map(seed_code) {
        for lang in [Lang::Perl, Lang::Python, Lang::Ruby, Lang::Php] {
            for (cut, _) in code.char_indices() {
                let _ = scanned(code.get(..cut).unwrap_or_default(), lang);
            }
        }
    }
    for code in [
        "",
        "(",
        ")",
        "'",
        "\"\\",
        "api_login(",
        "api_login($a, (b",
        ":api_login",
        "call(:api_login, message:",
        "é api_login(ü, 'ß') $#",
        "/*",
        "x =",
    ] {
        for lang in [Lang::Perl, Lang::Python, Lang::Ruby, Lang::Php] {
            let found = scanned(code, lang);
            assert!(
                found
                    .calls
                    .iter()
                    .all(|c| c.name != "api_login" || code.contains("ü")),
                "{code:?} {lang:?}: {found:?}"
            );
        }
    }
}

/// Lines of calls used to be counted from the top of the sample for each call, which made a
/// sample of many calls quadratic (this one took minutes in a debug build).
#[test]
fn calls_deep_in_a_long_sample_have_their_lines() {
    let code = "$res = $client->get_modules($sid);\n".repeat(20_000);
    let found = scanned(&code, Lang::Php);
    assert_eq!(found.calls.len(), 20_000);
    let lines: Vec<u32> = found.calls.iter().map(|c| c.line).collect();
    assert!(lines.iter().copied().eq(0..20_000), "{:?}", &lines[..10]);
}
