//! Every reference field of the model is marked, and every mark is
//! checked: a field added without its mark fails the first test, a part
//! of a file the walk does not reach fails the second.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde_json::{Map, Value, json};

use crate::diagnostic::Code;
use crate::load::LoadOptions;
use crate::model::{
    DEFINES_KEYWORD, FileKind, ID_PATTERN, KEYWORD_PREFIX, Lang, REF_KEYS_KEYWORD, REF_KEYWORD,
    RefTarget,
};
use crate::schema::{marked_schema, resolve};

/// Fields that hold ids but are not references this check looks up.
const NOT_CHECKED_HERE: &[(FileKind, &str)] = &[
    // Where each language is defined.
    (FileKind::Manifest, "/languages/*/code"),
    // References, but for the Zendesk export alone: `check::zendesk` looks
    // them up, and only when the export is on.
    (FileKind::Zendesk, "/groups (keys)"),
    (FileKind::Zendesk, "/schedules (keys)"),
];

fn lang_pattern() -> String {
    let schema = Lang::json_schema(&mut schemars::SchemaGenerator::default());
    schema
        .get("pattern")
        .and_then(Value::as_str)
        .expect("Lang has a pattern")
        .to_string()
}

/// The first mark along a node's `$ref`s: the field's own, then its type's.
fn marks<'s>(root: &'s Value, mut node: &'s Value) -> Option<(&'static str, &'s Value)> {
    for _ in 0..32 {
        for keyword in [DEFINES_KEYWORD, REF_KEYWORD] {
            if let Some(target) = node.get(keyword) {
                return Some((keyword, target));
            }
        }
        let r = node.get("$ref")?.as_str()?.strip_prefix('#')?;
        node = root.pointer(r)?;
    }
    None
}

/// What one file kind's schema says about the places that hold ids, each
/// written as a path with `*` for any member (`/tags/*/parent`).
#[derive(Default)]
struct Survey {
    /// Places whose strings, or keys, are marked as references.
    marked: BTreeSet<String>,
    /// Places marked as where their item is defined.
    defining: BTreeSet<String>,
    /// Places that hold ids with no mark, other than an item's own `id`.
    unmarked: BTreeSet<String>,
    /// Marks carebook does not understand, or on fields without ids.
    wrong: Vec<String>,
}

struct Surveyor<'s> {
    root: &'s Value,
    /// The patterns of ids and of languages.
    id_patterns: [String; 2],
    /// The definitions being looked at, so recursive types end.
    stack: Vec<&'s str>,
    out: Survey,
}

impl<'s> Surveyor<'s> {
    fn is_id_pattern(&self, pattern: &str) -> bool {
        self.id_patterns.iter().any(|p| p == pattern)
    }

    /// Whether a schema holds ids: one, a list of them, or either.
    fn holds_ids(&self, node: &Value) -> bool {
        let Some(node) = resolve(self.root, node) else {
            return false;
        };
        if let Some(pattern) = node.get("pattern").and_then(Value::as_str) {
            return self.is_id_pattern(pattern);
        }
        if let Some(items) = node.get("items") {
            return self.holds_ids(items);
        }
        match node.get("anyOf").and_then(Value::as_array) {
            Some(branches) => branches.iter().all(|b| self.holds_ids(b)),
            None => false,
        }
    }

    fn visit(&mut self, node: &'s Value, path: &str) {
        if let Some((keyword, target)) = marks(self.root, node) {
            if RefTarget::from_keyword(target).is_none() {
                let wrong = format!("{path}: `{keyword}` names no target: {target}");
                self.out.wrong.push(wrong);
            }
            if !self.holds_ids(node) {
                let wrong = format!("{path}: `{keyword}` on a field that holds no ids");
                self.out.wrong.push(wrong);
            }
            match keyword {
                DEFINES_KEYWORD => self.out.defining.insert(path.to_string()),
                _ => self.out.marked.insert(path.to_string()),
            };
            return;
        }
        let def = node.get("$ref").and_then(Value::as_str);
        if let Some(def) = def {
            if self.stack.contains(&def) {
                return;
            }
            self.stack.push(def);
        }
        let Some(node) = resolve(self.root, node) else {
            self.out.wrong.push(format!("{path}: unresolved $ref"));
            return;
        };
        // An item's own `id` defines it.
        if let Some(pattern) = node.get("pattern").and_then(Value::as_str)
            && self.is_id_pattern(pattern)
            && !path.ends_with("/id")
        {
            self.out.unmarked.insert(path.to_string());
        }
        // The plan takes a map's one key pattern for granted, and objects
        // that are either records or maps.
        let map = node.get("patternProperties").is_some()
            || node
                .get("additionalProperties")
                .is_some_and(Value::is_object);
        if map && node.get("properties").is_some() {
            let wrong = format!("{path}: both fields and map entries");
            self.out.wrong.push(wrong);
        }
        if let Some(patterns) = node.get("patternProperties").and_then(Value::as_object) {
            if patterns.len() > 1 {
                let wrong = format!("{path}: a map of several key patterns");
                self.out.wrong.push(wrong);
            }
            let keys = format!("{path} (keys)");
            match node.get(REF_KEYS_KEYWORD) {
                Some(target) if RefTarget::from_keyword(target).is_some() => {
                    self.out.marked.insert(keys);
                }
                Some(target) => {
                    let wrong = format!("{keys}: names no target: {target}");
                    self.out.wrong.push(wrong);
                }
                None if patterns.keys().any(|p| self.is_id_pattern(p)) => {
                    self.out.unmarked.insert(keys);
                }
                None => {}
            }
            for value in patterns.values() {
                self.visit(value, &format!("{path}/*"));
            }
        }
        for (name, field) in node
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            self.visit(field, &format!("{path}/{name}"));
        }
        if let Some(items) = node.get("items") {
            self.visit(items, &format!("{path}/*"));
        }
        if let Some(values) = node.get("additionalProperties").filter(|v| v.is_object()) {
            self.visit(values, &format!("{path}/*"));
        }
        for keyword in ["anyOf", "oneOf", "allOf"] {
            for branch in node
                .get(keyword)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                self.visit(branch, path);
            }
        }
        if def.is_some() {
            self.stack.pop();
        }
    }
}

fn surveys() -> BTreeMap<FileKind, Survey> {
    FileKind::ALL
        .iter()
        .map(|&kind| {
            let root = marked_schema(kind);
            let mut surveyor = Surveyor {
                root,
                id_patterns: [ID_PATTERN.to_string(), lang_pattern()],
                stack: Vec::new(),
                out: Survey::default(),
            };
            surveyor.visit(root, "");
            (kind, surveyor.out)
        })
        .collect()
}

#[test]
fn every_field_that_holds_ids_is_marked() {
    let surveys = surveys();
    let listed = |kind: FileKind, path: &str| NOT_CHECKED_HERE.contains(&(kind, path));
    let mut problems = Vec::new();
    for (&kind, s) in &surveys {
        let name = kind.name();
        problems.extend(s.wrong.iter().map(|w| format!("{name} {w}")));
        for path in s.unmarked.iter().chain(&s.defining) {
            if !listed(kind, path) {
                problems.push(format!(
                    "{name} {path} holds ids and is not checked as a reference: if \
                     it names other items, add #[schemars(extend(\"x-carebook-ref\" = \
                     RefTarget::...))]; if not, list it in NOT_CHECKED_HERE, saying why"
                ));
            }
        }
        for path in s.marked.iter().filter(|p| listed(kind, p)) {
            problems.push(format!(
                "{name} {path} is marked, and listed as not checked"
            ));
        }
    }
    for (kind, path) in NOT_CHECKED_HERE {
        let s = &surveys[kind];
        if !s.unmarked.contains(*path) && !s.defining.contains(*path) {
            problems.push(format!(
                "{} {path} is listed, and holds no ids",
                kind.name()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // `Lang` fields and the keys of maps by language are references by
    // their type, with no attribute.
    assert!(
        surveys[&FileKind::Manifest]
            .marked
            .contains("/default_language")
    );
    assert!(
        surveys[&FileKind::Tags]
            .marked
            .contains("/tags/*/label (keys)")
    );
}

#[test]
fn the_published_schemas_carry_no_marks() {
    fn find(value: &Value, path: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    if k.starts_with(KEYWORD_PREFIX) {
                        out.push(format!("{path}/{k}"));
                    }
                    find(v, &format!("{path}/{k}"), out);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| find(v, path, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for kind in FileKind::ALL {
        find(&crate::schema::schema_for(kind), kind.name(), &mut found);
    }
    find(&crate::ir::routing_schema(), "routing", &mut found);
    assert!(found.is_empty(), "{found:?}");
}

/// A reference written into a generated file, and what CB201 must say.
#[derive(Debug)]
struct Written {
    kind: FileKind,
    pointer: String,
    key: bool,
    message: String,
}

/// Builds a file of one kind that has every field, two members in every
/// list and map, and every reference naming an item that does not exist.
struct Generator {
    kind: FileKind,
    root: &'static Value,
    lang: String,
    written: Vec<Written>,
    n: usize,
}

impl Generator {
    fn fresh(&mut self, prefix: &str) -> String {
        self.n += 1;
        format!("{prefix}-{}", self.n)
    }

    /// An id of `target` that nothing defines; the `i`th member of a
    /// list or map gets its own.
    fn missing(&mut self, target: RefTarget, i: usize) -> String {
        match target {
            // Two and three letters fit the pattern; `en` is the one defined.
            RefTarget::Language => ["zz", "zzz"][i % 2].into(),
            _ => self.fresh("missing"),
        }
    }

    fn note(&mut self, pointer: &str, key: bool, target: RefTarget, id: &str) {
        self.written.push(Written {
            kind: self.kind,
            pointer: pointer.to_string(),
            key,
            message: format!("unknown {} `{id}`", target.noun()),
        });
    }

    /// A value of `node` at `pointer`, of its `variant`th form where it
    /// has several.
    fn value(&mut self, node: &Value, pointer: &str, variant: usize) -> Value {
        if let Some((keyword, target)) = marks(self.root, node) {
            let target = RefTarget::from_keyword(target).expect("a known target");
            if keyword == DEFINES_KEYWORD {
                return match target {
                    RefTarget::Language => json!("en"),
                    _ => json!(self.fresh("own")),
                };
            }
            return self.ids(node, pointer, variant, target);
        }
        let root = self.root;
        let node = resolve(root, node).expect("refs resolve");
        if let Some(c) = node.get("const") {
            return c.clone();
        }
        if let Some(first) = node.get("enum").and_then(|e| e.get(0)) {
            return first.clone();
        }
        for keyword in ["anyOf", "oneOf"] {
            if let Some(branches) = node.get(keyword).and_then(Value::as_array) {
                let branch = &branches[variant % branches.len()];
                return self.value(branch, pointer, variant);
            }
        }
        match node.get("type").and_then(Value::as_str) {
            Some("object") => self.object(node, pointer, variant),
            Some("array") => {
                let items = node.get("items").expect("arrays say their items");
                Value::Array(
                    (0..2)
                        .map(|i| self.value(items, &format!("{pointer}/{i}"), i))
                        .collect(),
                )
            }
            Some("string") => self.string(node),
            Some("integer") => {
                let min = node.get("minimum").and_then(Value::as_u64).unwrap_or(0);
                json!(min.max(1))
            }
            Some("number") => {
                let min = node.get("minimum").and_then(Value::as_f64).unwrap_or(0.0);
                let max = node
                    .get("maximum")
                    .and_then(Value::as_f64)
                    .unwrap_or(min + 2.0);
                json!((min + max) / 2.0)
            }
            Some("boolean") => json!(false),
            other => panic!("{pointer}: no sample for type {other:?} in {node}"),
        }
    }

    /// All fields, each of the `variant`th form where it has several (the
    /// second member of a list writes one team as a list, say). An object
    /// that takes at most N fields (a follow-up's one trigger) gets N,
    /// from the `variant`th on, so the members of a list take turns.
    fn object(&mut self, node: &Value, pointer: &str, variant: usize) -> Value {
        let mut out = Map::new();
        let fields: Vec<(&String, &Value)> = node
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .collect();
        let most = node
            .get("maxProperties")
            .and_then(Value::as_u64)
            .map_or(fields.len(), |n| n as usize);
        let from = if most < fields.len() { variant } else { 0 };
        for &(name, field) in fields
            .iter()
            .cycle()
            .skip(from)
            .take(most.min(fields.len()))
        {
            let at = format!("{pointer}/{name}");
            out.insert(name.clone(), self.value(field, &at, variant));
        }
        let keyed = node.get(REF_KEYS_KEYWORD).and_then(RefTarget::from_keyword);
        let values = node
            .get("patternProperties")
            .and_then(Value::as_object)
            .map(|p| (p.keys().next().cloned(), p.values().next()))
            .or_else(|| {
                Some((
                    None,
                    node.get("additionalProperties").filter(|v| v.is_object()),
                ))
            });
        if let Some((pattern, Some(values))) = values {
            for i in 0..2 {
                let key = match (keyed, &pattern) {
                    (Some(target), _) => {
                        let key = self.missing(target, i);
                        self.note(&format!("{pointer}/{key}"), true, target, &key);
                        key
                    }
                    (None, Some(p)) => self.sample(p),
                    (None, None) => format!("key{i}"),
                };
                let value = self.value(values, &format!("{pointer}/{key}"), i);
                out.insert(key, value);
            }
        }
        Value::Object(out)
    }

    fn string(&mut self, node: &Value) -> Value {
        if node.get("format").and_then(Value::as_str) == Some("date-time") {
            return json!("2026-01-05T10:00:00+00:00");
        }
        match node.get("pattern").and_then(Value::as_str) {
            Some(pattern) => json!(self.sample(pattern)),
            None => json!("text"),
        }
    }

    /// A string that fits `pattern`, one of the model's.
    fn sample(&mut self, pattern: &str) -> String {
        if pattern == ID_PATTERN {
            return self.fresh("own");
        }
        if pattern == self.lang {
            return "en".into();
        }
        match pattern {
            crate::model::DURATION_PATTERN => "1h".into(),
            crate::model::TIME_PATTERN => "09:00".into(),
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => "2026-01-05".into(),
            crate::model::MAIL_DOMAIN_PATTERN => "brand.example".into(),
            // Currencies: two, for the two keys of a map of them.
            "^[A-Z]{3}$" => {
                self.n += 1;
                ["EUR", "USD"][self.n % 2].into()
            }
            other => panic!("no sample for the pattern {other}"),
        }
    }

    /// Ids of `target` where `node` wants one or several.
    fn ids(&mut self, node: &Value, pointer: &str, variant: usize, target: RefTarget) -> Value {
        let root = self.root;
        let node = resolve(root, node).expect("refs resolve");
        if let Some(branches) = node.get("anyOf").and_then(Value::as_array) {
            // One team, or several in order: each form in turn.
            let branch = &branches[variant % branches.len()];
            return self.ids(branch, pointer, variant, target);
        }
        if let Some(items) = node.get("items") {
            return Value::Array(
                (0..2)
                    .map(|i| self.ids(items, &format!("{pointer}/{i}"), i, target))
                    .collect(),
            );
        }
        let id = self.missing(target, variant);
        self.note(pointer, false, target, &id);
        json!(id)
    }
}

#[test]
fn every_marked_reference_is_checked() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut written = Vec::new();
    let mut manifest = Value::Null;
    for kind in FileKind::ALL {
        let root = marked_schema(kind);
        let mut generator = Generator {
            kind,
            root,
            lang: lang_pattern(),
            written: Vec::new(),
            n: 0,
        };
        let value = generator.value(root, "", 0);
        written.extend(generator.written);
        if kind == FileKind::Manifest {
            manifest = value;
            continue;
        }
        let name = format!("{}.yaml", kind.name());
        // Every part file is listed, in the form the manifest takes.
        let files = &mut manifest["files"][kind.name()];
        *files = match files {
            Value::Array(_) => json!([name]),
            _ => json!(name),
        };
        // JSON is YAML.
        std::fs::write(dir.path().join(&name), value.to_string()).expect("written");
    }
    std::fs::write(dir.path().join("carebook.yaml"), manifest.to_string()).expect("written");

    let validated = crate::check::validate(dir.path(), &LoadOptions::default()).expect("loads");
    assert!(
        validated.playbook.is_some(),
        "the generated playbook does not load: {:#?}",
        validated.diagnostics
    );
    let sources = &validated.sources;
    let file_of = |kind: FileKind| {
        let name = match kind {
            FileKind::Manifest => "carebook.yaml".to_string(),
            k => format!("{}.yaml", k.name()),
        };
        sources
            .iter()
            .find(|(_, f)| f.path.ends_with(&name))
            .map(|(id, _)| id)
            .expect("every file was read")
    };
    let mut expected: Vec<_> = written
        .iter()
        .map(|w| {
            let file = file_of(w.kind);
            let spans = sources
                .get(file)
                .get(&w.pointer)
                .expect("the reference is there");
            let span = if w.key {
                spans.key.expect("a key")
            } else {
                spans.value
            };
            (file.0, span.start, span.end, w.message.clone())
        })
        .collect();
    let mut found: Vec<_> = validated
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownReference)
        .map(|d| {
            let at = d.primary.as_ref().expect("a place");
            (at.file.0, at.span.start, at.span.end, d.message.clone())
        })
        .collect();
    expected.sort();
    found.sort();
    let missed: Vec<_> = expected.iter().filter(|e| !found.contains(e)).collect();
    let extra: Vec<_> = found.iter().filter(|f| !expected.contains(f)).collect();
    assert!(
        missed.is_empty() && extra.is_empty(),
        "not reported: {missed:#?}\nreported, not written: {extra:#?}\nwritten: {written:#?}"
    );
    // Both ways of writing one team or several were tried.
    for pointer in ["/handovers/0/to", "/handovers/1/to/1"] {
        assert!(written.iter().any(|w| w.pointer == pointer), "{pointer}");
    }
}
