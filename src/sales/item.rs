//! `Sales/Model/Order/Item.php`: what an order item has left to invoice, ship, cancel and
//! refund, and its status, as pure functions of the stored quantities.

use std::collections::HashMap;

use crate::amount::Amount;
use crate::db::model::OrderItem;

impl OrderItem {
    /// `Order\Item::getQtyToInvoice` for a non-dummy item: ordered − invoiced − canceled, ≥ 0.
    pub fn qty_to_invoice(&self) -> Amount {
        (self.qty_ordered - self.qty_invoiced - self.qty_canceled).max(Amount::ZERO)
    }

    /// `Order\Item::getSimpleQtyToShip`: ordered − max(shipped, refunded) − canceled, ≥ 0.
    pub fn qty_to_ship(&self) -> Amount {
        (self.qty_ordered - self.qty_shipped.max(self.qty_refunded) - self.qty_canceled)
            .max(Amount::ZERO)
    }

    /// `getParentItemId()` as PHP tests it: stored as posted (an import takes the number as an
    /// item id), 0 is no parent.
    pub fn parent(&self) -> Option<i64> {
        self.parent_item_id.filter(|id| *id != 0)
    }

    pub fn is_virtual(&self) -> bool {
        self.is_virtual.unwrap_or(0) != 0
    }

    pub fn is_qty_decimal(&self) -> bool {
        self.is_qty_decimal.unwrap_or(0) != 0
    }

    pub fn locked_do_invoice(&self) -> bool {
        self.locked_do_invoice.unwrap_or(0) != 0
    }

    /// `Order\Item::getQtyToCancel`: what is neither invoiced nor shipped, ≥ 0.
    pub fn qty_to_cancel(&self) -> Amount {
        self.qty_to_invoice()
            .min(self.qty_to_ship())
            .max(Amount::ZERO)
    }

    /// `Order\Item::getQtyToRefund`.
    pub fn qty_to_refund(&self) -> Amount {
        (self.qty_invoiced - self.qty_refunded).max(Amount::ZERO)
    }

    pub fn locked_do_ship(&self) -> bool {
        self.locked_do_ship.unwrap_or(0) != 0
    }

    /// `Order\Item::getStatusId() === STATUS_CANCELED`, the guard of `Order\Item::cancel()`: the
    /// status checks that come before "canceled" in getStatusId (shipped, invoiced, backordered,
    /// refunded) are kept in their order, so an item whose canceled quantity is all it ordered is
    /// left alone by a second cancel.
    pub fn is_status_canceled(&self) -> bool {
        let z = Amount::ZERO;
        let (ordered, canceled, refunded) =
            (self.qty_ordered, self.qty_canceled, self.qty_refunded);
        let (invoiced, shipped) = (self.qty_invoiced, self.qty_shipped);
        let backordered = self.qty_backordered.unwrap_or(z);
        let actually_ordered = ordered - canceled - refunded;
        let shipped_status = shipped != z && invoiced != z && actually_ordered == shipped;
        let invoiced_status = invoiced != z && shipped == z && actually_ordered == invoiced;
        let backordered_status = backordered != z && actually_ordered == backordered;
        let refunded_status = refunded != z && ordered == refunded;
        let earlier_status = [
            shipped_status,
            invoiced_status,
            backordered_status,
            refunded_status,
        ];
        !earlier_status.contains(&true) && canceled != z && ordered == canceled
    }
}

/// `Catalog\Model\Product\Type\AbstractType::CALCULATE_CHILD`: a parent whose price (and
/// invoicing) its children carry (a bundle of dynamic price).
const CALCULATE_CHILD: i64 = 0;
/// `AbstractType::SHIPMENT_SEPARATELY`: a parent whose children ship one by one.
const SHIPMENT_SEPARATELY: i64 = 1;

/// The order item's `product_options`, decoded.
pub fn options(item: &OrderItem) -> Option<serde_json::Map<String, serde_json::Value>> {
    match serde_json::from_str(item.product_options.as_deref()?) {
        Ok(serde_json::Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// A bundle selection's quantity per unit of its bundle: `product_options`'
/// `bundle_selection_attributes` (a JSON string, or already an object), its `qty`. The outer
/// `None`: the child has no such attributes; the inner: they hold no readable `qty`.
pub fn bundle_selection_qty(child: &OrderItem) -> Option<Option<Amount>> {
    // `isset`: a null is none.
    let attributes = options(child)?
        .get("bundle_selection_attributes")
        .filter(|v| !v.is_null())?
        .clone();
    let attributes: Option<serde_json::Value> = match attributes {
        serde_json::Value::String(s) => serde_json::from_str(&s).ok(),
        other => Some(other),
    };
    Some(
        attributes
            .as_ref()
            .and_then(|a| a.get("qty"))
            .and_then(|q| Amount::parse(&q.to_string().replace('"', ""))),
    )
}

/// PHP 8's `$value == $n` for a decoded option and an int: a number by value, a numeric string
/// (white space around it allowed) by its number, a bool by truth; anything else is not equal.
fn php_equals_int(value: &serde_json::Value, n: i64) -> bool {
    use serde_json::Value;
    match value {
        Value::Number(v) => v.as_f64() == Some(n as f64),
        Value::String(s) => {
            crate::php::is_numeric(s)
                && s.trim_matches(crate::php::NUMERIC_WHITESPACE)
                    .parse::<f64>()
                    .is_ok_and(|v| v == n as f64)
        }
        Value::Bool(b) => *b == (n != 0),
        _ => false,
    }
}

/// An item's own options as `isShipSeparately` and `isChildrenCalculated` read them:
/// (`shipment_type` is 1, `product_calculations` is 0).
fn flags_from(owner: &OrderItem) -> (bool, bool) {
    let options = options(owner);
    let is = |key: &str, n: i64| {
        options
            .as_ref()
            .and_then(|o| o.get(key))
            .is_some_and(|v| php_equals_int(v, n))
    };
    (
        is("shipment_type", SHIPMENT_SEPARATELY),
        is("product_calculations", CALCULATE_CHILD),
    )
}

/// One order's items as `Order\Item::isDummy` sees them: each child linked to its parent by
/// `parent_item_id` among them, which is then a parent with children
/// (`Item\Collection::_afterLoad`'s `setParentItem`).
pub struct Family<'a> {
    by_id: HashMap<i64, &'a OrderItem>,
    /// Each parent's children, in the order's order.
    children: HashMap<i64, Vec<&'a OrderItem>>,
    /// Each parent's options, decoded once: (`isShipSeparately`, `isChildrenCalculated`).
    flags: HashMap<i64, (bool, bool)>,
}

impl<'a> Family<'a> {
    pub fn new(items: &'a [OrderItem]) -> Self {
        // Most orders have no parent lines: no maps to build (nor allocate) then.
        if items.iter().all(|i| i.parent_item_id.is_none()) {
            return Family {
                by_id: HashMap::new(),
                children: HashMap::new(),
                flags: HashMap::new(),
            };
        }
        let by_id: HashMap<i64, &OrderItem> = items.iter().map(|i| (i.item_id, i)).collect();
        let mut children: HashMap<i64, Vec<&OrderItem>> = HashMap::new();
        for child in items {
            if let Some(parent) = child.parent_item_id.filter(|p| by_id.contains_key(p)) {
                children.entry(parent).or_default().push(child);
            }
        }
        let flags = children
            .keys()
            .filter_map(|id| Some((*id, flags_from(by_id.get(id)?))))
            .collect();
        Family {
            by_id,
            children,
            flags,
        }
    }

    /// The item's children among the order's items, in the order's order.
    pub fn children_of(&self, item: &OrderItem) -> &[&'a OrderItem] {
        self.children
            .get(&item.item_id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The item's parent among the order's items.
    pub fn parent_of(&self, item: &OrderItem) -> Option<&'a OrderItem> {
        item.parent_item_id
            .and_then(|p| self.by_id.get(&p).copied())
    }

    pub fn has_children(&self, item: &OrderItem) -> bool {
        self.children.contains_key(&item.item_id)
    }

    /// The flags of the item's parent, or its own when it has no parent (only a parent, or a
    /// child of one, has any: [`Family::is_dummy`] asks no other item).
    fn flags_of(&self, item: &OrderItem) -> (bool, bool) {
        let owner = self.parent_of(item).unwrap_or(item);
        self.flags
            .get(&owner.item_id)
            .copied()
            .unwrap_or_else(|| flags_from(owner))
    }

    /// `Order\Item::isShipSeparately`.
    pub fn ship_separately(&self, item: &OrderItem) -> bool {
        self.flags_of(item).0
    }

    /// `Order\Item::isChildrenCalculated`.
    pub fn children_calculated(&self, item: &OrderItem) -> bool {
        self.flags_of(item).1
    }

    /// `Order\Item::isDummy($shipment)`: for a shipment, a parent shipped separately or the
    /// child of one shipped together; otherwise a parent its children calculate, or the child
    /// of one that calculates itself (a configurable's simple).
    pub fn is_dummy(&self, item: &OrderItem, shipment: bool) -> bool {
        // The options are read (decoded) only for an item in a family.
        let flag = || {
            if shipment {
                self.ship_separately(item)
            } else {
                self.children_calculated(item)
            }
        };
        if self.has_children(item) {
            flag()
        } else {
            self.parent_of(item).is_some() && !flag()
        }
    }

    /// Whether the item is a dummy, for invoicing and for shipping.
    pub fn dummy(&self, item: &OrderItem) -> Dummy {
        Dummy {
            calculation: self.is_dummy(item, false),
            shipment: self.is_dummy(item, true),
        }
    }

    /// `Order\Item::getQtyToInvoice`: 0 for a dummy.
    pub fn qty_to_invoice(&self, item: &OrderItem) -> Amount {
        self.dummy(item).qty_to_invoice(item)
    }
}

/// What `Order\Item::isDummy` answers for one item (`Family::dummy`), kept apart from the
/// order's items so that they can change while it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dummy {
    /// `isDummy()`: its quantities to invoice and refund are 0.
    pub calculation: bool,
    /// `isDummy(true)`: its quantity to ship is 0.
    pub shipment: bool,
}

impl Dummy {
    /// `Order\Item::getQtyToInvoice`.
    pub fn qty_to_invoice(self, item: &OrderItem) -> Amount {
        if self.calculation {
            Amount::ZERO
        } else {
            item.qty_to_invoice()
        }
    }

    /// `Order\Item::getQtyToShip`.
    pub fn qty_to_ship(self, item: &OrderItem) -> Amount {
        if self.shipment {
            Amount::ZERO
        } else {
            item.qty_to_ship()
        }
    }

    /// `Order\Item::getQtyToRefund`.
    pub fn qty_to_refund(self, item: &OrderItem) -> Amount {
        if self.calculation {
            Amount::ZERO
        } else {
            item.qty_to_refund()
        }
    }

    /// `Order\Item::getQtyToCancel`: the least of what is left to invoice and to ship, so a
    /// configurable's simple (a dummy both ways) keeps `qty_canceled` 0.
    pub fn qty_to_cancel(self, item: &OrderItem) -> Amount {
        self.qty_to_invoice(item)
            .min(self.qty_to_ship(item))
            .max(Amount::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(id: i64, parent: Option<i64>, options: Option<&str>) -> OrderItem {
        OrderItem {
            item_id: id,
            parent_item_id: parent,
            product_options: options.map(str::to_owned),
            qty_ordered: Amount::from_int(2),
            ..Default::default()
        }
    }

    #[test]
    fn options_compare_as_php_8s_loose_equality() {
        for (value, equal) in [
            (json!(0), true),
            (json!(0.0), true),
            (json!("0"), true),
            (json!(" 0 "), true),
            (json!("0.0"), true),
            (json!(""), false),
            (json!("0x"), false),
            (json!("nan"), false),
            (json!(false), true),
            (json!(null), false),
            (json!([]), false),
        ] {
            assert_eq!(php_equals_int(&value, 0), equal, "{value}");
        }
        assert!(php_equals_int(&json!("1.0"), 1));
        assert!(php_equals_int(&json!(true), 1));
    }

    #[test]
    fn dummies_follow_the_parents_options() {
        // A configurable: the child is a dummy both ways, the parent neither.
        let items = [item(1, None, None), item(2, Some(1), None)];
        let family = Family::new(&items);
        let both = Dummy {
            calculation: true,
            shipment: true,
        };
        let neither = Dummy {
            calculation: false,
            shipment: false,
        };
        assert_eq!(family.dummy(&items[0]), neither);
        assert_eq!(family.dummy(&items[1]), both);
        assert_eq!(both.qty_to_cancel(&items[1]), Amount::ZERO);
        assert_eq!(neither.qty_to_cancel(&items[0]), Amount::from_int(2));
        // A bundle of dynamic price shipped separately: the parent is the dummy both ways.
        let options = r#"{"product_calculations": 0, "shipment_type": "1"}"#;
        let items = [item(1, None, Some(options)), item(2, Some(1), None)];
        let family = Family::new(&items);
        assert_eq!(family.dummy(&items[0]), both);
        assert_eq!(family.dummy(&items[1]), neither);
        // A child whose parent is not among the order's items is no dummy.
        let items = [item(2, Some(9), None)];
        assert_eq!(Family::new(&items).dummy(&items[0]), neither);
    }
}
