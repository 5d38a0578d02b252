//! PHP's own string semantics where Magento's behaviour rests on them: `trim`'s default
//! characters (not Unicode's white space), the blank test of Zend's and Laminas' `NotEmpty`,
//! a float cast to string, `(string)` and `(int)` of a decoded JSON value, and a posted date as
//! `Stdlib\DateTime::formatDate` stores it.

use serde_json::Value;

/// Zend's and Laminas' `NotEmpty` of a string PHP trimmed: empty, or only white space (PHP's
/// `trim` set and PCRE's `\s`).
pub fn blank(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\0'))
}

/// PHP's `empty()` of a string field that may be null: null, `""` or `"0"` (what Magento's
/// validators refuse as a missing comment, track number or carrier code).
pub fn empty(s: Option<&str>) -> bool {
    !s.is_some_and(truthy)
}

/// PHP's truth of a string: neither empty nor `"0"`.
pub fn truthy(s: &str) -> bool {
    !s.is_empty() && s != "0"
}

/// The white space PHP's numeric strings may have around them (`ZEND_STRTOL`'s and
/// `_is_numeric_string_ex`'s set: space, \t, \n, \r, \v, \f; not NUL, which `trim` strips).
pub const NUMERIC_WHITESPACE: [char; 6] = [' ', '\t', '\n', '\r', '\x0b', '\x0c'];

/// PHP 8 `is_numeric` on a string: optional surrounding whitespace, sign, digits with an optional
/// fraction, optional exponent.
pub fn is_numeric(s: &str) -> bool {
    let t = s.trim_matches(crate::php::NUMERIC_WHITESPACE);
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |x: &str| x.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = digits(int)
        && frac.is_none_or(digits)
        && !(int.is_empty() && frac.is_none_or(str::is_empty));
    let exponent_ok = exponent.is_none_or(|x| {
        let x = x.strip_prefix(['+', '-']).unwrap_or(x);
        !x.is_empty() && digits(x)
    });
    mantissa_ok && exponent_ok
}

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

/// PHP's `(string)` of a decoded JSON scalar; `None` for arrays and objects.
pub fn php_string(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some(String::new()),
        Value::Bool(true) => Some("1".into()),
        Value::Bool(false) => Some(String::new()),
        // An int as its digits; a double (a fraction, an exponent, past the int range) as
        // PHP's `(string)` at precision 14.
        Value::Number(n) => Some(match n.as_i64() {
            Some(i) => i.to_string(),
            None => {
                let text = n.to_string();
                text.parse::<f64>().map(float_to_string).unwrap_or(text)
            }
        }),
        Value::String(s) => Some(s.clone()),
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// PHP's `(int)` of a value as `json_decode` gives it (`zval_get_long`): null and false 0,
/// true 1, an array 0 when empty and 1 otherwise; a double truncated, 0 when not finite, and
/// past the int range taken modulo 2^64 (`zend_dval_to_lval`); a string by its leading
/// numeric part (`"12abc"` 12, `" 1e3"` 1000, `"abc"` 0), saturating past the range
/// (`zend_dval_to_lval_cap`).
pub fn php_int(v: &Value) -> i64 {
    match v {
        Value::Null | Value::Bool(false) => 0,
        Value::Bool(true) => 1,
        Value::Array(a) => i64::from(!a.is_empty()),
        Value::Object(o) => i64::from(!o.is_empty()),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i,
            None => n.to_string().parse::<f64>().map_or(0, double_to_int),
        },
        Value::String(s) => string_to_int(s),
    }
}

/// `zend_dval_to_lval`: truncation within the range, modular arithmetic past it.
fn double_to_int(d: f64) -> i64 {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if !d.is_finite() {
        0
    } else if (-TWO_63..TWO_63).contains(&d) {
        d as i64
    } else {
        // Every double this large is an integer, so the remainder is exact.
        let m = d.rem_euclid(2.0 * TWO_63);
        if m >= TWO_63 {
            (m - 2.0 * TWO_63) as i64
        } else {
            m as i64
        }
    }
}

/// `(int)` of a string: `is_numeric_string` with errors allowed reads the leading numeric part
/// after whitespace; an integer that fits is taken, anything else is read as a double and
/// capped (`zend_dval_to_lval_cap`: saturated, 0 when not finite).
fn string_to_int(s: &str) -> i64 {
    let t = s.trim_start_matches(NUMERIC_WHITESPACE);
    let b = t.as_bytes();
    let digits_from = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let sign = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let int_end = digits_from(sign);
    let mut end = int_end;
    if b.get(end) == Some(&b'.') {
        let frac_end = digits_from(end + 1);
        if int_end > sign || frac_end > end + 1 {
            end = frac_end;
        }
    }
    if end == sign {
        return 0;
    }
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let exp_sign = end + 1 + usize::from(matches!(b.get(end + 1), Some(b'+' | b'-')));
        let exp_end = digits_from(exp_sign);
        if exp_end > exp_sign {
            end = exp_end;
        }
    }
    let number = &t[..end];
    if end == int_end {
        if let Ok(i) = number.trim_start_matches('+').parse::<i64>() {
            return i;
        }
    }
    match number.parse::<f64>() {
        Ok(d) if d.is_finite() => d as i64,
        _ => 0,
    }
}

/// `Magento\Framework\Stdlib\DateTime::formatDate` then a MySQL `timestamp` column: the text a
/// posted date is stored as, in UTC, or `None` where Magento's save fails (an empty value is
/// NULL in a NOT NULL column; text `new \DateTime()` cannot read; outside the `timestamp`
/// range). Read: a unix time (`is_numeric`), `now`, `YYYY-MM-DD`, `YYYY-MM-DD[ T]HH:MM[:SS[.f]]`
/// with an optional `Z` or `±HH[:]MM`; PHP's overflow of days (`2021-02-30` is March 2nd) is
/// kept. Other forms PHP reads ("tomorrow", "+1 day") are refused.
pub fn format_date(raw: &str, now: time::OffsetDateTime) -> Option<String> {
    use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};
    let text = raw.trim();
    if raw.is_empty() || raw == "0" {
        return None;
    }
    let numeric = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E'))
        && crate::amount::Amount::parse(text).is_some();
    // `new \DateTime(" ")`: blank text (not `empty()`) is the present moment.
    let at: OffsetDateTime = if text.is_empty() {
        now
    } else if numeric {
        let seconds = crate::amount::Amount::parse(text)?.trunc().decimal();
        let seconds = i64::try_from(seconds).ok()?;
        OffsetDateTime::from_unix_timestamp(seconds).ok()?
    } else if text.eq_ignore_ascii_case("now") {
        now
    } else {
        let num = |s: &str| -> Option<i64> {
            (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (date, rest) = text.split_at(text.find([' ', 'T', 't']).unwrap_or(text.len()));
        let mut parts = date.split('-');
        let (y, m, d) = (
            num(parts.next()?)?,
            num(parts.next()?)?,
            num(parts.next()?)?,
        );
        if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
        let first = Date::from_calendar_date(i32::try_from(y).ok()?, month, 1).ok()?;
        let date = first.checked_add(Duration::days(d - 1))?;
        let rest = rest.get(1..).unwrap_or("");
        let (clock, offset) = match rest.find(['Z', 'z', '+', '-']) {
            Some(i) => (&rest[..i], Some(&rest[i..])),
            None => (rest, None),
        };
        let time = if clock.is_empty() {
            Time::MIDNIGHT
        } else {
            let clock = clock.split('.').next()?;
            let mut hms = clock.split(':');
            let h = num(hms.next()?)?;
            let mi = num(hms.next()?)?;
            let s = match hms.next() {
                Some(s) => num(s)?,
                None => 0,
            };
            if hms.next().is_some() {
                return None;
            }
            Time::from_hms(
                u8::try_from(h).ok()?,
                u8::try_from(mi).ok()?,
                u8::try_from(s).ok()?,
            )
            .ok()?
        };
        let offset = match offset {
            None | Some("Z" | "z") => UtcOffset::UTC,
            Some(o) => {
                let sign = if o.starts_with('-') { -1 } else { 1 };
                // ASCII before slicing (slicing inside a multibyte character panics); `num`
                // then takes digits only.
                let digits: String = o.chars().skip(1).filter(|c| *c != ':').collect();
                if digits.len() != 4 || !digits.is_ascii() {
                    return None;
                }
                let h = num(&digits[..2])?;
                let mi = num(&digits[2..])?;
                UtcOffset::from_hms(
                    i8::try_from(sign * h).ok()?,
                    i8::try_from(sign * mi).ok()?,
                    0,
                )
                .ok()?
            }
        };
        PrimitiveDateTime::new(date, time).assume_offset(offset)
    };
    // Checked: a date near the end of year 9999 with a negative offset is past `time`'s range
    // in UTC (`to_offset` would panic); MySQL's range refuses it anyway.
    let utc = at.checked_to_offset(time::UtcOffset::UTC)?;
    // MySQL's TIMESTAMP range.
    if utc.unix_timestamp() < 1 || utc.unix_timestamp() > i64::from(i32::MAX) {
        return None;
    }
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    utc.format(&format).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(raw: &str) -> Option<String> {
        let now = time::macros::datetime!(2026-03-04 05:06:07 UTC);
        format_date(raw, now)
    }

    #[test]
    fn dates_as_format_date_then_mysql_store_them() {
        assert_eq!(
            at("2024-05-01 10:20:30").as_deref(),
            Some("2024-05-01 10:20:30")
        );
        assert_eq!(at("2024-05-01").as_deref(), Some("2024-05-01 00:00:00"));
        assert_eq!(
            at("2024-05-01T10:20").as_deref(),
            Some("2024-05-01 10:20:00")
        );
        assert_eq!(
            at("2024-05-01T10:20:30.123Z").as_deref(),
            Some("2024-05-01 10:20:30")
        );
        assert_eq!(
            at("2024-05-01T10:20:30+02:00").as_deref(),
            Some("2024-05-01 08:20:30")
        );
        assert_eq!(
            at("2024-05-01 01:00:00-0130").as_deref(),
            Some("2024-05-01 02:30:00")
        );
        assert_eq!(at("2021-02-30").as_deref(), Some("2021-03-02 00:00:00"));
        assert_eq!(at("1700000000").as_deref(), Some("2023-11-14 22:13:20"));
        assert_eq!(at("now").as_deref(), Some("2026-03-04 05:06:07"));
        assert_eq!(at(" ").as_deref(), Some("2026-03-04 05:06:07"));
        for refused in [
            "",
            "0",
            "yesterday",
            "2024-13-01",
            "2024-05-32",
            "01/05/2024",
            "1969-12-31",
            "2040-01-01",
            // A multibyte character in the offset; a date past `time`'s range once in UTC.
            "2021-01-01 10:00+1\u{e9}1",
            "2021-01-01 10:00-\u{e9}\u{e9}",
            "9999-12-31 23:00:00-05:00",
        ] {
            assert_eq!(at(refused), None, "{refused}");
        }
    }

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
