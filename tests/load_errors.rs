//! Bad input: every fixture is rejected with the specific error at the
//! specific line, and nothing panics, hangs or grows without bound.

use std::path::Path;
use tthc::{CheckedProcedure, LoadErrors, LoadOptions, load_file};

fn load_fixture(name: &str) -> LoadErrors {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name);
    match load_file(&path, &LoadOptions::default()) {
        Ok(_) => panic!("{name} loaded, but it is bad input"),
        Err(e) => e,
    }
}

/// (fixture, error code, line, element path or "")
const CASES: &[(&str, &str, u32, &str)] = &[
    ("malformed-indent.yaml", "yaml-syntax", 6, ""),
    ("unclosed-flow.yaml", "yaml-syntax", 3, ""),
    ("tab-indent.yaml", "yaml-syntax", 4, ""),
    ("duplicate-top-key.yaml", "duplicate-key", 3, ""),
    ("duplicate-step-id.yaml", "duplicate-key", 12, ""),
    ("unknown-top-key.yaml", "unknown-key", 3, "deadlines"),
    (
        "unknown-step-key.yaml",
        "unknown-key",
        7,
        "steps.nop.duraton",
    ),
    (
        "unknown-document-key.yaml",
        "unknown-key",
        6,
        "documents.don.copy",
    ),
    ("missing-format.yaml", "missing-key", 1, ""),
    ("missing-name.yaml", "missing-key", 1, ""),
    ("missing-steps.yaml", "missing-key", 1, ""),
    ("unsupported-format.yaml", "unsupported-format", 1, "format"),
    ("steps-is-list.yaml", "wrong-type", 4, "steps"),
    ("name-is-list.yaml", "wrong-type", 3, "name"),
    ("step-missing-actor.yaml", "missing-key", 4, "steps.nop"),
    ("bad-level.yaml", "bad-value", 3, "level"),
    ("bad-channel.yaml", "bad-value", 3, "channels[1]"),
    ("bad-form.yaml", "bad-value", 6, "documents.ban-sao.form"),
    (
        "unknown-next-step.yaml",
        "unknown-step",
        7,
        "steps.nop.next[0]",
    ),
    (
        "unknown-choice-step.yaml",
        "unknown-step",
        12,
        "steps.xu-ly.choice[1]",
    ),
    (
        "unknown-rework-target.yaml",
        "unknown-step",
        12,
        "steps.xu-ly.rework.to",
    ),
    (
        "unknown-document.yaml",
        "unknown-document",
        10,
        "steps.nop.submits[1]",
    ),
    (
        "unknown-produced-document.yaml",
        "unknown-document",
        12,
        "steps.xu-ly.produces[0]",
    ),
    ("cycle-next.yaml", "cycle", 15, "steps.c.next[0]"),
    ("cycle-choice.yaml", "cycle", 11, "steps.b.choice[1]"),
    ("self-loop.yaml", "cycle", 7, "steps.a.next[0]"),
    ("negative-fee.yaml", "negative", 5, "fees[0].amount"),
    ("negative-fee-text.yaml", "negative", 5, "fees[0].amount"),
    (
        "negative-hours.yaml",
        "negative",
        7,
        "steps.nop.effort.hours",
    ),
    (
        "hours-not-a-number.yaml",
        "wrong-type",
        7,
        "steps.nop.effort.hours",
    ),
    (
        "probability-too-high.yaml",
        "probability",
        12,
        "steps.xu-ly.rework.probability",
    ),
    (
        "probability-negative.yaml",
        "probability",
        12,
        "steps.xu-ly.rework.probability",
    ),
    ("bad-duration-unit.yaml", "bad-duration", 3, "deadline"),
    ("duration-without-unit.yaml", "bad-duration", 3, "deadline"),
    ("bad-money.yaml", "bad-money", 5, "fees[0].amount"),
    ("decimal-money.yaml", "bad-money", 5, "fees[0].amount"),
    ("nan-hours.yaml", "non-finite", 7, ""),
    ("infinite-cost.yaml", "non-finite", 7, ""),
    ("bad-step-id.yaml", "bad-id", 4, "steps.nộp hồ sơ"),
    ("top-level-list.yaml", "wrong-type", 1, ""),
    ("volume-conflict.yaml", "invalid", 3, "volume"),
    ("fees-not-list.yaml", "wrong-type", 3, "fees"),
    ("copies-too-many.yaml", "too-big", 6, "documents.don.copies"),
    ("multiple-documents.yaml", "invalid", 12, ""), // the `---`
    ("not-utf8.yaml", "not-utf8", 2, ""),
    ("case-shares-over.yaml", "invalid", 4, "cases"),
    ("unknown-case.yaml", "invalid", 6, "fees[0].case"),
    (
        "joint-with-applicant.yaml",
        "invalid",
        5,
        "steps.xet.actor[1]",
    ),
];

#[test]
fn every_bad_fixture_gets_its_specific_located_error() {
    let mut failures = Vec::new();
    for &(file, code, line, element) in CASES {
        let errors = load_fixture(file);
        let found = errors.errors.iter().any(|e| {
            e.code() == code
                && e.location.map(|l| l.line) == Some(line)
                && e.element.as_deref().unwrap_or("") == element
        });
        if !found {
            failures.push(format!(
                "{file}: expected {code} at line {line} ({element}), got {errors:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_in_the_folder_is_covered() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.0.to_string()).collect();
    listed.extend(["empty.yaml".to_string(), "comments-only.yaml".to_string()]);
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn empty_inputs_say_the_file_is_empty() {
    for file in ["empty.yaml", "comments-only.yaml"] {
        let errors = load_fixture(file);
        assert_eq!(errors.errors[0].code(), "empty", "{file}");
    }
}

#[test]
fn unknown_keys_and_values_suggest_the_right_word() {
    use tthc::LoadErrorKind::*;
    let want = [
        ("unknown-top-key.yaml", "deadline"),
        ("unknown-step-key.yaml", "duration"),
        ("unknown-document-key.yaml", "copies"),
        ("bad-level.yaml", "province"),
        ("bad-channel.yaml", "online"),
        ("unknown-next-step.yaml", "xu-ly"),
        ("unknown-rework-target.yaml", "nop"),
    ];
    for (file, suggestion) in want {
        let errors = load_fixture(file);
        let got = errors.errors.iter().find_map(|e| match &e.kind {
            UnknownKey { suggestion, .. }
            | BadValue { suggestion, .. }
            | UnknownStep { suggestion, .. } => suggestion.clone(),
            _ => None,
        });
        assert_eq!(got.as_deref(), Some(suggestion), "{file}");
    }
}

#[test]
fn held_in_is_a_name_or_a_map_with_its_basis() {
    let file = |held: &str| {
        format!(
            "format: tthc/1\nname: X\ndocuments:\n  cccd:\n    name: Căn cước\n    held_in: {held}\nsteps:\n  nop: {{ name: Nộp, actor: applicant, submits: [cccd] }}\n"
        )
    };
    let p = CheckedProcedure::from_yaml_str(&file("Cơ sở dữ liệu quốc gia về dân cư"), "a.yaml")
        .expect("a name loads");
    let held = p.documents[0].held_in.as_ref().expect("held");
    assert_eq!(
        (held.database.as_str(), held.inferred),
        ("Cơ sở dữ liệu quốc gia về dân cư", false)
    );
    let p = CheckedProcedure::from_yaml_str(
        &file("{ database: CSDL dân cư, basis: Điều 4, inferred: true }"),
        "b.yaml",
    )
    .expect("a map loads");
    let held = p.documents[0].held_in.as_ref().expect("held");
    assert_eq!(
        (held.database.as_str(), held.basis.as_deref(), held.inferred),
        ("CSDL dân cư", Some("Điều 4"), true)
    );
    let p = CheckedProcedure::from_yaml_str(&file("null"), "n.yaml").expect("null loads");
    assert_eq!(p.documents[0].held_in, None);
    // A map without its database, and a misspelt key: located errors.
    let errors =
        CheckedProcedure::from_yaml_str(&file("{ basis: Điều 4, inferd: true }"), "c.yaml")
            .unwrap_err();
    let codes: Vec<(&str, u32)> = errors
        .errors
        .iter()
        .map(|e| (e.code(), e.location.map_or(0, |l| l.line)))
        .collect();
    assert_eq!(
        codes,
        [("missing-key", 6), ("unknown-key", 6)],
        "{:?}",
        errors.errors
    );
}

#[test]
fn cycle_lists_the_steps_on_it() {
    let errors = load_fixture("cycle-next.yaml");
    match &errors.errors[0].kind {
        tthc::LoadErrorKind::Cycle { steps } => assert_eq!(steps, &["c", "b", "c"]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn independent_errors_are_all_reported_in_one_pass() {
    let src = "format: tthc/1\nname: X\nlevel: provincal\ndeadlne: 3 days\nsteps:\n  a: { name: A, actor: applicant, next: [zz] }\n";
    let errors = CheckedProcedure::from_yaml_str(src, "x.yaml").unwrap_err();
    let codes: Vec<&str> = errors.errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["bad-value", "unknown-key", "unknown-step"]);
}

#[test]
fn alias_bomb_is_rejected_quickly() {
    let mut src = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..12 {
        let prev = (b'a' + (i - 1) as u8) as char;
        let cur = (b'a' + i as u8) as char;
        src.push_str(&format!("{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    let errors = CheckedProcedure::from_yaml_str(&src, "bomb.yaml").unwrap_err();
    assert_eq!(errors.errors[0].code(), "yaml-budget", "{errors:?}");
}

#[test]
fn ten_thousand_deep_nesting_is_rejected() {
    let src = format!(
        "format: tthc/1\nname: X\nsteps: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let errors = CheckedProcedure::from_yaml_str(&src, "deep.yaml").unwrap_err();
    let code = errors.errors[0].code();
    assert!(code == "yaml-budget" || code == "yaml-syntax", "{errors:?}");
    assert_eq!(errors.errors[0].location.map(|l| l.line), Some(3));

    let block = format!(
        "format: tthc/1\nname: X\nsteps:\n  a: {}x\n",
        "- ".repeat(10_000)
    );
    let errors = CheckedProcedure::from_yaml_str(&block, "deep-block.yaml").unwrap_err();
    assert!(
        matches!(errors.errors[0].code(), "yaml-budget" | "yaml-syntax"),
        "{errors:?}"
    );
}

#[test]
fn fifty_megabyte_file_is_refused_without_reading_it_all() {
    let dir = std::env::temp_dir().join(format!("tthc-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.yaml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let result = load_file(&path, &LoadOptions::default());
    std::fs::remove_dir_all(&dir).unwrap();
    let errors = result.unwrap_err();
    assert!(errors.text.is_none());
    assert_eq!(errors.errors[0].code(), "too-large");
    assert!(
        errors.errors[0].to_string().contains("52428800 bytes"),
        "{}",
        errors.errors[0]
    );
}

#[test]
fn size_limit_is_configurable() {
    let src = "format: tthc/1\nname: X\nsteps: {}\n";
    let small = LoadOptions {
        max_file_size: 10,
        ..LoadOptions::default()
    };
    assert_eq!(
        CheckedProcedure::from_yaml_str_with(src, "x.yaml", &small)
            .unwrap_err()
            .errors[0]
            .code(),
        "too-large"
    );
    assert!(CheckedProcedure::from_yaml_str(src, "x.yaml").is_ok());
}

#[test]
fn missing_file_is_an_io_error_naming_the_file() {
    let result = load_file(Path::new("/nonexistent/x.yaml"), &LoadOptions::default());
    let e = &result.unwrap_err().errors[0];
    assert_eq!(e.code(), "io");
    assert!(e.to_string().starts_with("/nonexistent/x.yaml: "), "{e}");
}

#[test]
fn messages_and_help_exist_in_both_languages() {
    for &(file, ..) in CASES {
        for e in load_fixture(file).errors {
            let (vi, en) = (e.message(tthc::Lang::Vi), e.message(tthc::Lang::En));
            assert!(!vi.is_empty() && !en.is_empty(), "{file}");
            if e.code() != "io" && e.code() != "invalid" {
                assert!(
                    e.help(tthc::Lang::Vi).is_some() && e.help(tthc::Lang::En).is_some(),
                    "{file}: {e}"
                );
            }
        }
    }
}

#[test]
fn a_flood_of_errors_is_capped_with_the_count_of_the_rest() {
    // 1,500 steps each pointing at a missing step: the first 1,000 errors
    // are kept, 500 counted; only the first 100 get a "did you mean".
    let mut src = String::from("format: tthc/1\nname: X\nsteps:\n");
    for i in 0..1_500 {
        src.push_str(&format!(
            "  s{i}: {{ name: B, actor: applicant, next: [t{i}] }}\n"
        ));
    }
    let errors = CheckedProcedure::from_yaml_str(&src, "flood.yaml").unwrap_err();
    assert_eq!((errors.errors.len(), errors.omitted), (1_000, 500));
    let suggested = errors
        .errors
        .iter()
        .filter(|e| {
            matches!(
                &e.kind,
                tthc::LoadErrorKind::UnknownStep {
                    suggestion: Some(_),
                    ..
                }
            )
        })
        .count();
    assert!(suggested <= 100, "{suggested}");
    assert!(suggested > 0, "the first references still get a suggestion");
    // The first error is the first in the file.
    assert_eq!(errors.errors[0].location.map(|l| l.line), Some(4));
    // The command says how many were not shown.
    let dir = std::env::temp_dir().join(format!("tthc-flood-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("flood.yaml");
    std::fs::write(&file, &src).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(["check", file.to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        out.contains("500 more errors not shown"),
        "{}",
        &out[out.len().saturating_sub(500)..]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Amounts and counts beyond what is computed exactly are refused where
/// they are written, saying the limit — never read as "a decimal number",
/// capped or dropped (issue 20).
#[test]
fn amounts_and_counts_beyond_the_range_are_located_errors_naming_the_limit() {
    let base = "format: tthc/1\nname: X\nvolume: { cases_per_year: CASES }\nfees:\n  - name: Lệ phí\n    amount: AMOUNT\nsteps:\n  a: { name: Nộp, actor: applicant }\n";
    let cases = [
        // (cases, amount, line, column, message part)
        (
            "10",
            "1.000.000.000.000.000.001 đồng",
            6,
            13,
            "at most 1,000,000,000,000,000,000",
        ),
        (
            "10",
            "340282366920938463463374607431768211456",
            6,
            13,
            "at most 1,000,000,000,000,000,000",
        ),
        ("10", "99999999999999999999", 6, 13, "is too large"),
        (
            "340282366920938463463374607431768211456",
            "0",
            3,
            27,
            "at most 1,000,000,000,000",
        ),
        ("18446744073709551616", "0", 3, 27, "is too large: at most"),
    ];
    for (count, amount, line, column, part) in cases {
        let src = base.replace("CASES", count).replace("AMOUNT", amount);
        let e = CheckedProcedure::from_yaml_str(&src, "x.yaml")
            .expect_err(&format!("{count} / {amount} loaded"));
        let first = &e.errors[0];
        assert_eq!(first.code(), "too-big", "{count} / {amount}: {first:?}");
        let loc = first.location.expect("located");
        assert_eq!((loc.line, loc.column), (line, column), "{count} / {amount}");
        let en = first.message(tthc::Lang::En);
        assert!(en.contains(part), "{en}");
        assert!(
            first.message(tthc::Lang::Vi).contains("tối đa"),
            "{count} / {amount}"
        );
    }
    // The largest amount itself loads.
    let src = base
        .replace("CASES", "10")
        .replace("AMOUNT", "1.000.000.000.000.000.000 đồng");
    assert!(CheckedProcedure::from_yaml_str(&src, "x.yaml").is_ok());
}

/// An alias of a mapping that holds a decimal reads the anchor's value
/// (it was refused as "found a decimal number": the alias's own text, `*e`,
/// was read as the number).
#[test]
fn an_alias_of_a_mapping_with_a_decimal_reads_the_anchored_value() {
    let src = "format: tthc/1\nname: X\nlearning: &e { hours: 0.5 }\nsteps:\n  a: { name: Nộp, actor: applicant, effort: *e }\n";
    let p = CheckedProcedure::from_yaml_str(src, "x.yaml").expect("loads");
    let step = &p.procedure().steps[0];
    assert_eq!(step.effort.milli_hours, 500);
}

/// A file with more tab-indented lines than the error cap lists the first
/// 1,000 and counts the rest (every line was an error of its own, without
/// bound: a 16 MiB file of tabs was millions of errors).
#[test]
fn syntax_mistakes_of_one_kind_are_capped_and_counted() {
    let mut src = String::from("format: tthc/1\nname: X\nsteps:\n");
    for i in 0..1_500 {
        src.push_str(&format!("\ts{i}: {{ name: B, actor: applicant }}\n"));
    }
    let e = CheckedProcedure::from_yaml_str(&src, "x.yaml").expect_err("tabs");
    assert_eq!(e.errors.len(), 1_000);
    assert_eq!(e.omitted, 500);
    assert!(e.errors.iter().all(|x| x.code() == "yaml-syntax"));
}

/// A quoted value over two lines that closes is no mistake: a later error
/// is reported where it is, not as an unclosed quote on the valid line.
#[test]
fn a_closed_multi_line_quote_is_not_blamed_for_a_later_error() {
    let src = "format: tthc/1\nname: \"Cấp\n  giấy phép\"\nsteps:\n  a: { name: B, actor: applicant }\n   b: x\n";
    let e = CheckedProcedure::from_yaml_str(src, "x.yaml").expect_err("dedent");
    let first = &e.errors[0];
    let line = first.location.expect("located").line;
    assert_ne!(line, 2, "{}", first.message(tthc::Lang::En));
    assert!(
        !first.message(tthc::Lang::En).contains("quote"),
        "{}",
        first.message(tthc::Lang::En)
    );
}

/// A file with old-Mac line ends (a lone `\r`) is located line by line as
/// YAML counts its lines, not everything on line 1.
#[test]
fn lone_carriage_returns_end_lines_in_syntax_errors() {
    let src = "format: tthc/1\rname: X\rsteps:\r\ta: { name: B, actor: applicant }\r";
    let e = CheckedProcedure::from_yaml_str(src, "x.yaml").expect_err("tab");
    let loc = e.errors[0].location.expect("located");
    assert_eq!(
        (loc.line, loc.column),
        (4, 1),
        "{}",
        e.errors[0].message(tthc::Lang::En)
    );
    // The same with \r\n and \n.
    for end in ["\r\n", "\n"] {
        let e =
            CheckedProcedure::from_yaml_str(&src.replace('\r', end), "x.yaml").expect_err("tab");
        assert_eq!(e.errors[0].location.map(|l| l.line), Some(4));
    }
}

/// A key written without `:` on a very long line is quoted shortened in
/// the message and its help (the whole line was copied into both).
#[test]
fn a_long_line_is_shortened_in_the_message() {
    let long = "tên thủ tục ".repeat(2_000);
    let src =
        format!("format: tthc/1\nname: X\n{long}\nsteps:\n  a: {{ name: B, actor: applicant }}\n");
    let e = CheckedProcedure::from_yaml_str(&src, "x.yaml").expect_err("no colon");
    let first = &e.errors[0];
    assert_eq!(
        first.location.map(|l| l.line),
        Some(3),
        "{}",
        first.message(tthc::Lang::En)
    );
    for lang in [tthc::Lang::Vi, tthc::Lang::En] {
        let shown = first.message(lang) + &first.help(lang).unwrap_or_default();
        assert!(
            shown.chars().count() < 600,
            "{} characters",
            shown.chars().count()
        );
    }
}
