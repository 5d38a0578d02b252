//! Queries on the sales tables.

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::sales::model::{
    invoice_state, FullInvoice, FullOrder, Invoice, InvoiceComment, InvoiceItem, Order,
    OrderAddress, OrderItem, OrderPayment, StatusHistory,
};
use crate::sales::totals::EarlierInvoices;

/// An order with what a document (invoice, shipment) changes: its items and its payment.
pub type OrderForUpdate = (Order, Vec<OrderItem>, Option<OrderPayment>);

/// Loads an order, its items (in item-id order) and its payment.
pub async fn load_order_for_update(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<OrderForUpdate>, sqlx::Error> {
    let Some(order) = sqlx::query_as::<_, Order>("SELECT * FROM sales_order WHERE entity_id = ?")
        .bind(order_id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let items = sqlx::query_as::<_, OrderItem>(
        "SELECT * FROM sales_order_item WHERE order_id = ? ORDER BY item_id",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let payment =
        sqlx::query_as::<_, OrderPayment>("SELECT * FROM sales_order_payment WHERE parent_id = ?")
            .bind(order_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(Some((order, items, payment)))
}

/// Loads an order with its items (in item-id order), addresses, payment and status history.
pub async fn load_full_order(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<FullOrder>, sqlx::Error> {
    let Some((order, items, payment)) = load_order_for_update(conn, order_id).await? else {
        return Ok(None);
    };
    let addresses = sqlx::query_as::<_, OrderAddress>(
        "SELECT * FROM sales_order_address WHERE parent_id = ? ORDER BY entity_id",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let status_histories = sqlx::query_as::<_, StatusHistory>(
        "SELECT * FROM sales_order_status_history WHERE parent_id = ? ORDER BY entity_id",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(FullOrder {
        order,
        items,
        addresses,
        payment,
        status_histories,
    }))
}

/// What the order's existing invoices decide for a new one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Earlier {
    pub count: i64,
    pub summary: EarlierInvoices,
}

/// Summarizes the order's existing invoices for the total collectors.
pub async fn earlier_invoices(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Earlier, sqlx::Error> {
    let rows: Vec<(Option<i64>, Option<Amount>, Option<Amount>)> = sqlx::query_as(
        "SELECT state, discount_amount, shipping_amount FROM sales_invoice WHERE order_id = ?",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    let summary = EarlierInvoices {
        discount_taken: rows.iter().any(|(_, discount, _)| discount.is_some()),
        shipping_taken: rows.iter().any(|(state, _, shipping)| {
            shipping.is_some() && *state != Some(invoice_state::CANCELED)
        }),
    };
    Ok(Earlier {
        count: rows.len() as i64,
        summary,
    })
}

/// Takes the next value of the store's `entity_type` sequence and formats it as Magento's
/// increment id: 9 digits, zero-padded, prefixed by the store id for stores other than 0 and 1
/// (Magento_SalesSequence's default profile).
pub async fn next_increment_id(
    conn: &mut SqliteConnection,
    entity_type: &str,
    store_id: i64,
) -> Result<String, sqlx::Error> {
    let value: i64 = sqlx::query_scalar(
        "INSERT INTO sales_sequence (entity_type, store_id, next_value) VALUES (?, ?, 2)
         ON CONFLICT (entity_type, store_id) DO UPDATE SET next_value = next_value + 1
         RETURNING next_value - 1",
    )
    .bind(entity_type)
    .bind(store_id)
    .fetch_one(conn)
    .await?;
    Ok(format_increment_id(store_id, value))
}

/// `000000003` in store 1, `2000000001` in store 2.
pub fn format_increment_id(store_id: i64, value: i64) -> String {
    if store_id > 1 {
        format!("{store_id}{value:09}")
    } else {
        format!("{value:09}")
    }
}

/// Loads an invoice with its items and comments.
pub async fn load_full_invoice(
    conn: &mut SqliteConnection,
    invoice_id: i64,
) -> Result<Option<FullInvoice>, sqlx::Error> {
    let Some(invoice) =
        sqlx::query_as::<_, Invoice>("SELECT * FROM sales_invoice WHERE entity_id = ?")
            .bind(invoice_id)
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(None);
    };
    let items = sqlx::query_as::<_, InvoiceItem>(
        "SELECT * FROM sales_invoice_item WHERE parent_id = ? ORDER BY entity_id",
    )
    .bind(invoice_id)
    .fetch_all(&mut *conn)
    .await?;
    let comments = sqlx::query_as::<_, InvoiceComment>(
        "SELECT * FROM sales_invoice_comment WHERE parent_id = ? ORDER BY entity_id",
    )
    .bind(invoice_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(FullInvoice {
        invoice,
        items,
        comments,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn increment_ids() {
        assert_eq!(format_increment_id(1, 3), "000000003");
        assert_eq!(format_increment_id(0, 3), "000000003");
        assert_eq!(format_increment_id(2, 1), "2000000001");
    }
}
