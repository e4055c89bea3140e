//! Reception schedules ("lịch tiếp nhận hồ sơ"): when an authority
//! receives dossiers. Every authority receives in office hours on working
//! days; some also on extra half-days, e.g. the police on Saturday mornings
//! ("Từ thứ 2 đến thứ 6 hàng tuần và sáng thứ 7 …; trừ ngày Tết, ngày lễ",
//! national-portal records 1.001456, 1.010041).
//!
//! The schedule decides the moment a dossier is *received*; processing
//! time is then counted on the working-day calendar from that moment (an
//! extra reception half-day is not a working day: the day of receipt is not
//! counted, so a dossier received on Saturday morning starts its clock on
//! Monday instead of Tuesday).

use super::working::{AFTERNOON_START, CLOSE, MORNING_START, NOON};
use super::{Calendar, CalendarError, DateTime, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A half-day session of office hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Session {
    /// 8:00–12:00 (buổi sáng).
    Morning,
    /// 13:00–17:00 (buổi chiều).
    Afternoon,
}

impl Session {
    /// (start, end) in minutes after midnight.
    pub const fn hours(self) -> (u16, u16) {
        match self {
            Session::Morning => (MORNING_START, NOON),
            Session::Afternoon => (AFTERNOON_START, CLOSE),
        }
    }

    fn name(self, lang: crate::Lang) -> &'static str {
        match self {
            Session::Morning => lang.pick("sáng", "morning"),
            Session::Afternoon => lang.pick("chiều", "afternoon"),
        }
    }
}

/// One extra reception half-day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReceptionHalfDay {
    /// The day of the week.
    pub weekday: Weekday,
    /// The session.
    pub session: Session,
}

/// When an authority receives dossiers: office hours on working days, plus
/// extra half-days on weekly rest days (never on a holiday or inside a
/// holiday break: "trừ ngày Tết, ngày lễ").
///
/// ```
/// use tthc::calendar::{Calendar, DateTime, ReceptionSchedule};
/// use tthc::Duration;
/// let cal = Calendar::vietnam();
/// let police: ReceptionSchedule = "sáng thứ 7".parse().unwrap();
/// // Submitted Saturday 7/3/2026 at 9:00.
/// let t: DateTime = "2026-03-07T09:00".parse().unwrap();
/// let r = cal.due_date_on_schedule(t, Duration::working_days(1), &police).unwrap();
/// assert_eq!(r.received.to_string(), "2026-03-07T09:00");
/// assert_eq!(r.due.to_string(), "2026-03-09T17:00"); // Monday is day 1
/// let plain = ReceptionSchedule::office_hours();
/// let r = cal.due_date_on_schedule(t, Duration::working_days(1), &plain).unwrap();
/// assert_eq!(r.received.to_string(), "2026-03-09T08:00"); // received Monday
/// assert_eq!(r.due.to_string(), "2026-03-10T17:00");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ReceptionSchedule {
    extra: Vec<ReceptionHalfDay>,
}

/// A dossier's submission, receipt and due moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// When the applicant submitted it.
    pub submitted: DateTime,
    /// When the authority received it (the next reception session).
    pub received: DateTime,
    /// When it is due.
    pub due: DateTime,
}

impl ReceptionSchedule {
    /// Office hours on working days only.
    pub fn office_hours() -> ReceptionSchedule {
        ReceptionSchedule::default()
    }

    /// Office hours plus Saturday mornings.
    pub fn saturday_morning() -> ReceptionSchedule {
        ReceptionSchedule::office_hours().with(Weekday::Saturday, Session::Morning)
    }

    /// This schedule with one more reception half-day.
    pub fn with(mut self, weekday: Weekday, session: Session) -> ReceptionSchedule {
        let h = ReceptionHalfDay { weekday, session };
        if let Err(i) = self.extra.binary_search(&h) {
            self.extra.insert(i, h);
        }
        self
    }

    /// The extra half-days, sorted.
    pub fn extra_half_days(&self) -> &[ReceptionHalfDay] {
        &self.extra
    }

    /// A description in `lang`, e.g. "office hours + Saturday morning".
    pub fn describe(&self, lang: crate::Lang) -> String {
        let mut s = lang
            .pick(
                "giờ hành chính ngày làm việc",
                "office hours on working days",
            )
            .to_string();
        for h in &self.extra {
            let (a, b) = match lang {
                crate::Lang::Vi => (h.session.name(lang), h.weekday.name(lang)),
                crate::Lang::En => (h.weekday.name(lang), h.session.name(lang)),
            };
            s.push_str(&format!(" + {a} {b}"));
        }
        s
    }

    fn extra_sessions(&self, weekday: Weekday) -> impl Iterator<Item = Session> + '_ {
        self.extra
            .iter()
            .filter(move |h| h.weekday == weekday)
            .map(|h| h.session)
    }
}

fn parse_weekday(word: &str) -> Option<Weekday> {
    use Weekday::*;
    let full = word.trim().to_lowercase();
    let english = match full.as_str() {
        "monday" | "mon" => Some(Monday),
        "tuesday" | "tue" => Some(Tuesday),
        "wednesday" | "wed" => Some(Wednesday),
        "thursday" | "thu" => Some(Thursday),
        "friday" | "fri" => Some(Friday),
        "saturday" | "sat" => Some(Saturday),
        "sunday" | "sun" => Some(Sunday),
        _ => None,
    };
    if english.is_some() {
        return english;
    }
    if matches!(
        full.as_str(),
        "chủ nhật" | "chu nhat" | "chủ-nhật" | "chu-nhat" | "cn"
    ) {
        return Some(Sunday);
    }
    // "thứ 7", "thứ bảy", "thu-7", "thu 7".
    let rest = full
        .strip_prefix("thứ")
        .or_else(|| full.strip_prefix("thu"))?
        .trim_start_matches(['-', ' ']);
    Some(match rest {
        "2" | "hai" => Monday,
        "3" | "ba" => Tuesday,
        "4" | "tư" | "tu" => Wednesday,
        "5" | "năm" | "nam" => Thursday,
        "6" | "sáu" | "sau" => Friday,
        "7" | "bảy" | "bay" => Saturday,
        _ => return None,
    })
}

fn parse_half_day(item: &str) -> Option<ReceptionHalfDay> {
    let t = item.trim().to_lowercase();
    for (words, session) in [
        (["morning", "sáng", "sang"], Session::Morning),
        (["afternoon", "chiều", "chieu"], Session::Afternoon),
    ] {
        for word in words {
            // "saturday-morning", "saturday morning", "sáng thứ 7", "thu-7-sang".
            let rest = if let Some(r) = t.strip_prefix(word) {
                r
            } else if let Some(r) = t.strip_suffix(word) {
                r
            } else {
                continue;
            };
            let rest = rest.trim().trim_matches('-').trim();
            if let Some(weekday) = parse_weekday(rest) {
                return Some(ReceptionHalfDay { weekday, session });
            }
        }
    }
    None
}

impl FromStr for ReceptionSchedule {
    type Err = CalendarError;

    /// Parses `office-hours` (or `giờ hành chính`), or a comma- or
    /// `+`-separated list of half-days: `saturday-morning`, `sáng thứ 7`,
    /// `sáng thứ Bảy`, `sunday-afternoon`…
    fn from_str(s: &str) -> Result<ReceptionSchedule, CalendarError> {
        let mut out = ReceptionSchedule::office_hours();
        for item in s.split([',', '+', ';']) {
            let item = item.trim();
            let plain = item.to_lowercase();
            if plain.is_empty()
                || plain == "office-hours"
                || plain == "office hours"
                || plain == "giờ hành chính"
            {
                continue;
            }
            match parse_half_day(item) {
                Some(h) => out = out.with(h.weekday, h.session),
                None => {
                    return Err(CalendarError::InvalidSchedule(item.to_string()));
                }
            }
        }
        Ok(out)
    }
}

impl fmt::Display for ReceptionSchedule {
    /// The canonical form that [`ReceptionSchedule::from_str`] reads back:
    /// `office-hours`, or e.g. `saturday-morning,sunday-morning`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.extra.is_empty() {
            return f.write_str("office-hours");
        }
        let parts: Vec<String> = self
            .extra
            .iter()
            .map(|h| {
                format!(
                    "{}-{}",
                    h.weekday.name(crate::Lang::En).to_lowercase(),
                    h.session.name(crate::Lang::En)
                )
            })
            .collect();
        f.write_str(&parts.join(","))
    }
}

impl Serialize for ReceptionSchedule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ReceptionSchedule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ReceptionSchedule, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Days a search for the next reception session may look ahead: longer
/// than any break (the Tết break of 2011 had 8 days off plus weekends).
const LOOK_AHEAD_DAYS: u32 = 40;

impl Calendar {
    /// Whether the date of `t` is inside a holiday break: a holiday day
    /// off, or a weekly rest day in a run of days off that holds one.
    fn in_holiday_break(&self, t: DateTime) -> Result<bool, CalendarError> {
        let date = t.date();
        if self.is_holiday(date)? {
            return Ok(true);
        }
        for step in [-1i64, 1] {
            let mut d = date;
            for _ in 0..LOOK_AHEAD_DAYS {
                d = d.add_days(step)?;
                if self.is_working_day(d)? {
                    break;
                }
                if self.is_holiday(d)? {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// The reception sessions of the date of `t`, in order.
    fn sessions(
        &self,
        t: DateTime,
        schedule: &ReceptionSchedule,
    ) -> Result<Vec<(u16, u16)>, CalendarError> {
        let date = t.date();
        if self.is_working_day(date)? {
            return Ok(vec![Session::Morning.hours(), Session::Afternoon.hours()]);
        }
        let mut extra: Vec<(u16, u16)> = schedule
            .extra_sessions(date.weekday())
            .map(Session::hours)
            .collect();
        if !extra.is_empty() && self.in_holiday_break(t)? {
            extra.clear();
        }
        extra.sort();
        Ok(extra)
    }

    /// Whether `t` lies inside a reception session of `schedule`.
    pub fn is_reception_time(
        &self,
        t: DateTime,
        schedule: &ReceptionSchedule,
    ) -> Result<bool, CalendarError> {
        let m = t.minute_of_day();
        Ok(self
            .sessions(t, schedule)?
            .iter()
            .any(|&(a, b)| (a..b).contains(&m)))
    }

    /// The moment a dossier submitted at `submitted` is received: the
    /// moment itself inside a reception session, otherwise the start of the
    /// next one.
    pub fn received_at(
        &self,
        submitted: DateTime,
        schedule: &ReceptionSchedule,
    ) -> Result<DateTime, CalendarError> {
        let mut day = submitted;
        for i in 0..=LOOK_AHEAD_DAYS {
            let from = if i == 0 { submitted.minute_of_day() } else { 0 };
            for (a, b) in self.sessions(day, schedule)? {
                if from < b {
                    return DateTime::new(day.date(), from.max(a));
                }
            }
            day = DateTime::start_of(day.date().succ()?);
        }
        Err(CalendarError::OutOfRange(format!(
            "no reception session within {LOOK_AHEAD_DAYS} days after {submitted}"
        )))
    }

    /// The due moment of a dossier submitted at `submitted` to an authority
    /// with `schedule`: received at [`Calendar::received_at`], then due as
    /// [`Calendar::due_date`] from that moment.
    pub fn due_date_on_schedule(
        &self,
        submitted: DateTime,
        duration: crate::Duration,
        schedule: &ReceptionSchedule,
    ) -> Result<Receipt, CalendarError> {
        let received = self.received_at(submitted, schedule)?;
        Ok(Receipt {
            submitted,
            received,
            due: self.due_date(received, duration)?,
        })
    }

    /// [`Calendar::processing_time_on_calendar`] for a submission to an
    /// authority with `schedule`: the first duration counts from the moment
    /// of receipt ([`super::Schedule::received`]).
    pub fn processing_time_with_reception(
        &self,
        submitted: DateTime,
        durations: &[crate::Duration],
        schedule: &ReceptionSchedule,
    ) -> Result<super::Schedule, CalendarError> {
        let received = self.received_at(submitted, schedule)?;
        let mut s = self.processing_time_on_calendar(received, durations)?;
        s.submitted = submitted;
        s.calendar_days = submitted.date().days_until(s.due.date());
        Ok(s)
    }
}
