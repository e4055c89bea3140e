//! Errors of the operating system and of the files around a procedure
//! (configuration, holiday data, output paths) told in Vietnamese under
//! `--lang vi` — never the system's English sentence — and located where a
//! file has lines.

use std::process::Command;

/// Runs `tthc … --lang LANG` in the crate's folder: exit code, stdout and stderr.
fn run(args: &[&str], lang: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .args(["--lang", lang])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("TTHC_LANG")
        .output()
        .expect("run tthc");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// The system's and tthc's English texts for these errors.
const ENGLISH: &[&str] = &[
    "No such file",
    "os error",
    "not a regular file",
    "Is a directory",
    "cannot",
    "error:",
    "a folder, not a file",
    "unknown key",
    "invalid holiday data",
];

const KHAI_SINH: &str = "procedures/ho-tich/dang-ky-khai-sinh.yaml";

#[test]
fn system_errors_are_vietnamese_and_say_what_is_wrong() {
    let out_dir = std::env::temp_dir().join(format!("tthc-io-vi-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let dir = out_dir.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["check", "tests/fixtures/does-not-exist.yaml"],
            "không có tệp hoặc thư mục này (mã lỗi hệ thống 2)",
        ),
        (
            &["check", "/dev/zero"],
            "không phải một tệp thường (là ống dẫn, socket hoặc thiết bị)",
        ),
        (
            &["report", KHAI_SINH, "-o", dir],
            "không phải một tệp thường (là thư mục, ống dẫn hoặc thiết bị): hãy ghi một tên tệp",
        ),
        (
            &[
                "audit",
                "procedures/ho-tich",
                "--out",
                KHAI_SINH,
                "--fail-on",
                "never",
            ],
            "đây là một tệp đầu vào: hãy ghi kết quả ra chỗ khác",
        ),
        (
            &["holidays", "2026", "--holidays", "/dev/zero"],
            "không phải một tệp thường",
        ),
        (
            &["holidays", "2026", "--holidays", "tests/fixtures/none.yaml"],
            "không có tệp hoặc thư mục này",
        ),
    ];
    let mut problems = Vec::new();
    for (args, expected) in cases {
        let (code, out) = run(args, "vi");
        if code != 2 {
            problems.push(format!("{args:?}: exit {code}, expected 2\n{out}"));
        }
        if !out.contains(expected) {
            problems.push(format!("{args:?}: no '{expected}' in\n{out}"));
        }
        for en in ENGLISH {
            if out.contains(en) {
                problems.push(format!("{args:?}: English '{en}' in\n{out}"));
            }
        }
        // The English run says the same in English.
        let (en_code, en_out) = run(args, "en");
        if en_code != 2 || !en_out.contains("error") {
            problems.push(format!("{args:?} --lang en: exit {en_code}\n{en_out}"));
        }
    }
    std::fs::remove_dir_all(&out_dir).ok();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// A mistake in the holiday data that the folder's `tthc.yaml` names is
/// shown at its line and column in that file, with the line, in both
/// languages (was: the whole message in English after "dữ liệu ngày nghỉ
/// không hợp lệ:", located on no line).
#[test]
fn holiday_data_named_by_the_configuration_is_located() {
    let file = "tests/fixtures/config/bad-holidays/khai-sinh.yaml";
    let (code, vi) = run(&["check", file], "vi");
    assert_eq!(code, 2, "{vi}");
    assert!(
        vi.contains("dữ liệu ngày nghỉ không hợp lệ: khóa `bad` không có trong định dạng"),
        "{vi}"
    );
    assert!(vi.contains("bad-holidays/holidays.yaml:4:5"), "{vi}");
    assert!(vi.contains("4 |     bad: 1"), "{vi}");
    for en in ENGLISH {
        assert!(!vi.contains(en), "'{en}' in {vi}");
    }
    let (_, en) = run(&["check", file], "en");
    assert!(
        en.contains("invalid holiday data: unknown key `bad`"),
        "{en}"
    );
    assert!(en.contains("bad-holidays/holidays.yaml:4:5"), "{en}");
}

/// `--holidays FILE` (`tthc holidays`, `tthc due`) reports a mistake in the
/// data at its line with the snippet, like the same file named by a
/// `tthc.yaml` (was: one unlocated line), and a key quoting control bytes
/// never reaches the terminal as those bytes.
#[test]
fn holiday_data_given_on_the_command_line_is_located_and_terminal_safe() {
    let data = "tests/fixtures/config/bad-holidays/holidays.yaml";
    for args in [
        &["holidays", "2026", "--holidays", data][..],
        &[
            "due",
            "--from",
            "2026-04-29T10:00",
            "--days",
            "3",
            "--holidays",
            data,
        ][..],
    ] {
        let (code, vi) = run(args, "vi");
        assert_eq!(code, 2, "{args:?}: {vi}");
        assert!(
            vi.contains("bad-holidays/holidays.yaml:4:5"),
            "{args:?}: {vi}"
        );
        assert!(vi.contains("4 |     bad: 1"), "{args:?}: {vi}");
        assert!(
            vi.contains("dữ liệu ngày nghỉ không hợp lệ"),
            "{args:?}: {vi}"
        );
    }
    let dir = std::env::temp_dir().join(format!("tthc-io-esc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("holidays.yaml");
    // YAML's `\e` and `\a` escapes: the key holds ESC and BEL.
    std::fs::write(&file, "years:\n  2026:\n    \"\\e[31mbad\\a\": 1\n").unwrap();
    let (code, out) = run(
        &["holidays", "2026", "--holidays", file.to_str().unwrap()],
        "en",
    );
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("invalid holiday data: unknown key"), "{out}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
}
