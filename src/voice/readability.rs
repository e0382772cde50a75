//! Flesch reading ease for English text: 206.835 − 1.015 × words per
//! sentence − 84.6 × syllables per word. Higher is easier; plain English
//! scores 60-70. Syllables are counted by vowel groups, the usual
//! approximation (no dictionary).

/// The score and what it was computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flesch {
    pub score: f64,
    pub words: u32,
    pub sentences: u32,
}

/// Flesch reading ease of `text`, or `None` without any words.
pub fn flesch(text: &str) -> Option<Flesch> {
    let mut words = 0u32;
    let mut syllables = 0u32;
    for word in text
        .split(|c: char| !(c.is_alphabetic() || c == '\''))
        .filter(|w| w.chars().any(char::is_alphabetic))
    {
        words += 1;
        syllables += count_syllables(word);
    }
    if words == 0 {
        return None;
    }
    // A sentence ends at a run of terminal punctuation; a text without
    // any is one sentence.
    let mut sentences = 0u32;
    let mut in_end = false;
    for c in text.chars() {
        let end = matches!(c, '.' | '!' | '?');
        if end && !in_end {
            sentences += 1;
        }
        in_end = end;
    }
    let trailing = text
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| !matches!(c, '.' | '!' | '?'));
    if sentences == 0 || trailing {
        sentences += 1;
    }
    let score = 206.835
        - 1.015 * (f64::from(words) / f64::from(sentences))
        - 84.6 * (f64::from(syllables) / f64::from(words));
    Some(Flesch {
        score,
        words,
        sentences,
    })
}

/// Vowel groups, less a silent final `e`; at least one.
fn count_syllables(word: &str) -> u32 {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut groups = 0u32;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    let n = w.len();
    if groups > 1 && n > 2 && w[n - 1] == 'e' && w[n - 2] != 'l' && !vowel(w[n - 2]) {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_scores_higher_than_jargon() {
        let plain = flesch("We are on it. Your bag is at the desk. Come by at ten.").unwrap();
        let jargon = flesch(
            "Notwithstanding the aforementioned operational irregularities, \
             compensation eligibility determination necessitates documentation.",
        )
        .unwrap();
        assert!(plain.score > 90.0, "{plain:?}");
        assert!(jargon.score < 0.0, "{jargon:?}");
        assert_eq!(plain.sentences, 3);
        assert_eq!(count_syllables("make"), 1);
        assert_eq!(count_syllables("table"), 2);
        assert_eq!(count_syllables("compensation"), 4);
    }
}
