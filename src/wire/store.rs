//! `Magento\Store\Api\Data\*Interface` as JSON.

use serde::Serialize;

use crate::db::store::{GroupRow, StoreConfigRow, StoreRow, WebsiteRow};

/// `WebsiteInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "store-data-website-interface")]
pub struct WebsiteData {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub default_group_id: i64,
}

/// `GroupInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "store-data-group-interface")]
pub struct GroupData {
    pub id: i64,
    pub website_id: i64,
    pub root_category_id: i64,
    pub default_store_id: i64,
    pub name: String,
    pub code: String,
}

/// `StoreInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "store-data-store-interface")]
pub struct StoreViewData {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub website_id: i64,
    pub store_group_id: i64,
    pub is_active: i64,
}

/// `StoreConfigInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "store-data-store-config-interface")]
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
    /// A store view's configuration with URLs under `base` (`http://host/`).
    pub fn new(store: StoreRow, r: StoreConfigRow, base: &str) -> Self {
        StoreConfigData {
            id: store.store_id,
            code: store.code,
            website_id: store.website_id,
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

impl From<WebsiteRow> for WebsiteData {
    fn from(r: WebsiteRow) -> Self {
        WebsiteData {
            id: r.website_id,
            code: r.code,
            name: r.name,
            default_group_id: r.default_group_id,
        }
    }
}

impl From<GroupRow> for GroupData {
    fn from(r: GroupRow) -> Self {
        GroupData {
            id: r.group_id,
            website_id: r.website_id,
            root_category_id: r.root_category_id,
            default_store_id: r.default_store_id,
            name: r.name,
            code: r.code,
        }
    }
}

impl From<StoreRow> for StoreViewData {
    fn from(r: StoreRow) -> Self {
        StoreViewData {
            id: r.store_id,
            code: r.code,
            name: r.name,
            website_id: r.website_id,
            store_group_id: r.group_id,
            is_active: r.is_active,
        }
    }
}

/// `Magento\Directory\Api\Data\CurrencyInformationInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "directory-data-currency-information-interface")]
pub struct CurrencyInformationData {
    pub base_currency_code: String,
    pub base_currency_symbol: String,
    pub default_display_currency_code: String,
    pub default_display_currency_symbol: String,
    pub available_currency_codes: Vec<String>,
    pub exchange_rates: Vec<ExchangeRateData>,
}

/// `Magento\Directory\Api\Data\ExchangeRateInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "directory-data-exchange-rate-interface")]
pub struct ExchangeRateData {
    pub currency_to: String,
    #[schemars(with = "f64")]
    pub rate: crate::amount::Amount,
}

impl CurrencyInformationData {
    /// `CurrencyInformationAcquirer::getCurrencyInfo` for a store view: its base and display
    /// currencies, the codes it allows (`Store::getAvailableCurrencyCodes(true)`: magemu's
    /// stores allow their display currency and their base one, sorted as Magento's
    /// configured list is) and the base currency's rate to each. magemu keeps no rate table:
    /// a currency's rate to itself is 1, any other is Magento's answer for a missing rate
    /// (`Currency::getRate` is false, which the float getter turns into 0).
    pub fn new(config: &StoreConfigRow) -> Self {
        let base = config.base_currency_code.clone();
        let display = config.default_display_currency_code.clone();
        let mut codes = vec![base.clone(), display.clone()];
        codes.sort();
        codes.dedup();
        let exchange_rates = codes
            .iter()
            .map(|code| ExchangeRateData {
                currency_to: code.clone(),
                rate: crate::amount::Amount::from_int(i64::from(*code == base)),
            })
            .collect();
        CurrencyInformationData {
            base_currency_symbol: currency_symbol(&base),
            default_display_currency_symbol: currency_symbol(&display),
            base_currency_code: base,
            default_display_currency_code: display,
            available_currency_codes: codes,
            exchange_rates,
        }
    }
}

/// `Currency::getCurrencySymbol` in the `en_US` locale (ICU's symbols) for the common codes;
/// ICU answers the code itself where it has no symbol.
fn currency_symbol(code: &str) -> String {
    match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "CNY" => "CN¥",
        "INR" => "₹",
        "CAD" => "CA$",
        "AUD" => "A$",
        "NZD" => "NZ$",
        "HKD" => "HK$",
        "MXN" => "MX$",
        "BRL" => "R$",
        "KRW" => "₩",
        "ILS" => "₪",
        "VND" => "₫",
        "TWD" => "NT$",
        other => other,
    }
    .to_owned()
}
