//! Schema validation of a parsed file: every error, each at the key or
//! value it is about.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Label, closest};
use crate::model::{DURATION_PATTERN, FileKind, ID_PATTERN, MAIL_DOMAIN_PATTERN, TIME_PATTERN};
use crate::schema::{cached_schema, schema_at, validator};
use crate::source::{FileId, SourceFile};

use super::yaml::escape_pointer;

pub fn check(kind: FileKind, file: FileId, source: &SourceFile, value: &Value) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let errors: Vec<_> = validator(kind).iter_errors(value).collect();
    // A misspelt required field shows up twice: as unknown and as missing.
    // The unknown one says it all ("did you mean `first_response`?").
    let misspelt: Vec<(String, String)> = errors
        .iter()
        .filter_map(|e| match e.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let pointer = e.instance_path().as_str().to_string();
                let allowed = allowed_fields(kind, &pointer);
                Some(
                    unexpected
                        .iter()
                        .filter_map(|u| {
                            closest(u, allowed.iter().map(String::as_str))
                                .map(|c| (pointer.clone(), c.to_string()))
                        })
                        .collect::<Vec<_>>(),
                )
            }
            _ => None,
        })
        .flatten()
        .collect();
    for error in errors {
        let pointer = error.instance_path().as_str().to_string();
        let at = |pointer: &str, key: bool| {
            let spans = source.nearest(pointer);
            let span = spans
                .map(|s| {
                    if key {
                        s.key.unwrap_or(s.value)
                    } else {
                        s.value
                    }
                })
                .unwrap_or_default();
            Label::new(file, span)
        };
        let field = last_token(&pointer);
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let allowed = allowed_fields(kind, &pointer);
                for name in unexpected {
                    let child = format!("{pointer}/{}", escape_pointer(name));
                    let mut d = Diagnostic::new(
                        Code::UnknownField,
                        format!(
                            "unknown field `{name}` in {}",
                            describe(kind, &pointer, value)
                        ),
                    )
                    .at(at(&child, true).with_message("not a field here"));
                    let span = source.nearest(&child).and_then(|s| s.key);
                    if let Some(hint) =
                        span.and_then(|s| split_flow_value(&source.text, s.start, name))
                    {
                        out.push(d.help(hint));
                        continue;
                    }
                    d = match closest(name, allowed.iter().map(String::as_str)) {
                        Some(c) => d.help(format!("did you mean `{c}`?")),
                        None if !allowed.is_empty() => {
                            d.help(format!("expected one of: {}", allowed.join(", ")))
                        }
                        None => d,
                    };
                    out.push(d);
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                if misspelt.iter().any(|(p, c)| *p == pointer && c == name) {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        Code::MissingField,
                        format!(
                            "missing field `{name}` in {}",
                            describe(kind, &pointer, value)
                        ),
                    )
                    .at(at(&pointer, true).with_message(format!("needs `{name}`"))),
                );
            }
            ValidationErrorKind::Enum { .. } | ValidationErrorKind::OneOfNotValid { .. }
                if !enum_options(kind, &pointer).is_empty() =>
            {
                let options = enum_options(kind, &pointer);
                let got = scalar_text(error.instance());
                let d = Diagnostic::new(
                    Code::SchemaViolation,
                    format!("`{got}` is not a valid {}", field_name(field)),
                )
                .at(at(&pointer, false).with_message(format!("expected {}", options.join(", "))));
                out.push(match closest(&got, options.iter().map(String::as_str)) {
                    Some(c) => d.help(format!("did you mean `{c}`?")),
                    None => d,
                });
            }
            // YAML reads a bare `112` or `yes` as a number or a boolean
            // where text was meant: say to quote it.
            ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. }
                if matches!(error.instance().as_ref(), Value::Number(_) | Value::Bool(_))
                    && accepts_text(kind, &pointer) =>
            {
                let got = scalar_text(error.instance());
                out.push(
                    Diagnostic::new(
                        Code::SchemaViolation,
                        format!(
                            "{} is {}, where text is expected",
                            field_name(field),
                            type_of(error.instance())
                        ),
                    )
                    .at(at(&pointer, false).with_message("YAML reads this as text only in quotes"))
                    .help(format!("quote it: `\"{got}\"`")),
                );
            }
            ValidationErrorKind::Pattern { pattern } => {
                let got = scalar_text(error.instance());
                let expectation = match pattern.as_str() {
                    ID_PATTERN => "an id: lowercase letters, digits, `-` and `_`, starting with a letter or digit".to_string(),
                    DURATION_PATTERN => "a duration such as `15m`, `4h`, `1h30m`, `2d` or `1bd`".to_string(),
                    TIME_PATTERN => "a time of day `HH:MM` (00:00 to 24:00)".to_string(),
                    MAIL_DOMAIN_PATTERN => "a mail domain such as `nordlink.ee`: lowercase letters, digits, `-` and dots, no `@`".to_string(),
                    other => format!("text matching `{other}`"),
                };
                out.push(
                    Diagnostic::new(
                        Code::SchemaViolation,
                        format!("`{got}` is not a valid {}", field_name(field)),
                    )
                    .at(at(&pointer, false).with_message(format!("expected {expectation}"))),
                );
            }
            ValidationErrorKind::Type { kind: expected } => {
                let expected = match expected {
                    TypeKind::Single(t) => article(&t.to_string()),
                    TypeKind::Multiple(ts) => ts
                        .into_iter()
                        .map(|t| article(&t.to_string()))
                        .collect::<Vec<_>>()
                        .join(" or "),
                };
                out.push(
                    Diagnostic::new(
                        Code::SchemaViolation,
                        format!(
                            "{} should be {expected}, not {}",
                            field_name(field),
                            type_of(error.instance())
                        ),
                    )
                    .at(at(&pointer, false).with_message(format!("expected {expected}"))),
                );
            }
            _ => {
                out.push(
                    Diagnostic::new(
                        Code::SchemaViolation,
                        format!("{}: {}", field_name(field), short(&error.to_string())),
                    )
                    .at(at(&pointer, false)),
                );
            }
        }
    }
    out
}

/// The allowed values of an enumeration at `pointer`: schemars writes
/// documented enum variants as a `oneOf` of `const`s, plain ones as `enum`.
fn enum_options(kind: FileKind, pointer: &str) -> Vec<String> {
    let Some(schema) = schema_at(cached_schema(kind), pointer) else {
        return Vec::new();
    };
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().map(scalar_text).collect();
    }
    let Some(branches) = schema.get("oneOf").and_then(Value::as_array) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for branch in branches {
        if let Some(c) = branch.get("const") {
            out.push(scalar_text(c));
        } else if let Some(values) = branch.get("enum").and_then(Value::as_array) {
            out.extend(values.iter().map(scalar_text));
        } else {
            return Vec::new();
        }
    }
    out
}

/// Whether one of the forms the schema allows at `pointer` is a string.
fn accepts_text(kind: FileKind, pointer: &str) -> bool {
    let Some(schema) = schema_at(cached_schema(kind), pointer) else {
        return false;
    };
    let is_string = |s: &Value| s.get("type").and_then(Value::as_str) == Some("string");
    ["anyOf", "oneOf"].iter().any(|k| {
        schema
            .get(*k)
            .and_then(Value::as_array)
            .is_some_and(|branches| branches.iter().any(is_string))
    })
}

/// The fields the object at `pointer` may have, sorted.
fn allowed_fields(kind: FileKind, pointer: &str) -> Vec<String> {
    let root = cached_schema(kind);
    let mut fields: Vec<String> = schema_at(root, pointer)
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    fields.sort();
    fields
}

/// Names the object at `pointer` as a care team would: `tag \`delay\``
/// for an item with an id, `voice.emoji` for a nested object.
fn describe(kind: FileKind, pointer: &str, document: &Value) -> String {
    if pointer.is_empty() {
        return format!("the {} file", kind.name());
    }
    let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
    if let [.., list, index] = tokens.as_slice()
        && index.bytes().all(|b| b.is_ascii_digit())
    {
        let item = document.pointer(pointer);
        let id = item
            .and_then(|v| {
                v.get("id")
                    .or_else(|| v.get("code"))
                    .or_else(|| v.get("name"))
            })
            .and_then(Value::as_str);
        let singular = singular(list);
        return match id {
            Some(id) => format!("{singular} `{id}`"),
            None => format!(
                "{singular} {} of `{}`",
                index.parse::<usize>().unwrap_or(0) + 1,
                tokens[..tokens.len() - 1].join(".")
            ),
        };
    }
    format!("`{}`", tokens.join("."))
}

fn singular(list: &str) -> String {
    let word = list.replace('_', " ");
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix('s') {
        stem.to_string()
    } else {
        word
    }
}

/// A key with a space, inside `{ }` and after a comma on its line, is the
/// rest of a value that an unquoted comma cut in two:
/// `{en: Sorry, that's frustrating}`. Names the fix instead of a field.
fn split_flow_value(text: &str, key_start: usize, name: &str) -> Option<String> {
    if !name.contains(char::is_whitespace) {
        return None;
    }
    let line_start = text[..key_start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..key_start];
    let open = before.rfind('{')?;
    let comma = before.rfind(',')?;
    if comma < open {
        return None;
    }
    // The value the comma cut: from the `:` before the comma.
    let start = before[..comma].rfind(':').map_or(open + 1, |i| i + 1);
    let head = before[start..comma].trim();
    Some(format!(
        "inside `{{ }}` a comma ends the value: quote a value that holds one, e.g. `\"{head}, {name}\"`"
    ))
}

fn last_token(pointer: &str) -> &str {
    pointer.rsplit('/').next().unwrap_or("")
}

fn field_name(token: &str) -> String {
    if token.is_empty() {
        "the document".to_string()
    } else if token.bytes().all(|b| b.is_ascii_digit()) {
        format!("item {token}")
    } else {
        format!("`{}`", token.replace("~1", "/").replace("~0", "~"))
    }
}

fn article(t: &str) -> String {
    match t {
        "object" => "a mapping".to_string(),
        "array" => "a list".to_string(),
        "integer" => "a whole number".to_string(),
        "null" => "empty".to_string(),
        other => format!("a {other}"),
    }
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "empty",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "null".to_string(),
        other => short(&other.to_string()),
    }
}

fn short(text: &str) -> String {
    const MAX: usize = 120;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}
