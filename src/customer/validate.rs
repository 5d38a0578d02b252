//! `AccountManagement::validate` (`PUT /V1/customers/validate`): the customer posted, checked
//! without saving or loading anything. In 2.4 it runs one validator, the EAV backend one
//! (`Eav\Model\Validator\Attribute\Backend`): each attribute's backend `validate`, which for a
//! stock install only finds required attributes without a value (`AbstractBackend::validate`,
//! `isValueEmpty`: missing, null or ""; 0 and " " are values). So a malformed e-mail, date of
//! birth or gender is valid here, and the addresses are set aside before the check. The
//! messages are rendered and merged into one list in the attributes' order, as
//! `Magento\Customer\Model\AccountManagement\ValidateTest::testValidateFields` (integration,
//! 2.4.7) lists them for an empty customer; the api-functional
//! `AccountManagementTest::testValidateCustomerData` asserts the first and last names'.

use crate::customer::CustomerInput;
use crate::error::{Phrase, ATTRIBUTE_EMPTY};

/// `ValidationResultsInterface`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationResults {
    pub valid: bool,
    pub messages: Vec<String>,
}

/// The required customer attributes of a fresh install, in the order the validator visits
/// them, with their frontend labels.
const REQUIRED: [(&str, &str); 5] = [
    ("website_id", "Associate to Website"),
    ("group_id", "Group"),
    ("firstname", "First Name"),
    ("lastname", "Last Name"),
    ("email", "Email"),
];

/// Checks `customer` as `AccountManagement::validate` does.
pub fn validate(customer: &CustomerInput) -> ValidationResults {
    let text = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
    let messages: Vec<String> = REQUIRED
        .iter()
        .filter(|(code, _)| {
            let present = match *code {
                "website_id" => customer.website_id.is_some(),
                "group_id" => customer.group_id.is_some(),
                "firstname" => text(&customer.firstname),
                "lastname" => text(&customer.lastname),
                _ => text(&customer.email),
            };
            !present
        })
        .map(|(_, label)| Phrase::positional(ATTRIBUTE_EMPTY, vec![(*label).to_owned()]).render())
        .collect();
    ValidationResults {
        valid: messages.is_empty(),
        messages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jane() -> CustomerInput {
        CustomerInput {
            website_id: Some(1),
            group_id: Some(1),
            firstname: Some("Jane".into()),
            lastname: Some("Doe".into()),
            email: Some("jane@example.com".into()),
            ..Default::default()
        }
    }

    fn empty(label: &str) -> String {
        format!("The \"{label}\" attribute value is empty. Set the attribute and try again.")
    }

    #[test]
    fn an_empty_customer_misses_five_attributes_in_order() {
        let r = validate(&CustomerInput::default());
        assert!(!r.valid);
        assert_eq!(
            r.messages,
            [
                "Associate to Website",
                "Group",
                "First Name",
                "Last Name",
                "Email"
            ]
            .map(empty)
        );
    }

    #[test]
    fn only_emptiness_counts() {
        assert_eq!(
            validate(&jane()),
            ValidationResults {
                valid: true,
                messages: vec![]
            }
        );
        // Zero ids, a blank name, a malformed e-mail, dob and gender are values.
        let odd = CustomerInput {
            website_id: Some(0),
            group_id: Some(0),
            firstname: Some(" ".into()),
            email: Some("not an e-mail".into()),
            dob: Some("yesterday".into()),
            gender: Some(99),
            ..jane()
        };
        assert!(validate(&odd).valid);
        let unnamed = CustomerInput {
            firstname: Some(String::new()),
            lastname: None,
            ..jane()
        };
        assert_eq!(
            validate(&unnamed).messages,
            ["First Name", "Last Name"].map(empty)
        );
    }
}
