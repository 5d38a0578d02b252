//! The business: orders and invoices. Pure functions for the arithmetic and state rules;
//! services that run one use case in one transaction.

pub mod invoice;
pub mod manage;
pub mod model;
pub mod order;
pub mod shipment;
pub mod state;
pub mod totals;
