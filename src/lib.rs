//! carebook: validate, test, simulate, compile and diff social customer-care playbooks.
//!
//! The pipeline, one module per stage, each depending only on the ones
//! before it: [`model`] (typed playbook) ← [`load`] (files → model with
//! positions) ← [`check`] (diagnostics) ← [`ir`] (the compiled playbook)
//! ← [`router`] ← outputs ([`compile`], [`simulate`], [`staffing`], ...).
//! [`diagnostic`] holds problems as data; its renderers turn them into
//! text. [`validate`] loads a playbook directory and runs every check:
//! the one way in for every command and for library users.

pub mod accuracy;
pub mod check;
pub mod cli;
pub mod compile;
pub mod detect;
pub mod diagnostic;
pub mod diff;
pub mod ir;
pub mod json;
pub mod load;
pub mod model;
pub mod router;
pub mod sampletest;
pub mod schema;
pub mod simulate;
pub mod source;
pub mod staffing;
pub mod tz;
pub mod voice;
pub mod xml;

pub use check::{Validated, validate};
