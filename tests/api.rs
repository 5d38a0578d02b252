//! Every integration test, as one test binary: each file of tests/ is a module of this crate
//! (cargo's `autotests` is off in Cargo.toml). 54 binaries, each linking magemu and its
//! dependencies, took 3.9 GB of target/ and much of the build's time; one binary links once.
//! Run a file's tests with `cargo test --test api orders::`, one test by its full name.

mod common;

mod admin_pages;
mod auth;
mod binary;
mod bulk;
mod categories;
mod checkout;
mod checkout_payment;
mod clock;
mod comments;
mod concurrency;
mod control;
mod crash;
mod creditmemo_save;
mod creditmemos;
mod customer_groups;
mod customer_manage;
mod customer_password;
mod customers;
mod directory;
mod durable;
mod fields;
mod generate;
mod histories;
mod inventory;
mod inventory_extras;
mod inventory_salability;
mod inventory_sources;
mod inventory_stocks;
mod invoice_errors;
mod invoice_save;
mod large_file;
mod lists;
mod migrations;
mod order_management;
mod order_taxes;
mod order_update;
mod orders;
mod outbox;
mod parsers_fuzz;
mod partial;
mod payment_life;
mod payments;
mod postman;
mod products;
mod restart;
mod robustness;
mod sales_rules;
mod schema;
mod schemathesis;
mod seed;
mod seed_file;
mod seed_fuzz;
mod shipment_save;
mod shipments;
mod source_selection;
mod tax_classes;
mod totals_property;
mod transactions;
mod tutorial;
mod tutorial_replay;
mod writer;
