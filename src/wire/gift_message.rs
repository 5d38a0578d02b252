//! `Magento\GiftMessage\Api\Data\MessageInterface` as JSON, and the `{"giftMessage": ...}`
//! body of a cart's or a cart line's message save.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::db::gift_messages::GiftMessageRow;
use crate::error::{Error, Result};
use crate::sales::gift_message::{MessageInput, PostedOrderMessages};
use crate::wire::input::{key, param, Obj};

/// `MessageInterface`, its getters in declaration order. `getSender`, `getRecipient` and
/// `getMessage` are declared `string` (not `|null`), so `DataObjectProcessor` writes them
/// even when null (`#[serialize_always]`); the ids are `int|null`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "gift-message-data-message-interface")]
pub struct MessageData {
    pub gift_message_id: i64,
    pub customer_id: i64,
    #[serialize_always]
    pub sender: Option<String>,
    #[serialize_always]
    pub recipient: Option<String>,
    #[serialize_always]
    pub message: Option<String>,
}

impl From<&GiftMessageRow> for MessageData {
    fn from(m: &GiftMessageRow) -> Self {
        MessageData {
            gift_message_id: m.gift_message_id,
            customer_id: m.customer_id,
            sender: m.sender.clone(),
            recipient: m.recipient.clone(),
            message: m.message.clone(),
        }
    }
}

/// The body of `POST .../gift-message[/{itemId}]`. Only `sender`, `recipient` and `message`
/// are used (`GiftMessageManager::setMessage`); the ids and extension attributes are checked
/// for their types, as the service input processor does, and dropped.
pub fn parse_gift_message(body: &Map<String, Value>) -> Result<MessageInput> {
    let message = param(body, "giftMessage").ok_or_else(|| Error::required("giftMessage"))?;
    Ok(MessageInput {
        customer_id: None,
        ..parse_message(message)?
    })
}

/// A posted `MessageInterface`.
fn parse_message(v: &Value) -> Result<MessageInput> {
    let o = Obj::new(
        v,
        &[
            "gift_message_id",
            "customer_id",
            "sender",
            "recipient",
            "message",
            "extension_attributes",
        ],
    )?;
    o.int("gift_message_id")?;
    if let Some((_, extension)) = o.get("extension_attributes") {
        let e = Obj::new(extension, &["entity_id", "entity_type"])?;
        e.string("entity_id")?;
        e.string("entity_type")?;
    }
    Ok(MessageInput {
        customer_id: o.int("customer_id")?,
        sender: o.string("sender")?,
        recipient: o.string("recipient")?,
        message: o.string("message")?,
    })
}

/// The gift messages of a posted `OrderInterface` entity (`extension_attributes.gift_message`
/// of the order and of each line), which Magento_GiftMessage's `Plugin\OrderSave` saves once
/// the order is.
pub fn parse_posted_order(entity: &Value) -> Result<PostedOrderMessages> {
    let message_of = |v: &Value| -> Result<Option<MessageInput>> {
        key(v, "extension_attributes")
            .and_then(|e| key(e, "gift_message"))
            .filter(|m| !m.is_null())
            .map(parse_message)
            .transpose()
    };
    let order = message_of(entity)?;
    let mut items = Vec::new();
    if let Some(list @ (Value::Array(_) | Value::Object(_))) = key(entity, "items") {
        for (place, item) in crate::wire::input::list(list)?.into_iter().enumerate() {
            if let Some(message) = message_of(item)? {
                items.push((place, message));
            }
        }
    }
    Ok(PostedOrderMessages { order, items })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: Value) -> Map<String, Value> {
        v.as_object().cloned().expect("object")
    }

    #[test]
    fn reads_the_three_texts_and_drops_the_rest() {
        let input = parse_gift_message(&body(json!({"giftMessage": {
            "gift_message_id": 9, "customer_id": "3", "sender": "Jane Roe",
            "recipient": "John Doe", "message": 42,
            "extension_attributes": {"entity_id": "1", "entity_type": "quote"}
        }})))
        .expect("valid");
        assert_eq!(input.sender.as_deref(), Some("Jane Roe"));
        assert_eq!(input.recipient.as_deref(), Some("John Doe"));
        assert_eq!(input.message.as_deref(), Some("42"));
    }

    #[test]
    fn refuses_what_the_input_processor_refuses() {
        let err = |v: Value| parse_gift_message(&body(v)).unwrap_err().body().to_string();
        assert!(err(json!({})).contains("giftMessage"));
        assert!(err(json!({"giftMessage": {"note": "x"}})).contains("Note"));
        assert!(err(json!({"giftMessage": {"message": ["a"]}})).contains("string"));
        assert!(err(json!({"giftMessage": {"customer_id": "x"}})).contains("int"));
    }
}
