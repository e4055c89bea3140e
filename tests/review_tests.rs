//! Review tests: every review test of the repository runs under
//! `cargo test`, and the runner reports failures the way drafters need.

use std::path::{Path, PathBuf};
use tthc::report::review_tests::{counts, render_junit, render_text};
use tthc::review_test::{run_dir, run_file};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn run_dir_runs_every_file_of_the_repository() {
    // Each case also runs as its own test in tests/review_cases.rs; here the
    // function drafters' CI calls is checked to find and pass them all.
    let outcomes = run_dir(&root().join("tests/review"));
    let (passed, failed) = counts(&outcomes);
    let cases: usize = outcomes.iter().map(|o| o.cases.len()).sum();
    assert_eq!(passed, cases);
    assert_eq!(failed, 0, "\n{}", render_text(&outcomes, tthc::Lang::En));
}

/// Paths in the output relative to the repository, so snapshots are stable.
fn relative(text: &str) -> String {
    text.replace(&format!("{}/", root().display()), "")
}

#[test]
fn failing_cases_show_expectation_measurement_and_reproduction() {
    let outcome = run_file(Path::new("tests/fixtures/review/failing.yaml"), None);
    let (passed, failed) = counts(std::slice::from_ref(&outcome));
    assert_eq!((passed, failed), (0, 3));
    let text = relative(&render_text(std::slice::from_ref(&outcome), tthc::Lang::En));
    assert!(text.ends_with("0 passed, 3 failed\n"), "{text}");
    insta::assert_snapshot!("failing_text", text);
    // Times zeroed, so the snapshot is stable.
    let mut timed = outcome;
    timed.time = std::time::Duration::ZERO;
    for c in &mut timed.cases {
        c.time = std::time::Duration::ZERO;
    }
    insta::assert_snapshot!("failing_junit", relative(&render_junit(&[timed])));
}

#[test]
fn vietnamese_labels() {
    let outcome = run_file(Path::new("tests/fixtures/review/failing.yaml"), Some("B1"));
    let text = render_text(&[outcome], tthc::Lang::Vi);
    assert!(text.contains("kỳ vọng"), "{text}");
    assert!(text.contains("chạy lại: tthc test"), "{text}");
}

#[test]
fn filter_selects_cases_by_name() {
    let outcome = run_file(
        &root().join("tests/fixtures/review/failing.yaml"),
        Some("B1 requests"),
    );
    assert_eq!(outcome.cases.len(), 1);
    assert_eq!(outcome.cases[0].location.line, 9);
}

#[test]
fn bad_test_files_get_located_errors_with_suggestions() {
    let outcome = run_file(&root().join("tests/fixtures/review/bad.yaml"), None);
    let errors = outcome.errors.clone().expect("the file has errors");
    let lines: Vec<(u32, String)> = errors
        .errors
        .iter()
        .map(|e| {
            (
                e.location.map_or(0, |l| l.line),
                e.help(tthc::Lang::En).unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        lines.contains(&(4, "did you mean `compliance_cost.per_case`?".to_string())),
        "{lines:?}"
    );
    assert!(lines.iter().any(|(l, _)| *l == 5), "{lines:?}");
    assert!(
        lines.contains(&(8, "did you mean `expect`?".to_string())),
        "{lines:?}"
    );
    let (_, failed) = counts(&[outcome]);
    assert_eq!(failed, 1);
}
