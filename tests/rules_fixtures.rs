//! Every rule has a failing and a passing fixture under
//! `tests/fixtures/rules/<CODE>/`; the findings of each failing fixture are
//! snapshotted (code, element, line:column, message in both languages,
//! secondary locations), so a change in what a rule says or where it points
//! shows up in review.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use tthc::rules::{Preset, ReviewOptions, registry};
use tthc::{Analysis, Finding, Settings};

fn fixture(code: &str, kind: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(code)
        .join(format!("{kind}.yaml"))
}

fn review_file(path: &Path) -> Vec<Finding> {
    let settings = Settings::default().with_review(ReviewOptions::preset(Preset::All));
    let a = Analysis::from_file(path, &settings)
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    a.findings().to_vec()
}

/// One line per finding of `code`: where, what (vi / en), what else.
fn describe(findings: &[Finding], code: &str) -> String {
    let mut out = String::new();
    for f in findings.iter().filter(|f| f.code == code) {
        let at = f
            .location
            .map_or("-".to_string(), |l| format!("{}:{}", l.line, l.column));
        let element = f.element.as_ref().map_or("", |e| e.as_str());
        let _ = writeln!(out, "{} {} {at} {element}", f.code, f.severity);
        let _ = writeln!(out, "  vi: {}", f.message.vi);
        let _ = writeln!(out, "  en: {}", f.message.en);
        for r in &f.related {
            let at = r
                .location
                .map_or("-".to_string(), |l| format!("{}:{}", l.line, l.column));
            let _ = writeln!(out, "  related {at} {}: {}", r.element, r.message.en);
        }
        if let Some(s) = &f.saving {
            let _ = writeln!(out, "  {}", s.describe().en);
        }
    }
    out
}

#[test]
fn every_rule_has_fixtures_and_their_findings_are_pinned() {
    let mut problems = Vec::new();
    for rule in registry() {
        let code = rule.info().code;
        let fail = fixture(code, "fail");
        let pass = fixture(code, "pass");
        if !fail.is_file() || !pass.is_file() {
            problems.push(format!("{code}: missing fail.yaml or pass.yaml"));
            continue;
        }
        let failing = review_file(&fail);
        let text = describe(&failing, code);
        if text.is_empty() {
            problems.push(format!("{code}: fail.yaml yields no {code} finding"));
        }
        insta::assert_snapshot!(format!("rule_{code}"), text);
        let passing = review_file(&pass);
        if let Some(f) = passing.iter().find(|f| f.code == code) {
            problems.push(format!("{code}: pass.yaml yields {}", f.message.en));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_file_is_registered() {
    // Adding a rule is its file and one line in the `rules!` list: a file
    // left out of the list would never run.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("src/rules")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with("tt") && n.ends_with(".rs"))
        .map(|n| n[2..5].to_string())
        .collect();
    files.sort();
    let registered: Vec<String> = registry()
        .iter()
        .map(|r| r.info().code[2..].to_string())
        .collect();
    assert_eq!(files, registered);
}

#[test]
fn the_clean_base_procedure_has_no_findings_at_all() {
    // TT001/pass.yaml is the base the other fixtures vary.
    let findings = review_file(&fixture("TT001", "pass"));
    let codes: Vec<_> = findings.iter().map(|f| (&f.code, &f.message.en)).collect();
    assert!(codes.is_empty(), "{codes:?}");
}

#[test]
fn review_is_sorted_by_location_and_deterministic() {
    let path = fixture("TT401", "fail");
    let a = review_file(&path);
    let b = review_file(&path);
    assert_eq!(a, b);
    let keys: Vec<_> = a
        .iter()
        .map(|f| (f.location.map(|l| (l.line, l.column)), f.code.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}
