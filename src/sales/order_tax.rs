//! An order's taxes: what `POST /V1/orders` writes from the tax extension attributes and what
//! `GET /V1/orders/{id}` reads back.
//!
//! Magento 2.4.8 (module-tax; `etc/extension_attributes.xml`):
//! - Saving an order (import or save by id) runs `Model/ResourceModel/Sales/Order/Relation`:
//!   with `converting_from_quote` it copies the quote's taxes (checkout; nothing to copy over
//!   REST), else it takes `extension_attributes.taxes` (or, when not posted, the stored rows),
//!   the posted items' `extension_attributes.itemized_taxes` (a `product` tax gets the item's
//!   id as `item_id`, any other type as `associated_item_id`; items posted without them keep
//!   their stored rows) and `extension_attributes.additional_itemized_taxes` (taxes on no item,
//!   such as shipping; stored rows when not posted). Tax items are matched to taxes by
//!   `tax_id`, else by `tax_code` against the tax's `code`; tax items that match no tax are
//!   not saved. A tax or tax item with an id that is stored is updated (every field, nulls
//!   included), others are new rows, and stored rows the save did not name are deleted. Amounts
//!   are never computed (the api-functional `testUpdateTaxesExtensionAttributes` checks it).
//!   A null for a NOT NULL column (`priority`, `position`, `process`; a tax item's amounts,
//!   percent and type) is left out of the statement (`AbstractResource::_prepareDataForTable`):
//!   an update keeps the stored value, an insert gets MySQL's implicit default, 0 or '', as
//!   Magento's connection runs with `SQL_MODE=''` (framework `DB/Adapter/Pdo/Mysql::_connect`).
//! - `Model/Plugin/AddTaxesExtensionAttribute` (afterGet/afterGetList) reads them back:
//!   `taxes` by tax id, each tax item as an `OrderTaxItemInterface` with the tax's code as
//!   `tax_code`, under its item (`itemized_taxes`) or in `additional_itemized_taxes`.
//! - `OrderRepository::setOrderTaxDetails` (`Tax/Model/Sales/Order/TaxManagement::
//!   getOrderTaxDetails`) builds `applied_taxes` and `item_applied_taxes` from the same rows:
//!   per taxable (an item id, type + associated item id, or the type alone), one applied tax
//!   per code with `real_amount` / `real_base_amount` summed; then per code over the order.
//!
//! magemu lists `taxes`, `additional_itemized_taxes` and the items' `itemized_taxes` only for
//! orders that have tax rows. 2.4.8 lists them (empty) on every order, which earlier 2.4
//! releases did not; the tutorial's documented replies come from one of those.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db;
use crate::db::model::{OrderTax, OrderTaxItem};
use crate::error::{self as e, Error, Result};

/// `OrderTaxItemInterface` as posted: the row, and `tax_code` (not a column).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaxItemRequest {
    pub item: OrderTaxItem,
    pub tax_code: Option<String>,
}

/// The tax extension attributes of a posted order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostedTaxes {
    pub converting_from_quote: bool,
    pub taxes: Option<Vec<OrderTax>>,
    pub additional_itemized_taxes: Option<Vec<TaxItemRequest>>,
    /// Per posted item, in the body's order: its `itemized_taxes`, when posted.
    pub itemized_taxes: Vec<Option<Vec<TaxItemRequest>>>,
}

impl PostedTaxes {
    /// Whether the body holds anything the relation would write.
    pub fn is_empty(&self) -> bool {
        self.taxes.is_none()
            && self.additional_itemized_taxes.is_none()
            && self.itemized_taxes.iter().all(Option::is_none)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Id(i64),
    Code(String),
}

/// `Relation::processRelation` for the order `order_id`, whose posted items were saved with the
/// ids `posted_item_ids` (in the body's order).
pub async fn save_relation(
    conn: &mut SqliteConnection,
    order_id: i64,
    posted_item_ids: &[i64],
    posted: &PostedTaxes,
) -> Result<()> {
    if posted.converting_from_quote {
        // ConvertQuoteTaxToOrderTax: the quote's taxes; an order posted over REST has no quote.
        return Ok(());
    }
    let (stored_taxes, stored_items) = db::sales::load_order_taxes(conn, order_id).await?;
    if posted.is_empty() && stored_taxes.is_empty() {
        return Ok(());
    }
    let code_of = |tax_id: i64| {
        stored_taxes
            .iter()
            .find(|t| t.tax_id == tax_id)
            .and_then(|t| t.code.clone())
    };
    let from_row = |row: &OrderTaxItem| TaxItemRequest {
        item: row.clone(),
        tax_code: code_of(row.tax_id),
    };
    let taxes: Vec<OrderTax> = posted.taxes.clone().unwrap_or_else(|| stored_taxes.clone());

    let mut itemized: Vec<TaxItemRequest> = Vec::new();
    let mut with_itemized: Vec<i64> = Vec::new();
    for (n, item_id) in posted_item_ids.iter().enumerate() {
        if let Some(Some(list)) = posted.itemized_taxes.get(n) {
            for t in list {
                let mut t = t.clone();
                let product = t.item.taxable_item_type.as_deref() == Some("product");
                t.item.item_id = product.then_some(*item_id);
                t.item.associated_item_id = (!product).then_some(*item_id);
                itemized.push(t);
            }
            with_itemized.push(*item_id);
        }
    }
    for row in &stored_items {
        match row.item_id.or(row.associated_item_id) {
            Some(owner) if !with_itemized.contains(&owner) => itemized.push(from_row(row)),
            _ => {}
        }
    }
    let additional: Vec<TaxItemRequest> = match &posted.additional_itemized_taxes {
        Some(list) => list.clone(),
        None => stored_items
            .iter()
            .filter(|r| r.item_id.or(r.associated_item_id).is_none())
            .map(from_row)
            .collect(),
    };
    let mut grouped: HashMap<Key, Vec<TaxItemRequest>> = HashMap::new();
    for t in itemized.into_iter().chain(additional) {
        let key = match (t.item.tax_id, &t.tax_code) {
            (id, _) if id != 0 => Key::Id(id),
            (_, Some(code)) => Key::Code(code.clone()),
            _ => Key::Code(String::new()),
        };
        grouped.entry(key).or_default().push(t);
    }

    // Taxes are saved one by one; their items, as Magento's collection saves them at the end:
    // the stored ones first (deleted when no longer named, else updated), then the new ones.
    let mut kept_taxes: Vec<i64> = Vec::new();
    let mut item_rows: Vec<OrderTaxItem> = Vec::new();
    for mut tax in taxes {
        tax.order_id = order_id;
        let stored_tax = stored_taxes
            .iter()
            .find(|t| tax.tax_id != 0 && t.tax_id == tax.tax_id);
        let stored = stored_tax.is_some();
        fill_not_null_tax(&mut tax, stored_tax);
        if stored {
            db::update(conn, "sales_order_tax", "tax_id", &tax)
                .await
                .map_err(failed)?;
        } else {
            tax.tax_id = 0;
            tax.tax_id = db::insert(conn, "sales_order_tax", "tax_id", &tax)
                .await
                .map_err(failed)?;
        }
        kept_taxes.push(tax.tax_id);
        let mut items = grouped.remove(&Key::Id(tax.tax_id)).unwrap_or_default();
        if let Some(code) = &tax.code {
            items.extend(grouped.remove(&Key::Code(code.clone())).unwrap_or_default());
        }
        for t in items {
            let mut row = t.item;
            row.tax_id = tax.tax_id;
            let stored_row = stored_items
                .iter()
                .find(|s| s.tax_item_id == row.tax_item_id);
            if stored_row.is_none() {
                row.tax_item_id = 0;
            }
            fill_not_null_tax_item(&mut row, stored_row);
            item_rows.push(row);
        }
    }
    for row in stored_items
        .iter()
        .filter(|r| !item_rows.iter().any(|k| k.tax_item_id == r.tax_item_id))
    {
        sqlx::query("DELETE FROM sales_order_tax_item WHERE tax_item_id = ?")
            .bind(row.tax_item_id)
            .execute(&mut *conn)
            .await?;
    }
    for row in item_rows.iter().filter(|r| r.tax_item_id != 0) {
        db::update(conn, "sales_order_tax_item", "tax_item_id", row)
            .await
            .map_err(failed)?;
    }
    for row in item_rows.iter().filter(|r| r.tax_item_id == 0) {
        db::insert(conn, "sales_order_tax_item", "tax_item_id", row)
            .await
            .map_err(failed)?;
    }
    for tax in stored_taxes
        .iter()
        .filter(|t| !kept_taxes.contains(&t.tax_id))
    {
        sqlx::query("DELETE FROM sales_order_tax WHERE tax_id = ?")
            .bind(tax.tax_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A tax row the database refused: a duplicate (tax, item) pair is Magento's
/// AlreadyExistsException, a missing NOT NULL value its SQL error (500).
fn failed(err: sqlx::Error) -> Error {
    match &err {
        sqlx::Error::Database(d) if d.is_unique_violation() => Error::input(e::UNIQUE_CONSTRAINT),
        _ => Error::internal(format!("order tax save: {err}")),
    }
}

/// One `OrderTaxDetailsAppliedTaxInterface`.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedTax {
    pub code: Option<String>,
    pub title: Option<String>,
    pub percent: Option<Amount>,
    pub amount: Amount,
    pub base_amount: Amount,
}

/// One `OrderTaxDetailsItemInterface`: a taxable and its applied taxes.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemAppliedTaxes {
    pub kind: Option<String>,
    pub item_id: Option<i64>,
    pub associated_item_id: Option<i64>,
    pub applied_taxes: Vec<AppliedTax>,
}

/// `TaxManagement::getOrderTaxDetails`: the per-taxable applied taxes and the order's.
pub fn tax_details(
    taxes: &[OrderTax],
    items: &[OrderTaxItem],
) -> (Vec<AppliedTax>, Vec<ItemAppliedTaxes>) {
    let mut details: Vec<(String, ItemAppliedTaxes)> = Vec::new();
    for row in items {
        let Some(tax) = taxes.iter().find(|t| t.tax_id == row.tax_id) else {
            continue;
        };
        let kind = row.taxable_item_type.clone().unwrap_or_default();
        let key = match (row.item_id, row.associated_item_id) {
            (Some(id), _) => id.to_string(),
            (None, Some(assoc)) => format!("{kind}{assoc}"),
            (None, None) => kind.clone(),
        };
        let position = match details.iter().position(|(k, _)| *k == key) {
            Some(p) => p,
            None => {
                details.push((
                    key,
                    ItemAppliedTaxes {
                        kind: row.taxable_item_type.clone(),
                        item_id: row.item_id,
                        associated_item_id: row
                            .associated_item_id
                            .filter(|_| row.item_id.is_none()),
                        applied_taxes: Vec::new(),
                    },
                ));
                details.len() - 1
            }
        };
        let applied = &mut details[position].1.applied_taxes;
        let real = row.real_amount.unwrap_or_default();
        let real_base = row.real_base_amount.unwrap_or_default();
        match applied.iter_mut().find(|a| a.code == tax.code) {
            // The same code twice on one taxable: the amounts add up, the rest is the last's.
            Some(a) => {
                a.title = tax.title.clone();
                a.percent = row.tax_percent;
                a.amount += real;
                a.base_amount += real_base;
            }
            None => applied.push(AppliedTax {
                code: tax.code.clone(),
                title: tax.title.clone(),
                percent: row.tax_percent,
                amount: real,
                base_amount: real_base,
            }),
        }
    }
    let items: Vec<ItemAppliedTaxes> = details.into_iter().map(|(_, d)| d).collect();
    let mut order: Vec<AppliedTax> = Vec::new();
    for applied in items.iter().flat_map(|i| &i.applied_taxes) {
        match order.iter_mut().find(|a| a.code == applied.code) {
            Some(a) => {
                a.amount += applied.amount;
                a.base_amount += applied.base_amount;
            }
            None => order.push(applied.clone()),
        }
    }
    (order, items)
}

/// A null posted for one of `sales_order_tax`'s NOT NULL columns: the stored value on an
/// update, MySQL's implicit 0 on an insert (see the module's notes).
fn fill_not_null_tax(tax: &mut OrderTax, stored: Option<&OrderTax>) {
    let keep = |posted: Option<i64>, stored: Option<i64>| posted.or(stored).or(Some(0));
    tax.priority = keep(tax.priority, stored.and_then(|s| s.priority));
    tax.position = keep(tax.position, stored.and_then(|s| s.position));
    tax.process = keep(tax.process, stored.and_then(|s| s.process));
}

/// [`fill_not_null_tax`] for `sales_order_tax_item`: amounts 0, the type ''.
fn fill_not_null_tax_item(row: &mut OrderTaxItem, stored: Option<&OrderTaxItem>) {
    let keep =
        |posted: Option<Amount>, stored: Option<Amount>| posted.or(stored).or(Some(Amount::ZERO));
    row.tax_percent = keep(row.tax_percent, stored.and_then(|s| s.tax_percent));
    row.amount = keep(row.amount, stored.and_then(|s| s.amount));
    row.base_amount = keep(row.base_amount, stored.and_then(|s| s.base_amount));
    row.real_amount = keep(row.real_amount, stored.and_then(|s| s.real_amount));
    row.real_base_amount = keep(
        row.real_base_amount,
        stored.and_then(|s| s.real_base_amount),
    );
    row.taxable_item_type = row
        .taxable_item_type
        .take()
        .or_else(|| stored.and_then(|s| s.taxable_item_type.clone()))
        .or_else(|| Some(String::new()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tax(id: i64, code: &str) -> OrderTax {
        OrderTax {
            tax_id: id,
            code: Some(code.into()),
            title: Some(code.into()),
            ..Default::default()
        }
    }

    fn item(tax_id: i64, item_id: Option<i64>, kind: &str, real: i64) -> OrderTaxItem {
        OrderTaxItem {
            tax_id,
            item_id,
            tax_percent: Some(Amount::from_int(5)),
            real_amount: Some(Amount::from_int(real)),
            real_base_amount: Some(Amount::from_int(real)),
            taxable_item_type: Some(kind.into()),
            ..Default::default()
        }
    }

    #[test]
    fn details_group_by_taxable_then_by_code() {
        let taxes = [tax(1, "US-NY"), tax(2, "CITY")];
        let items = [
            item(1, Some(7), "product", 2),
            item(2, Some(7), "product", 1),
            item(1, None, "shipping", 3),
            item(1, Some(8), "product", 4),
        ];
        let (order, per_item) = tax_details(&taxes, &items);
        assert_eq!(per_item.len(), 3);
        assert_eq!(per_item[0].item_id, Some(7));
        assert_eq!(per_item[0].applied_taxes.len(), 2);
        assert_eq!(per_item[1].kind.as_deref(), Some("shipping"));
        assert_eq!(
            order
                .iter()
                .map(|a| (a.code.clone().unwrap(), a.amount))
                .collect::<Vec<_>>(),
            vec![
                ("US-NY".to_owned(), Amount::from_int(9)),
                ("CITY".to_owned(), Amount::from_int(1))
            ]
        );
    }
}
