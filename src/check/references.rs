//! Unknown references (CB201): every id that names another item must name
//! one that exists.
//!
//! Which fields are references the model's types say, by marks in their
//! JSON Schema (see [`RefTarget`]). The check walks each file's parsed
//! value together with its schema (compiled to a [`Plan`] of where the
//! marks are) and looks up every value and map key marked, at the pointer
//! the walk reached it by: a reference field added to the model is
//! checked without a line here, and no path is written by hand.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;

use super::{Context, Ids};
use crate::load::yaml::escape_pointer;
use crate::load::{At, Loc, Playbook};
use crate::model::{FileKind, RefTarget};
use crate::source::FileId;
use plan::Plan;

mod plan;

pub fn check(cx: &mut Context) {
    let (pb, sources) = (cx.pb, cx.sources);
    let ids = std::mem::take(&mut cx.ids);
    for (file, kind) in file_kinds(pb) {
        let mut walk = Walk {
            cx,
            ids: &ids,
            file,
            path: Vec::new(),
        };
        walk.node(&sources.get(file).value, Plan::of(kind));
    }
    cx.ids = ids;
}

/// The kind of each file the playbook was read from, known by the parts
/// it holds: which schema to walk it with. Files are walked whole, so a
/// part left out here goes unchecked only in a file that holds nothing
/// else, and the tests' playbook of every field would show it. The
/// manifest's languages and channels are in the manifest.
fn file_kinds(pb: &Playbook) -> BTreeMap<FileId, FileKind> {
    fn files<T>(items: &[At<T>]) -> Vec<FileId> {
        items.iter().map(|item| item.loc.file).collect()
    }
    let parts = [
        (FileKind::Manifest, vec![pb.manifest.loc.file]),
        (
            FileKind::Voice,
            [files(&pb.voice), files(&pb.macros)].concat(),
        ),
        (FileKind::Tags, files(&pb.tags)),
        (
            FileKind::Escalation,
            [
                files(&pb.severities),
                files(&pb.calendars),
                files(&pb.queues),
                files(&pb.routes),
                files(&pb.boosts),
                files(&pb.chains),
                files(&pb.handovers),
                files(&pb.incidents),
                files(&pb.follow_ups),
                files(&pb.bots),
            ]
            .concat(),
        ),
        (FileKind::Empowerment, files(&pb.roles)),
        (
            FileKind::Staffing,
            [
                files(&pb.teams),
                files(&pb.shifts),
                files(&pb.forecast),
                files(&pb.service_levels),
            ]
            .concat(),
        ),
        (FileKind::Samples, files(&pb.samples)),
        (FileKind::Examples, files(&pb.examples)),
        (FileKind::Zendesk, files(pb.zendesk.as_slice())),
    ];
    parts
        .into_iter()
        .flat_map(|(kind, files)| files.into_iter().map(move |file| (file, kind)))
        .collect()
}

/// One file's walk: where it is, and the tables references resolve in.
struct Walk<'w, 'a, 'v> {
    cx: &'w mut Context<'a>,
    ids: &'w Ids<'a>,
    file: FileId,
    /// The steps from the file's root to the node being looked at. Made a
    /// pointer only for a finding: most references resolve.
    path: Vec<Step<'v>>,
}

/// A step of a JSON pointer.
#[derive(Clone, Copy)]
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

impl<'v> Walk<'_, '_, 'v> {
    /// Checks every reference in `value`, where `plan` says they are.
    fn node(&mut self, value: &'v Value, plan: &Plan) {
        if let Some(target) = plan.ids {
            self.ids_in(value, target);
            return;
        }
        match value {
            Value::Object(map) => {
                if let Some(target) = plan.keys {
                    for key in map.keys() {
                        self.key(key, target);
                    }
                }
                for (name, field) in &plan.fields {
                    if let Some((name, child)) = map.get_key_value(name) {
                        self.child(Step::Key(name), child, field);
                    }
                }
                if let Some(values) = &plan.values {
                    for (key, child) in map {
                        self.child(Step::Key(key), child, values);
                    }
                }
            }
            Value::Array(list) => {
                if let Some(items) = &plan.items {
                    for (i, child) in list.iter().enumerate() {
                        self.child(Step::Index(i), child, items);
                    }
                }
            }
            _ => {}
        }
        // Alternatives (one team, or several in order): those of the
        // value's type describe it.
        for (types, branch) in &plan.branches {
            if Plan::admits(types, value) {
                self.node(value, branch);
            }
        }
    }

    fn child(&mut self, step: Step<'v>, value: &'v Value, plan: &Plan) {
        self.path.push(step);
        self.node(value, plan);
        self.path.pop();
    }

    /// Checks the ids in a marked value: one, or a list of them.
    fn ids_in(&mut self, value: &'v Value, target: RefTarget) {
        match value {
            Value::String(id) => {
                let (file, path) = (self.file, &self.path);
                report(self.cx, self.ids, target, id, || loc(file, path, None));
            }
            Value::Array(list) => {
                for (i, item) in list.iter().enumerate() {
                    self.path.push(Step::Index(i));
                    self.ids_in(item, target);
                    self.path.pop();
                }
            }
            // The schema admits no other shape, and the file passed it.
            _ => {}
        }
    }

    /// Checks a map key that names an item; the finding points at the key.
    fn key(&mut self, key: &'v str, target: RefTarget) {
        let (file, path) = (self.file, &self.path);
        let at = || loc(file, path, Some(Step::Key(key)));
        if report(self.cx, self.ids, target, key, at) {
            let label = self
                .cx
                .key_label(&at())
                .with_message(format!("no {} `{key}`", target.noun()));
            if let Some(d) = self.cx.out.last_mut() {
                d.primary = Some(label);
            }
        }
    }
}

/// Where the node at `path` is, or its member `last`.
fn loc(file: FileId, path: &[Step], last: Option<Step>) -> Loc {
    let mut pointer = String::new();
    for step in path.iter().chain(&last) {
        let _ = match step {
            Step::Key(key) => write!(pointer, "/{}", escape_pointer(key)),
            Step::Index(i) => write!(pointer, "/{i}"),
        };
    }
    Loc::new(file, pointer)
}

/// Reports `id` unless the table of `target` defines it; whether it did.
fn report(
    cx: &mut Context,
    ids: &Ids,
    target: RefTarget,
    id: &str,
    at: impl FnOnce() -> Loc,
) -> bool {
    fn look_up<T>(
        cx: &mut Context,
        target: RefTarget,
        table: &BTreeMap<&str, T>,
        id: &str,
        at: impl FnOnce() -> Loc,
    ) -> bool {
        let missing = !table.contains_key(id);
        if missing {
            cx.reference(target.noun(), table, id, at());
        }
        missing
    }
    match target {
        RefTarget::Language => look_up(cx, target, &ids.languages, id, at),
        RefTarget::Channel => look_up(cx, target, &ids.channels, id, at),
        RefTarget::Macro => look_up(cx, target, &ids.macros, id, at),
        RefTarget::Tag => look_up(cx, target, &ids.tags, id, at),
        RefTarget::Severity => look_up(cx, target, &ids.severities, id, at),
        RefTarget::Calendar => look_up(cx, target, &ids.calendars, id, at),
        RefTarget::Queue => look_up(cx, target, &ids.queues, id, at),
        RefTarget::Chain => look_up(cx, target, &ids.chains, id, at),
        RefTarget::Incident => look_up(cx, target, &ids.incidents, id, at),
        RefTarget::Role => look_up(cx, target, &ids.roles, id, at),
        RefTarget::Team => look_up(cx, target, &ids.teams, id, at),
        RefTarget::Shift => look_up(cx, target, &ids.shifts, id, at),
        RefTarget::FollowUp => look_up(cx, target, &ids.follow_ups, id, at),
    }
}

#[cfg(test)]
mod tests;
