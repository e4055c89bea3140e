//! Metrics of generated layered procedures of 1,000 / 10,000 / 100,000
//! steps: growth should be near-linear (10× steps → ≤ 12× time).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tthc::cost_basis::CostBasis;
use tthc::metrics::measure;
use tthc::{
    Actor, Analysis, CheckedProcedure, Document, DocumentForm, Duration, Effort, Money, Procedure,
    Rework, Settings, Step, Volume,
};

const WIDTH: usize = 10;

/// Layers of `WIDTH` steps; each step leads to two or three steps of the next
/// layer (`next`, some `choice`), every tenth step asks for a rework, every
/// layer's first step is the applicant's and submits a document.
fn layered(n: usize) -> Procedure {
    let id = |i: usize| format!("s{i}");
    let mut documents = Vec::new();
    let steps = (0..n)
        .map(|i| {
            let layer_end = (i / WIDTH + 1) * WIDTH;
            let targets: Vec<String> = [0, 3, 7]
                .iter()
                .map(|k| layer_end + (i + k) % WIDTH)
                .filter(|&j| j < n)
                .map(id)
                .collect();
            let (next, choice) = if i % 5 == 4 {
                (Vec::new(), targets)
            } else {
                (targets, Vec::new())
            };
            let applicant = i % WIDTH == 0;
            let submits = if applicant {
                let mut d = Document::new(format!("d{i}"), format!("Giấy tờ {i}"));
                if i % 3 == 0 {
                    d.form = DocumentForm::CertifiedCopy;
                }
                d.effort = Effort::new(500, Money::from_dong(10_000), 0);
                documents.push(d);
                vec![format!("d{i}")]
            } else {
                Vec::new()
            };
            let mut step = Step::new(
                id(i),
                format!("Bước {i}"),
                if applicant {
                    Actor::Applicant
                } else {
                    Actor::Agency(format!("Sở {}", i % 7))
                },
            );
            step.submits = submits;
            step.effort = Effort::new(
                if applicant { 500 } else { 0 },
                Money::ZERO,
                u32::from(applicant),
            );
            step.duration = (!applicant).then(|| Duration::working_days((i % 4) as u64));
            step.next = next;
            step.choice = choice;
            step.rework = (i % 10 == 9 && i >= WIDTH).then(|| Rework::new(id(i - WIDTH), 50_000));
            step
        })
        .collect();
    let mut p = Procedure::new(format!("Thủ tục {n} bước"));
    p.deadline = Some(Duration::working_days(30));
    p.fees = Some(vec![]);
    p.volume = Some(Volume::new(10_000, 1));
    p.documents = documents;
    p.steps = steps;
    p
}

fn bench(c: &mut Criterion) {
    let basis = CostBasis::default();
    let mut group = c.benchmark_group("measure");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let p = CheckedProcedure::new(layered(n)).expect("layered procedures are DAGs");
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| measure(black_box(&p), &basis))
        });
    }
    group.finish();
    // Measure and review: what every command computes per procedure.
    let settings = Settings::default();
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let p = CheckedProcedure::new(layered(n)).expect("layered procedures are DAGs");
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| Analysis::new(black_box(p.clone()), &settings))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
