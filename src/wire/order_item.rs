//! `Magento\Sales\Api\Data\OrderItemInterface` as JSON.

use serde::Serialize;

use crate::amount::Amount;
use crate::db::model::OrderItem;

/// `OrderItemInterface` (sales.md 6.6), getters in declaration order.
#[serde_with::skip_serializing_none]
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "sales-data-order-item-interface",
    transform = crate::wire::order_saved::posted_item
)]
pub struct OrderItemData {
    pub amount_refunded: Option<Amount>,
    pub applied_rule_ids: Option<String>,
    pub base_amount_refunded: Option<Amount>,
    pub base_cost: Option<Amount>,
    pub base_discount_amount: Option<Amount>,
    pub base_discount_invoiced: Option<Amount>,
    pub base_discount_refunded: Option<Amount>,
    pub base_discount_tax_compensation_amount: Option<Amount>,
    pub base_discount_tax_compensation_invoiced: Option<Amount>,
    pub base_discount_tax_compensation_refunded: Option<Amount>,
    pub base_original_price: Option<Amount>,
    pub base_price: Option<Amount>,
    pub base_price_incl_tax: Option<Amount>,
    pub base_row_invoiced: Option<Amount>,
    pub base_row_total: Option<Amount>,
    pub base_row_total_incl_tax: Option<Amount>,
    pub base_tax_amount: Option<Amount>,
    pub base_tax_invoiced: Option<Amount>,
    pub base_tax_refunded: Option<Amount>,
    pub created_at: Option<String>,
    pub description: Option<String>,
    pub discount_amount: Option<Amount>,
    pub discount_invoiced: Option<Amount>,
    pub discount_percent: Option<Amount>,
    pub discount_refunded: Option<Amount>,
    pub free_shipping: Option<i64>,
    pub discount_tax_compensation_amount: Option<Amount>,
    pub discount_tax_compensation_canceled: Option<Amount>,
    pub discount_tax_compensation_invoiced: Option<Amount>,
    pub discount_tax_compensation_refunded: Option<Amount>,
    pub is_qty_decimal: Option<i64>,
    pub is_virtual: Option<i64>,
    pub item_id: Option<i64>,
    pub locked_do_invoice: Option<i64>,
    pub locked_do_ship: Option<i64>,
    pub name: Option<String>,
    pub no_discount: Option<i64>,
    pub order_id: Option<i64>,
    pub original_price: Option<Amount>,
    pub parent_item_id: Option<i64>,
    pub price: Option<Amount>,
    pub price_incl_tax: Option<Amount>,
    pub product_id: Option<i64>,
    pub product_type: Option<String>,
    pub qty_backordered: Option<Amount>,
    pub qty_canceled: Option<Amount>,
    pub qty_invoiced: Option<Amount>,
    pub qty_ordered: Option<Amount>,
    pub qty_refunded: Option<Amount>,
    pub qty_shipped: Option<Amount>,
    pub quote_item_id: Option<i64>,
    pub row_invoiced: Option<Amount>,
    pub row_total: Option<Amount>,
    pub row_total_incl_tax: Option<Amount>,
    pub row_weight: Option<Amount>,
    pub sku: Option<String>,
    pub store_id: Option<i64>,
    pub tax_amount: Option<Amount>,
    pub tax_canceled: Option<Amount>,
    pub tax_invoiced: Option<Amount>,
    pub tax_percent: Option<Amount>,
    pub tax_refunded: Option<Amount>,
    pub updated_at: Option<String>,
    pub weee_tax_applied: Option<String>,
    pub weight: Option<Amount>,
    /// A child line's parent, whole (`Order::getItemsCollection` sets it from
    /// `parent_item_id`).
    pub parent_item: Option<Box<OrderItemData>>,
    pub product_option: Option<serde_json::Value>,
    pub extension_attributes: Option<OrderItemExtensionData>,
}

/// The item's extension attributes: module-tax's `itemized_taxes` (2.4.8; on every line of an
/// order with tax rows) and Magento_GiftMessage's `gift_message` (`Plugin\OrderGet`: a line's
/// message while messages are allowed for it).
#[serde_with::skip_serializing_none]
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-order-item-extension-interface")]
pub struct OrderItemExtensionData {
    pub itemized_taxes: Option<Vec<crate::wire::order_tax::OrderTaxItemData>>,
    pub gift_message: Option<crate::wire::gift_message::MessageData>,
}

/// The four row totals as REST shows them: net of the line's discount.
///
/// Magento's REST output runs every `Order\Item` through `Order\Webapi\ChangeOutputArray`
/// (registered for `DataObjectProcessor` in `Sales/etc/webapi_rest/di.xml`), which replaces
/// what is stored. `row_total` becomes `DefaultColumn::getTotalAmount`, the row total less the
/// discount; `row_total_incl_tax` becomes `Order\Item\Renderer\DefaultRenderer::getTotalAmount`,
/// the row total with its tax and discount tax compensation, less the discount; the base ones
/// likewise. Each is floored at 0 (2.4.8's `round`). Weee (fixed product taxes) is not
/// emulated, so its terms are 0. Only the reply changes: invoices and credit memos read the
/// stored values, as Magento's models do; their own items are not touched (the processor is
/// keyed on the order item's class). The four keys are always in the reply, since the
/// processor sets them whatever the item holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestRowTotals {
    pub row_total: Amount,
    pub base_row_total: Amount,
    pub row_total_incl_tax: Amount,
    pub base_row_total_incl_tax: Amount,
}

impl RestRowTotals {
    pub fn of(i: &OrderItem) -> Self {
        let z = |a: Option<Amount>| a.unwrap_or(Amount::ZERO);
        let floor = |a: Amount| a.max(Amount::ZERO);
        RestRowTotals {
            row_total: floor(i.row_total - z(i.discount_amount)),
            base_row_total: floor(i.base_row_total - z(i.base_discount_amount)),
            row_total_incl_tax: floor(
                i.row_total + z(i.tax_amount) + z(i.discount_tax_compensation_amount)
                    - z(i.discount_amount),
            ),
            base_row_total_incl_tax: floor(
                i.base_row_total
                    + z(i.base_tax_amount)
                    + z(i.base_discount_tax_compensation_amount)
                    - z(i.base_discount_amount),
            ),
        }
    }

    /// Writes the four into a rendered item (a posted item's reply shows them too).
    pub fn write_into(self, item: &mut serde_json::Map<String, serde_json::Value>) {
        for (key, value) in [
            ("row_total", self.row_total),
            ("base_row_total", self.base_row_total),
            ("row_total_incl_tax", self.row_total_incl_tax),
            ("base_row_total_incl_tax", self.base_row_total_incl_tax),
        ] {
            item.insert(key.to_owned(), serde_json::json!(value));
        }
    }
}

impl From<&OrderItem> for OrderItemData {
    fn from(i: &OrderItem) -> Self {
        let totals = RestRowTotals::of(i);
        OrderItemData {
            weee_tax_applied: i.weee_tax_applied.clone(),
            tax_refunded: i.tax_refunded,
            base_tax_refunded: i.base_tax_refunded,
            tax_canceled: i.tax_canceled,
            discount_tax_compensation_canceled: i.discount_tax_compensation_canceled,
            discount_refunded: i.discount_refunded,
            base_discount_refunded: i.base_discount_refunded,
            discount_tax_compensation_refunded: i.discount_tax_compensation_refunded,
            base_discount_tax_compensation_refunded: i.base_discount_tax_compensation_refunded,
            amount_refunded: Some(i.amount_refunded),
            applied_rule_ids: i.applied_rule_ids.clone(),
            base_amount_refunded: Some(i.base_amount_refunded),
            base_cost: i.base_cost,
            base_discount_amount: i.base_discount_amount,
            base_discount_invoiced: Some(i.base_discount_invoiced),
            base_discount_tax_compensation_amount: i.base_discount_tax_compensation_amount,
            base_discount_tax_compensation_invoiced: i.base_discount_tax_compensation_invoiced,
            base_original_price: i.base_original_price,
            base_price: Some(i.base_price),
            base_price_incl_tax: i.base_price_incl_tax,
            base_row_invoiced: Some(i.base_row_invoiced),
            base_row_total: Some(totals.base_row_total),
            base_row_total_incl_tax: Some(totals.base_row_total_incl_tax),
            base_tax_amount: i.base_tax_amount,
            base_tax_invoiced: Some(i.base_tax_invoiced),
            created_at: Some(i.created_at.clone()),
            description: i.description.clone(),
            discount_amount: i.discount_amount,
            discount_invoiced: Some(i.discount_invoiced),
            discount_percent: i.discount_percent,
            free_shipping: i.free_shipping,
            discount_tax_compensation_amount: i.discount_tax_compensation_amount,
            discount_tax_compensation_invoiced: i.discount_tax_compensation_invoiced,
            is_qty_decimal: i.is_qty_decimal,
            is_virtual: i.is_virtual,
            item_id: Some(i.item_id),
            locked_do_invoice: i.locked_do_invoice,
            locked_do_ship: i.locked_do_ship,
            name: i.name.clone(),
            no_discount: i.no_discount,
            order_id: Some(i.order_id),
            original_price: i.original_price,
            parent_item_id: i.parent_item_id,
            price: Some(i.price),
            price_incl_tax: i.price_incl_tax,
            product_id: i.product_id,
            product_type: i.product_type.clone(),
            qty_backordered: i.qty_backordered,
            qty_canceled: Some(i.qty_canceled),
            qty_invoiced: Some(i.qty_invoiced),
            qty_ordered: Some(i.qty_ordered),
            qty_refunded: Some(i.qty_refunded),
            qty_shipped: Some(i.qty_shipped),
            quote_item_id: i.quote_item_id,
            row_invoiced: Some(i.row_invoiced),
            row_total: Some(totals.row_total),
            row_total_incl_tax: Some(totals.row_total_incl_tax),
            row_weight: i.row_weight,
            sku: Some(i.sku.clone()),
            store_id: i.store_id,
            tax_amount: i.tax_amount,
            tax_invoiced: Some(i.tax_invoiced),
            tax_percent: i.tax_percent,
            updated_at: Some(i.updated_at.clone()),
            weight: i.weight,
            product_option: i
                .product_options
                .as_deref()
                .and_then(|s| serde_json::from_str(s).ok()),
            parent_item: None,
            extension_attributes: None,
        }
    }
}

impl OrderItemData {
    /// A line as `OrderItemRepository::get` answers it, with the message Magento_GiftMessage's
    /// `Plugin\OrderItemGet` adds.
    pub fn with_gift_message(
        item: &OrderItem,
        message: Option<&crate::db::gift_messages::GiftMessageRow>,
    ) -> Self {
        let mut data = OrderItemData::from(item);
        data.extension_attributes = message.map(|m| OrderItemExtensionData {
            itemized_taxes: None,
            gift_message: Some(crate::wire::gift_message::MessageData::from(m)),
        });
        data
    }
}

/// One page of `OrderItemRepository::getList`: the item collection's `_afterLoad` gives a child
/// line its parent when the parent is on the same page (`getItemById`), none otherwise.
pub fn item_list(items: &[OrderItem]) -> Vec<OrderItemData> {
    let on_page: std::collections::HashMap<i64, &OrderItem> =
        items.iter().map(|i| (i.item_id, i)).collect();
    items
        .iter()
        .map(|item| {
            let mut data = OrderItemData::from(item);
            data.parent_item = item
                .parent_item_id
                .and_then(|id| on_page.get(&id))
                .map(|parent| Box::new(OrderItemData::from(*parent)));
            data
        })
        .collect()
}

/// `OrderItemRepository::get`: the item, each one up the chain of parents given to the one
/// below it as its `parent_item` (`addParentItem` calls `get` on the parent).
pub fn item_with_parents(
    chain: &[(OrderItem, Option<crate::db::gift_messages::GiftMessageRow>)],
) -> Option<OrderItemData> {
    chain.iter().rev().fold(None, |parent, (item, message)| {
        let mut data = OrderItemData::with_gift_message(item, message.as_ref());
        data.parent_item = parent.map(Box::new);
        Some(data)
    })
}

/// The order's items as `OrderRepository::get` renders them: child lines carry their parent,
/// and, when the order has tax rows, each item its `itemized_taxes`, and its gift message.
pub fn order_items(full: &crate::db::model::FullOrder) -> Vec<OrderItemData> {
    let with_taxes = |item: &OrderItem| {
        let mut data = OrderItemData::from(item);
        let itemized_taxes = (!full.taxes.is_empty()).then(|| {
            crate::wire::order_tax::itemized_for(item.item_id, &full.tax_items, &full.taxes)
        });
        let gift_message = crate::sales::gift_message::item_message(full, item)
            .map(crate::wire::gift_message::MessageData::from);
        if itemized_taxes.is_some() || gift_message.is_some() {
            data.extension_attributes = Some(OrderItemExtensionData {
                itemized_taxes,
                gift_message,
            });
        }
        data
    };
    // By a map: a search a child line is seconds on an imported order of 30,000 lines.
    let by_id: std::collections::HashMap<i64, &OrderItem> =
        full.items.iter().map(|i| (i.item_id, i)).collect();
    full.items
        .iter()
        .map(|item| {
            let mut data = with_taxes(item);
            data.parent_item = item
                .parent_item_id
                .and_then(|id| by_id.get(&id).copied())
                .map(|parent| Box::new(with_taxes(parent)));
            // ChangeOutputArray::getBundleProductPrice (2.4.8): a bundle's child line priced 0
            // shows its parent's price.
            if let Some(parent) = &data.parent_item {
                if data.price == Some(Amount::ZERO)
                    && parent.product_type.as_deref() == Some("bundle")
                {
                    data.price = parent.price;
                }
            }
            data
        })
        .collect()
}
