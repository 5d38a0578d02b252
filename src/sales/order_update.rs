//! `POST /V1/orders` (and `PUT /V1/orders/create`) with `entity.entity_id`: Magento's
//! `OrderRepositoryInterface::save` of an order that exists, as connectors use it to move an
//! order's state and status (`{"entity": {"entity_id": 3, "state": "complete", "status":
//! "complete"}}`), set fields or touch items.
//!
//! What Magento 2.4 does (2.4.8 source; paths under vendor/magento/):
//! - **The object is not loaded.** `framework/Webapi/ServiceInputProcessor::_createFromArray`
//!   creates a new `Sales\Model\Order` and calls one setter per key of the body, in the body's
//!   order, null values included. So the order holds the posted fields only; `items`,
//!   `status_histories`, the addresses and the payment are loaded lazily from the database by
//!   their getters (`Order::getItems`, `getStatusHistories`, `getAddresses`, `getPayment`)
//!   when they were not posted, or when posted empty (`[] == null` in PHP).
//! - **`Sales/Model/OrderRepository::save`**: unless `is_virtual` was posted truthy, the first
//!   `extension_attributes.shipping_assignments[].shipping` gives `setShippingAddress(address)`,
//!   `setShippingMethod(method)` (null included) and, when the posted `customer_email` is
//!   empty, the posted shipping address's e-mail as `customer_email`. A first assignment
//!   without `shipping` is a PHP error (500). The repository returns the saved object itself:
//!   no reload (`$this->registry[$id] = $entity`).
//! - **`Order::setBillingAddress` / `setShippingAddress`**: the address takes the order's
//!   `customer_email` (null when not posted), its type, and the id of the order's stored
//!   address of that type; `addAddress` adds it to the order only when it then has no id. So
//!   a posted address is **dropped** when the order already has one of its type (or when the
//!   posted one names an `entity_id`): addresses are changed through
//!   `PUT /V1/orders/{id}` (`OrderAddressRepositoryInterface`), not here. An order without one
//!   gets the posted address as a new row (`Order/Address/Validator`: postcode, lastname,
//!   street, city, email, country_id, firstname, telephone must be posted, the e-mail valid,
//!   else 400 "We can't save the address:\n%1", `ResourceModel/Order/Address::_beforeSave`).
//!   The setter copies the order's `customer_email` as it stands then (null when posted after
//!   `billing_address`), and `Order\Address::beforeSave` fills a null one from the order at
//!   save time, so the order's e-mail counts wherever the body names it.
//! - **`ResourceModel/Order::save`** first runs `ResourceModel/Order/Handler/State::check` on
//!   that object (see `state::check_on_save`): with only the posted figures (totals null) and
//!   the posted or stored items. `{"state": "processing"}` on an order with nothing left to
//!   ship becomes complete/complete; `{"state": "complete"}` on one with nothing left to
//!   refund nor ship (e.g. fully refunded) becomes closed/closed.
//! - **`sales_order_save_before`**: `Payment/Observer/SalesOrderBeforeSaveObserver` refuses an
//!   order without a payment ("Please provide payment for the order.", 400) - the answer for
//!   an `entity_id` no order has, unless a payment is posted - and the payment's
//!   `getMethodInstance` refuses an empty method ("The payment method you requested is not
//!   available.").
//! - **`ResourceModel/Order::_beforeSave`** does nothing for an order with an id (`store_name`,
//!   `total_item_count`, `protect_code` are set for new orders only) and
//!   `ResourceModel/EntityAbstract::_beforeSave` assigns no `increment_id` (it needs a null id).
//! - **The UPDATE** (`ResourceModel/EntityAbstract::updateObject` → `_prepareDataForSave` →
//!   `framework/Model/ResourceModel/AbstractResource::_prepareDataForTable`): only the columns
//!   the object holds, `updated_at` removed, a null written as NULL where the column is
//!   nullable and left out where it is not (`total_item_count`); nothing at all when no column
//!   is held. No snapshot exists for a never-loaded object, so `VersionControl\Snapshot::
//!   isModified` says modified and the save always runs. An id no row has: the UPDATE matches
//!   nothing and the save goes on. `sales_order.updated_at` is `ON UPDATE CURRENT_TIMESTAMP`:
//!   it moves only when a written value differs. A taken (`increment_id`, `store_id`) is
//!   "Unique constraint violation found" (`framework/.../Db/AbstractDb::save`, 400).
//!   `EntityAbstract::_afterSave` then reads `created_at` and `updated_at` back into the object.
//! - **`ResourceModel/Order/Relation::processRelation`** saves what `getItems()`,
//!   `getPayment()` and `getStatusHistories()` hold, each with the order's id
//!   (`order_id` / `parent_id`): stored children are unchanged (their snapshot matches). A
//!   posted item with `item_id` is an UPDATE of the posted fields of that row - which moves a
//!   row of another order onto this one, and an unknown id updates nothing; a posted item
//!   without id is a new row of this order (the table's defaults for the rest; order totals
//!   are not recomputed). The same for a posted payment and posted status history entries
//!   (`entity_id`). `EntityAbstract::_afterSave` reads an item's `created_at`/`updated_at`
//!   back (payments and comments have no `updated_at`, so theirs are not read).
//! - **`ResourceModel/Order/Handler/Address::process`** saves the addresses and, when the
//!   order's `billing_address_id` (null unless posted) differs from its billing address's id,
//!   writes the right one (`ResourceModel/Attribute::saveAttribute`); the same for
//!   `shipping_address_id`. `Order/Invoice/Plugin/AddressUpdate` then gives the order's
//!   invoices that have none the order's address ids.
//! - **Plugins and observers on order save.** `GiftMessage\Model\Plugin\OrderSave` saves the
//!   order's posted message after this save (`sales::gift_message::save_posted`, called by the
//!   handler); `InventoryInStorePickupSales\...\SavePickupLocationForOrderPlugin` acts on an
//!   extension attribute magemu does not keep. `Sales\Observer\StoreStatusChangeObserver` logs
//!   status changes to `sales_order_status_change_history` (2.4.8, read by no REST call);
//!   `Downloadable\Observer\SetLinkStatusObserver` updates downloadable link rows magemu does
//!   not have. MSI has none: reservations are appended by `OrderManagement::place`,
//!   shipments, credit memos and `OrderManagement::cancel`, so moving an order to `canceled`
//!   here compensates nothing and no stock or salable quantity changes.
//! - **The reply** is that object through `ServiceOutputProcessor`: the posted scalars and
//!   what the save set (`state`/`status` from the check, `created_at`, `updated_at`,
//!   `billing_address_id`), `total_due`/`base_total_due` computed from the posted
//!   `grand_total`/`total_paid` (0 when not posted), the getters declared without `|null`
//!   (`base_grand_total`, `customer_email`, `grand_total`; not `state`/`status`, which are
//!   `string|null`) as null when not held; the posted items (only their posted fields with `item_id`, `order_id`, and the
//!   timestamps read back) or, when none were posted, the stored ones in full; the billing
//!   address, payment and comments likewise; `extension_attributes` only as posted (the
//!   repository's `get` fills `payment_additional_info`, `applied_taxes`... - `save` does not).
//!
//! magemu reads the body as if `entity_id` came first (as `OrderInterface` orders its getters
//! and clients send it): Magento's setters run in the body's order, so a `billing_address`
//! posted before the id finds no stored address and is added as a second one.
//!
//! magemu's departures, where its storage cannot hold what Magento would write: a posted null
//! for `increment_id`, `store_id` or a quantity/price column magemu keeps NOT NULL is not
//! written (Magento writes NULL); a new item needs a `sku`; a payment posted without its
//! `entity_id` for an order that has one (or one of another order moved onto it) is refused,
//! magemu keeping one payment per order (Magento adds a row that later reads never show);
//! posted extension attributes other than the shipping assignment, and the assignment's
//! `total`, are not echoed; payment `additional_information` the offline-payment observers
//! would add is not added.

use sqlx::SqliteConnection;

use crate::db::model::{Order, OrderAddress, OrderItem, OrderPayment, StatusHistory};
use crate::db::{self, Columns, Db, SqlValue};
use crate::error::{self as e, Error, Phrase, Result};
use crate::sales::state;

/// A data object as a save holds it: the values, and which fields it holds (set by the body
/// or by the save), with whether each was set to null. Fields it does not hold are absent
/// from its UPDATE and its reply.
#[derive(Debug, Clone, Default)]
pub struct Partial<T> {
    pub row: T,
    pub held: Vec<(&'static str, bool)>,
}

impl<T: Columns> Partial<T> {
    /// Whether the object holds `field` (null included).
    pub fn holds(&self, field: &str) -> bool {
        self.held.iter().any(|(f, _)| *f == field)
    }

    /// Whether the object holds `field` with a value.
    pub fn holds_value(&self, field: &str) -> bool {
        self.held
            .iter()
            .rev()
            .find(|(f, _)| *f == field)
            .is_some_and(|(_, null)| !null)
    }

    /// Marks `field` as held (with its value in `row`, null when `null`).
    pub fn set(&mut self, field: &'static str, null: bool) {
        self.held.retain(|(f, _)| *f != field);
        self.held.push((field, null));
    }

    /// The columns an UPDATE or INSERT writes: the held ones but `key` and `updated_at`
    /// (`EntityAbstract::_prepareDataForSave`), a held null only for a nullable column
    /// (magemu's nullable ones, less `not_null`, the ones Magento keeps NOT NULL).
    pub fn written(&self, key: &str, not_null: &[&str]) -> Vec<(&'static str, SqlValue)> {
        self.row
            .columns()
            .into_iter()
            .filter(|(column, value)| {
                if *column == key || *column == "updated_at" {
                    return false;
                }
                match self.held.iter().rev().find(|(f, _)| f == column) {
                    None => false,
                    Some((_, false)) => true,
                    Some((_, true)) => is_null(value) && !not_null.contains(column),
                }
            })
            .collect()
    }
}

fn is_null(value: &SqlValue) -> bool {
    matches!(
        value,
        SqlValue::Int(None) | SqlValue::Text(None) | SqlValue::Amount(None)
    )
}

/// PHP's truthiness of a string (null, "" and "0" are false).
fn truthy(s: Option<&str>) -> bool {
    s.is_some_and(|s| !s.is_empty() && s != "0")
}

/// `OrderRepository::save`: an order whose e-mail is PHP-empty takes its first shipping
/// assignment's address's, when that has one; `None` when the order keeps its own.
pub(crate) fn email_from_shipping(
    order_email: Option<&str>,
    shipping_email: Option<&str>,
) -> Option<String> {
    (!truthy(order_email) && truthy(shipping_email))
        .then(|| shipping_email.map(str::to_owned))
        .flatten()
}

/// `ShippingInterface` as posted in a shipping assignment.
#[derive(Debug, Clone, Default)]
pub struct Shipping {
    pub address: Option<Partial<OrderAddress>>,
    pub method: Option<String>,
    pub method_held: bool,
}

/// `ShippingAssignmentInterface` as posted.
#[derive(Debug, Clone, Default)]
pub struct Assignment {
    pub shipping: Option<Shipping>,
    pub items: Option<Vec<Partial<OrderItem>>>,
    pub stock_id: Option<i64>,
}

/// The body of a save with an id, parsed (`wire::order_import`).
#[derive(Debug, Clone, Default)]
pub struct OrderUpdate {
    pub order: Partial<Order>,
    /// Posted items; `None` when absent, null or empty (the stored ones are used).
    pub items: Option<Vec<Partial<OrderItem>>>,
    pub billing_address: Option<Partial<OrderAddress>>,
    pub shipping_assignments: Vec<Assignment>,
    pub payment: Option<Partial<OrderPayment>>,
    /// Posted status history; `None` when absent, null or empty.
    pub status_histories: Option<Vec<Partial<StatusHistory>>>,
}

/// A child as the saved order holds it: loaded from the database, or posted.
#[derive(Debug, Clone)]
pub enum Held<T> {
    Stored(T),
    Posted(Partial<T>),
}

/// The saved order object, what the reply renders.
#[derive(Debug, Clone)]
pub struct SavedOrder {
    pub order: Partial<Order>,
    pub items: Vec<Held<OrderItem>>,
    /// `Order::getAddresses` after the save: the stored addresses, then any added.
    pub addresses: Vec<OrderAddress>,
    pub payment: Option<Held<OrderPayment>>,
    pub status_histories: Vec<Held<StatusHistory>>,
    /// The posted shipping assignments (the first one's address as the save changed it).
    pub shipping_assignments: Vec<Assignment>,
}

/// `sales_order` columns Magento keeps NOT NULL that magemu stores nullable.
const ORDER_NOT_NULL: &[&str] = &["total_item_count"];
/// `sales_order_item` columns Magento keeps NOT NULL that magemu stores nullable.
const ITEM_NOT_NULL: &[&str] = &["no_discount"];

/// Saves an order that has an id, in one transaction; returns the saved object.
pub async fn update_order(
    db: &Db,
    update: OrderUpdate,
    taxes: crate::sales::order_tax::PostedTaxes,
) -> Result<SavedOrder> {
    db.writer
        .write(move |conn| Box::pin(save_existing(conn, update, taxes)))
        .await
}

/// `Order::setBillingAddress` / `setShippingAddress` and `addAddress`: the address takes the
/// order's e-mail, the type, the order's id and the id of the stored address of its type.
/// Returns whether the order adds it (it has no id then).
fn attach(
    address: &mut Partial<OrderAddress>,
    address_type: &str,
    stored: &[OrderAddress],
    email: Option<String>,
    order_id: i64,
) -> bool {
    if let Some(old) = stored.iter().find(|a| a.address_type == address_type) {
        address.row.entity_id = old.entity_id;
        address.set("entity_id", false);
    }
    address.row.email = email;
    address.set("email", address.row.email.is_none());
    address.row.address_type = address_type.to_owned();
    address.set("address_type", false);
    address.row.parent_id = order_id;
    address.set("parent_id", false);
    address.row.entity_id == 0
}

/// `Handler\Address::process` of a new order (`POST /V1/orders` without an id), before anything
/// is written: each posted address as the order's setters leave it ([`attach`]: the order's
/// e-mail, its type, the order's id), billing first as `addAddress` lists them, then the first
/// shipping assignment's (unless the order is virtual), checked as its save checks it
/// ([`check_address`]). So an import without a `customer_email`, or with one that is not an
/// address, is refused there ("Email has a wrong format"), as is an address without a
/// required field.
pub fn check_new_addresses(posted: &OrderUpdate) -> Result<()> {
    let email = &posted.order.row.customer_email;
    let shipping = (posted.order.row.is_virtual.unwrap_or(0) == 0)
        .then(|| posted.shipping_assignments.first())
        .flatten()
        .and_then(|a| a.shipping.as_ref())
        .and_then(|s| s.address.as_ref());
    let order_email = email_from_shipping(
        email.as_deref(),
        shipping.and_then(|a| a.row.email.as_deref()),
    )
    .or_else(|| email.clone());
    let billing = posted.billing_address.as_ref();
    for (address, address_type) in [(billing, "billing"), (shipping, "shipping")] {
        if let Some(address) = address {
            let mut address = address.clone();
            // Any id: the order's, which the save has by then.
            attach(&mut address, address_type, &[], email.clone(), 1);
            fill_email(&mut address, &order_email);
            check_address(&address)?;
        }
    }
    Ok(())
}

/// `Order\Address::beforeSave`: an address whose e-mail is null takes its order's.
fn fill_email(address: &mut Partial<OrderAddress>, order_email: &Option<String>) {
    if address.row.email.is_none() {
        address.row.email = order_email.clone();
        address.set("email", address.row.email.is_none());
    }
}

/// `ResourceModel/Order/Address::_beforeSave`: 400 "We can't save the address:\n%1" with the
/// validator's warnings.
fn check_address(address: &Partial<OrderAddress>) -> Result<()> {
    let warnings = address_warnings(address);
    if warnings.is_empty() {
        return Ok(());
    }
    Err(Error::Input(Phrase::positional(
        e::CANNOT_SAVE_ADDRESS,
        vec![warnings.join("\n")],
    )))
}

/// `Order\Address\Validator::validate` (a stock 2.4: telephone required, company and fax not).
fn address_warnings(address: &Partial<OrderAddress>) -> Vec<String> {
    let required = [
        ("parent_id", "Parent Order Id"),
        ("postcode", "Zip code"),
        ("lastname", "Last name"),
        ("street", "Street"),
        ("city", "City"),
        ("email", "Email"),
        ("country_id", "Country"),
        ("firstname", "First Name"),
        ("address_type", "Address Type"),
        ("telephone", "Phone Number"),
    ];
    let mut warnings: Vec<String> = required
        .iter()
        .filter(|(field, _)| !address.holds(field))
        .map(|(_, label)| format!("\"{label}\" is required. Enter and try again."))
        .collect();
    if !address
        .row
        .email
        .as_deref()
        .is_some_and(crate::email_address::is_valid)
    {
        warnings.push("Email has a wrong format".into());
    }
    if !matches!(address.row.address_type.as_str(), "billing" | "shipping") {
        warnings.push("Address type doesn't match required options".into());
    }
    warnings
}

/// A new item row: what the object holds, the table's defaults for the rest (Magento's
/// `sales_order_item` defaults 0 for these nullable columns).
fn new_item_row(item: &Partial<OrderItem>, now: &str) -> OrderItem {
    let mut row = item.row.clone();
    let zero = Some(crate::amount::Amount::ZERO);
    for (field, slot) in [
        ("weight", &mut row.weight),
        ("row_weight", &mut row.row_weight),
        ("qty_backordered", &mut row.qty_backordered),
        ("base_cost", &mut row.base_cost),
        ("tax_percent", &mut row.tax_percent),
        ("tax_amount", &mut row.tax_amount),
        ("base_tax_amount", &mut row.base_tax_amount),
        ("discount_percent", &mut row.discount_percent),
        ("discount_amount", &mut row.discount_amount),
        ("base_discount_amount", &mut row.base_discount_amount),
    ] {
        if !item.holds(field) {
            *slot = zero;
        }
    }
    if !item.holds("no_discount") {
        row.no_discount = Some(0);
    }
    if !item.holds_value("created_at") {
        row.created_at = now.to_owned();
    }
    row.updated_at = now.to_owned();
    row
}

/// The UNIQUE refusal of a resource save, as `AbstractDb::save` turns a duplicate key into
/// `AlreadyExistsException`.
fn unique_as(err: sqlx::Error, refusal: &str) -> Error {
    match &err {
        sqlx::Error::Database(d) if d.is_unique_violation() => Error::input(refusal),
        _ => Error::from(err),
    }
}

/// The body of [`update_order`], on the caller's transaction.
pub async fn save_existing(
    tx: &mut SqliteConnection,
    update: OrderUpdate,
    taxes: crate::sales::order_tax::PostedTaxes,
) -> Result<SavedOrder> {
    let OrderUpdate {
        mut order,
        items,
        billing_address,
        mut shipping_assignments,
        payment,
        status_histories,
    } = update;
    let id = order.row.entity_id;
    let now = db::now_timestamp();
    let stored = db::sales::load_full_order(&mut *tx, id).await?;
    let (stored_items, stored_addresses, stored_payment, stored_histories) = match stored {
        Some(full) => (
            full.items,
            full.addresses,
            full.payment,
            full.status_histories,
        ),
        None => Default::default(),
    };

    // Deserialization: setBillingAddress.
    let mut added: Vec<Partial<OrderAddress>> = Vec::new();
    if let Some(mut billing) = billing_address {
        let email = order.row.customer_email.clone();
        if attach(&mut billing, "billing", &stored_addresses, email, id) {
            added.push(billing);
        }
    }
    // OrderRepository::save: the first shipping assignment.
    if order.row.is_virtual.unwrap_or(0) == 0 {
        if let Some(first) = shipping_assignments.first_mut() {
            let Some(shipping) = first.shipping.as_mut() else {
                return Err(Error::internal(
                    "Call to a member function getAddress() on null (OrderRepository::save)",
                ));
            };
            let shipping_email = shipping.address.as_ref().and_then(|a| a.row.email.clone());
            if let Some(address) = shipping.address.as_mut() {
                let email = order.row.customer_email.clone();
                if attach(address, "shipping", &stored_addresses, email, id) {
                    added.push(address.clone());
                }
            }
            order.row.shipping_method = shipping.method.clone();
            order.set("shipping_method", shipping.method.is_none());
            if let Some(email) = email_from_shipping(
                order.row.customer_email.as_deref(),
                shipping_email.as_deref(),
            ) {
                order.row.customer_email = Some(email);
                order.set("customer_email", false);
            }
        }
    }

    // ResourceModel\Order::save → Handler\State::check, on the object as it is.
    let items_view: Vec<OrderItem> = match &items {
        Some(posted) => posted.iter().map(|p| p.row.clone()).collect(),
        None => stored_items.clone(),
    };
    let (has_open_invoice, creditmemo_count) = db::order_update::save_context(&mut *tx, id).await?;
    let context = state::SaveContext {
        has_open_invoice,
        creditmemo_count,
    };
    if let Some((new_state, new_status)) = state::check_on_save(&order.row, &items_view, context) {
        order.row.state = Some(new_state);
        order.set("state", false);
        order.row.status = Some(new_status);
        order.set("status", false);
    }

    // sales_order_save_before: the payment, posted or stored, and its method.
    let method = match (&payment, &stored_payment) {
        (Some(posted), _) => posted.row.method.clone(),
        (None, Some(stored)) => stored.method.clone(),
        (None, None) => return Err(Error::input(e::PROVIDE_PAYMENT)),
    };
    if !truthy(Some(&method)) {
        return Err(Error::input(e::PAYMENT_METHOD_NOT_AVAILABLE));
    }

    // The order's UPDATE. A store the row would point at must exist (the foreign key).
    if order.holds_value("store_id")
        && db::store::store_name(&mut *tx, order.row.store_id)
            .await?
            .is_none()
    {
        return Err(Error::internal(
            "SQLSTATE[23000]: Integrity constraint violation: sales_order.store_id",
        ));
    }
    let columns = order.written("entity_id", ORDER_NOT_NULL);
    let touch = Some(("updated_at", now.as_str()));
    db::order_update::update_columns(&mut *tx, "sales_order", "entity_id", id, &columns, touch)
        .await
        .map_err(Error::from_save)?;
    if let Some((created_at, updated_at)) =
        db::order_update::timestamps(&mut *tx, "sales_order", "entity_id", id).await?
    {
        order.row.created_at = created_at;
        order.set("created_at", false);
        order.row.updated_at = updated_at;
        order.set("updated_at", false);
    }

    // Relation::processRelation: items, payment, status history.
    let saved_items = match items {
        None => stored_items.into_iter().map(Held::Stored).collect(),
        Some(posted) => {
            let mut saved = Vec::with_capacity(posted.len());
            for mut item in posted {
                item.row.order_id = id;
                item.set("order_id", false);
                if item.row.item_id != 0 {
                    let columns = item.written("item_id", ITEM_NOT_NULL);
                    db::order_update::update_columns(
                        &mut *tx,
                        "sales_order_item",
                        "item_id",
                        item.row.item_id,
                        &columns,
                        touch,
                    )
                    .await?;
                } else {
                    if !item.holds_value("sku") {
                        return Err(Error::required("sku"));
                    }
                    let row = new_item_row(&item, &now);
                    item.row.item_id =
                        db::insert(&mut *tx, "sales_order_item", "item_id", &row).await?;
                    item.set("item_id", false);
                }
                if let Some((created_at, updated_at)) = db::order_update::timestamps(
                    &mut *tx,
                    "sales_order_item",
                    "item_id",
                    item.row.item_id,
                )
                .await?
                {
                    item.row.created_at = created_at;
                    item.set("created_at", false);
                    item.row.updated_at = updated_at;
                    item.set("updated_at", false);
                }
                saved.push(Held::Posted(item));
            }
            saved
        }
    };
    // Magento_Tax's relation (`sales::order_tax`): the posted items' ids, in the body's order.
    let posted_item_ids: Vec<i64> = saved_items
        .iter()
        .filter_map(|h| match h {
            Held::Posted(p) => Some(p.row.item_id),
            Held::Stored(_) => None,
        })
        .collect();
    crate::sales::order_tax::save_relation(&mut *tx, id, &posted_item_ids, &taxes).await?;
    let saved_payment = match payment {
        None => stored_payment.map(Held::Stored),
        Some(mut posted) => {
            posted.row.parent_id = id;
            posted.set("parent_id", false);
            if posted.row.entity_id != 0 {
                let columns = posted.written("entity_id", &[]);
                db::order_update::update_columns(
                    &mut *tx,
                    "sales_order_payment",
                    "entity_id",
                    posted.row.entity_id,
                    &columns,
                    None,
                )
                .await
                .map_err(|err| unique_as(err, e::ONE_PAYMENT_PER_ORDER))?;
            } else {
                posted.row.entity_id =
                    db::insert(&mut *tx, "sales_order_payment", "entity_id", &posted.row)
                        .await
                        .map_err(|err| unique_as(err, e::ONE_PAYMENT_PER_ORDER))?;
                posted.set("entity_id", false);
            }
            Some(Held::Posted(posted))
        }
    };
    let saved_histories = match status_histories {
        None => stored_histories.into_iter().map(Held::Stored).collect(),
        Some(posted) => {
            let mut saved = Vec::with_capacity(posted.len());
            for mut history in posted {
                history.row.parent_id = id;
                history.set("parent_id", false);
                if history.row.entity_id != 0 {
                    let columns = history.written("entity_id", &[]);
                    db::order_update::update_columns(
                        &mut *tx,
                        "sales_order_status_history",
                        "entity_id",
                        history.row.entity_id,
                        &columns,
                        None,
                    )
                    .await?;
                } else {
                    let mut row = history.row.clone();
                    if !history.holds_value("created_at") {
                        row.created_at = now.clone();
                    }
                    history.row.entity_id =
                        db::insert(&mut *tx, "sales_order_status_history", "entity_id", &row)
                            .await?;
                    history.set("entity_id", false);
                }
                saved.push(Held::Posted(history));
            }
            saved
        }
    };

    // Handler\Address::process: new addresses, then the order's address ids.
    let mut addresses = stored_addresses;
    for mut address in added {
        fill_email(&mut address, &order.row.customer_email);
        check_address(&address)?;
        crate::sales::order::region_code(&mut *tx, &mut address.row).await?;
        address.row.entity_id =
            db::insert(&mut *tx, "sales_order_address", "entity_id", &address.row).await?;
        address.set("entity_id", false);
        // The shipping assignment shows the address as saved.
        if address.row.address_type == "shipping" {
            if let Some(shipping) = shipping_assignments
                .first_mut()
                .and_then(|a| a.shipping.as_mut())
            {
                shipping.address = Some(address.clone());
            }
        }
        addresses.push(address.row);
    }
    let billing = addresses
        .iter()
        .find(|a| a.address_type == "billing")
        .map(|a| a.entity_id);
    let shipping = addresses
        .iter()
        .find(|a| a.address_type == "shipping")
        .map(|a| a.entity_id);
    let mut address_ids: Vec<(&'static str, SqlValue)> = Vec::new();
    if let Some(billing_id) = billing {
        if order.row.billing_address_id != Some(billing_id) {
            order.row.billing_address_id = Some(billing_id);
            order.set("billing_address_id", false);
            address_ids.push(("billing_address_id", billing_id.into()));
        }
    }
    if let Some(shipping_id) = shipping {
        // The object never holds shipping_address_id from a body (no OrderInterface setter).
        order.row.shipping_address_id = Some(shipping_id);
        address_ids.push(("shipping_address_id", shipping_id.into()));
    }
    db::order_update::update_columns(
        &mut *tx,
        "sales_order",
        "entity_id",
        id,
        &address_ids,
        touch,
    )
    .await?;
    db::order_update::invoices_take_addresses(&mut *tx, id, billing, shipping, &now).await?;

    Ok(SavedOrder {
        order,
        items: saved_items,
        addresses,
        payment: saved_payment,
        status_histories: saved_histories,
        shipping_assignments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_held_columns_are_written() {
        let mut p = Partial {
            row: Order {
                entity_id: 3,
                state: Some("complete".into()),
                ..Default::default()
            },
            held: vec![
                ("entity_id", false),
                ("state", false),
                ("customer_firstname", true),
                ("total_item_count", true),
                ("increment_id", true),
                ("updated_at", false),
            ],
        };
        let names: Vec<&str> = p
            .written("entity_id", ORDER_NOT_NULL)
            .iter()
            .map(|(n, _)| *n)
            .collect();
        assert_eq!(names, ["state", "customer_firstname"]);
        p.set("customer_firstname", false);
        assert!(p.holds_value("customer_firstname"));
    }
}
