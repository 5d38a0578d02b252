//! Magento_Catalog's base price storage (`Model\Product\Price\BasePriceStorage`), the bulk price
//! routes ERP connectors sync prices with: `POST /V1/products/base-prices-information` reads
//! the `price` of products by SKU, `POST /V1/products/base-prices` writes it.
//!
//! Read from Magento 2.4's source (research in the session-37 notes): the allowed product types
//! are simple, virtual, downloadable and fixed-price bundles, every type magemu keeps; SKUs are
//! matched as `ProductIdLocator` matches them ([`locate`]). A read drops unknown SKUs
//! without a word (the interface's "exception will be thrown" is 2.2's, which 2.4 no longer
//! calls); an update checks each price, reports the failing ones as `PriceUpdateResult`s and
//! saves the others (api-functional `BasePriceStorageTest::testUpdateWithInvalidParameters`
//! pins the three messages and their parameter lists). With the default global price scope
//! (magemu's only one) a price is saved for store 0 whatever existing store it names (2.4.6+,
//! magento/magento2#36147), and each saved product's `updated_at` moves to now
//! (`PricePersistence::updateLastUpdatedAt`, `testUpdateLastUpdatedAt`).

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use crate::amount::Amount;
use crate::db::{self, Db};
use crate::error::Result;

/// A product's price as `BasePriceInterface` carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct BasePrice {
    pub price: Amount,
    pub store_id: i64,
    pub sku: String,
}

/// One posted `BasePriceInterface`; any field may be missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BasePriceInput {
    pub price: Option<PostedPrice>,
    pub store_id: Option<i64>,
    pub sku: Option<String>,
}

/// A posted `float` price: the double PHP checks and shows (`-0.00001` is negative and shown
/// `-1.0E-5`), and the amount it is stored as (rounded to the storage's scale).
///
/// Left as it was: a price past what an [`Amount`] holds (about 9.2e14) is refused as the
/// input's type error for the whole request, where Magento takes the double and MySQL clamps
/// it to the column (DECIMAL(20,6)); and prices are stored with four decimals, not six.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PostedPrice {
    pub float: f64,
    pub amount: Amount,
}

/// A `PriceUpdateResultInterface`: the message and the values of its parameters (null where
/// the posted field was missing).
#[derive(Debug, Clone, PartialEq)]
pub struct PriceFailure {
    pub message: String,
    pub parameters: Vec<Option<String>>,
}

/// `Invalid attribute %fieldName = %fieldValue.`: Magento passes the placeholders as their own
/// values, so the message keeps them and the values go in the parameters only.
pub const INVALID_ATTRIBUTE: &str = "Invalid attribute %fieldName = %fieldValue.";

/// The key `ProductIdLocator` knows a SKU by: `strtolower(trim($sku))` (PHP's `trim` strips
/// spaces, tabs, line breaks, NUL and vertical tabs; `strtolower` only ASCII letters).
fn unified(sku: &str) -> String {
    crate::php::trim(sku).to_ascii_lowercase()
}

/// The products `skus` name, keyed by [`unified`] SKU, as
/// `ProductIdLocator::retrieveProductIdsBySkus` finds them: the SKUs go to the database as
/// asked (`sku IN (...)` on a `*_general_ci` column: without case, trailing spaces ignored, the
/// PAD SPACE rule), and each asked SKU is then looked up among the products found by its
/// unified form. So `"24-WB01 "` finds its product, while `" 24-WB01"` or `"24-WB01\t"` finds
/// it only when another SKU of the same request did.
async fn locate(
    conn: &mut sqlx::SqliteConnection,
    skus: &[&str],
) -> Result<HashMap<String, db::catalog::ProductEntityRow>> {
    let mut found = HashMap::new();
    let mut asked = std::collections::HashSet::new();
    for sku in skus {
        let padded = sku.trim_end_matches(' ');
        if asked.insert(padded.to_ascii_lowercase()) {
            if let Some(product) = db::catalog::product_by_sku(&mut *conn, padded).await? {
                found.insert(unified(&product.sku), product);
            }
        }
    }
    Ok(found)
}

/// `BasePriceStorage::get`: the price of each known product among `skus`, in product id order,
/// named by the first spelling it was asked by; unknown SKUs are left out.
pub async fn get(db: &Db, skus: Vec<String>) -> Result<Vec<BasePrice>> {
    let mut conn = db.read.acquire().await?;
    let asked: Vec<&str> = skus.iter().map(String::as_str).collect();
    let products = locate(&mut conn, &asked).await?;
    // By product id: the reply's order, and the first spelling asked names the product.
    let mut found: BTreeMap<i64, BasePrice> = BTreeMap::new();
    for sku in skus {
        if let Some(product) = products.get(&unified(&sku)) {
            found.entry(product.entity_id).or_insert(BasePrice {
                price: product.price,
                store_id: 0,
                sku,
            });
        }
    }
    Ok(found.into_values().collect())
}

/// What checking the posted prices gives: the failures, in the order of the prices and of the
/// checks, and the prices to save as (product id, price), in the order posted.
#[derive(Debug, Default, PartialEq)]
pub struct Checked {
    pub failures: Vec<PriceFailure>,
    pub valid: Vec<(i64, Amount)>,
}

/// `BasePriceStorage::retrieveValidPrices`: each price's SKU (known by `product_of`), price
/// (present, not negative) and store (known by `store_exists`), each failing check one
/// failure; a price with any failure is not saved.
pub fn check(
    prices: &[BasePriceInput],
    product_of: impl Fn(&str) -> Option<i64>,
    store_exists: impl Fn(i64) -> bool,
) -> Checked {
    let mut checked = Checked::default();
    for p in prices {
        let before = checked.failures.len();
        let product = p
            .sku
            .as_deref()
            // `!$price->getSku()`: PHP's falsy strings are "" and "0".
            .filter(|s| !s.is_empty() && *s != "0")
            .and_then(&product_of);
        if product.is_none() {
            checked.failures.push(PriceFailure {
                message: INVALID_ATTRIBUTE.to_owned(),
                parameters: vec![Some("SKU".to_owned()), p.sku.clone()],
            });
        }
        // `null === $price->getPrice() || $price->getPrice() < 0`, on the double.
        if p.price.is_none_or(|price| price.float < 0.0) {
            checked.failures.push(PriceFailure {
                message: INVALID_ATTRIBUTE.to_owned(),
                parameters: vec![
                    Some("Price".to_owned()),
                    p.price
                        .map(|price| crate::php::float_to_string(price.float)),
                ],
            });
        }
        if !p.store_id.is_some_and(&store_exists) {
            let store = p.store_id.map(|s| s.to_string());
            checked.failures.push(PriceFailure {
                message: format!(
                    "Requested store is not found. Row ID: SKU = {}, Store ID: {}.",
                    p.sku.as_deref().unwrap_or_default(),
                    store.as_deref().unwrap_or_default()
                ),
                parameters: vec![p.sku.clone(), store],
            });
        }
        if let (Some(id), Some(price), true) = (product, p.price, checked.failures.len() == before)
        {
            checked.valid.push((id, price.amount));
        }
    }
    checked
}

/// `BasePriceStorage::update`: the failures of the prices that were not saved; the others are
/// saved (the last of a product's wins), in one write.
pub async fn update(db: &Db, prices: Vec<BasePriceInput>) -> Result<Vec<PriceFailure>> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let asked: Vec<&str> = prices.iter().filter_map(|p| p.sku.as_deref()).collect();
                let products = locate(&mut *conn, &asked).await?;
                let mut stores: HashMap<i64, bool> = HashMap::new();
                for p in &prices {
                    if let Some(store) = p.store_id {
                        if let Entry::Vacant(e) = stores.entry(store) {
                            e.insert(db::store::store_exists(&mut *conn, store).await?);
                        }
                    }
                }
                let checked = check(
                    &prices,
                    |sku| products.get(&unified(sku)).map(|p| p.entity_id),
                    |store| stores.get(&store).copied().unwrap_or(false),
                );
                let now = db::now_timestamp();
                for (product_id, price) in &checked.valid {
                    db::catalog::set_price(&mut *conn, *product_id, *price, &now).await?;
                }
                Ok(checked.failures)
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(sku: Option<&str>, price: Option<&str>, store: Option<i64>) -> BasePriceInput {
        BasePriceInput {
            price: price.map(|p| PostedPrice {
                float: p.parse().unwrap(),
                amount: Amount::parse(p).unwrap(),
            }),
            store_id: store,
            sku: sku.map(str::to_owned),
        }
    }

    fn products(sku: &str) -> Option<i64> {
        match unified(sku).as_str() {
            "24-wb01" => Some(1),
            "24-wb03" => Some(2),
            _ => None,
        }
    }

    #[test]
    fn a_sku_is_unified_as_php_trims_and_lowers_it() {
        assert_eq!(unified(" \t24-WB01\r\n\0\x0B"), "24-wb01");
        // PHP's trim keeps other whitespace; strtolower only folds ASCII letters.
        assert_eq!(unified("\u{a0}24-WB01"), "\u{a0}24-wb01");
        assert_eq!(unified("ÄB"), "Äb");
    }

    #[test]
    fn every_failing_check_is_reported_in_order() {
        // BasePriceStorageTest::testUpdateWithInvalidParameters.
        let checked = check(
            &[input(Some("not_existing_sku"), Some("-9999"), Some(9999))],
            products,
            |s| s <= 1,
        );
        let s = |t: &str| Some(t.to_owned());
        assert_eq!(
            checked.failures,
            [
                PriceFailure {
                    message: INVALID_ATTRIBUTE.into(),
                    parameters: vec![s("SKU"), s("not_existing_sku")]
                },
                PriceFailure {
                    message: INVALID_ATTRIBUTE.into(),
                    parameters: vec![s("Price"), s("-9999")]
                },
                PriceFailure {
                    message: "Requested store is not found. Row ID: SKU = not_existing_sku, \
                              Store ID: 9999."
                        .into(),
                    parameters: vec![s("not_existing_sku"), s("9999")]
                },
            ]
        );
        assert!(checked.valid.is_empty());
    }

    #[test]
    fn good_prices_are_kept_beside_bad_ones() {
        let checked = check(
            &[
                input(Some(" 24-wb01 "), Some("30"), Some(1)),
                input(Some("0"), Some("1"), Some(0)),
                input(Some("24-WB03"), None, Some(0)),
                input(Some("24-WB03"), Some("0"), Some(0)),
                input(None, Some("5"), None),
            ],
            products,
            |s| s <= 1,
        );
        let amount = |t: &str| Amount::parse(t).unwrap();
        assert_eq!(checked.valid, [(1, amount("30")), (2, amount("0"))]);
        let shown: Vec<_> = checked
            .failures
            .iter()
            .map(|f| (f.message.as_str(), f.parameters.clone()))
            .collect();
        let s = |t: &str| Some(t.to_owned());
        assert_eq!(
            shown,
            [
                (INVALID_ATTRIBUTE, vec![s("SKU"), s("0")]),
                (INVALID_ATTRIBUTE, vec![s("Price"), None]),
                (INVALID_ATTRIBUTE, vec![s("SKU"), None]),
                (
                    "Requested store is not found. Row ID: SKU = , Store ID: .",
                    vec![None, None]
                ),
            ]
        );
    }
}
