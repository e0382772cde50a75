//! Handbooks, driving the real binary: the full Markdown handbook of the
//! bundled playbook, role handbooks, self-contained and escaped HTML,
//! playbook text that stays text (in HTML, in Markdown tables, as a
//! template), replacing templates from a directory, and a broken template
//! that leaves the previous outputs as they were.

use std::fs;
use std::path::Path;

use crate::common::{playbook_from, root, run, run_in, tree};

fn bundled() -> String {
    root().join("playbooks").to_string_lossy().into_owned()
}

/// Every file under `dir`, relative path and bytes, sorted.
/// Replaces `from` by `to` in a file of the playbook in `dir`, which must
/// hold `from`.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("pb").join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} holds {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn handbook(dir: &Path, args: &[&str]) -> crate::common::Output {
    let mut all = vec!["handbook", "-p", "pb"];
    all.extend_from_slice(args);
    run_in(dir, &all, None)
}

#[test]
fn full_markdown_handbook() {
    let out = run(&["handbook", "-p", &bundled(), "--format", "md"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    insta::assert_snapshot!("full_markdown_handbook", out.stdout);
}

#[test]
fn compile_writes_the_full_handbook_and_one_per_role() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_string_lossy().into_owned();
    let compiled = run(&["compile", "-p", &bundled(), "--out", &dir]);
    assert_eq!(compiled.status, 0, "{}", compiled.transcript());
    let files: Vec<String> = tree(out.path())
        .into_iter()
        .filter(|(p, content)| content.is_some() && p.starts_with("handbook/"))
        .map(|(p, _)| p)
        .collect();
    let mut expected = vec![
        "handbook/handbook.html".to_string(),
        "handbook/handbook.md".to_string(),
    ];
    for role in [
        "agent",
        "senior-agent",
        "care-lead",
        "social-manager",
        "head-of-care",
        "specialist",
    ] {
        expected.push(format!("handbook/roles/{role}.html"));
        expected.push(format!("handbook/roles/{role}.md"));
    }
    expected.sort();
    assert_eq!(files, expected);

    // `carebook handbook` prints the very bytes `compile` writes.
    let printed = run(&[
        "handbook",
        "-p",
        &bundled(),
        "--role",
        "agent",
        "--format",
        "html",
    ]);
    assert_eq!(printed.status, 0, "{}", printed.transcript());
    assert_eq!(
        printed.stdout,
        fs::read_to_string(out.path().join("handbook/roles/agent.html")).unwrap()
    );
    let full = run(&["handbook", "-p", &bundled()]);
    assert_eq!(
        full.stdout,
        fs::read_to_string(out.path().join("handbook/handbook.md")).unwrap()
    );
}

#[test]
fn a_role_handbook_keeps_to_the_role() {
    let out = run(&["handbook", "-p", &bundled(), "--role", "specialist"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let md = out.stdout;
    assert!(md.starts_with("# Aurora Air care handbook: Specialist (sales, product, marketing)\n"));
    assert!(md.contains("### Specialist (sales, product, marketing) (`specialist`)"));
    assert!(
        !md.contains("### Agent (`agent`)"),
        "other roles' limits stay out"
    );
    // Only the teams with specialists, and a quiz on what they answer.
    assert!(md.contains("### Sales (groups, charters, corporate) (`sales`)"));
    assert!(!md.contains("(`care-manila`)\n"));
    assert!(md.contains("These are the playbook's sample messages that reach your teams"));
    let answer_key = md.split("### Answer key").nth(1).unwrap();
    for queue in ["sales-leads", "product-feedback", "marketing-ugc"] {
        assert!(answer_key.contains(queue), "{queue} in the quiz");
    }
    assert!(!answer_key.contains("incident-desk"));
}

#[test]
fn an_unknown_role_lists_the_known_ones() {
    let out = run(&["handbook", "-p", &bundled(), "--role", "agnet"]);
    assert_eq!(out.status, 2, "{}", out.transcript());
    assert!(out.stdout.is_empty());
    assert_eq!(
        out.stderr,
        "error: unknown role `agnet`; did you mean `agent`? known roles: agent, senior-agent, \
         care-lead, social-manager, head-of-care, specialist\n"
    );
}

/// The value of every `src`, `href` and `url()` reference in `html`.
fn references(html: &str) -> Vec<String> {
    let attr =
        regex::Regex::new(r#"(?i)\b(?:src|href|xlink:href)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))"#)
            .unwrap();
    let url = regex::Regex::new(r#"(?i)url\(\s*['"]?([^'")]*)"#).unwrap();
    let mut found: Vec<String> = attr
        .captures_iter(html)
        .map(|c| {
            c.get(2)
                .or(c.get(3))
                .or(c.get(4))
                .map_or(String::new(), |m| m.as_str().to_string())
        })
        .collect();
    found.extend(url.captures_iter(html).map(|c| c[1].to_string()));
    found
}

/// Fails on anything that would run or load from outside the page.
fn assert_self_contained(name: &str, html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "{name}: a script");
    assert!(!lower.contains("@import"), "{name}: an @import");
    for value in references(html) {
        assert!(
            value.starts_with("data:") || value.starts_with('#'),
            "{name}: loads `{value}`"
        );
    }
    assert!(
        html.contains(
            r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#
        ),
        "{name}: the policy that makes any load a console error"
    );
}

#[test]
fn every_html_handbook_is_self_contained() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_string_lossy().into_owned();
    assert_eq!(run(&["compile", "-p", &bundled(), "--out", &dir]).status, 0);
    let mut pages = 0;
    for (path, bytes) in tree(out.path()) {
        if let (true, Some(bytes)) = (path.ends_with(".html"), bytes) {
            let html = String::from_utf8(bytes).unwrap();
            assert_self_contained(&path, &html);
            assert!(
                html.contains("<svg"),
                "{path}: the routing diagram is inline"
            );
            assert!(html.contains("@media print"), "{path}: print styles");
            pages += 1;
        }
    }
    // The full handbook and one per role of the bundled playbook.
    assert_eq!(pages, 7);
    // The check itself catches what it should.
    for bad in [
        r#"<img src="https://example.com/a.png">"#,
        r#"<link rel="stylesheet" href="//cdn.example/x.css">"#,
        r#"<div style="background: url('https://example.com/b.png')">"#,
        r#"<style>@import "x.css";</style>"#,
        "<SCRIPT>alert(1)</SCRIPT>",
    ] {
        let page = format!(
            r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">{bad}"#
        );
        let caught = std::panic::catch_unwind(|| assert_self_contained("bad", &page));
        assert!(caught.is_err(), "not caught: {bad}");
    }
}

#[test]
fn playbook_text_is_escaped_in_html_and_inert_in_markdown() {
    let dir = playbook_from(None);
    edit(
        dir.path(),
        "tags.yaml",
        "description: The service is down.",
        r#"description: "<script>alert(1)</script> & <b>bold</b>""#,
    );
    let html = handbook(dir.path(), &["--format", "html"]);
    assert_eq!(html.status, 0, "{}", html.transcript());
    assert_self_contained("fixture", &html.stdout);
    assert!(!html.stdout.contains("<script>alert(1)</script>"));
    assert!(!html.stdout.contains("<b>bold</b>"));
    assert!(
        html.stdout.contains(
            "&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; &lt;b&gt;bold&lt;&#x2f;b&gt;"
        ),
        "shown as text"
    );

    let md = handbook(dir.path(), &[]);
    assert_eq!(md.status, 0, "{}", md.transcript());
    assert!(
        md.stdout
            .contains(r"\<script\>alert(1)\</script\> \& \<b\>bold\</b\>")
    );
    assert!(!md.stdout.contains("<script>"));
}

#[test]
fn playbook_text_is_never_a_template() {
    let dir = playbook_from(None);
    edit(
        dir.path(),
        "tags.yaml",
        "description: The service is down.",
        r#"description: "{{ brand }} {% for x in range(2) %}again{% endfor %}""#,
    );
    for format in ["md", "html"] {
        let out = handbook(dir.path(), &["--format", format]);
        assert_eq!(out.status, 0, "{}", out.transcript());
        assert!(
            out.stdout
                .contains("{{ brand }} {% for x in range(2) %}again{% endfor %}"),
            "{format}"
        );
        assert!(!out.stdout.contains("againagain"), "{format}: evaluated");
        assert!(!out.stdout.contains("Fixture Co {%"), "{format}: evaluated");
    }
}

#[test]
fn macro_placeholders_are_printed_as_written() {
    let dir = playbook_from(None);
    let md = handbook(dir.path(), &[]);
    assert_eq!(md.status, 0, "{}", md.transcript());
    assert!(
        md.stdout
            .contains("> Hi {{first_name}}, sorry for the wait. We're on it. ^{{initials}}\n"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("- {{first_name}} (at most 30 characters): Customer's first name\n")
    );
    let html = handbook(dir.path(), &["--format", "html"]);
    assert!(
        html.stdout
            .contains("Hi {{first_name}}, sorry for the wait. We&#x27;re on it. ^{{initials}}")
    );
}

/// The cells of a Markdown table row: `|` not escaped by a backslash.
fn cells(row: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    count
}

/// Every Markdown table in `md` has as many cells in each row as in its
/// header.
fn assert_tables_hold(md: &str) -> usize {
    let mut tables = 0;
    let mut header: Option<usize> = None;
    for line in md.lines() {
        if line.starts_with('|') {
            match header {
                None => {
                    header = Some(cells(line));
                    tables += 1;
                }
                Some(n) => assert_eq!(cells(line), n, "row breaks its table: {line}"),
            }
        } else {
            header = None;
        }
    }
    tables
}

#[test]
fn pipes_and_line_breaks_in_playbook_text_keep_markdown_tables_whole() {
    let dir = playbook_from(None);
    edit(
        dir.path(),
        "tags.yaml",
        "label: {en: Outage}",
        r#"label: {en: "Out | age"}"#,
    );
    edit(
        dir.path(),
        "escalation.yaml",
        "name: Dublin office",
        "name: \"Dublin | office\\n| second line |\"",
    );
    edit(
        dir.path(),
        "empowerment.yaml",
        "actions: [Issue a goodwill voucher]",
        "actions: [Issue a goodwill voucher]\n    approvals:\n      - {action: \"Refund | rebook\\nover two lines\", from: lead}",
    );
    let out = handbook(dir.path(), &[]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let md = out.stdout;
    assert!(md.contains(r"Out \| age"));
    assert!(md.contains(r"Dublin \| office<br>\| second line \|"));
    assert!(md.contains(r"| Refund \| rebook<br>over two lines | Lead | always |"));
    assert!(assert_tables_hold(&md) >= 8);
    // The bundled playbook's handbook too.
    let full = run(&["handbook", "-p", &bundled()]);
    assert!(assert_tables_hold(&full.stdout) >= 40);
}

#[test]
fn templates_from_a_directory_replace_the_embedded_ones_by_name() {
    let dir = playbook_from(None);
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(
        templates.join("quiz.md"),
        "## Our own quiz\n\n{{ quiz.questions|length }} questions for {{ brand|md }}.\n",
    )
    .unwrap();
    fs::write(
        templates.join("voice.html"),
        "<section id=\"brand-voice\"><h2>Voice, our way</h2><p>{{ voice.summary }}</p></section>\n",
    )
    .unwrap();
    let md = handbook(dir.path(), &["--templates", "templates"]);
    assert_eq!(md.status, 0, "{}", md.transcript());
    assert!(
        md.stdout
            .contains("## Our own quiz\n\n1 questions for Fixture Co.\n")
    );
    assert!(
        md.stdout.contains("## Brand voice"),
        "the others stay embedded"
    );
    assert!(!md.stdout.contains("### Answer key"));

    let html = handbook(
        dir.path(),
        &["--format", "html", "--templates", "templates"],
    );
    assert_eq!(html.status, 0, "{}", html.transcript());
    assert!(
        html.stdout
            .contains("<h2>Voice, our way</h2><p>Friendly and brief.</p>")
    );
    assert!(
        html.stdout.contains("<h2>Quiz</h2>"),
        "the embedded quiz.html"
    );

    // compile takes the same directory.
    let out = dir.path().join("out");
    let compiled = run_in(
        dir.path(),
        &[
            "compile",
            "-p",
            "pb",
            "--out",
            "out",
            "--templates",
            "templates",
        ],
        None,
    );
    assert_eq!(compiled.status, 0, "{}", compiled.transcript());
    let written = fs::read_to_string(out.join("handbook/handbook.md")).unwrap();
    assert_eq!(written, md.stdout);

    let missing = handbook(dir.path(), &["--templates", "no-such-dir"]);
    assert_eq!(missing.status, 2, "{}", missing.transcript());
    assert!(
        missing
            .stderr
            .starts_with("error: cannot read templates from `no-such-dir`: "),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_broken_template_leaves_the_previous_outputs_as_they_were() {
    let dir = playbook_from(None);
    let first = run_in(dir.path(), &["compile", "-p", "pb", "--out", "out"], None);
    assert_eq!(first.status, 0, "{}", first.transcript());
    // Something for the next compile to change, so it would write.
    edit(
        dir.path(),
        "tags.yaml",
        "description: The service is down.",
        "description: The service is down again.",
    );
    let before = tree(&dir.path().join("out"));

    let templates = dir.path().join("templates");
    fs::create_dir(&templates).unwrap();
    let compile = || {
        run_in(
            dir.path(),
            &[
                "compile",
                "-p",
                "pb",
                "--out",
                "out",
                "--templates",
                "templates",
            ],
            None,
        )
    };
    fs::write(
        templates.join("tags.md"),
        "## Tags\n\n{% for t in tags %}\n- {{ t.id }\n{% endfor %}\n",
    )
    .unwrap();
    let failed = compile();
    assert_eq!(failed.status, 2, "{}", failed.transcript());
    assert!(failed.stdout.is_empty(), "{}", failed.stdout);
    let first_line = failed.stderr.lines().next().unwrap();
    assert!(
        first_line.starts_with("error: template `tags.md`: line 4: syntax error"),
        "{first_line}"
    );
    assert!(first_line.contains("templates/tags.md"), "{first_line}");
    assert!(failed.stderr.contains("note: nothing was written to `out`"));
    assert_eq!(tree(&dir.path().join("out")), before, "byte for byte");

    // An error while rendering (not parsing) is caught the same way.
    fs::write(
        templates.join("tags.md"),
        "## Tags\n\n\n{{ no_such_value.field }}\n",
    )
    .unwrap();
    let failed = compile();
    assert_eq!(failed.status, 2, "{}", failed.transcript());
    assert!(
        failed
            .stderr
            .starts_with("error: template `tags.md`: line 4: undefined value"),
        "{}",
        failed.stderr
    );
    assert_eq!(tree(&dir.path().join("out")), before);
}
