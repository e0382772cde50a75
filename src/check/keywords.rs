//! Keyword settings that cannot work (CB209), keywords with nothing to
//! match (CB210), word parts so short that they match unrelated words
//! (CB313), context words that filter nothing (CB314) and short words
//! that become other words once their diacritics are ignored (CB321).

use super::Context;
use crate::detect::fold::{fold_keyword, needs_word_boundaries};
use crate::detect::stem::{LANGUAGES, WordStemmer};
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Loc;
use crate::model::{ExclusionScope, Keyword, KeywordForm, PerLang};

/// A word part shorter than this many letters matches too many words.
const MIN_PART_LETTERS: usize = 4;
/// A whole word this short, folded, is likely another word (CB321).
const MAX_FOLDED_SHORT_LETTERS: usize = 3;

/// One keyword list: where it is, whether it cancels a tag, and the
/// diacritics default of its tag.
struct List<'a> {
    keywords: &'a PerLang<Vec<Keyword>>,
    at: Loc,
    exclusion: bool,
    /// Context words only filter, so a loose match costs little there.
    context: bool,
    ignore_diacritics: bool,
}

pub fn check(cx: &mut Context) {
    let mut lists = Vec::new();
    for tag in &cx.pb.tags {
        let d = &tag.detect;
        for (keywords, field, exclusion, context) in [
            (&d.keywords, "detect/keywords", false, false),
            (&d.exclude, "detect/exclude", true, false),
            (&d.context, "detect/context", false, true),
        ] {
            lists.push(List {
                keywords,
                at: tag.loc.child(field),
                exclusion,
                context,
                ignore_diacritics: d.ignore_diacritics,
            });
        }
    }
    for b in &cx.pb.boosts {
        if let Some(e) = &b.emergency {
            lists.push(List {
                keywords: &e.keywords,
                at: b.loc.child("emergency/keywords"),
                exclusion: false,
                context: false,
                ignore_diacritics: true,
            });
        }
    }
    for inc in &cx.pb.incidents {
        lists.push(List {
            keywords: &inc.triggers,
            at: inc.loc.child("triggers"),
            exclusion: false,
            context: false,
            ignore_diacritics: true,
        });
    }
    for bot in &cx.pb.bots {
        lists.push(List {
            keywords: &bot.handoff.asks_for_person,
            at: bot.loc.child("handoff/asks_for_person"),
            exclusion: false,
            context: false,
            ignore_diacritics: true,
        });
    }
    context_filters(cx);
    for list in &lists {
        for (lang, words) in list.keywords {
            for (i, keyword) in words.iter().enumerate() {
                let at = list.at.child(format!("{}/{i}", lang.as_str()));
                one(cx, list, lang.as_str(), keyword, &at);
            }
        }
    }
}

fn one(cx: &mut Context, list: &List, lang: &str, keyword: &Keyword, at: &Loc) {
    let rule = keyword.rule();
    if !rule.text.chars().any(char::is_alphanumeric) {
        let label = cx.label(at).with_message("no letter or digit");
        cx.push(
            Diagnostic::new(
                Code::ValueOutOfRange,
                format!("keyword {:?} has no letter or digit to match", rule.text),
            )
            .at(label)
            .help(
                "a keyword is a word or phrase customers write: delete this one or give it words",
            ),
        );
        return;
    }
    let spaced = needs_word_boundaries(rule.text);
    if rule.form == KeywordForm::Stem && spaced && rule.text.contains(char::is_whitespace) {
        let label = cx.label(at).with_message("a phrase");
        cx.push(
            Diagnostic::new(
                Code::KeywordSettingUnsupported,
                format!(
                    "keyword `{}` asks for stem matching, which works on one word",
                    rule.text
                ),
            )
            .at(label)
            .help(
                "match the phrase as written, or make its inflected word a stem keyword of its own",
            ),
        );
    }
    if rule.form == KeywordForm::Stem && spaced && WordStemmer::for_language(lang).is_none() {
        let label = cx
            .label(at)
            .with_message(format!("no stemmer for `{lang}`"));
        cx.push(
            Diagnostic::new(
                Code::KeywordSettingUnsupported,
                format!(
                    "keyword `{}` asks for stem matching, which `{lang}` does not have",
                    rule.text
                ),
            )
            .at(label)
            .help(format!(
                "write a prefix instead (`{}*`); stem matching covers {}",
                rule.text,
                LANGUAGES.join(", ")
            )),
        );
    }
    if rule.scope == ExclusionScope::Keyword && !list.exclusion {
        let label = cx.label(at).with_message("only exclusions have a scope");
        cx.push(
            Diagnostic::new(
                Code::KeywordSettingUnsupported,
                format!(
                    "keyword `{}` has `scope: keyword`, which only an exclusion can use",
                    rule.text
                ),
            )
            .at(label)
            .help("move it under `detect.exclude`, or remove `scope`"),
        );
    }
    let ignore = keyword.ignores_diacritics(list.ignore_diacritics);
    if rule.form == KeywordForm::Word && spaced && ignore && !list.exclusion && !list.context {
        short_once_folded(cx, rule.text, at);
    }
    let part = matches!(
        rule.form,
        KeywordForm::Prefix | KeywordForm::Suffix | KeywordForm::Part
    );
    if !part || !spaced {
        return;
    }
    let letters = fold_keyword(rule.text, ignore)
        .map_or(0, |f| f.chars().filter(|c| c.is_alphanumeric()).count());
    if letters < MIN_PART_LETTERS {
        let label = cx.label(at).with_message(format!("only {letters} letters"));
        cx.push(
            Diagnostic::new(
                Code::KeywordPartTooShort,
                format!(
                    "keyword `{}` matches any word {} `{}`: too short to mean one thing",
                    keyword.written(),
                    match rule.form {
                        KeywordForm::Prefix => "that starts with",
                        KeywordForm::Suffix => "that ends with",
                        _ => "that contains",
                    },
                    rule.text
                ),
            )
            .at(label)
            .help(format!(
                "use {MIN_PART_LETTERS} letters or more, the whole word, or `match: stem` where the language has a stemmer"
            )),
        );
    }
}

/// A whole word of three letters or fewer whose diacritics are ignored
/// matches the word without them, which in one of the team's other
/// languages is often a common word of its own: Swedish `rök` (smoke)
/// folds to Polish `rok` (a year), Polish `sąd` (court) to English
/// `sad`. Every language's keywords are matched in every message, since
/// its language may be misread.
fn short_once_folded(cx: &mut Context, word: &str, at: &Loc) {
    let (Some(exact), Some(folded)) = (fold_keyword(word, false), fold_keyword(word, true)) else {
        return;
    };
    let letters = folded.chars().filter(|c| c.is_alphanumeric()).count();
    if exact == folded || letters > MAX_FOLDED_SHORT_LETTERS || folded.contains(' ') {
        return;
    }
    let label = cx.label(at).with_message(format!("matches `{folded}` too"));
    cx.push(
        Diagnostic::new(
            Code::KeywordFoldsShort,
            format!(
                "keyword `{word}` matches `{folded}` once its diacritics are ignored: a word that short is often another word in another language"
            ),
        )
        .at(label)
        .help(format!(
            "write `{{word: {word}, diacritics: exact}}`, or a longer form of the word"
        )),
    );
}

/// Context words let a tag's keywords and patterns count only beside
/// them. They filter nothing on a tag with neither, and a context word that is also a
/// keyword brings its own context: that keyword alone sets the tag.
fn context_filters(cx: &mut Context) {
    for tag in &cx.pb.tags {
        let d = &tag.detect;
        if d.context.is_empty() {
            continue;
        }
        let at = tag.loc.child("detect/context");
        if d.keywords.values().all(Vec::is_empty) && d.patterns.is_empty() {
            let label = cx.key_label(&at).with_message("nothing to filter");
            cx.push(
                Diagnostic::new(
                    Code::ContextFiltersNothing,
                    format!(
                        "tag `{}` has context words but no keywords or patterns: context only decides whether they count",
                        tag.id
                    ),
                )
                .at(label)
                .help("add the keywords the context is for, or remove `detect.context`"),
            );
            continue;
        }
        for (lang, words) in &d.context {
            for (i, word) in words.iter().enumerate() {
                // Each keyword folded as this context word folds the
                // message: a word it matches wherever the keyword does.
                let ignore = word.ignores_diacritics(d.ignore_diacritics);
                let c = word.rule();
                let Some(context) = fold_keyword(c.text, ignore) else {
                    continue;
                };
                let Some(keyword) = d.keywords.values().flatten().find(|k| {
                    let r = k.rule();
                    fold_keyword(r.text, ignore)
                        .is_some_and(|text| covers((c.form, &context), (r.form, &text)))
                }) else {
                    continue;
                };
                let label = cx
                    .label(&at.child(format!("{}/{i}", lang.as_str())))
                    .with_message(format!("in every match of keyword `{}`", keyword.written()));
                cx.push(
                    Diagnostic::new(
                        Code::ContextFiltersNothing,
                        format!(
                            "context word `{}` of tag `{}` matches wherever its keyword `{}` does: that keyword needs no other context",
                            word.written(),
                            tag.id,
                            keyword.written()
                        ),
                    )
                    .at(label)
                    .help("remove it from the context, or from the keywords if it should count only beside another word"),
                );
            }
        }
    }
}

/// Whether a context word matches every word a keyword matches: it is in
/// the message whenever the keyword is.
fn covers(context: (KeywordForm, &str), keyword: (KeywordForm, &str)) -> bool {
    use KeywordForm::*;
    let (form, text) = context;
    match form {
        Part => keyword.1.contains(text),
        Prefix => matches!(keyword.0, Word | Prefix) && keyword.1.starts_with(text),
        Suffix => matches!(keyword.0, Word | Suffix) && keyword.1.ends_with(text),
        Word | Stem => context == keyword,
    }
}
