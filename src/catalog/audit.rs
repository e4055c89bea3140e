//! One row of a catalog audit: load, measure and review one procedure file.
//!
//! [`audit_file`] is pure apart from reading the file: it never prints and
//! never panics on input; a file that does not load becomes an error row.

use crate::analysis::{Analysis, Metric, Settings};
use crate::catalog::row::{AuditRow, RowProvenance, RowStatus, SeverityCounts};
use crate::checked::CheckedProcedure;
use crate::i18n::Lang;
use crate::load::LoadErrors;
use crate::rules::{Preset, ReviewOptions};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Settings shared by every row of an audit.
#[derive(Clone, Debug, Default)]
pub struct AuditOptions {
    /// Load limits, rules, cost basis and calendar of every row.
    pub settings: Arc<Settings>,
    /// Row paths are written relative to this directory (the audited
    /// directory); empty means as given.
    pub root: PathBuf,
    /// Metrics added to every row as extra columns, named by their keys
    /// (`tthc audit --metric structure.trips`): any of [`Metric::ALL`] that
    /// needs no baseline.
    pub metrics: Vec<Metric>,
    /// Whether rows carry their [`RowProvenance`] (what the JSON formats
    /// write: every cost line and critical-path step with its location).
    pub provenance: bool,
}

impl AuditOptions {
    /// The same options with no rule run (metrics only), e.g. for a
    /// baseline catalog.
    pub fn metrics_only(&self) -> AuditOptions {
        let settings = (*self.settings)
            .clone()
            .with_review(ReviewOptions::preset(Preset::None));
        AuditOptions {
            settings: Arc::new(settings),
            root: self.root.clone(),
            metrics: self.metrics.clone(),
            provenance: self.provenance,
        }
    }
}

/// `path` relative to `root`, with `/` separators (stable across platforms).
pub fn relative_path(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = if rel.as_os_str().is_empty() {
        path.file_name().map(Path::new).unwrap_or(path)
    } else {
        rel
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Whether `path` is a simplified draft (`*.draft.yaml`, `*.draft.yml`),
/// which is a proposal rather than part of the catalog.
pub fn is_draft(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.to_ascii_lowercase().ends_with(".draft"))
}

/// Audits one procedure file: reads it (within the size limit), loads,
/// measures and reviews it. Never fails: a file that cannot be read or
/// loaded is an error row with the first error, `file:line:col: message`.
///
/// ```
/// use tthc::catalog::audit::{AuditOptions, audit_file};
/// use tthc::catalog::row::RowStatus;
/// let dir = std::env::temp_dir().join(format!("tthc-audit-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let file = dir.join("p.yaml");
/// std::fs::write(&file, tthc::catalog::synthetic::procedure_yaml(1, 0)).unwrap();
/// let options = AuditOptions { root: dir.clone(), ..AuditOptions::default() };
/// let row = audit_file(&file, &options);
/// assert_eq!(row.status, RowStatus::Ok);
/// assert_eq!(row.path, "p.yaml");
/// assert_eq!(row.code.as_deref(), Some("9.000000"));
///
/// std::fs::write(&file, "format: tthc/1\nname: [x]\n").unwrap();
/// let row = audit_file(&file, &options);
/// assert_eq!(row.status, RowStatus::Error);
/// // `file:line:col: message`
/// let error = row.error.unwrap();
/// assert!(error.starts_with(&format!("{}:", file.display())), "{error}");
/// # std::fs::remove_dir_all(&dir).ok();
/// ```
pub fn audit_file(path: &Path, options: &AuditOptions) -> AuditRow {
    match read(path, options) {
        Ok(file) => audit_bytes(&file.bytes, file.rel, &file.origin, options),
        Err(row) => row,
    }
}

/// [`audit_file`] for a file found in a catalog, which may hold review
/// tests (`tthc test`) rather than a procedure: reads it once (within the
/// size limit) and tells the two apart from the same bytes
/// ([`audit_catalog_bytes`]). `None`: review tests, left out of the audit.
/// A file that cannot be read is an error row.
///
/// ```
/// use tthc::catalog::audit::{AuditOptions, audit_catalog_file};
/// let dir = std::env::temp_dir().join(format!("tthc-catalog-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let tests = dir.join("tests.yaml");
/// std::fs::write(&tests, "- name: a\n  procedure: p.yaml\n").unwrap();
/// assert!(audit_catalog_file(&tests, &AuditOptions::default()).is_none());
/// let procedure = dir.join("p.yaml");
/// std::fs::write(&procedure, tthc::catalog::synthetic::procedure_yaml(1, 0)).unwrap();
/// assert!(audit_catalog_file(&procedure, &AuditOptions::default()).is_some());
/// # std::fs::remove_dir_all(&dir).ok();
/// ```
pub fn audit_catalog_file(path: &Path, options: &AuditOptions) -> Option<AuditRow> {
    match read(path, options) {
        Ok(file) => audit_catalog_bytes(&file.bytes, file.rel, &file.origin, options),
        Err(row) => Some(row),
    }
}

/// [`audit_catalog_file`] on bytes already read: `None` when they hold
/// review tests ([`is_review_test_bytes`](crate::catalog::is_review_test_bytes)),
/// otherwise the row of [`audit_bytes`].
pub fn audit_catalog_bytes(
    bytes: &[u8],
    path: String,
    origin: &str,
    options: &AuditOptions,
) -> Option<AuditRow> {
    if crate::catalog::is_review_test_bytes(bytes) {
        None
    } else {
        Some(audit_bytes(bytes, path, origin, options))
    }
}

/// A file read for an audit, with its row path and the name its errors
/// give.
struct ReadFile {
    bytes: Vec<u8>,
    rel: String,
    origin: String,
}

/// Reads `path` once, within the size limit; a file that cannot be read is
/// its error row.
fn read(path: &Path, options: &AuditOptions) -> Result<ReadFile, AuditRow> {
    let rel = relative_path(path, &options.root);
    let origin = path.display().to_string();
    match crate::load::read_limited(path, options.settings.load.max_file_size) {
        Ok(bytes) => Ok(ReadFile { bytes, rel, origin }),
        Err(e) => Err(with_no_values(
            AuditRow::error_row(rel, e.into_load_error(&origin).text(options.settings.lang)),
            options,
        )),
    }
}

/// An error row with an empty cell for each requested metric.
fn with_no_values(mut row: AuditRow, options: &AuditOptions) -> AuditRow {
    row.metrics = options.metrics.iter().map(|m| (*m, None)).collect();
    row
}

/// [`audit_file`] on text already in memory: `path` is the row's path,
/// `origin` names the input in error messages.
pub fn audit_bytes(bytes: &[u8], path: String, origin: &str, options: &AuditOptions) -> AuditRow {
    match CheckedProcedure::from_yaml_bytes(bytes, origin, &options.settings.load) {
        Ok(p) => {
            let a = Analysis::new(p, &options.settings);
            let mut row = audit_row(&a, path);
            row.metrics = options.metrics.iter().map(|m| (*m, a.value(*m))).collect();
            if options.provenance {
                row.provenance = Some(RowProvenance::of(&a));
            }
            row
        }
        Err(errors) => with_no_values(
            AuditRow::error_row(path, first_error(&errors, origin, options.settings.lang)),
            options,
        ),
    }
}

/// The row of an analysed procedure.
pub fn audit_row(a: &Analysis, path: String) -> AuditRow {
    let p = a.procedure();
    let m = a.metrics();
    let mut findings = SeverityCounts::default();
    let mut by_code = BTreeMap::new();
    for f in a.findings() {
        findings.add(f.severity);
        *by_code.entry(f.code.clone()).or_insert(0u64) += 1;
    }
    AuditRow {
        path,
        status: RowStatus::Ok,
        error: None,
        code: p.code.clone(),
        name: Some(p.name.clone()),
        sector: p.sector.clone(),
        authority: p.authority.clone(),
        level: p.level,
        steps: m.structure.steps,
        documents: m.structure.documents,
        processing_time: Some(m.processing_time.length),
        deadline: p.deadline,
        cost_per_case: Some(m.compliance_cost.per_case),
        cost_per_year: m.compliance_cost.annual,
        findings,
        findings_by_code: by_code,
        suppressed: u64::try_from(a.suppressed().len()).unwrap_or(u64::MAX),
        comparison: None,
        metrics: Vec::new(),
        provenance: None,
    }
}

fn first_error(errors: &LoadErrors, origin: &str, lang: Lang) -> String {
    match errors.errors.first() {
        Some(e) => e.text(lang),
        None => format!(
            "{origin}: {}",
            lang.pick("không đọc được thủ tục", "the procedure could not be read")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_use_slashes_and_fall_back_to_the_file_name() {
        let root = Path::new("cat");
        assert_eq!(relative_path(Path::new("cat/a/b.yaml"), root), "a/b.yaml");
        assert_eq!(
            relative_path(Path::new("cat/b.yaml"), Path::new("cat/b.yaml")),
            "b.yaml"
        );
        assert_eq!(relative_path(Path::new("x/b.yaml"), root), "x/b.yaml");
    }

    #[test]
    fn drafts_are_recognised() {
        assert!(is_draft(Path::new("a/x.draft.yaml")));
        assert!(is_draft(Path::new("a/x.DRAFT.yml")));
        assert!(!is_draft(Path::new("a/draft.yaml")));
        assert!(!is_draft(Path::new("a/x.yaml")));
    }

    #[test]
    fn top_findings_by_frequency_then_code() {
        let mut row = AuditRow::error_row("x".into(), "e".into());
        for (c, n) in [("TT305", 1), ("TT001", 2), ("TT303", 2), ("TT104", 5)] {
            row.findings_by_code.insert(c.into(), n);
        }
        assert_eq!(row.top_findings(), vec!["TT104", "TT001", "TT303"]);
    }

    #[test]
    fn bytes_that_do_not_load_are_error_rows() {
        let o = AuditOptions::default();
        let row = audit_bytes(b"format: tthc/1\n", "a.yaml".into(), "dir/a.yaml", &o);
        assert_eq!(row.status, RowStatus::Error);
        assert!(row.error.as_deref().unwrap_or("").starts_with("dir/a.yaml"));
        let row = audit_bytes(&[0xff, 0xfe], "b.yaml".into(), "b.yaml", &o);
        assert_eq!(row.status, RowStatus::Error);
    }

    #[test]
    fn catalog_bytes_of_review_tests_are_left_out_and_others_audited() {
        let o = AuditOptions::default();
        let tests = b"# review tests\n- name: X\n  procedure: p.yaml\n";
        assert!(audit_catalog_bytes(tests, "t.yaml".into(), "t.yaml", &o).is_none());
        let src = crate::catalog::synthetic::procedure_yaml(2, 1);
        let row = audit_catalog_bytes(src.as_bytes(), "p.yaml".into(), "p.yaml", &o);
        assert_eq!(row.map(|r| r.status), Some(RowStatus::Ok));
        // Not a list, not a procedure: an error row, not left out.
        let row = audit_catalog_bytes(b"format: tthc/1\n", "q.yaml".into(), "q.yaml", &o);
        assert_eq!(row.map(|r| r.status), Some(RowStatus::Error));
    }

    #[test]
    fn a_catalog_file_that_cannot_be_read_is_an_error_row() {
        let o = AuditOptions::default();
        let row = audit_catalog_file(Path::new("no/such/file.yaml"), &o);
        assert_eq!(row.map(|r| r.status), Some(RowStatus::Error));
    }

    #[test]
    fn loaded_rows_carry_metrics_and_findings() {
        let src = crate::catalog::synthetic::procedure_yaml(3, 4);
        let row = audit_bytes(
            src.as_bytes(),
            "p.yaml".into(),
            "p.yaml",
            &AuditOptions::default(),
        );
        assert_eq!(row.status, RowStatus::Ok);
        assert!(row.steps >= 3);
        assert!(row.cost_per_case.is_some() && row.cost_per_year.is_some());
        let total: u64 = row.findings_by_code.values().sum();
        let f = row.findings;
        assert_eq!(total, f.errors + f.warnings + f.infos);
        let skip = AuditOptions::default().metrics_only();
        let row = audit_bytes(src.as_bytes(), "p.yaml".into(), "p.yaml", &skip);
        assert!(row.findings_by_code.is_empty());
    }
}
