//! compare(): matching of steps and documents, reductions, targets.

use tthc::analysis::{MatchedBy, Target};
use tthc::{Analysis, Comparison, Settings};

fn load(src: &str) -> Analysis {
    Analysis::from_yaml_str(src, "t.yaml", &Settings::default()).unwrap()
}

fn compare(baseline: &Analysis, draft: &Analysis, targets: &[Target]) -> Comparison {
    Comparison::new(baseline, draft, targets)
}

const BASE: &str = r#"
format: tthc/1
name: X
learning: { hours: 1 }
documents:
  a: { name: "Bản sao  Giấy khai sinh" }
  b: { name: Sổ hộ khẩu, effort: { trips: 1 } }
steps:
  nop: { name: Nộp, actor: applicant, submits: [a, b], next: [xet] }
  xet: { name: Xét, actor: UBND xã, duration: 10 ngày làm việc, next: [tra] }
  tra: { name: Trả, actor: UBND xã }
"#;

const DRAFT: &str = r#"
format: tthc/1
name: X
learning: { hours: 1 }
documents:
  khai-sinh: { name: bản sao giấy khai sinh }
  c: { name: Tờ khai }
steps:
  nop: { name: Nộp, actor: applicant, submits: [khai-sinh, c], next: [xet] }
  xet: { name: Xét, actor: UBND xã, duration: 3 ngày làm việc }
"#;

#[test]
fn matches_by_id_then_normalised_name() {
    let c = compare(&load(BASE), &load(DRAFT), &[]);
    // documents: a ↔ khai-sinh by name (case and spaces differ), b removed, c added
    assert_eq!(c.documents.removed, ["b"]);
    assert_eq!(c.documents.added, ["c"]);
    assert_eq!(c.documents.changed.len(), 1);
    let ch = &c.documents.changed[0];
    assert_eq!(
        (ch.baseline.as_str(), ch.draft.as_str()),
        ("a", "khai-sinh")
    );
    assert_eq!(ch.matched_by, MatchedBy::Name);
    assert_eq!(ch.fields, ["id", "name"]);
    // steps: tra removed; nop changed (submits), xet changed (duration, next)
    assert_eq!(c.steps.removed, ["tra"]);
    assert!(c.steps.added.is_empty());
    let fields: Vec<(&str, Vec<&str>)> = c
        .steps
        .changed
        .iter()
        .map(|x| (x.baseline.as_str(), x.fields.clone()))
        .collect();
    assert_eq!(
        fields,
        [("nop", vec!["submits"]), ("xet", vec!["duration", "next"])]
    );
}

#[test]
fn identical_procedures_change_nothing() {
    let p = load(BASE);
    let c = compare(&p, &p, &[Target::Nq68_2020]);
    assert!(c.steps.changed.is_empty() && c.documents.changed.is_empty());
    assert_eq!(c.steps.unchanged, 3);
    assert!(
        c.metrics
            .iter()
            .all(|m| m.change.is_none_or(|c| c.scaled() == 0) || m.baseline.is_none())
    );
    assert_eq!(
        c.compliance_cost.reduction_percent.unwrap().basis_points(),
        0
    );
    assert!(!c.targets_met(), "a 0% cut misses −20%");
}

#[test]
fn time_cut_and_targets() {
    let c = compare(
        &load(BASE),
        &load(DRAFT),
        &[Target::Nq66_2026, "time=70".parse().unwrap()],
    );
    // 10 → 3 working days: −70%
    let cut = c.processing_time.reduction_percent.unwrap();
    assert_eq!(cut.basis_points(), 7_000);
    let time = |i: usize| {
        c.targets[i]
            .components
            .iter()
            .find(|x| x.component == "processing_time")
            .unwrap()
            .met
    };
    assert!(time(0) && time(1));
    // one trip fewer (2 h + 30,000 đ) out of 1 h learning + 2 h + 30,000 đ:
    // at the default 47,727 đ/h (2025: 8,400,000 đ / 176 h):
    // baseline 3 h × 47,727 + 30,000 = 173,181; draft 47,727;
    // cut 125,454 / 173,181 = 72.44%
    assert_eq!(c.baseline.compliance_cost.per_case.dong(), 173_181);
    assert_eq!(c.draft.compliance_cost.per_case.dong(), 47_727);
    assert_eq!(
        c.compliance_cost.reduction_percent.unwrap().to_string(),
        "72.44"
    );
    assert!(c.targets_met());
}

#[test]
fn time_target_is_missed_when_units_differ() {
    let draft = DRAFT.replace("3 ngày làm việc", "5 ngày");
    let c = compare(&load(BASE), &load(&draft), &[Target::Nq66_2025]);
    assert_eq!(c.processing_time.reduction_percent, None);
    let time = c.targets[0]
        .components
        .iter()
        .find(|x| x.component == "processing_time")
        .unwrap();
    assert_eq!(time.achieved_percent, None);
    assert!(!time.met && !c.targets_met());
}
