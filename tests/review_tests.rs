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
    insta::assert_snapshot!(
        "failing_junit",
        relative(&render_junit(&[timed.clone()], tthc::Lang::En))
    );
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

fn zero_times(mut outcome: tthc::review_test::FileOutcome) -> tthc::review_test::FileOutcome {
    outcome.time = std::time::Duration::ZERO;
    for c in &mut outcome.cases {
        c.time = std::time::Duration::ZERO;
    }
    outcome
}

#[test]
fn failures_are_in_vietnamese_in_the_text_and_the_junit() {
    let files: Vec<_> = [
        "tests/fixtures/review/failing.yaml",
        "tests/fixtures/review/suppressed.yaml",
        "tests/fixtures/review/bad.yaml",
        "tests/fixtures/review/bad-target.yaml",
    ]
    .iter()
    .map(|f| zero_times(run_file(Path::new(f), None)))
    .collect();
    let text = relative(&render_text(&files, tthc::Lang::Vi));
    let junit = relative(&render_junit(&files, tthc::Lang::Vi));
    // tests/lang_vi_outputs.rs checks the same outputs for English words.
    for out in [&text, &junit] {
        assert!(
            out.contains(
                "nq66-2025 không đạt (chi phí tuân thủ: cần giảm 30,00%, đạt 21,68%; thời gian giải quyết: cần giảm 30,00%, đạt 57,14%)"
            ),
            "{out}"
        );
        assert!(out.contains("thiếu: TT304 (TT304 bị tắt tại"), "{out}");
        assert!(
            out.contains(
                "có: TT303 state-held-document tại procedures/ho-tich/dang-ky-khai-sinh.yaml:83:14"
            ),
            "{out}"
        );
        assert!(
            out.contains("không đọc được tệp: không có tệp hoặc thư mục này (mã lỗi hệ thống 2)"),
            "{out}"
        );
        assert!(!out.contains("57.14%") && !out.contains("21.68"), "{out}");
    }
    // The JUnit structure and its `type` ids stay as they are.
    assert!(junit.contains("<failure type=\"expectation\" message=\"compliance_cost.reduction_percent kỳ vọng &gt;= 30, đo được 21,68\">"), "{junit}");
    assert!(junit.contains("<error type=\"could-not-run\""), "{junit}");
    assert!(junit.contains("<error type=\"load/unknown-key\" message=\"tệp kiểm thử không hợp lệ: 3 lỗi, lỗi đầu tiên: "), "{junit}");
    // The suite's and the test file's case names are ids a CI keeps its
    // history by: English in every language.
    assert!(junit.contains("<testcase name=\"(test file)\""), "{junit}");
    assert!(
        junit.contains("<testsuites name=\"tthc review tests\""),
        "{junit}"
    );
    insta::assert_snapshot!("failing_text_vi", text);
    insta::assert_snapshot!("failing_junit_vi", junit);
}

#[test]
fn an_unknown_target_is_a_located_error_of_the_test_file() {
    let outcome = run_file(Path::new("tests/fixtures/review/bad-target.yaml"), None);
    let errors = outcome
        .errors
        .expect("the target is checked when the file is read");
    let e = &errors.errors[0];
    assert_eq!(e.location.map(|l| (l.line, l.column)), Some((5, 25)));
    assert!(
        e.message(tthc::Lang::Vi)
            .starts_with("không có mục tiêu «nq66»: dùng nq68-2020, nq66-2025, nq66-2026"),
        "{e}"
    );
    assert!(
        e.message(tthc::Lang::En)
            .starts_with("unknown target 'nq66'"),
        "{e}"
    );
}

#[test]
fn expected_values_are_written_with_the_numbers_of_the_language() {
    let dir = std::env::temp_dir().join(format!("tthc-expected-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let procedure = root().join("procedures/ho-tich/dang-ky-khai-sinh.yaml");
    let test = dir.join("t.yaml");
    std::fs::write(
        &test,
        format!(
            "- name: x\n  procedure: {}\n  expect:\n    structure.documents: \"== 2,5 ± 0,25\"\n",
            procedure.display()
        ),
    )
    .unwrap();
    let outcome = run_file(&test, None);
    let f = &outcome.cases[0].failures[0];
    assert_eq!(f.expected, "== 2.5 ± 0.25");
    assert_eq!(f.expected_vi, "== 2,5 ± 0,25");
    let text = render_text(std::slice::from_ref(&outcome), tthc::Lang::Vi);
    assert!(text.contains("kỳ vọng : == 2,5 ± 0,25"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}
