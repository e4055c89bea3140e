//! Where outputs go: a device is written, never replaced; an input is never
//! overwritten; a full stdout is an error, not a panic; review-test files in
//! a procedure folder are left out, saying so; an empty folder is an error.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const KHAI_SINH: &str = "procedures/ho-tich/dang-ky-khai-sinh.yaml";

fn tthc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TTHC_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .expect("run tthc")
}

/// `tthc ARGS` with `input` piped to its standard input.
fn tthc_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TTHC_LANG", "en")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tthc");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("output")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tthc-out-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

#[cfg(unix)]
#[test]
fn a_device_is_written_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let o = tthc(&["report", KHAI_SINH, "-o", "/dev/null"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device(), "/dev/null was replaced");
}

#[test]
fn a_folder_target_is_an_error() {
    let dir = temp("folder");
    let o = tthc(&["report", KHAI_SINH, "-o", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("not a regular file"), "{}", text(&o));
    assert!(dir.is_dir());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_input_is_never_overwritten() {
    let dir = temp("input");
    let file = dir.join("p.yaml");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(KHAI_SINH), &file).unwrap();
    let before = std::fs::read(&file).unwrap();
    let f = file.to_str().unwrap();
    let o = tthc(&["audit", f, "--out", f, "--fail-on", "never"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("one of the inputs"), "{}", text(&o));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    for args in [
        vec!["rules"],
        vec!["check", KHAI_SINH],
        vec!["metrics", KHAI_SINH],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_tthc"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::from(full))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// A file of review tests (a YAML list).
const REVIEW_TESTS: &str =
    "# review tests\n- name: X\n  procedure: p.yaml\n  expect:\n    structure.steps: 3\n";

/// A folder with one procedure (`p.yaml`) and one review-test file.
fn procedure_and_review_tests(name: &str) -> PathBuf {
    let dir = temp(name);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(KHAI_SINH),
        dir.join("p.yaml"),
    )
    .unwrap();
    std::fs::write(dir.join("tests.yaml"), REVIEW_TESTS).unwrap();
    dir
}

#[test]
fn review_tests_and_config_in_a_procedure_folder_are_left_out() {
    let dir = procedure_and_review_tests("mixed");
    std::fs::write(dir.join("tthc.yaml"), "preset: recommended\n").unwrap();
    let d = dir.to_str().unwrap();
    let o = tthc(&["check", d, "--fail-on", "never"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("left out 1 review-test file"),
        "{}",
        text(&o)
    );
    let o = tthc(&["audit", d, "--fail-on", "never"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("left out 1 review-test file"),
        "{}",
        text(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `tthc audit` reads each file once and tells review tests from the same
/// bytes: a pipe (`/dev/stdin`), which can be read only once, is told apart
/// and, when it holds a procedure, audited whole.
#[cfg(unix)]
#[test]
fn audit_reads_each_file_once() {
    let audit_stdin = |input: &[u8], extra: &[&str]| {
        let mut args = vec![
            "audit",
            "/dev/stdin",
            "--format",
            "csv",
            "--fail-on",
            "never",
        ];
        args.extend(extra);
        tthc_stdin(&args, input)
    };
    let procedure = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(KHAI_SINH)).unwrap();
    let o = audit_stdin(&procedure, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let csv = String::from_utf8_lossy(&o.stdout);
    assert_eq!(csv.lines().count(), 2, "a header and one row: {csv}");
    assert!(csv.contains(",ok,"), "{csv}");
    // Review tests through the pipe: told from the one read, left out.
    let dir = temp("stdin-tests");
    let out = dir.join("rows.csv");
    let o = audit_stdin(REVIEW_TESTS.as_bytes(), &["--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let shown = text(&o);
    assert!(shown.contains("left out 1 review-test file"), "{shown}");
    assert!(shown.contains("no procedure files"), "{shown}");
    assert!(o.stdout.is_empty(), "{shown}");
    assert!(
        !out.exists(),
        "nothing written for a catalog of review tests"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The review tests of a baseline catalog are left out too (told apart by
/// the audit's threads from the bytes they read), not baseline errors.
#[test]
fn review_tests_in_a_baseline_are_left_out() {
    let dir = procedure_and_review_tests("baseline-tests");
    let d = dir.to_str().unwrap();
    let o = tthc(&[
        "audit",
        d,
        "--baseline",
        d,
        "--format",
        "csv",
        "--fail-on",
        "never",
    ]);
    let shown = text(&o);
    assert_eq!(o.status.code(), Some(0), "{shown}");
    assert!(!shown.contains("baseline:"), "{shown}");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).lines().count(),
        2,
        "{shown}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_empty_folder_is_an_error() {
    let dir = temp("empty");
    for cmd in ["check", "audit"] {
        let o = tthc(&[cmd, dir.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", text(&o));
        assert!(
            text(&o).contains("no procedure files"),
            "{cmd}: {}",
            text(&o)
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn absurd_jobs_are_refused_not_attempted() {
    for cmd in [
        vec!["audit", "procedures/ho-tich", "--jobs", "100000"],
        vec![
            "import",
            "tests/fixtures/import/records",
            "--out",
            "/nonexistent-tthc",
            "--jobs",
            "100000",
        ],
    ] {
        let o = tthc(&cmd);
        assert_eq!(o.status.code(), Some(2), "{cmd:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("at most 256 threads"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn an_interrupted_audit_leaves_no_temporary_file() {
    unsafe extern "C" {
        fn kill(pid: i32, sig: i32) -> i32;
    }
    const SIGINT: i32 = 2;
    let dir = temp("interrupt");
    let catalog = dir.join("catalog");
    let out_dir = dir.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let o = tthc(&["generate", catalog.to_str().unwrap(), "--count", "20000"]);
    assert_eq!(o.status.code(), Some(0));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args([
            "audit",
            catalog.to_str().unwrap(),
            "--jobs",
            "1",
            "--fail-on",
            "never",
            "--out",
        ])
        .arg(out_dir.join("a.csv"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run tthc");
    // Wait for the temporary file, then interrupt.
    let tmp_exists = || {
        std::fs::read_dir(&out_dir)
            .map(|d| {
                d.flatten()
                    .any(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            })
            .unwrap_or(false)
    };
    let mut seen = false;
    for _ in 0..2_000 {
        if tmp_exists() {
            seen = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(seen, "the audit never created its temporary file");
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { kill(pid, SIGINT) }, 0);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "interrupted, not finished");
    assert!(!tmp_exists(), "the temporary file was removed");
    assert!(!out_dir.join("a.csv").exists(), "no half-written output");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A named pipe given to `check`, `audit` or named as a review test's
/// procedure is refused at once (opening it waited forever for a writer);
/// `/dev/stdin` is still read. Each command is killed after 60 s so that a
/// hang fails the test instead of stalling the suite.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_not_waited_for() {
    use std::time::{Duration, Instant};
    let dir = temp("fifo");
    let fifo = dir.join("p.yaml");
    let _ = std::fs::remove_file(&fifo);
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let test = dir.join("t.yaml");
    std::fs::write(
        &test,
        "- name: a\n  procedure: p.yaml\n  expect: { structure.steps: 1 }\n",
    )
    .unwrap();
    let fifo_arg = fifo.to_str().unwrap();
    let test_arg = test.to_str().unwrap();
    for args in [
        vec!["check", fifo_arg],
        vec!["audit", fifo_arg],
        vec!["test", test_arg],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tthc"))
            .args(&args)
            .env("TTHC_LANG", "en")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run tthc");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break Some(status);
            }
            if start.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let out = child.wait_with_output().expect("output");
        let status = status.unwrap_or_else(|| panic!("{args:?} hung on a named pipe"));
        let shown = text(&out);
        assert!(shown.contains("not a regular file"), "{args:?}: {shown}");
        // A review test that cannot run fails (1); check and audit of an
        // unreadable input are errors (2).
        let expected = if args[0] == "test" { 1 } else { 2 };
        assert_eq!(status.code(), Some(expected), "{args:?}: {shown}");
    }
    // What a user pipes in on purpose is still read.
    let procedure = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(KHAI_SINH)).unwrap();
    let out = tthc_stdin(&["check", "/dev/stdin"], &procedure);
    let shown = text(&out);
    assert!(shown.contains("/dev/stdin: ok"), "{shown}");
    let _ = std::fs::remove_dir_all(&dir);
}
