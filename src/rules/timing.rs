//! Processing time for the time rules (TT201–TT203), on top of
//! [`crate::metrics::processing_time`]: the main-path critical path of agency
//! durations, with working and calendar days kept apart.

use super::RuleContext;
use crate::metrics::Length;
use crate::model::DurationUnit;

/// The unit class a path is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Clock {
    /// Working days and working hours, in thousandths of a working day.
    Working,
    /// Calendar days, in thousandths of a day.
    Calendar,
}

impl Clock {
    /// The unit's name in Vietnamese and English.
    pub(crate) fn units(self) -> (&'static str, &'static str) {
        match self {
            Clock::Working => ("ngày làm việc", "working days"),
            Clock::Calendar => ("ngày", "days"),
        }
    }

    pub(crate) fn of(unit: DurationUnit) -> Clock {
        match unit {
            DurationUnit::CalendarDays => Clock::Calendar,
            // Months are compared in working days, through the calendar's
            // least working days in that many months (`MonthBound`).
            DurationUnit::WorkingDays | DurationUnit::WorkingHours | DurationUnit::Months => {
                Clock::Working
            }
        }
    }
}

/// The main-path critical path in one clock.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CriticalPath {
    /// Length in thousandths of a day of the clock; `None` when the steps
    /// use the other kind of day (the calendar is needed).
    pub milli_days: Option<u64>,
    /// Steps on the path, in order.
    pub path: Vec<usize>,
    /// Main-path agency steps whose duration is in the other clock.
    pub other_clock: Vec<usize>,
    /// Main-path agency steps with no duration (counted as zero).
    pub missing: Vec<usize>,
}

/// Milli-days of a duration in `clock`, or `None` when it is in the other clock.
///
/// A same-day deadline is a real bound: the working day of receipt, one
/// working day, never zero.
pub(crate) fn milli_days(d: crate::model::Duration, clock: Clock) -> Option<u64> {
    if Clock::of(d.unit()) != clock {
        return None;
    }
    if d.is_same_day() {
        return (clock == Clock::Working).then_some(crate::model::DURATION_SCALE);
    }
    match clock {
        Clock::Working => d.working_milli_days(),
        Clock::Calendar => Some(d.milli()),
    }
}

/// Milli-days of a deadline in its clock ([`Clock::of`]); months through
/// the calendar's bound computed with the metrics (the least working days
/// that many months hold for any start date in its known years).
pub(crate) fn deadline_milli_days(
    ctx: &RuleContext<'_>,
    d: crate::model::Duration,
) -> Option<(Clock, u64)> {
    let clock = Clock::of(d.unit());
    if d.whole_months().is_some() {
        let bound = ctx.metrics.processing_time.month_bound_of(d)?;
        return Some((clock, bound.min_working_milli_days()));
    }
    Some((clock, milli_days(d, clock)?))
}

/// A deadline as messages state it, Vietnamese and English:
/// `5 ngày làm việc`, `trong ngày (1 ngày làm việc)`, or
/// `1 tháng, có khi chỉ có 15 ngày làm việc (bắt đầu ngày 30/01/2011; …)`.
pub(crate) fn deadline_phrase(
    ctx: &RuleContext<'_>,
    d: crate::model::Duration,
    declared: u64,
    clock: Clock,
) -> (String, String) {
    let (unit_vi, unit_en) = clock.units();
    let (vi, en) = (
        crate::model::format_milli(declared, ','),
        crate::model::format_milli(declared, '.'),
    );
    if d.is_same_day() {
        return (
            format!("trong ngày ({vi} {unit_vi})"),
            format!("same day ({en} {unit_en})"),
        );
    }
    if let Some(b) = ctx.metrics.processing_time.month_bound_of(d) {
        let years = if b.first_year == b.last_year {
            b.first_year.to_string()
        } else {
            format!("{}–{}", b.first_year, b.last_year)
        };
        let n = b.months;
        let months_en = if n == 1 { "month" } else { "months" };
        let (y, m, d) = b.min_from.ymd();
        return (
            format!(
                "{n} tháng, có khi chỉ có {vi} {unit_vi} (bắt đầu ngày {d:02}/{m:02}/{y}; ít nhất trong mọi ngày bắt đầu các năm {years})"
            ),
            format!(
                "{n} {months_en}, which holds as few as {en} {unit_en} (from {}; the least over every start date in {years})",
                b.min_from
            ),
        );
    }
    (format!("{vi} {unit_vi}"), format!("{en} {unit_en}"))
}

/// The declared deadline's clock, its length in that clock, and the
/// critical path; `None` without a deadline or a graph.
pub(crate) fn deadline_and_path(ctx: &RuleContext<'_>) -> Option<(Clock, u64, CriticalPath)> {
    let deadline = ctx.procedure.deadline?;
    let (clock, declared) = deadline_milli_days(ctx, deadline)?;
    let (graph, facts) = ctx.graph_facts();
    let time = &ctx.metrics.processing_time;
    let milli_days = match (time.length, clock) {
        (Length::WorkingDays(m), Clock::Working) | (Length::CalendarDays(m), Clock::Calendar) => {
            Some(m)
        }
        _ => None,
    };
    let index =
        |ids: &[String]| -> Vec<usize> { ids.iter().filter_map(|id| graph.index_of(id)).collect() };
    let other_clock = ctx
        .procedure
        .steps
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            facts.main_path.get(*i).copied().unwrap_or(false)
                && !s.actor.is_applicant()
                && s.duration.is_some_and(|d| Clock::of(d.unit()) != clock)
        })
        .map(|(i, _)| i)
        .collect();
    let path = CriticalPath {
        milli_days,
        path: index(&time.critical_path),
        other_clock,
        missing: index(&time.missing_durations),
    };
    Some((clock, declared, path))
}

/// The ids of `path`, joined with arrows.
pub(crate) fn describe_path(ctx: &RuleContext<'_>, path: &[usize]) -> String {
    path.iter()
        .map(|&i| ctx.step_id(i))
        .collect::<Vec<_>>()
        .join(" → ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_path_length_in_the_deadline_clock() {
        let p = crate::CheckedProcedure::from_yaml_str(
            "format: tthc/1\nname: X\ndeadline: 3 working days\nsteps:\n  a: { name: A, actor: applicant, next: [b, c] }\n  b: { name: B, actor: S, duration: 2 working days, next: [d] }\n  c: { name: C, actor: T, duration: 4 working hours, next: [d] }\n  d: { name: D, actor: S, duration: 1 working day }\n",
            "t.yaml",
        )
        .unwrap();
        let m = crate::metrics::measure(&p, &crate::CostBasis::default());
        let basis = crate::CostBasis::default();
        let ctx = RuleContext::new(&p, &m, &basis);
        let (clock, declared, cp) = deadline_and_path(&ctx).unwrap();
        assert_eq!((clock, declared), (Clock::Working, 3000));
        assert_eq!(cp.milli_days, Some(3000));
        assert_eq!(describe_path(&ctx, &cp.path), "a → b → d");
        assert!(cp.other_clock.is_empty() && cp.missing.is_empty());
    }

    #[test]
    fn mixed_units_need_the_calendar() {
        let p = crate::CheckedProcedure::from_yaml_str(
            "format: tthc/1\nname: X\ndeadline: 3 working days\nsteps:\n  a: { name: A, actor: applicant, next: [b] }\n  b: { name: B, actor: S, duration: 2 working days, next: [c] }\n  c: { name: C, actor: S, duration: 3 days }\n",
            "t.yaml",
        )
        .unwrap();
        let m = crate::metrics::measure(&p, &crate::CostBasis::default());
        let basis = crate::CostBasis::default();
        let ctx = RuleContext::new(&p, &m, &basis);
        let (_, _, cp) = deadline_and_path(&ctx).unwrap();
        assert_eq!(cp.milli_days, None);
        assert_eq!(cp.other_clock, vec![2]);
    }
}
