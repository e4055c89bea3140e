//! Catalogs: directories of procedure files, audited in bulk.

mod discover;
pub mod synthetic;

pub use discover::{discover, is_procedure_file};
