//! Each mechanical fix, applied to the failing fixture of its rule (or the
//! file of its load error), gives a file that loads and no longer has that
//! finding or error.

use std::path::PathBuf;
use tthc::fix::Applicability;
use tthc::fix::{apply_all, fix_text};
use tthc::rules::{Preset, ReviewOptions};
use tthc::{Analysis, CheckedProcedure, Settings};

fn settings() -> Settings {
    Settings::default().with_review(ReviewOptions::preset(Preset::All))
}

fn read(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn analyse(text: &str, origin: &str) -> Analysis {
    Analysis::from_yaml_str(text, origin, &settings())
        .unwrap_or_else(|e| panic!("{origin} does not load: {e:?}\n{text}"))
}

/// Applies each fix of `code`'s findings in `text` alone (each must give
/// a text that loads), then all of them with `fix_text`; returns the text,
/// checked to load and to have no finding of `code` left.
fn fix_finding(text: &str, code: &str) -> String {
    let before = analyse(text, "before.yaml");
    let fixes: Vec<_> = before
        .findings()
        .iter()
        .filter(|f| f.code == code)
        .map(|f| {
            f.fix
                .as_ref()
                .unwrap_or_else(|| panic!("{code}: no fix in {f:?}"))
        })
        .collect();
    assert!(!fixes.is_empty(), "{code}: no finding to fix");
    for fix in &fixes {
        let one = fix.apply(text).unwrap_or_else(|e| panic!("{code}: {e}"));
        analyse(&one, "one-fix.yaml");
    }
    let out = fix_text(
        text,
        "after.yaml",
        &settings(),
        Applicability::ChangesMeaning,
    );
    let after = out
        .outcome
        .unwrap_or_else(|e| panic!("{e:?}\n{}", out.text));
    let left: Vec<_> = after.findings().iter().filter(|f| f.code == code).collect();
    assert!(
        left.is_empty(),
        "{code} still found after the fix: {left:?}\n{}",
        out.text
    );
    out.text
}

fn fixture(code: &str) -> String {
    read(&format!("tests/fixtures/rules/{code}/fail.yaml"))
}

#[test]
fn tt304_certified_copy_becomes_copy() {
    let fixed = fix_finding(&fixture("TT304"), "TT304");
    assert!(fixed.contains("\n    form: copy\n"), "{fixed}");
    // Flow style too.
    let flow = fixture("TT304").replace(
        "  ban-sao-dkkd:\n    name: Bản sao Giấy chứng nhận đăng ký doanh nghiệp\n    form: certified_copy\n",
        "  ban-sao-dkkd: { name: Bản sao, form: certified_copy }\n",
    );
    assert!(flow.contains("{ name: Bản sao, form: certified_copy }"));
    let fixed = fix_finding(&flow, "TT304");
    assert!(fixed.contains("{ name: Bản sao, form: copy }"), "{fixed}");
}

#[test]
fn fixes_that_change_the_meaning_wait_to_be_asked_for() {
    // TT304's plain copy, TT303's dropped paper and TT003's "no fee" change
    // what the procedure says; a safe-only run leaves them and counts them.
    for code in ["TT304", "TT303", "TT003"] {
        let text = fixture(code);
        let before = analyse(&text, "before.yaml");
        let offered: Vec<_> = before
            .findings()
            .iter()
            .filter(|f| f.code == code)
            .filter_map(|f| f.fix.as_ref())
            .collect();
        assert!(!offered.is_empty(), "{code}: no fix");
        assert!(offered.iter().all(|f| !f.is_safe()), "{code}: {offered:?}");
        let out = fix_text(&text, "after.yaml", &settings(), Applicability::Safe);
        let after = out.outcome.unwrap_or_else(|e| panic!("{code}: {e:?}"));
        assert!(
            after.findings().iter().any(|f| f.code == code),
            "{code} was fixed without being asked:\n{}",
            out.text
        );
        assert!(
            out.withheld >= offered.len(),
            "{code}: {} withheld",
            out.withheld
        );
    }
    // A fix read back without its applicability is never taken as safe.
    let json = r#"{"title":{"vi":"a","en":"a"},"edits":[]}"#;
    let back: tthc::Fix = serde_json::from_str(json).expect("a fix");
    assert!(!back.is_safe());
    // A misspelt key is safe: fixed in a safe-only run, nothing withheld.
    let text = read("tests/fixtures/bad/unknown-step-key.yaml");
    let out = fix_text(&text, "after.yaml", &settings(), Applicability::Safe);
    assert!(out.loads(), "{}", out.text);
    assert_eq!(out.applied.len(), 1, "{:?}", out.applied);
    // What the fixed file still offers that changes its meaning is counted
    // on the fixed text (its undeclared fees: TT003's `fees: []`).
    let after = out.outcome.as_ref().expect("loads");
    let offered = after
        .findings()
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|x| !x.is_safe()))
        .count();
    assert!(offered > 0);
    assert_eq!(out.withheld, offered);
}

/// Applies the fixes of `text`'s load errors; the result must load.
fn fix_load_errors(text: &str) -> String {
    let errors = CheckedProcedure::from_yaml_str(text, "bad.yaml").expect_err("does not load");
    let fixes: Vec<_> = errors.errors.iter().filter_map(|e| e.fix(text)).collect();
    assert!(!fixes.is_empty(), "no fix for {errors:?}");
    let out = apply_all(text, &fixes);
    CheckedProcedure::from_yaml_str(&out.text, "fixed.yaml")
        .unwrap_or_else(|e| panic!("fixed text does not load: {e:?}\n{}", out.text));
    out.text
}

#[test]
fn misspelt_keys_are_renamed() {
    let fixed = fix_load_errors(&read("tests/fixtures/bad/unknown-step-key.yaml"));
    assert!(fixed.contains("    duration: 1 working day"), "{fixed}");
    let fixed = fix_load_errors(&read("tests/fixtures/bad/unknown-top-key.yaml"));
    assert!(
        fixed.contains("\ndeadline: 5 ngày làm việc\n") && !fixed.contains("deadlines:"),
        "{fixed}"
    );
    let flow = "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actr: applicant }\n";
    assert_eq!(
        fix_load_errors(flow),
        "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant }\n"
    );
}

#[test]
fn a_decimal_comma_in_braces_is_quoted() {
    let text = "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [b] }\n  b: { name: B, actor: Sở X, duration: 0,5 ngày làm việc }\n";
    let fixed = fix_load_errors(text);
    assert!(fixed.contains("duration: '0,5 ngày làm việc' }"), "{fixed}");
}

#[test]
fn tt303_drops_the_state_held_documents_from_a_flow_list() {
    let fixed = fix_finding(&fixture("TT303"), "TT303");
    assert!(fixed.contains("    submits: [don]\n"), "{fixed}");
}

#[test]
fn tt303_drops_the_state_held_documents_from_a_block_list() {
    let block = fixture("TT303").replace(
        "    submits: [don, ban-sao-dkkd, ban-sao-cccd]\n",
        "    submits:\n      - ban-sao-dkkd\n      - don # đơn\n      - ban-sao-cccd\n",
    );
    assert!(block.contains("      - don # đơn\n"));
    let fixed = fix_finding(&block, "TT303");
    assert!(
        fixed.contains("    submits:\n      - don # đơn\n    effort:"),
        "{fixed}"
    );
}

#[test]
fn tt003_declares_no_fees() {
    let fixed = fix_finding(&fixture("TT003"), "TT003");
    assert!(fixed.contains("\nfees: []\ndocuments:\n"), "{fixed}");
    let flow = "{ format: tthc/1, name: X, steps: { a: { name: A, actor: applicant } } }\n";
    let fixed = fix_finding(flow, "TT003");
    assert!(fixed.contains("name: X, fees: [], steps:"), "{fixed}");
}
