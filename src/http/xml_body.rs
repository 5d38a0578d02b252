//! Request bodies in XML (`Content-Type: application/xml`): what Magento's
//! `Webapi\Rest\Request\Deserializer\Xml` makes of them, `Xml\Parser::xmlToArray` over
//! libxml2's DOM. The root element's name does not count (Magento's own test sends
//! `<xml><key1>..</key1></xml>`): its children are the parameters, `<request><statusHistory>..
//! </statusHistory></request>` is `{"statusHistory": {...}}`; every value is text, which the
//! input conversion reads as it reads JSON strings; a list is its element repeated (`<items><item>..</item><item>..</item>
//! </items>`, the `item` node that `ServiceInputProcessor` removes for REST as for SOAP).
//!
//! `_xmlToArray`'s turns, kept (checked against that PHP code under PHP 8.2 / libxml2 2.9.14):
//! - an empty element (`<a/>`) is null, one holding only white space an empty string;
//! - an element with attributes is `{"_value": ..., "_attribute": {...}}`;
//! - a text that is not white space replaces whatever came before it in its element, elements
//!   included (`<r><a>1</a>text</r>` is `"text"`), and an element after such a text is a PHP
//!   `Error` (a string offset written), which no layer of Magento catches: the bootstrap's plain
//!   500 ([`Error::Fatal`]);
//! - a name met again makes a list, unless the first one was null (then it is replaced); a list
//!   of texts meeting an element is wrapped once more (`<b>1</b><b>2</b><b><c/></b>` is
//!   `[["1","2"],{"c":null}]`).
//!
//! Where it differs: a CDATA section is text here (libxml2 keeps it apart: one holding only
//! white space is that white space there, nothing here); element names lose a namespace
//! prefix; a document with a DTD is refused (libxml2 reads it, without loading anything
//! external) and one in an encoding other than UTF-8 too.

use serde_json::{Map, Value};

use crate::error::{self as e, Error};

/// Most nodes a body may hold (a 1 MiB body holds at most about 350,000 elements).
const NODES_LIMIT: u32 = 1_000_000;
/// The deepest nesting libxml2 reads without `XML_PARSE_HUGE` (`Excessive depth in document:
/// 256`, which it reports once a 258th element opens).
const MAX_DEPTH: usize = 257;

/// `Deserializer\Xml::deserialize`: the body's parameters; `Decoding error.` (400) for a
/// document libxml2 refuses.
pub fn params(bytes: &[u8]) -> Result<Map<String, Value>, Error> {
    let decoding = || Error::input(e::DECODING_ERROR);
    let text = std::str::from_utf8(bytes).map_err(|_| decoding())?;
    // roxmltree's parser recurses once an element level: libxml2's limit first.
    if !depth_within(bytes, MAX_DEPTH) {
        return Err(decoding());
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
    };
    let document =
        roxmltree::Document::parse_with_options(text, options).map_err(|_| decoding())?;
    // `return $data[key($data)]`: the root element's content (its name is no parameter); a
    // text or null there is PHP's `(array)` of a scalar, no named member.
    let Content::Array(document) = to_array(document.root(), 0)? else {
        return Err(decoding());
    };
    match document.into_iter().next() {
        Some((_, Value::Object(members))) => Ok(members),
        _ => Ok(Map::new()),
    }
}

/// Whether no element opens more than `max` levels deep, counted over-generously: every `<`
/// that starts neither a comment, a CDATA section, a processing instruction, a declaration nor
/// an end tag opens one, unless its tag ends with `/>` (quoted attribute values skipped). A
/// document this passes is never deeper than `max` as roxmltree reads it; one it refuses is
/// either deeper or malformed.
fn depth_within(bytes: &[u8], max: usize) -> bool {
    let find = |from: usize, needle: &[u8]| {
        bytes
            .get(from..)
            .and_then(|rest| rest.windows(needle.len()).position(|w| w == needle))
            .map(|at| from + at + needle.len())
    };
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        let skip_to = if rest.starts_with(b"<!--") {
            find(i + 4, b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            find(i + 9, b"]]>")
        } else if rest.starts_with(b"<?") {
            find(i + 2, b"?>")
        } else if rest.starts_with(b"<!") {
            find(i + 2, b">")
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            find(i + 2, b">")
        } else {
            // A start tag: to its `>`, past quoted values.
            let mut j = i + 1;
            let mut quote: Option<u8> = None;
            while j < bytes.len() {
                match (quote, bytes[j]) {
                    (Some(q), b) if b == q => quote = None,
                    (None, b'"' | b'\'') => quote = Some(bytes[j]),
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            if j >= bytes.len() {
                return true; // unterminated: roxmltree refuses it where it stops
            }
            if bytes[j - 1] != b'/' {
                depth += 1;
                if depth > max {
                    return false;
                }
            }
            Some(j + 1)
        };
        match skip_to {
            Some(next) => i = next,
            None => return true,
        }
    }
    true
}

/// What `_xmlToArray` builds for a node's children: PHP's `$content`, a string until an
/// element comes, then an array.
enum Content {
    Text(String),
    Array(Map<String, Value>),
}

impl Content {
    fn into_value(self) -> Value {
        match self {
            Content::Text(text) => Value::String(text),
            Content::Array(members) => Value::Object(members),
        }
    }
}

/// `_xmlToArray($node)`, `depth` elements deep: its recursion goes as deep as libxml2 reads,
/// [`MAX_DEPTH`] small frames at most.
fn to_array(node: roxmltree::Node, depth: usize) -> Result<Content, Error> {
    let mut content = Content::Text(String::new());
    for child in node.children() {
        if child.is_element() {
            if depth >= MAX_DEPTH {
                return Err(Error::input(e::DECODING_ERROR));
            }
            // `$content = $content ?: []`: an empty string or "0" becomes an array, any other
            // text stays, and writing a member into it is PHP's Error.
            if let Content::Text(text) = &content {
                if crate::php::truthy(text) {
                    return Err(Error::fatal(
                        "Cannot access offset of type string on string (Xml\\Parser::_xmlToArray)",
                    ));
                }
                content = Content::Array(Map::new());
            }
            let Content::Array(members) = &mut content else {
                unreachable!("made an array above")
            };
            let mut value = if child.has_children() {
                to_array(child, depth + 1)?.into_value()
            } else {
                Value::Null
            };
            let attributes: Vec<roxmltree::Attribute> = child.attributes().collect();
            if !attributes.is_empty() {
                let mut named = Map::new();
                for attribute in attributes {
                    named
                        .entry(attribute.name().to_owned())
                        .or_insert_with(|| Value::String(attribute.value().to_owned()));
                }
                let mut wrapped = Map::new();
                wrapped.insert("_value".into(), value);
                wrapped.insert("_attribute".into(), Value::Object(named));
                value = Value::Object(wrapped);
            }
            add_member(members, child.tag_name().name(), value);
        } else if child.is_text() {
            let text = child.text().unwrap_or_default();
            if !crate::php::trim(text).is_empty() {
                content = Content::Text(text.to_owned());
            }
        }
    }
    Ok(content)
}

/// `_xmlToArray`'s placing of an element's value under its name.
fn add_member(members: &mut Map<String, Value>, name: &str, value: Value) {
    // `isset($content[$name])`: present and not null.
    let Some(existing) = members.get_mut(name).filter(|v| !v.is_null()) else {
        members.insert(name.to_owned(), value);
        return;
    };
    let wrap = match &*existing {
        Value::String(_) => true,
        // `!isset($content[$name][0])`: not a list (or one whose first member is null), else
        // a list of texts meeting an array.
        Value::Array(items) => match items.first().filter(|v| !v.is_null()) {
            None => true,
            Some(first) => value_is_array(&value) && !value_is_array(first),
        },
        _ => true,
    };
    if wrap {
        let old = std::mem::take(existing);
        *existing = Value::Array(vec![old]);
    }
    if let Value::Array(items) = existing {
        items.push(value);
    }
}

/// PHP's `is_array` of a value `_xmlToArray` made.
fn value_is_array(value: &Value) -> bool {
    matches!(value, Value::Array(_) | Value::Object(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The whole document as `xmlToArray` returns it (root included), as JSON.
    fn json(xml: &str) -> Result<String, Error> {
        params(xml.as_bytes())?;
        let document = roxmltree::Document::parse(xml).expect("read by params");
        Ok(to_array(document.root(), 0)?.into_value().to_string())
    }

    /// Each expectation is what `Xml\Parser::_xmlToArray` over PHP 8.2's DOMDocument (libxml2
    /// 2.9.14) gave for the same document.
    #[test]
    fn documents_as_magento_reads_them() {
        let cases = [
            (
                "<statusHistory><comment>Hi &amp; bye</comment>\
                 <is_customer_notified>0</is_customer_notified></statusHistory>",
                r#"{"statusHistory":{"comment":"Hi & bye","is_customer_notified":"0"}}"#,
            ),
            (
                "<r><items><item><sku>a</sku></item><item><sku>b</sku></item></items></r>",
                r#"{"r":{"items":{"item":[{"sku":"a"},{"sku":"b"}]}}}"#,
            ),
            (
                "<r><a/><a/><b>1</b><b>2</b><b><c>3</c></b><e></e><w>  </w><d x=\"1\">t</d></r>",
                r#"{"r":{"a":null,"b":[["1","2"],{"c":"3"}],"e":null,"w":"","d":{"_value":"t","_attribute":{"x":"1"}}}}"#,
            ),
            (
                "<r><a>x</a><a><c>1</c></a></r>",
                r#"{"r":{"a":["x",{"c":"1"}]}}"#,
            ),
            (
                "<r><a><c>1</c></a><a>x</a><a>y</a></r>",
                r#"{"r":{"a":[{"c":"1"},"x","y"]}}"#,
            ),
            (
                "<?xml version=\"1.0\"?><!-- c --><r>\u{e9}</r>",
                r#"{"r":"é"}"#,
            ),
            ("<r><a>1</a>text</r>", r#"{"r":"text"}"#),
            ("<r><a/><a>1</a><a/></r>", r#"{"r":{"a":["1",null]}}"#),
            ("<r/>", r#"{"r":null}"#),
            ("<r>  </r>", r#"{"r":""}"#),
            ("<r>0<a>1</a></r>", r#"{"r":{"a":"1"}}"#),
        ];
        for (xml, expected) in cases {
            assert_eq!(json(xml).unwrap(), expected, "{xml}");
        }
    }

    #[test]
    fn the_root_elements_children_are_the_parameters() {
        let cases = [
            (
                "<xml><key1>test1</key1><key2>test2</key2></xml>",
                json!({"key1": "test1", "key2": "test2"}),
            ),
            ("<r>text</r>", json!({})),
            ("<r/>", json!({})),
            (
                "<r x=\"1\"><a>1</a></r>",
                json!({"_value": {"a": "1"}, "_attribute": {"x": "1"}}),
            ),
        ];
        for (xml, expected) in cases {
            assert_eq!(
                Value::Object(params(xml.as_bytes()).unwrap()),
                expected,
                "{xml}"
            );
        }
    }

    #[test]
    fn refusals() {
        for xml in [
            "not xml",
            "<r>",
            "<r></s>",
            "<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>",
        ] {
            let e = json(xml).unwrap_err();
            assert_eq!(e.body()["message"], "Decoding error.", "{xml}");
        }
        assert!(matches!(params(b"<r>\xff</r>"), Err(Error::Input(_))));
        // libxml2's depth limit: 257 elements deep are read, 258 are not.
        let nested = |n: usize| format!("{}x{}", "<a>".repeat(n), "</a>".repeat(n));
        assert!(json(&nested(257)).is_ok());
        assert_eq!(
            json(&nested(258)).unwrap_err().body()["message"],
            "Decoding error."
        );
        assert_eq!(
            json(&nested(100_000)).unwrap_err().body()["message"],
            "Decoding error."
        );
        // A text before an element: PHP's Error, the bootstrap's 500.
        assert!(matches!(
            params(b"<r>text<a>1</a></r>"),
            Err(Error::Fatal(_))
        ));
    }
}
