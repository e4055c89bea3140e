//! Processing time placed on the working-day calendar, for procedures whose
//! steps mix calendar days ("ngày") and working days ("ngày làm việc").
//!
//! Such a total depends on the date: 10 calendar days over Tết hold fewer
//! working days than in March. So it is computed from a submission moment:
//! every main-path step starts when its latest predecessor is due, and its
//! own duration is laid on the calendar from there (one pass in topological
//! order, O(V + E) calendar steps).

use crate::calendar::{Calendar, CalendarError, DateTime};
use crate::checked::CheckedProcedure;
use serde::Serialize;
use std::sync::OnceLock;

/// The reference submission moment used when no date is given: Monday
/// 2 March 2026, 08:00 — a week with no holiday, so the figure reads as an
/// ordinary week's. Callers that know the date pass it instead.
pub const REFERENCE_SUBMISSION: &str = "2026-03-02T08:00";

/// The statutory calendar, built once.
pub fn vietnam_calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(Calendar::vietnam)
}

/// The reference submission moment as a value.
pub fn reference_submission() -> Result<DateTime, CalendarError> {
    REFERENCE_SUBMISSION
        .parse()
        .map_err(|_| CalendarError::OutOfRange(REFERENCE_SUBMISSION.into()))
}

/// The main path's processing time on the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CalendarTime {
    /// When the dossier was submitted.
    pub submitted: String,
    /// When the result is due.
    pub due: String,
    /// Working time from the start of the agencies' clock (the close of the
    /// day of receipt, which is not counted) to the due moment, in
    /// thousandths of a working day: comparable with a declared deadline.
    pub working_milli_days: u64,
    /// Calendar days from the day of submission to the due day.
    pub calendar_days: i64,
    /// The steps whose due moment is the final one, from a start to the end.
    pub critical_path: Vec<String>,
}

/// Lays the main path of `p` on `calendar` from `submitted`.
///
/// ```
/// use tthc::CheckedProcedure;
/// use tthc::metrics::on_calendar::{processing_time_on, vietnam_calendar};
/// let p = CheckedProcedure::from_yaml_str(
///     "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [b] }\n  b: { name: B, actor: Sở, duration: 3 ngày làm việc, next: [c] }\n  c: { name: C, actor: UBND, duration: 5 ngày }\n",
///     "x.yaml").unwrap();
/// let t = processing_time_on(&p, vietnam_calendar(), "2026-04-20T09:00".parse().unwrap()).unwrap();
/// // 3 working days → 23/4 17:00; + 5 days → 28/4 (27/4 is the substitute
/// // day off for Hùng Kings' day).
/// assert_eq!(t.due, "2026-04-28T17:00");
/// assert_eq!(t.critical_path, ["a", "b", "c"]);
/// ```
pub fn processing_time_on(
    checked: &CheckedProcedure,
    calendar: &Calendar,
    submitted: DateTime,
) -> Result<CalendarTime, CalendarError> {
    let (p, g) = (checked.procedure(), checked.graph());
    let main = g.main_path();
    let n = g.len();
    let mut due: Vec<Option<DateTime>> = vec![None; n];
    let mut from: Vec<Option<usize>> = vec![None; n];
    let mut started: Vec<bool> = vec![false; n];
    // When the agencies' clock starts: after the day of receipt.
    let mut clock_start: Option<DateTime> = None;
    for &v in g.topological_order() {
        if !main.get(v).copied().unwrap_or(false) {
            continue;
        }
        // Latest due moment among main-path predecessors.
        let mut start: Option<(DateTime, usize)> = None;
        for (u, kind) in g.predecessors(v) {
            if !kind.is_main() || !main.get(u).copied().unwrap_or(false) {
                continue;
            }
            if let Some(t) = due[u]
                && start.is_none_or(|(s, _)| t > s)
            {
                start = Some((t, u));
            }
        }
        let (at, first) = match start {
            Some((t, u)) => {
                from[v] = Some(u);
                (t, started[u])
            }
            None => (submitted, false),
        };
        let step = &p.steps[v];
        let agency = !step.actor.is_applicant();
        due[v] = Some(match step.duration {
            Some(d) if agency => {
                started[v] = true;
                // The receipt rule (the day of receipt is not counted)
                // applies to the first agency step only.
                let (clock, due) = calendar.step(at, d, !first)?;
                if !first && clock_start.is_none_or(|c| clock < c) {
                    clock_start = Some(clock);
                }
                due
            }
            _ => {
                started[v] = first;
                at
            }
        });
    }
    let end = (0..n)
        .filter(|&v| {
            main.get(v).copied().unwrap_or(false)
                && g.successors(v).iter().all(|(_, k)| !k.is_main())
        })
        .filter_map(|v| due[v].map(|t| (t, v)))
        .max_by_key(|(t, _)| *t);
    let (due_at, last) = match end {
        Some(e) => e,
        None => (submitted, 0),
    };
    let mut path = Vec::new();
    if end.is_some() {
        let mut v = Some(last);
        while let Some(i) = v {
            path.push(p.steps[i].id.clone());
            v = from[i];
            if path.len() > n {
                break;
            }
        }
        path.reverse();
    }
    let minutes = calendar.working_minutes_between(clock_start.unwrap_or(submitted), due_at)?;
    Ok(CalendarTime {
        submitted: submitted.to_string(),
        due: due_at.to_string(),
        working_milli_days: u64::try_from((u128::from(minutes) * 1000).div_ceil(480))
            .unwrap_or(u64::MAX),
        calendar_days: submitted.date().days_until(due_at.date()),
        critical_path: path,
    })
}
