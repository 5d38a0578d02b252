//! The business: orders, invoices, shipments. Pure functions for the arithmetic and state rules;
//! services that run one use case in one transaction.

pub mod invoice;
pub mod item;
pub mod manage;
pub mod order;
pub mod shipment;
pub mod state;
pub mod totals;
