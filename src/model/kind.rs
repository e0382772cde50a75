//! The kinds of file a playbook is made of.

use serde::Serialize;

/// One kind of playbook file; each has its own JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Manifest,
    Voice,
    Tags,
    Escalation,
    Empowerment,
    Staffing,
    Samples,
    Examples,
    Zendesk,
}

impl FileKind {
    pub const ALL: [FileKind; 9] = [
        FileKind::Manifest,
        FileKind::Voice,
        FileKind::Tags,
        FileKind::Escalation,
        FileKind::Empowerment,
        FileKind::Staffing,
        FileKind::Samples,
        FileKind::Examples,
        FileKind::Zendesk,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FileKind::Manifest => "manifest",
            FileKind::Voice => "voice",
            FileKind::Tags => "tags",
            FileKind::Escalation => "escalation",
            FileKind::Empowerment => "empowerment",
            FileKind::Staffing => "staffing",
            FileKind::Samples => "samples",
            FileKind::Examples => "examples",
            FileKind::Zendesk => "zendesk",
        }
    }

    /// The file name of the kind's schema in `schemas/`.
    pub fn schema_file(self) -> String {
        format!("{}.schema.json", self.name())
    }
}
