//! JUnit XML, for CI test-report views. One testsuite per playbook file
//! (in the order the manifest lists them), so a report groups problems the
//! way an author fixes them:
//!
//! - each error is a failing testcase named after its code and position;
//! - each warning is a passing testcase whose `<system-out>` holds the
//!   message (a failure under `--deny-warnings`), since CI views show
//!   skipped tests as "not run", which a warning is not;
//! - a file without errors also gets a passing `valid` testcase, so clean
//!   files show up in the report rather than vanish from it.
//!
//! Problems with the playbook as a whole go in a final `playbook` suite.

use std::fmt::Write as _;

use super::repo_position;
use crate::diagnostic::{Diagnostic, Level};
use crate::source::Sources;
use crate::xml::escape;

struct Case {
    name: String,
    /// The failure message and body, when the case fails.
    failure: Option<(String, String)>,
    output: Option<String>,
}

pub fn render(diagnostics: &[Diagnostic], sources: &Sources, deny_warnings: bool) -> String {
    let mut suites: Vec<(String, Vec<Case>)> = Vec::new();
    for (id, file) in sources.iter() {
        let mine: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.primary.as_ref().map(|l| l.file) == Some(id))
            .collect();
        let name = super::repo::relative(&file.path);
        suites.push((name, cases(&mine, sources, deny_warnings)));
    }
    let global: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.primary.is_none()).collect();
    if !global.is_empty() {
        suites.push(("playbook".into(), cases(&global, sources, deny_warnings)));
    }
    xml(&suites)
}

fn cases(diagnostics: &[&Diagnostic], sources: &Sources, deny_warnings: bool) -> Vec<Case> {
    let mut out: Vec<Case> = diagnostics
        .iter()
        .map(|d| {
            let at = d.primary.as_ref().map(|l| repo_position(l, sources));
            let name = match &at {
                Some(p) => format!(
                    "{} {} at {}:{}",
                    d.code,
                    d.code.info().name,
                    p.line,
                    p.column
                ),
                None => format!("{} {}", d.code, d.code.info().name),
            };
            let mut body = String::new();
            if let Some(p) = &at {
                let _ = writeln!(body, "{}:{}:{}", p.file, p.line, p.column);
            }
            for r in &d.related {
                let p = repo_position(r, sources);
                let _ = write!(body, "related: {}:{}:{}", p.file, p.line, p.column);
                if let Some(m) = &r.message {
                    let _ = write!(body, ": {m}");
                }
                body.push('\n');
            }
            if let Some(help) = &d.help {
                let _ = writeln!(body, "help: {help}");
            }
            let fails = d.level == Level::Error || deny_warnings;
            let message = format!("{}: {}", d.level.as_str(), d.message);
            Case {
                name,
                failure: fails.then(|| (message.clone(), body.clone())),
                output: (!fails).then(|| format!("{message}\n{body}")),
            }
        })
        .collect();
    if !out.iter().any(|c| c.failure.is_some()) {
        out.insert(
            0,
            Case {
                name: "valid".into(),
                failure: None,
                output: None,
            },
        );
    }
    out
}

fn xml(suites: &[(String, Vec<Case>)]) -> String {
    let count = |cases: &[Case]| cases.iter().filter(|c| c.failure.is_some()).count();
    let tests: usize = suites.iter().map(|(_, c)| c.len()).sum();
    let failures: usize = suites.iter().map(|(_, c)| count(c)).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"carebook validate\" tests=\"{tests}\" failures=\"{failures}\">"
    );
    for (name, cases) in suites {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            escape(name),
            cases.len(),
            count(cases)
        );
        for case in cases {
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\"",
                escape(name),
                escape(&case.name)
            );
            if case.failure.is_none() && case.output.is_none() {
                out.push_str("/>\n");
                continue;
            }
            out.push_str(">\n");
            if let Some((message, body)) = &case.failure {
                let _ = writeln!(
                    out,
                    "      <failure message=\"{}\">{}</failure>",
                    escape(message),
                    escape(body)
                );
            }
            if let Some(text) = &case.output {
                let _ = writeln!(out, "      <system-out>{}</system-out>", escape(text));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
