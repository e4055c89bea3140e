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

use crate::catalog::audit::{AuditRow, RowStatus};
use crate::catalog::totals::Group;
use crate::compare::{Target, TargetCheck, check};
use crate::i18n::Lang;
use crate::metrics::{Length, Percent, div_round_half_up};
use crate::model::Money;
use serde::Serialize;
use std::collections::HashMap;

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

/// The whole catalog against the baseline catalog. Costs compare every
/// loaded procedure of each side (so removed procedures count as cut and
/// added ones as new cost); processing time compares the matched pairs
/// measured in working days on both sides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogComparison {
    /// Procedures in the baseline catalog that loaded.
    pub baseline_procedures: u64,
    /// Baseline files that did not load.
    pub baseline_load_errors: u64,
    /// Procedures in the audited catalog that loaded.
    pub procedures: u64,
    /// Rows matched by code.
    pub matched_by_code: u64,
    /// Rows matched by path.
    pub matched_by_path: u64,
    /// Rows with no baseline.
    pub added: u64,
    /// Baseline paths no row matched.
    pub removed: Vec<String>,
    /// Baseline files matched by more than one row (e.g. a procedure and
    /// its draft, with `--include-drafts`).
    pub matched_more_than_once: u64,
    /// Baseline catalog cost per year (procedures with a volume).
    pub baseline_cost_per_year: Money,
    /// Audited catalog cost per year.
    pub cost_per_year: Money,
    /// Cut of the cost per year.
    pub cost_per_year_reduction_percent: Option<Percent>,
    /// Sum of the baseline per-case costs.
    pub baseline_cost_per_case: Money,
    /// Sum of the audited per-case costs.
    pub cost_per_case: Money,
    /// Cut of the per-case sum.
    pub cost_per_case_reduction_percent: Option<Percent>,
    /// Matched pairs whose processing times were compared.
    pub time_compared: u64,
    /// Their baseline processing time, thousandths of a working day.
    pub baseline_processing_working_milli_days: u128,
    /// Their audited processing time, thousandths of a working day.
    pub processing_working_milli_days: u128,
    /// Cut of their summed processing time.
    pub processing_time_reduction_percent: Option<Percent>,
    /// The target asked for, checked on the catalog.
    pub target: Option<TargetCheck>,
}

impl CatalogComparison {
    /// One line such as `293 procedures: 2,306 → 654 billion đồng a year, −71.64%`.
    ///
    /// ```
    /// use tthc::catalog::baseline::BaselineIndex;
    /// use tthc::catalog::totals::Group;
    /// use tthc::{Lang, Money};
    /// let mut base = Group::default();
    /// base.procedures = 293;
    /// base.cost_per_year = Money::from_dong(2_306_000_000_000);
    /// let mut now = base.clone();
    /// now.cost_per_year = Money::from_dong(654_000_000_000);
    /// let mut s = BaselineIndex::new().summary(&now, None);
    /// s.baseline_cost_per_year = base.cost_per_year;
    /// assert_eq!(s.headline(Lang::En), "293 procedures: 2,306 → 654 billion đồng a year, −71.64%");
    /// assert_eq!(s.headline(Lang::Vi), "293 thủ tục: 2.306 → 654 tỷ đồng/năm, −71,64%");
    /// ```
    pub fn headline(&self, lang: Lang) -> String {
        let (b, c) = (self.baseline_cost_per_year, self.cost_per_year);
        let (b, c, per) = if b.dong() == 0 && c.dong() == 0 {
            (
                self.baseline_cost_per_case,
                self.cost_per_case,
                lang.pick("đồng (tổng mỗi hồ sơ)", "đồng (sum per case)"),
            )
        } else {
            (b, c, lang.pick("đồng/năm", "đồng a year"))
        };
        let (unit_vi, unit_en, scale) = scale_of(b.dong().max(c.dong()));
        let show = |m: Money| {
            let v = Money::from_dong(div_round_half_up(m.dong(), scale).unwrap_or(0));
            match lang {
                Lang::Vi => v.grouped(),
                Lang::En => v.grouped_en(),
            }
        };
        let unit = lang.pick(unit_vi, unit_en);
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!("{unit} ")
        };
        let pct = match Percent::change(b.dong(), c.dong()) {
            Some(p) => {
                let text = p.to_string().replace('-', "−");
                let text = if p.basis_points() > 0 {
                    format!("+{text}")
                } else {
                    text
                };
                match lang {
                    Lang::Vi => format!(", {}%", text.replace('.', ",")),
                    Lang::En => format!(", {text}%"),
                }
            }
            None => String::new(),
        };
        let n = self.baseline_procedures.max(self.procedures);
        format!(
            "{n} {}: {} → {} {unit}{per}{pct}",
            lang.pick("thủ tục", "procedures"),
            show(b),
            show(c)
        )
    }
}

/// The unit to show amounts in, keeping at least four significant digits:
/// billions from 10^12, millions from 10^9, else đồng.
fn scale_of(max: u128) -> (&'static str, &'static str, u128) {
    if max >= 1_000_000_000_000 {
        ("tỷ", "billion", 1_000_000_000)
    } else if max >= 1_000_000_000 {
        ("triệu", "million", 1_000_000)
    } else {
        ("", "", 1)
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
