//! Stems for `match: stem` keywords: the Snowball stemmer of the keyword's
//! language, so `cancel` matches cancelled and `lasku` matches laskut.

use rust_stemmers::{Algorithm, Stemmer};

/// The Snowball algorithm for a playbook language code, if there is one.
/// Polish and Estonian have none: their keywords use prefixes instead.
fn algorithm(lang: &str) -> Option<Algorithm> {
    Some(match lang {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// The languages that have a stemmer, for messages that list them.
pub const LANGUAGES: &[&str] = &[
    "ar", "da", "de", "el", "en", "es", "fi", "fr", "hu", "it", "nb", "nl", "nn", "no", "pt", "ro",
    "ru", "sv", "ta", "tr",
];

/// A stemmer for one language.
pub struct WordStemmer(Stemmer);

impl std::fmt::Debug for WordStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WordStemmer")
    }
}

impl WordStemmer {
    pub fn for_language(lang: &str) -> Option<WordStemmer> {
        algorithm(lang).map(|a| WordStemmer(Stemmer::create(a)))
    }

    /// The stem of a folded (lowercase) word.
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        self.0.stem(word)
    }
}

/// The start that a word and its stem share, which every inflected form
/// begins with: `deliver` of delivery (stem deliveri), `kundig` of
/// kundigung. What a stem keyword is searched for before stems are
/// compared.
pub fn shared_start(word: &str, stem: &str) -> String {
    word.chars()
        .zip(stem.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_stem() {
        let cases = [
            ("en", "cancel", &["cancelled", "cancelling", "cancels"][..]),
            ("en", "bill", &["bills", "billing"]),
            ("fi", "lasku", &["laskut", "laskussa", "laskusta"]),
            ("de", "rechnung", &["rechnungen"]),
            ("sv", "räkning", &["räkningen", "räkningar"]),
        ];
        for (lang, keyword, forms) in cases {
            let s = WordStemmer::for_language(lang).unwrap();
            for form in forms {
                assert_eq!(s.stem(form), s.stem(keyword), "{lang}: {form}");
            }
        }
        assert!(WordStemmer::for_language("pl").is_none());
        for lang in LANGUAGES {
            assert!(WordStemmer::for_language(lang).is_some(), "{lang}");
        }
    }
}
