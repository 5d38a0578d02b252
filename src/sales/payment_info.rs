//! A payment's `additional_information`: Magento's keyed array (`Payment\Info::
//! setAdditionalInformation($key, $value)`), stored serialized in one column.
//!
//! REST shows it twice: `payment.additional_information` lists the values only (the getter
//! is typed `string[]`), and `extension_attributes.payment_additional_info` lists each entry
//! as `{key, value}` (`OrderRepository::setPaymentAdditionalInfo`, a value that is not a
//! string serialized as JSON). The keys come from who wrote the entries: checkout writes
//! `method_title` (`Quote\Payment\ToOrderPayment::convert`); a list posted to the order
//! repository is a PHP list, keyed `0`, `1`, ...; and on every payment save the offline
//! methods' observer (`OfflinePayments\Observer\BeforeOrderPaymentSaveObserver`) sets
//! `instructions` for bank transfer and cash on delivery (`getInstructions()`: the trimmed
//! configured text, `""` on a stock store). Check / money order's `payable_to` and
//! `mailing_address` are set only when configured, which a stock store is not.
//!
//! Stored as a JSON object in key order. A JSON list (what magemu stored before it kept the
//! keys) reads as keys `0`, `1`, ...

use serde_json::{Map, Value};

/// The entries in order.
pub type Entries = Vec<(String, String)>;

/// Methods whose observer writes `instructions` on every payment save.
const INSTRUCTION_METHODS: [&str; 2] = ["banktransfer", "cashondelivery"];

/// Reads a stored column (a JSON object, or a list from before keys were kept).
pub fn read(stored: Option<&str>) -> Entries {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match stored.and_then(|s| serde_json::from_str::<Value>(s).ok()) {
        Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), text(v))).collect(),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), text(v)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The column's text for `entries` (`None` when there are none).
pub fn write(entries: &Entries) -> Option<String> {
    if entries.is_empty() {
        return None;
    }
    let map: Map<String, Value> = entries
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    Some(Value::Object(map).to_string())
}

/// Sets `key` to `value`: in place when the key is there, else appended (a PHP array).
pub fn set(entries: &mut Entries, key: &str, value: &str) {
    match entries.iter_mut().find(|(k, _)| k == key) {
        Some(entry) => entry.1 = value.to_owned(),
        None => entries.push((key.to_owned(), value.to_owned())),
    }
}

/// What `BeforeOrderPaymentSaveObserver` adds when a payment of `method` is saved.
pub fn on_save(method: &str, entries: &mut Entries) {
    if INSTRUCTION_METHODS.contains(&method) {
        set(entries, "instructions", "");
    }
}

/// The values, as `payment.additional_information` lists them.
pub fn values(entries: &Entries) -> Vec<String> {
    entries.iter().map(|(_, v)| v.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_php_lists_and_objects_keep_their_keys_in_order() {
        assert_eq!(
            read(Some(r#"["a",""]"#)),
            vec![("0".into(), "a".into()), ("1".into(), "".into())]
        );
        let keyed = vec![
            (
                "method_title".to_owned(),
                "Bank Transfer Payment".to_owned(),
            ),
            ("instructions".to_owned(), String::new()),
        ];
        assert_eq!(read(write(&keyed).as_deref()), keyed);
        assert_eq!(
            read(Some(r#"{"n":5,"o":{"a":1}}"#)),
            vec![("n".into(), "5".into()), ("o".into(), r#"{"a":1}"#.into())]
        );
        assert_eq!(read(None), Vec::new());
        assert_eq!(read(Some("not json")), Vec::new());
        assert_eq!(write(&Vec::new()), None);
    }

    #[test]
    fn the_offline_observer_sets_instructions_for_bank_transfer_and_cash_on_delivery_only() {
        let mut posted = vec![("0".to_owned(), "ref".to_owned())];
        on_save("checkmo", &mut posted);
        assert_eq!(posted.len(), 1);
        on_save("banktransfer", &mut posted);
        on_save("banktransfer", &mut posted);
        assert_eq!(
            posted,
            vec![
                ("0".into(), "ref".into()),
                ("instructions".into(), "".into())
            ]
        );
        let mut cod = vec![("instructions".to_owned(), "old".to_owned())];
        on_save("cashondelivery", &mut cod);
        assert_eq!(cod, vec![("instructions".into(), "".into())]);
    }
}
