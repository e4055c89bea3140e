//! Review tests for drafters: YAML cases with expectations on metrics,
//! comparisons and findings, run like a test suite.

pub(crate) mod format;
mod runner;

pub use format::*;
pub use runner::*;
