//! Magento's JSON in both directions: one struct per data interface for replies (fields in the
//! interface's getter order, nullable getters left out when null, as
//! `DataObjectProcessor::buildOutputDataArray` writes them), and the parsers of request bodies
//! (`ServiceInputProcessor`'s rules, in input.rs). Every Magento JSON key lives here.

pub mod agreement;
pub mod auth;
pub mod bulk;
pub mod cart;
pub mod category;
pub mod comment;
pub mod creditmemo;
pub mod customer;
pub mod directory;
pub mod gift_message;
pub mod input;
pub mod inventory;
pub mod inventory_master;
pub mod invoice;
pub mod order;
pub mod order_import;
pub mod order_item;
pub mod order_keys;
pub mod order_saved;
pub mod order_tax;
pub mod pickup;
pub mod price;
pub mod product;
pub mod sales_rule;
pub mod shape;
pub mod shipment;
pub mod store;
pub mod tax;
pub mod transaction;
