//! `tthc check` as a user runs it.
#![cfg(feature = "cli")]

use std::process::Command;

fn tthc(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // These tests read English output; `--lang vi` in a test overrides it.
        .env("TTHC_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .expect("run tthc");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn good_file_prints_ok_with_counts() {
    let (code, out) = tthc(&["check", "tests/fixtures/good/spec-example.yaml"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with(
            "tests/fixtures/good/spec-example.yaml: ok (3 steps, 2 documents; 2 findings)"
        ),
        "{out}"
    );
}

#[test]
fn bad_file_exits_2_with_located_error_and_snippet() {
    let (code, out) = tthc(&["check", "tests/fixtures/bad/unknown-step-key.yaml"]);
    assert_eq!(code, 2);
    assert!(
        out.contains("--> tests/fixtures/bad/unknown-step-key.yaml:7:5")
            && out.contains("= element: steps.nop.duraton"),
        "{out}"
    );
    assert!(out.contains("did you mean `duration`?"), "{out}");
    assert!(
        out.contains("✖ 1 problem (1 error, 0 warnings, 0 info)"),
        "{out}"
    );
}

#[test]
fn vietnamese_messages() {
    let (_, out) = tthc(&["check", "--lang", "vi", "tests/fixtures/bad/bad-level.yaml"]);
    assert!(
        out.contains("lỗi[bad-value]: giá trị `provincial` không hợp lệ ở đây"),
        "{out}"
    );
    assert!(out.contains("có phải ý bạn là `province`?"), "{out}");
}

#[test]
fn json_format_is_machine_readable() {
    let (code, out) = tthc(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/good/spec-example.yaml",
        "tests/fixtures/bad/cycle-next.yaml",
    ]);
    assert_eq!(code, 2);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files[0]["status"], "ok");
    assert_eq!(files[0]["steps"], 3);
    assert_eq!(files[1]["status"], "error");
    let d = &files[1]["diagnostics"][0];
    assert_eq!(d["code"], "cycle");
    assert_eq!(d["location"]["line"], 15);
    assert_eq!(d["element"], "steps.c.next[0]");
    assert!(d["message"]["vi"].as_str().unwrap().contains("vòng lặp"));
}

#[test]
fn directories_are_searched_for_yaml_files() {
    let (code, out) = tthc(&["check", "tests/fixtures/good"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("spec-example.yaml: ok"));
}

#[test]
fn test_command_runs_review_tests_and_ends_with_counts() {
    let (code, out) = tthc(&["test", "tests/review"]);
    assert_eq!(code, 0, "{out}");
    let last = out.lines().last().unwrap();
    assert!(last.ends_with(" passed, 0 failed"), "{last}");

    let junit = std::env::temp_dir().join(format!("tthc-junit-{}.xml", std::process::id()));
    let (code, out) = tthc(&[
        "test",
        "tests/fixtures/review/failing.yaml",
        "--junit",
        junit.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.lines().last(), Some("0 passed, 3 failed"));
    let xml = std::fs::read_to_string(&junit).unwrap();
    std::fs::remove_file(&junit).unwrap();
    assert!(
        // Two expectations failed; one case could not run (an error).
        xml.contains(
            "<testsuites name=\"tthc review tests\" tests=\"3\" failures=\"2\" errors=\"1\" time=\""
        ),
        "{xml}"
    );
}

#[test]
fn audit_of_the_shipped_catalog_reports_without_failing_when_asked() {
    let (code, out) = tthc(&["audit", "procedures", "--fail-on", "never"]);
    assert_eq!(code, 0, "{out}");
    // 17 hand-made procedures and 113 imported ones (procedures/national).
    assert!(out.contains("Procedures: 130"), "{out}");
    // The real records miss Decree 63 elements, so the default fails on errors.
    let (code, _) = tthc(&["audit", "procedures"]);
    assert_eq!(code, 1);
}
