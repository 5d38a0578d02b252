//! Carts: `quote`, `quote_item`, `quote_address` (Magento_Quote's tables, the columns magemu keeps).

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::row_struct;

row_struct! {
    /// `quote`.
    pub struct QuoteRow {
        pub entity_id: i64,
        pub store_id: i64,
        pub is_active: i64,
        pub customer_id: Option<i64>,
        pub customer_email: Option<String>,
        pub customer_firstname: Option<String>,
        pub customer_lastname: Option<String>,
        pub customer_group_id: i64,
        pub customer_is_guest: i64,
        pub masked_id: Option<String>,
        pub reserved_order_id: Option<String>,
        pub payment_method: Option<String>,
        pub created_at: String,
        pub updated_at: String,
        /// The applied coupon (`''` once removed or dropped by a collect).
        pub coupon_code: Option<String>,
    }
}

row_struct! {
    /// `quote_item`; `downloadable_links` is the JSON list of the purchased link ids.
    pub struct QuoteItemRow {
        pub item_id: i64,
        pub quote_id: i64,
        pub product_id: i64,
        pub sku: String,
        pub name: Option<String>,
        pub product_type: String,
        pub is_virtual: i64,
        pub qty: Amount,
        pub price: Amount,
        pub downloadable_links: Option<String>,
        pub created_at: String,
        pub updated_at: String,
    }
}

row_struct! {
    /// `quote_address` (`address_type` `shipping` or `billing`); `street` holds the lines
    /// joined by "\n" as Magento stores them.
    pub struct QuoteAddressRow {
        pub address_id: i64,
        pub quote_id: i64,
        pub address_type: String,
        pub customer_id: Option<i64>,
        pub customer_address_id: Option<i64>,
        pub email: Option<String>,
        pub firstname: Option<String>,
        pub lastname: Option<String>,
        pub company: Option<String>,
        pub street: Option<String>,
        pub city: Option<String>,
        pub region: Option<String>,
        pub region_id: Option<i64>,
        pub region_code: Option<String>,
        pub postcode: Option<String>,
        pub country_id: Option<String>,
        pub telephone: Option<String>,
        pub same_as_billing: i64,
        pub shipping_method: Option<String>,
        pub middlename: Option<String>,
        pub prefix: Option<String>,
        pub suffix: Option<String>,
        pub fax: Option<String>,
        pub vat_id: Option<String>,
        /// `save_in_address_book` (nullable, default 0); `None` on a parsed address: not
        /// posted (a posted null too), saved as 0 unless a merge keeps the stored value.
        pub save_in_address_book: Option<i64>,
    }
}

/// The customer's active cart (`QuoteRepository::getActiveForCustomer`), the newest if several.
pub async fn active_for_customer(
    conn: &mut SqliteConnection,
    customer_id: i64,
) -> Result<Option<QuoteRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT * FROM quote WHERE customer_id = ? AND is_active = 1 ORDER BY entity_id DESC LIMIT 1",
    )
    .bind(customer_id)
    .fetch_optional(conn)
    .await
}

pub async fn quote(conn: &mut SqliteConnection, id: i64) -> Result<Option<QuoteRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM quote WHERE entity_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn quote_by_mask(
    conn: &mut SqliteConnection,
    mask: &str,
) -> Result<Option<QuoteRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM quote WHERE masked_id = ?")
        .bind(mask)
        .fetch_optional(conn)
        .await
}

pub async fn items(
    conn: &mut SqliteConnection,
    quote_id: i64,
) -> Result<Vec<QuoteItemRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM quote_item WHERE quote_id = ? ORDER BY item_id")
        .bind(quote_id)
        .fetch_all(conn)
        .await
}

pub async fn address(
    conn: &mut SqliteConnection,
    quote_id: i64,
    address_type: &str,
) -> Result<Option<QuoteAddressRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM quote_address WHERE quote_id = ? AND address_type = ?")
        .bind(quote_id)
        .bind(address_type)
        .fetch_optional(conn)
        .await
}

/// `AbstractAddress::getRegion`, `getRegionId` and `getRegionCode`, which every read of a cart
/// address (and the order made from it, `getDataUsingMethod`) goes through in that order
/// (`quote_address` keeps no code: it is worked out each time). `getRegion`: a region id of the
/// address's country names the region, its directory name replacing the text; without an id, a
/// numeric text that names a region of the country becomes its id and name. `getRegionId`:
/// still without an id, the country's region whose code is the region text, else the posted
/// code (`Region::loadByCode`). `getRegionCode`: the id's region's code when it is of the
/// address's country, else the region text, else the posted code. magemu keeps what the
/// getters answer.
async fn directory_region(
    conn: &mut SqliteConnection,
    row: &mut QuoteAddressRow,
) -> Result<(), sqlx::Error> {
    use crate::db::directory;
    let of_country =
        |r: &directory::RegionRow| Some(r.country_id.as_str()) == row.country_id.as_deref();
    let mut named = directory::address_region(conn, row.region_id, row.region.as_deref())
        .await?
        .filter(of_country);
    if let Some(r) = &named {
        row.region = r.default_name.clone();
        row.region_id = Some(r.region_id);
    }
    if row.region_id.is_none_or(|id| id == 0) {
        let code = row
            .region
            .clone()
            .filter(|r| !r.is_empty())
            .or_else(|| row.region_code.clone());
        if let (Some(code), Some(country)) = (code, row.country_id.clone()) {
            if let Some(r) = directory::region_by_code(conn, &country, &code).await? {
                row.region_id = Some(r.region_id);
                named = Some(r);
            }
        }
    }
    // The id's region when it is of the address's country (found above either way: an id
    // naming another country's region keeps the posted code), else the region text.
    match named {
        Some(r) => row.region_code = r.code,
        None if row.region_id.is_none_or(|id| id == 0) && row.region.is_some() => {
            row.region_code = row.region.clone();
        }
        None => {}
    }
    Ok(())
}

/// Writes the quote's address of `row.address_type`, replacing the one it had (its id is kept).
pub async fn save_address(
    conn: &mut SqliteConnection,
    mut row: QuoteAddressRow,
) -> Result<QuoteAddressRow, sqlx::Error> {
    row.save_in_address_book.get_or_insert(0);
    directory_region(&mut *conn, &mut row).await?;
    match address(&mut *conn, row.quote_id, &row.address_type).await? {
        Some(old) => {
            row.address_id = old.address_id;
            crate::db::update(conn, "quote_address", "address_id", &row).await?;
        }
        None => {
            // A posted address id (one of the cart's, checked) is not the new row's.
            row.address_id = 0;
            row.address_id = crate::db::insert(conn, "quote_address", "address_id", &row).await?;
        }
    }
    Ok(row)
}

pub async fn delete_item(
    conn: &mut SqliteConnection,
    quote_id: i64,
    item_id: i64,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM quote_item WHERE quote_id = ? AND item_id = ?")
            .bind(quote_id)
            .bind(item_id)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}
