//! Requests for personal data in a reply: "reply with your booking
//! reference", "podaj numer telefonu", "予約番号を教えてください". A reply
//! that asks for personal data in public invites the customer to post it
//! for everyone to read; the same request is fine when it sends them to a
//! private message ("DM us your booking reference").
//!
//! A request is a sentence with a personal-data noun and an asking word,
//! and without a word that moves the conversation to private messages.
//! Matching runs on folded text (NFKC, lowercase), so case and Unicode
//! form do not matter.

use std::sync::LazyLock;

use regex::Regex;

use super::fold::{
    LATIN_LETTERS, fold, fold_keyword, is_boundary, needs_word_boundaries, whole_words,
};
use crate::model::PersonalData;

/// A request for one kind of personal data, as a byte span of the noun in
/// the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub kind: PersonalData,
    pub start: usize,
    pub end: usize,
}

/// `\w` in these patterns ends a stem of a Latin-script word ("numer\w*"
/// for "numeru", "numerem"): a Latin letter (ASCII, Latin-1 and Latin
/// Extended-A, as folded text has them), a digit or `_`, not any Unicode
/// word character. Each Unicode `\w` compiles to an automaton of some 700
/// ranges, and these patterns have dozens: compiling them was a third of
/// `validate`'s work.
fn re(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\w", &format!("[{LATIN_LETTERS}0-9_]")))
        .expect("request patterns are valid")
}

/// The nouns per kind, in English and the playbook markets' languages
/// (Japanese, Thai, Polish with its case endings, Estonian, German,
/// Finnish, Swedish).
static NOUNS: LazyLock<Vec<(PersonalData, Regex)>> = LazyLock::new(|| {
    let table: [(PersonalData, &str); 10] = [
        (
            PersonalData::OrderNumber,
            r"booking (?:reference|ref|number|code|details)|reservation (?:number|code)|confirmation (?:code|number)|order (?:number|id)|ticket number|pnr|予約番号|注文番号|航空券番号|รหัสการจอง|หมายเลขการจอง|เลขที่การจอง|numer\w* (?:rezerwacji|zamówienia|biletu)|kod\w* rezerwacji|broneeringu ?(?:number|numbr\w*|kood\w*)|tellimuse ?number\w*|pileti ?number\w*|(?:bestell|auftrags|buchungs|ticket|vorgangs)nummer\w*|(?:tilaus|varaus|tiketti|tapaus)numero\w*|(?:order|boknings|ärende)nummer\w*",
        ),
        (
            PersonalData::AccountNumber,
            r"account (?:number|details)|(?:customer|contract) number|membership number|frequent flyer number|会員番号|お客様番号|契約番号|หมายเลขสมาชิก|หมายเลขลูกค้า|numer\w* (?:konta|członkowsk\w*|klienta|umowy)|liikme ?number\w*|konto ?number\w*|(?:kliendi|lepingu) ?numb\w*|(?:kunden|vertrags)nummer\w*|(?:asiakas|sopimus)numero\w*|(?:kund|avtals)nummer\w*",
        ),
        (
            PersonalData::PhoneNumber,
            r"(?:phone|mobile|telephone|cell) number|電話番号|携帯番号|เบอร์โทร|หมายเลขโทรศัพท์|numer\w* (?:telefonu|komórki)|telefoni ?number\w*|telefonnummer\w*|handynummer\w*|rufnummer\w*|puhelinnumero\w*|mobilnummer\w*",
        ),
        (
            PersonalData::Email,
            r"e-?mail address|メールアドレス|ที่อยู่อีเมล|อีเมล|adres\w* e-?mail\w*|e-posti aadress\w*|meiliaadress\w*|e-?mail-?adresse\w*|sähköposti\w*|e-?postadress\w*|mejladress\w*",
        ),
        (
            PersonalData::CardNumber,
            r"(?:credit |debit )?card (?:number|details)|cvv|カード番号|หมายเลขบัตร|เลขบัตร|numer\w* karty|dane karty|kaardi ?number\w*|kaardi andmed|kartennummer\w*|kreditkart\w*|kortin ?numero\w*|luottokorti\w*|kortnummer\w*",
        ),
        (
            PersonalData::Iban,
            r"iban|bank (?:details|account)|口座番号|เลขบัญชีธนาคาร|numer\w* (?:rachunku|konta bankowego)|pangakonto\w*|pangarekvisiid\w*|bankverbindung\w*|kontodaten|tilinumero\w*|pankkitili\w*|kontonummer\w*|bankkonto\w*",
        ),
        (
            PersonalData::NationalId,
            r"passport number|national id|social security number|personal (?:id )?code|pesel|isikukood\w*|マイナンバー|パスポート番号|เลขบัตรประชาชน|หมายเลขหนังสือเดินทาง|numer\w* (?:paszportu|dowodu)|passi ?number\w*|steuer-?id|ausweisnummer\w*|henkilötunnu\w*|hetu|personnummer\w*",
        ),
        (
            PersonalData::Password,
            r"password|passcode|pin(?: code)?|パスワード|暗証番号|รหัสผ่าน|hasł\w*|parool\w*|passwort\w*|kennwort\w*|salasan\w*|lösenord\w*",
        ),
        (
            PersonalData::SecurityAnswer,
            r"security (?:answer|question)|秘密の質問|คำถามความปลอดภัย|pytani\w* bezpieczeństwa|turvaküsimus\w*",
        ),
        (
            PersonalData::HealthData,
            r"medical (?:certificate|records?|details)|diagnosis|診断書|ใบรับรองแพทย์|zaświadczeni\w* lekarsk\w*|dokumentacj\w* medyczn\w*|arstitõend\w*",
        ),
    ];
    table
        .into_iter()
        .map(|(kind, words)| (kind, re(words)))
        .collect()
});

/// Words that ask the customer for something.
static ASK: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:^|[^\p{L}])(?:please|send|share|provide|give|tell|post|reply|confirm|include|let us know|what is|what's|can you|could you|we need|need your",
        r"|podaj\w*|wyślij\w*|prześlij\w*|podeślij\w*|napisz\w*|daj\w* znać|odpisz\w*|proszę|prosimy|poproszę|potrzebujemy|wpisz",
        r"|palun|saat\w*|kirjut\w*|and\w* teada|vajame|edastage|sisestage",
        r"|bitte|schick\w*|send\w*|teil\w* uns|gib\w* uns|nenn\w*|brauchen|benötigen",
        r"|lähetä\w*|kerro\w*|ilmoita\w*|anna\w*|tarvitsemme|voisitko|voitko",
        r"|skicka\w*|ange|berätta|uppge|behöver|kan du|snälla)(?:[^\p{L}]|$)",
        r"|ください|下さい|お知らせ|教えて|お送り|ご返信|ご提示|ご記入|お願い",
        r"|กรุณา|ส่ง|แจ้ง|รบกวน|บอก",
    ))
});

/// Words that move the conversation to private messages.
static PRIVATE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:^|[^a-z])(?:dms?|pm)(?:[^a-z]|$)|direct message|private message|privately|in private|inbox|messenger",
        r"|ダイレクトメッセージ|個別メッセージ|非公開",
        r"|ข้อความส่วนตัว|แชทส่วนตัว",
        r"|wiadomoś\w* prywatn\w*|prywatn\w*|na priv",
        r"|privaatsõnum\w*|privaatselt|erasõnum\w*",
        r"|privatnachricht\w*|direktnachricht\w*|privat",
        r"|yksityisviesti\w*|yksityisesti|yv:?llä|yksärillä",
        r"|privat meddelande|privatmeddelande\w*",
    ))
});

/// Sentence ends, in Latin and CJK punctuation, and line breaks.
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| re(r"[.!?。！？\n]+"));

/// A playbook's own request words (`go_private.request_words`), folded as
/// the text is, in every language at once: a reply's language is known
/// only approximately, and the words do not clash across languages.
#[derive(Debug, Default)]
pub struct PlaybookWords {
    nouns: Vec<(PersonalData, String)>,
    asking: Vec<String>,
    private: Vec<String>,
}

impl PlaybookWords {
    pub fn new(words: &crate::model::PerLang<crate::model::RequestWords>) -> PlaybookWords {
        let folded = |w: &String| fold_keyword(w, false);
        let mut out = PlaybookWords::default();
        for lang in words.values() {
            for n in &lang.nouns {
                out.nouns
                    .extend(n.words.iter().filter_map(folded).map(|w| (n.kind, w)));
            }
            out.asking.extend(lang.asking.iter().filter_map(folded));
            out.private.extend(lang.private.iter().filter_map(folded));
        }
        out
    }
}

/// Every request for personal data in `text` that does not send the
/// customer to a private message, in order.
pub fn find_requests(text: &str) -> Vec<Request> {
    find_requests_with(text, &PlaybookWords::default())
}

/// [`find_requests`] with a playbook's own words as well.
pub fn find_requests_with(text: &str, words: &PlaybookWords) -> Vec<Request> {
    let folded = fold(text, false);
    let f = folded.text.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut ends: Vec<(usize, usize)> = SENTENCE_END
        .find_iter(f)
        .map(|m| (m.start(), m.end()))
        .collect();
    ends.push((f.len(), f.len()));
    for (end, next) in ends {
        let sentence = &f[start..end];
        let asks = ASK.is_match(sentence)
            || words
                .asking
                .iter()
                .any(|w| whole_words(sentence, w).next().is_some());
        let private = PRIVATE.is_match(sentence)
            || words
                .private
                .iter()
                .any(|w| whole_words(sentence, w).next().is_some());
        if !sentence.trim().is_empty() && asks && !private {
            for (kind, noun) in &words.nouns {
                for at in whole_words(sentence, noun) {
                    let (s, e) = folded.original_span(start + at, start + at + noun.len());
                    out.push(Request {
                        kind: *kind,
                        start: s,
                        end: e,
                    });
                }
            }
            for (kind, noun) in NOUNS.iter() {
                for m in noun.find_iter(sentence) {
                    // Latin-script nouns match whole words ("pin", not
                    // "spinning"); Japanese and Thai have no spaces.
                    let whole = !needs_word_boundaries(m.as_str())
                        || (is_boundary(sentence, m.start()) && is_boundary(sentence, m.end()));
                    if whole {
                        let (s, e) = folded.original_span(start + m.start(), start + m.end());
                        out.push(Request {
                            kind: *kind,
                            start: s,
                            end: e,
                        });
                    }
                }
            }
        }
        start = next;
    }
    out.sort_by_key(|r| (r.start, r.end));
    // The first kind listed wins where two nouns overlap ("account
    // number" and "bank account").
    out.dedup_by(|b, a| b.start < a.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<PersonalData> {
        find_requests(text).into_iter().map(|r| r.kind).collect()
    }

    #[test]
    fn finds_requests_in_every_seed_language() {
        use PersonalData::*;
        assert_eq!(
            kinds("Please reply with your booking reference."),
            [OrderNumber]
        );
        assert_eq!(kinds("What's your PHONE NUMBER?"), [PhoneNumber]);
        assert_eq!(kinds("予約番号を教えてください。"), [OrderNumber]);
        assert_eq!(kinds("กรุณาแจ้งรหัสการจองค่ะ"), [OrderNumber]);
        assert_eq!(kinds("Podaj numer rezerwacji, sprawdzimy."), [OrderNumber]);
        assert_eq!(kinds("Palun saatke oma broneeringu number."), [OrderNumber]);
        assert_eq!(
            kinds("Bitte schick uns hier deine Telefonnummer und Kundennummer."),
            [PhoneNumber, AccountNumber]
        );
        assert_eq!(
            kinds("Lähetä meille asiakasnumerosi tähän."),
            [AccountNumber]
        );
        assert_eq!(kinds("Skicka ditt personnummer här."), [NationalId]);
    }

    #[test]
    fn a_stem_runs_on_through_digits_and_a_word_of_another_script_is_no_asking_word() {
        use PersonalData::*;
        // Folding turns ² into 2: the noun still ends at the word's end.
        assert_eq!(
            kinds("Bitte nenne uns deine Kundennummer² und die Telefonnummer³."),
            [AccountNumber, PhoneNumber]
        );
        assert_eq!(kinds("Podaj hasło1 i hasło2."), [Password, Password]);
        // "Confirm" glued to kana is part of a word, not a request.
        assert!(find_requests("予約番号はConfirmメールに記載されています。").is_empty());
    }

    #[test]
    fn a_request_for_a_private_message_is_fine() {
        assert!(find_requests("Please DM us your booking reference.").is_empty());
        assert!(find_requests("予約番号をダイレクトメッセージでお送りください。").is_empty());
        assert!(find_requests("กรุณาส่งรหัสการจองทางข้อความส่วนตัว").is_empty());
        assert!(find_requests("Napisz do nas wiadomość prywatną z numerem rezerwacji.").is_empty());
        assert!(find_requests("Palun saatke privaatsõnumis broneeringu number.").is_empty());
        assert!(
            find_requests("Bitte schick uns deine Kundennummer per Privatnachricht.").is_empty()
        );
        assert!(find_requests("Lähetä asiakasnumerosi yksityisviestillä.").is_empty());
        // Mentioning a booking without asking is no request.
        assert!(find_requests("Your booking reference is in the app.").is_empty());
    }
}
