//! Router benchmark over a generated multilingual corpus.
//!
//! ```text
//! cargo bench --bench router -- /tmp/corpus 1000000
//! ```
//! writes `/tmp/corpus/messages.jsonl` (80% of messages carry `lang`) and
//! `/tmp/corpus/keywords.txt` (every keyword of the bundled playbook), then
//! times each stage in-process: JSON parse, folding, keyword matching,
//! deadlines, the whole router, JSON output; and the router with 10 and
//! with 10,000 keywords. The end-to-end CLI run and the `grep -F` baseline
//! are timed from the shell (see BENCHMARKS.md).

use std::fmt::Write as _;
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use carebook::ir::{Ir, IrKeyword};
use carebook::router::{DecideOptions, Message, Router};

/// A small deterministic generator (xorshift), so every run writes the
/// same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FILLER: [(&str, &[&str]); 5] = [
    (
        "en",
        &[
            "hi there",
            "please help",
            "this is the third time",
            "thanks in advance",
            "flight from Dublin to Tokyo yesterday",
            "any update?",
            "really disappointed",
            "my family and I",
        ],
    ),
    (
        "ja",
        &[
            "すみません",
            "昨日の便について",
            "どうすればいいですか",
            "よろしくお願いします",
            "成田空港で",
        ],
    ),
    (
        "th",
        &[
            "สวัสดีครับ",
            "เที่ยวบินเมื่อวาน",
            "ช่วยด้วยค่ะ",
            "ขอบคุณมาก",
            "ที่สนามบินสุวรรณภูมิ",
        ],
    ),
    (
        "pl",
        &[
            "dzień dobry",
            "lot z Dublina",
            "proszę o pomoc",
            "dziękuję",
            "już trzeci raz",
        ],
    ),
    (
        "et",
        &[
            "tere",
            "lend Tallinnast",
            "palun aidake",
            "aitäh",
            "juba kolmas kord",
        ],
    ),
];

fn keywords_of(ir: &Ir, lang: &str) -> Vec<String> {
    ir.tags
        .iter()
        .flat_map(|t| t.keywords.iter())
        .filter(|k| k.lang == lang)
        .map(|k| k.text.clone())
        .collect()
}

fn write_corpus(dir: &Path, n: usize, ir: &Ir) -> std::io::Result<()> {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let channels = ["x", "facebook", "instagram", "x", "facebook"];
    let per_lang: Vec<(&str, &[&str], Vec<String>)> = FILLER
        .iter()
        .map(|(l, f)| (*l, *f, keywords_of(ir, l)))
        .collect();
    let mut out = BufWriter::new(std::fs::File::create(dir.join("messages.jsonl"))?);
    let mut line = String::new();
    for i in 0..n {
        let (lang, filler, keywords) = rng.pick(&per_lang);
        let mut text = String::new();
        text.push_str(rng.pick::<&str>(filler));
        text.push(' ');
        if rng.chance(70) && !keywords.is_empty() {
            text.push_str(rng.pick(keywords.as_slice()).as_str());
            text.push(' ');
        }
        text.push_str(rng.pick::<&str>(filler));
        if rng.chance(5) {
            text.push_str(" booking ref K7XQ2P");
        }
        let day = 1 + rng.next() % 28;
        let month = 1 + rng.next() % 12;
        let hour = rng.next() % 24;
        line.clear();
        let _ = write!(
            line,
            r#"{{"id":"m{i}","channel":"{}","kind":"{}","text":{},"received_at":"2026-{month:02}-{day:02}T{hour:02}:17:00Z""#,
            rng.pick(&channels),
            if rng.chance(30) { "private" } else { "public" },
            serde_json::to_string(&text).expect("string"),
        );
        if rng.chance(80) {
            let _ = write!(line, r#","lang":"{lang}""#);
        }
        if rng.chance(5) {
            let _ = write!(
                line,
                r#","author":{{"handle":"@a{i}","followers":{},"vip":{}}}"#,
                rng.next() % 200_000,
                rng.chance(20)
            );
        }
        line.push_str("}\n");
        out.write_all(line.as_bytes())?;
    }
    out.flush()?;
    let mut kw = BufWriter::new(std::fs::File::create(dir.join("keywords.txt"))?);
    for t in &ir.tags {
        for k in &t.keywords {
            writeln!(kw, "{}", k.text)?;
        }
    }
    kw.flush()
}

fn rate(n: usize, secs: f64) -> String {
    format!("{:>9.0} msg/s ({:.3} s)", n as f64 / secs, secs)
}

/// The bundled playbook with its keywords replaced by `count` synthetic
/// ones spread over its tags.
fn with_keywords(ir: &Ir, count: usize) -> Ir {
    let mut ir = ir.clone();
    let tags = ir.tags.len();
    for t in &mut ir.tags {
        t.keywords.clear();
        t.patterns.clear();
    }
    for k in 0..count {
        ir.tags[k % tags].keywords.push(IrKeyword {
            text: format!("kw{k}z"),
            lang: "en".into(),
            ignore_diacritics: false,
            whole_word: true,
            form: Default::default(),
            scope: Default::default(),
        });
    }
    ir
}

fn main() {
    // `cargo bench` adds `--bench` to a bench without the test harness.
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let dir = args.next().unwrap_or_else(|| "/tmp/corpus".into());
    let n: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    // `--corpus-only`: write the corpus when missing, measure nothing.
    let corpus_only = std::env::args().any(|a| a == "--corpus-only");
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("corpus directory");
    let loaded = carebook::load::load(Path::new("playbooks"), &Default::default())
        .expect("run from the repository root");
    let pb = loaded.playbook.expect("bundled playbook loads");
    let ir = carebook::ir::lower(&pb);
    let router = Router::new(&ir).expect("router");
    if !dir.join("messages.jsonl").exists() {
        write_corpus(dir, n, &ir).expect("write corpus");
    }
    if corpus_only {
        return;
    }
    let file = std::fs::File::open(dir.join("messages.jsonl")).expect("corpus");
    let lines: Vec<String> = std::io::BufReader::new(file)
        .lines()
        .map(|l| l.expect("line"))
        .collect();
    let n = lines.len();
    println!(
        "corpus: {n} messages, {} bytes",
        lines.iter().map(|l| l.len() + 1).sum::<usize>()
    );

    let t = Instant::now();
    let messages: Vec<Message> = lines
        .iter()
        .map(|l| serde_json::from_str(l).expect("message"))
        .collect();
    println!("parse JSON      {}", rate(n, t.elapsed().as_secs_f64()));

    for (stage, strip) in [("fold           ", false), ("fold, stripped ", true)] {
        let t = Instant::now();
        let mut bytes = 0;
        for m in &messages {
            bytes += carebook::detect::fold::fold(&m.text, strip).text.len();
        }
        println!(
            "{stage} {}  ({bytes} bytes)",
            rate(n, t.elapsed().as_secs_f64())
        );
    }

    let matcher =
        carebook::router::matcher::Matcher::new(&ir, carebook::router::matcher::Scan::Stream)
            .expect("matcher");
    let mut hits = Vec::new();
    let t = Instant::now();
    let mut found = 0;
    for m in &messages {
        matcher.find(&m.text, &mut hits);
        found += hits.len();
    }
    println!(
        "fold + match    {}  ({found} hits)",
        rate(n, t.elapsed().as_secs_f64())
    );

    let t = Instant::now();
    let mut pii = 0;
    for m in &messages {
        pii += carebook::detect::personal_data::find(&m.text).len();
    }
    println!(
        "personal data   {}  ({pii} findings)",
        rate(n, t.elapsed().as_secs_f64())
    );

    // The router's identifier, without the keyword evidence it also gets
    // there: the worst case, where everyday words, letters and, on a tie,
    // trigram statistics decide.
    let identifier = carebook::detect::language::LanguageId::new(&ir.languages);
    let t = Instant::now();
    let mut langs = 0;
    for m in messages.iter().filter(|m| m.lang.is_none()) {
        langs += usize::from(identifier.identify(&m.text, &[]).is_some());
    }
    let without = messages.iter().filter(|m| m.lang.is_none()).count();
    println!(
        "identify language {}  ({without} messages without lang, {langs} identified)",
        rate(without.max(1), t.elapsed().as_secs_f64())
    );

    let calendar =
        carebook::router::clock::BusinessCalendar::new(&ir.calendars[0]).expect("calendar");
    let t = Instant::now();
    let mut last = None;
    for m in &messages {
        last = calendar.add(m.received_at, 4 * 3600);
    }
    println!(
        "deadline (business hours) {}  ({last:?})",
        rate(n, t.elapsed().as_secs_f64())
    );

    let options = DecideOptions::default();
    let t = Instant::now();
    let mut routed = 0;
    for m in &messages {
        routed += usize::from(router.decide_with(m, &options, &mut hits).queue.is_some());
    }
    println!(
        "router          {}  ({routed} routed)",
        rate(n, t.elapsed().as_secs_f64())
    );

    let t = Instant::now();
    let mut out = Vec::with_capacity(1 << 20);
    let mut total = 0;
    for m in &messages {
        out.clear();
        let d = router.decide_with(m, &options, &mut hits);
        carebook::simulate::jsonl::write(&mut out, &d, None);
        total += out.len();
    }
    println!(
        "router + JSON   {}  ({total} bytes out)",
        rate(n, t.elapsed().as_secs_f64())
    );

    // Cost against length: the corpus's texts run together into messages
    // of 100 B to 100 KB, about 20 MB of text at each length. Linear cost
    // is a flat rate in MB/s down the column.
    let mut text = String::new();
    for m in &messages {
        if text.len() > 200_000 {
            break;
        }
        text.push_str(&m.text);
        text.push(' ');
    }
    for length in [100, 1_000, 10_000, 100_000] {
        let end = carebook::source::floor_char_boundary(&text, length);
        let mut long = messages[0].clone();
        long.text = text[..end].to_string();
        let count = 20_000_000 / length;
        let t = Instant::now();
        for _ in 0..count {
            router.decide_with(&long, &options, &mut hits);
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "router, {length:>6} B messages {}  {:.1} MB/s",
            rate(count, secs),
            (count * end) as f64 / secs / 1e6
        );
    }

    let sample = &messages[..n.min(200_000)];
    for count in [10, 10_000] {
        let r = Router::new(&with_keywords(&ir, count)).expect("router");
        let t = Instant::now();
        for m in sample {
            r.decide_with(m, &options, &mut hits);
        }
        println!(
            "router, {count:>6} keywords {}",
            rate(sample.len(), t.elapsed().as_secs_f64())
        );
    }
}
