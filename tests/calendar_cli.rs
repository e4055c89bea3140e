//! The calendar subcommands of the CLI, as users see them.
#![cfg(feature = "cli")]

use std::process::Command;

fn tthc(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        // These tests read English output; `--lang vi` in a test overrides it.
        .env("TTHC_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    (text, out.status.code().unwrap_or(-1))
}

#[test]
fn holidays_2026_table() {
    let (out, code) = tthc(&["holidays", "2026"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn due_verbose_in_vietnamese() {
    let (out, code) = tthc(&[
        "due",
        "--from",
        "2026-02-13T16:00",
        "--days",
        "7",
        "--verbose",
        "--lang",
        "vi",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn lunar_date() {
    let (out, code) = tthc(&["lunar", "2026-02-17"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn extra_holiday_file_and_errors() {
    let dir = std::env::temp_dir().join(format!("tthc-cal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("extra.yaml");
    std::fs::write(&file, "format: tthc-holidays/1\nyears:\n  2027:\n    swaps:\n      - { day_off: 2027-04-29, work_on: 2027-05-08, source: test }\n").unwrap();
    let (out, code) = tthc(&["holidays", "2027", "--holidays", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("2027-04-29") && out.contains("2027-05-08"),
        "{out}"
    );
    let (out, code) = tthc(&["due", "--from", "2026-02-30T16:00", "--days", "7"]);
    assert_eq!(code, 2);
    assert!(out.contains("invalid"), "{out}");
    let (_, code) = tthc(&["lunar", "1800-01-01"]);
    assert_eq!(code, 2);
}
