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
use crate::error::{Error, Phrase, Result};
use crate::search::{Filter, FilterGroup, SearchCriteria, SortOrder};

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
    pub sort: Vec<(String, Option<String>)>,
    pub skus: Option<Vec<String>>,
}

/// The locations found (one page) and how many matched.
pub struct SearchResult {
    pub items: Vec<Source>,
    pub total_count: i64,
}

/// `ResolveFilters`: the column each filter of the request narrows.
fn filter_column(field: &str) -> &'static str {
    match field {
        "country" => "country_id",
        "region_id" => "region_id",
        "region" => "region",
        "postcode" => "postcode",
        "city" => "city",
        "street" => "street",
        "name" => "frontend_name",
        _ => "source_code",
    }
}

/// `ResolveMeta`'s translations of a sort field (the rest are the source's columns as named).
fn sort_column(field: &str) -> &str {
    match field {
        "name" => "frontend_name",
        "pickup_location_code" => "source_code",
        "description" => "frontend_description",
        other => other,
    }
}

/// `GetStockBySalesChannel`: a scope whose sales channel names no stock.
pub const NO_LINKED_STOCK: &str = "No linked stock found";

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

/// `GetPickupLocationsInterface::execute`: the sources `GetPickupLocations` resolves to
/// (`ResolveScopeFilter`, `ResolveDefaultFilters`, `ResolveIntersection`, `ResolveArea`) as one
/// `in` filter, the request's filters (`ResolveFilters`: any condition type, as
/// `FilterProcessor` applies it), its sort (`ResolveMeta`: `name` is `frontend_name`; a sort by
/// `distance` needs an area) and paging, through `SourceRepository::getList` (no sort: the
/// table's key order).
pub async fn search(db: &Db, request: &SearchRequest) -> Result<SearchResult> {
    let mut conn = db.read.acquire().await?;
    let stock = crate::db::inventory_master::stock_of_channel(
        &mut conn,
        &request.scope_type,
        &request.scope_code,
    )
    .await?;
    let Some(stock) = stock else {
        return Err(Error::NotFound(Phrase::plain(NO_LINKED_STOCK)));
    };
    let codes: Vec<String> = locations(&mut conn, stock, request.skus.as_deref())
        .await?
        .into_iter()
        .map(|s| s.source_code)
        .collect();
    // No distance provider: an area resolves to no source.
    if codes.is_empty() || request.area.is_some() {
        return Ok(SearchResult {
            items: Vec::new(),
            total_count: 0,
        });
    }
    let filter = |field: &str, value: String, condition_type: &str| FilterGroup {
        filters: vec![Filter {
            field: Some(field.to_owned()),
            value: Some(value),
            condition_type: condition_type.to_owned(),
        }],
    };
    let mut filter_groups = vec![filter("source_code", codes.join(","), "in")];
    for f in &request.filters {
        filter_groups.push(filter(
            filter_column(f.field),
            f.value.clone(),
            &f.condition_type,
        ));
    }
    let sort_orders: Vec<SortOrder> = request
        .sort
        .iter()
        .filter(|(field, _)| field != "distance")
        .map(|(field, direction)| SortOrder {
            field: Some(sort_column(field).to_owned()),
            direction: direction.clone(),
        })
        .collect();
    let criteria = SearchCriteria {
        filter_groups,
        sort_orders: (!sort_orders.is_empty()).then_some(sort_orders),
        page_size: request.page_size.filter(|s| *s > 0),
        current_page: Some(request.current_page),
        eav: false,
    };
    let (items, total_count) =
        crate::db::search::rows::<Source>(&mut conn, "inventory_source", "source_code", &criteria)
            .await?;
    Ok(SearchResult { items, total_count })
}
