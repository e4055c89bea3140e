//! `tthc metrics FILE`: structure, processing time and compliance cost.

use crate::output::stdout_color;
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::cost_basis::CostBasis;
use tthc::metrics::{Scenario, measure_with, render};
use tthc::report::diagnostics::{TextStyle, render as render_diagnostic};
use tthc::{Diagnostic, Lang, LoadErrors, LoadOptions, Procedure, StepGraph, load_file};

/// Output format of `metrics` and `compare`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Human-readable tables.
    Text,
    /// One JSON document (field names in docs/metrics.md).
    Json,
}

/// Arguments of `tthc metrics`.
#[derive(clap::Args)]
pub struct Args {
    /// The procedure file.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// YAML file overriding the default cost basis (hourly income, trips, …).
    #[arg(long)]
    cost_basis: Option<PathBuf>,
    /// Fee scenario: auto (in person unless online is the only channel),
    /// in-person, online.
    #[arg(long, default_value = "auto")]
    scenario: Scenario,
    /// Language of the text output.
    #[arg(long, default_value = "en")]
    lang: Lang,
}

/// Prints load errors like `tthc check` does.
pub fn print_errors(errors: &LoadErrors, source: Option<&str>, lang: Lang) {
    let style = TextStyle {
        lang,
        color: stdout_color(),
    };
    for e in &errors.errors {
        eprintln!("{}", render_diagnostic(&Diagnostic::from(e), source, style));
    }
}

/// Loads the cost basis (default, or overridden from a file).
pub fn cost_basis(path: Option<&Path>, lang: Lang) -> Option<CostBasis> {
    let Some(path) = path else {
        return Some(CostBasis::default());
    };
    let (source, result) = CostBasis::load_file(path);
    match result {
        Ok(b) => Some(b),
        Err(errors) => {
            print_errors(&errors, source.as_deref(), lang);
            None
        }
    }
}

/// Loads a procedure and its graph, printing errors.
pub fn load(path: &Path, lang: Lang) -> Option<(Procedure, StepGraph)> {
    let (source, result) = load_file(path, &LoadOptions::default());
    match result {
        Ok(p) => match StepGraph::build(&p) {
            Ok(g) => Some((p, g)),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                None
            }
        },
        Err(errors) => {
            print_errors(&errors, source.as_deref(), lang);
            None
        }
    }
}

pub fn run(args: Args) -> ExitCode {
    let Some(basis) = cost_basis(args.cost_basis.as_deref(), args.lang) else {
        return ExitCode::from(2);
    };
    let Some((p, g)) = load(&args.file, args.lang) else {
        return ExitCode::from(2);
    };
    let m = measure_with(&p, &g, &basis, args.scenario);
    match args.format {
        Format::Text => print!("{}", render::metrics_text(&p, &m, &basis, args.lang)),
        Format::Json => {
            let mut doc = serde_json::json!({
                "file": args.file.display().to_string(),
                "code": p.code,
                "name": p.name,
            });
            if let (Some(obj), Ok(serde_json::Value::Object(fields))) =
                (doc.as_object_mut(), serde_json::to_value(&m))
            {
                obj.extend(fields);
                obj.insert(
                    "cost_basis".into(),
                    serde_json::to_value(&basis).unwrap_or_default(),
                );
            }
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    ExitCode::SUCCESS
}
