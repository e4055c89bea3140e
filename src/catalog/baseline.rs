//! Matching an audited catalog against a baseline catalog, per procedure
//! and for the whole catalog.
//!
//! Matching rules (in this order):
//! 1. by `code`: when several baseline files share the code (one national
//!    procedure carried out by several provinces), the one at the same
//!    relative path, else the first not yet matched, else the first;
//! 2. by relative path, with a `.draft` before the extension ignored
//!    (`a/x.draft.yaml` matches `a/x.yaml`).
//!
//! The index keeps, per baseline file, its relative path, code and three
//! figures: O(number of files) small strings, never the procedures.

use crate::analysis::{Target, check};
use crate::catalog::row::{AuditRow, RowStatus};
use crate::catalog::row::{MatchedBy, RowComparison};
use crate::catalog::totals::{CatalogComparison, Group};
use crate::metrics::{Length, Percent};
use crate::model::Money;
use std::collections::HashMap;

/// What the index keeps of one baseline file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineEntry {
    /// Relative path in the baseline directory.
    pub path: String,
    /// Mã TTHC.
    pub code: Option<String>,
    /// Whether the file loaded.
    pub loaded: bool,
    /// Cost of one case.
    pub cost_per_case: Option<Money>,
    /// Cost per year.
    pub cost_per_year: Option<Money>,
    /// Processing time.
    pub processing_time: Option<Length>,
    /// How many audited rows matched it.
    pub matches: u32,
}

/// The baseline catalog, indexed by code and by path.
#[derive(Clone, Debug, Default)]
pub struct BaselineIndex {
    entries: Vec<BaselineEntry>,
    by_code: HashMap<String, Vec<usize>>,
    by_path: HashMap<String, usize>,
    totals: Group,
    time_pairs: u64,
    baseline_milli_days: u128,
    milli_days: u128,
    matched_by_code: u64,
    matched_by_path: u64,
    added: u64,
}

/// `a/x.draft.yaml` → `a/x.yaml`: a draft is matched with its baseline.
pub fn path_key(path: &str) -> String {
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    let file = match file.rsplit_once('.') {
        Some((stem, ext)) => match stem.len().checked_sub(6) {
            Some(cut)
                if stem
                    .get(cut..)
                    .is_some_and(|s| s.eq_ignore_ascii_case(".draft")) =>
            {
                format!("{}.{ext}", stem.get(..cut).unwrap_or(stem))
            }
            _ => file.to_string(),
        },
        None => file.to_string(),
    };
    if dir.is_empty() {
        file
    } else {
        format!("{dir}/{file}")
    }
}

impl BaselineIndex {
    /// An empty index.
    pub fn new() -> BaselineIndex {
        BaselineIndex::default()
    }

    /// Adds an audited baseline row (call in path order). A second file at
    /// the same path key keeps the first.
    pub fn push(&mut self, row: &AuditRow) {
        let i = self.entries.len();
        self.totals.add(row);
        if let Some(code) = &row.code {
            self.by_code.entry(code.clone()).or_default().push(i);
        }
        self.by_path.entry(path_key(&row.path)).or_insert(i);
        self.entries.push(BaselineEntry {
            path: row.path.clone(),
            code: row.code.clone(),
            loaded: row.status == RowStatus::Ok,
            cost_per_case: row.cost_per_case,
            cost_per_year: row.cost_per_year,
            processing_time: row.processing_time,
            matches: 0,
        });
    }

    /// Number of baseline files.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the baseline is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Baseline files that failed to load.
    pub fn load_errors(&self) -> u64 {
        self.totals.load_errors
    }

    /// The baseline entry `row` matches, by the rules in the module docs.
    pub fn find(&self, row: &AuditRow) -> Option<(usize, MatchedBy)> {
        let key = path_key(&row.path);
        if let Some(candidates) = row.code.as_ref().and_then(|c| self.by_code.get(c)) {
            let same_path = candidates
                .iter()
                .find(|&&i| self.entries.get(i).is_some_and(|e| e.path == key));
            let unmatched = candidates
                .iter()
                .find(|&&i| self.entries.get(i).is_some_and(|e| e.matches == 0));
            if let Some(&i) = same_path.or(unmatched).or(candidates.first()) {
                return Some((i, MatchedBy::Code));
            }
        }
        self.by_path.get(&key).map(|&i| (i, MatchedBy::Path))
    }

    /// Matches `row` and sets its [`AuditRow::comparison`]; counts the pair
    /// for the catalog-wide figures. Call in path order (deterministic).
    pub fn compare(&mut self, row: &mut AuditRow) {
        let Some((i, by)) = self.find(row) else {
            row.comparison = None;
            self.added += 1;
            return;
        };
        let Some(e) = self.entries.get_mut(i) else {
            return;
        };
        e.matches = e.matches.saturating_add(1);
        match by {
            MatchedBy::Code => self.matched_by_code += 1,
            MatchedBy::Path => self.matched_by_path += 1,
        }
        let time = match (e.processing_time, row.processing_time) {
            (Some(Length::WorkingDays(b)), Some(Length::WorkingDays(c))) => {
                self.time_pairs += 1;
                self.baseline_milli_days += u128::from(b);
                self.milli_days += u128::from(c);
                Percent::reduction(u128::from(b), u128::from(c))
            }
            (Some(Length::CalendarDays(b)), Some(Length::CalendarDays(c))) => {
                Percent::reduction(u128::from(b), u128::from(c))
            }
            _ => None,
        };
        let pct = |b: Option<Money>, c: Option<Money>| Percent::reduction(b?.dong(), c?.dong());
        let diff = |b: Option<Money>, c: Option<Money>| {
            let (b, c) = (
                i128::try_from(b?.dong()).ok()?,
                i128::try_from(c?.dong()).ok()?,
            );
            b.checked_sub(c)
        };
        row.comparison = Some(RowComparison {
            matched_by: by,
            baseline_path: e.path.clone(),
            baseline_cost_per_case: e.cost_per_case,
            baseline_cost_per_year: e.cost_per_year,
            baseline_processing_time: e.processing_time,
            cost_per_year_reduction: diff(e.cost_per_year, row.cost_per_year),
            cost_per_year_reduction_percent: pct(e.cost_per_year, row.cost_per_year),
            cost_per_case_reduction_percent: pct(e.cost_per_case, row.cost_per_case),
            processing_time_reduction_percent: time,
        });
    }

    /// The catalog-wide comparison, once every row has been compared.
    /// `current` is the audited catalog's totals.
    pub fn summary(&self, current: &Group, target: Option<Target>) -> CatalogComparison {
        let base = &self.totals;
        let cost_per_year_reduction_percent =
            Percent::reduction(base.cost_per_year.dong(), current.cost_per_year.dong());
        let cost_per_case_reduction_percent =
            Percent::reduction(base.cost_per_case.dong(), current.cost_per_case.dong());
        let processing_time_reduction_percent =
            Percent::reduction(self.baseline_milli_days, self.milli_days);
        // Targets are on the annual cost; a catalog without volumes falls
        // back to the sum of per-case costs.
        let cost_for_target = if base.cost_per_year.dong() > 0 {
            cost_per_year_reduction_percent
        } else {
            cost_per_case_reduction_percent
        };
        CatalogComparison {
            baseline_procedures: base.procedures,
            baseline_load_errors: base.load_errors,
            procedures: current.procedures,
            matched_by_code: self.matched_by_code,
            matched_by_path: self.matched_by_path,
            added: self.added,
            removed: self
                .entries
                .iter()
                .filter(|e| e.matches == 0)
                .map(|e| e.path.clone())
                .collect(),
            matched_more_than_once: self.entries.iter().filter(|e| e.matches > 1).count() as u64,
            baseline_cost_per_year: base.cost_per_year,
            cost_per_year: current.cost_per_year,
            cost_per_year_reduction_percent,
            baseline_cost_per_case: base.cost_per_case,
            cost_per_case: current.cost_per_case,
            cost_per_case_reduction_percent,
            time_compared: self.time_pairs,
            baseline_processing_working_milli_days: self.baseline_milli_days,
            processing_working_milli_days: self.milli_days,
            processing_time_reduction_percent,
            target: target.map(|t| check(t, cost_for_target, processing_time_reduction_percent)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::audit::{AuditOptions, audit_bytes};
    use crate::catalog::synthetic::procedure_yaml;

    fn row(path: &str, seed: u64, i: u64) -> AuditRow {
        let src = procedure_yaml(seed, i);
        audit_bytes(src.as_bytes(), path.into(), path, &AuditOptions::default())
    }

    #[test]
    fn path_keys_ignore_draft() {
        assert_eq!(path_key("a/x.draft.yaml"), "a/x.yaml");
        assert_eq!(path_key("x.DRAFT.yml"), "x.yml");
        assert_eq!(path_key("a/draft.yaml"), "a/draft.yaml");
        assert_eq!(path_key("a.b/x"), "a.b/x");
    }

    #[test]
    fn matches_by_code_then_path_and_reports_removed() {
        let mut index = BaselineIndex::new();
        for (p, i) in [("a.yaml", 1), ("b.yaml", 2), ("c.yaml", 3)] {
            index.push(&row(p, 5, i));
        }
        // Same code (index 2), other path: matched by code.
        let mut r = row("renamed.yaml", 5, 2);
        index.compare(&mut r);
        let c = r.comparison.unwrap();
        assert_eq!(
            (c.matched_by, c.baseline_path.as_str()),
            (MatchedBy::Code, "b.yaml")
        );
        assert_eq!(
            c.cost_per_year_reduction_percent,
            Some(Percent::from_basis_points(0))
        );
        // Other code, same path (after `.draft`): matched by path.
        let mut r = row("a.draft.yaml", 6, 99);
        index.compare(&mut r);
        assert_eq!(r.comparison.unwrap().matched_by, MatchedBy::Path);
        // Neither: added.
        let mut r = row("new.yaml", 6, 98);
        index.compare(&mut r);
        assert!(r.comparison.is_none());
        let s = index.summary(&Group::default(), None);
        assert_eq!((s.matched_by_code, s.matched_by_path, s.added), (1, 1, 1));
        assert_eq!(s.removed, vec!["c.yaml".to_string()]);
    }

    #[test]
    fn shared_codes_prefer_the_same_path() {
        let mut index = BaselineIndex::new();
        let mut a = row("a.yaml", 5, 1);
        let mut b = row("b.yaml", 5, 2);
        b.code = a.code.clone();
        index.push(&a);
        index.push(&b);
        index.compare(&mut b);
        assert_eq!(b.comparison.unwrap().baseline_path, "b.yaml");
        a.path = "z.yaml".into();
        index.compare(&mut a);
        assert_eq!(a.comparison.unwrap().baseline_path, "a.yaml");
    }
}
