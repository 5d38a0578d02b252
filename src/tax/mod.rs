//! Magento_Tax's repositories: tax classes ([`class`]), tax rates ([`rate`]) and tax rules
//! ([`rule`]), the rules of their saves and deletes.

pub mod class;
pub mod rate;
pub mod rule;

/// Zend's and Laminas' `NotEmpty` of a string PHP trimmed: empty, or only white space (PHP's
/// `trim` set and PCRE's `\s`).
pub fn blank(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\0'))
}

/// PHP's `trim` (space, tab, newline, carriage return, NUL, vertical tab).
pub fn php_trim(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\0' | '\x0b'))
}
