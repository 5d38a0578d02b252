//! Orders: `POST /V1/orders` (OrderRepository::save of a new order, as integrations import them)
//! and `GET /V1/orders/{id}` (OrderRepository::get).
//!
//! Importing an order places no inventory reservation: Magento appends reservations in
//! `OrderManagementInterface::place` (checkout), which the repository save does not go through
//! (magento/inventory `InventorySales/Plugin/Sales/OrderManagement/AppendReservationsAfterOrderPlacementPlugin.php`).

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::model::{FullOrder, OrderAddress, OrderItem};
use crate::db::{self, Db};
use crate::error::{self as e, Error, Result};
use crate::sales::order_tax::PostedTaxes;
use crate::sales::state;
use crate::search::SearchCriteria;

fn sum<'a>(
    items: impl Iterator<Item = &'a OrderItem>,
    f: impl Fn(&OrderItem) -> Option<Amount>,
) -> Amount {
    items.map(|i| f(i).unwrap_or_default()).sum()
}

/// An amount and its base amount when not given: the amount 0, the base amount the amount.
fn zero_or_given(amount: &mut Option<Amount>, base: &mut Option<Amount>) {
    let value = *amount.get_or_insert(Amount::ZERO);
    base.get_or_insert(value);
}

/// Fills what an imported order leaves out: item rows from price × qty, order totals from the
/// items, state/status, currency, flags. Given values are kept as they are.
pub fn complete(full: &mut FullOrder, now: &str) {
    let rate_one = Some(Amount::from_int(1));
    if full.order.created_at.is_empty() {
        full.order.created_at = now.to_owned();
    }
    if full.order.updated_at.is_empty() {
        full.order.updated_at = full.order.created_at.clone();
    }
    let created_at = full.order.created_at.clone();
    for item in &mut full.items {
        let qty = item.qty_ordered.decimal();
        item.product_type.get_or_insert_with(|| "simple".into());
        let virtual_type = matches!(
            item.product_type.as_deref(),
            Some("virtual" | "downloadable")
        );
        item.is_virtual.get_or_insert(virtual_type as i64);
        item.original_price.get_or_insert(item.price);
        item.base_original_price.get_or_insert(item.base_price);
        zero_or_given(&mut item.discount_amount, &mut item.base_discount_amount);
        zero_or_given(&mut item.tax_amount, &mut item.base_tax_amount);
        zero_or_given(
            &mut item.discount_tax_compensation_amount,
            &mut item.base_discount_tax_compensation_amount,
        );
        let tax = item.tax_amount.unwrap_or_default()
            + item.discount_tax_compensation_amount.unwrap_or_default();
        let base_tax = item.base_tax_amount.unwrap_or_default()
            + item
                .base_discount_tax_compensation_amount
                .unwrap_or_default();
        item.row_total_incl_tax.get_or_insert(item.row_total + tax);
        item.base_row_total_incl_tax
            .get_or_insert(item.base_row_total + base_tax);
        if !qty.is_zero() {
            let incl = item.row_total_incl_tax.unwrap_or_default().decimal() / qty;
            let base_incl = item.base_row_total_incl_tax.unwrap_or_default().decimal() / qty;
            item.price_incl_tax
                .get_or_insert(Amount::new(Amount::round_price(incl)));
            item.base_price_incl_tax
                .get_or_insert(Amount::new(Amount::round_price(base_incl)));
        }
        item.store_id.get_or_insert(full.order.store_id);
        item.created_at = created_at.clone();
        item.updated_at = created_at.clone();
    }
    let items = &full.items;
    let o = &mut full.order;
    o.state.get_or_insert_with(|| state::NEW.into());
    let default_status = state::default_status(o.state.as_deref().unwrap_or(state::NEW)).to_owned();
    o.status.get_or_insert(default_status);
    for code in [
        &mut o.base_currency_code,
        &mut o.global_currency_code,
        &mut o.order_currency_code,
        &mut o.store_currency_code,
    ] {
        code.get_or_insert_with(|| "USD".into());
    }
    o.base_to_global_rate = o.base_to_global_rate.or(rate_one);
    o.base_to_order_rate = o.base_to_order_rate.or(rate_one);
    o.customer_is_guest
        .get_or_insert(o.customer_id.is_none() as i64);
    o.is_virtual
        .get_or_insert(items.iter().all(OrderItem::is_virtual) as i64);
    o.total_item_count
        .get_or_insert(items.iter().filter(|i| i.parent().is_none()).count() as i64);
    o.total_qty_ordered
        .get_or_insert(items.iter().map(|i| i.qty_ordered).sum());

    o.subtotal
        .get_or_insert(items.iter().map(|i| i.row_total).sum());
    o.base_subtotal
        .get_or_insert(items.iter().map(|i| i.base_row_total).sum());
    o.subtotal_incl_tax
        .get_or_insert(sum(items.iter(), |i| i.row_total_incl_tax));
    o.base_subtotal_incl_tax
        .get_or_insert(sum(items.iter(), |i| i.base_row_total_incl_tax));
    o.discount_amount
        .get_or_insert(-sum(items.iter(), |i| i.discount_amount));
    o.base_discount_amount
        .get_or_insert(-sum(items.iter(), |i| i.base_discount_amount));
    zero_or_given(&mut o.shipping_amount, &mut o.base_shipping_amount);
    zero_or_given(&mut o.shipping_tax_amount, &mut o.base_shipping_tax_amount);
    zero_or_given(
        &mut o.shipping_discount_amount,
        &mut o.base_shipping_discount_amount,
    );
    zero_or_given(
        &mut o.shipping_discount_tax_compensation_amount,
        &mut o.base_shipping_discount_tax_compensation_amnt,
    );
    let shipping_incl =
        o.shipping_amount.unwrap_or_default() + o.shipping_tax_amount.unwrap_or_default();
    o.shipping_incl_tax.get_or_insert(shipping_incl);
    let base_shipping_incl =
        o.base_shipping_amount.unwrap_or_default() + o.base_shipping_tax_amount.unwrap_or_default();
    o.base_shipping_incl_tax.get_or_insert(base_shipping_incl);
    o.discount_tax_compensation_amount
        .get_or_insert(sum(items.iter(), |i| i.discount_tax_compensation_amount));
    o.base_discount_tax_compensation_amount
        .get_or_insert(sum(items.iter(), |i| {
            i.base_discount_tax_compensation_amount
        }));
    let item_tax = sum(items.iter(), |i| i.tax_amount);
    let base_item_tax = sum(items.iter(), |i| i.base_tax_amount);
    o.tax_amount
        .get_or_insert(item_tax + o.shipping_tax_amount.unwrap_or_default());
    o.base_tax_amount
        .get_or_insert(base_item_tax + o.base_shipping_tax_amount.unwrap_or_default());
    let v = |a: Option<Amount>| a.unwrap_or_default();
    let grand = v(o.subtotal)
        + v(o.discount_amount)
        + v(o.shipping_amount)
        + v(o.tax_amount)
        + v(o.discount_tax_compensation_amount)
        + v(o.shipping_discount_tax_compensation_amount)
        - v(o.shipping_discount_amount);
    let base_grand = v(o.base_subtotal)
        + v(o.base_discount_amount)
        + v(o.base_shipping_amount)
        + v(o.base_tax_amount)
        + v(o.base_discount_tax_compensation_amount)
        + v(o.base_shipping_discount_tax_compensation_amnt)
        - v(o.base_shipping_discount_amount);
    o.grand_total.get_or_insert(grand);
    o.base_grand_total.get_or_insert(base_grand);
    let (grand_total, base_grand_total) = (o.grand_total, o.base_grand_total);
    let (shipping, base_shipping) = (o.shipping_amount, o.base_shipping_amount);
    if let Some(p) = full.payment.as_mut() {
        p.amount_ordered = p.amount_ordered.or(grand_total);
        p.base_amount_ordered = p.base_amount_ordered.or(base_grand_total);
        p.shipping_amount = p.shipping_amount.or(shipping);
        p.base_shipping_amount = p.base_shipping_amount.or(base_shipping);
    }
    // OrderRepository::save, for an order that is not virtual.
    if full.order.is_virtual.unwrap_or(0) == 0 {
        let shipping = full.addresses.iter().find(|a| a.address_type == "shipping");
        if let Some(email) = crate::sales::order_update::email_from_shipping(
            full.order.customer_email.as_deref(),
            shipping.and_then(|a| a.email.as_deref()),
        ) {
            full.order.customer_email = Some(email);
        }
    }
    let email = full.order.customer_email.clone();
    for a in &mut full.addresses {
        // Order::setBillingAddress / setShippingAddress, then Order\Address::beforeSave (a null
        // e-mail takes the order's): the address has the order's e-mail.
        a.email = email.clone();
    }
}

/// Row total for a line that gives price and qty but no row total; `None` when too large.
pub fn row_total(price: Amount, qty: Amount) -> Option<Amount> {
    price.checked_mul(qty)
}

/// The order's and its items' quantities as Magento's `DECIMAL(12,4)` columns store them
/// (`Amount::clip_qty`): an absurd `qty_ordered` is saved as 99,999,999.9999, never as a figure
/// whose reservations could overflow a sum.
fn clip_quantities(full: &mut FullOrder) {
    let o = &mut full.order;
    o.total_qty_ordered = o.total_qty_ordered.map(Amount::clip_qty);
    for item in &mut full.items {
        for qty in [
            &mut item.qty_ordered,
            &mut item.qty_invoiced,
            &mut item.qty_shipped,
            &mut item.qty_refunded,
            &mut item.qty_canceled,
        ] {
            *qty = qty.clip_qty();
        }
        item.qty_backordered = item.qty_backordered.map(Amount::clip_qty);
    }
}

/// Refuses an order with a figure too large for magemu's storage (an i64 of ten-thousandths;
/// Magento's DECIMAL(20,4) holds up to 1e16 and, out of strict mode, clips beyond it). Checked
/// after totals are derived, before anything is written.
pub fn check_storable(full: &FullOrder) -> Result<()> {
    use crate::db::{Columns, SqlValue};
    let rows: Vec<Vec<(&'static str, SqlValue)>> = std::iter::once(full.order.columns())
        .chain(full.items.iter().map(Columns::columns))
        .chain(full.payment.iter().map(Columns::columns))
        .collect();
    for (column, value) in rows.into_iter().flatten() {
        if let SqlValue::Amount(Some(a)) = value {
            if !a.is_storable() {
                let shown = a.to_string();
                return Err(Error::invalid_type(Some(column), &shown, "float"));
            }
        }
    }
    Ok(())
}

/// Saves a new order with its items, addresses (shipping first, then billing, as Magento
/// saves them), payment and status history, in one transaction. Returns the order id.
pub async fn create_order(db: &Db, full: FullOrder, taxes: PostedTaxes) -> Result<i64> {
    db.writer
        .write(move |conn| Box::pin(save_new_order(conn, full, taxes)))
        .await
}

/// The body of [`create_order`], on a connection the caller's transaction holds.
pub async fn save_new_order(
    tx: &mut SqliteConnection,
    mut full: FullOrder,
    taxes: PostedTaxes,
) -> Result<i64> {
    let now = db::now_timestamp();
    clip_quantities(&mut full);
    complete(&mut full, &now);
    check_storable(&full)?;
    // ResourceModel/Order::_beforeSave of a new order: `$object->getStore()` names the store
    // (an unknown non-zero id is StoreRepository's 404 before anything is written), and the
    // order's store_name becomes "website\ngroup\nstore" whatever was posted.
    let Some(store_name) = db::store::store_name(&mut *tx, full.order.store_id).await? else {
        return Err(Error::NotFound(e::Phrase::plain(e::STORE_NOT_FOUND)));
    };
    full.order.store_name = Some(store_name);
    if full.order.increment_id.is_empty() {
        full.order.increment_id =
            db::sales::next_increment_id(&mut *tx, "order", full.order.store_id).await?;
    }
    // AbstractDb::save turns the UNIQUE (increment_id, store_id) refusal into
    // AlreadyExistsException; OrderRepository::save passes it on: 400, nothing saved.
    let order_id = db::insert(&mut *tx, "sales_order", "entity_id", &full.order)
        .await
        .map_err(Error::from_save)?;
    full.order.entity_id = order_id;
    // Items keep their posted order and their `parent_item_id` as posted: an item id, as
    // `ItemRepository::save` stores it (a client names ids it expects the new lines to get,
    // or links them by a save by id afterwards).
    let mut ids: Vec<i64> = Vec::with_capacity(full.items.len());
    for item in &mut full.items {
        item.order_id = order_id;
        let id = db::insert(&mut *tx, "sales_order_item", "item_id", item).await?;
        item.item_id = id;
        ids.push(id);
    }
    // Magento_Tax's relation: the posted tax extension attributes (`sales::order_tax`).
    crate::sales::order_tax::save_relation(&mut *tx, order_id, &ids, &taxes).await?;
    full.addresses
        .sort_by_key(|a| if a.address_type == "shipping" { 0 } else { 1 });
    for address in &mut full.addresses {
        address.parent_id = order_id;
        region_code(&mut *tx, address).await?;
        address.entity_id =
            db::insert(&mut *tx, "sales_order_address", "entity_id", address).await?;
        match address.address_type.as_str() {
            "shipping" => full.order.shipping_address_id = Some(address.entity_id),
            _ => full.order.billing_address_id = Some(address.entity_id),
        }
    }
    if let Some(payment) = full.payment.as_mut() {
        payment.parent_id = order_id;
        payment.entity_id =
            db::insert(&mut *tx, "sales_order_payment", "entity_id", payment).await?;
    }
    for h in &mut full.status_histories {
        h.parent_id = order_id;
        if h.created_at.is_empty() {
            h.created_at = now.clone();
        }
        h.entity_id = db::insert(&mut *tx, "sales_order_status_history", "entity_id", h).await?;
    }
    db::update(&mut *tx, "sales_order", "entity_id", &full.order).await?;
    Ok(order_id)
}

/// The optional fields of an order address an update keeps from the stored row unless the body
/// names them: `_prepareDataForTable` writes the columns the posted model holds, a posted null
/// too (which clears a nullable column).
pub const ADDRESS_KEPT_UNLESS_POSTED: [&str; 11] = [
    "customer_address_id",
    "customer_id",
    "region_id",
    "region",
    "region_code",
    "middlename",
    "prefix",
    "suffix",
    "company",
    "fax",
    "vat_id",
];

/// The fields `Order\Address\Validator::validate` requires (2.4.8, with the store's customer
/// address `telephone` attribute required, as by default): each must be in what is posted
/// (`hasData`: a posted null or "" counts), whatever its value.
pub const ADDRESS_REQUIRED: [&str; 7] = [
    "postcode",
    "lastname",
    "street",
    "city",
    "country_id",
    "firstname",
    "telephone",
];

/// The address as its save stores it: a posted "" in a text column is NULL
/// ([`db::column_value`]; every column of `sales_order_address` but its type may be null).
fn as_stored(mut address: OrderAddress) -> OrderAddress {
    use crate::db::Columns;
    for (name, value) in address.columns() {
        if name != "address_type" {
            address.set_column(name, db::column_value(&value));
        }
    }
    address
}

/// The posted value when the body named the field (null included), else the stored one.
fn posted_or_kept<T>(posted: bool, new: Option<T>, old: Option<T>) -> Option<T> {
    if posted {
        new
    } else {
        old
    }
}

/// `OrderAddressRepositoryInterface::save`: the address as posted. `Order\Address\Validator`
/// wants every required field ([`ADDRESS_REQUIRED`]) in what is posted, blank or not (a partial
/// address fails), a billing or shipping `address_type`, and a well-formed
/// e-mail (the order's when none is posted, `Order\Address::beforeSave`), and any failure is
/// "The order address couldn't be saved." With an `entity_id` the row is updated with what was
/// posted (an id that names no address updates nothing, as Magento's UPDATE does), the fields
/// of [`ADDRESS_KEPT_UNLESS_POSTED`] the body does not name (`posted`) kept as stored; without
/// one the address is added to its order.
pub async fn save_address(
    db: &Db,
    address: OrderAddress,
    posted: Vec<&'static str>,
) -> Result<OrderAddress> {
    let refuse = || Error::input(e::COULD_NOT_SAVE_ADDRESS);
    if address.parent_id == 0
        || !ADDRESS_REQUIRED.iter().all(|field| posted.contains(field))
        || !matches!(address.address_type.as_str(), "billing" | "shipping")
    {
        return Err(refuse());
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let mut address = address;
                let Some(order_email) = db::sales::customer_email(conn, address.parent_id).await?
                else {
                    return Err(refuse());
                };
                // Order\Address::beforeSave: an address without an e-mail takes its order's,
                // then the validator wants a well-formed one.
                if address.email.is_none() {
                    address.email = order_email;
                }
                if !address
                    .email
                    .as_deref()
                    .is_some_and(crate::email_address::is_valid)
                {
                    return Err(refuse());
                }
                if address.entity_id == 0 {
                    region_code(&mut *conn, &mut address).await?;
                    address.entity_id = db::insert(
                        conn,
                        "sales_order_address",
                        "entity_id",
                        &as_stored(address.clone()),
                    )
                    .await?;
                    return Ok(address);
                }
                if let Some(stored) = db::sales::load_address(conn, address.entity_id).await? {
                    let p = |field: &str| posted.contains(&field);
                    let a = address.clone();
                    let mut merged = OrderAddress {
                        customer_address_id: posted_or_kept(
                            p("customer_address_id"),
                            a.customer_address_id,
                            stored.customer_address_id,
                        ),
                        customer_id: posted_or_kept(
                            p("customer_id"),
                            a.customer_id,
                            stored.customer_id,
                        ),
                        quote_address_id: stored.quote_address_id,
                        region_id: posted_or_kept(p("region_id"), a.region_id, stored.region_id),
                        region: posted_or_kept(p("region"), a.region, stored.region),
                        region_code: posted_or_kept(
                            p("region_code"),
                            a.region_code,
                            stored.region_code,
                        ),
                        middlename: posted_or_kept(
                            p("middlename"),
                            a.middlename,
                            stored.middlename,
                        ),
                        prefix: posted_or_kept(p("prefix"), a.prefix, stored.prefix),
                        suffix: posted_or_kept(p("suffix"), a.suffix, stored.suffix),
                        company: posted_or_kept(p("company"), a.company, stored.company),
                        fax: posted_or_kept(p("fax"), a.fax, stored.fax),
                        vat_id: posted_or_kept(p("vat_id"), a.vat_id, stored.vat_id),
                        ..a
                    };
                    region_code(&mut *conn, &mut merged).await?;
                    db::update(conn, "sales_order_address", "entity_id", &as_stored(merged))
                        .await?;
                }
                // The reply is the posted object, whose `getRegionCode` computes the code
                // from its own region id, region and country, whatever was posted.
                region_code(&mut *conn, &mut address).await?;
                Ok(address)
            })
        })
        .await
}

/// `OrderItemRepositoryInterface::getList`: one page of order items (every `sales_order_item`
/// column searchable) and the count of all matches.
pub async fn list_order_items(
    db: &Db,
    criteria: &SearchCriteria,
) -> Result<(Vec<crate::db::model::OrderItem>, i64)> {
    let mut conn = db.read.acquire().await?;
    db::search::rows(&mut conn, "sales_order_item", "item_id", criteria).await
}

/// `OrderItemRepository::get`: id 0 is "An ID is needed", an unknown id the 404.
pub async fn get_order_item(db: &Db, item_id: i64) -> Result<crate::db::model::OrderItem> {
    crate::sales::get_document(db, item_id, db::sales::load_order_item).await
}

/// `OrderRepositoryInterface::getList`: one page of orders and the count of all matches.
/// Every `sales_order` column can be filtered and sorted on.
pub async fn list_orders(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<FullOrder>, i64)> {
    db::search::read_documents::<crate::db::model::Order, _>(
        &db.readers,
        "sales_order",
        "entity_id",
        criteria,
        db::sales::read_full_order,
    )
    .await
}

/// `OrderItemRepository::get` with Magento_GiftMessage's `Plugin\OrderItemGet::afterGet`: the
/// line, and its message while messages are allowed for it (pinned by the api-functional
/// `OrderItemGetRepositoryTest`; the item list has no such plugin).
pub async fn get_order_item_with_message(
    db: &Db,
    item_id: i64,
) -> Result<(
    crate::db::model::OrderItem,
    Option<crate::db::gift_messages::GiftMessageRow>,
)> {
    let item = get_order_item(db, item_id).await?;
    let Some(id) = item.gift_message_id.filter(|id| *id != 0) else {
        return Ok((item, None));
    };
    let mut tx = db.read.begin().await?;
    let config = crate::db::model::GiftConfig {
        allow_order: None,
        allow_items: db::store::default_config(&mut tx, db::store::GIFT_ALLOW_ITEMS).await?,
    };
    let messages: Vec<_> = db::gift_messages::get(&mut tx, id)
        .await?
        .into_iter()
        .collect();
    tx.commit().await?;
    let shown = crate::sales::gift_message::item_message_in(&config, &messages, &item).cloned();
    Ok((item, shown))
}

/// `OrderItemRepository::get` with `addParentItem`: the item and its gift message, then its
/// parent's, and so on up (`if ($parentId = getParentItemId())`: 0 is none). A parent that does
/// not exist is `get`'s 404, as the recursive `get` throws it. A chain that comes back to an
/// item already on it stops there (Magento recurses until PHP gives up).
pub async fn get_order_item_chain(
    db: &Db,
    item_id: i64,
) -> Result<
    Vec<(
        crate::db::model::OrderItem,
        Option<crate::db::gift_messages::GiftMessageRow>,
    )>,
> {
    let mut chain = vec![get_order_item_with_message(db, item_id).await?];
    let mut seen = std::collections::HashSet::from([item_id]);
    while let Some(parent) = chain
        .last()
        .and_then(|(item, _)| item.parent_item_id)
        .filter(|id| *id != 0 && seen.insert(*id))
    {
        chain.push(get_order_item_with_message(db, parent).await?);
    }
    Ok(chain)
}

/// `OrderRepository::get`.
pub async fn get_order(db: &Db, order_id: i64) -> Result<FullOrder> {
    crate::sales::read_document(db, order_id, db::sales::read_full_order).await
}

/// An address of the given type with the posted street lines joined as Magento stores them.
pub fn street_lines(lines: &[String]) -> Option<String> {
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The `region_code` an order address shows: `Order\Address::getRegionCode` computes it from the
/// region id and country whatever was posted ([`db::directory::order_region_code`]).
pub(crate) async fn region_code(
    conn: &mut sqlx::SqliteConnection,
    address: &mut OrderAddress,
) -> Result<()> {
    address.region_code = db::directory::order_region_code(
        conn,
        address.country_id.as_deref(),
        address.region_id,
        address.region.as_deref(),
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_totals_from_items() {
        let a = |s: &str| Amount::parse(s).unwrap();
        let item = |sku: &str, qty: &str, price: &str, disc: &str, ty: &str| OrderItem {
            sku: sku.into(),
            qty_ordered: a(qty),
            price: a(price),
            base_price: a(price),
            row_total: row_total(a(price), a(qty)).unwrap(),
            base_row_total: row_total(a(price), a(qty)).unwrap(),
            discount_amount: Some(a(disc)),
            product_type: Some(ty.into()),
            ..Default::default()
        };
        let mut full = FullOrder {
            items: vec![
                item("24-WB03", "20", "36", "144", "simple"),
                item("24-WB01", "40", "32", "256", "simple"),
                item("240-LV06", "1", "22", "4.4", "downloadable"),
            ],
            ..Default::default()
        };
        full.order.shipping_amount = Some(a("300"));
        full.order.store_id = 1;
        complete(&mut full, "2020-07-23 16:00:00");
        let o = &full.order;
        assert_eq!(o.subtotal, Some(a("2022")));
        assert_eq!(o.discount_amount, Some(a("-404.4")));
        assert_eq!(o.grand_total, Some(a("1917.6")));
        assert_eq!(o.total_qty_ordered, Some(a("61")));
        assert_eq!(o.is_virtual, Some(0));
        assert_eq!(o.state.as_deref(), Some("new"));
        assert_eq!(o.status.as_deref(), Some("pending"));
        assert_eq!(full.items[2].is_virtual, Some(1));
        assert_eq!(full.items[0].price_incl_tax, Some(a("36")));
        assert_eq!(full.items[0].row_total_incl_tax, Some(a("720")));
    }
}
