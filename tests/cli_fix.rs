//! `tthc check --fix` and `--diff` on copies of the fixtures, in a folder
//! of their own.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};

/// A fresh folder for one test, with `files` copied from the fixtures.
fn workspace(test: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tthc-cli-fix-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the test folder");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (name, from) in files {
        std::fs::copy(fixtures.join(from), dir.join(name)).expect("copy a fixture");
    }
    dir
}

mod common;

/// Runs `tthc` in `dir`: exit status, stdout, stderr.
fn tthc(dir: &Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    common::tthc_in(dir, lang, args)
}

fn read(path: PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = workspace("diff", &[("tt303.yaml", "rules/TT303/fail.yaml")]);
    let before = read(dir.join("tt303.yaml"));
    // Dropping a paper changes what the procedure requires: not without
    // `--unsafe-fixes`, and a note says so.
    let (code, out, err) = tthc(&dir, "en", &["check", "--diff", "tt303.yaml"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("can be fixed"), "{out}");
    assert!(
        err.contains("tt303.yaml: 1 fix that change what the procedure says not applied")
            || err.contains("tt303.yaml: 2 fixes that change what the procedure says not applied"),
        "{err}"
    );
    let (_, _, err) = tthc(&dir, "vi", &["check", "--diff", "tt303.yaml"]);
    assert!(
        err.contains("cách sửa làm thay đổi nội dung thủ tục chưa được áp dụng"),
        "{err}"
    );
    let (code, out, _) = tthc(
        &dir,
        "en",
        &["check", "--diff", "--unsafe-fixes", "tt303.yaml"],
    );
    assert_eq!(
        read(dir.join("tt303.yaml")),
        before,
        "--diff wrote the file"
    );
    assert_eq!(code, 0, "{out}");
    let diff = &out[..out.find("tt303.yaml: ok").unwrap_or(out.len())];
    insta::assert_snapshot!("diff_en", diff);
    let (_, out, _) = tthc(
        &dir,
        "vi",
        &["check", "--diff", "--unsafe-fixes", "tt303.yaml"],
    );
    let diff = &out[..out.find("tt303.yaml: hợp lệ").unwrap_or(out.len())];
    insta::assert_snapshot!("diff_vi", diff);
}

#[test]
fn fix_writes_the_fixed_file_and_reports_on_it() {
    let dir = workspace(
        "fix",
        &[
            ("tt304.yaml", "rules/TT304/fail.yaml"),
            ("typo.yaml", "bad/unknown-step-key.yaml"),
        ],
    );
    let tt304 = read(dir.join("tt304.yaml"));
    let (code, out, err) = tthc(&dir, "en", &["check", "--fix", "tt304.yaml", "typo.yaml"]);
    // The misspelt key is fixed; a plain copy for a certified one changes
    // the requirement, so it waits for `--unsafe-fixes`.
    assert_eq!(read(dir.join("tt304.yaml")), tt304, "{out}");
    assert!(
        err.contains("tt304.yaml: 1 fix that change what the procedure says not applied"),
        "{err}"
    );
    assert!(
        out.contains("suggested fix (changes what the procedure says; review it)"),
        "{out}"
    );
    assert!(out.contains("fixed typo.yaml (1 fix):"), "{out}");
    assert!(
        out.contains("-    duraton: 1 working day\n+    duration: 1 working day\n"),
        "{out}"
    );
    assert_eq!(code, 1, "{out}\n{err}");
    let (code, out, err) = tthc(
        &dir,
        "en",
        &[
            "check",
            "--fix",
            "--unsafe-fixes",
            "tt304.yaml",
            "typo.yaml",
        ],
    );
    // typo.yaml loads; its findings (errors) fail the check as usual.
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(out.contains("fixed tt304.yaml (1 fix):"), "{out}");
    assert!(
        out.contains("-    form: certified_copy\n+    form: copy\n"),
        "{out}"
    );
    // The report is about the fixed files: no TT304 left, the typo loads.
    assert!(!out.contains("TT304"), "{out}");
    assert!(out.contains("typo.yaml: ok"), "{out}");
    let fixed = String::from_utf8(read(dir.join("tt304.yaml"))).expect("UTF-8");
    assert!(fixed.contains("    form: copy\n"), "{fixed}");
    // Nothing left to fix: a second run changes nothing.
    let (code, out, _) = tthc(
        &dir,
        "en",
        &["check", "--fix", "--unsafe-fixes", "tt304.yaml"],
    );
    assert_eq!(code, 0);
    assert!(!out.contains("fixed"), "{out}");
    assert!(
        !dir.read_dir()
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".tmp-"))
    );
}

#[test]
fn a_file_that_still_does_not_load_is_never_touched() {
    // The misspelt key can be fixed, the missing `actor` cannot.
    let dir = workspace("bad", &[]);
    let text = "format: tthc/1\nname: X\nsteps:\n  a: { name: A, duraton: 1 ngày }\n";
    std::fs::write(dir.join("bad.yaml"), text).expect("write");
    let (code, out, err) = tthc(&dir, "en", &["check", "--fix", "bad.yaml"]);
    assert_eq!(read(dir.join("bad.yaml")), text.as_bytes());
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains(
            "bad.yaml left unchanged: with its fixes it still does not load (1 error left)"
        ),
        "{err}"
    );
    assert!(out.contains("unknown key `duraton`"), "{out}");
    let (_, _, err) = tthc(&dir, "vi", &["check", "--fix", "bad.yaml"]);
    assert!(err.contains("không sửa bad.yaml"), "{err}");
    assert_eq!(read(dir.join("bad.yaml")), text.as_bytes());
}
