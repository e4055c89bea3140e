//! Durations that keep their unit until a calendar combines them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The unit a duration is counted in, as the law writes it.
///
/// "ngày" (calendar days) and "ngày làm việc" (working days) are different
/// things: 10 calendar days over Tết can be 3 working days. They are never
/// summed without a calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    /// Ngày làm việc.
    WorkingDays,
    /// Ngày (calendar days).
    CalendarDays,
    /// Giờ làm việc. One working day has [`WORKING_HOURS_PER_DAY`] working hours.
    WorkingHours,
    /// Tháng: calendar months, whole ones. A period of months ends on the
    /// corresponding day of its last month, or that month's last day when
    /// it has no such day, and on the next working day when that day is a
    /// day off (Civil Code 2015, Art. 147(2) and 148(3), (5)). How many
    /// working days that is depends on the start date: only a calendar
    /// converts it (see `Calendar::month_bound`).
    Months,
}

/// Working hours in one working day.
pub const WORKING_HOURS_PER_DAY: u64 = 8;

/// Fixed-point scale of [`Duration`] amounts: thousandths of a unit.
pub const DURATION_SCALE: u64 = 1000;

/// A duration with its unit, stored exactly in thousandths of the unit
/// (`0,5 ngày làm việc` is 500 thousandths of a working day).
///
/// ```
/// use tthc::{Duration, DurationUnit};
/// let d = Duration::parse("0,5 ngày làm việc").unwrap();
/// assert_eq!(d.unit(), DurationUnit::WorkingDays);
/// assert_eq!(d.milli(), 500);
/// assert_eq!(Duration::parse("30 ngày").unwrap().unit(), DurationUnit::CalendarDays);
/// assert_eq!(Duration::parse("trong ngày").unwrap(), Duration::same_day());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Duration {
    milli: u64,
    unit: DurationUnit,
    same_day: bool,
}

/// Why a duration text was not understood.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// The number part is not a non-negative decimal.
    #[error("'{0}' is not a non-negative number (write e.g. 7 or 0,5)")]
    BadNumber(String),
    /// The unit is not one of the known units.
    #[error(
        "unknown unit '{0}': use working days / ngày làm việc, days / ngày, working hours / giờ làm việc, or months / tháng"
    )]
    BadUnit(String),
    /// A number without a unit (`10`).
    #[error(
        "the unit is missing: write e.g. `10 working days`, `10 days` or `4 working hours` (or `10 ngày làm việc`)"
    )]
    MissingUnit,
    /// The amount has more than three decimals or is too large.
    #[error("'{0}' has too many decimals or is too large")]
    OutOfRange(String),
    /// A fraction of a month (`0,5 tháng`): a month is a calendar month, so
    /// only whole months are a period the law defines.
    #[error(
        "'{0} months': a month is a calendar month, so only whole months are a period; write the time in days (`15 ngày`) or working days"
    )]
    FractionalMonths(String),
    /// Clock hours that are not a whole number of thousandths of a day.
    #[error(
        "'{0} giờ' (clock hours) is not an exact number of days: write it in days (`1 ngày`) or as working hours (`{0} giờ làm việc`)"
    )]
    ClockHours(String),
}

impl DurationError {
    /// The same explanation in Vietnamese (as complete as the English
    /// `Display`).
    pub fn vi(&self) -> String {
        match self {
            DurationError::BadNumber(n) => {
                format!("'{n}' không phải là một số không âm (ghi ví dụ 7 hoặc 0,5)")
            }
            DurationError::BadUnit(u) => format!(
                "không có đơn vị '{u}': dùng `ngày làm việc` (`working days`), `ngày` (`days`), `giờ làm việc` (`working hours`) hoặc `tháng` (`months`)"
            ),
            DurationError::FractionalMonths(n) => format!(
                "'{n} tháng': tháng là tháng dương lịch nên thời hạn chỉ tính bằng số tháng chẵn; ghi theo ngày (`15 ngày`) hoặc ngày làm việc"
            ),
            DurationError::MissingUnit => {
                "thiếu đơn vị: ghi ví dụ `10 ngày làm việc`, `10 ngày` hoặc `4 giờ làm việc`".into()
            }
            DurationError::OutOfRange(n) => {
                format!("'{n}' có quá ba chữ số thập phân hoặc quá lớn")
            }
            DurationError::ClockHours(n) => format!(
                "'{n} giờ' (giờ đồng hồ) không ứng với một số ngày chẵn: ghi theo ngày (`1 ngày`) hoặc theo giờ làm việc (`{n} giờ làm việc`)"
            ),
        }
    }
}

impl Duration {
    /// A duration of `milli` thousandths of `unit`.
    pub const fn from_milli(milli: u64, unit: DurationUnit) -> Duration {
        Duration {
            milli,
            unit,
            same_day: false,
        }
    }

    /// A whole number of working days.
    pub const fn working_days(days: u64) -> Duration {
        Duration::from_milli(
            days.saturating_mul(DURATION_SCALE),
            DurationUnit::WorkingDays,
        )
    }

    /// A whole number of calendar days.
    pub const fn calendar_days(days: u64) -> Duration {
        Duration::from_milli(
            days.saturating_mul(DURATION_SCALE),
            DurationUnit::CalendarDays,
        )
    }

    /// A whole number of working hours.
    pub const fn working_hours(hours: u64) -> Duration {
        Duration::from_milli(
            hours.saturating_mul(DURATION_SCALE),
            DurationUnit::WorkingHours,
        )
    }

    /// A whole number of calendar months.
    pub const fn months(months: u64) -> Duration {
        Duration::from_milli(months.saturating_mul(DURATION_SCALE), DurationUnit::Months)
    }

    /// Whole months, when the duration is in months.
    pub const fn whole_months(self) -> Option<u64> {
        match self.unit {
            DurationUnit::Months => Some(self.milli / DURATION_SCALE),
            _ => None,
        }
    }

    /// "Trong ngày" / "same day": done on the working day of receipt (zero
    /// working days; the calendar moves it to the next working day when the
    /// dossier arrives after 15:00).
    pub const fn same_day() -> Duration {
        Duration {
            milli: 0,
            unit: DurationUnit::WorkingDays,
            same_day: true,
        }
    }

    /// The amount in thousandths of the unit.
    pub const fn milli(self) -> u64 {
        self.milli
    }

    /// The unit.
    pub const fn unit(self) -> DurationUnit {
        self.unit
    }

    /// Whether this is a same-day ("trong ngày") duration.
    pub const fn is_same_day(self) -> bool {
        self.same_day
    }

    /// Working-time amount in thousandths of a working day, or `None` for
    /// calendar days and months (which need a calendar to convert).
    pub const fn working_milli_days(self) -> Option<u64> {
        match self.unit {
            DurationUnit::WorkingDays => Some(self.milli),
            DurationUnit::WorkingHours => Some(self.milli / WORKING_HOURS_PER_DAY),
            DurationUnit::CalendarDays | DurationUnit::Months => None,
        }
    }

    /// Parses the forms used in published procedures: `7 working days`,
    /// `7 ngày làm việc`, `30 days`, `30 ngày`, `4 working hours`,
    /// `4 giờ làm việc`, `0,5 ngày làm việc`, `same day`, `trong ngày`.
    /// Case and extra spaces are ignored; `07` is 7.
    pub fn parse(text: &str) -> Result<Duration, DurationError> {
        Duration::parse_published(text).map(|(d, _)| d)
    }

    /// Parses a deadline as legal texts word it, returning the duration and
    /// the event it counts from (`kể từ …`, `tính từ …`), if stated:
    /// `không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ`,
    /// `10 (mười) ngày`, `1/2 ngày làm việc`, `10 ngày LV`, `tối đa 3 ngày`,
    /// `24 giờ` (clock hours: one calendar day), `01 tháng` (a calendar
    /// month), besides every form
    /// [`Duration::parse`] reads.
    ///
    /// ```
    /// use tthc::{Duration, DurationUnit};
    /// let (d, from) = Duration::parse_published("Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ").unwrap();
    /// assert_eq!((d.milli(), d.unit()), (5_000, DurationUnit::WorkingDays));
    /// assert_eq!(from.as_deref(), Some("ngày nhận đủ hồ sơ hợp lệ"));
    /// assert_eq!(Duration::parse("10 (mười) ngày").unwrap(), Duration::calendar_days(10));
    /// assert_eq!(Duration::parse("1/2 ngày làm việc").unwrap().milli(), 500);
    /// assert_eq!(Duration::parse("10 ngày LV").unwrap(), Duration::working_days(10));
    /// assert_eq!(Duration::parse("24 giờ").unwrap(), Duration::calendar_days(1));
    /// assert_eq!(Duration::parse("4 giờ làm việc").unwrap(), Duration::working_hours(4));
    /// assert_eq!(Duration::parse("không quá 02 tháng").unwrap(), Duration::months(2));
    /// assert_eq!(Duration::parse("1 month").unwrap().to_string(), "1 month");
    /// ```
    pub fn parse_published(text: &str) -> Result<(Duration, Option<String>), DurationError> {
        let mut lower = text.trim().to_lowercase();
        // The event the time counts from.
        let mut from = None;
        for marker in ["kể từ ", "tính từ ", "counted from ", "from "] {
            if let Some(i) = lower.find(marker) {
                // Keep the event as written when lower-casing kept offsets.
                let orig = text.trim();
                let at = i + marker.len();
                let source = if orig.len() == lower.len() && orig.is_char_boundary(at) {
                    orig
                } else {
                    lower.as_str()
                };
                let event = source[at..].trim();
                let event = event.trim_end_matches(['.', ';', ',']).trim();
                if !event.is_empty() {
                    from = Some(event.to_string());
                }
                lower.truncate(i);
                break;
            }
        }
        // Numbers written out in brackets: `10 (mười) ngày`.
        while let (Some(open), Some(close)) = (lower.find('('), lower.find(')')) {
            if close < open {
                break;
            }
            lower.replace_range(open..=close, " ");
        }
        let mut words: Vec<&str> = lower.split_whitespace().collect();
        for lead in [
            ["không", "quá"].as_slice(),
            &["tối", "đa"],
            &["trong", "thời", "hạn"],
            &["trong", "vòng"],
            &["within"],
            &["at", "most"],
            &["up", "to"],
        ] {
            if words.len() > lead.len() && words[..lead.len()] == *lead {
                words.drain(..lead.len());
            }
        }
        let normal = words.join(" ");
        Duration::parse_plain(&normal).map(|d| (d, from))
    }

    fn parse_plain(normal: &str) -> Result<Duration, DurationError> {
        let lower = normal.to_string();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let normal = words.join(" ");
        if matches!(normal.as_str(), "same day" | "trong ngày" | "trong ngay") {
            return Ok(Duration::same_day());
        }
        let (number, unit_text) = match normal.split_once(' ') {
            Some(parts) => parts,
            None => {
                let split = normal
                    .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                    .unwrap_or(normal.len());
                (&normal[..split], normal[split..].trim())
            }
        };
        let unit = match unit_text {
            "working day" | "working days" | "ngày làm việc" | "ngay lam viec" | "ngày lv"
            | "ngày lv." | "wd" => DurationUnit::WorkingDays,
            "day" | "days" | "calendar day" | "calendar days" | "ngày" | "ngay" => {
                DurationUnit::CalendarDays
            }
            "working hour" | "working hours" | "giờ làm việc" | "gio lam viec" => {
                DurationUnit::WorkingHours
            }
            "tháng" | "thang" | "month" | "months" | "calendar month" | "calendar months" => {
                let milli = parse_number(number)?;
                if milli % DURATION_SCALE != 0 {
                    return Err(DurationError::FractionalMonths(number.to_string()));
                }
                return Ok(Duration::from_milli(milli, DurationUnit::Months));
            }
            // Clock hours (`24 giờ`): calendar time, counted in calendar
            // days when that is exact.
            "giờ" | "gio" | "hour" | "hours" => {
                let milli_hours = parse_number(number)?;
                if milli_hours % 24 != 0 {
                    return Err(DurationError::ClockHours(number.to_string()));
                }
                return Ok(Duration::from_milli(
                    milli_hours / 24,
                    DurationUnit::CalendarDays,
                ));
            }
            "" => return Err(DurationError::MissingUnit),
            other => return Err(DurationError::BadUnit(other.to_string())),
        };
        let milli = parse_number(number)?;
        Ok(Duration::from_milli(milli, unit))
    }
}

/// A decimal, or a fraction such as `1/2`, in thousandths.
fn parse_number(number: &str) -> Result<u64, DurationError> {
    if let Some((n, d)) = number.split_once('/') {
        let n: u64 = n
            .trim()
            .parse()
            .map_err(|_| DurationError::BadNumber(number.into()))?;
        let d: u64 = d
            .trim()
            .parse()
            .map_err(|_| DurationError::BadNumber(number.into()))?;
        let scaled = n
            .checked_mul(DURATION_SCALE)
            .ok_or_else(|| DurationError::OutOfRange(number.into()))?;
        if d == 0 || scaled % d != 0 {
            return Err(DurationError::OutOfRange(number.into()));
        }
        return Ok(scaled / d);
    }
    parse_milli_amount(number)
}

/// Parses a non-negative decimal with `.` or `,` as the decimal mark into
/// thousandths, exactly.
pub fn parse_milli_amount(number: &str) -> Result<u64, DurationError> {
    let normal = number.replace(',', ".");
    let (whole, frac) = normal.split_once('.').unwrap_or((&normal, ""));
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits_ok(whole) || !digits_ok(frac) || frac.contains('.') {
        return Err(DurationError::BadNumber(number.to_string()));
    }
    if frac.len() > 3 || whole.len() > 12 {
        return Err(DurationError::OutOfRange(number.to_string()));
    }
    let whole: u64 = whole
        .parse()
        .map_err(|_| DurationError::OutOfRange(number.to_string()))?;
    let mut frac_milli = 0u64;
    for (i, b) in frac.bytes().enumerate() {
        frac_milli += u64::from(b - b'0') * 10u64.pow(2 - i as u32);
    }
    Ok(whole * DURATION_SCALE + frac_milli)
}

/// Formats a thousandths amount as a short decimal: 500 → "0.5", 7000 → "7".
pub fn format_milli(milli: u64, decimal_mark: char) -> String {
    let whole = milli / DURATION_SCALE;
    let frac = milli % DURATION_SCALE;
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:03}");
    format!("{whole}{decimal_mark}{}", frac.trim_end_matches('0'))
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.same_day {
            return f.write_str("same day");
        }
        let amount = format_milli(self.milli, '.');
        let one = self.milli == DURATION_SCALE;
        let unit = match (self.unit, one) {
            (DurationUnit::WorkingDays, true) => "working day",
            (DurationUnit::WorkingDays, false) => "working days",
            (DurationUnit::CalendarDays, true) => "day",
            (DurationUnit::CalendarDays, false) => "days",
            (DurationUnit::WorkingHours, true) => "working hour",
            (DurationUnit::WorkingHours, false) => "working hours",
            (DurationUnit::Months, true) => "month",
            (DurationUnit::Months, false) => "months",
        };
        write!(f, "{amount} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_english_and_vietnamese() {
        let cases = [
            ("7 working days", 7000, DurationUnit::WorkingDays),
            ("07 ngày làm việc", 7000, DurationUnit::WorkingDays),
            ("0,5 ngày làm việc", 500, DurationUnit::WorkingDays),
            ("9.5 working days", 9500, DurationUnit::WorkingDays),
            ("30 ngày", 30000, DurationUnit::CalendarDays),
            ("90 days", 90000, DurationUnit::CalendarDays),
            ("4 giờ làm việc", 4000, DurationUnit::WorkingHours),
            ("1 working hour", 1000, DurationUnit::WorkingHours),
            ("  15   Ngày   làm việc ", 15000, DurationUnit::WorkingDays),
            ("01 tháng", 1000, DurationUnit::Months),
            ("1 month", 1000, DurationUnit::Months),
            ("không quá 02 tháng", 2000, DurationUnit::Months),
            ("3 months", 3000, DurationUnit::Months),
        ];
        for (text, milli, unit) in cases {
            let d = Duration::parse(text).unwrap();
            assert_eq!((d.milli(), d.unit()), (milli, unit), "{text}");
        }
    }

    #[test]
    fn same_day_forms() {
        assert!(Duration::parse("same day").unwrap().is_same_day());
        assert!(Duration::parse("Trong ngày").unwrap().is_same_day());
    }

    #[test]
    fn rejects_bad_text() {
        assert!(matches!(
            Duration::parse("-1 days"),
            Err(DurationError::BadNumber(_))
        ));
        assert!(matches!(
            Duration::parse("7 weeks"),
            Err(DurationError::BadUnit(_))
        ));
        assert!(matches!(
            Duration::parse("0.0001 days"),
            Err(DurationError::OutOfRange(_))
        ));
        for half in ["0,5 tháng", "1/2 month"] {
            let e = Duration::parse(half);
            assert!(
                matches!(e, Err(DurationError::FractionalMonths(_))),
                "{half}"
            );
        }
        assert!(Duration::parse("").is_err());
        assert!(Duration::parse("days").is_err());
    }

    #[test]
    fn hours_convert_to_working_days() {
        assert_eq!(Duration::working_hours(4).working_milli_days(), Some(500));
        assert_eq!(Duration::calendar_days(4).working_milli_days(), None);
    }

    #[test]
    fn displays_round_trip() {
        for text in [
            "7 working days",
            "0.5 working days",
            "30 days",
            "1 working hour",
            "1 month",
            "2 months",
        ] {
            assert_eq!(Duration::parse(text).unwrap().to_string(), text);
        }
    }
}
