//! SARIF 2.1.0: one run whose rules are the whole code registry, so code
//! scanning can show every rule's documentation, and one result per
//! diagnostic. Built with `serde_json`'s ordered maps so the output is the
//! same byte for byte on every run.

use serde_json::{Value, json};

use super::{Position, repo_position};
use crate::diagnostic::{CODES, CodeInfo, Diagnostic, Label, Level};
use crate::source::Sources;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://carebook.dev";

pub fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let rules: Vec<Value> = CODES.iter().map(rule).collect();
    let results: Vec<Value> = diagnostics.iter().map(|d| result(d, sources)).collect();
    document(rules, results)
}

/// The SARIF log around `rules` and `results`; shared with `carebook test`.
pub fn document(rules: Vec<Value>, results: Vec<Value>) -> String {
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "carebook",
                    "informationUri": INFORMATION_URI,
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "results": results,
        }]
    });
    crate::json::pretty(&log)
}

fn rule(info: &CodeInfo) -> Value {
    json!({
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": what_it_does(info.doc).unwrap_or(info.summary)},
        "help": {"text": info.doc, "markdown": info.doc},
        "defaultConfiguration": {"level": info.level.as_str()},
    })
}

/// The "What it does" section of a code's documentation: the paragraph a
/// code-scanning UI shows under the rule's title.
fn what_it_does(doc: &str) -> Option<&str> {
    let start = doc.find("## What it does\n")? + "## What it does\n".len();
    let rest = &doc[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

fn result(d: &Diagnostic, sources: &Sources) -> Value {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut result = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": rule_index(d.code.as_str()),
        "level": level(d.level),
        "message": {"text": text},
    });
    // A problem with the playbook as a whole has nowhere to point; SARIF
    // allows a result without locations.
    if let Some(label) = &d.primary {
        result["locations"] = json!([location(label, sources)]);
    }
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut loc = location(l, sources);
                loc["id"] = json!(i);
                if let Some(message) = &l.message {
                    loc["message"] = json!({"text": message});
                }
                loc
            })
            .collect();
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

fn rule_index(code: &str) -> usize {
    CODES
        .iter()
        .position(|c| c.code == code)
        .expect("every code is in the registry")
}

pub fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
    }
}

/// A SARIF location for a label, its path relative to the repository.
pub fn location(label: &Label, sources: &Sources) -> Value {
    physical(&repo_position(label, sources))
}

pub fn physical(p: &Position) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(&p.file)},
            "region": {
                "startLine": p.line,
                "startColumn": p.column,
                "endLine": p.end_line,
                "endColumn": p.end_column,
            }
        }
    })
}

/// A relative URI reference for a path: RFC 3986 unreserved characters
/// and `/` stay, everything else is percent-encoded, so a space or `#` in
/// a file name cannot break the reference.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_escape_reserved_characters() {
        assert_eq!(super::uri("pb/my tags#1.yaml"), "pb/my%20tags%231.yaml");
        assert_eq!(super::uri("pb/é.yaml"), "pb/%C3%A9.yaml");
    }

    #[test]
    fn full_description_is_the_what_section() {
        let doc = "# X\n\n## What it does\nReports things.\n\n## Why is this bad?\nBecause.\n";
        assert_eq!(super::what_it_does(doc), Some("Reports things."));
    }
}
