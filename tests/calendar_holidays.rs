//! Holiday rules across the years, the data file and its errors, the
//! weekly rest days. The year-by-year tables 2010–2026 are in
//! tests/calendar_years.rs. Substitutes of 2022 and 2023: SGGP "Calendar of
//! public holidays in April, May" (2022: 2/5 and 3/5 off); VietnamPlus
//! 30/1/2023 (2023: 2/5 and 3/5).

use tthc::calendar::{Calendar, HolidayKind, HolidayStatus, Weekday};

use HolidayKind::{Statutory, Substitute};

#[test]
fn substitutes_follow_weekends_in_order() {
    let cal = Calendar::vietnam();
    // 2022: 30/4 Saturday, 1/5 Sunday → Monday 2/5 and Tuesday 3/5.
    let subs: Vec<String> = cal
        .holidays(2022)
        .unwrap()
        .into_iter()
        .filter(|h| h.kind == Substitute && h.date.month() == 5)
        .map(|h| h.date.to_string())
        .collect();
    assert_eq!(subs, ["2022-05-02", "2022-05-03"]);
    // 2023: Hùng Kings Saturday 29/4, 30/4 Sunday, 1/5 Monday → 2/5 and 3/5.
    for d in [
        "2023-04-29",
        "2023-04-30",
        "2023-05-01",
        "2023-05-02",
        "2023-05-03",
    ] {
        assert!(!cal.is_working_day(d.parse().unwrap()).unwrap(), "{d}");
    }
    assert!(cal.is_working_day("2023-05-04".parse().unwrap()).unwrap());
}

#[test]
fn rules_change_across_years() {
    let cal = Calendar::from_data("format: tthc-holidays/1\n").unwrap();
    let names = |y: i32| -> Vec<String> {
        cal.holidays(y)
            .unwrap()
            .into_iter()
            .map(|h| h.name.en)
            .collect()
    };
    // Hùng Kings' day only from 2007.
    assert!(!names(2006).iter().any(|n| n.contains("Hùng")));
    assert!(names(2007).iter().any(|n| n.contains("Hùng")));
    // The second day of National Day only from 2021; default is the day after, labelled.
    assert!(!names(2020).iter().any(|n| n.contains("adjacent")));
    let adj = cal
        .holidays(2021)
        .unwrap()
        .into_iter()
        .find(|h| h.name.en.contains("adjacent"))
        .unwrap();
    // Without the data, predicted by the weekday rule: Thursday 2/9 → Friday 3/9.
    assert_eq!(adj.date.to_string(), "2021-09-03");
    assert!(adj.assumed && adj.status == HolidayStatus::Predicted);
    assert!(adj.basis.en.starts_with("predicted — not yet announced"));
    // Tết: 4 days until 2013, 5 from 2014 (Labour Code 2012 in force 1/5/2013).
    let tet = |y: i32| {
        cal.holidays(y)
            .unwrap()
            .into_iter()
            .filter(|h| h.name.en.starts_with("Lunar") && h.kind == Statutory)
            .count()
    };
    assert_eq!(tet(2013), 4);
    assert_eq!(tet(2014), 5);
    // Without the data, Tết 2024 follows the rules: mùng 1 on Saturday 10/2
    // → Thursday 8/2, mùng 2 on Sunday 11/2 → Wednesday 14/2 (as announced).
    let h24: Vec<(String, HolidayKind)> = cal
        .holidays(2024)
        .unwrap()
        .into_iter()
        .filter(|h| h.date.month() == 2)
        .map(|h| (h.date.to_string(), h.kind))
        .collect();
    let rest = HolidayKind::RestDay;
    let want: Vec<(String, HolidayKind)> = [
        ("2024-02-08", Statutory),
        ("2024-02-09", Statutory),
        ("2024-02-10", rest),
        ("2024-02-11", rest),
        ("2024-02-12", Statutory),
        ("2024-02-13", Statutory),
        ("2024-02-14", Statutory),
    ]
    .iter()
    .map(|(d, k)| (d.to_string(), *k))
    .collect();
    assert_eq!(h24, want);
    // 24/11 is only a proposal: not a day off, in no year, unless added as data.
    let builtin = Calendar::vietnam();
    for y in [2026, 2030] {
        assert!(
            !builtin
                .holidays(y)
                .unwrap()
                .iter()
                .any(|h| h.name.en.contains("Culture"))
        );
    }
    assert!(
        builtin
            .is_working_day("2026-11-24".parse().unwrap())
            .unwrap()
    );
    let with = Calendar::with_data(tthc::calendar::VAN_HOA_2411_DATA).unwrap();
    assert!(!with.is_working_day("2026-11-24".parse().unwrap()).unwrap());
    assert!(with.is_working_day("2025-11-24".parse().unwrap()).unwrap());
    // 2029: 24/11 on a Saturday → substitute Monday 26/11.
    assert!(!with.is_working_day("2029-11-26".parse().unwrap()).unwrap());
    let note = builtin.year_summary(2026).unwrap().notes;
    assert!(
        note.iter()
            .any(|n| n.en.contains("24/11 Vietnamese Culture Day: not a day off"))
    );
    assert!(
        !builtin
            .year_summary(2025)
            .unwrap()
            .notes
            .iter()
            .any(|n| n.en.contains("24/11"))
    );
}

#[test]
fn six_day_week_before_october_1999() {
    let cal = Calendar::vietnam();
    let works = |d: &str| cal.is_working_day(d.parse().unwrap()).unwrap();
    // Decision 188/1999/QĐ-TTg: the first Saturday off is 2/10/1999.
    assert!(works("1999-09-25"));
    assert!(!works("1999-10-02"));
    assert!(works("1998-03-07"));
    assert!(!works("1998-03-08")); // Sunday
    // A holiday on a Saturday gave no substitute; on a Sunday, Monday.
    // 2/9/1995 Saturday: Monday 4/9 worked.
    assert!(!works("1995-09-02") && works("1995-09-04"));
    // 1/5/1999 Saturday: Monday 3/5 worked.
    assert!(works("1999-05-03"));
    // Tết 1997 (mùng 1 Friday 7/2): 30 Tết Thu 6/2, mùng 2 Sat 8/2 (a
    // holiday on a working Saturday), mùng 3 Sun 9/2 → substitute Monday 10/2;
    // Tuesday 11/2 worked.
    for d in [
        "1997-02-06",
        "1997-02-07",
        "1997-02-08",
        "1997-02-09",
        "1997-02-10",
    ] {
        assert!(!works(d), "{d}");
    }
    assert!(works("1997-02-11"));
    let subs: Vec<String> = cal
        .holidays(1997)
        .unwrap()
        .into_iter()
        .filter(|h| h.kind == Substitute)
        .map(|h| h.date.to_string())
        .collect();
    assert_eq!(subs, ["1997-02-10"]);
    assert!(cal.is_weekly_rest_day("1999-10-02".parse().unwrap()));
    assert!(!cal.is_weekly_rest_day("1999-09-25".parse().unwrap()));
    // A fixed weekend overrides the history.
    let fixed = cal.with_weekend(&[Weekday::Saturday, Weekday::Sunday]);
    assert!(!fixed.is_working_day("1998-03-07".parse().unwrap()).unwrap());
}

#[test]
fn every_entry_names_its_basis() {
    let cal = Calendar::vietnam();
    for year in [1996, 2008, 2012, 2014, 2020, 2021, 2026, 2030] {
        for h in cal.calendar_entries(year).unwrap() {
            assert!(
                !h.basis.vi.is_empty() && !h.basis.en.is_empty(),
                "{year} {h:?}"
            );
        }
    }
    let basis = |y: i32, d: &str| -> String {
        cal.calendar_entries(y)
            .unwrap()
            .into_iter()
            .find(|h| h.date.to_string() == d)
            .unwrap()
            .basis
            .en
    };
    assert_eq!(basis(2026, "2026-01-01"), "Labour Code 2019 Art. 112(1)");
    assert_eq!(basis(2026, "2026-04-27"), "Labour Code 2019 Art. 111(3)");
    assert_eq!(basis(2019, "2019-04-15"), "Labour Code 2012 Art. 115(3)");
    assert_eq!(basis(2012, "2012-04-30"), "Labour Code 1994 Art. 73");
    assert_eq!(
        basis(2012, "2012-03-31"),
        "Labour Code 1994 Art. 73 (as amended in 2007)"
    );
    assert_eq!(
        basis(2026, "2026-01-02"),
        "Công văn 12729/VPCP-KGVX ngày 25/12/2025 (as reported: collector.com.tr/965292743 (quotes dispatch 12729/VPCP-KGVX of 25/12/2025))"
    );
    assert_eq!(
        basis(2019, "2019-02-04"),
        "Công văn 6519/VPCP-KGVX ngày 11/7/2018"
    );
    assert!(basis(2020, "2020-01-23").ends_with("(decision not found)"));
    assert!(basis(1990, "1990-09-02").starts_with("before 1995"));
}

#[test]
fn data_can_be_extended_at_run_time() {
    let extra = "format: tthc-holidays/1\nyears:\n  2027:\n    national_day_adjacent: { value: 2027-09-03, source: test }\n    swaps:\n      - { day_off: 2027-04-29, work_on: 2027-05-08, source: test }\n";
    let cal = Calendar::with_data(extra).unwrap();
    assert!(!cal.is_working_day("2027-04-29".parse().unwrap()).unwrap());
    assert!(cal.is_working_day("2027-05-08".parse().unwrap()).unwrap());
    // The built-in entries are still there.
    assert!(!cal.is_working_day("2024-04-29".parse().unwrap()).unwrap());
    let only = Calendar::from_data(extra).unwrap();
    assert!(only.is_working_day("2024-04-29".parse().unwrap()).unwrap());
}

#[test]
fn bad_data_is_a_located_error() {
    use tthc::Lang;
    let y = "format: tthc-holidays/1\nyears:\n  2027:\n";
    let cases = [
        (
            "format: tthc-holidays/2\n".to_string(),
            "extra holiday data:1:1: format must be tthc-holidays/1",
            "format phải là",
        ),
        (
            format!("{y}    swaps:\n      - {{ day_off: 2029-01-03, source: x }}\n"),
            ":5:",
            "được ghi dưới năm 2027",
        ),
        (
            format!("{y}    swaps:\n      - {{ day_off: 2027-02-30, source: x }}\n"),
            ":5:",
            "2027-02-30",
        ),
        (
            "format: tthc-holidays/1\nyear: {}\n".to_string(),
            ":2:",
            "year",
        ),
        (
            format!("{y}    national_day_adjacent: {{ value: 2027-09-05, source: x }}\n"),
            ":4:",
            "không phải 1/9 hoặc 3/9",
        ),
        (
            format!("{y}    swaps:\n      - {{ day_off: 2027-04-29 }}\n"),
            ":5:",
            "source",
        ),
        (
            format!(
                "{y}    swaps:\n      - {{ day_off: 2027-04-29, work_on: 2027-04-28, source: x }}\n"
            ),
            "work_on 2027-04-28 is not a Saturday or Sunday",
            "không phải thứ Bảy",
        ),
        (
            format!("{y}    swaps:\n      - {{ day_off: 2027-04-29, source: no-such-key }}\n"),
            "source 'no-such-key' is not a key of sources",
            "không có trong sources",
        ),
        (
            format!("{y}    tet: {{ value: [2027-06-01], source: x }}\n"),
            "is not near the Tết of 2027",
            "không nằm gần Tết",
        ),
        (
            format!("{y}    tet: {{ value: [2027-02-06], source: x }}\n"),
            "is a Saturday or Sunday",
            "thứ Bảy hoặc Chủ nhật",
        ),
    ];
    for (bad, en, vi) in &cases {
        let e = Calendar::with_data(bad).unwrap_err();
        assert!(
            e.message(Lang::En).contains(en),
            "{bad}\n{}",
            e.message(Lang::En)
        );
        assert!(
            e.message(Lang::Vi).contains(vi),
            "{bad}\n{}",
            e.message(Lang::Vi)
        );
        // Both languages name the same place.
        let place = |m: String| m.split(": ").next().unwrap_or_default().to_string();
        assert_eq!(
            place(e.message(Lang::En)),
            place(e.message(Lang::Vi)),
            "{bad}"
        );
    }
}

#[test]
fn weekend_is_configurable() {
    let six_day = Calendar::vietnam().with_weekend(&[tthc::calendar::Weekday::Sunday]);
    assert!(
        six_day
            .is_working_day("2026-03-07".parse().unwrap())
            .unwrap()
    ); // a Saturday
    // Hùng Kings' day 2026 is a Sunday: the substitute is still Monday 27/4.
    assert!(
        !six_day
            .is_working_day("2026-04-27".parse().unwrap())
            .unwrap()
    );
    // 2025: 1/9 and 2/9 on weekdays, no substitute.
    assert!(
        six_day
            .is_working_day("2025-09-03".parse().unwrap())
            .unwrap()
    );
}

#[test]
fn years_out_of_range_are_errors() {
    let cal = Calendar::vietnam();
    assert!(cal.holidays(1899).is_err());
    assert!(cal.holidays(2101).is_err());
    assert!(cal.is_working_day("2101-01-01".parse().unwrap()).is_err());
    assert!(cal.holidays(i32::MIN).is_err());
}

#[test]
fn a_calendar_without_working_days_is_an_error_not_a_hang() {
    let all = Calendar::vietnam().with_weekend(&Weekday::ALL);
    assert!(all.holidays(2026).is_err());
    assert!(all.is_working_day("2026-03-02".parse().unwrap()).is_err());
}
