//! Why a due date falls where it does: every calendar day from the day the
//! clock starts to the due day, counted or skipped, and for each skipped day
//! (and each weekly rest day worked to make up a swap) its reason and legal
//! basis — the weekly rest of state agencies, the holiday with its article,
//! the announced swap with its decision. Used by `tthc why FILE due` and
//! `tthc due --verbose`.

use crate::calendar::{Calendar, CalendarError, Date, HolidayKind, Schedule};
use crate::i18n::{Lang, Text};
use std::collections::HashMap;
use std::fmt::Write as _;

/// More days than this are summarised (counts only): a deadline of years
/// would otherwise print a line a day.
pub const MAX_LISTED_DAYS: i64 = 400;

/// One calendar day between the clock start and the due day.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DueDay {
    /// The date.
    pub date: Date,
    /// Whether it is a working day (counted).
    pub counted: bool,
    /// Why it is skipped, or why a weekly rest day is worked; `None` for an
    /// ordinary working day.
    pub reason: Option<Text>,
    /// The legal basis of the reason.
    pub basis: Option<Text>,
}

/// The weekly rest of state agencies since 2/10/1999.
fn weekly_rest_basis(date: Date) -> Text {
    if date >= Date::new(1999, 10, 2).unwrap_or(date) {
        Text::new(
            "Quyết định 188/1999/QĐ-TTg, Điều 1 (nghỉ thứ Bảy, Chủ nhật)",
            "Decision 188/1999/QĐ-TTg, Art. 1 (Saturday and Sunday off)",
        )
    } else {
        Text::new(
            "Bộ luật Lao động 1994, Điều 72 (nghỉ hằng tuần)",
            "Labour Code 1994, Art. 72 (weekly rest)",
        )
    }
}

/// Every day from `start` to `due` (both included), with its reason.
/// `None` when there are more than [`MAX_LISTED_DAYS`].
pub fn due_days(
    cal: &Calendar,
    start: Date,
    due: Date,
) -> Result<Option<Vec<DueDay>>, CalendarError> {
    if i64::from(due.days_since_epoch()) - i64::from(start.days_since_epoch()) > MAX_LISTED_DAYS {
        return Ok(None);
    }
    // One lookup table of the entries between the dates (holidays,
    // substitutes, swaps, make-up days): no scan per day.
    let entries: HashMap<Date, crate::calendar::Holiday> = cal
        .entries_between(start, due)?
        .into_iter()
        .map(|h| (h.date, h))
        .collect();
    let mut out = Vec::new();
    let mut d = start;
    while d <= due {
        let counted = cal.is_working_day(d)?;
        let entry = entries.get(&d);
        let (reason, basis) = match entry {
            Some(h) if !counted || h.kind == HolidayKind::MakeUpWorkingDay => {
                // The name with what kind of day it is and whether it is
                // law, announced or predicted.
                let label = |lang| {
                    format!(
                        "{} [{}; {}]",
                        h.name.get(lang),
                        h.kind.label(lang),
                        h.status.label(lang)
                    )
                };
                (
                    Some(Text::new(label(Lang::Vi), label(Lang::En))),
                    Some(h.basis.clone()),
                )
            }
            _ if !counted && cal.is_weekly_rest_day(d) => (
                Some(Text::new("ngày nghỉ hằng tuần", "weekly rest day")),
                Some(weekly_rest_basis(d)),
            ),
            _ if !counted => (Some(Text::new("ngày nghỉ", "a day off")), None),
            _ => (None, None),
        };
        out.push(DueDay {
            date: d,
            counted,
            reason,
            basis,
        });
        d = d.succ()?;
    }
    Ok(Some(out))
}

/// The derivation of `schedule`'s due date in `lang`: when the clock
/// starts, each day counted (numbered) or skipped with its reason and
/// basis, and the due moment.
///
/// ```
/// use tthc::calendar::{Calendar, DateTime};
/// use tthc::{Duration, DurationUnit, Lang};
/// let cal = Calendar::vietnam();
/// let from: DateTime = "2026-04-29T09:00".parse().unwrap();
/// let s = cal
///     .processing_time_on_calendar(from, &[Duration::from_milli(3_000, DurationUnit::WorkingDays)])
///     .unwrap();
/// let text = tthc::report::due::render(&cal, &s, Lang::En).unwrap();
/// let holiday = text.lines().find(|l| l.contains("2026-04-30")).unwrap();
/// assert!(holiday.contains("skipped: Reunification Day"), "{text}");
/// assert!(text.contains("Labour Code 2019 Art. 112(1)"), "{text}");
/// ```
pub fn render(cal: &Calendar, schedule: &Schedule, lang: Lang) -> Result<String, CalendarError> {
    let mut out = String::new();
    let (start, due) = (schedule.clock_start, schedule.due);
    let _ = writeln!(
        out,
        "{} {} ({})",
        lang.pick("Bắt đầu tính:", "The clock starts:"),
        start,
        start.date().weekday().name(lang)
    );
    match due_days(cal, start.date(), due.date())? {
        None => {
            let _ = writeln!(
                out,
                "  {}",
                match lang {
                    Lang::Vi => format!(
                        "hơn {MAX_LISTED_DAYS} ngày: không liệt kê từng ngày ({} ngày làm việc, {} ngày lịch)",
                        crate::model::format_milli(schedule.working_milli_days, ','),
                        schedule.calendar_days
                    ),
                    Lang::En => format!(
                        "more than {MAX_LISTED_DAYS} days: not listed day by day ({} working days, {} calendar days)",
                        crate::model::format_milli(schedule.working_milli_days, '.'),
                        schedule.calendar_days
                    ),
                }
            );
        }
        Some(days) => {
            // The day the clock starts is not numbered (its part after the
            // start is counted, whatever is left of it); the next counted
            // days are the 1st, 2nd … working day; the last ends at the due
            // moment.
            let time = |t: crate::calendar::DateTime| {
                t.to_string()
                    .split('T')
                    .nth(1)
                    .unwrap_or_default()
                    .to_string()
            };
            let mut n = 0u32;
            let last = days.len().saturating_sub(1);
            for (i, day) in days.iter().enumerate() {
                let weekday = day.date.weekday().name(lang);
                // Holiday names and bases may come from a user's holiday
                // file: shown terminal-safe.
                let text = |t: &Option<Text>| {
                    t.as_ref().map(|t| {
                        crate::report::diagnostics::terminal_safe(t.get(lang)).into_owned()
                    })
                };
                let basis = text(&day.basis)
                    .map(|b| format!(" ← {b}"))
                    .unwrap_or_default();
                let mut line = if !day.counted {
                    format!(
                        "{}: {}{basis}",
                        lang.pick("bỏ qua", "skipped"),
                        text(&day.reason).unwrap_or_default()
                    )
                } else if i == 0 {
                    format!(
                        "{} {}",
                        lang.pick("bắt đầu tính lúc", "counted from"),
                        time(start)
                    )
                } else {
                    n += 1;
                    let mut l = match lang {
                        Lang::Vi => format!("ngày làm việc thứ {n}"),
                        Lang::En => format!("working day {n}"),
                    };
                    if let Some(r) = text(&day.reason) {
                        l.push_str(&format!(" — {r}{basis}"));
                    }
                    l
                };
                if i == last && day.counted {
                    line.push_str(&format!(
                        "; {} {}",
                        lang.pick("hạn lúc", "due at"),
                        time(due)
                    ));
                }
                let _ = writeln!(out, "  {} {weekday:<11} {line}", day.date);
            }
        }
    }
    let _ = writeln!(
        out,
        "{} {} ({})",
        lang.pick("Hạn giải quyết:", "Due:"),
        due,
        due.date().weekday().name(lang)
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_of_tet_is_skipped_with_its_basis_and_weekends_with_theirs() {
        let cal = Calendar::vietnam();
        let start = Date::new(2026, 2, 13).unwrap();
        let due = Date::new(2026, 2, 24).unwrap();
        let days = due_days(&cal, start, due).unwrap().unwrap();
        assert_eq!(days.len(), 12);
        let counted = days.iter().filter(|d| d.counted).count();
        // 13/2 (Fri), 23/2 (Mon), 24/2 (Tue): Tết 16–20/2, weekends 14–15, 21–22.
        assert_eq!(counted, 3);
        for d in days.iter().filter(|d| !d.counted) {
            assert!(d.reason.is_some() && d.basis.is_some(), "{d:?}");
        }
        let sat = &days[1];
        assert!(sat.basis.as_ref().unwrap().en.contains("188/1999"));
        let tet = &days[3];
        assert!(tet.reason.as_ref().unwrap().vi.contains("Tết"), "{tet:?}");
    }

    #[test]
    fn long_spans_are_summarised_not_listed() {
        let cal = Calendar::vietnam();
        let start = Date::new(2026, 1, 1).unwrap();
        let due = Date::new(2028, 1, 1).unwrap();
        assert_eq!(due_days(&cal, start, due).unwrap(), None);
    }
}
