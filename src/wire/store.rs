//! `Magento\Store\Api\Data\*Interface` as JSON.

use serde::Serialize;

/// `WebsiteInterface`.
#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct WebsiteData {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub default_group_id: i64,
}

/// `GroupInterface`.
#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct GroupData {
    pub id: i64,
    pub website_id: i64,
    pub root_category_id: i64,
    pub default_store_id: i64,
    pub name: String,
    pub code: String,
}

/// `StoreInterface`.
#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct StoreViewData {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub website_id: i64,
    pub store_group_id: i64,
    pub is_active: i64,
}

/// A store view's configuration row.
#[derive(Debug, sqlx::FromRow)]
pub struct StoreConfigRow {
    pub id: i64,
    pub code: String,
    pub website_id: i64,
    pub locale: String,
    pub base_currency_code: String,
    pub default_display_currency_code: String,
    pub timezone: String,
    pub weight_unit: String,
}

/// `StoreConfigInterface`.
#[derive(Debug, Serialize)]
pub struct StoreConfigData {
    pub id: i64,
    pub code: String,
    pub website_id: i64,
    pub locale: String,
    pub base_currency_code: String,
    pub default_display_currency_code: String,
    pub timezone: String,
    pub weight_unit: String,
    pub base_url: String,
    pub base_link_url: String,
    pub base_static_url: String,
    pub base_media_url: String,
    pub secure_base_url: String,
    pub secure_base_link_url: String,
    pub secure_base_static_url: String,
    pub secure_base_media_url: String,
}

impl StoreConfigData {
    /// The row with URLs under `base` (`http://host/`).
    pub fn new(r: StoreConfigRow, base: &str) -> Self {
        StoreConfigData {
            id: r.id,
            code: r.code,
            website_id: r.website_id,
            locale: r.locale,
            base_currency_code: r.base_currency_code,
            default_display_currency_code: r.default_display_currency_code,
            timezone: r.timezone,
            weight_unit: r.weight_unit,
            base_url: base.to_owned(),
            base_link_url: base.to_owned(),
            base_static_url: format!("{base}static/"),
            base_media_url: format!("{base}media/"),
            secure_base_url: base.to_owned(),
            secure_base_link_url: base.to_owned(),
            secure_base_static_url: format!("{base}static/"),
            secure_base_media_url: format!("{base}media/"),
        }
    }
}
