//! node-soap, point 4. WS-Security UsernameToken with a digest (Base64(SHA-1(nonce + created
//! + password)), a fresh nonce, `wsu:Created` within 5 minutes; node_soap's service.toml says
//! `username-token = "digest"`, so `Client::new(endpoint, username, password)` sends it) and
//! with a text password (the same client built from a `#PasswordText` token), checked by
//! node-soap's `authenticate` hook; a wrong password is refused.

mod common;

use common::{NODE_PASSWORD, NODE_USER, answer, url};
use stack_clients::Error;
use stack_clients::node_soap::Client;
use stack_clients::runtime::soap::{PasswordType, UsernameToken};
use stack_clients::runtime::{ClientBuilder, Lenient, Secret};

fn client(password: &str, kind: PasswordType) -> Client {
    match kind {
        PasswordType::Digest => Client::new(url("STACK_NODE_URL"), NODE_USER, password),
        PasswordType::Text => ClientBuilder::<Client>::new(
            url("STACK_NODE_URL"),
            UsernameToken::new(NODE_USER, Secret::new(password), PasswordType::Text),
        )
        .build(),
    }
    .expect("client")
}

#[tokio::test]
async fn text_and_digest_tokens() {
    for (kind, name, check) in [
        (PasswordType::Text, "text", "wsse.password"),
        (PasswordType::Digest, "digest", "wsse.digest"),
    ] {
        let me = answer(name, client(NODE_PASSWORD, kind).who_am_i().await);
        assert_eq!(me.user, Lenient::Value(NODE_USER.to_owned()));
        assert_eq!(me.password_type, Lenient::Value(name.to_owned()));
        match client("wrong", kind).who_am_i().await {
            Err(Error::Fault(fault)) => assert!(
                fault
                    .string
                    .contains(&format!("PEER-CHECK-FAILED {check}:")),
                "{fault:?}"
            ),
            other => panic!("a wrong {name} password was accepted: {other:?}"),
        }
    }
}
