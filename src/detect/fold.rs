//! Folding text for keyword matching: NFKC, lowercase and, on request,
//! diacritics removed, with a map from every byte of the folded text back
//! to the original, so a match in the folded copy is a span of the
//! customer's own words.

use unicode_normalization::char::{
    canonical_combining_class, decompose_compatible, is_combining_mark,
};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// A folded copy of a text.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text`, plus one past the end: the byte offset in
    /// the original text of the character it came from. Always on a char
    /// boundary of the original.
    map: Vec<u32>,
    /// Original length, for the end of the last character.
    original_len: u32,
}

impl Folded {
    /// The original byte range of a folded byte range: from the start of
    /// the first character to the end of the last one.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map[start] as usize;
        // The end maps to where the next original character begins.
        let e = if end >= self.text.len() {
            self.original_len as usize
        } else {
            self.map[end] as usize
        };
        (s, e.max(s))
    }
}

/// Folds `original`. With `strip_diacritics`, marks are removed after
/// canonical decomposition and letters that do not decompose are replaced
/// (`ł`→`l`, `ø`→`o`, `đ`→`d`, `ß`→`ss`).
pub fn fold(original: &str, strip_diacritics: bool) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(original.len()),
        map: Vec::with_capacity(original.len() + 1),
        original_len: original.len() as u32,
    };
    if original.is_ascii() {
        // The common case, and a cheap one: every byte maps to itself.
        out.text
            .extend(original.bytes().map(|b| b.to_ascii_lowercase() as char));
        out.map.extend(0..original.len() as u32);
        out.map.push(original.len() as u32);
        return out;
    }
    if strip_diacritics {
        // Compatibility decomposition of each character with its marks
        // dropped: no recomposition is needed once the marks are gone.
        for (i, c) in original.char_indices() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase(), i);
                continue;
            }
            decompose_compatible(c, |d| {
                if is_combining_mark(d) {
                    return;
                }
                match replacement(d) {
                    Some(r) => r.chars().for_each(|r| out.push_lower(r, i)),
                    None => out.push_lower(d, i),
                }
            });
        }
    } else if is_nfkc_quick(original.chars()) == IsNormalized::Yes {
        // Already normal, as most text is: only the case changes.
        for (i, c) in original.char_indices() {
            out.push_lower(c, i);
        }
    } else {
        // Normalise cluster by cluster (a starter and its combining marks),
        // so composition works and every output byte has one source cluster.
        let mut cluster_start = 0;
        let mut chars = original.char_indices().peekable();
        let mut buf = String::new();
        while chars.next().is_some() {
            let next_start = loop {
                match chars.peek() {
                    Some(&(_, c)) if canonical_combining_class(c) != 0 => {
                        chars.next();
                    }
                    Some(&(i, _)) => break i,
                    None => break original.len(),
                }
            };
            buf.clear();
            buf.extend(original[cluster_start..next_start].nfkc());
            for c in buf.chars() {
                out.push_lower(c, cluster_start);
            }
            cluster_start = next_start;
        }
    }
    out.map.push(original.len() as u32);
    out
}

impl Folded {
    fn push(&mut self, c: char, from: usize) {
        let before = self.text.len();
        self.text.push(c);
        self.map
            .extend(std::iter::repeat_n(from as u32, self.text.len() - before));
    }

    fn push_lower(&mut self, c: char, from: usize) {
        if c.is_ascii() {
            self.push(c.to_ascii_lowercase(), from);
        } else {
            for lower in c.to_lowercase() {
                self.push(lower, from);
            }
        }
    }
}

/// Letters with a diacritic that canonical decomposition leaves whole.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'Ł' => "L",
        'ø' => "o",
        'Ø' => "O",
        'đ' => "d",
        'Đ' => "D",
        'ß' => "ss",
        'ẞ' => "SS",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ı' => "i",
        'ħ' => "h",
        'Ħ' => "H",
        'þ' => "th",
        'Þ' => "TH",
        _ => return None,
    })
}

/// Folds a keyword the same way as text, without the map; `None` when
/// nothing matchable is left (blank, or only marks that folding drops),
/// since an empty keyword would match everywhere.
pub fn fold_keyword(keyword: &str, strip_diacritics: bool) -> Option<String> {
    let folded = fold(keyword.trim(), strip_diacritics).text;
    let folded = folded.trim();
    (!folded.is_empty()).then(|| folded.to_string())
}

/// Scripts written without spaces between words: keywords in them match
/// anywhere, not only at word boundaries.
pub fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0E7F   // Thai
        | 0x0E80..=0x0EFF // Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x309F // Hiragana
        | 0x30A0..=0x30FF // Katakana
        | 0x31F0..=0x31FF // Katakana extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x20000..=0x2FFFF)
}

/// Whether a keyword must match at word boundaries: it does unless it is
/// written in a script without spaces.
pub fn needs_word_boundaries(keyword: &str) -> bool {
    !keyword.chars().any(is_unspaced)
}

/// Whether the folded text has a word boundary at byte `at`: the
/// characters on either side are not both word characters.
pub fn is_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !(before.is_some_and(is_word) && after.is_some_and(is_word))
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_width_with_a_map_back() {
        let f = fold("Ｂagaż ZGUBIONY", false);
        assert_eq!(f.text, "bagaż zgubiony");
        let at = f.text.find("zgubiony").unwrap();
        let (s, e) = f.original_span(at, at + "zgubiony".len());
        assert_eq!(&"Ｂagaż ZGUBIONY"[s..e], "ZGUBIONY");
    }

    #[test]
    fn strips_diacritics_including_letters_that_do_not_decompose() {
        assert_eq!(
            fold("Obsługa, bagaż, Søren, Đorđe, Straße", true).text,
            "obsluga, bagaz, soren, dorde, strasse"
        );
        let original = "e\u{301}cole";
        let f = fold(original, true);
        assert_eq!(f.text, "ecole");
        assert_eq!(f.original_span(0, 1), (0, 3));
    }

    #[test]
    fn boundaries() {
        assert!(is_boundary("late again", 4));
        assert!(!is_boundary("chocolate", 5));
        assert!(needs_word_boundaries("late"));
        assert!(!needs_word_boundaries("欠航"));
        assert!(!needs_word_boundaries("ล่าช้า"));
    }
}
