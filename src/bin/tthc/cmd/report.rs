//! `tthc report FILE [--baseline FILE]`: the review report of one procedure
//! as a self-contained HTML page or Markdown.

use crate::cmd::metrics::analyse;
use crate::output::{SettingsArgs, print_error, write_bytes, write_text};
use clap::ValueEnum;
use std::io::IsTerminal;
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
    /// The compliance-cost calculation (Circular 02/2017/TT-VPCP Art. 27)
    /// as an XLSX workbook with its formulas visible (binary: needs -o or
    /// a redirected stdout).
    Xlsx,
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
        Format::Xlsx => return write_cost_sheet(&args, &a, baseline.as_ref(), lang),
    };
    write_text(args.output.as_deref(), &text, lang)
}

/// `--format xlsx`: the cost calculation workbook, to `-o FILE` (through a
/// temporary file) or a redirected stdout, never a terminal.
fn write_cost_sheet(
    args: &Args,
    a: &tthc::Analysis,
    baseline: Option<&tthc::Analysis>,
    lang: tthc::Lang,
) -> ExitCode {
    if args.output.is_none() && std::io::stdout().is_terminal() {
        print_error(
            lang,
            "XLSX là tệp nhị phân, không in ra màn hình: dùng -o TỆP.xlsx (hoặc chuyển hướng stdout)",
            "XLSX is binary and is not written to a terminal: use -o FILE.xlsx (or redirect stdout)",
        );
        return ExitCode::from(2);
    }
    match tthc::report::cost_sheet(a, baseline, lang) {
        Ok(bytes) => write_bytes(args.output.as_deref(), &bytes, lang),
        Err(e) => {
            print_error(
                lang,
                &format!("không tạo được bảng tính: {}", crate::output::io_vi(&e)),
                &format!("cannot build the workbook: {e}"),
            );
            ExitCode::from(2)
        }
    }
}

/// Today in Vietnam, as the report's date.
fn today() -> ReportDate {
    ReportDate::from_unix_days(crate::output::today_days())
}
