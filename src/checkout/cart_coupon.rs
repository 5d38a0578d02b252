//! A cart's coupon (`Quote/Model/CouponManagement.php`, `GuestCart/GuestCouponManagement.php`)
//! and the payment method set without placing the order
//! (`Checkout/Model/PaymentInformationManagement::savePaymentInformation`).
//!
//! The stored `quote.coupon_code` is what `GET .../coupons` and the totals' `coupon_code` show
//! (`CouponManagement::get` reads the quote, no collect). A collect that finds no coupon rule
//! applying with it clears it to `''` (`Validator::initFromQuote`,
//! `TotalsCollector::_validateCouponCode`); magemu collects on every read and writes that
//! clearing when the cart is saved: setting or removing the coupon, adding, changing or
//! deleting a line, saving shipping information. A cart that never had a coupon keeps `null`
//! (2.4.8 writes `''` at the first collect with items; 2.4.0's totals, the tutorial's, show no
//! `coupon_code`).

use sqlx::SqliteConnection;

use crate::checkout::{
    address_save_errors, guest_email_on_billing, load_cart, resolve, sales_rule, totals, CartRef,
    PAYMENT_NOT_AVAILABLE, SHIPPING_ADDRESS_MISSING,
};
use crate::db::quotes::{self, QuoteAddressRow, QuoteRow};
use crate::db::{self, Db};
use crate::error::{Error, Phrase, Result};

/// `GuestPaymentInformationManagement::savePaymentInformation` with no quantity in the cart.
pub const PRODUCTS_DISABLED: &str = "Some of the products are disabled.";

/// `CouponManagement::get`: the stored code (`null` when none was ever set).
pub async fn get(db: &Db, who: &CartRef) -> Result<Option<String>> {
    let mut conn = db.read.acquire().await?;
    Ok(resolve(&mut conn, who).await?.coupon_code)
}

fn without_products(quote: &QuoteRow) -> Error {
    Error::NotFound(Phrase::positional(
        sales_rule::CART_WITHOUT_PRODUCTS,
        vec![quote.entity_id.to_string()],
    ))
}

async fn save_code(conn: &mut SqliteConnection, quote: &mut QuoteRow, code: String) -> Result<()> {
    quote.coupon_code = Some(code);
    quote.updated_at = db::now_timestamp();
    db::update(&mut *conn, "quote", "entity_id", &*quote).await?;
    Ok(())
}

/// The code a collect leaves on `quote` when it asks for `code`: `code` when a coupon rule
/// applied with it, `''` otherwise.
async fn collected_code(
    conn: &mut SqliteConnection,
    quote: &QuoteRow,
    code: &str,
) -> Result<String> {
    let mut asked = quote.clone();
    asked.coupon_code = Some(code.to_owned());
    let cart = load_cart(&mut *conn, asked).await?;
    let t: totals::Totals = cart.totals();
    Ok(match t.coupon_code {
        Some(_) if !code.is_empty() => code.to_owned(),
        _ => String::new(),
    })
}

/// `CouponManagement::set`: whether the code applied. A refused code is still saved as `''`
/// (Magento saves the collected quote before comparing), so the caller answers 404 after the
/// write commits.
pub async fn set(db: &Db, who: CartRef, code: String) -> Result<bool> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let code = code.trim().to_owned();
                let mut quote = resolve(&mut *conn, &who).await?;
                if quotes::items(&mut *conn, quote.entity_id).await?.is_empty() {
                    return Err(without_products(&quote));
                }
                let kept = collected_code(&mut *conn, &quote, &code).await?;
                let applied = kept == code;
                save_code(&mut *conn, &mut quote, kept).await?;
                Ok(applied)
            })
        })
        .await
}

/// `CouponManagement::remove`.
pub async fn remove(db: &Db, who: CartRef) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let mut quote = resolve(&mut *conn, &who).await?;
                if quotes::items(&mut *conn, quote.entity_id).await?.is_empty() {
                    return Err(without_products(&quote));
                }
                save_code(&mut *conn, &mut quote, String::new()).await
            })
        })
        .await
}

/// After a save that collects totals: a stored coupon no rule applies with any more is cleared.
pub async fn settle(conn: &mut SqliteConnection, quote_id: i64) -> Result<()> {
    let Some(mut quote) = quotes::quote(&mut *conn, quote_id).await? else {
        return Ok(());
    };
    let Some(code) = quote.coupon_code.clone().filter(|c| !c.is_empty()) else {
        return Ok(());
    };
    if quotes::items(&mut *conn, quote_id).await?.is_empty() {
        // Discount::collect returns before it looks at the coupon.
        return Ok(());
    }
    let kept = collected_code(&mut *conn, &quote, &code).await?;
    if kept != code {
        save_code(&mut *conn, &mut quote, kept).await?;
    }
    Ok(())
}

/// `PaymentInformationManagement::savePaymentInformation` (the guest form with `guest_email`):
/// the billing address when one is posted, then `PaymentMethodManagement::set`.
pub async fn set_payment_information(
    db: &Db,
    who: CartRef,
    method: String,
    billing: Option<QuoteAddressRow>,
    guest_email: Option<String>,
) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let mut quote = resolve(&mut *conn, &who).await?;
                // setBillingAddress's id check, before anything else of the address.
                if let Some(b) = &billing {
                    super::posted_address_id_stored(&mut *conn, quote.entity_id, b.address_id)
                        .await?
                        .map_err(Error::NotFound)?;
                }
                // The billing address the quote's save validates below: the posted one, or
                // the cart's own given a guest's e-mail.
                let changed_billing = match billing {
                    Some(mut b) => {
                        b.quote_id = quote.entity_id;
                        b.address_type = "billing".into();
                        if b.customer_id.is_none() {
                            let old =
                                quotes::address(&mut *conn, quote.entity_id, "billing").await?;
                            b.customer_id = old.and_then(|o| o.customer_id);
                        }
                        if let (Some(customer_id), None) = (quote.customer_id, &guest_email) {
                            super::address_book::payment_billing(
                                &mut *conn,
                                quote.entity_id,
                                customer_id,
                                &mut b,
                            )
                            .await?;
                        }
                        if guest_email.is_some() {
                            b.email = guest_email.clone();
                        }
                        quotes::save_address(&mut *conn, b.clone()).await?;
                        Some(b)
                    }
                    None => match &guest_email {
                        Some(email) => {
                            Some(guest_email_on_billing(&mut *conn, &quote, email).await?)
                        }
                        None => None,
                    },
                };
                let items = quotes::items(&mut *conn, quote.entity_id).await?;
                if guest_email.is_some() && items.iter().all(|i| i.qty.is_zero()) {
                    return Err(Error::input(PRODUCTS_DISABLED));
                }
                let is_virtual = super::totals::is_virtual(&items);
                let address_type = if is_virtual { "billing" } else { "shipping" };
                let address = quotes::address(&mut *conn, quote.entity_id, address_type).await?;
                if !is_virtual
                    && address
                        .as_ref()
                        .and_then(|a| a.country_id.as_ref())
                        .is_none()
                {
                    return Err(Error::input(SHIPPING_ADDRESS_MISSING));
                }
                // `Payment\Model\Info::getMethodInstance`: no code at all is its own refusal.
                if method.is_empty() {
                    return Err(Error::input(crate::error::PAYMENT_METHOD_NOT_AVAILABLE));
                }
                if !totals::PAYMENT_METHODS.iter().any(|(c, _)| *c == method) {
                    return Err(Error::input(PAYMENT_NOT_AVAILABLE));
                }
                // PaymentMethodManagement::set then saves the quote: the address's save
                // validator refuses a bad e-mail or country, its messages as they are.
                if let Some(b) = &changed_billing {
                    if let Some(message) = address_save_errors(&mut *conn, b).await? {
                        return Err(Error::input(message));
                    }
                }
                quote.payment_method = Some(method);
                quote.updated_at = db::now_timestamp();
                db::update(&mut *conn, "quote", "entity_id", &quote).await?;
                Ok(())
            })
        })
        .await
}
