//! `compile`: every output made from one checked playbook and its IR:
//! the routing config, the help-desk exports and the handbooks. Each
//! generator renders into memory; [`output`] then writes the whole set at
//! once, or compares it with what is on disk.

pub mod fidelity;
pub mod handbook;
pub mod output;
pub mod terraform;
pub mod zendesk;

use std::collections::BTreeMap;

use crate::ir::Ir;
use crate::load::Playbook;

/// Everything one compile produces, by path relative to the output
/// directory (`/`-separated).
#[derive(Debug, Default)]
pub struct Compiled {
    pub files: BTreeMap<String, Vec<u8>>,
    /// What a target cannot express exactly.
    pub fidelity: Vec<Fidelity>,
}

impl Compiled {
    pub(crate) fn add(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        let path = path.into();
        let previous = self.files.insert(path.clone(), bytes.into());
        debug_assert!(previous.is_none(), "two generators wrote {path}");
    }

    /// Adds a JSON document: pretty, keys in the order the value holds
    /// them, final newline.
    pub(crate) fn add_json(&mut self, path: impl Into<String>, value: &impl serde::Serialize) {
        self.add(path, crate::json::pretty(value));
    }
}

pub use crate::zendesk::Fidelity;

/// Why a compile could not finish. Nothing is written when it fails.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error("template `{name}`: {message}")]
    Template { name: String, message: String },
    #[error("cannot read templates from `{path}`: {message}")]
    Templates { path: String, message: String },
    #[error("cannot route the sample messages: {0}")]
    Router(#[from] crate::router::RouterError),
}

/// Options that change what is rendered.
#[derive(Debug, Clone, Default)]
pub struct CompileOptions {
    /// Handbook templates that replace the embedded ones, by file name.
    pub templates: Option<std::path::PathBuf>,
}

/// Renders every output of a checked playbook.
pub fn compile(
    playbook: &Playbook,
    ir: &Ir,
    options: &CompileOptions,
) -> Result<Compiled, CompileError> {
    let mut out = Compiled::default();
    out.add("routing.json", ir.to_json());
    let plan = zendesk::export(playbook, ir, &mut out);
    terraform::export(playbook, ir, plan.as_ref(), &mut out);
    handbook::add_to(&mut out, playbook, ir, options)?;
    // By target and object; within an object, in the order found.
    out.fidelity
        .sort_by(|a, b| (a.target, &a.object).cmp(&(b.target, &b.object)));
    Ok(out)
}
