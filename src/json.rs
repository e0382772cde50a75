//! JSON as carebook writes it everywhere: pretty, keys in the order the
//! value holds them, and a final newline, so files diff well and end the
//! way text files do.

/// `value` as carebook writes JSON. Only carebook's own types reach here,
/// and they all serialize: a failure is a bug, not bad input.
pub fn pretty(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("carebook's values serialize");
    text.push('\n');
    text
}
