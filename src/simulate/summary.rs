//! What a simulation run saw: counts by tag, team and priority, and the
//! messages whose first-response deadline falls when nobody who speaks
//! their language is on shift.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::detect::language::Identified;
use crate::router::{Decision, LanguageSource, Router, explain};

#[derive(Debug, Default)]
pub struct Summary {
    pub messages: u64,
    pub malformed: u64,
    /// Routed although their channel or language is not the playbook's.
    pub unknown: u64,
    pub by_tag: BTreeMap<String, u64>,
    pub by_team: BTreeMap<String, u64>,
    pub by_priority: BTreeMap<&'static str, u64>,
    pub untagged: u64,
    /// Ids of messages due when nobody who speaks their language is on shift.
    pub due_unstaffed: Vec<String>,
    pub due_unstaffed_count: u64,
    /// Messages whose language is a guess: trigram statistics alone, or
    /// the playbook default because nothing pointed anywhere.
    pub language_guessed: u64,
    pub language_defaulted: u64,
    /// Tags the labelled examples added where no keyword found them, and
    /// keyword tags they doubted.
    pub learned: u64,
    pub doubted: u64,
}

/// How many unstaffed-deadline ids the summary lists by name.
const LISTED: usize = 20;

impl Summary {
    pub fn add(&mut self, d: &Decision, router: &Router) {
        self.messages += 1;
        if d.tags.is_empty() {
            self.untagged += 1;
        }
        for t in &d.tags {
            *self.by_tag.entry(t.tag.to_string()).or_default() += 1;
            if let crate::router::Rule::Learned { .. } = t.rule {
                self.learned += 1;
            }
        }
        self.doubted += d.doubted.len() as u64;
        *self
            .by_team
            .entry(d.team.unwrap_or("(no queue)").to_string())
            .or_default() += 1;
        *self.by_priority.entry(explain::priority(d)).or_default() += 1;
        match (d.language_source, d.detected_by) {
            (LanguageSource::Default, _) => self.language_defaulted += 1,
            (LanguageSource::Detected, Some(Identified::Statistics)) => self.language_guessed += 1,
            _ => {}
        }
        if let (Some(team), Some(due)) = (d.team, d.first_response_due)
            && !router.staffed(team, &d.language, due)
        {
            self.due_unstaffed_count += 1;
            if self.due_unstaffed.len() < LISTED {
                self.due_unstaffed.push(d.id.clone());
            }
        }
    }

    /// Adds another part's counts, as if its messages came after these.
    pub fn merge(&mut self, other: Summary) {
        self.messages += other.messages;
        self.malformed += other.malformed;
        self.untagged += other.untagged;
        for (k, n) in other.by_tag {
            *self.by_tag.entry(k).or_default() += n;
        }
        for (k, n) in other.by_team {
            *self.by_team.entry(k).or_default() += n;
        }
        for (k, n) in other.by_priority {
            *self.by_priority.entry(k).or_default() += n;
        }
        self.due_unstaffed_count += other.due_unstaffed_count;
        self.language_guessed += other.language_guessed;
        self.language_defaulted += other.language_defaulted;
        self.learned += other.learned;
        self.doubted += other.doubted;
        let room = LISTED.saturating_sub(self.due_unstaffed.len());
        self.due_unstaffed
            .extend(other.due_unstaffed.into_iter().take(room));
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} routed, {} malformed",
            crate::diagnostic::render::plural(self.messages as usize, "message"),
            self.malformed
        );
        if self.unknown > 0 {
            let _ = writeln!(
                out,
                "{} with a channel or language the playbook does not have",
                self.unknown
            );
        }
        let order = ["urgent", "high", "normal", "low"];
        let p: Vec<String> = order
            .iter()
            .filter_map(|k| self.by_priority.get(k).map(|n| format!("{k} {n}")))
            .collect();
        let _ = writeln!(out, "by priority: {}", p.join(", "));
        let t: Vec<String> = self
            .by_team
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let _ = writeln!(out, "by team: {}", t.join(", "));
        let mut tags: Vec<(&String, &u64)> = self.by_tag.iter().collect();
        tags.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let g: Vec<String> = tags.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let _ = writeln!(
            out,
            "by tag: {}{}",
            g.join(", "),
            if self.untagged > 0 {
                format!(" (untagged {})", self.untagged)
            } else {
                String::new()
            }
        );
        if self.language_guessed + self.language_defaulted > 0 {
            let _ = writeln!(
                out,
                "language uncertain: {} by trigram statistics, {} the playbook default (keywords, words and letters did not single out one language)",
                self.language_guessed, self.language_defaulted
            );
        }
        if self.learned + self.doubted > 0 {
            let _ = writeln!(
                out,
                "from the labelled examples: {} tag(s) added where no keyword matched, {} keyword tag(s) dropped as unlikely",
                self.learned, self.doubted
            );
        }
        if self.due_unstaffed_count > 0 {
            let more = self.due_unstaffed_count - self.due_unstaffed.len() as u64;
            let _ = writeln!(
                out,
                "first response due outside staffed hours: {} ({}{})",
                self.due_unstaffed_count,
                self.due_unstaffed.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            );
        }
        out
    }
}
