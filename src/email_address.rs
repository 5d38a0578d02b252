//! `Magento\Framework\Validator\EmailAddress`: the e-mail check of Magento's order addresses
//! (`Order\Address\Validator`), customers (the EAV `email` input rule) and guest checkouts. It is
//! laminas-validator 2.x's `EmailAddress` (the logic is the same from 2.50 to 2.64.1) with its
//! defaults (hostnames as DNS names only, no MX check) and the hostname validator's TLD list
//! check turned off. Read from laminas-validator 2.64.1's `src/EmailAddress.php`,
//! `src/Hostname.php` and `src/Ip.php`, and its verdicts checked by running them under PHP 8.2.
//!
//! Where magemu differs: Magento converts a hostname with non-ASCII letters to punycode
//! (`idn_to_ascii`, ext-intl) and then checks each label against its TLD's table of letters
//! (`Hostname/Com.php`, `De.php`, ...); magemu takes a non-ASCII label as a run of letters,
//! digits and dashes under a TLD that has such a table (`.de`, `.dk`, `.com`, `.рф`, ...), and
//! an `xn--` label as punycode under one, without decoding it or checking its letters.

/// The TLDs with a table of IDN letters in laminas-validator's `Hostname::$validIdns`: its
/// ASCII keys (upper case, as it looks them up)...
const IDN_TLDS: &[&str] = &[
    "AC", "AR", "AS", "AT", "BIZ", "BR", "BV", "CAT", "CH", "CL", "CN", "COM", "DE", "DK", "EE",
    "ES", "EU", "FI", "GR", "HK", "HR", "HU", "IL", "INFO", "IO", "IS", "IT", "JP", "KR", "LI",
    "LT", "MD", "MUSEUM", "NET", "NO", "NU", "ORG", "PE", "PL", "PR", "PT", "RS", "RU", "SA", "SE",
    "SH", "SI", "SJ", "TH", "TM", "TW", "TR", "UA", "VE", "VN",
];

/// ... and its Unicode keys, each with its punycode: `idn_to_ascii` turns a hostname's Unicode
/// TLD into the latter, which laminas decodes back to look it up.
const IDN_UNICODE_TLDS: &[(&str, &str)] = &[
    ("мон", "xn--l1acc"),
    ("срб", "xn--90a3ac"),
    ("сайт", "xn--80aswg"),
    ("онлайн", "xn--80asehdb"),
    ("中国", "xn--fiqs8s"),
    ("中國", "xn--fiqz9s"),
    ("ලංකා", "xn--fzc2c9e2c"),
    ("香港", "xn--j6w193g"),
    ("台湾", "xn--kprw13d"),
    ("台灣", "xn--kpry57d"),
    ("امارات", "xn--mgbaam7a8h"),
    ("الاردن", "xn--mgbayh7gpa"),
    ("السعودية", "xn--mgberp4a5d4ar"),
    ("ไทย", "xn--o3cw4h"),
    ("рф", "xn--p1ai"),
    ("تونس", "xn--pgbs0dh"),
    ("مصر", "xn--wgbh1c"),
    ("இலங்கை", "xn--xkc2al3hye2a"),
    ("فلسطين", "xn--ygbi2ammx"),
    ("شبكة", "xn--ngbc5azd"),
];

/// Whether laminas has a table of IDN letters for the hostname's last label.
fn idn_tld(tld: &str) -> bool {
    IDN_TLDS.contains(&tld.to_ascii_uppercase().as_str())
        || IDN_UNICODE_TLDS
            .iter()
            .any(|(unicode, punycode)| tld == *unicode || tld.eq_ignore_ascii_case(punycode))
}

/// `EmailAddress::isValid`.
pub fn is_valid(value: &str) -> bool {
    // splitEmailParts: no ".." anywhere, then `/^(.+)@([^@]+)$/`: the last "@" splits, and the
    // local part (`.`) holds no newline.
    if value.contains("..") {
        return false;
    }
    let Some((local, host)) = value.rsplit_once('@') else {
        return false;
    };
    if local.is_empty() || local.contains('\n') || host.is_empty() {
        return false;
    }
    // The lengths in bytes (`strict`), then both parts: each is checked whatever the other's
    // verdict, and the address is valid when all three hold.
    let length = local.len() <= 64 && host.len() <= 255;
    let hostname = valid_hostname(host);
    let local_part = valid_local_part(local);
    length && hostname && local_part
}

/// `validateLocalPart`: dot-atom (ASCII, then with any character of U+0080 to U+FFFF, RFC
/// 6532), else a quoted string. (".." never gets here.)
fn valid_local_part(local: &str) -> bool {
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let dot_atom = |allowed: &dyn Fn(char) -> bool| {
        local
            .split('.')
            .all(|atom| !atom.is_empty() && atom.chars().all(allowed))
    };
    dot_atom(&atext)
        || dot_atom(&|c| atext(c) || ('\u{80}'..='\u{FFFF}').contains(&c))
        || quoted_string(local)
}

/// `/^"([\x20-\x21\x23-\x5b\x5d-\x7e]|\x5c[\x20-\x7e])*"$/`.
fn quoted_string(local: &str) -> bool {
    let Some(inner) = local
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return false;
    };
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        let ok = match c {
            '\\' => chars.next().is_some_and(|n| (' '..='~').contains(&n)),
            '"' => false,
            c => (' '..='~').contains(&c),
        };
        if !ok {
            return false;
        }
    }
    true
}

/// `Hostname::isValid` with `allow = ALLOW_DNS` and no TLD list check.
fn valid_hostname(host: &str) -> bool {
    // An IP address is refused (`IP_ADDRESS_NOT_ALLOWED`).
    if host.contains('.') && host.bytes().all(|b| b.is_ascii_digit() || b == b'.') && ipv4(host) {
        return false;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let length = host.chars().count();
    if labels.len() < 2 || !(4..=254).contains(&length) {
        return false;
    }
    // `/([^.]{2,63})$/u` on the last label: two characters at least. Without the TLD list the
    // TLD is then checked as every other label.
    let tld = labels[labels.len() - 1];
    if tld.chars().count() < 2 {
        return false;
    }
    let idn = idn_tld(tld);
    // The label before the TLD, compared by value: any label equal to it is held to the
    // stricter rule (no "_").
    let last = labels[labels.len() - 2];
    labels
        .iter()
        .all(|label| valid_label(label, label != &last, idn))
}

/// One label of a DNS hostname: not empty, no dash first, last, or third and fourth; then
/// `/^[a-z0-9_\x2d]{1,63}$/i` (a subdomain, and the TLD) or `/^[a-z0-9\x2d]{1,63}$/i`, whose
/// `$` also matches before a final newline (PCRE without `D`, so `x.com\n` passes), or the
/// TLD's IDN letters.
fn valid_label(label: &str, subdomain: bool, idn: bool) -> bool {
    if let Some(punycode) = label.strip_prefix("xn--") {
        // `decodePunycode` wants `/^[a-z0-9-]+$/i`; the decoded label must match the TLD's
        // table, which magemu takes on trust under a TLD that has one.
        return idn
            && !punycode.is_empty()
            && punycode
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    }
    let chars: Vec<char> = label.chars().collect();
    if chars.is_empty()
        || chars[0] == '-'
        || chars[chars.len() - 1] == '-'
        || (chars.len() > 3 && chars[2] == '-' && chars[3] == '-')
    {
        return false;
    }
    // The length counts a final newline (`strlen`), the characters' pattern does not.
    let length = label.chars().count();
    let body = label.strip_suffix('\n').unwrap_or(label);
    if body.is_ascii() {
        return !body.is_empty()
            && length <= 63
            && body
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || (subdomain && b == b'_'));
    }
    idn && length <= 63 && body.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// laminas' `Ip::validateIPv4`: four octets in dotted decimal without leading zeros, or the
/// forms it converts first (eight binary digits each, three decimal digits each, two hex
/// digits each).
fn ipv4(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    if parts.len() != 4 {
        return false;
    }
    let all = |len: usize, digit: fn(u8) -> bool| {
        parts.iter().all(|p| p.len() == len && p.bytes().all(digit))
    };
    let radix = if all(8, |b| b == b'0' || b == b'1') {
        Some(2)
    } else if all(3, |b| b.is_ascii_digit()) {
        Some(10)
    } else if all(2, |b| b.is_ascii_hexdigit()) {
        Some(16)
    } else {
        None
    };
    parts.iter().all(|p| match radix {
        Some(radix) => u32::from_str_radix(p, radix).is_ok_and(|v| v <= 255),
        // `$v === long2ip(ip2long($v))`: canonical, so no leading zero.
        None => {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u32>().is_ok_and(|v| v <= 255)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    /// laminas-validator 2.64.1's verdicts under Magento's options, run under PHP 8.2.
    #[test]
    fn verdicts_match_laminas() {
        let local_64 = format!("{}@x.com", "a".repeat(64));
        let local_65 = format!("{}@x.com", "a".repeat(65));
        let label_63 = format!("a@{}.com", "b".repeat(63));
        let label_64 = format!("a@{}.com", "b".repeat(64));
        let valid = [
            "a@b.co",
            "jdoe@example.com",
            "\"a b\"@x.com",
            "\"a\\\"b\"@x.com",
            "\"\"@x.com",
            "a@xn--bcher-kva.com",
            "a@x_y.b.com",
            "a@b.c0m",
            "üser@x.com",
            "a@bücher.de",
            local_64.as_str(),
            label_63.as_str(),
            "first.last@sub.example.co.uk",
            "a@b.c_m",
            "a@com.com",
            "a@a--b.com",
            "a@1.2.3.045",
            "a@1.1.1.256",
            "a@1.2.3.4.com",
            "a@xy.z1",
            "a@B.COM",
            "a@x.com\n",
            "a.b+c@mail.example.org",
            "a@møller.dk",
            "a@bücher.dk",
            "a@xn--mller-kva.dk",
            "a@xn--bcher-kva.es",
            "a@xn--bcher-kva.ee",
            "a@xn--bcher-kva.org",
            "a@example.xn--p1ai",
            "a@пример.рф",
        ];
        for email in valid {
            assert!(is_valid(email), "{email:?} is valid");
        }
        let invalid = [
            "",
            "jdoe",
            "jdoe@",
            "@example.com",
            "a@b.c",
            "a..b@x.com",
            ".a@x.com",
            "a.@x.com",
            "a@-x.com",
            "a@x-.com",
            "a@ab--cd.com",
            "a@b_c.com",
            "a@b_c.b_c.com",
            "a@_x.com",
            "a@1.2.3.4",
            "a@1.2.3.45",
            "a@01.02.03.04",
            "a@001.002.003.045",
            "a@[1.2.3.4]",
            "a@b.-x",
            "a@localhost",
            "a@b..com",
            "a@b.com.",
            "a(b)@x.com",
            local_65.as_str(),
            label_64.as_str(),
            "a@xn--.com",
            "a@xn--bcher-kva.co",
            "a@bücher.co",
            "\"a\tb\"@x.com",
            "😀@x.com",
            " a@x.co",
            "a@x.co ",
            "a@@x.com",
            "a@b@x.com",
            "a b@c.de",
            "a@x.y",
            "a@xn--bcher-kva.com\n",
            "a@bücher.uk",
        ];
        for email in invalid {
            assert!(!is_valid(email), "{email:?} is invalid");
        }
    }
}
