//! MSI master data as JSON: `SourceInterface`, `StockInterface` (with `sales_channels`),
//! `StockSourceLinkInterface`, and the request bodies that carry them.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::db::inventory_master::{Link, Source};
use crate::error::{Error, Result};
use crate::inventory::master::{
    LinkInput, PickupInput, SourceInput, SourceItemInput, StockInput, StockWithChannels,
};
use crate::wire::input::{self, param, At, Obj};

/// A stored decimal column (`latitude`), printed as Magento's float getter prints it.
fn decimal_number(text: &Option<String>) -> Option<Decimal> {
    text.as_deref()
        .and_then(|t| Decimal::from_str(t.trim()).ok())
        .map(|d| d.normalize())
}

mod decimal_json {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => rust_decimal::serde::arbitrary_precision::serialize(d, s),
            None => s.serialize_none(),
        }
    }
}

/// In-Store Pickup's source extension (`InitPickupLocationExtensionAttributes`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-api-data-source-extension-interface")]
pub struct SourceExtensionData {
    pub is_pickup_location_active: bool,
    pub frontend_name: Option<String>,
    pub frontend_description: Option<String>,
}

/// `SourceCarrierLinkInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-api-data-source-carrier-link-interface")]
pub struct CarrierLinkData {
    pub carrier_code: String,
    pub position: Option<i64>,
}

/// `SourceInterface`, getters in declaration order, nulls left out.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-api-data-source-interface")]
pub struct SourceData {
    pub source_code: String,
    pub name: String,
    pub email: Option<String>,
    pub contact_name: Option<String>,
    pub enabled: bool,
    pub description: Option<String>,
    #[serde(with = "decimal_json")]
    #[schemars(with = "Option<crate::amount::Amount>")]
    pub latitude: Option<Decimal>,
    #[serde(with = "decimal_json")]
    #[schemars(with = "Option<crate::amount::Amount>")]
    pub longitude: Option<Decimal>,
    pub country_id: String,
    pub region_id: Option<i64>,
    pub region: Option<String>,
    pub city: Option<String>,
    pub street: Option<String>,
    pub postcode: String,
    pub phone: Option<String>,
    pub fax: Option<String>,
    /// `Source::isUseDefaultCarrierConfig()` is hard-wired to `true`.
    pub use_default_carrier_config: bool,
    pub carrier_links: Vec<CarrierLinkData>,
    pub extension_attributes: SourceExtensionData,
}

impl From<&Source> for SourceData {
    fn from(s: &Source) -> Self {
        SourceData {
            source_code: s.source_code.clone(),
            name: s.name.clone(),
            email: s.email.clone(),
            contact_name: s.contact_name.clone(),
            enabled: s.enabled != 0,
            description: s.description.clone(),
            latitude: decimal_number(&s.latitude),
            longitude: decimal_number(&s.longitude),
            country_id: s.country_id.clone(),
            region_id: s.region_id,
            region: s.region.clone(),
            city: s.city.clone(),
            street: s.street.clone(),
            postcode: s.postcode.clone(),
            phone: s.phone.clone(),
            fax: s.fax.clone(),
            use_default_carrier_config: true,
            carrier_links: Vec::new(),
            extension_attributes: SourceExtensionData {
                is_pickup_location_active: s.is_pickup_location_active != 0,
                // The column's default is "" (the install-time default source has it).
                frontend_name: Some(s.frontend_name.clone().unwrap_or_default()),
                frontend_description: s.frontend_description.clone(),
            },
        }
    }
}

/// `SalesChannelInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-sales-api-data-sales-channel-interface")]
pub struct SalesChannelData {
    #[serde(rename = "type")]
    pub kind: String,
    pub code: String,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-api-data-stock-extension-interface")]
pub struct StockExtensionData {
    pub sales_channels: Vec<SalesChannelData>,
}

/// `StockInterface` with `extension_attributes.sales_channels`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-api-data-stock-interface")]
pub struct StockData {
    pub stock_id: i64,
    pub name: String,
    pub extension_attributes: StockExtensionData,
}

impl From<&StockWithChannels> for StockData {
    fn from(s: &StockWithChannels) -> Self {
        StockData {
            stock_id: s.stock.stock_id,
            name: s.stock.name.clone(),
            extension_attributes: StockExtensionData {
                sales_channels: s
                    .sales_channels
                    .iter()
                    .map(|(kind, code)| SalesChannelData {
                        kind: kind.clone(),
                        code: code.clone(),
                    })
                    .collect(),
            },
        }
    }
}

/// `StockSourceLinkInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-api-data-stock-source-link-interface")]
pub struct LinkData {
    pub stock_id: i64,
    pub source_code: String,
    pub priority: i64,
}

impl From<&Link> for LinkData {
    fn from(l: &Link) -> Self {
        LinkData {
            stock_id: l.stock_id,
            source_code: l.source_code.clone(),
            priority: l.priority,
        }
    }
}

/// A required top-level parameter (`"%fieldName" is required.` naming it as Magento does).
pub fn required<'a>(body: &'a Map<String, Value>, name: &str, shown: &str) -> Result<&'a Value> {
    param(body, name).ok_or_else(|| Error::required(shown))
}

/// `SourceItemConfigurationsSaveInterface::execute`'s `sourceItemConfigurations`.
pub fn parse_notification_configs(
    body: &Map<String, Value>,
) -> Result<Vec<crate::db::inventory_master::NotificationConfig>> {
    let list = required(
        body,
        "source_item_configurations",
        "sourceItemConfigurations",
    )?;
    let mut rows = Vec::new();
    for item in input::list(list)? {
        let o = Obj::new(
            item,
            &[
                "source_code",
                "notify_stock_qty",
                "sku",
                "extension_attributes",
            ],
        )?;
        rows.push(crate::db::inventory_master::NotificationConfig {
            source_code: o.string("source_code")?.unwrap_or_default(),
            sku: o.string("sku")?.unwrap_or_default(),
            notify_stock_qty: o.amount("notify_stock_qty")?,
        });
    }
    Ok(rows)
}

/// `NotifyOrdersAreReadyForPickupInterface::execute`'s `orderIds`.
pub fn parse_order_ids(body: &Map<String, Value>) -> Result<Vec<i64>> {
    input::int_list(required(body, "order_ids", "orderIds")?, &[])
}

/// `BulkSourceAssignInterface` / `BulkSourceUnassignInterface::execute`: `skus` and
/// `sourceCodes`.
pub fn parse_bulk_assign(body: &Map<String, Value>) -> Result<(Vec<String>, Vec<String>)> {
    let skus = input::string_list(required(body, "skus", "skus")?, &[])?;
    let sources = input::string_list(required(body, "source_codes", "sourceCodes")?, &[])?;
    Ok((skus, sources))
}

/// `BulkInventoryTransferInterface::execute`'s parameters.
pub struct BulkTransfer {
    pub skus: Vec<String>,
    pub origin: String,
    pub destination: String,
    pub unassign: bool,
}

pub fn parse_bulk_transfer(body: &Map<String, Value>) -> Result<BulkTransfer> {
    Ok(BulkTransfer {
        skus: input::string_list(required(body, "skus", "skus")?, &[])?,
        origin: input::to_string(required(body, "origin_source", "originSource")?, At::Top)?,
        destination: input::to_string(
            required(body, "destination_source", "destinationSource")?,
            At::Top,
        )?,
        unassign: input::to_bool(required(
            body,
            "unassign_from_origin",
            "unassignFromOrigin",
        )?),
    })
}

/// `BulkPartialInventoryTransferInterface::execute`: origin, destination and the items.
pub fn parse_partial_transfer(
    body: &Map<String, Value>,
) -> Result<(String, String, Vec<crate::inventory::bulk::PartialItem>)> {
    let origin = input::to_string(
        required(body, "origin_source_code", "originSourceCode")?,
        At::Top,
    )?;
    let destination = input::to_string(
        required(body, "destination_source_code", "destinationSourceCode")?,
        At::Top,
    )?;
    let mut items = Vec::new();
    for item in input::list(required(body, "items", "items")?)? {
        let o = Obj::new(item, &["sku", "qty"])?;
        items.push(crate::inventory::bulk::PartialItem {
            sku: o.string("sku")?.unwrap_or_default(),
            qty: o.amount("qty")?.unwrap_or_default(),
        });
    }
    Ok((origin, destination, items))
}

/// A float field kept with all its digits (coordinates have six).
fn decimal_field(obj: &Obj<'_>, name: &str) -> Result<Option<Decimal>> {
    let Some((key, value)) = obj.get(name) else {
        return Ok(None);
    };
    // The type check and its error are the float conversion's.
    input::to_amount(value, At::Field(key))?;
    let text = match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_owned(),
        _ => String::new(),
    };
    Decimal::from_str(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .map(Some)
        .map_err(|_| Error::invalid_type(Some(key), &text, "float"))
}

const SOURCE_FIELDS: [&str; 19] = [
    "source_code",
    "name",
    "email",
    "contact_name",
    "enabled",
    "description",
    "latitude",
    "longitude",
    "country_id",
    "region_id",
    "region",
    "city",
    "street",
    "postcode",
    "phone",
    "fax",
    "use_default_carrier_config",
    "carrier_links",
    "extension_attributes",
];

/// `{"source": {...}}` of `SourceRepositoryInterface::save`; on PUT the path's code wins.
pub fn parse_source(body: &Map<String, Value>, path_code: Option<&str>) -> Result<SourceInput> {
    let value = required(body, "source", "source")?;
    let o = Obj::new(value, &SOURCE_FIELDS)?;
    let mut s = SourceInput {
        source_code: o.string("source_code")?,
        name: o.string("name")?,
        email: o.string("email")?,
        contact_name: o.string("contact_name")?,
        enabled: o.bool("enabled"),
        description: o.string("description")?,
        latitude_raw: decimal_field(&o, "latitude")?,
        longitude_raw: decimal_field(&o, "longitude")?,
        country_id: o.string("country_id")?,
        region_id: o.int("region_id")?,
        region: o.string("region")?,
        city: o.string("city")?,
        street: o.string("street")?,
        postcode: o.string("postcode")?,
        phone: o.string("phone")?,
        fax: o.string("fax")?,
        // A null is no value: `_prepareDataForTable` leaves it out of the NOT NULL column.
        use_default_carrier_config: o
            .get("use_default_carrier_config")
            .filter(|(_, v)| !v.is_null())
            .map(|(_, v)| input::to_bool(v)),
        ..Default::default()
    };
    if let Some((_, links)) = o.get("carrier_links") {
        let mut out = Vec::new();
        for link in input::list(links)? {
            let l = Obj::new(link, &["carrier_code", "position", "extension_attributes"])?;
            out.push((l.string("carrier_code")?, l.int("position")?));
        }
        s.carrier_links = Some(out);
    }
    if let Some((_, ext)) = o.get("extension_attributes") {
        let e = Obj::new(
            ext,
            &[
                "is_pickup_location_active",
                "frontend_name",
                "frontend_description",
            ],
        )?;
        s.pickup = PickupInput {
            is_pickup_location_active: e.bool("is_pickup_location_active"),
            frontend_name: e.string("frontend_name")?,
            frontend_description: e.string("frontend_description")?,
        };
    }
    if let Some(code) = path_code {
        s.source_code = Some(code.to_owned());
    }
    Ok(s)
}

/// `{"stock": {...}}` of `StockRepositoryInterface::save`; on PUT the path's id wins.
pub fn parse_stock(body: &Map<String, Value>, path_id: Option<i64>) -> Result<StockInput> {
    let value = required(body, "stock", "stock")?;
    let o = Obj::new(value, &["stock_id", "name", "extension_attributes"])?;
    let mut s = StockInput {
        stock_id: o.int("stock_id")?,
        name: o.string("name")?,
        sales_channels: None,
    };
    if let Some((_, ext)) = o.get("extension_attributes") {
        let e = Obj::new(ext, &["sales_channels"])?;
        if let Some((_, channels)) = e.get("sales_channels") {
            let mut out = Vec::new();
            for channel in input::list(channels)? {
                let c = Obj::new(channel, &["type", "code", "extension_attributes"])?;
                out.push((c.string("type")?, c.string("code")?));
            }
            s.sales_channels = Some(out);
        }
    }
    if path_id.is_some() {
        s.stock_id = path_id;
    }
    Ok(s)
}

/// `{"links": [...]}`.
pub fn parse_links(body: &Map<String, Value>) -> Result<Vec<LinkInput>> {
    let value = required(body, "links", "links")?;
    let mut out = Vec::new();
    for link in input::list(value)? {
        let l = Obj::new(
            link,
            &[
                "stock_id",
                "source_code",
                "priority",
                "extension_attributes",
            ],
        )?;
        out.push(LinkInput {
            stock_id: l.int("stock_id")?,
            source_code: l.string("source_code")?,
            priority: l.int("priority")?,
        });
    }
    Ok(out)
}

/// `{"sourceItems": [...]}` of the source item save and delete.
pub fn parse_source_items(body: &Map<String, Value>) -> Result<Vec<SourceItemInput>> {
    let value = required(body, "source_items", "sourceItems")?;
    let mut out = Vec::new();
    for item in input::list(value)? {
        let i = Obj::new(
            item,
            &[
                "sku",
                "source_code",
                "quantity",
                "status",
                "extension_attributes",
            ],
        )?;
        out.push(SourceItemInput {
            sku: i.string("sku")?,
            source_code: i.string("source_code")?,
            quantity: i.amount("quantity")?,
            status: i.int("status")?,
        });
    }
    Ok(out)
}
