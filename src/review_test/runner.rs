//! Running review tests: load, measure, review, compare, check.

use crate::analysis::{Analysis, Comparison, Overrides, Settings, SettingsResolver, Target};
use crate::cost_basis::CostBasis;
use crate::finding::Finding;
use crate::i18n::{Lang, Text};
use crate::load::{LoadErrors, LoadOptions, Location, read_text};
use crate::report::labels::Label;
use crate::review_test::format::{Check, Decimal, ReviewCase, parse_review_tests, parse_target};
use crate::suppress::Suppressed;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One expectation that did not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The expectation key (`compliance_cost.reduction_percent`).
    pub key: String,
    /// Where the expectation is written.
    pub location: Location,
    /// The expectation as written (`>= 30`), numbers in English (`0.5`).
    pub expected: String,
    /// The expectation with Vietnamese numbers (`>= 0,5`).
    pub expected_vi: String,
    /// What was measured (`12.50`), in English (JUnit, JSON).
    pub measured: String,
    /// What was measured in Vietnamese (`12,5`).
    pub measured_vi: String,
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
    /// Why the case could not run at all (a procedure that does not load …),
    /// in both languages.
    pub error: Option<Text>,
    /// How many expectations were checked.
    pub checked: usize,
    /// How long the case took (loading, measuring and checking).
    pub time: Duration,
    /// The procedure's findings silenced by a suppression comment, with
    /// their reason (every report lists them).
    pub suppressed: Vec<Suppressed>,
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
    /// Errors in the test file itself (with the file's text, for snippets).
    pub errors: Option<LoadErrors>,
    /// How long reading the file and running its cases took.
    pub time: Duration,
}

/// Review-test files under `paths` (files as given, directories searched
/// for `*.yaml`), sorted.
pub fn discover_tests(paths: &[PathBuf]) -> Vec<PathBuf> {
    crate::catalog::expand(paths)
}

/// Runs every case of one test file whose name contains `filter`, with the
/// settings of each procedure's nearest `tthc.yaml`.
pub fn run_file(path: &Path, filter: Option<&str>) -> FileOutcome {
    run_file_with(
        path,
        filter,
        &mut SettingsResolver::new(Overrides::default()),
    )
}

/// [`run_file`] with the settings from `resolver` (command-line overrides).
pub fn run_file_with(
    path: &Path,
    filter: Option<&str>,
    resolver: &mut SettingsResolver,
) -> FileOutcome {
    let start = Instant::now();
    let outcome = |cases, errors| FileOutcome {
        file: path.to_path_buf(),
        cases,
        errors,
        time: start.elapsed(),
    };
    let text = match read_text(path, &LoadOptions::default()) {
        Ok(text) => text,
        Err(errors) => return outcome(Vec::new(), Some(errors)),
    };
    match parse_review_tests(&text, path) {
        Err(errors) => outcome(Vec::new(), Some(errors)),
        Ok(file) => outcome(
            file.cases
                .iter()
                .filter(|c| filter.is_none_or(|f| c.name.contains(f)))
                .map(|c| run_case(path, c, resolver))
                .collect(),
            None,
        ),
    }
}

/// Runs every review test under `dir` (the function `cargo test` calls).
pub fn run_dir(dir: &Path) -> Vec<FileOutcome> {
    let mut resolver = SettingsResolver::new(Overrides::default());
    discover_tests(&[dir.to_path_buf()])
        .iter()
        .map(|f| run_file_with(f, None, &mut resolver))
        .collect()
}

/// What a case measured, for looking up expectation values.
struct Measured {
    analysis: Analysis,
    comparison: Option<Comparison>,
}

/// Runs one case of the test file `file` (for harnesses that report each
/// case as its own test).
pub fn run_case(file: &Path, case: &ReviewCase, resolver: &mut SettingsResolver) -> CaseOutcome {
    let mut outcome = CaseOutcome {
        file: file.to_path_buf(),
        name: case.name.clone(),
        location: case.location,
        failures: Vec::new(),
        error: None,
        checked: 0,
        time: Duration::ZERO,
        suppressed: Vec::new(),
    };
    let start = Instant::now();
    match measure_case(case, resolver) {
        Err(e) => outcome.error = Some(e),
        Ok(m) => {
            outcome.suppressed = m.analysis.suppressed().to_vec();
            for exp in &case.expectations {
                outcome.checked += 1;
                if let Some(measured) = check(&m, &exp.key, &exp.check) {
                    outcome.failures.push(Failure {
                        key: exp.key.clone(),
                        location: exp.location,
                        expected: exp.check.text(Lang::En),
                        expected_vi: exp.check.text(Lang::Vi),
                        measured: measured.en,
                        measured_vi: measured.vi,
                    });
                }
            }
        }
    }
    outcome.time = start.elapsed();
    outcome
}

/// The case's settings: the procedure's `tthc.yaml` (and the resolver's
/// overrides), the case's cost basis and rule levels over them.
fn case_settings(case: &ReviewCase, resolver: &mut SettingsResolver) -> Result<Settings, Text> {
    let base = resolver.for_file(&case.procedure).map_err(|e| {
        Text::new(
            format!("không đọc được tệp cấu hình: {}", e.text(Lang::Vi)),
            format!("the configuration cannot be loaded: {}", e.text(Lang::En)),
        )
    })?;
    let mut settings = (*base).clone();
    if let Some(path) = &case.cost_basis {
        let basis = CostBasis::load_file(path).map_err(|e| {
            let path = path.display();
            Text::new(
                format!(
                    "không đọc được tệp cơ sở chi phí {path}: {}",
                    e.text(Lang::Vi)
                ),
                format!("{path} cannot be loaded: {}", e.text(Lang::En)),
            )
        })?;
        settings.cost_basis = Arc::new(basis);
    }
    for o in &case.rules {
        settings.review.rules.insert(o.rule, o.level);
    }
    Ok(settings)
}

fn measure_case(case: &ReviewCase, resolver: &mut SettingsResolver) -> Result<Measured, Text> {
    let settings = case_settings(case, resolver)?;
    let analyse = |path: &Path| {
        Analysis::from_file(path, &settings)
            .map_err(|e| Text::new(e.text(Lang::Vi), e.text(Lang::En)))
    };
    let analysis = analyse(&case.procedure)?;
    let comparison = match &case.baseline {
        None => None,
        Some(path) => {
            let baseline = analyse(path)?;
            let targets: Vec<Target> = case
                .expectations
                .iter()
                .filter_map(|e| match &e.check {
                    Check::Targets(t) => Some(t.clone()),
                    _ => None,
                })
                .flatten()
                .map(|t| parse_target(&t).map_err(|(vi, en)| Text::new(vi, en)))
                .collect::<Result<_, _>>()?;
            Some(Comparison::new(&baseline, &analysis, &targets))
        }
    };
    Ok(Measured {
        analysis,
        comparison,
    })
}

/// A target component (`compliance_cost`, `processing_time`) in
/// Vietnamese words: the reports' labels, in lower case.
fn component_vi(component: &str) -> String {
    match component {
        "compliance_cost" => Label::ComplianceCost.get(Lang::Vi).to_lowercase(),
        "processing_time" => Label::ProcessingTime.get(Lang::Vi).to_lowercase(),
        other => other.to_string(),
    }
}

/// `None` if the expectation holds, else the measured value as text in
/// both languages.
fn check(m: &Measured, key: &str, check: &Check) -> Option<Text> {
    let findings = m.analysis.findings();
    match check {
        Check::Codes(codes) => {
            let matches = |f: &Finding, c: &str| f.code.eq_ignore_ascii_case(c) || f.name == *c;
            let present = key == "findings.present";
            let wrong: Vec<String> = codes
                .iter()
                .filter(|c| findings.iter().any(|f| matches(f, c)) != present)
                .cloned()
                .collect();
            if wrong.is_empty() {
                return None;
            }
            if present {
                // A missing code may be there but suppressed: say so.
                let why: Vec<Text> = m
                    .analysis
                    .suppressed()
                    .iter()
                    .filter(|s| wrong.iter().any(|c| matches(&s.finding, c)))
                    .map(|s| {
                        let (code, origin, line) =
                            (&s.finding.code, &s.finding.origin, s.comment.line);
                        Text::new(
                            format!("{code} bị tắt tại {origin}:{line}: {}", s.reason),
                            format!("{code} suppressed at {origin}:{line}: {}", s.reason),
                        )
                    })
                    .collect();
                let list = wrong.join(", ");
                let mut text = Text::new(format!("thiếu: {list}"), format!("missing: {list}"));
                if !why.is_empty() {
                    let join = |lang: Lang| {
                        why.iter()
                            .map(|t| t.get(lang))
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    text.vi.push_str(&format!(" ({})", join(Lang::Vi)));
                    text.en.push_str(&format!(" ({})", join(Lang::En)));
                }
                Some(text)
            } else {
                let found = |at: &str| {
                    findings
                        .iter()
                        .filter(|f| wrong.iter().any(|c| matches(f, c)))
                        .map(|f| match f.location {
                            Some(l) => format!(
                                "{} {} {at} {}:{}:{}",
                                f.code, f.name, f.origin, l.line, l.column
                            ),
                            None => format!("{} {}", f.code, f.name),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                Some(Text::new(
                    format!("có: {}", found("tại")),
                    format!("found: {}", found("at")),
                ))
            }
        }
        Check::Targets(_) => {
            let c = m.comparison.as_ref()?;
            let missed = |lang: Lang| {
                c.targets
                    .iter()
                    .filter(|t| !t.met)
                    .map(|t| {
                        let parts: Vec<String> = t
                            .components
                            .iter()
                            .map(|p| {
                                let pct = |v| crate::report::text::percent(v, lang);
                                let got = p
                                    .achieved_percent
                                    .map_or(lang.pick("không đo được", "n/a").to_string(), pct);
                                let need = pct(p.required_percent);
                                match lang {
                                    Lang::Vi => format!(
                                        "{}: cần giảm {need}, đạt {got}",
                                        component_vi(p.component)
                                    ),
                                    Lang::En => {
                                        format!("{} −{need} required, {got} achieved", p.component)
                                    }
                                }
                            })
                            .collect();
                        let verdict = lang.pick("không đạt", "missed");
                        format!("{} {verdict} ({})", t.target, parts.join("; "))
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let en = missed(Lang::En);
            (!en.is_empty()).then(|| Text::new(missed(Lang::Vi), en))
        }
        Check::Compare {
            metric,
            op,
            value,
            tolerance,
        } => {
            let measured = if metric.needs_baseline() {
                m.comparison.as_ref().and_then(|c| c.value(*metric))
            } else {
                m.analysis.value(*metric)
            };
            match measured.and_then(|q| q.millionths()).map(Decimal) {
                None if key.starts_with("processing_time.") => {
                    let length = m.analysis.metrics().processing_time.length;
                    Some(Text::new(
                        format!(
                            "không đo được theo đơn vị này: thời gian giải quyết là {}",
                            length.text(Lang::Vi)
                        ),
                        format!(
                            "not measurable in this unit: the processing time is {}",
                            length.text(Lang::En)
                        ),
                    ))
                }
                None => Some(Text::new(
                    "không đo được: thiếu một đầu vào cần cho chỉ số này (vd. số hồ sơ mỗi năm `volume`, hoặc một giá trị của bản hiện hành)",
                    "not measurable: an input it needs is missing (e.g. volume, or a baseline value)",
                )),
                Some(v) if op.holds(v, *value, *tolerance) => None,
                Some(v) => Some(Text::new(v.text(Lang::Vi), v.text(Lang::En))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measured_values_in_vietnamese_group_thousands_and_use_a_decimal_comma() {
        let d = |m: i128| Decimal(m).text(Lang::Vi);
        assert_eq!(d(2_625_000), "2,625");
        assert_eq!(d(1_322_499_000_000), "1.322.499");
        assert_eq!(d(-1_234_500_000), "-1.234,5");
        assert_eq!(d(999_000_000), "999");
        assert_eq!(d(0), "0");
        // English keeps the plain form JUnit and JSON have always had.
        assert_eq!(Decimal(1_322_499_500_000).text(Lang::En), "1322499.5");
    }
    use crate::analysis::Metric;

    #[test]
    fn every_metric_of_one_procedure_has_a_value() {
        let settings = Settings::default();
        let a = Analysis::from_yaml_str(
            "format: tthc/1\nname: X\nchannels: [in_person, online, post]\ndeadline: 2 working days\nvolume: { cases_per_year: 10 }\ncases: { k: { name: K, share: 0.5 } }\nsteps:\n  a: { name: A, actor: applicant, effort: { hours: 1 }, next: [b] }\n  b: { name: B, actor: S, duration: 1 working day, staff_hours: 1 }\n",
            "x.yaml",
            &settings,
        )
        .unwrap();
        let c = Comparison::new(&a, &a, &[]);
        for metric in Metric::ALL {
            let not_here = matches!(
                metric,
                Metric::CalendarDays | Metric::DeclaredCalendarDays | Metric::WithReworkWorkingDays
            );
            let value = if metric.needs_baseline() {
                c.value(*metric)
            } else {
                a.value(*metric)
            };
            assert_eq!(value.is_some(), !not_here, "{metric}");
        }
        assert_eq!(
            a.value(Metric::WorkingDays).and_then(|q| q.millionths()),
            Some(1_000_000)
        );
        assert_eq!(
            a.value(Metric::DeclaredWorkingDays)
                .map(|q| q.to_string())
                .as_deref(),
            Some("2")
        );
    }
}
