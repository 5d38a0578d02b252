//! `searchCriteria` as SQL over a whitelist of columns, and the paged list every repository's
//! `getList` answers with.
//!
//! Sources: Framework/DB/Adapter/Pdo/Mysql.php::prepareSqlCondition (condition types),
//! collection paging (a page past the end gives the last page). See sales.md section 8.

use std::borrow::Cow;
use std::sync::Arc;

use sqlx::{Sqlite, SqliteConnection};

use crate::amount::Amount;
use crate::db::batch::{read_transaction, FromCell, Output};
use crate::db::readers::Readers;
use crate::db::{Batch, Columns, SqlValue};
use crate::error::{Error, Result};
use crate::search::{FilterGroup, SearchCriteria};

/// How a searchable field is stored, for binding filter values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    Int,
    Amount,
    /// A `DECIMAL` column kept as its text (a source's latitude and longitude): the field's
    /// column reads it as a REAL, and values are compared as MySQL's doubles.
    Decimal,
}

/// A field a list endpoint lets clients filter and sort on.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    /// A column, or any SQL expression over the row (a product's EAV attribute).
    pub column: Cow<'static, str>,
    pub kind: Kind,
}

/// Every column of a row type as a searchable field, with its kind from the stored type.
pub fn fields_of(row: &impl Columns) -> Vec<Field> {
    row.columns()
        .into_iter()
        .map(|(name, value)| Field {
            name,
            column: Cow::Borrowed(name),
            kind: match value {
                SqlValue::Int(_) => Kind::Int,
                SqlValue::Text(_) => Kind::Text,
                SqlValue::Amount(_) => Kind::Amount,
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
        Kind::Decimal => Bind::Text(mysql_double(text).to_string()),
    }
}

/// A filter value as the column compares it: on one of Magento's `TIMESTAMP`/`DATETIME`
/// columns (`created_at`, `updated_at`, `converted_at`, ...: every text column of the tables
/// magemu searches whose name ends in `_at`), MySQL reads the value as a date and time
/// ([`mysql_datetime`]; one it cannot read is compared as the text it is).
fn compared_value(field: &Field, value: &str) -> String {
    if field.kind == Kind::Text && field.name.ends_with("_at") {
        if let Some(at) = mysql_datetime(value) {
            return at;
        }
    }
    value.to_owned()
}

/// A string as MySQL reads it when it is compared with a `DATETIME`/`TIMESTAMP` column
/// (`str_to_datetime`, "Date and Time Literals" in MySQL 8.0's manual), written as magemu stores
/// times (`YYYY-MM-DD hh:mm:ss`, then the fraction without trailing zeros), so that comparing
/// the text compares the times: `2026-01-21T15:00:00`, `2026/01/21 15:00`, `20260121`,
/// `2026-1-5`, `26-01-21`, `2026-01-21 15:18:52.000`, and (8.0.19) a trailing `+02:00` offset,
/// taken to UTC, the session time zone, or a `Z` (JavaScript's `toISOString()`; MySQL reads the
/// time before it). A missing time is midnight. `None` for what MySQL does
/// not read as a valid date and time (`None`, `2026-02-30`).
pub fn mysql_datetime(value: &str) -> Option<String> {
    let s = value.trim_matches(' ');
    // JavaScript's `toISOString()` ends in `Z`: UTC, what the session's zone is.
    let s = match s.strip_suffix(['Z', 'z']) {
        Some(rest) if rest.contains(['T', ' ']) => rest,
        _ => s,
    };
    let (body, offset) = split_offset(s);
    let (date, time, fraction) = if body.bytes().all(|b| b.is_ascii_digit()) {
        // Without delimiters: YYYYMMDD[hhmmss] or YYMMDD[hhmmss].
        let (date, time) = match body.len() {
            8 | 14 => body.split_at(8),
            6 | 12 => body.split_at(6),
            _ => return None,
        };
        let year_len = date.len() - 4;
        let part = |t: &str, i: usize| t[i..i + 2].parse::<u8>().ok();
        let ymd = (
            year(&date[..year_len])?,
            part(date, year_len)?,
            part(date, year_len + 2)?,
        );
        let hms = if time.is_empty() {
            (0, 0, 0)
        } else {
            (part(time, 0)?, part(time, 2)?, part(time, 4)?)
        };
        (ymd, hms, "")
    } else {
        let (body, fraction) = match body.split_once('.') {
            Some((b, f)) if !f.is_empty() && f.bytes().all(|c| c.is_ascii_digit()) => (b, f),
            Some(_) => return None,
            None => (body, ""),
        };
        let (date, time) = match body.find([' ', 'T']) {
            Some(i) => (&body[..i], body[i + 1..].trim_start_matches(' ')),
            None => (body, ""),
        };
        fn numbers(t: &str) -> Option<Vec<&str>> {
            let parts: Vec<&str> = t.split(|c: char| c.is_ascii_punctuation()).collect();
            parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then_some(parts)
        }
        let d = numbers(date)?;
        let [y, m, day] = d.as_slice() else {
            return None;
        };
        if m.len() > 2 || day.len() > 2 {
            return None;
        }
        let t = if time.is_empty() {
            Vec::new()
        } else {
            numbers(time)?
        };
        if t.len() > 3 || t.iter().any(|p| p.len() > 2) || (!fraction.is_empty() && t.len() != 3) {
            return None;
        }
        let n = |i: usize| t.get(i).map_or(Some(0), |p| p.parse::<u8>().ok());
        (
            (year(y)?, m.parse().ok()?, day.parse().ok()?),
            (n(0)?, n(1)?, n(2)?),
            fraction,
        )
    };
    let ((y, m, d), (hh, mm, ss)) = (date, time);
    let date = time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()?;
    let at = time::PrimitiveDateTime::new(date, time::Time::from_hms(hh, mm, ss).ok()?);
    let at = match offset {
        Some(offset) => {
            // Past 9999-12-31 (or before year 1) is no DATETIME.
            let utc = at
                .assume_offset(offset)
                .checked_to_offset(time::UtcOffset::UTC)
                .filter(|utc| (1..=9999).contains(&utc.year()))?;
            time::PrimitiveDateTime::new(utc.date(), utc.time())
        }
        None => at,
    };
    let mut text = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    );
    let fraction = fraction.get(..6).unwrap_or(fraction).trim_end_matches('0');
    if !fraction.is_empty() {
        text.push('.');
        text.push_str(fraction);
    }
    Some(text)
}

/// A year of four digits as it is; of two, 70-99 are 1970-1999 and 00-69 are 2000-2069.
fn year(digits: &str) -> Option<i32> {
    let y: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(y),
        2 => Some(if y < 70 { 2000 + y } else { 1900 + y }),
        _ => None,
    }
}

/// A trailing `+hh:mm`/`-hh:mm` time zone offset (MySQL 8.0.19), split off a date and time.
fn split_offset(s: &str) -> (&str, Option<time::UtcOffset>) {
    let Some(i) = s.len().checked_sub(6).filter(|&i| s.is_char_boundary(i)) else {
        return (s, None);
    };
    let (body, tail) = s.split_at(i);
    let b = tail.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if (b[0] == b'+' || b[0] == b'-')
        && digits(1..3)
        && b[3] == b':'
        && digits(4..6)
        && body.contains([' ', 'T'])
    {
        let sign = if b[0] == b'-' { -1 } else { 1 };
        let h: i8 = tail[1..3].parse().unwrap_or(0);
        let m: i8 = tail[4..6].parse().unwrap_or(0);
        if let Ok(offset) = time::UtcOffset::from_hms(sign * h, sign * m, 0) {
            return (body, Some(offset));
        }
    }
    (s, None)
}

/// The WHERE and ORDER BY parts of a list query, with their binds.
#[derive(Debug, Default)]
pub struct SqlParts {
    pub where_sql: String,
    pub order_sql: String,
    /// The same order with each term behind a unary `+` (the same values, collations and
    /// order), which keeps SQLite from walking an index in that order: see [`matching`].
    pub sorted_order_sql: String,
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

/// A filter a repository's collection processor applies itself (Magento's
/// `CustomFilterInterface`, e.g. a product list's `category_id`): its term is ANDed to the
/// query whatever group it sits in (the processor adds it to the select, outside the group's
/// OR), and it cannot be sorted on.
#[derive(Debug, Clone, Copy)]
pub struct CustomFilter {
    pub name: &'static str,
    /// The SQL term for (condition type, as sent; value), its binds pushed in order.
    pub term: fn(&str, &str, &mut Vec<Bind>) -> String,
}

/// A text value as MySQL's `PAD SPACE` collations compare it: trailing spaces do not count
/// (`'FR ' = 'FR'`), leading ones do. A number column's value is read as PHP and MySQL read
/// numeric text, around any white space ([`Amount::parse`]).
fn padded(kind: Kind, value: &str) -> &str {
    match kind {
        Kind::Text => value.trim_end_matches(' '),
        // MySQL's `my_strtod` skips ASCII white space only (a no-break space is no number).
        Kind::Int | Kind::Amount | Kind::Decimal => {
            value.trim_matches(crate::php::NUMERIC_WHITESPACE)
        }
    }
}

/// The values of an `in`/`nin` list (`a,b,c`, cut as PHP's `explode(',')` cuts it: ` b` keeps
/// its space) as one JSON array typed as `kind` is, for `... IN (SELECT value FROM
/// json_each(?))`: no limit on their number (SQLite caps bound variables).
pub fn json_list<'v>(kind: Kind, values: impl IntoIterator<Item = &'v str>) -> Bind {
    let list: Vec<serde_json::Value> = values
        .into_iter()
        .map(|v| match bind_value(kind, padded(kind, v)) {
            Bind::Int(i) => serde_json::Value::from(i),
            Bind::Amount(a) => a
                .to_ten_thousandths()
                .map(serde_json::Value::from)
                .unwrap_or_else(|| padded(kind, v).into()),
            Bind::Text(_) if kind == Kind::Decimal => serde_json::Value::from(mysql_double(v)),
            Bind::Text(t) => serde_json::Value::from(t),
        })
        .collect();
    Bind::Text(serde_json::Value::from(list).to_string())
}

/// The collation a text comparison with `values` needs to compare as Magento's MySQL columns
/// do: they take the table default, `utf8(mb4)_general_ci`, so `customer_email eq
/// JDOE@example.com` finds `jdoe@example.com` and a pickup location's `city` eq `mitry-mory`
/// finds `Mitry-Mory`. Only where a value holds a byte that SQLite's `NOCASE` folds or sorts
/// differently once folded (ASCII letters, and ``[\]^_` `` which sit between the two cases):
/// for any other value both collations give the same answer, and the comparison keeps the
/// column's index (a list by `increment_id` or `updated_at` on a large world).
fn text_collation<'v>(kind: Kind, values: impl IntoIterator<Item = &'v str>) -> &'static str {
    let folds = |v: &str| {
        v.bytes()
            .any(|b| b.is_ascii_alphabetic() || (b'['..=b'`').contains(&b))
    };
    if kind == Kind::Text && values.into_iter().any(folds) {
        " COLLATE NOCASE"
    } else {
        ""
    }
}

/// The condition types `Mysql::prepareSqlCondition` has SQL for (its `$conditionKeyMap`).
const PREPARED_CONDITIONS: [&str; 21] = [
    "eq", "neq", "like", "nlike", "in", "nin", "is", "notnull", "null", "gt", "lt", "gteq", "lteq",
    "finset", "nfinset", "regexp", "from", "to", "seq", "sneq", "ntoa",
];

/// The SQL operator of a comparing condition type (`Mysql::prepareSqlCondition`).
pub fn operator(cond: &str) -> &'static str {
    match cond {
        "neq" | "sneq" => "!=",
        "like" => "LIKE",
        "nlike" => "NOT LIKE",
        "gt" => ">",
        "lt" => "<",
        "gteq" | "from" => ">=",
        "lteq" | "to" => "<=",
        // eq, seq, and (as Magento's fallback branch does) anything unknown.
        _ => "=",
    }
}

/// The field a filter or sort names. Magento passes the name to SQL as is: MySQL's column names
/// compare without case (`Status`, `Increment_Id` are `status`, `increment_id`), and an unknown
/// column is a database error (500).
pub fn field_of<'f>(fields: &'f [Field], name: &str) -> Result<&'f Field> {
    fields
        .iter()
        .find(|f| f.name.eq_ignore_ascii_case(name))
        .ok_or_else(|| Error::internal(format!("Unknown column '{name}' in 'where clause'")))
}

/// The field a filter names: [`field_of`]'s, or `main_table.<column>` for a field that is a
/// column of the list's main table. Every flat resource collection selects `FROM <table> AS
/// main_table` (`Model/ResourceModel/Db/Collection/AbstractCollection::_initSelect`), so a
/// client may qualify a column with the alias (`main_table.status`, the usual way round
/// MySQL's "ambiguous column" on a joined collection); a joined column or an expression under
/// that alias is an unknown column there too. The alias compares with case (MySQL's table
/// aliases do on Linux), the column without. EAV lists (customers, products, categories, alias
/// `e`) refuse the name before it gets here (400 `The "%1" attribute name is invalid.`), and a
/// sort on it is refused as a name with restricted symbols (`SortOrder::validateField`).
fn filter_field_of<'f>(fields: &'f [Field], name: &str) -> Result<&'f Field> {
    // A field of the main table: its column, or an expression over the row that names no
    // other table's alias (a source's `CAST(latitude AS REAL)`, a shipment's `packages`).
    let main_column = |f: &&Field, column: &str| {
        let own = f.column.strip_prefix("main_table.").unwrap_or(&f.column);
        f.name.eq_ignore_ascii_case(column) && !own.contains('.')
    };
    let unknown = || Error::internal(format!("Unknown column '{name}' in 'where clause'"));
    match name.strip_prefix("main_table.") {
        Some(column) => fields
            .iter()
            .find(|f| main_column(f, column))
            .ok_or_else(unknown),
        // Another table's alias, where a list names its fields so (`so.increment_id` on
        // transactions, whose collection joins the order as `so`): the alias with case, the
        // column without. A list that names no field so takes no other alias.
        None if name.contains('.') => {
            let (alias, column) = name.split_once('.').unwrap_or_default();
            fields
                .iter()
                .find(|f| {
                    f.name
                        .split_once('.')
                        .is_some_and(|(a, c)| a == alias && c.eq_ignore_ascii_case(column))
                })
                .ok_or_else(unknown)
        }
        None => field_of(fields, name),
    }
}

/// Builds SQL for `criteria` over `fields`; `default_order` is used when no sort order is given.
pub fn to_sql(
    criteria: &SearchCriteria,
    fields: &[Field],
    default_order: &str,
) -> Result<SqlParts> {
    to_sql_with(criteria, fields, &[], default_order)
}

/// [`to_sql`] with the repository's [`CustomFilter`]s besides its fields.
pub fn to_sql_with(
    criteria: &SearchCriteria,
    fields: &[Field],
    custom: &[CustomFilter],
    default_order: &str,
) -> Result<SqlParts> {
    let mut parts = SqlParts::default();
    let mut groups = Vec::new();
    for group in &criteria.filter_groups {
        let mut ors = Vec::new();
        // A custom filter's term follows its group's OR in the SQL, so its binds follow too.
        let (mut ands, mut and_binds) = (Vec::new(), Vec::new());
        // The EAV processor gives each filter its own condition (`checkFromTo` is the
        // framework processor's alone): `from` and `to` stay ORed.
        let range = if criteria.eav {
            None
        } else {
            from_to(group, custom)
        };
        if let Some((name, from, to)) = range {
            // FilterProcessor::checkFromTo: one field, `from` and `to`: one range, ANDed.
            let field = filter_field_of(fields, name)?;
            let from = comparison(field, "from", from, &mut parts.binds);
            let to = comparison(field, "to", to, &mut parts.binds);
            ors.push(format!("({from} AND {to})"));
        }
        for f in &group.filters {
            // No field: `quoteIdentifier(null)` is the empty column, MySQL's 500.
            let Some(name) = &f.field else {
                return Err(Error::internal("Unknown column '' in 'where clause'"));
            };
            let value = f.value.clone().unwrap_or_default();
            // Condition types compare with case (`prepareSqlCondition`'s map): `LIKE` is none
            // of them, so an equality, as any unknown type.
            let cond = f.condition_type.as_str();
            if let Some(c) = custom.iter().find(|c| c.name == name) {
                ands.push((c.term)(cond, &value, &mut and_binds));
                continue;
            }
            if range.is_some() {
                continue;
            }
            // `'is' => "{{fieldName}} IS ?"`: MySQL takes no quoted value after IS.
            if cond == "is" {
                return Err(Error::internal(format!(
                    "You have an error in your SQL syntax near 'IS {value:?}'"
                )));
            }
            let field = filter_field_of(fields, name)?;
            let col = &field.column;
            let sql = match cond {
                "null" => format!("{col} IS NULL"),
                "notnull" => format!("{col} IS NOT NULL"),
                "in" | "nin" => {
                    let values: Vec<String> =
                        value.split(',').map(|v| compared_value(field, v)).collect();
                    parts
                        .binds
                        .push(json_list(field.kind, values.iter().map(String::as_str)));
                    let not = if cond == "nin" { "NOT " } else { "" };
                    let collate = text_collation(field.kind, values.iter().map(String::as_str));
                    format!("{col}{collate} {not}IN (SELECT value FROM json_each(?))")
                }
                "seq" | "sneq" if value.is_empty() => {
                    let not = if cond == "sneq" { "NOT " } else { "" };
                    format!("{col} IS {not}NULL")
                }
                // The EAV processor passes `['attribute' => $field, $type => $value]` to
                // `prepareSqlCondition`: a type it has no SQL for (`fulltext`, `LIKE`, ...)
                // falls to its OR over the array's values, the attribute code among them.
                _ if criteria.eav && !PREPARED_CONDITIONS.contains(&cond) => {
                    let code = comparison(field, "eq", name, &mut parts.binds);
                    let sent = comparison(field, "eq", &value, &mut parts.binds);
                    format!("(({code}) OR ({sent}))")
                }
                // FilterProcessor: "not a fulltext search", a LIKE of the value anywhere.
                "fulltext" => {
                    parts
                        .binds
                        .push(Bind::Text(mysql_like_pattern(&format!("%{value}%"))));
                    format!("{} LIKE ?{LIKE_ESCAPE}", text_column(field))
                }
                // FIND_IN_SET(?, col): the value is one of the column's comma-separated items
                // (compared as the collation does, without case); a NULL column matches
                // neither.
                "finset" | "nfinset" => {
                    parts.binds.push(Bind::Text(value.clone()));
                    let not = if cond == "nfinset" { "NOT " } else { "" };
                    format!("{not}(instr(',' || lower({col}) || ',', ',' || lower(?) || ',') > 0)")
                }
                _ => comparison(field, cond, &value, &mut parts.binds),
            };
            ors.push(sql);
        }
        if !ors.is_empty() {
            groups.push(balanced(&ors, "OR"));
        }
        groups.extend(ands);
        parts.binds.extend(and_binds);
    }
    if !groups.is_empty() {
        parts.where_sql = format!(" WHERE {}", balanced(&groups, "AND"));
    }
    // `AbstractDb::_setOrder` keys the sort by field: a field sorted again moves to the end,
    // with its later direction.
    // (The key is the name as sent: another spelling of it is another key, as in PHP.)
    let mut sorts: Vec<(&str, &str, &str)> = Vec::new();
    for s in criteria.sort_orders.iter().flatten() {
        let Some(name) = s.field.as_deref() else {
            continue;
        };
        let column: &str = &field_of(fields, name)?.column;
        sorts.retain(|(sent, _, _)| *sent != name);
        sorts.push((name, column, s.sql_direction()));
    }
    let mut orders: Vec<String> = sorts.iter().map(|(_, c, d)| format!("{c} {d}")).collect();
    orders.push(default_order.to_owned());
    parts.order_sql = format!(" ORDER BY {}", orders.join(", "));
    let sorted: Vec<String> = orders.iter().map(|o| format!("+{o}")).collect();
    parts.sorted_order_sql = format!(" ORDER BY {}", sorted.join(", "));
    Ok(parts)
}

/// `FilterProcessor::checkFromTo` (2.4.8): when the filters of a group that no custom filter
/// takes all name one field (the same text) and their condition types are exactly `from` and
/// `to` (either may come more than once: the last value counts), both with a value, the group is one
/// condition `field >= from AND field <= to` (`Mysql::prepareSqlCondition`), not their OR.
fn from_to<'g>(
    group: &'g FilterGroup,
    custom: &[CustomFilter],
) -> Option<(&'g str, &'g str, &'g str)> {
    let mut name: Option<&str> = None;
    let (mut from, mut to) = (None, None);
    for f in &group.filters {
        let field = f.field.as_deref()?;
        if custom.iter().any(|c| c.name == field) {
            continue;
        }
        if name.is_some_and(|n| n != field) {
            return None;
        }
        name = Some(field);
        match f.condition_type.as_str() {
            "from" => from = Some(f.value.as_deref()),
            "to" => to = Some(f.value.as_deref()),
            _ => return None,
        }
    }
    Some((name?, from??, to??))
}

/// The column a LIKE reads as text: a [`Kind::Decimal`] column's stored text (`40.733790`, as
/// MySQL writes the decimal), not its REAL.
fn text_column(field: &Field) -> &str {
    match field.kind {
        Kind::Decimal => field.name,
        _ => &field.column,
    }
}

/// MySQL's LIKE escapes with a backslash unless told otherwise (`%\_%` is any text holding an
/// underscore, `50\%` the text `50%`); SQLite's LIKE has no escape character unless given one.
const LIKE_ESCAPE: &str = " ESCAPE '\\'";

/// A LIKE pattern as MySQL reads it, for SQLite's LIKE with [`LIKE_ESCAPE`]: the same, but for
/// a backslash that ends the pattern, which MySQL takes as itself (`my_wildcmp` escapes only
/// when a character follows) and SQLite as matching nothing.
fn mysql_like_pattern(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 1);
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\\' {
            match chars.next() {
                Some(escaped) => out.push(escaped),
                None => out.push('\\'),
            }
        }
    }
    out
}

/// A comparison of `field` with `value` by a condition type's operator ([`operator`]): LIKE
/// as text, without padding or collation (it ignores ASCII case already); any other as the
/// column compares, padded, with the collation the value needs.
fn comparison(field: &Field, cond: &str, value: &str, binds: &mut Vec<Bind>) -> String {
    let op = operator(cond);
    let col = &field.column;
    if op.contains("LIKE") {
        binds.push(Bind::Text(mysql_like_pattern(value)));
        return format!("{} {op} ?{LIKE_ESCAPE}", text_column(field));
    }
    let value = compared_value(field, padded(field.kind, value));
    match as_mysql_double(field.kind, &value) {
        Some(Ok(number)) => {
            // (A finite double's text: `mysql_double` clamps to the largest.)
            binds.push(Bind::Text(number.to_string()));
            // An amount column keeps ten-thousandths: its value as MySQL's double is the
            // quotient, correctly rounded as MySQL converts the decimal.
            let col = match field.kind {
                Kind::Amount => format!("({col} / 10000.0)"),
                _ => col.to_string(),
            };
            return format!("{col} {op} CAST(? AS REAL)");
        }
        Some(Err(exact)) => binds.push(exact),
        None => binds.push(bind_value(field.kind, &value)),
    }
    let collate = text_collation(field.kind, [value.as_str()]);
    format!("{col} {op} ?{collate}")
}

/// The number a numeric column is compared with: `Ok` with a double when the text `value` is
/// no number the column holds (for an amount, [`comparison`] divides the stored
/// ten-thousandths), `Err` with the bind of the number it is when it is one, `None` for a text
/// column.
///
/// Magento quotes every filter value (`quoteInto`), and MySQL compares an `INT` or `DECIMAL`
/// column with a string as two doubles (`Type Conversion in Expression Evaluation`), the
/// string read as its longest numeric prefix (`3abc` is 3, `abc` and the empty string 0): so
/// `entity_id` eq `3.7` finds nothing and lt `3.7` finds 3, `gt abc` finds every positive id,
/// and `grand_total` eq `1917.60001` finds nothing. (A value the column can hold exactly is
/// bound as such, which keeps the column's index.)
fn as_mysql_double(kind: Kind, value: &str) -> Option<Result<f64, Bind>> {
    match kind {
        Kind::Text => None,
        Kind::Decimal => Some(Ok(mysql_double(value))),
        Kind::Int => {
            let number = mysql_double(value);
            if number.fract() == 0.0 && number.abs() < 9_007_199_254_740_992.0 {
                // Exact: within ±2^53 the double is the integer.
                Some(Err(Bind::Int(number as i64)))
            } else {
                Some(Ok(number))
            }
        }
        Kind::Amount => {
            // `Amount::parse` rounds to the stored ten-thousandths: exact only if that kept it,
            // and only for text MySQL reads whole as a number (rust_decimal also reads `1_000`).
            let t = value.trim_matches(crate::php::NUMERIC_WHITESPACE);
            let numeric = t
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E'));
            let t = t.strip_prefix('+').unwrap_or(t);
            let unrounded = if t.contains(['e', 'E']) {
                rust_decimal::Decimal::from_scientific(t).ok()
            } else {
                t.parse::<rust_decimal::Decimal>().ok()
            };
            match Amount::parse(value) {
                Some(a)
                    if numeric
                        && unrounded.is_some_and(|d| d.round_dp(4) == d)
                        && a.to_ten_thousandths().is_some() =>
                {
                    Some(Err(Bind::Amount(a)))
                }
                _ => Some(Ok(mysql_double(value))),
            }
        }
    }
}

/// A string as MySQL reads it as a double (`my_strntod`): leading white space skipped, then
/// the longest prefix that is a decimal number with an optional sign, fraction and exponent;
/// 0 without one; a number past the double's range is its largest value.
fn mysql_double(value: &str) -> f64 {
    let s = value.trim_start_matches(crate::php::NUMERIC_WHITESPACE);
    let b = s.as_bytes();
    let digits = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let mut end = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let int_end = digits(end);
    let mut mantissa_digits = int_end - end;
    end = int_end;
    if b.get(end) == Some(&b'.') {
        let frac_end = digits(end + 1);
        mantissa_digits += frac_end - end - 1;
        end = frac_end;
    }
    if mantissa_digits == 0 {
        return 0.0;
    }
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(b.get(end + 1), Some(b'+' | b'-')));
        let exp_end = digits(end + 1 + sign);
        if exp_end > end + 1 + sign {
            end = exp_end;
        }
    }
    let number: f64 = s[..end].parse().unwrap_or(0.0);
    number.clamp(f64::MIN, f64::MAX)
}

/// LIMIT/OFFSET for `total` matching rows.
fn limit_sql(criteria: &SearchCriteria, total: i64) -> String {
    match criteria.page(total) {
        Some((size, offset)) => format!(" LIMIT {size} OFFSET {offset}"),
        None => String::new(),
    }
}

/// Binds the values of a searchCriteria filter, in order.
fn bind_search<'q, O>(
    mut query: sqlx::query::QueryAs<'q, Sqlite, O, sqlx::sqlite::SqliteArguments<'q>>,
    binds: &[Bind],
) -> sqlx::query::QueryAs<'q, Sqlite, O, sqlx::sqlite::SqliteArguments<'q>> {
    for b in binds {
        query = match b {
            Bind::Text(t) => query.bind(t.clone()),
            Bind::Int(i) => query.bind(*i),
            Bind::Amount(a) => query.bind(*a),
        };
    }
    query
}

/// The count of all rows of `table` matching `criteria`, and the SQL selecting `columns` of one
/// page of them, with its binds.
async fn matching(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    columns: &str,
    fields: &[Field],
    custom: &[CustomFilter],
    criteria: &SearchCriteria,
) -> Result<(i64, String, Vec<Bind>)> {
    let parts = to_sql_with(criteria, fields, custom, &format!("{key} ASC"))?;
    let (total,): (i64,) = bind_search(sqlx::query_as(&count_sql(table, &parts)), &parts.binds)
        .fetch_one(&mut *conn)
        .await?;
    let sorted = if !may_sort_the_matches(&parts, total) {
        false
    } else if page_reaches_the_last_match(criteria, total) {
        true
    } else {
        let rows: Option<i64> = sqlx::query_scalar(&largest_rowid_sql(table))
            .fetch_one(&mut *conn)
            .await?;
        sorting_is_better(rows, total)
    };
    let sql = page_sql(table, columns, &parts, criteria, total, sorted);
    Ok((total, sql, parts.binds))
}

fn count_sql(table: &str, parts: &SqlParts) -> String {
    format!("SELECT COUNT(*) FROM {table}{}", parts.where_sql)
}

/// The largest rowid of `table`: its row count or more, read from the end of its B-tree.
fn largest_rowid_sql(table: &str) -> String {
    format!("SELECT MAX(rowid) FROM {table}")
}

/// The SELECT of one page of the `total` matches, sorted by SQLite after finding them all when
/// `sorted` (see [`may_sort_the_matches`]).
fn page_sql(
    table: &str,
    columns: &str,
    parts: &SqlParts,
    criteria: &SearchCriteria,
    total: i64,
    sorted: bool,
) -> String {
    let order_sql = if sorted {
        &parts.sorted_order_sql
    } else {
        &parts.order_sql
    };
    format!(
        "SELECT {columns} FROM {table}{}{order_sql}{}",
        parts.where_sql,
        limit_sql(criteria, total)
    )
}

/// Most matches a page is taken from by sorting them all.
const MOST_MATCHES_SORTED: i64 = 50_000;

/// Whether a page of the `total` matches of a filter may be better taken by finding them all
/// and sorting them than by walking the table in the sort order until the page is full (it is
/// when [`sorting_is_better`] too).
///
/// SQLite's planner, without histograms (its default build has no STAT4), guesses that a range
/// filter such as `updated_at >= ?` keeps a quarter of the rows, so with `ORDER BY entity_id
/// LIMIT 20` it walks the table in key order and expects a page within a few dozen rows. For the
/// "what changed since" poll of an integration the matches are the newest rows, at the end of
/// that walk: on a world of a million orders the list read the whole 2 GB table for 20 orders
/// (6 requests/s against 226 on a small world). The count, taken first through the filter's
/// index, tells how many match: when that is a small part of the table (and few enough to sort
/// in a few milliseconds), the terms of the ORDER BY go behind a unary `+`, so the planner
/// finds the matches through the filter's index and sorts them. MySQL, under Magento, makes the
/// same choice from its index statistics. The page is the same either way. A filter no index
/// serves (`like '%x%'`) already scanned the table for the count; its sorted page scans it once
/// more where the walk in key order may have stopped early, which bounds the cost at the count's.
fn may_sort_the_matches(parts: &SqlParts, total: i64) -> bool {
    !parts.where_sql.is_empty() && total > 0 && total <= MOST_MATCHES_SORTED
}

/// Whether the page takes the last of the `total` matches (the first page of a filter that
/// matches few rows, as an integration's look-up of one order by `increment_id`): a walk in key
/// order then cannot stop before it has seen every match, so finding them through the filter
/// and sorting them is as good whatever the table's size, and the table's size is not read.
fn page_reaches_the_last_match(criteria: &SearchCriteria, total: i64) -> bool {
    criteria
        .page(total)
        .is_none_or(|(size, offset)| offset.saturating_add(size) >= total)
}

/// With `rows` the largest rowid of the table ([`largest_rowid_sql`]): whether the `total`
/// matches are a small enough part of it (under a quarter) to be found and sorted.
fn sorting_is_better(rows: Option<i64>, total: i64) -> bool {
    rows.unwrap_or(0) > 4 * total
}

/// One page of the rows of `table` (every column of `R` searchable) and the count of all
/// matches: a repository's `getList` over a flat table.
pub async fn rows<R>(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    criteria: &SearchCriteria,
) -> Result<(Vec<R>, i64)>
where
    R: Columns + Default + Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
{
    rows_with(conn, table, key, &[], criteria).await
}

/// [`rows`] with the repository's [`CustomFilter`]s besides the columns of `R`.
pub async fn rows_with<R>(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    custom: &[CustomFilter],
    criteria: &SearchCriteria,
) -> Result<(Vec<R>, i64)>
where
    R: Columns + Default + Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
{
    rows_over_with(
        conn,
        table,
        key,
        &fields_of(&R::default()),
        custom,
        criteria,
    )
    .await
}

/// [`rows`] over `fields` (the columns of `table`, or expressions over its row) instead of
/// the columns of `R`.
pub async fn rows_over<R>(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    fields: &[Field],
    criteria: &SearchCriteria,
) -> Result<(Vec<R>, i64)>
where
    R: Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
{
    rows_over_with(conn, table, key, fields, &[], criteria).await
}

async fn rows_over_with<R>(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    fields: &[Field],
    custom: &[CustomFilter],
    criteria: &SearchCriteria,
) -> Result<(Vec<R>, i64)>
where
    R: Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
{
    let (total, sql, binds) = matching(conn, table, key, "*", fields, custom, criteria).await?;
    let rows = bind_search(sqlx::query_as::<_, R>(&sql), &binds)
        .fetch_all(conn)
        .await?;
    Ok((rows, total))
}

/// One page of rows read from `from` (a table with joins: `select` names its columns), over
/// `fields` mapped to those columns, and the count of all matches: a repository's `getList`
/// over a small joined collection (no page-strategy heuristics, which need a table's rowid).
pub async fn joined_rows<R>(
    conn: &mut SqliteConnection,
    from: &str,
    select: &str,
    fields: &[Field],
    default_order: &str,
    criteria: &SearchCriteria,
) -> Result<(Vec<R>, i64)>
where
    R: Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
{
    joined_page(conn, from, select, fields, None, default_order, criteria).await
}

/// [`joined_rows`] of a collection whose joins repeat its rows, grouped by `group` (Magento's
/// `->group()`, with `getSelectCountSql`'s `COUNT(DISTINCT group)` for the total): a filter on
/// a joined column keeps the rows any of whose joined rows match.
pub async fn grouped_rows<R>(
    conn: &mut SqliteConnection,
    from: &str,
    select: &str,
    fields: &[Field],
    group: &str,
    default_order: &str,
    criteria: &SearchCriteria,
) -> Result<(Vec<R>, i64)>
where
    R: Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
{
    joined_page(
        conn,
        from,
        select,
        fields,
        Some(group),
        default_order,
        criteria,
    )
    .await
}

async fn joined_page<R>(
    conn: &mut SqliteConnection,
    from: &str,
    select: &str,
    fields: &[Field],
    group: Option<&str>,
    default_order: &str,
    criteria: &SearchCriteria,
) -> Result<(Vec<R>, i64)>
where
    R: Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
{
    let parts = to_sql(criteria, fields, default_order)?;
    let count = match group {
        Some(key) => format!(
            "SELECT COUNT(DISTINCT {key}) FROM {from}{}",
            parts.where_sql
        ),
        None => count_sql(from, &parts),
    };
    let (total,): (i64,) = bind_search(sqlx::query_as(&count), &parts.binds)
        .fetch_one(&mut *conn)
        .await?;
    let group_sql = group
        .map(|key| format!(" GROUP BY {key}"))
        .unwrap_or_default();
    let sql = format!(
        "SELECT {select} FROM {from}{}{group_sql}{}{}",
        parts.where_sql,
        parts.order_sql,
        limit_sql(criteria, total)
    );
    let rows = bind_search(sqlx::query_as::<_, R>(&sql), &parts.binds)
        .fetch_all(conn)
        .await?;
    Ok((rows, total))
}

/// One page of documents whose head row `R` lives in `table` (every column of `R` searchable),
/// each loaded whole by `load`, and the count of all matches: a repository's `getList`.
pub async fn documents<R, T>(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    criteria: &SearchCriteria,
    load: impl AsyncFnMut(&mut SqliteConnection, i64) -> Result<Option<T>, sqlx::Error>,
) -> Result<(Vec<T>, i64)>
where
    R: Columns + Default,
{
    documents_with::<R, T>(conn, table, key, &[], criteria, load).await
}

/// [`documents`] with the repository's [`CustomFilter`]s besides the columns of `R`.
pub async fn documents_with<R, T>(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    custom: &[CustomFilter],
    criteria: &SearchCriteria,
    load: impl AsyncFnMut(&mut SqliteConnection, i64) -> Result<Option<T>, sqlx::Error>,
) -> Result<(Vec<T>, i64)>
where
    R: Columns + Default,
{
    let fields = fields_of(&R::default());
    documents_over(conn, table, key, &fields, custom, criteria, load).await
}

/// [`documents_with`] over `fields` (columns or expressions of `table`'s row) instead of the
/// columns of a row type.
pub async fn documents_over<T>(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    fields: &[Field],
    custom: &[CustomFilter],
    criteria: &SearchCriteria,
    mut load: impl AsyncFnMut(&mut SqliteConnection, i64) -> Result<Option<T>, sqlx::Error>,
) -> Result<(Vec<T>, i64)> {
    let (total, sql, binds) = matching(conn, table, key, key, fields, custom, criteria).await?;
    check_page_len(table, criteria, total)?;
    let keys: Vec<(i64,)> = bind_search(sqlx::query_as(&sql), &binds)
        .fetch_all(&mut *conn)
        .await?;
    let mut documents = Vec::with_capacity(keys.len());
    for (id,) in keys {
        documents.extend(load(conn, id).await?);
    }
    Ok((documents, total))
}

/// Most documents (orders, invoices, shipments, credit memos) one list page holds. A page of
/// more is answered as Magento answers it when PHP runs out of memory building it: the REST
/// shutdown function's 500 ([`Error::Shutdown`]). A page of documents costs magemu about 34 KB
/// of memory a document (50,000 orders: 1.7 GB); a list without `pageSize` on a generated
/// world of a million orders would take more memory than the machine has, and the operating
/// system would kill the server.
pub const MAX_PAGE_DOCUMENTS: i64 = 10_000;

/// Refuses a page of more than [`MAX_PAGE_DOCUMENTS`] of the `total` matches.
fn check_page_len(table: &str, criteria: &SearchCriteria, total: i64) -> Result<()> {
    let count = criteria.page_len(total);
    if count > MAX_PAGE_DOCUMENTS {
        return Err(Error::shutdown(format!(
            "Allowed memory size exhausted: a page of {count} rows of {table} (magemu answers \
             at most {MAX_PAGE_DOCUMENTS}; set searchCriteria[pageSize])"
        )));
    }
    Ok(())
}

/// [`documents`] on one of `db::readers`' connections, for documents `read` reads there (orders,
/// invoices, shipments, credit memos): the count, the page's keys and every document of the
/// page are read in one read transaction, so the page and its `total_count` are one state of
/// the database, and without sqlx's hand-off per statement and per row (a page of one order
/// cost twice the CPU of a read of that order by id).
pub async fn read_documents<R, T>(
    readers: &Arc<Readers>,
    table: &'static str,
    key: &'static str,
    criteria: &SearchCriteria,
    read: fn(&crate::db::batch::ReadConn, i64) -> Result<Option<T>, sqlx::Error>,
) -> Result<(Vec<T>, i64)>
where
    R: Columns + Default,
    T: Send + 'static,
{
    read_documents_over(
        readers,
        table,
        key,
        &fields_of(&R::default()),
        criteria,
        read,
    )
    .await
}

/// [`read_documents`] over `fields` (columns of `table`, or expressions over its row).
pub async fn read_documents_over<T>(
    readers: &Arc<Readers>,
    table: &'static str,
    key: &'static str,
    fields: &[Field],
    criteria: &SearchCriteria,
    read: fn(&crate::db::batch::ReadConn, i64) -> Result<Option<T>, sqlx::Error>,
) -> Result<(Vec<T>, i64)>
where
    T: Send + 'static,
{
    let parts = to_sql(criteria, fields, &format!("{key} ASC"))?;
    let criteria = criteria.clone();
    let page = readers.read_blocking(move |conn| {
        read_transaction(conn, |conn| {
            let binds = || parts.binds.iter().map(SqlValue::from);
            let mut count = Batch::default();
            count.push(&count_sql(table, &parts), binds());
            let total = first_scalar::<i64>(count.read_on(conn)?)?.unwrap_or(0);
            if let Err(refused) = check_page_len(table, &criteria, total) {
                return Ok(Err(refused));
            }
            let sorted = may_sort_the_matches(&parts, total)
                && (page_reaches_the_last_match(&criteria, total) || {
                    let mut rows = Batch::default();
                    rows.push(&largest_rowid_sql(table), []);
                    sorting_is_better(first_scalar(rows.read_on(conn)?)?.flatten(), total)
                });
            let mut keys = Batch::default();
            keys.push(
                &page_sql(table, key, &parts, &criteria, total, sorted),
                binds(),
            );
            let mut outputs = keys.read_on(conn)?;
            let mut documents = Vec::new();
            if let Some(keys) = outputs.first_mut() {
                for id in keys.decode::<(i64,)>()? {
                    documents.extend(read(conn, id.0)?);
                }
            }
            Ok(Ok((documents, total)))
        })
    });
    page.await?
}

/// The first column of the first row of a one-statement batch's output.
fn first_scalar<T: FromCell>(mut outputs: Vec<Output>) -> Result<Option<T>, sqlx::Error> {
    match outputs.first_mut() {
        Some(output) => output.scalar(),
        None => Ok(None),
    }
}

impl From<&Bind> for SqlValue {
    fn from(bind: &Bind) -> SqlValue {
        match bind {
            Bind::Text(t) => SqlValue::Text(Some(t.clone())),
            Bind::Int(i) => SqlValue::Int(Some(*i)),
            Bind::Amount(a) => SqlValue::Amount(Some(*a)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_from_text_as_mysql_reads_them() {
        for (text, number) in [
            ("3", 3.0),
            (" 3.7", 3.7),
            ("3abc", 3.0),
            ("-2.5e1x", -25.0),
            ("1e", 1.0),
            ("1e+", 1.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("+7", 7.0),
            ("abc", 0.0),
            ("", 0.0),
            ("-", 0.0),
            (".", 0.0),
            ("1e999", f64::MAX),
            ("-1e999", f64::MIN),
        ] {
            assert_eq!(mysql_double(text), number, "{text:?}");
        }
        assert_eq!(as_mysql_double(Kind::Int, "3"), Some(Err(Bind::Int(3))));
        assert_eq!(as_mysql_double(Kind::Int, "3.0"), Some(Err(Bind::Int(3))));
        assert_eq!(as_mysql_double(Kind::Int, "3abc"), Some(Err(Bind::Int(3))));
        assert_eq!(as_mysql_double(Kind::Int, "abc"), Some(Err(Bind::Int(0))));
        assert_eq!(as_mysql_double(Kind::Int, "3.7"), Some(Ok(3.7)));
        assert_eq!(
            as_mysql_double(Kind::Amount, "1917.6"),
            Some(Err(Bind::Amount(Amount::parse("1917.6").unwrap())))
        );
        assert_eq!(
            as_mysql_double(Kind::Amount, "1917.60001"),
            Some(Ok(1917.60001))
        );
        assert_eq!(as_mysql_double(Kind::Amount, "1_000"), Some(Ok(1.0)));
        assert_eq!(as_mysql_double(Kind::Amount, "1e400"), Some(Ok(f64::MAX)));
        assert_eq!(as_mysql_double(Kind::Amount, "abc"), Some(Ok(0.0)));
        assert_eq!(as_mysql_double(Kind::Text, "3.7"), None);
    }

    #[test]
    fn like_patterns_escape_as_mysql_does() {
        assert_eq!(mysql_like_pattern("%\\_%"), "%\\_%");
        assert_eq!(mysql_like_pattern("a\\\\b"), "a\\\\b");
        // A backslash ending the pattern is itself.
        assert_eq!(mysql_like_pattern("abc\\"), "abc\\\\");
        assert_eq!(mysql_like_pattern("abc\\\\"), "abc\\\\");
        assert_eq!(mysql_like_pattern("ab\\\\\\"), "ab\\\\\\\\");
    }

    #[test]
    fn datetimes_as_mysql_reads_them() {
        let t = |v: &str| mysql_datetime(v);
        let at = |v: &str| Some(v.to_owned());
        assert_eq!(t("2026-01-21 15:18:52"), at("2026-01-21 15:18:52"));
        assert_eq!(t("2026-01-21T15:00:00"), at("2026-01-21 15:00:00"));
        assert_eq!(t("2026/01/21"), at("2026-01-21 00:00:00"));
        assert_eq!(t("20260121"), at("2026-01-21 00:00:00"));
        assert_eq!(t("20260121151852"), at("2026-01-21 15:18:52"));
        assert_eq!(t("260121"), at("2026-01-21 00:00:00"));
        assert_eq!(t("99-12-31 23:59"), at("1999-12-31 23:59:00"));
        assert_eq!(t("2026-1-5 7:8:9"), at("2026-01-05 07:08:09"));
        assert_eq!(t("2026-01-21 15:18:52.000"), at("2026-01-21 15:18:52"));
        assert_eq!(t("2026-01-21 15:18:52.250"), at("2026-01-21 15:18:52.25"));
        assert_eq!(t(" 2026-01-21 "), at("2026-01-21 00:00:00"));
        assert_eq!(t("2026-01-21T15:00:00+02:00"), at("2026-01-21 13:00:00"));
        assert_eq!(t("2026-01-01 01:00:00-03:30"), at("2026-01-01 04:30:00"));
        assert_eq!(t("2025-12-31 23:00:00-01:00"), at("2026-01-01 00:00:00"));
        assert_eq!(t("2026-01-21T15:00:00.000Z"), at("2026-01-21 15:00:00"));
        assert_eq!(t("9999-12-31 22:00:00+02:00"), at("9999-12-31 20:00:00"));
        for bad in [
            "2026-01-21 15:00:00+é:00",
            "é2026-01-21",
            "2026-01-21€00000",
            "€abcde",
            "ééé",
            "2026-01-21 15:00:00ü+0",
            "9999-12-31 23:00:00-02:00",
            "0001-01-01 00:30:00+01:00",
            "2026-01-21Z",
            "2026-01-21T15:00:00+02:0é",
            "None",
            "",
            "2026-02-30",
            "2026-13-01",
            "2026-01-21 25:00:00",
            "2026",
            "2026-01",
            "x2026-01-21",
            "2026-01-21 15:18:52.",
            "12345",
        ] {
            assert_eq!(t(bad), None, "{bad}");
        }
        // The text order of the result is the time order.
        assert!(t("2026-01-21 15:18:52").unwrap() < t("2026-01-21 15:18:52.5").unwrap());
        assert!(t("2026-01-21 15:18:52.25").unwrap() < t("2026-01-21 15:18:53").unwrap());
    }

    #[test]
    fn pages_that_reach_the_last_match() {
        let c = |size: Option<i64>, page: Option<i64>| SearchCriteria {
            page_size: size,
            current_page: page,
            ..Default::default()
        };
        assert!(page_reaches_the_last_match(&c(None, None), 12_345));
        assert!(page_reaches_the_last_match(&c(Some(20), None), 1));
        assert!(page_reaches_the_last_match(&c(Some(20), None), 20));
        assert!(!page_reaches_the_last_match(&c(Some(20), None), 21));
        assert!(page_reaches_the_last_match(&c(Some(20), Some(2)), 21));
        assert!(page_reaches_the_last_match(
            &c(Some(i64::MAX), Some(i64::MAX)),
            3
        ));
    }
}
