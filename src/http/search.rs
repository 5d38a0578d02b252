//! `searchCriteria[...]` from the query string, as PHP's `parse_str` and Magento's
//! `ServiceInputProcessor` read it: PHP-style brackets, UpperCamelCase key matching, the
//! "not supported" and type errors, PHP's nesting limit.
//!
//! Sources: lib/internal/Magento/Framework/Webapi/ServiceInputProcessor.php (parsing, the
//! errors), Framework/Api/SortOrder.php (direction check), main/php_variables.c (nesting). See
//! sales.md section 8.

use crate::error::{self as e, Error, Phrase, Result};
use crate::search::{Filter, FilterGroup, SearchCriteria};
use crate::wire::input::{to_int, upper_camel, At};

/// A PHP array built from query brackets: a leaf value or an ordered map (an `IndexMap`: a
/// query of many keys is read in linear time).
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Leaf(String),
    Map(indexmap::IndexMap<String, Node>),
}

impl Node {
    fn insert(&mut self, path: &[String], value: String) {
        let Some((head, rest)) = path.split_first() else {
            *self = Node::Leaf(value);
            return;
        };
        if let Node::Leaf(_) = self {
            *self = Node::Map(indexmap::IndexMap::new());
        }
        let Node::Map(entries) = self else { return };
        let key = if head.is_empty() {
            entries.len().to_string()
        } else {
            head.clone()
        };
        entries
            .entry(key)
            .or_insert_with(|| Node::Leaf(String::new()))
            .insert(rest, value);
    }

    fn entries(&self) -> impl Iterator<Item = (&String, &Node)> {
        let map = match self {
            Node::Map(entries) => Some(entries),
            Node::Leaf(_) => None,
        };
        map.into_iter().flatten()
    }

    fn leaf(&self) -> Option<&str> {
        match self {
            Node::Leaf(v) => Some(v),
            Node::Map(_) => None,
        }
    }
}

/// PHP's `max_input_nesting_level` (default 64): how many `[...]` groups a query key may have.
/// Also what keeps the bracket tree, built and dropped recursively, shallow.
const MAX_INPUT_NESTING_LEVEL: usize = 64;

/// Splits `a[b][c]` into `a` and `[b, c]`, as PHP's parse_str does.
fn split_key(key: &str) -> (String, Vec<String>) {
    let Some(open) = key.find('[') else {
        return (key.to_owned(), Vec::new());
    };
    if !key[open..].contains(']') {
        // main/php_variables.c: a first `[` never closed is not an array; PHP turns it into
        // `_`, so `searchCriteria[pageSize=5` names the variable `searchCriteria_pageSize`.
        return (key.replacen('[', "_", 1), Vec::new());
    }
    let root = key[..open].to_owned();
    let mut segments = Vec::new();
    let mut rest = &key[open..];
    while let Some(stripped) = rest.strip_prefix('[') {
        let Some(close) = stripped.find(']') else {
            break;
        };
        segments.push(stripped[..close].to_owned());
        rest = &stripped[close + 1..];
    }
    (root, segments)
}

/// Matches a sent key against a parameter name the way Magento finds setters (UpperCamelCase).
fn is_key(sent: &str, name: &str) -> bool {
    crate::wire::input::same_key(sent, name)
}

fn not_supported(key: &str) -> Error {
    Error::Input(Phrase::named(
        e::FIELD_NOT_SUPPORTED,
        "fieldName",
        upper_camel(key),
    ))
}

/// An int parameter as `ServiceInputProcessor` converts it: PHP's whole int range.
fn int_field(key: &str, node: &Node) -> Result<i64> {
    match node.leaf() {
        Some(text) => to_int(&serde_json::Value::String(text.to_owned()), At::Field(key)),
        None => Err(Error::invalid_type(Some(key), "array", "int")),
    }
}

impl Node {
    fn to_json(&self) -> serde_json::Value {
        match self {
            Node::Leaf(v) => serde_json::Value::String(v.clone()),
            Node::Map(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Every query parameter as PHP's `parse_str` builds it, as JSON (strings and ordered maps):
/// what `Rest/Request::getRequestData` merges under the body's parameters.
pub fn query_params(query: &str) -> serde_json::Map<String, serde_json::Value> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    let mut roots: indexmap::IndexMap<String, Node> = indexmap::IndexMap::new();
    for (key, value) in pairs {
        let (name, path) = split_key(&key);
        if path.len() > MAX_INPUT_NESTING_LEVEL {
            roots.shift_remove(&name);
            continue;
        }
        roots
            .entry(name)
            .or_insert_with(|| Node::Leaf(String::new()))
            .insert(&path, value);
    }
    roots.into_iter().map(|(k, v)| (k, v.to_json())).collect()
}

/// Parses `searchCriteria[...]` from a raw query string. `Ok(None)` when the parameter is
/// absent (the caller decides whether it is required).
pub fn from_query(query: &str) -> Result<Option<SearchCriteria>> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    // Two variables for PHP: `searchCriteria` and `search_criteria`.
    let (mut camel, mut snake): (Option<Node>, Option<Node>) = (None, None);
    for (key, value) in pairs {
        let (name, path) = split_key(&key);
        let root = match name.as_str() {
            "searchCriteria" => &mut camel,
            "search_criteria" => &mut snake,
            _ => continue,
        };
        if path.len() > MAX_INPUT_NESTING_LEVEL {
            // main/php_variables.c: past the limit PHP deletes the whole variable built so
            // far and skips the pair; a later pair may start it again.
            *root = None;
            continue;
        }
        root.get_or_insert_with(|| Node::Leaf(String::new()))
            .insert(&path, value);
    }
    // ServiceInputProcessor::process takes the parameter by its exact name when it is set, by
    // its snake_case form otherwise (never both); only the keys inside it go through setters
    // (`is_key`).
    let Some(root) = camel.or(snake) else {
        return Ok(None);
    };
    let mut criteria = SearchCriteria::default();
    for (key, node) in root.entries() {
        if is_key(key, "filter_groups") {
            for (_, group) in node.entries() {
                let mut filters = Vec::new();
                for (gkey, list) in group.entries() {
                    if !is_key(gkey, "filters") {
                        return Err(not_supported(gkey));
                    }
                    for (_, f) in list.entries() {
                        filters.push(parse_filter(f, [key, gkey])?);
                    }
                }
                criteria.filter_groups.push(FilterGroup { filters });
            }
        } else if is_key(key, "sort_orders") {
            // A scalar where the list goes (`searchCriteria[sortOrders]=`) converts to null
            // (`ServiceInputProcessor::processComplexTypes`): no sort orders, none echoed.
            if node.leaf().is_some() {
                criteria.sort_orders = None;
                continue;
            }
            let mut orders = Vec::new();
            for (_, s) in node.entries() {
                // A direction not given stays unset (echoed null; SortingProcessor sorts DESC).
                let (mut field, mut direction) = (None, None);
                for (skey, v) in s.entries() {
                    if is_key(skey, "field") {
                        field = Some(text_field(v, &[key, skey])?);
                    } else if is_key(skey, "direction") {
                        direction = Some(text_field(v, &[key, skey])?);
                    } else {
                        return Err(not_supported(skey));
                    }
                }
                orders.push(crate::search::sort_order(field, direction.as_deref())?);
            }
            criteria.sort_orders = Some(orders);
        } else if is_key(key, "page_size") {
            criteria.page_size = Some(int_field(key, node)?);
        } else if is_key(key, "current_page") {
            criteria.current_page = Some(int_field(key, node)?);
        } else {
            return Err(not_supported(key));
        }
    }
    Ok(Some(criteria))
}

/// A string parameter nested at `path` (the sent keys): an array in its place is the wrapped
/// type error `_createFromArray` throws (`TypeProcessor::processSimpleAndAnyType`).
fn text_field(node: &Node, path: &[&str]) -> Result<String> {
    node.leaf()
        .map(str::to_owned)
        .ok_or_else(|| Error::invalid_type_in(path, "array", "string"))
}

/// One filter; `path` the sent keys of its group list and filter list.
fn parse_filter(node: &Node, path: [&str; 2]) -> Result<Filter> {
    let mut filter = Filter {
        field: None,
        value: None,
        condition_type: "eq".into(),
    };
    for (key, v) in node.entries() {
        // A key is looked up (its setter) before its value is converted.
        let Some(name) = ["field", "value", "condition_type"]
            .into_iter()
            .find(|name| is_key(key, name))
        else {
            return Err(not_supported(key));
        };
        let text = text_field(v, &[path[0], path[1], key])?;
        match name {
            "field" => filter.field = Some(text),
            "value" => filter.value = Some(text),
            // `Filter::getConditionType()` is `_get(...) ?: 'eq'`: PHP's falsy "" and "0" too.
            _ if text.is_empty() || text == "0" => filter.condition_type = "eq".into(),
            _ => filter.condition_type = text,
        }
    }
    Ok(filter)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An array where a filter's or sort order's string goes is `_createFromArray`'s type error,
    /// wrapped once a level (the keys as sent); an unknown key is refused before its value.
    #[test]
    fn an_array_for_a_string_is_the_wrapped_type_error() {
        let message = |q: &str| from_query(q).err().map(|e| e.rendered());
        assert_eq!(
            message("searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value][]=x"),
            Some("Error occurred during \"filter_groups\" processing. Error occurred during \"filters\" processing. Error occurred during \"value\" processing. The \"array\" value's type is invalid. The \"string\" type was expected. Verify and try again.".into())
        );
        assert_eq!(
            message("searchCriteria[sortOrders][0][field]=sku&searchCriteria[sortOrders][0][direction][]=asc"),
            Some("Error occurred during \"sortOrders\" processing. Error occurred during \"direction\" processing. The \"array\" value's type is invalid. The \"string\" type was expected. Verify and try again.".into())
        );
        assert_eq!(
            message("searchCriteria[filterGroups][0][filters][0][nope][]=x"),
            Some("\"Nope\" is not supported. Correct the field name and try again.".into())
        );
    }

    /// PHP keeps `searchCriteria` and `search_criteria` apart, and Magento reads the second only
    /// when the first is absent.
    #[test]
    fn the_snake_case_parameter_counts_only_without_the_camel_case_one() {
        let both = from_query("searchCriteria[pageSize]=2&search_criteria[currentPage]=2")
            .ok()
            .flatten();
        assert_eq!(
            both.as_ref().map(|c| (c.page_size, c.current_page)),
            Some((Some(2), None))
        );
        let snake = from_query("search_criteria[currentPage]=2").ok().flatten();
        assert_eq!(snake.map(|c| c.current_page), Some(Some(2)));
    }

    #[test]
    fn parses_brackets_and_camel_case() {
        let q = "searchCriteria[filter_groups][0][filters][0][field]=sku\
                 &searchCriteria[filter_groups][0][filters][0][value]=24-WB01\
                 &searchCriteria[filterGroups][1][filters][0][field]=source_code\
                 &searchCriteria[filterGroups][1][filters][0][value]=ne_wh\
                 &searchCriteria[filterGroups][1][filters][0][conditionType]=neq\
                 &searchCriteria[pageSize]=10";
        let c = from_query(q).unwrap().unwrap();
        assert_eq!(c.filter_groups.len(), 2);
        assert_eq!(c.filter_groups[1].filters[0].condition_type, "neq");
        assert_eq!(c.page_size, Some(10));
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({"filter_groups": [
                {"filters": [{"field": "sku", "value": "24-WB01", "condition_type": "eq"}]},
                {"filters": [{"field": "source_code", "value": "ne_wh", "condition_type": "neq"}]}
            ], "page_size": 10})
        );
    }

    #[test]
    fn absent_empty_and_unknown() {
        assert_eq!(from_query("foo=1").unwrap(), None);
        assert_eq!(
            from_query("searchCriteria=").unwrap(),
            Some(SearchCriteria::default())
        );
        assert_eq!(
            from_query("searchCriteria").unwrap(),
            Some(SearchCriteria::default())
        );
        let err = from_query("searchCriteria[foo_bar]=1").unwrap_err();
        assert_eq!(
            err.body(),
            serde_json::json!({"message": e::FIELD_NOT_SUPPORTED, "parameters": {"fieldName": "FooBar"}})
        );
        let err = from_query("searchCriteria[pageSize]=x").unwrap_err();
        assert_eq!(err.body()["message"], "Error occurred during \"pageSize\" processing. The \"x\" value's type is invalid. The \"int\" type was expected. Verify and try again.");
        let err = from_query("searchCriteria[sortOrders][0][direction]=up").unwrap_err();
        assert_eq!(err.body()["parameters"], serde_json::json!(["ASC", "DESC"]));
    }

    #[test]
    fn nesting_past_phps_limit_drops_the_variable() {
        let deep = |levels: usize| format!("searchCriteria{}=1", "[]".repeat(levels));
        // 64 levels are kept (and refused field by field, as Magento does with unknown keys).
        assert!(from_query(&deep(64)).is_err());
        assert_eq!(from_query(&deep(65)).unwrap(), None);
        assert_eq!(from_query(&deep(100_000)).unwrap(), None);
        // The deep pair deletes what came before it; what comes after starts again.
        let q = format!(
            "searchCriteria[pageSize]=5&{}&searchCriteria[currentPage]=2",
            deep(65)
        );
        let c = from_query(&q).unwrap().unwrap();
        assert_eq!((c.page_size, c.current_page), (None, Some(2)));
    }
}
