//! The holiday data file (`src/calendar/data/holidays.yaml`, format
//! `tthc-holidays/1`): what the Government announced each year, with the
//! source of every entry, and the days added to (or proposed for) the list.
//!
//! Every check of the file is located (file, line, column) and worded in
//! Vietnamese and English.

use super::{CalendarError, DataError, Date, LunarDate};
use crate::Text;
use crate::load::Location;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_saphyr::Spanned;
use std::collections::BTreeMap;

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

/// The data file: announcements by year, named sources, and days added to
/// or proposed for the statutory list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayData {
    /// Must be `tthc-holidays/1`.
    pub format: String,
    /// Named sources that entries cite by key in their `source`.
    #[serde(default)]
    pub sources: BTreeMap<String, Source>,
    /// Announcements by the solar year of the holiday they arrange.
    #[serde(default)]
    pub years: BTreeMap<i32, YearData>,
    /// Days added to the statutory list from a start date (in force).
    #[serde(default)]
    pub additions: Vec<Addition>,
    /// Days proposed for the list but not in force: shown as notes, never
    /// as days off. Move one to `additions` (e.g. in a file given with
    /// `--holidays`) once the law is in force.
    #[serde(default)]
    pub proposed: Vec<Addition>,
}

/// Where an announcement is documented.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The decision or dispatch: number and date, e.g. "Công văn
    /// 6519/VPCP-KGVX ngày 11/7/2018". Absent when it was not found.
    #[serde(default)]
    pub document: Option<String>,
    /// True when the text of `document` itself was read (otherwise it is
    /// known from the press reports only).
    #[serde(default)]
    pub read: bool,
    /// Press reports (URL, with a title or date where known).
    #[serde(default)]
    pub press: Vec<String>,
    /// Anything a reader should know (e.g. a typo in a report).
    #[serde(default)]
    pub note: Option<String>,
}

impl Source {
    /// The source as one line: the document, marked when only the press
    /// reported it; or the press report, marked "decision not found".
    pub fn describe(&self) -> Text {
        let press = self.press.first().map(String::as_str).unwrap_or("?");
        match &self.document {
            Some(doc) if self.read || self.press.is_empty() => Text::new(doc, doc),
            Some(doc) => Text::new(
                format!("{doc} (theo báo chí: {press})"),
                format!("{doc} (as reported: {press})"),
            ),
            None => Text::new(
                format!("báo chí: {press} (quyết định không tìm thấy)"),
                format!("press: {press} (decision not found)"),
            ),
        }
    }
}

/// What was announced for one year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearData {
    /// The Tết days off the Prime Minister fixed on working days (replaces
    /// the rule). Weekly rest days inside the break are not listed.
    #[serde(default)]
    pub tet: Option<Announced<Vec<Date>>>,
    /// The day next to 2/9 the Government chose (from 2021).
    #[serde(default)]
    pub national_day_adjacent: Option<Announced<Date>>,
    /// Swaps of a working day with a weekly rest day. Their dates may lie in
    /// the neighbouring year (a New Year swap made up in December).
    #[serde(default)]
    pub swaps: Vec<Swap>,
    /// Notes shown with the year (e.g. an arrangement reported elsewhere
    /// but not found in a source).
    #[serde(default)]
    pub notes: Vec<Text>,
}

/// An announced value with its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announced<T> {
    /// The value.
    pub value: T,
    /// The announcement: a key of [`HolidayData::sources`], or free text.
    pub source: String,
    pub(crate) loc: Location,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnnounced<T> {
    value: Spanned<T>,
    source: String,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Announced<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawAnnounced::<T>::deserialize(d)?;
        Ok(Announced {
            loc: Location::from_saphyr(&raw.value.referenced),
            value: raw.value.value,
            source: raw.source,
        })
    }
}

impl<T> Announced<T> {
    /// An announced value (for data built in code).
    pub fn new(value: T, source: impl Into<String>) -> Announced<T> {
        Announced {
            value,
            source: source.into(),
            loc: Location::default(),
        }
    }
}

/// A working day given off, made up on a weekly rest day (or not, when
/// `work_on` is absent: an extra day off).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swap {
    /// The working day given off.
    pub day_off: Date,
    /// The rest day worked instead, if any.
    pub work_on: Option<Date>,
    /// The announcement: a key of [`HolidayData::sources`], or free text.
    pub source: String,
    pub(crate) loc: (Location, Location),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSwap {
    day_off: Spanned<Date>,
    #[serde(default)]
    work_on: Option<Spanned<Date>>,
    source: String,
}

impl<'de> Deserialize<'de> for Swap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawSwap::deserialize(d)?;
        let off_loc = Location::from_saphyr(&raw.day_off.referenced);
        let work_loc = raw
            .work_on
            .as_ref()
            .map_or(off_loc, |w| Location::from_saphyr(&w.referenced));
        Ok(Swap {
            day_off: raw.day_off.value,
            work_on: raw.work_on.map(|w| w.value),
            source: raw.source,
            loc: (off_loc, work_loc),
        })
    }
}

impl Swap {
    /// A swap (for data built in code).
    pub fn new(day_off: Date, work_on: Option<Date>, source: impl Into<String>) -> Swap {
        Swap {
            day_off,
            work_on,
            source: source.into(),
            loc: (Location::default(), Location::default()),
        }
    }
}

/// A day added to the holiday list, every year from `from` on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addition {
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
    /// First date the day is a holiday.
    pub from: Date,
    /// Its name.
    pub name: Text,
    /// The law that added it (or, for a proposal, the proposal).
    pub source: String,
    /// For a proposal: its status in the sources (e.g. "a task of
    /// Resolution 30/NQ-CP; the Labour Code is not amended yet").
    pub status: Option<Text>,
    pub(crate) loc: Location,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAddition {
    month: Spanned<u8>,
    day: u8,
    from: Date,
    name: Text,
    source: String,
    #[serde(default)]
    status: Option<Text>,
}

impl<'de> Deserialize<'de> for Addition {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawAddition::deserialize(d)?;
        Ok(Addition {
            loc: Location::from_saphyr(&raw.month.referenced),
            month: raw.month.value,
            day: raw.day,
            from: raw.from,
            name: raw.name,
            source: raw.source,
            status: raw.status,
        })
    }
}

/// The built-in data file.
pub const BUILTIN_DATA: &str = include_str!("data/holidays.yaml");

/// A ready data file that adds 24/11 "Ngày Văn hóa Việt Nam" as a day off
/// from 2026. Not in force by the sources read (see docs/calendar.md);
/// use it with [`super::Calendar::with_data`] once the law is amended.
pub const VAN_HOA_2411_DATA: &str = include_str!("data/ngay-van-hoa-viet-nam.yaml");

impl HolidayData {
    /// Parses and checks a data file (through [`crate::load::parse_typed`]).
    /// Errors name the file, line and column.
    pub fn parse(src: &str, origin: &str) -> Result<HolidayData, CalendarError> {
        let data: HolidayData =
            crate::load::parse_typed(src, origin, &crate::LoadOptions::default()).map_err(|e| {
                let loc = e.location.unwrap_or_default();
                DataError::at(
                    origin,
                    loc,
                    e.message(crate::Lang::Vi),
                    e.message(crate::Lang::En),
                )
            })?;
        data.check(origin)?;
        Ok(data)
    }

    /// The built-in data.
    pub fn builtin() -> Result<HolidayData, CalendarError> {
        HolidayData::parse(BUILTIN_DATA, "holidays.yaml")
    }

    /// The text of `source` (a key of [`HolidayData::sources`] or free text).
    pub fn describe_source(&self, source: &str) -> Text {
        match self.sources.get(source) {
            Some(s) => s.describe(),
            None => Text::new(source, source),
        }
    }

    fn check(&self, origin: &str) -> Result<(), CalendarError> {
        if self.format != "tthc-holidays/1" {
            return Err(DataError::at(
                origin,
                Location {
                    line: 1,
                    column: 1,
                    ..Location::default()
                },
                format!(
                    "format phải là tthc-holidays/1, không phải '{}'",
                    self.format
                ),
                format!("format must be tthc-holidays/1, not '{}'", self.format),
            ));
        }
        let fail = |loc: Location, vi: String, en: String| Err(DataError::at(origin, loc, vi, en));
        for (&year, y) in &self.years {
            let near = |d: &Date| (d.year() - year).abs() <= 1;
            if let Some(tet) = &y.tet {
                let first = LunarDate::new(year, 1, 1, false).to_solar().ok();
                for d in &tet.value {
                    let close = first.is_some_and(|f| f.days_until(*d).abs() <= 15);
                    if !close {
                        return fail(
                            tet.loc,
                            format!("ngày Tết {d} không nằm gần Tết năm {year}"),
                            format!("Tết day {d} is not near the Tết of {year}"),
                        );
                    }
                    if d.weekday().index() >= 5 {
                        return fail(
                            tet.loc,
                            format!(
                                "ngày Tết {d} là thứ Bảy hoặc Chủ nhật: chỉ ghi ngày nghỉ vào ngày làm việc"
                            ),
                            format!(
                                "Tết day {d} is a Saturday or Sunday: list only days off on working days"
                            ),
                        );
                    }
                }
                self.check_source(origin, &tet.source, tet.loc)?;
            }
            if let Some(adj) = &y.national_day_adjacent {
                let (y2, m, d) = adj.value.ymd();
                if y2 != year || m != 9 || !(d == 1 || d == 3) {
                    return fail(
                        adj.loc,
                        format!(
                            "national_day_adjacent {} không phải 1/9 hoặc 3/9/{year}",
                            adj.value
                        ),
                        format!(
                            "national_day_adjacent {} is not 1/9 or 3/9/{year}",
                            adj.value
                        ),
                    );
                }
                self.check_source(origin, &adj.source, adj.loc)?;
            }
            for s in &y.swaps {
                if !near(&s.day_off) {
                    return fail(
                        s.loc.0,
                        format!("{} được ghi dưới năm {year}", s.day_off),
                        format!("{} is listed under year {year}", s.day_off),
                    );
                }
                if s.day_off.weekday().index() >= 5 {
                    return fail(
                        s.loc.0,
                        format!(
                            "day_off {} là ngày nghỉ hằng tuần, không phải ngày làm việc",
                            s.day_off
                        ),
                        format!(
                            "day_off {} is a weekly rest day, not a working day",
                            s.day_off
                        ),
                    );
                }
                if let Some(w) = s.work_on {
                    if !near(&w) {
                        return fail(
                            s.loc.1,
                            format!("{w} được ghi dưới năm {year}"),
                            format!("{w} is listed under year {year}"),
                        );
                    }
                    if w.weekday().index() < 5 {
                        return fail(
                            s.loc.1,
                            format!("work_on {w} không phải thứ Bảy hoặc Chủ nhật"),
                            format!("work_on {w} is not a Saturday or Sunday"),
                        );
                    }
                }
                self.check_source(origin, &s.source, s.loc.0)?;
            }
        }
        for a in self.additions.iter().chain(&self.proposed) {
            if a.day == 0 || a.day > super::date::days_in_month(2000, a.month) {
                return fail(
                    a.loc,
                    format!("{}/{} không phải là một ngày", a.day, a.month),
                    format!("addition {}/{} is not a date", a.day, a.month),
                );
            }
        }
        Ok(())
    }

    fn check_source(&self, origin: &str, source: &str, loc: Location) -> Result<(), CalendarError> {
        if source.trim().is_empty() {
            return Err(DataError::at(
                origin,
                loc,
                "thiếu nguồn (source)".into(),
                "the source is empty".into(),
            ));
        }
        // A key-like word (no space) must name a source.
        let key_like = !source.contains(' ') && source.contains('-');
        if key_like && !self.sources.contains_key(source) && !source.contains('/') {
            return Err(DataError::at(
                origin,
                loc,
                format!("nguồn '{source}' không có trong sources"),
                format!("source '{source}' is not a key of sources"),
            ));
        }
        Ok(())
    }

    /// Adds `other` to this data: its years replace the same fields of
    /// this data's years; swaps, notes, sources, additions and proposals
    /// are added.
    pub fn extend(&mut self, other: HolidayData) {
        self.sources.extend(other.sources);
        for (year, y) in other.years {
            let mine = self.years.entry(year).or_default();
            if y.tet.is_some() {
                mine.tet = y.tet;
            }
            if y.national_day_adjacent.is_some() {
                mine.national_day_adjacent = y.national_day_adjacent;
            }
            mine.swaps.extend(y.swaps);
            mine.notes.extend(y.notes);
        }
        self.additions.extend(other.additions);
        self.proposed.extend(other.proposed);
    }

    /// The same data without any announcement (years), keeping sources,
    /// additions and proposals: what the rules alone give.
    pub fn without_announcements(&self) -> HolidayData {
        HolidayData {
            years: BTreeMap::new(),
            ..self.clone()
        }
    }
}
