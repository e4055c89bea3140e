//! Totals of an audit: for the catalog, per sector and per authority.
//!
//! Totals grow with the number of distinct sectors, authorities and rule
//! codes, never with the number of files.

use crate::analysis::TargetCheck;
use crate::catalog::row::{AuditRow, RowStatus, SeverityCounts};
use crate::i18n::Lang;
use crate::metrics::{Percent, div_round_half_up};
use crate::model::Money;
use serde::Serialize;
use std::collections::BTreeMap;

/// The label of the procedures that declare no sector or authority: shown
/// in place of a name in human-readable totals, never as data
/// (`(chưa khai báo)`, the reports' "not declared" in brackets).
pub fn not_declared(lang: Lang) -> String {
    format!("({})", crate::report::labels::Label::NotDeclared.get(lang))
}

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
    /// The loaded procedures that declare no sector (not in `by_sector`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector_not_declared: Option<Group>,
    /// The loaded procedures that declare no authority (not in
    /// `by_authority`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority_not_declared: Option<Group>,
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
        match &row.sector {
            Some(s) => self.by_sector.entry(s.clone()).or_default().add(row),
            None => self.sector_not_declared.get_or_insert_default().add(row),
        }
        match &row.authority {
            Some(a) => self.by_authority.entry(a.clone()).or_default().add(row),
            None => self.authority_not_declared.get_or_insert_default().add(row),
        }
    }

    /// The sector groups by name, then the one of the procedures without a
    /// sector (`None`).
    pub fn sectors(&self) -> impl Iterator<Item = (Option<&str>, &Group)> {
        named_then_undeclared(&self.by_sector, self.sector_not_declared.as_ref())
    }

    /// The authority groups by name, then the one of the procedures without
    /// an authority (`None`).
    pub fn authorities(&self) -> impl Iterator<Item = (Option<&str>, &Group)> {
        named_then_undeclared(&self.by_authority, self.authority_not_declared.as_ref())
    }
}

fn named_then_undeclared<'a>(
    named: &'a BTreeMap<String, Group>,
    undeclared: Option<&'a Group>,
) -> impl Iterator<Item = (Option<&'a str>, &'a Group)> {
    named
        .iter()
        .map(|(n, g)| (Some(n.as_str()), g))
        .chain(undeclared.map(|g| (None, g)))
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
