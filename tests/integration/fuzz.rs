//! Fuzz targets on the stable toolchain, driven by proptest: the YAML
//! loader and every check (whole playbook directories, mutated from the
//! bundled and fixture playbooks), the message reader (JSONL, CSV, YAML),
//! the router (any message against the bundled playbook), the reply
//! linter, and the diff of two playbooks. None may panic.
//!
//! `cargo test` runs a short, bounded number of cases per target. A long
//! run is `CAREBOOK_FUZZ_CASES=20000 cargo test --release --test integration fuzz::`
//! (see BENCHMARKS.md, "Fuzzing", for how long each ran and what it found).

use std::io::Cursor;
use std::path::Path;
use std::sync::LazyLock;

use crate::common::{bundled_playbook, copy_dir, fixtures, root};
use carebook::model::{Author, MessageKind};
use carebook::router::{DecideOptions, Message, Router};
use carebook::simulate::input::{InputFormat, Messages};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Cases per target: a few dozen in `cargo test`, as many as asked for
/// in a long run.
fn config(default: u32) -> Config {
    let cases = std::env::var("CAREBOOK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        // Failures are minimised and reported; nothing is written into
        // the repository.
        failure_persistence: None,
        ..Config::default()
    }
}

static ROUTER: LazyLock<Router> =
    LazyLock::new(|| Router::new(&carebook::ir::lower(&bundled_playbook())).unwrap());

/// Text that reaches the interesting paths: any scalar value, and runs of
/// the scripts, marks, digits and separators the detectors care about.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\p{Hiragana}\\p{Katakana}\\p{Han}\\p{Thai}\\p{Latin}\\p{M}0-9 @.+:/\\-]{0,300}",
        "(snow|lost bag|4111 1111 1111 1111|jan@example.pl|090-1234-5678|PL61 1090 1014 0000 0712 1981 2874|https://example.com|欠航|หิมะ|zwrot|\\u{0301}| ){0,40}",
    ]
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn the_router_takes_any_message(
        body in text(),
        channel in prop::sample::select(vec!["x", "facebook", "line-jp", "nosuch", ""]),
        lang in prop::option::of(prop::sample::select(vec!["en", "ja", "th", "pl", "et", "xx"])),
        private in any::<bool>(),
        followers in any::<u64>(),
        vip in any::<bool>(),
        seconds in 0i64..4_000_000_000,
    ) {
        let message = Message {
            id: "fuzz".into(),
            channel: channel.into(),
            kind: if private { MessageKind::Private } else { MessageKind::Public },
            text: body,
            received_at: jiff::Timestamp::from_second(seconds).unwrap(),
            lang: lang.map(String::from),
            author: Some(Author { handle: None, followers, vip }),
        };
        for incident in [None, Some("winter-storm")] {
            let options = DecideOptions { incident, at: None };
            let d = ROUTER.decide(&message, &options);
            prop_assert!(!d.severity.is_empty());
        }
    }

    #[test]
    fn the_reply_linter_takes_any_reply(body in text(), private in any::<bool>()) {
        let pb = bundled_playbook_cached();
        let voice = &pb.voice[0].value;
        for channel in &pb.channels {
            let reply = carebook::voice::Reply {
                text: &body,
                lang: "en",
                channel,
                kind: if private { MessageKind::Private } else { MessageKind::Public },
                tags: &[],
                placeholders: None,
            };
            let report = carebook::voice::lint(voice, &reply);
            prop_assert!(report.length.value as usize <= body.len() * 2 + 64);
        }
    }

    #[test]
    fn the_message_reader_takes_any_bytes(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..2000),
            mutated(seed_messages()),
        ],
        format in prop::sample::select(vec![InputFormat::Jsonl, InputFormat::Csv, InputFormat::Yaml]),
    ) {
        let mut n = 0;
        for record in Messages::new(Cursor::new(bytes), format) {
            if let Ok(m) = record {
                ROUTER.decide(&m, &DecideOptions::default());
            }
            n += 1;
            prop_assert!(n < 100_000);
        }
    }
}

proptest! {
    // Each case loads and checks a whole playbook: fewer of them.
    #![proptest_config(config(16))]

    #[test]
    fn the_loader_and_checks_take_any_playbook(
        (file, bytes) in mutated_file(),
        bundled in any::<bool>(),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("pb");
        let source = if bundled { root().join("playbooks") } else { fixtures().join("base") };
        copy_dir(&source, &dir);
        std::fs::write(dir.join(&file), bytes).unwrap();
        check_all(&dir);
    }

    #[test]
    fn the_diff_takes_any_two_playbooks((file, bytes) in mutated_file()) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("pb");
        copy_dir(&fixtures().join("base"), &dir);
        std::fs::write(dir.join(&file), bytes).unwrap();
        let Ok(loaded) = carebook::load::load(&dir, &Default::default()) else {
            return Ok(());
        };
        let Some(head) = loaded.playbook else { return Ok(()) };
        let errors = carebook::check::run(&head, &loaded.sources)
            .iter()
            .any(|d| d.level == carebook::diagnostic::Level::Error);
        if !errors {
            let base = carebook::load::load(&fixtures().join("base"), &Default::default())
                .unwrap()
                .playbook
                .unwrap();
            let _ = carebook::diff::compare(&base, &head);
            let _ = carebook::diff::compare(&head, &base);
        }
    }
}

fn bundled_playbook_cached() -> &'static carebook::load::Playbook {
    static PB: LazyLock<carebook::load::Playbook> = LazyLock::new(bundled_playbook);
    &PB
}

/// Loads and checks a playbook, and routes its samples when it is valid.
fn check_all(dir: &Path) {
    let Ok(loaded) = carebook::load::load(dir, &Default::default()) else {
        return;
    };
    let Some(pb) = loaded.playbook else { return };
    let diagnostics = carebook::check::run(&pb, &loaded.sources);
    // Rendering points into the sources: spans must be in range.
    let _ = carebook::diagnostic::render::human::render(&diagnostics, &loaded.sources, false);
    if diagnostics
        .iter()
        .all(|d| d.level != carebook::diagnostic::Level::Error)
        && let Ok(router) = Router::new(&carebook::ir::lower(&pb))
    {
        for sample in &pb.samples {
            let m = carebook::sampletest::message_of(&sample.value);
            router.decide(&m, &DecideOptions::default());
        }
    }
}

fn seed_messages() -> Vec<u8> {
    std::fs::read(root().join("examples/messages.jsonl")).unwrap()
}

/// `seed` with a few bytes replaced, inserted or removed, or cut short.
fn mutated(seed: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = seed.len().max(1);
    prop::collection::vec((0..len, any::<u8>(), 0u8..4), 1..8).prop_map(move |edits| {
        let mut bytes = seed.clone();
        for (at, byte, how) in edits {
            let at = at.min(bytes.len());
            match how {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                2 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => bytes.truncate(at),
            }
        }
        bytes
    })
}

/// One of the playbook files, mutated: syntax, shape and values alike.
fn mutated_file() -> impl Strategy<Value = (String, Vec<u8>)> {
    let files = [
        "carebook.yaml",
        "voice.yaml",
        "tags.yaml",
        "escalation.yaml",
        "empowerment.yaml",
        "staffing.yaml",
        "samples.yaml",
    ];
    prop::sample::select(files.to_vec()).prop_flat_map(|name| {
        let seed = std::fs::read(fixtures().join("base").join(name)).unwrap();
        (Just(name.to_string()), mutated(seed))
    })
}
