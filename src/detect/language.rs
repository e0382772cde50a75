//! Which of the playbook's languages a message is in, made for the short
//! texts of social media ("netti poikki??", "Rechnung?!").
//!
//! Cheapest evidence first, stopping as soon as one language is certain:
//!
//! 1. the script: kana is Japanese, Thai script is Thai, Hangul Korean;
//! 2. evidence scored per candidate language: the languages of the
//!    keywords that matched, the everyday words of each language (`ei`,
//!    `nicht`, `och`, `nie`, ...), the words the playbook's examples
//!    teach ([`LanguageId::learn`]), and letters that only some of the
//!    playbook's alphabets have (`ą`, `õ`, `ß`, `å`), a letter that a
//!    language lacks counting against it;
//! 3. only when that leaves a tie: trigram statistics, limited to the
//!    tied languages (with no evidence at all, to the playbook's): those
//!    of the playbook's own labelled examples where it has any, else
//!    whatlang's.
//!
//! Statistical detectors made for short text (lingua) are more accurate on
//! two words without any of this evidence, but cost 40-240 µs a message
//! here, where the whole router takes about 5 µs; a message without evidence
//! is rare in care traffic, because a message worth routing holds a
//! keyword.

use std::collections::HashMap;

use super::fold::fold;

/// Everyday words per language: function words, pronouns, common verbs and
/// the words customers open and close with. General knowledge of each
/// language, written without reference to any corpus. A word listed for
/// several languages counts for each of them in part.
const WORDS: &[(&str, &str)] = &[
    (
        "en",
        "the a an is are was were be been am i my me you your we our us they it its this that these those \
         and or but not no yes if so what why how when where who which can cant can't could would should will \
         wont won't dont don't doesnt doesn't didnt didn't isnt isn't have has had do does did get got still again \
         just only already today yesterday now please thanks thank hi hello hey there here with without from \
         for of to in on at by about all any anyone everyone someone nothing since been going ever never \
         good morning evening night happy day week deal love lol omg guys code merry christmas easter \
         birthday cheers",
    ),
    (
        "de",
        "der die das den dem des ein eine einen einem einer ist sind war waren bin bist sein ich mich mir mein meine \
         meinen du dich dein deine wir uns unser ihr euch sie es er und oder aber nicht kein keine keinen ja nein \
         wenn was warum wie wann wo wer kann können konnte würde soll wird werden hat habe haben hatte gibt schon \
         noch wieder nur heute gestern jetzt bitte danke hallo mit ohne von für zu im am auf bei seit mehr auch \
         doch mal gerade immer nie geht gehts funktioniert guten morgen abend tag erhalten bekommen frohe \
         frohes ostern weihnachten jahr alles gute geburtstag",
    ),
    (
        "pl",
        "i w na z się nie jest są był była było jestem mam ma mają miał mój moja moje mi mnie ty wy was wam my nas \
         nam oni to ten ta te tego tej że ale czy co dlaczego czemu jak kiedy gdzie kto może można mogę będzie \
         już jeszcze znowu tylko dziś dzisiaj wczoraj teraz proszę dzięki dziękuję cześć dzień dobry witam z do od \
         dla po przez przy o bez u też tak nic wszystko wszyscy ktoś działa siema hej elo kod wesołych \
         świąt wszystkiego najlepszego",
    ),
    (
        "et",
        "ja on ei see et aga kas mis miks kuidas millal kus kes saab saan olen oli olid oleme mu minu mul mind \
         ma mina sa sina te teie teil meil me nad tema nüüd jälle veel ainult juba täna eile palun aitäh tänan \
         tere tšau head koos ilma kuni pärast enne ka ikka kõik keegi midagi mitte pole polnud tööta töötab \
         siin seal üle väga lihtsalt uus täitsa hea head kood häid pühi jõule rõõmsaid aastat \
         palju õnne",
    ),
    (
        "fi",
        "ja on ei se että mutta kun jos onko mitä miksi miten milloin missä kuka voi voiko voin olen oli olin \
         ollut olemme minun mun mulla minulla mä minä sä sinä te teillä meillä me he hän nyt taas vielä vain \
         jo tänään eilen kiitos moi hei terve kanssa ilman kuin myös kaikki joku jotain mitään ihan vaan \
         koko tämä tää toimi toimii täällä siellä pitää huomenta moikka päivää eikä yhtään pakko mua niin koodi \
         hyvää joulua pääsiäistä uutta vuotta onnea",
    ),
    (
        "sv",
        "och att det den de en ett är var vara har hade jag mig min mitt mina du dig din ditt ni er vi oss vår \
         han hon inte ingen inget ja nej om vad varför hur när var vem kan kunde skulle ska kommer blir fick \
         redan igen bara idag igår nu tack hej med utan från för till på av hos också alla någon något \
         fungerar funkar fortfarande god morgon gomorron kväll koden kod jul påsk gott nytt år grattis i",
    ),
    (
        "fr",
        "le la les un une des est sont était je me mon ma mes tu te ton ta vous votre nous notre ils elle il et \
         ou mais ne pas non oui si que quoi pourquoi comment quand où qui peut pouvez déjà encore seulement \
         aujourd'hui hier maintenant merci bonjour salut avec sans pour dans sur chez aussi tout rien",
    ),
    (
        "es",
        "el la los las un una es son era soy estoy está están yo me mi mis tú te tu usted ustedes nosotros \
         nuestro ellos ella y o pero no sí si que qué por porqué cómo cuándo dónde quién puede puedo ya todavía \
         solo hoy ayer ahora gracias hola con sin para en sobre también todo nada funciona",
    ),
    (
        "it",
        "il lo la gli le un una è sono era io mi mio mia tu ti tuo voi vostro noi nostro loro lei lui e o ma \
         non sì se che cosa perché come quando dove chi può posso già ancora solo oggi ieri adesso grazie \
         ciao buongiorno con senza per in su anche tutto niente funziona",
    ),
    (
        "pt",
        "o a os as um uma é são era sou estou está eu me meu minha tu te você vocês nós nosso eles ela e ou \
         mas não sim se que por porque como quando onde quem pode posso já ainda só hoje ontem agora obrigado \
         obrigada olá oi com sem para em sobre também tudo nada funciona",
    ),
    (
        "nl",
        "de het een is zijn was waren ik me mij mijn jij je jouw u uw wij we ons onze zij ze hij en of maar \
         niet geen ja nee als wat waarom hoe wanneer waar wie kan kunnen zou zal wordt heeft hebben al nog \
         weer alleen vandaag gisteren nu alsjeblieft bedankt dank hallo met zonder van voor naar op bij ook \
         alles niets werkt",
    ),
    (
        "da",
        "og at det den de en et er var være har havde jeg mig min mit mine du dig din dit i jer vi os vores han \
         hun ikke ingen ja nej hvis hvad hvorfor hvordan hvornår hvor hvem kan kunne skulle skal bliver \
         allerede igen kun idag i dag i går nu tak hej med uden fra for til på af hos også alle nogen noget virker",
    ),
    (
        "nb",
        "og at det den de en et er var være har hadde jeg meg min mitt mine du deg din ditt dere vi oss vår han \
         hun ikke ingen ja nei hvis hva hvorfor hvordan når hvor hvem kan kunne skulle skal blir allerede igjen \
         bare idag i dag i går nå takk hei med uten fra for til på av hos også alle noen noe fungerer virker",
    ),
];

/// Letters beyond a-z that each alphabet uses (lowercase). A letter a
/// language lacks counts against it: `ą` is not Finnish.
const LETTERS: &[(&str, &str)] = &[
    ("pl", "ąćęłńóśźż"),
    ("et", "äöõüšž"),
    ("fi", "äöåšž"),
    ("de", "äöüß"),
    ("sv", "äöå"),
    ("da", "æøå"),
    ("nb", "æøå"),
    ("nn", "æøå"),
    ("fr", "àâæçéèêëîïôœùûüÿ"),
    ("es", "áéíñóúü"),
    ("pt", "áâãàçéêíóôõú"),
    ("it", "àèéìíîòóùú"),
    ("nl", "éëïöü"),
    ("cs", "áčďéěíňóřšťúůýž"),
    ("sk", "áäčďéíĺľňóôŕšťúýž"),
    ("hu", "áéíóöőúüű"),
    ("ro", "ăâîșşțţ"),
    ("tr", "çğıöşü"),
    ("lt", "ąčęėįšųūž"),
    ("lv", "āčēģīķļņšūž"),
    ("is", "áðéíóúýþæö"),
    ("ga", "áéíóú"),
    ("en", ""),
];

/// Why a language was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Identified {
    /// The script belongs to one playbook language.
    Script,
    /// Keywords, everyday or learned words and letters point to one
    /// language.
    Evidence,
    /// Evidence left a tie that trigram statistics broke.
    Statistics,
}

/// Identifies a text's language among a playbook's languages.
#[derive(Debug)]
pub struct LanguageId {
    languages: Vec<String>,
    /// Folded word → the candidate languages (bit set) that use it.
    words: HashMap<String, u64>,
    /// Letter → the candidate languages whose alphabet has it.
    letters: HashMap<char, u64>,
    /// Languages whose alphabet is known, so a foreign letter counts
    /// against them.
    alphabet_known: u64,
    detector: Option<whatlang::Detector>,
    /// whatlang's name of each playbook language, where it has one.
    statistical: Vec<Option<whatlang::Lang>>,
    /// Folded word → the one language whose labelled examples use it
    /// ([`learn`](Self::learn)).
    learned: HashMap<String, usize>,
    /// Character trigrams of the labelled examples, by language
    /// ([`learn`](Self::learn)): what breaks a tie when there are any.
    trigrams: Trigrams,
}

/// A naive Bayes model of each language's character trigrams (within
/// words, their edges marked), learned from the playbook's labelled
/// examples. whatlang's trigram profiles are made from long text in
/// general use; a team's own short messages, with their inflections,
/// slang and missing diacritics, tell its languages apart better
/// (cross-validated on the Nordlink examples: BENCHMARKS.md).
#[derive(Debug, Default)]
struct Trigrams {
    /// Trigram → its log-probability in each language, smoothed.
    log_p: HashMap<[char; 3], Vec<f32>>,
    /// Languages with examples: the only ones it can speak for.
    known: u64,
}

impl Trigrams {
    fn learn(&mut self, counts: &HashMap<[char; 3], Vec<u32>>, n: usize) {
        let mut totals = vec![0u64; n];
        for by_lang in counts.values() {
            for (t, &c) in totals.iter_mut().zip(by_lang) {
                *t += u64::from(c);
            }
        }
        // Add-one smoothing over the trigrams seen in any language.
        let vocabulary = counts.len() as f64;
        let denominators: Vec<f64> = totals.iter().map(|&t| t as f64 + vocabulary).collect();
        self.known = (0..n)
            .filter(|&l| totals[l] > 0)
            .fold(0, |set, l| set | 1 << l);
        self.log_p = counts
            .iter()
            .map(|(gram, by_lang)| {
                let logs = by_lang
                    .iter()
                    .zip(&denominators)
                    .map(|(&c, d)| ((f64::from(c) + 1.0) / d).ln() as f32)
                    .collect();
                (*gram, logs)
            })
            .collect();
    }

    /// The most likely of `candidates` (a bit set) for the folded text;
    /// ties go to the earlier language. None when a candidate has no
    /// examples (the model cannot speak for it, and choosing among the
    /// others would exclude it unheard) or no trigram of the text is
    /// known.
    fn most_likely(&self, folded: &str, candidates: u64) -> Option<usize> {
        if candidates == 0 || candidates & !self.known != 0 {
            return None;
        }
        // At most 64 candidate languages: the scores fit on the stack, no
        // allocation per tie.
        let mut score = [0f32; 64];
        let mut any = false;
        // A trigram no example has says nothing of the text's language;
        // counted as unseen in each, it would only favour the language
        // with the fewest examples.
        each_trigram(folded, |gram| {
            if let Some(logs) = self.log_p.get(&gram) {
                any = true;
                for (s, l) in score.iter_mut().zip(logs) {
                    *s += l;
                }
            }
        });
        if !any {
            return None;
        }
        (0..score.len())
            .filter(|&l| candidates & (1 << l) != 0)
            .fold(None, |best: Option<usize>, l| match best {
                Some(b) if score[b] >= score[l] => Some(b),
                _ => Some(l),
            })
    }
}

/// Each character trigram of each word of a folded text, the word's edges
/// marked with spaces; digits are no word.
fn each_trigram(folded: &str, mut f: impl FnMut([char; 3])) {
    for word in words(folded).filter(|w| !w.chars().all(|c| c.is_numeric())) {
        let mut window = [' ', ' ', ' '];
        for c in word.chars().chain([' ']) {
            window = [window[1], window[2], c];
            // Not the blank window before the first letter.
            if window[1] != ' ' || window[0] != ' ' {
                f(window);
            }
        }
    }
}

impl LanguageId {
    /// An identifier for `languages` (playbook codes, in playbook order;
    /// only the first 64 are candidates).
    pub fn new(languages: &[String]) -> LanguageId {
        let index = |code: &str| languages.iter().take(64).position(|l| l == code);
        let mut words: HashMap<String, u64> = HashMap::new();
        for (code, list) in WORDS {
            let Some(i) = index(code) else { continue };
            for w in list.split_whitespace() {
                // As typed and without diacritics, as phones often type.
                for strip in [false, true] {
                    *words.entry(fold(w, strip).text).or_default() |= 1 << i;
                }
            }
        }
        let mut letters: HashMap<char, u64> = HashMap::new();
        let mut alphabet_known = 0u64;
        for (code, list) in LETTERS {
            let Some(i) = index(code) else { continue };
            alphabet_known |= 1 << i;
            for c in list.chars() {
                *letters.entry(c).or_default() |= 1 << i;
            }
        }
        let statistical: Vec<Option<whatlang::Lang>> = languages
            .iter()
            .take(64)
            .map(|code| {
                whatlang::Lang::all()
                    .iter()
                    .copied()
                    .find(|l| iso639_1(*l) == Some(code.as_str()))
            })
            .collect();
        let allow: Vec<whatlang::Lang> = statistical.iter().flatten().copied().collect();
        LanguageId {
            languages: languages.iter().take(64).cloned().collect(),
            words,
            letters,
            alphabet_known,
            detector: (allow.len() > 1).then(|| whatlang::Detector::with_allowlist(allow)),
            statistical,
            learned: HashMap::new(),
            trigrams: Trigrams::default(),
        }
    }

    /// Learns the words that mark a language from labelled messages
    /// (text, language code): a word found in at least
    /// [`LEARNED_FEWEST`] of them, nearly all in one language, becomes
    /// evidence for it. A team's own traffic knows its place names,
    /// slang and greetings ("moin") as no general list does.
    /// Everyday words already listed and codes outside the playbook's
    /// languages are left out.
    pub fn learn<'a>(&mut self, examples: impl IntoIterator<Item = (&'a str, &'a str)>) {
        let n = self.languages.len();
        let mut counts: HashMap<String, Vec<u32>> = HashMap::new();
        let mut seen: Vec<String> = Vec::new();
        let mut trigrams: HashMap<[char; 3], Vec<u32>> = HashMap::new();
        for (text, code) in examples {
            let Some(lang) = self.languages.iter().position(|l| l == code) else {
                continue;
            };
            let as_typed = fold(text, false).text;
            each_trigram(&as_typed, |gram| {
                trigrams.entry(gram).or_insert_with(|| vec![0; n])[lang] += 1;
            });
            seen.clear();
            for folded in [as_typed, fold(text, true).text] {
                for word in words(&folded) {
                    if word.chars().count() >= 2
                        && !word.chars().all(|c| c.is_numeric())
                        && !self.words.contains_key(word)
                        && !seen.iter().any(|w| w == word)
                    {
                        seen.push(word.to_string());
                    }
                }
            }
            for word in seen.drain(..) {
                counts.entry(word).or_insert_with(|| vec![0; n])[lang] += 1;
            }
        }
        self.trigrams.learn(&trigrams, n);
        self.learned = counts
            .into_iter()
            .filter_map(|(word, by_lang)| {
                let total: u32 = by_lang.iter().sum();
                let (lang, &most) = by_lang
                    .iter()
                    .enumerate()
                    .max_by_key(|&(i, c)| (*c, usize::MAX - i))?;
                (total >= LEARNED_FEWEST && f64::from(most) >= LEARNED_SHARE * f64::from(total))
                    .then_some((word, lang))
            })
            .collect();
    }

    /// The language of `text` (an index into the playbook's languages),
    /// given the languages of the keywords that matched in it (with
    /// repeats; a keyword listed under several languages once for each).
    pub fn identify(&self, text: &str, keyword_langs: &[usize]) -> Option<(usize, Identified)> {
        if let Some(code) = by_script(text, &self.languages)
            && let Some(i) = self.languages.iter().position(|l| l == code)
        {
            return Some((i, Identified::Script));
        }
        let n = self.languages.len();
        if n == 0 {
            return None;
        }
        let mut score = vec![0f32; n];
        // Keywords: the strongest evidence, since the playbook author put
        // each one under its language.
        let mut seen = 0u64;
        for &l in keyword_langs {
            if l < n && seen & (1 << l) == 0 {
                seen |= 1 << l;
                score[l] += 2.0;
            }
        }
        let folded = fold(text, false);
        for word in words(&folded.text) {
            if let Some(&set) = self.words.get(word) {
                spread(&mut score, set, 1.0);
            } else if !self.learned.is_empty()
                && let Some(&lang) = self.learned.get(word)
            {
                score[lang] += LEARNED_WEIGHT;
            }
        }
        for c in folded
            .text
            .chars()
            .filter(|c| !c.is_ascii() && c.is_alphabetic())
        {
            let has = self.letters.get(&c).copied().unwrap_or(0);
            if has == 0 {
                continue;
            }
            spread(&mut score, has, 1.5);
            // Alphabets known to lack the letter count it against them.
            for (i, s) in score.iter_mut().enumerate() {
                if self.alphabet_known & (1 << i) != 0 && has & (1 << i) == 0 {
                    *s -= 1.0;
                }
            }
        }
        let best = score.iter().copied().fold(f32::MIN, f32::max);
        let tied: Vec<usize> = (0..n).filter(|&i| score[i] >= best - 0.25).collect();
        if best > 0.0 && tied.len() == 1 {
            return Some((tied[0], Identified::Evidence));
        }
        // A tie: trigram statistics among the tied languages. No evidence
        // at all: among all of the playbook's. The examples' own trigrams
        // first, where they know every one of those languages.
        let candidates = if best > 0.0 {
            tied.iter().fold(0u64, |set, &i| set | 1 << i)
        } else {
            u64::MAX >> (64 - n)
        };
        if let Some(i) = self.trigrams.most_likely(&folded.text, candidates) {
            return Some((i, Identified::Statistics));
        }
        let tied_detector;
        let detector = if best > 0.0 {
            let allow: Vec<whatlang::Lang> =
                tied.iter().filter_map(|&i| self.statistical[i]).collect();
            if allow.is_empty() {
                return None;
            }
            tied_detector = whatlang::Detector::with_allowlist(allow);
            Some(&tied_detector)
        } else {
            self.detector.as_ref()
        };
        let guess = detector.and_then(|d| d.detect(text))?;
        let code = iso639_1(guess.lang())?;
        let i = self.languages.iter().position(|l| l == code)?;
        Some((i, Identified::Statistics))
    }
}

/// The words of a folded text.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
}

/// How many labelled messages must use a word before it counts for a
/// language, and what share of them must be in that language.
const LEARNED_FEWEST: u32 = 2;
const LEARNED_SHARE: f64 = 0.9;
/// A learned word weighs as an everyday word of one language.
const LEARNED_WEIGHT: f32 = 1.0;

/// Adds `weight` to each language of `set`, shared between them.
fn spread(score: &mut [f32], set: u64, weight: f32) {
    let count = set.count_ones() as f32;
    for (i, s) in score.iter_mut().enumerate() {
        if set & (1 << i) != 0 {
            *s += weight / count;
        }
    }
}

/// Languages that a script alone identifies among `languages`: kana is
/// Japanese, Thai script Thai, Hangul Korean; Han characters without kana
/// are Japanese or Chinese, whichever one the playbook has. Certain, and
/// far cheaper than any statistics.
fn by_script<'a>(text: &str, languages: &'a [String]) -> Option<&'a str> {
    if text.is_ascii() {
        return None;
    }
    let has = |code: &str| languages.iter().find(|l| *l == code).map(String::as_str);
    let mut han = false;
    for c in text.chars() {
        let lang = match c as u32 {
            0x3040..=0x30FF | 0xFF66..=0xFF9F | 0x31F0..=0x31FF => "ja",
            0x0E00..=0x0E7F => "th",
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => "ko",
            0x0E80..=0x0EFF => "lo",
            0x1780..=0x17FF => "km",
            0x1000..=0x109F => "my",
            0x10A0..=0x10FF => "ka",
            0x0530..=0x058F => "hy",
            0x0590..=0x05FF => "he",
            0x0900..=0x097F => "hi",
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => {
                han = true;
                continue;
            }
            _ => continue,
        };
        if let Some(l) = has(lang) {
            return Some(l);
        }
    }
    if han {
        match (has("ja"), has("zh")) {
            (Some(ja), None) => return Some(ja),
            (None, Some(zh)) => return Some(zh),
            _ => {}
        }
    }
    None
}

/// whatlang's ISO 639-3 codes as the two-letter codes playbooks use.
fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Jpn => "ja",
        Tha => "th",
        Pol => "pl",
        Est => "et",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Lit => "lt",
        Lav => "lv",
        Rus => "ru",
        Ukr => "uk",
        Ces => "cs",
        Slk => "sk",
        Hun => "hu",
        Ron => "ro",
        Tur => "tr",
        Kor => "ko",
        Cmn => "zh",
        Vie => "vi",
        Ind => "id",
        Ara => "ar",
        Heb => "he",
        Hin => "hi",
        Ell => "el",
        Bul => "bg",
        Hrv => "hr",
        Srp => "sr",
        Slv => "sl",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(langs: &[&str]) -> LanguageId {
        LanguageId::new(&langs.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    fn code<'a>(l: &'a LanguageId, text: &str, keywords: &[usize]) -> Option<&'a str> {
        l.identify(text, keywords)
            .map(|(i, _)| l.languages[i].as_str())
    }

    #[test]
    fn scripts_decide_at_once() {
        let l = id(&["en", "ja", "th"]);
        assert_eq!(l.identify("圏外？", &[]), Some((1, Identified::Script)));
        assert_eq!(l.identify("ﾈｯﾄ", &[]), Some((1, Identified::Script)));
        assert_eq!(l.identify("เน็ตล่ม", &[]), Some((2, Identified::Script)));
    }

    #[test]
    fn short_messages_by_their_words_and_letters() {
        let l = id(&["en", "pl", "et", "fi", "de", "sv"]);
        assert_eq!(code(&l, "internet nie dziala", &[]), Some("pl"));
        assert_eq!(code(&l, "miks ei tööta?", &[]), Some("et"));
        assert_eq!(code(&l, "onko teillä häiriö", &[]), Some("fi"));
        assert_eq!(code(&l, "Netz geht nicht", &[]), Some("de"));
        assert_eq!(code(&l, "funkar inte", &[]), Some("sv"));
        assert_eq!(code(&l, "Straße", &[]), Some("de"));
        assert_eq!(code(&l, "zażółć", &[]), Some("pl"));
    }

    #[test]
    fn keyword_languages_are_evidence() {
        let l = id(&["en", "pl", "et", "fi"]);
        // "arve" alone has no everyday word or letter to go by.
        assert_eq!(code(&l, "arve??", &[2]), Some("et"));
        assert_eq!(code(&l, "lasku??", &[3]), Some("fi"));
    }

    #[test]
    fn the_examples_trigrams_break_ties() {
        let mut l = id(&["en", "fi", "sv"]);
        l.learn([
            ("yhteys katkeilee jatkuvasti", "fi"),
            ("lasku on liian suuri", "fi"),
            ("kuuluvuus heikko kotona", "fi"),
            ("räkningen är fel", "sv"),
            ("täckningen försvann", "sv"),
            ("uppkopplingen dålig hemma", "sv"),
        ]);
        // No word of either is known, and `ä` is in both alphabets: the
        // trigrams of what each language's customers wrote decide.
        assert_eq!(
            l.identify("räkningarna", &[]),
            Some((2, Identified::Statistics))
        );
        assert_eq!(
            l.identify("laskussa virhe", &[]),
            Some((1, Identified::Statistics))
        );
        // A trigram no example has is no evidence: whatlang decides, as
        // without examples.
        let plain = id(&["en", "fi", "sv"]);
        assert_eq!(l.identify("qqq xxx", &[]), plain.identify("qqq xxx", &[]));
        // Evidence still comes first: `och` is Swedish.
        assert_eq!(
            l.identify("laskussa och", &[]),
            Some((2, Identified::Evidence))
        );
    }

    #[test]
    fn trigrams_speak_only_when_every_tied_language_has_examples() {
        let mut l = id(&["en", "fi", "sv"]);
        l.learn([
            ("yhteys katkeilee jatkuvasti", "fi"),
            ("lasku on liian suuri", "fi"),
        ]);
        let plain = id(&["en", "fi", "sv"]);
        // Tied between Finnish and Swedish by `ä`, and no Swedish examples:
        // whatlang decides, not the Finnish trigrams alone.
        for text in ["räkningarna", "tjena"] {
            assert_eq!(l.identify(text, &[]), plain.identify(text, &[]), "{text}");
        }
    }

    #[test]
    fn words_learned_from_labelled_messages_are_evidence() {
        let mut l = id(&["en", "de", "sv"]);
        assert_ne!(code(&l, "Moin", &[]), Some("de"));
        l.learn([
            ("Moin, Netz weg in Kiel", "de"),
            ("moin moin, Rechnung falsch", "de"),
            ("Kiel hat kein Netz", "de"),
            ("Kiel calling: no signal", "en"),
            ("Telia?", "sv"),
            ("telia is down", "en"),
            ("Nordlink", "de"),
        ]);
        // Seen twice and only in German: evidence, with or without its
        // diacritics as typed.
        assert_eq!(code(&l, "Moin", &[]), Some("de"));
        // Used in two languages, or in one message only: not.
        assert!(!l.learned.contains_key("kiel"));
        assert!(!l.learned.contains_key("telia"));
        assert!(!l.learned.contains_key("nordlink"));
        // Everyday words keep their own weight.
        assert!(!l.learned.contains_key("kein"));
    }
}
