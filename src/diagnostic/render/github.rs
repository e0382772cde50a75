//! GitHub Actions workflow commands: each diagnostic becomes an annotation
//! on its file and line in the pull request. Paths are relative to the
//! repository root, which is where Actions resolves them from.

use super::repo_position;
use crate::diagnostic::{Diagnostic, Level};
use crate::source::Sources;

pub fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let name = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        let mut props: Vec<(&str, String)> = Vec::new();
        if let Some(label) = &d.primary {
            let p = repo_position(label, sources);
            props.push(("file", p.file));
            props.push(("line", p.line.to_string()));
            props.push(("col", p.column.to_string()));
            props.push(("endLine", p.end_line.to_string()));
            props.push(("endColumn", p.end_column.to_string()));
        }
        props.push(("title", format!("{} {}", d.code, d.code.info().name)));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let props: Vec<(&str, &str)> = props.iter().map(|(k, v)| (*k, v.as_str())).collect();
        out.push_str(&command(name, &props, &message));
    }
    out
}

/// Escaping as the Actions toolkit does for a command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a command's properties, which also reserve `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command line, escaped; shared with `carebook test`.
pub fn command(name: &str, props: &[(&str, &str)], message: &str) -> String {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!("::{name} {}::{}\n", props.join(","), escape_data(message))
}
