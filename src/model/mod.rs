//! The typed playbook: one type per playbook part, with serde and JSON
//! Schema derived from the same definitions so the published schemas and
//! the loader can never disagree.

mod bot;
mod common;
mod empowerment;
mod escalation;
mod examples;
mod facts;
mod follow_up;
mod kind;
mod manifest;
mod reference;
mod route_rule;
mod samples;
mod staffing;
mod tags;
mod voice;
mod zendesk;

pub use bot::*;
pub use common::*;
pub use empowerment::*;
pub use escalation::*;
pub use examples::*;
pub use facts::TagFacts;
pub use follow_up::*;
pub use kind::FileKind;
pub use manifest::*;
pub use reference::*;
pub use route_rule::*;
pub use samples::*;
pub use staffing::*;
pub use tags::*;
pub use voice::*;
pub use zendesk::*;
