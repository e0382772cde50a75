//! JSON Schemas of the playbook files, generated from the model types so
//! editors, the loader and the published `schemas/` agree by construction.

use std::sync::LazyLock;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::model::{
    EmpowermentFile, EscalationFile, FileKind, Manifest, SamplesFile, StaffingFile, TagsFile,
    VoiceFile, ZendeskFile,
};

/// Where the published schemas live; `$id`s point here.
pub const SCHEMA_BASE: &str = "https://carebook.dev/schemas/";

fn generate<T: JsonSchema>(kind: FileKind) -> Value {
    generate_named::<T>(
        &kind.schema_file(),
        &format!("carebook {} file", kind.name()),
    )
}

fn generate_named<T: JsonSchema>(file: &str, title: &str) -> Value {
    let mut value = generate_raw::<T>(file, title);
    drop_null_branches(&mut value);
    value
}

pub(crate) fn generate_raw<T: JsonSchema>(file: &str, title: &str) -> Value {
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
    match kind {
        FileKind::Manifest => generate::<Manifest>(kind),
        FileKind::Voice => generate::<VoiceFile>(kind),
        FileKind::Tags => generate::<TagsFile>(kind),
        FileKind::Escalation => generate::<EscalationFile>(kind),
        FileKind::Empowerment => generate::<EmpowermentFile>(kind),
        FileKind::Staffing => generate::<StaffingFile>(kind),
        FileKind::Samples => generate::<SamplesFile>(kind),
        FileKind::Zendesk => generate::<ZendeskFile>(kind),
    }
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

fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> Option<&'a Value> {
    for _ in 0..32 {
        match node.get("$ref").and_then(Value::as_str) {
            Some(r) => node = root.pointer(r.strip_prefix('#')?)?,
            None => return Some(node),
        }
    }
    None
}
