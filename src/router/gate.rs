//! Which of a playbook's patterns can match a message, in one pass.
//!
//! Most messages match none of a playbook's patterns, yet running each
//! pattern's regex costs a search setup and, on text that is not ASCII, a
//! fall back to a slower engine for every Unicode word boundary. Every
//! match of a pattern begins with one of a finite set of literals when the
//! pattern starts with literal text (`#aurora`, `(?i:pnr|booking)`), so
//! one Aho-Corasick pass over all those literals tells which patterns are
//! worth running. A pattern without such a set (one that starts with a
//! class or a repeat) always runs.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// The gate over at most the first 64 patterns, one bit each.
#[derive(Debug)]
pub struct PatternGate {
    ac: Option<AhoCorasick>,
    /// The pattern of each literal in the automaton.
    owner: Vec<u8>,
    /// Patterns that run on every message: no literal set, or past 64.
    always: u64,
    /// A bit for each of the first 64 patterns: all of them may match.
    gated: u64,
}

impl PatternGate {
    /// A gate for `patterns`, which all compiled as regexes with the
    /// regex crate's default syntax.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> PatternGate {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owner = Vec::new();
        let mut always = 0u64;
        let mut count = 0usize;
        for (i, p) in patterns.into_iter().enumerate() {
            count = i + 1;
            if i >= 64 {
                continue;
            }
            match starts_with_one_of(p) {
                Some(set) => {
                    for lit in set {
                        literals.push(lit);
                        owner.push(i as u8);
                    }
                }
                None => always |= 1 << i,
            }
        }
        let gated = if count >= 64 {
            u64::MAX
        } else {
            (1u64 << count) - 1
        };
        let ac = if literals.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                // A few hundred short literals (the case variants of
                // case-insensitive ones): a DFA is small and the fastest
                // to run.
                .kind(Some(AhoCorasickKind::DFA))
                .build(&literals)
                .ok()
        };
        if ac.is_none() {
            // Nothing to search with (or the automaton could not be
            // built): every pattern runs.
            always = gated;
        }
        PatternGate {
            ac,
            owner,
            always,
            gated,
        }
    }

    /// Whether pattern `i` may match, from the mask of `candidates`.
    pub fn may_match(mask: u64, i: usize) -> bool {
        i >= 64 || mask & (1 << i) != 0
    }

    /// The patterns that may match `text`, as a mask.
    pub fn candidates(&self, text: &str) -> u64 {
        let mut mask = self.always;
        if mask == self.gated {
            return mask;
        }
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                mask |= 1 << self.owner[m.pattern().as_usize()];
                if mask == self.gated {
                    break;
                }
            }
        }
        mask
    }
}

/// The literals every match of `pattern` begins with, when there is a
/// finite set of them and none is empty.
fn starts_with_one_of(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(gate: &PatternGate, text: &str) -> Vec<usize> {
        let mask = gate.candidates(text);
        (0..3)
            .filter(|&i| PatternGate::may_match(mask, i))
            .collect()
    }

    #[test]
    fn only_patterns_whose_literals_occur_run() {
        let gate = PatternGate::new([
            r"\b(?i:PNR|booking\s+ref)\s*[A-Z0-9]{6}\b",
            r"(?i)#aurora(?:air|moments)\b",
            r"\S+@example\.com",
        ]);
        // The third starts with a class too large to list: it always runs.
        assert_eq!(runs(&gate, "nothing here"), vec![2]);
        assert_eq!(runs(&gate, "my Booking  Ref is X"), vec![0, 2]);
        assert_eq!(runs(&gate, "pnr and #AURORAmoments"), vec![0, 1, 2]);
        // Case folding is Unicode's, as the regex's: the Kelvin sign is a k.
        assert_eq!(runs(&gate, "boo\u{212A}ing ref"), vec![0, 2]);
    }

    #[test]
    fn a_gated_pattern_never_misses_a_match() {
        use proptest::prelude::*;
        let patterns = [
            r"\b(?i:PNR|booking\s+(?:ref(?:erence)?|code))\s*[#:]?\s*[A-Z0-9]{1,5}[0-9]\b",
            r"(?i)\b(?:bit\.ly|tinyurl\.com|t\.me)/\S+",
            r"(?i:numer\s+rezerwacji)\s*[A-Z0-9]{6}",
        ];
        let gate = PatternGate::new(patterns);
        let regexes: Vec<regex::Regex> = patterns
            .iter()
            .map(|p| regex::Regex::new(p).expect("valid"))
            .collect();
        let words = "(pnr|PNR|booking ref|BOOKING CODE|bit.ly/x|T.ME/y|numer rezerwacji|AB12C3|ä|é|ß|ｐｎｒ| |:|#|ſ|K|\u{212A}|boo\u{212A}ing ref){0,8}";
        proptest!(ProptestConfig::with_cases(3000), |(text in words)| {
            let mask = gate.candidates(&text);
            for (i, re) in regexes.iter().enumerate() {
                if re.is_match(&text) {
                    prop_assert!(PatternGate::may_match(mask, i), "{} in {:?}", patterns[i], text);
                }
            }
        });
    }

    #[test]
    fn past_64_patterns_all_run() {
        let many: Vec<String> = (0..70).map(|i| format!("word{i}x")).collect();
        let gate = PatternGate::new(many.iter().map(String::as_str));
        let mask = gate.candidates("word3x");
        assert!(PatternGate::may_match(mask, 3));
        assert!(!PatternGate::may_match(mask, 4));
        assert!(PatternGate::may_match(mask, 65));
    }
}
