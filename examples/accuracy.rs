//! Routing accuracy of a playbook on labelled messages.
//!
//! ```text
//! cargo run --release --example accuracy                      # the Nordlink corpus, both parts
//! cargo run --release --example accuracy -- --misses tune     # and each miss of one part
//! cargo run --release --example accuracy -- --misses pd-tune  # each personal-data miss
//! cargo run --release --example accuracy -- --part tune        # one part only
//! cargo run --release --example accuracy -- -p DIR --corpus CORPUS_DIR
//! ```
//! The tune part is the playbook's own labelled examples (`files.examples`:
//! what the router learns from and the keywords were tuned on), or, for a
//! playbook without any, the corpus directory's `tune/*.jsonl`. The
//! holdout part is the corpus directory's `holdout/*.jsonl`, kept apart to
//! measure on text neither was written for, one labelled message a line:
//! `{"id", "channel", "kind", "text", "true_lang", "true_tags"}`. Beside
//! it, `personal-data/{tune,holdout}.jsonl` holds texts labelled with the
//! kinds of personal data in them: `{"id", "lang", "text", "kinds"}`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use carebook::accuracy::{Labelled, examples_of, measure, read_corpus_dir};
use carebook::router::Router;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut playbook = root.join("accuracy/telecom");
    let mut corpus = root.join("accuracy/routing");
    let mut misses: Option<String> = None;
    // While keywords are tuned, only the tune part is looked at.
    let mut parts = vec!["tune", "holdout"];
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-p" | "--playbook" => playbook = args.next().map(PathBuf::from).unwrap_or(playbook),
            "--corpus" => corpus = args.next().map(PathBuf::from).unwrap_or(corpus),
            "--misses" => misses = args.next(),
            "--part" => match args.next().as_deref() {
                Some("tune") => parts = vec!["tune"],
                Some("holdout") => parts = vec!["holdout"],
                _ => {
                    eprintln!("--part takes `tune` or `holdout`");
                    return ExitCode::from(2);
                }
            },
            other => {
                eprintln!("unknown argument `{other}`; see the example's doc comment");
                return ExitCode::from(2);
            }
        }
    }
    let (router, examples) = match router(&playbook) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    for &part in &parts {
        let read = match part {
            "tune" if !examples.is_empty() => Ok(examples.clone()),
            _ => read_corpus_dir(&corpus.join(part)),
        };
        let messages = match read {
            Ok(m) => m,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        let report = measure(&router, &messages);
        let title = format!("{part}: {} messages", messages.len());
        print!("{}", report.render(&title, misses.as_deref() == Some(part)));
        println!();
    }
    // Personal data: the detector on its own labelled cases.
    for &part in &parts {
        let path = corpus
            .parent()
            .unwrap_or(root)
            .join("personal-data")
            .join(format!("{part}.jsonl"));
        if !path.exists() {
            continue;
        }
        let cases = match carebook::accuracy::read_personal_data(&path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        let report = carebook::accuracy::measure_personal_data(&cases);
        let title = format!("personal data, {part}: {} cases", cases.len());
        let show = misses.as_deref() == Some(&format!("pd-{part}"));
        print!("{}", report.render(&title, show));
        println!();
    }
    ExitCode::SUCCESS
}

/// The playbook's router and its labelled examples.
fn router(dir: &Path) -> Result<(Router, Vec<Labelled>), String> {
    let loaded = carebook::load::load(dir, &Default::default()).map_err(|e| e.to_string())?;
    let pb = loaded.playbook.ok_or_else(|| {
        format!(
            "{} does not load: run `carebook validate` on it",
            dir.display()
        )
    })?;
    let router = Router::new(&carebook::ir::lower(&pb)).map_err(|e| e.to_string())?;
    Ok((router, examples_of(&pb)))
}
