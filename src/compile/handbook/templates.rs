//! Loading the handbook templates: the ones embedded in the binary, each
//! replaceable by a file of the same name in a directory the trainer
//! gives (`--templates DIR`). A file missing there falls back to the
//! embedded one, so a team can restyle one section and keep the rest.
//!
//! `.html` templates escape every value (minijinja's autoescape), `.md`
//! and `.css` templates do not; Markdown text goes through the `md` filter
//! instead, and Mermaid labels through `mermaid`. Undefined values are
//! errors, so a typo in a replaced template fails the compile instead of
//! printing nothing.

use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};

use crate::compile::CompileError;

/// The embedded templates, by file name.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("handbook.md", include_str!("templates/handbook.md")),
    ("voice.md", include_str!("templates/voice.md")),
    ("tags.md", include_str!("templates/tags.md")),
    ("routing.md", include_str!("templates/routing.md")),
    ("bot.md", include_str!("templates/bot.md")),
    ("empowerment.md", include_str!("templates/empowerment.md")),
    ("shifts.md", include_str!("templates/shifts.md")),
    ("scenarios.md", include_str!("templates/scenarios.md")),
    ("onboarding.md", include_str!("templates/onboarding.md")),
    ("quiz.md", include_str!("templates/quiz.md")),
    ("handbook.html", include_str!("templates/handbook.html")),
    ("handbook.css", include_str!("templates/handbook.css")),
    ("voice.html", include_str!("templates/voice.html")),
    ("tags.html", include_str!("templates/tags.html")),
    ("routing.html", include_str!("templates/routing.html")),
    ("bot.html", include_str!("templates/bot.html")),
    (
        "empowerment.html",
        include_str!("templates/empowerment.html"),
    ),
    ("shifts.html", include_str!("templates/shifts.html")),
    ("scenarios.html", include_str!("templates/scenarios.html")),
    ("onboarding.html", include_str!("templates/onboarding.html")),
    ("quiz.html", include_str!("templates/quiz.html")),
];

/// The template environment with its loader and filters.
pub struct Templates {
    env: Environment<'static>,
    dir: Option<PathBuf>,
}

impl Templates {
    /// The embedded templates, with those in `dir` (if given) in their
    /// place. A `dir` that is not a readable directory is an error now,
    /// not when the first template is looked up.
    pub fn new(dir: Option<&Path>) -> Result<Templates, CompileError> {
        if let Some(dir) = dir {
            let refuse = |message: String| CompileError::Templates {
                path: dir.display().to_string(),
                message,
            };
            match std::fs::metadata(dir) {
                Ok(m) if m.is_dir() => {}
                Ok(_) => return Err(refuse("not a directory".to_string())),
                Err(e) => return Err(refuse(e.to_string())),
            }
        }
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // Block tags on their own lines leave no blank lines behind, which
        // Markdown tables and lists need.
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .map_err(|e| CompileError::Template {
                name: "(syntax)".to_string(),
                message: e.to_string(),
            })?;
        env.set_syntax(syntax);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.add_filter("md", md);
        env.add_filter("mermaid", mermaid);
        let override_dir = dir.map(Path::to_path_buf);
        env.set_loader(move |name| load(override_dir.as_deref(), name));
        Ok(Templates {
            env,
            dir: dir.map(Path::to_path_buf),
        })
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: minijinja::Value) -> Result<String, CompileError> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(context))
            .map_err(|e| self.error(name, &e))
    }

    /// Whether template `name` is the embedded one: nothing of that name
    /// in the override directory.
    pub fn is_embedded(&self, name: &str) -> bool {
        self.dir
            .as_ref()
            .is_none_or(|dir| !(safe_name(name) && dir.join(name).exists()))
    }

    /// The variables template `name` reads from its context.
    #[cfg(test)]
    pub fn undeclared_variables(&self, name: &str) -> std::collections::HashSet<String> {
        self.env
            .get_template(name)
            .map(|t| t.undeclared_variables(false))
            .unwrap_or_default()
    }

    /// A template error as the user needs it: the template at fault (an
    /// included one, not the handbook that includes it), its line, and
    /// whether it came from the override directory.
    fn error(&self, name: &str, err: &Error) -> CompileError {
        // minijinja chains an include's error under the includer's; the
        // innermost error with a template name is the one to fix.
        let mut at: &Error = err;
        let mut source = std::error::Error::source(err);
        while let Some(s) = source {
            match s.downcast_ref::<Error>() {
                Some(inner) if inner.name().is_some() => at = inner,
                Some(_) => {}
                None => break,
            }
            source = s.source();
        }
        let template = at.name().unwrap_or(name).to_string();
        let mut message = String::new();
        if let Some(line) = at.line() {
            message.push_str(&format!("line {line}: "));
        }
        message.push_str(&at.kind().to_string());
        if let Some(detail) = at.detail() {
            message.push_str(": ");
            message.push_str(detail);
        }
        if let Some(dir) = &self.dir
            && safe_name(&template)
            && dir.join(&template).is_file()
        {
            message.push_str(&format!(" (in {})", dir.join(&template).display()));
        }
        CompileError::Template {
            name: template,
            message,
        }
    }
}

/// A template name that stays inside the override directory: one plain
/// file name, not hidden.
fn safe_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\']) && name != ".."
}

fn load(dir: Option<&Path>, name: &str) -> Result<Option<String>, Error> {
    if let Some(dir) = dir
        && safe_name(name)
    {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => return Ok(Some(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::new(
                    ErrorKind::InvalidOperation,
                    format!("cannot read {}: {e}", path.display()),
                ));
            }
        }
    }
    Ok(EMBEDDED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text.to_string()))
}

/// Playbook text for Markdown: shown as written, never read as Markdown
/// or HTML, and never breaking the table or list it sits in. Characters
/// with a meaning in CommonMark and GitHub tables are backslash-escaped
/// (`_` only where it could start emphasis, so `{{first_name}}` stays
/// readable), line breaks become `<br>`.
pub fn md(text: &str) -> String {
    let chars: Vec<char> = text.trim_end_matches(['\n', '\r']).chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\r' if chars.get(i + 1) == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("<br>"),
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '_' => {
                let inner = i > 0
                    && chars[i - 1].is_alphanumeric()
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                if !inner {
                    out.push('\\');
                }
                out.push('_');
            }
            // At the start, these would open a heading, list or rule.
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if chars[..i].iter().all(|d| d.is_ascii_digit()) && i > 0 => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Text for a quoted Mermaid label (`id["..."]`): quotes, angle brackets,
/// `#` and backticks become Mermaid's entity codes, so a label can neither
/// end the string, inject markup nor close the Markdown code fence.
pub fn mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_cannot_break_tables_or_become_markup() {
        assert_eq!(md("a | b"), "a \\| b");
        assert_eq!(md("line one\nline two\n"), "line one<br>line two");
        assert_eq!(
            md("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            md("Hi {{first_name}}, *sale*"),
            "Hi {{first_name}}, \\*sale\\*"
        );
        assert_eq!(md("_emphasis_"), "\\_emphasis\\_");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("1. not a list"), "1\\. not a list");
        assert_eq!(md("[link](x)"), "\\[link\\](x)");
        assert_eq!(
            md("#AuroraMoments on 2026-01-05"),
            "\\#AuroraMoments on 2026-01-05"
        );
    }

    #[test]
    fn mermaid_labels_cannot_end_the_string_or_the_fence() {
        assert_eq!(mermaid(r#"a "b" <i>"#), "a #quot;b#quot; #lt;i#gt;");
        assert_eq!(mermaid("```"), "#96;#96;#96;");
        assert_eq!(mermaid("#1"), "#35;1");
    }

    #[test]
    fn names_outside_the_directory_are_not_loaded_from_it() {
        assert!(safe_name("voice.md"));
        assert!(!safe_name("../secret.md"));
        assert!(!safe_name("sub/voice.md"));
        assert!(!safe_name(".hidden.md"));
    }

    #[test]
    fn every_template_file_is_embedded() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/compile/handbook/templates"
        );
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("templates directory")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut embedded: Vec<String> = EMBEDDED.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(files, embedded);
    }

    #[test]
    fn every_embedded_template_parses() {
        let t = Templates::new(None).expect("environment");
        for (name, _) in EMBEDDED {
            t.env.get_template(name).expect(name);
        }
    }
}
