//! The common shape of a JSONL message read without serde: one flat
//! object of plain strings (`id`, `channel`, `kind`, `text`,
//! `received_at`, `lang`). Exports from social tools write exactly that,
//! and serde's generic path was a tenth of `simulate`'s time.
//!
//! Anything else — an escape, a nested value, a number, `null`, a
//! repeated or unknown key, text after the object — is not read here, and
//! the caller reads the record with serde, so every record means what
//! serde makes of it (the tests compare the two).

use crate::model::MessageKind;
use crate::router::Message;

/// The message in `line`, or `None` when the line is not of the plain
/// shape (which says nothing about whether it is valid).
pub fn message(line: &str) -> Option<Message> {
    let bytes = line.as_bytes();
    let mut at = skip_space(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at += 1;
    let mut fields: [Option<&str>; 6] = [None; 6];
    loop {
        at = skip_space(bytes, at);
        let (key, next) = plain_string(line, at)?;
        let slot = FIELDS.iter().position(|f| *f == key)?;
        at = skip_space(bytes, next);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        at = skip_space(bytes, at + 1);
        let (value, next) = plain_string(line, at)?;
        if fields[slot].replace(value).is_some() {
            return None;
        }
        at = skip_space(bytes, next);
        match bytes.get(at) {
            Some(b',') => at += 1,
            Some(b'}') => {
                at += 1;
                break;
            }
            _ => return None,
        }
    }
    if skip_space(bytes, at) != bytes.len() {
        return None;
    }
    let [id, channel, kind, text, received_at, lang] = fields;
    Some(Message {
        id: id?.to_string(),
        channel: channel?.to_string(),
        kind: match kind? {
            "public" => MessageKind::Public,
            "private" => MessageKind::Private,
            _ => return None,
        },
        text: text?.to_string(),
        received_at: received_at?.parse().ok()?,
        lang: lang.map(str::to_string),
        author: None,
    })
}

/// The keys read here, in the order of `fields` above.
const FIELDS: [&str; 6] = ["id", "channel", "kind", "text", "received_at", "lang"];

/// JSON's whitespace.
fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// A string at `at` without escapes or control characters, and the
/// offset after its closing quote.
fn plain_string(line: &str, at: usize) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let start = at + 1;
    let len = bytes[start..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
    let end = start + len;
    if bytes[end] != b'"' {
        return None;
    }
    // Both ends are ASCII quotes, so both are character boundaries.
    Some((line.get(start..end)?, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn serde(line: &str) -> Option<Message> {
        serde_json::from_str(line).ok()
    }

    #[test]
    fn the_plain_shape_is_read_as_serde_reads_it() {
        let line = r#"{"id":"m1","channel":"x","kind":"public","text":"Mój lot ✈ 遅延","received_at":"2026-02-10T12:00:00Z","lang":"pl"}"#;
        let read = message(line).expect("the plain shape");
        assert_eq!(Some(read), serde(line));
        let spaced = " { \"id\" : \"m1\" ,\"channel\":\"x\",\n\"kind\":\"private\", \"text\":\"\", \"received_at\":\"2026-02-10T12:00:00+01:00\" } ";
        assert_eq!(message(spaced), serde(spaced));
    }

    #[test]
    fn other_shapes_are_left_to_serde() {
        for line in [
            r#"{"id":"m1","channel":"x","kind":"public","text":"a \"quote\"","received_at":"2026-02-10T12:00:00Z"}"#,
            r#"{"id":"m1","channel":"x","kind":"public","text":"t","received_at":"2026-02-10T12:00:00Z","lang":null}"#,
            r#"{"id":"m1","channel":"x","kind":"public","text":"t","received_at":"2026-02-10T12:00:00Z","author":{"vip":true}}"#,
            r#"{"id":"m1","channel":"x","kind":"public","text":"t","received_at":"2026-02-10T12:00:00Z","source":"export"}"#,
            r#"{"id":"m1","id":"m2","channel":"x","kind":"public","text":"t","received_at":"2026-02-10T12:00:00Z"}"#,
            r#"{"id":"m1","channel":"x","kind":"public","text":"t","received_at":"2026-02-10T12:00:00Z"} trailing"#,
            r#"{"id":"m1","channel":"x","kind":"shouted","text":"t","received_at":"2026-02-10T12:00:00Z"}"#,
            r#"{"id":"m1","channel":"x","kind":"public","received_at":"2026-02-10T12:00:00Z"}"#,
            r#"{"id":"m1","channel":"x","kind":"public","text":"t","received_at":"yesterday"}"#,
            "{\"id\":\"m1\",\"channel\":\"x\",\"kind\":\"public\",\"text\":\"tab\there\",\"received_at\":\"2026-02-10T12:00:00Z\"}",
            r#"{}"#,
            r#"[]"#,
            r#"{"id":"m1",}"#,
        ] {
            assert_eq!(message(line), None, "{line}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Whatever the line, a message read here is the one serde reads.
        #[test]
        fn never_a_different_message(
            id in "[a-z0-9 ]{0,6}",
            text in r#"[a-zA-Z ąé✈遅\\"\t]{0,12}"#,
            at in prop_oneof!["2026-0[1-9]-1[0-9]T1[0-9]:00:00Z", "2026-02-10T12:00:00[+-]0[0-9]:00", "[0-9:TZ-]{0,20}"],
            kind in prop_oneof!["public", "private", "other"],
            lang in proptest::option::of("[a-z]{2}"),
            spaces in "[ \t]{0,2}",
            extra in prop_oneof![Just(""), Just(r#","x":"y""#), Just(r#","author":{"vip":true}"#), Just(r#","id":"again""#)],
        ) {
            let lang = lang.map(|l| format!(r#",{spaces}"lang":"{l}""#)).unwrap_or_default();
            let line = format!(
                r#"{{"id":"{id}",{spaces}"channel":"x","kind":"{kind}","text":"{text}","received_at":"{at}"{lang}{extra}}}"#
            );
            if let Some(read) = message(&line) {
                prop_assert_eq!(Some(read), serde(&line), "{}", line);
            }
        }
    }
}
