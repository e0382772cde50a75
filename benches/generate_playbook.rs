//! Writes a large synthetic playbook for benchmarks: 2,000 tags with 10
//! keywords each, 100 teams, 500 macros and 5,000 samples, that validates
//! clean.
//!
//! ```text
//! cargo bench --bench generate_playbook -- /tmp/large-playbook
//! cargo run --release -- validate -p /tmp/large-playbook --timings
//! ```

use std::fmt::Write as _;
use std::path::Path;

/// Sizes of the generated playbook.
pub struct Size {
    pub tags: usize,
    pub keywords_per_tag: usize,
    pub teams: usize,
    pub macros: usize,
    pub samples: usize,
}

pub const LARGE: Size = Size {
    tags: 2_000,
    keywords_per_tag: 10,
    teams: 100,
    macros: 500,
    samples: 5_000,
};

const LANGS: [&str; 5] = ["en", "ja", "th", "pl", "et"];

/// Writes the playbook's files into `dir` (created if missing).
pub fn generate(dir: &Path, size: &Size) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let schema = |kind: &str| {
        format!("# yaml-language-server: $schema=https://carebook.dev/schemas/{kind}.schema.json\n")
    };

    let mut manifest = schema("manifest");
    manifest.push_str(
        "name: Synthetic playbook\nbrand: Synthetic\neffective_from: 2026-01-05\n\
         default_timezone: Europe/Dublin\ndefault_language: en\nlanguages:\n",
    );
    for l in LANGS {
        let _ = writeln!(manifest, "  - {{code: {l}, name: {l}}}");
    }
    manifest.push_str(
        "channels:\n  - id: x\n    name: X\n    length:\n      public: {unit: twitter-weighted, limit: 280}\n\
         files:\n  voice: [voice.yaml]\n  tags: [tags.yaml]\n  escalation: [escalation.yaml]\n\
         \x20 empowerment: [empowerment.yaml]\n  staffing: [staffing.yaml]\n  samples: [samples.yaml]\n",
    );
    std::fs::write(dir.join("carebook.yaml"), manifest)?;

    let severities = ["critical", "high", "normal", "low"];
    let mut tags = schema("tags");
    tags.push_str("tags:\n");
    for t in 0..size.tags {
        let team = t % size.teams;
        let _ = write!(
            tags,
            "  - id: tag-{t}\n    description: Synthetic tag {t}\n    severity: {}\n    team: team-{team}\n",
            severities[t % severities.len()]
        );
        if t >= 10 && t % 10 != 0 {
            let _ = writeln!(tags, "    parent: tag-{}", t - t % 10);
        }
        tags.push_str("    detect:\n      keywords:\n");
        let per_lang = size.keywords_per_tag.div_ceil(LANGS.len());
        let mut written = 0;
        for l in LANGS {
            let words: Vec<String> = (0..per_lang)
                .take(size.keywords_per_tag - written)
                .map(|k| format!("kw{t}x{k}{l}"))
                .collect();
            written += words.len();
            if !words.is_empty() {
                let _ = writeln!(tags, "        {l}: [{}]", words.join(", "));
            }
        }
    }
    std::fs::write(dir.join("tags.yaml"), tags)?;

    let mut esc = schema("escalation");
    esc.push_str(
        "severities:\n\
         \x20 - {id: critical, name: Critical, priority: urgent, first_response: 15m, resolution: 4h, hours: 24/7, escalation: main}\n\
         \x20 - {id: high, name: High, priority: high, first_response: 1h, resolution: 12h, hours: 24/7, escalation: main}\n\
         \x20 - {id: normal, name: Normal, priority: normal, first_response: 4h, resolution: 2bd, hours: business, calendar: office}\n\
         \x20 - {id: low, name: Low, priority: low, first_response: 1bd, resolution: 5bd, hours: business, calendar: office}\n\
         calendars:\n\
         \x20 - id: office\n    name: Office\n    timezone: Europe/Dublin\n    hours: [{days: [mon, tue, wed, thu, fri], start: \"09:00\", end: \"17:00\"}]\n\
         \x20   holidays: [{name: Christmas Day, date: 2026-12-25}]\n\
         chains:\n\
         \x20 - id: main\n    rungs: [{after: 2m, automated: true}, {after: 5m, role: agent}, {after: 30m, role: lead}]\n\
         queues:\n",
    );
    for q in 0..size.teams {
        let _ = writeln!(
            esc,
            "  - {{id: queue-{q}, name: Queue {q}, team: team-{q}}}"
        );
    }
    esc.push_str("routes:\n");
    // One route per block of ten tags (a parent and its children), so the
    // matrix has as many routes as there are tag families.
    for family in (0..size.tags).step_by(10) {
        let _ = writeln!(
            esc,
            "  - {{id: route-{family}, when: {{tags: [tag-{family}]}}, queue: queue-{}}}",
            family % size.teams
        );
    }
    esc.push_str("  - {id: catch-all, queue: queue-0}\n");
    std::fs::write(dir.join("escalation.yaml"), esc)?;

    let mut roles = schema("empowerment");
    roles.push_str(
        "roles:\n\
         \x20 - {id: agent, name: Agent, limits: {EUR: 50, JPY: 7000}, escalates_to: lead}\n\
         \x20 - {id: lead, name: Lead, limits: {EUR: 1000, JPY: 150000}}\n",
    );
    std::fs::write(dir.join("empowerment.yaml"), roles)?;

    let mut staffing = schema("staffing");
    staffing.push_str(
        "shifts:\n\
         \x20 - {id: early, timezone: Europe/Dublin, days: [mon, tue, wed, thu, fri, sat, sun], start: \"06:00\", end: \"14:30\"}\n\
         \x20 - {id: late, timezone: Europe/Dublin, days: [mon, tue, wed, thu, fri, sat, sun], start: \"14:00\", end: \"22:30\"}\n\
         \x20 - {id: night, timezone: Asia/Manila, days: [mon, tue, wed, thu, fri, sat, sun], start: \"05:00\", end: \"14:30\"}\n\
         teams:\n",
    );
    for t in 0..size.teams {
        let _ = writeln!(
            staffing,
            "  - id: team-{t}\n    name: Team {t}\n    function: care\n    timezone: Europe/Dublin\n    members:"
        );
        for (m, shift) in ["early", "late", "night"].iter().enumerate() {
            let _ = writeln!(
                staffing,
                "      - {{name: Agent {t}-{m}, role: agent, languages: [{}], shifts: [{shift}]}}",
                LANGS.join(", ")
            );
        }
    }
    std::fs::write(dir.join("staffing.yaml"), staffing)?;

    let mut voice = schema("voice");
    voice.push_str("voice:\n  tone: [warm]\n  summary: Synthetic voice.\nmacros:\n");
    for m in 0..size.macros {
        let _ = write!(
            voice,
            "  - id: macro-{m}\n    title: Macro {m}\n    tags: [tag-{}]\n    text:\n      en: \"Hi {{{{name}}}}, about case {m}: we are on it.\"\n    placeholders:\n      name: {{description: First name, max_length: 30}}\n",
            m % size.tags
        );
    }
    std::fs::write(dir.join("voice.yaml"), voice)?;

    let mut samples = schema("samples");
    samples.push_str("samples:\n");
    for s in 0..size.samples {
        let t = (s * 7) % size.tags;
        let l = LANGS[s % LANGS.len()];
        let _ = write!(
            samples,
            "  - id: sample-{s}\n    channel: x\n    kind: public\n    lang: {l}\n    text: \"message {s} about kw{t}x0{} please help\"\n    received_at: 2026-02-{:02}T{:02}:15:00+00:00\n    expect:\n      tags_include: [tag-{t}]\n",
            LANGS[0],
            1 + s % 28,
            s % 24
        );
    }
    std::fs::write(dir.join("samples.yaml"), samples)?;
    Ok(())
}

#[allow(dead_code)]
fn main() {
    // `cargo bench` adds `--bench` to a bench without the test harness.
    let Some(dir) = std::env::args().skip(1).find(|a| a != "--bench") else {
        eprintln!("usage: generate_playbook DIR");
        std::process::exit(2);
    };
    if let Err(e) = generate(Path::new(&dir), &LARGE) {
        eprintln!("error: cannot write {dir}: {e}");
        std::process::exit(2);
    }
    println!(
        "wrote a playbook with {} tags, {} teams, {} macros, {} samples to {dir}",
        LARGE.tags, LARGE.teams, LARGE.macros, LARGE.samples
    );
}
