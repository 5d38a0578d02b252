//! Gift messages (`gift_message`, Magento_GiftMessage) and what points at them: carts, cart
//! lines, orders and order lines (their `gift_message_id`).

use sqlx::SqliteConnection;

use crate::db::row_struct;

row_struct! {
    /// `gift_message`: one message (`Magento\GiftMessage\Model\Message`).
    pub struct GiftMessageRow {
        pub gift_message_id: i64,
        pub customer_id: i64,
        pub sender: Option<String>,
        pub recipient: Option<String>,
        pub message: Option<String>,
    }
}

/// What a message hangs on, by id: a cart (`quote`) or a cart line (`quote_item`), an order
/// (`sales_order`) or an order line (`sales_order_item`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Quote(i64),
    QuoteItem(i64),
    Order(i64),
    OrderItem(i64),
}

impl Holder {
    fn table_and_key(self) -> (&'static str, &'static str, i64) {
        match self {
            Holder::Quote(id) => ("quote", "entity_id", id),
            Holder::QuoteItem(id) => ("quote_item", "item_id", id),
            Holder::Order(id) => ("sales_order", "entity_id", id),
            Holder::OrderItem(id) => ("sales_order_item", "item_id", id),
        }
    }
}

pub async fn get(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<GiftMessageRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {} FROM gift_message WHERE gift_message_id = ?",
        GiftMessageRow::column_list()
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The `gift_message_id` a holder points at (NULL and 0: none).
pub async fn message_id_of(
    conn: &mut SqliteConnection,
    holder: Holder,
) -> Result<Option<i64>, sqlx::Error> {
    let (table, key, id) = holder.table_and_key();
    let found: Option<Option<i64>> = sqlx::query_scalar(&format!(
        "SELECT gift_message_id FROM {table} WHERE {key} = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(found.flatten())
}

/// Points a holder at message `message_id` (0 once its message was removed). Its
/// `updated_at` moves only when the pointer changes: MySQL's `ON UPDATE CURRENT_TIMESTAMP`
/// fires only for a row whose values change, and `AbstractModel::save` of an unchanged
/// object writes nothing.
pub async fn point(
    conn: &mut SqliteConnection,
    holder: Holder,
    message_id: i64,
    now: &str,
) -> Result<(), sqlx::Error> {
    let (table, key, id) = holder.table_and_key();
    sqlx::query(&format!(
        "UPDATE {table} SET gift_message_id = ?1, updated_at = ?2
         WHERE {key} = ?3 AND gift_message_id IS NOT ?1"
    ))
    .bind(message_id)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes `message` over row `id` when given (the message keeps its id), else as a new row;
/// its id.
pub async fn save(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    message: &GiftMessageRow,
) -> Result<i64, sqlx::Error> {
    let query = match id {
        Some(_) => {
            "UPDATE gift_message SET customer_id = ?2, sender = ?3, recipient = ?4, message = ?5
             WHERE gift_message_id = ?1 RETURNING gift_message_id"
        }
        None => {
            "INSERT INTO gift_message (customer_id, sender, recipient, message)
             VALUES (?2, ?3, ?4, ?5) RETURNING gift_message_id"
        }
    };
    sqlx::query_scalar(query)
        .bind(id)
        .bind(message.customer_id)
        .bind(&message.sender)
        .bind(&message.recipient)
        .bind(&message.message)
        .fetch_one(conn)
        .await
}

pub async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM gift_message WHERE gift_message_id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A cart's message and its lines' (quote item id and message id), for the order placed
/// from it (`SalesEventQuoteSubmitBeforeObserver`, `Plugin\QuoteItem::afterConvert`).
pub async fn of_quote(
    conn: &mut SqliteConnection,
    quote_id: i64,
) -> Result<(Option<i64>, Vec<(i64, Option<i64>)>), sqlx::Error> {
    let cart = message_id_of(&mut *conn, Holder::Quote(quote_id)).await?;
    let lines = sqlx::query_as(
        "SELECT item_id, gift_message_id FROM quote_item WHERE quote_id = ? ORDER BY item_id",
    )
    .bind(quote_id)
    .fetch_all(conn)
    .await?;
    Ok((cart, lines))
}
