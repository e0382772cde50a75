//! How far each role may go without asking.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Currency, Id, Money, RefTarget};

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmpowermentFile {
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: Id,
    pub name: String,
    /// Most this role may give per case, per currency. A currency missing
    /// here means no authority in it.
    #[serde(default)]
    pub limits: BTreeMap<Currency, f64>,
    /// What the role may do on its own.
    #[serde(default)]
    pub actions: Vec<String>,
    /// Policies the role may waive or bend.
    #[serde(default)]
    pub exceptions: Vec<String>,
    /// What needs someone else's approval.
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// Who takes a case beyond this role's authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-carebook-ref" = RefTarget::Role))]
    pub escalates_to: Option<Id>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub action: String,
    /// The role that approves.
    #[schemars(extend("x-carebook-ref" = RefTarget::Role))]
    pub from: Id,
    /// Approval is needed above this amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<Money>,
}
