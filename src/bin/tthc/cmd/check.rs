//! `tthc check FILE...`: load each file, report load errors, then review
//! the procedures that load and report their findings.

use crate::output::{SettingsArgs, print_error, stdout_color, write_text};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::Analysis;
use tthc::report::check::{CheckReport, CheckedFile, FailOn, FileCheck};
use tthc::report::diagnostics::TextStyle;

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

/// Arguments of `tthc check`.
#[derive(clap::Args)]
pub struct Args {
    /// Procedure files, or directories to search for *.yaml files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit with status 1 when a finding has at least this severity
    /// (error, warn, info, never).
    #[arg(long, default_value = "error")]
    fail_on: FailOn,
    /// SARIF: the directory that artifact URIs are relative to (`%SRCROOT%`);
    /// default: the git repository root above the current directory, else
    /// the current directory.
    #[arg(long, value_name = "DIR")]
    sarif_root: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let mut resolver = args.settings.resolver();
    let mut report = CheckReport::default();
    let mut lang = args.settings.lang_hint();
    let (files, review_tests) =
        tthc::catalog::split_review_tests(tthc::catalog::expand(&args.paths));
    if !review_tests.is_empty() {
        let n = review_tests.len();
        crate::output::print_note(
            lang,
            &format!("bỏ qua {n} tệp kiểm thử (chạy bằng `tthc test`)"),
            &format!("left out {n} review-test file(s) (run them with `tthc test`)"),
        );
    }
    if files.is_empty() {
        print_error(
            lang,
            "không tìm thấy tệp thủ tục nào (*.yaml)",
            "no procedure files (*.yaml) found",
        );
        return ExitCode::from(2);
    }
    for path in files {
        let check = match resolver.for_file(&path) {
            Err(errors) => FileCheck::Failed(errors),
            Ok(settings) => {
                lang = settings.lang;
                match Analysis::from_file(&path, &settings) {
                    Ok(a) => FileCheck::of(&a),
                    Err(errors) => FileCheck::Failed(errors),
                }
            }
        };
        report.files.push(CheckedFile {
            path: path.display().to_string(),
            check,
        });
    }
    let text = match args.format {
        Format::Text => report.render_text(TextStyle {
            lang,
            color: stdout_color(),
        }),
        Format::Json => report.render_json(),
        Format::Sarif => {
            use tthc::report::sarif::{SarifRoot, render_with};
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            let root = match &args.sarif_root {
                Some(dir) => SarifRoot::new(dir, &cwd),
                None => SarifRoot::discover(&cwd),
            };
            render_with(&report, lang, &root)
        }
    };
    let written = write_text(None, &text, lang);
    if written != ExitCode::SUCCESS {
        return written;
    }
    ExitCode::from(report.exit_code(args.fail_on))
}
