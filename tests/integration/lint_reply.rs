//! `carebook lint-reply` through the real binary, on the bundled playbook.

use crate::common::{root, run, run_in};

fn json(out: &crate::common::Output) -> serde_json::Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.transcript()))
}

#[test]
fn a_clean_reply_exits_0_with_its_length() {
    let out = run(&["lint-reply", "--channel", "x", "Hi Sam, we're on it. ^AM"]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert_eq!(
        out.stdout,
        "x public reply (en): 24 twitter-weighted, limit 280; 0 errors, 0 warnings\n"
    );
}

#[test]
fn words_are_joined_into_one_reply() {
    let out = run(&[
        "lint-reply",
        "--channel",
        "x",
        "Hi",
        "Sam,",
        "calm",
        "down.",
        "^AM",
    ]);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(out.stdout.contains("error[CB401]"), "{}", out.transcript());
}

#[test]
fn human_output_points_into_the_reply() {
    let out = run(&[
        "lint-reply",
        "--channel",
        "x",
        "--color",
        "never",
        "Hi Sam, please CALM DOWN and reply with your booking reference!! 😀😀",
    ]);
    assert_eq!(out.status, 1);
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn json_offsets_are_characters() {
    // Seven non-ASCII letters before the phrase: byte and character
    // offsets differ.
    let out = run(&[
        "lint-reply",
        "--channel",
        "facebook",
        "--lang",
        "pl",
        "--format",
        "json",
        "Zażółć gęślą: proszę się uspokoić. ^KZ",
    ]);
    assert_eq!(out.status, 1, "{}", out.transcript());
    let v = json(&out);
    assert_eq!(v["channel"], "facebook");
    assert_eq!(v["length"]["unit"], "chars");
    assert_eq!(v["length"]["value"], 38);
    assert_eq!(v["length"]["limit"], 8000);
    let f = &v["findings"][0];
    assert_eq!(f["code"], "CB401");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["start"], 14);
    assert_eq!(f["end"], 33);
    assert_eq!(
        f["suggestion"],
        "write `rozumiem, że to bardzo frustrujące` instead"
    );
}

#[test]
fn personal_data_request_is_an_error_in_public_only() {
    let text = "予約番号を教えてください。^MS";
    let public = run(&["lint-reply", "--channel", "x", "--format", "json", text]);
    assert_eq!(public.status, 1, "{}", public.transcript());
    let v = json(&public);
    // The language is detected as a message on the channel would be.
    assert_eq!(v["lang"], "ja");
    assert_eq!(v["findings"][0]["code"], "CB404");
    assert_eq!(v["findings"][0]["start"], 0);
    assert_eq!(v["findings"][0]["end"], 4);
    let private = run(&["lint-reply", "--channel", "x", "--kind", "private", text]);
    assert_eq!(private.status, 0, "{}", private.transcript());
}

#[test]
fn reads_stdin_and_files() {
    let stdin = run_in(
        &root(),
        &["lint-reply", "--channel", "x", "--format", "json", "-"],
        Some("Hi Sam, we're on it. ^AM\n"),
    );
    assert_eq!(stdin.status, 0, "{}", stdin.transcript());
    assert_eq!(json(&stdin)["length"]["value"], 24);
    let file = run(&[
        "lint-reply",
        "--channel",
        "x",
        "--file",
        "examples/replies/storm-en.txt",
    ]);
    assert_eq!(file.status, 0, "{}", file.transcript());
}

#[test]
fn warnings_fail_only_when_denied() {
    let text = "Hi Sam, unfortunately the flight is full. ^AM";
    let out = run(&["lint-reply", "--channel", "x", text]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    assert!(out.stdout.contains("warning[CB402]"));
    let denied = run(&["lint-reply", "--channel", "x", "--deny-warnings", text]);
    assert_eq!(denied.status, 1);
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_reply() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reply.txt");
    std::fs::write(&file, "\u{feff}Hi Sam, we're on it. ^AM\n").unwrap();
    let out = run(&[
        "lint-reply",
        "--channel",
        "x",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let plain = run(&["lint-reply", "--channel", "x", "Hi Sam, we're on it. ^AM"]);
    assert_eq!(
        out.stdout,
        plain.stdout.replace("<reply>", file.to_str().unwrap())
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["lint-reply", "--channel", "twitter", "Hi"]);
    assert_eq!(out.status, 2, "{}", out.transcript());
    assert!(
        out.stderr.contains("the playbook has no channel `twitter`"),
        "{}",
        out.stderr
    );
    let none = run(&["lint-reply", "--channel", "x"]);
    assert_eq!(none.status, 2, "{}", none.transcript());
    let missing = run(&["lint-reply", "--channel", "x", "--file", "no/such/file.txt"]);
    assert_eq!(missing.status, 2, "{}", missing.transcript());
    // A language or tag the playbook lacks would switch checks off in
    // silence: a usage error that names the closest.
    let lang = run(&["lint-reply", "--channel", "x", "--lang", "xx", "Hi"]);
    assert_eq!(lang.status, 2, "{}", lang.transcript());
    assert!(
        lang.stderr
            .contains("the playbook has no language `xx`; languages: en, ja, th, pl, et"),
        "{}",
        lang.stderr
    );
    let tag = run(&[
        "lint-reply",
        "--channel",
        "x",
        "--tag",
        "complaint-staf",
        "Hi",
    ]);
    assert_eq!(tag.status, 2, "{}", tag.transcript());
    assert!(
        tag.stderr
            .contains("the playbook has no tag `complaint-staf`; did you mean `complaint-staff`?"),
        "{}",
        tag.stderr
    );
    let fine = run(&[
        "lint-reply",
        "--channel",
        "x",
        "--lang",
        "en",
        "--tag",
        "complaint-staff",
        "Hi Sam, we're on it. ^AM",
    ]);
    assert_ne!(fine.status, 2, "{}", fine.transcript());
}

#[test]
fn a_reply_is_read_in_its_own_language() {
    // The router's language identification: a correct greeting in each
    // language satisfies the rule, a missing one is named in that language.
    let cases = [
        (
            "Hallo Max, danke für deine Nachricht. Wir prüfen das sofort.",
            "de",
        ),
        ("Hei Mikko, kiitos viestistä, tarkistamme asian.", "fi"),
        ("Tere Mari, aitäh kirja eest, vaatame kohe üle.", "et"),
        ("Hej Anna, tack för meddelandet, vi kollar det.", "sv"),
    ];
    let args = |text: &'static str| {
        [
            "lint-reply",
            "-p",
            "accuracy/telecom",
            "--channel",
            "facebook",
            "--kind",
            "private",
            text,
        ]
    };
    for (text, lang) in cases {
        let out = run(&args(text));
        assert_eq!(out.status, 0, "{}", out.transcript());
        assert!(
            out.stdout.contains(&format!("reply ({lang})")),
            "{}",
            out.stdout
        );
    }
    let out = run(&args("Danke für deine Nachricht, wir prüfen das sofort."));
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(
        out.stdout.contains("no greeting in the `de` text"),
        "{}",
        out.transcript()
    );
}

/// A public reply on X, linted against the Nordlink playbook.
fn lint(text: &str) -> crate::common::Output {
    run(&[
        "lint-reply",
        "-p",
        "accuracy/telecom",
        "--channel",
        "x",
        text,
    ])
}

#[test]
fn a_playbooks_own_request_words_count() {
    // Nordlink's voice guide names its own numbers and ways of asking in
    // German and Finnish (`go_private.request_words`).
    for text in [
        "Hallo Max, sag uns kurz deine Treuekartennummer, dann prüfen wir das.",
        "Hei, kerro Nordlink-tunnus niin tarkistamme.",
    ] {
        let out = lint(text);
        assert_eq!(out.status, 1, "{}", out.transcript());
        assert!(
            out.stdout
                .contains("public reply asks for an account number"),
            "{}",
            out.transcript()
        );
    }
    // Its own way of moving to private messages is understood too.
    let out = lint("Hallo Max, schick uns deine Nordlink-ID per PN.");
    assert_eq!(out.status, 0, "{}", out.transcript());
}

#[test]
fn a_playbooks_own_kind_of_personal_data() {
    // Nordlink declares its Club number (NC and eight digits, Luhn) in
    // `go_private.own_kinds`: lint-reply, the router and its trace use it.
    let out = lint("Thanks! Your club number NC 12345674 is linked now.");
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(
        out.stdout
            .contains("public reply shows a Nordlink Club number"),
        "{}",
        out.transcript()
    );
    // A wrong check digit is no Club number.
    let out = lint("Thanks! Your club number NC 12345675 is linked now.");
    assert_eq!(out.status, 0, "{}", out.transcript());

    let message = r#"{"id":"m","channel":"x","kind":"public","text":"my club number is NC12345674, points missing","received_at":"2026-02-03T10:00:00Z"}"#;
    let out = crate::common::run_in(
        &root(),
        &[
            "simulate",
            "-p",
            "accuracy/telecom",
            "-m",
            "-",
            "--format",
            "jsonl",
            "--explain",
        ],
        Some(message),
    );
    assert_eq!(out.status, 0, "{}", out.transcript());
    let decision: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(decision["response_mode"], "private", "{}", out.stdout);
    assert_eq!(decision["personal_data"][0]["kind"], "club-number");
    assert!(
        out.stdout
            .contains("reply private: it contains personal data (club-number)"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_brands_own_mailbox_is_no_ones_personal_data() {
    // The airline names its mail domain in `go_private.brand_domains`: a
    // reply may point to its own mailbox, never show a customer's.
    let out = run(&[
        "lint-reply",
        "--channel",
        "x",
        "Hi Sam, you can write to refunds@auroraair.example any time. ^AM",
    ]);
    assert_eq!(out.status, 0, "{}", out.transcript());
    let out = run(&[
        "lint-reply",
        "--channel",
        "x",
        "Hi Sam, we wrote to sam.k@example.ie just now. ^AM",
    ]);
    assert_eq!(out.status, 1, "{}", out.transcript());
    assert!(
        out.stdout.contains("public reply shows an e-mail address"),
        "{}",
        out.transcript()
    );
}
