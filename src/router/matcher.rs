//! Finding every tag's keywords in one pass: all keywords of all tags (and
//! the emergency and incident keywords) go into one Aho-Corasick automaton
//! per folding, each distinct keyword compiled once and mapped to everyone
//! who uses it. Patterns use the regex crate.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::RouterError;
use super::gate::PatternGate;
use crate::detect::fold::{Folded, fold, is_boundary, splits_cluster, strips_nothing, word_end};
use crate::detect::stem::{WordStemmer, shared_start};
use crate::ir::{ExclusionScope, Ir, IrKeyword, KeywordForm};

/// Who a keyword belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Tag(usize),
    Exclude(usize),
    /// A context word of a tag: the tag's matches count beside one.
    Context(usize),
    Emergency,
    Incident(usize),
    /// Words by which a customer asks the bot for a person.
    AsksForPerson,
}

/// One use of a keyword: whose it is, in which language, and how it must
/// sit in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Use {
    owner: Owner,
    lang: usize,
    form: KeywordForm,
    scope: ExclusionScope,
    /// Index into `Matcher::keywords`: the keyword as written, folded.
    keyword: usize,
    /// For a stem keyword: index into `Matcher::stems`.
    stem: usize,
}

/// One distinct search string in an automaton: a folded keyword, or the
/// stem of a `stem` keyword.
#[derive(Debug, Default)]
struct Entry {
    /// Written in a script with spaces, so word boundaries apply.
    spaced: bool,
    uses: Vec<Use>,
}

/// An automaton over one folding of the text.
#[derive(Debug)]
struct Automaton {
    ac: AhoCorasick,
    entries: Vec<Entry>,
}

/// A keyword or pattern found in a message, as a byte span of the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub owner: Owner,
    /// Index into the matcher's keywords, or the pattern index for patterns.
    pub keyword: usize,
    pub lang: usize,
    pub start: usize,
    pub end: usize,
    pub pattern: bool,
    /// For an exclusion: what it cancels.
    pub scope: ExclusionScope,
}

#[derive(Debug)]
pub struct Matcher {
    plain: Option<Automaton>,
    stripped: Option<Automaton>,
    languages: Vec<String>,
    /// Every keyword as written (folded), for explanations.
    keywords: Vec<String>,
    /// A stemmer per playbook language that `stem` keywords use.
    stemmers: Vec<Option<WordStemmer>>,
    /// Each stem keyword's stem, and whether diacritics are ignored.
    stems: Vec<(String, bool)>,
    patterns: Vec<(usize, Regex)>,
    pattern_text: Vec<String>,
    gate: PatternGate,
}

/// Builds one automaton from keyword uses.
#[derive(Default)]
struct Builder {
    index: BTreeMap<String, usize>,
    entries: Vec<Entry>,
    texts: Vec<String>,
}

impl Builder {
    fn add(&mut self, search: String, spaced: bool, use_: Use) {
        let i = *self.index.entry(search.clone()).or_insert_with(|| {
            self.entries.push(Entry {
                spaced,
                uses: Vec::new(),
            });
            self.texts.push(search);
            self.entries.len() - 1
        });
        let entry = &mut self.entries[i];
        // The same text is in one script for every owner; a hand-edited IR
        // that says otherwise gets the stricter reading.
        entry.spaced |= spaced;
        if !entry.uses.contains(&use_) {
            entry.uses.push(use_);
        }
    }

    fn build(self, scan: Scan) -> Result<Option<Automaton>, RouterError> {
        if self.texts.is_empty() {
            return Ok(None);
        }
        let kind = match scan {
            // A full DFA: the fastest scan, paid for once at start-up.
            Scan::Stream => aho_corasick::AhoCorasickKind::DFA,
            // Same matches; half the build cost on a large playbook, and
            // a slower scan that a few thousand samples do not notice.
            Scan::Samples => aho_corasick::AhoCorasickKind::ContiguousNFA,
        };
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(kind))
            .build(&self.texts)
            .map_err(|e| RouterError::Automaton(e.to_string()))?;
        Ok(Some(Automaton {
            ac,
            entries: self.entries,
        }))
    }
}

/// What a router is built for: which automaton its keyword scan uses.
/// Both find exactly the same matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    /// A stream of messages (`simulate`, replays): costlier to build,
    /// fastest per message.
    Stream,
    /// A playbook's own samples (handbooks, `test`): cheap to build.
    Samples,
}

impl Matcher {
    pub fn new(ir: &Ir, scan: Scan) -> Result<Self, RouterError> {
        let lang_index: BTreeMap<&str, usize> = ir
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i))
            .collect();
        let lang = |code: &str| lang_index.get(code).copied().unwrap_or(usize::MAX);
        let stemmers: Vec<Option<WordStemmer>> = ir
            .languages
            .iter()
            .map(|l| WordStemmer::for_language(l))
            .collect();
        let mut plain = Builder::default();
        let mut stripped = Builder::default();
        let mut keywords: Vec<String> = Vec::new();
        let mut keyword_index: BTreeMap<String, usize> = BTreeMap::new();
        let mut stems: Vec<(String, bool)> = Vec::new();
        let mut add = |k: &IrKeyword, owner: Owner| {
            // An empty keyword matches everywhere (and inside characters);
            // lowering never makes one, a hand-edited IR might.
            if k.text.is_empty() {
                return;
            }
            let keyword = *keyword_index.entry(k.text.clone()).or_insert_with(|| {
                keywords.push(k.text.clone());
                keywords.len() - 1
            });
            let lang = lang(&k.lang);
            let spaced = k.whole_word;
            let stemmer = stemmers.get(lang).and_then(Option::as_ref);
            let one_word = !k.text.contains(char::is_whitespace);
            let (search, form, stem, strip) = match (k.form, stemmer) {
                // A stem keyword searches, without diacritics, for the part
                // its stem shares with it ("deliver" of delivery/deliveri,
                // "kundig" of kündigung/kundig) at a word start; the whole
                // word's stem is compared on each find.
                (KeywordForm::Stem, Some(s)) if spaced && one_word => {
                    let target = s.stem(&k.text).into_owned();
                    let shared = shared_start(&fold(&k.text, true).text, &fold(&target, true).text);
                    stems.push((target, k.ignore_diacritics));
                    (shared, k.form, stems.len() - 1, true)
                }
                (KeywordForm::Stem, _) => (
                    k.text.clone(),
                    KeywordForm::Word,
                    usize::MAX,
                    k.ignore_diacritics,
                ),
                (form, _) => (k.text.clone(), form, usize::MAX, k.ignore_diacritics),
            };
            if search.is_empty() {
                return;
            }
            let builder = if strip { &mut stripped } else { &mut plain };
            builder.add(
                search,
                spaced,
                Use {
                    owner,
                    lang,
                    form,
                    scope: k.scope,
                    keyword,
                    stem,
                },
            );
        };
        for (t, tag) in ir.tags.iter().enumerate() {
            for k in &tag.keywords {
                add(k, Owner::Tag(t));
            }
            for k in &tag.exclude {
                add(k, Owner::Exclude(t));
            }
            for k in &tag.context {
                add(k, Owner::Context(t));
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
        for k in ir.bot.iter().flat_map(|b| &b.handoff.asks_for_person) {
            add(k, Owner::AsksForPerson);
        }
        let mut patterns = Vec::new();
        let mut pattern_text = Vec::new();
        for (t, tag) in ir.tags.iter().enumerate() {
            for p in &tag.patterns {
                let re = regex::RegexBuilder::new(p)
                    .size_limit(crate::detect::PATTERN_SIZE_LIMIT)
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
        let gate = PatternGate::new(pattern_text.iter().map(String::as_str));
        Ok(Matcher {
            gate,
            plain: plain.build(scan)?,
            stripped: stripped.build(scan)?,
            languages: ir.languages.clone(),
            keywords,
            stemmers,
            stems,
            patterns,
            pattern_text,
        })
    }

    /// The folded keyword (or the pattern) of a hit.
    pub fn keyword_text(&self, hit: &Hit) -> &str {
        let texts = if hit.pattern {
            &self.pattern_text
        } else {
            &self.keywords
        };
        texts.get(hit.keyword).map_or("", String::as_str)
    }

    pub fn language(&self, i: usize) -> &str {
        self.languages.get(i).map_or("", String::as_str)
    }

    /// Every keyword and pattern hit in `text`, in no particular order.
    pub fn find(&self, text: &str, hits: &mut Vec<Hit>) {
        hits.clear();
        // Text with no diacritics to strip (ASCII, Japanese, Thai): one
        // folding serves both automata. Where only the stripped one
        // exists, its own folding is the cheaper one to make.
        let same = text.is_ascii()
            || (self.plain.is_some() && self.stripped.is_some() && strips_nothing(text));
        let plain = (self.plain.is_some() || same).then(|| fold(text, false));
        if let (Some(a), Some(folded)) = (&self.plain, &plain) {
            self.scan(a, text, folded, hits);
        }
        if let Some(a) = &self.stripped {
            match &plain {
                Some(folded) if same => self.scan(a, text, folded, hits),
                _ => self.scan(a, text, &fold(text, true), hits),
            }
        }
        // Each pattern on its own rather than a `RegexSet`: a single regex
        // can skip ahead by its literals and use the backtracker on short
        // texts, where a set falls back to the slowest engine as soon as a
        // pattern has a Unicode word boundary and the text is not ASCII.
        let may_match = self.gate.candidates(text);
        for (i, (tag, re)) in self.patterns.iter().enumerate() {
            if !PatternGate::may_match(may_match, i) {
                continue;
            }
            if let Some(m) = re.find(text) {
                hits.push(Hit {
                    owner: Owner::Tag(*tag),
                    keyword: i,
                    lang: usize::MAX,
                    start: m.start(),
                    end: m.end(),
                    pattern: true,
                    scope: ExclusionScope::Message,
                });
            }
        }
    }

    fn scan(&self, a: &Automaton, original: &str, folded: &Folded, hits: &mut Vec<Hit>) {
        let text = folded.text.as_str();
        for m in a.ac.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            if splits_cluster(text, start) || splits_cluster(text, end) {
                continue;
            }
            let entry = &a.entries[m.pattern().as_usize()];
            let (at_start, at_end) = if entry.spaced {
                (is_boundary(text, start), is_boundary(text, end))
            } else {
                (true, true)
            };
            for u in &entry.uses {
                let mut stop = end;
                let fits = !entry.spaced
                    || match u.form {
                        KeywordForm::Word => at_start && at_end,
                        KeywordForm::Prefix => at_start,
                        KeywordForm::Suffix => at_end,
                        KeywordForm::Part => true,
                        KeywordForm::Stem => {
                            at_start && {
                                stop = word_end(text, start);
                                let (s, e) = folded.original_span(start, stop);
                                self.same_stem(u.lang, &original[s..e], u.stem)
                            }
                        }
                    };
                if !fits {
                    continue;
                }
                let (s, e) = folded.original_span(start, stop);
                hits.push(Hit {
                    owner: u.owner,
                    keyword: u.keyword,
                    lang: u.lang,
                    start: s,
                    end: e,
                    pattern: false,
                    scope: u.scope,
                });
            }
        }
    }

    /// Whether `word` (as the customer wrote it) has stem keyword
    /// `stem`'s stem, folded as the keyword was.
    fn same_stem(&self, lang: usize, word: &str, stem: usize) -> bool {
        let (Some(stemmer), Some((target, strip))) = (
            self.stemmers.get(lang).and_then(Option::as_ref),
            self.stems.get(stem),
        ) else {
            return false;
        };
        stemmer.stem(&fold(word, *strip).text) == *target
    }
}
