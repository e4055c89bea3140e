//! The calendar subcommands of the CLI, as users see them.
#![cfg(feature = "cli")]

use std::process::{Command, Stdio};

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
fn holidays_2024_lists_tet_on_the_weekend() {
    let (out, code) = tthc(&["holidays", "2024"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("2024-02-10  Saturday   weekly rest day"),
        "{out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn holidays_2027_is_predicted_in_vietnamese() {
    let (out, code) = tthc(&["holidays", "2027", "--lang", "vi"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("Ngày nghỉ lễ, Tết năm 2027: dự kiến — chưa công bố"),
        "{out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn holidays_1998_has_working_saturdays() {
    let (out, code) = tthc(&["holidays", "1998"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Saturday is a working day until 1/10/1999"),
        "{out}"
    );
    // 2/9/1998 was a Wednesday; Tết 1998 (mùng 1 Wed 28/1) had no weekend day.
    assert!(!out.contains("  substitute  "), "{out}");
    assert!(out.contains("1998-04-30 – 1998-05-01 (2 days)"), "{out}");
}

#[test]
fn both_languages_say_the_same() {
    for year in [1998, 2011, 2014, 2019, 2024, 2026, 2027, 2029] {
        let y = year.to_string();
        let (vi, _) = tthc(&["holidays", &y, "--lang", "vi"]);
        let (en, _) = tthc(&["holidays", &y, "--lang", "en"]);
        assert_eq!(vi.lines().count(), en.lines().count(), "{year}\n{vi}\n{en}");
        // The same dates in the same order.
        let dates = |s: &str| -> Vec<String> {
            s.lines()
                .filter(|l| l.starts_with(&y))
                .map(|l| l[..10].to_string())
                .collect()
        };
        assert_eq!(dates(&vi), dates(&en), "{year}");
    }
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
fn due_with_a_saturday_morning_reception() {
    // Submitted Saturday 7/3/2026 09:00 to an authority receiving on Saturday
    // mornings: received at once, Monday is day 1.
    let (out, code) = tthc(&[
        "due",
        "--from",
        "2026-03-07T09:00",
        "--days",
        "1",
        "--reception",
        "saturday-morning",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
    // Without Saturday reception: received Monday 08:00, due Tuesday.
    let (out, _) = tthc(&[
        "due",
        "--from",
        "2026-03-07T09:00",
        "--days",
        "1",
        "--reception",
        "office-hours",
    ]);
    assert!(out.starts_with("2026-03-10T17:00 (Tuesday)"), "{out}");
    let (out, _) = tthc(&[
        "due",
        "--from",
        "2026-03-07T09:00",
        "--days",
        "1",
        "--reception",
        "sáng thứ 7",
        "--lang",
        "vi",
    ]);
    assert!(out.starts_with("2026-03-09T17:00 (Thứ Hai)"), "{out}");
    assert!(out.contains("sáng Thứ Bảy"), "{out}");
}

#[test]
fn lunar_date() {
    let (out, code) = tthc(&["lunar", "2026-02-17"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
#[cfg(target_os = "linux")]
fn a_full_stdout_is_an_error_not_a_panic() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("Linux has /dev/full");
    for args in [
        &["holidays", "2026"][..],
        &["due", "--from", "2026-02-13T16:00", "--days", "7", "-v"][..],
        &["lunar", "2026-02-17"][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
            .args(args)
            .env("TTHC_LANG", "en")
            .stdout(Stdio::from(full.try_clone().unwrap()))
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("error writing the output"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
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
    // A located error, in both languages, naming the user's file.
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, "format: tthc-holidays/1\nyears:\n  2027:\n    swaps:\n      - { day_off: 2027-05-08, source: test }\n").unwrap();
    let path = bad.to_str().unwrap();
    let (out, code) = tthc(&["holidays", "2027", "--holidays", path]);
    assert_eq!(code, 2);
    assert!(out.contains(&format!("{path}:5:")), "{out}");
    assert!(
        out.contains("day_off 2027-05-08 is a weekly rest day"),
        "{out}"
    );
    let (out, _) = tthc(&["holidays", "2027", "--holidays", path, "--lang", "vi"]);
    assert!(out.contains("là ngày nghỉ hằng tuần"), "{out}");
    let (out, code) = tthc(&["due", "--from", "2026-02-30T16:00", "--days", "7"]);
    assert_eq!(code, 2);
    assert!(out.contains("invalid"), "{out}");
    let (out, code) = tthc(&[
        "due",
        "--from",
        "2026-02-20T16:00",
        "--days",
        "7",
        "--reception",
        "tuesday-evening",
    ]);
    assert_eq!(code, 2);
    assert!(
        out.contains("unknown reception half-day 'tuesday-evening'"),
        "{out}"
    );
    let (_, code) = tthc(&["lunar", "1800-01-01"]);
    assert_eq!(code, 2);
    let (out, _) = tthc(&["lunar", "1800-01-01", "--lang", "vi"]);
    assert!(out.contains("ngoài phạm vi"), "{out}");
}
