//! The weighted counter against twitter-text's own conformance cases,
//! read in place from `conformance/twitter-text/` of the shared reference
//! data (never copied into the project; see `crate::common::shared_data`).

use serde::Deserialize;

#[derive(Deserialize)]
struct Conformance {
    tests: Tests,
}

#[derive(Deserialize)]
struct Tests {
    #[serde(rename = "WeightedTweetsWithDiscountedEmojiCounterTest")]
    discounted_emoji: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    description: String,
    text: String,
    expected: Expected,
}

#[derive(Deserialize)]
struct Expected {
    #[serde(rename = "weightedLength")]
    weighted_length: u32,
    valid: bool,
}

#[test]
fn weighted_tweets_with_discounted_emoji() {
    let Some(path) = crate::common::shared_data("conformance/twitter-text/validate.yml") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("validate.yml reads");
    let data: Conformance = serde_saphyr::from_str(&text).expect("validate.yml parses");
    assert!(data.tests.discounted_emoji.len() >= 20);
    let mut failures = Vec::new();
    for case in &data.tests.discounted_emoji {
        let got = carebook::voice::twitter::weighted_length(&case.text);
        let valid = got <= carebook::voice::twitter::MAX_WEIGHTED_LENGTH;
        if got != case.expected.weighted_length || valid != case.expected.valid {
            failures.push(format!(
                "{}: weighted {got}, expected {}",
                case.description, case.expected.weighted_length
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn configuration_is_version_3() {
    let Some(path) = crate::common::shared_data("conformance/twitter-text/v3.json") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("v3.json reads");
    let config: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(config["version"], 3);
    assert_eq!(config["maxWeightedTweetLength"], 280);
    assert_eq!(config["transformedURLLength"], 23);
    assert_eq!(
        config["ranges"],
        serde_json::json!([
            {"start": 0, "end": 4351, "weight": 100},
            {"start": 8192, "end": 8205, "weight": 100},
            {"start": 8208, "end": 8223, "weight": 100},
            {"start": 8242, "end": 8247, "weight": 100}
        ])
    );
}
