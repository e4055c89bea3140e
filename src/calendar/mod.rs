//! The Vietnamese calendar: civil dates, the lunar calendar (computed by
//! the astronomical rules for UTC+7), public holidays with their rules
//! across the years, the announced decisions 2010–2026 (as sourced data),
//! rules that predict later years, the six-day week before October 1999,
//! reception schedules, and working-day arithmetic for due dates.
//!
//! ```
//! use tthc::calendar::{Calendar, Date, HolidayStatus, LunarDate};
//! let cal = Calendar::vietnam();
//! let hung = LunarDate::new(2026, 3, 10, false).to_solar().unwrap();
//! assert_eq!(hung, Date::new(2026, 4, 26).unwrap()); // a Sunday…
//! assert!(!cal.is_working_day(Date::new(2026, 4, 27).unwrap()).unwrap()); // …so Monday is off
//! // Every entry names its legal basis and status.
//! let new_year = &cal.holidays(2026).unwrap()[0];
//! assert_eq!(new_year.status, HolidayStatus::Law);
//! assert_eq!(new_year.basis.en, "Labour Code 2019 Art. 112(1)");
//! ```

mod astro;
mod basis;
mod data;
pub(crate) mod date;
mod holidays;
mod lunar;
mod months;
mod reception;
mod schedule;
mod summary;
mod working;

pub use date::{Date, DateTime, MAX_YEAR, MIN_YEAR, Weekday, days_in_month, is_leap_year};
pub use holidays::{
    Addition, Announced, BUILTIN_DATA, Holiday, HolidayData, HolidayKind, HolidayStatus, Occasion,
    Source, Swap, VAN_HOA_2411_DATA, YearData,
};
pub use lunar::{FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR, LunarDate, VIETNAM_UTC_OFFSET_HOURS};
pub use months::MonthBound;
pub use reception::{Receipt, ReceptionHalfDay, ReceptionSchedule, Session};
pub use schedule::{Schedule, ScheduledStep};
pub use summary::{Break, YearStatus, YearSummary};
pub use working::{
    AFTERNOON_START, CLOSE, Calendar, FIRST_YEAR, FIVE_DAY_WEEK_FROM, LAST_YEAR, MORNING_START,
    NOON, SAME_DAY_CUTOFF, WORKING_MINUTES_PER_DAY,
};

use crate::load::Location;
use crate::{Lang, Text};

/// A located error in a holiday data file, in Vietnamese and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file (or the name the caller gave the text).
    pub origin: String,
    /// Line and column (1-based; 0 when unknown).
    pub location: Location,
    /// What is wrong.
    pub text: Text,
}

impl DataError {
    pub(crate) fn at(origin: &str, location: Location, vi: String, en: String) -> CalendarError {
        CalendarError::DataAt(Box::new(DataError {
            origin: origin.to_string(),
            location,
            text: Text::new(vi, en),
        }))
    }

    /// `origin:line:column: message` in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let loc = self.location;
        let text = self.text.get(lang);
        if loc.line > 0 {
            format!("{}:{}:{}: {text}", self.origin, loc.line, loc.column)
        } else {
            format!("{}: {text}", self.origin)
        }
    }
}

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
    /// The holiday data file is invalid (unlocated).
    #[error("holiday data: {0}")]
    Data(String),
    /// The holiday data file is invalid, at a place in it.
    #[error("{}", .0.message(Lang::En))]
    DataAt(Box<DataError>),
    /// A reception schedule that could not be read.
    #[error("unknown reception half-day '{0}' (write e.g. saturday-morning or \"sáng thứ 7\")")]
    InvalidSchedule(String),
}

impl CalendarError {
    /// The error of the data file `origin` (whose text is `source`) as a
    /// load error: at its line and column where it has one.
    pub(crate) fn into_load_errors(self, origin: &str, source: &str) -> crate::LoadErrors {
        let (text, location) = match self {
            CalendarError::DataAt(d) => (d.text, Some(d.location).filter(|l| l.line > 0)),
            other => (
                Text::new(other.message(Lang::Vi), other.message(Lang::En)),
                None,
            ),
        };
        let error = crate::load::LoadError::new(
            origin,
            crate::LoadErrorKind::Invalid {
                en: format!("invalid holiday data: {}", text.en),
                vi: format!("dữ liệu ngày nghỉ không hợp lệ: {}", text.vi),
            },
        );
        let error = match location {
            Some(l) => error.at("", l),
            None => error,
        };
        crate::LoadErrors::from(error).with_source(source)
    }

    /// The message in `lang` (Vietnamese and English say the same).
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            CalendarError::InvalidDate(s) => format!("ngày không hợp lệ '{s}' (viết YYYY-MM-DD)"),
            CalendarError::InvalidTime(s) => {
                format!("thời điểm không hợp lệ '{s}' (viết YYYY-MM-DDTHH:MM)")
            }
            CalendarError::OutOfRange(s) => format!("ngoài phạm vi: {s}"),
            CalendarError::Data(s) => format!("dữ liệu ngày nghỉ: {s}"),
            CalendarError::DataAt(e) => e.message(lang),
            CalendarError::InvalidSchedule(s) => format!(
                "không hiểu buổi tiếp nhận '{s}' (viết ví dụ saturday-morning hoặc \"sáng thứ 7\")"
            ),
        }
    }
}
