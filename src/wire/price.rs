//! The price storage routes' JSON (`Magento\Catalog\Api\BasePriceStorageInterface`):
//! `{"skus": [...]}` in, `BasePriceInterface` (`price`, `store_id`, `sku`) both ways, and
//! `PriceUpdateResultInterface` (`message`, `parameters`) out.

use schemars::{json_schema, Schema, SchemaGenerator};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::amount::Amount;
use crate::catalog::prices::{BasePrice, BasePriceInput, PostedPrice, PriceFailure};
use crate::error::{Error, Result};
use crate::wire::input::{self, At, Obj};

/// The `skus` parameter (`string[]`, required).
pub fn parse_skus(body: &Map<String, Value>) -> Result<Vec<String>> {
    let v = input::param(body, "skus").ok_or_else(|| Error::required("skus"))?;
    input::string_list(v, &[])
}

/// The `prices` parameter of `BasePriceStorageInterface::update` (`BasePriceInterface[]`,
/// required; each field may be left out, which the storage's own checks then report).
pub fn parse_base_prices(body: &Map<String, Value>) -> Result<Vec<BasePriceInput>> {
    let v = input::param(body, "prices").ok_or_else(|| Error::required("prices"))?;
    input::list(v)?
        .into_iter()
        .map(|price| {
            let p = Obj::new(price, &["price", "store_id", "sku", "extension_attributes"])?;
            let price = match p.get("price") {
                Some((key, v)) => Some(PostedPrice {
                    amount: input::to_amount(v, At::Field(key))?,
                    float: input::to_double(v),
                }),
                None => None,
            };
            Ok(BasePriceInput {
                price,
                store_id: p.int("store_id")?,
                sku: p.string("sku")?,
            })
        })
        .collect()
}

/// `BasePriceInterface` as a read writes it (an empty `extension_attributes` is left out).
#[derive(Debug, Serialize)]
pub struct BasePriceData<'a> {
    pub price: Amount,
    pub store_id: i64,
    pub sku: &'a str,
}

impl<'a> From<&'a BasePrice> for BasePriceData<'a> {
    fn from(p: &'a BasePrice) -> Self {
        BasePriceData {
            price: p.price,
            store_id: p.store_id,
            sku: &p.sku,
        }
    }
}

/// `PriceUpdateResultInterface`: the message and its parameters as a list (the PHP array's
/// values; its keys are dropped by the `string[]` return type).
pub fn update_result(f: &PriceFailure) -> Value {
    json!({"message": f.message, "parameters": f.parameters})
}

// The shapes of the JSON above, for the schema's definitions (`crate::wire::shape`).

/// `BasePriceInterface`.
pub fn base_price_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "properties": {
            "price": { "type": "number" },
            "store_id": { "type": "integer" },
            "sku": { "type": "string" },
            "extension_attributes": { "type": "object" }
        },
        "required": ["price", "store_id", "sku"]
    })
}

/// `PriceUpdateResultInterface` as [`update_result`] writes it (a parameter Magento has no
/// value for, a left-out price or store, is null).
pub fn update_result_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "properties": {
            "message": { "type": "string" },
            "parameters": { "type": "array", "items": { "type": ["string", "null"] } },
            "extension_attributes": { "type": "object" }
        },
        "required": ["message", "parameters"]
    })
}
