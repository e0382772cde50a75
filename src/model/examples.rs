//! Labelled example messages: what the team tagged real messages with,
//! for the router to learn from beside its keywords.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Lang, MessageKind, RefTarget};

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExamplesFile {
    pub examples: Vec<Example>,
}

/// One message as a customer wrote it, with the tags a care lead gave it
/// from its meaning (none for a message that needs no tag).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub text: String,
    #[schemars(extend("x-carebook-ref" = RefTarget::Tag))]
    pub tags: Vec<Id>,
    /// The language it is written in: the router learns from it which
    /// words mark each language, and the accuracy report measures
    /// language identification by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Language))]
    pub lang: Option<Lang>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Channel))]
    pub channel: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MessageKind>,
}

/// How far the router trusts what it learned from the examples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Learning {
    /// A tag a keyword found is dropped when the examples give it a
    /// probability below this: the message looks like those labelled
    /// without it. 0 keeps every keyword match.
    #[serde(default = "default_keep_at")]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub keep_at: f64,
    /// A tag no keyword found is added when the examples give it at least
    /// this probability. Above 1, the router adds none.
    #[serde(default = "default_add_at")]
    #[schemars(range(min = 0.0))]
    pub add_at: f64,
    /// Thresholds of their own for some tags, in place of the two above:
    /// a tag whose examples overlap its neighbours' (billing and refund)
    /// may need more evidence before it is added than one whose examples
    /// stand apart. Each applies to a tag the router learns (five examples
    /// or more); a tag judged by its parent's examples uses its parent's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(extend("x-carebook-ref-keys" = RefTarget::Tag))]
    pub tags: BTreeMap<Id, TagTrust>,
}

/// One tag's thresholds; either left out is the playbook's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TagTrust {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub keep_at: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    pub add_at: Option<f64>,
}

impl Default for Learning {
    fn default() -> Self {
        Learning {
            keep_at: default_keep_at(),
            add_at: default_add_at(),
            tags: BTreeMap::new(),
        }
    }
}

fn default_keep_at() -> f64 {
    0.1
}

fn default_add_at() -> f64 {
    0.25
}
