//! What a report shows, gathered once: the procedure, its graph, metrics and
//! findings, and optionally the comparison with a baseline. The HTML and
//! Markdown renderers only format this.

use crate::analysis::{Analysis, Comparison, Target};
use crate::cost_basis::CostBasis;
use crate::finding::Finding;
use crate::graph::StepGraph;
use crate::metrics::Metrics;
use crate::model::Procedure;
use crate::report::marks::Marks;
use crate::report::text::ReportDate;

/// The targets every report with a baseline checks.
pub const REPORT_TARGETS: [Target; 3] = [Target::Nq68_2020, Target::Nq66_2025, Target::Nq66_2026];

/// The baseline side of a report.
#[derive(Clone, Debug)]
pub struct Baseline<'a> {
    /// The procedure in force.
    pub procedure: &'a Procedure,
    /// Baseline against the reported procedure.
    pub comparison: Comparison,
}

/// Everything one report shows, read from an [`Analysis`].
///
/// ```
/// use tthc::{Analysis, Settings, report::page::Report};
/// let a = Analysis::from_yaml_str(
///     "format: tthc/1\nname: Cấp phép\nsteps:\n  a: { name: Nộp hồ sơ, actor: applicant }\n",
///     "p.yaml",
///     &Settings::default(),
/// )?;
/// let report = Report::new(&a);
/// assert_eq!(report.metrics.structure.steps, 1);
/// let html = tthc::report::html::render(&report, tthc::Lang::Vi);
/// assert!(html.contains("Cấp phép"));
/// # Ok::<(), tthc::LoadErrors>(())
/// ```
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// The analysis reported on (the draft's, when there is a baseline).
    pub analysis: &'a Analysis,
    /// Its procedure.
    pub procedure: &'a Procedure,
    /// Its step graph.
    pub graph: &'a StepGraph,
    /// Its metrics.
    pub metrics: &'a Metrics,
    /// Its review findings.
    pub findings: &'a [Finding],
    /// The cost basis the metrics were computed with.
    pub basis: &'a CostBasis,
    /// The baseline and the comparison, when given.
    pub baseline: Option<Baseline<'a>>,
    /// The date the report is made, shown in its footer.
    pub date: Option<ReportDate>,
}

impl<'a> Report<'a> {
    /// The report of one analysis.
    pub fn new(analysis: &'a Analysis) -> Report<'a> {
        Report {
            analysis,
            procedure: analysis.procedure(),
            graph: analysis.procedure().graph(),
            metrics: analysis.metrics(),
            findings: analysis.findings(),
            basis: analysis.cost_basis(),
            baseline: None,
            date: None,
        }
    }

    /// Adds a baseline: every metric before and after, and the targets of
    /// [`REPORT_TARGETS`].
    pub fn with_baseline(mut self, baseline: &'a Analysis) -> Report<'a> {
        let comparison = Comparison::new(baseline, self.analysis, &REPORT_TARGETS);
        self.baseline = Some(Baseline {
            procedure: baseline.procedure(),
            comparison,
        });
        self
    }

    /// The step-graph marks: critical path and findings per step.
    pub fn marks(&self) -> Marks {
        Marks::new(
            self.analysis.procedure(),
            &self.metrics.processing_time.critical_path,
            self.findings,
        )
    }

    /// Sets the date shown in the footer.
    pub fn dated(mut self, date: ReportDate) -> Report<'a> {
        self.date = Some(date);
        self
    }
}
