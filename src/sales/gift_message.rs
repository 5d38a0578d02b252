//! Magento_GiftMessage on orders: which messages a read of an order shows
//! (`Plugin\OrderGet::afterGet`/`afterGetList` through the module's `OrderRepository::get`
//! and `OrderItemRepository::get`, each checked by `Helper\Message::isMessagesAllowed`), and
//! what a placed order's lines keep of the setting (`Plugin\QuoteItem::afterConvert`).
//!
//! Settings are read at the default scope, the only one magemu writes
//! (`PUT /magemu/config`), so every store sees the same.

use crate::db::gift_messages::{self, GiftMessageRow};
use crate::db::model::{FullOrder, GiftConfig, Order, OrderItem};
use crate::db::{self, Db};
use crate::error::{Error, Phrase, Result};

/// What a save takes of a posted `MessageInterface` (the cart services use the three texts;
/// an order's message also its `customer_id`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageInput {
    pub customer_id: Option<i64>,
    pub sender: Option<String>,
    pub recipient: Option<String>,
    pub message: Option<String>,
}

/// The messages a posted order carries in its extension attributes: the order's, and each
/// posted line's by its place in `items`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostedOrderMessages {
    pub order: Option<MessageInput>,
    pub items: Vec<(usize, MessageInput)>,
}

impl PostedOrderMessages {
    pub fn is_empty(&self) -> bool {
        self.order.is_none() && self.items.is_empty()
    }
}

const EMPTY_ORDER: &str =
    "Gift messages can't be used for an empty order. Create an order, add an item, and try again.";
const VIRTUAL: &str = "Gift messages can't be used for virtual products.";
const NOT_AVAILABLE: &str = "The gift message isn't available.";
const NO_ORDER_ITEM: &str =
    "No item with the provided ID was found in the Order. Verify the ID and try again.";
/// `Plugin\OrderSave`'s wrappers around whatever the repositories threw.
const NOT_ADDED_TO_ORDER: &str = "The gift message couldn't be added to the \"%1\" order.";
const NOT_ADDED_TO_ORDER_ITEM: &str =
    "The gift message couldn't be added to the \"%1\" order item.";

/// A setting as `isMessagesAllowed` returns it, used for its PHP truth: no row (config.xml
/// sets only `sales/gift_messages/*`, another path), `""` and `"0"` are off.
pub fn enabled(value: Option<&str>) -> bool {
    value.is_some_and(crate::php::truthy)
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
    item_message_in(&full.gift_config, &full.gift_messages, item)
}

/// [`item_message`] among `messages`, under `config`.
pub fn item_message_in<'a>(
    config: &GiftConfig,
    messages: &'a [GiftMessageRow],
    item: &OrderItem,
) -> Option<&'a GiftMessageRow> {
    let id = item.gift_message_id.filter(|id| *id != 0)?;
    if !line_allowed(item, config.allow_items.as_deref()) {
        return None;
    }
    messages.iter().find(|m| m.gift_message_id == id)
}

/// `isMessagesAllowed('order_item')`: the line's `gift_message_available` as ordered, the
/// store's `allow_items` when that is NULL or "use config" (`_getDependenceFromStoreConfig`).
fn line_allowed(item: &OrderItem, allow_items: Option<&str>) -> bool {
    match item.gift_message_available {
        None | Some(USE_CONFIG) => enabled(allow_items),
        Some(available) => available != 0,
    }
}

/// `isMessagesAllowed('item', $quoteItem)`: `_getDependenceFromStoreConfig` of the line's
/// product's `gift_message_available`, the raw value: the product's own unless it says
/// nothing (null, `""`) or "use config" (`== 2`), then the store's `allow_items`.
pub fn item_allowance<'v>(
    product: Option<&'v str>,
    allow_items: Option<&'v str>,
) -> Option<&'v str> {
    let use_config = |v: &str| v.is_empty() || v.trim().parse::<f64>() == Ok(USE_CONFIG as f64);
    match product {
        Some(own) if !use_config(own) => Some(own),
        _ => allow_items,
    }
}

/// What an ordered line keeps as `gift_message_available`: [`item_allowance`] at placement
/// (`Plugin\QuoteItem::afterConvert`) into a number column: `"1"` -> 1, no value -> NULL.
pub fn available_at_placement(allowance: Option<&str>) -> Option<i64> {
    allowance.map(|v| v.trim().parse::<i64>().unwrap_or(0))
}

/// Magento_GiftMessage's `Plugin\OrderSave::afterSave` on an order a client posted
/// (`POST /V1/orders`): after the order is saved, the order's message through the module's
/// `OrderRepository::save` (no lines, 400 "...empty order..."; a virtual order; `allow_order`
/// off), then each line's through `OrderItemRepository::save` (the order virtual; messages not
/// allowed for the line), each refusal wrapped as "The gift message couldn't be added to the
/// "%1" order[ item]." (400). Like Magento, what was saved before a refusal stays: the order
/// (saved by then) and the messages before it; the refusal is returned, not raised, so that
/// the caller's write commits them. `Save::_saveOne`: a message that trims to nothing removes
/// the one there (a null message, which PHP 8's `trim` would warn about, counts as empty),
/// any other updates it in place or adds one; the order's message takes the posted
/// `customer_id` (none: the column's 0), a line's none.
pub async fn save_posted(db: &Db, order_id: i64, posted: PostedOrderMessages) -> Result<()> {
    if posted.is_empty() {
        return Ok(());
    }
    let refused = db
        .writer
        .write(move |conn| {
            Box::pin(async move {
                let Some((order, items, _)) =
                    db::sales::load_order_for_update(&mut *conn, order_id).await?
                else {
                    return Ok(None);
                };
                let now = db::now_timestamp();
                if let Some(message) = posted.order {
                    if let Err(e) = save_order_message(&mut *conn, &order, message, &now).await {
                        return Ok(Some(wrapped(NOT_ADDED_TO_ORDER, e)?));
                    }
                }
                for (place, message) in posted.items {
                    let item = items.get(place).cloned();
                    if let Err(e) = save_item_message(&mut *conn, &order, item, message, &now).await
                    {
                        return Ok(Some(wrapped(NOT_ADDED_TO_ORDER_ITEM, e)?));
                    }
                }
                Ok::<_, Error>(None)
            })
        })
        .await?;
    refused.map_or(Ok(()), Err)
}

/// A repository's refusal inside the plugin's `CouldNotSaveException`; a database failure
/// stays what it is.
fn wrapped(text: &str, e: Error) -> Result<Error> {
    match e {
        Error::Input(_) | Error::NotFound(_) => Ok(Error::Input(Phrase::positional(
            text,
            vec![crate::error::render(&e.body())],
        ))),
        other => Err(other),
    }
}

async fn save_order_message(
    conn: &mut sqlx::SqliteConnection,
    order: &Order,
    message: MessageInput,
    now: &str,
) -> Result<()> {
    // PHP's `0 == $order->getTotalItemCount()`: null counts as 0.
    if order.total_item_count.unwrap_or(0) == 0 {
        return Err(Error::input(EMPTY_ORDER));
    }
    if order.is_virtual.unwrap_or(0) != 0 {
        return Err(Error::input(VIRTUAL));
    }
    let allow = db::store::default_config(&mut *conn, db::store::GIFT_ALLOW_ORDER).await?;
    if !enabled(allow.as_deref()) {
        return Err(Error::input(NOT_AVAILABLE));
    }
    let holder = gift_messages::Holder::Order(order.entity_id);
    save_one(conn, holder, order.gift_message_id, message, now).await
}

async fn save_item_message(
    conn: &mut sqlx::SqliteConnection,
    order: &Order,
    item: Option<OrderItem>,
    message: MessageInput,
    now: &str,
) -> Result<()> {
    let Some(item) = item else {
        return Err(Error::NotFound(Phrase::plain(NO_ORDER_ITEM)));
    };
    if order.is_virtual.unwrap_or(0) != 0 {
        return Err(Error::input(VIRTUAL));
    }
    let allow_items = db::store::default_config(&mut *conn, db::store::GIFT_ALLOW_ITEMS).await?;
    if !line_allowed(&item, allow_items.as_deref()) {
        return Err(Error::input(NOT_AVAILABLE));
    }
    // The line's message carries no customer: a new one gets the column's 0.
    let message = MessageInput {
        customer_id: None,
        ..message
    };
    let holder = gift_messages::Holder::OrderItem(item.item_id);
    save_one(conn, holder, item.gift_message_id, message, now).await
}

/// Writes a holder's message as `Save::_saveOne` (an order or order line) and
/// `GiftMessageManager::add` (a cart or cart line) do: a message that trims to nothing removes
/// the one `current` names (the holder keeps id 0); any other updates it in place or adds one,
/// with `message.customer_id`, else the stored one, else 0.
pub async fn save_one(
    conn: &mut sqlx::SqliteConnection,
    holder: gift_messages::Holder,
    current: Option<i64>,
    message: MessageInput,
    now: &str,
) -> Result<()> {
    let existing = match current.filter(|id| *id != 0) {
        Some(id) => gift_messages::get(&mut *conn, id).await?,
        None => None,
    };
    let text = message.message.clone().unwrap_or_default();
    if crate::php::trim(&text).is_empty() {
        if let Some(old) = existing {
            gift_messages::delete(&mut *conn, old.gift_message_id).await?;
            gift_messages::point(&mut *conn, holder, 0, now).await?;
        }
        return Ok(());
    }
    // `addData` of every posted key: a null customer id is left out of the row (a NOT NULL
    // column), so it keeps the stored one, or the default 0.
    let row = GiftMessageRow {
        gift_message_id: 0,
        customer_id: message
            .customer_id
            .or(existing.as_ref().map(|m| m.customer_id))
            .unwrap_or(0),
        sender: message.sender,
        recipient: message.recipient,
        message: Some(text),
    };
    let id = gift_messages::save(&mut *conn, existing.map(|m| m.gift_message_id), &row).await?;
    gift_messages::point(&mut *conn, holder, id, now).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn truth_as_php_has_it() {
        assert!(!crate::php::truthy("0") && !crate::php::truthy("") && crate::php::truthy(" "));
    }
}
