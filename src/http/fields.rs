//! Partial responses: `?fields=items[entity_id,increment_id],total_count` keeps only the named
//! fields of a successful reply, on any GET, POST or PUT (Adobe's "Retrieve filtered responses
//! for REST endpoints").
//!
//! Magento's code: `lib/internal/Magento/Framework/Webapi/Rest/Response/FieldsFilter.php` (the
//! parser and the filter, emulated here step for step, odd corners included) applied by
//! `app/code/Magento/Webapi/Controller/Rest/SynchronousRequestProcessor::process` after the
//! service ran and only when `getParam('fields')` is truthy. Error replies are never filtered.
//!
//! What follows from PHP and is kept on purpose:
//! - a filter with any character other than letters, digits, `_`, `[`, `]` and `,` (a space
//!   included), or with an unclosed `[`, or given as an array (`fields[]=x`), answers `[]`;
//! - an object left with no field, or a nested object or list filtered to nothing, is an empty
//!   PHP array and is written `[]`;
//! - an empty list or object given a nested filter (`comments[comment]` when there are no
//!   comments) becomes `null` (`applyFilter` returns its unset `$arrayIntersect`);
//! - `fields=` and `fields=0` are falsy in PHP: no filtering.
//!
//! One difference: a scalar reply (the `"3"` of an invoice, a salable quantity) is returned as
//! is; Magento passes it to `applyFilter(array ...)`, a PHP TypeError, after the service already
//! committed.

use std::collections::HashMap;

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use serde_json::{Map, Value};

use crate::http::reply::json_response;

/// What a parsed filter keeps under one key: the whole value, or only the named sub-fields.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    All,
    Only(Filter),
}

pub type Filter = HashMap<String, Node>;

/// A filter may nest as deep as the query is long (`a[a[a[...]]]`); PHP's parser is a loop and
/// so is this one, and dropping the tree is one too, so no filter can exhaust the stack.
impl Drop for Node {
    fn drop(&mut self) {
        let Node::Only(filter) = self else { return };
        let mut pending = vec![std::mem::take(filter)];
        while let Some(mut filter) = pending.pop() {
            for (_, mut node) in filter.drain() {
                if let Node::Only(inner) = &mut node {
                    pending.push(std::mem::take(inner));
                }
            }
        }
    }
}

/// The `fields` query parameter as PHP's `$_GET` holds it (the last one wins).
#[derive(Debug, PartialEq)]
enum Param {
    Absent,
    Text(String),
    /// `fields[]=...` or `fields[x]=...`: an array, which the filter refuses.
    Array,
}

fn fields_param(query: Option<&str>) -> Param {
    // Most requests carry no `fields`: skip decoding their query at all.
    let Some(query) = query.filter(|q| q.contains("fields")) else {
        return Param::Absent;
    };
    let Ok(pairs) = serde_urlencoded::from_str::<Vec<(String, String)>>(query) else {
        return Param::Absent;
    };
    let mut param = Param::Absent;
    for (key, value) in pairs {
        if key == "fields" {
            param = Param::Text(value);
        } else if key
            .strip_prefix("fields[")
            .is_some_and(|rest| rest.contains(']'))
        {
            param = Param::Array;
        }
    }
    param
}

/// `FieldsFilter::parse`: `None` for a filter Magento rejects.
pub fn parse(filter: &str) -> Option<Filter> {
    let permitted = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'[' | b']' | b',');
    if filter.is_empty() || !filter.bytes().all(permitted) {
        return None;
    }
    let mut start: Option<usize> = None;
    let mut current = Filter::new();
    let mut stack: Vec<Filter> = Vec::new();
    let mut parents: Vec<Option<String>> = Vec::new();
    let mut current_element: Option<String> = None;
    for (position, byte) in filter.bytes().enumerate() {
        if matches!(byte, b'[' | b']' | b',') {
            if let Some(from) = start.take() {
                let element = filter[from..position].to_owned();
                current.insert(element.clone(), Node::All);
                current_element = Some(element);
            }
        }
        match byte {
            b'[' => {
                // PHP pushes the last field extracted, even one from before a comma.
                parents.push(current_element.clone());
                stack.push(std::mem::take(&mut current));
            }
            b']' => {
                let inner = std::mem::take(&mut current);
                // array_pop of an empty stack is null, and null[...] = autovivifies an array;
                // a null key is PHP's "".
                current = stack.pop().unwrap_or_default();
                let parent = parents.pop().flatten().unwrap_or_default();
                current.insert(parent, Node::Only(inner));
            }
            b',' => {}
            _ => {
                if start.is_none() {
                    start = Some(position);
                }
            }
        }
    }
    if !stack.is_empty() {
        return None;
    }
    if let Some(from) = start {
        current.insert(filter[from..].to_owned(), Node::All);
    }
    Some(current)
}

/// `FieldsFilter::filter` on a whole reply.
fn filter_reply(reply: Value, param: &Param) -> Value {
    let filter = match param {
        Param::Text(text) => parse(text),
        Param::Array | Param::Absent => None,
    };
    match filter {
        Some(filter) => apply(reply, &filter),
        None => Value::Array(Vec::new()),
    }
}

/// Whether PHP would hold this object as an array with integer keys only (a "list").
fn has_only_integer_keys(map: &Map<String, Value>) -> bool {
    map.keys().all(|k| php_int_key(k).is_some())
}

/// PHP turns a decimal integer string key ("0", "-3", not "03") into an integer key.
fn php_int_key(key: &str) -> Option<i64> {
    let n: i64 = key.parse().ok()?;
    (n.to_string() == key).then_some(n)
}

/// `FieldsFilter::applyFilter`: a collection (no string keys) is filtered item by item, anything
/// else field by field.
pub fn apply(value: Value, filter: &Filter) -> Value {
    match value {
        Value::Array(items) if items.is_empty() => Value::Null,
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|i| intersect(i, filter)).collect())
        }
        Value::Object(map) if map.is_empty() => Value::Null,
        Value::Object(map) if has_only_integer_keys(&map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, intersect(v, filter)))
                .collect(),
        ),
        object @ Value::Object(_) => intersect(object, filter),
        scalar => scalar,
    }
}

/// `FieldsFilter::recursiveArrayIntersectKey`: keeps the keys the filter names, in the reply's
/// order, descending where both the value and the filter entry are arrays.
fn intersect(value: Value, filter: &Filter) -> Value {
    let keep = |key: &str, v: Value| -> Option<Value> {
        match filter.get(key)? {
            Node::Only(inner) if key == "custom_attributes" && (v.is_array() || v.is_object()) => {
                Some(custom_attributes(v, inner))
            }
            Node::Only(inner) if v.is_array() || v.is_object() => Some(apply(v, inner)),
            _ => Some(v),
        }
    };
    match value {
        Value::Object(map) => {
            let kept: Map<String, Value> = map
                .into_iter()
                .filter_map(|(k, v)| keep(&k, v).map(|v| (k, v)))
                .collect();
            php_array(kept)
        }
        Value::Array(items) => {
            let kept: Map<String, Value> = items
                .into_iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    let key = i.to_string();
                    keep(&key, v).map(|v| (key, v))
                })
                .collect();
            php_array(kept)
        }
        scalar => scalar,
    }
}

/// `FieldsFilter::filterCustomAttributes`: `custom_attributes[description,color]` names
/// attributes by code: each entry of such a code keeps its code and value, under its own index
/// (so the list may print as an object, `{"7": {...}}`); of any other entry only what the
/// filter names of `attribute_code` and `value` is kept (no entry when neither).
fn custom_attributes(value: Value, filter: &Filter) -> Value {
    let entries: Vec<(String, Value)> = match value {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        Value::Object(map) => map.into_iter().collect(),
        scalar => return scalar,
    };
    let mut kept = Map::new();
    for (key, entry) in entries {
        let code = entry.get("attribute_code").cloned().unwrap_or(Value::Null);
        let named = code.as_str().is_some_and(|c| filter.get(c).is_some());
        let mut out = Map::new();
        if named || filter.get("attribute_code").is_some() {
            out.insert("attribute_code".into(), code);
        }
        if named || filter.get("value").is_some() {
            out.insert(
                "value".into(),
                entry.get("value").cloned().unwrap_or(Value::Null),
            );
        }
        if !out.is_empty() {
            kept.insert(key, Value::Object(out));
        }
    }
    php_array(kept)
}

/// How `json_encode` writes a PHP array: `[]` when empty, a list when its keys are 0, 1, 2, ...
/// in order, an object otherwise.
fn php_array(map: Map<String, Value>) -> Value {
    let sequential = map
        .keys()
        .enumerate()
        .all(|(i, k)| php_int_key(k) == i64::try_from(i).ok());
    if sequential {
        Value::Array(map.into_iter().map(|(_, v)| v).collect())
    } else {
        Value::Object(map)
    }
}

/// The middleware: a successful JSON reply is filtered when the query has a truthy `fields`.
pub async fn filter_fields(request: Request, next: Next) -> Response {
    let param = fields_param(request.uri().query());
    let active = match &param {
        Param::Absent => false,
        Param::Text(text) => !text.is_empty() && text != "0",
        Param::Array => true,
    };
    let response = next.run(request).await;
    if !active || !response.status().is_success() {
        return response;
    }
    let (parts, body) = response.into_parts();
    // Our own rendered reply, already in memory: no limit is needed to read it back.
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(_) => return Response::from_parts(parts, Body::empty()),
    };
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(reply) => json_response(StatusCode::OK, &filter_reply(reply, &param)),
        Err(_) => Response::from_parts(parts, Body::from(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(reply: Value, fields: &str) -> Value {
        filter_reply(reply, &Param::Text(fields.into()))
    }

    fn invoice() -> Value {
        json!({
            "entity_id": 3, "grand_total": 1917.6, "increment_id": "000000003",
            "items": [
                {"sku": "24-WB03", "qty": 20, "price": 36},
                {"sku": "24-WB01", "qty": 40, "price": 32}
            ],
            "billing_address": {"city": "Mineola", "street": ["160 1st St."]},
            "comments": []
        })
    }

    #[test]
    fn parses_magentos_syntax() {
        let filter = parse("customer[id,email],addresses[city,region[region_code]]").unwrap();
        let customer = Filter::from([("id".into(), Node::All), ("email".into(), Node::All)]);
        let region = Filter::from([("region_code".into(), Node::All)]);
        let addresses = Filter::from([
            ("city".into(), Node::All),
            ("region".into(), Node::Only(region)),
        ]);
        assert_eq!(
            filter,
            Filter::from([
                ("customer".into(), Node::Only(customer)),
                ("addresses".into(), Node::Only(addresses)),
            ])
        );
        for bad in ["", "a b", "a.b", "items[sku", "a-b", "é"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        // PHP's corners: a stray `]` files the fields under "", `[` after a comma reuses the
        // field before it, and `a[]` keeps an empty sub-filter.
        assert_eq!(
            parse("a]").unwrap(),
            Filter::from([(
                "".into(),
                Node::Only(Filter::from([("a".into(), Node::All)]))
            )])
        );
        assert_eq!(
            parse("a,[b]").unwrap(),
            Filter::from([(
                "a".into(),
                Node::Only(Filter::from([("b".into(), Node::All)]))
            )])
        );
        assert_eq!(
            parse("a[]").unwrap(),
            Filter::from([("a".into(), Node::Only(Filter::new()))])
        );
    }

    #[test]
    fn keeps_the_named_fields_in_the_replys_order() {
        assert_eq!(
            run(invoice(), "items[qty,sku],grand_total,entity_id"),
            json!({"entity_id": 3, "grand_total": 1917.6, "items": [
                {"sku": "24-WB03", "qty": 20}, {"sku": "24-WB01", "qty": 40}
            ]})
        );
        assert_eq!(
            run(invoice(), "billing_address"),
            json!({"billing_address": {"city": "Mineola", "street": ["160 1st St."]}})
        );
    }

    #[test]
    fn empty_results_are_php_arrays() {
        assert_eq!(run(invoice(), "nothing"), json!([]));
        assert_eq!(run(invoice(), "items[nothing]"), json!({"items": [[], []]}));
        assert_eq!(
            run(invoice(), "comments[comment]"),
            json!({"comments": null})
        );
        assert_eq!(run(invoice(), "a b"), json!([]));
        assert_eq!(filter_reply(invoice(), &Param::Array), json!([]));
    }

    #[test]
    fn custom_attributes_are_named_by_their_codes() {
        let product = json!({"id": 1, "custom_attributes": [
            {"attribute_code": "url_key", "value": "bag"},
            {"attribute_code": "description", "value": "A bag"},
        ]});
        assert_eq!(
            run(product.clone(), "id,custom_attributes[description]"),
            json!({"id": 1, "custom_attributes": {"1": {"attribute_code": "description", "value": "A bag"}}})
        );
        assert_eq!(
            run(product.clone(), "custom_attributes[url_key]"),
            json!({"custom_attributes": [{"attribute_code": "url_key", "value": "bag"}]})
        );
        assert_eq!(
            run(product.clone(), "custom_attributes[attribute_code]"),
            json!({"custom_attributes": [{"attribute_code": "url_key"}, {"attribute_code": "description"}]})
        );
        assert_eq!(
            run(product, "custom_attributes[color]"),
            json!({"custom_attributes": []})
        );
    }

    #[test]
    fn lists_of_replies_are_filtered_item_by_item() {
        assert_eq!(
            run(json!([{"a": 1, "b": 2}, {"a": 3}]), "a"),
            json!([{"a": 1}, {"a": 3}])
        );
        // A list inside a list is a PHP array with integer keys: filtered by index, it keeps
        // them, and keys not from 0 make it an object.
        assert_eq!(
            run(json!({"a": [["x", "y"], ["z"]]}), "a[1]"),
            json!({"a": [{"1": "y"}, []]})
        );
        assert_eq!(
            run(json!({"a": [["x", "y"]]}), "a[0]"),
            json!({"a": [["x"]]})
        );
        // Scalars where Magento would hit a PHP TypeError are returned as they are.
        assert_eq!(
            run(json!({"street": ["x"]}), "street[a]"),
            json!({"street": ["x"]})
        );
        assert_eq!(run(json!("3"), "a"), json!("3"));
    }

    #[test]
    fn reads_the_query_as_php_does() {
        assert_eq!(fields_param(None), Param::Absent);
        assert_eq!(fields_param(Some("a=1")), Param::Absent);
        assert_eq!(
            fields_param(Some("fields=a&fields=items%5Bsku%5D")),
            Param::Text("items[sku]".into())
        );
        assert_eq!(fields_param(Some("fields[]=a")), Param::Array);
        assert_eq!(fields_param(Some("fields%5B0%5D=a")), Param::Array);
        assert_eq!(fields_param(Some("fieldsx=a")), Param::Absent);
    }
}
