//! "Orders are ready for pickup" (`POST /V1/order/notify-orders-are-ready-for-pickup`), read
//! from magento/inventory 2.4.8-p1, module-inventory-in-store-pickup-sales:
//!
//! - `Model/NotifyOrdersAreReadyForPickup.php`: each order on its own (an error is that order's
//!   entry in `errors`, the others go on). An order without a shipment is shipped first
//!   (`Model/Order/CreateShippingDocument.php`): it must be ready for pickup
//!   (`IsOrderReadyForPickup`: `canShip()` and `Order/IsFulfillable`, every line's quantity
//!   ordered at the pickup source, in stock, the source enabled), else "The order is not ready
//!   for pickup"; then `ShipOrder` ships every line from the pickup location
//!   (`CreateShippingArguments` sets `source_code`), without notifying — MSI deducts from that
//!   source and compensates the `order_placed` reservations as for any shipment.
//! - `Model/Order/AddStorePickupAttributesToOrder.php`: a processing order with nothing left to
//!   ship but something left to invoice gets the status `complete` while its state stays
//!   `processing` (Magento's odd pair, kept); a status-history comment "Order notified for
//!   pickup at: %1" (the store's local time, `IntlDateFormatter::LONG` date and `MEDIUM` time,
//!   en_US: "December 1, 2026 at 12:30:15 PM" with ICU's narrow no-break space before PM)
//!   with the order's status, customer-notified as the e-mail went out.
//! - `Model/Order/Email/ReadyForPickupSender.php`: the "ready for pickup" e-mail (enabled by
//!   default), recorded in `inventory_order_notification` (`send_notification`,
//!   `notification_sent`).
//! - `Plugin/Sales/Order/ShipmentRepository/AdaptShipmentPlugin.php` (REST): any other shipment
//!   of a pickup order is refused (see `sales::shipment`).
//!
//! An order that checkout did not place for pickup has no pickup location: magemu answers "The
//! order is not ready for pickup" for it rather than shipping it from nowhere.

use sqlx::SqliteConnection;
use time::{Duration, OffsetDateTime};

use crate::db::{self, Db};
use crate::error::{Error, Result};
use crate::sales::email::SalesEmail;
use crate::sales::shipment::{self, ShipRequest};
use crate::sales::state;

pub const NOT_READY_FOR_PICKUP: &str = "The order is not ready for pickup";
/// `AdaptShipmentPlugin`.
pub const NOTIFY_INSTEAD: &str = "Not able to create shipment with 'In Store Pick-Up' delivery method. Order should be notified as 'Ready For Pick-Up' instead.";

/// `NotifyOrdersAreReadyForPickupInterface::execute`: the failures, `(order id, message)`.
pub async fn notify_orders(db: &Db, ids: &[i64]) -> Result<Vec<(i64, String)>> {
    let mut errors = Vec::new();
    for &id in ids {
        let outcome =
            crate::sales::write_on_order(db, id, move |conn| Box::pin(notify(conn, id))).await;
        match outcome {
            Ok(()) => {}
            Err(Error::Internal(cause)) => {
                tracing::error!(order_id = id, %cause, "notify for pickup failed");
                errors.push((id, "We can't notify the customer right now.".to_owned()));
            }
            Err(other) => errors.push((id, other.rendered())),
        }
    }
    Ok(errors)
}

async fn notify(conn: &mut SqliteConnection, order_id: i64) -> Result<()> {
    let full = db::sales::load_full_order(conn, order_id)
        .await?
        .ok_or_else(Error::entity_not_found)?;
    let Some(code) = full.pickup_location_code.clone() else {
        return Err(Error::input(NOT_READY_FOR_PICKUP));
    };
    let shipments: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sales_shipment WHERE order_id = ?")
            .bind(order_id)
            .fetch_one(&mut *conn)
            .await?;
    if shipments == 0 {
        if !state::can_ship(&full.order, &full.items) || !fulfillable(conn, &full, &code).await? {
            return Err(Error::input(NOT_READY_FOR_PICKUP));
        }
        let request = ShipRequest {
            source_code: Some(code),
            for_pickup: true,
            ..Default::default()
        };
        // No comment: nobody is its author.
        shipment::ship_in(conn, order_id, request, Default::default()).await?;
    }
    // AddStorePickupAttributesToOrder, on the order as the shipment left it.
    let (mut order, items, _) = db::sales::load_order_for_update(conn, order_id)
        .await?
        .ok_or_else(Error::entity_not_found)?;
    if order.state.as_deref() == Some("processing")
        && !state::can_ship(&order, &items)
        && state::can_invoice(&order, &items)
    {
        order.status = Some(state::default_status("complete").to_owned());
    }
    let now = db::now_timestamp();
    let utc = OffsetDateTime::from_unix_timestamp(db::unix_now()).map_err(Error::internal)?;
    let local = store_time(utc, &store_timezone(conn, order.store_id).await?);
    // ReadyForPickupSender: the e-mail is enabled by default and goes out synchronously (an
    // order without an e-mail address sends nothing: notification_sent 0).
    let sent =
        crate::sales::email::send(conn, SalesEmail::OrderReadyForPickup, order_id, None).await?;
    let comment = format!("Order notified for pickup at: {}", long_medium(local));
    let notified = Some(i64::from(sent));
    db::comments::add_order_comment(
        conn,
        order_id,
        comment,
        order.status.clone(),
        notified,
        &now,
    )
    .await?;
    order.updated_at = now;
    db::update(conn, "sales_order", "entity_id", &order).await?;
    sqlx::query(
        "INSERT INTO inventory_order_notification (order_id, notification_sent, send_notification)
         VALUES (?, ?, 1)
         ON CONFLICT (order_id) DO UPDATE SET notification_sent = excluded.notification_sent,
             send_notification = 1",
    )
    .bind(order_id)
    .bind(i64::from(sent))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// `Order/IsFulfillable`: every line (children only, not their parents) has its quantity
/// ordered at the pickup source, in stock, on an enabled source.
async fn fulfillable(
    conn: &mut SqliteConnection,
    full: &db::model::FullOrder,
    code: &str,
) -> Result<bool> {
    let Some(source) = db::inventory_master::source(&mut *conn, code).await? else {
        return Ok(false);
    };
    for item in &full.items {
        let has_children = full
            .items
            .iter()
            .any(|c| c.parent_item_id == Some(item.item_id));
        if has_children {
            continue;
        }
        let Some(si) = db::inventory_master::source_item(&mut *conn, code, &item.sku).await? else {
            return Ok(false);
        };
        let ordered = item.qty_ordered;
        if si.quantity < ordered || si.status != 1 || source.enabled != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}

async fn store_timezone(conn: &mut SqliteConnection, store_id: i64) -> Result<String> {
    let tz: Option<String> =
        sqlx::query_scalar("SELECT timezone FROM store_config WHERE store_id IN (?, 1) ORDER BY store_id = ? DESC LIMIT 1")
            .bind(store_id)
            .bind(store_id)
            .fetch_optional(conn)
            .await?;
    Ok(tz.unwrap_or_else(|| "UTC".into()))
}

/// `utc` in the store's time zone. magemu knows the zone of its seeds, America/Los_Angeles
/// (Pacific time with the US daylight-saving rules of 2007 on: from the second Sunday of
/// March, 2:00 local, to the first Sunday of November, 2:00 local); any other zone is UTC.
fn store_time(utc: OffsetDateTime, timezone: &str) -> OffsetDateTime {
    if timezone != "America/Los_Angeles" {
        return utc;
    }
    let year = utc.year();
    let nth_sunday = |month: time::Month, n: u8| {
        let first = time::Date::from_calendar_date(year, month, 1).expect("a valid date");
        let offset = (7 + 7 - first.weekday().number_days_from_sunday()) % 7;
        first + Duration::days(i64::from(offset) + 7 * (i64::from(n) - 1))
    };
    // 2:00 PST = 10:00 UTC; 2:00 PDT = 9:00 UTC.
    let dst_start = nth_sunday(time::Month::March, 2).midnight().assume_utc() + Duration::hours(10);
    let dst_end = nth_sunday(time::Month::November, 1).midnight().assume_utc() + Duration::hours(9);
    let hours = if utc >= dst_start && utc < dst_end {
        -7
    } else {
        -8
    };
    utc + Duration::hours(hours)
}

/// ICU en_US `LONG` date, `MEDIUM` time: "December 1, 2026 at 12:30:15 PM".
fn long_medium(t: OffsetDateTime) -> String {
    let hour = match t.hour() % 12 {
        0 => 12,
        h => h,
    };
    let meridiem = if t.hour() < 12 { "AM" } else { "PM" };
    format!(
        "{} {}, {} at {}:{:02}:{:02}\u{202f}{}",
        t.month(),
        t.day(),
        t.year(),
        hour,
        t.minute(),
        t.second(),
        meridiem
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn pacific_time_follows_daylight_saving() {
        let winter = store_time(datetime!(2026-12-01 20:30:15 UTC), "America/Los_Angeles");
        assert_eq!(
            long_medium(winter),
            "December 1, 2026 at 12:30:15\u{202f}PM"
        );
        let summer = store_time(datetime!(2020-07-23 16:59:20 UTC), "America/Los_Angeles");
        assert_eq!(long_medium(summer), "July 23, 2020 at 9:59:20\u{202f}AM");
        // 2026: DST from March 8 (10:00 UTC) to November 1 (9:00 UTC).
        let before = store_time(datetime!(2026-03-08 09:59:59 UTC), "America/Los_Angeles");
        assert_eq!(before.hour(), 1);
        let after = store_time(datetime!(2026-03-08 10:00:00 UTC), "America/Los_Angeles");
        assert_eq!(after.hour(), 3);
        assert_eq!(
            long_medium(store_time(datetime!(2026-01-01 00:00:00 UTC), "UTC")),
            "January 1, 2026 at 12:00:00\u{202f}AM"
        );
    }
}
