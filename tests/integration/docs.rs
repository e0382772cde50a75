//! The documentation holds:
//!
//! - every `console` example in the README runs, and prints what the
//!   README says it prints. Commands are `carebook ARGS...` (no quoting),
//!   run from the repository root, optionally piped into `head -N` to show
//!   the first N lines of a long output; lines after a `$ ` line are its
//!   expected stdout;
//! - docs/checks.md is what the diagnostic registry renders
//!   (`UPDATE_DOCS=1 cargo test --test integration docs::` rewrites it).

use crate::common::{root, run};

struct Example {
    line: usize,
    args: Vec<String>,
    /// `| head -N`: only the first N lines are shown.
    head: Option<usize>,
    expected: String,
}

fn examples(readme: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut fence: Option<String> = None;
    let mut current: Option<Example> = None;
    for (i, line) in readme.lines().enumerate() {
        match &fence {
            None => {
                let ticks: String = line.chars().take_while(|c| *c == '`').collect();
                if ticks.len() >= 3 && line[ticks.len()..].trim() == "console" {
                    fence = Some(ticks);
                }
            }
            Some(ticks) if line.trim_end() == ticks => {
                out.extend(current.take());
                fence = None;
            }
            Some(_) => {
                if let Some(command) = line.strip_prefix("$ ") {
                    out.extend(current.take());
                    let (command, head) =
                        match command.split_once(" | head -") {
                            Some((command, n)) => (
                                command,
                                Some(n.trim().parse().unwrap_or_else(|_| {
                                    panic!("README line {}: `head -{n}`", i + 1)
                                })),
                            ),
                            None => (command, None),
                        };
                    let mut words = command.split_whitespace().map(String::from);
                    assert_eq!(
                        words.next().as_deref(),
                        Some("carebook"),
                        "README line {}: {command}",
                        i + 1
                    );
                    current = Some(Example {
                        line: i + 1,
                        args: words.collect(),
                        head,
                        expected: String::new(),
                    });
                } else if let Some(example) = current.as_mut() {
                    example.expected.push_str(line);
                    example.expected.push('\n');
                }
            }
        }
    }
    out
}

#[test]
fn readme_examples_are_true() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 5, "the README shows its commands");
    for example in examples {
        // `schema --out schemas` and `compile --out compiled` would rewrite
        // committed files; run them in a scratch directory instead (the
        // output names the same paths), with the bundled playbook in reach.
        let writes = example.args.iter().any(|a| a == "--out")
            && !example.args.iter().any(|a| a == "--check");
        let out = if writes {
            let tmp = tempfile::tempdir().unwrap();
            std::os::unix::fs::symlink(root().join("playbooks"), tmp.path().join("playbooks"))
                .unwrap();
            let args: Vec<&str> = example.args.iter().map(String::as_str).collect();
            crate::common::run_in(tmp.path(), &args, None)
        } else {
            run(&example.args.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let stdout = match example.head {
            Some(n) => out.stdout.split_inclusive('\n').take(n).collect(),
            None => out.stdout,
        };
        assert_eq!(
            stdout,
            example.expected,
            "README line {}: `carebook {}` prints something else",
            example.line,
            example.args.join(" ")
        );
    }
}

#[test]
fn checks_page_is_made_from_the_registry() {
    let path = root().join(carebook::diagnostic::CHECKS_PAGE);
    let page = carebook::diagnostic::checks_page();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &page).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == page {
        return;
    }
    let old: Vec<&str> = committed.lines().collect();
    let new: Vec<&str> = page.lines().collect();
    let first = old
        .iter()
        .zip(&new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len().min(new.len()));
    let mut diff = String::new();
    for line in &old[first.saturating_sub(2)..first] {
        diff.push_str(&format!("  {line}\n"));
    }
    for line in old.iter().skip(first).take(5) {
        diff.push_str(&format!("- {line}\n"));
    }
    for line in new.iter().skip(first).take(5) {
        diff.push_str(&format!("+ {line}\n"));
    }
    panic!(
        "{} is stale from line {} on (- committed, + made from the registry):\n{diff}\
         run `UPDATE_DOCS=1 cargo test --test integration docs::` and commit the result",
        path.strip_prefix(root()).unwrap_or(&path).display(),
        first + 1
    );
}
