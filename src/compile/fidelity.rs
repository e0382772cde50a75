//! The reviewer's copy of what a target cannot express: a Markdown file
//! beside the exports, so the pull request's diff shows when a change
//! makes the export less faithful.

use std::collections::BTreeMap;

use super::Fidelity;

/// `FIDELITY.md`: every warning, grouped by object, in a stable order.
pub fn markdown(playbook: &str, tool: &str, preface: &str, list: &[Fidelity]) -> String {
    let mut by_object: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in list {
        by_object
            .entry(f.object.as_str())
            .or_default()
            .push(f.message.as_str());
    }
    let mut text = format!(
        "# What {tool} does differently from the playbook\n\n\
         Written by `carebook compile` from \"{playbook}\". {preface}\n\n"
    );
    if by_object.is_empty() {
        text.push_str("Nothing: the export does exactly what the playbook says.\n");
        return text;
    }
    text.push_str(&format!(
        "{} differences in {} objects.\n",
        list.len(),
        by_object.len()
    ));
    for (object, messages) in by_object {
        text.push_str(&format!("\n## {object}\n\n"));
        for m in messages {
            text.push_str(&format!("- {m}\n"));
        }
    }
    text
}
