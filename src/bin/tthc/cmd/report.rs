//! `tthc report FILE [--baseline FILE]`: the review report of one procedure
//! as a self-contained HTML page or Markdown.

use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::config::Config;
use tthc::cost_basis::CostBasis;
use tthc::report::diagnostics::{TextStyle, render};
use tthc::report::page::Report;
use tthc::report::text::ReportDate;
use tthc::{Diagnostic, Lang, LoadErrors, LoadOptions, Procedure, ReviewOptions, load_file};

/// Output format of `report`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One self-contained HTML page.
    Html,
    /// GitHub-flavoured Markdown with a Mermaid graph.
    Md,
}

/// Arguments of `tthc report`.
#[derive(clap::Args)]
pub struct Args {
    /// The procedure file (the draft, when a baseline is given).
    file: PathBuf,
    /// The procedure in force, to compare against.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "html")]
    format: Format,
    /// Language of the report.
    #[arg(long, default_value = "vi")]
    lang: Lang,
    /// Write the report here instead of to standard output.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// Cost-basis override file (hourly income, trip time and cost, …).
    #[arg(long)]
    cost_basis: Option<PathBuf>,
    /// Review configuration (default: the nearest tthc.yaml above FILE).
    #[arg(long)]
    config: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    let lang = args.lang;
    let Ok(procedure) = load_procedure(&args.file, lang) else {
        return ExitCode::from(2);
    };
    let baseline = match &args.baseline {
        Some(path) => match load_procedure(path, lang) {
            Ok(p) => Some(p),
            Err(()) => return ExitCode::from(2),
        },
        None => None,
    };
    let basis = match &args.cost_basis {
        None => CostBasis::default(),
        Some(path) => match CostBasis::load_file(path) {
            (_, Ok(b)) => b,
            (source, Err(e)) => {
                print_errors(&e, source.as_deref(), lang);
                return ExitCode::from(2);
            }
        },
    };
    let Ok(options) = review_options(args.config.as_deref(), &args.file, lang) else {
        return ExitCode::from(2);
    };
    let report = Report::new(&procedure, &basis, &options).and_then(|r| match &baseline {
        Some(b) => r.with_baseline(b),
        None => Ok(r),
    });
    let report = match report {
        Ok(r) => r.dated(today()),
        Err(e) => {
            eprintln!("{}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let text = match args.format {
        Format::Html => tthc::report::html::render(&report, lang),
        Format::Md => tthc::report::markdown::render(&report, lang),
    };
    write_output(args.output.as_deref(), &text)
}

/// Loads a procedure, printing located errors to stderr on failure.
pub(crate) fn load_procedure(path: &Path, lang: Lang) -> Result<Procedure, ()> {
    match load_file(path, &LoadOptions::default()) {
        (_, Ok(p)) => Ok(p),
        (source, Err(errors)) => {
            print_errors(&errors, source.as_deref(), lang);
            Err(())
        }
    }
}

fn print_errors(errors: &LoadErrors, source: Option<&str>, lang: Lang) {
    let style = TextStyle { lang, color: false };
    for e in &errors.errors {
        eprintln!("{}", render(&Diagnostic::from(e), source, style));
    }
}

/// The review options of `--config`, or of the nearest `tthc.yaml`.
pub(crate) fn review_options(
    config: Option<&Path>,
    file: &Path,
    lang: Lang,
) -> Result<ReviewOptions, ()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let Some(path) = config
        .map(Path::to_path_buf)
        .or_else(|| Config::discover(dir))
    else {
        return Ok(ReviewOptions::default());
    };
    match Config::load(&path) {
        Ok(c) => Ok(c.review),
        Err(e) => {
            let source = std::fs::read_to_string(&path).ok();
            print_errors(&e, source.as_deref(), lang);
            Err(())
        }
    }
}

/// Writes to the file, or to stdout.
pub(crate) fn write_output(path: Option<&Path>, text: &str) -> ExitCode {
    match path {
        // Atomic, so an interrupted run never leaves half a report.
        Some(path) => match crate::output::write_atomically(path, text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                ExitCode::from(2)
            }
        },
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
    }
}

/// Today in Vietnam (UTC+7), or the day of `SOURCE_DATE_EPOCH` for
/// reproducible output.
fn today() -> ReportDate {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    ReportDate::from_unix_days((seconds + 7 * 3600).div_euclid(86_400))
}
