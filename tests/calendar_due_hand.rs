//! Due dates across Tết, 30/4–1/5 and 2/9 of 2024–2026, counted by hand on
//! the announced calendars (the count is in the comment of each case). The
//! day of receipt is not counted; N working days end at 17:00 of the N-th
//! working day after it; a make-up Saturday is a working day.

use tthc::Duration;
use tthc::calendar::{Calendar, DateTime};

fn due(received: &str, duration: &str) -> String {
    let t: DateTime = received.parse().unwrap();
    Calendar::vietnam()
        .due_date(t, Duration::parse(duration).unwrap())
        .unwrap()
        .to_string()
}

#[test]
fn tet_2024() {
    // Received Wed 7/2/2024. 8–14/2 off (Tết 8, 9, 12–14; weekend 10–11).
    // 15 Thu = 1, 16 Fri = 2, 19 Mon = 3, 20 Tue = 4, 21 Wed = 5.
    assert_eq!(
        due("2024-02-07T10:00", "5 ngày làm việc"),
        "2024-02-21T17:00"
    );
    // 10 calendar days from Mon 5/2 = Thu 15/2, a working day.
    assert_eq!(due("2024-02-05T09:00", "10 ngày"), "2024-02-15T17:00");
    // 5 calendar days from Mon 5/2 = Sat 10/2 (mùng 1, in the break) → the
    // next working day, Thu 15/2.
    assert_eq!(due("2024-02-05T09:00", "5 ngày"), "2024-02-15T17:00");
}

#[test]
fn reunification_2024() {
    // Received Fri 26/4/2024. 27–28 weekend, 29 swapped off, 30/4 and 1/5 off;
    // 2/5 Thu = 1, 3/5 Fri = 2, Sat 4/5 (make-up day) = 3.
    assert_eq!(
        due("2024-04-26T09:00", "3 working days"),
        "2024-05-04T17:00"
    );
}

#[test]
fn national_day_2024() {
    // Received Fri 30/8/2024. 31/8–1/9 weekend, 2 and 3/9 off; 4 Wed = 1, 5 Thu = 2.
    assert_eq!(
        due("2024-08-30T14:00", "2 working days"),
        "2024-09-05T17:00"
    );
}

#[test]
fn tet_2025() {
    // Received Fri 24/1/2025 16:00. 25/1–2/2 off; 3/2 Mon = 1, 4 = 2, 5 Wed = 3.
    assert_eq!(
        due("2025-01-24T16:00", "3 working days"),
        "2025-02-05T17:00"
    );
}

#[test]
fn reunification_2025() {
    // Received Fri 25/4/2025. Sat 26/4 is a make-up working day = 1; 27 Sun;
    // Mon 28/4 = 2.
    assert_eq!(
        due("2025-04-25T10:00", "2 working days"),
        "2025-04-28T17:00"
    );
    // Received Tue 29/4/2025. 30/4, 1/5 off, Fri 2/5 swapped off, 3–4 weekend;
    // Mon 5/5 = 1.
    assert_eq!(due("2025-04-29T09:00", "1 working day"), "2025-05-05T17:00");
    // Same day, received after 15:00 on the eve of the break: next working day.
    assert_eq!(due("2025-04-29T15:30", "trong ngày"), "2025-05-05T17:00");
}

#[test]
fn national_day_2025() {
    // Received Fri 29/8/2025. 30–31 weekend, Mon 1/9 and Tue 2/9 off; Wed 3/9 = 1.
    assert_eq!(due("2025-08-29T09:00", "1 working day"), "2025-09-03T17:00");
}

#[test]
fn new_year_2026() {
    // Received Wed 31/12/2025. 1/1 off, Fri 2/1 swapped off, 3–4 weekend;
    // Mon 5/1 = 1, Tue 6/1 = 2.
    assert_eq!(
        due("2025-12-31T10:00", "2 working days"),
        "2026-01-06T17:00"
    );
    // Received Fri 9/1/2026: Sat 10/1 is the make-up day = 1.
    assert_eq!(due("2026-01-09T10:00", "1 working day"), "2026-01-10T17:00");
}

#[test]
fn tet_2026() {
    // Received Fri 13/2/2026 16:00. 14–22/2 off; 23 Mon = 1 … 27 Fri = 5,
    // 2/3 Mon = 6, 3/3 Tue = 7.
    assert_eq!(
        due("2026-02-13T16:00", "7 working days"),
        "2026-03-03T17:00"
    );
    // Half a working day from Thu 12/2 10:00: the clock starts at the close of
    // 12/2, half a day ends at noon of Fri 13/2.
    assert_eq!(
        due("2026-02-12T10:00", "0,5 ngày làm việc"),
        "2026-02-13T12:00"
    );
}

#[test]
fn reunification_2026() {
    // Received Fri 24/4/2026. 25–26 weekend (Hùng Kings Sun 26/4), Mon 27/4
    // substitute; Tue 28/4 = 1.
    assert_eq!(due("2026-04-24T10:00", "1 working day"), "2026-04-28T17:00");
    // Received Wed 29/4/2026. 30/4 Thu and 1/5 Fri off, 2–3 weekend; Mon 4/5 = 1,
    // Tue 5/5 = 2.
    assert_eq!(
        due("2026-04-29T09:00", "2 working days"),
        "2026-05-05T17:00"
    );
}

#[test]
fn national_day_2026() {
    // Received Fri 21/8/2026: Sat 22/8 is the make-up day = 1.
    assert_eq!(due("2026-08-21T10:00", "1 working day"), "2026-08-22T17:00");
    // Received Fri 28/8/2026. 29–30 weekend, Mon 31/8 swapped off, Tue 1/9 and
    // Wed 2/9 off; Thu 3/9 = 1.
    assert_eq!(due("2026-08-28T10:00", "1 working day"), "2026-09-03T17:00");
    // 4 working hours from Fri 28/8 16:00: 1 hour that day, then 3 hours from
    // 8:00 of Thu 3/9 → 11:00.
    assert_eq!(
        due("2026-08-28T16:00", "4 giờ làm việc"),
        "2026-09-03T11:00"
    );
}
