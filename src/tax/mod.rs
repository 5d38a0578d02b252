//! Magento_Tax's repositories: tax classes ([`class`]), tax rates ([`rate`]) and tax rules
//! ([`rule`]), the rules of their saves and deletes.

pub mod class;
pub mod rate;
pub mod rule;
