//! The customer checkout (checkout.md): carts (`quote`), their lines, shipping and billing
//! addresses, totals, and placing the order.
//!
//! Every write use case runs in one writer job (src/db/writer.rs): the active cart is resolved,
//! checked and written inside it, so a refusal writes nothing and two checkouts of the last
//! salable units are serialized — the second one sees the first one's `order_placed`
//! reservations and is refused as MSI refuses it
//! (magento/inventory `InventorySales/Plugin/Sales/OrderManagement/AppendReservationsAfterOrderPlacementPlugin.php`,
//! whose `CheckItemsQuantity` runs before the order is saved).

mod address_book;
pub mod agreements;
pub mod cart_coupon;
pub mod cart_save;
pub mod gift_message;
pub mod payment;
pub mod pickup;
pub mod rules;
pub mod sales_rule;
pub mod tax;
pub mod totals;

use rust_decimal::Decimal;
use serde_json::{json, Value};
use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::quotes::{self, QuoteAddressRow, QuoteItemRow, QuoteRow};
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};
use rules::{AddressFacts, ItemFacts, Rule};

use crate::db::directory::{RegionRow, STATE_REQUIRED};
use totals::Totals;

/// `Quote/Model/Webapi/ParamOverriderCartId.php`: a customer token without an active cart.
pub const NO_ACTIVE_CART: &str = "Current customer does not have an active cart.";
/// `TotalsInformationManagement::calculate` (2.4.7/2.4.8): the cart as its totals would be with
/// the posted address, its fields laid over the stored one (`Quote::setShippingAddress` /
/// `setBillingAddress` add the posted data to the address they hold): the billing address of a
/// virtual cart, else the shipping address. Given a carrier and a method (both PHP-truthy), the
/// shipping address takes `<carrier>_<method>` and is saved (`$quoteShippingAddress->save()`,
/// new in 2.4.7; an unknown method finds no rate and ships for 0); otherwise nothing is saved and
/// the stored method stays.
pub async fn with_totals_information(
    db: &Db,
    who: &CartRef,
    posted: QuoteAddressRow,
    method: Option<String>,
) -> Result<Cart> {
    let mut cart = read_cart(db, who).await?;
    if cart.items.is_empty() {
        return Err(Error::input(TOTALS_EMPTY_CART));
    }
    // calculate's setBillingAddress / setShippingAddress, outside any try.
    posted_address_id_check(
        posted.address_id,
        cart.billing.as_ref(),
        cart.shipping.as_ref(),
    )
    .map_err(Error::NotFound)?;
    let is_virtual = cart.items.iter().all(|i| i.is_virtual != 0);
    let quote = &cart.quote;
    let (quote_id, customer_id) = (quote.entity_id, quote.customer_id);
    let slot = if is_virtual {
        &mut cart.billing
    } else {
        &mut cart.shipping
    };
    let held = slot.clone().unwrap_or_else(|| QuoteAddressRow {
        quote_id,
        customer_id,
        address_type: if is_virtual { "billing" } else { "shipping" }.to_owned(),
        ..Default::default()
    });
    let mut address = cart_save::merge_address(Some(held), posted);
    let save = match method {
        Some(method) if !is_virtual => {
            address.shipping_method = Some(method);
            true
        }
        _ => false,
    };
    *slot = Some(address.clone());
    if save {
        db.writer
            .write(move |conn| {
                Box::pin(async move {
                    quotes::save_address(&mut *conn, address).await?;
                    Ok::<_, Error>(())
                })
            })
            .await?;
    }
    Ok(cart)
}

/// `ShippingMethodManagement::set` then `apply`: the method code on the stored shipping
/// address, unchecked (an unknown one finds no rate: shipping 0), after the cart's checks.
pub async fn set_shipping_method(db: &Db, who: CartRef, code: String) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let quote = resolve(&mut *conn, &who).await?;
                let quote_id = quote.entity_id;
                let cart = load_cart(&mut *conn, quote).await?;
                if cart.items.is_empty() {
                    return Err(Error::input(EMPTY_CART_SHIPPING));
                }
                if cart.items.iter().all(|i| i.is_virtual != 0) {
                    return Err(Error::NotFound(Phrase::plain(VIRTUAL_ONLY)));
                }
                let Some(mut shipping) = cart
                    .shipping
                    .filter(|a| a.country_id.as_deref().is_some_and(|c| !c.is_empty()))
                else {
                    return Err(Error::input(SHIPPING_ADDRESS_MISSING));
                };
                shipping.shipping_method = Some(code);
                quotes::save_address(&mut *conn, shipping).await?;
                cart_coupon::settle(conn, quote_id).await
            })
        })
        .await
}

/// `ShippingMethodManagement::apply` on a cart of virtual products only (404).
pub const VIRTUAL_ONLY: &str =
    "The Cart includes virtual product(s) only, so a shipping address is not used.";

/// `CartTotalManagement::collectTotals`: the shipping method when both codes are posted, then
/// the payment (`PaymentMethodManagement::set`). Each is saved on its own, as Magento saves
/// the method before the payment's checks: a refused payment keeps the method.
pub async fn collect_totals(
    db: &Db,
    who: CartRef,
    shipping_code: Option<String>,
    payment_method: String,
) -> Result<()> {
    if let Some(code) = shipping_code {
        set_shipping_method(db, who.clone(), code).await?;
    }
    cart_coupon::set_payment_information(db, who, payment_method, None, None).await
}

/// `TotalsInformationManagement::checkQuote` (no final period in Magento's phrase).
pub const TOTALS_EMPTY_CART: &str = "Totals calculation is not applicable to empty cart";

/// `ShippingMethodManagement::estimateByAddressId`'s `getAddress` (2.4.9): whether
/// `address_id` is one of the addresses of the cart's customer (a guest cart has none).
pub async fn customer_has_address(db: &Db, cart: &Cart, address_id: i64) -> Result<bool> {
    let Some(customer_id) = cart.quote.customer_id else {
        return Ok(false);
    };
    let mut conn = db.read.acquire().await?;
    let addresses = crate::db::customers::addresses(&mut conn, customer_id).await?;
    Ok(addresses.iter().any(|a| a.entity_id == address_id))
}

/// `QuoteManagement::assignCustomer` with a store outside the customer's website.
pub const CART_OTHER_STORE: &str =
    "The customer can't be assigned to the cart. The cart belongs to a different store.";
/// `QuoteManagement::assignCustomer` on a cart that has a customer.
pub const CART_NOT_ANONYMOUS: &str =
    "The customer can't be assigned to the cart because the cart isn't anonymous.";
/// `QuoteManagement::createEmptyCartForCustomer`.
pub const QUOTE_NOT_CREATED: &str = "The quote can't be created.";
/// `Quote::addProduct` for a disabled product or one outside the store's website.
pub const PRODUCT_NOT_AVAILABLE: &str = "Product that you are trying to add is not available.";

/// `Quote/Model/Quote/Item/CartItemPersister.php` / `Repository::deleteById`.
pub const CART_DOES_NOT_CONTAIN: &str = "The %1 Cart doesn't contain the %2 item.";
/// `ShippingInformationManagement::saveAddressInformation`.
pub const EMPTY_CART_SHIPPING: &str =
    "The shipping method can't be set for an empty cart. Add an item to cart and try again.";
pub const SHIPPING_ADDRESS_MISSING: &str =
    "The shipping address is missing. Set the address and try again.";
pub const CARRIER_NOT_FOUND: &str = "Carrier with such method not found: %1, %2";
pub const SHIPPING_METHOD_MISSING: &str =
    "The shipping method is missing. Select the shipping method and try again.";
/// `PaymentMethodManagement::set`.
pub const PAYMENT_NOT_AVAILABLE: &str = "The requested Payment Method is not available.";
/// `QuoteManagement::submit` with no visible items, and any non-localized failure.
pub const ORDER_SERVER_ERROR: &str =
    "A server error stopped your order from being placed. Please try to place your order again.";
/// `QuoteValidator::validateBeforeSubmit` without a payment method.
pub const PAYMENT_METHOD_MISSING: &str = "Enter a valid payment method and try again.";
/// `QuoteValidator::validateBeforeSubmit` without a billing address.
pub const BILLING_ADDRESS_MISSING: &str = "Please check the billing address information.";
/// `ShippingInformationManagement::saveAddressInformation` when the quote save fails.
pub const SHIPPING_INFO_NOT_SAVED: &str =
    "The shipping information was unable to be saved. Error: \"%message\"";
/// `QuoteAddressValidator::doValidate`.
pub const INVALID_CUSTOMER_ADDRESS_ID: &str = "Invalid customer address id %1";
pub const INVALID_ADDRESS_ID: &str = "Invalid address id %1";
/// `QuoteAddressValidator::validateWithExistingAddress` ([`posted_address_id_check`]).
pub const INVALID_QUOTE_ADDRESS_ID: &str = "Invalid quote address id %1";
/// `BillingAddressManagement::assign` when the quote save fails.
pub const ADDRESS_NOT_SAVED: &str = "The address failed to save. Verify the address and try again.";
/// `AllowedCountryValidationRule`'s general message (Quote/etc/di.xml).
pub const COUNTRY_NOT_ALLOWED: &str =
    "Some addresses can't be used due to the configurations for specific countries.";
/// `ShippingAddressValidationRule`'s general message (Quote/etc/di.xml).
pub const SHIPPING_ADDRESS_INVALID: &str = "Please check the shipping address information.";

/// An address `Quote\Address::validate` refuses: the rule's general message, then every
/// missing field, as `QuoteValidator::validateBeforeSubmit` throws it (`%1` and its parameter).
/// Through `payment-information` the text comes rendered: `savePaymentInformationAndPlaceOrder`
/// re-throws `__($e->getMessage())`.
async fn address_check(
    conn: &mut SqliteConnection,
    general: &str,
    address: &QuoteAddressRow,
    placement: Placement,
) -> Result<()> {
    let regions = match address.country_id.as_deref() {
        Some(c) if !c.trim().is_empty() => db::directory::country_regions(conn, c).await?,
        _ => Some(Vec::new()),
    };
    let errors = address_errors(address, regions.as_deref());
    if errors.is_empty() {
        return Ok(());
    }
    Err(placement.before_submit(general, &errors))
}

/// Countries whose addresses need no postcode (`general/country/optional_zip_countries`).
const OPTIONAL_ZIP_COUNTRIES: [&str; 6] = ["HK", "IE", "MO", "PA", "GB", "XX"];

/// `Quote\Address::validate` on a stock store: Customer's address validators `General`
/// (first and last name, first street line, city; then telephone, required by default, and
/// the postcode unless the country is one of [`OPTIONAL_ZIP_COUNTRIES`]) and `Country` (a
/// country). A value is missing when empty or blank (Laminas `NotEmpty`: `"0"` is a value).
/// `BillingAddressValidationRule` reports them after its general message, and
/// `QuoteValidator::validateBeforeSubmit` joins them with spaces into its `%1`.
fn address_errors(a: &QuoteAddressRow, regions: Option<&[RegionRow]>) -> Vec<String> {
    let missing = |v: Option<&str>| v.is_none_or(|v| v.trim().is_empty());
    let first_street_line = a.street.as_deref().and_then(|s| s.lines().next());
    let zip_optional = a
        .country_id
        .as_deref()
        .is_some_and(|c| OPTIONAL_ZIP_COUNTRIES.contains(&c));
    [
        ("firstname", missing(a.firstname.as_deref())),
        ("lastname", missing(a.lastname.as_deref())),
        ("street", missing(first_street_line)),
        ("city", missing(a.city.as_deref())),
        ("telephone", missing(a.telephone.as_deref())),
        ("postcode", !zip_optional && missing(a.postcode.as_deref())),
    ]
    .into_iter()
    .filter(|(_, is_missing)| *is_missing)
    .map(|(field, _)| Phrase::named(e::FIELD_REQUIRED, "fieldName", field).render())
    .chain(country_errors(a, regions).map(|p| p.render()))
    .collect()
}

/// `Validator\Country` on a quote address: the country (required, or one the store allows,
/// compared exactly), then its region: required for a country of
/// `general/region/state_required` (by id when the country has a region list), an id of the
/// country's list. The address's region id is `AbstractAddress::getRegionId`'s, its codes
/// looked up in the country without case (as MySQL compares): so a region text that is no
/// code ("California" with `region_code` "CA") finds no region, as in Magento.
fn country_errors(a: &QuoteAddressRow, regions: Option<&[RegionRow]>) -> Option<Phrase> {
    let required = |name: &str| Phrase::named(e::FIELD_REQUIRED, "fieldName", name);
    let country = a.country_id.as_deref().filter(|c| !c.trim().is_empty());
    let Some(country) = country else {
        return Some(required("countryId"));
    };
    let Some(regions) = regions else {
        return Some(Phrase::invalid_escaped("countryId", country));
    };
    let region_text = a.region.as_deref().filter(|r| !r.trim().is_empty());
    let by_code = |code: &str| {
        regions
            .iter()
            .find(|r| {
                r.code
                    .as_deref()
                    .is_some_and(|c| c.eq_ignore_ascii_case(code))
            })
            .map(|r| r.region_id)
    };
    // AbstractAddress::getRegionId: the id; a numeric text as a code, else as the id; else the
    // code getRegionCode gives, where a region text wins over the posted region_code.
    let region_id = a
        .region_id
        .filter(|id| *id != 0)
        .or_else(|| match a.region.as_deref() {
            Some(t) if t.trim().parse::<f64>().is_ok() => {
                by_code(t).or_else(|| t.trim().parse::<i64>().ok())
            }
            Some(t) => by_code(t),
            None => a.region_code.as_deref().and_then(by_code),
        });
    let state_required = STATE_REQUIRED.contains(&country);
    if state_required && regions.is_empty() && region_text.is_none() {
        Some(required("region"))
    } else if !regions.is_empty() && region_id.is_none() && state_required {
        Some(required("regionId"))
    } else {
        region_id
            .filter(|id| !regions.is_empty() && !regions.iter().any(|r| r.region_id == *id))
            .map(|id| Phrase::invalid_escaped("regionId", &id.to_string()))
    }
}

/// The website of store `store_id` and the stock its sales channel is assigned to (MSI
/// `StockResolver`; the default stock 1 when no channel names the website).
async fn store_stock(conn: &mut SqliteConnection, store_id: i64) -> Result<(i64, i64)> {
    Ok(db::store::website_and_stock(conn, store_id).await?)
}

/// The customer's active cart, or the 404 of `%cart_id%`.
pub async fn active_cart(conn: &mut SqliteConnection, customer_id: i64) -> Result<QuoteRow> {
    quotes::active_for_customer(conn, customer_id)
        .await?
        .ok_or_else(|| Error::NotFound(Phrase::plain(NO_ACTIVE_CART)))
}

/// Which cart a route works on: the customer's active cart (`/V1/carts/mine`, `%cart_id%`) or
/// a guest cart by its masked id (`/V1/guest-carts/{cartId}`, `QuoteIdMask`).
#[derive(Debug, Clone)]
pub enum CartRef {
    Customer(i64),
    Guest(String),
    /// The admin routes' `/V1/carts/{cartId}` (`QuoteRepository::getActive`).
    Id(i64),
}

/// The active cart `who` names. A guest mask that names no cart loads the quote id null:
/// `QuoteRepository::loadQuote`'s `NoSuchEntityException::singleField('cartId', null)`; an
/// inactive one is `getActive`'s 404 with the quote id.
pub async fn resolve(conn: &mut SqliteConnection, who: &CartRef) -> Result<QuoteRow> {
    match who {
        CartRef::Customer(id) => active_cart(conn, *id).await,
        CartRef::Guest(mask) => match quotes::quote_by_mask(conn, mask).await? {
            None => Err(Error::no_such_entity("cartId", Value::Null)),
            Some(q) if q.is_active == 0 => Err(Error::no_such_entity("cartId", q.entity_id)),
            Some(q) => Ok(q),
        },
        CartRef::Id(id) => match quotes::quote(conn, *id).await? {
            Some(q) if q.is_active != 0 => Ok(q),
            _ => Err(Error::no_such_entity("cartId", *id)),
        },
    }
}

/// A cart with what totals need.
#[derive(Debug, Clone)]
pub struct Cart {
    pub quote: QuoteRow,
    pub items: Vec<QuoteItemRow>,
    pub shipping: Option<QuoteAddressRow>,
    pub billing: Option<QuoteAddressRow>,
    pub website_id: i64,
    pub stock_id: i64,
    /// The pickup location kept for the shipping address (`pickup::CODE` carts).
    pub pickup: Option<crate::db::inventory_master::Source>,
    /// What the rules' product conditions read of each line, in line order.
    pub facts: Vec<ItemFacts>,
    /// The active cart price rules for the cart's website, group and coupon.
    pub rules: Vec<Rule>,
    /// The tax class of the cart's customer group (`customer_tax_class_id`).
    pub customer_tax_class: i64,
    /// The tax rules' rates for the cart's customer class ([`tax`]).
    pub tax_rates: Vec<tax::RateCandidate>,
    /// One per line: its product's tax class (`tax_class_id`, 2 by default).
    pub product_classes: Vec<i64>,
    /// The customer's default (shipping, billing) addresses, where the tax is computed for
    /// when the cart's address has no country.
    pub customer_tax_address: (Option<tax::TaxAddress>, Option<tax::TaxAddress>),
}

impl Cart {
    pub fn totals(&self) -> Totals {
        let is_virtual = totals::is_virtual(&self.items);
        // Address conditions read the shipping address (the billing one for a virtual cart).
        let address = if is_virtual {
            self.billing.as_ref()
        } else {
            self.shipping.as_ref()
        };
        let facts = AddressFacts {
            payment_method: self.quote.payment_method.clone(),
            shipping_method: address.and_then(|a| a.shipping_method.clone()),
            postcode: address.and_then(|a| a.postcode.clone()),
            region: address.and_then(|a| a.region.clone()),
            region_id: address.and_then(|a| a.region_id),
            country_id: address.and_then(|a| a.country_id.clone()),
            ..Default::default()
        };
        let method = self
            .shipping
            .as_ref()
            .and_then(|a| a.shipping_method.as_deref());
        let mut t = totals::collect(&totals::CollectInput {
            items: &self.items,
            facts: &self.facts,
            rules: &self.rules,
            address: facts,
            method,
            tax_rates: &self.tax_rates,
            tax_address: self.tax_address(address),
            product_classes: &self.product_classes,
        });
        if let (Some(pickup::CODE), Some(location)) = (method, &self.pickup) {
            t.shipping_description = Some(pickup::description(location));
        }
        t
    }
}

impl Cart {
    /// `Calculation::getRateRequest` with `based_on` shipping: the collected address when it
    /// has a country; else a customer's default shipping address (for a virtual cart its
    /// default billing one first: `CommonTaxCollector::populateAddressData` imports it into
    /// the billing address it collects), a guest's billing address with a country; else the
    /// store's default (`tax/defaults`: US, every region, no postcode).
    fn tax_address(&self, collected: Option<&QuoteAddressRow>) -> tax::TaxAddress {
        let of = |a: &QuoteAddressRow| tax::TaxAddress {
            country: a.country_id.clone(),
            region_id: a.region_id,
            region_code: a.region_code.clone(),
            region: a.region.clone(),
            postcode: a.postcode.clone(),
        };
        let has_country =
            |a: &&QuoteAddressRow| a.country_id.as_deref().is_some_and(|c| !c.is_empty());
        if let Some(a) = collected.filter(has_country) {
            return of(a);
        }
        let customer = self.quote.customer_id.is_some() && self.quote.customer_is_guest == 0;
        if customer {
            let (shipping, billing) = &self.customer_tax_address;
            let is_virtual = totals::is_virtual(&self.items);
            let defaults = if is_virtual {
                [billing, shipping]
            } else {
                [shipping, &None]
            };
            if let Some(a) = defaults.into_iter().flatten().next() {
                return a.clone();
            }
        } else if let Some(a) = self.billing.as_ref().filter(has_country) {
            return of(a);
        }
        tax::TaxAddress {
            country: Some("US".into()),
            region_id: Some(0),
            ..tax::TaxAddress::default()
        }
    }
}

/// The product's tax class (`tax_class_id` among its attributes; 2, Taxable Goods, without).
fn product_tax_class(facts: &ItemFacts) -> i64 {
    facts
        .attributes
        .iter()
        .find(|(code, _)| code == "tax_class_id")
        .map(|(_, v)| {
            // `(int)` of what the attribute holds: "2.0" is 2.
            let text = match v {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.trim().to_owned(),
                _ => String::new(),
            };
            text.parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map_or(0, |f| f.trunc() as i64)
        })
        .unwrap_or(2)
}

/// The customer group's tax class, and the tax rules' rates for it (titles of the cart's
/// store).
async fn cart_tax_rates(
    conn: &mut SqliteConnection,
    quote: &QuoteRow,
) -> Result<(i64, Vec<tax::RateCandidate>)> {
    // `getNotLoggedInGroup` and the stock groups all pay by class 3.
    let class = db::tax_rates::group_tax_class(&mut *conn, quote.customer_group_id)
        .await?
        .unwrap_or(3);
    let rows = db::tax_rates::rule_rates(&mut *conn, class, quote.store_id).await?;
    let rates = rows
        .into_iter()
        .map(|r| tax::RateCandidate {
            rule_id: r.tax_calculation_rule_id,
            priority: r.priority,
            calculate_subtotal: r.calculate_subtotal != 0,
            product_class_id: r.product_tax_class_id,
            rate_id: r.tax_calculation_rate_id,
            code: r.code,
            title: r.title,
            value: r.rate.decimal(),
            country: r.tax_country_id,
            region_id: r.tax_region_id,
            region_code: r.region_code,
            postcode: r.tax_postcode,
            zip_is_range: r.zip_is_range.is_some(),
            zip_from: r.zip_from,
            zip_to: r.zip_to,
        })
        .collect();
    Ok((class, rates))
}

/// A customer's default (shipping, billing) addresses as tax addresses.
async fn customer_tax_address(
    conn: &mut SqliteConnection,
    customer_id: Option<i64>,
) -> Result<(Option<tax::TaxAddress>, Option<tax::TaxAddress>)> {
    let Some(id) = customer_id else {
        return Ok((None, None));
    };
    let Some(customer) = db::customers::customer(&mut *conn, id).await? else {
        return Ok((None, None));
    };
    let mut found = [None, None];
    for (slot, address_id) in found
        .iter_mut()
        .zip([customer.default_shipping, customer.default_billing])
    {
        if let Some(address_id) = address_id {
            *slot = db::customers::address(&mut *conn, address_id)
                .await?
                .map(|a| tax::TaxAddress {
                    country: Some(a.country_id),
                    region_id: a.region_id,
                    region_code: a.region_code,
                    region: a.region,
                    postcode: a.postcode,
                });
        }
    }
    let [shipping, billing] = found;
    Ok((shipping, billing))
}

/// The product facts of a line (`Rule\Condition\Product` reads the product).
async fn item_facts(conn: &mut SqliteConnection, item: &QuoteItemRow) -> Result<ItemFacts> {
    let product = db::catalog::product_by_id(&mut *conn, item.product_id).await?;
    let categories = db::catalog::category_links(&mut *conn, item.product_id).await?;
    let price = item.price.decimal();
    let mut facts = ItemFacts {
        sku: item.sku.clone(),
        name: item.name.clone(),
        type_id: item.product_type.clone(),
        category_ids: categories.iter().map(|(id, _)| *id).collect(),
        qty: item.qty.decimal(),
        price,
        // Checked: a line saved before `check_fits` bounded its qty reads as an error, not a
        // panic.
        row_total: price
            .checked_mul(item.qty.decimal())
            .ok_or_else(|| Error::internal("a cart line's row total overflows"))?
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        ..Default::default()
    };
    if let Some(p) = product {
        facts.attribute_set_id = p.attribute_set_id;
        facts.product_price = p.price.decimal();
        facts.weight = p.weight.map(Amount::decimal);
        facts.attributes = serde_json::from_str(&p.custom_attributes).unwrap_or_default();
        facts.is_qty_decimal = p.is_qty_decimal != 0;
    }
    Ok(facts)
}

pub async fn load_cart(conn: &mut SqliteConnection, quote: QuoteRow) -> Result<Cart> {
    let items = quotes::items(&mut *conn, quote.entity_id).await?;
    let shipping = quotes::address(&mut *conn, quote.entity_id, "shipping").await?;
    let billing = quotes::address(&mut *conn, quote.entity_id, "billing").await?;
    let (website_id, stock_id) = store_stock(&mut *conn, quote.store_id).await?;
    // The kept code names a pickup location only while it is one of the website's stock,
    // enabled and active (`GetPickupLocation`, which the placement rule asks again).
    let pickup = match &shipping {
        Some(a) => match pickup::quote_location_code(&mut *conn, a.address_id).await? {
            Some(code) => pickup::location(&mut *conn, stock_id, &code).await?,
            None => None,
        },
        None => None,
    };
    let mut facts = Vec::with_capacity(items.len());
    for item in &items {
        facts.push(item_facts(&mut *conn, item).await?);
    }
    let rules = sales_rule::rules_for_cart(
        &mut *conn,
        website_id,
        quote.customer_group_id,
        quote.store_id,
        quote.customer_id,
        quote.coupon_code.as_deref(),
    )
    .await?;
    let (customer_tax_class, tax_rates) = cart_tax_rates(&mut *conn, &quote).await?;
    let customer_tax_address = if tax_rates.is_empty() {
        (None, None)
    } else {
        customer_tax_address(&mut *conn, quote.customer_id).await?
    };
    let product_classes = facts.iter().map(product_tax_class).collect();
    Ok(Cart {
        quote,
        items,
        shipping,
        billing,
        website_id,
        stock_id,
        pickup,
        facts,
        rules,
        customer_tax_class,
        tax_rates,
        product_classes,
        customer_tax_address,
    })
}

/// Whether In-Store Pickup is offered for `cart` (see [`pickup::offered`]).
pub async fn pickup_offered(db: &Db, cart: &Cart) -> Result<bool> {
    let mut conn = db.read.acquire().await?;
    pickup::offered(&mut conn, cart).await
}

/// `QuoteRepository::getList`: one page of carts, active or not (every `quote` column
/// searchable), each loaded whole, and the count of all matches.
pub async fn list_carts(
    db: &Db,
    criteria: &crate::search::SearchCriteria,
) -> Result<(Vec<Cart>, i64)> {
    let mut conn = db.read.acquire().await?;
    let (rows, total) =
        db::search::rows::<QuoteRow>(&mut conn, "quote", "entity_id", criteria).await?;
    let mut carts = Vec::with_capacity(rows.len());
    for quote in rows {
        carts.push(load_cart(&mut conn, quote).await?);
    }
    Ok((carts, total))
}

/// The active cart `who` names, for a read (`GET` routes).
pub async fn read_cart(db: &Db, who: &CartRef) -> Result<Cart> {
    let mut conn = db.read.acquire().await?;
    let quote = resolve(&mut conn, who).await?;
    load_cart(&mut conn, quote).await
}

/// `CartRepositoryInterface::get` (and the guest one): `QuoteRepository::get` has no active
/// check, unlike `getActive`, so a cart already ordered reads with `is_active` false. The
/// customer's `mine` route reads the active cart (`getForCustomer`) as before.
pub async fn read_any_cart(db: &Db, who: &CartRef) -> Result<Cart> {
    let mut conn = db.read.acquire().await?;
    let quote = match who {
        CartRef::Guest(mask) => quotes::quote_by_mask(&mut conn, mask)
            .await?
            .ok_or_else(|| Error::no_such_entity("cartId", Value::Null))?,
        CartRef::Id(id) => quotes::quote(&mut conn, *id)
            .await?
            .ok_or_else(|| Error::no_such_entity("cartId", *id))?,
        CartRef::Customer(_) => resolve(&mut conn, who).await?,
    };
    load_cart(&mut conn, quote).await
}

/// `QuoteManagement::assignCustomer` (2.4, magento/magento2 PR #24862): an active anonymous
/// cart becomes the customer's. In order: the cart (404), the customer (404), `store_id`
/// among the stores of the customer's website (400), a cart without customer (400). The
/// customer's active cart, if any, is merged into it (`Quote::merge`: a line of the same
/// product and links adds its quantity, any other is copied; its coupon wins) and made
/// inactive; the cart takes the customer, stays active and loses its guest mask.
pub async fn assign_customer(db: &Db, who: CartRef, customer_id: i64, store_id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let (found, shown) = match &who {
                    CartRef::Guest(mask) => {
                        (quotes::quote_by_mask(&mut *conn, mask).await?, Value::Null)
                    }
                    CartRef::Id(id) => (quotes::quote(&mut *conn, *id).await?, Value::from(*id)),
                    CartRef::Customer(_) => (Some(resolve(&mut *conn, &who).await?), Value::Null),
                };
                let Some(mut quote) = found.filter(|q| q.is_active == 1) else {
                    return Err(Error::no_such_entity("cartId", shown));
                };
                let Some(customer) = db::customers::customer(&mut *conn, customer_id).await? else {
                    return Err(Error::no_such_entity("customerId", customer_id));
                };
                let stores = db::store::views(&mut *conn).await?;
                let shared = stores
                    .iter()
                    .any(|s| s.store_id == store_id && Some(s.website_id) == customer.website_id);
                if !shared {
                    return Err(Error::input(CART_OTHER_STORE));
                }
                if quote.customer_id.is_some() {
                    return Err(Error::input(CART_NOT_ANONYMOUS));
                }
                let now = db::now_timestamp();
                if let Some(mut old) = quotes::active_for_customer(&mut *conn, customer_id).await? {
                    let mut lines = quotes::items(&mut *conn, quote.entity_id).await?;
                    for item in quotes::items(&mut *conn, old.entity_id).await? {
                        // A line's gift message goes with it: the copy keeps it, and
                        // GiftMessage's `Plugin\MergeQuoteItems::afterMerge` puts it on
                        // the line it merges into.
                        let message = db::gift_messages::message_id_of(
                            &mut *conn,
                            db::gift_messages::Holder::QuoteItem(item.item_id),
                        )
                        .await?
                        .filter(|id| *id != 0);
                        let same = lines.iter_mut().find(|l| {
                            l.product_id == item.product_id
                                && l.downloadable_links == item.downloadable_links
                        });
                        let target = match same {
                            Some(line) => {
                                line.qty += item.qty;
                                line.updated_at = now.clone();
                                db::update(&mut *conn, "quote_item", "item_id", &*line).await?;
                                line.item_id
                            }
                            None => {
                                let mut copy = QuoteItemRow {
                                    item_id: 0,
                                    quote_id: quote.entity_id,
                                    ..item
                                };
                                copy.item_id =
                                    db::insert(&mut *conn, "quote_item", "item_id", &copy).await?;
                                let id = copy.item_id;
                                lines.push(copy);
                                id
                            }
                        };
                        if let Some(message) = message {
                            let holder = db::gift_messages::Holder::QuoteItem(target);
                            db::gift_messages::point(&mut *conn, holder, message, &now).await?;
                        }
                    }
                    if old.coupon_code.as_deref().is_some_and(|c| !c.is_empty()) {
                        quote.coupon_code = old.coupon_code.clone();
                    }
                    old.is_active = 0;
                    old.updated_at = now.clone();
                    db::update(&mut *conn, "quote", "entity_id", &old).await?;
                }
                quote.customer_id = Some(customer_id);
                quote.customer_email = Some(customer.email);
                quote.customer_firstname = Some(customer.firstname);
                quote.customer_lastname = Some(customer.lastname);
                quote.customer_group_id = customer.group_id;
                quote.customer_is_guest = 0;
                quote.is_active = 1;
                quote.masked_id = None;
                quote.updated_at = now;
                let quote_id = quote.entity_id;
                db::update(&mut *conn, "quote", "entity_id", &quote).await?;
                cart_coupon::settle(conn, quote_id).await
            })
        })
        .await
}

/// `QuoteManagement::createEmptyCartForCustomer`: the active cart's id, or a new cart's.
pub async fn create_for_customer(db: &Db, customer_id: i64, store_id: i64) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                if let Some(q) = quotes::active_for_customer(&mut *conn, customer_id).await? {
                    return Ok(q.entity_id);
                }
                Ok(insert_customer_quote(conn, customer_id, store_id)
                    .await?
                    .entity_id)
            })
        })
        .await
}

/// A new active cart for the customer, with her e-mail, names and group
/// (`createEmptyCartForCustomer`'s quote); `The quote can't be created.` without her.
async fn insert_customer_quote(
    conn: &mut SqliteConnection,
    customer_id: i64,
    store_id: i64,
) -> Result<QuoteRow> {
    let Some(c) = db::customers::customer(&mut *conn, customer_id).await? else {
        return Err(Error::input(QUOTE_NOT_CREATED));
    };
    let now = db::now_timestamp();
    let mut row = QuoteRow {
        store_id,
        is_active: 1,
        customer_id: Some(customer_id),
        customer_email: Some(c.email),
        customer_firstname: Some(c.firstname),
        customer_lastname: Some(c.lastname),
        customer_group_id: c.group_id,
        created_at: now.clone(),
        updated_at: now,
        ..Default::default()
    };
    row.entity_id = db::insert(&mut *conn, "quote", "entity_id", &row).await?;
    Ok(row)
}

/// `QuoteManagement::createEmptyCart` (admin `POST /V1/carts/`): a new cart without customer.
pub async fn create_empty(db: &Db, store_id: i64) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let now = db::now_timestamp();
                // QuoteManagement::createEmptyCart: `setCustomerIsGuest(1)`.
                let row = QuoteRow {
                    store_id,
                    is_active: 1,
                    customer_is_guest: 1,
                    created_at: now.clone(),
                    updated_at: now,
                    ..Default::default()
                };
                Ok(db::insert(&mut *conn, "quote", "entity_id", &row).await?)
            })
        })
        .await
}

/// `GuestCartManagement::createEmptyCart`: a new cart and its mask (32 random characters,
/// `QuoteIdMask::beforeSave` → `Math\Random::getUniqueHash`), which the reply gives.
pub async fn create_guest(db: &Db, store_id: i64) -> Result<String> {
    let mask = random_mask();
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let now = db::now_timestamp();
                let row = QuoteRow {
                    store_id,
                    is_active: 1,
                    customer_is_guest: 1,
                    masked_id: Some(mask.clone()),
                    created_at: now.clone(),
                    updated_at: now,
                    ..Default::default()
                };
                db::insert(&mut *conn, "quote", "entity_id", &row).await?;
                Ok(mask)
            })
        })
        .await
}

fn random_mask() -> String {
    use rand::distr::{Alphanumeric, SampleString};
    Alphanumeric.sample_string(&mut rand::rng(), 32)
}

/// A cart line as posted (`CartItemInterface`).
#[derive(Debug, Clone, Default)]
pub struct ItemInput {
    pub item_id: Option<i64>,
    pub sku: Option<String>,
    pub qty: Option<Amount>,
    /// The raw qty as sent, for the error message.
    pub qty_shown: Value,
    pub downloadable_links: Option<Vec<i64>>,
    /// `cartItem.quote_id` as posted (a string; an int is cast).
    pub quote_id: Option<String>,
}

fn qty_error(shown: &Value) -> Error {
    Error::Input(Phrase::values(
        crate::error::INVALID_FIELD_VALUE,
        vec![("fieldName", json!("qty")), ("value", shown.clone())],
    ))
}

fn not_contained(quote_id: i64, item_id: i64) -> Error {
    Error::NotFound(Phrase::positional(
        CART_DOES_NOT_CONTAIN,
        vec![quote_id.to_string(), item_id.to_string()],
    ))
}

/// Refuses a line whose qty is past Magento's `DECIMAL(12,4)` quantity columns or whose row
/// total (price × qty) is past what magemu stores: a product's stock may be unmanaged and its
/// sale quantity unbounded, and the cart's totals are figured from every line on each read.
fn check_fits(price: &Amount, qty: Amount, shown: &Value) -> Result<()> {
    if qty.is_qty_storable() && price.checked_mul(qty).is_some() {
        Ok(())
    } else {
        Err(qty_error(shown))
    }
}

/// The salability chain's refusal for `qty` of `sku` (2.4.0 text for "not enough").
async fn check_salable(
    conn: &mut SqliteConnection,
    sku: &str,
    stock_id: i64,
    qty: Decimal,
) -> Result<()> {
    let errors = crate::inventory::salability::salable_for_qty(conn, sku, stock_id, qty).await?;
    match errors.last() {
        None => Ok(()),
        // The chain's last error, as `CheckQuoteItemQtyPlugin` keeps it: MSI 2.4.7/2.4.8's
        // `IsSalableWithReservationsCondition` says `Not enough items for sale` (2.4.0-2.4.6:
        // `The requested qty is not available`).
        Some(err) => Err(Error::input(err.message.clone())),
    }
}

/// `CartItemRepository::save` on a customer's active cart: a new line (or more of a line with
/// the same product), or a new qty for `item_id`. Returns the saved line's id.
pub async fn save_item(db: &Db, who: CartRef, input: ItemInput) -> Result<(i64, i64)> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let quote = resolve(&mut *conn, &who).await?;
                let mut lines = CartLines::load(&mut *conn, &quote).await?;
                let saved = save_item_on(&mut *conn, &mut lines, input).await?;
                cart_coupon::settle(conn, saved.0).await?;
                Ok(saved)
            })
        })
        .await
}

/// What saving a line reads of its cart: the lines, and the website and stock of the cart's
/// store. [`save_item_on`] keeps the lines as it saves them, so that a save of many lines
/// (`PUT /V1/carts/mine`) reads them once.
pub(crate) struct CartLines {
    quote_id: i64,
    items: Vec<QuoteItemRow>,
    website_id: i64,
    stock_id: i64,
}

impl CartLines {
    pub(crate) async fn load(conn: &mut SqliteConnection, quote: &QuoteRow) -> Result<CartLines> {
        let items = quotes::items(&mut *conn, quote.entity_id).await?;
        let (website_id, stock_id) = store_stock(&mut *conn, quote.store_id).await?;
        Ok(CartLines {
            quote_id: quote.entity_id,
            items,
            website_id,
            stock_id,
        })
    }
}

async fn save_item_on(
    conn: &mut SqliteConnection,
    cart: &mut CartLines,
    input: ItemInput,
) -> Result<(i64, i64)> {
    let quote_id = cart.quote_id;
    // CartItemPersister::save: a qty that is not a positive number is refused first.
    let qty = match input.qty {
        Some(q) if q > Amount::ZERO => q,
        _ => return Err(qty_error(&input.qty_shown)),
    };
    let now = db::now_timestamp();
    if let Some(item_id) = input.item_id {
        let Some(line) = cart.items.iter_mut().find(|i| i.item_id == item_id) else {
            return Err(not_contained(quote_id, item_id));
        };
        // CartItemPersister: a posted `product_option` is a new buy request for the line
        // (`Quote::updateItem`), which prepares the product again: the links and the price.
        if let (Some(asked), Some(product)) = (
            input.downloadable_links.as_deref(),
            db::catalog::product_by_sku(&mut *conn, &line.sku).await?,
        ) {
            if product.type_id == "downloadable" {
                let (price, links) = downloadable_line(&mut *conn, &product, Some(asked)).await?;
                line.price = price;
                line.downloadable_links = links;
            }
        }
        check_fits(&line.price, qty, &input.qty_shown)?;
        check_salable(&mut *conn, &line.sku, cart.stock_id, qty.decimal()).await?;
        line.qty = qty;
        line.updated_at = now;
        db::update(&mut *conn, "quote_item", "item_id", &*line).await?;
        return Ok((quote_id, item_id));
    }
    let sku = input.sku.unwrap_or_default();
    let product = db::catalog::product_by_sku(&mut *conn, &sku)
        .await?
        .ok_or_else(|| Error::NotFound(Phrase::plain(e::PRODUCT_DOES_NOT_EXIST)))?;
    let websites = db::catalog::website_ids(&mut *conn, product.entity_id).await?;
    if product.status != 1 || !websites.contains(&cart.website_id) {
        return Err(Error::input(PRODUCT_NOT_AVAILABLE));
    }
    let (price, links) =
        downloadable_line(&mut *conn, &product, input.downloadable_links.as_deref()).await?;
    // Quote::addProduct: the same product with the same options adds to the existing line.
    let existing = cart
        .items
        .iter()
        .position(|i| i.product_id == product.entity_id && i.downloadable_links == links);
    let total_qty = existing.map(|at| cart.items[at].qty).unwrap_or_default() + qty;
    check_fits(&price, total_qty, &input.qty_shown)?;
    check_salable(&mut *conn, &product.sku, cart.stock_id, total_qty.decimal()).await?;
    if let Some(at) = existing {
        let line = &mut cart.items[at];
        line.qty = total_qty;
        line.updated_at = now;
        db::update(&mut *conn, "quote_item", "item_id", &*line).await?;
        return Ok((quote_id, line.item_id));
    }
    let is_virtual = matches!(product.type_id.as_str(), "virtual" | "downloadable")
        && product.weight.is_none_or(|w| w.is_zero());
    let row = QuoteItemRow {
        quote_id,
        product_id: product.entity_id,
        sku: product.sku,
        name: Some(product.name),
        product_type: product.type_id,
        is_virtual: is_virtual as i64,
        qty,
        price,
        downloadable_links: links,
        created_at: now.clone(),
        updated_at: now,
        ..Default::default()
    };
    let id = db::insert(&mut *conn, "quote_item", "item_id", &row).await?;
    cart.items.push(QuoteItemRow { item_id: id, ..row });
    Ok((quote_id, id))
}

/// A line of `product`: its price and, for a downloadable product, its link ids as stored.
/// `Downloadable\Model\Product\Type::_prepareProduct`: links purchased separately keep the
/// asked ids that are links of the product, in the product's order, and none kept is
/// `Please specify product link(s).`; otherwise every link. None asked takes every link too,
/// as the tutorial's step 7 shows for 240-LV06 (its source says the product's links are
/// purchased separately, where `_prepareProduct` would refuse: the recording wins).
/// `Price::getFinalPrice`: links purchased separately add their prices.
async fn downloadable_line(
    conn: &mut SqliteConnection,
    product: &db::catalog::ProductEntityRow,
    asked: Option<&[i64]>,
) -> Result<(Amount, Option<String>)> {
    if product.type_id != "downloadable" {
        return Ok((product.price, None));
    }
    let all = db::catalog::downloadable_links(&mut *conn, product.entity_id).await?;
    let separately = links_purchased_separately(&product.custom_attributes);
    let chosen: Vec<&db::catalog::DownloadableLinkRow> = match asked {
        Some(asked) if separately && !asked.is_empty() => {
            let kept: Vec<_> = all.iter().filter(|l| asked.contains(&l.link_id)).collect();
            if kept.is_empty() {
                return Err(Error::input(LINKS_REQUIRED));
            }
            kept
        }
        _ => all.iter().collect(),
    };
    let mut price = product.price;
    if separately {
        for link in &chosen {
            price += link.price;
        }
    }
    let ids: Vec<i64> = chosen.iter().map(|l| l.link_id).collect();
    Ok((
        price,
        Some(serde_json::to_string(&ids).map_err(Error::internal)?),
    ))
}

/// `Downloadable\Model\Product\Type::_prepareProduct` with no link of the product asked for.
pub const LINKS_REQUIRED: &str = "Please specify product link(s).";

/// A product's `links_purchased_separately` attribute (a custom attribute, "1" when set).
fn links_purchased_separately(custom_attributes: &str) -> bool {
    serde_json::from_str::<Vec<(String, serde_json::Value)>>(custom_attributes)
        .ok()
        .and_then(|attrs| {
            attrs
                .into_iter()
                .find(|(code, _)| code == "links_purchased_separately")
        })
        .is_some_and(|(_, v)| match v {
            serde_json::Value::String(s) => crate::php::truthy(&s),
            serde_json::Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
            serde_json::Value::Bool(b) => b,
            _ => false,
        })
}

/// `CartItemRepository::deleteById` on the customer's active cart.
pub async fn delete_item(db: &Db, who: CartRef, item_id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let quote = resolve(&mut *conn, &who).await?;
                if quotes::delete_item(&mut *conn, quote.entity_id, item_id).await? == 0 {
                    return Err(not_contained(quote.entity_id, item_id));
                }
                cart_coupon::settle(conn, quote.entity_id).await
            })
        })
        .await
}

/// `ShippingInformationManagement::saveAddressInformation`, with the shipping address's
/// `extension_attributes.pickup_location_code` (In-Store Pickup, see [`pickup`]).
pub async fn save_shipping_information(
    db: &Db,
    who: CartRef,
    shipping: Option<QuoteAddressRow>,
    billing: Option<QuoteAddressRow>,
    carrier: Option<String>,
    method: Option<String>,
    pickup_location_code: Option<String>,
) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let quote = resolve(&mut *conn, &who).await?;
                let customer_id = quote.customer_id;
                let cart = load_cart(&mut *conn, quote).await?;
                if cart.items.is_empty() {
                    return Err(Error::input(EMPTY_CART_SHIPPING));
                }
                let Some(mut shipping) =
                    shipping.filter(|a| a.country_id.as_deref().is_some_and(|c| !c.is_empty()))
                else {
                    return Err(Error::input(SHIPPING_ADDRESS_MISSING));
                };
                let totals = cart.totals();
                let carrier = carrier.unwrap_or_default();
                let Some(method) = method.filter(|m| !m.is_empty()) else {
                    return Err(Error::NotFound(Phrase::plain(SHIPPING_METHOD_MISSING)));
                };
                let code = format!("{carrier}_{method}");
                let offered = match code.as_str() {
                    totals::FLAT_RATE_CODE => true,
                    pickup::CODE => pickup::offered(&mut *conn, &cart).await?,
                    _ => false,
                };
                if !totals.is_virtual && !offered {
                    return Err(Error::NotFound(Phrase::positional(
                        CARRIER_NOT_FOUND,
                        vec![carrier, method],
                    )));
                }
                // updateCustomerShippingAddressId / updateCustomerBillingAddressId: an address
                // posted without an address-book id that is the cart's own takes the cart's.
                let quote_id = cart.quote.entity_id;
                let mut billing = billing;
                for (address, stored) in [
                    (Some(&mut shipping), cart.shipping.as_ref()),
                    (billing.as_mut(), cart.billing.as_ref()),
                ] {
                    let Some(address) = address else { continue };
                    if address.customer_address_id == Some(0) {
                        address.customer_address_id = None;
                    }
                    address_book::take_book_id(stored, address);
                }
                // ShippingInformationManagement validates the addresses (QuoteAddressValidator)
                // and the quote save each address it saves; a failure comes wrapped. The billing
                // address: validateForCart, then setBillingAddress's id check; the shipping
                // address: validateForCart, then (in the save, a physical cart only)
                // setShippingAddress's.
                let wrapped = |refusal: Phrase| {
                    Error::Input(Phrase::named(
                        SHIPPING_INFO_NOT_SAVED,
                        "message",
                        refusal.render(),
                    ))
                };
                let is_virtual = totals.is_virtual;
                for (address, id_checked) in billing
                    .iter_mut()
                    .map(|b| (b, true))
                    .chain(std::iter::once((&mut shipping, !is_virtual)))
                {
                    import_customer_address(&mut *conn, customer_id, address)
                        .await?
                        .map_err(wrapped)?;
                    if id_checked {
                        posted_address_id_check(
                            address.address_id,
                            cart.billing.as_ref(),
                            cart.shipping.as_ref(),
                        )
                        .map_err(wrapped)?;
                    }
                }
                for address in billing.iter().chain(std::iter::once(&shipping)) {
                    if let Some(message) = address_save_errors(&mut *conn, address).await? {
                        return Err(Error::Input(Phrase::named(
                            SHIPPING_INFO_NOT_SAVED,
                            "message",
                            message,
                        )));
                    }
                }
                // ReplaceShippingAddressForShippingAddressManagement, in the quote's save: a
                // shipping address naming a pickup location (any carrier) becomes the
                // location's; a code that names none is GetPickupLocation's refusal, wrapped.
                if let Some(code) = pickup_location_code
                    .as_deref()
                    .filter(|c| crate::php::truthy(c))
                {
                    let Some(location) = pickup::location(&mut *conn, cart.stock_id, code).await?
                    else {
                        let website = db::store::websites(&mut *conn)
                            .await?
                            .into_iter()
                            .find(|w| w.website_id == cart.website_id)
                            .map(|w| w.code)
                            .unwrap_or_default();
                        let refusal = Phrase::positional(
                            pickup::NO_SUCH_LOCATION,
                            vec![code.to_owned(), "website".to_owned(), website],
                        );
                        return Err(Error::Input(Phrase::named(
                            SHIPPING_INFO_NOT_SAVED,
                            "message",
                            refusal.render(),
                        )));
                    };
                    shipping = pickup::location_address(&mut *conn, &location, &shipping).await?;
                }
                if let Some(posted) = billing {
                    // Quote::setBillingAddress lays the posted fields over the cart's billing
                    // address (`addData`): a flag not posted keeps its value.
                    let kept_id = posted.customer_address_id;
                    let mut billing = cart_save::merge_address(cart.billing.clone(), posted);
                    billing.customer_address_id = kept_id;
                    billing.quote_id = quote_id;
                    billing.address_type = "billing".into();
                    billing.customer_id = customer_id;
                    address_book::normalize(&mut billing);
                    quotes::save_address(&mut *conn, billing).await?;
                }
                shipping.quote_id = quote_id;
                shipping.address_type = "shipping".into();
                shipping.customer_id = customer_id;
                shipping.shipping_method = Some(code);
                address_book::normalize(&mut shipping);
                let saved = quotes::save_address(&mut *conn, shipping).await?;
                pickup::save_quote_location(
                    &mut *conn,
                    saved.address_id,
                    pickup_location_code.as_deref(),
                )
                .await?;
                cart_coupon::settle(conn, quote_id).await
            })
        })
        .await
}

/// `PaymentInformationManagement::savePaymentInformationAndPlaceOrder`: the new order's id.
/// For a guest cart (`GuestPaymentInformationManagement`), `guest_email` is the posted
/// `email`: the billing address takes it, and `QuoteManagement::placeOrder` makes the order a
/// guest's (e-mail and names from the billing address, `customer_is_guest` 1, group 0).
/// How the order entity checkout builds becomes rows: the order import's parser, handed in by
/// the web edge (checkout sits below the JSON layer).
pub type ParseOrder = fn(&serde_json::Value) -> Result<crate::db::model::FullOrder>;

/// How an order is placed. `QuoteManagement::placeOrder` collects the totals again when no
/// payment method is passed to it, which drops a coupon that no longer applies and makes
/// `CouponUsagesIncrement` refuse the order with 404 "The coupon code isn't valid...";
/// `savePaymentInformationAndPlaceOrder` turns that into its `CouldNotSaveException` (400,
/// same text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placement {
    /// `PUT .../order` with a payment method: no collect.
    Direct,
    /// `PUT .../order` without one.
    Collect,
    /// `POST .../payment-information`.
    PaymentInformation,
}

impl Placement {
    /// A placing route's refusal of `phrase`: its placeholders and parameters as they are,
    /// except through payment-information, whose `CouldNotSaveException` renders the text.
    fn refusal(self, phrase: Phrase) -> Error {
        match self {
            Placement::PaymentInformation => Error::input(phrase.render()),
            _ => Error::Input(phrase),
        }
    }

    /// `QuoteValidator::validateBeforeSubmit`'s refusal by a rule whose first error is `general`
    /// and the rest `details`: `__($defaultMessage . ' %1', implode(' ', $messages))`, the
    /// `%1` only when there are details, the argument always (so a rule of one message prints
    /// `"parameters":[""]`, the empty implode). Payment-information renders it as above; every
    /// route gets the `errorRedirectAction` header ([`Error::QuoteInvalid`]).
    fn before_submit(self, general: &str, details: &[String]) -> Error {
        let text = if details.is_empty() {
            general.to_owned()
        } else {
            format!("{general} %1")
        };
        let phrase = Phrase::positional(text, vec![details.join(" ")]);
        match self {
            Placement::PaymentInformation => Error::QuoteInvalid(Phrase::plain(phrase.render())),
            _ => Error::QuoteInvalid(phrase),
        }
    }
}

/// What a placing call brings besides the cart: the payment (`None`: the cart's saved method),
/// a billing address, a guest's e-mail, the route it came by and the store's gateways.
#[derive(Debug, Clone)]
pub struct PlaceRequest {
    pub method: Option<payment::PaymentInput>,
    pub billing: Option<QuoteAddressRow>,
    pub guest_email: Option<String>,
    pub placement: Placement,
    pub gateways: payment::Gateways,
    /// `paymentMethod.extension_attributes.agreement_ids` (`payment-information` only).
    pub agreement_ids: Vec<String>,
}

pub async fn place_order(
    db: &Db,
    who: CartRef,
    request: PlaceRequest,
    parse_order: ParseOrder,
) -> Result<i64> {
    let PlaceRequest {
        method,
        billing,
        guest_email,
        placement,
        gateways,
        agreement_ids,
    } = request;
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let mut quote = resolve(&mut *conn, &who).await?;
                // CheckoutAgreements' Validation plugins, before the payment is saved (the
                // cart's store is the request's: magemu's carts live in the default view).
                if placement == Placement::PaymentInformation {
                    agreements::check(&mut *conn, quote.store_id, quote.store_id, &agreement_ids)
                        .await?;
                    // savePaymentInformation's setBillingAddress, outside any try.
                    if let Some(billing) = &billing {
                        posted_address_id_stored(&mut *conn, quote.entity_id, billing.address_id)
                            .await?
                            .map_err(Error::NotFound)?;
                    }
                    // GuestPaymentInformationManagement::savePaymentInformation, before it
                    // saves anything: `if (!(float)$quote->getItemsQty())`.
                    if guest_email.is_some() {
                        let items = quotes::items(&mut *conn, quote.entity_id).await?;
                        if items.iter().all(|i| i.qty.is_zero()) {
                            return Err(Error::input(cart_coupon::PRODUCTS_DISABLED));
                        }
                    }
                }
                // The billing address the quote's save validates below (payment-information
                // only): the posted one, or the cart's own given a guest's e-mail.
                let mut changed_billing = None;
                if let Some(mut billing) = billing {
                    // savePaymentInformation on a customer's cart (the guest's class has no
                    // such step): the address book's part (address_book::payment_billing).
                    if let (Some(customer_id), None) = (quote.customer_id, &guest_email) {
                        billing.customer_id = Some(customer_id);
                        address_book::payment_billing(
                            &mut *conn,
                            quote.entity_id,
                            customer_id,
                            &mut billing,
                        )
                        .await?;
                    }
                    // BillingAddressPersister in the quote's save, outside placeOrder's try:
                    // the validator's NoSuchEntityException as it is.
                    if let Err(refusal) =
                        import_customer_address(&mut *conn, quote.customer_id, &mut billing).await?
                    {
                        return Err(Error::NotFound(refusal));
                    }
                    billing.quote_id = quote.entity_id;
                    billing.address_type = "billing".into();
                    billing.customer_id = quote.customer_id;
                    if guest_email.is_some() {
                        billing.email = guest_email.clone();
                    }
                    quotes::save_address(&mut *conn, billing.clone()).await?;
                    changed_billing = Some(billing);
                } else if let (Some(email), Placement::PaymentInformation) =
                    (&guest_email, placement)
                {
                    changed_billing =
                        Some(guest_email_on_billing(&mut *conn, &quote, email).await?);
                }
                if quote.customer_id.is_none() {
                    let billing = quotes::address(&mut *conn, quote.entity_id, "billing").await?;
                    quote.customer_is_guest = 1;
                    quote.customer_group_id = 0;
                    quote.customer_email = guest_email
                        .clone()
                        .or_else(|| billing.as_ref().and_then(|b| b.email.clone()));
                    quote.customer_firstname = billing.as_ref().and_then(|b| b.firstname.clone());
                    quote.customer_lastname = billing.as_ref().and_then(|b| b.lastname.clone());
                }
                // placeOrder without a payment: the quote's own (none set: QuoteValidator's
                // PaymentMethodValidationRule refuses it, after the address rules).
                let saved = quote.payment_method.clone();
                let method = method.or_else(|| saved.map(payment::PaymentInput::method));
                if method
                    .as_ref()
                    .is_some_and(|m| !gateways.is_available(&m.method))
                {
                    return Err(Error::input(PAYMENT_NOT_AVAILABLE));
                }
                let cart = load_cart(&mut *conn, quote).await?;
                // savePaymentInformation sets the payment first: PaymentMethodManagement::set
                // refuses a physical cart whose shipping address has no country.
                if placement == Placement::PaymentInformation
                    && !cart.totals().is_virtual
                    && cart
                        .shipping
                        .as_ref()
                        .and_then(|a| a.country_id.as_deref())
                        .is_none_or(str::is_empty)
                {
                    return Err(Error::input(SHIPPING_ADDRESS_MISSING));
                }
                // PaymentMethodManagement::set then saves the quote: a billing address the
                // address's save validator refuses stops here, its messages as they are.
                if placement == Placement::PaymentInformation {
                    if let Some(billing) = &changed_billing {
                        if let Some(message) = address_save_errors(&mut *conn, billing).await? {
                            return Err(Error::input(message));
                        }
                    }
                }
                submit(conn, cart, method, placement, gateways, parse_order).await
            })
        })
        .await
}

/// `GuestPaymentInformationManagement::savePaymentInformation` without a posted billing
/// address: the cart's billing address takes the guest's e-mail (`getBillingAddress()
/// ->setEmail`), saved with the quote; a cart without one gets an empty one holding it, which
/// only the quote's save validation sees. The address as the save validates it.
pub(crate) async fn guest_email_on_billing(
    conn: &mut SqliteConnection,
    quote: &QuoteRow,
    email: &str,
) -> Result<QuoteAddressRow> {
    let Some(mut stored) = quotes::address(&mut *conn, quote.entity_id, "billing").await? else {
        return Ok(QuoteAddressRow {
            email: Some(email.to_owned()),
            ..Default::default()
        });
    };
    stored.email = Some(email.to_owned());
    quotes::save_address(&mut *conn, stored.clone()).await?;
    Ok(stored)
}

/// `SubmitQuoteValidator::validateOrder`'s refusal; `%1`: OrderAddressValidator's warnings.
pub const FAILED_ADDRESS_VALIDATION: &str = "Failed address validation:\n%1";

/// `BillingAddressManagement::assign`: the cart's billing address (and, with `use_for_shipping`,
/// its shipping address too); the billing address id.
pub async fn assign_billing(
    db: &Db,
    who: CartRef,
    mut address: QuoteAddressRow,
    use_for_shipping: bool,
) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let quote = resolve(&mut *conn, &who).await?;
                // setBillingAddress, before assignBillingAddress's try.
                posted_address_id_stored(&mut *conn, quote.entity_id, address.address_id)
                    .await?
                    .map_err(Error::NotFound)?;
                // assignBillingAddress answers every failure of the save the same way.
                if import_customer_address(&mut *conn, quote.customer_id, &mut address)
                    .await?
                    .is_err()
                    || address_save_errors(&mut *conn, &address).await?.is_some()
                {
                    return Err(Error::input(ADDRESS_NOT_SAVED));
                }
                address.quote_id = quote.entity_id;
                address.customer_id = quote.customer_id;
                address.address_type = "billing".into();
                address_book::normalize(&mut address);
                let saved = quotes::save_address(&mut *conn, address.clone()).await?;
                if use_for_shipping {
                    // ShippingAddressAssignment::setAddress removes the old shipping address
                    // and takes the posted one: its method is gone with it.
                    let mut shipping = address;
                    shipping.address_type = "shipping".into();
                    shipping.same_as_billing = 1;
                    shipping.shipping_method = None;
                    quotes::save_address(&mut *conn, shipping).await?;
                } else if let Some(mut shipping) =
                    quotes::address(&mut *conn, quote.entity_id, "shipping").await?
                {
                    // `$quote->getShippingAddress()->setSameAsBilling(0)`.
                    if shipping.same_as_billing != 0 {
                        shipping.same_as_billing = 0;
                        quotes::save_address(&mut *conn, shipping).await?;
                    }
                }
                Ok(saved.address_id)
            })
        })
        .await
}

/// `QuoteAddressValidator::validateWithExistingAddress`, which the REST-only plugin
/// `Quote\Plugin\QuoteAddress` runs before every `Quote::setBillingAddress` and
/// `setShippingAddress` (2.4.8, research helper-101, /tmp/research/quote-address-46.md): a
/// posted address `id` must name an address of this cart, of either type (`getAddressById`
/// over the cart's address collection, loose `==` on an id the input processor made an int),
/// else the 404 `Invalid quote address id %1` with the id as a number. No id is no check;
/// neither is `0` here, which magemu cannot tell from none (Magento's `null == 0` matches it to
/// an address the request created and has not saved, or refuses it). Each route wraps the
/// refusal as Magento's does: billing-address, payment-information, set-payment-information,
/// totals-information and `PUT /V1/carts/mine` answer it as it is, shipping-information inside
/// its "unable to be saved" text.
pub(crate) fn posted_address_id_check(
    posted_id: i64,
    billing: Option<&QuoteAddressRow>,
    shipping: Option<&QuoteAddressRow>,
) -> std::result::Result<(), Phrase> {
    if posted_id == 0
        || [billing, shipping]
            .into_iter()
            .flatten()
            .any(|a| a.address_id == posted_id)
    {
        return Ok(());
    }
    Err(Phrase::positional_values(
        INVALID_QUOTE_ADDRESS_ID,
        vec![posted_id.into()],
    ))
}

/// [`posted_address_id_check`] against the stored addresses of the cart `quote_id`.
pub(crate) async fn posted_address_id_stored(
    conn: &mut SqliteConnection,
    quote_id: i64,
    posted_id: i64,
) -> Result<std::result::Result<(), Phrase>> {
    if posted_id == 0 {
        return Ok(Ok(()));
    }
    let (billing, shipping) = cart_addresses(&mut *conn, quote_id).await?;
    Ok(posted_address_id_check(
        posted_id,
        billing.as_ref(),
        shipping.as_ref(),
    ))
}

/// The stored (billing, shipping) addresses of the cart `quote_id`.
pub(crate) async fn cart_addresses(
    conn: &mut SqliteConnection,
    quote_id: i64,
) -> Result<(Option<QuoteAddressRow>, Option<QuoteAddressRow>)> {
    Ok((
        quotes::address(&mut *conn, quote_id, "billing").await?,
        quotes::address(&mut *conn, quote_id, "shipping").await?,
    ))
}

/// `QuoteAddressValidator::doValidate` for an address naming a `customer_address_id` (PHP-truthy):
/// a guest cart may not (`Invalid customer address id %1`), the id must name an address
/// (`Invalid address id %1`, with the posted quote address's own id, empty when none) of the
/// cart's customer (`Invalid customer address id %1`). Then `importCustomerAddressData`: the
/// address book entry replaces the posted fields (`customer_address` -> `to_quote_address`).
/// The refusal as a phrase, for each route to wrap as Magento does.
async fn import_customer_address(
    conn: &mut SqliteConnection,
    customer_id: Option<i64>,
    address: &mut QuoteAddressRow,
) -> Result<std::result::Result<(), Phrase>> {
    let Some(id) = address.customer_address_id.filter(|id| *id != 0) else {
        return Ok(Ok(()));
    };
    let not_hers = || Phrase::positional(INVALID_CUSTOMER_ADDRESS_ID, vec![id.to_string()]);
    let Some(customer_id) = customer_id else {
        return Ok(Err(not_hers()));
    };
    let Some(book) = db::customers::address(&mut *conn, id).await? else {
        let own = if address.address_id != 0 {
            address.address_id.to_string()
        } else {
            String::new()
        };
        return Ok(Err(Phrase::positional(INVALID_ADDRESS_ID, vec![own])));
    };
    if book.parent_id != customer_id {
        return Ok(Err(not_hers()));
    }
    address.firstname = Some(book.firstname);
    address.lastname = Some(book.lastname);
    address.middlename = book.middlename;
    address.prefix = book.prefix;
    address.suffix = book.suffix;
    address.company = book.company;
    address.street = Some(book.street);
    address.city = Some(book.city);
    address.region = book.region;
    address.region_id = book.region_id;
    address.region_code = book.region_code;
    address.postcode = book.postcode;
    address.country_id = Some(book.country_id);
    address.telephone = book.telephone;
    address.fax = book.fax;
    address.vat_id = book.vat_id;
    Ok(Ok(()))
}

/// `Quote\Address\Validator`, the save validator of a cart address: an e-mail that is not one
/// (`Invalid email format`), a country the directory does not hold (loaded by its id, so
/// without case: `Invalid country code`); the messages joined by newlines
/// (`AbstractModel::validateBeforeSave`), none when the address is fine.
async fn address_save_errors(
    conn: &mut SqliteConnection,
    a: &QuoteAddressRow,
) -> Result<Option<String>> {
    let mut messages = Vec::new();
    // `Quote\Address\Validator`: `if (!empty($email) && !isValid($email))` ("0" is empty).
    if let Some(email) = a.email.as_deref().filter(|e| crate::php::truthy(e)) {
        if !crate::email_address::is_valid(email) {
            messages.push("Invalid email format");
        }
    }
    if let Some(country) = a.country_id.as_deref().filter(|c| !c.is_empty()) {
        if !db::directory::country_exists(conn, country).await? {
            messages.push("Invalid country code");
        }
    }
    Ok((!messages.is_empty()).then(|| messages.join("\n")))
}

/// `QuoteManagement::submitQuote` + `OrderManagement::place` with MSI's placement plugin.
async fn submit(
    conn: &mut SqliteConnection,
    mut cart: Cart,
    paid_with: Option<payment::PaymentInput>,
    placement: Placement,
    gateways: payment::Gateways,
    parse_order: ParseOrder,
) -> Result<i64> {
    let totals = cart.totals();
    // Plugin\CouponUsagesIncrement::aroundSubmit, before the quote is submitted.
    if let Some(code) = cart.quote.coupon_code.clone().filter(|c| !c.is_empty()) {
        if placement != Placement::Direct && totals.coupon_code.is_none() && !cart.items.is_empty()
        {
            let phrase = Phrase::plain(sales_rule::COUPON_NOT_VALID);
            return Err(match placement {
                Placement::PaymentInformation => Error::Input(phrase),
                _ => Error::NotFound(phrase),
            });
        }
        if let Some(code) = sales_rule::coupon_exhausted(&mut *conn, &code).await? {
            return Err(Error::input(format!(
                "{code} {}",
                sales_rule::COUPON_EXCEEDS_LIMIT
            )));
        }
    }
    if cart.items.is_empty() {
        return Err(Error::input(ORDER_SERVER_ERROR));
    }
    // QuoteValidator's rules in their order (Quote/etc/di.xml, then InventoryInStorePickupQuote's
    // appended): the shipping country one the store allows (AllowedCountryValidationRule,
    // `in_array` against `general/country/allow`: every country of magemu's directory, compared
    // exactly; a cart without a shipping address has none), the shipping address
    // (ShippingAddressValidationRule, on a physical cart; a pickup order's address is its
    // location's, checked last), the shipping method, the billing address (an empty one when the
    // cart has none: `getBillingAddress` makes it), the payment method, the pickup location.
    let shipping = cart.shipping.clone().unwrap_or_default();
    if !totals.is_virtual {
        let country = shipping.country_id.as_deref().filter(|c| !c.is_empty());
        let allowed = match country {
            Some(c) => db::directory::countries(&mut *conn, Some(c))
                .await?
                .iter()
                .any(|row| row.country_id == c),
            None => false,
        };
        if !allowed {
            return Err(placement.before_submit(COUNTRY_NOT_ALLOWED, &[]));
        }
    }
    let pickup_order = shipping.shipping_method.as_deref() == Some(pickup::CODE);
    if !totals.is_virtual && !pickup_order {
        address_check(&mut *conn, SHIPPING_ADDRESS_INVALID, &shipping, placement).await?;
    }
    if !totals.is_virtual && shipping.shipping_method.is_none() {
        return Err(placement.before_submit(SHIPPING_METHOD_MISSING, &[]));
    }
    let billing = cart.billing.clone().unwrap_or_default();
    address_check(&mut *conn, BILLING_ADDRESS_MISSING, &billing, placement).await?;
    let Some(paid_with) = paid_with else {
        return Err(placement.before_submit(PAYMENT_METHOD_MISSING, &[]));
    };
    let pickup_code = if pickup_order {
        let Some(location) = &cart.pickup else {
            return Err(placement.before_submit(pickup::NO_LOCATION, &[]));
        };
        if !pickup::address_matches(location, &shipping) {
            return Err(placement.before_submit(pickup::ADDRESS_MISMATCH, &[]));
        }
        Some(location.source_code.clone())
    } else {
        None
    };
    // _prepareCustomerQuote: the address-book entries the cart's addresses ask for.
    let mut billing = billing;
    if let Some(customer_id) = cart.quote.customer_id {
        let shipping = if totals.is_virtual {
            None
        } else {
            cart.shipping.as_mut()
        };
        address_book::prepare_customer_quote(&mut *conn, customer_id, &mut billing, shipping)
            .await?;
    }
    // SubmitQuoteValidator::validateOrder, once the order is built: its addresses carry the
    // cart's e-mail (QuoteManagement::submitQuote), which OrderAddressValidator checks; a
    // customer's cart whose e-mail a `PUT /V1/carts/mine` cleared has none. The placing routes
    // answer the phrase and its parameter; payment-information the text (CouldNotSave).
    let email = cart.quote.customer_email.as_deref().unwrap_or_default();
    if !crate::email_address::is_valid(email) {
        let phrase = Phrase::positional(
            FAILED_ADDRESS_VALIDATION,
            vec!["Email has a wrong format".to_owned()],
        );
        return Err(placement.refusal(phrase));
    }
    // CheckItemsQuantity: every SKU's ordered qty against its salable qty, before any write.
    let mut per_sku: Vec<(String, Amount)> = Vec::new();
    for i in &cart.items {
        match per_sku.iter_mut().find(|(s, _)| *s == i.sku) {
            Some((_, q)) => *q += i.qty,
            None => per_sku.push((i.sku.clone(), i.qty)),
        }
    }
    for (sku, qty) in &per_sku {
        check_salable(&mut *conn, sku, cart.stock_id, qty.decimal()).await?;
    }
    // Order::place → Payment::place: the gateway answers before anything is written.
    let paid = payment::ask_gateway(&gateways, &paid_with, totals.grand_total)?;
    let method = paid_with.method;
    // Quote::reserveOrderId: the reserved number, unless it is empty or an order of the store
    // already has it (`isOrderIncrementIdUsed`; a client can set it through PUT /V1/carts/mine).
    let reserved = cart
        .quote
        .reserved_order_id
        .clone()
        .filter(|id| !id.is_empty());
    let used: Option<i64> = match &reserved {
        Some(id) => {
            sqlx::query_scalar(
                "SELECT entity_id FROM sales_order WHERE increment_id = ? AND store_id = ?",
            )
            .bind(id)
            .bind(cart.quote.store_id)
            .fetch_optional(&mut *conn)
            .await?
        }
        None => None,
    };
    let increment_id = match reserved {
        Some(id) if used.is_none() => id,
        _ => db::sales::next_increment_id(&mut *conn, "order", cart.quote.store_id).await?,
    };
    let mut entity = order_entity(&cart, &totals, &billing, &method, &increment_id);
    // `Quote::setCustomer` copies the account's `customer_account` fieldset to the cart
    // (prefix, middle name, suffix, date of birth, tax/VAT number, gender) and
    // `sales_convert_quote` on to the order; magemu's cart keeps only the names and e-mail, so
    // the rest is read from the account as the order is placed.
    if let Some(customer_id) = cart.quote.customer_id {
        if let Some(c) = db::customers::customer(&mut *conn, customer_id).await? {
            let fields = [
                ("customer_prefix", json!(c.prefix)),
                ("customer_middlename", json!(c.middlename)),
                ("customer_suffix", json!(c.suffix)),
                ("customer_dob", json!(c.dob)),
                ("customer_taxvat", json!(c.taxvat)),
                ("customer_gender", json!(c.gender)),
            ];
            if let Some(map) = entity.as_object_mut() {
                for (key, value) in fields {
                    if !value.is_null() {
                        map.insert(key.to_owned(), value);
                    }
                }
            }
        }
    }
    // The order save's own checks (2.4.9's `OrderRepositoryPlugin::beforeSave`: a billing first
    // or last name PHP finds empty, "0" included, which the quote's address validation lets
    // through as Laminas' NotEmpty does) refuse the placement with their text, 400
    // (`QuoteManagement::placeOrder` lets the LocalizedException through;
    // `PaymentInformationManagement` re-throws its message as a CouldNotSaveException).
    let mut full = parse_order(&entity).map_err(|e| match e {
        Error::Input(_) | Error::Aggregate(_) | Error::Validation(..) | Error::NotFound(_) => {
            Error::input(crate::error::render(&e.body()))
        }
        other => other,
    })?;
    // OrderSender::send with synchronous sending: both flags (OrderInterface has no setter
    // for send_email, so it is set on the row).
    full.order.send_email = Some(1);
    gift_message::carry_to_order(&mut *conn, cart.quote.entity_id, &mut full).await?;
    let line_taxes: Vec<tax::LineTax> = totals.lines.iter().map(|l| l.tax.clone()).collect();
    let taxes = tax::order_taxes(&totals.applied_taxes, &line_taxes);
    let order_id = crate::sales::order::save_new_order(&mut *conn, full, taxes).await?;
    if let Some(code) = &pickup_code {
        pickup::save_order_location(&mut *conn, order_id, code).await?;
    }
    // AppendReservationsAfterOrderPlacementPlugin: −qty per SKU on the website's stock; the
    // object_id is empty because the reservation is built before the order is saved.
    let metadata = serde_json::to_string(&crate::inventory::SalesEvent {
        event_type: "order_placed",
        object_type: "order",
        object_id: String::new(),
        object_increment_id: increment_id.clone(),
    })
    .map_err(Error::internal)?;
    for (sku, qty) in &per_sku {
        db::inventory::append_reservation(&mut *conn, cart.stock_id, sku, -*qty, &metadata).await?;
    }
    if let Some(ids) = &totals.applied_rule_ids {
        sales_rule::count_usage(
            &mut *conn,
            ids,
            totals.coupon_code.as_deref(),
            cart.quote.customer_id,
        )
        .await?;
    }
    payment::record(&mut *conn, order_id, paid).await?;
    let mut quote = cart.quote;
    quote.is_active = 0;
    quote.reserved_order_id = Some(increment_id);
    quote.payment_method = Some(method);
    quote.updated_at = db::now_timestamp();
    db::update(&mut *conn, "quote", "entity_id", &quote).await?;
    // module-quote Observer/SubmitObserver (sales_model_service_quote_submit_success, REST
    // areas included): the new order's e-mail, no payment method here redirecting.
    crate::sales::email::send(
        &mut *conn,
        crate::sales::email::SalesEmail::Order,
        order_id,
        None,
    )
    .await?;
    Ok(order_id)
}

fn address_json(a: &QuoteAddressRow, address_type: &str, email: &Option<String>) -> Value {
    let street: Vec<&str> = a
        .street
        .as_deref()
        .unwrap_or_default()
        .split('\n')
        .collect();
    let mut v = json!({
        "address_type": address_type,
        "firstname": a.firstname,
        "lastname": a.lastname,
        "street": street,
        "city": a.city,
        "region": a.region,
        "region_id": a.region_id,
        "region_code": a.region_code,
        "postcode": a.postcode,
        "country_id": a.country_id,
        "telephone": a.telephone,
        "email": email,
        "customer_id": a.customer_id,
        // Fieldset `sales_convert_quote_address`: the address-book entry it came from.
        "customer_address_id": a.customer_address_id,
    });
    // The fieldset `sales_convert_quote_address` copies these onto the order address too.
    for (key, value) in [
        ("company", &a.company),
        ("middlename", &a.middlename),
        ("prefix", &a.prefix),
        ("suffix", &a.suffix),
        ("fax", &a.fax),
        ("vat_id", &a.vat_id),
    ] {
        if let Some(value) = value {
            v[key] = json!(value);
        }
    }
    if let Some(map) = v.as_object_mut() {
        map.retain(|_, v| !v.is_null());
    }
    v
}

/// The order as `QuoteManagement::submitQuote` builds it (checkout.md 8.3), in the body shape
/// of `POST /V1/orders` so that it is stored by the same code as an imported order.
fn order_entity(
    cart: &Cart,
    t: &Totals,
    billing: &QuoteAddressRow,
    method: &str,
    increment_id: &str,
) -> Value {
    let q = &cart.quote;
    let items: Vec<Value> = cart
        .items
        .iter()
        .zip(&t.lines)
        .enumerate()
        .map(|(n, (i, l))| {
            let decimal = cart.facts.get(n).is_some_and(|f| f.is_qty_decimal);
            let tax_amount = Amount::new(l.tax.tax_amount);
            let price_incl_tax = Amount::new(l.tax.price_incl_tax);
            let row_incl_tax = Amount::new(l.tax.row_total_incl_tax);
            let mut item = json!({
                "sku": i.sku, "name": i.name, "product_id": i.product_id,
                "product_type": i.product_type, "is_virtual": i.is_virtual,
                "quote_item_id": i.item_id, "store_id": q.store_id,
                "applied_rule_ids": l.applied_rule_ids, "is_qty_decimal": i64::from(decimal),
                "no_discount": 0,
                "free_shipping": l.free_shipping as i64, "qty_ordered": i.qty,
                "price": i.price, "base_price": i.price,
                "original_price": i.price, "base_original_price": i.price,
                "price_incl_tax": price_incl_tax, "base_price_incl_tax": price_incl_tax,
                "row_total": l.row_total, "base_row_total": l.row_total,
                "row_total_incl_tax": row_incl_tax, "base_row_total_incl_tax": row_incl_tax,
                "discount_percent": l.discount_percent,
                "discount_amount": l.discount, "base_discount_amount": l.discount,
                "tax_percent": Amount::new(l.tax.tax_percent),
                "tax_amount": tax_amount, "base_tax_amount": tax_amount,
                "discount_tax_compensation_amount": 0,
                "base_discount_tax_compensation_amount": 0,
            });
            if let Some(links) = links_of(i) {
                item["product_option"] = json!({"extension_attributes":
                    {"downloadable_option": {"downloadable_links": links}}});
            }
            if let Some(map) = item.as_object_mut() {
                map.retain(|_, v| !v.is_null());
            }
            item
        })
        .collect();
    let title = payment::title(method);
    let mut entity = json!({
        "increment_id": increment_id, "store_id": q.store_id,
        "state": "new", "status": "pending",
        "customer_id": q.customer_id, "customer_email": q.customer_email,
        "customer_firstname": q.customer_firstname, "customer_lastname": q.customer_lastname,
        "customer_group_id": q.customer_group_id, "customer_is_guest": q.customer_is_guest,
        "customer_note_notify": 1, "quote_id": q.entity_id,
        "email_sent": 1, "is_virtual": t.is_virtual as i64,
        "base_currency_code": "USD", "global_currency_code": "USD",
        "order_currency_code": "USD", "store_currency_code": "USD",
        "base_to_global_rate": 1, "base_to_order_rate": 1,
        "store_to_base_rate": 0, "store_to_order_rate": 0,
        "shipping_description": t.shipping_description,
        "discount_description": t.discount_description,
        "coupon_code": t.coupon_code,
        "applied_rule_ids": t.applied_rule_ids,
        "total_item_count": cart.items.len(), "total_qty_ordered": t.items_qty,
    });
    let figures = json!({
        "subtotal": t.subtotal, "base_subtotal": t.subtotal,
        "subtotal_incl_tax": t.subtotal_incl_tax, "base_subtotal_incl_tax": t.subtotal_incl_tax,
        "discount_amount": t.discount, "base_discount_amount": t.discount,
        "shipping_amount": t.shipping, "base_shipping_amount": t.shipping,
        "shipping_incl_tax": t.shipping, "base_shipping_incl_tax": t.shipping,
        "shipping_tax_amount": 0, "base_shipping_tax_amount": 0,
        "shipping_discount_amount": t.shipping_discount,
        "base_shipping_discount_amount": t.shipping_discount,
        "shipping_discount_tax_compensation_amount": 0,
        "base_shipping_discount_tax_compensation_amnt": 0,
        "tax_amount": t.tax, "base_tax_amount": t.tax,
        "discount_tax_compensation_amount": 0, "base_discount_tax_compensation_amount": 0,
        "grand_total": t.grand_total, "base_grand_total": t.grand_total,
    });
    let children = json!({
        "items": items,
        "billing_address": address_json(billing, "billing", &q.customer_email),
        "payment": {
            "method": method, "account_status": null,
            "additional_information": {"method_title": title},
            "amount_ordered": t.grand_total, "base_amount_ordered": t.grand_total,
            "shipping_amount": t.shipping, "base_shipping_amount": t.shipping,
        },
    });
    if let (Some(map), Value::Object(f), Value::Object(c)) =
        (entity.as_object_mut(), figures, children)
    {
        map.extend(f);
        map.extend(c);
    }
    if !t.is_virtual {
        if let Some(s) = &cart.shipping {
            entity["extension_attributes"] = json!({"shipping_assignments": [{"shipping": {
                "address": address_json(s, "shipping", &q.customer_email),
                "method": s.shipping_method,
            }}]});
        }
    }
    if let Some(map) = entity.as_object_mut() {
        map.retain(|k, v| !v.is_null() || k == "payment");
    }
    entity
}

/// The purchased link ids of a downloadable line.
pub fn links_of(item: &QuoteItemRow) -> Option<Vec<i64>> {
    item.downloadable_links
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(country: &str, region_id: i64) -> tax::TaxAddress {
        tax::TaxAddress {
            country: Some(country.into()),
            region_id: Some(region_id),
            ..tax::TaxAddress::default()
        }
    }

    fn customer_cart(is_virtual: i64) -> Cart {
        Cart {
            quote: QuoteRow {
                customer_id: Some(2),
                ..QuoteRow::default()
            },
            items: vec![QuoteItemRow {
                is_virtual,
                ..QuoteItemRow::default()
            }],
            shipping: None,
            billing: None,
            website_id: 1,
            stock_id: 1,
            pickup: None,
            facts: Vec::new(),
            rules: Vec::new(),
            customer_tax_class: 3,
            tax_rates: Vec::new(),
            product_classes: Vec::new(),
            customer_tax_address: (Some(place("US", 43)), Some(place("US", 57))),
        }
    }

    /// Without a country on the cart's address, a customer's physical cart is taxed where
    /// the default shipping address is, a virtual one where the default billing address is;
    /// a guest's falls back on the store's default place.
    #[test]
    fn a_cart_without_an_address_is_taxed_at_the_customers_default() {
        assert_eq!(customer_cart(0).tax_address(None), place("US", 43));
        assert_eq!(customer_cart(1).tax_address(None), place("US", 57));
        let mut guest = customer_cart(0);
        guest.quote.customer_id = None;
        guest.quote.customer_is_guest = 1;
        assert_eq!(guest.tax_address(None), place("US", 0));
    }
}
