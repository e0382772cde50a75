//! The documentation holds, page by page (README.md, BENCHMARKS.md and
//! every docs/*.md):
//!
//! - every `console` example runs, and prints what the page says it
//!   prints. Commands are `carebook ARGS...` (no quoting), run from the
//!   repository root, optionally piped into `head -N` to show the first N
//!   lines of a long output; lines after a `$ ` line are its expected
//!   stdout. A `diff` example runs in a scratch git repository whose
//!   `HEAD~1` holds `playbooks/` and `examples/` as they are, and whose
//!   `HEAD` is that with examples/playbook-change.patch applied;
//! - docs/checks.md is what the diagnostic registry renders
//!   (`UPDATE_DOCS=1 cargo test --test integration docs::` rewrites it);
//! - every relative link leads to a file that exists, and to a heading
//!   that exists in it.

use std::path::{Path, PathBuf};

use crate::common::{root, run};

/// README.md, BENCHMARKS.md, then docs/*.md in name order.
fn pages() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    let mut pages = vec![root().join("README.md"), root().join("BENCHMARKS.md")];
    pages.extend(docs);
    pages
}

/// A page's path from the repository root, for messages.
fn name(page: &Path) -> String {
    page.strip_prefix(root())
        .unwrap_or(page)
        .display()
        .to_string()
}

struct Example {
    line: usize,
    args: Vec<String>,
    /// `| head -N`: only the first N lines are shown.
    head: Option<usize>,
    expected: String,
}

fn examples(page: &str, text: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut fence: Option<String> = None;
    let mut current: Option<Example> = None;
    for (i, line) in text.lines().enumerate() {
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
                                    panic!("{page} line {}: `head -{n}`", i + 1)
                                })),
                            ),
                            None => (command, None),
                        };
                    let mut words = command.split_whitespace().map(String::from);
                    assert_eq!(
                        words.next().as_deref(),
                        Some("carebook"),
                        "{page} line {}: {command}",
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

fn check_examples(page: &Path) -> usize {
    let name = name(page);
    let text = std::fs::read_to_string(page).unwrap();
    let examples = examples(&name, &text);
    for example in &examples {
        // `schema --out schemas` and `compile --out compiled` would rewrite
        // committed files, and `init DIR` would write into the repository;
        // run them in a scratch directory instead (the output names the
        // same paths), with the bundled playbook in reach.
        let writes = (example.args.iter().any(|a| a == "--out")
            && !example.args.iter().any(|a| a == "--check"))
            || example.args.first().is_some_and(|a| a == "init");
        let diffs = example.args.first().is_some_and(|a| a == "diff");
        let out = if diffs {
            let repo = diff_repository();
            let args: Vec<&str> = example.args.iter().map(String::as_str).collect();
            crate::common::run_in(repo.path(), &args, None)
        } else if writes {
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
            "{name} line {}: `carebook {}` prints something else",
            example.line,
            example.args.join(" ")
        );
    }
    examples.len()
}

/// Two commits: the bundled playbook and examples, then the change of
/// examples/playbook-change.patch.
fn diff_repository() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    let git = |args: &[&str]| crate::common::git(repo, args);
    git(&["init", "-q", "-b", "main"]);
    crate::common::copy_dir(&root().join("playbooks"), &repo.join("playbooks"));
    crate::common::copy_dir(&root().join("examples"), &repo.join("examples"));
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "base"]);
    git(&["apply", "examples/playbook-change.patch"]);
    git(&["commit", "-q", "-am", "change"]);
    tmp
}

#[test]
fn readme_examples_are_true() {
    let count = check_examples(&root().join("README.md"));
    assert!(count >= 10, "the README shows every command");
}

#[test]
fn docs_examples_are_true() {
    let mut total = 0;
    for page in pages().into_iter().skip(1) {
        total += check_examples(&page);
    }
    assert!(total >= 20, "the docs show the commands' examples");
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
        name(&path),
        first + 1
    );
}

/// `text` without its inline code spans.
fn without_code_spans(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        let ticks = rest[start..].chars().take_while(|c| *c == '`').count();
        let after = &rest[start + ticks..];
        match after.find(&"`".repeat(ticks)) {
            Some(end) => rest = &after[end + ticks..],
            None => {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The lines of `text` outside fenced code blocks, numbered from 1.
fn prose(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut fence: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let ticks: String = trimmed.chars().take_while(|c| *c == '`').collect();
        match &fence {
            None if ticks.len() >= 3 => fence = Some(ticks),
            Some(open) if trimmed.trim_end() == open => fence = None,
            None => out.push((i + 1, line)),
            Some(_) => {}
        }
    }
    out
}

/// The anchors GitHub gives a page's headings.
fn anchors(text: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut count: std::collections::HashMap<String, usize> = Default::default();
    for (_, line) in prose(text) {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let heading = heading.trim_start_matches('#');
        if !heading.starts_with(' ') {
            continue;
        }
        let slug = carebook::diagnostic::heading_anchor(heading);
        let n = count.entry(slug.clone()).or_insert(0);
        let unique = match *n {
            0 => slug,
            n => format!("{slug}-{n}"),
        };
        *n += 1;
        seen.push(unique);
    }
    seen
}

#[test]
fn links_between_pages_resolve() {
    let mut checked = 0;
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        for (line, prose_line) in prose(&text) {
            let prose_line = without_code_spans(prose_line);
            for (i, _) in prose_line.match_indices("](") {
                let rest = &prose_line[i + 2..];
                let Some(end) = rest.find(')') else { continue };
                let target = &rest[..end];
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (file, anchor) = match target.split_once('#') {
                    Some((file, anchor)) => (file, Some(anchor)),
                    None => (target, None),
                };
                let linked = if file.is_empty() {
                    page.clone()
                } else {
                    page.parent().unwrap().join(file)
                };
                let at = format!("{} line {line}: `{target}`", name(&page));
                assert!(linked.exists(), "{at}: no such file");
                if let Some(anchor) = anchor {
                    let linked_text =
                        std::fs::read_to_string(&linked).unwrap_or_else(|e| panic!("{at}: {e}"));
                    assert!(
                        anchors(&linked_text).iter().any(|a| a == anchor),
                        "{at}: no such heading"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "the pages link to each other");
}
