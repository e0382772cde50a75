//! `carebook schema`: the JSON Schema of each playbook file kind.

use std::path::PathBuf;

use clap::Args;

use super::{CommandError, Outcome, print};
use crate::ir::{ROUTING_SCHEMA_FILE, routing_schema_text};
use crate::model::FileKind;
use crate::schema::schema_text;

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write one `KIND.schema.json` per file kind into this directory
    /// instead of printing them.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print only this kind's schema.
    #[arg(long, value_enum)]
    pub kind: Option<SchemaKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    Manifest,
    Voice,
    Tags,
    Escalation,
    Empowerment,
    Staffing,
    Samples,
    /// Labelled example messages the router learns from.
    Examples,
    /// The Zendesk id mapping.
    Zendesk,
    /// The compiled `routing.json`.
    Routing,
}

impl SchemaKind {
    fn file_kind(self) -> Option<FileKind> {
        Some(match self {
            SchemaKind::Manifest => FileKind::Manifest,
            SchemaKind::Voice => FileKind::Voice,
            SchemaKind::Tags => FileKind::Tags,
            SchemaKind::Escalation => FileKind::Escalation,
            SchemaKind::Empowerment => FileKind::Empowerment,
            SchemaKind::Staffing => FileKind::Staffing,
            SchemaKind::Samples => FileKind::Samples,
            SchemaKind::Examples => FileKind::Examples,
            SchemaKind::Zendesk => FileKind::Zendesk,
            SchemaKind::Routing => return None,
        })
    }
}

pub fn run(args: SchemaArgs) -> Result<Outcome, CommandError> {
    // (file name, schema text) of each schema asked for.
    let schemas: Vec<(String, String)> = match args.kind.map(SchemaKind::file_kind) {
        Some(Some(kind)) => vec![(kind.schema_file(), schema_text(kind))],
        Some(None) => vec![(ROUTING_SCHEMA_FILE.to_string(), routing_schema_text())],
        None => FileKind::ALL
            .iter()
            .map(|&k| (k.schema_file(), schema_text(k)))
            .chain([(ROUTING_SCHEMA_FILE.to_string(), routing_schema_text())])
            .collect(),
    };
    let Some(out) = args.out else {
        let texts: Vec<&str> = schemas.iter().map(|(_, text)| text.as_str()).collect();
        print(&texts.concat());
        return Ok(Outcome::Clean);
    };
    std::fs::create_dir_all(&out).map_err(CommandError::io("create", &out))?;
    for (file, text) in schemas {
        let path = out.join(&file);
        // Write beside the target, then rename, so a reader never sees half a schema.
        let tmp = out.join(format!(".{file}.tmp"));
        std::fs::write(&tmp, text)
            .and_then(|_| std::fs::rename(&tmp, &path))
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })
            .map_err(CommandError::io("write", &path))?;
        println!("wrote {}", path.display());
    }
    Ok(Outcome::Clean)
}
