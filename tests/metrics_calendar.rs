//! Processing time of procedures that mix "ngày" and "ngày làm việc",
//! computed exactly on the Vietnamese calendar.

use tthc::CheckedProcedure;
use tthc::calendar::DateTime;
use tthc::cost_basis::CostBasis;
use tthc::metrics::on_calendar::{processing_time_on, vietnam_calendar};
use tthc::metrics::{Length, measure};

const MIXED: &str = "format: tthc/1
name: Thủ tục hỗn hợp
deadline: 15 ngày
steps:
  nop: { name: Nộp hồ sơ, actor: applicant, next: [tiep-nhan] }
  tiep-nhan: { name: Tiếp nhận, actor: Bộ phận một cửa, duration: '0,5 ngày làm việc', next: [tham-dinh, lay-y-kien] }
  tham-dinh: { name: Thẩm định, actor: Sở A, duration: 3 ngày làm việc, next: [quyet-dinh] }
  lay-y-kien: { name: Lấy ý kiến, actor: Sở B, duration: 10 ngày, next: [quyet-dinh] }
  quyet-dinh: { name: Quyết định, actor: UBND tỉnh, duration: 2 ngày làm việc }
";

fn at(s: &str) -> DateTime {
    s.parse().unwrap()
}

#[test]
fn mixed_units_are_not_summed_blindly() {
    let p = CheckedProcedure::from_yaml_str(MIXED, "mixed.yaml").unwrap();
    let m = measure(&p, &CostBasis::default());
    assert_eq!(m.processing_time.length, Length::NeedsCalendar);
    // Measured from the reference Monday 2/3/2026 08:00: the day of receipt
    // is not counted, so 0.5 working day → 3/3 12:00. The 3 working days
    // branch ends 6/3 12:00; the 10 calendar days branch ends later, at the
    // close of 13/3 (Friday, a working day). Then 2 working days → 17/3 17:00.
    let c = m.on_calendar.expect("computed on the calendar");
    assert_eq!(c.due, "2026-03-17T17:00");
    assert_eq!(
        c.critical_path,
        ["nop", "tiep-nhan", "lay-y-kien", "quyet-dinh"]
    );
}

#[test]
fn the_same_procedure_takes_longer_over_tet() {
    let p = CheckedProcedure::from_yaml_str(MIXED, "mixed.yaml").unwrap();
    let cal = vietnam_calendar();
    let march = processing_time_on(&p, cal, at("2026-03-02T08:00")).unwrap();
    // Tết Bính Ngọ: 17/2/2026 is the first day of the lunar year.
    let tet = processing_time_on(&p, cal, at("2026-02-09T08:00")).unwrap();
    assert!(
        tet.calendar_days > march.calendar_days,
        "{tet:?} vs {march:?}"
    );
    // Every due moment is on a working day.
    for t in [&march, &tet] {
        let due: DateTime = t.due.parse().unwrap();
        assert!(cal.is_working_day(due.date()).unwrap(), "{t:?}");
    }
}

#[test]
fn pure_working_day_paths_match_the_critical_path() {
    let src = MIXED.replace("10 ngày", "10 ngày làm việc");
    let p = CheckedProcedure::from_yaml_str(&src, "w.yaml").unwrap();
    let m = measure(&p, &CostBasis::default());
    assert_eq!(m.processing_time.length, Length::WorkingDays(12_500));
    assert!(m.on_calendar.is_none());
    // Without holidays the calendar agrees with the critical path: 12.5
    // working days after the clock starts at the close of the day of
    // receipt (2/3 17:00): 12 full days end 18/3 17:00, half a day more
    // ends 19/3 12:00.
    let t = processing_time_on(&p, vietnam_calendar(), at("2026-03-02T08:00")).unwrap();
    assert_eq!(t.due, "2026-03-19T12:00");
    assert_eq!(t.working_milli_days, 12_500);
}
