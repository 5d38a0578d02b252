//! PHP's own string semantics where Magento's behaviour rests on them: `trim`'s default
//! characters (not Unicode's white space), the blank test of Zend's and Laminas' `NotEmpty`,
//! and a float cast to string.

/// Zend's and Laminas' `NotEmpty` of a string PHP trimmed: empty, or only white space (PHP's
/// `trim` set and PCRE's `\s`).
pub fn blank(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\0'))
}

/// PHP's truth of a string: neither empty nor `"0"`.
pub fn truthy(s: &str) -> bool {
    !s.is_empty() && s != "0"
}

/// The white space PHP's numeric strings may have around them (`ZEND_STRTOL`'s and
/// `_is_numeric_string_ex`'s set: space, \t, \n, \r, \v, \f; not NUL, which `trim` strips).
pub const NUMERIC_WHITESPACE: [char; 6] = [' ', '\t', '\n', '\r', '\x0b', '\x0c'];

/// PHP's `trim` with its default characters (space, tab, newline, carriage return, NUL,
/// vertical tab), not Unicode's whitespace.
pub fn trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\n', '\r', '\0', '\x0B'])
}

/// PHP's `(string)` of a float (`precision` = 14, as `echo`, string interpolation and
/// `Phrase` rendering use it): at most 14 significant digits, trailing zeros dropped, the
/// exponent form (`1.0E-5`, `1.2345678901234E+14`) below 1e-4 and from 1e15; `-0`, `INF`,
/// `NAN` as PHP writes them.
pub fn float_to_string(f: f64) -> String {
    if f.is_nan() {
        return "NAN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "INF" } else { "-INF" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.into();
    }
    // 14 significant digits, correctly rounded: `d.ddddddddddddde<exp>`.
    let text = format!("{:.13e}", f.abs());
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if f < 0.0 { "-" } else { "" };
    // zend_gcvt: the exponent form when the decimal point falls before -3 or past 14 digits.
    let point = exp + 1;
    if !(-3..=14).contains(&point) {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        let exp_sign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}.{rest}E{exp_sign}{}", exp.abs())
    } else if point <= 0 {
        format!(
            "{sign}0.{}{digits}",
            "0".repeat(point.unsigned_abs() as usize)
        )
    } else {
        let point = point as usize;
        if digits.len() <= point {
            format!("{sign}{digits}{}", "0".repeat(point - digits.len()))
        } else {
            format!("{sign}{}.{}", &digits[..point], &digits[point..])
        }
    }
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

    #[test]
    fn floats_read_as_php_casts_them_to_string() {
        for (f, text) in [
            (-9999.0, "-9999"),
            (30.0, "30"),
            (-0.123456, "-0.123456"),
            (0.1 + 0.2, "0.3"),
            (-0.0001, "-0.0001"),
            (-0.00001, "-1.0E-5"),
            (0.000012345, "1.2345E-5"),
            (123456789012345.0, "1.2345678901234E+14"),
            (99999999999999.0, "99999999999999"),
            (1e15, "1.0E+15"),
            (1.5e300, "1.5E+300"),
            (-0.0, "-0"),
            (0.0, "0"),
            (f64::INFINITY, "INF"),
        ] {
            assert_eq!(float_to_string(f), text, "{f:e}");
        }
    }
}
