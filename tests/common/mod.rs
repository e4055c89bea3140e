//! Helpers shared by the tests that run the `tthc` binary.

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
