//! The JSON Schema of the wire types, for the data types' definitions of the REST schema
//! (`crate::http::schema::shapes` turns them into Swagger 2.0). The reply structs derive
//! `schemars::JsonSchema`, each renamed to the definition name Magento gives its interface
//! (`TypeProcessor::translateTypeName` lower-dashed: `sales-data-invoice-interface`); the
//! replies built as `serde_json::Value` have their schema written next to their builder with
//! the helpers here, so a change of one shows beside the other. Schemas are written as
//! schemars writes them (JSON Schema: `"type": ["string", "null"]` for a value that may be
//! null); the conversion to Swagger 2.0 happens once, in the schema module.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

/// Where definitions live in the schema (the generator's `definitions_path`).
pub const DEFINITIONS: &str = "#/definitions/";

/// A reference to the definition `name`, built by `build` the first time it is asked for
/// (a Rust type shared by two Magento interfaces, or a hand-written shape).
pub fn named(
    g: &mut SchemaGenerator,
    name: &str,
    build: fn(&mut SchemaGenerator) -> Schema,
) -> Schema {
    if !g.definitions().contains_key(name) {
        // Placed first so that a type referring to itself finds it.
        g.definitions_mut()
            .insert(name.to_owned(), serde_json::Value::Bool(true));
        let schema = build(g);
        g.definitions_mut()
            .insert(name.to_owned(), schema.to_value());
    }
    json_schema!({ "$ref": format!("{DEFINITIONS}{name}") })
}

/// A list of `item`.
pub fn list(item: Schema) -> Schema {
    json_schema!({ "type": "array", "items": item })
}

/// A list of `T` under the definition `name` (a struct shared by interfaces Magento names
/// apart, such as the invoice's and the shipment's comments).
pub fn list_named<T: JsonSchema>(g: &mut SchemaGenerator, name: &str) -> Schema {
    list(named(g, name, T::json_schema))
}
