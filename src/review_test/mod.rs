//! Review tests for drafters: YAML cases with expectations on metrics,
//! comparisons and findings, run like a test suite.

mod format;

pub use format::*;
