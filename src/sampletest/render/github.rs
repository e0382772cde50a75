//! Failing samples as GitHub Actions annotations on the sample's line in
//! the pull request. Paths are relative to the repository root, which is
//! where Actions resolves them from.

use crate::diagnostic::render::{github, repo_position};
use crate::sampletest::Outcome;
use crate::source::Sources;

pub fn render(outcomes: &[Outcome], sources: &Sources) -> String {
    let mut out = String::new();
    for o in outcomes.iter().filter(|o| !o.passed()) {
        let p = repo_position(&o.sample.loc.label(sources), sources);
        out.push_str(&github::command(
            "error",
            &[
                ("file", p.file.as_str()),
                ("line", &p.line.to_string()),
                ("col", &p.column.to_string()),
                ("title", &format!("sample {} failed", o.sample.id)),
            ],
            &super::failure_summary(o),
        ));
    }
    out
}
