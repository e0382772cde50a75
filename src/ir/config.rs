//! `routing.json`: the IR as a runtime reads it, with the time-zone
//! database release it was compiled against.

use super::{Ir, SCHEMA_VERSION};

/// A routing config that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "unsupported routing schema version {found} (this carebook reads version {SCHEMA_VERSION})"
    )]
    Version { found: u64 },
}

/// `routing.json` is the IR itself. Shift and business hours stay local
/// wall-clock intervals with their IANA zone; a runtime turns them into
/// instants only when it routes, so a DST change needs no recompile.
impl Ir {
    /// Pretty JSON with a final newline; keys in a fixed order.
    pub fn to_json(&self) -> String {
        crate::json::pretty(self)
    }

    /// Reads a config, checking the schema version before anything else so
    /// a newer file gets a clear "unsupported version" rather than a
    /// confusing field error.
    pub fn from_json(text: &str) -> Result<Self, ConfigError> {
        let json_error = |e: serde_json::Error| ConfigError::Json {
            line: e.line(),
            column: e.column(),
            // serde_json appends the position, which the error already has.
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string(),
        };
        let value: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
        let found = value
            .get("schema_version")
            .and_then(serde_json::Value::as_u64);
        if let Some(found) = found
            && found != u64::from(SCHEMA_VERSION)
        {
            return Err(ConfigError::Version { found });
        }
        serde_json::from_str(text).map_err(json_error)
    }
}
