//! YAML text → JSON value plus the span of every node, in one parse.
//!
//! Schema validation works on a `serde_json::Value`, and every later check
//! needs to point back into the YAML. Both come out of the same pass here:
//! serde-saphyr reads the document node by node as `Spanned` values
//! (refusing duplicate keys, alias bombs and runaway nesting by its budget),
//! and each node yields its JSON value and a tree of spans that mirrors it.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_saphyr::{Location, Spanned};

use crate::source::{NodeSpans, Span, SpanTree};

/// Why a YAML text could not be read, with where it went wrong.
#[derive(Debug)]
pub struct YamlError {
    pub message: String,
    pub at: Option<Span>,
    /// The parser refused the input by its resource budget (alias
    /// expansion, nesting depth, node count) rather than by syntax.
    pub budget: bool,
}

pub(super) fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
    }
}

/// Parses a YAML document into its JSON value.
///
/// Plain documents, which playbooks are, go through the fast reader of
/// [`super::yaml_fast`]; whatever it declines (tags, anchors, errors,
/// documents near the budget) through serde-saphyr, whose value it
/// reproduces exactly, so errors and their positions stay serde-saphyr's.
pub fn parse(text: &str) -> Result<serde_json::Value, YamlError> {
    if let Some(value) = super::yaml_fast::parse(text) {
        return Ok(value);
    }
    let value: Option<Value> =
        serde_saphyr::from_str_with_options(text, options()).map_err(|e| yaml_error(text, &e))?;
    Ok(value.unwrap_or(Value::Null))
}

/// The spans of every node of a document that [`parse`] accepted, in the
/// shape of its value. A second parse, made only for files that have
/// something to report: the spanned parse costs more than the plain one.
pub fn span_tree(text: &str) -> SpanTree {
    match serde_saphyr::from_str_with_options::<Option<Spanned<Node>>>(text, options()) {
        Ok(Some(root)) => SpanTree {
            spans: NodeSpans {
                key: None,
                value: span_of(&root.referenced),
            },
            children: root.value.children,
        },
        _ => SpanTree::default(),
    }
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
        at: e.location().map(|l| {
            let span = span_of(&l);
            if span == Span::default() && l.line() > 1 {
                // No byte offset: fall back to line and column.
                let start = crate::source::offset_of(text, l.line() as usize, l.column() as usize);
                Span::new(start, start)
            } else {
                span
            }
        }),
        budget,
    }
}

/// The parser's message without its position (the diagnostic carries that)
/// and without advice about parser options users cannot set.
fn clean_message(raw: &str) -> String {
    let mut message = raw.lines().next().unwrap_or(raw).trim().to_string();
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
        let key = rest
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(rest);
        message = format!("duplicate key `{key}` in this mapping");
    }
    message
}

/// Byte span of a location; serde-saphyr reports byte offsets for string input.
fn span_of(loc: &Location) -> Span {
    let span = loc.span();
    match span.byte_offset() {
        Some(start) => {
            let start = start as usize;
            Span::new(start, start + span.byte_len().unwrap_or(0) as usize)
        }
        None => Span::default(),
    }
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn escape_pointer(token: &str) -> String {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1")
    } else {
        token.to_string()
    }
}

/// One YAML node as read: its JSON value and the spans of its children.
struct Node {
    value: Value,
    children: Vec<SpanTree>,
}

impl Node {
    fn leaf(value: Value) -> Self {
        Node {
            value,
            children: Vec::new(),
        }
    }
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
                Ok(Node::leaf(Value::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::leaf(Value::Null))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
                Ok(Node::leaf(Value::Bool(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
                Ok(Node::leaf(Value::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
                Ok(Node::leaf(Value::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
                // JSON has no NaN or infinity; the schema then reports the
                // field as not a number.
                Ok(Node::leaf(
                    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
                ))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
                Ok(Node::leaf(Value::String(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
                Ok(Node::leaf(Value::String(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                let mut children = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<Node>>()? {
                    children.push(SpanTree {
                        spans: NodeSpans {
                            key: None,
                            value: span_of(&item.referenced),
                        },
                        children: item.value.children,
                    });
                    items.push(item.value.value);
                }
                Ok(Node {
                    value: Value::Array(items),
                    children,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = serde_json::Map::new();
                let mut children = Vec::new();
                while let Some(k) = map.next_key::<Spanned<KeyText>>()? {
                    let v = map.next_value::<Spanned<Node>>()?;
                    children.push(SpanTree {
                        spans: NodeSpans {
                            key: Some(span_of(&k.referenced)),
                            value: span_of(&v.referenced),
                        },
                        children: v.value.children,
                    });
                    entries.insert(k.value.0, v.value.value);
                }
                Ok(Node {
                    value: Value::Object(entries),
                    children,
                })
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
        let text = "a: 1\nb:\n  - x\n  - {c: true, d/e: 2}\n";
        let mut doc =
            crate::source::SourceFile::new("t.yaml".into(), text.to_string()).with_spans(span_tree);
        doc.value = parse(text).unwrap();
        assert_eq!(doc.value["b"][1]["c"], Value::Bool(true));
        let n = doc.get("/b/1/c").unwrap();
        assert_eq!(&text[n.key.unwrap().range()], "c");
        assert_eq!(&text[n.value.range()], "true");
        let n = doc.get("/b/0").unwrap();
        assert_eq!(&text[n.value.range()], "x");
        let n = doc.get("/b/1/d~1e").unwrap();
        assert_eq!(&text[n.value.range()], "2");
        assert!(doc.get("/b/7").is_none());
        let n = doc.nearest("/b/1/zzz").unwrap();
        assert_eq!(n, doc.get("/b/1").unwrap());
    }

    #[test]
    fn refuses_duplicate_keys() {
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert!(err.message.contains("duplicate key `a`"), "{}", err.message);
        assert!(err.at.is_some());
    }
}
