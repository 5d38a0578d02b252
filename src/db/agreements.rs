//! Checkout agreements (`checkout_agreement`, `checkout_agreement_store`; Magento_CheckoutAgreements).

use sqlx::SqliteConnection;

use crate::db::row_struct;
use crate::db::search::{json_list, Bind, CustomFilter, Kind};
use crate::search::SearchCriteria;

row_struct! {
    /// `checkout_agreement`: one agreement (terms and conditions).
    pub struct AgreementRow {
        pub agreement_id: i64,
        pub name: Option<String>,
        pub content: Option<String>,
        pub content_height: Option<String>,
        pub checkbox_text: Option<String>,
        pub is_active: i64,
        pub is_html: i64,
        pub mode: i64,
    }
}

/// `mode` of an agreement the shopper must tick (`AgreementModeOptions::MODE_MANUAL`).
pub const MODE_MANUAL: i64 = 1;

/// The active agreements shown in store view `store_id` (linked to it or to store 0, "All
/// Store Views"), by id (`ActiveStoreAgreementsFilter` + `addStoreFilter`).
pub async fn active_for_store(
    conn: &mut SqliteConnection,
    store_id: i64,
) -> Result<Vec<AgreementRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {} FROM checkout_agreement WHERE is_active = 1 AND agreement_id IN (
             SELECT agreement_id FROM checkout_agreement_store WHERE store_id IN (?, 0))
         ORDER BY agreement_id",
        AgreementRow::column_list()
    ))
    .bind(store_id)
    .fetch_all(conn)
    .await
}

/// A page of agreements matching `criteria`, and the count of all matches.
pub async fn search(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> crate::error::Result<(Vec<AgreementRow>, i64)> {
    crate::db::search::rows_with(
        conn,
        "checkout_agreement",
        "agreement_id",
        AGREEMENT_FILTERS,
        criteria,
    )
    .await
}

/// The list's own filter (CheckoutAgreements `di.xml`'s `StoreFilter`): `store_id`.
const AGREEMENT_FILTERS: &[CustomFilter] = &[CustomFilter {
    name: "store_id",
    term: store_term,
}];

/// `StoreFilter::apply` -> `Collection::addStoreFilter($value)`: the agreements linked to the
/// store (a value with commas is a list) or to store 0, all views (`_isStoreFilterWithAdmin`);
/// the condition type is not read.
fn store_term(_cond: &str, value: &str, binds: &mut Vec<Bind>) -> String {
    binds.push(json_list(Kind::Int, value.split(',')));
    "(agreement_id IN (SELECT agreement_id FROM checkout_agreement_store      WHERE store_id = 0 OR store_id IN (SELECT value FROM json_each(?))))"
        .into()
}

/// A new agreement shown in `stores`; its id.
pub async fn insert(
    conn: &mut SqliteConnection,
    row: &AgreementRow,
    stores: &[i64],
) -> Result<i64, sqlx::Error> {
    let id = crate::db::insert(&mut *conn, "checkout_agreement", "agreement_id", row).await?;
    for store in stores {
        sqlx::query(
            "INSERT OR IGNORE INTO checkout_agreement_store (agreement_id, store_id) VALUES (?, ?)",
        )
        .bind(id)
        .bind(store)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}
