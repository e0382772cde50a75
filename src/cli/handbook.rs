//! `carebook handbook`: print one handbook, the whole team's or one
//! role's, as Markdown or self-contained HTML. `compile` writes them all.

use std::path::PathBuf;

use clap::Args;

use super::{EXIT_OK, PlaybookDir, checked_playbook, print, usage_error};
use crate::compile::handbook::{Format, Renderer};

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

pub fn run(args: HandbookArgs) -> i32 {
    let checked = match checked_playbook(&args.playbook.resolved()) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let pb = &checked.playbook;
    // An unknown role is a usage error, told before any rendering.
    if let Some(role) = &args.role
        && !pb.roles.iter().any(|r| r.id.as_str() == role)
    {
        let known: Vec<&str> = pb.roles.iter().map(|r| r.id.as_str()).collect();
        let hint = crate::diagnostic::closest(role, known.iter().copied())
            .map(|c| format!("did you mean `{c}`? "))
            .unwrap_or_default();
        let known = if known.is_empty() {
            "the playbook defines no roles".to_string()
        } else {
            format!("known roles: {}", known.join(", "))
        };
        return usage_error(format_args!("unknown role `{role}`; {hint}{known}"));
    }
    let ir = crate::ir::lower(pb);
    let renderer = match Renderer::new(pb, &ir, args.templates.as_deref()) {
        Ok(r) => r,
        Err(e) => return usage_error(e),
    };
    let handbook = match &args.role {
        None => renderer.full(),
        Some(role) => match renderer.for_role(role) {
            Some(hb) => hb,
            None => return usage_error(format_args!("unknown role `{role}`")),
        },
    };
    let format = match args.format {
        HandbookFormat::Md => Format::Markdown,
        HandbookFormat::Html => Format::Html,
    };
    match renderer.render(&handbook, format) {
        Ok(text) => {
            print(&text);
            EXIT_OK
        }
        Err(e) => usage_error(e),
    }
}
