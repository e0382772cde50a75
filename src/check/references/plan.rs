//! Where in a file references can be: its marked schema compiled down to
//! the fields, lists, maps and alternatives that lead to a mark, so the
//! walk goes only there (not through every keyword and message text).

use std::sync::LazyLock;

use serde_json::Value;

use crate::model::{DEFINES_KEYWORD, FileKind, REF_KEYS_KEYWORD, REF_KEYWORD, RefTarget};
use crate::schema::{marked_schema, resolve};

/// The references in a value of one schema; empty where it has none.
#[derive(Debug, Default)]
pub struct Plan {
    /// The value names items of this kind: one id, or a list of them.
    pub ids: Option<RefTarget>,
    /// The value is a map whose keys name items of this kind.
    pub keys: Option<RefTarget>,
    /// Fields with references, by name.
    pub fields: Vec<(String, Plan)>,
    /// A map's values, when they have references.
    pub values: Option<Box<Plan>>,
    /// A list's items, when they have references.
    pub items: Option<Box<Plan>>,
    /// Alternatives with references, each with the JSON types it admits
    /// (none said: any).
    pub branches: Vec<(Vec<String>, Plan)>,
}

impl Plan {
    /// The plan of a file kind, compiled once per process.
    pub fn of(kind: FileKind) -> &'static Plan {
        static PLANS: LazyLock<Vec<Plan>> = LazyLock::new(|| {
            FileKind::ALL
                .iter()
                .map(|&k| {
                    let root = marked_schema(k);
                    compile(root, root, &mut Vec::new()).unwrap_or_default()
                })
                .collect()
        });
        &PLANS[FileKind::ALL.iter().position(|&k| k == kind).expect("kind")]
    }

    /// Whether an alternative admits `value`, by its JSON type.
    pub fn admits(types: &[String], value: &Value) -> bool {
        let name = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_f64() => "number",
            Value::Number(_) => "integer",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        types.is_empty()
            || types
                .iter()
                .any(|t| t == name || (name == "integer" && t == "number"))
    }

    fn is_empty(&self) -> bool {
        self.ids.is_none()
            && self.keys.is_none()
            && self.fields.is_empty()
            && self.values.is_none()
            && self.items.is_none()
            && self.branches.is_empty()
    }
}

/// The plan of `node`, or `None` when nothing below it is a reference.
/// `within` holds the definitions being compiled: the model has no
/// recursive types, and one would end here rather than loop.
fn compile<'s>(root: &'s Value, node: &'s Value, within: &mut Vec<&'s str>) -> Option<Plan> {
    // Marks on a field come before the marks of its type: a language's
    // `code` defines the language, though `Lang` is a reference.
    let mut node = node;
    let mut entered = 0;
    let plan = loop {
        if node.get(DEFINES_KEYWORD).is_some() {
            break None;
        }
        if let Some(target) = node.get(REF_KEYWORD).and_then(RefTarget::from_keyword) {
            break Some(Plan {
                ids: Some(target),
                ..Plan::default()
            });
        }
        match node.get("$ref").and_then(Value::as_str) {
            Some(def) if within.contains(&def) => break None,
            Some(def) => {
                within.push(def);
                entered += 1;
                match def.strip_prefix('#').and_then(|p| root.pointer(p)) {
                    Some(next) => node = next,
                    None => break None,
                }
            }
            None => break Some(structure(root, node, within)),
        }
    };
    within.truncate(within.len() - entered);
    plan.filter(|p| !p.is_empty())
}

/// The plan of an unmarked schema, from what it contains.
fn structure<'s>(root: &'s Value, node: &'s Value, within: &mut Vec<&'s str>) -> Plan {
    let mut plan = Plan {
        keys: node.get(REF_KEYS_KEYWORD).and_then(RefTarget::from_keyword),
        ..Plan::default()
    };
    for (name, field) in node
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        if let Some(p) = compile(root, field, within) {
            plan.fields.push((name.clone(), p));
        }
    }
    // A map's values: those of its one key pattern (maps by language or
    // by id), or of any key.
    let values = match node.get("patternProperties").and_then(Value::as_object) {
        Some(patterns) => patterns.values().next(),
        None => node.get("additionalProperties").filter(|v| v.is_object()),
    };
    plan.values = values.and_then(|v| compile(root, v, within)).map(Box::new);
    plan.items = node
        .get("items")
        .and_then(|v| compile(root, v, within))
        .map(Box::new);
    for keyword in ["anyOf", "oneOf", "allOf"] {
        for branch in node
            .get(keyword)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(p) = compile(root, branch, within) {
                plan.branches.push((types(root, branch), p));
            }
        }
    }
    plan
}

/// The JSON types a schema admits, as it says them.
fn types(root: &Value, node: &Value) -> Vec<String> {
    match resolve(root, node).and_then(|n| n.get("type")) {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}
