//! Routing accuracy of the Nordlink playbook on its labelled corpus
//! (`accuracy/routing/`), gated. Accuracy is not timing, so a test may hold
//! it: a change to folding, matching or language identification that makes
//! the router decide worse fails here.
//!
//! The tune part is the playbook's labelled examples: what its keywords
//! were written against and what the router learns from; it must meet the
//! targets. The holdout part was written by authors who never saw the
//! playbook and is never read while tuning: its figures say how the
//! approach does on new text, and the floors below are what it measured,
//! so it cannot silently get worse.

use carebook::accuracy::{Figures, Labelled, Report, examples_of, measure, read_corpus_dir};
use carebook::router::Router;

/// The Nordlink router and its labelled examples.
fn nordlink() -> (Router, Vec<Labelled>) {
    let dir = crate::common::root().join("accuracy/telecom");
    let validated = carebook::validate(&dir, &Default::default()).expect("loads");
    assert!(
        validated.diagnostics.is_empty(),
        "accuracy/telecom does not validate clean"
    );
    let pb = validated.valid().expect("the Nordlink playbook is valid");
    let router = Router::new(&carebook::ir::lower(pb)).expect("router");
    (router, examples_of(pb))
}

fn part(name: &str) -> Vec<Labelled> {
    if name == "tune" {
        return nordlink().1;
    }
    read_corpus_dir(&crate::common::root().join("accuracy/routing").join(name))
        .expect("corpus part")
}

fn report(name: &str) -> Report {
    let (router, examples) = nordlink();
    let messages = if name == "tune" { examples } else { part(name) };
    let report = measure(&router, &messages);
    eprintln!("{}", report.render(name, false));
    report
}

fn check(failures: &mut Vec<String>, what: String, value: f64, floor: f64) {
    if value + 1e-9 < floor {
        failures.push(format!(
            "{what}: {:.1}% < {:.1}%",
            100.0 * value,
            100.0 * floor
        ));
    }
}

/// Language identification: 97% on messages of three words or more, 90%
/// on shorter ones, on both parts.
fn language_targets(failures: &mut Vec<String>, t: &Figures) {
    check(
        failures,
        "language, 3+ words".into(),
        t.long_language(),
        0.97,
    );
    check(
        failures,
        "language, <3 words".into(),
        t.short_language(),
        0.90,
    );
}

#[test]
fn the_corpus_is_the_size_the_report_claims() {
    let tune = part("tune");
    let holdout = part("holdout");
    assert!(tune.len() + holdout.len() >= 600);
    let langs: std::collections::BTreeSet<&str> =
        tune.iter().map(|m| m.true_lang.as_str()).collect();
    assert!(langs.len() >= 8, "{langs:?}");
}

#[test]
fn tune_part_meets_the_tag_targets() {
    let r = report("tune");
    let mut failures = Vec::new();
    let t: &Figures = &r.total;
    language_targets(&mut failures, t);
    // The targets: 97% precision and 95% recall, in all and per language.
    check(&mut failures, "tag precision".into(), t.precision(), 0.97);
    check(&mut failures, "tag recall".into(), t.recall(), 0.95);
    for (lang, f) in &r.by_language {
        check(
            &mut failures,
            format!("{lang} precision"),
            f.precision(),
            0.97,
        );
        check(&mut failures, format!("{lang} recall"), f.recall(), 0.95);
    }
    // The target is none, and with thresholds per tag the tune part
    // meets it (see BENCHMARKS.md).
    if t.harmless_critical > 0 {
        failures.push(format!(
            "{} harmless message(s) got a critical tag (was none)",
            t.harmless_critical
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn holdout_part_does_not_get_worse() {
    let r = report("holdout");
    let mut failures = Vec::new();
    let t = &r.total;
    language_targets(&mut failures, t);
    check(
        &mut failures,
        "tag precision".into(),
        t.precision(),
        HOLDOUT_PRECISION,
    );
    check(
        &mut failures,
        "tag recall".into(),
        t.recall(),
        HOLDOUT_RECALL,
    );
    if t.harmless_critical > HOLDOUT_HARMLESS_CRITICAL {
        failures.push(format!(
            "{} harmless message(s) got a critical tag (was {HOLDOUT_HARMLESS_CRITICAL})",
            t.harmless_critical
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What the holdout part measured (BENCHMARKS.md): floors, not targets.
/// The twenty-eighth holdout: 96.4% precision, 97.8% recall, one harmless
/// message tagged critical (the target is none: issue still open).
const HOLDOUT_PRECISION: f64 = 0.95;
const HOLDOUT_RECALL: f64 = 0.97;
const HOLDOUT_HARMLESS_CRITICAL: usize = 1;

fn personal_data(part: &str) -> carebook::accuracy::PersonalDataReport {
    let path = crate::common::root()
        .join("accuracy/personal-data")
        .join(format!("{part}.jsonl"));
    let cases = carebook::accuracy::read_personal_data(&path).expect("cases read");
    assert!(cases.len() >= 100, "{part}: {} cases", cases.len());
    let report = carebook::accuracy::measure_personal_data(&cases, &nordlink().0);
    eprintln!("{}", report.render(part, part == "tune"));
    report
}

#[test]
fn personal_data_tune_part_meets_the_targets() {
    use carebook::accuracy::PersonalDataReport as R;
    let r = personal_data("tune");
    let t = r.total();
    assert!(R::recall(&t) >= 0.99, "recall {:.3}", R::recall(&t));
    assert!(
        R::precision(&t) >= 0.97,
        "precision {:.3}",
        R::precision(&t)
    );
}

#[test]
fn personal_data_holdout_part_does_not_get_worse() {
    use carebook::accuracy::PersonalDataReport as R;
    let r = personal_data("holdout");
    let t = r.total();
    // What it measured (BENCHMARKS.md), the thirty-third holdout, blind:
    // 99.4% precision, 95.5% recall.
    assert!(R::recall(&t) >= 0.95, "recall {:.3}", R::recall(&t));
    assert!(
        R::precision(&t) >= 0.98,
        "precision {:.3}",
        R::precision(&t)
    );
}
