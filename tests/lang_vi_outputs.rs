//! Every command's output under `--lang vi`: no English word a person reads
//! is left (file texts, ids and paths aside), and a snapshot of each.

use std::process::Command;

/// Runs `tthc … --lang vi` in the crate's folder: stdout and stderr.
fn vi(args: &[&str]) -> String {
    with_lang(args, "vi")
}

/// Runs `tthc … --lang LANG` in the crate's folder: stdout and stderr.
fn with_lang(args: &[&str], lang: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .args(["--lang", lang])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .env_remove("TTHC_LANG")
        .output()
        .expect("run tthc");
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// English words and phrases that only an untranslated text would hold
/// (none is part of a rule name, an id or a path of these inputs).
const ENGLISH: &[&str] = &[
    "error:",
    " error ",
    "warning",
    "passed",
    "failed",
    "unknown",
    "(undeclared)",
    "not declared",
    "central",
    "provincial",
    "is not allowed",
    "cannot",
    "per case",
    "per year",
    " hours",
    "working days",
    " wd",
    "Totals",
    "Time",
    "Usage",
    "reduction",
    "baseline",
    "target",
    "missing:",
    "found:",
    "expected",
    "measured",
    "could not run",
    "invalid test file",
    "not measurable",
    "missed",
    " required,",
    " achieved",
    "suppressed at",
    "(test file)",
    "review tests",
    "the first",
    "No such file",
];

/// `out` with the rule names (`TT005 undeclared-effort`) and the quoted
/// file texts (`` `learning: { hours: 0.5 }` ``) taken out: ids and YAML,
/// not sentences. The default cost basis's source notes are checked like
/// any text (each has its Vietnamese version).
fn without_ids(out: &str) -> String {
    let unquoted: String = out.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    unquoted
        .split_whitespace()
        .filter(|w| !(w.contains('-') && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')))
        .collect::<Vec<_>>()
        .join(" ")
}

fn english_in(name: &str, out: &str, problems: &mut Vec<String>) {
    let text = without_ids(out);
    for en in ENGLISH {
        if let Some(at) = text.find(en) {
            let from = text[..at]
                .char_indices()
                .rev()
                .nth(60)
                .map_or(0, |(i, _)| i);
            let to = text[at..]
                .char_indices()
                .nth(60)
                .map_or(text.len(), |(i, _)| at + i);
            problems.push(format!("{name}: '{en}' in …{}…", &text[from..to]));
        }
    }
}

const BAO_IN: &str = "procedures/bao-chi/cap-giay-phep-hoat-dong-bao-in.yaml";
const BAO_IN_DRAFT: &str = "procedures/bao-chi/cap-giay-phep-hoat-dong-bao-in.draft.yaml";
const KHAI_SINH: &str = "procedures/ho-tich/dang-ky-khai-sinh.yaml";

#[test]
fn every_command_speaks_vietnamese() {
    let cases: &[(&str, &[&str])] = &[
        ("check", &["check", KHAI_SINH]),
        ("check_bad", &["check", "tests/fixtures/bad/bad-level.yaml"]),
        ("metrics", &["metrics", BAO_IN]),
        (
            "compare",
            &["compare", BAO_IN, BAO_IN_DRAFT, "--target", "nq66-2025"],
        ),
        (
            "report_md",
            &[
                "report",
                BAO_IN_DRAFT,
                "--baseline",
                BAO_IN,
                "--format",
                "md",
            ],
        ),
        (
            "audit",
            &["audit", "procedures/bao-chi", "--fail-on", "never"],
        ),
        (
            "audit_baseline",
            &[
                "audit",
                "procedures/bao-chi",
                "--baseline",
                "procedures/bao-chi",
                "--prefer-drafts",
                "--fail-on",
                "never",
            ],
        ),
        (
            "audit_bad",
            &["audit", "tests/fixtures/bad", "--fail-on", "never"],
        ),
        ("test", &["test", "tests/review/costs.yaml"]),
        ("why", &["why", BAO_IN_DRAFT, "--baseline", BAO_IN]),
        ("why_khai_sinh", &["why", KHAI_SINH]),
        (
            "due",
            &["due", "--from", "2026-04-29T10:00", "--days", "3", "-v"],
        ),
        ("holidays", &["holidays", "2026"]),
        ("rules", &["rules"]),
        ("explain", &["explain", "TT304"]),
    ];
    let mut problems = Vec::new();
    for (name, args) in cases {
        let out = vi(args);
        // Load errors are the loader's texts; review-test names are the
        // file's own.
        if !["audit_bad", "check_bad", "test"].contains(name) {
            english_in(name, &out, &mut problems);
        }
        insta::assert_snapshot!(format!("vi_{name}"), out);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn test_summary_is_in_vietnamese() {
    let out = vi(&["test", "tests/review/costs.yaml"]);
    assert!(out.contains(" đạt, 0 không đạt"), "{out}");
}

#[test]
fn audit_error_rows_are_in_vietnamese() {
    let out = vi(&["audit", "tests/fixtures/bad", "--fail-on", "never"]);
    assert!(
        out.contains("lỗi: tests/fixtures/bad/bad-level.yaml:3:8: "),
        "{out}"
    );
    assert!(!out.contains("is not allowed here"), "{out}");
    assert!(!out.contains("(at level)"), "{out}");
}

#[test]
fn an_undeclared_authority_is_a_label_not_a_name() {
    let dir = std::env::temp_dir().join(format!("tthc-undeclared-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(KHAI_SINH)).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("authority:") && !l.starts_with("sector:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("p.yaml"), without).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_tthc"))
            .args(args)
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .env_remove("TTHC_LANG")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let table = run(&["audit", ".", "--fail-on", "never"]);
    assert!(table.contains("(chưa khai báo)"), "{table}");
    assert!(!table.contains("undeclared"), "{table}");
    let en = run(&["audit", ".", "--fail-on", "never", "--lang", "en"]);
    assert!(en.contains("(not declared)"), "{en}");
    let json = run(&["audit", ".", "--fail-on", "never", "--format", "json"]);
    assert!(
        !json.contains("undeclared") && !json.contains("chưa khai báo"),
        "{json}"
    );
    assert!(json.contains("\"authority_not_declared\""), "{json}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn vietnamese_numbers_in_compare_and_due() {
    let out = vi(&["compare", BAO_IN, BAO_IN_DRAFT, "--target", "nq66-2025"]);
    assert!(out.contains("(cắt giảm 37,34%)"), "{out}");
    assert!(out.contains("cần giảm 30,00%, đạt 37,34%"), "{out}");
    assert!(out.contains("−100,00%"), "{out}");
    assert!(!out.contains("37.34%"), "{out}");
    // A wrong target is told in Vietnamese too (clap read it in English).
    let bad = vi(&["compare", BAO_IN, BAO_IN_DRAFT, "--target", "nq99"]);
    assert!(
        bad.contains("lỗi: không có mục tiêu «nq99»: dùng nq68-2020"),
        "{bad}"
    );
    assert!(!bad.contains("unknown target"), "{bad}");
    // `--unsafe-fixes` alone is refused, not ignored.
    let alone = vi(&["check", BAO_IN, "--unsafe-fixes"]);
    assert!(
        alone.contains("`--unsafe-fixes` chỉ dùng cùng `--fix` hoặc `--diff`"),
        "{alone}"
    );
    // A decimal comma on the command line.
    let comma = vi(&["due", "--from", "2026-04-29T10:00", "--days", "10,5"]);
    let point = vi(&["due", "--from", "2026-04-29T10:00", "--days", "10.5"]);
    assert_eq!(comma, point);
    assert!(comma.starts_with("2026-05-18T12:00"), "{comma}");
}

#[test]
fn unknown_figures_and_same_day_in_the_audit_table() {
    let out = vi(&["audit", "procedures/ho-tich", "--fail-on", "never"]);
    assert!(out.contains("Thời gian (đường găng)"), "{out}");
    assert!(out.contains("trong ngày"), "{out}");
    assert!(
        !out.contains(" nlv ") && !out.contains("0 ngày làm việc"),
        "{out}"
    );
    assert!(
        out.contains("Chi phí tuân thủ mỗi năm: chưa khai báo ·"),
        "{out}"
    );
    assert!(!out.contains("mỗi năm: 0 đ"), "{out}");
    let row = out
        .lines()
        .find(|l| l.starts_with("dang-ky-khai-sinh.yaml"))
        .unwrap_or_default();
    assert!(row.contains("chưa khai báo") && !row.contains('—'), "{row}");
    let en = with_lang(&["audit", "procedures/ho-tich", "--fail-on", "never"], "en");
    assert!(
        en.contains("Time (critical path)") && en.contains("same day"),
        "{en}"
    );
    assert!(
        en.contains("Annual compliance cost: not declared ·"),
        "{en}"
    );
}

#[test]
fn review_test_failures_speak_vietnamese_in_the_text_and_the_junit() {
    let junit = std::env::temp_dir().join(format!("tthc-vi-junit-{}.xml", std::process::id()));
    let junit_arg = junit.display().to_string();
    let out = vi(&[
        "test",
        "tests/fixtures/review/failing.yaml",
        "tests/fixtures/review/suppressed.yaml",
        "tests/fixtures/review/bad-target.yaml",
        "tests/fixtures/review/bad.yaml",
        "--junit",
        &junit_arg,
    ]);
    let xml = std::fs::read_to_string(&junit).expect("the JUnit file is written");
    std::fs::remove_file(&junit).ok();
    // The test files' own texts (their names, case names and keys), the
    // error codes (`unknown-key`) and the JUnit suite's ids.
    let own = |text: &str| {
        let mut text = text.to_string();
        for name in [
            "A1 draft meets nq66-2025",
            "B1 requests nothing a state database holds",
            "a procedure that does not exist",
            "the certified copy is suppressed with its reason",
            "a suppressed finding is not present",
            "compliance_cost.reduction_percent",
            "bad-target",
            "unknown-key",
            // Ids a CI keys its test history by: the same in every language.
            "tthc review tests",
            "(test file)",
        ] {
            text = text.replace(name, "");
        }
        text.replace("  target\n", "\n")
            .replace(" target: ", " ")
            .replace(".target", "")
    };
    let mut problems = Vec::new();
    english_in("test_failing", &own(&out), &mut problems);
    english_in("test_failing_junit", &own(&xml), &mut problems);
    assert!(problems.is_empty(), "{}\n{out}\n{xml}", problems.join("\n"));
    assert!(
        out.contains("đo được : thiếu: TT304 (TT304 bị tắt tại"),
        "{out}"
    );
    assert!(xml.contains("kỳ vọng &gt;= 30, đo được 21,68"), "{xml}");
}

const NUMBERS_BASE: &str = "tests/fixtures/numbers/baseline.yaml";
const NUMBERS_DRAFT: &str = "tests/fixtures/numbers/draft.yaml";

/// A percentage or a decimal written the English way: a digit, `.`, one or
/// two digits and `%` (`57.01%`), or a digit, `.`, digits and a unit word
/// (`10.5 ngày`, `2.625 giờ`). Vietnamese thousands (`12.500 hồ sơ`) have
/// three digits after the point and no unit of time, so are not matched.
fn english_decimals(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if *c != '.' || i == 0 || !chars[i - 1].is_ascii_digit() {
            continue;
        }
        let digits = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let after: String = chars[i + 1 + digits..].iter().take(6).collect();
        let percent = (1..=2).contains(&digits) && after.starts_with('%');
        let hour =
            after.starts_with(" h") && !after.chars().nth(2).is_some_and(char::is_alphabetic);
        let unit = digits > 0
            && (hour
                || [" giờ", " ngày", " working", " days"]
                    .iter()
                    .any(|u| after.starts_with(u)));
        if percent || unit {
            let from = i.saturating_sub(20);
            found.push(
                chars[from..(i + 1 + digits + 6).min(chars.len())]
                    .iter()
                    .collect(),
            );
        }
    }
    found
}

#[test]
fn every_renderer_writes_vietnamese_numbers() {
    let html = vi(&["report", NUMBERS_DRAFT, "--baseline", NUMBERS_BASE]);
    let md = vi(&[
        "report",
        NUMBERS_DRAFT,
        "--baseline",
        NUMBERS_BASE,
        "--format",
        "md",
    ]);
    let single = vi(&["report", NUMBERS_BASE]);
    let svg = vi(&["graph", NUMBERS_BASE]);
    // The before/after chart is the SVG inside the HTML report.
    let chart = html
        .split("<svg")
        .find(|s| s.contains("tthc-chart"))
        .and_then(|s| s.split("</svg>").next())
        .unwrap_or_default()
        .to_string();
    let reports: [(&str, &str); 3] = [("html", &html), ("md", &md), ("html_single", &single)];
    for (name, out) in reports {
        // Money: thousands with `.`, and the đồng sign.
        for money in ["1.547.708 đ", "19.346.346.094 đ", "1.024.000 đ", "12.500"] {
            assert!(out.contains(money), "{name}: no {money}");
        }
    }
    for (name, out) in [("html", &html), ("md", &md)] {
        for vi_form in [
            "892.367 đ",
            "11.154.589.844 đ",
            "440.250 đ",
            "−42,34%",
            "−54,55%",
            "1,125 giờ",
            "5,5 ngày làm việc",
            "12,5%",
        ] {
            assert!(out.contains(vi_form), "{name}: no {vi_form}");
        }
    }
    assert!(
        single.contains("2,625 giờ") || single.contains(">2,625<"),
        "{single}"
    );
    for vi_form in ["−42,34%", "1.547.708 đ", "892.367 đ", "11 ngày làm việc"] {
        assert!(chart.contains(vi_form), "chart: no {vi_form} in {chart}");
    }
    for vi_form in [
        "10,5 ngày làm việc",
        "0,5 ngày làm việc",
        "1,5 giờ",
        "bổ sung 12,5%",
    ] {
        assert!(svg.contains(vi_form), "graph: no {vi_form}");
    }
    for (name, out) in [
        ("html", &html),
        ("md", &md),
        ("html_single", &single),
        ("svg", &svg),
        ("chart", &chart),
    ] {
        assert_eq!(english_decimals(out), Vec::<String>::new(), "{name}");
        for en in ["VND", "1,547,708", "42.34", "54.55", "not declared"] {
            assert!(!out.contains(en), "{name}: '{en}'");
        }
    }
    // The check itself finds the English forms.
    assert_eq!(
        english_decimals("giảm 57.01% trong 10.5 ngày, 2.5 h, 12.500 hồ sơ").len(),
        3
    );
}

/// The headline section of a Markdown report.
fn headline_md(report: &str) -> String {
    report
        .split("\n## ")
        .find(|s| s.starts_with("Chỉ số chính") || s.starts_with("Headline figures"))
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

#[test]
fn an_unknown_per_year_cost_is_not_declared_and_the_per_case_cut_still_shows() {
    let no_volume = "tests/fixtures/numbers/draft-no-volume.yaml";
    let md = |lang| {
        with_lang(
            &[
                "report",
                no_volume,
                "--baseline",
                NUMBERS_BASE,
                "--format",
                "md",
            ],
            lang,
        )
    };
    let (vi_md, en_md) = (headline_md(&md("vi")), headline_md(&md("en")));
    assert!(
        vi_md.contains("| Chi phí tuân thủ mỗi năm | chưa khai báo | chưa khai báo số hồ sơ mỗi năm (volume); Hiện hành: 19.346.346.094 đ; cắt giảm mỗi hồ sơ: −42,34% |"),
        "{vi_md}"
    );
    assert!(
        en_md.contains("| Compliance cost per year | not declared | cases per year (volume) not declared; Baseline: 19,346,346,094 VND; cut per case: −42.34% |"),
        "{en_md}"
    );
    // Unknown on both sides.
    let both = headline_md(&vi(&[
        "report",
        no_volume,
        "--baseline",
        no_volume,
        "--format",
        "md",
    ]));
    assert!(
        both.contains("Hiện hành: chưa khai báo; cắt giảm mỗi hồ sơ: 0,00%"),
        "{both}"
    );
    for out in [&vi_md, &both] {
        assert!(!out.contains("mỗi năm | —"), "{out}");
    }
    let html = vi(&["report", no_volume, "--baseline", NUMBERS_BASE]);
    assert!(
        html.contains(r#"<div class="label">Chi phí tuân thủ mỗi năm</div><div class="value">chưa khai báo</div>"#),
        "{html}"
    );
    assert!(
        html.contains(
            r#"<p class="note vs">Hiện hành: 19.346.346.094 đ; cắt giảm mỗi hồ sơ: −42,34%</p>"#
        ),
        "{html}"
    );
    insta::assert_snapshot!("headline_no_volume_vi", vi_md);
    insta::assert_snapshot!("headline_no_volume_en", en_md);
}
