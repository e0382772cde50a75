//! Loading a playbook directory: read each file the manifest names, parse
//! it, validate it against its schema, then build the typed model, keeping
//! for every item where it came from.

mod fs;
mod playbook;
mod schema_check;
pub mod yaml;
mod yaml_fast;

pub use playbook::{At, Loc, Playbook};

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Label, Level};
use crate::model::{
    EmpowermentFile, EscalationFile, ExamplesFile, FileKind, Manifest, PlaybookFiles, SamplesFile,
    StaffingFile, TagsFile, VoiceFile, ZendeskFile,
};
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
    #[error(
        "no `{MANIFEST_FILE}` in `{0}`: not a playbook directory (run `carebook init` to start one)"
    )]
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

/// Loads a playbook and says how long each phase took. Part files are
/// read, parsed and checked in parallel; the phases' times add up the
/// work of all threads.
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
    let reader = Reader { dir, root, options };

    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let mut timings = LoadTimings::default();

    let manifest_id = FileId(0);
    let manifest = reader.file(manifest_id, MANIFEST_FILE, FileKind::Manifest, None);
    timings.add(&manifest.timings);
    diagnostics.extend(manifest.diagnostics);
    let manifest_source = sources.add(manifest.source);
    debug_assert_eq!(manifest_source, manifest_id);
    let manifest_value = &sources.get(manifest_id).value;
    let files = match manifest.parsed {
        true if manifest.clean => {
            match typed::<Manifest>(manifest_value, manifest_id, sources.get(manifest_id)) {
                Ok(m) => Some((m.files.clone(), Some(m))),
                Err(d) => {
                    diagnostics.push(*d);
                    None
                }
            }
        }
        // A manifest with mistakes still names its files: read them too,
        // so one run reports every problem in the playbook.
        true => PlaybookFiles::deserialize(&manifest_value["files"])
            .ok()
            .map(|f| (f, None)),
        false => None,
    };

    let mut playbook = None;
    if let Some((files, manifest)) = files {
        let jobs = part_jobs(&files, sources.get(manifest_id));
        let done: Vec<Processed> = std::thread::scope(|scope| {
            let handles: Vec<_> = jobs
                .iter()
                .enumerate()
                .map(|(i, job)| {
                    let reader = &reader;
                    scope.spawn(move || {
                        let id = FileId(1 + i);
                        let mut processed =
                            reader.file(id, &job.name, job.kind, job.named_at.clone());
                        if processed.clean {
                            let started = std::time::Instant::now();
                            let source = &processed.source;
                            match Part::from_value(job.kind, &source.value, id, source) {
                                Ok(part) => processed.part = Some(part),
                                Err(d) => {
                                    processed.diagnostics.push(*d);
                                    processed.clean = false;
                                }
                            }
                            processed.timings.model += started.elapsed();
                        }
                        processed
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("loading a file does not panic"))
                .collect()
        });
        let mut pb = manifest.map(|m| Playbook::new(manifest_id, m));
        for processed in done {
            timings.add(&processed.timings);
            diagnostics.extend(processed.diagnostics);
            let id = sources.add(processed.source);
            match (processed.part, pb.as_mut()) {
                (Some(part), Some(pb)) => part.add_to(pb, id),
                _ => pb = None,
            }
        }
        playbook = pb;
    }

    crate::diagnostic::sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(|d| d.level == Level::Error);
    let loaded = Loaded {
        sources,
        diagnostics,
        playbook: if has_errors { None } else { playbook },
    };
    Ok((loaded, timings))
}

impl LoadTimings {
    fn add(&mut self, other: &LoadTimings) {
        self.read += other.read;
        self.parse += other.parse;
        self.schema += other.schema;
        self.model += other.model;
    }
}

/// One part file to load, and where the manifest names it.
struct Job {
    name: String,
    kind: FileKind,
    named_at: Option<Label>,
}

fn part_jobs(files: &PlaybookFiles, manifest: &SourceFile) -> Vec<Job> {
    let lists: [(&str, FileKind, &Vec<String>); 7] = [
        ("voice", FileKind::Voice, &files.voice),
        ("tags", FileKind::Tags, &files.tags),
        ("escalation", FileKind::Escalation, &files.escalation),
        ("empowerment", FileKind::Empowerment, &files.empowerment),
        ("staffing", FileKind::Staffing, &files.staffing),
        ("samples", FileKind::Samples, &files.samples),
        ("examples", FileKind::Examples, &files.examples),
    ];
    let mut jobs = Vec::new();
    if let Some(name) = &files.zendesk {
        jobs.push(Job {
            name: name.clone(),
            kind: FileKind::Zendesk,
            named_at: manifest
                .nearest("/files/zendesk")
                .map(|s| Label::new(FileId(0), s.value)),
        });
    }
    for (field, kind, names) in lists {
        for (i, name) in names.iter().enumerate() {
            let named_at = manifest
                .nearest(&format!("/files/{field}/{i}"))
                .map(|s| Label::new(FileId(0), s.value));
            jobs.push(Job {
                name: name.clone(),
                kind,
                named_at,
            });
        }
    }
    jobs
}

/// One file after reading, parsing and schema checking.
struct Processed {
    source: SourceFile,
    diagnostics: Vec<Diagnostic>,
    /// Whether the YAML parsed (its value is in `source.value`).
    parsed: bool,
    clean: bool,
    part: Option<Part>,
    timings: LoadTimings,
}

struct Reader<'a> {
    dir: &'a Path,
    root: PathBuf,
    options: &'a LoadOptions,
}

impl Reader<'_> {
    /// Reads, parses and schema-checks one file. `named_at` is where the
    /// manifest names it, for problems that have no place in the file.
    fn file(
        &self,
        id: FileId,
        relative: &str,
        kind: FileKind,
        named_at: Option<Label>,
    ) -> Processed {
        let display = fs::display_path(self.dir, relative);
        let mut timings = LoadTimings::default();
        let processed = |source, diagnostics, parsed, clean, timings| Processed {
            source,
            diagnostics,
            parsed,
            clean,
            part: None,
            timings,
        };
        let started = std::time::Instant::now();
        let read = fs::read_text(&self.root, relative, self.options.max_file_size);
        timings.read += started.elapsed();
        let text = match read {
            Ok(text) => text,
            Err(refusal) => {
                let mut d = Diagnostic::new(refusal.code, refusal.message);
                let mut text = String::new();
                if let Some((prefix, at)) = refusal.partial {
                    text = prefix;
                    d = d.at(Label::new(id, Span::new(at, at))
                        .with_message("first byte that is not UTF-8 text"));
                } else if let Some(label) = named_at {
                    d = d.at(label);
                }
                return processed(
                    SourceFile::new(display, text).with_spans(yaml::span_tree),
                    vec![d],
                    false,
                    false,
                    timings,
                );
            }
        };
        let mut source = SourceFile::new(display, text).with_spans(yaml::span_tree);

        let started = std::time::Instant::now();
        let parsed = yaml::parse(&source.text);
        timings.parse += started.elapsed();
        let value = match parsed {
            Ok(value) => value,
            Err(e) => {
                let code = if e.budget {
                    Code::YamlBudget
                } else if e.message.starts_with("duplicate key") {
                    Code::DuplicateKey
                } else {
                    Code::YamlSyntax
                };
                let mut d = Diagnostic::new(code, e.message);
                if let Some(span) = e.at {
                    d = d.at(Label::new(id, span));
                }
                return processed(source, vec![d], false, false, timings);
            }
        };
        source.value = value;

        let started = std::time::Instant::now();
        let problems = schema_check::check(kind, id, &source, &source.value);
        timings.schema += started.elapsed();
        let clean = problems.is_empty();
        processed(source, problems, true, clean, timings)
    }
}

/// A typed part file.
enum Part {
    Voice(VoiceFile),
    Tags(TagsFile),
    Escalation(EscalationFile),
    Empowerment(EmpowermentFile),
    Staffing(StaffingFile),
    Samples(SamplesFile),
    Examples(ExamplesFile),
    Zendesk(ZendeskFile),
}

impl Part {
    fn from_value(
        kind: FileKind,
        value: &Value,
        id: FileId,
        source: &SourceFile,
    ) -> Result<Part, Box<Diagnostic>> {
        Ok(match kind {
            FileKind::Voice => Part::Voice(typed(value, id, source)?),
            FileKind::Tags => Part::Tags(typed(value, id, source)?),
            FileKind::Escalation => Part::Escalation(typed(value, id, source)?),
            FileKind::Empowerment => Part::Empowerment(typed(value, id, source)?),
            FileKind::Staffing => Part::Staffing(typed(value, id, source)?),
            FileKind::Samples => Part::Samples(typed(value, id, source)?),
            FileKind::Examples => Part::Examples(typed(value, id, source)?),
            FileKind::Zendesk => Part::Zendesk(typed(value, id, source)?),
            FileKind::Manifest => unreachable!("the manifest is not a part"),
        })
    }

    fn add_to(self, pb: &mut Playbook, id: FileId) {
        match self {
            Part::Voice(f) => pb.add_voice(id, f),
            Part::Tags(f) => pb.add_tags(id, f),
            Part::Escalation(f) => pb.add_escalation(id, f),
            Part::Empowerment(f) => pb.add_empowerment(id, f),
            Part::Staffing(f) => pb.add_staffing(id, f),
            Part::Samples(f) => pb.add_samples(id, f),
            Part::Examples(f) => pb.add_examples(id, f),
            Part::Zendesk(f) => pb.add_zendesk(id, f),
        }
    }
}

/// Deserializes a schema-valid value into its model type. The schema and
/// the types come from one definition, so this fails only on what the
/// schema cannot say (a date that does not exist, say).
fn typed<T: DeserializeOwned>(
    value: &Value,
    id: FileId,
    source: &SourceFile,
) -> Result<T, Box<Diagnostic>> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let pointer = pointer_of(e.path());
        let span = source
            .nearest(&pointer)
            .map(|s| s.value)
            .unwrap_or_default();
        let field = pointer.rsplit('/').next().unwrap_or_default();
        let message = if field.is_empty() {
            e.inner().to_string()
        } else {
            format!("`{field}`: {}", e.inner())
        };
        Box::new(Diagnostic::new(Code::SchemaViolation, message).at(Label::new(id, span)))
    })
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
