//! Routing accuracy of a playbook on labelled messages.
//!
//! ```text
//! cargo run --release --example accuracy                      # the Nordlink corpus, both parts
//! cargo run --release --example accuracy -- --misses tune     # and each miss of one part
//! cargo run --release --example accuracy -- --misses pd-tune  # each personal-data miss
//! cargo run --release --example accuracy -- --part tune        # one part only
//! cargo run --release --example accuracy -- -p DIR --corpus CORPUS_DIR
//! cargo run --release --example accuracy -- --folds 5          # cross-validated on the examples
//! cargo run --release --example accuracy -- --folds 5 --keep-at 0.05 --add-at 0.3
//! cargo run --release --example accuracy -- --folds 5 --choose-thresholds
//! ```
//! The tune part is the playbook's own labelled examples (`files.examples`:
//! what the router learns from and the keywords were tuned on), or, for a
//! playbook without any, the corpus directory's `tune/*.jsonl`. The
//! holdout part is the corpus directory's `holdout/*.jsonl`, kept apart to
//! measure on text neither was written for, one labelled message a line:
//! `{"id", "channel", "kind", "text", "true_lang", "true_tags"}`. Beside
//! it, `personal-data/{tune,holdout}.jsonl` holds texts labelled with the
//! kinds of personal data in them: `{"id", "lang", "text", "kinds"}`.
//!
//! `--folds K` measures the learning on the examples alone, without the
//! holdout: each K-th of them is routed by a router that learned from the
//! others. Settings of the learning are chosen on this figure, so the
//! holdout stays a measurement. `--keep-at` and `--add-at` replace the
//! manifest's thresholds for the run, to try others. `--only -x-,-y-`
//! measures only the examples whose ids contain one of these parts (those
//! the keywords were not tuned on), still learning from all the others.
//! `--folds K --choose-thresholds` chooses thresholds per tag
//! (`learning.tags`) on the cross-validated examples and prints them for
//! the manifest, with the figures before and after.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use carebook::accuracy::{Labelled, examples_of, measure, read_corpus_dir};
use carebook::router::Router;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut playbook = root.join("accuracy/telecom");
    let mut corpus = root.join("accuracy/routing");
    let mut misses: Option<String> = None;
    let mut folds: Option<usize> = None;
    let mut trust: [Option<f64>; 2] = [None, None];
    let mut only: Vec<String> = Vec::new();
    let mut choose = false;
    // While keywords are tuned, only the tune part is looked at.
    let mut parts = vec!["tune", "holdout"];
    let mut part_given = false;
    let mut corpus_given = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-p" | "--playbook" => playbook = args.next().map(PathBuf::from).unwrap_or(playbook),
            "--corpus" => {
                corpus_given = true;
                corpus = args.next().map(PathBuf::from).unwrap_or(corpus)
            }
            "--misses" => misses = args.next(),
            "--keep-at" | "--add-at" => {
                let Some(p) = args
                    .next()
                    .and_then(|p| p.parse::<f64>().ok())
                    .filter(|p| (0.0..=1.0).contains(p))
                else {
                    eprintln!("{arg} takes a probability from 0 to 1");
                    return ExitCode::from(2);
                };
                trust[usize::from(arg == "--add-at")] = Some(p);
            }
            "--choose-thresholds" => choose = true,
            "--only" => {
                only = args
                    .next()
                    .map_or_else(Vec::new, |o| o.split(',').map(str::to_string).collect())
            }
            "--folds" => match args.next().and_then(|k| k.parse().ok()) {
                Some(k) if k >= 2 => folds = Some(k),
                _ => {
                    eprintln!("--folds takes a number of at least 2");
                    return ExitCode::from(2);
                }
            },
            "--part" => match args.next().as_deref().inspect(|_| part_given = true) {
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
    // Say so rather than ignore what does not apply.
    if folds.is_some() && (part_given || corpus_given) {
        eprintln!("--folds measures the playbook's examples: --part and --corpus do not apply");
        return ExitCode::from(2);
    }
    if folds.is_none() && !only.is_empty() {
        eprintln!("--only chooses examples to cross-validate: it needs --folds");
        return ExitCode::from(2);
    }
    if choose && (folds.is_none() || trust != [None, None]) {
        eprintln!("--choose-thresholds needs --folds, and chooses from the manifest's thresholds");
        return ExitCode::from(2);
    }
    if let (Some(k), true) = (folds, choose) {
        return match choose_thresholds(&playbook, k, &only) {
            Ok(text) => {
                show(&text);
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        };
    }
    if let Some(k) = folds {
        return match cross_validate(&playbook, k, trust, &only) {
            Ok(report) => {
                let title = format!("{k}-fold cross-validation on the examples");
                show(&report.render(&title, misses.is_some()));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        };
    }
    let (router, examples) = match router(&playbook, trust) {
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
        show(&report.render(&title, misses.as_deref() == Some(part)));
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
        let report = carebook::accuracy::measure_personal_data(&cases, &router);
        let title = format!("personal data, {part}: {} cases", cases.len());
        let listed = misses.as_deref() == Some(&format!("pd-{part}"));
        show(&report.render(&title, listed));
    }
    ExitCode::SUCCESS
}

/// A table and a blank line; a reader that stopped reading (`| head`)
/// is no error.
fn show(table: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{table}");
}

/// Each K-th example (every K-th of each language, so folds are alike)
/// routed by a router that learned from the rest.
fn cross_validate(
    dir: &Path,
    k: usize,
    trust: [Option<f64>; 2],
    only: &[String],
) -> Result<carebook::accuracy::Report, String> {
    let pb = playbook(dir, trust)?;
    let mut total = carebook::accuracy::Report::default();
    for (router, measured) in folds_of(&pb, k, only)? {
        total.merge(measure(&router, &measured));
    }
    Ok(total)
}

/// For each of `k` folds, a router that learned from the other folds'
/// examples, and the fold's own examples (those `only` names) to route.
fn folds_of(
    pb: &carebook::load::Playbook,
    k: usize,
    only: &[String],
) -> Result<Vec<(Router, Vec<Labelled>)>, String> {
    let mut seen: std::collections::HashMap<Option<String>, usize> = Default::default();
    let fold: Vec<usize> = pb
        .examples
        .iter()
        .map(|e| {
            let n = seen
                .entry(e.lang.as_ref().map(|l| l.0.clone()))
                .or_default();
            *n += 1;
            *n % k
        })
        .collect();
    (0..k)
        .map(|f| {
            let (mut learn, mut held) = (pb.clone(), pb.clone());
            learn.examples = pick(&pb.examples, &fold, |x| x != f);
            held.examples = pick(&pb.examples, &fold, |x| x == f);
            let router = Router::new(&carebook::ir::lower(&learn)).map_err(|e| e.to_string())?;
            let mut measured = examples_of(&held);
            if !only.is_empty() {
                measured.retain(|m| only.iter().any(|o| m.id.contains(o.as_str())));
            }
            Ok((router, measured))
        })
        .collect()
}

/// Thresholds per tag chosen on the cross-validated examples: the
/// figures with the manifest's thresholds and with the chosen ones, and
/// the chosen ones as the manifest writes them.
fn choose_thresholds(dir: &Path, k: usize, only: &[String]) -> Result<String, String> {
    use carebook::accuracy::thresholds::{self, Thresholds};
    let pb = playbook(dir, [None, None])?;
    let ir = carebook::ir::lower(&pb);
    if let Some((child, parent)) = thresholds::child_before_parent(&ir) {
        return Err(format!(
            "the playbook lists the learned tag `{child}` before its learned ancestor `{parent}`: list `{parent}` first to choose thresholds"
        ));
    }
    let trust = pb.manifest.value.learning.clone().unwrap_or_default();
    // A router that doubts every keyword tag and adds every tag it may
    // puts each probability on the decision.
    let mut probe = pb.clone();
    let learning = probe
        .manifest
        .value
        .learning
        .get_or_insert_with(Default::default);
    (learning.keep_at, learning.add_at) = (2.0, 0.0);
    learning.tags.clear();
    let mut opinions = Vec::new();
    let mut routed = Vec::new();
    for (router, measured) in folds_of(&probe, k, only)? {
        opinions.extend(thresholds::opinions(&router, &measured));
        routed.extend(measured);
    }
    let taxonomy = carebook::accuracy::Taxonomy::new(&ir, &routed);
    let labels = thresholds::learned_tags(&ir);
    let uniform = Thresholds::uniform(
        labels.iter().map(String::as_str),
        trust.keep_at,
        trust.add_at,
    );
    // The manifest's own thresholds per tag, as lowering resolved them.
    let mut own = uniform.clone();
    for (tag, t) in ir.learning.iter().flat_map(|l| &l.tags) {
        if labels.contains(tag) {
            own.keep_at.insert(tag.clone(), t.keep_at);
            own.add_at.insert(tag.clone(), t.add_at);
        }
    }
    let chosen = thresholds::choose(&opinions, &taxonomy, &uniform);
    let mut out = format!(
        "{k}-fold cross-validation on {} examples\n{:<44} precision    recall harmless! critical missed\n",
        opinions.len(),
        "thresholds"
    );
    for (name, t) in [
        (
            format!(
                "the manifest's {} / {} for every tag",
                trust.keep_at, trust.add_at
            ),
            &uniform,
        ),
        ("the manifest's, with its own per tag".to_string(), &own),
        ("chosen".to_string(), &chosen),
    ] {
        let s = thresholds::score(&opinions, &taxonomy, t);
        out += &format!(
            "{name:<44} {:>8.1}% {:>8.1}% {:>9} {:>15}\n",
            s.precision() * 100.0,
            s.recall() * 100.0,
            s.harmless_critical,
            s.missed_critical
        );
    }
    out += &format!(
        "\nlearning:\n  keep_at: {}\n  add_at: {}\n",
        trust.keep_at, trust.add_at
    );
    let mut tags = String::new();
    for label in &labels {
        let (keep, add) = (chosen.keep_at[label], chosen.add_at[label]);
        let mut fields = Vec::new();
        if keep != trust.keep_at {
            fields.push(format!("keep_at: {keep}"));
        }
        if add != trust.add_at {
            fields.push(format!("add_at: {add}"));
        }
        if !fields.is_empty() {
            tags += &format!("    {label}: {{{}}}\n", fields.join(", "));
        }
    }
    if !tags.is_empty() {
        out += &format!("  tags:\n{tags}");
    }
    Ok(out)
}

fn pick<T: Clone>(all: &[T], fold: &[usize], keep: impl Fn(usize) -> bool) -> Vec<T> {
    all.iter()
        .zip(fold)
        .filter(|&(_, &f)| keep(f))
        .map(|(e, _)| e.clone())
        .collect()
}

/// The playbook, with the thresholds given on the command line.
fn playbook(dir: &Path, trust: [Option<f64>; 2]) -> Result<carebook::load::Playbook, String> {
    let loaded = carebook::load::load(dir, &Default::default()).map_err(|e| e.to_string())?;
    let mut pb = loaded.playbook.ok_or_else(|| {
        format!(
            "{} does not load: run `carebook validate` on it",
            dir.display()
        )
    })?;
    let learning = pb
        .manifest
        .value
        .learning
        .get_or_insert_with(Default::default);
    learning.keep_at = trust[0].unwrap_or(learning.keep_at);
    learning.add_at = trust[1].unwrap_or(learning.add_at);
    Ok(pb)
}

/// The playbook's router and its labelled examples.
fn router(dir: &Path, trust: [Option<f64>; 2]) -> Result<(Router, Vec<Labelled>), String> {
    let pb = playbook(dir, trust)?;
    let router = Router::new(&carebook::ir::lower(&pb)).map_err(|e| e.to_string())?;
    Ok((router, examples_of(&pb)))
}
