//! `tthc report FILE [--baseline FILE]`: the review report of one procedure
//! as a self-contained HTML page or Markdown.

use crate::cmd::metrics::analyse;
use crate::output::{SettingsArgs, write_text};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::report::page::Report;
use tthc::report::text::ReportDate;

/// Output format of `report`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// A self-contained HTML page (inline CSS and SVG, no scripts).
    Html,
    /// Markdown with a Mermaid graph.
    Md,
}

/// Arguments of `tthc report`.
#[derive(clap::Args)]
pub struct Args {
    /// The procedure file (the draft, when a baseline is given).
    file: PathBuf,
    /// The procedure in force, to compare with.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "html")]
    format: Format,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let draft = analyse(&args.file, &args.settings, None);
    let baseline = args
        .baseline
        .as_ref()
        .map(|path| analyse(path, &args.settings, None));
    let (settings, a) = match draft {
        Ok(x) => x,
        Err(code) => return code,
    };
    let baseline = match baseline {
        None => None,
        Some(Ok((_, b))) => Some(b),
        Some(Err(code)) => return code,
    };
    let mut report = Report::new(&a).dated(today());
    if let Some(b) = &baseline {
        report = report.with_baseline(b);
    }
    let lang = settings.lang;
    let text = match args.format {
        Format::Html => tthc::report::html::render(&report, lang),
        Format::Md => tthc::report::markdown::render(&report, lang),
    };
    write_text(args.output.as_deref(), &text, lang)
}

/// Today in Vietnam, as the report's date.
fn today() -> ReportDate {
    ReportDate::from_unix_days(crate::output::today_days())
}
