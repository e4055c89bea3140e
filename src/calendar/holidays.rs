//! Public holidays of Vietnam: the statutory rules across the years, and the
//! announced one-off decisions kept as data.
//!
//! Rules (Labour Code 2019 Art. 112(1), earlier codes where they differ):
//! 1/1; Tết Nguyên Đán (4 days until Tết 2013, 5 days from Tết 2014: the
//! Labour Code 2012 took effect on 1/5/2013); Hùng Kings' day 10/3 lunar
//! (from 2007); 30/4; 1/5; 2/9 (plus one adjacent day from 2021). The exact
//! Tết days and the adjacent day of 2/9 are fixed each year by the Prime
//! Minister (Art. 112(3)); without an announcement in the data the defaults
//! are "last day of the old year + first days of the new one" and "the day
//! after 2/9", marked as assumed.

use super::{CalendarError, Date, LunarDate};
use crate::Text;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// What kind of day a [`Holiday`] entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
}

impl HolidayKind {
    /// A short label in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        let (vi, en) = match self {
            HolidayKind::Statutory => ("ngày lễ", "holiday"),
            HolidayKind::Substitute => ("nghỉ bù", "substitute"),
            HolidayKind::SwappedDayOff => ("nghỉ hoán đổi", "swapped day off"),
            HolidayKind::MakeUpWorkingDay => ("làm bù", "make-up working day"),
        };
        lang.pick(vi, en)
    }

    /// Whether the day is a day off (all kinds but [`HolidayKind::MakeUpWorkingDay`]).
    pub fn is_day_off(self) -> bool {
        self != HolidayKind::MakeUpWorkingDay
    }
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
    /// True when the date comes from a default rule for a decision the
    /// Government takes each year (Tết days, the day next to 2/9) and no
    /// announcement for that year is in the data.
    pub assumed: bool,
    /// Where the fact comes from, for entries from the data file.
    pub source: Option<String>,
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The holiday data file (`src/calendar/data/holidays.yaml`): one-off
/// announced decisions by year, and days added to the list with a start date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayData {
    /// Must be `tthc-holidays/1`.
    pub format: String,
    /// Announcements by solar year.
    #[serde(default)]
    pub years: BTreeMap<i32, YearData>,
    /// Days added to the statutory list from a start date.
    #[serde(default)]
    pub additions: Vec<Addition>,
}

/// What was announced for one year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearData {
    /// The statutory Tết days the Prime Minister fixed (replaces the default).
    #[serde(default)]
    pub tet: Option<Announced<Vec<Date>>>,
    /// The day next to 2/9 the Government chose (from 2021).
    #[serde(default)]
    pub national_day_adjacent: Option<Announced<Date>>,
    /// Swaps of a working day with a weekly rest day.
    #[serde(default)]
    pub swaps: Vec<Swap>,
}

/// An announced value with its source.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Announced<T> {
    /// The value.
    pub value: T,
    /// The announcement (document number, or the press report of it).
    pub source: String,
}

/// A working day given off, made up on a weekly rest day (or not, when
/// `work_on` is absent: an extra day off).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Swap {
    /// The working day given off.
    pub day_off: Date,
    /// The rest day worked instead, if any.
    #[serde(default)]
    pub work_on: Option<Date>,
    /// The announcement.
    pub source: String,
}

/// A day added to the holiday list, every year from `from` on.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addition {
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
    /// First date the day is a holiday.
    pub from: Date,
    /// Its name.
    pub name: Text,
    /// The decision that added it.
    pub source: String,
}

/// The built-in data file.
pub const BUILTIN_DATA: &str = include_str!("data/holidays.yaml");

impl HolidayData {
    /// Parses and checks a data file (through [`crate::load::parse_typed`]).
    pub fn parse(src: &str, origin: &str) -> Result<HolidayData, CalendarError> {
        let data: HolidayData =
            crate::load::parse_typed(src, origin, &crate::LoadOptions::default())
                .map_err(|e| CalendarError::Data(e.to_string()))?;
        data.check(origin)?;
        Ok(data)
    }

    fn check(&self, origin: &str) -> Result<(), CalendarError> {
        let err = |msg: String| Err(CalendarError::Data(format!("{origin}: {msg}")));
        if self.format != "tthc-holidays/1" {
            return err(format!(
                "format must be tthc-holidays/1, not '{}'",
                self.format
            ));
        }
        for (year, y) in &self.years {
            let mut dates: Vec<Date> = Vec::new();
            if let Some(tet) = &y.tet {
                dates.extend(&tet.value);
            }
            if let Some(adj) = &y.national_day_adjacent {
                dates.push(adj.value);
                let (_, m, d) = adj.value.ymd();
                if m != 9 || !(d == 1 || d == 3) {
                    return err(format!(
                        "national_day_adjacent {} is not 1/9 or 3/9",
                        adj.value
                    ));
                }
            }
            for s in &y.swaps {
                dates.push(s.day_off);
                dates.extend(s.work_on);
            }
            if let Some(d) = dates.iter().find(|d| d.year() != *year) {
                return err(format!("{d} is listed under year {year}"));
            }
        }
        for a in &self.additions {
            if a.day == 0 || a.day > super::date::days_in_month(2000, a.month) {
                return err(format!("addition {}/{} is not a date", a.day, a.month));
            }
        }
        Ok(())
    }

    /// Adds `other` to this data: its years replace the same fields of
    /// this data's years, its swaps and additions are appended.
    pub fn extend(&mut self, other: HolidayData) {
        for (year, y) in other.years {
            let mine = self.years.entry(year).or_default();
            if y.tet.is_some() {
                mine.tet = y.tet;
            }
            if y.national_day_adjacent.is_some() {
                mine.national_day_adjacent = y.national_day_adjacent;
            }
            mine.swaps.extend(y.swaps);
        }
        self.additions.extend(other.additions);
    }
}

fn statutory(date: Date, vi: &str, en: &str) -> Holiday {
    Holiday {
        date,
        name: Text::new(vi, en),
        kind: HolidayKind::Statutory,
        assumed: false,
        source: None,
    }
}

/// The statutory holidays of solar `year` (before substitutes and swaps), sorted.
pub(crate) fn statutory_holidays(
    year: i32,
    data: &HolidayData,
) -> Result<Vec<Holiday>, CalendarError> {
    let announced = data.years.get(&year);
    let ymd = |m: u8, d: u8| Date::new(year, m, d);
    let mut out = vec![statutory(ymd(1, 1)?, "Tết Dương lịch", "New Year's Day")];

    let (tet_vi, tet_en) = ("Tết Nguyên đán", "Lunar New Year (Tết)");
    match announced.and_then(|y| y.tet.as_ref()) {
        Some(tet) => out.extend(tet.value.iter().map(|&d| Holiday {
            source: Some(tet.source.clone()),
            ..statutory(d, tet_vi, tet_en)
        })),
        None => {
            // Last day of the old lunar year + the first 3 (to 2013) or 4 days.
            let first = LunarDate::new(year, 1, 1, false).to_solar()?;
            let days = if year >= 2014 { 4 } else { 3 };
            for offset in -1..days {
                out.push(Holiday {
                    assumed: true,
                    ..statutory(first.add_days(offset)?, tet_vi, tet_en)
                });
            }
        }
    }
    if year >= 2007 {
        let hung = LunarDate::new(year, 3, 10, false).to_solar()?;
        out.push(statutory(
            hung,
            "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
            "Hùng Kings' Commemoration Day (10/3 lunar)",
        ));
    }
    out.push(statutory(
        ymd(4, 30)?,
        "Ngày Chiến thắng",
        "Reunification Day",
    ));
    out.push(statutory(
        ymd(5, 1)?,
        "Ngày Quốc tế Lao động",
        "International Labour Day",
    ));
    out.push(statutory(ymd(9, 2)?, "Quốc khánh", "National Day"));
    if year >= 2021 {
        out.push(
            match announced.and_then(|y| y.national_day_adjacent.as_ref()) {
                Some(adj) => Holiday {
                    source: Some(adj.source.clone()),
                    ..statutory(
                        adj.value,
                        "Quốc khánh (ngày liền kề)",
                        "National Day (adjacent day)",
                    )
                },
                None => Holiday {
                    assumed: true,
                    ..statutory(
                        ymd(9, 3)?,
                        "Quốc khánh (ngày liền kề, mặc định: ngày sau)",
                        "National Day (adjacent day, default: the day after)",
                    )
                },
            },
        );
    }
    for a in &data.additions {
        if let Ok(date) = Date::new(year, a.month, a.day)
            && date >= a.from
        {
            out.push(Holiday {
                source: Some(a.source.clone()),
                ..statutory(date, &a.name.vi, &a.name.en)
            });
        }
    }
    out.sort_by_key(|h| h.date);
    out.dedup_by_key(|h| h.date);
    Ok(out)
}

/// The announced swaps of `year`, as (day off, make-up day) entries.
pub(crate) fn swaps(year: i32, data: &HolidayData) -> Vec<Holiday> {
    let mut out = Vec::new();
    for s in data
        .years
        .get(&year)
        .map(|y| y.swaps.as_slice())
        .unwrap_or_default()
    {
        let made_up = s.work_on.map(|w| w.to_string());
        let (vi, en) = match &made_up {
            Some(w) => (
                format!("Nghỉ hoán đổi (làm bù ngày {w})"),
                format!("Swapped day off (made up on {w})"),
            ),
            None => (
                "Nghỉ theo thông báo".to_string(),
                "Announced day off".to_string(),
            ),
        };
        out.push(Holiday {
            date: s.day_off,
            name: Text::new(vi, en),
            kind: HolidayKind::SwappedDayOff,
            assumed: false,
            source: Some(s.source.clone()),
        });
        if let Some(w) = s.work_on {
            out.push(Holiday {
                date: w,
                name: Text::new(
                    format!("Làm bù cho ngày nghỉ {}", s.day_off),
                    format!("Make-up working day for {}", s.day_off),
                ),
                kind: HolidayKind::MakeUpWorkingDay,
                assumed: false,
                source: Some(s.source.clone()),
            });
        }
    }
    out
}
