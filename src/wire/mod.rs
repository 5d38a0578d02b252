//! Magento's JSON shapes: one struct per data interface, fields in the interface's getter order,
//! nullable getters left out when null (`DataObjectProcessor::buildOutputDataArray`).

pub mod inventory;
pub mod sales;
pub mod shipment;
pub mod store;
