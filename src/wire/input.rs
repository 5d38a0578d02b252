//! Magento's input conversion (`ServiceInputProcessor`, `Reflection/TypeProcessor`): how a JSON
//! body value becomes an int, float, bool or string, and the exact errors when it cannot.
//!
//! Rules (sales.md 3.3-3.4): numbers and numeric strings pass for int/float (`"10.5"` for an int
//! is truncated); bool never fails (`filter_var(FILTER_VALIDATE_BOOLEAN)`); a scalar passes for a
//! string; an array fails with the value `"array"`; JSON null counts as absent. Errors are
//! `Webapi\Exception`s with the message already rendered and no `parameters`; inside an object the
//! message is wrapped in `Error occurred during "<key>" processing. ...`.

use serde_json::{Map, Value};

use crate::amount::Amount;
use crate::error::{self as e, Error, Phrase, Result};
pub use crate::php::{is_numeric, php_int, php_string};
use crate::sales::{DocumentComment, LineItem};

/// `SimpleDataObjectConverter::snakeCaseToUpperCamelCase`: `str_replace('_', '', ucwords($s, '_'))`.
pub fn upper_camel(s: &str) -> String {
    camel_chars(s).collect()
}

/// The characters of [`upper_camel`]`(s)`, one by one: no string is built.
fn camel_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut part_start = true;
    s.chars().flat_map(move |c| {
        let (first, rest) = match (c, part_start) {
            ('_', _) => {
                part_start = true;
                (None, None)
            }
            (c, true) => {
                part_start = false;
                (Some(c.to_uppercase()), None)
            }
            (c, false) => (None, Some(c)),
        };
        first.into_iter().flatten().chain(rest)
    })
}

/// Whether two keys name the same field, as Magento matches a sent key to a setter: equal in
/// [`upper_camel`]. Compared character by character, without building either (an order import
/// matches a hundred keys against as many names; building both strings for every pair was a
/// quarter of the server's CPU per import).
pub fn same_key(a: &str, b: &str) -> bool {
    // Keys are ASCII but for a client's mistakes: byte by byte then.
    if a.is_ascii() && b.is_ascii() {
        return ascii_camel(a).eq(ascii_camel(b));
    }
    camel_chars(a).eq(camel_chars(b))
}

/// [`camel_chars`] of an ASCII string, as bytes.
fn ascii_camel(s: &str) -> impl Iterator<Item = u8> + '_ {
    let mut part_start = true;
    s.bytes().filter_map(move |c| match (c, part_start) {
        (b'_', _) => {
            part_start = true;
            None
        }
        (c, true) => {
            part_start = false;
            Some(c.to_ascii_uppercase())
        }
        (c, false) => Some(c),
    })
}

/// `ParamsOverrider::overrideRequestBodyIdWithPathParam` on a PUT whose path ends with the
/// entity's id: the id goes into the body's object only when the body is that object alone (one
/// top-level key holding an object or a list); with more keys it lands beside the object as a
/// top-level value the service never reads, and the object keeps its own id, or none (the save
/// then makes a new entity).
pub fn path_id_goes_inside(body: &Map<String, Value>) -> bool {
    body.len() == 1
        && body
            .values()
            .next()
            .is_some_and(|v| v.is_object() || v.is_array())
}

/// A top-level body parameter by name, as `ServiceInputProcessor::process` finds it (camelCase or
/// snake_case); JSON null counts as absent.
pub fn param<'a>(body: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    body.iter()
        .find(|(k, v)| same_key(k, name) && !v.is_null())
        .map(|(_, v)| v)
}

/// A key of a JSON object by its snake_case or camelCase name (JSON null included).
pub fn key<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    v.as_object()?
        .iter()
        .find(|(k, _)| same_key(k, name))
        .map(|(_, v)| v)
}

/// Where a value sits: a top-level parameter or a key inside an object (for the error text).
#[derive(Debug, Clone, Copy)]
pub enum At<'a> {
    Top,
    Field(&'a str),
}

fn conversion_error(at: At<'_>, shown: &str, ty: &str) -> Error {
    let field = match at {
        At::Top => None,
        At::Field(key) => Some(key),
    };
    Error::invalid_type(field, shown, ty)
}

fn numeric_text(v: &Value, at: At<'_>, ty: &str) -> Result<String> {
    let shown = php_string(v).unwrap_or_else(|| "array".into());
    let ok = match v {
        Value::Number(_) => true,
        Value::String(s) => is_numeric(s),
        _ => false,
    };
    if ok {
        Ok(match v {
            Value::Number(n) => n.to_string(),
            _ => shown,
        })
    } else {
        Err(conversion_error(at, &shown, ty))
    }
}

/// A float field, kept exact.
pub fn to_amount(v: &Value, at: At<'_>) -> Result<Amount> {
    let text = numeric_text(v, at, "float")?;
    Amount::parse(&text).ok_or_else(|| conversion_error(at, &text, "float"))
}

/// The double PHP holds for a numeric value (a JSON number or a numeric string, as
/// [`to_amount`] has accepted it; anything else is 0).
pub fn to_double(v: &Value) -> f64 {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim_matches(crate::php::NUMERIC_WHITESPACE).to_owned(),
        _ => return 0.0,
    };
    text.parse().unwrap_or(0.0)
}

/// An int field; fractions are truncated as PHP's `(int)` does (without rounding first:
/// `"1.99999"` is 1).
pub fn to_int(v: &Value, at: At<'_>) -> Result<i64> {
    let text = numeric_text(v, at, "int")?;
    let trimmed = text.trim();
    // Plain integers take PHP's whole int range.
    if let Ok(n) = trimmed.trim_start_matches('+').parse::<i64>() {
        return Ok(n);
    }
    // Other numeric forms, exactly (a decimal of up to 28 digits), then as a double.
    let exact = trimmed
        .trim_start_matches('+')
        .parse::<rust_decimal::Decimal>()
        .or_else(|_| rust_decimal::Decimal::from_scientific(trimmed.trim_start_matches('+')));
    if let Some(n) = exact.ok().and_then(|d| i64::try_from(d.trunc()).ok()) {
        return Ok(n);
    }
    if let Ok(f) = trimmed.parse::<f64>() {
        if v.is_string() {
            // A numeric *string* PHP reads as a double: `settype($v, 'int')` converts it
            // through `zend_dval_to_lval_cap`, which saturates past the range
            // (`"99999999999999999999"` is PHP_INT_MAX: an unknown id, not a type error) and
            // gives 0 for what is not finite (`"1e400"`). `as` saturates and truncates.
            return Ok(if f.is_finite() { f.trunc() as i64 } else { 0 });
        }
        // A JSON number within the range (`1e15`); past it, PHP's float-to-int is not
        // settled here, so it stays a type error.
        if f.is_finite() && f.abs() < 9.2e18 {
            return Ok(f.trunc() as i64);
        }
    }
    Err(conversion_error(at, &text, "int"))
}

/// An int path parameter (`/V1/orders/abc` → the top-level type error).
pub fn path_int(raw: &str) -> Result<i64> {
    to_int(&Value::String(raw.to_owned()), At::Top)
}

/// A bool field: `filter_var($v, FILTER_VALIDATE_BOOLEAN)`, which never fails.
pub fn to_bool(v: &Value) -> bool {
    match php_string(v) {
        Some(s) => matches!(
            s.trim().to_lowercase().as_str(),
            "1" | "true" | "on" | "yes"
        ),
        None => false,
    }
}

/// A string field.
pub fn to_string(v: &Value, at: At<'_>) -> Result<String> {
    php_string(v).ok_or_else(|| conversion_error(at, "array", "string"))
}

/// PHP's `gettype()` of a JSON value as `json_decode` gives it: a number is an `integer` when it
/// fits PHP's int, a `double` otherwise (a fraction, an exponent, past 2^63); objects and arrays
/// are both PHP arrays.
pub fn php_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "NULL",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.as_i64().is_some() => "integer",
        Value::Number(_) => "double",
        Value::String(_) => "string",
        Value::Array(_) | Value::Object(_) => "array",
    }
}

/// The elements of a simple array type's value (`string[]`, `int[]`), as
/// `TypeProcessor::processSimpleAndAnyType` takes it: a JSON array's elements or an object's
/// values (both are PHP arrays); any other value is the array type's error, which names the
/// value's PHP type, not the value (`The "string" value's type is invalid. The "string[]" type
/// was expected.`, quoted in Adobe's 2.4.2 release notes), wrapped under each key of `path`
/// (the keys below the top-level parameter, outermost first; empty for a parameter itself).
pub fn simple_list<'v>(v: &'v Value, path: &[&str], ty: &str) -> Result<Vec<&'v Value>> {
    array_elements(v).ok_or_else(|| Error::invalid_type_in(path, php_type(v), ty))
}

/// The elements of a value given for an array type ([`array_entries`] without their keys, and
/// without making them: every list parameter goes through here).
pub fn array_elements(v: &Value) -> Option<Vec<&Value>> {
    match without_soap_item(v) {
        Err(one) => Some(vec![one]),
        Ok(Value::Array(items)) => Some(items.iter().collect()),
        Ok(Value::Object(map)) => Some(map.values().collect()),
        Ok(_) => None,
    }
}

/// The keys and elements of a value given for an array type, as
/// `ServiceInputProcessor::convertValue` reads it ([`without_soap_item`]): a JSON array's
/// elements or an object's values, with their PHP keys; `None` for any other value.
pub fn array_entries(v: &Value) -> Option<Vec<(String, &Value)>> {
    match without_soap_item(v) {
        Err(one) => Some(vec![("0".to_owned(), one)]),
        Ok(Value::Array(items)) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, x)| (i.to_string(), x))
                .collect(),
        ),
        Ok(Value::Object(map)) => Some(map.iter().map(|(k, x)| (k.clone(), x)).collect()),
        Ok(_) => None,
    }
}

/// SOAP's `item` node removed (`_removeSoapItemNode`, which runs for REST too): an object
/// with a non-null `item` stands for that item when it is a PHP list (keys 0, 1, ... in
/// order), or (`Err`) for a list of that one value otherwise (one data object, an empty
/// array, a scalar). Any other value stands for itself.
fn without_soap_item(v: &Value) -> std::result::Result<&Value, &Value> {
    match v {
        Value::Object(map) => match map.get("item") {
            None | Some(Value::Null) => Ok(v),
            Some(item) if is_php_list(item) => Ok(item),
            Some(one) => Err(one),
        },
        _ => Ok(v),
    }
}

/// `array_keys($value) === range(0, count($value) - 1)` of a decoded value: a non-empty array,
/// or an object whose keys are "0", "1", ... in order (`json_decode` makes them int keys).
fn is_php_list(v: &Value) -> bool {
    match v {
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => {
            !map.is_empty() && map.keys().enumerate().all(|(i, k)| *k == i.to_string())
        }
        _ => false,
    }
}

/// A `string[]` value. Each element goes through `settype($element, 'string')`, which takes
/// any scalar as PHP's `(string)` does (`true` "1", `null` ""). An element that is itself an
/// array raises PHP's "Array to string conversion" warning, which Magento's ErrorHandler
/// (`Framework/App/ErrorHandler::handler`, E_ALL) throws as an `\ErrorException` no layer
/// catches: the REST layer's masked 500.
pub fn string_list(v: &Value, path: &[&str]) -> Result<Vec<String>> {
    simple_list(v, path, "string[]")?
        .into_iter()
        .map(|x| {
            php_string(x).ok_or_else(|| Error::internal("Warning: Array to string conversion"))
        })
        .collect()
}

/// An `int[]` value. Each element goes through a bare `settype($element, 'int')` (no
/// `is_numeric` guard, unlike a single int), which never fails: `"abc"` is 0, `"12abc"` 12.
pub fn int_list(v: &Value, path: &[&str]) -> Result<Vec<i64>> {
    Ok(simple_list(v, path, "int[]")?
        .into_iter()
        .map(php_int)
        .collect())
}

/// `ServiceInputProcessor::_createFromArray`'s check of every string a data object's setter
/// takes (2.4.8-p1's `validateParamsValue`): one holding a `<script>...</script>` element is
/// 400 `"%field_name" does not contains valid value.` naming its key. It applies to the
/// properties of the objects inside the body's parameters (not to a parameter that is itself a
/// string, nor to `custom_attributes`, whose values reach their setter as objects), the first
/// in the body's order.
pub fn check_script_values(body: &Map<String, Value>) -> Result<()> {
    fn visit(v: &Value) -> Option<&str> {
        match v {
            Value::Object(map) => map.iter().find_map(|(key, value)| match value {
                Value::String(s) if holds_script(s) => Some(key.as_str()),
                // Values that reach their setter as arrays, not data objects: a custom
                // attribute list, a payment's `additional_data` (`string[]`).
                _ if key == "custom_attributes" || key == "additional_data" => None,
                nested => visit(nested),
            }),
            Value::Array(items) => items.iter().find_map(|i| match i {
                Value::Object(_) | Value::Array(_) => visit(i),
                _ => None,
            }),
            _ => None,
        }
    }
    match body.values().find_map(visit) {
        Some(field) => Err(Error::Input(Phrase::named(
            e::INVALID_VALUE,
            "field_name",
            field,
        ))),
        None => Ok(()),
    }
}

/// `preg_match('/<script\b[^>]*>(.*?)<\/script>/is', $value)`.
fn holds_script(s: &str) -> bool {
    static SCRIPT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?is)<script(?-u:\b)[^>]*>.*?</script>").expect("a valid pattern")
    });
    s.len() >= 17 && s.contains('<') && SCRIPT.is_match(s)
}

/// An object parameter's fields, checked against the names its data interface has. Unknown keys
/// give `"%fieldName" is not supported.` with the key in UpperCamelCase; a scalar where an
/// object is expected is read as an empty object (`_createFromArray` treats it as `[]`).
pub struct Obj<'a> {
    map: Option<&'a Map<String, Value>>,
}

impl<'a> Obj<'a> {
    /// The data object `v` as `ServiceInputProcessor::_createFromArray` reads it: each key must
    /// be one of `allowed`. A JSON list is a PHP array whose keys are its positions: an empty one
    /// is an empty object, a non-empty one's key `0` is no field (`"0" is not supported`).
    pub fn new(v: &'a Value, allowed: &[&str]) -> Result<Obj<'a>> {
        if v.as_array().is_some_and(|a| !a.is_empty()) {
            return Err(Error::Input(Phrase::named(
                e::FIELD_NOT_SUPPORTED,
                "fieldName",
                "0",
            )));
        }
        let map = v.as_object();
        if let Some(m) = map {
            for key in m.keys() {
                if !allowed.iter().any(|a| same_key(a, key)) {
                    return Err(Error::Input(Phrase::named(
                        e::FIELD_NOT_SUPPORTED,
                        "fieldName",
                        upper_camel(key),
                    )));
                }
            }
        }
        Ok(Obj { map })
    }

    /// The value of `name` (snake_case or camelCase), JSON null counting as absent; with the key
    /// as sent, for error messages.
    pub fn get(&self, name: &str) -> Option<(&'a str, &'a Value)> {
        self.map?
            .iter()
            .find(|(k, v)| same_key(k, name) && !v.is_null())
            .map(|(k, v)| (k.as_str(), v))
    }

    /// Whether `name` was posted at all, JSON null included: Magento then calls the setter with
    /// null (which an update writes as NULL), while an absent key leaves the field unset.
    pub fn has(&self, name: &str) -> bool {
        self.map
            .is_some_and(|m| m.keys().any(|k| same_key(k, name)))
    }

    pub fn int(&self, name: &str) -> Result<Option<i64>> {
        self.get(name)
            .map(|(k, v)| to_int(v, At::Field(k)))
            .transpose()
    }
    pub fn amount(&self, name: &str) -> Result<Option<Amount>> {
        self.get(name)
            .map(|(k, v)| to_amount(v, At::Field(k)))
            .transpose()
    }
    pub fn string(&self, name: &str) -> Result<Option<String>> {
        self.get(name)
            .map(|(k, v)| to_string(v, At::Field(k)))
            .transpose()
    }
    pub fn bool(&self, name: &str) -> Option<bool> {
        self.get(name).map(|(_, v)| to_bool(v))
    }
    /// An `int[]` field ([`int_list`]): a scalar is the array type's error under the key.
    pub fn int_list(&self, name: &str) -> Result<Option<Vec<i64>>> {
        self.get(name)
            .map(|(key, v)| int_list(v, &[key]))
            .transpose()
    }
}

/// Top-level string parameters that are all required, each found in `body` by `find`: each
/// missing or null one is `"%fieldName" is required.`, one such error alone, several the
/// aggregate (`ServiceInputProcessor::process`).
pub fn required_strings<'a, const N: usize>(
    body: &'a Map<String, Value>,
    names: [&str; N],
    find: impl Fn(&'a Map<String, Value>, &str) -> Option<&'a Value>,
) -> Result<[String; N]> {
    let mut values: [Option<String>; N] = std::array::from_fn(|_| None);
    for (value, name) in values.iter_mut().zip(names) {
        *value = find(body, name)
            .filter(|v| !v.is_null())
            .map(|v| to_string(v, At::Top))
            .transpose()?;
    }
    require_all(names.iter().zip(&values).map(|(n, v)| (*n, v.is_some())))?;
    Ok(values.map(Option::unwrap_or_default))
}

/// `"%fieldName" is required.` for each `(name, present)` not present: one such error alone,
/// several the aggregate (`ServiceInputProcessor::processInputError`).
pub fn require_all<'n>(params: impl IntoIterator<Item = (&'n str, bool)>) -> Result<()> {
    let missing: Vec<Phrase> = params
        .into_iter()
        .filter(|(_, present)| !present)
        .map(|(name, _)| Phrase::named(e::FIELD_REQUIRED, "fieldName", name))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::aggregate(missing))
    }
}

pub use crate::php::truthy as php_truthy;

/// A list-of-objects parameter ([`array_elements`]: SOAP's `item` node removed, an object's
/// values taken in order, as PHP would iterate the array): a scalar is `Not all parameters
/// valid.`
pub fn list(v: &Value) -> Result<Vec<&Value>> {
    array_elements(v).ok_or_else(|| Error::input(e::NOT_ALL_PARAMETERS_VALID))
}

/// The parts every document creation body shares (`InvoiceOrderInterface::execute`,
/// `ShipOrderInterface::execute`, ...): the flags, the `items` (`LineItemInterface[]`, nulls
/// kept) and the `comment` (`is_visible_on_front` 0 when absent).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentParts {
    pub notify: bool,
    pub append_comment: bool,
    pub items: Vec<LineItem>,
    pub comment: Option<DocumentComment>,
}

/// Reads [`DocumentParts`] from a body.
pub fn document_parts(body: &Map<String, Value>) -> Result<DocumentParts> {
    let flag = |name: &str| param(body, name).map(to_bool).unwrap_or(false);
    let mut parts = DocumentParts {
        notify: flag("notify"),
        append_comment: flag("append_comment"),
        ..Default::default()
    };
    if let Some(items) = param(body, "items") {
        for item in list(items)? {
            let o = Obj::new(item, &["order_item_id", "qty", "extension_attributes"])?;
            parts.items.push(LineItem {
                order_item_id: o.int("order_item_id")?,
                qty: o.amount("qty")?,
            });
        }
    }
    if let Some(comment) = param(body, "comment") {
        let o = Obj::new(
            comment,
            &["comment", "is_visible_on_front", "extension_attributes"],
        )?;
        parts.comment = Some(DocumentComment {
            comment: o.string("comment")?,
            is_visible_on_front: o.int("is_visible_on_front")?.unwrap_or(0),
        });
    }
    Ok(parts)
}

/// The `items` of [`document_parts`] (`InvoiceItemCreationInterface`,
/// `ShipmentItemCreationInterface`, `CreditmemoItemCreationInterface`), for the schema.
pub fn item_creation_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": {
            "order_item_id": { "type": "integer" },
            "qty": { "type": "number" },
            "extension_attributes": { "type": "object" }
        },
        "required": ["order_item_id", "qty"]
    })
}

/// The `comment` of [`document_parts`] (`InvoiceCommentCreationInterface`, ...), for the
/// schema.
pub fn comment_creation_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": {
            "comment": { "type": "string" },
            "is_visible_on_front": { "type": "integer" },
            "extension_attributes": { "type": "object" }
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_have_the_php_types_json_decode_gives_them() {
        use super::php_type;
        use serde_json::json;
        for (v, ty) in [
            (json!(null), "NULL"),
            (json!(false), "boolean"),
            (json!(3), "integer"),
            (json!(-9223372036854775808i64), "integer"),
            (json!(9223372036854775808u64), "double"),
            (serde_json::from_str("1e3").unwrap(), "double"),
            (serde_json::from_str("1.0").unwrap(), "double"),
            (serde_json::from_str("-0").unwrap(), "integer"),
            (json!(2.5), "double"),
            (json!("3"), "string"),
            (json!([3]), "array"),
            (json!({"a": 3}), "array"),
        ] {
            assert_eq!(php_type(&v), ty, "{v}");
        }
    }

    #[test]
    fn a_simple_array_type_takes_an_array_or_an_objects_values() {
        use super::simple_list;
        use serde_json::json;
        let (array, object) = (json!(["a", "b"]), json!({"x": "a", "y": "b"}));
        assert_eq!(
            simple_list(&array, &[], "string[]").unwrap(),
            [&json!("a"), &json!("b")]
        );
        assert_eq!(
            simple_list(&object, &[], "string[]").unwrap(),
            [&json!("a"), &json!("b")]
        );
        let refused = simple_list(&json!("a"), &["ids"], "int[]").unwrap_err();
        assert_eq!(
            refused.to_string(),
            crate::error::Error::invalid_type(Some("ids"), "string", "int[]").to_string()
        );
        // SOAP's item node: its array, or its one scalar.
        let soap = json!({"item": ["a", "b"]});
        assert_eq!(
            simple_list(&soap, &[], "string[]").unwrap(),
            [&json!("a"), &json!("b")]
        );
        let one = json!({"item": "a", "other": "b"});
        assert_eq!(simple_list(&one, &[], "string[]").unwrap(), [&json!("a")]);
        // One data object (an associative item) or an empty array is one element.
        let object = json!({"item": {"sku": "a", "price": 1}});
        assert_eq!(
            super::list(&object).unwrap(),
            [&json!({"sku": "a", "price": 1})]
        );
        assert_eq!(super::list(&json!({"item": []})).unwrap(), [&json!([])]);
        let listed = json!({"item": {"0": "a", "1": "b"}});
        assert_eq!(
            simple_list(&listed, &[], "string[]").unwrap(),
            [&json!("a"), &json!("b")]
        );
        let shuffled = json!({"item": {"1": "a", "0": "b"}});
        assert_eq!(simple_list(&shuffled, &[], "string[]").unwrap().len(), 1);
        let null_item = json!({"item": null, "x": "b"});
        assert_eq!(
            simple_list(&null_item, &[], "string[]").unwrap(),
            [&json!(null), &json!("b")]
        );
        assert_eq!(
            super::list(&json!({"item": [{"qty": 1}]})).unwrap(),
            [&json!({"qty": 1})]
        );
        // Nested: each enclosing object's key wraps the message again.
        let one = json!(1);
        let nested = simple_list(&one, &["extension_attributes", "agreement_ids"], "string[]");
        assert_eq!(
            nested.unwrap_err().body(),
            json!({"message": "Error occurred during \"extension_attributes\" processing. Error occurred during \"agreement_ids\" processing. The \"integer\" value's type is invalid. The \"string[]\" type was expected. Verify and try again."})
        );
    }

    #[test]
    fn simple_array_elements_are_cast_as_settype_casts_them() {
        use super::{int_list, php_int, string_list};
        use serde_json::{json, Value};
        let int = |text: &str| php_int(&serde_json::from_str::<Value>(text).unwrap());
        for (text, expected) in [
            ("null", 0),
            ("true", 1),
            ("false", 0),
            ("[]", 0),
            ("[0]", 1),
            ("{}", 0),
            ("{\"a\":0}", 1),
            ("7", 7),
            ("-0", 0),
            ("2.9", 2),
            ("-2.9", -2),
            ("1e3", 1000),
            ("9223372036854775807", i64::MAX),
            // json_decode gives a double past the range; (int) takes it modulo 2^64.
            ("9223372036854775808", i64::MIN),
            ("1e19", -8_446_744_073_709_551_616),
            ("-1e19", 8_446_744_073_709_551_616),
            ("\"12abc\"", 12),
            ("\"abc\"", 0),
            ("\"\"", 0),
            ("\" \\t\\n 42 \"", 42),
            ("\"-7x\"", -7),
            ("\"+5\"", 5),
            ("\"1.9\"", 1),
            ("\".5\"", 0),
            ("\"-.\"", 0),
            ("\"1.\"", 1),
            ("\"1e3\"", 1000),
            ("\"2E2x\"", 200),
            ("\"1e\"", 1),
            ("\"1e+\"", 1),
            ("\"0x1A\"", 0),
            // A numeric string past the range is read as a double and capped.
            ("\"99999999999999999999\"", i64::MAX),
            ("\"-99999999999999999999\"", i64::MIN),
            ("\"1e400\"", 0),
        ] {
            assert_eq!(int(text), expected, "(int) {text}");
        }
        assert_eq!(
            int_list(&json!(["3", "x", 2.5, true]), &[]).unwrap(),
            [3, 0, 2, 1]
        );
        assert_eq!(
            string_list(&json!([1, true, false, null, "a"]), &[]).unwrap(),
            ["1", "1", "", "", "a"]
        );
        // "Array to string conversion": a warning Magento's error handler throws, the masked 500.
        let err = string_list(&json!(["a", ["b"]]), &[]).unwrap_err();
        assert!(matches!(err, crate::error::Error::Internal(_)), "{err:?}");
    }

    #[test]
    fn a_numeric_string_past_the_int_range_saturates_as_php_does() {
        use super::{to_int, At};
        use serde_json::json;
        let int = |v: serde_json::Value| to_int(&v, At::Top).ok();
        assert_eq!(int(json!("99999999999999999999")), Some(i64::MAX));
        assert_eq!(int(json!("-99999999999999999999")), Some(i64::MIN));
        assert_eq!(int(json!("1e300")), Some(i64::MAX));
        assert_eq!(int(json!("9223372036854775807")), Some(i64::MAX));
        assert_eq!(int(json!(" 42 ")), Some(42));
        assert_eq!(int(json!("abc")), None);
        assert_eq!(int(json!("INF")), None);
        assert_eq!(
            int(json!("1e400")),
            Some(0),
            "not finite: PHP's cap gives 0"
        );
        assert_eq!(
            int(json!("1.99999")),
            Some(1),
            "truncated, not rounded first"
        );
        assert_eq!(int(json!("-0.99999")), Some(0));
        assert_eq!(int(json!(1.99999)), Some(1));
        assert_eq!(int(json!("1e15")), Some(1_000_000_000_000_000));
        assert_eq!(int(json!(1e15)), Some(1_000_000_000_000_000));
        for bad in [
            "1e5x", " ", "0x1A", "1_000", "NaN", "inf", "infinity", "+", "-", ".", "1e",
        ] {
            assert_eq!(int(json!(bad)), None, "{bad}");
        }
    }

    use super::*;
    use serde_json::json;

    #[test]
    fn numeric_like_php() {
        for ok in ["1", " 1", "1 ", "-1.5", ".5", "5.", "1e2", " 1e2", "+3"] {
            assert!(is_numeric(ok), "{ok}");
        }
        for bad in ["", " ", "x", "1x", "0x1A", ".", "1e", "--1", "1 2"] {
            assert!(!is_numeric(bad), "{bad}");
        }
    }

    #[test]
    fn conversions() {
        assert_eq!(to_int(&json!("10.5"), At::Top).unwrap(), 10);
        assert_eq!(to_int(&json!(3), At::Top).unwrap(), 3);
        assert_eq!(
            to_int(&json!("1000000000000000"), At::Top).unwrap(),
            1_000_000_000_000_000
        );
        assert_eq!(to_int(&json!(" +7"), At::Top).unwrap(), 7);
        assert_eq!(
            to_amount(&json!("2.0000"), At::Top).unwrap(),
            Amount::from_int(2)
        );
        let err = to_int(&json!("abc"), At::Top).unwrap_err();
        assert_eq!(
            err.body(),
            json!({"message": "The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        );
        let err = to_amount(&json!("x"), At::Field("qty")).unwrap_err();
        assert_eq!(err.body()["message"], "Error occurred during \"qty\" processing. The \"x\" value's type is invalid. The \"float\" type was expected. Verify and try again.");
        assert_eq!(
            to_amount(&json!(true), At::Top).unwrap_err().body()["message"],
            Error::invalid_type(None, "1", "float").body()["message"]
        );
        assert_eq!(
            to_amount(&json!(false), At::Top).unwrap_err().body()["message"],
            Error::invalid_type(None, "", "float").body()["message"]
        );
        assert_eq!(
            to_int(&json!([1]), At::Top).unwrap_err().body()["message"],
            Error::invalid_type(None, "array", "int").body()["message"]
        );
        assert_eq!(to_string(&json!(12.5), At::Top).unwrap(), "12.5");
        assert_eq!(to_string(&json!(true), At::Top).unwrap(), "1");
    }

    #[test]
    fn booleans_never_fail() {
        for t in [
            json!(true),
            json!(1),
            json!("1"),
            json!("yes"),
            json!("On"),
            json!("true"),
        ] {
            assert!(to_bool(&t), "{t}");
        }
        for f in [
            json!(false),
            json!(0),
            json!("0"),
            json!("no"),
            json!("x"),
            json!([1]),
            json!({}),
        ] {
            assert!(!to_bool(&f), "{f}");
        }
    }

    #[test]
    fn object_fields() {
        let v = json!({"orderItemId": 3, "qty": null});
        let o = Obj::new(&v, &["order_item_id", "qty", "extension_attributes"]).unwrap();
        assert_eq!(o.int("order_item_id").unwrap(), Some(3));
        assert_eq!(o.amount("qty").unwrap(), None);
        let v = json!({"order_item_id": 3, "foo_bar": 1});
        let err = Obj::new(&v, &["order_item_id", "qty"]).err().unwrap();
        assert_eq!(
            err.body(),
            json!({"message": e::FIELD_NOT_SUPPORTED, "parameters": {"fieldName": "FooBar"}})
        );
        assert_eq!(upper_camel("some_key"), "SomeKey");
    }

    /// `same_key` is `upper_camel` equality, built character by character: underscores
    /// anywhere, case of each part's first letter, characters whose upper case is longer.
    #[test]
    fn same_key_is_upper_camel_equality() {
        let keys = [
            "",
            "_",
            "__",
            "a",
            "A",
            "a_b",
            "aB",
            "AB",
            "a__b",
            "_a",
            "a_",
            "order_item_id",
            "orderItemId",
            "OrderItemId",
            "order_itemId",
            "orderitem_id",
            "ß_x",
            "SSX",
            "Ssx",
            "ǆ_a",
            "ǅA",
            "ǄA",
            "é_t",
            "ÉT",
            "x1_2y",
            "X12y",
            "entity",
            "Entity",
            "ENTITY",
        ];
        for a in keys {
            for b in keys {
                assert_eq!(
                    same_key(a, b),
                    upper_camel(a) == upper_camel(b),
                    "{a:?} {b:?}"
                );
            }
            // The reference definition, as it was written before.
            let parts: String = a
                .split('_')
                .map(|part| {
                    let mut chars = part.chars();
                    match chars.next() {
                        Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                        None => String::new(),
                    }
                })
                .collect();
            assert_eq!(upper_camel(a), parts, "{a:?}");
        }
    }
}
