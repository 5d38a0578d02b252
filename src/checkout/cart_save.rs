//! `CartRepositoryInterface::save` as `PUT /V1/carts/mine` runs it (Quote's `webapi.xml`:
//! `quote.id` forced to the customer's active cart, `%cart_id%`).
//!
//! - `QuoteRepository\Plugin\AccessChangeQuoteControl::beforeSave` first: the posted quote's
//!   `customer.id` must be the token's customer (`ChangeQuoteControl::isAllowed`), else the
//!   400 `Invalid state change requested` (api-functional `CartRepositoryTest::
//!   testSaveQuoteException`: ids 999, null, "25").
//! - `QuoteRepository::save`: the posted fields over the stored quote (what is not posted
//!   stays). `setCustomer` copies the customer's e-mail and names onto the quote
//!   (`testSaveQuote`), which the order placed from it carries.
//! - `SaveHandler::save`: posted items added or updated (`CartItemPersister`; items not posted
//!   stay), the billing address merged into the cart's (`setBillingAddress` is an `addData`),
//!   one shipping assignment's address and method saved (two or more: `Only 1 shipping
//!   assignment can be set`), then totals collected.
//! - The reply is the void method's `[]`.
//!
//! A customer without an active cart gets one (the forced id is then null and the save
//! inserts a quote: read from `ParamOverriderCartId` and `QuoteRepository::save`, not from a
//! Magento test). Everything runs in one write: a refused item or address leaves the cart as
//! it was. magemu's quote keeps no middle name, prefix, suffix, note or original order id:
//! those are taken (the input processor accepts them) and not kept.

use crate::checkout::{
    address_save_errors, cart_addresses, cart_coupon, insert_customer_quote,
    posted_address_id_check, save_item_on, CartLines, ItemInput, ADDRESS_NOT_SAVED,
};
use crate::db::quotes::{self, QuoteAddressRow};
use crate::db::{self, Db};
use crate::error::{Error, Phrase, Result, ENTITY_DOES_NOT_EXIST, STORE_NOT_FOUND};

/// `Magento\Framework\Exception\StateException` of `AccessChangeQuoteControl`.
pub const INVALID_STATE_CHANGE: &str = "Invalid state change requested";
/// `SaveHandler::processShippingAssignment`.
pub const ONE_SHIPPING_ASSIGNMENT: &str = "Only 1 shipping assignment can be set";

/// The posted quote, as far as magemu's cart keeps it.
#[derive(Debug, Clone, Default)]
pub struct CartSave {
    /// `customer.id` as posted (`None`: no customer, or its id null).
    pub customer_id: Option<i64>,
    pub customer_email: Option<String>,
    pub customer_firstname: Option<String>,
    pub customer_lastname: Option<String>,
    pub customer_group_id: Option<i64>,
    /// Checked (`ValidateQuoteOrigOrder`), not kept: magemu's quote has no such column.
    pub orig_order_id: Option<i64>,
    pub is_active: Option<bool>,
    /// `Some(None)`: posted null.
    pub reserved_order_id: Option<Option<String>>,
    pub customer_is_guest: Option<bool>,
    pub store_id: Option<i64>,
    pub items: Vec<ItemInput>,
    pub billing_address: Option<QuoteAddressRow>,
    /// The body's `billing_address` comes before its `id` key, or it has none: the billing
    /// address is set on a quote without an id (see [`save`]).
    pub billing_before_quote_id: bool,
    /// `extension_attributes.shipping_assignments`: how many, and the first one's address and
    /// method (`carrier_method`).
    pub shipping_assignments: usize,
    pub shipping_address: Option<QuoteAddressRow>,
    pub shipping_method: Option<String>,
}

/// `Plugin\ValidateQuoteOrigOrder::beforeSave` (2.4.7-p1 and later): a posted original order
/// must exist (OrderRepository::get's 404) and be the customer's (a guest order is no one's).
async fn check_orig_order(
    conn: &mut sqlx::SqliteConnection,
    order_id: i64,
    customer_id: i64,
) -> Result<()> {
    match db::sales::customer_of_order(conn, order_id).await? {
        None => Err(Error::NotFound(Phrase::plain(ENTITY_DOES_NOT_EXIST))),
        Some(owner) if owner != Some(customer_id) => {
            Err(Error::NotFound(Phrase::plain(CHECK_INPUT_PARAMETERS)))
        }
        Some(_) => Ok(()),
    }
}

/// `ValidateQuoteOrigOrder`: the original order is another customer's.
pub const CHECK_INPUT_PARAMETERS: &str = "Please check input parameters.";

/// The posted fields of an address over the stored ones (`DataObject::addData`; a field
/// posted null cannot be told from one not posted here, and is kept).
pub(crate) fn merge_address(old: Option<QuoteAddressRow>, new: QuoteAddressRow) -> QuoteAddressRow {
    let Some(old) = old else {
        return new;
    };
    macro_rules! over {
        ($($f:ident),*) => {
            QuoteAddressRow { $($f: new.$f.or(old.$f),)* ..old }
        };
    }
    let mut merged = over!(
        customer_address_id,
        email,
        firstname,
        lastname,
        company,
        street,
        city,
        region,
        region_id,
        region_code,
        postcode,
        country_id,
        telephone,
        middlename,
        prefix,
        suffix,
        fax,
        vat_id,
        save_in_address_book
    );
    if new.same_as_billing != 0 {
        merged.same_as_billing = 1;
    }
    merged
}

/// Runs the save for `customer_id` (the token's customer).
///
/// A posted billing address `id` is checked first, while the input processor builds the quote
/// (`setBillingAddress`, `Quote\Plugin\QuoteAddress`): 404 `Invalid quote address id %1` unless
/// it names an address of the customer's cart, and for any id when the body sets the billing
/// address before its `id` key (or has none): ParamsOverrider then appends the cart's id after
/// it, so the address is checked against a quote without one, whose address collection is
/// empty (research helper-101, 2.4.8). A shipping assignment's address `id` is checked in the
/// save (`ShippingAddressManagement::assign`), on a physical cart only, against the addresses
/// the cart had before the request.
pub async fn save(db: &Db, customer_id: i64, input: CartSave) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let active = quotes::active_for_customer(&mut *conn, customer_id).await?;
                let (stored_billing, stored_shipping) = match &active {
                    Some(q) => cart_addresses(&mut *conn, q.entity_id).await?,
                    None => (None, None),
                };
                if let Some(billing) = &input.billing_address {
                    let on_cart = !input.billing_before_quote_id;
                    posted_address_id_check(
                        billing.address_id,
                        stored_billing.as_ref().filter(|_| on_cart),
                        stored_shipping.as_ref().filter(|_| on_cart),
                    )
                    .map_err(Error::NotFound)?;
                }
                if input.customer_id != Some(customer_id) {
                    return Err(Error::input(INVALID_STATE_CHANGE));
                }
                let quote = match active {
                    Some(q) => q,
                    None => {
                        insert_customer_quote(&mut *conn, customer_id, db::store::DEFAULT_STORE_ID)
                            .await?
                    }
                };
                if let Some(orig) = input.orig_order_id.filter(|id| *id != 0) {
                    check_orig_order(&mut *conn, orig, customer_id).await?;
                }
                let quote_id = quote.entity_id;
                let mut q = quote.clone();
                // Quote::setCustomer copies the posted customer's whole `customer_account`
                // fieldset onto the quote: a field not posted becomes NULL (an id alone clears
                // the e-mail and names). A posted group is taken (checked below); one not posted
                // would be NULL too, which magemu's quote cannot hold: it keeps its group.
                q.customer_email = input.customer_email;
                q.customer_firstname = input.customer_firstname;
                q.customer_lastname = input.customer_lastname;
                if let Some(group) = input.customer_group_id {
                    q.customer_group_id = group;
                }
                if let Some(active) = input.is_active {
                    q.is_active = i64::from(active);
                }
                if let Some(reserved) = input.reserved_order_id {
                    q.reserved_order_id = reserved;
                }
                if let Some(guest) = input.customer_is_guest {
                    q.customer_is_guest = i64::from(guest);
                }
                if let Some(store_id) = input.store_id {
                    // quote.store_id's foreign key: Magento's save fails in the database.
                    // QuoteRepository::get loads the quote for the posted store first:
                    // StoreRepository::getById's 404 for one that does not exist.
                    if !db::store::store_exists(&mut *conn, store_id).await? {
                        return Err(Error::NotFound(Phrase::plain(STORE_NOT_FOUND)));
                    }
                    q.store_id = store_id;
                }
                // Each line is saved on the stored quote (its store's website and stock), the
                // lines read once and kept as they are saved.
                if !input.items.is_empty() {
                    let mut lines = CartLines::load(&mut *conn, &quote).await?;
                    for item in input.items {
                        save_item_on(&mut *conn, &mut lines, item).await?;
                    }
                }
                if let Some(billing) = input.billing_address {
                    save_merged(&mut *conn, quote_id, customer_id, "billing", billing, None)
                        .await?;
                }
                if input.shipping_assignments > 1 {
                    return Err(Error::input(ONE_SHIPPING_ASSIGNMENT));
                }
                if let Some(shipping) = input.shipping_address {
                    // processShippingAssignment runs for a physical cart only.
                    let items = quotes::items(&mut *conn, quote_id).await?;
                    if !crate::checkout::totals::is_virtual(&items) {
                        posted_address_id_check(
                            shipping.address_id,
                            stored_billing.as_ref(),
                            stored_shipping.as_ref(),
                        )
                        .map_err(Error::NotFound)?;
                    }
                    let method = input.shipping_method;
                    save_merged(
                        &mut *conn,
                        quote_id,
                        customer_id,
                        "shipping",
                        shipping,
                        method,
                    )
                    .await?;
                }
                // SaveHandler saves the quote with its totals collected: the tax collectors of
                // an address with items ask for the customer's tax class
                // (Quote::getCustomerTaxClassId), whose GroupRepository::getById refuses a
                // group that does not exist, and again in its fallback, which reads the posted
                // customer's own group: 404, nothing saved. An empty cart keeps the group (no
                // collector gets that far). Research helper-75, 2.4.6-2.4.8-p1.
                if let Some(group) = input.customer_group_id {
                    if db::customers::group(&mut *conn, group).await?.is_none()
                        && !quotes::items(&mut *conn, quote_id).await?.is_empty()
                    {
                        return Err(Error::no_such_entity("id", group));
                    }
                }
                q.updated_at = db::now_timestamp();
                db::update(&mut *conn, "quote", "entity_id", &q).await?;
                cart_coupon::settle(conn, quote_id).await
            })
        })
        .await
}

/// The posted address merged into the cart's address of `kind` and saved, after the save
/// validator (`Quote\Address\Validator`).
async fn save_merged(
    conn: &mut sqlx::SqliteConnection,
    quote_id: i64,
    customer_id: i64,
    kind: &str,
    posted: QuoteAddressRow,
    method: Option<String>,
) -> Result<()> {
    let old = quotes::address(&mut *conn, quote_id, kind).await?;
    let mut merged = merge_address(old, posted);
    if let Some(messages) = address_save_errors(&mut *conn, &merged).await? {
        // The billing address is saved with the quote: the validator's own text; the shipping
        // one through ShippingAddressManagement, which words it its own way.
        return Err(Error::input(if kind == "billing" {
            messages
        } else {
            ADDRESS_NOT_SAVED.to_owned()
        }));
    }
    merged.quote_id = quote_id;
    merged.customer_id = Some(customer_id);
    merged.address_type = kind.to_owned();
    // Through the repository: BillingAddressPersister / ShippingAddressManagement::assign.
    super::address_book::normalize(&mut merged);
    if method.is_some() {
        merged.shipping_method = method;
    }
    quotes::save_address(&mut *conn, merged).await?;
    Ok(())
}
