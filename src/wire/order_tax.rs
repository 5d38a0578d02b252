//! The tax extension attributes of `OrderInterface` (module-tax 2.4.8): `taxes`
//! (`OrderTaxInterface[]`), `additional_itemized_taxes` and the items' `itemized_taxes`
//! (`OrderTaxItemInterface[]`), `applied_taxes` (`OrderTaxDetailsAppliedTaxInterface[]`) and
//! `item_applied_taxes` (`OrderTaxDetailsItemInterface[]`), read from a body and written back.

use serde::Serialize;
use serde_json::Value;

use crate::amount::Amount;
use crate::db::model::{OrderTax, OrderTaxItem};
use crate::error::Result;
use crate::sales::order_tax::{AppliedTax, ItemAppliedTaxes, PostedTaxes, TaxItemRequest};
use crate::wire::input::{self, Obj};

const TAX_KEYS: &[&str] = &[
    "tax_id",
    "order_id",
    "code",
    "title",
    "percent",
    "amount",
    "base_amount",
    "base_real_amount",
    "priority",
    "position",
    "process",
    "items",
    "extension_attributes",
];

const TAX_ITEM_KEYS: &[&str] = &[
    "tax_item_id",
    "tax_id",
    "item_id",
    "tax_code",
    "tax_percent",
    "amount",
    "base_amount",
    "real_amount",
    "real_base_amount",
    "associated_item_id",
    "taxable_item_type",
    "extension_attributes",
];

fn tax(v: &Value) -> Result<OrderTax> {
    let o = Obj::new(v, TAX_KEYS)?;
    Ok(OrderTax {
        tax_id: o.int("tax_id")?.unwrap_or(0),
        order_id: o.int("order_id")?.unwrap_or(0),
        code: o.string("code")?,
        title: o.string("title")?,
        percent: o.amount("percent")?,
        amount: o.amount("amount")?,
        base_amount: o.amount("base_amount")?,
        base_real_amount: o.amount("base_real_amount")?,
        priority: o.int("priority")?,
        position: o.int("position")?,
        process: o.int("process")?,
    })
}

fn tax_item(v: &Value) -> Result<TaxItemRequest> {
    let o = Obj::new(v, TAX_ITEM_KEYS)?;
    Ok(TaxItemRequest {
        item: OrderTaxItem {
            tax_item_id: o.int("tax_item_id")?.unwrap_or(0),
            tax_id: o.int("tax_id")?.unwrap_or(0),
            item_id: o.int("item_id")?,
            tax_percent: o.amount("tax_percent")?,
            amount: o.amount("amount")?,
            base_amount: o.amount("base_amount")?,
            real_amount: o.amount("real_amount")?,
            real_base_amount: o.amount("real_base_amount")?,
            associated_item_id: o.int("associated_item_id")?,
            taxable_item_type: o.string("taxable_item_type")?,
        },
        tax_code: o.string("tax_code")?,
    })
}

fn list<T>(v: Option<&Value>, parse: impl Fn(&Value) -> Result<T>) -> Result<Option<Vec<T>>> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(v) => input::list(v)?
            .into_iter()
            .map(parse)
            .collect::<Result<_>>()
            .map(Some),
    }
}

/// The tax extension attributes of a posted `OrderInterface` entity.
pub fn parse_posted(entity: &Value) -> Result<PostedTaxes> {
    let ext = input::key(entity, "extension_attributes");
    let attr = |name: &str| ext.and_then(|e| input::key(e, name));
    let itemized = match input::key(entity, "items") {
        Some(items @ (Value::Array(_) | Value::Object(_))) => input::list(items)?
            .into_iter()
            .map(|item| {
                let taxes = input::key(item, "extension_attributes")
                    .and_then(|e| input::key(e, "itemized_taxes"));
                list(taxes, tax_item)
            })
            .collect::<Result<Vec<_>>>()?,
        _ => Vec::new(),
    };
    Ok(PostedTaxes {
        converting_from_quote: attr("converting_from_quote").is_some_and(input::to_bool),
        taxes: list(attr("taxes"), tax)?,
        additional_itemized_taxes: list(attr("additional_itemized_taxes"), tax_item)?,
        itemized_taxes: itemized,
    })
}

/// `OrderTaxInterface`, getters in declaration order.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "tax-data-order-tax-interface")]
pub struct OrderTaxData {
    pub tax_id: i64,
    pub order_id: i64,
    pub code: Option<String>,
    pub title: Option<String>,
    pub percent: Option<Amount>,
    pub amount: Option<Amount>,
    pub base_amount: Option<Amount>,
    pub base_real_amount: Option<Amount>,
    pub priority: Option<i64>,
    pub position: Option<i64>,
    pub process: Option<i64>,
}

impl From<&OrderTax> for OrderTaxData {
    fn from(t: &OrderTax) -> Self {
        OrderTaxData {
            tax_id: t.tax_id,
            order_id: t.order_id,
            code: t.code.clone(),
            title: t.title.clone(),
            percent: t.percent,
            amount: t.amount,
            base_amount: t.base_amount,
            base_real_amount: t.base_real_amount,
            priority: t.priority,
            position: t.position,
            process: t.process,
        }
    }
}

/// `OrderTaxItemInterface`, getters in declaration order; `tax_code` is the tax's code.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "tax-data-order-tax-item-interface")]
pub struct OrderTaxItemData {
    pub tax_item_id: i64,
    pub tax_id: i64,
    pub item_id: Option<i64>,
    pub tax_code: Option<String>,
    pub tax_percent: Option<Amount>,
    pub amount: Option<Amount>,
    pub base_amount: Option<Amount>,
    pub real_amount: Option<Amount>,
    pub real_base_amount: Option<Amount>,
    pub associated_item_id: Option<i64>,
    pub taxable_item_type: Option<String>,
}

impl OrderTaxItemData {
    pub fn new(row: &OrderTaxItem, taxes: &[OrderTax]) -> Self {
        OrderTaxItemData {
            tax_item_id: row.tax_item_id,
            tax_id: row.tax_id,
            item_id: row.item_id,
            tax_code: taxes
                .iter()
                .find(|t| t.tax_id == row.tax_id)
                .and_then(|t| t.code.clone()),
            tax_percent: row.tax_percent,
            amount: row.amount,
            base_amount: row.base_amount,
            real_amount: row.real_amount,
            real_base_amount: row.real_base_amount,
            associated_item_id: row.associated_item_id,
            taxable_item_type: row.taxable_item_type.clone(),
        }
    }
}

/// `OrderTaxDetailsAppliedTaxInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "tax-data-order-tax-details-applied-tax-interface")]
pub struct AppliedTaxData {
    pub code: Option<String>,
    pub title: Option<String>,
    pub percent: Option<Amount>,
    pub amount: Amount,
    pub base_amount: Amount,
}

impl From<&AppliedTax> for AppliedTaxData {
    fn from(a: &AppliedTax) -> Self {
        AppliedTaxData {
            code: a.code.clone(),
            title: a.title.clone(),
            percent: a.percent,
            amount: a.amount,
            base_amount: a.base_amount,
        }
    }
}

/// `OrderTaxDetailsItemInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "tax-data-order-tax-details-item-interface")]
pub struct ItemAppliedTaxesData {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub item_id: Option<i64>,
    pub associated_item_id: Option<i64>,
    pub applied_taxes: Vec<AppliedTaxData>,
}

impl From<&ItemAppliedTaxes> for ItemAppliedTaxesData {
    fn from(i: &ItemAppliedTaxes) -> Self {
        ItemAppliedTaxesData {
            kind: i.kind.clone(),
            item_id: i.item_id,
            associated_item_id: i.associated_item_id,
            applied_taxes: i.applied_taxes.iter().map(AppliedTaxData::from).collect(),
        }
    }
}

/// The tax items of an order on its item `item_id` (`item_id` or `associated_item_id`).
pub fn itemized_for(
    item_id: i64,
    items: &[OrderTaxItem],
    taxes: &[OrderTax],
) -> Vec<OrderTaxItemData> {
    items
        .iter()
        .filter(|r| r.item_id.or(r.associated_item_id) == Some(item_id))
        .map(|r| OrderTaxItemData::new(r, taxes))
        .collect()
}
