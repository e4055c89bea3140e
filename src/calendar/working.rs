//! The working-day calendar: which days are worked, and arithmetic in
//! working days and working hours.
//!
//! Office hours assumed: 8:00–12:00 and 13:00–17:00, i.e. 8 working hours a
//! day (the usual schedule of state offices; a ministry or province may set
//! its own, which this model does not know).

use super::holidays::{self, BUILTIN_DATA, HolidayData};
use super::{CalendarError, Date, DateTime, Holiday, HolidayKind, HolidayStatus, Weekday, basis};
use crate::Text;
use std::sync::OnceLock;

/// The first Saturday off in state agencies: the five-day week of Decision
/// 188/1999/QĐ-TTg (17/9/1999), from 2/10/1999 (Nhân Dân, 29/8/1999).
/// Before it Saturday was a working day.
pub const FIVE_DAY_WEEK_FROM: (i32, u8, u8) = (1999, 10, 2);

/// First solar year the working-day calendar covers.
pub const FIRST_YEAR: i32 = 1900;
/// Last solar year the working-day calendar covers.
pub const LAST_YEAR: i32 = 2100;

/// Start of the morning session, in minutes after midnight (8:00).
pub const MORNING_START: u16 = 8 * 60;
/// End of the morning session (12:00).
pub const NOON: u16 = 12 * 60;
/// Start of the afternoon session (13:00).
pub const AFTERNOON_START: u16 = 13 * 60;
/// End of the working day (17:00).
pub const CLOSE: u16 = 17 * 60;
/// Working minutes in a working day (480).
pub const WORKING_MINUTES_PER_DAY: u64 = 480;
/// A same-day dossier received after this minute (15:00) is done the next
/// working day.
pub const SAME_DAY_CUTOFF: u16 = 15 * 60;

const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// The cached working-day table of one solar year.
#[derive(Clone, Debug)]
struct YearTable {
    /// Days since 1970-01-01 of 1 January.
    first_day: i32,
    /// Bit `i` set: day `i` of the year (0-based) is not a working day.
    off: [u64; 6],
    /// `before[i]`: working days among days `0..i` of the year.
    before: Vec<u16>,
    /// Bit `i` set: day `i` is a holiday day off (not a plain rest day).
    holiday: [u64; 6],
    /// The entries of the year, sorted by date.
    entries: Vec<Holiday>,
}

fn bit(bits: &[u64; 6], ordinal: usize) -> bool {
    bits.get(ordinal / 64)
        .is_some_and(|w| w & (1u64 << (ordinal % 64)) != 0)
}

fn set_bit(bits: &mut [u64; 6], ordinal: u16, value: bool) {
    let (w, b) = (usize::from(ordinal / 64), ordinal % 64);
    if let Some(word) = bits.get_mut(w) {
        if value {
            *word |= 1 << b;
        } else {
            *word &= !(1 << b);
        }
    }
}

impl YearTable {
    fn is_off(&self, ordinal: usize) -> bool {
        bit(&self.off, ordinal)
    }
}

/// The Vietnamese working-day calendar.
///
/// ```
/// use tthc::calendar::{Calendar, Date, DateTime};
/// use tthc::Duration;
/// let cal = Calendar::vietnam();
/// let tet = Date::new(2026, 2, 17).unwrap();
/// assert!(!cal.is_working_day(tet).unwrap());
/// // Received Friday 13/2/2026 at 16:00; 7 working days skip the Tết break.
/// let received: DateTime = "2026-02-13T16:00".parse().unwrap();
/// let due = cal.due_date(received, Duration::working_days(7)).unwrap();
/// assert_eq!(due.to_string(), "2026-03-03T17:00");
/// ```
#[derive(Clone, Debug)]
pub struct Calendar {
    weekend: Weekend,
    data: HolidayData,
    years: Vec<OnceLock<YearTable>>,
}

/// The weekly rest days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Weekend {
    /// State agencies: Sunday; Saturday too from [`FIVE_DAY_WEEK_FROM`].
    Vietnam,
    /// The same set of days for every date.
    Fixed([bool; 7]),
}

impl Default for Calendar {
    fn default() -> Calendar {
        Calendar::vietnam()
    }
}

fn check_year(year: i32) -> Result<usize, CalendarError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok((year - FIRST_YEAR) as usize)
    } else {
        Err(CalendarError::OutOfRange(format!(
            "year {year}: the working-day calendar covers {FIRST_YEAR}–{LAST_YEAR}"
        )))
    }
}

/// Working minutes of a working day elapsed at `minute` after midnight.
fn elapsed(minute: u16) -> u64 {
    let part = |from: u16, to: u16| u64::from(minute.clamp(from, to) - from);
    part(MORNING_START, NOON) + part(AFTERNOON_START, CLOSE)
}

/// The clock time at which `worked` working minutes (0–480) have elapsed.
/// Exactly half a day lands on noon, a full day on 17:00.
fn clock_at(worked: u64) -> u16 {
    let worked = worked.min(WORKING_MINUTES_PER_DAY) as u16;
    if worked <= NOON - MORNING_START {
        MORNING_START + worked
    } else {
        AFTERNOON_START + worked - (NOON - MORNING_START)
    }
}

impl Calendar {
    /// The calendar with the statutory rules, Saturday and Sunday off, and
    /// the built-in data of announced decisions.
    pub fn vietnam() -> Calendar {
        // The built-in data is tested; an error here would be a build defect,
        // and the rules alone are still a correct fallback.
        let data = HolidayData::parse(BUILTIN_DATA, "holidays.yaml").unwrap_or_default();
        Calendar::with_holiday_data(data)
    }

    /// The built-in calendar extended with `extra_yaml` (same format): its
    /// years override the same fields, its swaps and additions are added.
    pub fn with_data(extra_yaml: &str) -> Result<Calendar, CalendarError> {
        Calendar::with_data_from(extra_yaml, "extra holiday data")
    }

    /// [`Calendar::with_data`], naming the extra data `origin` (e.g. its
    /// file path) in error messages.
    pub fn with_data_from(extra_yaml: &str, origin: &str) -> Result<Calendar, CalendarError> {
        let mut data = HolidayData::parse(BUILTIN_DATA, "holidays.yaml")?;
        data.extend(HolidayData::parse(extra_yaml, origin)?);
        Ok(Calendar::with_holiday_data(data))
    }

    /// The built-in calendar extended with the holiday data file at
    /// `path`, read like a procedure file (size limit, regular files only).
    /// Every error is located at its line in that file, with the file's
    /// text for the snippet, in both languages.
    pub fn with_data_file(path: &std::path::Path) -> Result<Calendar, crate::LoadErrors> {
        let origin = path.display().to_string();
        let text = crate::load::read_text(path, &crate::LoadOptions::default())?;
        Calendar::with_data_from(&text, &origin).map_err(|e| e.into_load_errors(&origin, &text))
    }

    /// The statutory rules with `yaml` as the only data (the built-in data
    /// is not used).
    pub fn from_data(yaml: &str) -> Result<Calendar, CalendarError> {
        Ok(Calendar::with_holiday_data(HolidayData::parse(
            yaml,
            "holiday data",
        )?))
    }

    /// The statutory rules with already parsed data.
    pub fn with_holiday_data(data: HolidayData) -> Calendar {
        Calendar {
            weekend: Weekend::Vietnam,
            data,
            years: (0..YEARS).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The same calendar with another set of weekly rest days for every
    /// date (e.g. only Sunday for a six-day week). Substitute days follow
    /// the new set. (The default, [`Calendar::vietnam`], rests on Sunday
    /// and, from [`FIVE_DAY_WEEK_FROM`], on Saturday.)
    pub fn with_weekend(&self, rest_days: &[Weekday]) -> Calendar {
        let mut weekend = [false; 7];
        for d in rest_days {
            weekend[d.index() as usize] = true;
        }
        Calendar {
            weekend: Weekend::Fixed(weekend),
            data: self.data.clone(),
            years: (0..YEARS).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The holiday data in use.
    pub fn data(&self) -> &HolidayData {
        &self.data
    }

    /// Whether `date` is a weekly rest day (before holidays and swaps).
    pub fn is_weekly_rest_day(&self, date: Date) -> bool {
        let wd = date.weekday();
        match self.weekend {
            Weekend::Fixed(days) => days[wd.index() as usize],
            Weekend::Vietnam => {
                wd == Weekday::Sunday
                    || (wd == Weekday::Saturday && date.ymd() >= FIVE_DAY_WEEK_FROM)
            }
        }
    }

    fn is_weekend(&self, date: Date) -> bool {
        self.is_weekly_rest_day(date)
    }

    fn year(&self, year: i32) -> Result<&YearTable, CalendarError> {
        let idx = check_year(year)?;
        let cell = self
            .years
            .get(idx)
            .ok_or_else(|| CalendarError::OutOfRange(year.to_string()))?;
        if let Some(t) = cell.get() {
            return Ok(t);
        }
        let table = self.build_year(year)?;
        Ok(cell.get_or_init(|| table))
    }

    fn build_year(&self, year: i32) -> Result<YearTable, CalendarError> {
        let first = Date::new(year, 1, 1)?;
        let len = if super::date::is_leap_year(year) {
            366
        } else {
            365
        };
        let mut off = [0u64; 6];
        let mut holiday = [0u64; 6];
        for i in 0..len {
            if self.is_weekend(first.add_days(i64::from(i))?) {
                set_bit(&mut off, i, true);
            }
        }
        let is_rest = |d: Date| self.is_weekend(d);
        let mut entries = holidays::statutory_holidays(year, &self.data, &is_rest)?;
        for h in &entries {
            set_bit(&mut off, h.date.ordinal0(), true);
            set_bit(&mut holiday, h.date.ordinal0(), true);
        }
        // Labour Code 2019 Art. 111(3) (and its predecessors): a holiday on a
        // weekly rest day gives a day off on the next working day, in order.
        let mut substitutes = Vec::new();
        let mut taken: Vec<Date> = entries.iter().map(|h| h.date).collect();
        let on_rest_days = entries
            .iter()
            .filter(|h| h.kind == HolidayKind::Statutory && self.is_weekend(h.date));
        for h in on_rest_days {
            let mut d = h.date;
            loop {
                d = d.succ()?;
                if !self.is_weekend(d) && !taken.contains(&d) {
                    break;
                }
                if h.date.days_until(d) > 30 {
                    return Err(holidays::no_working_day(h.date));
                }
            }
            taken.push(d);
            let status = if h.status == HolidayStatus::Predicted {
                HolidayStatus::Predicted
            } else {
                HolidayStatus::Law
            };
            substitutes.push(Holiday {
                date: d,
                name: Text::new(
                    format!("Nghỉ bù {}", h.name.vi),
                    format!("Substitute day off for {}", h.name.en),
                ),
                kind: HolidayKind::Substitute,
                occasion: h.occasion,
                status,
                basis: basis::substitute_article(d),
                assumed: status == HolidayStatus::Predicted,
                source: None,
            });
        }
        for s in &substitutes {
            if s.date.year() == year {
                set_bit(&mut off, s.date.ordinal0(), true);
                set_bit(&mut holiday, s.date.ordinal0(), true);
            }
        }
        entries.extend(substitutes.into_iter().filter(|s| s.date.year() == year));
        // No holiday falls late enough in December for its substitute to
        // cross into the next year, so the year's own substitutes suffice.
        for s in holidays::swaps(year, &self.data) {
            set_bit(&mut off, s.date.ordinal0(), s.kind.is_day_off());
            set_bit(&mut holiday, s.date.ordinal0(), s.kind.is_day_off());
            entries.push(s);
        }
        entries.sort_by_key(|h| (h.date, h.kind));
        let mut before = Vec::with_capacity(usize::from(len) + 1);
        let mut count = 0u16;
        for i in 0..len {
            before.push(count);
            if !bit(&off, usize::from(i)) {
                count += 1;
            }
        }
        before.push(count);
        Ok(YearTable {
            first_day: first.days_since_epoch(),
            off,
            before,
            holiday,
            entries,
        })
    }

    /// Whether `date` is a holiday day off (a holiday, substitute, swapped
    /// day off or a Tết day on a rest day), not a plain weekly rest day.
    pub fn is_holiday(&self, date: Date) -> Result<bool, CalendarError> {
        let t = self.year(date.year())?;
        Ok(bit(
            &t.holiday,
            (date.days_since_epoch() - t.first_day) as usize,
        ))
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> Result<bool, CalendarError> {
        let t = self.year(date.year())?;
        Ok(!t.is_off((date.days_since_epoch() - t.first_day) as usize))
    }

    /// The days off and make-up working days of `year`, sorted by date:
    /// statutory holidays, substitutes, swapped days off and make-up days.
    pub fn calendar_entries(&self, year: i32) -> Result<Vec<Holiday>, CalendarError> {
        Ok(self.year(year)?.entries.clone())
    }

    /// The days off of `year` (holidays, substitutes, swapped days off, and
    /// Tết days on weekly rest days), sorted.
    ///
    /// ```
    /// use tthc::calendar::{Calendar, HolidayKind};
    /// let days = Calendar::vietnam().holidays(2024).unwrap();
    /// // Mùng 1 Tết fell on Saturday 10/2/2024: listed as a weekly rest day.
    /// let tet = days.iter().find(|h| h.date.to_string() == "2024-02-10").unwrap();
    /// assert_eq!(tet.kind, HolidayKind::RestDay);
    /// // 24/11 is a proposal, not a day off.
    /// let days = Calendar::vietnam().holidays(2026).unwrap();
    /// assert!(!days.iter().any(|h| h.date.to_string() == "2026-11-24"));
    /// ```
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>, CalendarError> {
        Ok(self
            .year(year)?
            .entries
            .iter()
            .filter(|h| h.kind.is_day_off())
            .cloned()
            .collect())
    }

    /// The weekend days worked to make up for swaps in `year`.
    pub fn make_up_working_days(&self, year: i32) -> Result<Vec<Holiday>, CalendarError> {
        Ok(self
            .year(year)?
            .entries
            .iter()
            .filter(|h| !h.kind.is_day_off())
            .cloned()
            .collect())
    }

    /// Entries (days off and make-up days) with `from < date <= to`.
    pub fn entries_between(&self, from: Date, to: Date) -> Result<Vec<Holiday>, CalendarError> {
        let mut out = Vec::new();
        for year in from.year()..=to.year() {
            out.extend(
                self.year(year)?
                    .entries
                    .iter()
                    .filter(|h| h.date > from && h.date <= to)
                    .cloned(),
            );
        }
        Ok(out)
    }

    /// Working days among the days `0..=date` of its year.
    fn working_through(&self, date: Date) -> Result<i64, CalendarError> {
        let t = self.year(date.year())?;
        let i = (date.days_since_epoch() - t.first_day) as usize + 1;
        Ok(i64::from(t.before.get(i).copied().unwrap_or(0)))
    }

    /// Working days `d` with `a < d <= b` (negative when `b < a`).
    ///
    /// ```
    /// use tthc::calendar::{Calendar, Date};
    /// let cal = Calendar::vietnam();
    /// let a = Date::new(2026, 2, 13).unwrap();
    /// let b = Date::new(2026, 2, 23).unwrap();
    /// assert_eq!(cal.working_days_between(a, b).unwrap(), 1); // Tết break
    /// ```
    pub fn working_days_between(&self, a: Date, b: Date) -> Result<i64, CalendarError> {
        if b < a {
            return Ok(-self.working_days_between(b, a)?);
        }
        let mut total = self.working_through(b)? - self.working_through(a)?;
        for year in a.year()..b.year() {
            let t = self.year(year)?;
            total += i64::from(t.before.last().copied().unwrap_or(0));
        }
        Ok(total)
    }

    /// The next working day strictly after `date`.
    pub fn next_working_day(&self, date: Date) -> Result<Date, CalendarError> {
        let mut d = date.succ()?;
        while !self.is_working_day(d)? {
            d = d.succ()?;
        }
        Ok(d)
    }

    /// `t` moved to the `n`-th working day after its date, same clock time.
    pub fn add_working_days(&self, t: DateTime, n: u32) -> Result<DateTime, CalendarError> {
        let mut d = t.date();
        for _ in 0..n {
            d = self.next_working_day(d)?;
        }
        DateTime::new(d, t.minute_of_day())
    }

    /// `t` plus `n` calendar days (negative: earlier), same clock time.
    pub fn add_calendar_days(&self, t: DateTime, n: i64) -> Result<DateTime, CalendarError> {
        DateTime::new(t.date().add_days(n)?, t.minute_of_day())
    }

    /// `t` plus `hours` working hours, counted in office hours from `t`.
    pub fn add_working_hours(&self, t: DateTime, hours: u32) -> Result<DateTime, CalendarError> {
        self.add_working_minutes(t, u64::from(hours) * 60)
    }

    /// `t` plus `minutes` working minutes, counted in office hours from `t`
    /// (before 8:00 counts from 8:00, the lunch break and the time after
    /// 17:00 do not count). A result at the end of a session stays there
    /// (12:00 or 17:00) rather than moving to the next session.
    pub fn add_working_minutes(
        &self,
        t: DateTime,
        minutes: u64,
    ) -> Result<DateTime, CalendarError> {
        if minutes == 0 {
            return Ok(t);
        }
        let mut left = minutes;
        let mut date = t.date();
        if self.is_working_day(date)? {
            let used = elapsed(t.minute_of_day());
            let room = WORKING_MINUTES_PER_DAY - used;
            if left <= room {
                return Ok(DateTime::at(date, clock_at(used + left)));
            }
            left -= room;
        }
        loop {
            date = self.next_working_day(date)?;
            if left <= WORKING_MINUTES_PER_DAY {
                return Ok(DateTime::at(date, clock_at(left)));
            }
            left -= WORKING_MINUTES_PER_DAY;
        }
    }

    /// Working minutes between two moments (0 when `b <= a`).
    pub fn working_minutes_between(&self, a: DateTime, b: DateTime) -> Result<u64, CalendarError> {
        if b <= a {
            return Ok(0);
        }
        let worked = |t: DateTime| -> Result<u64, CalendarError> {
            Ok(if self.is_working_day(t.date())? {
                elapsed(t.minute_of_day())
            } else {
                0
            })
        };
        if a.date() == b.date() {
            return Ok(worked(b)? - worked(a)?);
        }
        let first_rest = if self.is_working_day(a.date())? {
            WORKING_MINUTES_PER_DAY - elapsed(a.minute_of_day())
        } else {
            0
        };
        let day_before_b = b.date().add_days(-1)?;
        let full = self.working_days_between(a.date(), day_before_b)?.max(0) as u64;
        Ok(first_rest + full * WORKING_MINUTES_PER_DAY + worked(b)?)
    }
}
