//! Public holidays of Vietnam: the statutory rules across the years, the
//! announced decisions kept as data, and the rules that predict the
//! decisions of years not yet announced.
//!
//! Rules (Labour Code 2019 Art. 112(1), earlier codes where they differ):
//! 1/1; Tết Nguyên Đán (4 days until Tết 2013: the last day of the lunar
//! year and the first three; 5 days from Tết 2014, the Labour Code 2012
//! having taken effect on 1/5/2013); Hùng Kings' day 10/3 lunar (from 2007);
//! 30/4; 1/5; 2/9 (plus one adjacent day from 2021). From 2014 the Prime
//! Minister fixes the Tết days, and from 2021 the day next to 2/9
//! (Art. 112(3)). Without an announcement in the data, the rules below
//! predict them ("predicted — not yet announced"):
//!
//! - Tết: the last day of the lunar year and mùng 1–4; one that falls on a
//!   Saturday is given on the nearest free working day before, one on a
//!   Sunday on the nearest free working day after (reproduces 2015–2026);
//! - 2/9: the adjacent day by the weekday of 2/9 — Monday, Thursday,
//!   Sunday: 3/9; Tuesday, Wednesday, Friday, Saturday: 1/9 (2021–2026).

use super::{CalendarError, Date, LunarDate, Weekday, basis};
use crate::Text;

pub use super::data::{
    Addition, Announced, BUILTIN_DATA, HolidayData, Source, Swap, VAN_HOA_2411_DATA, YearData,
};

/// What kind of day a [`Holiday`] entry is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum HolidayKind {
    /// A public holiday of Labour Code Art. 112 (or a day added to it by data).
    Statutory,
    /// A substitute day off for a holiday on a weekly rest day (Labour Code
    /// 2019 Art. 111(3): the next working day).
    Substitute,
    /// A working day given off in an announced swap.
    SwappedDayOff,
    /// A weekly rest day worked to make up for a swapped day off.
    MakeUpWorkingDay,
    /// A weekly rest day that is a traditional Tết day (e.g. mùng 1 on a
    /// Saturday) when the Tết days off are placed on working days: listed,
    /// but it gives no substitute.
    RestDay,
}

impl HolidayKind {
    /// A short label in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        let (vi, en) = match self {
            HolidayKind::Statutory => ("ngày lễ", "holiday"),
            HolidayKind::Substitute => ("nghỉ bù", "substitute"),
            HolidayKind::SwappedDayOff => ("nghỉ hoán đổi", "swapped day off"),
            HolidayKind::MakeUpWorkingDay => ("làm bù", "make-up working day"),
            HolidayKind::RestDay => ("nghỉ hằng tuần", "weekly rest day"),
        };
        lang.pick(vi, en)
    }

    /// Whether the day is a day off (all kinds but [`HolidayKind::MakeUpWorkingDay`]).
    pub fn is_day_off(self) -> bool {
        self != HolidayKind::MakeUpWorkingDay
    }
}

/// How certain a [`Holiday`] entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HolidayStatus {
    /// Fixed by the law in force (a fixed date, a substitute, a rest day).
    Law,
    /// Fixed by an announcement in the data (with its source).
    Announced,
    /// Given by the prediction rules: the decision for the year is not in
    /// the data ("dự kiến — chưa công bố").
    Predicted,
}

impl HolidayStatus {
    /// A short label in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        let (vi, en) = match self {
            HolidayStatus::Law => ("luật", "law"),
            HolidayStatus::Announced => ("đã công bố", "announced"),
            HolidayStatus::Predicted => ("dự kiến — chưa công bố", "predicted — not yet announced"),
        };
        lang.pick(vi, en)
    }
}

/// Which holiday an entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Occasion {
    /// Tết Dương lịch, 1/1.
    NewYear,
    /// Tết Nguyên Đán.
    Tet,
    /// Giỗ Tổ Hùng Vương, 10/3 lunar.
    HungKings,
    /// Ngày Chiến thắng, 30/4.
    Reunification,
    /// Ngày Quốc tế Lao động, 1/5.
    LabourDay,
    /// Quốc khánh, 2/9 (and its adjacent day).
    NationalDay,
    /// A day added to the list by data.
    Added,
    /// A swap (its day off or make-up day).
    Swap,
}

/// One dated entry of the holiday calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// The date.
    pub date: Date,
    /// The name in Vietnamese and English.
    pub name: Text,
    /// What kind of day it is.
    pub kind: HolidayKind,
    /// Which holiday it belongs to.
    pub occasion: Occasion,
    /// Law, announced or predicted.
    pub status: HolidayStatus,
    /// The legal basis or source, in Vietnamese and English.
    pub basis: Text,
    /// Same as `status == HolidayStatus::Predicted` (kept for callers of
    /// the earlier API).
    pub assumed: bool,
    /// The data source key or text, for entries from the data file.
    pub source: Option<String>,
}

fn entry(
    date: Date,
    name: Text,
    occasion: Occasion,
    status: HolidayStatus,
    basis: Text,
) -> Holiday {
    Holiday {
        date,
        name,
        kind: HolidayKind::Statutory,
        occasion,
        status,
        basis,
        assumed: status == HolidayStatus::Predicted,
        source: None,
    }
}

fn law(date: Date, vi: &str, en: &str, occasion: Occasion) -> Holiday {
    let basis = if occasion == Occasion::HungKings {
        basis::hung_kings_article(date)
    } else {
        basis::holiday_article(date)
    };
    entry(date, Text::new(vi, en), occasion, HolidayStatus::Law, basis)
}

/// The name of a Tết day, with its lunar date.
pub(crate) fn tet_name(date: Date) -> Text {
    match LunarDate::from_solar(date) {
        Ok(l) if l.month == 12 => Text::new(
            format!("Tết Nguyên đán ({} tháng Chạp)", l.day),
            format!("Lunar New Year (lunar {}/12)", l.day),
        ),
        Ok(l) if l.month == 1 => Text::new(
            format!("Tết Nguyên đán (mùng {})", l.day),
            format!("Lunar New Year (lunar {}/1)", l.day),
        ),
        _ => Text::new("Tết Nguyên đán", "Lunar New Year"),
    }
}

/// The traditional Tết days of solar `year`: the last day of the old lunar
/// year and mùng 1 to mùng `first_days`.
fn traditional_tet(year: i32, first_days: i64) -> Result<Vec<Date>, CalendarError> {
    let first = LunarDate::new(year, 1, 1, false).to_solar()?;
    (-1..first_days).map(|o| first.add_days(o)).collect()
}

/// The prediction rule for the Tết days off (from 2014): the traditional
/// five days, a Saturday one moved to the nearest free working day before,
/// a Sunday (or other rest day) one to the nearest free working day after.
pub(crate) fn predicted_tet_days(
    year: i32,
    is_rest: &dyn Fn(Date) -> bool,
) -> Result<Vec<Date>, CalendarError> {
    let nominal = traditional_tet(year, 4)?;
    let mut days: Vec<Date> = nominal.iter().copied().filter(|d| !is_rest(*d)).collect();
    for d in nominal.iter().copied().filter(|d| is_rest(*d)) {
        let back = d.weekday() == Weekday::Saturday;
        let mut x = d;
        let mut steps = 0;
        loop {
            x = x.add_days(if back { -1 } else { 1 })?;
            if !is_rest(x) && !days.contains(&x) {
                break;
            }
            steps += 1;
            if steps > 14 {
                return Err(no_working_day(d));
            }
        }
        days.push(x);
    }
    days.sort();
    Ok(days)
}

/// The error for a week without a working day (a calendar whose every day
/// is a rest day).
pub(crate) fn no_working_day(near: Date) -> CalendarError {
    CalendarError::OutOfRange(format!("no working day within two weeks of {near}"))
}

/// The prediction rule for the day next to 2/9 (from 2021).
pub(crate) fn predicted_adjacent(year: i32) -> Result<Date, CalendarError> {
    let sep2 = Date::new(year, 9, 2)?;
    let day = match sep2.weekday() {
        Weekday::Monday | Weekday::Thursday | Weekday::Sunday => 3,
        _ => 1,
    };
    Date::new(year, 9, day)
}

/// The holidays of solar `year` before substitutes and swaps, sorted, with
/// the traditional Tết days on rest days (kind [`HolidayKind::RestDay`]).
pub(crate) fn statutory_holidays(
    year: i32,
    data: &HolidayData,
    is_rest: &dyn Fn(Date) -> bool,
) -> Result<Vec<Holiday>, CalendarError> {
    let announced = data.years.get(&year);
    let ymd = |m: u8, d: u8| Date::new(year, m, d);
    let mut out = vec![law(
        ymd(1, 1)?,
        "Tết Dương lịch",
        "New Year's Day",
        Occasion::NewYear,
    )];

    if year < 2014 {
        // Labour Code 1994 Art. 73: the last day of the year and the first three.
        for d in traditional_tet(year, 3)? {
            let basis = basis::holiday_article(d);
            out.push(entry(
                d,
                tet_name(d),
                Occasion::Tet,
                HolidayStatus::Law,
                basis,
            ));
        }
    } else {
        let (days, status, basis, source) = match announced.and_then(|y| y.tet.as_ref()) {
            Some(tet) => (
                tet.value.clone(),
                HolidayStatus::Announced,
                data.describe_source(&tet.source),
                Some(tet.source.clone()),
            ),
            None => (
                predicted_tet_days(year, is_rest)?,
                HolidayStatus::Predicted,
                basis::predicted_tet(year),
                None,
            ),
        };
        for &d in &days {
            out.push(Holiday {
                source: source.clone(),
                ..entry(d, tet_name(d), Occasion::Tet, status, basis.clone())
            });
        }
        for d in traditional_tet(year, 4)? {
            if is_rest(d) && !days.contains(&d) {
                out.push(Holiday {
                    kind: HolidayKind::RestDay,
                    ..entry(
                        d,
                        tet_name(d),
                        Occasion::Tet,
                        status,
                        basis::rest_day_in_tet(),
                    )
                });
            }
        }
    }
    if year >= 2007 {
        let hung = LunarDate::new(year, 3, 10, false).to_solar()?;
        out.push(law(
            hung,
            "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
            "Hùng Kings' Commemoration Day (10/3 lunar)",
            Occasion::HungKings,
        ));
    }
    out.push(law(
        ymd(4, 30)?,
        "Ngày Chiến thắng",
        "Reunification Day",
        Occasion::Reunification,
    ));
    out.push(law(
        ymd(5, 1)?,
        "Ngày Quốc tế Lao động",
        "International Labour Day",
        Occasion::LabourDay,
    ));
    out.push(law(
        ymd(9, 2)?,
        "Quốc khánh",
        "National Day",
        Occasion::NationalDay,
    ));
    if year >= basis::LABOUR_CODE_2019_FROM {
        let name = Text::new("Quốc khánh (ngày liền kề)", "National Day (adjacent day)");
        out.push(
            match announced.and_then(|y| y.national_day_adjacent.as_ref()) {
                Some(adj) => Holiday {
                    source: Some(adj.source.clone()),
                    ..entry(
                        adj.value,
                        name,
                        Occasion::NationalDay,
                        HolidayStatus::Announced,
                        data.describe_source(&adj.source),
                    )
                },
                None => entry(
                    predicted_adjacent(year)?,
                    name,
                    Occasion::NationalDay,
                    HolidayStatus::Predicted,
                    basis::predicted_adjacent(year),
                ),
            },
        );
    }
    for a in &data.additions {
        if let Ok(date) = Date::new(year, a.month, a.day)
            && date >= a.from
        {
            out.push(Holiday {
                source: Some(a.source.clone()),
                ..entry(
                    date,
                    a.name.clone(),
                    Occasion::Added,
                    HolidayStatus::Law,
                    data.describe_source(&a.source),
                )
            });
        }
    }
    out.sort_by_key(|h| (h.date, h.kind));
    out.dedup_by_key(|h| h.date);
    Ok(out)
}

/// The announced swaps whose dates fall in `year` (listed under `year` or
/// a neighbouring year), as (day off, make-up day) entries.
pub(crate) fn swaps(year: i32, data: &HolidayData) -> Vec<Holiday> {
    let mut out = Vec::new();
    let listed = (year - 1..=year + 1).filter_map(|y| data.years.get(&y));
    for s in listed.flat_map(|y| y.swaps.iter()) {
        let basis = data.describe_source(&s.source);
        let made_up = s.work_on.map(|w| w.to_string());
        let name = match &made_up {
            Some(w) => Text::new(
                format!("Nghỉ hoán đổi (làm bù ngày {w})"),
                format!("Swapped day off (made up on {w})"),
            ),
            None => Text::new("Nghỉ theo thông báo", "Announced day off"),
        };
        let swap_entry = |date: Date, name: Text, kind: HolidayKind| Holiday {
            kind,
            source: Some(s.source.clone()),
            ..entry(
                date,
                name,
                Occasion::Swap,
                HolidayStatus::Announced,
                basis.clone(),
            )
        };
        if s.day_off.year() == year {
            out.push(swap_entry(s.day_off, name, HolidayKind::SwappedDayOff));
        }
        if let Some(w) = s.work_on.filter(|w| w.year() == year) {
            out.push(swap_entry(
                w,
                Text::new(
                    format!("Làm bù cho ngày nghỉ {}", s.day_off),
                    format!("Make-up working day for {}", s.day_off),
                ),
                HolidayKind::MakeUpWorkingDay,
            ));
        }
    }
    out
}
