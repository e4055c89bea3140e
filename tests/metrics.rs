//! Metrics: hand-computed figures and properties.

use proptest::prelude::*;
use std::cmp::Ordering;
use tthc::cost_basis::{CostBasis, IncomePeriod};
use tthc::metrics::{Activity, Length, ProcessingTime, Scenario, measure, measure_with};
use tthc::{
    Actor, CheckedProcedure, Duration, Effort, Fee, Money, Procedure, Rework, Step, Volume,
};

/// The hand calculations below use the GSO's Q3 2024 figure, 7,600,000 đ a
/// month / 176 h = 43,182 đ/h: they check the formula, not the default
/// (the default follows the latest published year).
fn q3_2024() -> CostBasis {
    CostBasis::for_income(IncomePeriod::Quarter(2024, 3)).expect("a published figure")
}

fn load(src: &str) -> Procedure {
    CheckedProcedure::from_yaml_str(src, "t.yaml")
        .unwrap()
        .into_procedure()
}

/// A procedure built or changed in code, checked again.
fn checked(p: &Procedure) -> CheckedProcedure {
    CheckedProcedure::new(p.clone()).expect("a valid graph")
}

fn processing_time(p: &Procedure) -> ProcessingTime {
    measure(&checked(p), &CostBasis::default()).processing_time
}

fn spec_example() -> Procedure {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/good/spec-example.yaml"
    ))
    .unwrap();
    load(&src)
}

fn row(m: &tthc::metrics::Metrics, a: Activity) -> &tthc::metrics::CostBreakdownRow {
    m.compliance_cost
        .breakdown
        .iter()
        .find(|r| r.activity == a)
        .unwrap()
}

#[test]
fn spec_example_by_hand() {
    let p = spec_example();
    let m = measure(&checked(&p), &q3_2024());

    let s = &m.structure;
    assert_eq!((s.steps, s.applicant_steps, s.agency_steps), (3, 1, 2));
    assert_eq!((s.agencies, s.handoffs), (1, 0));
    // The result document is produced, not submitted: the dossier is one form.
    assert_eq!((s.documents, s.copies, s.certified_copies), (1, 1, 0));
    // One trip to submit, one to collect.
    assert_eq!(s.trips, 2);

    let t = &m.processing_time;
    assert_eq!(t.length, Length::WorkingDays(7_000));
    assert_eq!(t.critical_path, ["nop-ho-so", "xem-xet", "tra-ket-qua"]);
    assert_eq!(t.versus_deadline(), Some(Ordering::Equal));
    assert_eq!(t.missing_durations, ["tra-ket-qua"]);
    // One rework: 7 days to xem-xet, back to nop-ho-so, 7 more to the end.
    let r = t.with_rework.as_ref().unwrap();
    assert_eq!(r.length, Length::WorkingDays(14_000));
    assert_eq!(
        r.path,
        [
            "nop-ho-so",
            "xem-xet",
            "nop-ho-so",
            "xem-xet",
            "tra-ket-qua"
        ]
    );

    let c = &m.compliance_cost;
    assert_eq!(c.scenario, Scenario::InPerson);
    // learning 1 h × 43,182 = 43,182
    assert_eq!(row(&m, Activity::Learning).total.dong(), 43_182);
    // the request form: 1 h × 43,182 = 43,182
    assert_eq!(row(&m, Activity::Preparing).total.dong(), 43_182);
    assert_eq!(row(&m, Activity::Obtaining).total.dong(), 0);
    // submitting: (0.5 h + one trip of 2 h) × 43,182 = 107,955; + trip 30,000
    let sub = row(&m, Activity::Submitting);
    assert_eq!((sub.milli_hours, sub.time_cost.dong()), (2_500, 107_955));
    assert_eq!(
        (sub.out_of_pocket.dong(), sub.total.dong()),
        (30_000, 137_955)
    );
    assert_eq!(row(&m, Activity::Paying).fees.dong(), 1_000_000);
    // collecting the result at tra-ket-qua (after the result-producing step)
    assert_eq!(row(&m, Activity::Receiving).total.dong(), 137_955);
    // supplementing: 10% × repeating nop-ho-so (2.5 h, 30,000 đ)
    //   = 0.25 h → 10,795.5 → 10,796 đ; 3,000 đ; total 13,795.5 → 13,796 đ
    let sup = row(&m, Activity::Supplementing);
    assert_eq!((sup.milli_hours, sup.time_cost.dong()), (250, 10_796));
    assert_eq!(
        (sup.out_of_pocket.dong(), sup.total.dong()),
        (3_000, 13_796)
    );
    // per case, exact: 43,182 + 43,182 + 137,955 + 1,000,000 + 13,795.5
    //   + 137,955 = 1,376,069.5 → 1,376,070 (one rounding, half up)
    assert_eq!(c.per_case.dong(), 1_376_070);
    assert_eq!(c.milli_hours, 7_250);
    // per year from the exact amount: 1,376,069.5 × 120 = 165,128,340
    // (not 1,376,070 × 120 = 165,128,400)
    assert_eq!(c.cases_per_year, Some(120));
    assert_eq!(c.annual.unwrap().dong(), 165_128_340);
    assert!(!c.overflow);
}

const DOCS: &str = r#"
format: tthc/1
name: Cấp giấy phép
learning: { hours: 1 }
channels: [online]
fees:
  - { name: Lệ phí, amount: 200000, online_amount: 100000 }
documents:
  don: { name: Đơn đề nghị, effort: { hours: 0.5 } }
  gcn: { name: Giấy chứng nhận đăng ký doanh nghiệp, form: certified_copy, copies: 2, issued_by: Sở KH&ĐT, effort: { hours: 1, trips: 1, cost: 5000 } }
  cccd: { name: Căn cước, form: presented, held_in: CSDL quốc gia về dân cư }
  ho-so-khac: { name: Giấy tờ chỉ ở nhánh từ chối, issued_by: Sở A, effort: { hours: 100 } }
  giay-phep: { name: Giấy phép, issued_by: Sở B }
result: giay-phep
steps:
  nop: { name: Nộp, actor: applicant, submits: [don, gcn], next: [tiep-nhan] }
  tiep-nhan: { name: Tiếp nhận, actor: Trung tâm PVHCC, duration: 4 giờ làm việc, next: [tham-dinh] }
  tham-dinh: { name: Thẩm định, actor: Sở A, duration: 5 ngày làm việc, choice: [cap, tu-choi] }
  cap: { name: Cấp phép, actor: Sở B, duration: 2 ngày làm việc, produces: [giay-phep], next: [tra] }
  tu-choi: { name: Từ chối, actor: Sở A, duration: 10 ngày làm việc, submits: [ho-so-khac] }
  tra: { name: Trả kết quả, actor: Trung tâm PVHCC, effort: { hours: 0.25, trips: 1 } }
"#;

#[test]
fn documents_activities_and_alternatives_by_hand() {
    let p = load(DOCS);
    let m = measure(&checked(&p), &q3_2024());
    let s = &m.structure;
    // dossier: don, gcn, cccd (declared, not attached), ho-so-khac (submitted
    // on the refusal branch); giay-phep is only produced.
    assert_eq!(s.documents, 4);
    assert_eq!((s.copies, s.certified_copies), (5, 2));
    assert_eq!((s.presented_documents, s.state_held_documents), (1, 1));
    // main path: nop, tiep-nhan, tham-dinh, cap, tra (tu-choi is the refusal)
    assert_eq!(s.main_path_steps, 5);
    // tiep-nhan (centre) → tham-dinh (Sở A) → cap (Sở B) → tra (centre)
    assert_eq!((s.agencies, s.handoffs), (3, 3));
    // gcn trip + collecting the result
    assert_eq!(s.trips, 2);

    let t = &m.processing_time;
    // 4 working hours = 0.5 day; 0.5 + 5 + 2 = 7.5
    assert_eq!(t.length, Length::WorkingDays(7_500));
    assert_eq!(
        t.critical_path,
        ["nop", "tiep-nhan", "tham-dinh", "cap", "tra"]
    );
    // the refusal takes longer: 0.5 + 5 + 10
    assert_eq!(t.worst_case.length, Length::WorkingDays(15_500));
    assert_eq!(
        t.worst_case.path,
        ["nop", "tiep-nhan", "tham-dinh", "tu-choi"]
    );
    assert!(t.with_rework.is_none());
    assert_eq!(t.versus_deadline(), None);

    let c = &m.compliance_cost;
    // online is the only channel → online fee
    assert_eq!(c.scenario, Scenario::Online);
    assert_eq!(row(&m, Activity::Paying).fees.dong(), 100_000);
    // don: 0.5 h = 21,591 đ
    assert_eq!(row(&m, Activity::Preparing).total.dong(), 21_591);
    // gcn: (1 h + 2 h trip) × 43,182 = 129,546; 5,000 + 30,000 trip + 2 × 2,000
    // certification = 39,000; total 168,546. ho-so-khac is off the main path.
    let ob = row(&m, Activity::Obtaining);
    assert_eq!(
        (ob.time_cost.dong(), ob.out_of_pocket.dong()),
        (129_546, 39_000)
    );
    assert_eq!(ob.total.dong(), 168_546);
    // tra: (0.25 + 2) h × 43,182 = 97,159.5 → 97,160; + 30,000
    assert_eq!(row(&m, Activity::Receiving).total.dong(), 127_160);
    assert_eq!(row(&m, Activity::Submitting).total.dong(), 0);
    // 43,182 + 21,591 + 168,546 + 100,000 + 127,159.5 = 460,478.5 → 460,479
    assert_eq!(c.per_case.dong(), 460_479);
    assert_eq!(c.annual, None);

    let in_person = measure_with(
        &checked(&p),
        &q3_2024(),
        Scenario::InPerson,
        tthc::metrics::on_calendar::vietnam_calendar(),
    );
    assert_eq!(in_person.compliance_cost.per_case.dong(), 460_479 + 100_000);
}

#[test]
fn calendar_days_are_never_summed_with_working_days() {
    let mixed = load(
        "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: Sở A, duration: 30 ngày, next: [b] }\n  b: { name: B, actor: Sở B, duration: 5 ngày làm việc }\n",
    );
    let t = processing_time(&mixed);
    assert_eq!(t.length, Length::NeedsCalendar);
    assert!(t.critical_path.is_empty());
    assert_eq!(t.working_milli_days(), None);

    // Parallel branches in different units also need the calendar (their end
    // is the later of the two).
    let parallel = load(
        "format: tthc/1\nname: X\nsteps:\n  s: { name: S, actor: applicant, next: [a, b] }\n  a: { name: A, actor: Sở A, duration: 30 ngày }\n  b: { name: B, actor: Sở B, duration: 5 ngày làm việc }\n",
    );
    let t = processing_time(&parallel);
    assert_eq!(t.length, Length::NeedsCalendar);

    let calendar = load(
        "format: tthc/1\nname: X\ndeadline: 45 ngày\nsteps:\n  a: { name: A, actor: Sở A, duration: 30 ngày, next: [b] }\n  b: { name: B, actor: Sở B, duration: 15 days }\n",
    );
    let t = processing_time(&calendar);
    assert_eq!(t.length, Length::CalendarDays(45_000));
    assert_eq!(t.versus_deadline(), Some(Ordering::Equal));
}

#[test]
fn applicant_durations_and_same_day_do_not_count() {
    let p = load(
        "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, duration: 30 working days, next: [b] }\n  b: { name: B, actor: UBND xã, duration: trong ngày }\n",
    );
    let t = processing_time(&p);
    assert_eq!(t.length, Length::WorkingDays(0));
    assert_eq!(t.critical_path, ["a", "b"]);
}

#[test]
fn published_reduction_figure() {
    // Two procedures whose only cost is a fee: 1,024,000 đ and 231,000 đ.
    // No effort is declared, so nothing but the fee is counted.
    let basis = CostBasis::default();
    let yaml = |fee: u32| {
        format!(
            "format: tthc/1\nname: X\nfees: [{{ name: Phí, amount: {fee} }}]\nvolume: {{ subjects: 3228, frequency: 1 }}\nsteps:\n  a: {{ name: A, actor: applicant }}\n"
        )
    };
    let before = load(&yaml(1_024_000));
    let after = load(&yaml(231_000));
    let settings = tthc::Settings::default().with_cost_basis(basis);
    let analyse = |p: &Procedure| tthc::Analysis::new(checked(p), &settings);
    let c = tthc::Comparison::new(&analyse(&before), &analyse(&after), &[]);
    assert_eq!(c.baseline.compliance_cost.per_case.dong(), 1_024_000);
    assert_eq!(c.draft.compliance_cost.per_case.dong(), 231_000);
    let cut = c.compliance_cost.reduction_percent.unwrap();
    assert_eq!(
        (cut.basis_points(), cut.to_string()),
        (7_744, "77.44".to_string())
    );
    // 3,228 subjects: 3,305,472,000 → 745,668,000 đ a year
    assert_eq!(
        c.baseline.compliance_cost.annual.unwrap().dong(),
        3_305_472_000
    );
    assert_eq!(c.draft.compliance_cost.annual.unwrap().dong(), 745_668_000);
}

#[test]
fn no_overflow_over_a_national_catalog() {
    // 100,000 procedures × 10^7 cases a year, each case costing the spec
    // example plus a 10^9 đ fee.
    let mut p = spec_example();
    p.volume = Some(Volume::new(10_000_000, 1));
    p.fees = Some(vec![Fee::new("Phí", Money::from_dong(1_000_000_000))]);
    let m = measure(&checked(&p), &q3_2024());
    // 1,376,069.5 − 1,000,000 + 10^9 = 1,000,376,069.5 per case
    assert_eq!(m.compliance_cost.per_case.dong(), 1_000_376_070);
    let annual = m.compliance_cost.annual.unwrap();
    assert_eq!(annual.dong(), 10_003_760_695_000_000);
    let mut total = Money::ZERO;
    for _ in 0..100_000 {
        total = total.checked_add(annual).unwrap();
    }
    assert_eq!(total.dong(), 10_003_760_695_000_000 * 100_000);
    assert!(!m.compliance_cost.overflow);
}

#[test]
fn absurd_inputs_are_capped_not_panicking() {
    let mut p = spec_example();
    for s in &mut p.steps {
        s.effort.milli_hours = u64::MAX;
        s.effort.trips = u32::MAX;
    }
    p.volume = Some(Volume::new(u64::MAX, u64::MAX));
    // A fee beyond exact arithmetic (10³⁰ đồng: u128 in 10⁻⁹ đồng holds
    // about 3.4 × 10²⁹): the paying row and the fee's line overflow.
    if let Some(fee) = p.fees.as_mut().and_then(|f| f.first_mut()) {
        fee.amount = tthc::Money::from_dong(10u128.pow(30));
    }
    let m = measure(&checked(&p), &CostBasis::default());
    assert!(m.compliance_cost.overflow);
    // The rows and lines that overflowed are null in JSON, like the totals
    // (the marker is not a figure). Through text: the hours of this absurd
    // input are a true figure beyond u64, which only a JSON text holds.
    let json: serde_json::Value = match serde_json::to_string(&m.compliance_cost)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => panic!("an overflowing cost does not serialize: {e}"),
    };
    assert!(!json.to_string().contains(&u128::MAX.to_string()), "{json}");
    let rows = json["breakdown"].as_array().map_or(0, |rows| {
        rows.iter().filter(|r| r["total"].is_null()).count()
    });
    assert!(
        rows > 0,
        "no overflowing row is null: {}",
        json["breakdown"]
    );
    let lines = json["lines"].as_array().map_or(0, |lines| {
        lines.iter().filter(|l| l["total"].is_null()).count()
    });
    assert!(lines > 0, "no overflowing line is null: {}", json["lines"]);
}

// ---- properties over random layered procedures ----

#[derive(Clone, Debug)]
struct Gen {
    applicant: bool,
    agency: u8,
    days_milli: u64,
    effort_milli_hours: u64,
    trips: u32,
    succ: Vec<(u8, bool)>,
}

fn gen_step() -> impl Strategy<Value = Gen> {
    (
        any::<bool>(),
        0u8..3,
        0u64..20_000,
        0u64..5_000,
        0u32..3,
        prop::collection::vec((1u8..6, any::<bool>()), 0..3),
    )
        .prop_map(
            |(applicant, agency, days_milli, effort_milli_hours, trips, succ)| Gen {
                applicant,
                agency,
                days_milli,
                effort_milli_hours,
                trips,
                succ,
            },
        )
}

fn build(gens: &[Gen], choices: bool, fee: u128, cases: u64) -> Procedure {
    let n = gens.len();
    let steps = gens
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mut next = Vec::new();
            let mut choice = Vec::new();
            for (off, is_choice) in &g.succ {
                let j = i + usize::from(*off);
                if j >= n {
                    continue;
                }
                let id = format!("s{j}");
                if choices && *is_choice {
                    if !choice.contains(&id) && !next.contains(&id) {
                        choice.push(id);
                    }
                } else if !next.contains(&id) && !choice.contains(&id) {
                    next.push(id);
                }
            }
            let mut step = Step::new(
                format!("s{i}"),
                format!("Bước {i}"),
                if g.applicant {
                    Actor::Applicant
                } else {
                    Actor::Agency(format!("Sở {}", g.agency))
                },
            );
            step.effort = Effort::new(g.effort_milli_hours, Money::from_dong(1_000), g.trips);
            step.duration = Some(Duration::from_milli(
                g.days_milli,
                tthc::DurationUnit::WorkingDays,
            ));
            step.next = next;
            step.choice = choice;
            step.rework = (i > 0 && g.trips == 2).then(|| Rework::new("s0", 250_000));
            step
        })
        .collect();
    let mut p = Procedure::new("P");
    p.fees = Some(vec![Fee::new("Phí", Money::from_dong(fee))]);
    p.volume = Some(Volume::new(cases, 1));
    p.steps = steps;
    p
}

/// `p` without step `k` (and every edge or rework naming it).
fn without(p: &Procedure, k: usize) -> Procedure {
    let mut q = p.clone();
    let gone = q.steps.remove(k).id;
    for s in &mut q.steps {
        s.next.retain(|x| *x != gone);
        s.choice.retain(|x| *x != gone);
        if s.rework.as_ref().is_some_and(|r| r.to == gone) {
            s.rework = None;
        }
    }
    q
}

fn working(l: Length) -> u64 {
    l.working_milli_days().expect("working days only")
}

proptest! {
    #[test]
    fn critical_path_is_at_most_the_sum_and_at_least_each_step(
        gens in prop::collection::vec(gen_step(), 1..14), choices in any::<bool>()
    ) {
        let p = build(&gens, choices, 0, 1);
        let checked = checked(&p);
        let g = checked.graph();
        let t = processing_time(&p);
        let agency: Vec<u64> = gens.iter().map(|g| if g.applicant { 0 } else { g.days_milli }).collect();
        let sum: u64 = agency.iter().sum();
        let main = working(t.length);
        let worst = working(t.worst_case.length);
        prop_assert!(main <= worst && worst <= sum);
        // the reported path has the reported length
        let along: u64 = t.critical_path.iter()
            .map(|id| agency[id[1..].parse::<usize>().unwrap()]).sum();
        prop_assert_eq!(along, main);
        // every step is on some path: the worst case is at least its duration
        prop_assert!(agency.iter().all(|&d| d <= worst));
        if let Some(r) = &t.with_rework {
            let along: u64 = r.path.iter()
                .map(|id| agency[id[1..].parse::<usize>().unwrap()]).sum();
            prop_assert_eq!(along, working(r.length));
            // Every rework goes back to s0; when s0 is the only start, it
            // precedes everything, so a rework can only add time.
            if g.starts() == [0] {
                prop_assert!(working(r.length) >= main);
            }
        }
    }

    #[test]
    fn removing_a_step_never_raises_the_critical_path(
        gens in prop::collection::vec(gen_step(), 2..14), k in any::<prop::sample::Index>(),
        choices in any::<bool>()
    ) {
        let p = build(&gens, choices, 0, 1);
        let q = without(&p, k.index(gens.len()));
        let tp = processing_time(&p);
        let tq = processing_time(&q);
        prop_assert!(working(tq.worst_case.length) <= working(tp.worst_case.length));
        if !choices {
            // Without `choice` the main path is every path.
            prop_assert!(working(tq.length) <= working(tp.length));
        }
    }

    #[test]
    fn cost_is_monotone_in_hours_fees_and_cases(
        gens in prop::collection::vec(gen_step(), 1..10), choices in any::<bool>(),
        k in any::<prop::sample::Index>(), extra_hours in 1u64..10_000,
        fee in 0u128..10_000_000, extra_fee in 1u128..1_000_000,
        cases in 1u64..1_000_000, extra_cases in 1u64..1_000
    ) {
        let basis = CostBasis::default();
        let cost = |p: &Procedure| measure(&checked(p), &basis).compliance_cost;
        let base = build(&gens, choices, fee, cases);
        let c0 = cost(&base);

        let mut more_hours = gens.clone();
        more_hours[k.index(gens.len())].effort_milli_hours += extra_hours;
        let c1 = cost(&build(&more_hours, choices, fee, cases));
        prop_assert!(c1.per_case >= c0.per_case);
        prop_assert!(c1.milli_hours >= c0.milli_hours);

        let c2 = cost(&build(&gens, choices, fee + extra_fee, cases));
        prop_assert!(c2.per_case > c0.per_case);

        let c3 = cost(&build(&gens, choices, fee, cases + extra_cases));
        prop_assert_eq!(c3.per_case, c0.per_case);
        prop_assert!(c3.annual > c0.annual);
        prop_assert!(!c0.overflow);
    }

    #[test]
    fn the_critical_path_durations_add_up_to_its_length(
        gens in prop::collection::vec(gen_step(), 1..40),
        choices in any::<bool>(),
    ) {
        let m = measure(&checked(&build(&gens, choices, 0, 1)), &CostBasis::default());
        let t = &m.processing_time;
        let ids: Vec<&str> = t.critical_path_durations.iter().map(|s| s.step.as_str()).collect();
        let path: Vec<&str> = t.critical_path.iter().map(String::as_str).collect();
        prop_assert_eq!(ids, path);
        let sum: u64 = t
            .critical_path_durations
            .iter()
            .filter(|s| s.counted)
            .filter_map(|s| s.duration.map(|d| d.milli()))
            .sum();
        prop_assert_eq!(working(t.length), sum);
    }

    #[test]
    fn the_lines_add_up_to_the_rows(
        gens in prop::collection::vec(gen_step(), 1..40),
        choices in any::<bool>(),
        fee in 0u128..10_000_000,
    ) {
        // Every đồng of a row comes from its lines: each line is rounded
        // once, so the sum of n lines is within n/2 đ of the row's exact
        // total, itself rounded once.
        let m = measure(&checked(&build(&gens, choices, fee, 1)), &CostBasis::default());
        let c = m.compliance_cost;
        for row in &c.breakdown {
            let lines: Vec<_> = c.lines.iter().filter(|l| l.activity == row.activity).collect();
            let sum: u128 = lines.iter().map(|l| l.total.dong()).sum();
            let slack = (lines.len() as u128).div_ceil(2) + 1;
            prop_assert!(sum.abs_diff(row.total.dong()) <= slack, "{:?}: {} vs {}", row.activity, sum, row.total.dong());
            if lines.is_empty() {
                prop_assert_eq!(row.total.dong(), 0);
            }
        }
        for l in &c.lines {
            // Without a request, no standard value is ever added.
            prop_assert!(l.input != tthc::metrics::CostInput::Standard);
            prop_assert!(!l.element.as_str().is_empty());
            prop_assert!(l.weight_ppm <= 1_000_000);
            // A line names the basis items that value it: the hourly
            // income whenever it adds time; none for a fee.
            if l.milli_hours > 0 {
                prop_assert!(l.basis.contains(&"hourly_income"));
            }
            if l.input == tthc::metrics::CostInput::Fee {
                prop_assert!(l.basis.is_empty());
            }
            // Built in code, not loaded: no location.
            prop_assert!(l.location.is_none());
        }
    }
}

#[test]
fn a_certified_copy_costs_by_the_pages_of_its_original() {
    // Circular 226/2016/TT-BTC: 2,000 đ a page, 1,000 đ from the third, at
    // most 200,000 đ a copy; one page when `pages` is not declared.
    let src = |pages: &str| {
        format!(
            "format: tthc/1\nname: X\ndocuments:\n  bs:\n    name: Bản sao\n    form: certified_copy\n    copies: 2\n{pages}steps:\n  nop: {{ name: Nộp, actor: applicant, submits: [bs] }}\n"
        )
    };
    let cost = |pages: &str| {
        let m = measure(&checked(&load(&src(pages))), &CostBasis::default());
        row(&m, Activity::Preparing).out_of_pocket.dong()
    };
    assert_eq!(cost(""), 2 * 2_000);
    assert_eq!(cost("    pages: 5\n"), 2 * (2 * 2_000 + 3 * 1_000));
    assert_eq!(cost("    pages: 100000\n"), 2 * 200_000);
}

#[test]
fn standard_times_fill_only_what_the_file_leaves_out_and_say_so() {
    use tthc::cost_basis::standard_times::Complexity;
    use tthc::metrics::CostInput;
    let src = "format: tthc/1\nname: X\ndocuments:\n  don:\n    name: Đơn đề nghị\n  bs:\n    name: Bản sao giấy phép cũ\n    form: copy\n  xn:\n    name: Giấy xác nhận\n    issued_by: UBND xã\n  tk:\n    name: Tờ khai\n    effort: { hours: 1 }\nsteps:\n  nop: { name: Nộp, actor: applicant, submits: [don, bs, xn, tk], next: [tra] }\n  tra: { name: Trả, actor: Sở, duration: 1 ngày làm việc }\n";
    let p = checked(&load(src));
    let plain = measure(&p, &q3_2024());
    let mut basis = q3_2024();
    basis.standard_times = Some(Complexity::High);
    let m = measure(&p, &basis);
    let standard: Vec<(&str, u128)> = m
        .compliance_cost
        .lines
        .iter()
        .filter(|l| l.input == CostInput::Standard)
        .map(|l| (l.element.as_str(), l.milli_hours))
        .collect();
    // High: learning 60 min, the form 30 min, the paper from another body
    // 120 min, the submission 5 min (83 thousandths); nothing for the copy
    // (no row fits), nothing for the declared Tờ khai, nothing for receiving.
    assert_eq!(
        standard,
        [
            ("learning", 1_000),
            ("documents.don", 500),
            ("documents.xn", 2_000),
            ("steps.nop", 83)
        ]
    );
    // 3.583 h × 43,182 = 154,721.1 đ more, exactly.
    assert_eq!(
        m.compliance_cost.per_case.dong() - plain.compliance_cost.per_case.dong(),
        154_721
    );
    let label = m
        .compliance_cost
        .lines
        .iter()
        .find_map(|l| l.standard.as_deref())
        .unwrap();
    assert!(
        label.contains("Zeitwerttabelle Wirtschaft") && label.contains("businesses"),
        "{label}"
    );
}

#[test]
fn a_procedures_complexity_asks_for_standard_times_and_a_flag_overrides_it() {
    use tthc::cost_basis::standard_times::Complexity;
    use tthc::metrics::CostInput;
    let src = "format: tthc/1\nname: X\ncomplexity: {}\ndocuments:\n  don:\n    name: Đơn đề nghị\nsteps:\n  nop: { name: Nộp, actor: applicant, submits: [don] }\n";
    let standard = |level: &str, basis: &CostBasis| -> Vec<(String, u128)> {
        let p = checked(&load(&src.replace("{}", level)));
        measure(&p, basis)
            .compliance_cost
            .lines
            .into_iter()
            .filter(|l| l.input == CostInput::Standard)
            .map(|l| (l.element.to_string(), l.milli_hours))
            .collect()
    };
    let default = CostBasis::default();
    // Without `complexity:` (null), nothing is added.
    assert!(standard("null", &default).is_empty());
    // `phức tạp` = high: learning 60 min, the form 30 min, submitting 5 min.
    let high = standard("phức tạp", &default);
    assert_eq!(
        high,
        [
            ("learning".to_string(), 1_000),
            ("documents.don".to_string(), 500),
            ("steps.nop".to_string(), 83)
        ]
    );
    // An explicit level in the basis (flag or setting) wins over the file's.
    let simple = CostBasis {
        standard_times: Some(Complexity::Simple),
        ..CostBasis::default()
    };
    let overridden = standard("high", &simple);
    assert_eq!(overridden.len(), high.len());
    assert!(
        overridden.iter().zip(&high).all(|(a, b)| a.1 < b.1),
        "{overridden:?}"
    );
    // A word that is no level is a located error with the accepted words.
    let bad = tthc::Analysis::from_yaml_str(
        &src.replace("{}", "rất khó"),
        "x.yaml",
        &tthc::Settings::default(),
    )
    .unwrap_err();
    assert_eq!(
        bad.errors[0].location.map(|l| (l.line, l.column)),
        Some((3, 13))
    );
    let help = bad.errors[0].help(tthc::Lang::En).unwrap_or_default();
    assert!(
        help.contains("simple") && help.contains("phức tạp"),
        "{help}"
    );
}

#[test]
fn administration_cost_is_reported_apart_from_the_applicants() {
    let with = "format: tthc/1\nname: X\nvolume: { cases_per_year: 100 }\nsteps:\n  nop: { name: Nộp, actor: applicant, effort: { hours: 1 }, staff_hours: 9, next: [xet] }\n  xet: { name: Xét, actor: Sở, duration: 2 ngày làm việc, staff_hours: 0.5, next: [ky] }\n  ky: { name: Ký, actor: Sở, duration: 1 ngày làm việc, staff_hours: \"1,5\" }\n";
    let without = with
        .replace(", staff_hours: 0.5", "")
        .replace(", staff_hours: \"1,5\"", "");
    let basis = CostBasis::default();
    let m = measure(&checked(&load(with)), &basis);
    let plain = measure(&checked(&load(&without)), &basis);
    // The applicant's cost does not move.
    assert_eq!(m.compliance_cost, plain.compliance_cost);
    let adm = m.administration_cost.expect("declared");
    // 0.5 + 1.5 h of staff (the applicant step's staff_hours is not agency
    // time) × the public wage (an assumption: 47,727 đ/h).
    assert!(basis.public_hourly_wage.assumption);
    let wage = basis.public_hourly_wage.value.dong();
    assert_eq!(adm.milli_hours, 2_000);
    assert_eq!(adm.per_case.dong(), 2 * wage);
    assert_eq!(adm.annual.map(|a| a.dong()), Some(200 * wage));
    let steps: Vec<&str> = adm.steps.iter().map(|s| s.step.as_str()).collect();
    assert_eq!(steps, ["xet", "ky"]);
    assert_eq!(plain.administration_cost, None);
}

#[test]
fn counts_take_vietnamese_thousands_separators() {
    // `1.200` unquoted is the float 1.2 to YAML; the file means 1,200.
    for written in ["1.200", "\"1.200\"", "1200"] {
        let p = load(&format!(
            "format: tthc/1\nname: X\nvolume: {{ cases_per_year: {written} }}\nsteps:\n  a: {{ name: A, actor: applicant }}\n"
        ));
        assert_eq!(p.cases_per_year(), Some(1200), "{written}");
    }
    // A decimal is still refused, located.
    let bad = tthc::Analysis::from_yaml_str(
        "format: tthc/1\nname: X\nvolume: { cases_per_year: 1.5 }\nsteps:\n  a: { name: A, actor: applicant }\n",
        "x.yaml",
        &tthc::Settings::default(),
    )
    .unwrap_err();
    assert_eq!(
        bad.errors[0].location.map(|l| (l.line, l.column)),
        Some((3, 27))
    );
}
