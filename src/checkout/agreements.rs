//! Magento_CheckoutAgreements: the terms and conditions a store shows at checkout
//! (`CheckoutAgreementsRepository::getList`, `CheckoutAgreementsList::getList`) and the check
//! its `Checkout\Plugin\Validation` / `GuestValidation` make before
//! `savePaymentInformationAndPlaceOrder` (research: 2.4 copies of the module, paths in the
//! commit). Off in a fresh Magento (`checkout/options/enable_agreements` 0, no agreements);
//! magemu's agreements come from a seed file (no REST route creates one).
//!
//! - The active list: empty while the setting is off; else the active agreements linked to
//!   the request's store view or to store 0, AUTO and MANUAL alike.
//! - The search list: the criteria alone (no setting, store or active filter).
//! - Placing an order through `payment-information` (customer or guest): when the setting is
//!   on and the request's store shows at least one active agreement, every active MANUAL
//!   agreement of the cart's store must be among `paymentMethod.extension_attributes.
//!   agreement_ids` (compared as strings; extra ids ignored), else 400 "The order wasn't
//!   placed. ..." before anything is saved. `PUT .../order` (CartManagement::placeOrder) has
//!   no such plugin and is not checked.

use sqlx::SqliteConnection;

use crate::db::agreements::{self, AgreementRow, MODE_MANUAL};
use crate::db::{self, Db};
use crate::error::{Error, Result};
use crate::search::SearchCriteria;

pub const NOT_AGREED: &str = "The order wasn't placed. First, agree to the terms and conditions, then try placing your order again.";

/// `CheckoutAgreementsRepository::getList()` in store view `store_id`.
pub async fn active(db: &Db, store_id: i64) -> Result<Vec<AgreementRow>> {
    let mut conn = db.read.acquire().await?;
    if !db::store::flag(&mut conn, db::store::CHECKOUT_AGREEMENTS).await? {
        return Ok(Vec::new());
    }
    Ok(agreements::active_for_store(&mut conn, store_id).await?)
}

/// `CheckoutAgreementsList::getList($searchCriteria)`.
pub async fn search(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<AgreementRow>, i64)> {
    let mut conn = db.read.acquire().await?;
    agreements::search(&mut conn, criteria).await
}

/// The plugins' `beforeSavePaymentInformationAndPlaceOrder`: `request_store` is the REST
/// call's store view, `quote_store` the cart's.
pub async fn check(
    conn: &mut SqliteConnection,
    request_store: i64,
    quote_store: i64,
    accepted: &[String],
) -> Result<()> {
    if !db::store::flag(&mut *conn, db::store::CHECKOUT_AGREEMENTS).await? {
        return Ok(());
    }
    let shown = agreements::active_for_store(&mut *conn, request_store).await?;
    if shown.is_empty() {
        return Ok(());
    }
    // The cart's store's agreements: the same list when the cart is in the request's store.
    let required = if quote_store == request_store {
        shown
    } else {
        agreements::active_for_store(&mut *conn, quote_store).await?
    };
    let missing = required
        .iter()
        .filter(|a| a.mode == MODE_MANUAL)
        .any(|a| !accepted.contains(&a.agreement_id.to_string()));
    if missing {
        return Err(Error::input(NOT_AGREED));
    }
    Ok(())
}

/// An agreement a seed file adds, shown in `stores` (each must exist).
pub async fn add(db: &Db, row: AgreementRow, stores: Vec<i64>) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let known = db::store::views(&mut *conn).await?;
                if let Some(unknown) = stores
                    .iter()
                    .find(|s| **s != 0 && !known.iter().any(|v| v.store_id == **s))
                {
                    return Err(Error::input(format!(
                        "Store {unknown} does not exist (stores: the store view ids it is shown in, 0 for all)."
                    )));
                }
                Ok(agreements::insert(&mut *conn, &row, &stores).await?)
            })
        })
        .await
}
