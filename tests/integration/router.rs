//! The router on the bundled playbook: multilingual matching, boosts,
//! hand-over across a DST change, business-hours deadlines, private mode
//! and incident mode. Built the way `simulate` and `test` build it:
//! YAML → IR → Router.

use carebook::model::{Author, MessageKind, Priority};
use carebook::router::{
    Coverage, DecideOptions, Decision, LanguageSource, Message, ResponseReason, Router,
};

fn router() -> Router {
    let validated = carebook::validate(
        &crate::common::root().join("playbooks"),
        &Default::default(),
    )
    .expect("the bundled playbook loads");
    assert!(validated.diagnostics.is_empty());
    Router::new(&carebook::ir::lower(validated.valid().expect("valid"))).unwrap()
}

fn msg(channel: &str, text: &str, at: &str, lang: Option<&str>) -> Message {
    Message {
        id: "t".into(),
        channel: channel.into(),
        kind: MessageKind::Public,
        text: text.into(),
        received_at: at.parse().unwrap(),
        lang: lang.map(String::from),
        author: None,
    }
}

fn tags<'a>(d: &'a Decision) -> Vec<&'a str> {
    d.tags.iter().map(|t| t.tag).collect()
}

fn decide<'r>(r: &'r Router, m: &Message) -> Decision<'r> {
    r.decide(m, &DecideOptions::default())
}

#[test]
fn japanese_keyword_inside_a_sentence_without_spaces() {
    let r = router();
    let m = msg(
        "x",
        "昨日の成田行きの便が欠航になりました。どうすればいいですか",
        "2026-02-10T03:00:00Z",
        None,
    );
    let d = decide(&r, &m);
    assert!(tags(&d).contains(&"flight-delay"), "{:?}", tags(&d));
    let hit = d.tags.iter().find(|t| t.tag == "flight-delay").unwrap();
    assert_eq!(&m.text[hit.start..hit.end], "欠航");
    // No `lang` and a multilingual channel: detected.
    assert_eq!(
        (d.language.as_str(), d.language_source),
        ("ja", LanguageSource::Detected)
    );
}

#[test]
fn thai_keyword_inside_a_sentence() {
    let r = router();
    let m = msg(
        "facebook",
        "เที่ยวบินของฉันล่าช้ามาสามชั่วโมงแล้ว",
        "2026-02-10T03:00:00Z",
        Some("th"),
    );
    let d = decide(&r, &m);
    let hit = d
        .tags
        .iter()
        .find(|t| t.tag == "flight-delay")
        .expect("tagged");
    assert_eq!(&m.text[hit.start..hit.end], "ล่าช้า");
}

#[test]
fn polish_with_and_without_diacritics_including_l_stroke() {
    let r = router();
    for text in [
        "Zgubiony bagaż po locie z Dublina",
        "zgubiony bagaz po locie z Dublina",
    ] {
        let d = decide(
            &r,
            &msg("facebook", text, "2026-02-10T12:00:00Z", Some("pl")),
        );
        assert!(
            tags(&d).contains(&"lost-baggage") && tags(&d).contains(&"baggage"),
            "{text}: {:?}",
            tags(&d)
        );
    }
    for text in [
        "Obsługa była bardzo niemiła",
        "Obsluga byla bardzo niemila",
        "OBSŁUGA BYŁA okropna",
    ] {
        let m = msg("facebook", text, "2026-02-10T12:00:00Z", Some("pl"));
        let d = decide(&r, &m);
        let hit = d
            .tags
            .iter()
            .find(|t| t.tag == "complaint-staff")
            .unwrap_or_else(|| panic!("{text}"));
        // The span is the customer's own spelling.
        assert_eq!(
            &m.text[hit.start..hit.end].to_lowercase(),
            &text[..hit.end].to_lowercase()
        );
    }
}

#[test]
fn estonian() {
    let r = router();
    let d = decide(
        &r,
        &msg(
            "x",
            "Minu pagas on kadunud, lend Tallinnast",
            "2026-02-10T12:00:00Z",
            Some("et"),
        ),
    );
    assert!(tags(&d).contains(&"lost-baggage"), "{:?}", tags(&d));
}

#[test]
fn keywords_match_whole_words_in_spaced_scripts() {
    let r = router();
    let d = decide(
        &r,
        &msg(
            "x",
            "The chocolate cake was delayedish",
            "2026-02-10T12:00:00Z",
            Some("en"),
        ),
    );
    assert!(!tags(&d).contains(&"flight-delay"), "{:?}", tags(&d));
}

#[test]
fn vip_and_influencer_boosts_raise_priority_and_cap_at_urgent() {
    let r = router();
    let mut m = msg(
        "x",
        "My flight was delayed again",
        "2026-02-10T12:00:00Z",
        Some("en"),
    );
    assert_eq!(decide(&r, &m).priority, Priority::High);
    m.author = Some(Author {
        handle: Some("@vip".into()),
        followers: 10,
        vip: true,
    });
    let d = decide(&r, &m);
    assert_eq!(d.priority, Priority::Urgent);
    assert_eq!(d.route, Some("vip"));
    // VIP + influencer + emergency would be +3: still urgent.
    m.author = Some(Author {
        handle: None,
        followers: 1_000_000,
        vip: true,
    });
    m.text = "Stranded, my flight was delayed again".into();
    assert_eq!(decide(&r, &m).priority, Priority::Urgent);
}

#[test]
fn after_hours_hand_over_across_the_dublin_dst_change() {
    let r = router();
    let text = "My flight was delayed and nobody tells us anything";
    // 00:15 UTC on Saturday 28 March is 00:15 in Dublin (GMT): the
    // evening shift (16:00-00:30) is still on.
    let d = decide(&r, &msg("x", text, "2026-03-28T00:15:00Z", Some("en")));
    assert!(
        matches!(
            d.coverage,
            Coverage::OnShift {
                team: "care-dublin",
                shift: "dublin-eve"
            }
        ),
        "{:?}",
        d.coverage
    );
    // The same UTC time on Monday 30 March is 01:15 in Dublin (IST): the
    // evening shift ended at 00:30, Manila has the queue.
    let d = decide(&r, &msg("x", text, "2026-03-30T00:15:00Z", Some("en")));
    assert!(
        matches!(
            d.coverage,
            Coverage::Handover {
                team: "care-manila",
                from: "care-dublin",
                ..
            }
        ),
        "{:?}",
        d.coverage
    );
}

#[test]
fn business_hours_deadlines_skip_the_weekend_and_holidays() {
    let r = router();
    // app-login is normal severity: 4h first response in dublin-office
    // business hours (Mon-Fri 08:00-20:00, Sat 10:00-16:00).
    let text = "I can't log in to the app since this morning";
    // Saturday 10 January 15:00: one hour on Saturday, Sunday closed,
    // three hours from Monday 08:00.
    let d = decide(&r, &msg("x", text, "2026-01-10T15:00:00Z", Some("en")));
    assert!(tags(&d).contains(&"app-login"), "{:?}", tags(&d));
    assert_eq!(
        d.first_response_due.unwrap().to_string(),
        "2026-01-12T11:00:00Z"
    );
    // Thursday 24 December 19:00: one hour, then Christmas Day and St
    // Stephen's Day (a Saturday) are holidays, Sunday is closed.
    let d = decide(&r, &msg("x", text, "2026-12-24T19:00:00Z", Some("en")));
    assert_eq!(
        d.first_response_due.unwrap().to_string(),
        "2026-12-28T11:00:00Z"
    );
}

#[test]
fn personal_data_moves_the_reply_to_private() {
    let r = router();
    let mut m = msg(
        "x",
        "Where is my refund? Booking ref K7XQ2P, call me on +353 87 123 4567",
        "2026-02-10T12:00:00Z",
        Some("en"),
    );
    let d = decide(&r, &m);
    assert_eq!(d.response_mode, MessageKind::Private);
    assert!(matches!(
        d.response_reason,
        ResponseReason::ContainsPersonalData
    ));
    assert_eq!(d.personal_data.len(), 2);
    m.text = "What is the baggage allowance on flights to Tokyo?".into();
    assert_eq!(decide(&r, &m).response_mode, MessageKind::Public);
}

#[test]
fn incident_mode_adds_its_tag_and_queue() {
    let r = router();
    let m = msg(
        "x",
        "Is my flight to Warsaw still going? Looks like snow everywhere",
        "2026-01-09T08:00:00Z",
        Some("en"),
    );
    let normal = decide(&r, &m);
    let storm = r.decide(
        &m,
        &DecideOptions {
            incident: Some("winter-storm"),
            at: None,
        },
    );
    assert_eq!(storm.incident, Some("winter-storm"));
    assert_eq!(storm.queue, Some("incident-desk"));
    assert!(tags(&storm).contains(&"incident-weather"));
    assert_ne!(normal.queue, storm.queue);
}

#[test]
fn at_overrides_received_at() {
    let r = router();
    let m = msg(
        "x",
        "My flight was delayed",
        "2026-02-10T12:00:00Z",
        Some("en"),
    );
    let d = r.decide(
        &m,
        &DecideOptions {
            incident: None,
            at: Some("2026-02-11T12:00:00Z".parse().unwrap()),
        },
    );
    assert_eq!(
        d.first_response_due.unwrap().to_string(),
        "2026-02-11T13:00:00Z"
    );
}

#[test]
fn the_ir_round_trips_through_json_and_decides_the_same() {
    let loaded = carebook::load::load(
        &crate::common::root().join("playbooks"),
        &Default::default(),
    )
    .unwrap();
    let pb = loaded.playbook.unwrap();
    let ir = carebook::ir::lower(&pb);
    let text = serde_json::to_string(&ir).unwrap();
    let back: carebook::ir::Ir = serde_json::from_str(&text).unwrap();
    assert_eq!(ir, back);
    let (a, b) = (Router::new(&ir).unwrap(), Router::new(&back).unwrap());
    for sample in &pb.samples {
        let m = carebook::sampletest::message_of(sample);
        let o = DecideOptions {
            incident: sample.incident.as_ref().map(|i| i.as_str()),
            at: None,
        };
        assert_eq!(
            serde_json::to_string(&a.decide(&m, &o)).unwrap(),
            serde_json::to_string(&b.decide(&m, &o)).unwrap()
        );
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static ROUTER: LazyLock<Router> = LazyLock::new(router);

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_and_spans_are_char_boundaries(text in "\\PC{0,200}") {
            let m = msg("x", &text, "2026-02-10T12:00:00Z", None);
            let d = ROUTER.decide(&m, &DecideOptions::default());
            for t in &d.tags {
                prop_assert!(t.start <= t.end && t.end <= text.len());
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            }
            for f in &d.personal_data {
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            }
        }

        #[test]
        fn a_keyword_inserted_at_a_word_boundary_is_found(
            before in "[a-z ]{0,40}",
            after in "[a-z ]{0,40}",
            keyword in prop::sample::select(vec!["delayed", "cancelled", "missed connection", "rude", "luggage"]),
        ) {
            let text = format!("{before} {keyword} {after}");
            let m = msg("x", &text, "2026-02-10T12:00:00Z", Some("en"));
            let d = ROUTER.decide(&m, &DecideOptions::default());
            let start = before.len() + 1;
            prop_assert!(
                d.tags.iter().any(|t| t.start == start && t.end == start + keyword.len()),
                "{text:?}: {:?}", d.tags
            );
        }

        #[test]
        fn unspaced_keywords_are_found_anywhere(
            // Marks excluded: a combining sign after the keyword makes
            // its last character another one.
            before in "[\\p{Hiragana}\\p{Han}]{0,20}",
            after in "[[\\p{Hiragana}\\p{Han}]&&\\P{M}]{0,20}",
        ) {
            let text = format!("{before}欠航{after}");
            let m = msg("x", &text, "2026-02-10T12:00:00Z", Some("ja"));
            let d = ROUTER.decide(&m, &DecideOptions::default());
            prop_assert!(d.tags.iter().any(|t| t.tag == "flight-delay"));
        }
    }
}

/// A router for the base fixture playbook with `edit` applied to one file.
fn base_router_with(file: &str, edit: impl Fn(String) -> String) -> Router {
    let (router, errors) = base_router_and_errors(file, edit);
    assert_eq!(errors, Vec::<String>::new());
    router
}

/// The same, with the codes of the errors validate reports, for a
/// playbook a library user routes without validating it first.
fn base_router_and_errors(file: &str, edit: impl Fn(String) -> String) -> (Router, Vec<String>) {
    let tmp = crate::common::playbook_from(None);
    let dir = tmp.path().join("pb");
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    std::fs::write(dir.join(file), edit(text)).unwrap();
    let loaded = carebook::load::load(&dir, &Default::default()).unwrap();
    let pb = loaded.playbook.expect("loads");
    let errors = carebook::check::run(&pb, &loaded.sources)
        .iter()
        .filter(|d| d.level == carebook::diagnostic::Level::Error)
        .map(|d| d.code.to_string())
        .collect();
    (Router::new(&carebook::ir::lower(&pb)).unwrap(), errors)
}

#[test]
fn a_keyword_that_folds_to_nothing_is_dropped_not_matched_everywhere() {
    // A lone combining accent: nothing is left once diacritics are
    // stripped. Validate refuses it (CB210); routed anyway, it matches
    // nothing rather than everything.
    let (r, errors) = base_router_and_errors("tags.yaml", |t| {
        t.replace("en: [late, delayed]", "en: [late, delayed, \"\\u0301\"]")
            .replace(
                "      patterns:",
                "      ignore_diacritics: true\n      patterns:",
            )
    });
    assert_eq!(errors, ["CB210"]);
    for text in ["こんにちは", "👍🏽 ok", ""] {
        let d = decide(&r, &msg("x", text, "2026-02-03T10:00:00Z", None));
        assert!(!tags(&d).contains(&"delay"), "{text:?}: {:?}", tags(&d));
    }
    assert!(
        tags(&decide(
            &r,
            &msg("x", "so late", "2026-02-03T10:00:00Z", None)
        ))
        .contains(&"delay")
    );
}

#[test]
fn deadlines_follow_the_own_severity_unless_a_boost_changed_the_priority() {
    let tmp = crate::common::playbook_from(None);
    let dir = tmp.path().join("pb");
    // `slow` shares `normal`'s priority but has a 24/7 one-day target.
    let esc = std::fs::read_to_string(dir.join("escalation.yaml")).unwrap().replace(
        "calendars:",
        "  - id: slow\n    name: Slow\n    priority: normal\n    first_response: 1d\n    resolution: 5d\n    hours: 24/7\ncalendars:",
    );
    std::fs::write(dir.join("escalation.yaml"), esc).unwrap();
    let tags_yaml = std::fs::read_to_string(dir.join("tags.yaml"))
        .unwrap()
        .replace("    severity: normal\n", "    severity: slow\n");
    std::fs::write(dir.join("tags.yaml"), tags_yaml).unwrap();
    let loaded = carebook::load::load(&dir, &Default::default()).unwrap();
    let r = Router::new(&carebook::ir::lower(&loaded.playbook.unwrap())).unwrap();
    let d = decide(
        &r,
        &msg("x", "my parcel is late", "2026-02-03T10:00:00Z", Some("en")),
    );
    assert_eq!(d.severity, "slow");
    assert_eq!(
        d.first_response_due.unwrap().to_string(),
        "2026-02-04T10:00:00Z"
    );
}

#[test]
fn a_route_for_a_tag_without_severity_fires() {
    let r = base_router_with("escalation.yaml", |t| {
        t.replace(
            "  - id: everything-else\n",
            "  - id: spam-bin\n    when: {tags: [spam]}\n    queue: care-queue\n  - id: everything-else\n",
        )
    });
    let d = decide(
        &r,
        &msg(
            "x",
            "crypto giveaway here",
            "2026-02-03T10:00:00Z",
            Some("en"),
        ),
    );
    assert_eq!(d.route, Some("spam-bin"));
    assert!(!d.needs_reply);
}

#[test]
fn a_child_tag_can_switch_reply_privately_off() {
    let r = base_router_with("tags.yaml", |t| {
        t.replace(
            "  - id: spam\n",
            "  - id: outage-status\n    parent: outage\n    description: Asking whether the outage is over.\n    reply_privately: false\n    detect:\n      keywords:\n        en: [back up yet]\n\n  - id: spam\n",
        )
        .replace("    team: care\n    detect:", "    team: care\n    reply_privately: true\n    detect:")
    });
    let d = decide(
        &r,
        &msg("x", "The app is down", "2026-02-03T10:00:00Z", Some("en")),
    );
    assert_eq!(d.response_mode, MessageKind::Private);
    let d = decide(
        &r,
        &msg(
            "x",
            "Is the app back up yet?",
            "2026-02-03T10:00:00Z",
            Some("en"),
        ),
    );
    assert_eq!(tags(&d), ["outage-status"]);
    assert_eq!(d.response_mode, MessageKind::Public);
}

#[test]
fn exclusions_hold_in_incident_mode() {
    let r = router();
    let on = DecideOptions {
        incident: Some("it-outage"),
        at: None,
    };
    let m = msg(
        "x",
        "Is the outage over? The app is down for me",
        "2026-01-09T08:00:00Z",
        Some("en"),
    );
    assert_eq!(r.decide(&m, &on).incident, Some("it-outage"));
    let m = msg(
        "x",
        "Is this an outage or planned maintenance tonight?",
        "2026-01-09T08:00:00Z",
        Some("en"),
    );
    let d = r.decide(&m, &on);
    assert!(!tags(&d).contains(&"incident-outage"), "{:?}", tags(&d));
    assert_eq!(d.incident, None);
}

#[test]
fn harmless_japanese_and_thai_are_not_critical() {
    let r = router();
    // "Is that all for the seats?" holds けか, which けが (injury) lost
    // its voicing mark to become; ควนขนุน is a place name that ควัน
    // (smoke) matched once its vowel sign was stripped.
    for (text, lang) in [("席はそれだけかな？", "ja"), ("ควนขนุน", "th")] {
        let d = decide(&r, &msg("x", text, "2026-02-10T03:00:00Z", Some(lang)));
        assert_ne!(d.severity, "critical", "{text}: {:?}", tags(&d));
        assert!(!tags(&d).contains(&"safety-concern"), "{text}");
    }
    // A hug is no bug; a real injury still is one.
    let d = decide(
        &r,
        &msg("x", "ハグしたい", "2026-02-10T03:00:00Z", Some("ja")),
    );
    assert!(!tags(&d).contains(&"technical-issue"), "{:?}", tags(&d));
    let d = decide(
        &r,
        &msg(
            "x",
            "機内でけがをしました",
            "2026-02-10T03:00:00Z",
            Some("ja"),
        ),
    );
    assert!(tags(&d).contains(&"safety-concern"), "{:?}", tags(&d));
}

#[test]
fn half_width_katakana_matches_full_width_keywords() {
    let r = router();
    let m = msg(
        "line-jp",
        "ｱﾌﾟﾘにﾛｸﾞｲﾝできません",
        "2026-02-10T03:00:00Z",
        None,
    );
    let d = decide(&r, &m);
    let hit = d
        .tags
        .iter()
        .find(|t| t.tag == "app-login")
        .expect("tagged");
    assert_eq!(&m.text[hit.start..hit.end], "ﾛｸﾞｲﾝ");
}

/// A queue with business hours of its own counts a business-hours
/// severity's deadline in them: a `normal` message (4h, office 09–17)
/// at 10:00 is due at 14:00 in the office calendar, at 16:00 at a desk
/// that opens at noon.
#[test]
fn a_queues_own_calendar_replaces_the_severitys() {
    let calendar = "  - id: late-desk\n    name: Late desk\n    timezone: Europe/Dublin\n    hours:\n      - days: [mon, tue, wed, thu, fri]\n        start: \"12:00\"\n        end: \"20:00\"\nqueues:";
    let office = base_router_with("escalation.yaml", |t| t);
    let late = base_router_with("escalation.yaml", |t| {
        t.replace("queues:", calendar).replace(
            "    team: care\n",
            "    team: care\n    calendar: late-desk\n",
        )
    });
    let m = msg("x", "my parcel is late", "2026-02-03T10:00:00Z", Some("en"));
    let due = |r: &Router| {
        let d = decide(r, &m);
        assert_eq!(d.severity, "normal");
        d.first_response_due.unwrap().to_string()
    };
    assert_eq!(due(&office), "2026-02-03T14:00:00Z");
    assert_eq!(due(&late), "2026-02-03T16:00:00Z");
    // 24/7 severities keep their clock whatever the queue.
    let outage = msg("x", "the app is down", "2026-02-03T10:00:00Z", Some("en"));
    assert_eq!(
        decide(&late, &outage)
            .first_response_due
            .unwrap()
            .to_string(),
        "2026-02-03T10:30:00Z"
    );
}

/// A VIP's `normal` message raised two steps takes `urgent`'s targets
/// and `urgent`'s chain with them, so its first person is due before its
/// first response; without the boost it has `normal`'s (none).
#[test]
fn a_boosted_message_takes_its_new_severitys_chain() {
    let r = base_router_with("escalation.yaml", |t| {
        t.replace("chains:", "boosts:\n  vip: 2\nchains:")
    });
    let mut m = msg("x", "my parcel is late", "2026-02-03T10:00:00Z", Some("en"));
    let plain = decide(&r, &m);
    assert_eq!(plain.priority.as_str(), "normal");
    assert!(plain.escalation.is_empty(), "{:?}", plain.escalation);
    m.author = Some(carebook::model::Author {
        handle: None,
        followers: 0,
        vip: true,
    });
    let boosted = decide(&r, &m);
    assert_eq!(boosted.priority.as_str(), "urgent");
    assert_eq!(
        boosted.first_response_due.unwrap().to_string(),
        "2026-02-03T10:30:00Z"
    );
    let chains: Vec<&str> = boosted.escalation.iter().map(|r| r.chain).collect();
    assert_eq!(chains, ["main-chain", "main-chain", "main-chain"]);
    assert_eq!(
        boosted.escalation[1].due.unwrap().to_string(),
        "2026-02-03T10:12:00Z"
    );
}

/// `2bd` is the same time of day on the second business day after the
/// message, weekends and holidays skipped; a message that arrives while
/// the office is closed counts from its next opening.
#[test]
fn business_days_keep_the_time_of_day() {
    let r = base_router_with("escalation.yaml", |t| {
        t.replace("    resolution: 48h\n", "    resolution: 2bd\n")
    });
    let due = |at: &str| {
        let d = decide(&r, &msg("x", "my parcel is late", at, Some("en")));
        assert_eq!(d.severity, "normal");
        d.resolution_due.unwrap().to_string()
    };
    // Tuesday 14:00 Dublin (UTC in February).
    assert_eq!(due("2026-02-03T14:00:00Z"), "2026-02-05T14:00:00Z");
    // Thursday 16:30: Friday, then Monday.
    assert_eq!(due("2026-02-05T16:30:00Z"), "2026-02-09T16:30:00Z");
    // Friday 22:00, closed: from Monday 09:00, so Wednesday 09:00.
    assert_eq!(due("2026-02-06T22:00:00Z"), "2026-02-11T09:00:00Z");
    // Christmas Day is a holiday of the office calendar.
    assert_eq!(due("2026-12-23T10:00:00Z"), "2026-12-28T10:00:00Z");
}
