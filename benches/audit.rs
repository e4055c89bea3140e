//! Audit speed (SPEC section 12): the whole audit (load, every rule, every
//! metric, CSV out) against parsing the same texts with the YAML parser
//! alone, on 1,000 and 10,000 generated procedures, with 1 and 2 threads.
//!
//! Texts are generated into memory once, outside the timed loops, so the
//! file system is not measured. Run: `cargo bench --bench audit`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use std::hint::black_box;
use std::time::Duration;
use tthc::LoadOptions;
use tthc::catalog::audit::{AuditOptions, audit_bytes};
use tthc::catalog::row::AuditRow;
use tthc::catalog::run::CHUNK;
use tthc::catalog::synthetic::procedure_yaml;
use tthc::catalog::table::{CsvWriter, RowWriter};
use tthc::catalog::totals::Totals;

fn catalog(n: u64) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            (
                format!("{:03}/p{i:06}.yaml", i / 1000),
                procedure_yaml(1, i),
            )
        })
        .collect()
}

/// The CLI's loop, in memory: chunks audited in parallel, rows written as
/// CSV in path order, totals summed.
fn audit(files: &[(String, String)], options: &AuditOptions, pool: &rayon::ThreadPool) -> Totals {
    let mut writer = CsvWriter::new(std::io::sink(), false);
    let mut totals = Totals::default();
    for chunk in files.chunks(CHUNK) {
        let rows: Vec<AuditRow> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(path, text)| audit_bytes(text.as_bytes(), path.clone(), path, options))
                .collect()
        });
        for row in rows {
            totals.add(&row);
            let _ = writer.row(&row);
        }
    }
    let _ = writer.finish(&totals);
    totals
}

fn parse_only(files: &[(String, String)]) -> usize {
    let options = LoadOptions::default();
    files
        .iter()
        .filter(|(path, text)| tthc::parse_only(text, path, &options).is_ok())
        .count()
}

fn bench(c: &mut Criterion) {
    let options = AuditOptions::default();
    let pools: Vec<(usize, rayon::ThreadPool)> = [1, 2]
        .into_iter()
        .filter_map(|n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .ok()
                .map(|p| (n, p))
        })
        .collect();
    for n in [1_000u64, 10_000] {
        let files = catalog(n);
        let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
        let mut group = c.benchmark_group(format!("audit/{n}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(if n > 1_000 { 8 } else { 3 }));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("parse_only", |b| b.iter(|| black_box(parse_only(&files))));
        for (threads, pool) in &pools {
            group.bench_function(BenchmarkId::new("audit_threads", threads), |b| {
                b.iter(|| black_box(audit(&files, &options, pool)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
