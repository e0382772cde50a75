//! The library's modules depend one way, as `src/lib.rs` says: each uses
//! only modules of lower layers. Read from the sources, so a `use` that
//! goes the wrong way fails here rather than in a reader's head. Unit
//! test modules (`#[cfg(test)] mod ...`) are not held to it.

use std::collections::BTreeMap;
use std::path::Path;

/// Lowest first; a module may use the modules of every earlier line.
const LAYERS: &[&[&str]] = &[
    &["model", "json", "xml", "tz", "source", "parallel"],
    &["diagnostic"],
    &["schema"],
    &["load"],
    &["detect"],
    &["voice", "ir"],
    &["router"],
    &["staffing", "zendesk"],
    &["check", "validate"],
    &["sampletest"],
    &["compile", "simulate", "accuracy"],
    &["diff"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// Every `crate::X` a module's files name outside comments, with where.
fn uses(src: &Path) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).expect("under src");
            let first = rel.components().next().expect("a component");
            let module = first
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string();
            if module == "lib" || module == "main" {
                continue;
            }
            // The module the file is: `check/routes.rs` is check::routes,
            // `check/mod.rs` is check; `super::` climbs from there.
            let mut here: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if here.last().is_some_and(|l| l == "mod") {
                here.pop();
            }
            let text = std::fs::read_to_string(&path).expect("source is text");
            let lines: Vec<&str> = text.lines().collect();
            for (n, line) in lines.iter().enumerate() {
                // A unit test module may build its input with any layer (a
                // validated playbook).
                let next = lines[n + 1..].iter().find(|l| !l.trim().is_empty());
                if line.starts_with("#[cfg(test)]") && next.is_some_and(|l| l.starts_with("mod ")) {
                    break;
                }
                if line.trim_start().starts_with("//") {
                    continue;
                }
                let at = format!("{}:{}", path.display(), n + 1);
                for name in named_modules(line, &here) {
                    if name != module {
                        out.entry(module.clone())
                            .or_default()
                            .push((name, at.clone()));
                    }
                }
            }
        }
    }
    out
}

/// The top-level modules a line names: `crate::x`, each name of
/// `crate::{x, y::z}`, and `super::` paths that climb to the crate root
/// (`super::x` in `check/mod.rs` is `crate::x`).
fn named_modules(line: &str, here: &[String]) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            if !item.trim().is_empty() {
                out.push(ident(item.trim()));
            }
        } else {
            out.push(ident(rest));
        }
    }
    let mut rest = line;
    while let Some(at) = rest.find("super::") {
        // Only the start of a path: `super::super::x`, not its tail.
        let before = &rest[..at];
        rest = &rest[at..];
        let mut climbs = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            climbs += 1;
            rest = r;
        }
        if before.ends_with("::") {
            continue;
        }
        if climbs >= here.len() {
            out.push(ident(rest));
        }
    }
    out
}

#[test]
fn modules_depend_only_on_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (module, used) in uses(&src) {
        let Some(from) = layer_of(&module) else {
            wrong.push(format!("module `{module}` has no layer in LAYERS"));
            continue;
        };
        for (name, at) in used {
            match layer_of(&name) {
                Some(to) if to < from => {}
                Some(_) => wrong.push(format!(
                    "{at}: `{module}` uses `{name}`, a layer up or beside"
                )),
                None => wrong.push(format!("{at}: `{name}` has no layer in LAYERS")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_module_of_the_library_has_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    for line in lib.lines() {
        if let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|l| l.strip_suffix(';'))
        {
            assert!(layer_of(name).is_some(), "`{name}` has no layer");
        }
    }
}
