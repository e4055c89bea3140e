//! Every output lists a suppressed finding as suppressed, with its reason,
//! and counts it: check text, JSON and SARIF, review tests (text and
//! JUnit), the HTML and Markdown reports and the audit rows.
#![cfg(feature = "cli")]

use serde_json::Value;

const FILE: &str = "tests/fixtures/suppressed/suppressed.yaml";
const REASON: &str = "luật chuyên ngành buộc nộp bản sao có chứng thực <& \"|";

mod common;

fn tthc(lang: &str, args: &[&str]) -> (i32, String) {
    let (code, out, _) =
        common::tthc_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), lang, args);
    (code, out)
}

#[test]
fn check_text_lists_and_counts_them_in_both_languages() {
    let (_, en) = tthc("en", &["check", FILE]);
    assert!(!en.contains("warning[TT304"), "{en}");
    let lines: Vec<&str> = en
        .lines()
        .filter(|l| l.contains("suppressed") || l.starts_with(FILE))
        .collect();
    insta::assert_snapshot!("check_text_en", lines.join("\n"));
    let (_, vi) = tthc("vi", &["check", FILE]);
    let lines: Vec<&str> = vi
        .lines()
        .filter(|l| l.contains("bỏ qua") || l.starts_with(FILE))
        .collect();
    insta::assert_snapshot!("check_text_vi", lines.join("\n"));
}

#[test]
fn check_json_has_them_with_their_reason() {
    let (_, out) = tthc("en", &["check", "--format", "json", FILE]);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let file = &v["files"][0];
    assert!(
        file["findings"]
            .as_array()
            .is_some_and(|f| f.iter().all(|f| f["code"] != "TT304"))
    );
    let s = &file["suppressed"][0];
    assert_eq!(s["finding"]["code"], "TT304");
    assert_eq!(s["reason"], REASON);
    assert_eq!(s["comment"]["line"], 22);
    assert_eq!(v["summary"]["suppressed"], 1);
}

#[test]
fn sarif_marks_them_suppressed_in_source() {
    let (_, out) = tthc("en", &["check", "--format", "sarif", FILE]);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let results = v["runs"][0]["results"].as_array().expect("results");
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["ruleId"], "TT304");
    let s = &suppressed[0]["suppressions"][0];
    assert_eq!(s["kind"], "inSource");
    assert_eq!(s["justification"], REASON);
    assert_eq!(s["location"]["physicalLocation"]["region"]["startLine"], 22);
}

#[test]
fn review_tests_show_them_and_say_why_a_code_is_missing() {
    let review = "tests/fixtures/review/suppressed.yaml";
    let (code, out) = tthc("en", &["test", review]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("suppressed[TT304 certified-copy-required]"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "missing: TT304 (TT304 suppressed at {FILE}:22: {REASON})"
        )),
        "{out}"
    );
    let junit = std::env::temp_dir().join(format!("tthc-suppressed-{}.xml", std::process::id()));
    let junit_arg = junit.display().to_string();
    tthc("en", &["test", review, "--junit", &junit_arg]);
    let xml = std::fs::read_to_string(&junit).expect("JUnit written");
    assert!(
        xml.contains("suppressed[TT304 certified-copy-required]")
            && xml.contains("&lt;&amp; &quot;|"),
        "{xml}"
    );
}

#[test]
fn html_and_markdown_reports_have_a_section() {
    let (_, html) = tthc("en", &["report", FILE, "--format", "html"]);
    let start = html
        .find(r#"<section id="suppressed">"#)
        .expect("a section");
    let section = &html[start..start + html[start..].find("</section>").unwrap_or(0)];
    insta::assert_snapshot!("report_html_en", section);
    let (_, md) = tthc("vi", &["report", FILE, "--format", "md"]);
    let start = md.find("## Phát hiện được bỏ qua").expect("a section");
    let end = md[start + 3..]
        .find("\n## ")
        .map_or(md.len(), |i| start + 3 + i);
    insta::assert_snapshot!("report_md_vi", &md[start..end]);
}

#[test]
fn audit_rows_count_them() {
    let (_, csv) = tthc(
        "en",
        &["audit", "tests/fixtures/suppressed", "--format", "csv"],
    );
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == "suppressed")
        .expect("a column");
    let row = lines.next().unwrap_or_default();
    // The row's cells up to the column hold no comma (no quoted text here
    // before it but the name, which has none).
    assert_eq!(row.split(',').nth(col), Some("1"), "{csv}");
}
