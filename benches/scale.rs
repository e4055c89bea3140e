//! One procedure file of 1,000 / 10,000 / 100,000 steps in a chain
//! (`tthc::catalog::synthetic::large_procedure_yaml`, one lane): load,
//! analysis (every rule and metric), `tthc check`'s text rendering
//! (`CheckReport::render_text`) and the HTML report, each measured apart — 10× the steps should
//! cost at most 12× the time (issue 20).
//!
//! Two chains: `timed`, every step with a duration (few findings), and
//! `untimed`, no step with a duration (one finding per step, so the text
//! rendering shows 100,000 snippets at the largest size).
//!
//! Run: `cargo bench --bench scale` (sample sizes are small: a run takes
//! a few minutes).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use tthc::catalog::synthetic::large_procedure_yaml;
use tthc::report::check::{CheckReport, CheckedFile, FileCheck};
use tthc::report::diagnostics::TextStyle;
use tthc::{Analysis, CheckedProcedure, Lang, Settings};

fn chain(steps: usize, timed: bool) -> String {
    let text = large_procedure_yaml(steps, 1);
    if timed {
        text
    } else {
        text.replace(", duration: 1 working hour", "")
    }
}

fn load(text: &str) -> CheckedProcedure {
    match CheckedProcedure::from_yaml_str(text, "chain.yaml") {
        Ok(p) => p,
        Err(e) => panic!("the generated chain does not load: {e}"),
    }
}

fn bench(c: &mut Criterion) {
    let settings = Settings::default();
    let style = TextStyle {
        lang: Lang::Vi,
        color: false,
    };
    for (name, timed) in [("timed", true), ("untimed", false)] {
        let mut group = c.benchmark_group(format!("scale/{name}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(300));
        group.measurement_time(Duration::from_secs(2));
        for steps in [1_000usize, 10_000, 100_000] {
            let text = chain(steps, timed);
            group.throughput(Throughput::Elements(steps as u64));
            group.bench_with_input(BenchmarkId::new("load", steps), &text, |b, text| {
                b.iter(|| black_box(load(text).steps.len()))
            });
            let procedure = load(&text);
            group.bench_with_input(
                BenchmarkId::new("analysis", steps),
                &procedure,
                |b, procedure| {
                    b.iter(|| {
                        black_box(Analysis::new(procedure.clone(), &settings).findings().len())
                    })
                },
            );
            let analysis = Analysis::new(procedure, &settings);
            let report = CheckReport {
                files: vec![CheckedFile {
                    path: "chain.yaml".into(),
                    check: FileCheck::of(&analysis),
                }],
            };
            group.bench_with_input(
                BenchmarkId::new("check_text", steps),
                &report,
                |b, report| b.iter(|| black_box(report.render_text(style).len())),
            );
            // The HTML report (issue 20: its critical path looked each step
            // up by a linear search, 100,000 steps took 27 s).
            group.bench_with_input(
                BenchmarkId::new("html_report", steps),
                &analysis,
                |b, analysis| {
                    b.iter(|| {
                        black_box(
                            tthc::report::html::render(
                                &tthc::report::page::Report::new(analysis),
                                Lang::Vi,
                            )
                            .len(),
                        )
                    })
                },
            );
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
