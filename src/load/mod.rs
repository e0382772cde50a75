//! Loading a playbook directory: read each file the manifest names, parse
//! it, validate it against its schema, then build the typed model, keeping
//! for every item where it came from.

mod fs;
mod playbook;
mod schema_check;
pub mod yaml;

pub use playbook::{At, Loc, Playbook};

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Label, Level};
use crate::model::{FileKind, Manifest, PlaybookFiles};
use crate::source::{FileId, SourceFile, Sources, Span};

/// The manifest's file name inside a playbook directory.
pub const MANIFEST_FILE: &str = "carebook.yaml";

/// Default for `--max-file-size`.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// A playbook directory that cannot be loaded at all: a usage problem.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("playbook directory `{0}` does not exist")]
    NoDirectory(PathBuf),
    #[error("`{0}` is not a directory")]
    NotADirectory(PathBuf),
    #[error("no `{MANIFEST_FILE}` in `{0}`: not a playbook directory (run `carebook init` to start one)")]
    NoManifest(PathBuf),
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl LoadError {
    pub fn code(&self) -> Code {
        match self {
            LoadError::NoDirectory(_) | LoadError::NotADirectory(_) | LoadError::NoManifest(_) => {
                Code::PlaybookNotFound
            }
            LoadError::Io { .. } => Code::FileUnreadable,
        }
    }
}

/// Everything read, what was found wrong with it, and the typed playbook
/// when every file loaded cleanly.
#[derive(Debug)]
pub struct Loaded {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    pub playbook: Option<Playbook>,
}

/// Time spent per phase, for `--timings` and the benchmarks.
#[derive(Debug, Default, Clone, Copy)]
pub struct LoadTimings {
    pub read: std::time::Duration,
    pub parse: std::time::Duration,
    pub schema: std::time::Duration,
    pub model: std::time::Duration,
}

pub fn load(dir: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    load_timed(dir, options).map(|(l, _)| l)
}

pub fn load_timed(dir: &Path, options: &LoadOptions) -> Result<(Loaded, LoadTimings), LoadError> {
    let meta = std::fs::metadata(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NoDirectory(dir.to_path_buf()),
        _ => LoadError::Io {
            path: dir.to_path_buf(),
            source: e,
        },
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotADirectory(dir.to_path_buf()));
    }
    let root = dir.canonicalize().map_err(|e| LoadError::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    if !root.join(MANIFEST_FILE).exists() {
        return Err(LoadError::NoManifest(dir.to_path_buf()));
    }

    let mut loader = Loader {
        dir,
        root,
        options,
        sources: Sources::default(),
        diagnostics: Vec::new(),
        timings: LoadTimings::default(),
    };
    let playbook = match loader.file(MANIFEST_FILE, FileKind::Manifest, None) {
        Some((id, value, true)) => loader
            .typed::<Manifest>(id, value)
            .and_then(|manifest| loader.parts(id, manifest)),
        // A manifest with mistakes still names its files: read them too, so
        // one run reports every problem in the playbook.
        Some((id, value, false)) => {
            if let Ok(files) = serde_json::from_value::<PlaybookFiles>(value["files"].clone()) {
                loader.part_files(id, &files, None);
            }
            None
        }
        None => None,
    };
    let mut diagnostics = loader.diagnostics;
    crate::diagnostic::sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(|d| d.level == Level::Error);
    let loaded = Loaded {
        sources: loader.sources,
        diagnostics,
        playbook: if has_errors { None } else { playbook },
    };
    Ok((loaded, loader.timings))
}

struct Loader<'a> {
    dir: &'a Path,
    root: PathBuf,
    options: &'a LoadOptions,
    sources: Sources,
    diagnostics: Vec<Diagnostic>,
    timings: LoadTimings,
}

impl Loader<'_> {
    /// Reads, parses and schema-checks one file. `named_at` is where the
    /// manifest names it, for problems that have no place in the file.
    fn file(
        &mut self,
        relative: &str,
        kind: FileKind,
        named_at: Option<Label>,
    ) -> Option<(FileId, Value, bool)> {
        let display = fs::display_path(self.dir, relative);
        let started = std::time::Instant::now();
        let read = fs::read_text(&self.root, relative, self.options.max_file_size);
        self.timings.read += started.elapsed();
        let text = match read {
            Ok(text) => text,
            Err(refusal) => {
                let mut d = Diagnostic::new(refusal.code, refusal.message);
                if let Some((prefix, at)) = refusal.partial {
                    let id = self.sources.add(SourceFile::new(display, prefix));
                    d = d.at(Label::new(id, Span::new(at, at)).with_message("first byte that is not UTF-8 text"));
                } else if let Some(label) = named_at {
                    d = d.at(label);
                }
                self.diagnostics.push(d);
                return None;
            }
        };
        let id = self.sources.add(SourceFile::new(display, text));

        let started = std::time::Instant::now();
        let parsed = yaml::parse(&self.sources.get(id).text);
        self.timings.parse += started.elapsed();
        let doc = match parsed {
            Ok(doc) => doc,
            Err(e) => {
                let code = if e.budget {
                    Code::YamlBudget
                } else if e.message.to_lowercase().contains("duplicate") {
                    Code::DuplicateKey
                } else {
                    Code::YamlSyntax
                };
                let mut d = Diagnostic::new(code, e.message);
                if let Some(span) = e.at {
                    d = d.at(Label::new(id, span));
                }
                self.diagnostics.push(d);
                return None;
            }
        };
        let source = self.sources.get_mut(id);
        source.index = doc.index;

        let started = std::time::Instant::now();
        let problems = schema_check::check(kind, id, self.sources.get(id), &doc.value);
        self.timings.schema += started.elapsed();
        let clean = problems.is_empty();
        self.diagnostics.extend(problems);
        Some((id, doc.value, clean))
    }

    /// Deserializes a schema-valid value into its model type. The schema
    /// and the types come from one definition, so this fails only on what
    /// the schema cannot say (a date that does not exist, say).
    fn typed<T: DeserializeOwned>(&mut self, id: FileId, value: Value) -> Option<T> {
        let started = std::time::Instant::now();
        let result = serde_path_to_error::deserialize::<_, T>(&value);
        self.timings.model += started.elapsed();
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                let pointer = pointer_of(e.path());
                let source = self.sources.get(id);
                let span = source.index.nearest(&pointer).map(|s| s.value).unwrap_or_default();
                let field = pointer.rsplit('/').next().unwrap_or_default();
                let message = if field.is_empty() {
                    e.inner().to_string()
                } else {
                    format!("`{field}`: {}", e.inner())
                };
                self.diagnostics.push(
                    Diagnostic::new(Code::SchemaViolation, message).at(Label::new(id, span)),
                );
                None
            }
        }
    }

    fn parts(&mut self, manifest_id: FileId, manifest: Manifest) -> Option<Playbook> {
        let mut pb = Playbook::new(manifest_id, manifest.clone());
        let complete = self.part_files(manifest_id, &manifest.files, Some(&mut pb));
        complete.then_some(pb)
    }

    /// Loads every part file the manifest names into `pb`, or only checks
    /// them when there is no playbook to build. True when all loaded cleanly.
    fn part_files(
        &mut self,
        manifest_id: FileId,
        files: &PlaybookFiles,
        mut pb: Option<&mut Playbook>,
    ) -> bool {
        let lists: [(&str, FileKind, &Vec<String>); 6] = [
            ("voice", FileKind::Voice, &files.voice),
            ("tags", FileKind::Tags, &files.tags),
            ("escalation", FileKind::Escalation, &files.escalation),
            ("empowerment", FileKind::Empowerment, &files.empowerment),
            ("staffing", FileKind::Staffing, &files.staffing),
            ("samples", FileKind::Samples, &files.samples),
        ];
        let mut complete = true;
        for (field, kind, names) in lists {
            for (i, name) in names.iter().enumerate() {
                let named_at = self
                    .sources
                    .get(manifest_id)
                    .index
                    .nearest(&format!("/files/{field}/{i}"))
                    .map(|s| Label::new(manifest_id, s.value));
                let Some((id, value, true)) = self.file(name, kind, named_at) else {
                    complete = false;
                    continue;
                };
                let Some(pb) = pb.as_deref_mut() else {
                    continue;
                };
                let added = match kind {
                    FileKind::Voice => self.typed(id, value).map(|f| pb.add_voice(id, f)),
                    FileKind::Tags => self.typed(id, value).map(|f| pb.add_tags(id, f)),
                    FileKind::Escalation => {
                        self.typed(id, value).map(|f| pb.add_escalation(id, f))
                    }
                    FileKind::Empowerment => {
                        self.typed(id, value).map(|f| pb.add_empowerment(id, f))
                    }
                    FileKind::Staffing => self.typed(id, value).map(|f| pb.add_staffing(id, f)),
                    FileKind::Samples => self.typed(id, value).map(|f| pb.add_samples(id, f)),
                    FileKind::Manifest => None,
                };
                complete &= added.is_some();
            }
        }
        complete
    }
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&yaml::escape_pointer(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}
