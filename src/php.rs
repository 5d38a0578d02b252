//! PHP's own string semantics where Magento's behaviour rests on them: `trim`'s default
//! characters (not Unicode's white space) and the blank test of Zend's and Laminas' `NotEmpty`.

/// Zend's and Laminas' `NotEmpty` of a string PHP trimmed: empty, or only white space (PHP's
/// `trim` set and PCRE's `\s`).
pub fn blank(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\0'))
}

/// PHP's `trim` with its default characters (space, tab, newline, carriage return, NUL,
/// vertical tab), not Unicode's whitespace.
pub fn trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\n', '\r', '\0', '\x0B'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_as_php_does() {
        assert_eq!(trim(" \t\n\r\0\x0Bhi \n"), "hi");
        assert_eq!(trim("\u{a0}"), "\u{a0}", "no-break space is not trimmed");
        assert!(trim("  ").is_empty());
        assert!(blank(" \x0c") && !blank("\u{a0}"));
    }
}
