//! Simplification metrics of one procedure: structure counts, processing
//! time (critical path in working days) and compliance cost (Standard Cost
//! Model). See `docs/metrics.md` for the formulas and the JSON fields.
//!
//! Everything is one or two linear passes over the step graph, so the rules
//! can call [`measure`] and [`processing_time`] freely.

mod adjacency;
mod cases;
mod channels;
mod cost;
pub(crate) use cost::is_overflow_marker;
mod exact;
pub mod on_calendar;
mod quantity;
mod structure;
mod time;

pub use cases::{
    CaseFigures, CaseMetrics, ChannelCaseFigures, Conditional, ConditionalKind, ExpectedCost,
    WorstCost, WorstDeadline, WorstLength,
};
pub use channels::ChannelFigures;
pub use cost::{
    Activity, AdministrationCost, ComplianceCost, CostBreakdownRow, CostInput, CostLine, Scenario,
    StaffLine, certification_fee, effort_value,
};
pub use exact::{Percent, div_round_half_up, milli_text};
pub use quantity::{Quantity, Unit};
pub use structure::Structure;
pub use time::{Length, PathTime, ProcessingTime, ReworkTime, StepDuration};

use crate::calendar::Calendar;
use crate::checked::CheckedProcedure;
use crate::cost_basis::CostBasis;
use serde::Serialize;

/// Every metric of one procedure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Metrics {
    /// Counts of steps, agencies, documents, trips.
    pub structure: Structure,
    /// Critical path and its length.
    pub processing_time: ProcessingTime,
    /// Cost to the applicant, per case and per year, on the headline
    /// channel (or the scenario asked for).
    pub compliance_cost: ComplianceCost,
    /// Each declared channel's deadline and cost (in person only when no
    /// channel is declared), the headline one marked.
    pub by_channel: Vec<ChannelFigures>,
    /// Each declared case's cost, deadline and processing time, the
    /// expectation over the declared shares and the worst case; absent
    /// when the procedure declares no `cases:`. The headline figures are
    /// the base case's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_case: Option<CaseMetrics>,
    /// The fees, documents and steps left out of the base figures (they
    /// name a case or a condition in words), with each fee's amount on the
    /// headline channel; absent when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<Conditional>,
    /// Cost to the administration, where agency steps declare
    /// `staff_hours` (apart from the applicant's; null otherwise).
    pub administration_cost: Option<AdministrationCost>,
    /// When the main path mixes calendar and working days: its time laid on
    /// the Vietnamese calendar from [`on_calendar::REFERENCE_SUBMISSION`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_calendar: Option<on_calendar::CalendarTime>,
}

/// Measures `p` on `basis` with the default fee scenario (in person unless
/// online is the only channel) and the Vietnamese calendar.
/// O(V + E + documents). [`crate::Analysis`] measures and reviews in one go;
/// this is for callers that want the figures only.
///
/// ```
/// use tthc::{CheckedProcedure, CostBasis, metrics::measure};
/// let p = CheckedProcedure::from_yaml_str(r#"
/// format: tthc/1
/// name: Cấp lại văn bản xác nhận
/// fees: [{ name: Phí thẩm định, amount: 1000000 }]
/// volume: { cases_per_year: 120 }
/// learning: { hours: 1 }
/// steps:
///   nop: { name: Nộp hồ sơ, actor: applicant, effort: { hours: 0.5, trips: 1 }, next: [xet] }
///   xet: { name: Xem xét, actor: Vụ Bưu chính, duration: 7 working days }
/// "#, "x.yaml").unwrap();
/// let m = measure(&p, &CostBasis::default());
/// assert_eq!(m.structure.trips, 1);
/// assert_eq!(m.processing_time.working_milli_days(), Some(7_000));
/// // learning 1 h + submitting 0.5 h + one trip of 2 h = 3.5 h × 47,727
/// // = 167,044.5 → 167,045 đ; trip 30,000 đ; fee 1,000,000 đ.
/// assert_eq!(m.compliance_cost.per_case.dong(), 1_197_045);
/// // A year is rounded once too: 1,197,044.5 × 120 = 143,645,340 đ.
/// assert_eq!(m.compliance_cost.annual.unwrap().dong(), 143_645_340);
/// ```
pub fn measure(p: &CheckedProcedure, basis: &CostBasis) -> Metrics {
    measure_with(p, basis, Scenario::Auto, on_calendar::vietnam_calendar())
}

/// [`measure`] with an explicit fee scenario and calendar.
pub fn measure_with(
    checked: &CheckedProcedure,
    basis: &CostBasis,
    scenario: Scenario,
    calendar: &Calendar,
) -> Metrics {
    let (p, g) = (checked.procedure(), checked.graph());
    let main = g.main_path();
    let adj = adjacency::Adjacency::of(g);
    let dossier = structure::Dossier::of(p, &main);
    let bounds = time::month_bounds(p, calendar);
    let processing_time = time::processing_time_with(p, g, &adj, &main, None, &bounds);
    let on_calendar = (processing_time.length == Length::NeedsCalendar)
        .then(|| {
            let start = on_calendar::reference_submission().ok()?;
            on_calendar::processing_time_on(checked, calendar, start).ok()
        })
        .flatten();
    let compliance_cost = cost::compliance_cost(p, g, &adj, &main, &dossier, basis, scenario, None);
    let by_channel = channels::by_channel(p, &compliance_cost, |s| {
        cost::compliance_cost(p, g, &adj, &main, &dossier, basis, s, None)
    });
    // Each case's cost on the headline channel, kept for the per-channel
    // figures below (measured once).
    let mut head_costs: Vec<ComplianceCost> = Vec::with_capacity(p.cases.len());
    let mut by_case = cases::by_case(p, &compliance_cost, processing_time.length, |case| {
        let time = time::processing_time_with(p, g, &adj, &main, Some(case), &bounds);
        let cost = cost::compliance_cost(
            p,
            g,
            &adj,
            &main,
            &dossier,
            basis,
            compliance_cost.scenario,
            Some(case),
        );
        head_costs.push(cost.clone());
        cases::CaseMeasure {
            cost,
            length: time.length,
            path: time.critical_path,
        }
    });
    // Channels whose fees differ give the cases other costs.
    if let Some(k) = by_case.as_mut()
        && by_channel.len() > 1
    {
        let head = compliance_cost.scenario.channel();
        let cost_on = |s: Scenario, case: Option<&str>| {
            cost::compliance_cost(p, g, &adj, &main, &dossier, basis, s, case)
        };
        k.by_channel = by_channel
            .iter()
            .map(|f| {
                if f.channel == head {
                    return cases::channel_figures(
                        p,
                        f.channel,
                        true,
                        &compliance_cost,
                        &head_costs,
                    );
                }
                let s = Scenario::on(f.channel);
                let costs: Vec<ComplianceCost> =
                    p.cases.iter().map(|c| cost_on(s, Some(&c.id))).collect();
                cases::channel_figures(p, f.channel, false, &cost_on(s, None), &costs)
            })
            .collect();
    }
    let left_out = cases::left_out(p, compliance_cost.scenario.channel());
    Metrics {
        structure: structure::structure_with(p, g, &main, &dossier),
        processing_time,
        compliance_cost,
        by_channel,
        by_case,
        left_out,
        administration_cost: cost::administration_cost(p, &main, basis),
        on_calendar,
    }
}
