//! `--help`, `tthc help CMD` and clap's errors in Vietnamese (the default,
//! `--lang vi` anywhere on the command line, `TTHC_LANG=vi`), English with
//! `--lang en`.

use std::process::Command;

/// Runs `tthc` with `TTHC_LANG` set to `env` (or unset): status, stdout, stderr.
fn run(args: &[&str], env: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tthc"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("TTHC_LANG");
    if let Some(l) = env {
        cmd.env("TTHC_LANG", l);
    }
    let out = cmd.output().expect("run tthc");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const COMMANDS: &[&str] = &[
    "check", "rules", "explain", "test", "due", "holidays", "lunar", "metrics", "why", "compare",
    "report", "graph", "audit", "import", "lsp", "schema", "help",
];

/// English words clap writes that must not be left in Vietnamese help.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "default:",
    "possible values",
    "Print help",
    "Print version",
    "[OPTIONS]",
    "<COMMAND>",
    "<FILE>",
];

#[test]
fn root_help_in_vietnamese() {
    let (code, out, _) = run(&["--help"], None);
    assert_eq!(code, 0);
    for en in ENGLISH {
        assert!(!out.contains(en), "'{en}' in:\n{out}");
    }
    insta::assert_snapshot!("help_tthc", out);
}

#[test]
fn every_command_s_help_in_vietnamese() {
    for name in COMMANDS {
        let (code, out, err) = run(&[name, "--help", "--lang", "vi"], Some("en"));
        assert_eq!(code, 0, "{name}: {err}");
        for en in ENGLISH {
            assert!(!out.contains(en), "{name}: '{en}' in:\n{out}");
        }
        assert!(out.contains("Cách dùng: tthc "), "{name}:\n{out}");
        insta::assert_snapshot!(format!("help_{name}"), out);
    }
}

#[test]
fn help_command_and_flag_agree() {
    for name in ["check", "audit", "due"] {
        let (_, flag, _) = run(&[name, "--help"], None);
        let (code, sub, _) = run(&["help", name], None);
        assert_eq!(code, 0);
        assert_eq!(flag, sub, "{name}");
    }
    let (code, _, err) = run(&["help", "nope"], None);
    assert_eq!(code, 2);
    assert!(err.contains("lỗi: không có lệnh 'nope'"), "{err}");
}

#[test]
fn short_help_is_vietnamese_too() {
    let (code, out, _) = run(&["audit", "-h"], None);
    assert_eq!(code, 0);
    assert!(out.contains("Tùy chọn:"), "{out}");
    assert!(out.contains("[mặc định: table]"), "{out}");
    assert!(!out.contains("default"), "{out}");
}

#[test]
fn english_with_lang_en_or_environment() {
    let (_, out, _) = run(&["check", "--help", "--lang", "en"], None);
    assert!(
        out.contains("Usage: tthc check [OPTIONS] <PATHS>..."),
        "{out}"
    );
    assert!(out.contains("Load procedure files"), "{out}");
    let (_, out, _) = run(&["--lang", "en", "--help"], None);
    assert!(out.contains("Commands:"), "{out}");
    let (_, out, _) = run(&["metrics", "--help"], Some("en"));
    assert!(out.contains("Options:"), "{out}");
    // The flag beats the environment, wherever it is.
    let (_, out, _) = run(&["--lang", "vi", "metrics", "--help"], Some("en"));
    assert!(out.contains("Tùy chọn:"), "{out}");
}

#[test]
fn tthc_yaml_chooses_the_language_of_help() {
    let dir = std::env::temp_dir().join(format!("tthc-help-vi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("tthc.yaml"), "lang: en\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(["rules", "--help"])
        .current_dir(&dir)
        .env_remove("TTHC_LANG")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Usage: tthc rules"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn clap_errors_in_vietnamese_and_english() {
    let (code, _, err) = run(&["check", "x.yaml", "--formt", "json"], None);
    assert_eq!(code, 2);
    insta::assert_snapshot!("error_unknown_argument_vi", err);
    let (code, _, err) = run(&["audit", "procedures", "--format", "xml"], None);
    assert_eq!(code, 2);
    insta::assert_snapshot!("error_invalid_value_vi", err);
    let (code, _, err) = run(&["due", "--days", "3"], None);
    assert_eq!(code, 2);
    insta::assert_snapshot!("error_missing_vi", err);
    let (_, _, err) = run(&["audit", "procedures", "--jobs", "many"], None);
    assert!(err.contains("'many' không phải là một số luồng"), "{err}");
    let (_, _, err) = run(&["compare", "a.yaml", "b.yaml", "--target", "nq66"], None);
    // Read before the files, in the settings' language.
    assert!(
        err.contains("lỗi: không có mục tiêu «nq66»: dùng nq68-2020"),
        "{err}"
    );
    assert!(!err.contains("unknown target"), "{err}");
    for (args, vi) in [
        (
            &["check", "x.yaml", "--formt", "json"][..],
            "không có tham số",
        ),
        (&["chek"][..], "không có lệnh 'chek'"),
    ] {
        let (_, _, err) = run(args, None);
        assert!(err.contains(vi), "{err}");
        assert!(!err.contains("error:") && !err.contains("Usage"), "{err}");
        let mut en = args.to_vec();
        en.extend(["--lang", "en"]);
        let (_, _, err) = run(&en, None);
        assert!(err.contains("error: "), "{err}");
        assert!(err.contains("Usage: "), "{err}");
    }
}
