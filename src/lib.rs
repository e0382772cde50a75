//! carebook: validate, test, simulate, compile and diff social customer-care playbooks.
//!
//! The modules form layers, each using only the layers before it
//! (`tests/integration/layers.rs` reads the sources and holds them to it):
//!
//! 1. [`model`] (the typed playbook and facts derived from it, such as
//!    what each tag inherits), [`tz`], [`json`], [`xml`], [`parallel`]
//!    (work over every core, results in order), [`source`]
//!    (files and the spans of their nodes);
//! 2. [`diagnostic`]: problems as data, and their renderers;
//! 3. [`schema`]: the JSON Schemas of the playbook's files;
//! 4. [`load`]: files → model with positions;
//! 5. [`detect`]: folding, language, personal data;
//! 6. [`voice`] (the reply linter) and [`ir`] (the compiled playbook);
//! 7. [`router`]: one message's decision;
//! 8. [`staffing`] (shift instances, Erlang C, the plan) and [`zendesk`]
//!    (the objects a playbook becomes in Zendesk, as data);
//! 9. [`check`]: every diagnostic, and [`validate`], which loads a
//!    playbook directory and runs them: the one way in for every command
//!    and for library users;
//! 10. [`sampletest`]: the playbook's own samples against the router;
//! 11. outputs: [`compile`], [`simulate`], [`accuracy`];
//! 12. [`diff`]: what a change means, on the samples and on message
//!     history read as [`simulate`] reads it;
//! 13. [`cli`]: arguments in, exit status out.

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
pub mod parallel;
pub mod router;
pub mod sampletest;
pub mod schema;
pub mod simulate;
pub mod source;
pub mod staffing;
pub mod tz;
pub mod voice;
pub mod xml;
pub mod zendesk;

pub use check::{Validated, validate};
