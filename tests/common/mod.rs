//! Helpers shared by the tests that run the `tthc` binary.
// Not every test binary that includes this module uses every helper.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs `tthc` in the crate's folder, in English (`--lang vi` in a test
/// overrides it).
pub fn tthc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TTHC_LANG", "en")
        .output()
        .expect("run tthc")
}

/// Asserts exit status 0, showing stderr otherwise.
pub fn assert_ok(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Runs `tthc` in `dir` with `TTHC_LANG=lang` and no colour: exit status,
/// stdout, stderr.
pub fn tthc_in(dir: &std::path::Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .current_dir(dir)
        .env("TTHC_LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .expect("run tthc");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
