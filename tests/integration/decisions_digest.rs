//! Every field of every decision, pinned: the labelled accuracy messages
//! (9,453 realistic texts in eight languages: the Nordlink playbook's
//! examples, then the holdout corpus) routed through the bundled
//! and the Nordlink playbooks at arrival times spread over two years, as
//! JSON lines, with the trace and in incident mode. The output is long
//! (about 10 MB), so the test keeps its FNV-1a digest.
//!
//! Work on the router's speed must leave this digest alone. A change that
//! means to alter decisions updates the digest, and its commit says which
//! decisions changed and why: `CAREBOOK_DIGEST_OUT=DIR` writes each run's
//! output to DIR, to compare with the same run of the previous revision.

use std::fmt::Write as _;

use crate::common::{root, run_in};

/// FNV-1a, 64-bit: a stable digest that needs no dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The accuracy corpus as messages for a playbook with `channels`: each
/// text on a channel in turn, arriving every 7 h 13 min 17 s from the
/// start of 2026 (so across weekends, nights, holidays and both DST
/// changes), every fifth without its language, every seventh from a VIP
/// and every eleventh from an author with many followers.
fn messages(channels: &[&str]) -> String {
    let mut out = String::new();
    let loaded = carebook::load::load(&root().join("accuracy/telecom"), &Default::default())
        .expect("the Nordlink playbook");
    let pb = loaded.playbook.expect("loads");
    let mut records: Vec<serde_json::Value> = carebook::accuracy::examples_of(&pb)
        .into_iter()
        .map(|e| serde_json::json!({"id": e.id, "kind": e.kind, "text": e.text, "true_lang": e.true_lang}))
        .collect();
    let mut files: Vec<_> = std::fs::read_dir(root().join("accuracy/routing/holdout"))
        .expect("the routing corpus")
        .map(|e| e.expect("an entry").path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a corpus file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            records.push(serde_json::from_str(line).expect("a JSON line"));
        }
    }
    let start = jiff::Timestamp::from_second(1_767_225_600).expect("2026-01-01");
    for (i, record) in records.iter().enumerate() {
        let i = i as i64;
        {
            let at = start
                .checked_add(jiff::SignedDuration::from_secs(i * 26_000))
                .expect("in range");
            let mut message = serde_json::json!({
                "id": record["id"],
                "channel": channels[i as usize % channels.len()],
                "kind": record["kind"],
                "text": record["text"],
                "received_at": at.to_string(),
            });
            if i % 5 != 0 {
                message["lang"] = record["true_lang"].clone();
            }
            if i % 7 == 0 {
                message["author"] = serde_json::json!({"vip": true});
            } else if i % 11 == 0 {
                message["author"] = serde_json::json!({"handle": "@big", "followers": 250_000});
            }
            let _ = writeln!(out, "{message}");
        }
    }
    out
}

fn digest_of(playbook: &str, channels: &[&str], extra: &[&str], label: &str) -> u64 {
    let input = messages(channels);
    let mut args = vec![
        "simulate", "-p", playbook, "-m", "-", "--format", "jsonl", "-q",
    ];
    args.extend_from_slice(extra);
    let out = run_in(&root(), &args, Some(&input));
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().count(),
        14_489,
        "one decision per message"
    );
    if let Some(dir) = std::env::var_os("CAREBOOK_DIGEST_OUT") {
        let path = std::path::Path::new(&dir).join(format!("{label}.jsonl"));
        std::fs::write(&path, &out.stdout).expect("the digest output");
    }
    fnv1a(out.stdout.as_bytes())
}

#[test]
fn decisions_are_unchanged() {
    let bundled = ["x", "facebook", "instagram", "line-jp"];
    let telecom = ["x", "facebook", "instagram"];
    let digests = [
        ("bundled", digest_of("playbooks", &bundled, &[], "bundled")),
        (
            "bundled-explain",
            digest_of("playbooks", &bundled, &["--explain"], "bundled-explain"),
        ),
        (
            "bundled-incident",
            digest_of(
                "playbooks",
                &bundled,
                &["--incident", "winter-storm"],
                "bundled-incident",
            ),
        ),
        (
            "telecom",
            digest_of("accuracy/telecom", &telecom, &[], "telecom"),
        ),
    ];
    let got: Vec<String> = digests
        .iter()
        .map(|(label, d)| format!("{label} {d:016x}"))
        .collect();
    assert_eq!(got, EXPECTED, "decisions changed");
}

const EXPECTED: [&str; 4] = [
    "bundled 9acb55bbb3855f0b",
    "bundled-explain 645c2ea09c1ee040",
    "bundled-incident 5c8f5d3a68f5f4b6",
    "telecom e9ebc08aa7f5ea22",
];

/// The router built for a playbook's samples (handbooks, `test`) scans
/// with another automaton than the one built for streams; every decision,
/// trace included, must be the same.
#[test]
fn a_router_for_samples_decides_as_one_for_streams() {
    use carebook::router::{DecideOptions, Message, Router};
    for (dir, channels) in [
        ("playbooks", &["x", "facebook", "instagram", "line-jp"][..]),
        ("accuracy/telecom", &["x", "facebook", "instagram"][..]),
    ] {
        let validated = carebook::validate(&root().join(dir), &Default::default()).expect(dir);
        let ir = carebook::ir::lower(validated.valid().expect("valid"));
        let (stream, samples) = (
            Router::new(&ir).expect("stream router"),
            Router::for_samples(&ir).expect("samples router"),
        );
        let options = DecideOptions::default();
        let mut compared = 0;
        for line in messages(channels).lines() {
            let message: Message = serde_json::from_str(line).expect("a message");
            let (a, b) = (
                stream.decide(&message, &options),
                samples.decide(&message, &options),
            );
            assert_eq!(
                serde_json::to_string(&a).expect("json"),
                serde_json::to_string(&b).expect("json"),
                "{dir}: {}",
                message.id
            );
            compared += 1;
        }
        assert_eq!(compared, 14_489);
    }
}
