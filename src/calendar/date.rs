//! Civil dates and date-times (proleptic Gregorian), without time zones:
//! every date-time is Vietnam local time (UTC+7).

use super::CalendarError;
use std::fmt;
use std::str::FromStr;

/// Smallest and largest years a [`Date`] can hold.
pub const MIN_YEAR: i32 = 1;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 9999;

/// Minutes in a day.
pub const MINUTES_PER_DAY: u16 = 24 * 60;

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weekday {
    /// Thứ Hai.
    Monday,
    /// Thứ Ba.
    Tuesday,
    /// Thứ Tư.
    Wednesday,
    /// Thứ Năm.
    Thursday,
    /// Thứ Sáu.
    Friday,
    /// Thứ Bảy.
    Saturday,
    /// Chủ Nhật.
    Sunday,
}

impl Weekday {
    /// All days, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday … 6 for Sunday.
    pub const fn index(self) -> u8 {
        self as u8
    }

    /// The name in Vietnamese or English.
    pub fn name(self, lang: crate::Lang) -> &'static str {
        let (vi, en) = match self {
            Weekday::Monday => ("Thứ Hai", "Monday"),
            Weekday::Tuesday => ("Thứ Ba", "Tuesday"),
            Weekday::Wednesday => ("Thứ Tư", "Wednesday"),
            Weekday::Thursday => ("Thứ Năm", "Thursday"),
            Weekday::Friday => ("Thứ Sáu", "Friday"),
            Weekday::Saturday => ("Thứ Bảy", "Saturday"),
            Weekday::Sunday => ("Chủ Nhật", "Sunday"),
        };
        lang.pick(vi, en)
    }
}

/// A civil date. Stored as days since 1970-01-01, so comparison and day
/// arithmetic are integer operations.
///
/// ```
/// use tthc::calendar::{Date, Weekday};
/// let d: Date = "2026-02-13".parse().unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2026, 2, 13));
/// assert_eq!(d.weekday(), Weekday::Friday);
/// assert_eq!(d.add_days(4).unwrap().to_string(), "2026-02-17");
/// assert!("2026-02-30".parse::<Date>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    days: i32,
}

const fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    // Howard Hinnant's algorithm (public domain), valid for all i32 years used here.
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe as i32 - 719468
}

const fn civil_from_days(z: i32) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = (z - era * 146097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe as i32 + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    (y, m as u8, d as u8)
}

/// Whether `year` is a Gregorian leap year.
pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year (0 for a month outside 1–12).
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

const MIN_DAYS: i32 = days_from_civil(MIN_YEAR, 1, 1);
const MAX_DAYS: i32 = days_from_civil(MAX_YEAR, 12, 31);

impl Date {
    /// The date `year-month-day`, or an error if it does not exist or is
    /// outside years 1–9999.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, CalendarError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return Err(CalendarError::InvalidDate(format!(
                "{year:04}-{month:02}-{day:02}"
            )));
        }
        Ok(Date {
            days: days_from_civil(year, u32::from(month), u32::from(day)),
        })
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    pub fn from_days_since_epoch(days: i64) -> Result<Date, CalendarError> {
        if days < i64::from(MIN_DAYS) || days > i64::from(MAX_DAYS) {
            return Err(CalendarError::OutOfRange(format!(
                "{days} days from 1970-01-01"
            )));
        }
        Ok(Date { days: days as i32 })
    }

    /// Days since 1970-01-01 (negative before).
    pub const fn days_since_epoch(self) -> i32 {
        self.days
    }

    /// The Julian Day Number of this date (noon-based, integer).
    pub const fn julian_day(self) -> i32 {
        self.days + 2_440_588
    }

    /// Year, month (1–12) and day (1–31).
    pub const fn ymd(self) -> (i32, u8, u8) {
        civil_from_days(self.days)
    }

    /// The year.
    pub const fn year(self) -> i32 {
        self.ymd().0
    }

    /// The month, 1–12.
    pub const fn month(self) -> u8 {
        self.ymd().1
    }

    /// The day of the month, 1–31.
    pub const fn day(self) -> u8 {
        self.ymd().2
    }

    /// Day of the year, 0-based (1 January is 0).
    pub const fn ordinal0(self) -> u16 {
        let y = self.year();
        (self.days - days_from_civil(y, 1, 1)) as u16
    }

    /// The day of the week.
    pub const fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::ALL[(self.days + 3).rem_euclid(7) as usize]
    }

    /// The date `n` days later (earlier if negative), or an error when the
    /// result leaves years 1–9999.
    pub fn add_days(self, n: i64) -> Result<Date, CalendarError> {
        Date::from_days_since_epoch(i64::from(self.days) + n)
    }

    /// Days from `self` to `other` (negative if `other` is earlier).
    pub const fn days_until(self, other: Date) -> i64 {
        other.days as i64 - self.days as i64
    }

    /// The next day, or an error at 9999-12-31.
    pub fn succ(self) -> Result<Date, CalendarError> {
        self.add_days(1)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

fn parse_number(text: &str, whole: &str) -> Result<u32, CalendarError> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CalendarError::InvalidDate(whole.to_string()));
    }
    text.parse()
        .map_err(|_| CalendarError::InvalidDate(whole.to_string()))
}

impl FromStr for Date {
    type Err = CalendarError;

    /// Parses `YYYY-MM-DD` (ISO 8601) or `DD/MM/YYYY` (as Vietnamese
    /// documents write dates).
    fn from_str(s: &str) -> Result<Date, CalendarError> {
        let text = s.trim();
        let bad = || CalendarError::InvalidDate(text.to_string());
        let parts: Vec<&str> = if text.contains('/') {
            let mut p: Vec<&str> = text.split('/').collect();
            p.reverse();
            p
        } else {
            text.split('-').collect()
        };
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        let y = parse_number(y, text)?;
        let m = parse_number(m, text)?;
        let d = parse_number(d, text)?;
        let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u8::try_from(m), u8::try_from(d)) else {
            return Err(bad());
        };
        Date::new(y, m, d).map_err(|_| bad())
    }
}

/// A local date-time to the minute.
///
/// ```
/// use tthc::calendar::DateTime;
/// let t: DateTime = "2026-02-13T16:00".parse().unwrap();
/// assert_eq!(t.minute_of_day(), 16 * 60);
/// assert_eq!(t.to_string(), "2026-02-13T16:00");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    date: Date,
    minute: u16,
}

impl DateTime {
    /// `date` at `minute_of_day` minutes after midnight (0–1439).
    pub fn new(date: Date, minute_of_day: u16) -> Result<DateTime, CalendarError> {
        if minute_of_day >= MINUTES_PER_DAY {
            return Err(CalendarError::InvalidTime(format!(
                "{date} + {minute_of_day} minutes"
            )));
        }
        Ok(DateTime {
            date,
            minute: minute_of_day,
        })
    }

    /// `date` at `hour:minute`.
    pub fn from_hm(date: Date, hour: u8, minute: u8) -> Result<DateTime, CalendarError> {
        if hour >= 24 || minute >= 60 {
            return Err(CalendarError::InvalidTime(format!("{hour:02}:{minute:02}")));
        }
        DateTime::new(date, u16::from(hour) * 60 + u16::from(minute))
    }

    /// Midnight at the start of `date`.
    pub const fn start_of(date: Date) -> DateTime {
        DateTime { date, minute: 0 }
    }

    pub(crate) const fn at(date: Date, minute: u16) -> DateTime {
        DateTime { date, minute }
    }

    /// The date.
    pub const fn date(self) -> Date {
        self.date
    }

    /// Minutes after midnight, 0–1439.
    pub const fn minute_of_day(self) -> u16 {
        self.minute
    }

    /// The hour, 0–23.
    pub const fn hour(self) -> u8 {
        (self.minute / 60) as u8
    }

    /// The minute within the hour, 0–59.
    pub const fn minute(self) -> u8 {
        (self.minute % 60) as u8
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}", self.date, self.hour(), self.minute())
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTime({self})")
    }
}

impl FromStr for DateTime {
    type Err = CalendarError;

    /// Parses `YYYY-MM-DDTHH:MM` (a space may replace `T`; `:SS` seconds
    /// are accepted and dropped, minutes being the resolution). A bare date
    /// means midnight.
    fn from_str(s: &str) -> Result<DateTime, CalendarError> {
        let text = s.trim();
        let Some((date, time)) = text.split_once(['T', 't', ' ']) else {
            return Ok(DateTime::start_of(text.parse()?));
        };
        let date: Date = date.parse()?;
        let bad = || CalendarError::InvalidTime(text.to_string());
        let fields: Vec<&str> = time.trim().split(':').collect();
        let (h, m) = match fields.as_slice() {
            [h, m] | [h, m, _] => (*h, *m),
            _ => return Err(bad()),
        };
        if let [_, _, sec] = fields.as_slice()
            && (sec.len() != 2 || !sec.bytes().all(|b| b.is_ascii_digit()) || *sec >= "60")
        {
            return Err(bad());
        }
        let ok = |t: &str| (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
        if !ok(h) || !ok(m) {
            return Err(bad());
        }
        let (h, m): (u8, u8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        DateTime::from_hm(date, h, m).map_err(|_| bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_over_the_whole_range() {
        let mut d = Date::new(1, 1, 1).unwrap();
        let mut expected = (1, 1, 1);
        let end = Date::new(9999, 12, 31).unwrap();
        while d < end {
            assert_eq!(d.ymd(), expected);
            d = d.succ().unwrap();
            let (y, m, dd) = expected;
            expected = if dd < days_in_month(y, m) {
                (y, m, dd + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
        assert!(end.succ().is_err());
    }

    #[test]
    fn weekdays_and_julian_days() {
        assert_eq!(Date::new(2026, 2, 17).unwrap().weekday(), Weekday::Tuesday);
        assert_eq!(Date::new(1900, 1, 1).unwrap().weekday(), Weekday::Monday);
        assert_eq!(Date::new(2000, 1, 1).unwrap().julian_day(), 2_451_545);
    }

    #[test]
    fn parses_dates_and_times() {
        assert_eq!(
            "13/02/2026".parse::<Date>().unwrap(),
            Date::new(2026, 2, 13).unwrap()
        );
        for bad in [
            "2026-13-01",
            "2026-02-29",
            "",
            "x",
            "2026-02",
            "-1-01-01",
            "10000-01-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        let t: DateTime = "2026-02-13 08:05:00".parse().unwrap();
        assert_eq!((t.hour(), t.minute()), (8, 5));
        for bad in [
            "2026-02-13T24:00",
            "2026-02-13T7",
            "2026-02-13T07:60",
            "2026-02-13T+1:00",
        ] {
            assert!(bad.parse::<DateTime>().is_err(), "{bad}");
        }
        assert_eq!("2026-02-13".parse::<DateTime>().unwrap().minute_of_day(), 0);
    }
}
