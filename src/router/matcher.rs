//! Finding every tag's keywords in one pass: all keywords of all tags (and
//! the emergency and incident keywords) go into one Aho-Corasick automaton
//! per folding, each distinct keyword compiled once and mapped to everyone
//! who uses it. Patterns use the regex crate.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::RouterError;
use crate::detect::fold::{Folded, fold, is_boundary, splits_cluster};
use crate::ir::{Ir, IrKeyword};

/// Who a keyword belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Tag(usize),
    Exclude(usize),
    Emergency,
    Incident(usize),
}

/// One distinct keyword in an automaton.
#[derive(Debug)]
struct Entry {
    whole_word: bool,
    /// Owners with the language each listed it under.
    owners: Vec<(Owner, usize)>,
}

/// An automaton over one folding of the text.
#[derive(Debug)]
struct Automaton {
    ac: AhoCorasick,
    entries: Vec<Entry>,
    texts: Vec<String>,
}

/// A keyword or pattern found in a message, as a byte span of the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub owner: Owner,
    /// Index into `Matcher::keyword_text`, or the pattern index for patterns.
    pub keyword: usize,
    pub lang: usize,
    pub start: usize,
    pub end: usize,
    pub pattern: bool,
}

#[derive(Debug)]
pub struct Matcher {
    plain: Option<Automaton>,
    stripped: Option<Automaton>,
    languages: Vec<String>,
    patterns: Vec<(usize, Regex)>,
    pattern_text: Vec<String>,
}

/// Builds one automaton from (keyword, owner) pairs.
#[derive(Default)]
struct Builder {
    index: BTreeMap<String, usize>,
    entries: Vec<Entry>,
    texts: Vec<String>,
}

impl Builder {
    fn add(&mut self, k: &IrKeyword, owner: Owner, lang: usize) {
        // An empty keyword matches everywhere (and inside characters);
        // lowering never makes one, a hand-edited IR might.
        if k.text.is_empty() {
            return;
        }
        let i = *self.index.entry(k.text.clone()).or_insert_with(|| {
            self.entries.push(Entry {
                whole_word: k.whole_word,
                owners: Vec::new(),
            });
            self.texts.push(k.text.clone());
            self.entries.len() - 1
        });
        let entry = &mut self.entries[i];
        // The same text may be whole-word for one owner and not another
        // only if scripts differ, which folding keeps apart; one flag does.
        entry.whole_word &= k.whole_word;
        if !entry.owners.contains(&(owner, lang)) {
            entry.owners.push((owner, lang));
        }
    }

    fn build(self) -> Result<Option<Automaton>, RouterError> {
        if self.texts.is_empty() {
            return Ok(None);
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // A full DFA: the fastest scan, paid for once at start-up.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&self.texts)
            .map_err(|e| RouterError::Automaton(e.to_string()))?;
        Ok(Some(Automaton {
            ac,
            entries: self.entries,
            texts: self.texts,
        }))
    }
}

impl Matcher {
    pub fn new(ir: &Ir) -> Result<Self, RouterError> {
        let lang_index: BTreeMap<&str, usize> = ir
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i))
            .collect();
        let lang = |code: &str| lang_index.get(code).copied().unwrap_or(usize::MAX);
        let mut plain = Builder::default();
        let mut stripped = Builder::default();
        let mut add = |k: &IrKeyword, owner: Owner| {
            let builder = if k.ignore_diacritics {
                &mut stripped
            } else {
                &mut plain
            };
            builder.add(k, owner, lang(&k.lang));
        };
        for (t, tag) in ir.tags.iter().enumerate() {
            for k in &tag.keywords {
                add(k, Owner::Tag(t));
            }
            for k in &tag.exclude {
                add(k, Owner::Exclude(t));
            }
        }
        for k in &ir.boosts.emergency_keywords {
            add(k, Owner::Emergency);
        }
        for (i, inc) in ir.incidents.iter().enumerate() {
            for k in &inc.triggers {
                add(k, Owner::Incident(i));
            }
        }
        let mut patterns = Vec::new();
        let mut pattern_text = Vec::new();
        for (t, tag) in ir.tags.iter().enumerate() {
            for p in &tag.patterns {
                let re = regex::RegexBuilder::new(p)
                    .size_limit(crate::check::PATTERN_SIZE_LIMIT)
                    .build()
                    .map_err(|e| RouterError::Pattern {
                        tag: tag.id.clone(),
                        pattern: p.clone(),
                        reason: e.to_string(),
                    })?;
                patterns.push((t, re));
                pattern_text.push(p.clone());
            }
        }
        Ok(Matcher {
            plain: plain.build()?,
            stripped: stripped.build()?,
            languages: ir.languages.clone(),
            patterns,
            pattern_text,
        })
    }

    /// The folded text of keyword `i` of the plain or stripped automaton.
    pub fn keyword_text(&self, hit: &Hit) -> &str {
        if hit.pattern {
            return &self.pattern_text[hit.keyword];
        }
        let (automaton, index) = if hit.keyword & STRIPPED != 0 {
            (self.stripped.as_ref(), hit.keyword & !STRIPPED)
        } else {
            (self.plain.as_ref(), hit.keyword)
        };
        automaton.map_or("", |a| a.texts[index].as_str())
    }

    pub fn language(&self, i: usize) -> &str {
        self.languages.get(i).map_or("", String::as_str)
    }

    /// Every keyword and pattern hit in `text`, in no particular order.
    pub fn find(&self, text: &str, hits: &mut Vec<Hit>) {
        hits.clear();
        if let Some(a) = &self.plain {
            scan(a, &fold(text, false), 0, hits);
        }
        if let Some(a) = &self.stripped {
            scan(a, &fold(text, true), STRIPPED, hits);
        }
        // Each pattern on its own rather than a `RegexSet`: a single regex
        // can skip ahead by its literals and use the backtracker on short
        // texts, where a set falls back to the slowest engine as soon as a
        // pattern has a Unicode word boundary and the text is not ASCII.
        for (i, (tag, re)) in self.patterns.iter().enumerate() {
            if let Some(m) = re.find(text) {
                hits.push(Hit {
                    owner: Owner::Tag(*tag),
                    keyword: i,
                    lang: usize::MAX,
                    start: m.start(),
                    end: m.end(),
                    pattern: true,
                });
            }
        }
    }
}

/// Marks keyword indices of the diacritic-insensitive automaton.
const STRIPPED: usize = 1 << (usize::BITS - 1);

fn scan(a: &Automaton, folded: &Folded, flag: usize, hits: &mut Vec<Hit>) {
    let text = folded.text.as_str();
    for m in a.ac.find_overlapping_iter(text) {
        let i = m.pattern().as_usize();
        let entry = &a.entries[i];
        if entry.whole_word && !(is_boundary(text, m.start()) && is_boundary(text, m.end())) {
            continue;
        }
        if splits_cluster(text, m.start()) || splits_cluster(text, m.end()) {
            continue;
        }
        let (start, end) = folded.original_span(m.start(), m.end());
        for &(owner, lang) in &entry.owners {
            hits.push(Hit {
                owner,
                keyword: i | flag,
                lang,
                start,
                end,
                pattern: false,
            });
        }
    }
}
