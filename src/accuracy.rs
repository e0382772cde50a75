//! How well a playbook routes: its router against messages labelled by
//! people, with the language and tags each message really has. Figures
//! per language: language identification (on messages of three words or
//! more, and on shorter ones), tag precision and recall, and critical tags
//! given to messages that have none.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use crate::model::MessageKind;
use crate::router::{DecideOptions, LanguageSource, Message, Router};

pub mod thresholds;

/// A message as a care lead labelled it.
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    pub id: String,
    pub channel: String,
    pub kind: MessageKind,
    pub text: String,
    /// When it arrived; the labels do not depend on it.
    #[serde(default)]
    pub received_at: Option<jiff::Timestamp>,
    pub true_lang: String,
    pub true_tags: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {source}")]
    Record {
        path: String,
        line: usize,
        source: serde_json::Error,
    },
}

/// Reads labelled messages, one JSON object a line.
pub fn read_corpus(path: &Path) -> Result<Vec<Labelled>, CorpusError> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| CorpusError::Read {
        path: shown.clone(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| CorpusError::Read {
            path: shown.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(&line).map_err(|source| CorpusError::Record {
            path: shown.clone(),
            line: i + 1,
            source,
        })?;
        out.push(record);
    }
    Ok(out)
}

/// A playbook's own labelled examples, as a corpus: those that say their
/// language (the rest cannot be measured for it).
pub fn examples_of(pb: &crate::load::Playbook) -> Vec<Labelled> {
    pb.examples
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            Some(Labelled {
                id: e.id.clone().unwrap_or_else(|| format!("example-{}", i + 1)),
                channel: e.channel.as_ref().map_or_else(String::new, |c| c.0.clone()),
                kind: e.kind.unwrap_or(MessageKind::Public),
                text: e.text.clone(),
                received_at: None,
                true_lang: e.lang.as_ref()?.0.clone(),
                true_tags: e.tags.iter().map(|t| t.0.clone()).collect(),
            })
        })
        .collect()
}

/// Every `*.jsonl` file of a corpus part's directory, in name order.
pub fn read_corpus_dir(dir: &Path) -> Result<Vec<Labelled>, CorpusError> {
    let read_err = |source| CorpusError::Read {
        path: dir.display().to_string(),
        source,
    };
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(read_err)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        out.extend(read_corpus(&f)?);
    }
    Ok(out)
}

/// Counts for one language (or all of them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub messages: usize,
    /// Messages of three words or more, and how many got their language.
    pub long: usize,
    pub long_lang_right: usize,
    /// Messages of one or two words.
    pub short: usize,
    pub short_lang_right: usize,
    /// Messages whose language fell back to the playbook default.
    pub fell_back: usize,
    /// Tags given and right, given and wrong, missed.
    pub tags_right: usize,
    pub tags_wrong: usize,
    pub tags_missed: usize,
    /// Messages with no true tag that got a critical one.
    pub harmless_critical: usize,
    /// Messages that got a critical tag they do not have.
    pub false_critical: usize,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.messages += o.messages;
        self.long += o.long;
        self.long_lang_right += o.long_lang_right;
        self.short += o.short;
        self.short_lang_right += o.short_lang_right;
        self.fell_back += o.fell_back;
        self.tags_right += o.tags_right;
        self.tags_wrong += o.tags_wrong;
        self.tags_missed += o.tags_missed;
        self.harmless_critical += o.harmless_critical;
        self.false_critical += o.false_critical;
    }

    /// Share of long messages whose language is right (1 when none).
    pub fn long_language(&self) -> f64 {
        ratio(self.long_lang_right, self.long)
    }

    pub fn short_language(&self) -> f64 {
        ratio(self.short_lang_right, self.short)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tags_right, self.tags_right + self.tags_wrong)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tags_right, self.tags_right + self.tags_missed)
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

/// One message the router got wrong, for the report's list.
#[derive(Debug, Clone)]
pub struct Miss {
    pub id: String,
    pub text: String,
    pub true_lang: String,
    pub lang: String,
    pub missed: Vec<String>,
    pub wrong: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub by_language: BTreeMap<String, Figures>,
    pub total: Figures,
    pub misses: Vec<Miss>,
}

/// Fewer than three words is short, where language identification is
/// hardest. Scripts without spaces count as one word per run, which is
/// fine: their script alone identifies them.
fn is_short(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
        < 3
}

/// The taxonomy as a labelled corpus sees it: a corpus is labelled at its
/// own level, so a tag it never names counts as its nearest ancestor that
/// it does (a playbook may split `safety` into children with their own
/// keywords; a message tagged `safety-device` is a `safety` message).
pub struct Taxonomy {
    parent: BTreeMap<String, String>,
    labelled_as: BTreeMap<String, String>,
    critical: BTreeSet<String>,
}

impl Taxonomy {
    pub fn new(ir: &crate::ir::Ir, corpus: &[Labelled]) -> Taxonomy {
        let labelled: BTreeSet<&str> = corpus
            .iter()
            .flat_map(|m| m.true_tags.iter().map(String::as_str))
            .collect();
        let parent: BTreeMap<String, String> = ir
            .tags
            .iter()
            .filter_map(|t| Some((t.id.clone(), t.parent.clone()?)))
            .collect();
        let mut taxonomy = Taxonomy {
            parent,
            labelled_as: BTreeMap::new(),
            critical: ir
                .tags
                .iter()
                .filter(|t| t.severity == Some(0))
                .map(|t| t.id.clone())
                .collect(),
        };
        taxonomy.labelled_as = ir
            .tags
            .iter()
            .map(|t| {
                let chain = taxonomy.ancestors(&t.id);
                let at = chain.iter().find(|a| labelled.contains(**a));
                (t.id.clone(), at.map_or(t.id.as_str(), |a| a).to_string())
            })
            .collect();
        taxonomy
    }

    /// The tag and its ancestors, nearest first. A cycle (which `validate`
    /// rejects) ends the chain where it repeats.
    pub fn ancestors<'a>(&'a self, tag: &'a str) -> Vec<&'a str> {
        let mut chain = vec![tag];
        while let Some(p) = chain.last().and_then(|t| self.parent.get(*t)) {
            if chain.contains(&p.as_str()) {
                break;
            }
            chain.push(p);
        }
        chain
    }

    pub fn labelled_as(&self, tag: &str) -> String {
        self.labelled_as
            .get(tag)
            .cloned()
            .unwrap_or_else(|| tag.to_string())
    }

    pub fn is_critical(&self, tag: &str) -> bool {
        self.critical.contains(tag)
    }
}

/// A labelled message as it arrives from a channel: without its language.
fn arrival(m: &Labelled) -> Message {
    let start: jiff::Timestamp = "2026-02-03T10:00:00Z".parse().unwrap_or_default();
    Message {
        id: m.id.clone(),
        channel: m.channel.clone(),
        kind: m.kind,
        text: m.text.clone(),
        received_at: m.received_at.unwrap_or(start),
        lang: None,
        author: None,
    }
}

/// Routes every message (without its language, as it arrives from a
/// channel) and compares with the labels.
pub fn measure(router: &Router, corpus: &[Labelled]) -> Report {
    let taxonomy = Taxonomy::new(router.ir(), corpus);
    let mut report = Report::default();
    for m in corpus {
        let d = router.decide(&arrival(m), &DecideOptions::default());
        let got: BTreeSet<String> = d.tags.iter().map(|t| taxonomy.labelled_as(t.tag)).collect();
        let want: BTreeSet<String> = m.true_tags.iter().cloned().collect();
        let f = report.by_language.entry(m.true_lang.clone()).or_default();
        f.messages += 1;
        let lang_right = d.language == m.true_lang;
        if is_short(&m.text) {
            f.short += 1;
            f.short_lang_right += usize::from(lang_right);
        } else {
            f.long += 1;
            f.long_lang_right += usize::from(lang_right);
        }
        f.fell_back += usize::from(d.language_source == LanguageSource::Default);
        let missed: Vec<String> = want.difference(&got).map(|s| s.to_string()).collect();
        let wrong: Vec<String> = got.difference(&want).map(|s| s.to_string()).collect();
        f.tags_right += want.intersection(&got).count();
        f.tags_missed += missed.len();
        f.tags_wrong += wrong.len();
        let wrongly_critical = wrong.iter().any(|t| taxonomy.is_critical(t));
        f.false_critical += usize::from(wrongly_critical);
        f.harmless_critical += usize::from(wrongly_critical && want.is_empty());
        if !lang_right || !missed.is_empty() || !wrong.is_empty() {
            report.misses.push(Miss {
                id: m.id.clone(),
                text: m.text.clone(),
                true_lang: m.true_lang.clone(),
                lang: d.language.clone(),
                missed,
                wrong,
            });
        }
    }
    for f in report.by_language.values() {
        report.total.add(f);
    }
    report
}

impl Report {
    /// Adds another measurement's counts and misses to this one (the
    /// folds of a cross-validation).
    pub fn merge(&mut self, other: Report) {
        for (lang, f) in &other.by_language {
            self.by_language.entry(lang.clone()).or_default().add(f);
        }
        self.total.add(&other.total);
        self.misses.extend(other.misses);
    }

    /// The figures as a table, then (with `misses`) each miss on a line.
    pub fn render(&self, title: &str, misses: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{title}");
        let _ = writeln!(
            out,
            "{:<6} {:>5} {:>13} {:>13} {:>9} {:>9} {:>7} {:>9}",
            "lang",
            "msgs",
            "lang ≥3 words",
            "lang <3 words",
            "precision",
            "recall",
            "default",
            "harmless!"
        );
        let row = |out: &mut String, name: &str, f: &Figures| {
            let _ = writeln!(
                out,
                "{:<6} {:>5} {:>13} {:>13} {:>9} {:>9} {:>7} {:>9}",
                name,
                f.messages,
                format!("{:.1}% of {}", 100.0 * f.long_language(), f.long),
                format!("{:.1}% of {}", 100.0 * f.short_language(), f.short),
                format!("{:.1}%", 100.0 * f.precision()),
                format!("{:.1}%", 100.0 * f.recall()),
                f.fell_back,
                f.harmless_critical,
            );
        };
        for (lang, f) in &self.by_language {
            row(&mut out, lang, f);
        }
        row(&mut out, "all", &self.total);
        let _ = writeln!(
            out,
            "harmless! = messages with no true tag that got a critical tag; {} message(s) got a critical tag they do not have",
            self.total.false_critical
        );
        if misses {
            for m in &self.misses {
                let lang = if m.lang == m.true_lang {
                    String::new()
                } else {
                    format!(" lang {}≠{}", m.lang, m.true_lang)
                };
                let _ = writeln!(
                    out,
                    "  {}{lang} missed {:?} wrong {:?}: {}",
                    m.id, m.missed, m.wrong, m.text
                );
            }
        }
        out
    }
}

/// A text labelled with the kinds of personal data it really holds.
#[derive(Debug, Clone, Deserialize)]
pub struct PersonalDataCase {
    pub id: String,
    pub lang: String,
    pub text: String,
    pub kinds: Vec<crate::model::PersonalData>,
}

/// Reads labelled personal-data cases, one JSON object a line.
pub fn read_personal_data(path: &Path) -> Result<Vec<PersonalDataCase>, CorpusError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| CorpusError::Read {
        path: shown.clone(),
        source,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|source| CorpusError::Record {
                path: shown.clone(),
                line: i + 1,
                source,
            })
        })
        .collect()
}

/// Kinds found right, found wrongly and missed, per language.
#[derive(Debug, Clone, Default)]
pub struct PersonalDataReport {
    /// (cases, right, wrong, missed) per language.
    pub by_language: BTreeMap<String, [usize; 4]>,
    pub misses: Vec<String>,
}

impl PersonalDataReport {
    pub fn total(&self) -> [usize; 4] {
        self.by_language.values().fold([0; 4], |mut t, f| {
            for (a, b) in t.iter_mut().zip(f) {
                *a += b;
            }
            t
        })
    }

    pub fn precision(f: &[usize; 4]) -> f64 {
        ratio(f[1], f[1] + f[2])
    }

    pub fn recall(f: &[usize; 4]) -> f64 {
        ratio(f[1], f[1] + f[3])
    }

    pub fn render(&self, title: &str, misses: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{title}");
        let _ = writeln!(
            out,
            "{:<6} {:>5} {:>9} {:>9}",
            "lang", "cases", "precision", "recall"
        );
        let row = |out: &mut String, name: &str, f: &[usize; 4]| {
            let _ = writeln!(
                out,
                "{:<6} {:>5} {:>9} {:>9}",
                name,
                f[0],
                format!("{:.1}%", 100.0 * Self::precision(f)),
                format!("{:.1}%", 100.0 * Self::recall(f)),
            );
        };
        for (lang, f) in &self.by_language {
            row(&mut out, lang, f);
        }
        row(&mut out, "all", &self.total());
        if misses {
            for m in &self.misses {
                let _ = writeln!(out, "  {m}");
            }
        }
        out
    }
}

/// Runs the personal-data detector on every case, as `router`'s playbook
/// reads personal data, and compares the kinds.
pub fn measure_personal_data(cases: &[PersonalDataCase], router: &Router) -> PersonalDataReport {
    let mut report = PersonalDataReport::default();
    for c in cases {
        let found: BTreeSet<_> = router
            .personal_data(&c.text)
            .into_iter()
            .filter_map(|f| f.kind.known())
            .collect();
        let want: BTreeSet<_> = c.kinds.iter().copied().collect();
        let f = report.by_language.entry(c.lang.clone()).or_default();
        f[0] += 1;
        f[1] += want.intersection(&found).count();
        let wrong: Vec<_> = found.difference(&want).collect();
        let missed: Vec<_> = want.difference(&found).collect();
        f[2] += wrong.len();
        f[3] += missed.len();
        if !wrong.is_empty() || !missed.is_empty() {
            report.misses.push(format!(
                "{} missed {missed:?} wrong {wrong:?}: {}",
                c.id, c.text
            ));
        }
    }
    report
}
