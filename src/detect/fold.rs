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
    /// the first character to the end of the last one. A range inside the
    /// expansion of one character (`株式` of `㍿`) spans that character.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map[start] as usize;
        if end <= start {
            return (s, s);
        }
        // The end is where the source of the last folded byte ends: the
        // next different source offset after it, or the end of the text.
        let last = self.map[end - 1];
        let e = self.map[end..]
            .iter()
            .find(|&&m| m != last)
            .map_or(self.original_len, |&m| m) as usize;
        (s, e.max(s))
    }
}

/// The lower-case Latin letters folded text has in the playbook markets'
/// languages (ASCII, Latin-1 and Latin Extended-A: "zamówienia", "för",
/// "päivän"), as ranges for a regex class. Patterns over these words use
/// it for `\w`: a Unicode `\w` compiles to an automaton of some 700
/// ranges each time it appears.
pub const LATIN_LETTERS: &str = "a-zß-öø-ÿĀ-ž";

/// Folds `original`: compatibility normalisation (NFKC, so full- and
/// half-width forms are one), lowercase and, with `strip_diacritics`, the
/// diacritics of Latin, Greek and Cyrillic letters removed and letters
/// that do not decompose replaced (`ł`→`l`, `ø`→`o`, `đ`→`d`, `ß`→`ss`).
///
/// Only those diacritics go: in Thai, Lao, Khmer, Myanmar, Devanagari and
/// the other abugidas the combining signs are vowels and tones of the word
/// (`คืนเงิน` is not `คนเงน`), and kana voicing marks make another word
/// (`バグ` bug is not `ハク`), so they are always kept.
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
    if !strip_diacritics && is_nfkc_quick(original.chars()) == IsNormalized::Yes {
        // Already normal, as most text is: only the case changes.
        for (i, c) in original.char_indices() {
            out.push_lower(c, i);
        }
        out.map.push(original.len() as u32);
        return out;
    }
    // Cluster by cluster (a starter and what combines with it), so that
    // composition works and every output byte has one source cluster. A
    // cluster is delimited after compatibility decomposition: half-width
    // `ﾞ` has combining class 0 but becomes the voicing mark U+3099, which
    // joins the kana before it (`ﾛｸﾞｲﾝ` is `ログイン`).
    let mut chars = original.char_indices().peekable();
    let mut decomposed: Vec<char> = Vec::new();
    let mut composed = String::new();
    while let Some((cluster_start, first)) = chars.next() {
        let alone = chars
            .peek()
            .is_none_or(|&(_, c)| !decomposes_to_nonstarter(c));
        if first.is_ascii() && alone {
            out.push(first.to_ascii_lowercase(), cluster_start);
            continue;
        }
        if alone && stands_as_is(first) {
            out.push(first, cluster_start);
            continue;
        }
        decomposed.clear();
        decompose_compatible(first, |d| decomposed.push(d));
        // Most characters (kana, Thai, ideographs, plain letters) stand
        // alone and do not decompose: nothing to strip or compose.
        if alone
            && decomposed.len() == 1
            && decomposed[0] == first
            && !is_combining_mark(first)
            && !(strip_diacritics && replacement(first).is_some())
        {
            out.push_lower(first, cluster_start);
            continue;
        }
        while let Some(&(_, c)) = chars.peek() {
            if !decomposes_to_nonstarter(c) {
                break;
            }
            decompose_compatible(c, |d| decomposed.push(d));
            chars.next();
        }
        if strip_diacritics {
            strip(&mut decomposed);
        }
        if let [only] = decomposed[..] {
            out.push_lower(only, cluster_start);
            continue;
        }
        composed.clear();
        // Canonical order and composition (NFC of the NFKD form is NFKC).
        composed.extend(decomposed.iter().copied().nfc());
        for c in composed.chars() {
            out.push_lower(c, cluster_start);
        }
    }
    out.map.push(original.len() as u32);
    out
}

/// Characters that fold to themselves when nothing combines with them:
/// ideographs, kana and Thai (but `ำ`, which compatibility splits), the
/// bulk of Japanese and Thai text. The general path gets the same result
/// through three table lookups and, for voiced kana, a decomposition and
/// composition each.
fn stands_as_is(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FC}'
        | '\u{0E01}'..='\u{0E32}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E3F}'..='\u{0E5B}')
}

/// Whether `c` begins, once decomposed, with a character that combines
/// with what precedes it.
fn decomposes_to_nonstarter(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if canonical_combining_class(c) != 0 {
        return true;
    }
    // Starters that decompose into a non-starter are few: half-width
    // voicing marks and some Tibetan vowel signs.
    if !matches!(c as u32, 0x0F70..=0x0F82 | 0xFF9E..=0xFF9F | 0x0340..=0x0345) {
        return false;
    }
    let mut first = None;
    decompose_compatible(c, |d| {
        first.get_or_insert(d);
    });
    first.is_some_and(|d| canonical_combining_class(d) != 0)
}

/// Removes from a decomposed cluster the diacritics of a Latin, Greek or
/// Cyrillic base letter, and replaces the letters that carry one without
/// decomposing.
fn strip(cluster: &mut Vec<char>) {
    let mut out = Vec::with_capacity(cluster.len());
    // A diacritic with no letter before it is dropped too.
    let mut base_takes_diacritics = true;
    for &c in cluster.iter() {
        if canonical_combining_class(c) == 0 && !is_combining_mark(c) {
            base_takes_diacritics = is_alphabet_letter(c);
            match replacement(c) {
                Some(r) => out.extend(r.chars()),
                None => out.push(c),
            }
        } else if !(base_takes_diacritics && is_diacritic_mark(c)) {
            out.push(c);
        }
    }
    *cluster = out;
}

/// Letters of the alphabets whose accents are diacritics a customer may
/// leave out: Latin, Greek, Cyrillic.
fn is_alphabet_letter(c: char) -> bool {
    matches!(c as u32,
        0x0041..=0x005A | 0x0061..=0x007A
        | 0x00C0..=0x024F   // Latin-1 letters, Latin Extended-A and -B
        | 0x0250..=0x02AF   // IPA extensions
        | 0x1E00..=0x1EFF   // Latin Extended Additional
        | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F
        | 0x0370..=0x03FF | 0x1F00..=0x1FFF // Greek
        | 0x0400..=0x052F | 0x1C80..=0x1C8F | 0xA640..=0xA69F) // Cyrillic
}

/// The generic combining diacritics (acute, ogonek, umlaut, ...), as
/// opposed to the signs of a particular script.
fn is_diacritic_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
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
        } else if uncased(c) {
            self.push(c, from);
        } else {
            for lower in c.to_lowercase() {
                self.push(lower, from);
            }
        }
    }
}

/// Scripts without case, whose letters are their own lower case: Thai,
/// Lao, kana and CJK ideographs (the bulk of the Japanese and Thai text a
/// playbook routes) skip the case tables.
fn uncased(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'   // Thai, Lao
        | '\u{3000}'..='\u{30FF}' // CJK punctuation, hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{FF61}'..='\u{FF9F}' // half-width katakana
    )
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

/// A keyword in the form customers type it, for targets that do no folding
/// of their own (Zendesk): NFC and lowercase, and with `strip_diacritics`
/// without the diacritics that [`fold`] removes. Unlike [`fold_keyword`],
/// compatibility forms stay (Thai `ำ` is not split into `ํ`+`า`).
pub fn typed_form(keyword: &str, strip_diacritics: bool) -> Option<String> {
    let mut out = String::new();
    let mut cluster: Vec<char> = Vec::new();
    for c in keyword.trim().nfc() {
        if canonical_combining_class(c) == 0 && !cluster.is_empty() {
            flush_typed(&mut cluster, strip_diacritics, &mut out);
        }
        unicode_normalization::char::decompose_canonical(c, |d| cluster.push(d));
    }
    flush_typed(&mut cluster, strip_diacritics, &mut out);
    let out = out.trim();
    (!out.is_empty()).then(|| out.to_string())
}

fn flush_typed(cluster: &mut Vec<char>, strip_diacritics: bool, out: &mut String) {
    if strip_diacritics {
        strip(cluster);
    }
    for c in cluster.drain(..).nfc() {
        out.extend(c.to_lowercase());
    }
}

/// Whether stripping diacritics leaves `text`'s folding as it is: every
/// character is ASCII or of a script or block without diacritics to
/// strip (kana, ideographs, Thai, punctuation, symbols, emoji), so
/// `fold(text, true)` equals `fold(text, false)` and one folding serves
/// both automata. Conservative: other characters answer `false`.
pub fn strips_nothing(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(c as u32,
            0x0000..=0x007F
            | 0x0E00..=0x0E7F   // Thai
            | 0x2000..=0x206F   // general punctuation
            | 0x2190..=0x27BF   // arrows, symbols, dingbats
            | 0x3000..=0x30FF   // CJK punctuation, hiragana, katakana
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF // ideographs
            | 0xFE0F            // emoji presentation
            | 0xFF01..=0xFF5E   // full-width ASCII
            | 0xFF61..=0xFF9F   // half-width katakana
            | 0x1F300..=0x1FAFF) // emoji
    })
}

/// `Kündigung` as typed on a keyboard without umlauts: `Kuendigung`;
/// `None` when the word has no umlaut.
pub fn umlauts_spelled_out(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len() + 4);
    let mut changed = false;
    for c in word.chars() {
        let r = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'Ä' => "Ae",
            'Ö' => "Oe",
            'Ü' => "Ue",
            _ => {
                out.push(c);
                continue;
            }
        };
        changed = true;
        out.push_str(r);
    }
    changed.then_some(out)
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
/// characters on either side are not both word characters, or one is in a
/// script written without spaces and the other is not (`eSIMを`, `PUKロック`,
/// `ย้ายeSIMไป`: Latin words inside Japanese or Thai have no spaces around
/// them).
pub fn is_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) if is_word(b) && is_word(a) => is_unspaced(b) != is_unspaced(a),
        _ => true,
    }
}

/// Where `word` stands in the folded `text` on its own: at word boundaries
/// in scripts written with spaces, anywhere in the others. Both are folded
/// the same way.
pub fn whole_words<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let bounded = needs_word_boundaries(word);
    text.match_indices(word)
        .map(|(at, _)| at)
        .filter(move |&at| {
            !bounded || (is_boundary(text, at) && is_boundary(text, at + word.len()))
        })
}

/// Whether byte `at` of the folded text falls inside a character cluster:
/// the character after it is a combining sign of the one before. A keyword
/// never starts or ends there (Thai `คน` is not in `คืน`, `ハ` not in `バ`).
pub fn splits_cluster(text: &str, at: usize) -> bool {
    // Marks are never ASCII: most checks end at the first byte.
    at > 0
        && text.as_bytes().get(at).is_some_and(|&b| b >= 0x80)
        && text[at..].chars().next().is_some_and(is_combining_mark)
}

/// The end of the word that starts at or runs through byte `at`.
pub fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(text.len(), |(i, _)| at + i)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncased_scripts_have_no_case_to_change() {
        let ranges = [
            (0x0E00, 0x0EFF),
            (0x3000, 0x30FF),
            (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF),
            (0xFF61, 0xFF9F),
        ];
        for (from, to) in ranges {
            for c in (from..=to).filter_map(char::from_u32) {
                assert!(uncased(c));
                assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
            }
        }
    }

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
    fn keeps_the_signs_of_abugidas_and_kana() {
        // Thai vowels and tones, Devanagari vowel signs, kana voicing.
        for word in [
            "คืนเงิน",
            "ควนขนุน",
            "ชำระเงิน",
            "नमस्ते",
            "バグ",
            "けが",
            "ログイン",
        ] {
            assert_eq!(fold(word, true).text, fold(word, false).text, "{word}");
            // NFKC writes Thai `ำ` as `ํ`+`า` on both sides of a match.
            assert_eq!(
                fold(word, true).text,
                word.nfkc().collect::<String>(),
                "{word}"
            );
        }
        assert_ne!(fold("ハグ", true).text, fold("バグ", true).text);
        assert!(
            !fold("席はそれだけかな", true)
                .text
                .contains(&fold("けが", true).text)
        );
        // Greek and Cyrillic accents are diacritics like Latin ones.
        assert_eq!(fold("Ωμέγα", true).text, "ωμεγα");
        assert_eq!(fold("ёлка", true).text, "елка");
    }

    #[test]
    fn half_and_full_width_kana_fold_alike() {
        for strip in [false, true] {
            assert_eq!(fold("ﾛｸﾞｲﾝ", strip).text, "ログイン");
            assert_eq!(fold("ﾊﾟｽﾜｰﾄﾞ", strip).text, "パスワード");
            assert_eq!(fold("ログイン", strip).text, "ログイン");
        }
        let f = fold("ﾛｸﾞｲﾝできない", false);
        let at = f.text.find("グ").unwrap();
        let (s, e) = f.original_span(at, at + "グ".len());
        assert_eq!(&"ﾛｸﾞｲﾝできない"[s..e], "ｸﾞ");
    }

    #[test]
    fn a_match_inside_an_expansion_spans_the_character() {
        let original = "㍿オーロラ";
        let f = fold(original, false);
        assert!(f.text.starts_with("株式会社"));
        let (s, e) = f.original_span(0, "株式".len());
        assert_eq!(&original[s..e], "㍿");
        let end = f.text.len();
        let (s, e) = f.original_span(end - "ラ".len(), end);
        assert_eq!(&original[s..e], "ラ");
    }

    #[test]
    fn typed_forms_keep_compatibility_characters() {
        assert_eq!(typed_form("ชำระเงิน", true).as_deref(), Some("ชำระเงิน"));
        assert_eq!(typed_form("バグ", true).as_deref(), Some("バグ"));
        assert_eq!(
            typed_form("Obsługa Zwrotu", true).as_deref(),
            Some("obsluga zwrotu")
        );
        assert_eq!(typed_form("Störung", false).as_deref(), Some("störung"));
        assert_eq!(typed_form(" \u{301} ", true), None);
    }

    #[test]
    fn boundaries() {
        assert!(is_boundary("late again", 4));
        assert!(!is_boundary("chocolate", 5));
        assert!(is_boundary("esimを移した", 4));
        assert!(is_boundary("puk", 0) && is_boundary("pukロック", 3));
        assert!(is_boundary("ย้ายesimไป", "ย้าย".len()));
        assert!(!is_boundary("ย้ายไป", "ย้า".len()));
        assert!(needs_word_boundaries("late"));
        assert!(!needs_word_boundaries("欠航"));
        assert!(!needs_word_boundaries("ล่าช้า"));
    }

    #[test]
    fn characters_that_stand_as_is_are_their_own_folding() {
        let mut seen = 0;
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| stands_as_is(c))
        {
            seen += 1;
            let alone = c.to_string();
            assert_eq!(alone.nfkc().collect::<String>(), alone, "{c:?} is NFKC");
            assert!(uncased(c), "{c:?} has no case");
            for strip in [false, true] {
                let folded = fold(&alone, strip);
                assert_eq!(folded.text, alone, "{c:?}");
                assert_eq!(folded.original_span(0, alone.len()), (0, alone.len()));
            }
        }
        assert_eq!(
            seen,
            0x9FFF - 0x4E00 + 1 + 0x4DBF - 0x3400 + 1 + 0x56 + 0x5C + 0x32 + 7 + 0x1D
        );
    }

    #[test]
    fn text_that_strips_nothing_folds_the_same_either_way() {
        let alone: Vec<char> = [
            0x20..=0x7E,
            0x0E00..=0x0E7F,
            0x2000..=0x206F,
            0x2190..=0x27BF,
            0x3000..=0x30FF,
            0x3400..=0x4DBF,
            0x4E00..=0x9FFF,
            0xFE0F..=0xFE0F,
            0xFF01..=0xFF5E,
            0xFF61..=0xFF9F,
            0x1F300..=0x1FAFF,
        ]
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .collect();
        let same = |text: &str| {
            assert!(strips_nothing(text), "{text:?}");
            let (a, b) = (fold(text, false), fold(text, true));
            assert_eq!(a.text, b.text, "{text:?}");
            // Where a match may begin and end (never inside a cluster),
            // both give it the same span of the original.
            let bounds: Vec<usize> = (0..=a.text.len())
                .filter(|&i| a.text.is_char_boundary(i) && !splits_cluster(&a.text, i))
                .collect();
            for &start in &bounds {
                for &end in bounds.iter().filter(|&&e| e >= start) {
                    assert_eq!(
                        a.original_span(start, end),
                        b.original_span(start, end),
                        "{text:?} {start}..{end}"
                    );
                }
            }
        };
        for &c in &alone {
            same(&c.to_string());
        }
        // What joins the character before it: voicing marks, Thai vowels
        // and tones, emoji joiners, after letters of every kind.
        let joining = [
            '\u{3099}', '\u{309A}', 'ﾞ', 'ﾟ', '\u{0E31}', '\u{0E48}', '\u{FE0F}', '\u{200D}',
        ];
        for &c in alone.iter().step_by(7) {
            for &j in &joining {
                same(&format!("{c}{j}x{j}"));
            }
        }
        assert!(!strips_nothing("zwrot pieniędzy"));
        assert!(!strips_nothing("e\u{301}"));
        assert!(!strips_nothing("Å"));
    }
}
