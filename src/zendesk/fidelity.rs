//! Collecting what a target cannot express, without repeats.

/// A rule a target tool cannot express as the playbook states it: how the
/// export differs, so nobody is surprised at runtime.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fidelity {
    /// The target, such as `zendesk`.
    pub target: &'static str,
    /// The exported object, such as `trigger route-refunds`.
    pub object: String,
    pub message: String,
}

/// Fidelity warnings for one target, without repeats.
#[derive(Debug)]
pub struct Notes {
    target: &'static str,
    list: Vec<Fidelity>,
}

impl Notes {
    pub fn new(target: &'static str) -> Notes {
        Notes {
            target,
            list: Vec::new(),
        }
    }

    pub fn add(&mut self, object: impl Into<String>, message: impl Into<String>) {
        let f = Fidelity {
            target: self.target,
            object: object.into(),
            message: message.into(),
        };
        if !self.list.contains(&f) {
            self.list.push(f);
        }
    }

    pub fn into_list(mut self) -> Vec<Fidelity> {
        self.list.sort();
        self.list
    }
}
