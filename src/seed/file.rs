//! Seed files of the user's own (`--seed PATH`): one JSON object whose sections hold Magento
//! entities in the shapes Magento's REST API takes them, loaded on `base.json` in this order:
//!
//! | section | each entry is | loaded as |
//! | --- | --- | --- |
//! | `config` | `{"path": ..., "value": ...}`, a store setting (`GET /magemu/config` lists them) | `PUT /magemu/config` (`bin/magento config:set`) |
//! | `sources` | a `SourceInterface` | `POST /V1/inventory/sources` |
//! | `stocks` | a `StockInterface` (with `extension_attributes.sales_channels`) | `POST /V1/inventory/stocks` |
//! | `stock_source_links` | a `StockSourceLinkInterface` | `POST /V1/inventory/stock-source-links` |
//! | `products` | a `ProductInterface` | `POST /V1/products` |
//! | `source_items` | a `SourceItemInterface` | `POST /V1/inventory/source-items` |
//! | `customers` | `{"customer": CustomerInterface, "password": ...}` | `POST /V1/customers` |
//! | `sales_rules` | a `RuleInterface` (cart price rule) | `POST /V1/salesRules` |
//! | `coupons` | a `CouponInterface` | `POST /V1/coupons` |
//! | `tax_rates` | a `TaxRateInterface` | `POST /V1/taxRates` |
//! | `tax_rules` | a `TaxRuleInterface` | `POST /V1/taxRules` |
//! | `checkout_agreements` | an `AgreementInterface` and `stores` (store view ids, default `[0]`: all) | none in Magento's REST API: its admin's Terms and Conditions |
//! | `orders` | a checkout, see [`OrderEntry`] | the customer (or guest) cart calls, then `payment-information` |
//!
//! Every entry goes through the same parser and the same use case as the call it stands for,
//! so it gets the same defaults and the same refusals; the first refusal stops the load with
//! the entry's place in the file (`products[2]`), its key (`sku "24-WB01"`) and Magento's
//! message with its parameters filled in (the message names the field). Orders are placed as
//! checkout places them: totals, cart rules, flat rate, the `order_placed` reservations.
//! Unknown sections are refused, so a misspelt one is not silently ignored.

use std::path::Path;

use serde_json::{Map, Value};

use super::SeedError;
use crate::checkout::{self, CartRef};
use crate::db::{self, Db};
use crate::error::Error;
use crate::wire::{self, cart, customer, inventory_master, product, sales_rule};

/// The store every seeded cart is made in (the default store view).
const STORE_ID: i64 = 1;

const SECTIONS: &[&str] = &[
    "comment",
    "config",
    "sources",
    "stocks",
    "stock_source_links",
    "products",
    "source_items",
    "customers",
    "sales_rules",
    "coupons",
    "tax_rates",
    "tax_rules",
    "checkout_agreements",
    "orders",
];

/// Loads the seed file at `path` into `db` (on the base data), entry by entry.
pub async fn load(db: &Db, path: &Path) -> Result<(), SeedError> {
    let fail = |message: String| SeedError::File {
        path: path.display().to_string(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let root: Value = serde_json::from_str(&text).map_err(|e| fail(format!("not JSON: {e}")))?;
    let Value::Object(root) = root else {
        return Err(fail("expected a JSON object of sections".into()));
    };
    if let Some(unknown) = root.keys().find(|k| !SECTIONS.contains(&k.as_str())) {
        return Err(fail(format!(
            "unknown section \"{unknown}\" (known: {})",
            SECTIONS[1..].join(", ")
        )));
    }
    for &section in &SECTIONS[1..] {
        let entries = match root.get(section) {
            None => continue,
            Some(Value::Array(entries)) => entries,
            Some(_) => return Err(fail(format!("{section}: expected an array of entries"))),
        };
        for (i, entry) in entries.iter().enumerate() {
            let place = match key_of(section, entry) {
                Some(key) => format!("{section}[{i}] ({key})"),
                None => format!("{section}[{i}]"),
            };
            load_entry(db, section, entry)
                .await
                .map_err(|e| fail(format!("{place}: {}", e.rendered())))?;
        }
    }
    Ok(())
}

/// What names an entry besides its index: its code, sku, e-mail or name.
fn key_of(section: &str, entry: &Value) -> Option<String> {
    let text = |v: &Value, k: &str| match v.get(k) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let named = |name: &str, value: Option<String>| value.map(|v| format!("{name} \"{v}\""));
    match section {
        "config" => named("path", text(entry, "path")),
        "sources" => named("source_code", text(entry, "source_code")),
        "stocks" => named("name", text(entry, "name")),
        "stock_source_links" => Some(format!(
            "stock {} and {}",
            text(entry, "stock_id")?,
            text(entry, "source_code")?
        )),
        "source_items" => Some(format!(
            "{} on {}",
            text(entry, "sku")?,
            text(entry, "source_code")?
        )),
        "products" => named("sku", text(entry, "sku")),
        "customers" => named(
            "email",
            entry.get("customer").and_then(|c| text(c, "email")),
        ),
        "sales_rules" => named("name", text(entry, "name")),
        "coupons" | "tax_rates" | "tax_rules" => named("code", text(entry, "code")),
        "checkout_agreements" => named("name", text(entry, "name")),
        "orders" => named("customer", text(entry, "customer"))
            .or_else(|| named("guest", text(entry, "email"))),
        _ => None,
    }
}

/// `{key: value}`: the body of the REST call an entry stands for.
fn body(key: &str, value: Value) -> Map<String, Value> {
    Map::from_iter([(key.to_owned(), value)])
}

async fn load_entry(db: &Db, section: &str, entry: &Value) -> Result<(), Error> {
    use crate::inventory::master;
    match section {
        "config" => {
            // `{"path", "value"}`, both given (`"value": null` removes the setting); another
            // key is refused, so a misspelt "value" does not silently remove one.
            let Value::Object(fields) = entry else {
                return Err(Error::required("path"));
            };
            if let Some(other) = fields
                .keys()
                .find(|k| !["path", "value"].contains(&k.as_str()))
            {
                return Err(Error::Input(crate::error::Phrase::named(
                    crate::error::FIELD_NOT_SUPPORTED,
                    "fieldName",
                    other.clone(),
                )));
            }
            let path = match fields.get("path") {
                Some(Value::String(path)) => path,
                Some(other) => {
                    return Err(Error::invalid_type(
                        Some("path"),
                        &other.to_string(),
                        "string",
                    ))
                }
                None => return Err(Error::required("path")),
            };
            let value = fields
                .get("value")
                .cloned()
                .ok_or_else(|| Error::required("value"))?;
            let changes =
                db::store::check_settings([(path.to_owned(), value)]).map_err(Error::input)?;
            db.writer
                .write(move |conn| Box::pin(db::store::write_settings(conn, changes)))
                .await
                .map_err(Error::from)
        }
        "sources" => {
            let input = inventory_master::parse_source(&body("source", entry.clone()), None)?;
            master::save_source(db, input).await
        }
        "stocks" => {
            let input = inventory_master::parse_stock(&body("stock", entry.clone()), None)?;
            master::save_stock(db, input).await.map(drop)
        }
        "stock_source_links" => {
            let links = body("links", Value::Array(vec![entry.clone()]));
            master::save_links(db, inventory_master::parse_links(&links)?).await
        }
        "products" => {
            let input = product::parse_save(&body("product", entry.clone()), None)?;
            crate::catalog::save(db, input).await.map(drop)
        }
        "source_items" => {
            let items = body("sourceItems", Value::Array(vec![entry.clone()]));
            master::save_source_items(db, inventory_master::parse_source_items(&items)?).await
        }
        "customers" => {
            let Value::Object(entry) = entry else {
                return Err(Error::required("customer"));
            };
            let (input, password) = customer::parse_create(entry)?;
            crate::customer::create_account(db, input, password)
                .await
                .map(drop)
        }
        "sales_rules" => {
            let input = sales_rule::parse_rule(&body("rule", entry.clone()), None)?;
            crate::checkout::sales_rule::save_rule(db, input)
                .await
                .map(drop)
        }
        "coupons" => {
            let input = sales_rule::parse_coupon(&body("coupon", entry.clone()), None)?;
            crate::checkout::sales_rule::save_coupon(db, input)
                .await
                .map(drop)
        }
        "tax_rates" => {
            let input = wire::tax::parse_tax_rate(&body("taxRate", entry.clone()))?;
            crate::tax::rate::save(db, input).await.map(drop)
        }
        "tax_rules" => {
            let input = wire::tax::parse_tax_rule(&body("rule", entry.clone()))?;
            crate::tax::rule::save(db, input).await.map(drop)
        }
        "checkout_agreements" => {
            let (row, stores) = wire::agreement::parse_seed_agreement(entry)?;
            checkout::agreements::add(db, row, stores).await.map(drop)
        }
        "orders" => place(db, entry).await,
        _ => Ok(()),
    }
}

/// An order of a seed file, placed through checkout:
///
/// ```json
/// {"customer": "jdoe@example.com",
///  "items": [{"sku": "24-WB01", "qty": 2}],
///  "addressInformation": {"shipping_address": {...}, "billing_address": {...},
///                         "shipping_carrier_code": "flatrate", "shipping_method_code": "flatrate"},
///  "paymentMethod": {"method": "checkmo"}}
/// ```
///
/// `customer` names a customer of the main website by e-mail (made in `customers` or earlier);
/// without it the order is a guest's and `email` is required. `items` are `cartItem`s,
/// `addressInformation` is `shipping-information`'s parameter, `coupon_code` is applied as
/// `PUT .../coupons/{code}` does, `paymentMethod`, `billing_address` and `email` are
/// `payment-information`'s.
async fn place(db: &Db, entry: &Value) -> Result<(), Error> {
    let Value::Object(entry) = entry else {
        return Err(Error::required("items"));
    };
    let who = match entry.get("customer") {
        Some(Value::String(email)) => {
            let mut conn = db.read.acquire().await?;
            let Some(customer) = db::customers::customer_by_email(&mut conn, email, 1).await?
            else {
                return Err(Error::no_such_entity("email", email.clone()));
            };
            drop(conn);
            checkout::create_for_customer(db, customer.entity_id, STORE_ID).await?;
            CartRef::Customer(customer.entity_id)
        }
        Some(_) => return Err(Error::required("customer")),
        None => CartRef::Guest(checkout::create_guest(db, STORE_ID).await?),
    };
    let Some(Value::Array(items)) = entry.get("items") else {
        return Err(Error::required("items"));
    };
    for item in items {
        let input = cart::parse_item(&body("cartItem", item.clone()))?;
        checkout::save_item(db, who.clone(), input).await?;
    }
    let info = cart::parse_shipping_information(entry)?;
    checkout::save_shipping_information(
        db,
        who.clone(),
        info.shipping,
        info.billing,
        info.carrier,
        info.method,
        info.pickup_location_code,
    )
    .await?;
    if let Some(code) = entry.get("coupon_code") {
        let code =
            crate::wire::input::to_string(code, crate::wire::input::At::Field("coupon_code"))?;
        if !checkout::cart_coupon::set(db, who.clone(), code).await? {
            return Err(Error::NotFound(crate::error::Phrase::plain(
                checkout::sales_rule::COUPON_NOT_VALID,
            )));
        }
    }
    let payment = cart::parse_payment_information(entry, matches!(who, CartRef::Guest(_)))?;
    // Offline methods only: a seed file has no store configuration for gateways.
    let request = checkout::PlaceRequest {
        method: Some(payment.method),
        billing: payment.billing,
        guest_email: payment.guest_email,
        placement: checkout::Placement::PaymentInformation,
        gateways: checkout::payment::Gateways::default(),
        agreement_ids: payment.agreement_ids,
    };
    checkout::place_order(db, who, request, wire::order_import::parse_order)
        .await
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn entries_are_named_by_their_key() {
        assert_eq!(
            key_of("products", &json!({"sku": "sp1"})).as_deref(),
            Some("sku \"sp1\"")
        );
        assert_eq!(
            key_of(
                "source_items",
                &json!({"sku": "sp1", "source_code": "ne_wh"})
            )
            .as_deref(),
            Some("sp1 on ne_wh")
        );
        assert_eq!(key_of("products", &json!({})), None);
    }
}
