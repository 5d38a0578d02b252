//! Magento_GiftMessage's cart services: a cart's message and its lines' (`Model\CartRepository`,
//! `Model\ItemRepository`; the guest ones load the cart by its masked id and delegate), with
//! `GiftMessageManager` writing them. Read in 2.4's source and unit tests (the api-functional
//! tests pin only the replies of a read).
//!
//! - A read answers the message the cart (line) points at, or none, which the REST layer
//!   renders as `[]` (`ServiceOutputProcessor::convertValue` of null). Reads never look at the
//!   settings.
//! - A save checks, in order: the active cart (404), for a line the line (404), the cart not
//!   empty (cart level only; 400), not virtual (the whole cart at cart level, the line at line
//!   level; 400), then, only for a message PHP finds true (so `"0"` passes), the setting
//!   (`allow_order` for the cart; for a line `isMessagesAllowed('items')`, which asks every
//!   top-level line of the cart: its product's `gift_message_available` when that says yes or
//!   no, else the store's `allow_items`; 400 "The gift message isn't available."). Messages
//!   are off until `PUT /magemu/config` turns them on, as in a fresh Magento, whose config.xml
//!   only sets other paths (`sales/gift_messages/*`).
//! - `GiftMessageManager::setMessage`: a message that is null, absent or trims (PHP's `trim`)
//!   to nothing removes the one the holder points at (the holder keeps id 0) even while
//!   messages are off (`$message['message'] === null || trim(...) == ''`, 2.4.6 to 2.4.8-p1);
//!   any other updates that message in place or adds one, with the cart's customer (0 for a
//!   guest, the column's default).

use crate::checkout::{resolve, CartRef};
use crate::db::gift_messages::{self, GiftMessageRow, Holder};
use crate::db::model::FullOrder;
use crate::db::{self, quotes, Db};
use crate::error::{Error, Phrase, Result};
pub use crate::sales::gift_message::MessageInput;
use crate::sales::gift_message::{available_at_placement, enabled, item_allowance, save_one};

/// The product attribute "Allow Gift Message" (`gift_message_available`, catalog_attributes.xml
/// loads it on quote items' products).
const GIFT_MESSAGE_AVAILABLE: &str = "gift_message_available";

const EMPTY_CART: &str =
    "Gift messages can't be used for an empty cart. Add an item and try again.";
const VIRTUAL: &str = "Gift messages can't be used for virtual products.";
const NOT_AVAILABLE: &str = "The gift message isn't available.";
const NO_ITEM: &str =
    "No item with the provided ID was found in the Cart. Verify the ID and try again.";
const NO_PRODUCT: &str =
    "No product with the \"%1\" itemId exists in the Cart. Verify your information and try again.";

/// The cart's own message, or one line's (by item id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Cart,
    Item(i64),
}

/// `CartRepository::get` / `ItemRepository::get`: the message, `None` when the holder has
/// none (or points at one that is gone: `load` of a missing row, an empty message).
pub async fn get(db: &Db, who: CartRef, target: Target) -> Result<Option<GiftMessageRow>> {
    // One read transaction: the cart, its line and the message as one state of the database.
    let mut tx = db.read.begin().await?;
    let quote = resolve(&mut tx, &who).await?;
    let holder = match target {
        Target::Cart => Holder::Quote(quote.entity_id),
        Target::Item(item_id) => {
            let items = quotes::items(&mut tx, quote.entity_id).await?;
            if !items.iter().any(|i| i.item_id == item_id) {
                return Err(Error::NotFound(Phrase::plain(NO_ITEM)));
            }
            Holder::QuoteItem(item_id)
        }
    };
    let message = match gift_messages::message_id_of(&mut tx, holder).await? {
        Some(id) if id != 0 => gift_messages::get(&mut tx, id).await?,
        _ => None,
    };
    tx.commit().await?;
    Ok(message)
}

/// `CartRepository::save` / `ItemRepository::save` (the reply is `true`).
pub async fn save(db: &Db, who: CartRef, target: Target, input: MessageInput) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let quote = resolve(&mut *conn, &who).await?;
                let items = quotes::items(&mut *conn, quote.entity_id).await?;
                let (holder, setting) = match target {
                    Target::Cart => {
                        if items.is_empty() {
                            return Err(Error::input(EMPTY_CART));
                        }
                        // Quote::isVirtual: every line virtual.
                        if items.iter().all(|i| i.is_virtual != 0) {
                            return Err(Error::input(VIRTUAL));
                        }
                        (Holder::Quote(quote.entity_id), db::store::GIFT_ALLOW_ORDER)
                    }
                    Target::Item(item_id) => {
                        let Some(item) = items.iter().find(|i| i.item_id == item_id) else {
                            return Err(Error::NotFound(Phrase::positional_values(
                                NO_PRODUCT,
                                vec![item_id.into()],
                            )));
                        };
                        if item.is_virtual != 0 {
                            return Err(Error::input(VIRTUAL));
                        }
                        (Holder::QuoteItem(item_id), db::store::GIFT_ALLOW_ITEMS)
                    }
                };
                let text = input.message.as_deref();
                if text.is_some_and(crate::php::truthy) {
                    let setting = db::store::default_config(&mut *conn, setting).await?;
                    let allowed = match target {
                        Target::Cart => enabled(setting.as_deref()),
                        // `isMessagesAllowed('items', $quote)`: any line of the cart whose
                        // product (or, saying nothing, the store) allows it, not only this one.
                        Target::Item(_) => {
                            let mut any = false;
                            for item in &items {
                                let own = db::catalog::custom_attribute(
                                    &mut *conn,
                                    item.product_id,
                                    GIFT_MESSAGE_AVAILABLE,
                                )
                                .await?;
                                if enabled(item_allowance(own.as_deref(), setting.as_deref())) {
                                    any = true;
                                    break;
                                }
                            }
                            any
                        }
                    };
                    if !allowed {
                        return Err(Error::input(NOT_AVAILABLE));
                    }
                }
                let current = gift_messages::message_id_of(&mut *conn, holder).await?;
                let message = MessageInput {
                    customer_id: Some(quote.customer_id.unwrap_or(0)),
                    ..input
                };
                let now = db::now_timestamp();
                save_one(&mut *conn, holder, current, message, &now).await
            })
        })
        .await
}

/// What an order placed from cart `quote_id` takes of its messages: the cart's
/// (`SalesEventQuoteSubmitBeforeObserver`, whatever the settings: the order points at the same
/// message row) and each line's, with whether messages were allowed for the line
/// (`Plugin\QuoteItem::afterConvert`).
pub async fn carry_to_order(
    conn: &mut sqlx::SqliteConnection,
    quote_id: i64,
    order: &mut FullOrder,
) -> Result<()> {
    let (cart, lines) = gift_messages::of_quote(&mut *conn, quote_id).await?;
    let allow_items = db::store::default_config(&mut *conn, db::store::GIFT_ALLOW_ITEMS).await?;
    order.order.gift_message_id = cart;
    for item in &mut order.items {
        item.gift_message_id = lines
            .iter()
            .find(|(id, _)| Some(*id) == item.quote_item_id)
            .and_then(|(_, message)| *message);
        let own = match item.product_id {
            Some(product) => {
                db::catalog::custom_attribute(&mut *conn, product, GIFT_MESSAGE_AVAILABLE).await?
            }
            None => None,
        };
        item.gift_message_available =
            available_at_placement(item_allowance(own.as_deref(), allow_items.as_deref()));
    }
    Ok(())
}
