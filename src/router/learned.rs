//! The tags the router learns from the playbook's labelled examples: a
//! second opinion on every keyword match, and tags for messages no
//! keyword reaches.

use std::collections::BTreeMap;

use super::RouterError;
use crate::detect::classifier::{Classifier, Example, FEWEST_EXAMPLES};
use crate::ir::IrLearning;

pub struct Learned {
    classifier: Classifier,
    /// The tag of each label.
    pub label_tags: Vec<usize>,
    /// For each tag, the label it is judged by: its own, or its nearest
    /// ancestor's (`safety-device` is judged as `safety` when examples are
    /// labelled only with the parent).
    pub judged_by: Vec<Option<usize>>,
    /// Each tag's ancestors, itself first: a tag found below a label's tag
    /// counts as that tag found.
    pub ancestors: Vec<Vec<usize>>,
    /// Each label's thresholds: a keyword tag below `keep_at` is dropped,
    /// a tag at or above `add_at` is added.
    pub keep_at: Vec<f64>,
    pub add_at: Vec<f64>,
}

impl Learned {
    pub fn new(
        learning: &IrLearning,
        tag_index: &BTreeMap<String, usize>,
        ancestors: &[Vec<usize>],
    ) -> Result<Learned, RouterError> {
        let mut count = vec![0usize; ancestors.len()];
        for e in &learning.examples {
            for t in &e.tags {
                let &i = tag_index.get(t).ok_or_else(|| RouterError::Missing {
                    what: "tag",
                    id: t.clone(),
                })?;
                count[i] += 1;
            }
        }
        let label_tags: Vec<usize> = (0..count.len())
            .filter(|&t| count[t] >= FEWEST_EXAMPLES)
            .collect();
        let label_of = |t: usize| label_tags.iter().position(|&x| x == t);
        let judged_by = ancestors
            .iter()
            .map(|chain| chain.iter().find_map(|&t| label_of(t)))
            .collect();
        let examples: Vec<Example> = learning
            .examples
            .iter()
            .map(|e| Example {
                text: &e.text,
                labels: e
                    .tags
                    .iter()
                    .filter_map(|t| tag_index.get(t).and_then(|&i| label_of(i)))
                    .collect(),
            })
            .collect();
        let mut keep_at = vec![learning.keep_at; label_tags.len()];
        let mut add_at = vec![learning.add_at; label_tags.len()];
        for (id, own) in &learning.tags {
            if let Some(l) = tag_index.get(id).and_then(|&t| label_of(t)) {
                (keep_at[l], add_at[l]) = (own.keep_at, own.add_at);
            }
        }
        Ok(Learned {
            classifier: Classifier::train(label_tags.len(), &examples),
            label_tags,
            judged_by,
            ancestors: ancestors.to_vec(),
            keep_at,
            add_at,
        })
    }

    /// Each label's probability for `text`, rounded to hundredths: the
    /// figure the trace shows is the one compared with the thresholds.
    pub fn probabilities(&self, text: &str) -> Vec<f64> {
        let (mut features, mut out) = (Vec::new(), Vec::new());
        self.classifier.probabilities(text, &mut features, &mut out);
        out.iter()
            .map(|&p| (f64::from(p) * 100.0).round() / 100.0)
            .collect()
    }
}
