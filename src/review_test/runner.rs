//! Running review tests: load, measure, review, compare, check.

use crate::compare::{Comparison, Target, compare_measured};
use crate::config::{Config, ReviewOptions, RuleLevel};
use crate::cost_basis::CostBasis;
use crate::finding::Finding;
use crate::load::{LoadErrors, LoadOptions, Location, load_file};
use crate::metrics::Length;
use crate::metrics::{Metrics, measure};
use crate::model::Procedure;
use crate::review_test::format::{Check, Decimal, ReviewCase, parse_review_tests};
use crate::rules::review_with_graph;
use crate::{Severity, StepGraph};
use std::path::{Path, PathBuf};

/// One expectation that did not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The expectation key (`compliance_cost.reduction_percent`).
    pub key: String,
    /// Where the expectation is written.
    pub location: Location,
    /// The expectation as written (`>= 30`).
    pub expected: String,
    /// What was measured (`12.50`).
    pub measured: String,
}

/// The outcome of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseOutcome {
    /// The test file.
    pub file: PathBuf,
    /// The case's name.
    pub name: String,
    /// Where the case starts.
    pub location: Location,
    /// Expectations that failed.
    pub failures: Vec<Failure>,
    /// Why the case could not run at all (a procedure that does not load …).
    pub error: Option<String>,
    /// How many expectations were checked.
    pub checked: usize,
}

impl CaseOutcome {
    /// Whether the case passed.
    pub fn passed(&self) -> bool {
        self.failures.is_empty() && self.error.is_none()
    }
}

/// The outcome of one test file: its cases, or why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileOutcome {
    /// The test file.
    pub file: PathBuf,
    /// The cases run, in file order.
    pub cases: Vec<CaseOutcome>,
    /// Errors in the test file itself.
    pub errors: Option<LoadErrors>,
    /// The test file's text, kept when it has errors (for snippets).
    pub source: Option<String>,
}

/// Review-test files under `paths` (files as given, directories searched
/// for `*.yaml`), sorted.
pub fn discover_tests(paths: &[PathBuf]) -> Vec<PathBuf> {
    crate::catalog::expand(paths)
}

/// Runs every case of one test file whose name contains `filter`.
pub fn run_file(path: &Path, filter: Option<&str>) -> FileOutcome {
    let options = LoadOptions::default();
    let src = match crate::load::read_limited(path, options.max_file_size) {
        Ok(bytes) => bytes,
        Err(e) => {
            return FileOutcome {
                file: path.to_path_buf(),
                cases: Vec::new(),
                errors: Some(e.into_load_error(&path.display().to_string()).into()),
                source: None,
            };
        }
    };
    let parsed = crate::load::yaml::check_input(&src, &path.display().to_string(), &options)
        .map_err(LoadErrors::from)
        .and_then(|text| parse_review_tests(text, path));
    match parsed {
        Err(errors) => FileOutcome {
            file: path.to_path_buf(),
            cases: Vec::new(),
            errors: Some(errors),
            source: Some(String::from_utf8_lossy(&src).into_owned()),
        },
        Ok(file) => FileOutcome {
            file: path.to_path_buf(),
            cases: file
                .cases
                .iter()
                .filter(|c| filter.is_none_or(|f| c.name.contains(f)))
                .map(|c| run_case(path, c))
                .collect(),
            errors: None,
            source: None,
        },
    }
}

/// Runs every review test under `dir` (the function `cargo test` calls).
pub fn run_dir(dir: &Path) -> Vec<FileOutcome> {
    discover_tests(&[dir.to_path_buf()])
        .iter()
        .map(|f| run_file(f, None))
        .collect()
}

fn load(path: &Path) -> Result<Procedure, String> {
    match load_file(path, &LoadOptions::default()).1 {
        Ok(p) => Ok(p),
        Err(e) => Err(e.to_string()),
    }
}

/// What a case measured, for looking up expectation values.
struct Measured {
    metrics: Metrics,
    findings: Vec<Finding>,
    comparison: Option<Comparison>,
}

fn run_case(file: &Path, case: &ReviewCase) -> CaseOutcome {
    let mut outcome = CaseOutcome {
        file: file.to_path_buf(),
        name: case.name.clone(),
        location: case.location,
        failures: Vec::new(),
        error: None,
        checked: 0,
    };
    match measure_case(case) {
        Err(e) => outcome.error = Some(e),
        Ok(m) => {
            for exp in &case.expectations {
                outcome.checked += 1;
                if let Some(measured) = check(&m, &exp.key, &exp.check) {
                    outcome.failures.push(Failure {
                        key: exp.key.clone(),
                        location: exp.location,
                        expected: exp.check.to_string(),
                        measured,
                    });
                }
            }
        }
    }
    outcome
}

fn measure_case(case: &ReviewCase) -> Result<Measured, String> {
    let procedure = load(&case.procedure)?;
    let basis = match &case.cost_basis {
        None => CostBasis::default(),
        Some(path) => CostBasis::load_file(path)
            .1
            .map_err(|e| format!("{} cannot be loaded: {e}", path.display()))?,
    };
    let mut options = match case.procedure.parent().and_then(Config::discover) {
        Some(path) => {
            Config::load(&path)
                .map_err(|e| format!("{} cannot be loaded: {e}", path.display()))?
                .review
        }
        None => ReviewOptions::default(),
    };
    for o in &case.rules {
        let level: RuleLevel = o
            .severity
            .parse()
            .map_err(|e: String| format!("line {}: {e}", o.location.line))?;
        options
            .set(&o.rule, level)
            .map_err(|e| format!("line {}: {e}", o.location.line))?;
    }
    let graph = StepGraph::build(&procedure).map_err(|e| e.to_string())?;
    let metrics = measure(&procedure, &graph, &basis);
    let findings = review_with_graph(&procedure, graph, &options);
    let comparison = match &case.baseline {
        None => None,
        Some(path) => {
            let baseline = load(path)?;
            let bg = StepGraph::build(&baseline).map_err(|e| e.to_string())?;
            let bm = measure(&baseline, &bg, &basis);
            let targets: Vec<Target> = case
                .expectations
                .iter()
                .filter_map(|e| match &e.check {
                    Check::Targets(t) => Some(t.clone()),
                    _ => None,
                })
                .flatten()
                .map(|t| t.parse::<Target>())
                .collect::<Result<_, _>>()?;
            Some(compare_measured(
                &baseline,
                bm,
                &procedure,
                metrics.clone(),
                &targets,
            ))
        }
    };
    Ok(Measured {
        metrics,
        findings,
        comparison,
    })
}

/// `None` if the expectation holds, else the measured value as text.
fn check(m: &Measured, key: &str, check: &Check) -> Option<String> {
    match check {
        Check::Codes(codes) => {
            let matches = |f: &Finding, c: &str| f.code.eq_ignore_ascii_case(c) || f.name == *c;
            let present = key == "findings.present";
            let wrong: Vec<String> = codes
                .iter()
                .filter(|c| m.findings.iter().any(|f| matches(f, c)) != present)
                .cloned()
                .collect();
            if wrong.is_empty() {
                return None;
            }
            if present {
                Some(format!("missing: {}", wrong.join(", ")))
            } else {
                let found: Vec<String> = m
                    .findings
                    .iter()
                    .filter(|f| wrong.iter().any(|c| matches(f, c)))
                    .map(|f| match f.location {
                        Some(l) => format!(
                            "{} {} at {}:{}:{}",
                            f.code, f.name, f.origin, l.line, l.column
                        ),
                        None => format!("{} {}", f.code, f.name),
                    })
                    .collect();
                Some(format!("found: {}", found.join(", ")))
            }
        }
        Check::Targets(_) => {
            let c = m.comparison.as_ref()?;
            let missed: Vec<String> = c
                .targets
                .iter()
                .filter(|t| !t.met)
                .map(|t| {
                    let parts: Vec<String> = t
                        .components
                        .iter()
                        .map(|p| {
                            let got = p
                                .achieved_percent
                                .map_or("n/a".to_string(), |a| format!("{a}%"));
                            format!(
                                "{} −{}% required, {got} achieved",
                                p.component, p.required_percent
                            )
                        })
                        .collect();
                    format!("{} missed ({})", t.target, parts.join("; "))
                })
                .collect();
            (!missed.is_empty()).then(|| missed.join("; "))
        }
        Check::Compare {
            op,
            value,
            tolerance,
        } => match metric_value(m, key) {
            None if key.starts_with("processing_time.") => Some(format!(
                "not measurable in this unit: the processing time is {}",
                m.metrics.processing_time.length.text(crate::Lang::En)
            )),
            None => Some(
                "not measurable: an input it needs is missing (e.g. volume, or a baseline value)"
                    .into(),
            ),
            Some(v) if op.holds(v, *value, *tolerance) => None,
            Some(v) => Some(v.to_string()),
        },
    }
}

fn count(n: impl TryInto<i128>) -> Option<Decimal> {
    n.try_into().ok().map(Decimal::whole)
}

fn working(l: Length) -> Option<Decimal> {
    l.working_milli_days().map(|v| Decimal::milli(v.into()))
}

fn calendar(l: Length) -> Option<Decimal> {
    l.calendar_milli_days().map(|v| Decimal::milli(v.into()))
}

/// The value of a metric named in [`crate::review_test::METRICS`].
fn metric_value(m: &Measured, key: &str) -> Option<Decimal> {
    let s = &m.metrics.structure;
    let t = &m.metrics.processing_time;
    let c = &m.metrics.compliance_cost;
    let severity = |sev| m.findings.iter().filter(|f| f.severity == sev).count();
    let cmp = m.comparison.as_ref();
    let declared = t.declared.map(Length::of);
    match key {
        "structure.steps" => count(s.steps),
        "structure.applicant_steps" => count(s.applicant_steps),
        "structure.agency_steps" => count(s.agency_steps),
        "structure.main_path_steps" => count(s.main_path_steps),
        "structure.agencies" => count(s.agencies),
        "structure.handoffs" => count(s.handoffs),
        "structure.documents" => count(s.documents),
        "structure.copies" => count(s.copies),
        "structure.certified_copies" => count(s.certified_copies),
        "structure.presented_documents" => count(s.presented_documents),
        "structure.state_held_documents" => count(s.state_held_documents),
        "structure.trips" => count(s.trips),
        // A mix of calendar and working days is counted on the calendar.
        "processing_time.working_days" => working(t.length).or_else(|| {
            m.metrics
                .on_calendar
                .as_ref()
                .map(|c| Decimal::milli(c.working_milli_days.into()))
        }),
        "processing_time.calendar_days" => calendar(t.length),
        "processing_time.declared_working_days" => declared.and_then(working),
        "processing_time.declared_calendar_days" => declared.and_then(calendar),
        "processing_time.with_rework_working_days" => {
            t.with_rework.as_ref().and_then(|r| working(r.length))
        }
        "processing_time.reduction_percent" => cmp
            .and_then(|c| c.processing_time.reduction_percent)
            .map(|p| Decimal::centi(p.basis_points())),
        "compliance_cost.per_case" => count(c.per_case.dong()),
        "compliance_cost.annual" => c.annual.and_then(|a| count(a.dong())),
        "compliance_cost.hours" => count(c.milli_hours).map(|d| Decimal(d.0 / 1000)),
        "compliance_cost.cases_per_year" => c.cases_per_year.and_then(count),
        "compliance_cost.reduction_percent" => cmp
            .and_then(|c| c.compliance_cost.reduction_percent)
            .map(|p| Decimal::centi(p.basis_points())),
        "compliance_cost.annual_reduction_percent" => cmp
            .and_then(|c| c.compliance_cost.annual_reduction_percent)
            .map(|p| Decimal::centi(p.basis_points())),
        "compliance_cost.saving_per_case" => cmp.and_then(|cm| {
            let b = i128::try_from(cm.baseline.compliance_cost.per_case.dong()).ok()?;
            let d = i128::try_from(cm.draft.compliance_cost.per_case.dong()).ok()?;
            count(b - d)
        }),
        "compliance_cost.annual_saving" => cmp.and_then(|cm| {
            let b = i128::try_from(cm.baseline.compliance_cost.annual?.dong()).ok()?;
            let d = i128::try_from(cm.draft.compliance_cost.annual?.dong()).ok()?;
            count(b - d)
        }),
        "steps.removed" => cmp.and_then(|c| count(c.steps.removed.len())),
        "steps.added" => cmp.and_then(|c| count(c.steps.added.len())),
        "documents.removed" => cmp.and_then(|c| count(c.documents.removed.len())),
        "documents.added" => cmp.and_then(|c| count(c.documents.added.len())),
        "findings.count" => count(m.findings.len()),
        "findings.errors" | "findings.max_errors" => count(severity(Severity::Error)),
        "findings.warnings" | "findings.max_warnings" => count(severity(Severity::Warn)),
        "findings.infos" => count(severity(Severity::Info)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_metric_has_a_lookup() {
        let p = Procedure::from_yaml_str(
            "format: tthc/1\nname: X\ndeadline: 2 working days\nvolume: { cases_per_year: 10 }\nsteps:\n  a: { name: A, actor: applicant, next: [b] }\n  b: { name: B, actor: S, duration: 1 working day }\n",
            "x.yaml",
        )
        .unwrap();
        let g = StepGraph::build(&p).unwrap();
        let metrics = measure(&p, &g, &CostBasis::default());
        let comparison = Some(compare_measured(
            &p,
            metrics.clone(),
            &p,
            metrics.clone(),
            &[],
        ));
        let m = Measured {
            metrics,
            findings: Vec::new(),
            comparison,
        };
        for (key, _) in crate::review_test::METRICS {
            if *key == "processing_time.calendar_days"
                || *key == "processing_time.declared_calendar_days"
                || *key == "processing_time.with_rework_working_days"
                || key.ends_with("reduction_percent")
            {
                continue;
            }
            assert!(metric_value(&m, key).is_some(), "{key} has no value");
        }
        assert_eq!(
            metric_value(&m, "processing_time.working_days"),
            Some(Decimal::whole(1))
        );
        assert_eq!(
            metric_value(&m, "processing_time.declared_working_days"),
            Some(Decimal::whole(2))
        );
    }
}
