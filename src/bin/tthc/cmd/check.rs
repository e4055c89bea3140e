//! `tthc check FILE...`: load each file, report load errors, then review
//! the procedures that load and report their findings.

use crate::output::stdout_color;
use clap::ValueEnum;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::config::{Config, ReviewOptions};
use tthc::report::diagnostics::{TextStyle, render, summary};
use tthc::rules::{registry, review};
use tthc::{Diagnostic, Finding, Lang, LoadErrors, LoadOptions, Severity, load_file};

/// Output format of `check`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Human-readable, rustc-like.
    Text,
    /// One JSON document for machines.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

/// The lowest severity that makes `check` exit with status 1.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailOn {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warn,
    /// Any finding.
    Info,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warn => Severity::Warn,
            FailOn::Info => Severity::Info,
        }
    }
}

/// Arguments of `tthc check`.
#[derive(clap::Args)]
pub struct Args {
    /// Procedure files, or directories to search for *.yaml files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of messages.
    #[arg(long, default_value = "en")]
    lang: Lang,
    /// Exit with status 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Review configuration (default: the nearest tthc.yaml above each file).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Largest accepted file, in bytes.
    #[arg(long, default_value_t = LoadOptions::default().max_file_size)]
    max_file_size: u64,
}

/// What happened to one file.
struct FileReport {
    name: String,
    source: Option<String>,
    counts: Option<(usize, usize)>,
    errors: Vec<Diagnostic>,
    findings: Vec<Finding>,
}

/// Review options per directory, from `--config` or the nearest `tthc.yaml`.
struct Configs {
    fixed: Option<ReviewOptions>,
    by_dir: HashMap<PathBuf, Result<ReviewOptions, LoadErrors>>,
}

impl Configs {
    fn for_file(&mut self, path: &Path) -> Result<ReviewOptions, LoadErrors> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        self.by_dir
            .entry(dir.clone())
            .or_insert_with(|| match Config::discover(&dir) {
                Some(file) => Config::load(&file).map(|c| c.review),
                None => Ok(ReviewOptions::default()),
            })
            .clone()
    }
}

pub fn run(args: Args) -> ExitCode {
    let options = LoadOptions {
        max_file_size: args.max_file_size,
        ..LoadOptions::default()
    };
    let mut configs = Configs {
        fixed: None,
        by_dir: HashMap::new(),
    };
    if let Some(path) = &args.config {
        match Config::load(path) {
            Ok(c) => configs.fixed = Some(c.review),
            Err(errors) => {
                let source = std::fs::read_to_string(path).ok();
                let style = TextStyle {
                    lang: args.lang,
                    color: stdout_color(),
                };
                for e in &errors.errors {
                    eprintln!("{}", render(&Diagnostic::from(e), source.as_deref(), style));
                }
                return ExitCode::from(2);
            }
        }
    }
    let mut reports = Vec::new();
    for path in tthc::catalog::expand(&args.paths) {
        let (source, result) = load_file(&path, &options);
        let mut report = FileReport {
            name: path.display().to_string(),
            source,
            counts: None,
            errors: Vec::new(),
            findings: Vec::new(),
        };
        match result {
            Err(errors) => report.errors = errors.errors.iter().map(Diagnostic::from).collect(),
            Ok(p) => match configs.for_file(&path) {
                Err(errors) => {
                    report.errors = errors.errors.iter().map(Diagnostic::from).collect();
                }
                Ok(review_options) => {
                    report.counts = Some((p.steps.len(), p.documents.len()));
                    report.findings = review(&p, &review_options);
                }
            },
        }
        reports.push(report);
    }
    match args.format {
        Format::Text => print_text(&reports, args.lang),
        Format::Json => print_json(&json_report(&reports)),
        Format::Sarif => print_json(&sarif(&reports, args.lang)),
    }
    let threshold = args.fail_on.severity();
    if reports.iter().any(|r| !r.errors.is_empty()) {
        ExitCode::from(2)
    } else if reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity >= threshold)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_json(value: &Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

fn print_text(reports: &[FileReport], lang: Lang) {
    let style = TextStyle {
        lang,
        color: stdout_color(),
    };
    let mut load_errors = Vec::new();
    let mut all_findings: Vec<&Finding> = Vec::new();
    for r in reports {
        for d in &r.errors {
            println!("{}", render(d, r.source.as_deref(), style));
        }
        load_errors.extend(r.errors.iter().cloned());
        if let Some((steps, docs)) = r.counts {
            let found = match r.findings.len() {
                0 => lang.pick("không có phát hiện", "no findings").to_string(),
                1 => lang.pick("1 phát hiện", "1 finding").to_string(),
                n => format!("{n} {}", lang.pick("phát hiện", "findings")),
            };
            println!(
                "{}: {} ({steps} {}, {docs} {}; {found})",
                r.name,
                lang.pick("hợp lệ", "ok"),
                lang.pick("bước", "steps"),
                lang.pick("giấy tờ", "documents"),
            );
        }
        // Grouped by severity, most serious first; in file order within.
        for severity in [Severity::Error, Severity::Warn, Severity::Info] {
            for f in r.findings.iter().filter(|f| f.severity == severity) {
                println!(
                    "{}",
                    render(&f.to_diagnostic(lang), r.source.as_deref(), style)
                );
            }
        }
        all_findings.extend(&r.findings);
    }
    if !load_errors.is_empty() {
        println!("{}", summary(&load_errors, lang));
    }
    if !all_findings.is_empty() {
        println!("{}", findings_summary(&all_findings, lang));
    }
}

/// `✖ 7 findings (2 errors, 4 warnings, 1 info)`.
fn findings_summary(findings: &[&Finding], lang: Lang) -> String {
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warn),
        count(Severity::Info),
    );
    let n = findings.len();
    match lang {
        Lang::En => format!(
            "✖ {n} {} ({e} {}, {w} {}, {i} info)",
            if n == 1 { "finding" } else { "findings" },
            if e == 1 { "error" } else { "errors" },
            if w == 1 { "warning" } else { "warnings" },
        ),
        Lang::Vi => format!("✖ {n} phát hiện ({e} lỗi, {w} cảnh báo, {i} thông tin)"),
    }
}

fn json_report(reports: &[FileReport]) -> Value {
    let files: Vec<Value> = reports
        .iter()
        .map(|r| {
            let mut file = json!({
                "file": r.name,
                "status": if r.errors.is_empty() { "ok" } else { "error" },
                "diagnostics": r.errors,
                "findings": r.findings,
            });
            if let (Some((steps, docs)), Some(obj)) = (r.counts, file.as_object_mut()) {
                obj.insert("steps".into(), json!(steps));
                obj.insert("documents".into(), json!(docs));
            }
            file
        })
        .collect();
    let count = |s| {
        reports
            .iter()
            .flat_map(|r| &r.findings)
            .filter(|f| f.severity == s)
            .count()
    };
    json!({
        "files": files,
        "summary": {
            "load_errors": reports.iter().map(|r| r.errors.len()).sum::<usize>(),
            "errors": count(Severity::Error),
            "warnings": count(Severity::Warn),
            "info": count(Severity::Info),
        },
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warn => "warning",
        Severity::Info => "note",
    }
}

/// A minimal SARIF 2.1.0 log: the rules as `tool.driver.rules`, findings and
/// load errors as `results` with their physical and logical locations.
fn sarif(reports: &[FileReport], lang: Lang) -> Value {
    let rules: Vec<Value> = registry()
        .iter()
        .map(|r| {
            let i = r.info();
            json!({
                "id": i.code,
                "name": i.name,
                "shortDescription": { "text": i.summary.get(lang) },
                "fullDescription": { "text": i.why.get(lang) },
                "help": { "text": tthc::rules::explanation(i, lang) },
                "defaultConfiguration": { "level": sarif_level(i.severity) },
            })
        })
        .collect();
    let index: HashMap<&str, usize> = registry()
        .iter()
        .enumerate()
        .map(|(n, r)| (r.info().code, n))
        .collect();
    let location = |file: &str, loc: Option<tthc::Location>, element: Option<&str>| {
        let mut physical = json!({ "artifactLocation": { "uri": file } });
        if let (Some(l), Some(obj)) = (loc, physical.as_object_mut()) {
            obj.insert(
                "region".into(),
                json!({ "startLine": l.line, "startColumn": l.column }),
            );
        }
        let mut out = json!({ "physicalLocation": physical });
        if let (Some(e), Some(obj)) = (element, out.as_object_mut()) {
            obj.insert(
                "logicalLocations".into(),
                json!([{ "fullyQualifiedName": e }]),
            );
        }
        out
    };
    let mut results = Vec::new();
    for r in reports {
        for d in &r.errors {
            results.push(json!({
                "ruleId": format!("load/{}", d.code),
                "level": "error",
                "message": { "text": d.message.get(lang) },
                "locations": [location(&r.name, d.location, d.element.as_deref())],
            }));
        }
        for f in &r.findings {
            let mut text = f.message.get(lang).to_string();
            if let Some(s) = &f.suggestion {
                text = format!("{text} — {}", s.get(lang));
            }
            let mut result = json!({
                "ruleId": f.code,
                "level": sarif_level(f.severity),
                "message": { "text": text },
                "locations": [location(&r.name, f.location, f.element.as_deref())],
            });
            if let (Some(&n), Some(obj)) = (index.get(f.code.as_str()), result.as_object_mut()) {
                obj.insert("ruleIndex".into(), json!(n));
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "tthc",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    })
}
