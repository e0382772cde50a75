//! The undetectable-tag check (CB311).

use super::Context;
use crate::detect::fold::fold_keyword;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::TagFacts;

pub fn check(cx: &mut Context, facts: &TagFacts) {
    let incident_tags: Vec<&str> = cx.pb.incidents.iter().map(|i| i.tag.as_str()).collect();
    for (i, tag) in cx.pb.tags.iter().enumerate() {
        let d = &tag.detect;
        // The same test lowering applies: a keyword that folds to nothing
        // is dropped there, so it does not make a tag detectable here.
        let detectable = d.keywords.values().flatten().any(|k| {
            fold_keyword(k.rule().text, k.ignores_diacritics(d.ignore_diacritics)).is_some()
        }) || !d.patterns.is_empty();
        if detectable || !facts.children[i].is_empty() || incident_tags.contains(&tag.id.as_str()) {
            continue;
        }
        let label = cx
            .label(&tag.loc.child("id"))
            .with_message("nothing sets this tag");
        cx.push(
            Diagnostic::new(
                Code::TagUndetectable,
                format!(
                    "tag `{}` can never be set: no keywords, patterns, child tags or incident",
                    tag.id
                ),
            )
            .at(label)
            .help("add `detect.keywords` or `detect.patterns`, or remove the tag"),
        );
    }
}
