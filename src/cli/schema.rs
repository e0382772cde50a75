//! `carebook schema`: the JSON Schema of each playbook file kind.

use std::path::PathBuf;

use clap::Args;

use super::{EXIT_OK, print, usage_error};
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
}

impl SchemaKind {
    fn file_kind(self) -> FileKind {
        match self {
            SchemaKind::Manifest => FileKind::Manifest,
            SchemaKind::Voice => FileKind::Voice,
            SchemaKind::Tags => FileKind::Tags,
            SchemaKind::Escalation => FileKind::Escalation,
            SchemaKind::Empowerment => FileKind::Empowerment,
            SchemaKind::Staffing => FileKind::Staffing,
            SchemaKind::Samples => FileKind::Samples,
        }
    }
}

pub fn run(args: SchemaArgs) -> i32 {
    let kinds: Vec<FileKind> = match args.kind {
        Some(k) => vec![k.file_kind()],
        None => FileKind::ALL.to_vec(),
    };
    let Some(out) = args.out else {
        let texts: Vec<String> = kinds.iter().map(|&k| schema_text(k)).collect();
        print(&texts.concat());
        return EXIT_OK;
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        return usage_error(format!("cannot create `{}`: {e}", out.display()));
    }
    for kind in kinds {
        let path = out.join(kind.schema_file());
        // Write beside the target, then rename, so a reader never sees half a schema.
        let tmp = out.join(format!(".{}.tmp", kind.schema_file()));
        let written =
            std::fs::write(&tmp, schema_text(kind)).and_then(|_| std::fs::rename(&tmp, &path));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return usage_error(format!("cannot write `{}`: {e}", path.display()));
        }
        println!("wrote {}", path.display());
    }
    EXIT_OK
}
