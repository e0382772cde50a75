//! Text analysis shared by the router and the voice linter: folding text
//! for matching, and finding personal data.

pub mod classifier;
pub mod fold;
pub mod language;
pub mod personal_data;
pub mod requests;
pub mod stem;

/// The compiled-size cap for one playbook pattern, so a pathological
/// pattern is a diagnostic (CB205) rather than a slow or memory-hungry
/// router.
pub const PATTERN_SIZE_LIMIT: usize = 1 << 20;
