//! The figures of each declared case (trường hợp): its cost (the base case
//! and what applies in that case), its deadline and its processing time;
//! the expectation over the declared shares, and the worst case.
//!
//! The base case is what every applicant goes through: elements that name
//! a case (`case: id`) or a condition in words (`when:`) are left out of
//! it. A case adds the elements that name it; an element with only a
//! `when:` applies in no declared case and is never charged.

use crate::metrics::cost::ComplianceCost;
use crate::metrics::cost::is_overflow_marker;
use crate::metrics::exact::div_round_half_up;
use crate::metrics::time::{Length, declared_text};
use crate::model::{Channel, Duration, Money, Procedure};
use serde::Serialize;

/// Millionths: shares are in ppm.
const PPM: u128 = 1_000_000;
/// 10⁻⁹ đồng → đồng (see `cost.rs`).
const NANO: u128 = 1_000_000_000;

/// One declared case's figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CaseFigures {
    /// The case's id (`cases.<id>`).
    pub case: String,
    /// Its name.
    pub name: String,
    /// Its share of dossiers in millionths, where declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_ppm: Option<u32>,
    /// Compliance cost of one dossier in this case, on the headline
    /// channel: the base case plus what applies in the case (in JSON null
    /// when it overflowed, see TT008).
    #[serde(serialize_with = "crate::metrics::cost::money_figure")]
    pub per_case: Money,
    /// What the case adds to the base case (`per_case − base`; null in
    /// JSON when either overflowed).
    #[serde(serialize_with = "crate::metrics::cost::money_figure")]
    pub extra: Money,
    /// The same per year, when `volume` is declared (as if every dossier
    /// were in this case).
    #[serde(serialize_with = "crate::metrics::cost::opt_money_figure")]
    pub annual: Option<Money>,
    /// Its deadline: its own (`deadline.cases.<id>`), else the base one; in
    /// JSON the text as published.
    #[serde(serialize_with = "declared_text")]
    pub deadline: Option<Duration>,
    /// Whether the deadline is the case's own.
    pub own_deadline: bool,
    /// The main-path critical path in this case.
    pub processing_time: Length,
    /// Its steps, from a start to an end.
    pub critical_path: Vec<String>,
}

/// The expected cost of a dossier over the declared shares:
/// Σ share × case cost + (1 − Σ share) × base cost, rounded once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ExpectedCost {
    /// Expected cost of one dossier; `None` when a cost it rests on is too
    /// large to compute exactly (`overflow`), never a capped figure.
    pub per_case: Option<Money>,
    /// The same per year, when `volume` is declared and it is computed
    /// exactly.
    pub annual: Option<Money>,
    /// Whether some amount exceeded exact arithmetic, so `per_case` (or
    /// `annual`) is unknown.
    pub overflow: bool,
    /// The sum of the declared shares, in millionths (at most 1,000,000:
    /// more is a load error).
    pub declared_share_ppm: u32,
    /// The share left to the base case, in millionths.
    pub base_share_ppm: u32,
}

/// The costliest case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WorstCost {
    /// The case (the first of equal ones).
    pub case: String,
    /// Its cost of one dossier (in JSON null when it overflowed).
    #[serde(serialize_with = "crate::metrics::cost::money_figure")]
    pub per_case: Money,
}

/// The longest of the base case and the cases, for a length.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WorstLength {
    /// The case; `None` for the base case.
    pub case: Option<String>,
    /// Its length.
    #[serde(flatten)]
    pub length: Length,
}

/// The longest declared deadline of the base case and the cases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WorstDeadline {
    /// The case; `None` for the base case.
    pub case: Option<String>,
    /// The deadline, as published.
    #[serde(serialize_with = "plain_text")]
    pub deadline: Duration,
}

fn plain_text<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// Every declared case's figures, the expectation and the worst case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CaseMetrics {
    /// Each declared case, in file order.
    pub cases: Vec<CaseFigures>,
    /// The expected cost, when some case declares a share.
    pub expected: Option<ExpectedCost>,
    /// The costliest case.
    pub worst_cost: WorstCost,
    /// The longest processing time over the base case and the cases.
    pub worst_time: WorstLength,
    /// The longest declared deadline over the base case and the cases;
    /// `None` when none is declared or their units only a calendar compares.
    pub worst_deadline: Option<WorstDeadline>,
    /// The expected and the worst cost on each declared channel, when the
    /// procedure declares more than one (their fees can differ); the
    /// figures above are the headline channel's. Empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_channel: Vec<ChannelCaseFigures>,
}

/// The case figures of one channel: the same expectation and worst case as
/// [`CaseMetrics`], with every cost measured as filed on that channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ChannelCaseFigures {
    /// The channel.
    pub channel: Channel,
    /// Whether it is the headline channel (whose figures are those of
    /// [`CaseMetrics`]).
    pub headline: bool,
    /// The base case's cost of one dossier on this channel (in JSON null
    /// when it overflowed).
    #[serde(serialize_with = "crate::metrics::cost::money_figure")]
    pub base: Money,
    /// The expected cost, when some case declares a share.
    pub expected: Option<ExpectedCost>,
    /// The costliest case on this channel.
    pub worst_cost: WorstCost,
}

/// The case figures of `channel`: `base` is the base case's cost on it,
/// `costs` each declared case's (in file order).
pub(crate) fn channel_figures(
    p: &Procedure,
    channel: Channel,
    headline: bool,
    base: &ComplianceCost,
    costs: &[ComplianceCost],
) -> ChannelCaseFigures {
    let exact: Vec<Option<u128>> = costs.iter().map(|c| c.exact_nano).collect();
    let per_case: Vec<Money> = costs.iter().map(|c| c.per_case).collect();
    ChannelCaseFigures {
        channel,
        headline,
        base: base.per_case,
        expected: expected(p, base, &exact),
        worst_cost: worst_cost(p, &exact, &per_case),
    }
}

/// The costliest case (the first of equal ones) by its exact cost.
fn worst_cost(p: &Procedure, exact: &[Option<u128>], per_case: &[Money]) -> WorstCost {
    // Overflowed amounts are capped, like the rounded figure.
    let key = |i: usize| exact.get(i).copied().flatten().unwrap_or(u128::MAX);
    let mut worst = 0usize;
    for i in 1..exact.len() {
        if key(i) > key(worst) {
            worst = i;
        }
    }
    WorstCost {
        case: p.cases.get(worst).map(|c| c.id.clone()).unwrap_or_default(),
        per_case: per_case.get(worst).copied().unwrap_or(Money::ZERO),
    }
}

/// What one case measures: its cost and its critical path.
pub(crate) struct CaseMeasure {
    pub cost: ComplianceCost,
    pub length: Length,
    pub path: Vec<String>,
}

/// The case figures of `p`, when it declares cases: `base` is the base
/// case's cost, `base_time` its critical path length, `measure` measures
/// one case (one linear pass each).
pub(crate) fn by_case(
    p: &Procedure,
    base: &ComplianceCost,
    base_time: Length,
    mut measure: impl FnMut(&str) -> CaseMeasure,
) -> Option<CaseMetrics> {
    p.cases.first()?;
    let mut cases = Vec::with_capacity(p.cases.len());
    let mut exact = Vec::with_capacity(p.cases.len());
    for c in &p.cases {
        let m = measure(&c.id);
        let own = p
            .deadlines
            .by_case
            .iter()
            .find(|(id, _)| *id == c.id)
            .map(|(_, d)| *d);
        exact.push(m.cost.exact_nano);
        cases.push(CaseFigures {
            case: c.id.clone(),
            name: c.name.clone(),
            share_ppm: c.share_ppm,
            per_case: m.cost.per_case,
            // Unknown when either overflowed: the marker, not MAX − base.
            extra: if is_overflow_marker(m.cost.per_case) || is_overflow_marker(base.per_case) {
                m.cost.per_case.max(base.per_case)
            } else {
                Money::from_dong(m.cost.per_case.dong().saturating_sub(base.per_case.dong()))
            },
            annual: m.cost.annual,
            deadline: own.or(p.deadline),
            own_deadline: own.is_some(),
            processing_time: m.length,
            critical_path: m.path,
        });
    }
    let expected = expected(p, base, &exact);
    let per_case: Vec<Money> = cases.iter().map(|f| f.per_case).collect();
    let worst_cost = worst_cost(p, &exact, &per_case);
    let mut worst_time = WorstLength {
        case: None,
        length: base_time,
    };
    for f in &cases {
        match f.processing_time.compare(worst_time.length) {
            Some(std::cmp::Ordering::Greater) => {
                worst_time = WorstLength {
                    case: Some(f.case.clone()),
                    length: f.processing_time,
                };
            }
            Some(_) => {}
            // Calendar days against working days: which is longer depends
            // on the calendar, so the worst is unknown (never the base
            // figure passed off as the worst).
            None => {
                worst_time = WorstLength {
                    case: None,
                    length: Length::NeedsCalendar,
                };
                break;
            }
        }
    }
    let mut worst_deadline = p.deadline.map(|d| WorstDeadline {
        case: None,
        deadline: d,
    });
    let mut comparable = true;
    for (id, d) in &p.deadlines.by_case {
        let longer = match &worst_deadline {
            None => true,
            Some(w) => match deadline_order(*d, w.deadline) {
                Some(order) => order == std::cmp::Ordering::Greater,
                // Units that only a calendar can compare: unknown.
                None => {
                    comparable = false;
                    break;
                }
            },
        };
        if longer {
            worst_deadline = Some(WorstDeadline {
                case: Some(id.clone()),
                deadline: *d,
            });
        }
    }
    if !comparable {
        worst_deadline = None;
    }
    Some(CaseMetrics {
        cases,
        expected,
        worst_cost,
        worst_time,
        worst_deadline,
        by_channel: Vec::new(),
    })
}

/// Two deadlines in the same unit compared; months only with months (how
/// many working or calendar days a month holds depends on the start date).
fn deadline_order(a: Duration, b: Duration) -> Option<std::cmp::Ordering> {
    match (a.whole_months(), b.whole_months()) {
        (Some(x), Some(y)) => Some(x.cmp(&y)),
        (None, None) => Length::of(a).compare(Length::of(b)),
        _ => None,
    }
}

/// Σ share × case + (1 − Σ share) × base, from the exact amounts, rounded
/// half up once; `None` when no case declares a share.
fn expected(p: &Procedure, base: &ComplianceCost, exact: &[Option<u128>]) -> Option<ExpectedCost> {
    if p.cases.iter().all(|c| c.share_ppm.is_none()) {
        return None;
    }
    let declared: u128 = p
        .cases
        .iter()
        .filter_map(|c| c.share_ppm)
        .map(u128::from)
        .sum();
    let rest = PPM.saturating_sub(declared);
    let mut sum = base.exact_nano.and_then(|b| b.checked_mul(rest));
    for (c, e) in p.cases.iter().zip(exact) {
        let Some(share) = c.share_ppm else { continue };
        sum = sum.and_then(|s| s.checked_add(e.as_ref()?.checked_mul(u128::from(share))?));
    }
    let money = |num: Option<u128>| {
        num.and_then(|n| div_round_half_up(n, PPM.checked_mul(NANO)?))
            .map(Money::from_dong)
    };
    let per_case = money(sum);
    let annual = p
        .cases_per_year()
        .map(|n| money(sum.and_then(|s| s.checked_mul(n))));
    let overflow = per_case.is_none() || annual.is_some_and(|a| a.is_none());
    Some(ExpectedCost {
        per_case,
        annual: annual.flatten(),
        overflow,
        declared_share_ppm: u32::try_from(declared).unwrap_or(u32::MAX),
        base_share_ppm: u32::try_from(rest).unwrap_or(0),
    })
}

/// What kind of element a [`Conditional`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionalKind {
    /// A fee (`fees[i]`).
    Fee,
    /// A document (`documents.<id>`).
    Document,
    /// A step (`steps.<id>`).
    Step,
}

/// An element left out of the base figures because it applies only in a
/// case (`case:`) or under a condition in words (`when:`): listed so that a
/// reader sees what the headline cost and time do not count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Conditional {
    /// Fee, document or step.
    pub kind: ConditionalKind,
    /// Its element path (`fees[2]`, `documents.<id>`, `steps.<id>`).
    pub element: String,
    /// Its name.
    pub name: String,
    /// The declared case it applies in, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// Its condition in words, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// For a fee: its amount on the headline channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// Whether some case counts it: it names a declared case. An element
    /// with only a `when:` belongs to no case, so no case figure (the
    /// costliest included) counts it.
    pub counted_in_a_case: bool,
}

/// Every fee, document and step of `p` left out of the base case, in file
/// order (fees, documents, steps); one pass.
pub(crate) fn left_out(p: &Procedure, channel: Channel) -> Vec<Conditional> {
    let mut out = Vec::new();
    let mut push = |kind,
                    element: String,
                    name: &str,
                    case: &Option<String>,
                    when: &Option<String>,
                    amount| {
        if case.is_none() && when.is_none() {
            return;
        }
        out.push(Conditional {
            kind,
            element,
            name: name.to_string(),
            case: case.clone(),
            when: when.clone(),
            amount,
            counted_in_a_case: case.is_some(),
        });
    };
    for (i, f) in p.fees.iter().flatten().enumerate() {
        let c = &f.condition;
        push(
            ConditionalKind::Fee,
            format!("fees[{i}]"),
            &f.name,
            &c.case,
            &c.when,
            Some(f.amount_on(channel)),
        );
    }
    for d in &p.documents {
        push(
            ConditionalKind::Document,
            format!("documents.{}", d.id),
            &d.name,
            &d.case,
            &d.when,
            None,
        );
    }
    for st in &p.steps {
        let c = &st.condition;
        push(
            ConditionalKind::Step,
            format!("steps.{}", st.id),
            &st.name,
            &c.case,
            &c.when,
            None,
        );
    }
    out
}
