//! What a year's calendar rests on: its status (law, announced,
//! predicted), its breaks (runs of days off around a holiday) and notes.

use super::working::{FIRST_YEAR, FIVE_DAY_WEEK_FROM, LAST_YEAR};
use super::{Calendar, CalendarError, Date, HolidayKind, HolidayStatus, Occasion, basis};
use crate::Text;

/// The status of a year as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum YearStatus {
    /// Nothing the Government decides each year applies (before 2014 the
    /// Tết days were fixed by law) and no announcement is in the data.
    Law,
    /// Every decision the Government takes for the year is in the data.
    Announced,
    /// Some days come from the prediction rules: "dự kiến — chưa công bố".
    Predicted,
}

impl YearStatus {
    /// A short label in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        let (vi, en) = match self {
            YearStatus::Law => ("theo luật", "by law"),
            YearStatus::Announced => ("đã công bố", "announced"),
            YearStatus::Predicted => ("dự kiến — chưa công bố", "predicted — not yet announced"),
        };
        lang.pick(vi, en)
    }
}

/// A run of consecutive days off (weekly rest days included) that holds at
/// least one holiday day off of the year, e.g. the Tết break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Break {
    /// The first day off.
    pub first: Date,
    /// The last day off.
    pub last: Date,
    /// Days in the break.
    pub days: i64,
    /// The holidays it is for.
    pub occasions: Vec<Occasion>,
}

/// The status, breaks and notes of one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearSummary {
    /// The solar year.
    pub year: i32,
    /// Law, announced or predicted.
    pub status: YearStatus,
    /// The breaks, in order.
    pub breaks: Vec<Break>,
    /// Notes on what the year's calendar rests on and what it leaves out.
    pub notes: Vec<Text>,
}

impl Calendar {
    /// The status, breaks and notes of `year`.
    ///
    /// ```
    /// use tthc::calendar::{Calendar, YearStatus};
    /// let cal = Calendar::vietnam();
    /// let s = cal.year_summary(2026).unwrap();
    /// assert_eq!(s.status, YearStatus::Announced);
    /// let tet = &s.breaks[1];
    /// assert_eq!((tet.first.to_string(), tet.days), ("2026-02-14".to_string(), 9));
    /// assert_eq!(cal.year_summary(2027).unwrap().status, YearStatus::Predicted);
    /// ```
    pub fn year_summary(&self, year: i32) -> Result<YearSummary, CalendarError> {
        let entries = self.calendar_entries(year)?;
        let predicted = entries.iter().any(|h| h.status == HolidayStatus::Predicted);
        let announced = entries.iter().any(|h| h.status == HolidayStatus::Announced);
        let status = if predicted {
            YearStatus::Predicted
        } else if announced {
            YearStatus::Announced
        } else {
            YearStatus::Law
        };
        let mut notes: Vec<Text> = self
            .data()
            .years
            .get(&year)
            .map(|y| y.notes.clone())
            .unwrap_or_default();
        if predicted {
            notes.push(Text::new(
                "Năm chưa có thông báo trong dữ liệu: ngày nghỉ Tết và ngày liền kề 2/9 theo quy tắc dự kiến; hoán đổi ngày làm việc không được dự kiến.",
                "No announcement for this year in the data: the Tết days off and the day next to 2/9 follow the prediction rules; swaps of working days are never predicted.",
            ));
        }
        if year < basis::LABOUR_CODE_1994_FROM {
            notes.push(Text::new(
                "Trước 1995 (Bộ luật Lao động 1994 có hiệu lực 1/1/1995) các ngày nghỉ không được mô hình hóa: áp dụng ngược quy tắc của Điều 73.",
                "Before 1995 (the Labour Code 1994 took effect on 1/1/1995) the days off are not modelled: the rules of Art. 73 are applied backwards.",
            ));
        } else if year < 2010 && !announced {
            notes.push(Text::new(
                "Không có hoán đổi ngày làm việc trong dữ liệu: Thủ tướng bắt đầu cho hoán đổi từ năm 2010 (Tờ trình 89/TTr-LĐTBXH ngày 20/11/2014).",
                "No swaps in the data: the Prime Minister's swaps of working days began in 2010 (MoLISA submission 89/TTr-LĐTBXH of 20/11/2014).",
            ));
        }
        let (y5, m5, d5) = FIVE_DAY_WEEK_FROM;
        if year <= y5 && self.is_weekly_rest_day(Date::new(y5, m5, d5)?) {
            notes.push(Text::new(
                "Thứ Bảy là ngày làm việc đến hết 1/10/1999; tuần làm việc 5 ngày theo Quyết định 188/1999/QĐ-TTg ngày 17/9/1999 từ 2/10/1999.",
                "Saturday is a working day until 1/10/1999; the five-day week of Decision 188/1999/QĐ-TTg of 17/9/1999 applies from 2/10/1999.",
            ));
        }
        for p in &self.data().proposed {
            if p.from.year() <= year {
                let status = p
                    .status
                    .clone()
                    .unwrap_or_else(|| Text::new("đề xuất", "a proposal"));
                notes.push(Text::new(
                    format!(
                        "{}/{} {}: không phải ngày nghỉ theo luật đang có hiệu lực ({}). Có thể thêm bằng dữ liệu (--holidays, xem docs/calendar.md).",
                        p.day, p.month, p.name.vi, status.vi
                    ),
                    format!(
                        "{}/{} {}: not a day off under the law in force ({}). It can be added as data (--holidays, see docs/calendar.md).",
                        p.day, p.month, p.name.en, status.en
                    ),
                ));
            }
        }
        Ok(YearSummary {
            year,
            status,
            breaks: self.breaks(year)?,
            notes,
        })
    }

    /// The breaks of `year`: maximal runs of consecutive days off that hold
    /// a holiday day off of the year (a run may start in December of the
    /// year before or end in January of the next).
    pub fn breaks(&self, year: i32) -> Result<Vec<Break>, CalendarError> {
        let entries = self.calendar_entries(year)?;
        let lo = Date::new(year, 1, 1)?.add_days(if year > FIRST_YEAR { -12 } else { 0 })?;
        let hi = Date::new(year, 12, 31)?.add_days(if year < LAST_YEAR { 12 } else { 0 })?;
        let mut out = Vec::new();
        let mut run: Option<Date> = None;
        let mut d = lo;
        loop {
            let off = !self.is_working_day(d)?;
            if off && run.is_none() {
                run = Some(d);
            }
            if (!off || d == hi)
                && let Some(first) = run.take()
            {
                let last = if off { d } else { d.add_days(-1)? };
                let mut occasions: Vec<Occasion> = entries
                    .iter()
                    .filter(|h| {
                        h.date >= first && h.date <= last && h.kind != HolidayKind::MakeUpWorkingDay
                    })
                    .map(|h| h.occasion)
                    .collect();
                occasions.sort();
                occasions.dedup();
                if !occasions.is_empty() {
                    out.push(Break {
                        first,
                        last,
                        days: first.days_until(last) + 1,
                        occasions,
                    });
                }
            }
            if d == hi {
                break;
            }
            d = d.succ()?;
        }
        Ok(out)
    }
}
