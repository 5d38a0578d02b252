//! Customer's pattern validators (`Customer/Model/Validator/{Name,Street,City,Telephone}.php`,
//! 2.4.8-p1), run by the `save` groups of `Customer/etc/validation.xml` on every customer and
//! customer-address save (`ResourceModel\Customer::_validate`, `ResourceModel\Address::_validate`).
//!
//! Each checks a value as PHP does: `preg_match($pattern, $value, $matches)` finds the first
//! (leftmost) match, and the value is valid when that match is the whole value, or when nothing
//! matches at all (`return true` after the `if`), or when the value is empty (`!= null`). So a
//! name of only disallowed characters ("☺") passes and one mixing them ("Jane ☺") does not; a
//! name past 255 characters fails (the match stops at 255). Street's pattern closes its class
//! early (`[...\"[]`, then `,-` any character `'’\`&`, a space, a digit, `]`): it matches only
//! such a run, so nearly every
//! street passes, as on Magento (checked with PCRE, `grep -P`, session 41). PHP's `/u` turns on
//! UCP, so `\s` and `\d` are Unicode's, as in Rust's `regex`.

use std::sync::LazyLock;

use regex::Regex;

/// A pattern that is one character class repeated `{1,max}` (Name, City, Telephone): its first
/// match starts at the first character of the class and runs while they last, `max` at most.
/// (Rust's `regex` refuses to build a Unicode class repeated 255 times, past its size limit,
/// so the repetition is counted here.)
struct Run {
    any: Regex,
    all: Regex,
    max: usize,
}

impl Run {
    fn new(class: &str, max: usize) -> Run {
        Run {
            any: Regex::new(class).expect("character class"),
            all: Regex::new(&format!("^{class}+$")).expect("character class run"),
            max,
        }
    }

    /// Whether `preg_match`'s first match is the whole (non-empty) value, or there is none.
    fn passes(&self, value: &str) -> bool {
        !self.any.is_match(value) || (self.all.is_match(value) && value.chars().count() <= self.max)
    }
}

/// `Validator\Name::PATTERN_NAME`.
static NAME: LazyLock<Run> = LazyLock::new(|| Run::new(r"[\p{L}\p{M},\-_.'’`&\s\d]", 255));
/// `Validator\City::PATTERN_CITY`.
static CITY: LazyLock<Run> = LazyLock::new(|| Run::new(r"[\p{L}\p{M}\s\-']", 100));
/// `Validator\Telephone::PATTERN_TELEPHONE`.
static TELEPHONE: LazyLock<Run> = LazyLock::new(|| Run::new(r"[\d\s+\-()]", 20));
/// `Validator\Street::PATTERN_STREET` as PCRE reads it (see the module's note); its `{1,255}`
/// would only matter past 2,550 characters, and is left out.
static STREET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?:[\p{L}\p{M}"\[],-.'’`&\s\d\])+"#).expect("street pattern"));

pub const FIRST_NAME: &str = "First Name is not valid!";
pub const LAST_NAME: &str = "Last Name is not valid!";
pub const MIDDLE_NAME: &str = "Middle Name is not valid!";
pub const STREET_INVALID: &str =
    "Invalid Street Address. Please use A-Z, a-z, 0-9, , - . ' ’ ` & spaces";
pub const CITY_INVALID: &str = "Invalid City. Please use A-Z, a-z, 0-9, -, ', spaces";
pub const TELEPHONE_INVALID: &str = "Invalid Phone Number. Please use 0-9, +, -, (, ) and space.";

/// `if ($value != null) { if (preg_match(...)) return $matches[0] == $value; } return true;`
fn passes(run: &Run, value: Option<&str>) -> bool {
    value
        .filter(|v| !v.is_empty())
        .is_none_or(|v| run.passes(v))
}

fn street_passes(line: &str) -> bool {
    line.is_empty() || STREET.find(line).is_none_or(|m| m.as_str() == line)
}

/// `Validator\Name` on a customer or an address: one message per failing name, in the order
/// first, last, middle.
pub fn name_messages(
    firstname: Option<&str>,
    lastname: Option<&str>,
    middlename: Option<&str>,
) -> Vec<&'static str> {
    [
        (firstname, FIRST_NAME),
        (lastname, LAST_NAME),
        (middlename, MIDDLE_NAME),
    ]
    .into_iter()
    .filter(|(value, _)| !passes(&NAME, *value))
    .map(|(_, message)| message)
    .collect()
}

/// The customer-address `save` group after its EAV check: names, then each street line
/// (a message per failing line), city, telephone.
pub fn address_messages(
    firstname: Option<&str>,
    lastname: Option<&str>,
    middlename: Option<&str>,
    street: &[String],
    city: Option<&str>,
    telephone: Option<&str>,
) -> Vec<&'static str> {
    let mut messages = name_messages(firstname, lastname, middlename);
    for line in street {
        if !street_passes(line) {
            messages.push(STREET_INVALID);
        }
    }
    if !passes(&CITY, city) {
        messages.push(CITY_INVALID);
    }
    if !passes(&TELEPHONE, telephone) {
        messages.push(TELEPHONE_INVALID);
    }
    messages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_magentos_test_data_gives_them() {
        // CustomerRepositoryTest::customerDataProvider and the everyday names.
        assert_eq!(name_messages(Some("Jane ☺ "), None, None), [FIRST_NAME]);
        assert_eq!(name_messages(None, Some("☏ - Doe"), None), [LAST_NAME]);
        assert_eq!(name_messages(None, None, Some("⚐ $(date)")), [MIDDLE_NAME]);
        let long = "खाना अच्छा है".repeat(20);
        assert_eq!(name_messages(Some(&long), None, None), [FIRST_NAME]);
        for fine in [
            "Jane",
            "O'Brien",
            "Anne-Marie",
            "José María",
            "D’Arcy",
            "Jr.",
            "李",
        ] {
            assert!(
                name_messages(Some(fine), Some(fine), Some(fine)).is_empty(),
                "{fine}"
            );
        }
        // Nothing allowed at all: preg_match finds no match and the name passes.
        assert!(name_messages(Some("☺"), None, None).is_empty());
    }

    #[test]
    fn address_fields() {
        let street = |s: &str| vec![s.to_owned()];
        assert!(address_messages(
            Some("Jane"),
            Some("Doe"),
            None,
            &street("160 1st St. <b>"),
            Some("Mineola"),
            Some("516-555-1111")
        )
        .is_empty());
        // The street pattern only matches its literal run; a value that holds it after
        // other characters is refused.
        assert_eq!(
            address_messages(None, None, None, &street("x\",-.'’`& 1]"), None, None),
            [STREET_INVALID]
        );
        assert_eq!(
            address_messages(None, None, None, &[], Some("City9"), Some("abc123")),
            [CITY_INVALID, TELEPHONE_INVALID]
        );
        assert!(address_messages(
            None,
            None,
            None,
            &[],
            Some("Saint-Jean d'Arc"),
            Some("+1 (555) 0100")
        )
        .is_empty());
        assert_eq!(
            address_messages(None, None, None, &[], None, Some("+1 (555) 0100-0000-0000")),
            [TELEPHONE_INVALID]
        );
    }
}
