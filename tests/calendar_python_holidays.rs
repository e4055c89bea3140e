//! Cross-check against the python `holidays` package 0.109 (VN), 1995–2035:
//! the days each calendar treats as not worked, compared date by date. The
//! package's days are in tests/data/calendar/python-holidays-0.109-vn.csv
//! (generated once by gen_python_holidays.py; no Python at test time).
//!
//! Every difference is listed below with the reason, checked against the
//! sources in src/calendar/data/holidays.yaml and
//! shared/reference/facts-2026-12.md; a new difference fails the test.

use std::collections::BTreeSet;
use tthc::calendar::{Calendar, Date, Weekday};

const CSV: &str = include_str!("data/calendar/python-holidays-0.109-vn.csv");

/// (date, whether tthc works that day) for every date where the two differ.
fn differences() -> Vec<String> {
    let mut off = BTreeSet::new();
    let mut made_up = BTreeSet::new();
    for line in CSV.lines().skip(1) {
        let mut f = line.splitn(3, ',');
        let (date, kind) = (f.next().unwrap(), f.next().unwrap());
        let date: Date = date.parse().unwrap();
        match kind {
            "off" => off.insert(date),
            "make-up" => made_up.insert(date),
            other => panic!("kind {other}"),
        };
    }
    let cal = Calendar::vietnam();
    let mut out = Vec::new();
    let mut d = Date::new(1995, 1, 1).unwrap();
    while d <= Date::new(2035, 12, 31).unwrap() {
        let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
        let pkg_works = made_up.contains(&d) || (!weekend && !off.contains(&d));
        let ours = cal.is_working_day(d).unwrap();
        if ours != pkg_works {
            out.push(format!(
                "{d} {}",
                if ours { "tthc-works" } else { "tthc-off" }
            ));
        }
        d = d.succ().unwrap();
    }
    out
}

#[test]
fn differences_from_the_python_holidays_package_are_the_known_ones() {
    let got = differences();
    // 1995–1999: the package rests on Saturdays; before the five-day week
    // (Decision 188/1999/QĐ-TTg, from 2/10/1999) Saturday was a working day.
    let (saturdays, rest): (Vec<&String>, Vec<&String>) = got.iter().partition(|s| {
        let d: Date = s[..10].parse().unwrap();
        d.weekday() == Weekday::Saturday && d < Date::new(1999, 10, 2).unwrap()
    });
    assert!(saturdays.iter().all(|s| s.ends_with("tthc-works")));
    // Every Saturday of 1995-01-01..1999-10-01 that is not a holiday (a
    // holiday on a Saturday is off in both).
    assert_eq!(saturdays.len(), 244);
    let expected = [
        // …and a holiday on a Saturday then gave no substitute (the package gives
        // Monday 4/9/1995 for 2/9, Tuesday 11/2/1997 for mùng 2 Tết, Monday 3/5/1999
        // for 1/5).
        "1995-09-04 tthc-works",
        "1997-02-11 tthc-works",
        "1999-05-03 tthc-works",
        // 2010 2/9: Friday 3/9 off, Saturday 11/9 worked (5971/VPCP-KGVX); the
        // package misses it.
        "2010-09-03 tthc-off",
        "2010-09-11 tthc-works",
        // 2011: Tết swaps 31/1 and 1/2 with Saturday 29/1 and Sunday 30/1, Hùng Kings
        // 11/4 with Saturday 9/4 (Báo Lạng Sơn); the package has none.
        "2011-01-29 tthc-works",
        "2011-01-30 tthc-works",
        "2011-01-31 tthc-off",
        "2011-02-01 tthc-off",
        "2011-04-09 tthc-works",
        "2011-04-11 tthc-off",
        // New Year 2013: Monday 31/12/2012 off, Saturday 5/1/2013 worked.
        "2012-12-31 tthc-off",
        "2013-01-05 tthc-works",
        // Tết 2013: the package gives Friday 15/2 off as a sixth Tết day but not
        // its make-up Saturday 23/2 (it was a swap; Tết had 4 days by law).
        "2013-02-23 tthc-works",
        // Tết 2014: 28/1–5/2 with Saturdays 25/1 and 8/2 worked; the package has
        // 29/1–4/2 and no make-up days.
        "2014-01-25 tthc-works",
        "2014-01-28 tthc-off",
        "2014-02-05 tthc-off",
        "2014-02-08 tthc-works",
        // 2/9/2014: the package swaps Monday 1/9 with Saturday 6/9; no source was
        // found, so tthc keeps the law (a note in `tthc holidays 2014`).
        "2014-09-01 tthc-works",
        "2014-09-06 tthc-off",
        // New Year 2026: Friday 2/1 off, Saturday 10/1 worked (12729/VPCP-KGVX).
        "2026-01-02 tthc-off",
        "2026-01-10 tthc-works",
        // 24/11 "Ngày Văn hóa Việt Nam": the package counts it from 2026 (with
        // substitutes); the stored sources show a proposal only, not the law.
        "2026-11-24 tthc-works",
        "2027-11-24 tthc-works",
        "2028-11-24 tthc-works",
        "2029-11-26 tthc-works",
        "2030-11-25 tthc-works",
        "2031-11-24 tthc-works",
        "2032-11-24 tthc-works",
        "2033-11-24 tthc-works",
        "2034-11-24 tthc-works",
        "2035-11-26 tthc-works",
    ];
    // No other difference: in particular the predicted Tết days and 2/9
    // adjacent days of 2027–2035 agree with the package's rules.
    let rest: Vec<&str> = rest.iter().map(|s| s.as_str()).collect();
    assert_eq!(rest, expected, "{rest:#?}");
}
