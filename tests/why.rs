//! `tthc why`: the derivation of the figures, snapshotted, and every line's
//! location pointing at the element it names.

use std::process::Command;
use tthc::report::why::{Figure, render};
use tthc::{Analysis, Lang, Settings};

const BASELINE: &str = "tests/fixtures/metrics/baseline.yaml";

fn tthc(args: &[&str]) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .env_remove("TTHC_LANG")
        .output()
        .expect("run tthc");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

#[test]
fn why_in_vietnamese_and_english() {
    let (code, vi) = tthc(&["why", BASELINE]);
    assert_eq!(code, 0, "{vi}");
    insta::assert_snapshot!("why_vi", vi);
    let (code, en) = tthc(&["why", BASELINE, "cost", "--lang", "en"]);
    assert_eq!(code, 0, "{en}");
    assert!(!en.contains("Processing time"), "{en}");
    insta::assert_snapshot!("why_cost_en", en);
    let (code, _) = tthc(&["why", BASELINE, "nonsense"]);
    assert_eq!(code, 2);
}

#[test]
fn every_cost_line_points_at_its_element_and_they_add_up() {
    let src = std::fs::read_to_string(BASELINE).expect("fixture");
    let a = Analysis::from_yaml_str(&src, BASELINE, &Settings::default()).expect("loads");
    let text = render(&a, Figure::Cost, Lang::En);
    let lines: Vec<&str> = src.lines().collect();
    let c = &a.metrics().compliance_cost;
    assert!(c.lines.len() >= 8, "{:?}", c.lines);
    for line in &c.lines {
        let loc = a
            .procedure()
            .source_map
            .locate(line.element.as_str())
            .expect("every element of a line is in the file");
        // The line of the file at that location writes the element's last key.
        let key = line
            .element
            .as_str()
            .rsplit('.')
            .next()
            .map(|k| k.split('[').next().unwrap_or(k))
            .unwrap_or_default();
        let written = lines[loc.line as usize - 1];
        let key = if key == "fees" { "name" } else { key };
        assert!(
            written.contains(key),
            "{} at {}: {written}",
            line.element,
            loc.line
        );
        let shown = format!("{BASELINE}:{}:{}", loc.line, loc.column);
        assert!(text.contains(&shown), "{shown} missing in\n{text}");
    }
    let sum: u128 = c.lines.iter().map(|l| l.total.dong()).sum();
    assert!(
        sum.abs_diff(c.per_case.dong()) <= c.lines.len() as u128,
        "{sum} vs {}",
        c.per_case.dong()
    );
}

#[test]
fn text_from_the_file_cannot_drive_the_terminal() {
    let src = "format: tthc/1\nname: \"Cấp\\u001b[31m phép\"\nsteps:\n  nop: { name: Nộp, actor: applicant, effort: { hours: 1 } }\n";
    let a = Analysis::from_yaml_str(src, "x\u{1b}.yaml", &Settings::default()).expect("loads");
    let text = render(&a, Figure::All, Lang::Vi);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains('\u{241b}'), "{text:?}");
}

#[test]
fn a_reduction_is_explained_line_by_line_and_adds_up() {
    let draft = "tests/fixtures/metrics/draft.yaml";
    let (code, vi) = tthc(&["why", draft, "--baseline", BASELINE]);
    assert_eq!(code, 0, "{vi}");
    insta::assert_snapshot!("why_reduction_vi", vi);
    let (code, en) = tthc(&[
        "why",
        draft,
        "reduction",
        "--baseline",
        BASELINE,
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{en}");
    // The changes listed add up to the difference of the per-case costs,
    // within one đồng per line (each line is rounded once).
    let amount = |s: &str| -> i128 {
        s.trim_matches(|c: char| !c.is_ascii_digit())
            .replace(',', "")
            .parse()
            .unwrap_or(0)
    };
    let head = en.lines().next().unwrap();
    let figures: Vec<i128> = head
        .split(['(', ')', '=', '/'])
        .flat_map(|p| p.split(" − "))
        .filter(|p| p.contains("VND"))
        .map(amount)
        .collect();
    let (before, after) = (figures[0], figures[1]);
    let mut change = 0i128;
    let mut lines = 0i128;
    for l in en.lines().filter(|l| l.contains("├─") || l.contains("└─")) {
        lines += 1;
        if let Some(d) = l.split(" (−").nth(1) {
            change -= amount(d.split(')').next().unwrap());
        } else if let Some(d) = l.split(" (+").nth(1) {
            change += amount(d.split(')').next().unwrap());
        } else if l.contains("gone in the draft") {
            change -= amount(l.split(": ").nth(1).unwrap().split(" (").next().unwrap());
        } else if l.contains("new in the draft") {
            change += amount(l.split(": +").nth(1).unwrap().split(" (").next().unwrap());
        }
    }
    assert!(lines >= 2, "{en}");
    assert!(
        ((after - before) - change).abs() <= lines,
        "{before} → {after}, lines {change}\n{en}"
    );
    // No baseline: a clear error, exit 2.
    let (code, _) = tthc(&["why", draft, "reduction"]);
    assert_eq!(code, 2);
}

#[test]
fn a_due_date_is_explained_day_by_day_with_each_reason() {
    let (code, vi) = tthc(&["why", BASELINE, "--from", "2026-04-29T09:00"]);
    assert_eq!(code, 0, "{vi}");
    insta::assert_snapshot!("why_due_vi", vi);
    // Every day between the clock start and the due day is listed once,
    // and every skipped day says why.
    let days: Vec<&str> = vi.lines().filter(|l| l.starts_with("  20")).collect();
    assert!(days.len() >= 5, "{vi}");
    assert!(
        days.iter()
            .filter(|l| l.contains("bỏ qua"))
            .all(|l| l.contains(" ← ")),
        "{vi}"
    );
    assert!(
        vi.contains("Bộ luật Lao động 2019 Điều 112 khoản 1"),
        "{vi}"
    );
    let (code, _) = tthc(&["why", BASELINE, "due"]);
    assert_eq!(code, 2);
    let (code, _) = tthc(&["why", BASELINE, "--from", "ngày mai"]);
    assert_eq!(code, 2);
}
