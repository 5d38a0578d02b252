//! magemu: an emulator of Magento 2.4's sales REST API (orders, invoices, Multi-Source Inventory)
//! that keeps its state in SQLite.

pub mod amount;
pub mod auth;
pub mod bulk;
pub mod cache;
pub mod catalog;
pub mod checkout;
pub mod clock;
pub mod config;
pub mod control;
pub mod customer;
pub mod db;
pub mod email_address;
pub mod error;
pub mod http;
pub mod inventory;
pub mod keyed;
pub mod php;
pub mod sales;
pub mod search;
pub mod seed;
pub mod state;
pub mod tax;
pub mod wire;

pub use config::Config;
pub use http::app;
pub use state::AppState;
