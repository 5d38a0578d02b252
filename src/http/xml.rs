//! Replies in XML, for a request whose `Accept` header asks for it (`crate::http::accept`): what
//! Magento's `Framework\Webapi\Rest\Response\Renderer\Xml::render` makes of the data its JSON
//! renderer would have encoded, through `Framework\Xml\Generator::arrayToXml` and PHP's
//! `DOMDocument('1.0')` with `formatOutput` (`saveXML()`, libxml2 2.9).
//!
//! Its odd turns, kept (each checked against that PHP code under PHP 8.2 / libxml2 2.9.14):
//! - the whole reply sits in `<response>`; a list's members are `<item>` elements; a scalar
//!   reply (an invoice's id) is `<response>3</response>`;
//! - an object whose keys, written one after another, are all digits (`{"1":..,"5":..}`, a
//!   final newline allowed) is a list: its keys are dropped (`_formatData`'s
//!   `preg_match('/^\d+$/', implode(...))`);
//! - keys lose ``!"#$%&'()*+,/;<=>?@[\]^`{|}~``, spaces and colons become `_`, leading and
//!   trailing `_` go, a key starting with a digit, `,`, `.` or `-` gets `item_` in front
//!   (`_prepareKey`), then everything but ASCII letters, digits, `_` and `-` goes
//!   (`arrayToXml`'s `preg_replace('/[^\w-]/i', '', $key)`); two keys that end up the same keep
//!   the first one's place and the last one's value (a PHP array);
//! - `true`/`false` are words, `null` an empty element, a float as PHP's `(string)` writes it
//!   (14 significant digits: `1.0E-5`) (`_formatValue`; 2.2 and older escaped `&` once more,
//!   magento/magento2#18361);
//! - the document has no encoding, so libxml2 writes every character past ASCII as a
//!   hexadecimal reference (`&#xE9;`) and a carriage return as `&#xD;`; a text holding a NUL
//!   is cut there (libxml2's C strings);
//! - an empty object or list is `<key/>`, an empty string or null `<key></key>`.
//!
//! The reply's JSON text is read one level at a time ([`render_json`]): each object or list is
//! split into its members as raw JSON text (`RawValue`, slices of the reply), so a page of
//! 10,000 orders is never held whole as a `serde_json::Value` beside its text and its XML
//! (which took 871 MB at its peak for that page, 169 MB of XML).
//!
//! Two things make the rendering fail ([`Unrenderable`]), and Magento answers its 500 instead
//! (`crate::http::accept`): a key left empty or starting with a digit or `-` (`é1`, `""`),
//! which is no element name (the DOM throws), and a text holding a character XML cannot carry
//! (a control character, U+FFFE), on which libxml2 warns (`xmlEscapeEntities : char out of
//! range`) and Magento's error handler throws. (Outside Magento, with no handler, PHP writes
//! that text empty.)

use serde_json::value::RawValue;
use serde_json::Value;

/// The root element `Renderer\Xml::render` wraps every reply in.
const ROOT: &str = "response";
/// The element name of a list's members (`DEFAULT_ENTITY_ITEM_NAME`).
const ITEM: &str = "item";

/// The DOM refused an element name (`DOMException: Invalid Character Error`), or libxml2 a
/// character (a warning, which Magento's error handler throws).
#[derive(Debug, PartialEq, Eq)]
pub struct Unrenderable;

/// `Renderer\Xml::render`: the document for a reply's data.
pub fn render(data: &Value) -> Result<String, Unrenderable> {
    render_json(&serde_json::to_string(data).map_err(|_| Unrenderable)?)
}

/// [`render`] of a reply's JSON text (as `json_decode` reads it: an object's key met again
/// keeps its place and takes the later value).
pub fn render_json(json: &str) -> Result<String, Unrenderable> {
    let root: &RawValue = serde_json::from_str(json).map_err(|_| Unrenderable)?;
    // About twice the JSON's length for a list page; pages not written stay unmapped.
    let mut out = String::with_capacity(json.len().saturating_mul(3).saturating_add(64));
    out.push_str("<?xml version=\"1.0\"?>\n");
    write_element(&mut out, ROOT, root)?;
    Ok(out)
}

/// What `_formatData` makes of a value's members: a list's items, an object's members under
/// their prepared keys (a later key equal to an earlier one takes its value, in its place),
/// or the value itself for a scalar.
enum Members<'a> {
    Scalar(Value),
    Items(Vec<&'a RawValue>),
    Named(Vec<(String, &'a RawValue)>),
}

fn members(raw: &RawValue) -> Result<Members<'_>, Unrenderable> {
    let text = raw.get();
    let parsed = match text.trim_start().as_bytes().first() {
        Some(b'[') => serde_json::from_str::<Vec<&RawValue>>(text).map(Members::Items),
        Some(b'{') => serde_json::from_str::<Entries<'_>>(text).map(|Entries(entries)| {
            // `json_decode`: a key met again keeps its place and takes the later value.
            let mut map: indexmap::IndexMap<String, &RawValue> = indexmap::IndexMap::new();
            for (key, member) in entries {
                map.insert(key, member);
            }
            // `preg_match('/^\d+$/', implode('', array_keys($data)))`; `$` also takes a
            // final newline.
            let keys: String = map.keys().map(String::as_str).collect();
            let digits = keys.strip_suffix('\n').unwrap_or(&keys);
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                return Members::Items(map.into_values().collect());
            }
            // A PHP array: a key met again keeps its place and takes the later value.
            let named: indexmap::IndexMap<String, &RawValue> = map
                .into_iter()
                .map(|(key, member)| (prepare_key(&key), member))
                .collect();
            Members::Named(named.into_iter().collect())
        }),
        _ => serde_json::from_str::<Value>(text).map(Members::Scalar),
    };
    parsed.map_err(|_| Unrenderable)
}

/// An object's members in the order written, each as raw JSON text.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Entries<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Self::Value, M::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, &'a RawValue>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// `_formatValue`: booleans as words, anything else as PHP's `(string)` writes it.
fn format_value(value: &Value) -> String {
    match value {
        Value::Bool(b) => if *b { "true" } else { "false" }.to_owned(),
        _ => crate::php::php_string(value).unwrap_or_default(),
    }
}

/// `_prepareKey`.
fn prepare_key(key: &str) -> String {
    let key: String = key
        .chars()
        .filter(|c| !"!\"#$%&'()*+,/;<=>?@[\\]^`{|}~".contains(*c))
        .map(|c| if c == ' ' || c == ':' { '_' } else { c })
        .collect();
    let key = key.trim_matches('_');
    if key.starts_with(|c: char| c.is_ascii_digit() || ",.-".contains(c)) {
        format!("{ITEM}_{key}")
    } else {
        key.to_owned()
    }
}

/// `arrayToXml`'s element name: ASCII letters, digits, `_` and `-` only, and a name the DOM
/// takes (not empty, not starting with a digit or `-`).
fn element_name(key: &str) -> Result<String, Unrenderable> {
    let name: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    match name.chars().next() {
        Some(c) if !c.is_ascii_digit() && c != '-' => Ok(name),
        _ => Err(Unrenderable),
    }
}

/// One element and what it holds, as `saveXML` with `formatOutput` writes it: two spaces an
/// indent level, text inline, an empty array as `<name/>`. A work list instead of recursion:
/// no reply's depth can exhaust the stack.
fn write_element(out: &mut String, name: &str, value: &RawValue) -> Result<(), Unrenderable> {
    enum Step<'a> {
        Open(String, &'a RawValue, usize),
        Close(String, usize),
    }
    let mut steps = vec![Step::Open(element_name(name)?, value, 0)];
    while let Some(step) = steps.pop() {
        match step {
            Step::Open(name, value, depth) => {
                indent(out, depth);
                let children: Vec<(String, &RawValue)> = match members(value)? {
                    Members::Scalar(value) => {
                        out.push('<');
                        out.push_str(&name);
                        out.push('>');
                        escape_text(out, &format_value(&value))?;
                        out.push_str("</");
                        out.push_str(&name);
                        out.push_str(">\n");
                        continue;
                    }
                    Members::Items(items) => items
                        .into_iter()
                        .map(|item| (ITEM.to_owned(), item))
                        .collect(),
                    Members::Named(named) => named,
                };
                if children.is_empty() {
                    out.push('<');
                    out.push_str(&name);
                    out.push_str("/>\n");
                    continue;
                }
                out.push('<');
                out.push_str(&name);
                out.push_str(">\n");
                steps.push(Step::Close(name, depth));
                for (key, child) in children.into_iter().rev() {
                    steps.push(Step::Open(element_name(&key)?, child, depth + 1));
                }
            }
            Step::Close(name, depth) => {
                indent(out, depth);
                out.push_str("</");
                out.push_str(&name);
                out.push_str(">\n");
            }
        }
    }
    Ok(())
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A text node as libxml2 2.9 writes it in a document without an encoding
/// (`xmlEscapeEntities`).
fn escape_text(out: &mut String, text: &str) -> Result<(), Unrenderable> {
    // libxml2 holds the text as a C string: it ends at a NUL.
    let text = text.split('\0').next().unwrap_or_default();
    // A character XML cannot carry: libxml2 warns (`xmlEscapeEntities : char out of range`)
    // and Magento's error handler throws on the warning.
    let carries = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
            || c >= '\u{10000}'
    };
    if !text.chars().all(carries) {
        return Err(Unrenderable);
    }
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\t' | '\n' | '\u{20}'..='\u{7F}' => out.push(c),
            _ => {
                use std::fmt::Write;
                let _ = write!(out, "&#x{:X};", u32::from(c));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Each expectation below is what Magento 2.4's renderer code (`Renderer\Xml::render` and
    /// `Xml\Generator`) printed under PHP 8.2.36 with libxml2 2.9.14 for the same JSON, decoded
    /// by `json_decode`.
    #[test]
    fn renders_as_magento_does() {
        let data: Value = serde_json::from_str(
            r#"{"id":3,"grand_total":1917.6,"shipping":300,"neg":-404.4,
            "s":"A&B <c> \"q\" 'x' \u00e9 \ud83d\ude00 ]]>","n":null,"t":true,"f":false,
            "e":[],"o":{},"items":[{"sku":"x","qty":1},{"sku":"y"}],"l":[[1,2],[]],
            "m":{"1":"a","5":"b"},"k":{"1":"a","x":"b"},"a b":1,"a_b":7,"_u_":2,
            "big":123456789012.3456,"small":0.00001,"f0":2.50,"f1":3.0,"x.y":1,"-z":1,"1.5":2}"#,
        )
        .unwrap();
        let expected = r#"<?xml version="1.0"?>
<response>
  <id>3</id>
  <grand_total>1917.6</grand_total>
  <shipping>300</shipping>
  <neg>-404.4</neg>
  <s>A&amp;B &lt;c&gt; "q" 'x' &#xE9; &#x1F600; ]]&gt;</s>
  <n></n>
  <t>true</t>
  <f>false</f>
  <e/>
  <o/>
  <items>
    <item>
      <sku>x</sku>
      <qty>1</qty>
    </item>
    <item>
      <sku>y</sku>
    </item>
  </items>
  <l>
    <item>
      <item>1</item>
      <item>2</item>
    </item>
    <item/>
  </l>
  <m>
    <item>a</item>
    <item>b</item>
  </m>
  <k>
    <item_1>a</item_1>
    <x>b</x>
  </k>
  <a_b>7</a_b>
  <u>2</u>
  <big>123456789012.35</big>
  <small>1.0E-5</small>
  <f0>2.5</f0>
  <f1>3</f1>
  <xy>1</xy>
  <item_-z>1</item_-z>
  <item_15>2</item_15>
</response>
"#;
        assert_eq!(render(&data).unwrap(), expected);
    }

    #[test]
    fn scalar_empty_and_list_replies() {
        let cases = [
            (json!(3), "<response>3</response>\n"),
            (json!(true), "<response>true</response>\n"),
            (json!([]), "<response/>\n"),
            (json!(null), "<response></response>\n"),
            (
                json!([{"a": 1}]),
                "<response>\n  <item>\n    <a>1</a>\n  </item>\n</response>\n",
            ),
            (
                json!([1e25, 1.5e-7, 0.1, -0.0]),
                "<response>\n  <item>1.0E+25</item>\n  <item>1.5E-7</item>\n  \
                 <item>0.1</item>\n  <item>-0</item>\n</response>\n",
            ),
            (
                json!({"k": {"1é": 1, "xé": 2, "0": 3}}),
                "<response>\n  <k>\n    <item_1>1</item_1>\n    <x>2</x>\n    \
                 <item_0>3</item_0>\n  </k>\n</response>\n",
            ),
        ];
        for (data, body) in cases {
            assert_eq!(
                render(&data).unwrap(),
                format!("<?xml version=\"1.0\"?>\n{body}"),
                "{data}"
            );
        }
    }

    #[test]
    fn text_libxml_cannot_carry() {
        let cases = [
            ("a\rb", "a&#xD;b"),
            ("a\tb\nc", "a\tb\nc"),
            ("x\u{7f}y", "x\u{7f}y"),
            ("x\u{80}y", "x&#x80;y"),
            ("x\u{85}y", "x&#x85;y"),
            ("x\u{2028}y", "x&#x2028;y"),
            ("ab\u{0}cd", "ab"),
            ("\u{0}z", ""),
            ("\u{0}\u{1}", ""),
        ];
        for (text, written) in cases {
            assert_eq!(
                render(&json!({ "s": text })).unwrap(),
                format!("<?xml version=\"1.0\"?>\n<response>\n  <s>{written}</s>\n</response>\n"),
                "{text:?}"
            );
        }
        // PHP wrote these empty with a warning, which Magento's error handler throws.
        for text in [
            "x\u{1}y",
            "x\u{1f}y",
            "x\u{fffe}y",
            "x\u{ffff}y",
            "ab\u{1}\u{0}",
        ] {
            assert_eq!(render(&json!({ "s": text })), Err(Unrenderable), "{text:?}");
        }
    }

    #[test]
    fn a_final_newline_after_digit_keys() {
        assert_eq!(
            render(&json!({"1": "a", "2\n": "b"})).unwrap(),
            "<?xml version=\"1.0\"?>\n<response>\n  <item>a</item>\n  <item>b</item>\n</response>\n"
        );
    }

    #[test]
    fn names_the_dom_refuses() {
        for data in [json!({"é1": 1}), json!({"": 1}), json!({"k": {"é": 1}})] {
            assert_eq!(render(&data), Err(Unrenderable), "{data}");
        }
    }

    #[test]
    fn deep_data() {
        // Client data nests at most serde_json's 128 levels inside a reply.
        let mut data = json!(1);
        for _ in 0..300 {
            data = json!({ "a": [data] });
        }
        let xml = render(&data).unwrap();
        assert!(xml.ends_with("  </a>\n</response>\n"));
        assert_eq!(xml.matches("<item>").count(), 300);
    }
}
