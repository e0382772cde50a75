//! Account-specific ids: which objects the export refers to ([`Ref`]) and
//! how a REST body writes each one: the mapped id, or a placeholder that
//! names what is missing. Which ids a playbook needs is what its bodies
//! refer to ([`super::Plan::refs`]), also what `validate` warns about.

use crate::model::ZendeskFile;

/// An object whose id the account assigns.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ref {
    /// The group of a team, by team id.
    Group(String),
    /// The schedule of a business-hours calendar, by calendar id.
    Schedule(String),
    /// The category holding every carebook trigger.
    TriggerCategory,
    /// The drop-down ticket field holding the channel id.
    ChannelField,
    /// The drop-down ticket field holding the language code.
    LanguageField,
}

impl Ref {
    /// Where the id goes in the mapping file, e.g. `groups.care-dublin`.
    pub fn mapping_key(&self) -> String {
        match self {
            Ref::Group(team) => format!("groups.{team}"),
            Ref::Schedule(calendar) => format!("schedules.{calendar}"),
            Ref::TriggerCategory => "trigger_category".to_string(),
            Ref::ChannelField => "fields.channel".to_string(),
            Ref::LanguageField => "fields.language".to_string(),
        }
    }

    /// What the id is of, for people.
    pub fn describe(&self) -> String {
        match self {
            Ref::Group(team) => format!("the group of team `{team}`"),
            Ref::Schedule(calendar) => format!("the schedule of calendar `{calendar}`"),
            Ref::TriggerCategory => "the trigger category for carebook's triggers".to_string(),
            Ref::ChannelField => "the ticket field holding the channel".to_string(),
            Ref::LanguageField => "the ticket field holding the language".to_string(),
        }
    }
}

/// The ids the mapping file gives.
#[derive(Debug, Clone, Default)]
pub struct IdMap {
    file: ZendeskFile,
}

impl IdMap {
    pub fn new(file: Option<&ZendeskFile>) -> IdMap {
        IdMap {
            file: file.cloned().unwrap_or_default(),
        }
    }

    pub fn get(&self, r: &Ref) -> Option<u64> {
        let f = &self.file;
        match r {
            Ref::Group(team) => f.groups.get(team.as_str()).copied(),
            Ref::Schedule(calendar) => f.schedules.get(calendar.as_str()).copied(),
            Ref::TriggerCategory => f.trigger_category,
            Ref::ChannelField => f.fields.channel,
            Ref::LanguageField => f.fields.language,
        }
    }

    /// The id as a REST body writes it. A missing id becomes a
    /// placeholder that Zendesk rejects and a reviewer can grep for,
    /// never a made-up number that could name another object.
    pub fn rest(&self, r: &Ref) -> String {
        match self.get(r) {
            Some(id) => id.to_string(),
            None => placeholder(r),
        }
    }
}

/// `UNMAPPED-groups.care-dublin`: what the mapping file lacks.
pub fn placeholder(r: &Ref) -> String {
    format!("UNMAPPED-{}", r.mapping_key())
}
