//! `carebook handbook`: print one handbook, the whole team's or one
//! role's, as Markdown or self-contained HTML. `compile` writes them all.

use std::path::PathBuf;

use clap::Args;

use super::{CommandError, Outcome, PlaybookDir, checked_playbook, print};
use crate::compile::handbook::{Format, Renderer};
use crate::load::Playbook;

#[derive(Debug, Args)]
pub struct HandbookArgs {
    #[command(flatten)]
    pub playbook: PlaybookDir,
    /// The role whose handbook to print (an id from empowerment.yaml);
    /// without it, the full handbook of every role.
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: HandbookFormat,
    /// Handbook templates replacing the embedded ones, by file name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HandbookFormat {
    /// Markdown, with a Mermaid diagram.
    Md,
    /// One HTML page with inline styles and drawings, nothing loaded.
    Html,
}

pub fn run(args: HandbookArgs) -> Result<Outcome, CommandError> {
    let checked = checked_playbook(&args.playbook.resolved())?;
    let pb = &checked.playbook;
    // An unknown role is a usage error, told before any rendering.
    if let Some(role) = &args.role {
        known_role(pb, role)?;
    }
    let ir = crate::ir::lower(pb);
    let renderer =
        Renderer::new(pb, &ir, args.templates.as_deref()).map_err(CommandError::usage)?;
    let handbook = match &args.role {
        None => renderer.full(),
        Some(role) => renderer
            .for_role(role)
            .ok_or_else(|| CommandError::Usage(format!("unknown role `{role}`")))?,
    };
    let format = match args.format {
        HandbookFormat::Md => Format::Markdown,
        HandbookFormat::Html => Format::Html,
    };
    let text = renderer
        .render(&handbook, format)
        .map_err(CommandError::usage)?;
    print(&text);
    Ok(Outcome::Clean)
}

/// `role` must be one of the playbook's roles: otherwise a usage error
/// that suggests the closest and lists them.
fn known_role(pb: &Playbook, role: &str) -> Result<(), CommandError> {
    let known: Vec<&str> = pb.roles.iter().map(|r| r.id.as_str()).collect();
    if known.contains(&role) {
        return Ok(());
    }
    let hint = crate::diagnostic::closest(role, known.iter().copied())
        .map(|c| format!("did you mean `{c}`? "))
        .unwrap_or_default();
    let known = if known.is_empty() {
        "the playbook defines no roles".to_string()
    } else {
        format!("known roles: {}", known.join(", "))
    };
    Err(CommandError::Usage(format!(
        "unknown role `{role}`; {hint}{known}"
    )))
}
