//! Processing time: the critical (longest) path of agency durations over
//! `next`/`choice` edges, in one linear pass over the topological order.

use crate::calendar::MonthBound;
use crate::graph::{EdgeKind, StepGraph};
use crate::metrics::adjacency::Adjacency;
use crate::model::{Duration, DurationUnit, Procedure};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::cmp::Ordering;

/// The length of a path, in the unit its durations share.
///
/// Calendar days and working days are never summed: until a calendar is
/// given (see `src/calendar`), a path set that holds both is
/// [`Length::NeedsCalendar`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Length {
    /// Thousandths of a working day (working hours count 1/8 day each).
    WorkingDays(u64),
    /// Thousandths of a calendar day (ngày).
    CalendarDays(u64),
    /// The steps mix calendar days and working days: the longest path, and
    /// the end of parallel branches, can only be found on a calendar.
    NeedsCalendar,
}

impl Length {
    /// Thousandths of a working day, when the length is in working days.
    pub fn working_milli_days(self) -> Option<u64> {
        match self {
            Length::WorkingDays(m) => Some(m),
            _ => None,
        }
    }

    /// Thousandths of a calendar day, when the length is in calendar days.
    pub fn calendar_milli_days(self) -> Option<u64> {
        match self {
            Length::CalendarDays(m) => Some(m),
            _ => None,
        }
    }

    /// Compares two lengths in the same unit; `None` across units.
    pub fn compare(self, other: Length) -> Option<Ordering> {
        match (self, other) {
            (Length::WorkingDays(a), Length::WorkingDays(b))
            | (Length::CalendarDays(a), Length::CalendarDays(b)) => Some(a.cmp(&b)),
            _ => None,
        }
    }

    /// The length of a declared duration (a deadline). Months need a
    /// calendar ([`Length::of_with`]): without one they are
    /// [`Length::NeedsCalendar`].
    pub fn of(d: Duration) -> Length {
        Length::of_with(d, &[])
    }

    /// [`Length::of`], months converted by the calendar's `bounds`: the
    /// least working days that many months hold for any start date in the
    /// calendar's known years ([`MonthBound`]).
    pub fn of_with(d: Duration, bounds: &[MonthBound]) -> Length {
        if let Some(n) = d.whole_months() {
            return month_bound(bounds, n).map_or(Length::NeedsCalendar, |b| {
                Length::WorkingDays(b.min_working_milli_days())
            });
        }
        match d.working_milli_days() {
            Some(m) => Length::WorkingDays(m),
            None => Length::CalendarDays(d.milli()),
        }
    }

    /// `7,5 ngày làm việc` / `7.5 working days`, `30 days`, or the reason
    /// there is no number: the decimal mark and grouping of `lang` (one
    /// wording with the reports, [`crate::report::text::length`]).
    pub fn text(self, lang: crate::Lang) -> String {
        crate::report::text::length(self, lang)
    }
}

/// JSON: `unit`, `working_days` and `calendar_days` (exact decimals, the
/// same names as the metric keys), `error`.
impl Serialize for Length {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::metrics::{Quantity, Unit};
        let mut st = s.serialize_struct("Length", 4)?;
        let unit = match self {
            Length::WorkingDays(_) => "working_days",
            Length::CalendarDays(_) => "calendar_days",
            Length::NeedsCalendar => "needs_calendar",
        };
        let w = self.working_milli_days();
        let c = self.calendar_milli_days();
        st.serialize_field("unit", unit)?;
        st.serialize_field(
            "working_days",
            &w.map(|m| Quantity::new(m.into(), Unit::WorkingDays)),
        )?;
        st.serialize_field(
            "calendar_days",
            &c.map(|m| Quantity::new(m.into(), Unit::CalendarDays)),
        )?;
        let error =
            matches!(self, Length::NeedsCalendar).then_some("mixed units: needs the calendar");
        st.serialize_field("error", &error)?;
        st.end()
    }
}

/// A longest path and its length.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathTime {
    /// Its length.
    #[serde(flatten)]
    pub length: Length,
    /// Whether `length` is a lower bound: a step on the path takes months,
    /// counted as the least working days that many months hold (see
    /// [`ProcessingTime::month_bounds`]).
    pub lower_bound: bool,
    /// Step ids from a start to an end (empty when the length needs the calendar).
    pub path: Vec<String>,
}

/// The worst case with one request to supplement: the longest path to the
/// rework source, then back to `rework.to` and on to the end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReworkTime {
    /// Its length.
    #[serde(flatten)]
    pub length: Length,
    /// Whether `length` is a lower bound: a step on the path takes months,
    /// counted as the least working days that many months hold (see
    /// [`ProcessingTime::month_bounds`]).
    pub lower_bound: bool,
    /// Step ids: start → … → `from`, then `to` → … → end.
    pub path: Vec<String>,
    /// The step that asks for the supplement.
    pub from: String,
    /// The step the dossier goes back to.
    pub to: String,
    /// Probability of the rework, in millionths.
    pub probability_ppm: u32,
}

/// One step of the critical path and what it adds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StepDuration {
    /// The step.
    pub step: String,
    /// Its declared duration, as published (`"2 working days"`), or null.
    #[serde(serialize_with = "declared_text")]
    pub duration: Option<Duration>,
    /// Whether it is the applicant's step (its time is not the agencies').
    pub by_applicant: bool,
    /// Whether it counts: an agency step with a duration.
    pub counted: bool,
    /// Where the duration (else the step) is written in the file, when
    /// loaded from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<crate::source_map::Location>,
}

/// Processing time of a procedure (SPEC section 6).
///
/// `length` and `critical_path` are the **main path** (every `next`, the
/// first alternative of every `choice`): what an applicant whose dossier is
/// accepted waits. `worst_case` takes the longest over all alternatives
/// (e.g. a refusal that takes longer); `with_rework` adds one supplement
/// request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProcessingTime {
    /// Length of the main-path critical path.
    #[serde(flatten)]
    pub length: Length,
    /// Whether `length` is a lower bound: a step on the critical path takes
    /// months, counted as the least working days that many months hold
    /// (see `month_bounds`), so the path takes at least `length` from any
    /// start date, and more from most.
    pub lower_bound: bool,
    /// When `lower_bound`: the most the main path can take, with every
    /// number of months at the most working days it holds over the same
    /// start dates; otherwise absent (`length` is exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upper_bound: Option<Length>,
    /// The main-path critical path, step ids from a start to an end.
    pub critical_path: Vec<String>,
    /// Each step of the critical path with the duration it adds (where it
    /// comes from: `steps.<id>.duration`); an applicant's step or a step
    /// without duration adds nothing.
    pub critical_path_durations: Vec<StepDuration>,
    /// The declared deadline (`deadline`), as published.
    #[serde(serialize_with = "declared_text")]
    pub declared: Option<Duration>,
    /// Longest path over every alternative of every `choice`.
    pub worst_case: PathTime,
    /// Worst case with one rework on the main path, if any rework is declared.
    pub with_rework: Option<ReworkTime>,
    /// Agency steps on the main path without a duration (counted as 0).
    pub missing_durations: Vec<String>,
    /// How the calendar converted each number of months declared (the
    /// deadline's or a step's) into working days: the least over every
    /// start date in its known years, so a figure that uses it is a bound
    /// that holds for any start date. Empty when nothing is in months.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub month_bounds: Vec<MonthBound>,
}

/// The bound for `months` months among `bounds`.
pub(crate) fn month_bound(bounds: &[MonthBound], months: u64) -> Option<&MonthBound> {
    bounds.iter().find(|b| b.months == months)
}

/// The calendar's bounds for every number of months `p` declares (its
/// deadlines and its steps), in increasing order.
pub(crate) fn month_bounds(p: &Procedure, calendar: &crate::calendar::Calendar) -> Vec<MonthBound> {
    let mut months: Vec<u64> = p
        .deadline
        .iter()
        .chain(p.deadlines.by_channel.iter().map(|(_, d)| d))
        .chain(p.deadlines.by_case.iter().map(|(_, d)| d))
        .chain(p.steps.iter().filter_map(|s| s.duration.as_ref()))
        .filter_map(|d| d.whole_months())
        .collect();
    months.sort_unstable();
    months.dedup();
    months
        .into_iter()
        .filter_map(|n| calendar.month_bound(n))
        .collect()
}

pub(crate) fn declared_text<S: Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

impl ProcessingTime {
    /// Thousandths of a working day on the main path, when in working days.
    pub fn working_milli_days(&self) -> Option<u64> {
        self.length.working_milli_days()
    }

    /// The critical path against the declared deadline: `Greater` when the
    /// path is longer than the deadline. `None` when there is no deadline or
    /// the units differ (needs the calendar).
    pub fn versus_deadline(&self) -> Option<Ordering> {
        self.versus(self.declared?)
    }

    /// How the critical path compares with a deadline `d` (a channel's or
    /// a case's as well as the headline one); months through
    /// [`ProcessingTime::month_bounds`]. `None` when the units differ or a
    /// month has no bound (the calendar is needed).
    pub fn versus(&self, d: Duration) -> Option<Ordering> {
        self.length.compare(Length::of_with(d, &self.month_bounds))
    }

    /// Whether a path measured with months at their least (`lower_bound`)
    /// is within deadline `d` on those figures but can exceed it at its
    /// most (`upper_bound`): it depends on the start date.
    pub fn may_exceed(&self, d: Duration) -> bool {
        let Some(upper) = self.upper_bound else {
            return false;
        };
        let deadline = Length::of_with(d, &self.month_bounds);
        self.versus(d) != Some(Ordering::Greater)
            && upper.compare(deadline) == Some(Ordering::Greater)
    }

    /// The declared deadline as a length; months through
    /// [`ProcessingTime::month_bounds`].
    pub fn declared_length(&self) -> Option<Length> {
        Some(Length::of_with(self.declared?, &self.month_bounds))
    }

    /// The calendar's bound for a duration in months, if it is one.
    pub fn month_bound_of(&self, d: Duration) -> Option<&MonthBound> {
        month_bound(&self.month_bounds, d.whole_months()?)
    }
}

/// Per-step duration in the unit it was declared, agency steps only.
#[derive(Clone, Copy)]
enum Weight {
    Zero,
    Working(u64),
    Calendar(u64),
    /// Months the calendar could not convert (it knows no year).
    Unknown,
}

/// A step that does not happen in `case` (it names another case, or a
/// condition in words) weighs nothing: the flow passes through it.
/// Which working-day figure of a month period a weight takes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MonthsAs {
    /// The least working days it holds (the path's lower bound).
    Least,
    /// The most (its upper bound).
    Most,
}

fn weights(
    p: &Procedure,
    case: Option<&str>,
    bounds: &[MonthBound],
    months_as: MonthsAs,
) -> Vec<Weight> {
    p.steps
        .iter()
        .map(|s| {
            match (
                s.actor.is_applicant() || !s.condition.applies_in(case),
                s.duration,
            ) {
                // Months count as the least working days they hold.
                (false, Some(d)) if d.unit() == DurationUnit::Months && d.milli() > 0 => d
                    .whole_months()
                    .and_then(|n| month_bound(bounds, n))
                    .map_or(Weight::Unknown, |b| {
                        Weight::Working(match months_as {
                            MonthsAs::Least => b.min_working_milli_days(),
                            MonthsAs::Most => b
                                .max_working_days
                                .saturating_mul(crate::model::DURATION_SCALE),
                        })
                    }),
                (false, Some(d)) if d.unit() == DurationUnit::CalendarDays && d.milli() > 0 => {
                    Weight::Calendar(d.milli())
                }
                (false, Some(d)) => match d.working_milli_days() {
                    Some(m) if m > 0 => Weight::Working(m),
                    _ => Weight::Zero,
                },
                _ => Weight::Zero,
            }
        })
        .collect()
}

/// The unit shared by the included steps, and their weights in it.
/// Makes a [`Length`] in the unit of a path set.
type MakeLength = fn(u64) -> Length;

fn unit_weights(w: &[Weight], include: &[bool]) -> Option<(MakeLength, Vec<u64>)> {
    let (mut working, mut calendar) = (false, false);
    for (weight, _) in w.iter().zip(include).filter(|(_, inc)| **inc) {
        match weight {
            Weight::Working(_) => working = true,
            Weight::Calendar(_) => calendar = true,
            Weight::Unknown => return None,
            Weight::Zero => {}
        }
    }
    if working && calendar {
        return None;
    }
    let make: MakeLength = if calendar {
        Length::CalendarDays
    } else {
        Length::WorkingDays
    };
    let values = w
        .iter()
        .map(|w| match w {
            Weight::Zero | Weight::Unknown => 0,
            Weight::Working(m) | Weight::Calendar(m) => *m,
        })
        .collect();
    Some((make, values))
}

/// Longest-path tables over the included steps and the followed edges:
/// `to_end[v]` is the longest path from `v` (inclusive) to an end with its
/// successor, `from_start[v]` the longest from a start to `v` (inclusive)
/// with its predecessor. One pass each over the topological order.
struct Longest {
    to_end: Vec<u64>,
    next: Vec<Option<usize>>,
    from_start: Vec<u64>,
    prev: Vec<Option<usize>>,
}

fn longest(
    g: &StepGraph,
    adj: &Adjacency,
    w: &[u64],
    include: &[bool],
    follow: fn(EdgeKind) -> bool,
) -> Longest {
    let n = g.len();
    let mut l = Longest {
        to_end: vec![0; n],
        next: vec![None; n],
        from_start: vec![0; n],
        prev: vec![None; n],
    };
    let inc = |i: usize| include.get(i).copied().unwrap_or(false);
    let weight = |i: usize| w.get(i).copied().unwrap_or(0);
    let order = g.topological_order();
    let mut incoming = vec![0u64; n];
    for &v in order {
        if !inc(v) {
            continue;
        }
        let here = incoming[v].saturating_add(weight(v));
        l.from_start[v] = here;
        for &(t, kind) in adj.out(v) {
            if follow(kind) && inc(t) && (l.prev[t].is_none() || here > incoming[t]) {
                incoming[t] = here;
                l.prev[t] = Some(v);
            }
        }
    }
    for &v in order.iter().rev() {
        if !inc(v) {
            continue;
        }
        let mut best: Option<(u64, usize)> = None;
        for &(t, kind) in adj.out(v) {
            if follow(kind) && inc(t) && best.is_none_or(|(b, _)| l.to_end[t] > b) {
                best = Some((l.to_end[t], t));
            }
        }
        l.to_end[v] = weight(v).saturating_add(best.map_or(0, |(b, _)| b));
        l.next[v] = best.map(|(_, t)| t);
    }
    l
}

fn walk_forward(from: usize, next: &[Option<usize>], p: &Procedure, out: &mut Vec<String>) {
    let mut cur = Some(from);
    while let Some(v) = cur {
        if let Some(s) = p.steps.get(v) {
            out.push(s.id.clone());
        }
        cur = next.get(v).copied().flatten();
    }
}

fn path_back_to(to: usize, prev: &[Option<usize>], p: &Procedure) -> Vec<String> {
    let mut rev = Vec::new();
    let mut cur = Some(to);
    while let Some(v) = cur {
        if let Some(s) = p.steps.get(v) {
            rev.push(s.id.clone());
        }
        cur = prev.get(v).copied().flatten();
    }
    rev.reverse();
    rev
}

fn critical(
    p: &Procedure,
    g: &StepGraph,
    adj: &Adjacency,
    w: &[Weight],
    include: &[bool],
    follow: fn(EdgeKind) -> bool,
) -> (PathTime, Option<(MakeLength, Longest)>) {
    let Some((make, values)) = unit_weights(w, include) else {
        return (
            PathTime {
                length: Length::NeedsCalendar,
                lower_bound: false,
                path: Vec::new(),
            },
            None,
        );
    };
    let l = longest(g, adj, &values, include, follow);
    let mut best: Option<(u64, usize)> = None;
    for s in g.starts() {
        if include.get(s).copied().unwrap_or(false) && best.is_none_or(|(b, _)| l.to_end[s] > b) {
            best = Some((l.to_end[s], s));
        }
    }
    let mut path = Vec::new();
    if let Some((_, s)) = best {
        walk_forward(s, &l.next, p, &mut path);
    }
    let time = PathTime {
        length: make(best.map_or(0, |(b, _)| b)),
        // Set by the caller, which knows the case.
        lower_bound: false,
        path,
    };
    (time, Some((make, l)))
}

/// The processing time in the base case (`case` is `None`) or in a
/// declared case: steps that do not happen in it add nothing and are left
/// out of the paths shown.
pub(crate) fn processing_time_with(
    p: &Procedure,
    g: &StepGraph,
    adj: &Adjacency,
    main: &[bool],
    case: Option<&str>,
    month_bounds: &[MonthBound],
) -> ProcessingTime {
    let w = weights(p, case, month_bounds, MonthsAs::Least);
    let everything = vec![true; g.len()];
    let (mut main_time, tables) = critical(p, g, adj, &w, main, EdgeKind::is_main);
    let (mut worst_case, _) = critical(p, g, adj, &w, &everything, |_| true);
    let mut with_rework = tables.and_then(|(make, l)| worst_rework(p, g, main, &l, make, case));
    let happens = |id: &String| {
        g.index_of(id)
            .and_then(|i| p.steps.get(i))
            .is_some_and(|s| s.condition.applies_in(case))
    };
    main_time.path.retain(happens);
    worst_case.path.retain(happens);
    if let Some(r) = &mut with_rework {
        r.path.retain(happens);
    }
    // A path through an agency step in months is measured with the
    // months' least working days: at least that long.
    let in_months = |length: Length, path: &[String]| {
        matches!(length, Length::WorkingDays(_))
            && path.iter().any(|id| {
                g.index_of(id)
                    .and_then(|i| p.steps.get(i))
                    .is_some_and(|s| {
                        !s.actor.is_applicant()
                            && s.duration.is_some_and(|d| d.whole_months().is_some())
                    })
            })
    };
    main_time.lower_bound = in_months(main_time.length, &main_time.path);
    // Its upper bound: one more pass, with months at their most.
    let upper_bound = main_time.lower_bound.then(|| {
        let most = weights(p, case, month_bounds, MonthsAs::Most);
        critical(p, g, adj, &most, main, EdgeKind::is_main).0.length
    });
    worst_case.lower_bound = in_months(worst_case.length, &worst_case.path);
    if let Some(r) = &mut with_rework {
        r.lower_bound = in_months(r.length, &r.path);
    }
    let missing_durations = p
        .steps
        .iter()
        .zip(main)
        .filter(|(s, on)| {
            **on && !s.actor.is_applicant() && s.duration.is_none() && s.condition.applies_in(case)
        })
        .map(|(s, _)| s.id.clone())
        .collect();
    let critical_path_durations: Vec<StepDuration> = main_time
        .path
        .iter()
        .filter_map(|id| g.index_of(id).and_then(|i| p.steps.get(i)))
        .map(|s| StepDuration {
            step: s.id.clone(),
            duration: s.duration,
            by_applicant: s.actor.is_applicant(),
            counted: !s.actor.is_applicant() && s.duration.is_some(),
            location: p.source_map.locate(
                crate::element::ElementPath::step(&s.id)
                    .field(crate::element::Key::Duration)
                    .as_str(),
            ),
        })
        .collect();
    ProcessingTime {
        length: main_time.length,
        lower_bound: main_time.lower_bound,
        upper_bound,
        critical_path: main_time.path,
        critical_path_durations,
        declared: p.deadline,
        worst_case,
        with_rework,
        missing_durations,
        month_bounds: month_bounds.to_vec(),
    }
}

/// Longest start → source, then target → end, over the main-path reworks.
fn worst_rework(
    p: &Procedure,
    g: &StepGraph,
    main: &[bool],
    l: &Longest,
    make: MakeLength,
    case: Option<&str>,
) -> Option<ReworkTime> {
    let on = |i: usize| main.get(i).copied().unwrap_or(false);
    // A supplement requested at a step that does not happen in the case
    // is not requested in it.
    let happens = |i: usize| p.steps.get(i).is_some_and(|s| s.condition.applies_in(case));
    let mut best: Option<(u64, &crate::graph::ReworkEdge)> = None;
    for rw in g.reworks() {
        if !(on(rw.from) && on(rw.to) && happens(rw.from)) {
            continue;
        }
        let len = l.from_start[rw.from].saturating_add(l.to_end[rw.to]);
        if best.is_none_or(|(b, _)| len > b) {
            best = Some((len, rw));
        }
    }
    let (len, rw) = best?;
    let mut path = path_back_to(rw.from, &l.prev, p);
    walk_forward(rw.to, &l.next, p, &mut path);
    let id = |i: usize| p.steps.get(i).map(|s| s.id.clone()).unwrap_or_default();
    Some(ReworkTime {
        length: make(len),
        lower_bound: false,
        path,
        from: id(rw.from),
        to: id(rw.to),
        probability_ppm: rw.probability_ppm,
    })
}
