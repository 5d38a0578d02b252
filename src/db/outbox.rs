//! The mail outbox (`magemu_outbox`): the e-mails Magento would have sent, and what a sales
//! e-mail needs to know of its order to be addressed.

use sqlx::SqliteConnection;
use std::sync::LazyLock;

use crate::db::row_struct;

row_struct! {
    /// `magemu_outbox`: one e-mail.
    pub struct Mail {
        pub mail_id: i64,
        pub created_at: String,
        pub template_id: String,
        pub to_email: String,
        pub to_name: Option<String>,
        pub store_id: Option<i64>,
        pub entity_type: String,
        pub entity_id: i64,
        pub increment_id: Option<String>,
        pub order_id: Option<i64>,
        pub comment: Option<String>,
        /// A link the e-mail carries for the recipient to follow (the password reset's).
        pub link: Option<String>,
    }
}

/// Records `mail`; its id.
pub async fn insert(conn: &mut SqliteConnection, mail: &Mail) -> Result<i64, sqlx::Error> {
    crate::db::insert(conn, "magemu_outbox", "mail_id", mail).await
}

/// Which e-mails to list; `None` matches all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// The recipient's address, compared without regard to ASCII case.
    pub to: Option<String>,
    pub template: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<i64>,
}

/// The e-mails matching `filter`, oldest first.
pub async fn list(conn: &mut SqliteConnection, filter: &Filter) -> Result<Vec<Mail>, sqlx::Error> {
    sqlx::query_as(
        "SELECT * FROM magemu_outbox
         WHERE (?1 IS NULL OR to_email = ?1 COLLATE NOCASE)
           AND (?2 IS NULL OR template_id = ?2)
           AND (?3 IS NULL OR entity_type = ?3)
           AND (?4 IS NULL OR entity_id = ?4)
         ORDER BY mail_id",
    )
    .bind(&filter.to)
    .bind(&filter.template)
    .bind(&filter.entity_type)
    .bind(filter.entity_id)
    .fetch_all(conn)
    .await
}

/// Forgets every e-mail.
pub async fn clear(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM magemu_outbox")
        .execute(conn)
        .await?;
    Ok(())
}

/// The order of a sales document and the document's increment id (for an order, itself).
pub async fn document(
    conn: &mut SqliteConnection,
    table: &str,
    entity_id: i64,
) -> Result<Option<(i64, Option<String>)>, sqlx::Error> {
    let order = if table == "sales_order" {
        "entity_id"
    } else {
        "order_id"
    };
    sqlx::query_as(&format!(
        "SELECT {order}, increment_id FROM {table} WHERE entity_id = ?"
    ))
    .bind(entity_id)
    .fetch_optional(conn)
    .await
}

/// A document's `customer_note` when its `customer_note_notify` is set.
pub async fn customer_note(
    conn: &mut SqliteConnection,
    table: &str,
    entity_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    let note: Option<Option<String>> = sqlx::query_scalar(&format!(
        "SELECT customer_note FROM {table} WHERE entity_id = ? AND customer_note_notify <> 0"
    ))
    .bind(entity_id)
    .fetch_optional(conn)
    .await?;
    Ok(note.flatten())
}

row_struct! {
    /// What a sales e-mail takes from its order: the store, the customer, and the billing
    /// address's name (a guest's name).
    pub struct OrderRecipient {
        pub store_id: i64,
        pub customer_is_guest: Option<i64>,
        pub customer_email: Option<String>,
        pub customer_prefix: Option<String>,
        pub customer_firstname: Option<String>,
        pub customer_middlename: Option<String>,
        pub customer_lastname: Option<String>,
        pub customer_suffix: Option<String>,
        pub billing_prefix: Option<String>,
        pub billing_firstname: Option<String>,
        pub billing_middlename: Option<String>,
        pub billing_lastname: Option<String>,
        pub billing_suffix: Option<String>,
    }
}

row_struct! {
    /// The name on an order's first billing address (`Order::getBillingAddress`).
    pub struct BillingName {
        pub prefix: Option<String>,
        pub firstname: Option<String>,
        pub middlename: Option<String>,
        pub lastname: Option<String>,
        pub suffix: Option<String>,
    }
}

/// The id of the first billing address of the order whose id is `order_id` (SQL):
/// `Order::getBillingAddress` takes the first address of type billing.
fn first_billing_address_sql(order_id: &str) -> String {
    format!(
        "(SELECT MIN(entity_id) FROM sales_order_address
          WHERE parent_id = {order_id} AND address_type = 'billing')"
    )
}

/// [`BillingName`] of the order whose id is bound: the address [`ORDER_RECIPIENT_SQL`] joins.
pub static BILLING_NAME_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT prefix, firstname, middlename, lastname, suffix
         FROM sales_order_address WHERE entity_id = {}",
        first_billing_address_sql("?")
    )
});

impl OrderRecipient {
    /// The recipient of `order`, already read, whose billing name is `billing`: what
    /// [`ORDER_RECIPIENT_SQL`] reads, without reading the order's row again.
    pub fn of(order: &crate::db::model::Order, billing: Option<BillingName>) -> OrderRecipient {
        let billing = billing.unwrap_or_default();
        OrderRecipient {
            store_id: order.store_id,
            customer_is_guest: order.customer_is_guest,
            customer_email: order.customer_email.clone(),
            customer_prefix: order.customer_prefix.clone(),
            customer_firstname: order.customer_firstname.clone(),
            customer_middlename: order.customer_middlename.clone(),
            customer_lastname: order.customer_lastname.clone(),
            customer_suffix: order.customer_suffix.clone(),
            billing_prefix: billing.prefix,
            billing_firstname: billing.firstname,
            billing_middlename: billing.middlename,
            billing_lastname: billing.lastname,
            billing_suffix: billing.suffix,
        }
    }
}

/// The recipient fields of order `order_id` (`Order::getBillingAddress`: its first billing
/// address).
pub async fn order_recipient(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<OrderRecipient>, sqlx::Error> {
    sqlx::query_as(&ORDER_RECIPIENT_SQL)
        .bind(order_id)
        .fetch_optional(conn)
        .await
}

/// [`OrderRecipient`] of the order whose id is bound.
pub static ORDER_RECIPIENT_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT o.store_id, o.customer_is_guest, o.customer_email, o.customer_prefix,
                o.customer_firstname, o.customer_middlename, o.customer_lastname,
                o.customer_suffix,
                a.prefix AS billing_prefix, a.firstname AS billing_firstname,
                a.middlename AS billing_middlename, a.lastname AS billing_lastname,
                a.suffix AS billing_suffix
         FROM sales_order o
         LEFT JOIN sales_order_address a ON a.entity_id = {}
         WHERE o.entity_id = ?",
        first_billing_address_sql("o.entity_id")
    )
});
