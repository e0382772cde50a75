//! The Zendesk id mapping (`files.zendesk` in the manifest): the ids of
//! objects that already exist in one Zendesk account, which the exported
//! request bodies must name. Terraform needs none of them; the REST bodies
//! use a clearly named placeholder for each id the file does not give.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ZendeskFile {
    /// The account these ids belong to (`auroraair` for
    /// `auroraair.zendesk.com`), so a reviewer can tell which account a
    /// change is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subdomain: Option<String>,
    /// Zendesk group id of each team, by team id.
    // The keys here and in `schedules` name teams and calendars, but carry
    // no reference mark: the mapping matters only to the Zendesk export,
    // so `check::zendesk` checks them, and only when the export is on.
    #[serde(default)]
    pub groups: BTreeMap<Id, u64>,
    /// Zendesk schedule id of each business-hours calendar, by calendar id.
    #[serde(default)]
    pub schedules: BTreeMap<Id, u64>,
    /// The trigger category every exported trigger goes into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger_category: Option<u64>,
    /// Custom ticket fields your social integration fills in.
    #[serde(default)]
    pub fields: ZendeskFields,
}

/// Drop-down ticket fields whose option tags are the playbook's ids: the
/// channel a message came in on, and its language.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ZendeskFields {
    /// The field holding the channel id (`x`, `facebook`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<u64>,
    /// The field holding the language code (`en`, `ja`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<u64>,
}
