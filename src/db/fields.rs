//! A data object as Magento's setters leave it (`DataObject::_data`): the fields a client set,
//! each with its typed value or null, the last setter call winning. What a repository save
//! writes is exactly this (`AbstractResource::_prepareDataForTable` takes the fields the object
//! holds), so a row is built from it field by field (`set_column`).

use crate::amount::Amount;
use crate::db::SqlValue;

/// A value that a row column of this type takes from a [`SqlValue`] of the same kind. A null
/// for a column that cannot be null gives its zero value: Magento leaves such a field out of
/// the write, and magemu's callers decide before that what a missing one means.
pub trait FromSqlValue: Sized {
    fn from_sql_value(value: SqlValue) -> Option<Self>;
}

impl FromSqlValue for Option<i64> {
    fn from_sql_value(value: SqlValue) -> Option<Self> {
        match value {
            SqlValue::Int(v) => Some(v),
            _ => None,
        }
    }
}

impl FromSqlValue for i64 {
    fn from_sql_value(value: SqlValue) -> Option<Self> {
        match value {
            SqlValue::Int(v) => Some(v.unwrap_or(0)),
            _ => None,
        }
    }
}

impl FromSqlValue for Option<String> {
    fn from_sql_value(value: SqlValue) -> Option<Self> {
        match value {
            SqlValue::Text(v) => Some(v),
            _ => None,
        }
    }
}

impl FromSqlValue for String {
    fn from_sql_value(value: SqlValue) -> Option<Self> {
        match value {
            SqlValue::Text(v) => Some(v.unwrap_or_default()),
            _ => None,
        }
    }
}

impl FromSqlValue for Option<Amount> {
    fn from_sql_value(value: SqlValue) -> Option<Self> {
        match value {
            SqlValue::Amount(v) => Some(v),
            _ => None,
        }
    }
}

impl FromSqlValue for Amount {
    fn from_sql_value(value: SqlValue) -> Option<Self> {
        match value {
            SqlValue::Amount(v) => Some(v.unwrap_or_default()),
            _ => None,
        }
    }
}

/// The fields set on a data object, in the order they were first set.
#[derive(Debug, Clone, Default)]
pub struct Fields(Vec<(&'static str, SqlValue)>);

impl Fields {
    /// `setData($name, $value)`: replaces an earlier value of the same field.
    pub fn set(&mut self, name: &'static str, value: SqlValue) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }

    /// `hasData($name)`: set, even to null.
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| *n == name)
    }

    pub fn get(&self, name: &str) -> Option<&SqlValue> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(SqlValue::Int(v)) => *v,
            _ => None,
        }
    }

    pub fn amount(&self, name: &str) -> Option<Amount> {
        match self.get(name) {
            Some(SqlValue::Amount(v)) => *v,
            _ => None,
        }
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(SqlValue::Text(v)) => v.as_deref(),
            _ => None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &(&'static str, SqlValue)> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::model::Creditmemo;

    #[test]
    fn last_setter_wins_and_rows_take_the_fields() {
        let mut f = Fields::default();
        f.set("invoice_id", SqlValue::Int(Some(4)));
        f.set("grand_total", SqlValue::Amount(Some(Amount::from_int(10))));
        f.set("invoice_id", SqlValue::Int(None));
        assert!(f.has("invoice_id"));
        assert_eq!(f.int("invoice_id"), None);
        assert!(!f.has("subtotal"));
        let mut row = Creditmemo::default();
        for (name, value) in f.iter() {
            assert!(row.set_column(name, value.clone()));
        }
        assert_eq!(row.grand_total, Some(Amount::from_int(10)));
        assert!(!row.set_column("grand_total", SqlValue::Int(Some(1))));
        assert!(!row.set_column("no_such_column", SqlValue::Int(Some(1))));
    }
}
