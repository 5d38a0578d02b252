//! In-Store Pickup: the pickup location search and "orders are ready for pickup".
//!
//! Read from 2.4.8-p1, `module-inventory-in-store-pickup/Model/GetPickupLocations.php` and
//! `Model/SearchCriteria/Resolve*.php`: the search lists the enabled sources marked as pickup
//! locations, linked to the stock of the scope's sales channel (`scopeType` `website` by
//! default), that have a source item of every requested SKU (assignment decides, not
//! quantity), narrowed by the filters (`eq` by default, `like` with `%`), sorted and paged.
//! An `area` is resolved by `GetDistanceToSources`: the address is geocoded by the distance
//! provider and, when the provider cannot (`LocalizedException`), no source is in the area. The
//! default provider is Google without an API key, so a store without a configured provider
//! answers an area search with no locations, as magemu does.
//! "Orders are ready for pickup" ships orders, so it lives with the sales rules
//! (`sales::pickup`).

use crate::db::inventory_master::Source;
use sqlx::SqliteConnection;

use crate::db::Db;
use crate::error::Result;

/// `InventoryDistanceBasedSourceSelection/etc/config.xml`: `google`.
pub const DISTANCE_PROVIDER: &str = "google";
/// Google's refusal of a request without an API key, thrown by the provider.
pub const NO_API_KEY: &str = "You must use an API key to authenticate each request to Google Maps Platform APIs. For additional information, please refer to http://g.co/dev/maps-no-account";

/// One filter of the search request: value and condition type.
#[derive(Debug, Clone, PartialEq)]
pub struct PickupFilter {
    pub field: &'static str,
    pub value: String,
    pub condition_type: String,
}

/// `SearchRequestInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRequest {
    pub area: Option<(i64, String)>,
    pub filters: Vec<PickupFilter>,
    pub page_size: Option<i64>,
    pub current_page: i64,
    pub scope_type: String,
    pub scope_code: String,
    pub sort: Vec<(String, String)>,
    pub skus: Option<Vec<String>>,
}

/// The locations found (one page) and how many matched.
pub struct SearchResult {
    pub items: Vec<Source>,
    pub total_count: i64,
}

fn column(field: &str) -> Option<&'static str> {
    Some(match field {
        "country" | "country_id" => "country_id",
        "postcode" => "postcode",
        "region" => "region",
        "region_id" | "regionId" => "region_id",
        "city" => "city",
        "street" => "street",
        "name" => "name",
        "pickup_location_code" | "pickupLocationCode" | "source_code" => "source_code",
        "frontend_name" => "frontend_name",
        _ => return None,
    })
}

fn like(value: &str, pattern: &str) -> bool {
    // SQL LIKE with % only, case-insensitive as MySQL's collation.
    let value = value.to_lowercase();
    let parts: Vec<String> = pattern
        .to_lowercase()
        .split('%')
        .map(str::to_owned)
        .collect();
    let mut rest = value.as_str();
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(part.as_str()) else {
                return false;
            };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part.as_str());
        } else if let Some(pos) = rest.find(part.as_str()) {
            rest = &rest[pos + part.len()..];
        } else {
            return false;
        }
    }
    rest.is_empty()
}

fn field_value(s: &Source, column: &str) -> String {
    match column {
        "country_id" => s.country_id.clone(),
        "postcode" => s.postcode.clone(),
        "region" => s.region.clone().unwrap_or_default(),
        "region_id" => s.region_id.map(|r| r.to_string()).unwrap_or_default(),
        "city" => s.city.clone().unwrap_or_default(),
        "street" => s.street.clone().unwrap_or_default(),
        "name" => s.name.clone(),
        "frontend_name" => s.frontend_name.clone().unwrap_or_default(),
        _ => s.source_code.clone(),
    }
}

/// The pickup locations of stock `stock_id`: its enabled sources marked as pickup locations,
/// in link priority order, narrowed to those with a source item of every one of `skus`
/// (assignment decides, not quantity: `ResolveIntersection` over the source items).
pub async fn locations(
    conn: &mut SqliteConnection,
    stock_id: i64,
    skus: Option<&[String]>,
) -> Result<Vec<Source>> {
    let mut sources = crate::db::inventory_master::sources_of_stock(&mut *conn, stock_id).await?;
    sources.retain(|s| s.enabled == 1 && s.is_pickup_location_active == 1);
    let Some(skus) = skus else {
        return Ok(sources);
    };
    // The sources holding an item of every SKU asked for, in one statement (it was one
    // query a source and SKU: 50,000 SKUs held a read connection for 39 s).
    let mut asked: Vec<&str> = skus.iter().map(String::as_str).collect();
    asked.sort_unstable();
    asked.dedup();
    if asked.is_empty() {
        return Ok(sources);
    }
    let holding: std::collections::HashSet<String> = sqlx::query_scalar::<_, String>(
        "SELECT source_code FROM inventory_source_item
         WHERE sku IN (SELECT value FROM json_each(?))
         GROUP BY source_code HAVING COUNT(DISTINCT sku) = ?",
    )
    .bind(serde_json::Value::from(asked.clone()).to_string())
    .bind(i64::try_from(asked.len()).unwrap_or(i64::MAX))
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect();
    sources.retain(|s| holding.contains(&s.source_code));
    Ok(sources)
}

/// `GetPickupLocationsInterface::execute`.
pub async fn search(db: &Db, request: &SearchRequest) -> Result<SearchResult> {
    let mut conn = db.read.acquire().await?;
    let stock = crate::db::inventory_master::stock_of_channel(
        &mut conn,
        &request.scope_type,
        &request.scope_code,
    )
    .await?;
    let mut sources = match stock {
        Some(id) => locations(&mut conn, id, request.skus.as_deref()).await?,
        None => Vec::new(),
    };
    if request.area.is_some() {
        // No distance provider: the area resolves to no source.
        sources.clear();
    }
    for f in &request.filters {
        let Some(col) = column(f.field) else { continue };
        sources.retain(|s| {
            let v = field_value(s, col);
            match f.condition_type.to_lowercase().as_str() {
                "like" => like(&v, &f.value),
                "in" => f.value.split(',').any(|x| x.trim() == v),
                "neq" => v != f.value,
                _ => v == f.value,
            }
        });
    }
    for (field, direction) in request.sort.iter().rev() {
        if let Some(col) = column(field) {
            sources.sort_by(|a, b| {
                let o = field_value(a, col).cmp(&field_value(b, col));
                if direction.eq_ignore_ascii_case("DESC") {
                    o.reverse()
                } else {
                    o
                }
            });
        }
    }
    let total_count = i64::try_from(sources.len()).unwrap_or(i64::MAX);
    if let Some(size) = request.page_size.filter(|s| *s > 0) {
        let skip = usize::try_from((request.current_page.max(1) - 1).saturating_mul(size))
            .unwrap_or(usize::MAX);
        sources = sources
            .into_iter()
            .skip(skip)
            .take(usize::try_from(size).unwrap_or(0))
            .collect();
    }
    Ok(SearchResult {
        items: sources,
        total_count,
    })
}
