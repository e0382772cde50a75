//! X/Twitter's weighted length (twitter-text version 3 configuration,
//! with discounted emoji): the text is NFC-normalised; each code point
//! weighs 100 inside the configured ranges and 200 outside, on a scale of
//! 100; every URL counts 23; an emoji sequence counts 2. Conformance is
//! tested against the upstream `validate.yml` cases.
//!
//! The upstream port (the `twitter-text` crate) pulls cxx, pest and nom,
//! so this is a small counter of its own.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Weighted length limit of a post.
pub const MAX_WEIGHTED_LENGTH: u32 = 280;
/// What a URL counts as, whatever its length (t.co wrapping).
const URL_WEIGHT: u32 = 23;
const SCALE: u32 = 100;
const DEFAULT_WEIGHT: u32 = 200;
/// Code point ranges that weigh 100: Latin and most alphabets up to
/// U+10FF, and typographic spaces and punctuation.
const LIGHT_RANGES: [(u32, u32); 4] = [(0, 4351), (8192, 8205), (8208, 8223), (8242, 8247)];

/// The weighted length of `text`, in the units X shows (a CJK character
/// counts 2, a Latin one 1).
pub fn weighted_length(text: &str) -> u32 {
    let text: String = text.nfc().collect();
    let mut weight = 0;
    let mut at = 0;
    for (start, end) in urls(&text) {
        weight += plain_weight(&text[at..start]);
        weight += URL_WEIGHT * SCALE;
        at = end;
    }
    weight += plain_weight(&text[at..]);
    weight / SCALE
}

/// The scaled weight of text without URLs: emoji sequences as one
/// default-weight unit, every other code point by its range.
fn plain_weight(text: &str) -> u32 {
    text.graphemes(true)
        .map(|g| {
            if is_emoji_sequence(g) {
                DEFAULT_WEIGHT
            } else {
                g.chars().map(char_weight).sum()
            }
        })
        .sum()
}

fn char_weight(c: char) -> u32 {
    let cp = c as u32;
    if LIGHT_RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp)) {
        SCALE
    } else {
        DEFAULT_WEIGHT
    }
}

/// Whether a grapheme cluster is an emoji sequence as twitter-text's emoji
/// pattern reads it: a pictograph (with any skin tone, ZWJ joins or tag
/// sequence), a flag, or a keycap. `©` and `®` have a text presentation by
/// default: alone they are letters (weight 1), only with the emoji
/// variation selector U+FE0F (`©️`) an emoji. They are the only
/// pictographs in the light ranges, so for every other one the weight is
/// 2 either way.
pub fn is_emoji_sequence(cluster: &str) -> bool {
    let text_default = |c: char| matches!(c, '\u{A9}' | '\u{AE}');
    let selected = cluster.contains('\u{FE0F}');
    cluster.chars().any(|c| {
        (is_extended_pictographic(c) && (selected || !text_default(c)))
            || ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) // regional indicators
            || c == '\u{20E3}' // combining enclosing keycap
    })
}

/// Unicode's Extended_Pictographic property (Unicode 16, as in
/// unicode-segmentation's grapheme tables).
pub fn is_extended_pictographic(c: char) -> bool {
    let cp = c as u32;
    if cp < 0xA9 {
        return false;
    }
    EXTENDED_PICTOGRAPHIC
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

#[rustfmt::skip]
const EXTENDED_PICTOGRAPHIC: &[(u32, u32)] = &[
    (0xA9, 0xA9), (0xAE, 0xAE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328),
    (0x23CF, 0x23CF), (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB),
    (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2604), (0x260E, 0x260E),
    (0x2611, 0x2611), (0x2614, 0x2615), (0x2618, 0x2618), (0x261D, 0x261D), (0x2620, 0x2620),
    (0x2622, 0x2623), (0x2626, 0x2626), (0x262A, 0x262A), (0x262E, 0x262F), (0x2638, 0x263A),
    (0x2640, 0x2640), (0x2642, 0x2642), (0x2648, 0x2653), (0x265F, 0x2660), (0x2663, 0x2663),
    (0x2665, 0x2666), (0x2668, 0x2668), (0x267B, 0x267B), (0x267E, 0x267F), (0x2692, 0x2697),
    (0x2699, 0x2699), (0x269B, 0x269C), (0x26A0, 0x26A1), (0x26A7, 0x26A7), (0x26AA, 0x26AB),
    (0x26B0, 0x26B1), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26C8, 0x26C8), (0x26CE, 0x26CF),
    (0x26D1, 0x26D1), (0x26D3, 0x26D4), (0x26E9, 0x26EA), (0x26F0, 0x26F5), (0x26F7, 0x26FA),
    (0x26FD, 0x26FD), (0x2702, 0x2702), (0x2705, 0x2705), (0x2708, 0x270D), (0x270F, 0x270F),
    (0x2712, 0x2712), (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721),
    (0x2728, 0x2728), (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2763, 0x2764), (0x2795, 0x2797),
    (0x27A1, 0x27A1), (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3297), (0x3299, 0x3299), (0x1F004, 0x1F004), (0x1F02C, 0x1F02F),
    (0x1F094, 0x1F09F), (0x1F0AF, 0x1F0B0), (0x1F0C0, 0x1F0C0), (0x1F0CF, 0x1F0D0),
    (0x1F0F6, 0x1F0FF), (0x1F170, 0x1F171), (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A), (0x1F1AE, 0x1F1E5), (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A), (0x1F23C, 0x1F23F), (0x1F249, 0x1F25F),
    (0x1F266, 0x1F321), (0x1F324, 0x1F393), (0x1F396, 0x1F397), (0x1F399, 0x1F39B),
    (0x1F39E, 0x1F3F0), (0x1F3F3, 0x1F3F5), (0x1F3F7, 0x1F3FA), (0x1F400, 0x1F4FD),
    (0x1F4FF, 0x1F53D), (0x1F549, 0x1F54E), (0x1F550, 0x1F567), (0x1F56F, 0x1F570),
    (0x1F573, 0x1F57A), (0x1F587, 0x1F587), (0x1F58A, 0x1F58D), (0x1F590, 0x1F590),
    (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A5), (0x1F5A8, 0x1F5A8), (0x1F5B1, 0x1F5B2),
    (0x1F5BC, 0x1F5BC), (0x1F5C2, 0x1F5C4), (0x1F5D1, 0x1F5D3), (0x1F5DC, 0x1F5DE),
    (0x1F5E1, 0x1F5E1), (0x1F5E3, 0x1F5E3), (0x1F5E8, 0x1F5E8), (0x1F5EF, 0x1F5EF),
    (0x1F5F3, 0x1F5F3), (0x1F5FA, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CB, 0x1F6D2),
    (0x1F6D5, 0x1F6E5), (0x1F6E9, 0x1F6E9), (0x1F6EB, 0x1F6F0), (0x1F6F3, 0x1F6FF),
    (0x1F7DA, 0x1F7FF), (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F),
    (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8AF), (0x1F8BC, 0x1F8BF), (0x1F8C2, 0x1F8CF),
    (0x1F8D9, 0x1F8FF), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
    (0x1FA58, 0x1FA5F), (0x1FA6E, 0x1FAFF), (0x1FC00, 0x1FFFD),
];

/// `scheme://host[:port][/path]`: the host is checked separately.
static SCHEMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bhttps?://([^\s/?#:]+)(?::\d{1,5})?(?:[/?#]\S*)?").expect("valid regex")
});
/// A bare `domain.tld[/path]`; only ASCII hosts count without a scheme.
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:[a-z0-9_-]+\.)+[a-z]{2,})(?::\d{1,5})?(?:[/?#]\S*)?")
        .expect("valid regex")
});

/// Byte ranges of the URLs in `text`, in order, as X would link them.
pub fn urls(text: &str) -> Vec<(usize, usize)> {
    if !text.contains('.') {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    for m in SCHEMED.captures_iter(text) {
        let (Some(all), Some(host)) = (m.get(0), m.get(1)) else {
            continue;
        };
        if valid_host(host.as_str(), false) {
            found.push((all.start(), trim_trailing(text, all.start(), all.end())));
        }
    }
    // Schemed URLs come in text order, and so do bare ones: one cursor
    // over the former keeps the overlap test linear.
    let schemed = found.len();
    let mut cursor = 0;
    for m in BARE.captures_iter(text) {
        let (Some(all), Some(host)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let start = all.start();
        while cursor < schemed && found[cursor].1 <= start {
            cursor += 1;
        }
        // Not inside a linked URL, an e-mail address or a longer word.
        let inside = cursor < schemed && found[cursor].0 < all.end();
        let before = text[..start].chars().next_back();
        let glued = before.is_some_and(|c| c.is_alphanumeric() || "@.-_/:".contains(c));
        if !inside && !glued && valid_host(host.as_str(), true) {
            found.push((start, trim_trailing(text, start, all.end())));
        }
    }
    found.sort_unstable();
    found
}

/// A URL's end without trailing punctuation that ends the sentence.
fn trim_trailing(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match text[start..end].chars().next_back() {
            Some(c) if ".,;:!?'\")]}>".contains(c) => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// Whether a host has at least two labels, each at most 63 characters
/// (after punycode for non-ASCII ones), none starting or ending with a
/// hyphen, and a top-level domain X recognises.
fn valid_host(host: &str, bare: bool) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return false;
    }
    let labels_ok = labels.iter().all(|label| {
        if label.starts_with('-') || label.ends_with('-') {
            return false;
        }
        if label.is_ascii() {
            label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        } else {
            !bare
                && label.chars().all(char::is_alphanumeric)
                && punycode_len(label).is_some_and(|n| n + 4 <= 63)
        }
    });
    let tld = labels[labels.len() - 1].to_ascii_lowercase();
    labels_ok && (!tld.is_ascii() || known_tld(&tld))
}

/// Top-level domains: every two-letter country code, and the generic
/// domains seen in support replies. X's own list is longer; the
/// difference only matters for rare generic domains without a scheme.
fn known_tld(tld: &str) -> bool {
    const GENERIC: &[&str] = &[
        "com",
        "net",
        "org",
        "info",
        "biz",
        "edu",
        "gov",
        "mil",
        "int",
        "name",
        "pro",
        "aero",
        "asia",
        "cat",
        "coop",
        "jobs",
        "mobi",
        "museum",
        "tel",
        "travel",
        "app",
        "dev",
        "xyz",
        "online",
        "site",
        "store",
        "shop",
        "blog",
        "cloud",
        "tech",
        "news",
        "club",
        "live",
        "help",
        "support",
        "link",
        "page",
        "world",
        "global",
        "airline",
        "aero",
        "flights",
        "booking",
        "hotel",
        "hotels",
        "holiday",
        "tours",
        "email",
        "tokyo",
        "bangkok",
        "thai",
        "warszawa",
        "eus",
        "berlin",
        "london",
        "nyc",
        "google",
        "amazon",
        "microsoft",
        "apple",
    ];
    (tld.len() == 2 && tld.bytes().all(|b| b.is_ascii_lowercase())) || GENERIC.contains(&tld)
}

/// Length of the RFC 3492 punycode encoding of `label` (without the
/// `xn--` prefix), or `None` on overflow.
fn punycode_len(label: &str) -> Option<usize> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    let input: Vec<u32> = label.to_lowercase().chars().map(|c| c as u32).collect();
    let basic = input.iter().filter(|&&c| c < 0x80).count();
    let mut out = basic + usize::from(basic > 0);
    let (mut n, mut delta, mut bias) = (0x80u32, 0u32, 72u32);
    let mut handled = basic as u32;
    let total = input.len() as u32;
    while handled < total {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    out += 1;
                    if q < t {
                        break;
                    }
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                bias = adapt(delta, handled + 1, handled == basic as u32);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(out)
}

fn adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((36 - 1) * 26) / 2 {
        delta /= 36 - 1;
        k += 36;
    }
    k + (36 * delta) / (delta + 38)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of text and their weights by twitter-text's published rules
    /// (configuration v3, discounted emoji): 1 for a code point in the
    /// light ranges, 2 outside them, 2 for an emoji sequence, 23 for a URL;
    /// NFC first.
    const PIECES: &[(&str, u32)] = &[
        ("a", 1),
        ("Z", 1),
        ("7", 1),
        ("é", 1),
        ("e\u{301}", 1), // NFC makes it one code point
        ("ä", 1),
        ("ł", 1),
        ("ж", 1),
        ("ก", 1),
        ("ค่ะ", 3),
        ("漢", 2),
        ("カ", 2),
        ("ｶ", 2),
        ("한", 2),
        ("😀", 2),
        ("👍🏽", 2),
        ("👨\u{200D}👩\u{200D}👧", 2),
        ("❤\u{FE0F}", 2),
        ("©", 1),
        ("©\u{FE0F}", 2),
        ("®", 1),
        ("®\u{FE0F}", 2),
        ("™", 2),
        ("1\u{FE0F}\u{20E3}", 2),
        ("#\u{FE0F}\u{20E3}", 2),
        ("🇫🇮", 2),
        (
            "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
            2,
        ),
        ("—", 1),
        ("…", 2),
        ("https://example.com/a?b=c", 23),
        ("example.fi", 23),
        ("@nordlink", 9),
        ("#outage", 7),
    ];

    proptest! {
        #[test]
        fn weighted_length_follows_the_published_rules(
            picks in prop::collection::vec(0..PIECES.len(), 0..40)
        ) {
            // Pieces apart by a space (weight 1 each), so none joins another.
            let text: Vec<&str> = picks.iter().map(|&i| PIECES[i].0).collect();
            let expected: u32 = picks.iter().map(|&i| PIECES[i].1).sum::<u32>()
                + picks.len().saturating_sub(1) as u32;
            prop_assert_eq!(weighted_length(&text.join(" ")), expected, "{:?}", text);
        }
    }

    #[test]
    fn punycode_lengths_match_rfc_examples() {
        // "bücher" → "bcher-kva"; "münchen" → "mnchen-3ya".
        assert_eq!(punycode_len("bücher"), Some(9));
        assert_eq!(punycode_len("münchen"), Some(10));
    }

    #[test]
    fn counts() {
        assert_eq!(weighted_length("Hi http://test.co"), 26);
        assert_eq!(weighted_length("see example.com."), 4 + 23 + 1);
        assert_eq!(weighted_length("ana@example.com"), 15);
        assert_eq!(weighted_length("10.0 emoji"), 10);
    }
}
