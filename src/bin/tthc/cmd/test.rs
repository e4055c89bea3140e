//! `tthc test [PATHS...]`: run review tests like a test runner.

use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::Lang;
use tthc::report::review_tests::{counts, render_junit, render_text};
use tthc::review_test::{discover_tests, run_file};

/// Arguments of `tthc test`.
#[derive(clap::Args)]
pub struct Args {
    /// Review-test files or directories (default: tests/review).
    paths: Vec<PathBuf>,
    /// Run only the cases whose name contains this text.
    #[arg(long)]
    filter: Option<String>,
    /// Also write JUnit XML to this file (for CI systems).
    #[arg(long)]
    junit: Option<PathBuf>,
    /// Language of the labels.
    #[arg(long, default_value = "en")]
    lang: Lang,
}

pub fn run(args: Args) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("tests/review")]
    } else {
        args.paths
    };
    let files = discover_tests(&paths);
    if files.is_empty() {
        eprintln!(
            "error: no review-test files found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return ExitCode::from(2);
    }
    let outcomes: Vec<_> = files
        .par_iter()
        .map(|f| run_file(f, args.filter.as_deref()))
        .collect();
    print!("{}", render_text(&outcomes, args.lang));
    if let Some(path) = &args.junit
        && let Err(e) = crate::output::write_atomically(path, render_junit(&outcomes).as_bytes())
    {
        eprintln!("error: cannot write {}: {e}", path.display());
        return ExitCode::from(2);
    }
    let (_, failed) = counts(&outcomes);
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
