//! Suppression comments: where they apply, what they need, and what is
//! reported when they are wrong or idle.

use tthc::fix::Applicability;
use tthc::fix::fix_text;
use tthc::rules::{Preset, ReviewOptions};
use tthc::{Analysis, Settings};

fn settings() -> Settings {
    Settings::default().with_review(ReviewOptions::preset(Preset::All))
}

fn analyse(text: &str) -> Analysis {
    Analysis::from_yaml_str(text, "t.yaml", &settings())
        .unwrap_or_else(|e| panic!("does not load: {e:?}\n{text}"))
}

/// A procedure whose document `d` is a certified copy (TT304) and whose
/// step `b` has no duration (TT105); `{D}` and `{B}` are where the tests
/// put comments.
const BASE: &str = "format: tthc/1
name: X
legal_basis: [Luật X]
fees: []
deadline: 5 ngày làm việc
documents:
  d:{D}
    name: Bản sao
    form: certified_copy
  kq: { name: Kết quả, issued_by: Sở X }
result: kq
steps:
  a: { name: Nộp, actor: applicant, submits: [d], next: [b] }
  b: { name: Xử lý, actor: Sở X, produces: [kq] }{B}
";

fn with(d: &str, b: &str) -> String {
    BASE.replace("{D}", d).replace("{B}", b)
}

fn codes(a: &Analysis) -> Vec<&str> {
    a.findings().iter().map(|f| f.code.as_str()).collect()
}

fn silenced(a: &Analysis) -> Vec<(&str, &str, u32)> {
    a.suppressed()
        .iter()
        .map(|s| (s.finding.code.as_str(), s.reason.as_str(), s.comment.line))
        .collect()
}

#[test]
fn the_base_has_both_findings() {
    let a = analyse(&with("", ""));
    assert!(
        codes(&a).contains(&"TT304") && codes(&a).contains(&"TT105"),
        "{:?}",
        codes(&a)
    );
    assert!(a.suppressed().is_empty());
}

#[test]
fn a_comment_after_an_element_silences_its_findings_and_those_inside() {
    let a = analyse(&with(" # tthc: bỏ qua TT304 — luật chuyên ngành", ""));
    assert_eq!(silenced(&a), vec![("TT304", "luật chuyên ngành", 7)]);
    assert!(!codes(&a).contains(&"TT304"), "{:?}", codes(&a));
    assert!(codes(&a).contains(&"TT105"));
    // On a flow-mapping step: every dash and colon form, several codes.
    for sep in [" — ", " – ", " - ", ": "] {
        let a = analyse(&with(
            "",
            &format!(" # tthc: allow TT105, TT304{sep}agreed"),
        ));
        assert_eq!(silenced(&a), vec![("TT105", "agreed", 14)], "{sep}");
        // TT304 is not about `b`: that part of the comment is idle.
        let idle: Vec<_> = a.findings().iter().filter(|f| f.code == "TT007").collect();
        assert_eq!(idle.len(), 1, "{sep}");
        assert!(idle[0].message.en.contains("TT304") && !idle[0].message.en.contains("TT105"));
        assert!(idle[0].fix.is_none(), "part of the comment is used");
    }
}

#[test]
fn a_comment_on_its_own_line_applies_to_the_next_element() {
    let text = with("", "").replace(
        "  b: {",
        "  # tthc: allow TT105 — the duration is set by the minister\n\n  b: {",
    );
    let a = analyse(&text);
    assert_eq!(silenced(&a)[0].0, "TT105");
    assert_eq!(silenced(&a)[0].2, 14);
    // Above `form:` it applies to the form only.
    let text = with("", "").replace(
        "    form: certified_copy",
        "    # tthc: allow TT304 — required by the sectoral law\n    form: certified_copy",
    );
    assert_eq!(silenced(&analyse(&text))[0].0, "TT304");
}

#[test]
fn a_comment_before_the_first_key_applies_to_the_whole_file() {
    let text = format!(
        "# Thủ tục X\n# tthc: bỏ qua TT304, TT105 — bản nháp\n{}",
        with("", "")
    );
    let a = analyse(&text);
    let mut got: Vec<_> = silenced(&a).into_iter().map(|s| s.0).collect();
    got.sort();
    assert_eq!(got, vec!["TT105", "TT304"]);
    assert!(!codes(&a).contains(&"TT007"));
    // After `format:` the comment is the `format` line's: it silences nothing.
    let text = with("", "").replace(
        "format: tthc/1\n",
        "format: tthc/1 # tthc: allow TT304 — everywhere?\n",
    );
    let a = analyse(&text);
    assert!(a.suppressed().is_empty());
    assert!(codes(&a).contains(&"TT007") && codes(&a).contains(&"TT304"));
}

#[test]
fn without_a_reason_nothing_is_silenced_and_it_is_reported() {
    for comment in [
        " # tthc: allow TT304",
        " # tthc: allow TT304 —",
        " # tthc: bỏ qua TT999 — không có",
        " # tthc: allow — no code",
        " # tthc: skip TT304 — wrong word",
    ] {
        let a = analyse(&with(comment, ""));
        assert!(a.suppressed().is_empty(), "{comment}");
        assert!(codes(&a).contains(&"TT304"), "{comment}");
        let bad: Vec<_> = a.findings().iter().filter(|f| f.code == "TT006").collect();
        assert_eq!(bad.len(), 1, "{comment}: {:?}", codes(&a));
        assert_eq!(bad[0].location.map(|l| l.line), Some(7));
        assert!(!bad[0].message.vi.is_empty() && bad[0].message.vi != bad[0].message.en);
    }
}

#[test]
fn a_hash_inside_quotes_or_a_block_scalar_is_not_a_comment() {
    let text = with("", "").replace(
        "name: X\n",
        "name: \"X # tthc: allow TT304 — quoted\"\nconditions:\n  - |\n    # tthc: allow TT105 — in a block scalar\n",
    );
    let a = analyse(&text);
    assert!(a.suppressed().is_empty());
    assert!(!codes(&a).contains(&"TT007") && !codes(&a).contains(&"TT006"));
}

#[test]
fn an_unused_suppression_is_reported_with_a_fix_that_removes_it() {
    let text = with("", "").replace("  kq: {", "  # tthc: allow TT304 — not this one\n  kq: {");
    let a = analyse(&text);
    let idle: Vec<_> = a.findings().iter().filter(|f| f.code == "TT007").collect();
    assert_eq!(idle.len(), 1);
    let fixed = idle[0]
        .fix
        .as_ref()
        .expect("a fix")
        .apply(&text)
        .expect("applies");
    assert_eq!(fixed, with("", ""));
    // At the end of a line the comment goes, the line stays.
    let text = with("", "  # tthc: allow TT304 — not b");
    let out = fix_text(&text, "t.yaml", &settings(), Applicability::ChangesMeaning);
    assert!(out.text.contains("produces: [kq] }\n"), "{}", out.text);
    assert!(!out.text.contains("tthc:"), "{}", out.text);
}

#[test]
fn disabled_rules_report_nothing_but_suppressions_still_apply() {
    let review = ReviewOptions::preset(Preset::All)
        .with("TT006", tthc::rules::RuleLevel::Off)
        .and_then(|r| r.with("TT007", tthc::rules::RuleLevel::Off))
        .expect("known rules");
    let settings = Settings::default().with_review(review);
    let text = with(" # tthc: allow TT304 — ok", "  # tthc: allow TT304");
    let a = Analysis::from_yaml_str(&text, "t.yaml", &settings).expect("loads");
    assert_eq!(silenced(&a).len(), 1);
    assert!(!codes(&a).contains(&"TT006") && !codes(&a).contains(&"TT007"));
}

#[test]
fn an_allow_key_silences_like_a_comment() {
    // On a document (block), on a step (flow), on the procedure.
    let text = with("", "")
        .replace(
            "    form: certified_copy\n",
            "    form: certified_copy\n    allow:\n      TT304: luật chuyên ngành\n",
        )
        .replace(
            "produces: [kq] }",
            "produces: [kq], allow: { missing-duration: 'do Bộ quy định' } }",
        );
    let a = analyse(&text);
    let mut got: Vec<_> = silenced(&a).into_iter().map(|(c, r, _)| (c, r)).collect();
    got.sort();
    assert_eq!(
        got,
        vec![("TT105", "do Bộ quy định"), ("TT304", "luật chuyên ngành")]
    );
    assert!(!codes(&a).contains(&"TT006") && !codes(&a).contains(&"TT007"));
    let top = with("", "").replace("fees: []\n", "fees: []\nallow: { TT304: bản nháp }\n");
    assert_eq!(silenced(&analyse(&top)).len(), 1);
}

#[test]
fn an_allow_key_without_a_reason_or_rule_is_reported() {
    for (entry, expect_code) in [
        ("TT304:", "TT304"),
        ("TT304: ''", "TT304"),
        ("TT999: x", "TT999"),
    ] {
        let text = with("", "").replace(
            "    form: certified_copy\n",
            &format!("    form: certified_copy\n    allow:\n      {entry}\n"),
        );
        let a = analyse(&text);
        assert!(a.suppressed().is_empty(), "{entry}");
        let bad: Vec<_> = a.findings().iter().filter(|f| f.code == "TT006").collect();
        assert_eq!(bad.len(), 1, "{entry}");
        assert!(
            bad[0].message.en.contains(expect_code),
            "{entry}: {}",
            bad[0].message.en
        );
        assert_eq!(bad[0].location.map(|l| l.line), Some(11), "{entry}");
    }
    // Not a mapping: a load error.
    let text = with("", "").replace(
        "    form: certified_copy\n",
        "    form: certified_copy\n    allow: TT304\n",
    );
    let err = tthc::CheckedProcedure::from_yaml_str(&text, "t.yaml").expect_err("wrong type");
    assert_eq!(err.errors[0].code(), "wrong-type");
    // An unused key suppression is reported, without a fix.
    let text = with("", "").replace("produces: [kq] }", "produces: [kq], allow: { TT304: x } }");
    let a = analyse(&text);
    let idle: Vec<_> = a.findings().iter().filter(|f| f.code == "TT007").collect();
    assert_eq!(idle.len(), 1);
    assert!(idle[0].fix.is_none());
}

#[test]
fn a_comment_where_a_state_held_document_is_submitted_silences_tt303() {
    // TT303 is about `documents.d.held_in`; the steps that submit it are
    // its related elements, so the comment may stand on the `submits` item.
    let text = with("", "")
        .replace("    form: certified_copy\n", "    form: copy\n    held_in: CSDL\n")
        .replace(
            "  a: { name: Nộp, actor: applicant, submits: [d], next: [b] }",
            "  a:\n    name: Nộp\n    actor: applicant\n    submits:\n      - d # tthc: allow TT303 — CSDL chưa kết nối\n    next: [b]",
        );
    let a = analyse(&text);
    assert_eq!(silenced(&a), vec![("TT303", "CSDL chưa kết nối", 18)]);
    assert!(!codes(&a).contains(&"TT007"), "{:?}", codes(&a));
}

#[test]
fn a_suppression_of_a_rule_that_is_off_is_kept_not_reported_or_removed() {
    // TT402 is not in the recommended preset: it never runs there, so its
    // comment is not "unused" and `check --fix` must not delete it.
    let text = with(" # tthc: allow TT402 — kept for when the rule is on", "");
    let recommended = Settings::default().with_review(ReviewOptions::preset(Preset::Recommended));
    let a = Analysis::from_yaml_str(&text, "t.yaml", &recommended).unwrap();
    assert!(!codes(&a).contains(&"TT007"), "{:?}", codes(&a));
    let fixed = fix_text(&text, "t.yaml", &recommended, Applicability::ChangesMeaning);
    assert!(fixed.text.contains("# tthc: allow TT402"), "{}", fixed.text);
    // With every rule on, the same comment silences nothing and is reported.
    assert!(codes(&analyse(&text)).contains(&"TT007"));
}

#[test]
fn a_comment_on_the_element_beats_a_file_wide_one() {
    let text = format!(
        "# tthc: allow TT304 — draft, whole file\n{}",
        with(" # tthc: allow TT304 — the specialised law requires it", "")
    );
    let a = analyse(&text);
    let s: Vec<_> = silenced(&a)
        .into_iter()
        .filter(|s| s.0 == "TT304")
        .collect();
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].1, "the specialised law requires it");
}
