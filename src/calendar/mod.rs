//! The Vietnamese calendar: civil dates, the lunar calendar (computed by
//! the astronomical rules for UTC+7), public holidays with their rules
//! across the years and the announced swaps (as data), and working-day
//! arithmetic for due dates.
//!
//! ```
//! use tthc::calendar::{Calendar, Date, LunarDate};
//! let cal = Calendar::vietnam();
//! let hung = LunarDate::new(2026, 3, 10, false).to_solar().unwrap();
//! assert_eq!(hung, Date::new(2026, 4, 26).unwrap()); // a Sunday…
//! assert!(!cal.is_working_day(Date::new(2026, 4, 27).unwrap()).unwrap()); // …so Monday is off
//! ```

mod astro;
pub(crate) mod date;
mod holidays;
mod lunar;
mod schedule;
mod working;

pub use date::{Date, DateTime, MAX_YEAR, MIN_YEAR, Weekday, days_in_month, is_leap_year};
pub use holidays::{
    Addition, Announced, BUILTIN_DATA, Holiday, HolidayData, HolidayKind, Swap, YearData,
};
pub use lunar::{FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR, LunarDate, VIETNAM_UTC_OFFSET_HOURS};
pub use schedule::{Schedule, ScheduledStep};
pub use working::{
    AFTERNOON_START, CLOSE, Calendar, FIRST_YEAR, LAST_YEAR, MORNING_START, NOON, SAME_DAY_CUTOFF,
    WORKING_MINUTES_PER_DAY,
};

/// Why a calendar operation failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// A date that does not exist or could not be read.
    #[error("invalid date '{0}' (write YYYY-MM-DD)")]
    InvalidDate(String),
    /// A time of day that does not exist or could not be read.
    #[error("invalid time '{0}' (write YYYY-MM-DDTHH:MM)")]
    InvalidTime(String),
    /// A date outside the range the calendar covers.
    #[error("out of range: {0}")]
    OutOfRange(String),
    /// The holiday data file is invalid.
    #[error("holiday data: {0}")]
    Data(String),
}
