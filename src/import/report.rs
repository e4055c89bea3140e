//! The import report: records read, per field how many were complete,
//! partial or missing, and every record that could not be imported.

use super::model::{FieldName, ImportedProcedure, Status};
use super::record::RecordError;
use crate::i18n::{Lang, Text};
use serde::Serialize;
use std::fmt::Write as _;

/// A record that could not be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportFailure {
    /// Where the record came from.
    pub origin: String,
    /// 1-based line, when known.
    pub line: Option<u64>,
    /// 1-based column, when known.
    pub column: Option<u64>,
    /// Why, in both languages.
    pub reason: Text,
}

impl From<RecordError> for ImportFailure {
    fn from(e: RecordError) -> ImportFailure {
        ImportFailure {
            origin: e.origin,
            line: e.line,
            column: e.column,
            reason: e.message,
        }
    }
}

/// How many records gave one field complete, partial or missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FieldTally {
    /// The field.
    pub field: FieldName,
    /// Read in full.
    pub complete: usize,
    /// Read in part (see the notes of each procedure).
    pub partial: usize,
    /// Not given.
    pub missing: usize,
}

/// The report of an import batch. Add every outcome; merge the reports of
/// parallel workers with [`ImportReport::merge`].
///
/// ```
/// use tthc::import::{ImportReport, FieldName, import_json};
/// let mut report = ImportReport::new();
/// report.add_outcome(&import_json(r#"{"ma_thu_tuc": "1.000001", "ten_thu_tuc": "A"}"#, "a.json"));
/// report.add_outcome(&import_json("[1, 2]", "b.json"));
/// assert_eq!((report.records_read, report.imported, report.failures.len()), (2, 1, 1));
/// assert_eq!(report.tally(FieldName::Name).complete, 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Records read (imported or not).
    pub records_read: usize,
    /// Records imported.
    pub imported: usize,
    /// Procedure files written (counted by the caller that writes them).
    pub files_written: usize,
    /// Per field, in [`FieldName::ALL`] order.
    pub fields: Vec<FieldTally>,
    /// Every record that could not be imported, with the reason.
    pub failures: Vec<ImportFailure>,
    /// Imported records whose file could not be written (already there,
    /// the same path twice in one batch, a write error), with the reason.
    pub write_failures: Vec<ImportFailure>,
    /// Dossier documents marked as held by a state database (only when
    /// inference was asked for: [`infer_held`](super::infer_held)).
    pub held_documents: usize,
    /// Procedures with at least one such document.
    pub held_procedures: usize,
}

impl Default for ImportReport {
    fn default() -> ImportReport {
        ImportReport::new()
    }
}

impl ImportReport {
    /// An empty report.
    pub fn new() -> ImportReport {
        ImportReport {
            records_read: 0,
            imported: 0,
            files_written: 0,
            fields: FieldName::ALL
                .iter()
                .map(|&field| FieldTally {
                    field,
                    complete: 0,
                    partial: 0,
                    missing: 0,
                })
                .collect(),
            failures: Vec::new(),
            write_failures: Vec::new(),
            held_documents: 0,
            held_procedures: 0,
        }
    }

    /// Counts an imported procedure.
    pub fn add(&mut self, p: &ImportedProcedure) {
        self.records_read += 1;
        self.imported += 1;
        let held = p.all_documents().filter(|d| d.held.is_some()).count();
        self.held_documents += held;
        self.held_procedures += usize::from(held > 0);
        for (field, status) in &p.status {
            if let Some(t) = self.fields.iter_mut().find(|t| t.field == *field) {
                match status {
                    Status::Complete => t.complete += 1,
                    Status::Partial => t.partial += 1,
                    Status::Missing => t.missing += 1,
                }
            }
        }
    }

    /// Counts a record that could not be imported.
    pub fn add_failure(&mut self, failure: ImportFailure) {
        self.records_read += 1;
        self.failures.push(failure);
    }

    /// Counts either outcome.
    pub fn add_outcome(&mut self, outcome: &Result<ImportedProcedure, ImportFailure>) {
        match outcome {
            Ok(p) => self.add(p),
            Err(f) => self.add_failure(f.clone()),
        }
    }

    /// Adds another report's counts (from a parallel worker).
    pub fn merge(&mut self, other: ImportReport) {
        self.records_read += other.records_read;
        self.imported += other.imported;
        self.files_written += other.files_written;
        for (mine, theirs) in self.fields.iter_mut().zip(other.fields) {
            mine.complete += theirs.complete;
            mine.partial += theirs.partial;
            mine.missing += theirs.missing;
        }
        self.failures.extend(other.failures);
        self.write_failures.extend(other.write_failures);
        self.held_documents += other.held_documents;
        self.held_procedures += other.held_procedures;
    }

    /// The tally of one field.
    pub fn tally(&self, field: FieldName) -> FieldTally {
        self.fields
            .iter()
            .copied()
            .find(|t| t.field == field)
            .unwrap_or(FieldTally {
                field,
                complete: 0,
                partial: 0,
                missing: 0,
            })
    }

    /// The report as plain text (a table of fields, then the failures).
    pub fn render_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            match lang {
                Lang::Vi => format!(
                    "đã đọc {} bản ghi, nhập được {}, không nhập được {}; đã ghi {} tệp",
                    self.records_read,
                    self.imported,
                    self.failures.len(),
                    self.files_written
                ),
                Lang::En => format!(
                    "{} records read, {} imported, {} not imported; {} files written",
                    self.records_read,
                    self.imported,
                    self.failures.len(),
                    self.files_written
                ),
            }
        );
        let (f, c, p, m) = match lang {
            Lang::Vi => ("trường", "đầy đủ", "một phần", "thiếu"),
            Lang::En => ("field", "complete", "partial", "missing"),
        };
        let _ = writeln!(out, "{f:<14} {c:>9} {p:>9} {m:>9}");
        for t in &self.fields {
            let _ = writeln!(
                out,
                "{:<14} {:>9} {:>9} {:>9}",
                t.field.key(),
                t.complete,
                t.partial,
                t.missing
            );
        }
        if self.held_documents > 0 {
            let _ = writeln!(
                out,
                "{}",
                match lang {
                    Lang::Vi => format!(
                        "suy luận: {} giấy tờ trong {} thủ tục do cơ sở dữ liệu nhà nước lưu (held_in, inferred)",
                        self.held_documents, self.held_procedures
                    ),
                    Lang::En => format!(
                        "inferred: {} documents in {} procedures held by a state database (held_in, inferred)",
                        self.held_documents, self.held_procedures
                    ),
                }
            );
        }
        for failure in self.failures.iter().chain(&self.write_failures) {
            let at = match (failure.line, failure.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", failure.origin),
                _ => failure.origin.clone(),
            };
            let _ = writeln!(out, "{at}: {}", failure.reason.get(lang));
        }
        out
    }
}
