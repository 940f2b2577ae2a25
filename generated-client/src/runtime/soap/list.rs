//! XSD `xsd:list` values: the items of ONE element or attribute, as text separated by
//! whitespace (`<ids>1 2 3</ids>`, `sizes="S M"`), unlike a SOAP-ENC array or a repeated
//! element, which give each item its own element.
//!
//! [`XsdList`] is a type rather than a `serialize_with` adapter on a `Vec` so that it nests
//! like any other value: in an `Option` of a request, a `Lenient` of an answer, a parameter.
//! Each item is written and read through the item type's own rules (numbers, booleans,
//! enums, dates, decimals: `ser.rs`, `de.rs`). Writing puts one space between items; reading
//! splits on any XML whitespace (space, tab, CR, LF) and ignores runs of it, as XSD's
//! `whiteSpace="collapse"` says. An item that does not read fails the whole value (in an
//! answer: `Lenient::Unreadable` with the text as sent), so a list is never silently short.

use super::attributes::TextSer;
use super::de::TextDe;
use super::xml::Kind;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{self, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// The items of an XSD `xsd:list`, sent and read as one whitespace-separated text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct XsdList<T>(pub Vec<T>);

impl<T> XsdList<T> {
    pub fn new(items: Vec<T>) -> Self {
        Self(items)
    }

    /// The items.
    pub fn items(&self) -> &[T] {
        &self.0
    }

    pub fn into_items(self) -> Vec<T> {
        self.0
    }
}

impl<T> std::ops::Deref for XsdList<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T> From<Vec<T>> for XsdList<T> {
    fn from(items: Vec<T>) -> Self {
        Self(items)
    }
}

impl<T, const N: usize> From<[T; N]> for XsdList<T> {
    fn from(items: [T; N]) -> Self {
        Self(items.into())
    }
}

impl<T> FromIterator<T> for XsdList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl<T> IntoIterator for XsdList<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a XsdList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The items as one text, refused when an item has no text of its own or would split into
/// several (a string holding whitespace): the server would read another list.
impl<T: Serialize> Serialize for XsdList<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut text = String::new();
        for (i, item) in self.0.iter().enumerate() {
            let item = item
                .serialize(TextSer::default())
                .map_err(|e| ser::Error::custom(format!("list item {i}: {e}")))?
                .ok_or_else(|| ser::Error::custom(format!("list item {i} has no value")))?;
            if item.is_empty() || item.contains(is_xml_space) {
                return Err(ser::Error::custom(format!(
                    "list item {i} is empty or holds whitespace, which separates list items"
                )));
            }
            if i > 0 {
                text.push(' ');
            }
            text.push_str(&item);
        }
        serializer.serialize_str(&text)
    }
}

/// A document whose body is a bare list answers with the list (never blank: an empty list is
/// what the server said).
impl<T: de::DeserializeOwned> crate::runtime::Answer for XsdList<T> {}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for XsdList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Items(PhantomData))
    }
}

struct Items<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Items<T> {
    type Value = XsdList<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whitespace-separated list")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<XsdList<T>, E> {
        text.split(is_xml_space)
            .filter(|item| !item.is_empty())
            .enumerate()
            .map(|(i, item)| {
                T::deserialize(TextDe::new(Cow::Owned(item.to_owned()), Kind::Untyped))
                    .map_err(|e| E::custom(format!("list item {i}: {e}")))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    enum Size {
        S,
        M,
    }

    fn read<T: for<'de> Deserialize<'de>>(text: &str) -> Result<XsdList<T>, String> {
        XsdList::deserialize(TextDe::new(Cow::Borrowed(text), Kind::Untyped))
            .map_err(|e| e.to_string())
    }

    fn write<T: Serialize>(items: Vec<T>) -> Result<Option<String>, String> {
        XsdList(items)
            .serialize(TextSer::default())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn items_are_written_with_one_space_through_their_own_rules() {
        assert_eq!(write(vec![1, -2, 3]).unwrap().unwrap(), "1 -2 3");
        assert_eq!(write(vec![Size::M, Size::S]).unwrap().unwrap(), "M S");
        assert_eq!(
            write(vec![0.5f64, f64::INFINITY]).unwrap().unwrap(),
            "0.5 INF"
        );
        let amounts: Vec<rust_decimal::Decimal> =
            vec!["10.50".parse().unwrap(), "-0.01".parse().unwrap()];
        assert_eq!(write(amounts).unwrap().unwrap(), "10.50 -0.01");
        assert_eq!(write(Vec::<i32>::new()).unwrap().unwrap(), "");
    }

    #[test]
    fn an_item_that_would_split_or_vanish_is_refused() {
        let error = write(vec!["a", "b c"]).unwrap_err();
        assert!(error.contains("list item 1"), "{error}");
        assert!(write(vec!["a", ""]).is_err());
        assert!(write(vec![Some(1), None]).is_err());
    }

    #[test]
    fn any_xml_whitespace_separates_items() {
        let ids: XsdList<i32> = read(" 1\t2\r\n 3  ").unwrap();
        assert_eq!(ids, XsdList(vec![1, 2, 3]));
        let sizes: XsdList<Size> = read("S M").unwrap();
        assert_eq!(sizes.items(), [Size::S, Size::M]);
        let dates: XsdList<crate::runtime::Date> = read("2024-02-29 2025-01-01").unwrap();
        assert_eq!(dates.len(), 2);
        assert_eq!(read::<i32>("   ").unwrap(), XsdList(Vec::new()));
    }

    #[test]
    fn one_unreadable_item_fails_the_whole_list() {
        let error = read::<i32>("1 x 3").unwrap_err();
        assert!(error.contains("list item 1"), "{error}");
        assert!(read::<Size>("S XL").is_err());
        assert!(read::<bool>("true maybe").is_err());
    }
}
