//! Reception schedules: when a dossier counts as received, and the due
//! dates that follow. Records 1.001456 and 1.010041 of the national portal
//! (copied in tests/fixtures/calendar/reception-records.txt) say "Từ thứ 2
//! đến thứ 6 hàng tuần và sáng thứ 7 …; trừ ngày Tết, ngày lễ".

use proptest::prelude::*;
use tthc::Duration;
use tthc::calendar::{Calendar, DateTime, ReceptionSchedule, Session, Weekday};

fn t(s: &str) -> DateTime {
    s.parse().unwrap()
}

fn received(at: &str, schedule: &str) -> String {
    let s: ReceptionSchedule = schedule.parse().unwrap();
    Calendar::vietnam()
        .received_at(t(at), &s)
        .unwrap()
        .to_string()
}

#[test]
fn parses_the_ways_records_write_it() {
    let sat = ReceptionSchedule::saturday_morning();
    for text in [
        "saturday-morning",
        "Saturday morning",
        "sáng thứ 7",
        "Sáng thứ Bảy",
        "thu-7-sang",
        "office-hours, saturday-morning",
        "giờ hành chính + sáng thứ 7",
    ] {
        assert_eq!(text.parse::<ReceptionSchedule>().unwrap(), sat, "{text}");
    }
    let two: ReceptionSchedule = "saturday-morning, sunday-morning".parse().unwrap();
    assert_eq!(two.extra_half_days().len(), 2);
    assert_eq!(two.to_string(), "saturday-morning,sunday-morning");
    assert_eq!(two.to_string().parse::<ReceptionSchedule>().unwrap(), two);
    assert_eq!(
        ReceptionSchedule::office_hours().to_string(),
        "office-hours"
    );
    assert_eq!(
        "chiều thứ 6".parse::<ReceptionSchedule>().unwrap(),
        ReceptionSchedule::office_hours().with(Weekday::Friday, Session::Afternoon)
    );
    for bad in ["tuesday-evening", "sáng thứ 8", "morning", "x"] {
        let e = bad.parse::<ReceptionSchedule>().unwrap_err();
        assert!(e.message(tthc::Lang::Vi).contains(bad), "{bad}");
        assert!(e.message(tthc::Lang::En).contains(bad), "{bad}");
    }
    let fixture = include_str!("fixtures/calendar/reception-records.txt");
    assert!(fixture.contains("sáng thứ 7"));
}

#[test]
fn the_moment_of_receipt() {
    // Inside a session: at once.
    assert_eq!(
        received("2026-03-09T09:30", "office-hours"),
        "2026-03-09T09:30"
    );
    // Lunch break and before opening: the next session.
    assert_eq!(
        received("2026-03-09T12:30", "office-hours"),
        "2026-03-09T13:00"
    );
    assert_eq!(
        received("2026-03-09T06:00", "office-hours"),
        "2026-03-09T08:00"
    );
    // Friday evening: Monday, or Saturday morning where the authority receives then.
    assert_eq!(
        received("2026-03-06T17:30", "office-hours"),
        "2026-03-09T08:00"
    );
    assert_eq!(
        received("2026-03-06T17:30", "saturday-morning"),
        "2026-03-07T08:00"
    );
    // Saturday afternoon: Monday either way.
    assert_eq!(
        received("2026-03-07T13:00", "saturday-morning"),
        "2026-03-09T08:00"
    );
    // No Saturday reception inside a holiday break ("trừ ngày Tết, ngày lễ"):
    // Sat 14/2/2026 opens the Tết break, Sat 25/4/2026 the Hùng Kings' break.
    assert_eq!(
        received("2026-02-14T09:00", "saturday-morning"),
        "2026-02-23T08:00"
    );
    assert_eq!(
        received("2026-04-25T09:00", "saturday-morning"),
        "2026-04-28T08:00"
    );
    // …but on the Saturday after it (28/2/2026) as usual.
    assert_eq!(
        received("2026-02-28T09:00", "saturday-morning"),
        "2026-02-28T09:00"
    );
    // A make-up Saturday is a working day for everyone.
    assert_eq!(
        received("2026-01-10T14:00", "office-hours"),
        "2026-01-10T14:00"
    );
    // Before 2/10/1999 Saturday was a working day.
    assert_eq!(
        received("1998-03-07T14:00", "office-hours"),
        "1998-03-07T14:00"
    );
}

#[test]
fn due_dates_use_the_moment_of_receipt() {
    let cal = Calendar::vietnam();
    let sat = ReceptionSchedule::saturday_morning();
    let plain = ReceptionSchedule::office_hours();
    // Submitted Sat 7/3/2026 09:00, 3 working days: received Saturday, days 9,
    // 10, 11/3 → Wed 11/3; office hours only: received Monday 9/3, days 10, 11,
    // 12 → Thu 12/3.
    let r = cal
        .due_date_on_schedule(t("2026-03-07T09:00"), Duration::working_days(3), &sat)
        .unwrap();
    assert_eq!(
        (r.received.to_string(), r.due.to_string()),
        ("2026-03-07T09:00".into(), "2026-03-11T17:00".into())
    );
    let r = cal
        .due_date_on_schedule(t("2026-03-07T09:00"), Duration::working_days(3), &plain)
        .unwrap();
    assert_eq!(r.due.to_string(), "2026-03-12T17:00");
    // Same day on a Saturday morning: due Monday 17:00 (Saturday is not a
    // working day).
    let r = cal
        .due_date_on_schedule(t("2026-03-07T09:00"), Duration::same_day(), &sat)
        .unwrap();
    assert_eq!(r.due.to_string(), "2026-03-09T17:00");
    // A schedule of several steps keeps the submission and the receipt apart.
    let s = cal
        .processing_time_with_reception(
            t("2026-03-06T18:00"),
            &[Duration::working_days(1), Duration::calendar_days(2)],
            &sat,
        )
        .unwrap();
    assert_eq!(s.submitted, t("2026-03-06T18:00"));
    assert_eq!(s.received, t("2026-03-07T08:00"));
    assert_eq!(s.steps[0].due.to_string(), "2026-03-09T17:00");
    assert_eq!(s.due.to_string(), "2026-03-11T17:00");
    assert_eq!(s.calendar_days, 5);
}

fn moment() -> impl Strategy<Value = DateTime> {
    let a = tthc::calendar::Date::new(1995, 1, 1)
        .unwrap()
        .days_since_epoch();
    let b = tthc::calendar::Date::new(2090, 12, 31)
        .unwrap()
        .days_since_epoch();
    (a..=b, 0u16..1440).prop_map(|(d, m)| {
        DateTime::new(
            tthc::calendar::Date::from_days_since_epoch(i64::from(d)).unwrap(),
            m,
        )
        .unwrap()
    })
}

proptest! {
    #[test]
    fn receipt_is_the_first_reception_moment(at in moment(), sat in any::<bool>()) {
        let cal = Calendar::vietnam();
        let s = if sat { ReceptionSchedule::saturday_morning() } else { ReceptionSchedule::office_hours() };
        let r = cal.received_at(at, &s).unwrap();
        prop_assert!(r >= at);
        prop_assert!(cal.is_reception_time(r, &s).unwrap());
        prop_assert_eq!(cal.received_at(r, &s).unwrap(), r);
        // A Saturday schedule never receives later than office hours only.
        let plain = cal.received_at(at, &ReceptionSchedule::office_hours()).unwrap();
        prop_assert!(r <= plain);
    }
}
