//! The one way through the library: [`Settings`] in, a checked procedure
//! in, an [`Analysis`] (metrics and findings, computed once) out; two
//! analyses make a [`Comparison`].
//!
//! Audit, review tests, reports, comparisons and every command of the CLI go
//! through here, so every figure and every finding is computed the same way,
//! on the same cost basis.

mod compare;
mod metric;
pub(crate) mod settings;

pub use crate::metrics::{Quantity, Unit};
pub use compare::{
    Comparison, ElementChange, ElementDiff, MatchedBy, MetricChange, Reduction, Target,
    TargetCheck, TargetComponent, check, normalise_name, parse_target,
};
pub use metric::Metric;
pub use settings::{CONFIG_FILE_NAME, DEFAULT_LANG, Overrides, Settings, SettingsResolver};

use crate::calendar::Calendar;
use crate::checked::CheckedProcedure;
use crate::cost_basis::CostBasis;
use crate::finding::Finding;
use crate::load::LoadErrors;
use crate::metrics::{Metrics, Scenario, measure_with};
use crate::suppress::Suppressed;
use std::path::Path;
use std::sync::Arc;

/// A procedure with its metrics and review findings, computed once from
/// the procedure and the [`Settings`].
///
/// ```
/// use tthc::{Analysis, Metric, Settings};
/// let src = r#"
/// format: tthc/1
/// name: Cấp lại văn bản xác nhận
/// deadline: 7 ngày làm việc
/// fees: [{ name: Phí thẩm định, amount: 1.000.000 đồng }]
/// steps:
///   nop: { name: Nộp hồ sơ, actor: applicant, next: [xet] }
///   xet: { name: Xem xét, actor: Vụ Bưu chính, duration: 7 ngày làm việc }
/// "#;
/// let a = Analysis::from_yaml_str(src, "cap-lai.yaml", &Settings::default())?;
/// assert_eq!(a.value(Metric::WorkingDays).unwrap().to_string(), "7");
/// assert!(a.findings().iter().any(|f| f.code == "TT002")); // no legal basis
/// # Ok::<(), tthc::LoadErrors>(())
/// ```
#[derive(Clone, Debug)]
pub struct Analysis {
    procedure: CheckedProcedure,
    metrics: Metrics,
    findings: Vec<Finding>,
    suppressed: Vec<Suppressed>,
    cost_basis: Arc<CostBasis>,
    scenario: Scenario,
    calendar: Arc<Calendar>,
}

impl Analysis {
    /// Measures and reviews `procedure` under `settings`: the metrics on the
    /// settings' cost basis and calendar, then the rules, which read those
    /// metrics and value their savings on the same basis.
    pub fn new(procedure: CheckedProcedure, settings: &Settings) -> Analysis {
        let metrics = measure_with(
            &procedure,
            &settings.cost_basis,
            settings.scenario,
            &settings.calendar,
        );
        let findings =
            crate::rules::review(&procedure, &metrics, &settings.cost_basis, &settings.review);
        // Suppression comments silence findings here, on the one path
        // every command takes.
        let (findings, suppressed) =
            crate::suppress::review(&procedure.source_map, findings, &settings.review);
        Analysis {
            procedure,
            metrics,
            findings,
            suppressed,
            cost_basis: settings.cost_basis.clone(),
            scenario: settings.scenario,
            calendar: settings.calendar.clone(),
        }
    }

    /// Loads a procedure from YAML text and analyses it: the one call an
    /// embedding service needs. Never panics, never touches the file system.
    pub fn from_yaml_str(
        src: &str,
        origin: &str,
        settings: &Settings,
    ) -> Result<Analysis, LoadErrors> {
        let procedure = CheckedProcedure::from_yaml_str_with(src, origin, &settings.load)?;
        Ok(Analysis::new(procedure, settings))
    }

    /// Reads a procedure file (within the size limit) and analyses it.
    pub fn from_file(path: &Path, settings: &Settings) -> Result<Analysis, LoadErrors> {
        let procedure = crate::load::load_file(path, &settings.load)?;
        Ok(Analysis::new(procedure, settings))
    }

    /// The procedure, with its graph.
    pub fn procedure(&self) -> &CheckedProcedure {
        &self.procedure
    }

    /// Its metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// Its findings, sorted by location, then code: the active ones (a
    /// finding silenced by a suppression comment is in
    /// [`Analysis::suppressed`] instead).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The findings silenced by a suppression comment
    /// (`# tthc: allow TT304 — <reason>`), each with its reason and the
    /// comment's location, in file order.
    ///
    /// ```
    /// use tthc::{Analysis, Settings};
    /// let src = "# tthc: bỏ qua TT002 — thủ tục nội bộ\nformat: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant }\n";
    /// let a = Analysis::from_yaml_str(src, "x.yaml", &Settings::default())?;
    /// assert!(a.findings().iter().all(|f| f.code != "TT002"));
    /// assert_eq!(a.suppressed()[0].finding.code, "TT002");
    /// assert_eq!(a.suppressed()[0].reason, "thủ tục nội bộ");
    /// # Ok::<(), tthc::LoadErrors>(())
    /// ```
    pub fn suppressed(&self) -> &[Suppressed] {
        &self.suppressed
    }

    /// The cost basis its figures are valued on.
    pub fn cost_basis(&self) -> &CostBasis {
        &self.cost_basis
    }

    /// The value of one metric of this procedure (`None` for a metric that
    /// needs a baseline, or one whose inputs are not declared).
    pub fn value(&self, metric: Metric) -> Option<Quantity> {
        metric.of(self)
    }

    /// Whether `other` was valued on the same cost basis, fee scenario and
    /// calendar.
    pub(crate) fn same_basis(&self, other: &Analysis) -> bool {
        (Arc::ptr_eq(&self.cost_basis, &other.cost_basis) || self.cost_basis == other.cost_basis)
            && self.scenario == other.scenario
            && Arc::ptr_eq(&self.calendar, &other.calendar)
    }

    /// This procedure measured again on `other`'s basis, scenario and
    /// calendar (its findings kept).
    pub(crate) fn revalued_like(&self, other: &Analysis) -> Analysis {
        Analysis {
            procedure: self.procedure.clone(),
            metrics: measure_with(
                &self.procedure,
                &other.cost_basis,
                other.scenario,
                &other.calendar,
            ),
            findings: self.findings.clone(),
            suppressed: self.suppressed.clone(),
            cost_basis: other.cost_basis.clone(),
            scenario: other.scenario,
            calendar: other.calendar.clone(),
        }
    }
}
