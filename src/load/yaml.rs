//! YAML text → JSON value plus a position index, in one parse.
//!
//! Schema validation works on a `serde_json::Value`, and every later check
//! needs to point back into the YAML. Both come out of the same parse here:
//! serde-saphyr reads the document into a tree of `Spanned` nodes (refusing
//! duplicate keys, alias bombs and runaway nesting by its budget), and the
//! tree is then flattened into the value and a JSON-pointer → span index.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Location, Spanned};

use crate::source::{NodeSpans, PositionIndex, Span};

/// A parsed YAML document.
#[derive(Debug)]
pub struct Document {
    pub value: serde_json::Value,
    pub index: PositionIndex,
}

/// Why a YAML text could not be read, with where it went wrong.
#[derive(Debug)]
pub struct YamlError {
    pub message: String,
    pub at: Option<Span>,
    /// The parser refused the input by its resource budget (alias
    /// expansion, nesting depth, node count) rather than by syntax.
    pub budget: bool,
}

pub fn parse(text: &str) -> Result<Document, YamlError> {
    let options = serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
    };
    let root: Option<Spanned<Node>> =
        serde_saphyr::from_str_with_options(text, options).map_err(|e| yaml_error(text, &e))?;
    let mut index = PositionIndex::default();
    let value = match root {
        Some(root) => flatten(text, root, None, String::new(), &mut index),
        None => {
            index.insert(
                String::new(),
                NodeSpans {
                    key: None,
                    value: Span::new(0, 0),
                },
            );
            serde_json::Value::Null
        }
    };
    Ok(Document { value, index })
}

fn yaml_error(text: &str, e: &serde_saphyr::Error) -> YamlError {
    let message = clean_message(&e.without_snippet().to_string());
    let lower = message.to_lowercase();
    let budget = lower.contains("budget")
        || lower.contains("depth")
        || lower.contains("recursion")
        || lower.contains("limit");
    YamlError {
        message,
        at: e.location().map(|l| span_of(text, &l)),
        budget,
    }
}

/// The parser's message without its position (the diagnostic carries that)
/// and without advice about parser options users cannot set.
fn clean_message(raw: &str) -> String {
    let mut message = first_line(raw);
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    if let Some(detail) = message.strip_prefix("budget breached: ") {
        // The parser names the breached limit as a Rust value, `Nodes {
        // nodes: 250001 }`; keep the words and the number.
        let detail: String = detail
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
            .replace('_', " ");
        message = format!(
            "the document exceeds the parser's safety budget ({detail}); aliases that expand exponentially are refused"
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set DuplicateKeyPolicy").next().unwrap_or(rest);
        message = format!("duplicate key `{key}` in this mapping");
    }
    message
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).trim().to_string()
}

/// Byte span of a location. serde-saphyr reports byte offsets for string
/// input; the line/column fallback covers locations that lack them.
fn span_of(text: &str, loc: &Location) -> Span {
    let span = loc.span();
    if let Some(start) = span.byte_offset() {
        let start = (start as usize).min(text.len());
        let len = span.byte_len().unwrap_or(0) as usize;
        let end = (start + len).min(text.len());
        return Span::new(start, end);
    }
    let start = crate::source::offset_of(text, loc.line() as usize, loc.column() as usize);
    Span::new(start, start)
}

fn flatten(
    text: &str,
    node: Spanned<Node>,
    key: Option<Span>,
    pointer: String,
    index: &mut PositionIndex,
) -> serde_json::Value {
    use serde_json::Value;
    let value_span = span_of(text, &node.referenced);
    let value = match node.value {
        Node::Null => Value::Null,
        Node::Bool(b) => Value::Bool(b),
        Node::Int(i) => Value::from(i),
        Node::UInt(u) => Value::from(u),
        Node::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        Node::Str(s) => Value::String(s),
        Node::Seq(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| flatten(text, item, None, format!("{pointer}/{i}"), index))
                .collect(),
        ),
        Node::Map(entries) => {
            let mut map = serde_json::Map::with_capacity(entries.len());
            for (k, v) in entries {
                let key_span = span_of(text, &k.referenced);
                let child = format!("{pointer}/{}", escape_pointer(&k.value.0));
                let value = flatten(text, v, Some(key_span), child, index);
                map.insert(k.value.0, value);
            }
            Value::Object(map)
        }
    };
    index.insert(
        pointer,
        NodeSpans {
            key,
            value: value_span,
        },
    );
    value
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn escape_pointer(token: &str) -> String {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1")
    } else {
        token.to_string()
    }
}

/// A YAML node as read, before flattening.
enum Node {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<KeyText>, Spanned<Node>)>),
}

/// A mapping key: YAML allows any scalar; JSON needs a string.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar mapping key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyText, E> {
                Ok(KeyText("null".to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
                Ok(Node::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
                Ok(Node::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
                Ok(Node::UInt(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
                Ok(Node::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
                Ok(Node::Str(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
                Ok(Node::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<Node>>()? {
                    items.push(item);
                }
                Ok(Node::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some(k) = map.next_key::<Spanned<KeyText>>()? {
                    let v = map.next_value::<Spanned<Node>>()?;
                    entries.push((k, v));
                }
                Ok(Node::Map(entries))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_keys_and_values() {
        let text = "a: 1\nb:\n  - x\n  - {c: true}\n";
        let doc = parse(text).unwrap();
        assert_eq!(doc.value["b"][1]["c"], serde_json::Value::Bool(true));
        let n = doc.index.get("/b/1/c").unwrap();
        assert_eq!(&text[n.key.unwrap().range()], "c");
        assert_eq!(&text[n.value.range()], "true");
        let n = doc.index.get("/b/0").unwrap();
        assert_eq!(&text[n.value.range()], "x");
    }

    #[test]
    fn refuses_duplicate_keys() {
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert!(err.message.to_lowercase().contains("duplicate"), "{}", err.message);
        assert!(err.at.is_some());
    }
}
