//! `tthc holidays` for every year 2010–2026 against tables derived by hand
//! from the sources (cited in src/calendar/data/holidays.yaml; the law for
//! the fixed days). Kinds: H holiday, S substitute, W swapped day off,
//! M make-up working day, R weekly rest day on a Tết day. Each table also
//! checks the breaks (runs of days off) the press reported.

use tthc::calendar::{Calendar, HolidayKind, HolidayStatus};

fn kind(k: HolidayKind) -> char {
    match k {
        HolidayKind::Statutory => 'H',
        HolidayKind::Substitute => 'S',
        HolidayKind::SwappedDayOff => 'W',
        HolidayKind::MakeUpWorkingDay => 'M',
        HolidayKind::RestDay => 'R',
    }
}

/// Asserts the entries of `year` (as "MM-DD K") and its breaks longer
/// than one day (first day, length; a break may start in December of the
/// year before).
fn check(year: i32, expected: &[&str], breaks: &[(&str, i64)]) {
    let cal = Calendar::vietnam();
    let got: Vec<String> = cal
        .calendar_entries(year)
        .unwrap()
        .iter()
        .map(|h| format!("{} {}", &h.date.to_string()[5..], kind(h.kind)))
        .collect();
    assert_eq!(got, expected, "{year}");
    let got: Vec<(String, i64)> = cal
        .breaks(year)
        .unwrap()
        .into_iter()
        .filter(|b| b.days > 1)
        .map(|b| (b.first.to_string(), b.days))
        .collect();
    let want: Vec<(String, i64)> = breaks.iter().map(|(d, n)| (d.to_string(), *n)).collect();
    assert_eq!(got, want, "breaks of {year}");
    // Nothing in an announced year is predicted.
    assert!(
        !cal.calendar_entries(year)
            .unwrap()
            .iter()
            .any(|h| h.status == HolidayStatus::Predicted),
        "{year}"
    );
}

#[test]
fn y2010() {
    // Tết Canh Dần (Sun 14/2): 4 days by law, 30 Tết Sat 13/2 and mùng 1 Sun 14/2
    // made good on 17 and 18/2; Fri 19/2 swapped with Sat 27/2 → 9 days 13–21/2
    // (Hà Nội Mới). 2/9: Fri 3/9 off, Sat 11/9 worked (5971/VPCP-KGVX).
    check(
        2010,
        &[
            "01-01 H", "02-13 H", "02-14 H", "02-15 H", "02-16 H", "02-17 S", "02-18 S", "02-19 W",
            "02-27 M", "04-23 H", "04-30 H", "05-01 H", "05-03 S", "09-02 H", "09-03 W", "09-11 M",
        ],
        &[
            ("2010-01-01", 3),
            ("2010-02-13", 9),
            ("2010-04-23", 3),
            ("2010-04-30", 4),
            ("2010-09-02", 4),
        ],
    );
}

#[test]
fn y2011() {
    // Tết Tân Mão (Thu 3/2): Mon 31/1 and Tue 1/2 off, Sat 29/1 and Sun 30/1 worked;
    // mùng 3 on Sat 5/2 made good on Mon 7/2 → 8 days 31/1–7/2 (Báo Lạng Sơn).
    // Hùng Kings Tue 12/4: Mon 11/4 off, Sat 9/4 worked → 10–12/4.
    check(
        2011,
        &[
            "01-01 H", "01-03 S", "01-29 M", "01-30 M", "01-31 W", "02-01 W", "02-02 H", "02-03 H",
            "02-04 H", "02-05 H", "02-07 S", "04-09 M", "04-11 W", "04-12 H", "04-30 H", "05-01 H",
            "05-02 S", "05-03 S", "09-02 H",
        ],
        &[
            ("2011-01-01", 3),
            ("2011-01-31", 8),
            ("2011-04-10", 3),
            ("2011-04-30", 4),
            ("2011-09-02", 3),
        ],
    );
}

#[test]
fn y2012() {
    // Tết Nhâm Thìn (Mon 23/1): 30 Tết on Sun 22/1 made good on Thu 26/1; Fri 27/1
    // off, Sat 4/2 worked → 9 days 21–29/1 (Báo Bình Định). New Year 2013 swap:
    // Mon 31/12/2012 off (Sat 5/1/2013 worked).
    check(
        2012,
        &[
            "01-01 H", "01-02 S", "01-22 H", "01-23 H", "01-24 H", "01-25 H", "01-26 S", "01-27 W",
            "02-04 M", "03-31 H", "04-02 S", "04-30 H", "05-01 H", "09-02 H", "09-03 S", "12-31 W",
        ],
        &[
            ("2011-12-31", 3),
            ("2012-01-21", 9),
            ("2012-03-31", 3),
            ("2012-04-28", 4),
            ("2012-09-01", 3),
            ("2012-12-29", 4),
        ],
    );
}

#[test]
fn y2013() {
    // Tết Quý Tỵ (Sun 10/2), still 4 days (Labour Code 2012 in force 1/5/2013):
    // Sat 9/2 and Sun 10/2 made good on 13 and 14/2; Fri 15/2 off, Sat 23/2 worked
    // → 9 days 9–17/2. 30/4: Mon 29/4 off, Sat 4/5 worked.
    check(
        2013,
        &[
            "01-01 H", "01-05 M", "02-09 H", "02-10 H", "02-11 H", "02-12 H", "02-13 S", "02-14 S",
            "02-15 W", "02-23 M", "04-19 H", "04-29 W", "04-30 H", "05-01 H", "05-04 M", "09-02 H",
        ],
        &[
            ("2012-12-29", 4),
            ("2013-02-09", 9),
            ("2013-04-19", 3),
            ("2013-04-27", 5),
            ("2013-08-31", 3),
        ],
    );
}

#[test]
fn y2014() {
    // Tết Giáp Ngọ (Fri 31/1): Tue 28/1 and Wed 29/1 off, Sat 25/1 and Sat 8/2
    // worked → 9 days 28/1–5/2 (Báo Đồng Tháp, Lao Động). 30/4: Fri 2/5 off, Sat 26/4
    // worked → 30/4–4/5. New Year 2015: Sat 27/12/2014 worked.
    check(
        2014,
        &[
            "01-01 H", "01-25 M", "01-28 W", "01-29 W", "01-30 H", "01-31 H", "02-01 R", "02-02 R",
            "02-03 H", "02-04 H", "02-05 H", "02-08 M", "04-09 H", "04-26 M", "04-30 H", "05-01 H",
            "05-02 W", "09-02 H", "12-27 M",
        ],
        &[("2014-01-28", 9), ("2014-04-30", 5)],
    );
}

#[test]
fn y2015() {
    // New Year: Fri 2/1 off (Sat 27/12/2014 worked) → 1–4/1. Tết Ất Mùi (Thu 19/2):
    // Mon 16/2 off, Sat 14/2 worked → 9 days 15–23/2 (MoLISA option 1). 30/4:
    // Wed 29/4 off, Sat 25/4 worked → 28/4 (Hùng Kings) – 3/5.
    check(
        2015,
        &[
            "01-01 H", "01-02 W", "02-14 M", "02-16 W", "02-17 H", "02-18 H", "02-19 H", "02-20 H",
            "02-21 R", "02-22 R", "02-23 H", "04-25 M", "04-28 H", "04-29 W", "04-30 H", "05-01 H",
            "09-02 H",
        ],
        &[("2015-01-01", 4), ("2015-02-15", 9), ("2015-04-28", 6)],
    );
}

#[test]
fn y2016() {
    // Tết Bính Thân (Mon 8/2): 6–14/2, 9 days, no swap (4659/TB-LĐTBXH); 30 Tết
    // on Sun 7/2 → Fri 12/2. Hùng Kings Sat 16/4 → Mon 18/4; 30/4 Sat, 1/5 Sun →
    // Mon 2/5, Tue 3/5.
    check(
        2016,
        &[
            "01-01 H", "02-07 R", "02-08 H", "02-09 H", "02-10 H", "02-11 H", "02-12 H", "04-16 H",
            "04-18 S", "04-30 H", "05-01 H", "05-02 S", "05-03 S", "09-02 H",
        ],
        &[
            ("2016-01-01", 3),
            ("2016-02-06", 9),
            ("2016-04-16", 3),
            ("2016-04-30", 4),
            ("2016-09-02", 3),
        ],
    );
}

#[test]
fn y2017() {
    // Tết Đinh Dậu (Sat 28/1): 26/1–1/2, 7 days. 2/9 on Saturday → Mon 4/9.
    check(
        2017,
        &[
            "01-01 H", "01-02 S", "01-26 H", "01-27 H", "01-28 R", "01-29 R", "01-30 H", "01-31 H",
            "02-01 H", "04-06 H", "04-30 H", "05-01 H", "05-02 S", "09-02 H", "09-04 S",
        ],
        &[
            ("2016-12-31", 3),
            ("2017-01-26", 7),
            ("2017-04-29", 4),
            ("2017-09-02", 3),
        ],
    );
}

#[test]
fn y2018() {
    // Tết Mậu Tuất (Fri 16/2): 14–20/2, 7 days (Cà Mau one-stop centre). New Year
    // 2019: Mon 31/12/2018 off (6519/VPCP-KGVX).
    check(
        2018,
        &[
            "01-01 H", "02-14 H", "02-15 H", "02-16 H", "02-17 R", "02-18 R", "02-19 H", "02-20 H",
            "04-25 H", "04-30 H", "05-01 H", "09-02 H", "09-03 S", "12-31 W",
        ],
        &[
            ("2017-12-30", 3),
            ("2018-02-14", 7),
            ("2018-04-28", 4),
            ("2018-09-01", 3),
            ("2018-12-29", 4),
        ],
    );
}

#[test]
fn y2019() {
    // 6519/VPCP-KGVX: New Year 31/12/2018–1/1/2019 (Sat 5/1 worked); Tết 4–8/2
    // (break 2–10/2); 29/4–1/5 (Sat 4/5 worked). Hùng Kings Sun 14/4 → Mon 15/4.
    check(
        2019,
        &[
            "01-01 H", "01-05 M", "02-04 H", "02-05 H", "02-06 H", "02-07 H", "02-08 H", "04-14 H",
            "04-15 S", "04-29 W", "04-30 H", "05-01 H", "05-04 M", "09-02 H",
        ],
        &[
            ("2018-12-29", 4),
            ("2019-02-02", 9),
            ("2019-04-13", 3),
            ("2019-04-27", 5),
            ("2019-08-31", 3),
        ],
    );
}

#[test]
fn y2020() {
    // Tết Canh Tý (Sat 25/1): 23–29/1, 7 days.
    check(
        2020,
        &[
            "01-01 H", "01-23 H", "01-24 H", "01-25 R", "01-26 R", "01-27 H", "01-28 H", "01-29 H",
            "04-02 H", "04-30 H", "05-01 H", "09-02 H",
        ],
        &[("2020-01-23", 7), ("2020-04-30", 4)],
    );
}

#[test]
fn y2021() {
    // 1–3/1; Tết Tân Sửu 10–16/2; 30/4–3/5; 2/9 with Fri 3/9 → 2–5/9 (SGGP).
    check(
        2021,
        &[
            "01-01 H", "02-10 H", "02-11 H", "02-12 H", "02-13 R", "02-14 R", "02-15 H", "02-16 H",
            "04-21 H", "04-30 H", "05-01 H", "05-03 S", "09-02 H", "09-03 H",
        ],
        &[
            ("2021-01-01", 3),
            ("2021-02-10", 7),
            ("2021-04-30", 4),
            ("2021-09-02", 4),
        ],
    );
}

#[test]
fn y2022() {
    // Tết Nhâm Dần: 5 days + 4 weekend days, 29/1–6/2 (245/VPCP-KGVX); 2/9 with
    // Thu 1/9 → 1–4/9.
    check(
        2022,
        &[
            "01-01 H", "01-03 S", "01-31 H", "02-01 H", "02-02 H", "02-03 H", "02-04 H", "04-10 H",
            "04-11 S", "04-30 H", "05-01 H", "05-02 S", "05-03 S", "09-01 H", "09-02 H",
        ],
        &[
            ("2022-01-01", 3),
            ("2022-01-29", 9),
            ("2022-04-09", 3),
            ("2022-04-30", 4),
            ("2022-09-01", 4),
        ],
    );
}

#[test]
fn y2023() {
    // Tết Quý Mão 20–26/1 (8056/VPCP-KGVX); Hùng Kings Sat 29/4, 30/4 Sun, 1/5 Mon
    // → 2/5 and 3/5 (29/4–3/5); 2/9 Sat with Fri 1/9 and Mon 4/9 → 1–4/9.
    check(
        2023,
        &[
            "01-01 H", "01-02 S", "01-20 H", "01-21 R", "01-22 R", "01-23 H", "01-24 H", "01-25 H",
            "01-26 H", "04-29 H", "04-30 H", "05-01 H", "05-02 S", "05-03 S", "09-01 H", "09-02 H",
            "09-04 S",
        ],
        &[
            ("2022-12-31", 3),
            ("2023-01-20", 7),
            ("2023-04-29", 5),
            ("2023-09-01", 4),
        ],
    );
}

#[test]
fn y2024() {
    // Tết Giáp Thìn 8–14/2 (mùng 1 and 2 on Sat 10/Sun 11 are listed); 30/4: Mon
    // 29/4 off, Sat 4/5 worked (2450/VPCP-KGVX) → 27/4–1/5; 2/9 with Tue 3/9 →
    // 31/8–3/9.
    check(
        2024,
        &[
            "01-01 H", "02-08 H", "02-09 H", "02-10 R", "02-11 R", "02-12 H", "02-13 H", "02-14 H",
            "04-18 H", "04-29 W", "04-30 H", "05-01 H", "05-04 M", "09-02 H", "09-03 H",
        ],
        &[
            ("2023-12-30", 3),
            ("2024-02-08", 7),
            ("2024-04-27", 5),
            ("2024-08-31", 4),
        ],
    );
}

#[test]
fn y2025() {
    // Tết Ất Tỵ 27–31/1 (8726/VPCP-KGVX), break 25/1–2/2; 30/4: Fri 2/5 off, Sat
    // 26/4 worked → 30/4–4/5; 2/9 with Mon 1/9 → 30/8–2/9.
    check(
        2025,
        &[
            "01-01 H", "01-27 H", "01-28 H", "01-29 H", "01-30 H", "01-31 H", "02-01 R", "04-07 H",
            "04-26 M", "04-30 H", "05-01 H", "05-02 W", "09-01 H", "09-02 H",
        ],
        &[
            ("2025-01-25", 9),
            ("2025-04-05", 3),
            ("2025-04-30", 5),
            ("2025-08-30", 4),
        ],
    );
}

#[test]
fn y2026() {
    // New Year: Fri 2/1 off, Sat 10/1 worked (12729/VPCP-KGVX) → 1–4/1; Tết Bính
    // Ngọ 16–20/2, break 14–22/2; Hùng Kings Sun 26/4 → Mon 27/4; 2/9 with Tue 1/9
    // and Mon 31/8 swapped with Sat 22/8 → 29/8–2/9. Thanh Niên (13/1/2026): 25
    // days in breaks, 4 + 9 + 3 + 4 + 5.
    check(
        2026,
        &[
            "01-01 H", "01-02 W", "01-10 M", "02-16 H", "02-17 H", "02-18 H", "02-19 H", "02-20 H",
            "04-26 H", "04-27 S", "04-30 H", "05-01 H", "08-22 M", "08-31 W", "09-01 H", "09-02 H",
        ],
        &[
            ("2026-01-01", 4),
            ("2026-02-14", 9),
            ("2026-04-25", 3),
            ("2026-04-30", 4),
            ("2026-08-29", 5),
        ],
    );
    let total: i64 = Calendar::vietnam()
        .breaks(2026)
        .unwrap()
        .iter()
        .map(|b| b.days)
        .sum();
    assert_eq!(total, 25);
}
