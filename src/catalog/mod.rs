//! Catalogs: directories of procedure files, audited in bulk (SPEC
//! section 10; see `docs/audit.md`).
//!
//! - [`discover`] finds the procedure files below a directory;
//! - [`audit::audit_file`] turns one file into an [`audit::AuditRow`];
//! - [`run`] selects files and streams rows in path order;
//! - [`totals::Totals`] sums rows per catalog, sector and authority;
//! - [`baseline::BaselineIndex`] matches rows with a baseline catalog;
//! - [`columns`] and [`table`] write rows as CSV, Markdown or a table (and
//!   give the stable schema JSON writers serialize);
//! - `xlsx` (feature `xlsx`) writes them as a typed workbook.

pub mod audit;
pub mod baseline;
pub mod columns;
mod discover;
pub mod row;
pub mod run;
/// Deterministic synthetic catalogs for benchmarks (not part of the API).
#[doc(hidden)]
pub mod synthetic;
pub mod table;
pub mod totals;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use discover::{
    discover, expand, is_procedure_file, is_review_test_bytes, is_review_test_file,
    is_review_test_text, split_review_tests,
};
