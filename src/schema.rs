//! JSON Schemas of the playbook files, generated from the model types so
//! editors, the loader and the published `schemas/` agree by construction.

use std::sync::LazyLock;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::model::{
    EmpowermentFile, EscalationFile, ExamplesFile, FileKind, KEYWORD_PREFIX, Lang, Manifest,
    REF_KEYS_KEYWORD, REF_KEYWORD, SamplesFile, StaffingFile, TagsFile, VoiceFile, ZendeskFile,
};

/// Where the published schemas live; `$id`s point here.
pub const SCHEMA_BASE: &str = "https://carebook.dev/schemas/";

/// A file kind's schema, marks included.
fn generate(kind: FileKind) -> Value {
    let file = kind.schema_file();
    let title = format!("carebook {} file", kind.name());
    match kind {
        FileKind::Manifest => generate_marked::<Manifest>(&file, &title),
        FileKind::Voice => generate_marked::<VoiceFile>(&file, &title),
        FileKind::Tags => generate_marked::<TagsFile>(&file, &title),
        FileKind::Escalation => generate_marked::<EscalationFile>(&file, &title),
        FileKind::Empowerment => generate_marked::<EmpowermentFile>(&file, &title),
        FileKind::Staffing => generate_marked::<StaffingFile>(&file, &title),
        FileKind::Samples => generate_marked::<SamplesFile>(&file, &title),
        FileKind::Examples => generate_marked::<ExamplesFile>(&file, &title),
        FileKind::Zendesk => generate_marked::<ZendeskFile>(&file, &title),
    }
}

/// The schema as published: without carebook's own marks.
pub(crate) fn generate_raw<T: JsonSchema>(file: &str, title: &str) -> Value {
    let mut value = generate_marked::<T>(file, title);
    strip_marks(&mut value);
    value
}

/// The schema with the marks that say which fields are references (see
/// [`crate::model::RefTarget`]).
fn generate_marked<T: JsonSchema>(file: &str, title: &str) -> Value {
    let schema: Schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut value = schema.to_value();
    if let Value::Object(body) = &mut value {
        // Identity first, so the file reads top-down.
        let mut head = serde_json::Map::new();
        body.remove("title");
        if let Some(draft) = body.remove("$schema") {
            head.insert("$schema".into(), draft);
        }
        head.insert("$id".into(), Value::String(format!("{SCHEMA_BASE}{file}")));
        head.insert("title".into(), Value::String(title.to_string()));
        head.append(body);
        *body = head;
    }
    value
}

/// Leaves out the `x-carebook-` keywords. They tell carebook's own checks
/// which fields are references; published, they would be an interface
/// editors do not read and users could come to rely on.
fn strip_marks(value: &mut Value) {
    match value {
        Value::Object(map) => {
            // `retain` keeps the order of the rest, so the published text
            // is what it would be without the marks.
            map.retain(|k, _| !k.starts_with(KEYWORD_PREFIX));
            map.values_mut().for_each(strip_marks);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_marks),
        _ => {}
    }
}

/// Marks the keys of maps keyed by a reference type (`PerLang`, keyed by
/// `Lang`) as references. The map's schema keeps only the key type's
/// pattern, not its marks, so the pattern is how such a map is known.
fn mark_reference_keys(value: &mut Value, key_types: &[(Value, Value)]) {
    match value {
        Value::Object(map) => {
            let target = match map.get("patternProperties").and_then(Value::as_object) {
                Some(patterns) if patterns.len() == 1 => key_types
                    .iter()
                    .find(|(pattern, _)| patterns.keys().any(|p| pattern == p))
                    .map(|(_, target)| target.clone()),
                _ => None,
            };
            if let Some(target) = target {
                map.insert(REF_KEYS_KEYWORD.into(), target);
            }
            map.values_mut()
                .for_each(|v| mark_reference_keys(v, key_types));
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| mark_reference_keys(v, key_types)),
        _ => {}
    }
}

/// The patterns and targets of the reference types a map can be keyed by.
fn reference_key_types() -> Vec<(Value, Value)> {
    let mut generator = SchemaGenerator::default();
    [Lang::json_schema(&mut generator)]
        .iter()
        .filter_map(|schema| {
            Some((
                schema.get("pattern")?.clone(),
                schema.get(REF_KEYWORD)?.clone(),
            ))
        })
        .collect()
}

/// `Option<T>` fields are optional, never null. Without the null branch
/// the schema has no `anyOf`, so a mistake inside an optional object is
/// reported at the exact field instead of as "matches no alternative".
fn drop_null_branches(value: &mut Value) {
    let is_null = |v: &Value| v.get("type").and_then(Value::as_str) == Some("null");
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            let single = match map.get("anyOf") {
                Some(Value::Array(branches))
                    if branches.len() == 2 && branches.iter().any(is_null) =>
                {
                    branches.iter().find(|b| !is_null(b)).cloned()
                }
                _ => None,
            };
            if let Some(Value::Object(branch)) = single {
                map.remove("anyOf");
                for (k, v) in branch {
                    map.entry(k).or_insert(v);
                }
            }
            for v in map.values_mut() {
                drop_null_branches(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null_branches),
        _ => {}
    }
}

/// The JSON Schema (Draft 2020-12) of one file kind.
pub fn schema_for(kind: FileKind) -> Value {
    let mut value = generate(kind);
    // Marks out first: then the rest is exactly what it is without them.
    strip_marks(&mut value);
    drop_null_branches(&mut value);
    value
}

/// The schema of one file kind with the marks of its references: what
/// the unknown-reference check walks a file with.
fn marked_schema_for(kind: FileKind) -> Value {
    let mut value = generate(kind);
    mark_reference_keys(&mut value, &reference_key_types());
    drop_null_branches(&mut value);
    value
}

/// The marked schema of a file kind, built once per process.
pub(crate) fn marked_schema(kind: FileKind) -> &'static Value {
    static SCHEMAS: LazyLock<Vec<Value>> = LazyLock::new(|| {
        FileKind::ALL
            .iter()
            .map(|&k| marked_schema_for(k))
            .collect()
    });
    &SCHEMAS[FileKind::ALL.iter().position(|&k| k == kind).expect("kind")]
}

/// The schema as the file in `schemas/` holds it: pretty JSON, final newline.
pub fn schema_text(kind: FileKind) -> String {
    crate::json::pretty(&schema_for(kind))
}

/// Compiled validators, built once per process.
pub(crate) fn validator(kind: FileKind) -> &'static jsonschema::Validator {
    static VALIDATORS: LazyLock<Vec<(FileKind, Value, jsonschema::Validator)>> =
        LazyLock::new(|| {
            FileKind::ALL
                .iter()
                .map(|&k| {
                    let schema = schema_for(k);
                    let v = jsonschema::options()
                        .with_draft(jsonschema::Draft::Draft202012)
                        .build(&schema)
                        .expect("generated schemas are valid");
                    (k, schema, v)
                })
                .collect()
        });
    &VALIDATORS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .expect("every kind has a validator")
        .2
}

/// The generated schema, for looking up which fields an object may have.
pub(crate) fn cached_schema(kind: FileKind) -> &'static Value {
    static SCHEMAS: LazyLock<Vec<Value>> =
        LazyLock::new(|| FileKind::ALL.iter().map(|&k| schema_for(k)).collect());
    &SCHEMAS[FileKind::ALL.iter().position(|&k| k == kind).expect("kind")]
}

/// The sub-schema that describes the value at `pointer` in a document of
/// this schema, following `$ref`s, `properties`, `items` and
/// `additionalProperties`.
pub(crate) fn schema_at<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    let mut node = resolve(root, root)?;
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        let next = if let Some(p) = node.get("properties").and_then(|p| p.get(&token)) {
            p
        } else if let Some(items) = node.get("items") {
            items
        } else if let Some(p) = node.get("additionalProperties").filter(|v| v.is_object()) {
            p
        } else {
            // Maps keyed by language: one pattern, which the key matched
            // (or the validator would have said so first).
            let patterns = node.get("patternProperties").and_then(Value::as_object)?;
            match patterns.values().collect::<Vec<_>>().as_slice() {
                [only] => *only,
                _ => return None,
            }
        };
        node = resolve(root, next)?;
    }
    Some(node)
}

/// The schema a node stands for, following its `$ref`s.
pub(crate) fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> Option<&'a Value> {
    for _ in 0..32 {
        match node.get("$ref").and_then(Value::as_str) {
            Some(r) => node = root.pointer(r.strip_prefix('#')?)?,
            None => return Some(node),
        }
    }
    None
}
