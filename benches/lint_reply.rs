//! lint-reply's cost against the length of the reply, in process (no
//! start-up): replies of 10 KB, 100 KB and 1 MB made of one repeated piece
//! each (URLs, bare domains, mentions, hashtags, e-mail addresses, emoji,
//! card numbers), public and private, on the bundled playbook's voice.
//!
//! ```text
//! cargo bench --bench lint_reply
//! ```
//! Linear cost shows as a constant time per KB down each column.

use std::time::Instant;

use carebook::model::{Id, MessageKind};
use carebook::voice::Reply;
use carebook::voice::lint;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = carebook::load::load(&root.join("playbooks"), &Default::default())
        .expect("the bundled playbook loads");
    let pb = loaded.playbook.expect("the bundled playbook parses");
    let voice = &pb.voice.first().expect("a voice guide").value;
    let channel = &pb
        .manifest
        .channels
        .iter()
        .find(|c| c.id.as_str() == "facebook")
        .expect("facebook channel")
        .clone();
    let tags: Vec<Id> = Vec::new();
    let pieces = [
        "https://example.com ",
        "example.com ",
        "@nordlink ",
        "#outage ",
        "x@y.fi ",
        "😀",
        "👍🏽 ",
        "4111 1111 1111 1111 ",
    ];
    println!(
        "{:<24} {:>6} {:>10} {:>12}",
        "piece", "KB", "ms", "µs per KB"
    );
    for piece in pieces {
        for kb in [10usize, 100, 1000] {
            let text = piece.repeat(kb * 1024 / piece.len());
            for kind in [MessageKind::Public, MessageKind::Private] {
                let reply = Reply {
                    text: &text,
                    lang: "en",
                    channel,
                    kind,
                    tags: &tags,
                    placeholders: None,
                };
                let t = Instant::now();
                let report = lint(voice, &reply);
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                std::hint::black_box(report);
                println!(
                    "{:<24} {:>6} {:>10.1} {:>12.1}  {:?}",
                    piece.trim_end(),
                    kb,
                    ms,
                    ms * 1000.0 / kb as f64,
                    kind
                );
            }
        }
    }
}
