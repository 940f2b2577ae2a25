//! An HTTP page's example request URL, taken apart into what addresses the operation: product
//! group, region segment, action and the query keys it sends.
//!
//! `https://test.httpapi.com/api/enterpriseemail/us/renew.json?order-id=0` → group
//! `enterpriseemail`, region `us`, action `renew`, path `/api/enterpriseemail/{region}/renew.json`.

use crate::diag::{Diagnostic, Item, Kind};
use crate::read::page::ExampleUrl;

/// What one example URL says about its operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The product: the first path segment after `/api/`.
    pub group: String,
    /// The segment between group and action, if there is exactly one.
    pub region: Option<String>,
    /// The last segment without its extension: the operation's wire name.
    pub action: String,
    /// The path with `{region}` where the region segment goes.
    pub path: String,
    /// Query keys as spelled, in order, repeats kept (`status=Active&status=Suspended`).
    pub query_keys: Vec<String>,
    pub label: Option<String>,
    pub line: u32,
}

/// Takes an example URL apart. A URL that cannot address an operation is a warning and `None`;
/// the caller decides whether the page has any usable example left.
pub fn parse(file: &str, example: &ExampleUrl, diags: &mut Vec<Diagnostic>) -> Option<Example> {
    let url = example.url.trim();
    let warn = |message: String| Diagnostic::warning(file, example.line, message);
    let ignored = |message: String| warn(message).skipping(Item::ExampleUrl, url);
    let after_host = match url.split_once("://") {
        Some((scheme, rest)) => {
            let scheme_lower = scheme.to_ascii_lowercase();
            if scheme_lower != "http" && scheme_lower != "https" {
                let Some(meant) = ["https", "http"]
                    .into_iter()
                    .find(|s| scheme_lower.ends_with(s))
                else {
                    diags.push(ignored(format!(
                        "example URL `{url}` has scheme `{scheme}`; ignored"
                    )));
                    return None;
                };
                diags.push(
                    warn(format!(
                        "example URL starts with `{scheme}://`, read as `{meant}://`"
                    ))
                    .with_hint("fix the typo in the page")
                    .with_kind(Kind::DocLint),
                );
            }
            rest.find(['/', '?', '#'])
                .map_or("", |i| rest.get(i..).unwrap_or_default())
        }
        None if url.starts_with('/') => url,
        None => {
            diags.push(ignored(format!(
                "example URL `{url}` is not an absolute URL or path; ignored"
            )));
            return None;
        }
    };
    let without_fragment = after_host.split('#').next().unwrap_or_default();
    let (path, query) = without_fragment
        .split_once('?')
        .unwrap_or((without_fragment, ""));

    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let skip = usize::from(segments.first() == Some(&"api"));
    let addressed = segments.get(skip..).unwrap_or_default();
    let (Some(group), Some(last)) = (addressed.first(), addressed.last()) else {
        diags.push(ignored(format!(
            "example URL path `{path}` names no operation; ignored"
        )));
        return None;
    };
    let action = last.split('.').next().unwrap_or_default();
    if addressed.len() < 2 || action.is_empty() {
        diags.push(
            ignored(format!(
                "example URL path `{path}` has no `<group>/<action>` part; ignored"
            ))
            .with_hint("expected a path like /api/domains/register.json"),
        );
        return None;
    }
    let middle = addressed.get(1..addressed.len() - 1).unwrap_or_default();
    let region = match middle {
        [region] => Some((*region).to_owned()),
        [] => None,
        _ => {
            diags.push(warn(format!(
                "example URL path `{path}` has {} segments between group and action; none is \
                 taken as a region",
                middle.len()
            )));
            None
        }
    };
    let mut template: Vec<&str> = segments.clone();
    if region.is_some() {
        if let Some(slot) = template.get_mut(skip + 1) {
            *slot = "{region}";
        }
    }
    let query_keys = query
        .split('&')
        .map(|pair| pair.split('=').next().unwrap_or_default().trim())
        .filter(|key| !key.is_empty())
        .map(str::to_owned)
        .collect();
    Some(Example {
        group: (*group).to_owned(),
        region,
        action: action.to_owned(),
        path: format!("/{}", template.join("/")),
        query_keys,
        label: example.label.clone(),
        line: example.line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(url: &str) -> ExampleUrl {
        ExampleUrl {
            label: Some("US Server".to_owned()),
            url: url.to_owned(),
            line: 7,
        }
    }

    fn parsed(url: &str) -> (Option<Example>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        (parse("rc/page.txt", &example(url), &mut diags), diags)
    }

    #[test]
    fn takes_a_regional_url_apart() {
        let (ex, diags) = parsed(
            " https://test.httpapi.com/api/enterpriseemail/us/renew.json?auth-userid=0&\
             api-key=key&status=A&status=B ",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let ex = ex.expect("parsed");
        assert_eq!(ex.group, "enterpriseemail");
        assert_eq!(ex.region.as_deref(), Some("us"));
        assert_eq!(ex.action, "renew");
        assert_eq!(ex.path, "/api/enterpriseemail/{region}/renew.json");
        assert_eq!(
            ex.query_keys,
            ["auth-userid", "api-key", "status", "status"]
        );
        assert_eq!(ex.label.as_deref(), Some("US Server"));
    }

    #[test]
    fn a_url_without_region_keeps_its_path() {
        let (ex, diags) = parsed("https://test.httpapi.com/api/domains/register.json?ns=a");
        assert!(diags.is_empty());
        let ex = ex.expect("parsed");
        assert_eq!(
            (ex.group.as_str(), ex.region, ex.action.as_str()),
            ("domains", None, "register")
        );
        assert_eq!(ex.path, "/api/domains/register.json");
    }

    #[test]
    fn repairs_a_doubled_scheme_letter_with_a_warning() {
        let (ex, diags) = parsed("hhttps://test.httpapi.com/api/gapps/gbl/add.json?x=1");
        assert_eq!(ex.expect("parsed").region.as_deref(), Some("gbl"));
        assert_eq!(diags.len(), 1);
        assert!(!diags[0].is_error());
        assert_eq!(diags[0].line, 7);
        assert!(
            diags[0].message.contains("`hhttps://`"),
            "{}",
            diags[0].message
        );
    }

    #[test]
    fn unusable_urls_warn_and_yield_nothing() {
        for url in [
            "ftp://host/api/a/b.json",
            "not a url",
            "https://host/",
            "https://host/api/x",
        ] {
            let (ex, diags) = parsed(url);
            assert!(ex.is_none(), "{url}");
            assert_eq!(diags.len(), 1, "{url}");
            assert!(!diags[0].is_error());
        }
    }

    #[test]
    fn several_middle_segments_are_not_a_region() {
        let (ex, diags) = parsed("https://h/api/dns/manage/v2/add-record.json");
        let ex = ex.expect("parsed");
        assert_eq!(ex.region, None);
        assert_eq!(ex.path, "/api/dns/manage/v2/add-record.json");
        assert_eq!(diags.len(), 1);
    }
}
