//! `tthc test [PATHS...]`: run review tests like a test runner.

use crate::output::{SettingsArgs, print_error, write_atomically, write_text};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::report::review_tests::{counts, render_junit, render_text};
use tthc::review_test::{discover_tests, run_file_with};

/// Arguments of `tthc test`.
#[derive(clap::Args)]
pub struct Args {
    /// Review-test files or directories (default: tests/review).
    paths: Vec<PathBuf>,
    /// Run only the cases whose name contains this text.
    #[arg(long)]
    filter: Option<String>,
    /// Also write JUnit XML to FILE (for CI).
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let lang = match args.settings.global() {
        Ok(s) => s.lang,
        Err(code) => return code,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("tests/review")]
    } else {
        args.paths.clone()
    };
    let files = discover_tests(&paths);
    if files.is_empty() {
        let list = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        print_error(
            lang,
            &format!("không tìm thấy tệp kiểm thử nào trong {list}"),
            &format!("no review-test files found in {list}"),
        );
        return ExitCode::from(2);
    }
    let outcomes: Vec<_> = files
        .par_iter()
        .map(|f| run_file_with(f, args.filter.as_deref(), &mut args.settings.resolver()))
        .collect();
    let written = write_text(None, &render_text(&outcomes, lang), lang);
    if written != ExitCode::SUCCESS {
        return written;
    }
    if let Some(path) = &args.junit
        && let Err(e) = write_atomically(path, render_junit(&outcomes, lang).as_bytes())
    {
        print_error(
            lang,
            &format!(
                "không ghi được {}: {}",
                path.display(),
                crate::output::io_vi(&e)
            ),
            &format!("cannot write {}: {e}", path.display()),
        );
        return ExitCode::from(2);
    }
    let (_, failed) = counts(&outcomes);
    if outcomes.iter().any(|o| o.errors.is_some()) {
        ExitCode::from(2)
    } else if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
