//! Magento_GiftMessage on orders: which messages a read of an order shows
//! (`Plugin\OrderGet::afterGet`/`afterGetList` through the module's `OrderRepository::get`
//! and `OrderItemRepository::get`, each checked by `Helper\Message::isMessagesAllowed`), and
//! what a placed order's lines keep of the setting (`Plugin\QuoteItem::afterConvert`).
//!
//! Settings are read at the default scope, the only one magemu writes
//! (`PUT /magemu/config`), so every store sees the same.

use crate::db::gift_messages::GiftMessageRow;
use crate::db::model::{FullOrder, OrderItem};

/// A setting as `isMessagesAllowed` returns it, used for its PHP truth: no row (config.xml
/// sets only `sales/gift_messages/*`, another path), `""` and `"0"` are off.
pub fn enabled(value: Option<&str>) -> bool {
    matches!(value, Some(v) if !v.is_empty() && v != "0")
}

/// `Boolean::VALUE_USE_CONFIG`: a product's (or line's) "use the store's setting".
const USE_CONFIG: i64 = 2;

/// The order's own message: set, and `allow_order` on when read (the module's
/// `OrderRepository::get` answers "Either no order exists with this ID or gift message isn't
/// allowed." otherwise, which the plugin swallows).
pub fn order_message(full: &FullOrder) -> Option<&GiftMessageRow> {
    let id = full.order.gift_message_id.filter(|id| *id != 0)?;
    if !enabled(full.gift_config.allow_order.as_deref()) {
        return None;
    }
    full.gift_messages.iter().find(|m| m.gift_message_id == id)
}

/// A line's message: set, and allowed for the line (`isMessagesAllowed('order_item')`: the
/// line's `gift_message_available` as ordered, the store's `allow_items` when that is NULL
/// or "use config").
pub fn item_message<'a>(full: &'a FullOrder, item: &OrderItem) -> Option<&'a GiftMessageRow> {
    let id = item.gift_message_id.filter(|id| *id != 0)?;
    let allowed = match item.gift_message_available {
        None | Some(USE_CONFIG) => enabled(full.gift_config.allow_items.as_deref()),
        Some(available) => available != 0,
    };
    if !allowed {
        return None;
    }
    full.gift_messages.iter().find(|m| m.gift_message_id == id)
}

/// What an ordered line keeps as `gift_message_available`: `isMessagesAllowed('item', ...)`
/// at placement, which for a product that says nothing is the raw `allow_items` value (a
/// number column: `"1"` -> 1; no value -> NULL).
pub fn available_at_placement(allow_items: Option<&str>) -> Option<i64> {
    allow_items.map(|v| v.trim().parse::<i64>().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::model::GiftConfig;

    fn order(allow_order: Option<&str>, allow_items: Option<&str>) -> FullOrder {
        let mut full = FullOrder::default();
        full.order.gift_message_id = Some(7);
        full.gift_config = GiftConfig {
            allow_order: allow_order.map(str::to_owned),
            allow_items: allow_items.map(str::to_owned),
        };
        full.gift_messages = vec![
            GiftMessageRow {
                gift_message_id: 7,
                message: Some("order".into()),
                ..Default::default()
            },
            GiftMessageRow {
                gift_message_id: 8,
                message: Some("line".into()),
                ..Default::default()
            },
        ];
        full
    }

    fn line(available: Option<i64>) -> OrderItem {
        OrderItem {
            gift_message_id: Some(8),
            gift_message_available: available,
            ..Default::default()
        }
    }

    #[test]
    fn the_order_message_shows_only_while_order_messages_are_on() {
        assert_eq!(order(Some("1"), None).order.gift_message_id, Some(7));
        assert!(order_message(&order(Some("1"), None)).is_some());
        for off in [None, Some(""), Some("0")] {
            assert!(order_message(&order(off, Some("1"))).is_none(), "{off:?}");
        }
        let mut removed = order(Some("1"), None);
        removed.order.gift_message_id = Some(0);
        assert!(order_message(&removed).is_none());
    }

    #[test]
    fn a_line_follows_what_it_kept_else_the_store_setting() {
        let full = order(None, Some("1"));
        assert!(item_message(&full, &line(None)).is_some());
        assert!(item_message(&full, &line(Some(USE_CONFIG))).is_some());
        assert!(item_message(&full, &line(Some(0))).is_none());
        let off = order(None, Some("0"));
        assert!(item_message(&off, &line(None)).is_none());
        assert!(item_message(&off, &line(Some(1))).is_some());
    }

    #[test]
    fn placement_keeps_the_raw_setting() {
        assert_eq!(available_at_placement(None), None);
        assert_eq!(available_at_placement(Some("1")), Some(1));
        assert_eq!(available_at_placement(Some("0")), Some(0));
    }
}
