//! A fast reader for the plain YAML that playbooks are made of.
//!
//! serde-saphyr reads a document event by event through its deserializer:
//! it buffers and peeks events, records every mapping key for the
//! duplicate check, keeps a budget, and resolves each scalar through
//! serde's visitor calls. About half of its time on a large playbook is
//! that machinery rather than granit-parser, the event parser underneath.
//! This reader builds the `serde_json::Value` straight from
//! granit-parser's events instead.
//!
//! It has to give exactly the value serde-saphyr gives, so it only reads
//! what it is sure of and gives up (`None`) on everything else, for
//! [`super::yaml::parse`] to hand the text to serde-saphyr: then every
//! error message, position and budget verdict stays serde-saphyr's own.
//! It gives up on
//!
//! - any parser error, and a `%YAML` directive;
//! - more than one document (an error for serde-saphyr);
//! - tags, anchors and aliases (serde-saphyr resolves tags and expands
//!   aliases under limits of its own);
//! - the merge key `<<`, and keys that are mappings or sequences;
//! - keys serde-saphyr refuses or compares differently from their text:
//!   null-like plain keys (an error for a string key) and plain integer
//!   keys not spelled in canonical decimal (`0x1`, `+1`, `01` are
//!   duplicates of `1` there);
//! - two keys of one mapping with the same text (a duplicate key for
//!   serde-saphyr, or two spellings that would overwrite each other);
//! - infinities and NaN (serde-saphyr refuses them in a `Value`);
//! - documents near serde-saphyr's budget: nesting deeper than
//!   [`MAX_DEPTH`], more than [`MAX_NODES`] nodes or [`MAX_SCALAR_BYTES`]
//!   of scalar text.
//!
//! The scalar resolution below follows serde-saphyr 2.1's
//! `deserialize_any` (`de/deserializer.rs`) and its helpers in
//! `parse_scalars.rs` with the options [`super::yaml`] sets (every
//! resolution option at its default): the differential test in this
//! module compares the two readers on every YAML file of the repository
//! and on generated documents.

use std::borrow::Cow;

use granit_parser::{Event, Parser, ScalarStyle};
use serde_json::{Map, Number, Value};

/// Deepest nesting read here; serde-saphyr's budget allows 64, so a
/// document near that limit goes to serde-saphyr, which reports it.
const MAX_DEPTH: usize = 32;
/// Most nodes (scalars and collections) read here; serde-saphyr's budget
/// allows 250,000 nodes and 1,000,000 events (at most two per node).
const MAX_NODES: usize = 200_000;
/// Most scalar text read here; serde-saphyr's budget allows 64 MiB.
const MAX_SCALAR_BYTES: usize = 32 * 1024 * 1024;

/// The parser options serde-saphyr gives granit-parser with the default
/// budget (`Budget::parser_options`), so that both readers accept and
/// refuse the same texts: a looser limit here would let this reader
/// accept a document serde-saphyr's parser refuses.
fn parser_options() -> granit_parser::Options {
    let budget = serde_saphyr::Budget::default();
    let mut options = granit_parser::Options::default();
    options.simple_key_max_lookahead = budget.simple_key_max_lookahead;
    options.flow_nesting_limit = budget.flow_nesting_limit;
    options.block_nesting_limit = options
        .block_nesting_limit
        .max(budget.max_depth.saturating_add(1));
    // Comments carry no data; serde-saphyr is built without them too.
    options.set_emit_comments(false);
    options
}

/// A collection being read.
enum Open {
    Seq(Vec<Value>),
    /// A mapping and, once read, the key waiting for its value.
    Map(Map<String, Value>, Option<String>),
}

/// Reads a one-document YAML text into the value serde-saphyr would give
/// for `Option<Value>` (a missing or null document is `Null`), or `None`
/// when the text holds anything this reader leaves to serde-saphyr.
pub fn parse(text: &str) -> Option<Value> {
    let mut parser = Parser::new_from_str_with_options(text, parser_options());
    // Open collections, innermost last: the explicit stack keeps a deeply
    // nested document from overflowing the call stack.
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Value> = None;
    let mut documents = 0usize;
    let mut nodes = 0usize;
    let mut scalar_bytes = 0usize;

    for item in &mut parser {
        let (event, _span) = item.ok()?;
        let done = match event {
            Event::StreamStart | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::DocumentStart(_, version) => {
                documents += 1;
                if documents > 1 || version.is_some() {
                    return None;
                }
                continue;
            }
            Event::Scalar(text, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                nodes += 1;
                scalar_bytes += text.len();
                if nodes > MAX_NODES || scalar_bytes > MAX_SCALAR_BYTES {
                    return None;
                }
                if let Some(Open::Map(_, key @ None)) = stack.last_mut() {
                    *key = Some(key_text(text, style)?);
                    continue;
                }
                resolve(text, style)?
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                // A collection as a mapping key.
                if let Some(Open::Map(_, None)) = stack.last() {
                    return None;
                }
                nodes += 1;
                if nodes > MAX_NODES || stack.len() >= MAX_DEPTH {
                    return None;
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Open::Seq(Vec::new())
                } else {
                    Open::Map(Map::new(), None)
                });
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Open::Seq(items)) => Value::Array(items),
                _ => return None,
            },
            Event::MappingEnd => match stack.pop() {
                Some(Open::Map(map, None)) => Value::Object(map),
                _ => return None,
            },
            // Aliases, and any event a parser option or feature adds.
            _ => return None,
        };
        match stack.last_mut() {
            None => {
                if root.is_some() {
                    return None;
                }
                root = Some(done);
            }
            Some(Open::Seq(items)) => items.push(done),
            Some(Open::Map(map, key)) => {
                // A key already in the mapping: a duplicate for
                // serde-saphyr, or two spellings of one JSON key.
                if map.insert(key.take()?, done).is_some() {
                    return None;
                }
            }
        }
    }
    if !stack.is_empty() {
        return None;
    }
    Some(root.unwrap_or(Value::Null))
}

/// A mapping key as serde_json's map receives it from serde-saphyr: the
/// scalar's text as written (`1`, `true` and `1.5` stay text), or `None`
/// where serde-saphyr refuses the key or compares it by something other
/// than its text.
fn key_text(text: Cow<'_, str>, style: ScalarStyle) -> Option<String> {
    if text == "<<" {
        return None;
    }
    if style == ScalarStyle::Plain {
        if is_null(&text) {
            return None;
        }
        // serde-saphyr finds duplicate keys among plain integers by their
        // value; only the canonical spelling keeps text and value equal.
        if let Some((negative, magnitude)) = integer_key(&text) {
            let canonical = if negative {
                format!("-{magnitude}")
            } else {
                magnitude.to_string()
            };
            if canonical != text {
                return None;
            }
        }
    }
    Some(text.into_owned())
}

/// The integer identity serde-saphyr gives a plain key
/// (`integer_key_fingerprint`): sign and magnitude.
fn integer_key(text: &str) -> Option<(bool, u128)> {
    let t = yaml_trim(text);
    if t.starts_with('-') {
        let v = parse_int_signed(t)?;
        Some((v < 0, v.unsigned_abs()))
    } else {
        Some((false, parse_int_unsigned(t)?))
    }
}

/// A scalar's value for an untyped target, as serde-saphyr's
/// `deserialize_any` resolves it; `None` for the infinities and NaN,
/// which serde-saphyr refuses there.
fn resolve(text: Cow<'_, str>, style: ScalarStyle) -> Option<Value> {
    // Quoted and block scalars are strings, whatever they spell.
    if style != ScalarStyle::Plain {
        return Some(Value::String(text.into_owned()));
    }
    if is_null(&text) {
        return Some(Value::Null);
    }
    if let Some(b) = parse_yaml11_bool(&text) {
        return Some(Value::Bool(b));
    }
    let t = yaml_trim(&text);
    if t.starts_with('-') {
        if !leading_zero_decimal(t)
            && let Some(v) = parse_int_signed(t).and_then(|v| i64::try_from(v).ok())
        {
            return Some(Value::from(v));
        }
    } else if let Some(v) = parse_int_unsigned(t).and_then(|v| u64::try_from(v).ok()) {
        return Some(Value::from(v));
    }
    if let Some(v) = parse_float_incl_overflow(&text) {
        // A finite float is a JSON number; an infinite or NaN one is an
        // error for serde-saphyr (its non-finite policy is to refuse).
        return Number::from_f64(v).map(Value::Number);
    }
    Some(Value::String(text.into_owned()))
}

// The helpers below are serde-saphyr 2.1's (`parse_scalars.rs`) with
// `legacy_octal_numbers` off, narrowed to what an untyped value needs.

/// Trims the ASCII padding serde-saphyr ignores when resolving a scalar.
fn yaml_trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\r', '\n'])
}

/// Plain null spellings (`scalar_is_nullish`).
fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

/// YAML 1.1 booleans, any case: y, yes, true, on, n, no, false, off.
fn parse_yaml11_bool(s: &str) -> Option<bool> {
    let t = yaml_trim(s);
    let is = |word: &str| t.eq_ignore_ascii_case(word);
    if is("true") || is("yes") || is("y") || is("on") {
        Some(true)
    } else if is("false") || is("no") || is("n") || is("off") {
        Some(false)
    } else {
        None
    }
}

/// A decimal integer with a redundant leading zero (`0127`, `-0127`).
fn leading_zero_decimal(t: &str) -> bool {
    let s = yaml_trim(t);
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Digits in `radix` with single underscores between them; `None` on
/// anything else or on overflow of `u128`.
fn parse_digits(digits: &str, radix: u32) -> Option<u128> {
    let bytes = digits.as_bytes();
    let mut val: u128 = 0;
    let mut saw = false;
    for (i, &b) in bytes.iter().enumerate() {
        let d = match b {
            b'_' => {
                let prev_ok = i > 0 && bytes[i - 1] != b'_';
                let next_ok = bytes.get(i + 1).is_some_and(|&n| n != b'_');
                if !prev_ok || !next_ok {
                    return None;
                }
                continue;
            }
            b'0'..=b'9' => u32::from(b - b'0'),
            b'a'..=b'f' if radix > 10 => 10 + u32::from(b - b'a'),
            b'A'..=b'F' if radix > 10 => 10 + u32::from(b - b'A'),
            _ => return None,
        };
        if d >= radix {
            return None;
        }
        val = val
            .checked_mul(u128::from(radix))?
            .checked_add(u128::from(d))?;
        saw = true;
    }
    saw.then_some(val)
}

/// `0x`, `0o` and `0b` prefixes, else decimal.
fn radix_and_digits(rest: &str) -> (u32, &str) {
    if let Some(r) = rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
        (16, r)
    } else if let Some(r) = rest.strip_prefix("0o").or_else(|| rest.strip_prefix("0O")) {
        (8, r)
    } else if let Some(r) = rest.strip_prefix("0b").or_else(|| rest.strip_prefix("0B")) {
        (2, r)
    } else {
        (10, rest)
    }
}

/// A signed integer as serde-saphyr's `parse_int_signed::<i128>` reads it.
fn parse_int_signed(s: &str) -> Option<i128> {
    let t = yaml_trim(s);
    let (neg, rest) = match t.strip_prefix('+') {
        Some(r) => (false, r),
        None => match t.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, t),
        },
    };
    let (radix, digits) = radix_and_digits(rest);
    if radix == 10 && digits.starts_with('0') && digits != "0" {
        return None;
    }
    let mag = parse_digits(digits, radix)?;
    if neg {
        if mag == i128::MAX.unsigned_abs() + 1 {
            Some(i128::MIN)
        } else {
            i128::try_from(mag).ok()?.checked_neg()
        }
    } else {
        i128::try_from(mag).ok()
    }
}

/// An unsigned integer as serde-saphyr's `parse_int_unsigned::<u128>`
/// reads it.
fn parse_int_unsigned(s: &str) -> Option<u128> {
    let t = yaml_trim(s);
    if t.starts_with('-') {
        return None;
    }
    let rest = t.strip_prefix('+').unwrap_or(t);
    let (radix, digits) = radix_and_digits(rest);
    if radix == 10 && digits.starts_with('0') && digits != "0" {
        return None;
    }
    parse_digits(digits, radix)
}

/// A float as serde-saphyr's `try_parse_float_incl_overflow` reads it:
/// the YAML 1.2 spellings of infinity and NaN, Rust's float syntax for
/// finite values, and a numeral that overflows to infinity.
fn parse_float_incl_overflow(s: &str) -> Option<f64> {
    let t = yaml_trim(s);
    let (negative, unsigned) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    match unsigned {
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        ".inf" | ".Inf" | ".INF" if negative => return Some(f64::NEG_INFINITY),
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        _ => {}
    }
    let parsed = t.parse::<f64>().ok()?;
    if parsed.is_finite() {
        return Some(parsed);
    }
    // Rust also reads `inf` and `nan`; only a numeral that overflows
    // counts, as `1e999`.
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    (unsigned.as_bytes().first().is_some_and(u8::is_ascii_digit) && parsed.is_infinite())
        .then_some(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;

    /// serde-saphyr's reading, as [`super::super::yaml::parse`] makes it,
    /// written out as JSON text: the text also compares key order and
    /// tells `1` from `1.0`, which `Value`'s equality does not.
    fn reference(text: &str) -> Option<String> {
        serde_saphyr::from_str_with_options::<Option<Value>>(text, super::super::yaml::options())
            .ok()
            .map(|v| serde_json::to_string(&v.unwrap_or(Value::Null)).unwrap_or_default())
    }

    /// Whether the fast reader took the text; panics if it took it and
    /// gave anything but serde-saphyr's value (or serde-saphyr refused it).
    fn agrees(text: &str) -> bool {
        let Some(fast) = parse(text) else {
            return false;
        };
        let fast = serde_json::to_string(&fast).unwrap_or_default();
        assert_eq!(
            Some(fast),
            reference(text),
            "the readers differ on {text:?}"
        );
        true
    }

    fn yaml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() {
                if name != "target" && name != ".git" {
                    yaml_files(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }

    /// Every YAML file of the repository: the fixtures with errors in
    /// them may be declined, the playbooks the project ships may not.
    #[test]
    fn agrees_on_every_yaml_file_of_the_repository() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        yaml_files(root, &mut files);
        assert!(files.len() > 100, "found only {} YAML files", files.len());
        let mut taken = 0;
        for path in &files {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue; // the fixture that is not UTF-8
            };
            let rel = path.strip_prefix(root).unwrap_or(path);
            let real = ["playbooks", "accuracy", "src"]
                .iter()
                .any(|top| rel.starts_with(top));
            let took = agrees(&text);
            assert!(took || !real, "declined {}", rel.display());
            taken += usize::from(took);
        }
        assert!(
            taken * 10 > files.len() * 9,
            "took {taken} of {}",
            files.len()
        );
    }

    #[test]
    fn declines_what_it_leaves_to_serde_saphyr() {
        let declined = [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: !custom x\n",
            "!!map {a: 1}\n",
            "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
            "<<: {x: 1}\n",
            "? [a, b]\n: 1\n",
            "? {a: 1}\n: 1\n",
            "a: 1\na: 2\n",
            "a: 1\n'a': 2\n",
            "1: x\n0x1: y\n",
            "+1: x\n",
            "0o1: x\n",
            "-0: x\n",
            "null: 1\n",
            "~: 1\n",
            ": 1\n",
            "a: 1\n---\nb: 2\n",
            "%YAML 1.1\n---\na: 1\n",
            "a: [1, 2\n",
            "a: b: c\n",
            "a: .inf\n",
            "a: -.Inf\n",
            "a: .nan\n",
            "a: 1e999\n",
            "a: \"unterminated\n",
        ];
        for text in declined {
            assert!(!agrees(text), "took {text:?}");
        }
    }

    #[test]
    fn resolves_scalars_as_serde_saphyr_does() {
        let taken = [
            "",
            "# only a comment\n",
            "---\n",
            "---\n...\n",
            "~\n",
            "null\n",
            "plain text\n",
            "'quoted'\n",
            "\u{feff}a: 1\n",
            "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: ''\ng: \"null\"\nh: 'NULL'\n",
            "[yes, no, on, off, y, n, Y, N, true, True, TRUE, false, FALSE, YES, Off, oN, 'yes', \"true\"]\n",
            "[0, 7, -7, +7, 0x1F, 0X1f, 0o17, 0O17, 0b101, -0x10, +0x10, 1_000, -1_000, 0x_1, 1__0, _1, 1_, 007, -007, -0, +0]\n",
            "[18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809, 99999999999999999999999999999999999999999, 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF]\n",
            "[1.5, -2.5e3, .5, 1., 1e5, 1E-3, 1e+3, 6.02e23, 0.0, -0.0, +1.5, 1.0, 1_0.5, inf, nan, NaN, Infinity, -inf, .Inf., 0x1p3]\n",
            "1: a\n-1: b\ntrue: c\n1.5: d\nyes: e\n'0x1': f\n\"01\": g\n",
            "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n\nc: |+\n  kept\n\n",
            "s: \"tab\\tand \\u00e9 \\\" \\\\ \\n\"\nt: 'it''s'\n",
            "héllo: wörld\n日本: 語\nemoji: 🙂 ok\n",
            "a: {b: [1, {c: d}], e: []}\nf: {}\n",
            "- a\n- - b\n  - c\n- d: e\n  f: g\n",
            "a: b # comment\n# between\nc: d\n",
            "a: multi\n  line\n  plain\n",
            "'<<': 1\n",
        ];
        for text in taken {
            let took = agrees(text);
            // The literal merge key spelled quoted is left to serde-saphyr.
            assert!(took || text.starts_with("'<<'"), "declined {text:?}");
        }
    }

    #[test]
    fn declines_deep_nesting_before_the_budget() {
        for depth in [MAX_DEPTH, MAX_DEPTH + 1, 63, 64, 65, 300] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let took = agrees(&text);
            assert_eq!(took, depth <= MAX_DEPTH, "depth {depth}");
            let mut block = String::new();
            for level in 0..depth {
                block.push_str(&" ".repeat(level * 2));
                block.push_str("k:\n");
            }
            // `depth` mappings, the innermost `k:` a null.
            assert_eq!(agrees(&block), depth <= MAX_DEPTH, "block depth {depth}");
        }
    }

    #[test]
    fn declines_more_nodes_than_the_budget_allows() {
        let text = "- 1\n".repeat(MAX_NODES);
        assert!(!agrees(&text));
        let text = "- 1\n".repeat(MAX_NODES - 1);
        assert!(agrees(&text));
    }

    /// One generated YAML node, before it is written out.
    #[derive(Debug, Clone)]
    enum Node {
        Scalar(Scalar),
        Seq(Vec<Node>, bool),
        Map(Vec<(Scalar, Node)>, bool),
    }

    /// A scalar and the style it is written in.
    #[derive(Debug, Clone)]
    enum Scalar {
        Plain(String),
        Single(String),
        Double(String),
        Literal(String, &'static str),
        Folded(String, &'static str),
    }

    const PLAIN: &[&str] = &[
        "0",
        "12",
        "-7",
        "+3",
        "0x1F",
        "0o17",
        "0b101",
        "1_000",
        "007",
        "-007",
        "-0",
        "1.5",
        "-2.5e3",
        ".5",
        "1.",
        "1e5",
        "1e999",
        "-1e999",
        ".inf",
        "-.Inf",
        ".nan",
        "inf",
        "nan",
        "Infinity",
        "99999999999999999999",
        "-99999999999999999999",
        "18446744073709551615",
        "-9223372036854775808",
        "0xFFFFFFFFFFFFFFFFFFFFFFFFFF",
        "1__0",
        "_1",
        "0x_1",
        "6.02e23",
        "0.0",
        "-0.0",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "Y",
        "true",
        "True",
        "TRUE",
        "false",
        "FALSE",
        "Off",
        "null",
        "Null",
        "NULL",
        "~",
        "hello",
        "two words",
        "héllo wörld",
        "日本語",
        "🙂 emoji",
        "a-b",
        "x.y",
        "1.2.3",
        "12:30",
        "2026-01-01",
        "<<",
        "a#b",
        "%",
    ];

    const KEYS: &[&str] = &[
        "a", "b", "id", "name", "tags", "1", "-1", "0x1", "+1", "01", "true", "yes", "null", "~",
        "1.5", "<<", "ключ", "clé", "a b",
    ];

    const TEXTS: &[&str] = &[
        "",
        "x",
        "it's",
        "say \"hi\"",
        "back\\slash",
        "tab\there",
        "line\nbreak",
        "  padded  ",
        "null",
        "123",
        "yes",
        "é 日本 🙂",
        "# not a comment",
        "a: b",
        "- item",
        "trailing ",
    ];

    fn scalar() -> impl Strategy<Value = Scalar> {
        prop_oneof![
            4 => proptest::sample::select(PLAIN).prop_map(|s| Scalar::Plain(s.to_string())),
            1 => proptest::sample::select(TEXTS).prop_map(|s| Scalar::Single(s.to_string())),
            1 => proptest::sample::select(TEXTS).prop_map(|s| Scalar::Double(s.to_string())),
            1 => (proptest::sample::select(TEXTS), proptest::sample::select(&["", "-", "+"][..]))
                .prop_map(|(s, c)| Scalar::Literal(s.to_string(), c)),
            1 => (proptest::sample::select(TEXTS), proptest::sample::select(&["", "-", "+"][..]))
                .prop_map(|(s, c)| Scalar::Folded(s.to_string(), c)),
        ]
    }

    fn key() -> impl Strategy<Value = Scalar> {
        prop_oneof![
            6 => proptest::sample::select(KEYS).prop_map(|s| Scalar::Plain(s.to_string())),
            1 => proptest::sample::select(KEYS).prop_map(|s| Scalar::Single(s.to_string())),
            1 => proptest::sample::select(TEXTS).prop_map(|s| Scalar::Double(s.to_string())),
        ]
    }

    fn node() -> impl Strategy<Value = Node> {
        scalar()
            .prop_map(Node::Scalar)
            .prop_recursive(5, 48, 6, |inner| {
                prop_oneof![
                    (
                        proptest::collection::vec(inner.clone(), 0..6),
                        any::<bool>()
                    )
                        .prop_map(|(items, flow)| Node::Seq(items, flow)),
                    (
                        proptest::collection::vec((key(), inner), 0..6),
                        any::<bool>()
                    )
                        .prop_map(|(entries, flow)| Node::Map(entries, flow)),
                ]
            })
    }

    fn single(s: &str) -> String {
        format!("'{}'", s.replace('\'', "''").replace('\n', "\n\n"))
    }

    fn double(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                'é' => out.push_str("\\u00e9"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    /// A scalar inline; block scalars become double-quoted in flow context
    /// and as keys.
    fn inline(s: &Scalar) -> String {
        match s {
            Scalar::Plain(s) => s.clone(),
            Scalar::Single(s) => single(s),
            Scalar::Double(s) | Scalar::Literal(s, _) | Scalar::Folded(s, _) => double(s),
        }
    }

    /// A scalar after `key:` or `- ` in block context, at `indent`.
    fn block_scalar(s: &Scalar, indent: usize, out: &mut String) {
        let (mark, text, chomp) = match s {
            Scalar::Literal(t, c) => ('|', t, c),
            Scalar::Folded(t, c) => ('>', t, c),
            _ => {
                out.push_str(&inline(s));
                out.push_str(" # note\n");
                return;
            }
        };
        out.push(mark);
        // An explicit indentation indicator keeps leading spaces content.
        out.push('2');
        out.push_str(chomp);
        out.push('\n');
        for line in text.split('\n') {
            if !line.is_empty() {
                out.push_str(&" ".repeat(indent + 2));
                out.push_str(line);
            }
            out.push('\n');
        }
    }

    fn flow(node: &Node, out: &mut String) {
        match node {
            Node::Scalar(s) => out.push_str(&inline(s)),
            Node::Seq(items, _) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    flow(item, out);
                }
                out.push(']');
            }
            Node::Map(entries, _) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&inline(k));
                    out.push_str(": ");
                    flow(v, out);
                }
                out.push('}');
            }
        }
    }

    /// A value after `key:` or `-`: inline, or on the lines below.
    fn value(node: &Node, indent: usize, out: &mut String) {
        match node {
            Node::Scalar(s) => {
                out.push(' ');
                block_scalar(s, indent, out);
            }
            Node::Seq(items, false) if !items.is_empty() => {
                out.push('\n');
                block(node, indent + 2, out);
            }
            Node::Map(entries, false) if !entries.is_empty() => {
                out.push('\n');
                block(node, indent + 2, out);
            }
            _ => {
                out.push(' ');
                flow(node, out);
                out.push('\n');
            }
        }
    }

    fn block(node: &Node, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        match node {
            Node::Seq(items, false) if !items.is_empty() => {
                for item in items {
                    out.push_str(&pad);
                    out.push('-');
                    value(item, indent, out);
                }
            }
            Node::Map(entries, false) if !entries.is_empty() => {
                for (k, v) in entries {
                    out.push_str(&pad);
                    out.push_str(&inline(k));
                    out.push(':');
                    value(v, indent, out);
                }
            }
            Node::Scalar(s) => block_scalar(s, indent, out),
            _ => {
                out.push_str(&pad);
                flow(node, out);
                out.push('\n');
            }
        }
    }

    /// The generator mostly writes documents the fast reader takes, so the
    /// property below compares values rather than watching it decline.
    #[test]
    fn the_generated_documents_are_mostly_taken() {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let (mut taken, mut total) = (0, 0);
        for _ in 0..1000 {
            let Ok(tree) = node().new_tree(&mut runner) else {
                continue;
            };
            let mut text = String::new();
            block(&tree.current(), 0, &mut text);
            total += 1;
            taken += usize::from(agrees(&text));
        }
        println!("taken {taken} of {total}");
        assert!(taken * 2 > total, "taken {taken} of {total}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Whatever the document, the fast reader declines it or reads
        /// exactly serde-saphyr's value.
        #[test]
        fn never_a_different_value(doc in node(), header in prop_oneof![Just(""), Just("---\n"), Just("# top\n")]) {
            let mut text = String::from(header);
            block(&doc, 0, &mut text);
            agrees(&text);
        }
    }
}
