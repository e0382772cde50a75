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
//! A feature counts by its inverse document frequency, the message
//! scaled to unit length: a character n-gram in every other example
//! (`<th`, `ing`) says little, one in a handful says much, and plain
//! 1/sqrt(n) let the common ones crowd out the rare. Cross-validated on
//! the Nordlink examples the keywords were not tuned on, this raised
//! precision from 91.7% to 93.1% and recall from 87.0% to 87.5%.
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
/// (docs/accuracy.md); the results vary little around them. The step was
/// raised from 0.2 with inverse document frequencies: the values of
/// common features shrank, and with them what each step learns.
const EPOCHS: usize = 30;
const STEP: f32 = 0.3;
const DECAY: f32 = 1e-4;
/// Weights are kept and updated in chunks of this many labels, the last
/// padded: a fixed-length loop over a chunk is one the compiler turns
/// into vector instructions, and the same arithmetic per label in the
/// same order gives bit-for-bit the same weights as one label at a time
/// (the Nordlink examples train in 0.27 s instead of 0.70 s).
const LANES: usize = 8;
/// Labels are rare: each starts out unlikely rather than even.
const START_BIAS: f32 = -2.0;

/// The learned weights: a row of one weight per label for every feature
/// seen in the examples.
#[derive(Debug, Clone)]
pub struct Classifier {
    labels: usize,
    /// Chunks of `LANES` weights per row: `labels`, padded.
    chunks: usize,
    rows: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    /// The inverse document frequency of each row's feature.
    idf: Vec<f32>,
    weights: Vec<[f32; LANES]>,
    bias: Vec<f32>,
}

impl Classifier {
    /// Learns `labels` labels from `examples`.
    pub fn train(labels: usize, examples: &[Example]) -> Classifier {
        let mut rows: HashMap<u64, u32, BuildHasherDefault<Prehashed>> = HashMap::default();
        // The examples each feature is in, by row.
        let mut seen_in: Vec<u32> = Vec::new();
        let mut hashes = Vec::new();
        let ids_of: Vec<Vec<u32>> = examples
            .iter()
            .map(|ex| {
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
                seen_in.resize(rows.len(), 0);
                for &r in &ids {
                    seen_in[r as usize] += 1;
                }
                ids
            })
            .collect();
        let idf = idf(examples.len(), &seen_in);
        // Each example as its feature rows and the value each carries.
        let encoded: Vec<(Vec<u32>, Vec<f32>)> = ids_of
            .into_iter()
            .map(|ids| {
                let norm = inverse_length(ids.iter().map(|&r| idf[r as usize].powi(2)).sum());
                let values = ids.iter().map(|&r| idf[r as usize] * norm).collect();
                (ids, values)
            })
            .collect();
        let chunks = labels.div_ceil(LANES);
        let stride = chunks * LANES;
        let mut weights = vec![[0.0f32; LANES]; rows.len() * chunks];
        let mut bias = vec![START_BIAS; labels];
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = SplitMix(0x5eed_ca4e_b00c);
        let mut z = vec![0.0f32; stride];
        let mut target = vec![0.0f32; labels];
        for _ in 0..EPOCHS {
            // Fisher-Yates with the fixed seed.
            for i in (1..order.len()).rev() {
                let j = (rng.next() % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            for &i in &order {
                let (ids, values) = &encoded[i];
                target.iter_mut().for_each(|t| *t = 0.0);
                for &l in &examples[i].labels {
                    target[l] = 1.0;
                }
                z[..labels].copy_from_slice(&bias);
                z[labels..].iter_mut().for_each(|zl| *zl = 0.0);
                // A chunk's sums stay in registers over all the features,
                // each label still summed in the features' order.
                for (c, zs) in z.as_chunks_mut::<LANES>().0.iter_mut().enumerate() {
                    let mut sum = *zs;
                    for (&r, &value) in ids.iter().zip(values) {
                        add_scaled(&mut sum, &weights[r as usize * chunks + c], value);
                    }
                    *zs = sum;
                }
                // The gradient of the log loss: predicted minus wanted; none
                // for the padding, whose weights so stay zero.
                for (zl, t) in z.iter_mut().zip(&target) {
                    *zl = sigmoid(*zl) - t;
                }
                z[labels..].iter_mut().for_each(|zl| *zl = 0.0);
                for (b, g) in bias.iter_mut().zip(&z) {
                    *b -= STEP * g;
                }
                let gc = z.as_chunks::<LANES>().0;
                for (&r, &value) in ids.iter().zip(values) {
                    let row = &mut weights[r as usize * chunks..][..chunks];
                    for (ws, gs) in row.iter_mut().zip(gc) {
                        descend(ws, gs, value);
                    }
                }
            }
        }
        Classifier {
            labels,
            chunks,
            rows,
            idf,
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
        out.resize(self.labels, 0.0);
        // Features the examples never had are left out of the length: with
        // the highest inverse document frequency of all, each would weigh
        // more than a word seen once, and a message with a few new names
        // or places would have its known words drowned out (cross-validated,
        // counting them lost 2.1 points of recall for 0.9 of precision).
        let mut squares = 0.0f32;
        for h in features_buf.iter() {
            if let Some(&r) = self.rows.get(h) {
                let idf = self.idf[r as usize];
                squares += idf * idf;
                let row = &self.weights[r as usize * self.chunks..][..self.chunks].as_flattened()
                    [..self.labels];
                for (z, w) in out.iter_mut().zip(row) {
                    *z += w * idf;
                }
            }
        }
        let norm = inverse_length(squares);
        for (z, b) in out.iter_mut().zip(&self.bias) {
            *z = sigmoid(b + *z * norm);
        }
    }
}

/// `z += w * value`, label by label. Small functions over arrays: in one
/// body with the vectors, the compiler cannot tell that `z` and the weights
/// do not overlap, and leaves the loops scalar.
#[inline(always)]
fn add_scaled(z: &mut [f32; LANES], w: &[f32; LANES], value: f32) {
    for k in 0..LANES {
        z[k] += w[k] * value;
    }
}

/// One step of gradient descent with weight decay on a chunk of a row.
#[inline(always)]
fn descend(w: &mut [f32; LANES], g: &[f32; LANES], value: f32) {
    for k in 0..LANES {
        w[k] -= STEP * (g[k] * value + DECAY * w[k]);
    }
}

/// Smoothed inverse document frequency of each row's feature, from the
/// number of examples it is in: never zero, so a feature in every example
/// still counts a little.
fn idf(examples: usize, seen_in: &[u32]) -> Vec<f32> {
    let n = examples as f32;
    seen_in
        .iter()
        .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
        .collect()
}

/// The factor that scales values whose squares sum to `squares` to unit
/// length; a message without known features has none to scale.
fn inverse_length(squares: f32) -> f32 {
    if squares > 0.0 {
        squares.sqrt().recip()
    } else {
        0.0
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// The hashes of `text`'s features, with repeats: each word and the
/// character 3- to 5-grams of the word with its edges marked, or in a run
/// of a script without spaces, every run of one to three characters. Text is
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
                // Up to three characters: many Japanese words (`通信網`,
                // `ログイン`) and Thai syllables are longer than two.
                // Cross-validated on the Nordlink examples not tuned on,
                // trigrams raised Thai precision from 94.6% to 96.5% and
                // recall from 90.2% to 91.0%, Japanese precision from 93.7%
                // to 94.5%; four characters gained nothing more.
                grams(b'c', &run[1..], 1, 3, out);
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
    fn rare_features_count_more_and_unseen_ones_not_at_all() {
        let idf = idf(100, &[100, 10, 1]);
        assert!(
            idf[0] > 0.0 && idf[0] < idf[1] && idf[1] < idf[2],
            "{idf:?}"
        );
        let c = Classifier::train(2, &examples());
        let (mut f, mut known, mut padded) = (Vec::new(), Vec::new(), Vec::new());
        c.probabilities("bills are too high", &mut f, &mut known);
        // Words no example had: their n-grams have no row.
        c.probabilities("bills are too high qqxzv jjwkq", &mut f, &mut padded);
        assert_eq!(known, padded);
        c.probabilities("qqxzv", &mut f, &mut padded);
        let prior: Vec<f32> = c.bias.iter().map(|&b| sigmoid(b)).collect();
        assert_eq!(padded, prior);
    }

    #[test]
    fn unspaced_text_gives_character_ngrams() {
        let mut f = Vec::new();
        features("通信障害", &mut f);
        // 4 characters, 3 pairs and 2 triples of one run.
        assert_eq!(f.len(), 9);
        features("Störung", &mut f);
        // The word, and 3-, 4- and 5-grams of "<storung>" (8 + 1 chars).
        assert_eq!(f.len(), 1 + 7 + 6 + 5);
    }
}
