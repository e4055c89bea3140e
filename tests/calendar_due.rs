//! Due dates and working-time arithmetic, and their properties.

use proptest::prelude::*;
use tthc::calendar::{Calendar, Date, DateTime, LunarDate};
use tthc::{Duration, DurationUnit};

fn t(s: &str) -> DateTime {
    s.parse().unwrap()
}

fn due(received: &str, duration: &str) -> String {
    Calendar::vietnam()
        .due_date(t(received), Duration::parse(duration).unwrap())
        .unwrap()
        .to_string()
}

#[test]
fn working_days_skip_the_tet_break() {
    // Friday 13/2/2026 16:00; Tết break 14–22/2; day 1 is Monday 23/2.
    assert_eq!(
        due("2026-02-13T16:00", "7 working days"),
        "2026-03-03T17:00"
    );
    // The day of receipt is not counted, whatever the hour.
    assert_eq!(due("2026-03-02T08:00", "1 working day"), "2026-03-03T17:00");
}

#[test]
fn same_day_cut_off_at_15_00() {
    assert_eq!(due("2026-03-02T14:59", "same day"), "2026-03-02T17:00");
    assert_eq!(due("2026-03-02T15:00", "trong ngày"), "2026-03-02T17:00");
    assert_eq!(due("2026-03-02T15:01", "same day"), "2026-03-03T17:00");
    // Received on Saturday: next working day.
    assert_eq!(due("2026-03-07T09:00", "same day"), "2026-03-09T17:00");
    // Received on the eve of Tết after 15:00: after the break.
    assert_eq!(due("2026-02-13T15:30", "same day"), "2026-02-23T17:00");
}

#[test]
fn half_days_land_on_noon() {
    assert_eq!(
        due("2026-03-02T10:00", "0,5 ngày làm việc"),
        "2026-03-03T12:00"
    );
    assert_eq!(
        due("2026-03-02T10:00", "1.5 working days"),
        "2026-03-04T12:00"
    );
}

#[test]
fn working_hours_count_from_the_moment() {
    assert_eq!(
        due("2026-03-02T11:00", "4 working hours"),
        "2026-03-02T16:00"
    );
    assert_eq!(
        due("2026-03-02T16:30", "1 working hour"),
        "2026-03-03T08:30"
    );
    assert_eq!(
        due("2026-03-02T06:00", "4 working hours"),
        "2026-03-02T12:00"
    );
    assert_eq!(
        due("2026-03-06T12:30", "8 giờ làm việc"),
        "2026-03-09T12:00"
    );
}

#[test]
fn calendar_days_ending_on_a_day_off_move_to_the_next_working_day() {
    // 20/4/2026 + 6 days = Sunday 26/4 (Hùng Kings); 27/4 is its substitute.
    assert_eq!(due("2026-04-20T09:00", "6 ngày"), "2026-04-28T17:00");
    assert_eq!(due("2026-04-20T09:00", "3 days"), "2026-04-23T17:00");
}

#[test]
fn mixed_units_on_one_path() {
    let cal = Calendar::vietnam();
    let steps = [
        Duration::working_days(2),
        Duration::parse("0,5 ngày làm việc").unwrap(),
        Duration::calendar_days(10),
        Duration::working_hours(4),
    ];
    let s = cal
        .processing_time_on_calendar(t("2026-04-22T10:00"), &steps)
        .unwrap();
    let dues: Vec<String> = s.steps.iter().map(|x| x.due.to_string()).collect();
    assert_eq!(
        dues,
        [
            "2026-04-24T17:00", // Thu 23, Fri 24
            "2026-04-28T12:00", // 25–27 off (weekend, Hùng Kings' substitute)
            "2026-05-08T17:00", // 28/4 + 10 = Friday 8/5
            "2026-05-11T12:00",
        ]
    );
    assert_eq!(s.clock_start.to_string(), "2026-04-22T17:00");
    // 23, 24, 28, 29, 4, 5, 6, 7, 8 May + half of 11 May = 9.5 working days.
    assert_eq!(s.working_milli_days, 9500);
    assert_eq!(s.calendar_days, 19);
    assert_eq!(
        cal.processing_time_on_calendar(t("2026-04-22T10:00"), &[])
            .unwrap()
            .due,
        t("2026-04-22T10:00")
    );
}

#[test]
fn arithmetic_helpers() {
    let cal = Calendar::vietnam();
    assert_eq!(
        cal.add_working_days(t("2024-04-26T10:00"), 1).unwrap(),
        t("2024-05-02T10:00")
    );
    assert_eq!(
        cal.add_working_days(t("2024-05-03T10:00"), 1).unwrap(),
        t("2024-05-04T10:00")
    );
    assert_eq!(
        cal.add_calendar_days(t("2026-02-13T16:00"), 30).unwrap(),
        t("2026-03-15T16:00")
    );
    assert_eq!(
        cal.add_working_hours(t("2026-02-13T16:00"), 2).unwrap(),
        t("2026-02-23T09:00")
    );
    let (a, b) = (
        "2026-01-01".parse::<Date>().unwrap(),
        "2026-12-31".parse::<Date>().unwrap(),
    );
    // 2026: 261 weekdays minus 13 weekday days off (1/1, swapped 2/1, Tết
    // 16–20/2, the substitute 27/4 for Hùng Kings on Sunday 26/4, 30/4, 1/5,
    // swapped 31/8, 1/9, 2/9) plus 2 make-up Saturdays (10/1, 22/8). The day
    // `a` itself (1/1, a holiday) is not in (a, b].
    assert_eq!(cal.working_days_between(a, b).unwrap(), 261 - 13 + 2);
    assert_eq!(cal.working_days_between(b, a).unwrap(), -(261 - 13 + 2));
}

#[test]
fn huge_or_out_of_range_inputs_are_errors() {
    let cal = Calendar::vietnam();
    let late = t("2100-12-20T09:00");
    assert!(cal.due_date(late, Duration::working_days(30)).is_err());
    assert!(
        cal.due_date(
            t("2026-01-01T09:00"),
            Duration::from_milli(u64::MAX, DurationUnit::WorkingDays)
        )
        .is_err()
    );
    assert!(
        cal.due_date(
            t("2026-01-01T09:00"),
            Duration::from_milli(u64::MAX, DurationUnit::CalendarDays)
        )
        .is_err()
    );
    assert!(
        cal.due_date(t("1899-12-31T09:00"), Duration::same_day())
            .is_err()
    );
}

fn date_in(lo: i32, hi: i32) -> impl Strategy<Value = Date> {
    let a = Date::new(lo, 1, 1).unwrap().days_since_epoch();
    let b = Date::new(hi, 12, 31).unwrap().days_since_epoch();
    (a..=b).prop_map(|d| Date::from_days_since_epoch(i64::from(d)).unwrap())
}

fn duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        Just(Duration::same_day()),
        (0u64..60_000).prop_map(|m| Duration::from_milli(m, DurationUnit::WorkingDays)),
        (0u64..90_000).prop_map(|m| Duration::from_milli(m, DurationUnit::CalendarDays)),
        (0u64..100_000).prop_map(|m| Duration::from_milli(m, DurationUnit::WorkingHours)),
    ]
}

proptest! {
    #[test]
    fn adding_n_working_days_then_counting_back_gives_n(d in date_in(1950, 2090), n in 0u32..400) {
        let cal = Calendar::vietnam();
        let start = DateTime::start_of(d);
        let end = cal.add_working_days(start, n).unwrap();
        prop_assert_eq!(cal.working_days_between(d, end.date()).unwrap(), i64::from(n));
        if n > 0 {
            prop_assert!(cal.is_working_day(end.date()).unwrap());
        }
    }

    #[test]
    fn a_due_date_is_never_a_day_off(d in date_in(1950, 2090), minute in 0u16..1440, dur in duration()) {
        let cal = Calendar::vietnam();
        let received = DateTime::new(d, minute).unwrap();
        let due = cal.due_date(received, dur).unwrap();
        if dur.milli() > 0 || dur.is_same_day() {
            prop_assert!(cal.is_working_day(due.date()).unwrap(), "{} {} -> {}", received, dur, due);
            prop_assert!(due > received);
        }
    }

    #[test]
    fn working_minutes_round_trip(d in date_in(1950, 2090), minute in 0u16..1440, m in 1u64..20_000) {
        let cal = Calendar::vietnam();
        let a = DateTime::new(d, minute).unwrap();
        let b = cal.add_working_minutes(a, m).unwrap();
        prop_assert_eq!(cal.working_minutes_between(a, b).unwrap(), m);
    }

    #[test]
    fn solar_lunar_solar_round_trips(d in date_in(1900, 2100)) {
        let lunar = LunarDate::from_solar(d).unwrap();
        prop_assert_eq!(lunar.to_solar().unwrap(), d);
        prop_assert!(lunar.day >= 1 && lunar.day <= lunar.month_length().unwrap());
    }

    #[test]
    fn parsing_never_panics(s in "\\PC{0,24}") {
        let _ = s.parse::<Date>();
        let _ = s.parse::<DateTime>();
    }
}
