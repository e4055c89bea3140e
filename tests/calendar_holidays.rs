//! Holiday lists asserted by hand from announced facts. Sources (press
//! reports of the decisions, as cited in src/calendar/data/holidays.yaml):
//! - 2024: Tết 8–14/2 (PM approval, Vietnam News 5/11/2023); 30/4 swap of
//!   Mon 29/4 with Sat 4/5 (Government Office 2450/VPCP-KGVX, 12/4/2024);
//!   National Day 31/8–3/9 (MoLISA); Hùng Kings 18/4 (chinhphu.vn 20/4/2024).
//! - 2025: Tết 27–31/1 (Government Office, SGGP 27/11/2024); National Day
//!   30/8–2/9, adjacent day 1/9 (MoHA, Vietnam News 4/8/2025).
//! - 2026: Tết 14–22/2 break (Công an TP.HCM); Hùng Kings Sunday 26/4 with
//!   Monday 27/4 off (Lao Động); 24/11 Ngày Văn hóa Việt Nam (Resolution
//!   80-NQ/TW); 2/9 adjacent day 1/9 (MoHA proposal, employer calendars).
//! - 2022 and 2023 substitutes: SGGP "Calendar of public holidays in April,
//!   May" (2022: 2/5 and 3/5 off); VietnamPlus 30/1/2023 (2023: 2/5 and 3/5).

use tthc::calendar::{Calendar, Date, HolidayKind};

fn days_off(cal: &Calendar, year: i32) -> Vec<(String, HolidayKind)> {
    cal.holidays(year)
        .unwrap()
        .into_iter()
        .map(|h| (h.date.to_string(), h.kind))
        .collect()
}

fn expect(list: &[(&str, HolidayKind)]) -> Vec<(String, HolidayKind)> {
    list.iter().map(|(d, k)| (d.to_string(), *k)).collect()
}

use HolidayKind::{MakeUpWorkingDay, Statutory, Substitute, SwappedDayOff};

#[test]
fn holidays_2024() {
    let cal = Calendar::vietnam();
    assert_eq!(
        days_off(&cal, 2024),
        expect(&[
            ("2024-01-01", Statutory),
            ("2024-02-08", Statutory),
            ("2024-02-09", Statutory),
            ("2024-02-12", Statutory),
            ("2024-02-13", Statutory),
            ("2024-02-14", Statutory),
            ("2024-04-18", Statutory),
            ("2024-04-29", SwappedDayOff),
            ("2024-04-30", Statutory),
            ("2024-05-01", Statutory),
            ("2024-09-02", Statutory),
            ("2024-09-03", Statutory),
        ])
    );
    let made_up = cal.make_up_working_days(2024).unwrap();
    assert_eq!(made_up.len(), 1);
    assert_eq!(
        (made_up[0].date.to_string(), made_up[0].kind),
        ("2024-05-04".into(), MakeUpWorkingDay)
    );
    assert!(cal.is_working_day(Date::new(2024, 5, 4).unwrap()).unwrap());
    assert!(!cal.holidays(2024).unwrap().iter().any(|h| h.assumed));
}

#[test]
fn holidays_2025() {
    let cal = Calendar::vietnam();
    assert_eq!(
        days_off(&cal, 2025),
        expect(&[
            ("2025-01-01", Statutory),
            ("2025-01-27", Statutory),
            ("2025-01-28", Statutory),
            ("2025-01-29", Statutory),
            ("2025-01-30", Statutory),
            ("2025-01-31", Statutory),
            ("2025-04-07", Statutory),
            ("2025-04-30", Statutory),
            ("2025-05-01", Statutory),
            ("2025-09-01", Statutory),
            ("2025-09-02", Statutory),
        ])
    );
}

#[test]
fn holidays_2026() {
    let cal = Calendar::vietnam();
    assert_eq!(
        days_off(&cal, 2026),
        expect(&[
            ("2026-01-01", Statutory),
            ("2026-02-16", Statutory),
            ("2026-02-17", Statutory),
            ("2026-02-18", Statutory),
            ("2026-02-19", Statutory),
            ("2026-02-20", Statutory),
            ("2026-04-26", Statutory),
            ("2026-04-27", Substitute),
            ("2026-04-30", Statutory),
            ("2026-05-01", Statutory),
            ("2026-09-01", Statutory),
            ("2026-09-02", Statutory),
            ("2026-11-24", Statutory),
        ])
    );
    let hung = &cal.holidays(2026).unwrap()[6];
    assert!(hung.name.vi.contains("Hùng Vương"));
    assert!(hung.name.en.contains("Hùng Kings"));
}

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
    assert_eq!(adj.date.to_string(), "2021-09-03");
    assert!(adj.assumed && adj.name.en.contains("default"));
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
    // Without the data, Tết 2024 follows the default (30 Tết + 4 days) with substitutes.
    let h24: Vec<String> = cal
        .holidays(2024)
        .unwrap()
        .into_iter()
        .filter(|h| h.date.month() == 2)
        .map(|h| h.date.to_string())
        .collect();
    assert_eq!(
        h24,
        [
            "2024-02-09",
            "2024-02-10",
            "2024-02-11",
            "2024-02-12",
            "2024-02-13",
            "2024-02-14",
            "2024-02-15"
        ]
    );
    // 24/11 exists only with the data, and only from 2026.
    assert!(!names(2026).iter().any(|n| n.contains("Culture")));
    let builtin = Calendar::vietnam();
    assert!(
        !builtin
            .holidays(2025)
            .unwrap()
            .iter()
            .any(|h| h.name.en.contains("Culture"))
    );
    assert!(
        builtin
            .holidays(2030)
            .unwrap()
            .iter()
            .any(|h| h.name.en.contains("Culture"))
    );
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
    for bad in [
        "format: tthc-holidays/2\n",
        "format: tthc-holidays/1\nyears:\n  2027:\n    swaps:\n      - { day_off: 2028-01-03, source: x }\n",
        "format: tthc-holidays/1\nyears:\n  2027:\n    swaps:\n      - { day_off: 2027-02-30, source: x }\n",
        "format: tthc-holidays/1\nyear: {}\n",
        "format: tthc-holidays/1\nyears:\n  2027:\n    national_day_adjacent: { value: 2027-09-05, source: x }\n",
        "format: tthc-holidays/1\nyears:\n  2027:\n    swaps:\n      - { day_off: 2027-04-29 }\n",
    ] {
        assert!(Calendar::with_data(bad).is_err(), "{bad}");
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
