//! Magento_Directory's countries and regions (`directory_country`, `directory_country_region`).

use sqlx::SqliteConnection;

use crate::db::row_struct;

row_struct! {
    /// `directory_country_region`: one region (state, province, county...) of a country.
    pub struct RegionRow {
        pub region_id: i64,
        pub country_id: String,
        pub code: Option<String>,
        pub default_name: Option<String>,
    }
}

/// `ResourceModel\Country::loadByCode`: the country whose ISO 2 (a two-byte code) or ISO 3
/// (three bytes) code is `code`, without case (MySQL's collation); `None` for another length
/// (Magento's `Please correct the country code: %1.`, which the caller raises).
pub async fn country_by_code(
    conn: &mut SqliteConnection,
    code: &str,
) -> Result<Option<Option<String>>, sqlx::Error> {
    let sql = match code.len() {
        2 => "SELECT country_id FROM directory_country WHERE iso2_code = ? COLLATE NOCASE",
        3 => "SELECT country_id FROM directory_country WHERE iso3_code = ? COLLATE NOCASE",
        _ => return Ok(None),
    };
    let found: Option<String> = sqlx::query_scalar(sql)
        .bind(code)
        .fetch_optional(conn)
        .await?;
    Ok(Some(found))
}

/// The region `id`.
pub async fn region(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<RegionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT region_id, country_id, code, default_name FROM directory_country_region
         WHERE region_id = ?",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// `Region::loadByCode($code, $countryId)`: the country's region of that code (MySQL compares
/// it without case).
pub async fn region_by_code(
    conn: &mut SqliteConnection,
    country: &str,
    code: &str,
) -> Result<Option<RegionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT region_id, country_id, code, default_name FROM directory_country_region
         WHERE country_id = ? AND code = ? COLLATE NOCASE ORDER BY region_id LIMIT 1",
    )
    .bind(country)
    .bind(code)
    .fetch_optional(conn)
    .await
}

row_struct! {
    /// `directory_country`, with the English name Magento reads from ICU (`None`: ICU has none).
    pub struct CountryRow {
        pub country_id: String,
        pub iso2_code: Option<String>,
        pub iso3_code: Option<String>,
        pub name: Option<String>,
    }
}

/// The countries a store view allows (`Country\Collection::loadByStore`: `general/country/allow`,
/// every country by default; magemu's stores keep the default), in the table's key order, as
/// MySQL reads them without an ORDER BY; `only` narrows them to one id, compared exactly
/// (`getItemById`'s PHP `==`).
pub async fn countries(
    conn: &mut SqliteConnection,
    only: Option<&str>,
) -> Result<Vec<CountryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT country_id, iso2_code, iso3_code, name FROM directory_country
         WHERE ?1 IS NULL OR country_id = ?1 ORDER BY country_id",
    )
    .bind(only)
    .fetch_all(conn)
    .await
}

/// The regions of the countries `countries` lists (`Helper\Data::getRegionData`), each country's
/// in the region collection's order (by name).
pub async fn regions_of(
    conn: &mut SqliteConnection,
    only: Option<&str>,
) -> Result<Vec<RegionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT region_id, country_id, code, default_name FROM directory_country_region
         WHERE ?1 IS NULL OR country_id = ?1 ORDER BY country_id, name_position",
    )
    .bind(only)
    .fetch_all(conn)
    .await
}

/// `general/region/state_required` of a fresh 2.4.7/2.4.8 install: InitializeDirectoryData's
/// countries, then each later AddDataFor<Country> patch appends its own
/// (`DataInstaller::addCountryRegions`, magento2 PR #38076); Austria, Germany, Finland and
/// France have regions that are not required (/tmp/research/addressregion.md, session 35).
pub const STATE_REQUIRED: [&str; 39] = [
    "BR", "CA", "CH", "EE", "ES", "LT", "LV", "RO", "US", "AL", "AR", "HR", "IN", "AU", "BY", "BE",
    "BO", "BG", "CL", "CN", "CO", "CR", "CZ", "DK", "EC", "GR", "GY", "IS", "IT", "MX", "PY", "PE",
    "PL", "PT", "SR", "SE", "UA", "UY", "VE",
];

/// What the address validators read of a country: `None` for a country the store does not
/// allow (magemu's stores allow every country of the directory; compared exactly, as
/// `in_array(..., true)` does), else its regions.
pub async fn country_regions(
    conn: &mut SqliteConnection,
    country: &str,
) -> Result<Option<Vec<RegionRow>>, sqlx::Error> {
    if countries(&mut *conn, Some(country)).await?.is_empty() {
        return Ok(None);
    }
    regions_of(conn, Some(country)).await.map(Some)
}

/// The directory region an address names: its region id, or without one (0 or none) a numeric
/// region text read as an id, as `AbstractAddress::getRegion` and `Order\Address::getRegionCode`
/// read it (`RegionFactory::load`); `None` when it names none.
pub async fn address_region(
    conn: &mut SqliteConnection,
    region_id: Option<i64>,
    region: Option<&str>,
) -> Result<Option<RegionRow>, sqlx::Error> {
    let numeric = || region.and_then(|r| r.trim().parse::<f64>().ok().map(|f| f as i64));
    match region_id.filter(|id| *id != 0).or_else(numeric) {
        Some(id) => self::region(conn, id).await,
        None => Ok(None),
    }
}

/// `Sales\Model\Order\Address::getRegionCode`, which an order address always computes (its table
/// keeps no code): the region it names ([`address_region`]) when that region is of the
/// address's country, its code; else the region text; else none. magemu stores the answer with
/// the address.
pub async fn order_region_code(
    conn: &mut SqliteConnection,
    country_id: Option<&str>,
    region_id: Option<i64>,
    region: Option<&str>,
) -> Result<Option<String>, sqlx::Error> {
    Ok(match address_region(conn, region_id, region).await? {
        Some(r) if Some(r.country_id.as_str()) == country_id => r.code,
        // `$model->getCountryId() == $this->getCountryId()` with neither: null == null.
        None if country_id.is_none() => None,
        _ => region.map(str::to_owned),
    })
}

/// Whether the directory holds country `id` (`Country::load`: by its key, which MySQL compares
/// without case).
pub async fn country_exists(conn: &mut SqliteConnection, id: &str) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM directory_country WHERE country_id = ? COLLATE NOCASE)",
    )
    .bind(id)
    .fetch_one(conn)
    .await
}
