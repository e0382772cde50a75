//! Semantic checks over a loaded playbook. Each family lives in its own
//! module and reports diagnostics; none of them modifies the playbook.

use crate::diagnostic::Diagnostic;
use crate::load::Playbook;
use crate::source::Sources;

/// Runs every semantic check.
pub fn run(playbook: &Playbook, sources: &Sources) -> Vec<Diagnostic> {
    let _ = (playbook, sources);
    Vec::new()
}
