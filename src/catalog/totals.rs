//! Totals of an audit: for the catalog, per sector and per authority.
//!
//! Totals grow with the number of distinct sectors, authorities and rule
//! codes, never with the number of files.

use crate::catalog::audit::{AuditRow, RowStatus, SeverityCounts};
use crate::catalog::baseline::CatalogComparison;
use crate::model::Money;
use serde::Serialize;
use std::collections::BTreeMap;

/// Key used for procedures that do not declare a sector or authority.
pub const UNDECLARED: &str = "(undeclared)";

/// Totals of a group of procedures. Money is exact (u128 đồng, saturating
/// at the largest amount, which no real catalog reaches).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Group {
    /// Procedures that loaded.
    pub procedures: u64,
    /// Files that did not load.
    pub load_errors: u64,
    /// Findings by severity.
    #[serde(flatten)]
    pub findings: SeverityCounts,
    /// Sum of the cost of one case over the procedures.
    pub cost_per_case: Money,
    /// Annual compliance cost: sum over the procedures that declare a volume.
    pub cost_per_year: Money,
    /// Procedures without a volume (not in `cost_per_year`).
    pub without_volume: u64,
}

impl Group {
    /// Adds one row.
    pub fn add(&mut self, row: &AuditRow) {
        if row.status == RowStatus::Error {
            self.load_errors += 1;
            return;
        }
        self.procedures += 1;
        self.findings.merge(row.findings);
        if let Some(c) = row.cost_per_case {
            self.cost_per_case = self.cost_per_case.saturating_add(c);
        }
        match row.cost_per_year {
            Some(c) => self.cost_per_year = self.cost_per_year.saturating_add(c),
            None => self.without_volume += 1,
        }
    }
}

/// Every total of an audit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// The whole catalog.
    pub catalog: Group,
    /// Findings by rule code over the catalog.
    pub findings_by_code: BTreeMap<String, u64>,
    /// Per sector (lĩnh vực); loaded procedures only.
    pub by_sector: BTreeMap<String, Group>,
    /// Per authority (cơ quan thực hiện); loaded procedures only.
    pub by_authority: BTreeMap<String, Group>,
    /// Drafts (`*.draft.yaml`) found and not audited.
    pub skipped_drafts: u64,
    /// Against the baseline catalog, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<CatalogComparison>,
}

impl Totals {
    /// Adds one row to every total it belongs to.
    ///
    /// ```
    /// use tthc::catalog::audit::{AuditOptions, audit_bytes};
    /// use tthc::catalog::totals::Totals;
    /// let mut totals = Totals::default();
    /// let src = tthc::catalog::synthetic::procedure_yaml(1, 0);
    /// totals.add(&audit_bytes(src.as_bytes(), "a.yaml".into(), "a.yaml", &AuditOptions::default()));
    /// totals.add(&audit_bytes(b"bad", "b.yaml".into(), "b.yaml", &AuditOptions::default()));
    /// assert_eq!((totals.catalog.procedures, totals.catalog.load_errors), (1, 1));
    /// assert_eq!(totals.by_sector.values().map(|g| g.procedures).sum::<u64>(), 1);
    /// ```
    pub fn add(&mut self, row: &AuditRow) {
        self.catalog.add(row);
        if row.status == RowStatus::Error {
            return;
        }
        for (code, n) in &row.findings_by_code {
            *self.findings_by_code.entry(code.clone()).or_insert(0) += n;
        }
        let key = |v: &Option<String>| v.clone().unwrap_or_else(|| UNDECLARED.to_string());
        self.by_sector.entry(key(&row.sector)).or_default().add(row);
        self.by_authority
            .entry(key(&row.authority))
            .or_default()
            .add(row);
    }
}
