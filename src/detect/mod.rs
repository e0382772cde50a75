//! Text analysis shared by the router and the voice linter: folding text
//! for matching, and finding personal data.

pub mod fold;
pub mod language;
pub mod personal_data;
pub mod requests;
pub mod stem;
