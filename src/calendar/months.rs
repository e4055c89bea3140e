//! Periods in calendar months (Civil Code 2015, Art. 147–148).
//!
//! A period of months does not count its first day (Art. 147(2)); it ends
//! at the end of the corresponding day of its last month, or that month's
//! last day when it has no such day (Art. 148(3)); and when that day is a
//! weekly rest day or a holiday, at the end of the next working day
//! (Art. 148(5)). How many working days a month holds depends on where it
//! starts: Tết can take a week of one. Without a start date, the figure that
//! holds for every start date is the least one, over the years whose
//! calendar is known.

use super::{Calendar, CalendarError, Date, days_in_month};
use serde::Serialize;

/// What `months` calendar months are worth in working days on a calendar,
/// for any start date in its known years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct MonthBound {
    /// The number of months.
    pub months: u64,
    /// The least number of working days the period holds, over every start
    /// date from 1 January of `first_year` whose period ends by 31
    /// December of `last_year`.
    pub min_working_days: u64,
    /// The most it holds over the same start dates.
    pub max_working_days: u64,
    /// The first start date giving the least (ISO date).
    #[serde(serialize_with = "iso")]
    pub min_from: Date,
    /// The first known year.
    pub first_year: i32,
    /// The last known year.
    pub last_year: i32,
}

fn iso<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

impl MonthBound {
    /// Thousandths of a working day of the least figure.
    pub fn min_working_milli_days(&self) -> u64 {
        self.min_working_days
            .saturating_mul(crate::model::DURATION_SCALE)
    }

    /// `1 tháng có ít nhất 17 ngày làm việc với mọi ngày bắt đầu trong
    /// các năm 2010–2026` and its English, for messages and reports.
    pub fn text(&self) -> crate::Text {
        let years = if self.first_year == self.last_year {
            self.first_year.to_string()
        } else {
            format!("{}–{}", self.first_year, self.last_year)
        };
        let (n, min) = (self.months, self.min_working_days);
        let plural = if n == 1 { "month holds" } else { "months hold" };
        crate::Text::new(
            format!(
                "{n} tháng có ít nhất {min} ngày làm việc với mọi ngày bắt đầu trong các năm {years}"
            ),
            format!("{n} {plural} at least {min} working days for every start date in {years}"),
        )
    }
}

impl Calendar {
    /// The last day of a period of `months` months starting on `start`
    /// (which is not counted): the corresponding day of the last month,
    /// else that month's last day, moved to the next working day when it is
    /// a day off (Civil Code 2015, Art. 147(2), 148(3), (5)).
    ///
    /// ```
    /// use tthc::calendar::{Calendar, Date};
    /// let cal = Calendar::vietnam();
    /// let d = |y, m, d| Date::new(y, m, d).unwrap();
    /// // 31 March + 1 month: April has no 31st → 30 April, a holiday, then
    /// // 1 May (holiday), 2–3 May (weekend) → Monday 4 May 2026.
    /// assert_eq!(cal.add_months(d(2026, 3, 31), 1).unwrap(), d(2026, 5, 4));
    /// assert_eq!(cal.add_months(d(2026, 6, 15), 2).unwrap(), d(2026, 8, 17)); // 15/8 is a Saturday
    /// ```
    pub fn add_months(&self, start: Date, months: u64) -> Result<Date, CalendarError> {
        let (y, m, day) = start.ymd();
        let too_far = || CalendarError::OutOfRange(format!("{start} + {months} months"));
        let index = i64::from(y)
            .checked_mul(12)
            .and_then(|v| v.checked_add(i64::from(m) - 1))
            .and_then(|v| v.checked_add(i64::try_from(months).ok()?))
            .ok_or_else(too_far)?;
        let year = i32::try_from(index.div_euclid(12)).map_err(|_| too_far())?;
        let month = u8::try_from(index.rem_euclid(12) + 1).map_err(|_| too_far())?;
        let end = Date::new(year, month, day.min(days_in_month(year, month)))?;
        if self.is_working_day(end)? {
            Ok(end)
        } else {
            self.next_working_day(end)
        }
    }

    /// The least (and most) working days in a period of `months` months,
    /// over every start date in the calendar's known years (the years its
    /// holiday data covers) whose period ends within them; `None` when the
    /// data covers no year, no period fits in them or `months` is zero. One
    /// pass over the start dates, each O(1) on the calendar's tables.
    ///
    /// ```
    /// use tthc::calendar::Calendar;
    /// let b = Calendar::vietnam().month_bound(1).unwrap();
    /// assert_eq!((b.first_year, b.last_year), (2010, 2026));
    /// assert!(b.min_working_days < 20 && b.max_working_days > 22);
    /// ```
    pub fn month_bound(&self, months: u64) -> Option<MonthBound> {
        if months == 0 {
            return None;
        }
        let first_year = *self.data().years.keys().next()?;
        let last_year = *self.data().years.keys().next_back()?;
        let first = Date::new(first_year, 1, 1).ok()?;
        let last = Date::new(last_year, 12, 31).ok()?;
        let mut best: Option<(u64, u64, Date)> = None;
        let mut start = first;
        while start <= last {
            let Ok(end) = self.add_months(start, months) else {
                break;
            };
            if end > last {
                break;
            }
            let days = self.working_days_between(start, end).ok()?;
            let days = u64::try_from(days).ok()?;
            best = Some(match best {
                None => (days, days, start),
                Some((min, max, _)) if days < min => (days, max.max(min), start),
                Some((min, max, at)) => (min, max.max(days), at),
            });
            start = start.succ().ok()?;
        }
        let (min_working_days, max_working_days, min_from) = best?;
        Some(MonthBound {
            months,
            min_working_days,
            max_working_days: max_working_days.max(min_working_days),
            min_from,
            first_year,
            last_year,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn corresponding_day_or_last_day_of_the_month() {
        let cal = Calendar::vietnam();
        // 31 January 2024 + 1 month: 29 February (leap year), a Thursday.
        assert_eq!(cal.add_months(d(2024, 1, 31), 1).unwrap(), d(2024, 2, 29));
        // 30 November 2026 + 2 months: 30 January 2027, a Saturday → Monday.
        assert_eq!(cal.add_months(d(2026, 11, 30), 2).unwrap(), d(2027, 2, 1));
        // 12 months is the same day next year: 2 March 2026 → 2 March 2027 (Tuesday).
        assert_eq!(cal.add_months(d(2026, 3, 2), 12).unwrap(), d(2027, 3, 2));
    }

    #[test]
    fn bound_is_the_least_over_the_known_years() {
        let cal = Calendar::vietnam();
        let b = cal.month_bound(1).unwrap();
        // Check the bound by brute force on two start dates: it is never more.
        for start in [d(2026, 2, 2), d(2026, 3, 2), d(2025, 1, 20)] {
            let end = cal.add_months(start, 1).unwrap();
            let n = cal.working_days_between(start, end).unwrap() as u64;
            assert!(
                b.min_working_days <= n && n <= b.max_working_days,
                "{start}"
            );
        }
        let end = cal.add_months(b.min_from, 1).unwrap();
        assert_eq!(
            cal.working_days_between(b.min_from, end).unwrap() as u64,
            b.min_working_days
        );
        assert_eq!(cal.month_bound(0), None);
        assert!(cal.month_bound(2).unwrap().min_working_days > b.min_working_days);
    }

    #[test]
    fn the_least_month_is_tet_2011_counted_by_hand() {
        // 30/01/2011 (a Sunday worked in exchange) + 1 month: 28/02/2011,
        // February having no 30th (Civil Code 2015 Art. 148(3)). Counted by
        // hand, the start day not counted: 31/01–28/02 holds 21 weekdays, of
        // which 31/01 and 01/02 (swapped for 29–30/01), 02–04/02 (Tết) and
        // 07/02 (for Saturday 05/02) are off: 15 working days.
        let cal = Calendar::vietnam();
        assert_eq!(cal.add_months(d(2011, 1, 30), 1).unwrap(), d(2011, 2, 28));
        assert_eq!(
            cal.working_days_between(d(2011, 1, 30), d(2011, 2, 28))
                .unwrap(),
            15
        );
        let b = cal.month_bound(1).unwrap();
        assert_eq!((b.min_working_days, b.min_from), (15, d(2011, 1, 30)));
    }

    #[test]
    fn no_known_year_no_bound() {
        let cal = Calendar::from_data("format: tthc-holidays/1\n").unwrap();
        assert_eq!(cal.month_bound(1), None);
    }
}
