//! What a report shows, gathered once: the procedure, its graph, metrics and
//! findings, and optionally the comparison with a baseline. The HTML and
//! Markdown renderers only format this.

use crate::compare::{Comparison, Target, compare_measured};
use crate::config::ReviewOptions;
use crate::cost_basis::CostBasis;
use crate::finding::Finding;
use crate::graph::{GraphError, StepGraph};
use crate::metrics::{Metrics, measure};
use crate::model::Procedure;
use crate::report::text::ReportDate;
use crate::rules::review_with_graph;

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

/// Everything one report shows.
///
/// ```
/// use tthc::{Procedure, ReviewOptions, cost_basis::CostBasis, report::page::Report};
/// let p = Procedure::from_yaml_str(
///     "format: tthc/1\nname: Cấp phép\nsteps:\n  a: { name: Nộp hồ sơ, actor: applicant }\n",
///     "p.yaml",
/// ).unwrap();
/// let basis = CostBasis::default();
/// let report = Report::new(&p, &basis, &ReviewOptions::default()).unwrap();
/// assert_eq!(report.metrics.structure.steps, 1);
/// let html = tthc::report::html::render(&report, tthc::Lang::Vi);
/// assert!(html.contains("Cấp phép"));
/// ```
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// The procedure reported on (the draft, when there is a baseline).
    pub procedure: &'a Procedure,
    /// Its step graph.
    pub graph: StepGraph,
    /// Its metrics.
    pub metrics: Metrics,
    /// Its review findings.
    pub findings: Vec<Finding>,
    /// The cost basis the metrics were computed with.
    pub basis: &'a CostBasis,
    /// The baseline and the comparison, when given.
    pub baseline: Option<Baseline<'a>>,
    /// The date the report is made, shown in its footer.
    pub date: Option<ReportDate>,
}

impl<'a> Report<'a> {
    /// Measures and reviews `procedure`. Fails only for a procedure whose
    /// `next`/`choice` edges are broken, which the loader never accepts.
    pub fn new(
        procedure: &'a Procedure,
        basis: &'a CostBasis,
        options: &ReviewOptions,
    ) -> Result<Report<'a>, GraphError> {
        let graph = StepGraph::build(procedure)?;
        let metrics = measure(procedure, &graph, basis);
        let findings = review_with_graph(procedure, graph.clone(), options);
        Ok(Report {
            procedure,
            graph,
            metrics,
            findings,
            basis,
            baseline: None,
            date: None,
        })
    }

    /// Adds a baseline: every metric before and after, and the targets of
    /// [`REPORT_TARGETS`].
    pub fn with_baseline(mut self, baseline: &'a Procedure) -> Result<Report<'a>, GraphError> {
        let bg = StepGraph::build(baseline)?;
        let bm = measure(baseline, &bg, self.basis);
        let comparison = compare_measured(
            baseline,
            bm,
            self.procedure,
            self.metrics.clone(),
            &REPORT_TARGETS,
        );
        self.baseline = Some(Baseline {
            procedure: baseline,
            comparison,
        });
        Ok(self)
    }

    /// Sets the date shown in the footer.
    pub fn dated(mut self, date: ReportDate) -> Report<'a> {
        self.date = Some(date);
        self
    }
}
