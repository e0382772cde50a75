//! The loaded playbook: every part merged across its files, each item
//! remembering the file and JSON pointer it came from.

use std::ops::Deref;

use crate::diagnostic::Label;
use crate::model::*;
use crate::source::{FileId, Sources};

/// Where an item was defined: a file and a JSON pointer into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    pub file: FileId,
    pub pointer: String,
}

impl Loc {
    pub fn new(file: FileId, pointer: impl Into<String>) -> Self {
        Loc {
            file,
            pointer: pointer.into(),
        }
    }

    /// The location of a field or item below this one (`"parent"`,
    /// `"detect/keywords/en/0"`).
    pub fn child(&self, path: impl std::fmt::Display) -> Loc {
        Loc {
            file: self.file,
            pointer: format!("{}/{path}", self.pointer),
        }
    }

    /// A label on the value here (or the nearest enclosing value).
    pub fn label(&self, sources: &Sources) -> Label {
        let spans = sources.get(self.file).nearest(&self.pointer);
        Label::new(self.file, spans.map(|s| s.value).unwrap_or_default())
    }

    /// A label on the key that introduces the value here, where it has one.
    pub fn key_label(&self, sources: &Sources) -> Label {
        let spans = sources.get(self.file).nearest(&self.pointer);
        Label::new(
            self.file,
            spans.map(|s| s.key.unwrap_or(s.value)).unwrap_or_default(),
        )
    }
}

/// An item with its location.
#[derive(Debug, Clone)]
pub struct At<T> {
    pub value: T,
    pub loc: Loc,
}

impl<T> Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

fn located<T>(file: FileId, list: &'static str, items: Vec<T>) -> impl Iterator<Item = At<T>> {
    items.into_iter().enumerate().map(move |(i, value)| At {
        value,
        loc: Loc::new(file, format!("/{list}/{i}")),
    })
}

/// All parts of one playbook.
#[derive(Debug, Clone)]
pub struct Playbook {
    pub manifest: At<Manifest>,
    pub languages: Vec<At<Language>>,
    pub channels: Vec<At<Channel>>,
    pub voice: Vec<At<Voice>>,
    pub macros: Vec<At<Macro>>,
    pub tags: Vec<At<Tag>>,
    pub severities: Vec<At<Severity>>,
    pub calendars: Vec<At<Calendar>>,
    pub queues: Vec<At<Queue>>,
    pub routes: Vec<At<Route>>,
    pub boosts: Vec<At<Boosts>>,
    pub chains: Vec<At<Chain>>,
    pub handovers: Vec<At<Handover>>,
    pub incidents: Vec<At<Incident>>,
    pub follow_ups: Vec<At<FollowUp>>,
    /// The bot, when an escalation file describes one (the first, if
    /// several do).
    pub bots: Vec<At<Bot>>,
    pub roles: Vec<At<Role>>,
    pub teams: Vec<At<Team>>,
    pub shifts: Vec<At<Shift>>,
    pub forecast: Vec<At<Forecast>>,
    pub service_levels: Vec<At<ServiceLevel>>,
    pub samples: Vec<At<Sample>>,
    pub examples: Vec<At<Example>>,
    /// The Zendesk id mapping, when the manifest names one.
    pub zendesk: Option<At<ZendeskFile>>,
}

impl Playbook {
    pub(super) fn new(file: FileId, manifest: Manifest) -> Self {
        Playbook {
            languages: located(file, "languages", manifest.languages.clone()).collect(),
            channels: located(file, "channels", manifest.channels.clone()).collect(),
            manifest: At {
                value: manifest,
                loc: Loc::new(file, ""),
            },
            voice: Vec::new(),
            macros: Vec::new(),
            tags: Vec::new(),
            severities: Vec::new(),
            calendars: Vec::new(),
            queues: Vec::new(),
            routes: Vec::new(),
            boosts: Vec::new(),
            chains: Vec::new(),
            handovers: Vec::new(),
            incidents: Vec::new(),
            follow_ups: Vec::new(),
            bots: Vec::new(),
            roles: Vec::new(),
            teams: Vec::new(),
            shifts: Vec::new(),
            forecast: Vec::new(),
            service_levels: Vec::new(),
            samples: Vec::new(),
            examples: Vec::new(),
            zendesk: None,
        }
    }

    pub(super) fn add_voice(&mut self, file: FileId, f: VoiceFile) {
        if let Some(voice) = f.voice {
            self.voice.push(At {
                value: voice,
                loc: Loc::new(file, "/voice"),
            });
        }
        self.macros.extend(located(file, "macros", f.macros));
    }

    pub(super) fn add_tags(&mut self, file: FileId, f: TagsFile) {
        self.tags.extend(located(file, "tags", f.tags));
    }

    pub(super) fn add_escalation(&mut self, file: FileId, f: EscalationFile) {
        self.severities
            .extend(located(file, "severities", f.severities));
        self.calendars
            .extend(located(file, "calendars", f.calendars));
        self.queues.extend(located(file, "queues", f.queues));
        self.routes.extend(located(file, "routes", f.routes));
        if let Some(boosts) = f.boosts {
            self.boosts.push(At {
                value: boosts,
                loc: Loc::new(file, "/boosts"),
            });
        }
        self.chains.extend(located(file, "chains", f.chains));
        self.handovers
            .extend(located(file, "handovers", f.handovers));
        self.incidents
            .extend(located(file, "incidents", f.incidents));
        self.follow_ups
            .extend(located(file, "follow_ups", f.follow_ups));
        if let Some(bot) = f.bot {
            self.bots.push(At {
                value: bot,
                loc: Loc::new(file, "/bot"),
            });
        }
    }

    pub(super) fn add_empowerment(&mut self, file: FileId, f: EmpowermentFile) {
        self.roles.extend(located(file, "roles", f.roles));
    }

    pub(super) fn add_staffing(&mut self, file: FileId, f: StaffingFile) {
        self.teams.extend(located(file, "teams", f.teams));
        self.shifts.extend(located(file, "shifts", f.shifts));
        self.forecast.extend(located(file, "forecast", f.forecast));
        if let Some(sl) = f.service_level {
            self.service_levels.push(At {
                value: sl,
                loc: Loc::new(file, "/service_level"),
            });
        }
    }

    pub(super) fn add_zendesk(&mut self, file: FileId, f: ZendeskFile) {
        self.zendesk = Some(At {
            value: f,
            loc: Loc::new(file, ""),
        });
    }

    pub(super) fn add_samples(&mut self, file: FileId, f: SamplesFile) {
        self.samples.extend(located(file, "samples", f.samples));
    }

    pub(super) fn add_examples(&mut self, file: FileId, f: ExamplesFile) {
        self.examples.extend(located(file, "examples", f.examples));
    }
}
