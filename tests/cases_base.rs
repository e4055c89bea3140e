//! Nothing of a case reaches the base case: a paper handed in only at a
//! step of a case, a supplement requested at such a step and a hand-off
//! through it count in that case alone; cases the calendar must compare
//! have no worst figure; the number of cases is bounded (review of issue 13).

use tthc::{Analysis, CheckedProcedure, Settings};

fn analyse(src: &str) -> Analysis {
    let p = CheckedProcedure::from_yaml_str(src, "cases.yaml").expect("loads");
    Analysis::new(p, &Settings::default())
}

const VERIFY: &str = "format: tthc/1
name: X
cases:
  xac-minh: { name: Cần xác minh, share: 0.5 }
fees: []
documents:
  giay-xac-nhan: { name: Giấy xác nhận, effort: { hours: 2 } }
steps:
  nop:
    name: Nộp
    actor: applicant
    effort: { hours: 1 }
    next: [tiep-nhan]
  tiep-nhan:
    name: Tiếp nhận
    actor: Phòng A
    duration: 1 ngày làm việc
    next: [xac-minh]
  xac-minh:
    name: Xác minh
    actor: Phòng B
    case: xac-minh
    submits: [giay-xac-nhan]
    duration: 2 ngày làm việc
    rework: { to: nop, probability: 0.5 }
    next: [tra]
  tra:
    name: Trả kết quả
    actor: Phòng A
    duration: 1 ngày làm việc
";

#[test]
fn a_case_steps_paper_supplement_and_handoffs_stay_in_the_case() {
    let a = analyse(VERIFY);
    let m = a.metrics();
    // Base case: only the applicant's own hour, no paper (2 h) and no
    // supplement (half of the repeated hour), no hand-off (A to A).
    assert_eq!(
        m.compliance_cost.milli_hours, 1_000,
        "{:?}",
        m.compliance_cost.lines
    );
    assert_eq!(m.structure.handoffs, 0);
    let cases = m.by_case.as_ref().expect("cases declared");
    let case = &cases.cases[0];
    // In the case: 1 h + the paper's 2 h + the supplement (0.5 × 1 h).
    let hourly = a.cost_basis().hourly_income.value.dong();
    let expected = (3_500 * hourly + 500) / 1_000;
    assert_eq!(case.per_case.dong(), expected);
    assert!(case.per_case > m.compliance_cost.per_case);
}

#[test]
fn cases_in_units_only_a_calendar_compares_have_no_worst() {
    let src = VERIFY
        .replace(
            "fees: []",
            "fees: []\ndeadline:\n  duration: 5 ngày làm việc\n  cases: { xac-minh: 30 ngày }",
        )
        .replace("duration: 2 ngày làm việc", "duration: 20 ngày");
    let a = analyse(&src);
    let cases = a.metrics().by_case.as_ref().expect("cases declared");
    assert_eq!(
        cases.worst_time.length,
        tthc::metrics::Length::NeedsCalendar
    );
    assert!(cases.worst_deadline.is_none());
}

#[test]
fn more_than_a_hundred_cases_is_a_located_error() {
    let mut src = String::from("format: tthc/1\nname: X\ncases:\n");
    for i in 0..101 {
        src.push_str(&format!("  c{i}: Trường hợp {i}\n"));
    }
    src.push_str("steps:\n  a: { name: Nộp, actor: applicant }\n");
    let e = CheckedProcedure::from_yaml_str(&src, "x.yaml").expect_err("too many");
    let first = &e.errors[0];
    assert_eq!(first.location.map(|l| l.line), Some(4));
    assert!(first.message(tthc::Lang::En).contains("at most 100"));
    assert!(first.message(tthc::Lang::Vi).contains("tối đa 100"));
}
