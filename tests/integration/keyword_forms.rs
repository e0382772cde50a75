//! Keyword forms on a playbook in five spaced languages: prefixes, word
//! ends, word parts, stems, per-keyword diacritics, keyword-scoped
//! exclusions and context words, each in the one keyword pass.

use carebook::model::MessageKind;
use carebook::router::{DecideOptions, Message, Router, explain::explain};

const TAGS: &str = r#"
tags:
  - id: outage
    label: {en: Outage}
    description: The service is down.
    severity: urgent
    team: care
    detect:
      keywords:
        en: [outage]
        pl: [awari*]
        fi: ["*häiriö*"]
        de: ["*störung*"]
        et: ["*rike"]
      ignore_diacritics: true
  - id: billing
    label: {en: Billing}
    description: Bills.
    severity: normal
    detect:
      keywords:
        en: [{word: bill, match: stem}, {word: cancel, match: stem}, {word: delivery, match: stem}]
        fi: [{word: lasku, match: stem}]
        de: ["*rechnung*", {word: kündigung, match: stem}]
        pl: [zwrot*, {word: sąd, diacritics: exact}]
        et: [tagasimakse*]
      ignore_diacritics: true
  - id: sim
    label: {en: SIM}
    description: SIM cards.
    severity: normal
    detect:
      keywords:
        en: [esim]
        fi: [esim]
      exclude:
        fi: [{word: esim., scope: keyword}]
  - id: delay
    label: {en: Delay}
    description: Something is late.
    severity: normal
    detect:
      keywords:
        en: [late, delayed]
  - id: hazard
    label: {en: Hazard}
    description: A device burns.
    severity: urgent
    team: care
    detect:
      keywords:
        en: [fire, smok*]
        pl: [pali*]
      context:
        en: [phone, charger, router, "*battery*"]
        pl: [telefon*, ładowark*]
      ignore_diacritics: true
  - id: spam
    description: Junk.
    disposition: spam
    detect:
      keywords:
        en: [crypto giveaway]
"#;

fn router() -> Router {
    let tmp = crate::common::playbook_from(None);
    let dir = tmp.path().join("pb");
    let manifest = std::fs::read_to_string(dir.join("carebook.yaml"))
        .unwrap()
        .replace(
            "  - code: pl\n    name: Polski\n",
            "  - code: pl\n    name: Polski\n  - code: fi\n    name: Suomi\n  - code: de\n    name: Deutsch\n  - code: et\n    name: Eesti\n",
        );
    std::fs::write(dir.join("carebook.yaml"), manifest).unwrap();
    let head = "# yaml-language-server: $schema=../../../schemas/tags.schema.json\n";
    std::fs::write(dir.join("tags.yaml"), format!("{head}{TAGS}")).unwrap();
    let loaded = carebook::load::load(&dir, &Default::default()).unwrap();
    let pb = loaded.playbook.expect("loads");
    let errors: Vec<String> = carebook::check::run(&pb, &loaded.sources)
        .iter()
        .filter(|d| d.level == carebook::diagnostic::Level::Error)
        // The fixture's rota speaks only English and Polish.
        .filter(|d| !d.message.contains("nobody who speaks it"))
        .map(|d| d.message.clone())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    Router::new(&carebook::ir::lower(&pb)).unwrap()
}

fn msg(text: &str) -> Message {
    Message {
        id: "t".into(),
        channel: "x".into(),
        kind: MessageKind::Public,
        text: text.into(),
        received_at: "2026-02-10T12:00:00Z".parse().unwrap(),
        lang: None,
        author: None,
    }
}

fn tags(r: &Router, text: &str) -> Vec<String> {
    let d = r.decide(&msg(text), &DecideOptions::default());
    d.tags.iter().map(|t| t.tag.to_string()).collect()
}

#[test]
fn inflected_and_compound_forms_match() {
    let r = router();
    let cases = [
        ("Znowu awarią sieci w Łodzi", "outage"),
        ("awariami się nie przejmujecie?", "outage"),
        ("Kiitos tiedosta verkkohäiriöstä", "outage"),
        ("verkkohairiosta taas", "outage"),
        ("Mobilfunkstörung seit heute früh", "outage"),
        ("Wieder eine Störung", "outage"),
        ("Kas teil on võrgurike?", "outage"),
        ("Handyrechnung zu hoch", "billing"),
        ("Rechnungsbetrag falsch", "billing"),
        ("my bills are wrong", "billing"),
        ("I cancelled last week", "billing"),
        ("Missä laskut viipyvät?", "billing"),
        ("kiitos laskusta", "billing"),
        ("czekam na zwrotu pieniędzy", "billing"),
        ("Ootan tagasimakset", "billing"),
        // Stems that the stemmer spells differently from the keyword.
        ("where is my delivery", "billing"),
        ("two deliveries late", "billing"),
        ("Kündigung geschickt", "billing"),
        ("Kuendigung geschickt", "billing"),
    ];
    for (text, tag) in cases {
        assert!(
            tags(&r, text).contains(&tag.to_string()),
            "{text}: {:?}",
            tags(&r, text)
        );
    }
}

#[test]
fn forms_do_not_overreach() {
    let r = router();
    // A prefix matches at a word start only; a stem only words of that
    // stem; a word end only at the end of a word.
    for text in [
        "the billion-dollar question",
        "the cancelbot again", // starts with the stem `cancel`, another stem
        "laskuri rikki",       // starts with `lask`, the stem of lasku
        "rikete ei ole juttu", // `*rike` is a word end: rikete is not -rike
        "nazwrot",
    ] {
        assert!(
            !tags(&r, text)
                .iter()
                .any(|t| t == "billing" || t == "outage"),
            "{text}: {:?}",
            tags(&r, text)
        );
    }
}

#[test]
fn diacritics_per_keyword() {
    let r = router();
    // `sąd` is exact even though its tag ignores diacritics: English "sad"
    // is not Polish "sąd".
    assert!(!tags(&r, "so sad today").contains(&"billing".to_string()));
    assert!(tags(&r, "sprawa trafi do sąd").contains(&"billing".to_string()));
}

#[test]
fn a_keyword_scoped_exclusion_cancels_only_what_it_overlaps() {
    let r = router();
    assert!(
        tags(&r, "esim. kortti ei toimi").is_empty(),
        "{:?}",
        tags(&r, "esim. kortti")
    );
    let text = "esim. eSIM ei toimi";
    assert_eq!(tags(&r, text), ["sim"]);
    // The trace shows the exclusion that fired and what it did.
    let m = msg(text);
    let d = r.decide(&m, &DecideOptions::default());
    let lines = explain(&d, &m);
    assert!(
        lines.iter().any(|l| l
            == "exclusion \"esim.\" (fi) matched \"esim.\" at bytes 0..5: cancels the matches of tag sim that it overlaps"),
        "{lines:#?}"
    );
}

#[test]
fn context_words_decide_whether_a_keyword_counts() {
    let r = router();
    for text in [
        "my charger caught fire last night",
        "smoke coming out of the router!!",
        "the powerbattery is smoking",
        "ładowarka się pali",
    ] {
        assert!(tags(&r, text).contains(&"hazard".to_string()), "{text}");
    }
    for text in [
        "this song is fire",
        "smoked salmon tonight",
        "pali się od rana, super koncert",
    ] {
        assert!(!tags(&r, text).contains(&"hazard".to_string()), "{text}");
    }
    // The trace says why the keyword did not count.
    let m = msg("this song is fire");
    let d = r.decide(&m, &DecideOptions::default());
    assert!(
        explain(&d, &m).iter().any(|l| l
            == "not tag hazard: keyword \"fire\" (en) matched \"fire\" at bytes 13..17, but none of the tag's context words is in the message"),
        "{:#?}",
        explain(&d, &m)
    );
}
