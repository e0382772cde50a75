//! The reference page of every diagnostic code, `docs/checks.md`, made
//! from the registry: the table of codes, then each code's documentation
//! as `carebook explain` prints it. `tests/integration/docs.rs` fails when the
//! committed page differs from what this renders.

use std::fmt::Write as _;

use super::CODES;

/// Where the page is committed, relative to the repository root.
pub const CHECKS_PAGE: &str = "docs/checks.md";

/// The family a code belongs to, from its hundreds digit.
fn family(code: &str) -> &'static str {
    match code.as_bytes().get(2) {
        Some(b'0') => "Files and YAML",
        Some(b'1') => "The shape of each file",
        Some(b'2') => "References, identity and values",
        Some(b'3') => "Meaning",
        Some(b'4') => "Brand voice",
        Some(b'5') => "Export targets",
        _ => "Other",
    }
}

/// A heading's anchor as GitHub makes it: lowercase, spaces to hyphens,
/// punctuation other than `-` and `_` dropped.
pub fn heading_anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// `doc` with every Markdown heading outside code blocks `levels` deeper.
fn demote(doc: &str, levels: usize) -> String {
    let mut out = String::with_capacity(doc.len() + 64);
    let mut fence: Option<String> = None;
    for line in doc.lines() {
        let ticks: String = line.chars().take_while(|c| *c == '`').collect();
        match &fence {
            None if ticks.len() >= 3 => fence = Some(ticks),
            Some(open) if ticks.len() >= open.len() && line.trim_end() == ticks => fence = None,
            None if line.starts_with('#') => out.push_str(&"#".repeat(levels)),
            _ => {}
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The whole of `docs/checks.md`.
pub fn checks_page() -> String {
    let mut out = String::new();
    out.push_str(
        "<!-- Made from the diagnostic registry (src/diagnostic/codes.rs and \
         src/diagnostic/codes/*.md); do not edit.\n     \
         Rewrite it with `UPDATE_DOCS=1 cargo test --test integration docs::`. -->\n\n",
    );
    out.push_str(
        "# Checks\n\n\
         Every problem that `carebook validate` finds in a playbook, and that\n\
         `carebook lint-reply` finds in a draft reply, has a stable code. A code\n\
         names one kind of problem and is never reused. An error fails `validate`\n\
         (exit status 1); a warning fails it only with `--deny-warnings`.\n\n\
         The documentation of each code below is what `carebook explain CODE`\n\
         prints, and `carebook explain --all` lists the codes (see\n\
         [commands](commands.md#carebook-explain-code)). The codes of brand voice\n\
         (CB4xx) are the same in `validate`, on every macro, and in\n\
         `lint-reply`.\n\n\
         | code | name | level | what it reports |\n\
         |---|---|---|---|\n",
    );
    for info in CODES {
        let heading = format!("{} {} ({})", info.code, info.name, info.level.as_str());
        let _ = writeln!(
            out,
            "| [{}](#{}) | `{}` | {} | {} |",
            info.code,
            heading_anchor(&heading),
            info.name,
            info.level.as_str(),
            info.summary.replace('|', "\\|")
        );
    }
    let mut current = "";
    for info in CODES {
        let family = family(info.code);
        if family != current {
            current = family;
            let _ = write!(out, "\n## {family}\n");
        }
        out.push('\n');
        out.push_str(&demote(info.doc.trim_end(), 2));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_code_blocks_stay() {
        let doc = "# CB1 x (error)\n\n## Example\n```yaml\n# tags.yaml\n```\n";
        assert_eq!(
            demote(doc, 2),
            "### CB1 x (error)\n\n#### Example\n```yaml\n# tags.yaml\n```\n"
        );
    }

    #[test]
    fn anchors_are_githubs() {
        assert_eq!(
            heading_anchor("CB303 escalation-to-less-authority (error)"),
            "cb303-escalation-to-less-authority-error"
        );
        assert_eq!(
            heading_anchor("`carebook diff BASE [HEAD]`"),
            "carebook-diff-base-head"
        );
    }

    #[test]
    fn every_code_is_in_the_table_and_documented() {
        let page = checks_page();
        for info in CODES {
            assert!(page.contains(&format!("| [{}](#", info.code)));
            assert!(page.contains(&format!("### {} {}", info.code, info.name)));
        }
    }
}
