//! The Vietnamese lunar calendar (âm lịch), computed by the rules of Hồ
//! Ngọc Đức's published algorithm for UTC+7 (105°E):
//!
//! 1. a month starts on the local civil day that contains the new moon;
//! 2. the winter solstice falls in month 11;
//! 3. when 13 months separate two months 11, the leap month is the first
//!    month after month 11 without a major solar term (trung khí).
//!
//! The month starts of lunar years 1899–2101 are computed once, lazily, into a
//! sorted table; conversions are binary searches in it.

use super::astro::{new_moon_day, sun_sector};
use super::{CalendarError, Date};
use std::fmt;
use std::sync::OnceLock;

/// Vietnam's time zone, UTC+7, in hours.
pub const VIETNAM_UTC_OFFSET_HOURS: f64 = 7.0;

/// First lunar year converted in both directions.
pub const FIRST_LUNAR_YEAR: i32 = 1900;
/// Last lunar year converted in both directions.
pub const LAST_LUNAR_YEAR: i32 = 2100;

/// A date in the Vietnamese lunar calendar.
///
/// ```
/// use tthc::calendar::{Date, LunarDate};
/// let tet = LunarDate::from_solar(Date::new(2026, 2, 17).unwrap()).unwrap();
/// assert_eq!((tet.year, tet.month, tet.day, tet.leap), (2026, 1, 1, false));
/// assert_eq!(tet.year_name(), "Bính Ngọ");
/// // Tết 2007 and 2030 differ between Vietnam (UTC+7) and China (UTC+8).
/// assert_eq!(LunarDate::new(2007, 1, 1, false).to_solar().unwrap().to_string(), "2007-02-17");
/// assert_eq!(LunarDate::new(2030, 1, 1, false).to_solar().unwrap().to_string(), "2030-02-02");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LunarDate {
    /// The lunar year, named after the solar year in which it starts.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// Whether the month is the leap (nhuận) month following the regular one.
    pub leap: bool,
    /// The day, 1–30.
    pub day: u8,
}

#[derive(Clone, Copy, Debug)]
struct MonthStart {
    /// Days since 1970-01-01 of the first day of the month.
    day: i32,
    year: i32,
    month: u8,
    leap: bool,
}

impl MonthStart {
    fn key(&self) -> (i32, u8, bool) {
        (self.year, self.month, self.leap)
    }
}

struct LunarTable {
    months: Vec<MonthStart>,
}

const JDN_UNIX_EPOCH: i32 = 2_440_588;

/// Index `k` (new moons since 1900-01-01) of the month containing the
/// winter solstice of solar year `year` (Hồ Ngọc Đức's `getLunarMonth11`).
fn month11(year: i32, tz: f64) -> i32 {
    let dec31 = Date::new(year, 12, 31).map_or(0, Date::julian_day);
    let off = f64::from(dec31 - 2_415_021);
    let k = (off / 29.530_588_853).floor() as i32;
    let nm = new_moon_day(k, tz);
    if sun_sector(nm, tz) >= 9 { k - 1 } else { k }
}

fn build(first_solstice_year: i32, last_solstice_year: i32, tz: f64) -> LunarTable {
    let mut months =
        Vec::with_capacity(13 * (last_solstice_year - first_solstice_year + 1) as usize);
    let mut lunar_year = first_solstice_year;
    for year in first_solstice_year..=last_solstice_year {
        let (a, b) = (month11(year, tz), month11(year + 1, tz));
        let mut leap_pending = b - a == 13;
        let mut label: u8 = 11;
        for k in a + 1..=b {
            let start = new_moon_day(k, tz);
            let no_major_term = sun_sector(start, tz) == sun_sector(new_moon_day(k + 1, tz), tz);
            let leap = leap_pending && no_major_term;
            if leap {
                leap_pending = false;
            } else {
                label = label % 12 + 1;
                if label == 1 {
                    lunar_year += 1;
                }
            }
            months.push(MonthStart {
                day: start - JDN_UNIX_EPOCH,
                year: lunar_year,
                month: label,
                leap,
            });
        }
    }
    LunarTable { months }
}

fn table() -> &'static LunarTable {
    static TABLE: OnceLock<LunarTable> = OnceLock::new();
    // Months after the solstice of 1898 (month 12 of lunar 1898) to month 11
    // of lunar 2101: every solar date of 1900–2100 is covered.
    TABLE.get_or_init(|| {
        build(
            FIRST_LUNAR_YEAR - 2,
            LAST_LUNAR_YEAR,
            VIETNAM_UTC_OFFSET_HOURS,
        )
    })
}

fn out_of_range(what: impl fmt::Display) -> CalendarError {
    CalendarError::OutOfRange(format!(
        "{what}: the lunar calendar covers {FIRST_LUNAR_YEAR}-01-01 to {LAST_LUNAR_YEAR}-12-31"
    ))
}

impl LunarDate {
    /// A lunar date (not checked; [`LunarDate::to_solar`] checks it).
    pub const fn new(year: i32, month: u8, day: u8, leap: bool) -> LunarDate {
        LunarDate {
            year,
            month,
            leap,
            day,
        }
    }

    /// The lunar date of a solar date of years 1900–2100.
    pub fn from_solar(date: Date) -> Result<LunarDate, CalendarError> {
        if !(FIRST_LUNAR_YEAR..=LAST_LUNAR_YEAR).contains(&date.year()) {
            return Err(out_of_range(date));
        }
        let months = &table().months;
        let day = date.days_since_epoch();
        let idx = months.partition_point(|m| m.day <= day);
        let m = idx
            .checked_sub(1)
            .and_then(|i| months.get(i))
            .ok_or_else(|| out_of_range(date))?;
        Ok(LunarDate {
            year: m.year,
            month: m.month,
            leap: m.leap,
            day: u8::try_from(day - m.day + 1).map_err(|_| out_of_range(date))?,
        })
    }

    /// The solar date, or an error if the lunar date does not exist (no such
    /// leap month, day 30 of a 29-day month) or falls outside the solar
    /// years 1900–2100. (Early January 1900 is still lunar year 1899, so the
    /// range is checked on the solar date, not on the lunar year.)
    pub fn to_solar(self) -> Result<Date, CalendarError> {
        let months = &table().months;
        let key = (self.year, self.month, self.leap);
        let idx = months
            .binary_search_by(|m| m.key().cmp(&key))
            .map_err(|_| CalendarError::InvalidDate(self.to_string()))?;
        let (Some(start), Some(next)) = (months.get(idx), months.get(idx + 1)) else {
            return Err(out_of_range(self));
        };
        let length = next.day - start.day;
        if self.day == 0 || i32::from(self.day) > length {
            return Err(CalendarError::InvalidDate(self.to_string()));
        }
        let date = Date::from_days_since_epoch(i64::from(start.day) + i64::from(self.day) - 1)?;
        if !(FIRST_LUNAR_YEAR..=LAST_LUNAR_YEAR).contains(&date.year()) {
            return Err(out_of_range(self));
        }
        Ok(date)
    }

    /// Days in this date's month (29 or 30), or an error as in
    /// [`LunarDate::to_solar`].
    pub fn month_length(self) -> Result<u8, CalendarError> {
        let first = LunarDate { day: 1, ..self }.to_solar()?;
        let months = &table().months;
        let idx = months.partition_point(|m| m.day <= first.days_since_epoch());
        match (months.get(idx.wrapping_sub(1)), months.get(idx)) {
            (Some(a), Some(b)) => u8::try_from(b.day - a.day).map_err(|_| out_of_range(self)),
            _ => Err(out_of_range(self)),
        }
    }

    /// The leap month of a lunar year (1–12), if it has one.
    pub fn leap_month(year: i32) -> Result<Option<u8>, CalendarError> {
        if !(FIRST_LUNAR_YEAR..=LAST_LUNAR_YEAR).contains(&year) {
            return Err(out_of_range(year));
        }
        let months = &table().months;
        let from = months.partition_point(|m| m.year < year);
        Ok(months
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|m| m.year == year)
            .find(|m| m.leap)
            .map(|m| m.month))
    }

    /// The sexagenary (can chi) name of the lunar year, e.g. "Bính Ngọ".
    pub fn year_name(self) -> String {
        const CAN: [&str; 10] = [
            "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
        ];
        const CHI: [&str; 12] = [
            "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
        ];
        let can = CAN[(self.year + 6).rem_euclid(10) as usize];
        let chi = CHI[(self.year + 8).rem_euclid(12) as usize];
        format!("{can} {chi}")
    }

    /// The year's animal in English (Vietnamese zodiac: Cat, not Rabbit;
    /// Buffalo, not Ox).
    pub fn year_animal_en(self) -> &'static str {
        const ANIMAL: [&str; 12] = [
            "Rat", "Buffalo", "Tiger", "Cat", "Dragon", "Snake", "Horse", "Goat", "Monkey",
            "Rooster", "Dog", "Pig",
        ];
        ANIMAL[(self.year + 8).rem_euclid(12) as usize]
    }
}

impl fmt::Display for LunarDate {
    /// `day/month[ nhuận]/year`, as Vietnamese calendars print it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let leap = if self.leap { " nhuận" } else { "" };
        write!(f, "{}/{}{leap}/{}", self.day, self.month, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_have_29_or_30_days_and_years_12_or_13_months() {
        let months = &table().months;
        for w in months.windows(2) {
            let len = w[1].day - w[0].day;
            assert!(len == 29 || len == 30, "{:?}", w[0]);
        }
        for year in FIRST_LUNAR_YEAR..=LAST_LUNAR_YEAR {
            let n = months.iter().filter(|m| m.year == year).count();
            let leap = LunarDate::leap_month(year).unwrap();
            assert_eq!(n, if leap.is_some() { 13 } else { 12 }, "{year}");
        }
    }

    #[test]
    fn known_dates() {
        let d = LunarDate::from_solar(Date::new(2025, 7, 25).unwrap()).unwrap();
        // 2025 has a leap 6th month starting 2025-07-25.
        assert_eq!(d, LunarDate::new(2025, 6, 1, true));
        assert_eq!(LunarDate::leap_month(2025).unwrap(), Some(6));
        assert_eq!(LunarDate::leap_month(2026).unwrap(), None);
        assert!(LunarDate::new(2026, 6, 1, true).to_solar().is_err());
        assert!(LunarDate::new(2026, 13, 1, false).to_solar().is_err());
        assert!(LunarDate::new(2026, 1, 0, false).to_solar().is_err());
        assert!(LunarDate::from_solar(Date::new(1899, 12, 31).unwrap()).is_err());
        assert!(LunarDate::new(2101, 1, 1, false).to_solar().is_err());
        assert_eq!(LunarDate::new(2026, 1, 1, false).year_animal_en(), "Horse");
    }
}
