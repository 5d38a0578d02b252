//! The body of `POST /V1/orders` (`OrderRepositoryInterface::save`): `OrderInterface` and its
//! children as `ServiceInputProcessor` reads them (every key a getter of the interface, else
//! "not supported"), turned into rows. The seed loads its orders through the same parser.

use serde_json::{Map, Value};

use crate::amount::Amount;
use crate::db::model::{FullOrder, Order, OrderAddress, OrderItem, OrderPayment, StatusHistory};
use crate::error::{self as e, Error, Result};
use crate::sales::order_update::{Assignment, OrderUpdate, Partial, Shipping};
use crate::sales::{order, payment_info};
use crate::wire::input::{self, Obj};
use crate::wire::order_keys::{
    ADDRESS_KEYS, HISTORY_KEYS, ITEM_KEYS, ORDER_EXTENSION_KEYS, ORDER_KEYS, PAYMENT_KEYS,
};

/// What a `POST /V1/orders` body asks for: its `entity` converted whole first ([`Posted`]),
/// then, for a new order (`AbstractModel::isObjectNew` is `!getId()`: no `entity_id`, or 0),
/// the order read as one, with what its save checks beyond the input conversion (a billing
/// address, items, a payment; an item's SKU; a row total that fits); else the save of the
/// order its `entity_id` names.
pub struct OrderRequest {
    pub posted: Posted,
    /// `None`: an update of the order `posted.update` names.
    pub new_order: Option<Box<FullOrder>>,
}

/// `OrderRepositoryInterface::save`'s input conversion (`ServiceInputProcessor` on `entity`:
/// every field typed, unknown ones refused, every shipping assignment and address id, the
/// order's taxes and gift messages): the fields the object holds, and its extension
/// attributes.
pub struct Posted {
    pub update: OrderUpdate,
    pub taxes: crate::sales::order_tax::PostedTaxes,
    pub gifts: crate::sales::gift_message::PostedOrderMessages,
}

/// [`Posted`] of the request body's `entity`.
pub fn convert(body: &Map<String, Value>) -> Result<Posted> {
    let entity = input::param(body, "entity").ok_or_else(|| Error::required("entity"))?;
    Ok(Posted {
        update: parse_update(entity)?,
        taxes: crate::wire::order_tax::parse_posted(entity)?,
        gifts: crate::wire::gift_message::parse_posted_order(entity)?,
    })
}

/// The request body parsed: the input conversion of the whole entity comes first, as
/// `ServiceInputProcessor` runs before the service, so its refusals come before any of the
/// save's.
pub fn parse_request(body: &Map<String, Value>) -> Result<OrderRequest> {
    let posted = convert(body)?;
    let entity = input::param(body, "entity").ok_or_else(|| Error::required("entity"))?;
    let new_order = match Obj::new(entity, ORDER_KEYS)?.int("entity_id")? {
        Some(id) if id != 0 => None,
        _ => Some(Box::new(parse_order(entity)?)),
    };
    Ok(OrderRequest { posted, new_order })
}

/// [`convert`] alone: what the asynchronous entry runs before it schedules an import.
pub fn check_input(body: &Map<String, Value>) -> Result<()> {
    convert(body).map(drop)
}

/// The fields a body names among `allowed` (its keys in snake_case or camelCase), each with
/// whether it was null: what `ServiceInputProcessor` sets on the data object.
fn held(v: &Value, allowed: &'static [&'static str]) -> Vec<(&'static str, bool)> {
    let Some(map) = v.as_object() else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(key, value)| {
            allowed
                .iter()
                .find(|a| input::same_key(a, key))
                .map(|a| (*a, value.is_null()))
        })
        .collect()
}

/// A list the order's getter reloads when it is empty (`getData(...) == null` holds for `[]`).
fn posted_list<T>(
    o: &Obj<'_>,
    name: &str,
    parse: impl Fn(&Value) -> Result<T>,
) -> Result<Option<Vec<T>>> {
    let Some((_, v)) = o.get(name) else {
        return Ok(None);
    };
    let list = input::list(v)?
        .into_iter()
        .map(parse)
        .collect::<Result<Vec<T>>>()?;
    Ok((!list.is_empty()).then_some(list))
}

fn posted_item(v: &Value) -> Result<Partial<OrderItem>> {
    let o = Obj::new(v, ITEM_KEYS)?;
    Ok(Partial {
        row: item_scalars(&o)?,
        held: held(v, ITEM_KEYS),
    })
}

fn posted_address(v: &Value, address_type: &str) -> Result<Partial<OrderAddress>> {
    let o = Obj::new(v, ADDRESS_KEYS)?;
    let mut row = parse_address(v, address_type)?;
    row.entity_id = o.int("entity_id")?.unwrap_or(0);
    row.parent_id = o.int("parent_id")?.unwrap_or(0);
    Ok(Partial {
        row,
        held: held(v, ADDRESS_KEYS),
    })
}

fn posted_history(v: &Value) -> Result<Partial<StatusHistory>> {
    let o = Obj::new(v, HISTORY_KEYS)?;
    Ok(Partial {
        row: history_scalars(&o)?,
        held: held(v, HISTORY_KEYS),
    })
}

const ASSIGNMENT_KEYS: &[&str] = &["shipping", "items", "stock_id", "extension_attributes"];
const SHIPPING_KEYS: &[&str] = &["address", "method", "total", "extension_attributes"];

/// `extension_attributes.shipping_assignments`, every assignment as posted.
fn posted_assignments(ext: &Value) -> Result<Vec<Assignment>> {
    let o = Obj::new(ext, ORDER_EXTENSION_KEYS)?;
    let Some((_, list)) = o.get("shipping_assignments") else {
        return Ok(Vec::new());
    };
    let mut assignments = Vec::new();
    for a in input::list(list)? {
        let ao = Obj::new(a, ASSIGNMENT_KEYS)?;
        let shipping = match ao.get("shipping") {
            None => None,
            Some((_, s)) => {
                let so = Obj::new(s, SHIPPING_KEYS)?;
                Some(Shipping {
                    address: so
                        .get("address")
                        .map(|(_, v)| posted_address(v, "shipping"))
                        .transpose()?,
                    method: so.string("method")?,
                    method_held: held(s, SHIPPING_KEYS).iter().any(|(k, _)| *k == "method"),
                })
            }
        };
        let items = match ao.get("items") {
            None => None,
            Some((_, v)) => Some(
                input::list(v)?
                    .into_iter()
                    .map(posted_item)
                    .collect::<Result<Vec<_>>>()?,
            ),
        };
        assignments.push(Assignment {
            shipping,
            items,
            stock_id: ao.int("stock_id")?,
        });
    }
    Ok(assignments)
}

/// An `OrderInterface` entity that names an existing order's id: the fields as posted, for
/// `sales::order_update` (nothing derived, nothing defaulted that the body does not hold).
pub fn parse_update(entity: &Value) -> Result<OrderUpdate> {
    let o = Obj::new(entity, ORDER_KEYS)?;
    let order = Partial {
        row: order_scalars(&o)?,
        held: held(entity, ORDER_KEYS),
    };
    let items = posted_list(&o, "items", posted_item)?;
    let shipping_assignments = match o.get("extension_attributes") {
        Some((_, ext)) => posted_assignments(ext)?,
        None => Vec::new(),
    };
    let billing_address = o
        .get("billing_address")
        .map(|(_, v)| posted_address(v, "billing"))
        .transpose()?;
    let payment = o
        .get("payment")
        .map(|(_, v)| -> Result<Partial<OrderPayment>> {
            let p = Obj::new(v, PAYMENT_KEYS)?;
            Ok(Partial {
                row: payment_scalars(&p)?,
                held: held(v, PAYMENT_KEYS),
            })
        })
        .transpose()?;
    let status_histories = posted_list(&o, "status_histories", posted_history)?;
    Ok(OrderUpdate {
        order,
        items,
        billing_address,
        shipping_assignments,
        payment,
        status_histories,
    })
}

fn amount(o: &Obj<'_>, name: &str) -> Result<Amount> {
    Ok(o.amount(name)?.unwrap_or_default())
}

fn parse_address(v: &Value, address_type: &str) -> Result<OrderAddress> {
    let o = Obj::new(v, ADDRESS_KEYS)?;
    let street = match o.get("street") {
        None => None,
        Some((key, Value::Array(lines))) => {
            let lines: Vec<String> = lines
                .iter()
                .map(|l| input::to_string(l, input::At::Field(key)))
                .collect::<Result<_>>()?;
            order::street_lines(&lines)
        }
        Some((key, other)) => Some(input::to_string(other, input::At::Field(key))?),
    };
    Ok(OrderAddress {
        address_type: address_type.to_owned(),
        customer_address_id: o.int("customer_address_id")?,
        customer_id: o.int("customer_id")?,
        region_id: o.int("region_id")?,
        region: o.string("region")?,
        region_code: o.string("region_code")?,
        firstname: o.string("firstname")?,
        middlename: o.string("middlename")?,
        lastname: o.string("lastname")?,
        prefix: o.string("prefix")?,
        suffix: o.string("suffix")?,
        company: o.string("company")?,
        street,
        city: o.string("city")?,
        postcode: o.string("postcode")?,
        country_id: o.string("country_id")?,
        telephone: o.string("telephone")?,
        fax: o.string("fax")?,
        email: o.string("email")?,
        vat_id: o.string("vat_id")?,
        ..Default::default()
    })
}

/// The `entity` of `PUT /V1/orders/{parent_id}` (`OrderAddressRepositoryInterface::save`): the
/// address as posted (the URL's id is not a parameter of the service), and which of the fields
/// an update otherwise keeps the body names (a null included).
pub fn parse_address_request(
    body: &Map<String, Value>,
) -> Result<(OrderAddress, Vec<&'static str>)> {
    let entity = input::param(body, "entity").ok_or_else(|| Error::required("entity"))?;
    let o = Obj::new(entity, ADDRESS_KEYS)?;
    let address_type = o.string("address_type")?.unwrap_or_default();
    let mut address = parse_address(entity, &address_type)?;
    address.entity_id = o.int("entity_id")?.unwrap_or(0);
    address.parent_id = o.int("parent_id")?.unwrap_or(0);
    let posted = order::ADDRESS_KEPT_UNLESS_POSTED
        .into_iter()
        .chain(order::ADDRESS_REQUIRED)
        .filter(|field| o.has(field))
        .collect();
    Ok((address, posted))
}

fn parse_item(v: &Value) -> Result<OrderItem> {
    let o = Obj::new(v, ITEM_KEYS)?;
    let sku = o.string("sku")?.ok_or_else(|| Error::required("sku"))?;
    let qty = o
        .amount("qty_ordered")?
        // Magento's item save takes a line without qty_ordered (a NULL column); it counts as 0.
        .unwrap_or(Amount::ZERO);
    let price = amount(&o, "price")?;
    let base_price = o.amount("base_price")?.unwrap_or(price);
    // price × qty when no row total is given; a product too large to store is refused.
    let derived = |field: &str, price: Amount| {
        order::row_total(price, qty).ok_or_else(|| {
            let shown = format!("{price}*{qty}");
            Error::invalid_type(Some(field), &shown, "float")
        })
    };
    let posted_row_total = o.amount("row_total")?;
    let row_total = match posted_row_total {
        Some(v) => v,
        None => derived("row_total", price)?,
    };
    // A base amount not given is its amount (as every other base figure of the import), so a
    // posted row total is not contradicted by a base one derived from the price.
    let base_row_total = match (o.amount("base_row_total")?, posted_row_total) {
        (Some(v), _) => v,
        (None, Some(posted)) => posted,
        (None, None) => derived("base_row_total", base_price)?,
    };
    // A new order's items are new rows: ids and timestamps are the save's own.
    Ok(OrderItem {
        sku,
        base_price,
        row_total,
        base_row_total,
        item_id: 0,
        order_id: 0,
        created_at: String::new(),
        updated_at: String::new(),
        ..item_scalars(&o)?
    })
}

/// The `OrderItemInterface` fields a body gives, as they are: absent ones null (0 for the
/// columns magemu keeps NOT NULL), nothing derived.
fn item_scalars(o: &Obj<'_>) -> Result<OrderItem> {
    let product_option = match o.get("product_option") {
        Some((_, v)) if v.is_object() => Some(v.to_string()),
        _ => None,
    };
    Ok(OrderItem {
        item_id: o.int("item_id")?.unwrap_or(0),
        qty_ordered: amount(o, "qty_ordered")?,
        price: amount(o, "price")?,
        base_price: amount(o, "base_price")?,
        row_total: amount(o, "row_total")?,
        base_row_total: amount(o, "base_row_total")?,
        parent_item_id: o.int("parent_item_id")?,
        quote_item_id: o.int("quote_item_id")?,
        store_id: o.int("store_id")?,
        product_id: o.int("product_id")?,
        product_type: o.string("product_type")?,
        sku: o.string("sku")?.unwrap_or_default(),
        name: o.string("name")?,
        description: o.string("description")?,
        applied_rule_ids: o.string("applied_rule_ids")?,
        is_virtual: o.int("is_virtual")?,
        is_qty_decimal: o.int("is_qty_decimal")?,
        no_discount: o.int("no_discount")?,
        locked_do_invoice: o.int("locked_do_invoice")?,
        locked_do_ship: o.int("locked_do_ship")?,
        weight: o.amount("weight")?,
        row_weight: o.amount("row_weight")?,
        qty_invoiced: amount(o, "qty_invoiced")?,
        qty_shipped: amount(o, "qty_shipped")?,
        qty_refunded: amount(o, "qty_refunded")?,
        qty_canceled: amount(o, "qty_canceled")?,
        qty_backordered: o.amount("qty_backordered")?,
        base_cost: o.amount("base_cost")?,
        original_price: o.amount("original_price")?,
        base_original_price: o.amount("base_original_price")?,
        price_incl_tax: o.amount("price_incl_tax")?,
        base_price_incl_tax: o.amount("base_price_incl_tax")?,
        row_total_incl_tax: o.amount("row_total_incl_tax")?,
        base_row_total_incl_tax: o.amount("base_row_total_incl_tax")?,
        row_invoiced: amount(o, "row_invoiced")?,
        base_row_invoiced: amount(o, "base_row_invoiced")?,
        discount_percent: o.amount("discount_percent")?,
        discount_amount: o.amount("discount_amount")?,
        base_discount_amount: o.amount("base_discount_amount")?,
        discount_invoiced: amount(o, "discount_invoiced")?,
        base_discount_invoiced: amount(o, "base_discount_invoiced")?,
        tax_percent: o.amount("tax_percent")?,
        tax_amount: o.amount("tax_amount")?,
        base_tax_amount: o.amount("base_tax_amount")?,
        tax_invoiced: amount(o, "tax_invoiced")?,
        base_tax_invoiced: amount(o, "base_tax_invoiced")?,
        discount_tax_compensation_amount: o.amount("discount_tax_compensation_amount")?,
        base_discount_tax_compensation_amount: o.amount("base_discount_tax_compensation_amount")?,
        discount_tax_compensation_invoiced: o.amount("discount_tax_compensation_invoiced")?,
        base_discount_tax_compensation_invoiced: o
            .amount("base_discount_tax_compensation_invoiced")?,
        amount_refunded: amount(o, "amount_refunded")?,
        base_amount_refunded: amount(o, "base_amount_refunded")?,
        weee_tax_applied: o.string("weee_tax_applied")?,
        tax_refunded: o.amount("tax_refunded")?,
        base_tax_refunded: o.amount("base_tax_refunded")?,
        discount_refunded: o.amount("discount_refunded")?,
        base_discount_refunded: o.amount("base_discount_refunded")?,
        discount_tax_compensation_refunded: o.amount("discount_tax_compensation_refunded")?,
        base_discount_tax_compensation_refunded: o
            .amount("base_discount_tax_compensation_refunded")?,
        tax_canceled: o.amount("tax_canceled")?,
        discount_tax_compensation_canceled: o.amount("discount_tax_compensation_canceled")?,
        free_shipping: o.int("free_shipping")?,
        product_options: product_option,
        order_id: o.int("order_id")?.unwrap_or(0),
        created_at: o.string("created_at")?.unwrap_or_default(),
        updated_at: o.string("updated_at")?.unwrap_or_default(),
        // Not OrderItemInterface fields: a message comes through extension attributes.
        gift_message_id: None,
        gift_message_available: None,
    })
}

fn parse_payment(v: &Value) -> Result<OrderPayment> {
    let o = Obj::new(v, PAYMENT_KEYS)?;
    let mut payment = payment_scalars(&o)?;
    // Saving the payment runs the offline methods' observer (`sales::payment_info`).
    let mut entries = payment_info::read(payment.additional_information.as_deref());
    payment_info::on_save(&payment.method, &mut entries);
    payment.additional_information = payment_info::write(&entries);
    // A new order's payment is a new row whatever id the body names.
    Ok(OrderPayment {
        entity_id: 0,
        parent_id: 0,
        ..payment
    })
}

/// The `OrderPaymentInterface` fields a body gives. `method_required`: the import's own
/// `"method" is required`; an update leaves the method to the save's payment check.
fn payment_scalars(o: &Obj<'_>) -> Result<OrderPayment> {
    // A posted list is a PHP list (keys 0, 1, ...); an object keeps its keys.
    let additional_information = match o.get("additional_information") {
        None => None,
        Some((key, v)) => {
            // A scalar is the list's refusal; the keys are the (SOAP-unwrapped) array's own.
            input::list(v)?;
            let entries: payment_info::Entries = input::array_entries(v)
                .unwrap_or_default()
                .into_iter()
                .map(|(k, l)| Ok((k, input::to_string(l, input::At::Field(key))?)))
                .collect::<Result<_>>()?;
            payment_info::write(&entries)
        }
    };
    // Checked where the payment is saved: `check_new_order`, `order_update`.
    let method = o.string("method")?.unwrap_or_default();
    Ok(OrderPayment {
        method,
        account_status: o.string("account_status")?,
        additional_information,
        amount_authorized: o.amount("amount_authorized")?,
        base_amount_authorized: o.amount("base_amount_authorized")?,
        amount_ordered: o.amount("amount_ordered")?,
        base_amount_ordered: o.amount("base_amount_ordered")?,
        shipping_amount: o.amount("shipping_amount")?,
        base_shipping_amount: o.amount("base_shipping_amount")?,
        amount_paid: o.amount("amount_paid")?,
        base_amount_paid: o.amount("base_amount_paid")?,
        shipping_captured: o.amount("shipping_captured")?,
        base_shipping_captured: o.amount("base_shipping_captured")?,
        cc_last4: o.string("cc_last4")?,
        po_number: o.string("po_number")?,
        last_trans_id: o.string("last_trans_id")?,
        cc_type: o.string("cc_type")?,
        cc_owner: o.string("cc_owner")?,
        cc_exp_month: o.string("cc_exp_month")?,
        cc_exp_year: o.string("cc_exp_year")?,
        cc_trans_id: o.string("cc_trans_id")?,
        cc_approval: o.string("cc_approval")?,
        cc_avs_status: o.string("cc_avs_status")?,
        cc_cid_status: o.string("cc_cid_status")?,
        cc_status: o.string("cc_status")?,
        cc_status_description: o.string("cc_status_description")?,
        base_amount_paid_online: o.amount("base_amount_paid_online")?,
        amount_refunded: o.amount("amount_refunded")?,
        base_amount_refunded: o.amount("base_amount_refunded")?,
        base_amount_refunded_online: o.amount("base_amount_refunded_online")?,
        shipping_refunded: o.amount("shipping_refunded")?,
        base_shipping_refunded: o.amount("base_shipping_refunded")?,
        entity_id: o.int("entity_id")?.unwrap_or(0),
        parent_id: o.int("parent_id")?.unwrap_or(0),
    })
}

fn parse_history(v: &Value) -> Result<StatusHistory> {
    let o = Obj::new(v, HISTORY_KEYS)?;
    Ok(StatusHistory {
        entity_id: 0,
        parent_id: 0,
        ..history_scalars(&o)?
    })
}

/// The `OrderStatusHistoryInterface` fields a body gives (`is_visible_on_front` 0 when absent,
/// the column's default).
fn history_scalars(o: &Obj<'_>) -> Result<StatusHistory> {
    Ok(StatusHistory {
        entity_id: o.int("entity_id")?.unwrap_or(0),
        parent_id: o.int("parent_id")?.unwrap_or(0),
        comment: o.string("comment")?,
        status: o.string("status")?,
        entity_name: o.string("entity_name")?,
        is_customer_notified: o.int("is_customer_notified")?,
        is_visible_on_front: o.int("is_visible_on_front")?.unwrap_or(0),
        created_at: o.string("created_at")?.unwrap_or_default(),
    })
}

/// The shipping address and method from `extension_attributes.shipping_assignments[0].shipping`.
fn parse_shipping(ext: &Value) -> Result<(Option<OrderAddress>, Option<String>)> {
    let o = Obj::new(ext, ORDER_EXTENSION_KEYS)?;
    let Some((_, assignments)) = o.get("shipping_assignments") else {
        return Ok((None, None));
    };
    let Some(first) = input::list(assignments)?.into_iter().next() else {
        return Ok((None, None));
    };
    let a = Obj::new(
        first,
        &["shipping", "items", "stock_id", "extension_attributes"],
    )?;
    let Some((_, shipping)) = a.get("shipping") else {
        return Ok((None, None));
    };
    let s = Obj::new(
        shipping,
        &["address", "method", "total", "extension_attributes"],
    )?;
    let address = s
        .get("address")
        .map(|(_, v)| parse_address(v, "shipping"))
        .transpose()?;
    Ok((address, s.string("method")?))
}

/// An `OrderInterface` entity as `POST /V1/orders` receives it, converted with Magento's input
/// rules. Totals that are not given are derived later (`sales::order::complete`).
/// The scalar `OrderInterface` fields a body gives (`store_id` 1 when absent).
fn order_scalars(o: &Obj<'_>) -> Result<Order> {
    let mut order = Order {
        entity_id: o.int("entity_id")?.unwrap_or(0),
        billing_address_id: o.int("billing_address_id")?,
        increment_id: o.string("increment_id")?.unwrap_or_default(),
        store_id: o.int("store_id")?.unwrap_or(1),
        state: o.string("state")?,
        status: o.string("status")?,
        customer_id: o.int("customer_id")?,
        customer_email: o.string("customer_email")?,
        customer_firstname: o.string("customer_firstname")?,
        customer_lastname: o.string("customer_lastname")?,
        customer_middlename: o.string("customer_middlename")?,
        customer_group_id: o.int("customer_group_id")?,
        customer_is_guest: o.int("customer_is_guest")?,
        customer_note_notify: o.int("customer_note_notify")?,
        quote_id: o.int("quote_id")?,
        email_sent: o.int("email_sent")?,
        is_virtual: o.int("is_virtual")?,
        base_currency_code: o.string("base_currency_code")?,
        global_currency_code: o.string("global_currency_code")?,
        order_currency_code: o.string("order_currency_code")?,
        store_currency_code: o.string("store_currency_code")?,
        store_name: o.string("store_name")?,
        base_to_global_rate: o.amount("base_to_global_rate")?,
        base_to_order_rate: o.amount("base_to_order_rate")?,
        store_to_base_rate: o.amount("store_to_base_rate")?,
        store_to_order_rate: o.amount("store_to_order_rate")?,
        shipping_description: o.string("shipping_description")?,
        discount_description: o.string("discount_description")?,
        applied_rule_ids: o.string("applied_rule_ids")?,
        protect_code: o.string("protect_code")?,
        remote_ip: o.string("remote_ip")?,
        hold_before_state: o.string("hold_before_state")?,
        hold_before_status: o.string("hold_before_status")?,
        ext_order_id: o.string("ext_order_id")?,
        coupon_code: o.string("coupon_code")?,
        base_total_qty_ordered: o.amount("base_total_qty_ordered")?,
        can_ship_partially: o.int("can_ship_partially")?,
        can_ship_partially_item: o.int("can_ship_partially_item")?,
        customer_note: o.string("customer_note")?,
        ext_customer_id: o.string("ext_customer_id")?,
        forced_shipment_with_invoice: o.int("forced_shipment_with_invoice")?,
        payment_authorization_amount: o.amount("payment_authorization_amount")?,
        payment_auth_expiration: o.int("payment_auth_expiration")?,
        quote_address_id: o.int("quote_address_id")?,
        x_forwarded_for: o.string("x_forwarded_for")?,
        customer_dob: o.string("customer_dob")?,
        customer_prefix: o.string("customer_prefix")?,
        customer_suffix: o.string("customer_suffix")?,
        customer_taxvat: o.string("customer_taxvat")?,
        original_increment_id: o.string("original_increment_id")?,
        relation_child_id: o.string("relation_child_id")?,
        relation_child_real_id: o.string("relation_child_real_id")?,
        relation_parent_id: o.string("relation_parent_id")?,
        relation_parent_real_id: o.string("relation_parent_real_id")?,
        customer_gender: o.int("customer_gender")?,
        edit_increment: o.int("edit_increment")?,

        total_item_count: o.int("total_item_count")?,
        total_qty_ordered: o.amount("total_qty_ordered")?,
        weight: o.amount("weight")?,
        created_at: o.string("created_at")?.unwrap_or_default(),
        updated_at: o.string("updated_at")?.unwrap_or_default(),
        ..Default::default()
    };
    macro_rules! amounts {
        ($($field:ident),*) => { $(order.$field = o.amount(stringify!($field))?;)* };
    }
    amounts!(
        subtotal,
        base_subtotal,
        subtotal_incl_tax,
        base_subtotal_incl_tax,
        discount_amount,
        base_discount_amount,
        shipping_amount,
        base_shipping_amount,
        shipping_incl_tax,
        base_shipping_incl_tax,
        shipping_tax_amount,
        base_shipping_tax_amount,
        shipping_discount_amount,
        base_shipping_discount_amount,
        tax_amount,
        base_tax_amount,
        discount_tax_compensation_amount,
        base_discount_tax_compensation_amount,
        shipping_discount_tax_compensation_amount,
        base_shipping_discount_tax_compensation_amnt,
        grand_total,
        base_grand_total,
        total_invoiced,
        base_total_invoiced,
        subtotal_invoiced,
        base_subtotal_invoiced,
        tax_invoiced,
        base_tax_invoiced,
        discount_invoiced,
        base_discount_invoiced,
        shipping_invoiced,
        base_shipping_invoiced,
        total_paid,
        base_total_paid,
        total_refunded,
        base_total_refunded,
        total_canceled,
        base_total_canceled,
        subtotal_canceled,
        base_subtotal_canceled,
        tax_canceled,
        base_tax_canceled,
        shipping_canceled,
        base_shipping_canceled,
        discount_canceled,
        base_discount_canceled,
        base_total_invoiced_cost,
        adjustment_negative,
        adjustment_positive,
        base_adjustment_negative,
        base_adjustment_positive,
        base_discount_refunded,
        base_discount_tax_compensation_refunded,
        base_shipping_refunded,
        base_shipping_tax_refunded,
        base_subtotal_refunded,
        base_tax_refunded,
        base_total_offline_refunded,
        base_total_online_refunded,
        discount_refunded,
        discount_tax_compensation_refunded,
        shipping_refunded,
        shipping_tax_refunded,
        subtotal_refunded,
        tax_refunded,
        total_offline_refunded,
        total_online_refunded
    );
    Ok(order)
}

/// What Magento checks of a new order once its input is read, in its order: 2.4.9's
/// `Sales\Plugin\Model\OrderRepositoryPlugin::beforeSave` (a billing address with a first
/// and a last name, then at least one visible item: one without a parent), then, as the order
/// is saved, its payment and the payment's method (`sales_order_save_before`; the texts
/// `sales::order_update` answers for a save by id).
fn check_new_order(
    billing: Option<&OrderAddress>,
    items: &[OrderItem],
    payment: Option<&OrderPayment>,
) -> Result<()> {
    let named = |name: &Option<String>| name.as_deref().is_some_and(input::php_truthy);
    if !billing.is_some_and(|b| named(&b.firstname) && named(&b.lastname)) {
        return Err(Error::input(e::PROVIDE_BILLING_ADDRESS));
    }
    if !items.iter().any(|i| i.parent().is_none()) {
        return Err(Error::input(e::SPECIFY_ORDER_ITEMS));
    }
    match payment {
        None => Err(Error::input(e::PROVIDE_PAYMENT)),
        Some(p) if !input::php_truthy(&p.method) => {
            Err(Error::input(e::PAYMENT_METHOD_NOT_AVAILABLE))
        }
        Some(_) => Ok(()),
    }
}

pub fn parse_order(entity: &Value) -> Result<FullOrder> {
    let o = Obj::new(entity, ORDER_KEYS)?;
    let mut order = order_scalars(&o)?;
    // A new order: the id is the save's own (a body's 0 or nothing).
    order.entity_id = 0;
    let items = match o.get("items") {
        Some((_, v)) => input::list(v)?
            .into_iter()
            .map(parse_item)
            .collect::<Result<Vec<_>>>()?,
        None => Vec::new(),
    };
    let mut addresses = Vec::new();
    if let Some((_, ext)) = o.get("extension_attributes") {
        let (shipping, method) = parse_shipping(ext)?;
        // OrderRepository::save takes the first assignment's address and method only for an
        // order that is not virtual (`getIsNotVirtual`).
        if order.is_virtual.unwrap_or(0) == 0 {
            addresses.extend(shipping);
            order.shipping_method = method;
        }
    }
    let billing = o
        .get("billing_address")
        .map(|(_, v)| parse_address(v, "billing"))
        .transpose()?;
    let payment = o
        .get("payment")
        .map(|(_, v)| parse_payment(v))
        .transpose()?;
    let status_histories = match o.get("status_histories") {
        Some((_, v)) => input::list(v)?
            .into_iter()
            .map(parse_history)
            .collect::<Result<_>>()?,
        None => Vec::new(),
    };
    check_new_order(billing.as_ref(), &items, payment.as_ref())?;
    addresses.extend(billing);
    Ok(FullOrder {
        order,
        items,
        addresses,
        payment,
        status_histories,
        ..Default::default()
    })
}
