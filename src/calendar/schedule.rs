//! Due dates: durations with mixed units laid on the calendar.
//!
//! Rules assumed (see docs/calendar.md for the legal basis):
//! - day-based periods do not count the day of receipt (Civil Code 2015
//!   Art. 147(2)): the clock starts at the next working day's opening;
//! - working days are counted in office hours, so half a day ends at 12:00
//!   and a whole day at 17:00;
//! - working hours count from the moment of receipt (Art. 147(1));
//! - calendar days end at the end of office hours of the last day, moved to
//!   the next working day when that day is a day off (Art. 148);
//! - months end on the corresponding day of the last month, or its last
//!   day, moved likewise (Art. 148(3), (5));
//! - a same-day ("trong ngày") dossier received after 15:00 or on a day off
//!   is due at the close of the next working day;
//! - amounts are exact to the minute, rounded up (a working day has 480
//!   minutes; calendar-day amounts are rounded up to whole days).

use super::working::{CLOSE, SAME_DAY_CUTOFF, WORKING_MINUTES_PER_DAY};
use super::{Calendar, CalendarError, DateTime};
use crate::{DURATION_SCALE, Duration, DurationUnit};

/// One duration placed on the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScheduledStep {
    /// The duration.
    pub duration: Duration,
    /// When its clock starts.
    pub start: DateTime,
    /// When it is due.
    pub due: DateTime,
}

/// A sequence of durations placed on the calendar one after the other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// When the applicant submitted the dossier (the same as `received`
    /// unless a reception schedule moved the receipt).
    pub submitted: DateTime,
    /// When the dossier was received.
    pub received: DateTime,
    /// When the clock of the first duration started.
    pub clock_start: DateTime,
    /// Each duration with its start and due moment.
    pub steps: Vec<ScheduledStep>,
    /// When the last duration is due (`received` when there is none).
    pub due: DateTime,
    /// Working time from `clock_start` to `due`, in thousandths of a
    /// working day (rounded up): the exact total when units are mixed.
    pub working_milli_days: u64,
    /// Calendar days from the day of receipt to the due day.
    pub calendar_days: i64,
}

fn ceil_div(a: u128, b: u128) -> u128 {
    a.div_ceil(b)
}

fn to_u64(v: u128, what: &Duration) -> Result<u64, CalendarError> {
    u64::try_from(v).map_err(|_| CalendarError::OutOfRange(format!("duration {what}")))
}

impl Calendar {
    /// The moment a dossier received at `received` is due for `duration`
    /// (rules in the module documentation).
    ///
    /// ```
    /// use tthc::calendar::{Calendar, DateTime};
    /// use tthc::Duration;
    /// let cal = Calendar::vietnam();
    /// let t: DateTime = "2026-03-02T15:30".parse().unwrap();
    /// assert_eq!(cal.due_date(t, Duration::same_day()).unwrap().to_string(), "2026-03-03T17:00");
    /// let half = Duration::parse("0,5 ngày làm việc").unwrap();
    /// assert_eq!(cal.due_date(t, half).unwrap().to_string(), "2026-03-03T12:00");
    /// ```
    pub fn due_date(
        &self,
        received: DateTime,
        duration: Duration,
    ) -> Result<DateTime, CalendarError> {
        Ok(self.step(received, duration, true)?.1)
    }

    /// Lays `durations` end to end from `submitted`: each starts when the
    /// previous one is due. Returns every step's due moment, the final one,
    /// and the total in working days. Independent of any step graph: pass
    /// the durations of a critical path.
    ///
    /// ```
    /// use tthc::calendar::{Calendar, DateTime};
    /// use tthc::Duration;
    /// let cal = Calendar::vietnam();
    /// let t: DateTime = "2026-04-20T09:00".parse().unwrap();
    /// let s = cal
    ///     .processing_time_on_calendar(t, &[Duration::working_days(3), Duration::calendar_days(5)])
    ///     .unwrap();
    /// assert_eq!(s.steps[0].due.to_string(), "2026-04-23T17:00");
    /// // 23/4 + 5 days = 28/4 (27/4 is the substitute for Hùng Kings' day).
    /// assert_eq!(s.due.to_string(), "2026-04-28T17:00");
    /// assert_eq!(s.working_milli_days, 5000); // 21–24/4 and 28/4
    /// ```
    pub fn processing_time_on_calendar(
        &self,
        submitted: DateTime,
        durations: &[Duration],
    ) -> Result<Schedule, CalendarError> {
        let mut steps = Vec::with_capacity(durations.len());
        let mut clock_start = submitted;
        let mut at = submitted;
        for (i, &d) in durations.iter().enumerate() {
            let (start, due) = self.step(at, d, i == 0)?;
            if i == 0 {
                clock_start = start;
            }
            steps.push(ScheduledStep {
                duration: d,
                start,
                due,
            });
            at = due;
        }
        let minutes = self.working_minutes_between(clock_start, at)?;
        Ok(Schedule {
            submitted,
            received: submitted,
            clock_start,
            steps,
            due: at,
            working_milli_days: to_u64(
                ceil_div(
                    u128::from(minutes) * u128::from(DURATION_SCALE),
                    u128::from(WORKING_MINUTES_PER_DAY),
                ),
                &Duration::working_days(0),
            )?,
            calendar_days: submitted.date().days_until(at.date()),
        })
    }

    /// (clock start, due) of one duration starting at `at`; `received`
    /// applies the receipt rules (first day not counted).
    pub(crate) fn step(
        &self,
        at: DateTime,
        d: Duration,
        received: bool,
    ) -> Result<(DateTime, DateTime), CalendarError> {
        if d.is_same_day() {
            let date = at.date();
            let today = self.is_working_day(date)? && at.minute_of_day() <= SAME_DAY_CUTOFF;
            let day = if today {
                date
            } else {
                self.next_working_day(date)?
            };
            return Ok((at, DateTime::new(day, CLOSE)?));
        }
        let milli = u128::from(d.milli());
        match d.unit() {
            DurationUnit::WorkingDays => {
                let start = if received {
                    DateTime::new(at.date(), CLOSE.max(at.minute_of_day()))?
                } else {
                    at
                };
                let minutes = ceil_div(milli * u128::from(WORKING_MINUTES_PER_DAY), 1000);
                let due = self.add_working_minutes(start, to_u64(minutes, &d)?)?;
                Ok((start, due))
            }
            DurationUnit::WorkingHours => {
                let minutes = ceil_div(milli * 60, 1000);
                Ok((at, self.add_working_minutes(at, to_u64(minutes, &d)?)?))
            }
            DurationUnit::Months => {
                let months = d.whole_months().unwrap_or(0);
                if months == 0 {
                    return Ok((at, at));
                }
                let day = self.add_months(at.date(), months)?;
                let start = if received {
                    DateTime::new(at.date(), CLOSE.max(at.minute_of_day()))?
                } else {
                    at
                };
                Ok((start, DateTime::new(day, CLOSE)?))
            }
            DurationUnit::CalendarDays => {
                let days = i64::try_from(ceil_div(milli, 1000))
                    .map_err(|_| CalendarError::OutOfRange(format!("duration {d}")))?;
                if days == 0 {
                    return Ok((at, at));
                }
                let mut day = at.date().add_days(days)?;
                if !self.is_working_day(day)? {
                    day = self.next_working_day(day)?;
                }
                let start = if received {
                    DateTime::new(at.date(), CLOSE.max(at.minute_of_day()))?
                } else {
                    at
                };
                Ok((start, DateTime::new(day, CLOSE)?))
            }
        }
    }
}
