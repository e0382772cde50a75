//! A customer message as the router takes it.

use serde::{Deserialize, Serialize};

use crate::model::{Author, MessageKind};

/// One inbound message. Unknown fields in the input are ignored, so
/// exports from social tools can carry their own metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub channel: String,
    pub kind: MessageKind,
    pub text: String,
    pub received_at: jiff::Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Author>,
}
