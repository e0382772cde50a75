//! `carebook init [DIR]`: a small starter playbook that validates clean
//! and whose samples pass, to edit rather than write from nothing, with
//! the JSON Schemas its `$schema` lines point at in `DIR/schemas/`: an
//! editor's YAML language server finds them on a machine with nothing
//! else installed.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{CommandError, Outcome};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the playbook; must not exist or be empty.
    #[arg(value_name = "DIR", default_value = "playbooks")]
    pub dir: PathBuf,
}

/// The starter files, embedded so the binary alone is enough.
const FILES: &[(&str, &str)] = &[
    ("carebook.yaml", include_str!("init/carebook.yaml")),
    ("voice.yaml", include_str!("init/voice.yaml")),
    ("tags.yaml", include_str!("init/tags.yaml")),
    ("escalation.yaml", include_str!("init/escalation.yaml")),
    ("empowerment.yaml", include_str!("init/empowerment.yaml")),
    ("staffing.yaml", include_str!("init/staffing.yaml")),
    ("samples.yaml", include_str!("init/samples.yaml")),
];

pub fn run(args: InitArgs) -> Result<Outcome, CommandError> {
    let files = files();
    write(&args.dir, &files).map_err(CommandError::Usage)?;
    for (name, _) in &files {
        println!("created {}", args.dir.join(name).display());
    }
    Ok(Outcome::Clean)
}

/// The starter files, then each file kind's schema under `schemas/`.
fn files() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = FILES
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    out.extend(crate::model::FileKind::ALL.iter().map(|&kind| {
        (
            format!("schemas/{}", kind.schema_file()),
            crate::schema::schema_text(kind),
        )
    }));
    out
}

/// Writes every file or none: into a fresh directory beside `dir`, then
/// moved into place with one rename (or file by file into an existing
/// empty `dir`, after checking that no target exists).
fn write(dir: &Path, files: &[(String, String)]) -> Result<(), String> {
    let shown = dir.display();
    let existing = match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(format!(
                    "`{shown}` exists and is not empty; nothing written"
                ));
            }
            true
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(format!("`{shown}`: {e}")),
    };
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let staging = tempfile_dir(&parent).map_err(|e| format!("`{}`: {e}", parent.display()))?;
    let result = (|| {
        std::fs::create_dir(staging.join("schemas"))
            .map_err(|e| format!("`{}`: {e}", staging.display()))?;
        for (name, text) in files {
            std::fs::write(staging.join(name), text)
                .map_err(|e| format!("`{}`: {e}", staging.join(name).display()))?;
        }
        if existing {
            // An empty directory cannot be replaced by rename everywhere;
            // move the files in, each refusing a target that appeared.
            let top: Vec<&str> = files
                .iter()
                .map(|(name, _)| name.split('/').next().unwrap_or(name))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            for name in &top {
                let target = dir.join(name);
                if target.exists() {
                    return Err(format!("`{}` exists; nothing written", target.display()));
                }
            }
            for name in &top {
                std::fs::rename(staging.join(name), dir.join(name))
                    .map_err(|e| format!("`{}`: {e}", dir.join(name).display()))?;
            }
            Ok(())
        } else {
            std::fs::rename(&staging, dir).map_err(|e| format!("`{shown}`: {e}"))
        }
    })();
    // Whatever is left of the staging directory (all of it on failure).
    let _ = std::fs::remove_dir_all(&staging);
    result
}

/// A new, uniquely named directory in `parent`.
fn tempfile_dir(parent: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(parent)?;
    for n in 0..100u32 {
        let candidate = parent.join(format!(".carebook-init-{}-{n}", std::process::id()));
        match std::fs::create_dir(&candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(
        "no free name for a staging directory",
    ))
}
