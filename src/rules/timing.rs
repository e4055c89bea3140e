//! A minimal critical-path computation for the time rules (TT201–TT203).
//!
//! NOTE for the integrator: this is a private stand-in for
//! `tthc::metrics::processing_time`, which was not yet merged when the rules
//! were written. It takes one topological pass over agency durations and
//! keeps working and calendar units apart (no calendar conversion); switch
//! TT201–TT203 over to the metrics module once it lands.

use super::RuleContext;
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
            DurationUnit::WorkingDays | DurationUnit::WorkingHours => Clock::Working,
        }
    }
}

/// The longest path of agency durations in one clock.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CriticalPath {
    /// Length in thousandths of a day of the clock.
    pub milli_days: u64,
    /// Steps on the path, in order.
    pub path: Vec<usize>,
    /// Agency steps whose duration is in the other clock (not counted).
    pub other_clock: Vec<usize>,
    /// Agency steps with no duration (counted as zero).
    pub missing: Vec<usize>,
}

/// Milli-days of a duration in `clock`, or `None` when it is in the other clock.
pub(crate) fn milli_days(d: crate::model::Duration, clock: Clock) -> Option<u64> {
    if Clock::of(d.unit()) != clock {
        return None;
    }
    match clock {
        Clock::Working => d.working_milli_days(),
        Clock::Calendar => Some(d.milli()),
    }
}

/// The declared deadline's clock, its length in that clock, and the
/// critical path in the same clock; `None` without a deadline or a graph.
pub(crate) fn deadline_and_path(ctx: &RuleContext<'_>) -> Option<(Clock, u64, CriticalPath)> {
    let deadline = ctx.procedure.deadline?;
    let clock = Clock::of(deadline.unit());
    let declared = milli_days(deadline, clock)?;
    Some((clock, declared, critical_path(ctx, clock)?))
}

/// One pass in topological order: O(V + E).
pub(crate) fn critical_path(ctx: &RuleContext<'_>, clock: Clock) -> Option<CriticalPath> {
    let graph = ctx.graph.as_ref()?;
    let steps = &ctx.procedure.steps;
    let n = graph.len();
    let mut best = vec![0u64; n];
    let mut parent = vec![usize::MAX; n];
    let mut out = CriticalPath::default();
    for &i in graph.topological_order() {
        let step = steps.get(i)?;
        let own = if step.actor.is_applicant() {
            0
        } else {
            match step.duration {
                None => {
                    out.missing.push(i);
                    0
                }
                Some(d) => milli_days(d, clock).unwrap_or_else(|| {
                    out.other_clock.push(i);
                    0
                }),
            }
        };
        let (from, before) = graph
            .predecessors(i)
            .into_iter()
            .map(|(p, _)| (p, best.get(p).copied().unwrap_or(0)))
            .max_by_key(|&(p, v)| (v, std::cmp::Reverse(p)))
            .unwrap_or((usize::MAX, 0));
        if let (Some(b), Some(par)) = (best.get_mut(i), parent.get_mut(i)) {
            *b = before.saturating_add(own);
            *par = from;
        }
    }
    // Ties go to the step latest in topological order, so the reported
    // path runs on to the end of the procedure.
    let (_, mut end, total) = graph
        .topological_order()
        .iter()
        .enumerate()
        .map(|(pos, &i)| (pos, i, best.get(i).copied().unwrap_or(0)))
        .max_by_key(|&(pos, _, v)| (v, pos))?;
    out.milli_days = total;
    while end != usize::MAX && out.path.len() <= n {
        out.path.push(end);
        end = parent.get(end).copied().unwrap_or(usize::MAX);
    }
    out.path.reverse();
    out.missing.sort_unstable();
    out.other_clock.sort_unstable();
    Some(out)
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
    use crate::Procedure;

    #[test]
    fn longest_path_takes_the_slower_branch_and_skips_other_clock() {
        let p = Procedure::from_yaml_str(
            "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [b, c] }\n  b: { name: B, actor: S, duration: 2 working days, next: [d] }\n  c: { name: C, actor: T, duration: 4 working hours, next: [d] }\n  d: { name: D, actor: S, duration: 1 working day, next: [e] }\n  e: { name: E, actor: S, duration: 3 days }\n",
            "t.yaml",
        )
        .unwrap();
        let ctx = RuleContext::new(&p);
        let cp = critical_path(&ctx, Clock::Working).unwrap();
        assert_eq!(cp.milli_days, 3000);
        assert_eq!(describe_path(&ctx, &cp.path), "a → b → d → e");
        assert_eq!(cp.other_clock, vec![4]);
        let cal = critical_path(&ctx, Clock::Calendar).unwrap();
        assert_eq!(cal.milli_days, 3000);
    }
}
