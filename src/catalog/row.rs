//! One row of a catalog audit: the figures an auditor reads for one
//! procedure, or why its file did not load. Plain data shared by the audit,
//! the baseline matching, the totals and the writers.

use crate::diagnostic::Severity;
use crate::metrics::{Length, Percent};
use crate::model::{Duration, Level, Money};
use serde::Serialize;
use std::collections::BTreeMap;

/// How many top finding codes a row names.
pub const TOP_FINDINGS: usize = 3;

/// Whether a row's file loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowStatus {
    /// Loaded, measured and reviewed.
    Ok,
    /// Did not load: see [`AuditRow::error`].
    Error,
}

impl RowStatus {
    /// `ok` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            RowStatus::Ok => "ok",
            RowStatus::Error => "error",
        }
    }
}

/// Number of findings at each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct SeverityCounts {
    /// Findings at `error`.
    pub errors: u64,
    /// Findings at `warn`.
    pub warnings: u64,
    /// Findings at `info`.
    pub infos: u64,
}

impl SeverityCounts {
    /// Counts one finding.
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warn => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    /// Adds another set of counts (saturating).
    pub fn merge(&mut self, other: SeverityCounts) {
        self.errors = self.errors.saturating_add(other.errors);
        self.warnings = self.warnings.saturating_add(other.warnings);
        self.infos = self.infos.saturating_add(other.infos);
    }

    /// Whether any finding is at `threshold` or above.
    pub fn any_at_or_above(&self, threshold: Severity) -> bool {
        match threshold {
            Severity::Error => self.errors > 0,
            Severity::Warn => self.errors + self.warnings > 0,
            Severity::Info => self.errors + self.warnings + self.infos > 0,
        }
    }
}

/// One procedure of an audited catalog: the metrics and findings an auditor
/// reads, or the reason the file did not load. See `docs/audit.md` for the
/// stable CSV columns and JSON fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    /// Path relative to the audited directory, with `/` separators.
    pub path: String,
    /// Whether the file loaded.
    pub status: RowStatus,
    /// First load error, `file:line:col: message` (error rows only).
    pub error: Option<String>,
    /// Mã TTHC.
    pub code: Option<String>,
    /// Tên thủ tục.
    pub name: Option<String>,
    /// Lĩnh vực.
    pub sector: Option<String>,
    /// Cơ quan thực hiện.
    pub authority: Option<String>,
    /// Cấp thực hiện.
    pub level: Option<Level>,
    /// Number of steps.
    pub steps: u64,
    /// Number of documents.
    pub documents: u64,
    /// Critical-path processing time (`None` on error rows).
    pub processing_time: Option<Length>,
    /// Declared deadline, as published.
    pub deadline: Option<Duration>,
    /// Compliance cost of one case.
    pub cost_per_case: Option<Money>,
    /// Compliance cost per year (needs `volume`).
    pub cost_per_year: Option<Money>,
    /// Findings by severity.
    pub findings: SeverityCounts,
    /// Findings by rule code.
    pub findings_by_code: BTreeMap<String, u64>,
    /// Findings silenced by a suppression comment (not in `findings`).
    pub suppressed: u64,
    /// Against the baseline catalog, when one is given and this row matched.
    pub comparison: Option<RowComparison>,
    /// The values of the metrics the audit was asked for
    /// ([`AuditOptions::metrics`](crate::catalog::audit::AuditOptions)), in
    /// that order: extra columns named by their keys (`None` on error rows
    /// and where a metric has no value).
    pub metrics: Vec<(crate::analysis::Metric, Option<crate::metrics::Quantity>)>,
    /// Where the row's cost and time come from (JSON only; `None` on error
    /// rows).
    pub provenance: Option<RowProvenance>,
}

/// The inputs of a row's figures, as `tthc why` shows them: every cost line
/// with its element, `line:column` and the cost-basis items that value it
/// (with their values and sources), and every step of the critical path
/// with its duration and location.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct RowProvenance {
    /// The cost lines, in the order the rows add them.
    pub cost_lines: Vec<crate::metrics::CostLine>,
    /// The critical path, step by step.
    pub critical_path: Vec<crate::metrics::StepDuration>,
    /// The cost-basis items the lines name: key → value, source, year.
    pub cost_basis: BTreeMap<&'static str, crate::cost_basis::Sourced<u128>>,
}

impl RowProvenance {
    /// The provenance of `a`'s cost and processing time.
    pub fn of(a: &crate::Analysis) -> RowProvenance {
        let m = a.metrics();
        let cost_lines = m.compliance_cost.lines.clone();
        let cost_basis = cost_lines
            .iter()
            .flat_map(|l| l.basis.iter().copied())
            .filter_map(|k| Some((k, a.cost_basis().item(k)?)))
            .collect();
        RowProvenance {
            cost_lines,
            critical_path: m.processing_time.critical_path_durations.clone(),
            cost_basis,
        }
    }
}

impl AuditRow {
    pub(crate) fn error_row(path: String, error: String) -> AuditRow {
        AuditRow {
            path,
            status: RowStatus::Error,
            error: Some(error),
            code: None,
            name: None,
            sector: None,
            authority: None,
            level: None,
            steps: 0,
            documents: 0,
            processing_time: None,
            deadline: None,
            cost_per_case: None,
            cost_per_year: None,
            findings: SeverityCounts::default(),
            findings_by_code: BTreeMap::new(),
            suppressed: 0,
            comparison: None,
            metrics: Vec::new(),
            provenance: None,
        }
    }

    /// Up to [`TOP_FINDINGS`] most frequent finding codes, most frequent
    /// first, ties by code.
    pub fn top_findings(&self) -> Vec<&str> {
        let mut codes: Vec<(&str, u64)> = self
            .findings_by_code
            .iter()
            .map(|(c, n)| (c.as_str(), *n))
            .collect();
        codes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        codes
            .into_iter()
            .take(TOP_FINDINGS)
            .map(|(c, _)| c)
            .collect()
    }
}

/// How a row found its baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchedBy {
    /// Same `code`.
    Code,
    /// Same relative path (ignoring `.draft`).
    Path,
}

impl MatchedBy {
    /// `code` or `path`.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchedBy::Code => "code",
            MatchedBy::Path => "path",
        }
    }
}

/// One procedure against its baseline. Reductions are positive for a cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowComparison {
    /// How the baseline was found.
    pub matched_by: MatchedBy,
    /// The baseline's relative path.
    pub baseline_path: String,
    /// Baseline cost of one case.
    pub baseline_cost_per_case: Option<Money>,
    /// Baseline cost per year.
    pub baseline_cost_per_year: Option<Money>,
    /// Baseline processing time.
    pub baseline_processing_time: Option<Length>,
    /// Baseline − current cost per year, in đồng (negative for a rise).
    pub cost_per_year_reduction: Option<i128>,
    /// Cut of the cost per year.
    pub cost_per_year_reduction_percent: Option<Percent>,
    /// Cut of the cost of one case.
    pub cost_per_case_reduction_percent: Option<Percent>,
    /// Cut of the processing time (same unit on both sides only).
    pub processing_time_reduction_percent: Option<Percent>,
}
