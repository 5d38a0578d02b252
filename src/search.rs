//! Magento's `searchCriteria`: parsed from PHP-style query brackets, echoed back, and turned into
//! SQL over a whitelist of fields.
//!
//! Sources: lib/internal/Magento/Framework/Webapi/ServiceInputProcessor.php (parsing, the
//! "not supported" and type errors), Framework/DB/Adapter/Pdo/Mysql.php::prepareSqlCondition
//! (condition types), Framework/Api/SortOrder.php (direction check), collection paging (a page
//! past the end gives the last page). See sales.md section 8.

use serde::Serialize;

use crate::amount::Amount;
use crate::error::{self as e, Error, Phrase, Result};
use crate::wire::input::upper_camel;

/// One filter of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Filter {
    pub field: Option<String>,
    pub value: Option<String>,
    pub condition_type: String,
}

/// Filters of one group are OR'ed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilterGroup {
    pub filters: Vec<Filter>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SortOrder {
    pub field: Option<String>,
    pub direction: String,
}

/// `SearchCriteriaInterface`, in its getter order (the echo in list replies).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchCriteria {
    pub filter_groups: Vec<FilterGroup>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_orders: Option<Vec<SortOrder>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_page: Option<i64>,
}

/// A PHP array built from query brackets: a leaf value or an ordered map.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Leaf(String),
    Map(Vec<(String, Node)>),
}

impl Node {
    fn insert(&mut self, path: &[String], value: String) {
        let Some((head, rest)) = path.split_first() else {
            *self = Node::Leaf(value);
            return;
        };
        if let Node::Leaf(_) = self {
            *self = Node::Map(Vec::new());
        }
        let Node::Map(entries) = self else { return };
        let key = if head.is_empty() {
            entries.len().to_string()
        } else {
            head.clone()
        };
        if let Some((_, child)) = entries.iter_mut().find(|(k, _)| *k == key) {
            child.insert(rest, value);
        } else {
            let mut child = Node::Leaf(String::new());
            child.insert(rest, value);
            entries.push((key, child));
        }
    }

    fn entries(&self) -> &[(String, Node)] {
        match self {
            Node::Map(entries) => entries,
            Node::Leaf(_) => &[],
        }
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
    upper_camel(sent) == upper_camel(name)
}

fn not_supported(key: &str) -> Error {
    Error::Input(Phrase::named(
        e::FIELD_NOT_SUPPORTED,
        "fieldName",
        upper_camel(key),
    ))
}

fn int_field(key: &str, node: &Node) -> Result<i64> {
    let text = node.leaf().unwrap_or("array");
    Amount::parse(text)
        .and_then(|a| i64::try_from(a.trunc().decimal()).ok())
        .filter(|_| crate::wire::input::is_numeric(text))
        .ok_or_else(|| Error::invalid_type(Some(key), text, "int"))
}

impl SearchCriteria {
    /// Parses `searchCriteria[...]` from a raw query string. `Ok(None)` when the parameter is
    /// absent (the caller decides whether it is required).
    pub fn from_query(query: &str) -> Result<Option<SearchCriteria>> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        let mut root: Option<Node> = None;
        for (key, value) in pairs {
            let (name, path) = split_key(&key);
            if !is_key(&name, "searchCriteria") {
                continue;
            }
            if path.len() > MAX_INPUT_NESTING_LEVEL {
                // main/php_variables.c: past the limit PHP deletes the whole variable built so
                // far and skips the pair; a later pair may start it again.
                root = None;
                continue;
            }
            root.get_or_insert_with(|| Node::Leaf(String::new()))
                .insert(&path, value);
        }
        let Some(root) = root else { return Ok(None) };
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
                            filters.push(parse_filter(f)?);
                        }
                    }
                    criteria.filter_groups.push(FilterGroup { filters });
                }
            } else if is_key(key, "sort_orders") {
                let mut orders = Vec::new();
                for (_, s) in node.entries() {
                    let mut order = SortOrder {
                        field: None,
                        direction: "DESC".into(),
                    };
                    for (skey, v) in s.entries() {
                        if is_key(skey, "field") {
                            order.field = v.leaf().map(str::to_owned);
                        } else if is_key(skey, "direction") {
                            let d = v.leaf().unwrap_or_default().to_uppercase();
                            if d != "ASC" && d != "DESC" {
                                return Err(Error::Input(Phrase::positional(
                                    e::SORT_DIRECTION,
                                    vec!["ASC".into(), "DESC".into()],
                                )));
                            }
                            order.direction = d;
                        } else {
                            return Err(not_supported(skey));
                        }
                    }
                    orders.push(order);
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
}

fn parse_filter(node: &Node) -> Result<Filter> {
    let mut filter = Filter {
        field: None,
        value: None,
        condition_type: "eq".into(),
    };
    for (key, v) in node.entries() {
        let text = v.leaf().map(str::to_owned);
        if is_key(key, "field") {
            filter.field = text;
        } else if is_key(key, "value") {
            filter.value = text;
        } else if is_key(key, "condition_type") {
            filter.condition_type = text.unwrap_or_else(|| "eq".into());
        } else {
            return Err(not_supported(key));
        }
    }
    Ok(filter)
}

/// How a searchable field is stored, for binding filter values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    Int,
    Amount,
}

/// A field a list endpoint lets clients filter and sort on.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub column: &'static str,
    pub kind: Kind,
}

/// Every column of a row type as a searchable field, with its kind from the stored type.
pub fn fields_of(row: &impl crate::db::Columns) -> Vec<Field> {
    row.columns()
        .into_iter()
        .map(|(name, value)| Field {
            name,
            column: name,
            kind: match value {
                crate::db::SqlValue::Int(_) => Kind::Int,
                crate::db::SqlValue::Text(_) => Kind::Text,
                crate::db::SqlValue::Amount(_) => Kind::Amount,
            },
        })
        .collect()
}

/// A value bound into the generated SQL.
#[derive(Debug, Clone, PartialEq)]
pub enum Bind {
    Text(String),
    Int(i64),
    Amount(Amount),
}

fn bind_value(kind: Kind, text: &str) -> Bind {
    match kind {
        Kind::Text => Bind::Text(text.to_owned()),
        Kind::Int => Amount::parse(text)
            .and_then(|a| i64::try_from(a.trunc().decimal()).ok())
            .map(Bind::Int)
            .unwrap_or_else(|| Bind::Text(text.to_owned())),
        Kind::Amount => Amount::parse(text)
            .map(Bind::Amount)
            .unwrap_or_else(|| Bind::Text(text.to_owned())),
    }
}

/// The WHERE and ORDER BY parts of a list query, with their binds.
#[derive(Debug, Default)]
pub struct SqlParts {
    pub where_sql: String,
    pub order_sql: String,
    pub binds: Vec<Bind>,
}

/// `a OP b OP c ...` as a balanced tree of parentheses: the same meaning, but the expression
/// stays shallow however many filters a request carries (SQLite refuses trees deeper than 1000).
fn balanced(terms: &[String], op: &str) -> String {
    if terms.len() <= 8 {
        return format!("({})", terms.join(&format!(" {op} ")));
    }
    let (left, right) = terms.split_at(terms.len() / 2);
    format!("({} {op} {})", balanced(left, op), balanced(right, op))
}

fn field_of<'f>(fields: &'f [Field], name: &str) -> Result<&'f Field> {
    // Magento passes the field to SQL as is: an unknown column is a database error (500).
    fields
        .iter()
        .find(|f| f.name == name)
        .ok_or_else(|| Error::internal(format!("Unknown column '{name}' in 'where clause'")))
}

impl SearchCriteria {
    /// Builds SQL over `fields`; `default_order` is used when no sort order is given.
    pub fn to_sql(&self, fields: &[Field], default_order: &str) -> Result<SqlParts> {
        let mut parts = SqlParts::default();
        let mut groups = Vec::new();
        for group in &self.filter_groups {
            let mut ors = Vec::new();
            for f in &group.filters {
                let Some(name) = &f.field else { continue };
                let field = field_of(fields, name)?;
                let col = field.column;
                let value = f.value.clone().unwrap_or_default();
                let cond = f.condition_type.to_lowercase();
                let sql = match cond.as_str() {
                    "null" => format!("{col} IS NULL"),
                    "notnull" => format!("{col} IS NOT NULL"),
                    "in" | "nin" => {
                        // One JSON parameter for the whole list, its values typed as the column
                        // is: no limit on the number of values (SQLite caps bound variables).
                        let list: Vec<serde_json::Value> = value
                            .split(',')
                            .map(|v| match bind_value(field.kind, v.trim()) {
                                Bind::Int(i) => serde_json::Value::from(i),
                                Bind::Amount(a) => a
                                    .to_ten_thousandths()
                                    .map(serde_json::Value::from)
                                    .unwrap_or_else(|| v.trim().into()),
                                Bind::Text(t) => serde_json::Value::from(t),
                            })
                            .collect();
                        parts
                            .binds
                            .push(Bind::Text(serde_json::Value::from(list).to_string()));
                        let not = if cond == "nin" { "NOT " } else { "" };
                        format!("{col} {not}IN (SELECT value FROM json_each(?))")
                    }
                    "seq" | "sneq" if value.is_empty() => {
                        let not = if cond == "sneq" { "NOT " } else { "" };
                        format!("{col} IS {not}NULL")
                    }
                    _ => {
                        let op = match cond.as_str() {
                            "neq" | "sneq" => "!=",
                            "like" => "LIKE",
                            "nlike" => "NOT LIKE",
                            "gt" => ">",
                            "lt" => "<",
                            "gteq" | "from" => ">=",
                            "lteq" | "to" => "<=",
                            // eq, seq, and (as Magento's fallback branch does) anything unknown.
                            _ => "=",
                        };
                        let kind = if op.contains("LIKE") {
                            Kind::Text
                        } else {
                            field.kind
                        };
                        parts.binds.push(bind_value(kind, &value));
                        format!("{col} {op} ?")
                    }
                };
                ors.push(sql);
            }
            if !ors.is_empty() {
                groups.push(balanced(&ors, "OR"));
            }
        }
        if !groups.is_empty() {
            parts.where_sql = format!(" WHERE {}", balanced(&groups, "AND"));
        }
        let mut orders = Vec::new();
        for s in self.sort_orders.iter().flatten() {
            let Some(name) = &s.field else { continue };
            let field = field_of(fields, name)?;
            orders.push(format!("{} {}", field.column, s.direction));
        }
        orders.push(default_order.to_owned());
        parts.order_sql = format!(" ORDER BY {}", orders.join(", "));
        Ok(parts)
    }

    /// LIMIT/OFFSET for `total` matching rows: no limit without a page size; a page past the end
    /// is the last page (Magento collections clamp the current page).
    pub fn limit_sql(&self, total: i64) -> String {
        match self.page_size {
            Some(size) if size > 0 => {
                // i128: a client may send any i64 as page size or page.
                let (size, total) = (i128::from(size), i128::from(total.max(0)));
                let last = ((total + size - 1) / size).max(1);
                let page = i128::from(self.current_page.unwrap_or(1)).clamp(1, last);
                format!(" LIMIT {size} OFFSET {}", (page - 1) * size)
            }
            _ => String::new(),
        }
    }
}

/// The list reply: `{"items": [...], "search_criteria": {...}, "total_count": n}`.
#[derive(Debug, Serialize)]
pub struct SearchResults<T: Serialize> {
    pub items: Vec<T>,
    pub search_criteria: SearchCriteria,
    pub total_count: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brackets_and_camel_case() {
        let q = "searchCriteria[filter_groups][0][filters][0][field]=sku\
                 &searchCriteria[filter_groups][0][filters][0][value]=24-WB01\
                 &searchCriteria[filterGroups][1][filters][0][field]=source_code\
                 &searchCriteria[filterGroups][1][filters][0][value]=ne_wh\
                 &searchCriteria[filterGroups][1][filters][0][conditionType]=neq\
                 &searchCriteria[pageSize]=10";
        let c = SearchCriteria::from_query(q).unwrap().unwrap();
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
        assert_eq!(SearchCriteria::from_query("foo=1").unwrap(), None);
        assert_eq!(
            SearchCriteria::from_query("searchCriteria=").unwrap(),
            Some(SearchCriteria::default())
        );
        assert_eq!(
            SearchCriteria::from_query("searchCriteria").unwrap(),
            Some(SearchCriteria::default())
        );
        let err = SearchCriteria::from_query("searchCriteria[foo_bar]=1").unwrap_err();
        assert_eq!(
            err.body(),
            serde_json::json!({"message": e::FIELD_NOT_SUPPORTED, "parameters": {"fieldName": "FooBar"}})
        );
        let err = SearchCriteria::from_query("searchCriteria[pageSize]=x").unwrap_err();
        assert_eq!(err.body()["message"], "Error occurred during \"pageSize\" processing. The \"x\" value's type is invalid. The \"int\" type was expected. Verify and try again.");
        let err =
            SearchCriteria::from_query("searchCriteria[sortOrders][0][direction]=up").unwrap_err();
        assert_eq!(err.body()["parameters"], serde_json::json!(["ASC", "DESC"]));
    }

    #[test]
    fn nesting_past_phps_limit_drops_the_variable() {
        let deep = |levels: usize| format!("searchCriteria{}=1", "[]".repeat(levels));
        // 64 levels are kept (and refused field by field, as Magento does with unknown keys).
        assert!(SearchCriteria::from_query(&deep(64)).is_err());
        assert_eq!(SearchCriteria::from_query(&deep(65)).unwrap(), None);
        assert_eq!(SearchCriteria::from_query(&deep(100_000)).unwrap(), None);
        // The deep pair deletes what came before it; what comes after starts again.
        let q = format!(
            "searchCriteria[pageSize]=5&{}&searchCriteria[currentPage]=2",
            deep(65)
        );
        let c = SearchCriteria::from_query(&q).unwrap().unwrap();
        assert_eq!((c.page_size, c.current_page), (None, Some(2)));
    }

    #[test]
    fn paging_clamps_to_the_last_page() {
        let c = SearchCriteria {
            page_size: Some(10),
            current_page: Some(9),
            ..Default::default()
        };
        assert_eq!(c.limit_sql(25), " LIMIT 10 OFFSET 20");
        assert_eq!(c.limit_sql(0), " LIMIT 10 OFFSET 0");
        assert_eq!(SearchCriteria::default().limit_sql(25), "");
        let huge = SearchCriteria {
            page_size: Some(i64::MAX),
            current_page: Some(i64::MAX),
            ..Default::default()
        };
        assert_eq!(huge.limit_sql(3), format!(" LIMIT {} OFFSET 0", i64::MAX));
    }
}
