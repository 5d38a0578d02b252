//! `Magento\GiftMessage\Api\Data\MessageInterface` as JSON, and the `{"giftMessage": ...}`
//! body of a cart's or a cart line's message save.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::checkout::gift_message::MessageInput;
use crate::db::gift_messages::GiftMessageRow;
use crate::error::{Error, Result};
use crate::wire::input::{param, Obj};

/// `MessageInterface`, its getters in declaration order; a null one is left out.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "gift-message-data-message-interface")]
pub struct MessageData {
    pub gift_message_id: i64,
    pub customer_id: i64,
    pub sender: Option<String>,
    pub recipient: Option<String>,
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
    let o = Obj::new(
        message,
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
    o.int("customer_id")?;
    if let Some((_, extension)) = o.get("extension_attributes") {
        let e = Obj::new(extension, &["entity_id", "entity_type"])?;
        e.string("entity_id")?;
        e.string("entity_type")?;
    }
    Ok(MessageInput {
        sender: o.string("sender")?,
        recipient: o.string("recipient")?,
        message: o.string("message")?,
    })
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
