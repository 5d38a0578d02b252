//! Carts on the wire: `CartItemInterface`, `AddressInterface` (quote addresses),
//! `ShippingMethodInterface`, `TotalsInterface` with its items and segments, `CartInterface`
//! (checkout.md 4, 6 and 7). Keys in interface order; null getters omitted except where the
//! interface's type is not nullable (`weee_tax_applied_amount`, a segment's `value`).

use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Number, Value};

use crate::amount::Amount;
use crate::checkout::payment::{Gateways, PaymentInput};
use crate::checkout::totals::{self, LineTotals, Totals};
use crate::checkout::{links_of, pickup, Cart, ItemInput};
use crate::db::quotes::{QuoteAddressRow, QuoteItemRow};
use crate::error::{Error, Result};
use crate::wire::input::{self, At, Obj};
use crate::wire::shape::{list, named};

const ITEM_KEYS: &[&str] = &[
    "item_id",
    "sku",
    "qty",
    "name",
    "price",
    "product_type",
    "quote_id",
    "product_option",
    "extension_attributes",
];

const ADDRESS_KEYS: &[&str] = &[
    "id",
    "region",
    "region_id",
    "region_code",
    "country_id",
    "street",
    "company",
    "telephone",
    "fax",
    "postcode",
    "city",
    "firstname",
    "lastname",
    "middlename",
    "prefix",
    "suffix",
    "vat_id",
    "customer_id",
    "email",
    "same_as_billing",
    "customer_address_id",
    "save_in_address_book",
    "extension_attributes",
    "custom_attributes",
];

/// The `addressInformation` of `POST .../shipping-information`
/// (`ShippingInformationInterface`).
#[derive(Debug, Clone)]
pub struct ShippingInformation {
    pub shipping: Option<QuoteAddressRow>,
    pub billing: Option<QuoteAddressRow>,
    pub carrier: Option<String>,
    pub method: Option<String>,
    /// `shipping_address.extension_attributes.pickup_location_code` (In-Store Pickup).
    pub pickup_location_code: Option<String>,
}

/// `TotalsInformationInterface` (`addressInformation` of `totals-information`): the address
/// and the `carrier_method` code when both parts are posted (`None` otherwise).
pub fn parse_totals_information(
    body: &Map<String, Value>,
) -> Result<(QuoteAddressRow, Option<String>)> {
    let (address, method) = convert_totals_information(body)?;
    // The interface's getter is not nullable; Magento dereferences a missing address (a PHP
    // error when the service runs): magemu names the field instead.
    let address = address.ok_or_else(|| Error::required("address"))?;
    Ok((address, method))
}

/// [`parse_totals_information`]'s input conversion alone (the address may be missing).
pub fn convert_totals_information(
    body: &Map<String, Value>,
) -> Result<(Option<QuoteAddressRow>, Option<String>)> {
    let info = input::param(body, "addressInformation")
        .ok_or_else(|| Error::required("addressInformation"))?;
    let o = Obj::new(
        info,
        &[
            "address",
            "shipping_method_code",
            "shipping_carrier_code",
            "extension_attributes",
            "custom_attributes",
        ],
    )?;
    let address = o
        .get("address")
        .map(|(_, address)| parse_address(address))
        .transpose()?;
    let method = match (
        o.string("shipping_carrier_code")?,
        o.string("shipping_method_code")?,
    ) {
        // `if ($carrier && $method)`: PHP-truthy both.
        (Some(carrier), Some(method))
            if input::php_truthy(&carrier) && input::php_truthy(&method) =>
        {
            Some(format!("{carrier}_{method}"))
        }
        _ => None,
    };
    Ok((address, method))
}

/// The `address` parameter (`estimate-shipping-methods`, `billing-address`), required.
pub fn parse_address_param(body: &Map<String, Value>) -> Result<QuoteAddressRow> {
    let address = input::param(body, "address").ok_or_else(|| Error::required("address"))?;
    parse_address(address)
}

/// `BillingAddressManagementInterface::assign`'s `address` and `useForShipping` (a bool that
/// never fails, false when not posted).
pub fn parse_billing_assign(body: &Map<String, Value>) -> Result<(QuoteAddressRow, bool)> {
    let address = parse_address_param(body)?;
    let use_for_shipping = input::param(body, "useForShipping").is_some_and(input::to_bool);
    Ok((address, use_for_shipping))
}

/// `estimateByAddressId`'s `addressId` (also read as `address_id`), required.
pub fn parse_address_id(body: &Map<String, Value>) -> Result<i64> {
    let address_id = input::param(body, "addressId")
        .or_else(|| input::param(body, "address_id"))
        .ok_or_else(|| Error::required("addressId"))?;
    input::to_int(address_id, input::At::Field("addressId"))
}

/// `placeOrder`'s optional `paymentMethod`.
pub fn parse_place_order(body: &Map<String, Value>) -> Result<Option<PaymentInput>> {
    input::param(body, "paymentMethod")
        .map(parse_payment_method)
        .transpose()
}

/// `PaymentMethodManagementInterface::set`'s required `method`.
pub fn parse_select_payment(body: &Map<String, Value>) -> Result<PaymentInput> {
    let method = input::param(body, "method").ok_or_else(|| Error::required("method"))?;
    parse_payment_method(method)
}

/// `CartTotalManagementInterface::collectTotals`: the required `paymentMethod`, and the
/// shipping method when both codes are PHP-true (`carrier_method`).
pub fn parse_collect_totals(body: &Map<String, Value>) -> Result<(PaymentInput, Option<String>)> {
    let payment =
        input::param(body, "paymentMethod").ok_or_else(|| Error::required("paymentMethod"))?;
    let payment = parse_payment_method(payment)?;
    let code = |name: &str| {
        input::param(body, name)
            .map(|v| input::to_string(v, input::At::Field(name)))
            .transpose()
    };
    let shipping = match (code("shippingCarrierCode")?, code("shippingMethodCode")?) {
        (Some(c), Some(m)) if input::php_truthy(&c) && input::php_truthy(&m) => {
            Some(format!("{c}_{m}"))
        }
        _ => None,
    };
    Ok((payment, shipping))
}

/// A required integer parameter (`"%fieldName" is required...` when missing): `assignCustomer`'s
/// `customerId` and `storeId`.
pub fn required_int(body: &Map<String, Value>, name: &str) -> Result<i64> {
    let value = input::param(body, name).ok_or_else(|| Error::required(name))?;
    input::to_int(value, input::At::Field(name))
}

pub fn parse_shipping_information(body: &Map<String, Value>) -> Result<ShippingInformation> {
    let info = input::param(body, "addressInformation")
        .ok_or_else(|| Error::required("addressInformation"))?;
    let o = Obj::new(
        info,
        &[
            "shipping_address",
            "billing_address",
            "shipping_method_code",
            "shipping_carrier_code",
            "extension_attributes",
            "custom_attributes",
        ],
    )?;
    let address = |key| {
        o.get(key)
            .map(|(_, v): (&str, &Value)| parse_address(v))
            .transpose()
    };
    let pickup_location_code = match o
        .get("shipping_address")
        .and_then(|(_, a)| a.get("extension_attributes"))
        .and_then(|x| x.get("pickup_location_code"))
    {
        Some(v) => Some(input::to_string(v, At::Field("pickup_location_code"))?),
        None => None,
    };
    Ok(ShippingInformation {
        pickup_location_code,
        shipping: address("shipping_address")?,
        billing: address("billing_address")?,
        carrier: o.string("shipping_carrier_code")?,
        method: o.string("shipping_method_code")?,
    })
}

/// The body of `POST .../payment-information` (`paymentMethod`, `billing_address`, and for a
/// guest cart the required `email`).
#[derive(Debug, Clone)]
pub struct PaymentInformation {
    /// `paymentMethod`: its method (empty when the object has none: refused at placement)
    /// and `additional_data`.
    pub method: PaymentInput,
    pub billing: Option<QuoteAddressRow>,
    pub guest_email: Option<String>,
    /// `paymentMethod.extension_attributes.agreement_ids` (`string[]`, CheckoutAgreements).
    pub agreement_ids: Vec<String>,
}

pub fn parse_payment_information(
    body: &Map<String, Value>,
    guest: bool,
) -> Result<PaymentInformation> {
    let guest_email = if guest {
        let v = input::param(body, "email").ok_or_else(|| Error::required("email"))?;
        Some(input::to_string(v, At::Field("email"))?)
    } else {
        None
    };
    let payment =
        input::param(body, "paymentMethod").ok_or_else(|| Error::required("paymentMethod"))?;
    let method = parse_payment_method(payment)?;
    // paymentMethod.extension_attributes.agreement_ids (`string[]`), a type error wrapped
    // under both keys.
    let extension = payment.as_object().and_then(|p| {
        p.iter()
            .find(|(k, _)| input::same_key(k, "extension_attributes"))
    });
    let ids = extension.and_then(|(ext_key, ext)| {
        let ext = ext.as_object()?;
        let (key, ids) = ext
            .iter()
            .find(|(k, _)| input::same_key(k, "agreement_ids"))?;
        Some((ext_key, key, ids))
    });
    let agreement_ids = match ids {
        None | Some((_, _, Value::Null)) => Vec::new(),
        Some((ext_key, key, ids)) => input::string_list(ids, &[ext_key, key])?,
    };
    let billing = input::param(body, "billing_address")
        .map(parse_address)
        .transpose()?;
    Ok(PaymentInformation {
        method,
        billing,
        guest_email,
        agreement_ids,
    })
}

/// The `cartItem` parameter.
pub fn parse_item(body: &Map<String, Value>) -> Result<ItemInput> {
    let v = input::param(body, "cartItem").ok_or_else(|| Error::required("cartItem"))?;
    item_input(v)
}

/// One `CartItemInterface`.
fn item_input(v: &Value) -> Result<ItemInput> {
    let o = Obj::new(v, ITEM_KEYS)?;
    let qty_shown = o.get("qty").map(|(_, v)| v.clone()).unwrap_or(Value::Null);
    // A qty that is not a number is ServiceInputProcessor's type error (qty is a float); a
    // missing or non-positive one is CartItemPersister's invalidFieldValue.
    let qty = o.amount("qty")?;
    let links = o
        .get("product_option")
        .and_then(|(_, v)| {
            v.pointer("/extension_attributes/downloadable_option/downloadable_links")
        })
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(|x| input::to_int(x, At::Top).ok())
                .collect()
        });
    Ok(ItemInput {
        item_id: o.int("item_id")?,
        sku: o.string("sku")?,
        qty,
        qty_shown,
        downloadable_links: links,
        quote_id: o.string("quote_id")?,
    })
}

/// `CartInterface`'s fields (the input processor refuses any other).
const CART_KEYS: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "converted_at",
    "is_active",
    "is_virtual",
    "items",
    "items_count",
    "items_qty",
    "customer",
    "billing_address",
    "reserved_order_id",
    "orig_order_id",
    "currency",
    "customer_is_guest",
    "customer_note",
    "customer_note_notify",
    "customer_tax_class_id",
    "store_id",
    "extension_attributes",
];

/// `PUT /V1/carts/mine`: `{"quote": CartInterface}`. `is_virtual` has a getter and no setter:
/// a non-empty value is the field's "not supported" error, an empty one is skipped
/// (`ServiceInputProcessor::_createFromArray`).
pub fn parse_cart_save(body: &Map<String, Value>) -> Result<crate::checkout::cart_save::CartSave> {
    let v = input::param(body, "quote")
        .filter(|v| !v.is_null())
        .ok_or_else(|| Error::required("quote"))?;
    let o = Obj::new(v, CART_KEYS)?;
    if o.get("is_virtual").is_some_and(|(_, v)| input::to_bool(v)) {
        return Err(Error::Input(crate::error::Phrase::named(
            crate::error::FIELD_NOT_SUPPORTED,
            "fieldName",
            "IsVirtual",
        )));
    }
    let mut save = crate::checkout::cart_save::CartSave {
        is_active: o.bool("is_active"),
        customer_is_guest: o.bool("customer_is_guest"),
        store_id: o.int("store_id")?,
        ..Default::default()
    };
    if o.has("reserved_order_id") {
        save.reserved_order_id = Some(o.string("reserved_order_id")?);
    }
    // Typed as the interface declares them, then not kept.
    o.int("id")?;
    save.orig_order_id = o.int("orig_order_id")?;
    o.int("customer_tax_class_id")?;
    o.string("customer_note")?;
    if let Some((_, customer)) = o.get("customer") {
        let (id, c) = crate::wire::customer::parse_quote_customer(customer)?;
        save.customer_id = id;
        save.customer_email = c.email;
        save.customer_firstname = c.firstname;
        save.customer_lastname = c.lastname;
        save.customer_group_id = c.group_id;
    }
    if let Some((_, items)) = o.get("items") {
        for item in crate::wire::input::list(items)? {
            save.items.push(item_input(item)?);
        }
    }
    if let Some((_, billing)) = o.get("billing_address") {
        save.billing_address = Some(parse_address(billing)?);
        // ParamsOverrider sets `quote.id` (the customer's cart) in place when the body has the
        // key, else appends it; the input processor then calls the setters in key order.
        let keys = || v.as_object().into_iter().flat_map(|m| m.keys());
        let at_id = keys().position(|k| k == "id");
        let at_billing = keys().position(|k| input::same_key(k, "billing_address"));
        save.billing_before_quote_id = at_id.is_none_or(|id| at_billing.is_some_and(|b| b < id));
    }
    if let Some((_, ext)) = o.get("extension_attributes") {
        let ext = Obj::new(ext, &["shipping_assignments"])?;
        if let Some((_, assignments)) = ext.get("shipping_assignments") {
            let assignments = crate::wire::input::list(assignments)?;
            save.shipping_assignments = assignments.len();
            if let Some(first) = assignments.first() {
                let a = Obj::new(first, &["shipping", "items", "extension_attributes"])?;
                if let Some((_, shipping)) = a.get("shipping") {
                    let sh = Obj::new(shipping, &["address", "method", "extension_attributes"])?;
                    if let Some((_, address)) = sh.get("address") {
                        save.shipping_address = Some(parse_address(address)?);
                    }
                    save.shipping_method = sh.string("method")?;
                }
            }
        }
    }
    Ok(save)
}

/// An `AddressInterface` parameter as a quote address row.
pub fn parse_address(v: &Value) -> Result<QuoteAddressRow> {
    let o = Obj::new(v, ADDRESS_KEYS)?;
    let street = match o.get("street") {
        Some((_, Value::Array(lines))) => Some(
            lines
                .iter()
                .map(|l| input::to_string(l, At::Field("street")))
                .collect::<Result<Vec<_>>>()?
                .join("\n"),
        ),
        Some((k, v)) => Some(input::to_string(v, At::Field(k))?),
        None => None,
    };
    Ok(QuoteAddressRow {
        // The posted `id`: checked against the cart's addresses
        // (`checkout::posted_address_id_check`), never the id of a new row.
        address_id: o.int("id")?.unwrap_or(0),
        customer_address_id: o.int("customer_address_id")?,
        email: o.string("email")?,
        firstname: o.string("firstname")?,
        lastname: o.string("lastname")?,
        company: o.string("company")?,
        street,
        city: o.string("city")?,
        region: o.string("region")?,
        region_id: o.int("region_id")?,
        region_code: o.string("region_code")?,
        postcode: o.string("postcode")?,
        country_id: o.string("country_id")?,
        telephone: o.string("telephone")?,
        same_as_billing: o.bool("same_as_billing").unwrap_or(false) as i64,
        middlename: o.string("middlename")?,
        prefix: o.string("prefix")?,
        suffix: o.string("suffix")?,
        fax: o.string("fax")?,
        vat_id: o.string("vat_id")?,
        save_in_address_book: o.int("save_in_address_book")?,
        ..Default::default()
    })
}

fn discounts(line: &LineTotals) -> Option<Value> {
    if line.discounts.is_empty() {
        return None;
    }
    let list: Vec<Value> = line
        .discounts
        .iter()
        .map(|(rule_id, label, amount)| {
            json!({
                "discount_data": {
                    "amount": amount, "base_amount": amount,
                    "original_amount": amount, "base_original_amount": amount,
                },
                "rule_label": label,
                "rule_id": rule_id,
            })
        })
        .collect();
    Some(json!({ "discounts": list }))
}

/// `CartItemInterface` of `item` (with its collected line figures).
pub fn item(item: &QuoteItemRow, line: Option<&LineTotals>) -> Value {
    let mut v = json!({
        "item_id": item.item_id,
        "sku": item.sku,
        "qty": item.qty,
        "name": item.name,
        "price": item.price,
        "product_type": item.product_type,
        "quote_id": item.quote_id.to_string(),
    });
    if let Some(links) = links_of(item) {
        v["product_option"] = json!({"extension_attributes":
            {"downloadable_option": {"downloadable_links": links}}});
    }
    if let Some(ext) = line.and_then(discounts) {
        v["extension_attributes"] = ext;
    }
    v
}

/// The line `item_id` of `cart`, with its totals.
pub fn cart_item(cart: &Cart, t: &Totals, item_id: i64) -> Value {
    match cart.items.iter().position(|i| i.item_id == item_id) {
        Some(p) => item(&cart.items[p], t.lines.get(p)),
        None => Value::Null,
    }
}

pub fn items(cart: &Cart, t: &Totals) -> Value {
    Value::Array(
        cart.items
            .iter()
            .zip(&t.lines)
            .map(|(i, l)| item(i, Some(l)))
            .collect(),
    )
}

/// `ShipmentEstimationInterface::estimateByExtendedAddress`: the flat-rate method, then
/// In-Store Pickup when a pickup location serves the cart (`pickup_offered`), or `[]` for a
/// virtual or empty cart.
pub fn shipping_methods(t: &Totals, pickup_offered: bool) -> Value {
    if t.is_virtual || t.lines.is_empty() {
        return json!([]);
    }
    let amount = t.flat_rate;
    let mut methods = json!([{
        "carrier_code": "flatrate",
        "method_code": "flatrate",
        "carrier_title": totals::FLAT_RATE_CARRIER_TITLE,
        "method_title": totals::FLAT_RATE_METHOD_TITLE,
        "amount": amount,
        "base_amount": amount,
        "available": true,
        "error_message": "",
        "price_excl_tax": amount,
        "price_incl_tax": amount,
    }]);
    if pickup_offered {
        if let Value::Array(list) = &mut methods {
            list.push(json!({
                "carrier_code": pickup::CARRIER,
                "method_code": pickup::METHOD,
                "carrier_title": pickup::CARRIER_TITLE,
                "method_title": pickup::METHOD_TITLE,
                "amount": 0,
                "base_amount": 0,
                "available": true,
                "error_message": "",
                "price_excl_tax": 0,
                "price_incl_tax": 0,
            }));
        }
    }
    methods
}

/// `PaymentMethodManagement::getList`: the store's active methods.
pub fn payment_methods(gateways: &Gateways) -> Value {
    Value::Array(
        gateways
            .available()
            .iter()
            .map(|(code, title)| json!({"code": code, "title": title}))
            .collect(),
    )
}

/// `PaymentInterface` (`paymentMethod`): the method and `additional_data` (`string[]`: an
/// object's values, or a list's, each converted to a string as ServiceInputProcessor does).
pub fn parse_payment_method(v: &Value) -> Result<PaymentInput> {
    let o = Obj::new(
        v,
        &[
            "po_number",
            "method",
            "additional_data",
            "extension_attributes",
        ],
    )?;
    let method = o.string("method")?.unwrap_or_default();
    let additional_data = match o.get("additional_data") {
        Some((key, Value::Object(map))) => map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| Ok((k.clone(), input::to_string(v, At::Field(key))?)))
            .collect::<Result<_>>()?,
        Some((key, Value::Array(list))) => list
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_null())
            .map(|(n, v)| Ok((n.to_string(), input::to_string(v, At::Field(key))?)))
            .collect::<Result<_>>()?,
        _ => Vec::new(),
    };
    Ok(PaymentInput {
        method,
        additional_data,
    })
}

fn minus_zero() -> Value {
    Value::Number(Number::from_str("-0").unwrap_or_else(|_| Number::from(0)))
}

/// `TotalsItemInterface`'s `options`: the downloadable line's link titles under the product's
/// links title; `"[]"` otherwise.
fn options(item: &QuoteItemRow, link_titles: &[(i64, String)], links_title: &str) -> String {
    let Some(links) = links_of(item) else {
        return "[]".into();
    };
    let titles: Vec<&str> = links
        .iter()
        .filter_map(|id| {
            link_titles
                .iter()
                .find(|(l, _)| l == id)
                .map(|(_, t)| t.as_str())
        })
        .collect();
    let value: String = titles.join(", ").chars().take(55).collect();
    serde_json::to_string(&json!([{"value": value, "label": links_title}]))
        .unwrap_or_else(|_| "[]".into())
}

/// What the totals of a downloadable line need: its links' titles and the links title.
#[derive(Debug, Clone, Default)]
pub struct LinkTitles {
    pub links: Vec<(i64, String)>,
    pub links_title: String,
}

/// `CartTotalRepository::get` (checkout.md 7.4 / 7.5), with Adobe Commerce's segments as the
/// tutorial prints them.
pub fn totals(cart: &Cart, t: &Totals, titles: &LinkTitles) -> Value {
    let items: Vec<Value> = cart
        .items
        .iter()
        .zip(&t.lines)
        .map(|(i, l)| {
            let tax_amount = Amount::new(l.tax.tax_amount);
            let price_incl_tax = Amount::new(l.tax.price_incl_tax);
            let row_incl_tax = Amount::new(l.tax.row_total_incl_tax);
            json!({
                "item_id": i.item_id,
                "price": i.price, "base_price": i.price,
                "qty": i.qty,
                "row_total": l.row_total, "base_row_total": l.row_total,
                "row_total_with_discount": 0,
                "tax_amount": tax_amount, "base_tax_amount": tax_amount,
                "tax_percent": Amount::new(l.tax.tax_percent),
                "discount_amount": l.discount, "base_discount_amount": l.discount,
                "discount_percent": l.discount_percent,
                "price_incl_tax": price_incl_tax, "base_price_incl_tax": price_incl_tax,
                "row_total_incl_tax": row_incl_tax, "base_row_total_incl_tax": row_incl_tax,
                "options": options(i, &titles.links, &titles.links_title),
                "weee_tax_applied_amount": null,
                "weee_tax_applied": null,
                "name": i.name,
            })
        })
        .collect();
    let mut segments = vec![json!({"code": "subtotal", "title": "Subtotal", "value": t.subtotal})];
    segments.push(json!({
        "code": "giftwrapping", "title": "Gift Wrapping", "value": null,
        "extension_attributes": {
            "gw_item_ids": [], "gw_price": "0.0000", "gw_base_price": "0.0000",
            "gw_items_price": "0.0000", "gw_items_base_price": "0.0000",
            "gw_card_price": "0.0000", "gw_card_base_price": "0.0000",
        }
    }));
    if !t.discount.is_zero() {
        // Quote\Discount::fetch: "Discount (%1)" with the description, "Discount" without.
        let title = match t.discount_description.as_str() {
            "" => "Discount".to_owned(),
            d => format!("Discount ({d})"),
        };
        segments.push(json!({"code": "discount", "title": title, "value": t.discount}));
    }
    if !t.is_virtual {
        let title = match &t.shipping_description {
            Some(d) => format!("Shipping & Handling ({d})"),
            None => "Shipping & Handling".into(),
        };
        segments.push(json!({"code": "shipping", "title": title, "value": t.shipping}));
    }
    // Tax::fetch, and GrandTotalDetailsPlugin: one detail per applied group (its rates' percents
    // as strings), numbered from 1.
    let details: Vec<Value> = t
        .applied_taxes
        .iter()
        .enumerate()
        .map(|(n, (row, amount))| {
            let rates: Vec<Value> = row
                .rates
                .iter()
                .map(|r| json!({"percent": r.percent.normalize().to_string(), "title": r.title}))
                .collect();
            json!({"amount": Amount::new(*amount), "rates": rates, "group_id": n + 1})
        })
        .collect();
    segments.push(json!({"code": "tax", "title": "Tax", "value": t.tax,
        "extension_attributes": {"tax_grandtotal_details": details}}));
    segments.push(json!({"code": "grand_total", "title": "Grand Total",
        "value": t.grand_total, "area": "footer"}));
    segments
        .push(json!({"code": "customerbalance", "title": "Store Credit", "value": minus_zero()}));
    segments.push(json!({"code": "reward", "title": "0 Reward points", "value": minus_zero()}));
    let subtotal_with_discount = t.subtotal + t.discount;
    // CartTotalRepository::get copies the address's totals as they are since 2.4.5 (2.4.4 and
    // earlier showed the grand total less the tax; the tutorial's untaxed replies are the same
    // either way).
    let mut v = json!({
        "grand_total": t.grand_total, "base_grand_total": t.grand_total,
        "subtotal": t.subtotal, "base_subtotal": t.subtotal,
        "discount_amount": t.discount, "base_discount_amount": t.discount,
        "subtotal_with_discount": subtotal_with_discount,
        "base_subtotal_with_discount": subtotal_with_discount,
        "shipping_amount": t.shipping, "base_shipping_amount": t.shipping,
        "shipping_discount_amount": t.shipping_discount,
        "base_shipping_discount_amount": t.shipping_discount,
        "tax_amount": t.tax, "base_tax_amount": t.tax,
        "weee_tax_applied_amount": null,
        "shipping_tax_amount": 0, "base_shipping_tax_amount": 0,
        "subtotal_incl_tax": t.subtotal_incl_tax,
        "shipping_incl_tax": t.shipping, "base_shipping_incl_tax": t.shipping,
        "base_currency_code": "USD", "quote_currency_code": "USD",
        "coupon_code": cart.quote.coupon_code,
        "items_qty": t.items_qty,
        "items": items,
        "total_segments": segments,
        "extension_attributes": {
            "reward_points_balance": 0, "reward_currency_amount": 0,
            "base_reward_currency_amount": 0,
        },
    });
    // TotalsInterface::getCouponCode is nullable: left out when the cart never had a coupon.
    if cart.quote.coupon_code.is_none() {
        if let Some(m) = v.as_object_mut() {
            m.shift_remove("coupon_code");
        }
    }
    v
}

/// `AddressInterface`'s getters declared `string`, `int` or `string[]` (not nullable):
/// `DataObjectProcessor` prints them null when they are, where it leaves out a nullable
/// getter's null.
const ADDRESS_REQUIRED: [&str; 11] = [
    "region",
    "region_id",
    "region_code",
    "country_id",
    "street",
    "telephone",
    "postcode",
    "city",
    "firstname",
    "lastname",
    "email",
];

/// `AddressInterface` of a cart address. `Quote\Address::getStreet` gives `[""]` for no street
/// (`?? ['']`); `getEmail` gives the cart's `customer_email` when the address has none.
fn address_out(a: &QuoteAddressRow, cart_email: Option<&str>) -> Value {
    let email = a
        .email
        .as_deref()
        .filter(|e| crate::php::truthy(e))
        .or(cart_email);
    let street: Vec<&str> = a.street.as_deref().unwrap_or("").split('\n').collect();
    let mut v = json!({
        "id": a.address_id,
        "region": a.region, "region_id": a.region_id, "region_code": a.region_code,
        "country_id": a.country_id,
        "street": street,
        "company": a.company,
        "telephone": a.telephone, "fax": a.fax, "postcode": a.postcode, "city": a.city,
        "firstname": a.firstname, "lastname": a.lastname,
        "middlename": a.middlename, "prefix": a.prefix, "suffix": a.suffix, "vat_id": a.vat_id,
        "customer_id": a.customer_id, "email": email,
        "same_as_billing": a.same_as_billing,
        "customer_address_id": a.customer_address_id,
        "save_in_address_book": a.save_in_address_book.unwrap_or(0),
    });
    if let Some(m) = v.as_object_mut() {
        m.retain(|k, v| !v.is_null() || ADDRESS_REQUIRED.contains(&k.as_str()));
    }
    v
}

/// `AddressInterface` of the cart's billing address (an empty one before any is set).
pub fn billing_address(cart: &Cart) -> Value {
    address_out(
        &cart.billing.clone().unwrap_or_default(),
        cart.quote.customer_email.as_deref(),
    )
}

/// The `customer` of a guest's cart: `Quote::getCustomer` loads the customer of no id, fails and
/// makes an empty one, whose getters typed `string` (e-mail, first and last name) print null
/// and the nullable rest nothing (`DataObjectProcessor`), whatever e-mail the cart holds.
pub fn guest_customer() -> Value {
    json!({"email": null, "firstname": null, "lastname": null})
}

/// `CartInterface` (checkout.md 4.2; its key order is from memory there).
pub fn cart(cart: &Cart, t: &Totals, customer: Value) -> Value {
    let q = &cart.quote;
    let mut v = json!({
        "id": q.entity_id,
        "created_at": q.created_at,
        "updated_at": q.updated_at,
        "is_active": q.is_active != 0,
        "is_virtual": t.is_virtual,
        "items": items(cart, t),
        "items_count": cart.items.len(),
        "items_qty": t.items_qty,
        "customer": customer,
        "billing_address": billing_address(cart),
        "reserved_order_id": q.reserved_order_id,
        "orig_order_id": 0,
        "currency": {
            "global_currency_code": "USD", "base_currency_code": "USD",
            "store_currency_code": "USD", "quote_currency_code": "USD",
            "store_to_base_rate": 0, "store_to_quote_rate": 0,
            "base_to_global_rate": 1, "base_to_quote_rate": 1,
        },
        "customer_is_guest": q.customer_is_guest != 0,
        "customer_note_notify": true,
        "customer_tax_class_id": cart.customer_tax_class,
        "store_id": q.store_id,
    });
    if let Some(m) = v.as_object_mut() {
        if q.reserved_order_id.is_none() {
            m.shift_remove("reserved_order_id");
        }
        // QuoteRepository\LoadHandler::load returns an inactive cart as loaded: no items set
        // (`getItems` null, left out) and no shipping assignments.
        if q.is_active == 0 {
            m.shift_remove("items");
            return v;
        }
    }
    // An active cart's assignments: none for a virtual cart or one without quantity, else one
    // of its shipping address (an empty one before any is set: `getShippingAddress` makes it),
    // its method and its lines (ShippingAssignmentProcessor::create).
    let assignments = if t.is_virtual || cart.items.iter().all(|i| i.qty.is_zero()) {
        json!([])
    } else {
        let shipping = cart.shipping.clone().unwrap_or_default();
        json!([{
            "shipping": {
                "address": address_out(&shipping, q.customer_email.as_deref()),
                "method": shipping.shipping_method
            },
            "items": items(cart, t),
        }])
    };
    v["extension_attributes"] = json!({ "shipping_assignments": assignments });
    v
}

// The shapes of the JSON above, for the schema's definitions (`crate::wire::shape`); keep
// each next to its builder's keys when one changes.

/// `CartItemInterface` as [`item`] writes it.
pub fn item_schema(g: &mut SchemaGenerator) -> Schema {
    let discounts = named(g, "quote-data-cart-item-extension-interface", |g| {
        let discount = named(
            g,
            "sales-rule-data-rule-discount-interface",
            discount_schema,
        );
        json_schema!({
            "type": "object",
            "properties": { "discounts": list(discount) },
            "required": ["discounts"]
        })
    });
    let option = named(g, "quote-data-product-option-interface", |_| {
        json_schema!({
            "type": "object",
            "properties": { "extension_attributes": {
                "type": "object",
                "properties": { "downloadable_option": {
                    "type": "object",
                    "properties": { "downloadable_links": {
                        "type": "array", "items": { "type": "integer" }
                    } },
                    "required": ["downloadable_links"]
                } },
                "required": ["downloadable_option"]
            } },
            "required": ["extension_attributes"]
        })
    });
    json_schema!({
        "type": "object",
        "properties": {
            "item_id": { "type": "integer" },
            "sku": { "type": "string" },
            "qty": { "type": "number" },
            "name": { "type": ["string", "null"] },
            "price": { "type": "number" },
            "product_type": { "type": "string" },
            "quote_id": { "type": "string" },
            "product_option": option,
            "extension_attributes": discounts
        },
        "required": ["item_id", "sku", "qty", "name", "price", "product_type", "quote_id"]
    })
}

/// A rule's discount on a line, as [`discounts`] writes it.
fn discount_schema(g: &mut SchemaGenerator) -> Schema {
    let data = named(g, "sales-rule-data-discount-data-interface", |_| {
        json_schema!({
            "type": "object",
            "properties": {
                "amount": { "type": "number" },
                "base_amount": { "type": "number" },
                "original_amount": { "type": "number" },
                "base_original_amount": { "type": "number" }
            },
            "required": ["amount", "base_amount", "original_amount", "base_original_amount"]
        })
    });
    json_schema!({
        "type": "object",
        "properties": {
            "discount_data": data,
            "rule_label": { "type": "string" },
            "rule_id": { "type": "integer" }
        },
        "required": ["discount_data", "rule_label", "rule_id"]
    })
}

/// `AddressInterface` as `address_out` writes it (the nullable getters' nulls left out, the
/// others' printed).
pub fn address_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "properties": {
            "id": { "type": "integer" },
            "region": { "type": ["string", "null"] },
            "region_id": { "type": ["integer", "null"] },
            "region_code": { "type": ["string", "null"] },
            "country_id": { "type": ["string", "null"] },
            "street": { "type": "array", "items": { "type": "string" } },
            "company": { "type": "string" },
            "telephone": { "type": ["string", "null"] },
            "fax": { "type": "string" },
            "postcode": { "type": ["string", "null"] },
            "city": { "type": ["string", "null"] },
            "firstname": { "type": ["string", "null"] },
            "lastname": { "type": ["string", "null"] },
            "middlename": { "type": "string" },
            "prefix": { "type": "string" },
            "suffix": { "type": "string" },
            "vat_id": { "type": "string" },
            "customer_id": { "type": "integer" },
            "email": { "type": ["string", "null"] },
            "same_as_billing": { "type": "integer" },
            "customer_address_id": { "type": "integer" },
            "save_in_address_book": { "type": "integer" },
            "extension_attributes": { "type": "object" },
            "custom_attributes": { "type": "array", "items": {} }
        },
        "required": ["id", "region", "region_id", "region_code", "country_id", "street",
            "telephone", "postcode", "city", "firstname", "lastname", "email",
            "same_as_billing", "save_in_address_book"]
    })
}

/// `ShippingMethodInterface` as [`shipping_methods`] writes it.
pub fn shipping_method_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "properties": {
            "carrier_code": { "type": "string" },
            "method_code": { "type": "string" },
            "carrier_title": { "type": "string" },
            "method_title": { "type": "string" },
            "amount": { "type": "number" },
            "base_amount": { "type": "number" },
            "available": { "type": "boolean" },
            "error_message": { "type": "string" },
            "price_excl_tax": { "type": "number" },
            "price_incl_tax": { "type": "number" }
        },
        "required": ["carrier_code", "method_code", "carrier_title", "method_title", "amount",
            "base_amount", "available", "error_message", "price_excl_tax", "price_incl_tax"]
    })
}

/// `PaymentMethodInterface` as [`payment_methods`] writes it.
pub fn payment_method_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "properties": { "code": { "type": "string" }, "title": { "type": "string" } },
        "required": ["code", "title"]
    })
}

/// `TotalsInterface` as [`totals`] writes it.
pub fn totals_schema(g: &mut SchemaGenerator) -> Schema {
    let item = named(g, "quote-data-totals-item-interface", |_| {
        let number = json!({ "type": "number" });
        let mut properties = Map::new();
        for key in [
            "price",
            "base_price",
            "qty",
            "row_total",
            "base_row_total",
            "row_total_with_discount",
            "tax_amount",
            "base_tax_amount",
            "tax_percent",
            "discount_amount",
            "base_discount_amount",
            "discount_percent",
            "price_incl_tax",
            "base_price_incl_tax",
            "row_total_incl_tax",
            "base_row_total_incl_tax",
        ] {
            properties.insert(key.into(), number.clone());
        }
        properties.insert("item_id".into(), json!({ "type": "integer" }));
        properties.insert("options".into(), json!({ "type": "string" }));
        properties.insert(
            "weee_tax_applied_amount".into(),
            json!({ "type": ["number", "null"] }),
        );
        properties.insert(
            "weee_tax_applied".into(),
            json!({ "type": ["string", "null"] }),
        );
        properties.insert("name".into(), json!({ "type": ["string", "null"] }));
        let required: Vec<&String> = properties.keys().collect();
        json_schema!({ "type": "object", "properties": properties, "required": required })
    });
    let segment = named(g, "quote-data-total-segment-interface", |g| {
        let extension = named(g, "quote-data-total-segment-extension-interface", |_| {
            json_schema!({
                "type": "object",
                "properties": {
                    "gw_item_ids": { "type": "array", "items": {} },
                    "gw_price": { "type": "string" },
                    "gw_base_price": { "type": "string" },
                    "gw_items_price": { "type": "string" },
                    "gw_items_base_price": { "type": "string" },
                    "gw_card_price": { "type": "string" },
                    "gw_card_base_price": { "type": "string" },
                    "tax_grandtotal_details": { "type": "array", "items": {} }
                }
            })
        });
        json_schema!({
            "type": "object",
            "properties": {
                "code": { "type": "string" },
                "title": { "type": "string" },
                "value": { "type": ["number", "null"] },
                "area": { "type": "string" },
                "extension_attributes": extension
            },
            "required": ["code", "title", "value"]
        })
    });
    let extension = named(g, "quote-data-totals-extension-interface", |_| {
        json_schema!({
            "type": "object",
            "properties": {
                "reward_points_balance": { "type": "number" },
                "reward_currency_amount": { "type": "number" },
                "base_reward_currency_amount": { "type": "number" }
            },
            "required": ["reward_points_balance", "reward_currency_amount",
                "base_reward_currency_amount"]
        })
    });
    let number = json!({ "type": "number" });
    let mut properties = Map::new();
    for key in [
        "grand_total",
        "base_grand_total",
        "subtotal",
        "base_subtotal",
        "discount_amount",
        "base_discount_amount",
        "subtotal_with_discount",
        "base_subtotal_with_discount",
        "shipping_amount",
        "base_shipping_amount",
        "shipping_discount_amount",
        "base_shipping_discount_amount",
        "tax_amount",
        "base_tax_amount",
    ] {
        properties.insert(key.into(), number.clone());
    }
    properties.insert(
        "weee_tax_applied_amount".into(),
        json!({ "type": ["number", "null"] }),
    );
    for key in [
        "shipping_tax_amount",
        "base_shipping_tax_amount",
        "subtotal_incl_tax",
        "shipping_incl_tax",
        "base_shipping_incl_tax",
    ] {
        properties.insert(key.into(), number.clone());
    }
    for key in ["base_currency_code", "quote_currency_code", "coupon_code"] {
        properties.insert(key.into(), json!({ "type": "string" }));
    }
    properties.insert("items_qty".into(), number);
    properties.insert("items".into(), json!(list(item)));
    properties.insert("total_segments".into(), json!(list(segment)));
    properties.insert("extension_attributes".into(), json!(extension));
    let required: Vec<&String> = properties.keys().filter(|k| *k != "coupon_code").collect();
    json_schema!({ "type": "object", "properties": properties, "required": required })
}

/// `PaymentDetailsInterface` of `POST .../shipping-information` (`http::carts::shipping`):
/// the payment methods and the totals.
pub fn payment_details_schema(g: &mut SchemaGenerator) -> Schema {
    let method = named(
        g,
        "quote-data-payment-method-interface",
        payment_method_schema,
    );
    let totals = named(g, "quote-data-totals-interface", totals_schema);
    json_schema!({
        "type": "object",
        "properties": { "payment_methods": list(method), "totals": totals },
        "required": ["payment_methods", "totals"]
    })
}

/// `CartInterface` as [`cart`] writes it. `customer` is the customer's `CustomerInterface`
/// (`http::carts`), a guest's `{"email"}` or `{}`: the customer's shape, nothing required.
pub fn cart_schema(g: &mut SchemaGenerator) -> Schema {
    let item = named(g, "quote-data-cart-item-interface", item_schema);
    let address = named(g, "quote-data-address-interface", address_schema);
    let mut customer = crate::wire::customer::CustomerData::json_schema(g);
    customer.remove("required");
    // A guest cart's empty customer prints its `string` getters null ([`guest_customer`]):
    // always there, maybe null.
    if let Some(Value::Object(properties)) = customer.get_mut("properties") {
        for key in ["email", "firstname", "lastname"] {
            properties.insert(key.to_owned(), json!({ "type": ["string", "null"] }));
        }
    }
    customer.insert("required".into(), json!(["email", "firstname", "lastname"]));
    let currency = named(g, "quote-data-currency-interface", |_| {
        json_schema!({
            "type": "object",
            "properties": {
                "global_currency_code": { "type": "string" },
                "base_currency_code": { "type": "string" },
                "store_currency_code": { "type": "string" },
                "quote_currency_code": { "type": "string" },
                "store_to_base_rate": { "type": "number" },
                "store_to_quote_rate": { "type": "number" },
                "base_to_global_rate": { "type": "number" },
                "base_to_quote_rate": { "type": "number" }
            },
            "required": ["global_currency_code", "base_currency_code", "store_currency_code",
                "quote_currency_code", "store_to_base_rate", "store_to_quote_rate",
                "base_to_global_rate", "base_to_quote_rate"]
        })
    });
    let extension = named(g, "quote-data-cart-extension-interface", |g| {
        let assignment = named(g, "quote-data-shipping-assignment-interface", |g| {
            let shipping = named(g, "quote-data-shipping-interface", |g| {
                let address = named(g, "quote-data-address-interface", address_schema);
                json_schema!({
                    "type": "object",
                    "properties": { "address": address, "method": { "type": ["string", "null"] } },
                    "required": ["address", "method"]
                })
            });
            let item = named(g, "quote-data-cart-item-interface", item_schema);
            json_schema!({
                "type": "object",
                "properties": { "shipping": shipping, "items": list(item) },
                "required": ["shipping", "items"]
            })
        });
        json_schema!({
            "type": "object",
            "properties": { "shipping_assignments": list(assignment) },
            "required": ["shipping_assignments"]
        })
    });
    json_schema!({
        "type": "object",
        "properties": {
            "id": { "type": "integer" },
            "created_at": { "type": "string" },
            "updated_at": { "type": "string" },
            "is_active": { "type": "boolean" },
            "is_virtual": { "type": "boolean" },
            "items": list(item),
            "items_count": { "type": "integer" },
            "items_qty": { "type": "number" },
            "customer": customer,
            "billing_address": address,
            "reserved_order_id": { "type": "string" },
            "orig_order_id": { "type": "integer" },
            "currency": currency,
            "customer_is_guest": { "type": "boolean" },
            "customer_note_notify": { "type": "boolean" },
            "customer_tax_class_id": { "type": "integer" },
            "store_id": { "type": "integer" },
            "extension_attributes": extension
        },
        // `items` and `extension_attributes` only on an active cart (LoadHandler).
        "required": ["id", "created_at", "updated_at", "is_active", "is_virtual",
            "items_count", "items_qty", "customer", "billing_address", "orig_order_id",
            "currency", "customer_is_guest", "customer_note_notify", "customer_tax_class_id",
            "store_id"]
    })
}

/// `ShippingInformationInterface` as [`parse_shipping_information`] reads it.
pub fn shipping_information_schema(g: &mut SchemaGenerator) -> Schema {
    let address = named(g, "quote-data-address-interface", address_schema);
    json_schema!({
        "type": "object",
        "properties": {
            "shipping_address": address,
            "billing_address": address,
            "shipping_method_code": { "type": "string" },
            "shipping_carrier_code": { "type": "string" },
            "extension_attributes": { "type": "object" },
            "custom_attributes": { "type": "array", "items": {} }
        }
    })
}

/// `TotalsInformationInterface` as [`parse_totals_information`] reads it.
pub fn totals_information_schema(g: &mut SchemaGenerator) -> Schema {
    let address = named(g, "quote-data-address-interface", address_schema);
    json_schema!({
        "type": "object",
        "properties": {
            "address": address,
            "shipping_method_code": { "type": "string" },
            "shipping_carrier_code": { "type": "string" },
            "extension_attributes": { "type": "object" },
            "custom_attributes": { "type": "array", "items": {} }
        },
        "required": ["address"]
    })
}

/// `TotalsAdditionalDataInterface` (`collect-totals`' `additionalData`: nothing in core reads
/// it, nor does magemu).
pub fn totals_additional_data_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "properties": {
            "extension_attributes": { "type": "object" },
            "custom_attributes": { "type": "array", "items": {} }
        }
    })
}

/// `PaymentInterface` as [`parse_payment_method`] reads it.
pub fn payment_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "properties": {
            "po_number": { "type": "string" },
            "method": { "type": "string" },
            "additional_data": { "type": "array", "items": { "type": "string" } },
            "extension_attributes": { "type": "object" }
        }
    })
}
