//! Every rule has a failing and a passing fixture under
//! `tests/fixtures/rules/<CODE>/`, and they behave.

use std::path::{Path, PathBuf};
use tthc::config::{Preset, ReviewOptions};
use tthc::rules::{registry, review};
use tthc::{Finding, LoadOptions, load_file};

fn fixture(code: &str, kind: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(code)
        .join(format!("{kind}.yaml"))
}

fn review_file(path: &Path) -> Vec<Finding> {
    let (_, loaded) = load_file(path, &LoadOptions::default());
    let p = loaded.unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    review(&p, &ReviewOptions::preset(Preset::All))
}

#[test]
fn every_rule_has_a_failing_and_a_passing_fixture_that_behave() {
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
        let hits: Vec<&Finding> = failing.iter().filter(|f| f.code == code).collect();
        if hits.is_empty() {
            problems.push(format!("{code}: fail.yaml yields no {code} finding"));
        }
        for f in &hits {
            if f.location.is_none() || f.origin.is_empty() {
                problems.push(format!("{code}: finding without a location: {f:?}"));
            }
        }
        let passing = review_file(&pass);
        if let Some(f) = passing.iter().find(|f| f.code == code) {
            problems.push(format!("{code}: pass.yaml yields {}", f.message.en));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
