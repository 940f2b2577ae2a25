//! spyne, .NET-style wrapped document/literal as spyne writes it, proven with today's
//! generator: qualified children, a wrapper list parameter (spyne's `stringArray` of
//! `string`), an empty request element, and a recursive answer (a `TreeNode` holding a list
//! of `TreeNode`s). spyne validates every request against its schema with lxml, and the
//! handlers check the values (tests/stacks/spyne/server.py).

mod common;

use common::{answer, assert_check_failed, url};
use stack_clients::runtime::Lenient;
use stack_clients::spyne::{Client, TreeNode};

fn client() -> Client {
    Client::new(url("STACK_SPYNE_URL")).expect("client")
}

#[tokio::test]
async fn echo_basics_round_trips_text_int_and_a_wrapper_list() {
    let tags = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
    let echoed = answer(
        "echo_basics",
        client()
            .echo_basics(Some("héllo <&> wörld"), Some(-42), Some(&tags))
            .await,
    );
    assert_eq!(
        echoed.echo_basics_result,
        Lenient::Value("héllo <&> wörld|-42|a,b,c".to_owned())
    );
}

#[tokio::test]
async fn the_server_checks_what_it_received() {
    let tags = ["a".to_owned()];
    assert_check_failed(
        client()
            .echo_basics(Some("héllo <&> wörld"), Some(-42), Some(&tags))
            .await,
        "echo_basics.tags",
    );
}

#[tokio::test]
async fn an_empty_request_element() {
    let pong = answer("ping", client().ping().await);
    assert_eq!(pong.ping_result, Lenient::Value("pong".to_owned()));
}

/// The labels of `node` and its descendants, depth first.
fn labels(node: &TreeNode, out: &mut Vec<String>) {
    if let Lenient::Value(label) = &node.label {
        out.push(label.clone());
    }
    if let Lenient::Value(children) = &node.children {
        for child in children {
            labels(child, out);
        }
    }
}

#[tokio::test]
async fn a_recursive_answer() {
    let tree = answer("get_tree", client().get_tree(Some(3)).await);
    let Lenient::Value(root) = &tree.get_tree_result else {
        panic!("no tree: {tree:?}");
    };
    let mut seen = Vec::new();
    labels(root, &mut seen);
    assert_eq!(seen, ["level-0", "level-1", "level-2", "leaf-3"]);
}
