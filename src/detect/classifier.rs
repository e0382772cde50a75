//! A tag classifier learned from a playbook's labelled example messages:
//! one logistic regression per tag over the words and character n-grams
//! of the folded text. Keywords say exactly what a playbook author wrote;
//! the classifier says what messages like this one were labelled, which
//! reaches phrasings no author listed and doubts keyword matches in
//! messages that look like those labelled harmless.
//!
//! Character n-grams carry inflection and compounds (`häiriö` inside
//! `verkkohäiriöstä`) without a stemmer per language; in scripts written
//! without spaces every short run of characters is a feature, as no word
//! boundaries are known.
//!
//! Training is plain stochastic gradient descent in a fixed order (a
//! seeded shuffle), so the same examples give the same weights and the
//! same decisions on every run.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::fold::{fold, is_unspaced};

/// One labelled example: its text and the indices of its labels among the
/// classifier's labels.
#[derive(Debug, Clone)]
pub struct Example<'a> {
    pub text: &'a str,
    pub labels: Vec<usize>,
}

/// A label needs this many examples before it is learned: from fewer,
/// the classifier learns the examples' other words, not the label.
pub const FEWEST_EXAMPLES: usize = 5;

/// Passes over the examples, step size, and L2 weight decay. Chosen on a
/// development set of messages the Nordlink keywords were not tuned on
/// (docs/accuracy.md); the results vary little around them.
const EPOCHS: usize = 30;
const STEP: f32 = 0.2;
const DECAY: f32 = 1e-4;
/// Labels are rare: each starts out unlikely rather than even.
const START_BIAS: f32 = -2.0;

/// The learned weights: a row of one weight per label for every feature
/// seen in the examples.
#[derive(Debug, Clone)]
pub struct Classifier {
    labels: usize,
    rows: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    weights: Vec<f32>,
    bias: Vec<f32>,
}

impl Classifier {
    /// Learns `labels` labels from `examples`.
    pub fn train(labels: usize, examples: &[Example]) -> Classifier {
        let mut rows: HashMap<u64, u32, BuildHasherDefault<Prehashed>> = HashMap::default();
        // Each example as its feature rows and the value each carries.
        let mut encoded: Vec<(Vec<u32>, f32)> = Vec::with_capacity(examples.len());
        let mut hashes = Vec::new();
        for ex in examples {
            features(ex.text, &mut hashes);
            let mut ids: Vec<u32> = hashes
                .iter()
                .map(|h| {
                    let n = rows.len() as u32;
                    *rows.entry(*h).or_insert(n)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let value = 1.0 / (ids.len().max(1) as f32).sqrt();
            encoded.push((ids, value));
        }
        let mut weights = vec![0.0f32; rows.len() * labels];
        let mut bias = vec![START_BIAS; labels];
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = SplitMix(0x5eed_ca4e_b00c);
        let mut z = vec![0.0f32; labels];
        let mut target = vec![0.0f32; labels];
        for _ in 0..EPOCHS {
            // Fisher-Yates with the fixed seed.
            for i in (1..order.len()).rev() {
                let j = (rng.next() % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            for &i in &order {
                let (ids, value) = &encoded[i];
                target.iter_mut().for_each(|t| *t = 0.0);
                for &l in &examples[i].labels {
                    target[l] = 1.0;
                }
                z.copy_from_slice(&bias);
                for &r in ids {
                    let row = &weights[r as usize * labels..(r as usize + 1) * labels];
                    for (zl, w) in z.iter_mut().zip(row) {
                        *zl += w * value;
                    }
                }
                // The gradient of the log loss: predicted minus wanted.
                for (zl, t) in z.iter_mut().zip(&target) {
                    *zl = sigmoid(*zl) - t;
                }
                for (b, g) in bias.iter_mut().zip(&z) {
                    *b -= STEP * g;
                }
                for &r in ids {
                    let row = &mut weights[r as usize * labels..(r as usize + 1) * labels];
                    for (w, g) in row.iter_mut().zip(&z) {
                        *w -= STEP * (g * value + DECAY * *w);
                    }
                }
            }
        }
        Classifier {
            labels,
            rows,
            weights,
            bias,
        }
    }

    /// The probability of each label for `text`, into `out` (one per
    /// label); `features` is a buffer reused across calls.
    pub fn probabilities(&self, text: &str, features_buf: &mut Vec<u64>, out: &mut Vec<f32>) {
        features(text, features_buf);
        features_buf.sort_unstable();
        features_buf.dedup();
        out.clear();
        out.extend_from_slice(&self.bias);
        // Unseen features weigh nothing but still dilute the others, as
        // in training.
        let value = 1.0 / (features_buf.len().max(1) as f32).sqrt();
        for h in features_buf.iter() {
            if let Some(&r) = self.rows.get(h) {
                let row = &self.weights[r as usize * self.labels..(r as usize + 1) * self.labels];
                for (z, w) in out.iter_mut().zip(row) {
                    *z += w * value;
                }
            }
        }
        out.iter_mut().for_each(|z| *z = sigmoid(*z));
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// The hashes of `text`'s features, with repeats: each word and the
/// character 3- to 5-grams of the word with its edges marked, or in a run
/// of a script without spaces, every character and pair of characters. Text is
/// folded as keywords are, diacritics removed: customers type without
/// them.
pub fn features(text: &str, out: &mut Vec<u64>) {
    out.clear();
    let folded = fold(text, true);
    // A run of word characters, after the `<` that marks its start.
    let mut run: Vec<char> = Vec::with_capacity(64);
    let mut chars = folded.text.chars();
    loop {
        run.clear();
        run.push('<');
        let mut unspaced = false;
        let mut at_end = true;
        for c in chars.by_ref() {
            if is_word_char(c) {
                unspaced |= is_unspaced(c);
                run.push(c);
            } else {
                at_end = false;
                break;
            }
        }
        if run.len() > 1 {
            if unspaced {
                grams(b'c', &run[1..], 1, 2, out);
            } else {
                out.push(run[1..].iter().fold(seed(b'w'), |h, &c| step(h, c)));
                run.push('>');
                grams(b'g', &run, 3, 5, out);
            }
        }
        if at_end {
            break;
        }
    }
}

/// Letters, digits and the combining marks that belong to them (Thai
/// vowels, kana voicing).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
    }
}

/// Every n-gram of `chars` with `fewest <= n <= most`, hashed: one pass
/// from each start gives the hash of each length in turn.
fn grams(kind: u8, chars: &[char], fewest: usize, most: usize, out: &mut Vec<u64>) {
    for start in 0..chars.len() {
        let mut h = seed(kind);
        for (k, &c) in chars[start..].iter().take(most).enumerate() {
            h = step(h, c);
            if k + 1 >= fewest {
                out.push(h);
            }
        }
    }
}

/// FNV-1a over a kind byte, then one step per character.
fn seed(kind: u8) -> u64 {
    step(0xcbf2_9ce4_8422_2325, char::from(kind))
}

fn step(h: u64, c: char) -> u64 {
    (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
}

/// Keys that are already hashes need no hashing again.
#[derive(Default)]
pub struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A small seeded generator for the training order.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn examples() -> Vec<Example<'static>> {
        let billing = [
            "my bill is too high this month",
            "why is my bill so high",
            "double charge on my invoice",
            "you charged me twice on the bill",
            "rachunek za wysoki w tym miesiącu",
        ];
        let outage = [
            "no signal anywhere in town",
            "the whole street has no signal",
            "network down for everyone here",
            "brak zasięgu w całym mieście",
        ];
        let neither = [
            "thanks for the quick help",
            "great service, thank you",
            "hello",
        ];
        let labelled = |texts: &[&'static str], labels: Vec<usize>| {
            texts
                .iter()
                .map(|&text| Example {
                    text,
                    labels: labels.clone(),
                })
                .collect::<Vec<_>>()
        };
        [
            labelled(&billing, vec![0]),
            labelled(&outage, vec![1]),
            labelled(&neither, vec![]),
        ]
        .concat()
    }

    #[test]
    fn learns_labels_and_reaches_inflected_forms() {
        let c = Classifier::train(2, &examples());
        let (mut f, mut p) = (Vec::new(), Vec::new());
        c.probabilities("bills are too high", &mut f, &mut p);
        assert!(p[0] > 0.5 && p[1] < 0.5, "{p:?}");
        c.probabilities("signal gone in the whole town", &mut f, &mut p);
        assert!(p[1] > p[0], "{p:?}");
        c.probabilities("thank you", &mut f, &mut p);
        assert!(p[0] < 0.3 && p[1] < 0.3, "{p:?}");
    }

    #[test]
    fn same_examples_same_weights() {
        let a = Classifier::train(2, &examples());
        let b = Classifier::train(2, &examples());
        assert_eq!(a.weights, b.weights);
        assert_eq!(a.bias, b.bias);
    }

    #[test]
    fn unspaced_text_gives_character_ngrams() {
        let mut f = Vec::new();
        features("通信障害", &mut f);
        // 4 characters and 3 pairs of one run.
        assert_eq!(f.len(), 7);
        features("Störung", &mut f);
        // The word, and 3-, 4- and 5-grams of "<storung>" (8 + 1 chars).
        assert_eq!(f.len(), 1 + 7 + 6 + 5);
    }
}
