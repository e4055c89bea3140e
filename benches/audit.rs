//! Audit speed (SPEC section 12, issue 20): the whole audit (load, every
//! rule, every metric, CSV out) against parsing the same texts with the YAML
//! parser alone, on 1,000 and 10,000 generated procedures, with 1 and 2
//! threads, and the audit's phases — all in one run over the same texts:
//!
//! - `events`: granit-parser's bare event stream, with the loader's parser
//!   options (the floor of any YAML reading);
//! - `parse_only`: serde-saphyr into `IgnoredAny` (`tthc::parse_only`);
//! - `generic_value`: serde-saphyr (the same parser) into a generic value,
//!   `serde_json::Value`, with the loader's budget (serde-saphyr has no
//!   value type of its own);
//! - `tree_saphyr`: the located tree through serde-saphyr's `Spanned` (the
//!   loader before the event-based builder);
//! - `tree`: the loader's located tree, built from the parser's events;
//! - `load`: tree + conversion into the model (`CheckedProcedure`);
//! - `analyse`: load + every rule and metric, one audit row each;
//! - `audit_here`: analyse + CSV rows and totals, on the calling thread;
//! - `audit_threads/1`, `audit_threads/2`: the whole audit as the CLI runs
//!   it ([`for_each_row`]: threads that each take the next file, rows
//!   written in path order on the calling thread).
//!
//! Phases by difference: convert = load − tree, analysis = analyse − load,
//! CSV = audit_here − analyse.
//!
//! Texts are generated into memory once, outside the timed loops, so the
//! file system is not measured. Run: `cargo bench --bench audit`.
//! With `TTHC_PHASE=<name>` (and `TTHC_FILES=<n>`, default 1,000) the binary
//! runs that one phase once and exits, for `valgrind --tool=callgrind`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use std::hint::black_box;
use std::time::Duration;
use tthc::catalog::audit::{AuditOptions, audit_bytes, audit_catalog_bytes, audit_row};
use tthc::catalog::run::for_each_row;
use tthc::catalog::synthetic::procedure_yaml;
use tthc::catalog::table::{CsvWriter, RowWriter};
use tthc::catalog::totals::Totals;
use tthc::{Analysis, CheckedProcedure, LoadOptions};

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

/// The CLI's loop, in memory: files audited on `threads` threads, each
/// taking the next file when done ([`for_each_row`]), told apart from
/// review tests and audited from the same bytes ([`audit_catalog_bytes`],
/// what the CLI runs on the bytes of each file it reads), rows written as
/// CSV in path order on the calling thread, totals summed.
fn audit(files: &[(String, String)], options: &AuditOptions, threads: usize) -> Totals {
    let mut writer = CsvWriter::new(std::io::sink(), false);
    let mut totals = Totals::default();
    let _ = for_each_row(
        files,
        threads,
        |(path, text)| audit_catalog_bytes(text.as_bytes(), path.clone(), path, options),
        |row| match row {
            Some(row) => {
                totals.add(&row);
                writer.row(&row)
            }
            None => Ok(()),
        },
    );
    let _ = writer.finish(&totals);
    totals
}

/// The same audit on the calling thread, without a pool.
fn audit_here(files: &[(String, String)], options: &AuditOptions) -> Totals {
    let mut writer = CsvWriter::new(std::io::sink(), false);
    let mut totals = Totals::default();
    for (path, text) in files {
        let row = audit_bytes(text.as_bytes(), path.clone(), path, options);
        totals.add(&row);
        let _ = writer.row(&row);
    }
    let _ = writer.finish(&totals);
    totals
}

/// Load, rules and metrics: one row each, no CSV.
fn analyse(files: &[(String, String)], options: &AuditOptions) -> usize {
    files
        .iter()
        .map(|(path, text)| {
            let p = CheckedProcedure::from_yaml_str_with(text, path, &options.settings.load);
            p.map_or(0, |p| {
                let a = Analysis::new(p, &options.settings);
                let mut row = audit_row(&a, path.clone());
                row.metrics = options.metrics.iter().map(|m| (*m, a.value(*m))).collect();
                row.metrics.len() + 1
            })
        })
        .sum()
}

/// How many files `ok` (text, path) reads without error.
fn count_ok(files: &[(String, String)], ok: impl Fn(&str, &str) -> bool) -> usize {
    files.iter().filter(|(path, text)| ok(text, path)).count()
}

fn load(files: &[(String, String)]) -> usize {
    let options = LoadOptions::default();
    count_ok(files, |text, path| {
        CheckedProcedure::from_yaml_str_with(text, path, &options).is_ok()
    })
}

fn tree(files: &[(String, String)]) -> usize {
    let options = LoadOptions::default();
    count_ok(files, |text, path| {
        tthc::parse_tree(text, path, &options).is_ok()
    })
}

fn tree_saphyr(files: &[(String, String)]) -> usize {
    let options = LoadOptions::default();
    count_ok(files, |text, path| {
        tthc::parse_tree_saphyr(text, path, &options).is_ok()
    })
}

fn parse_only(files: &[(String, String)]) -> usize {
    let options = LoadOptions::default();
    count_ok(files, |text, path| {
        tthc::parse_only(text, path, &options).is_ok()
    })
}

/// serde-saphyr (the same parser) into a generic value, with the loader's
/// serde-saphyr options.
fn generic_value(files: &[(String, String)]) -> usize {
    let options = LoadOptions::default();
    count_ok(files, |text, _| {
        serde_saphyr::from_str_with_options::<serde_json::Value>(
            text,
            tthc::saphyr_options(&options),
        )
        .is_ok()
    })
}

fn events(files: &[(String, String)]) -> usize {
    let options = LoadOptions::default();
    files
        .iter()
        .filter_map(|(_, text)| tthc::parse_events(text, &options))
        .sum()
}

/// Runs one named phase once (for `valgrind --tool=callgrind`).
fn run_phase(phase: &str, files: &[(String, String)]) -> Option<usize> {
    let options = AuditOptions::default();
    Some(match phase {
        "events" => events(files),
        "parse_only" => parse_only(files),
        "generic_value" => generic_value(files),
        "tree_saphyr" => tree_saphyr(files),
        "tree" => tree(files),
        "load" => load(files),
        "analyse" => analyse(files, &options),
        "audit_here" => audit_here(files, &options).catalog.procedures as usize,
        "generate" => files.len(),
        _ => return None,
    })
}

fn bench(c: &mut Criterion) {
    let options = AuditOptions::default();
    for n in [1_000u64, 10_000] {
        let files = catalog(n);
        let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
        let mut group = c.benchmark_group(format!("audit/{n}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(if n > 1_000 { 8 } else { 3 }));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("events", |b| b.iter(|| black_box(events(&files))));
        group.bench_function("parse_only", |b| b.iter(|| black_box(parse_only(&files))));
        group.bench_function("generic_value", |b| {
            b.iter(|| black_box(generic_value(&files)))
        });
        group.bench_function("tree_saphyr", |b| b.iter(|| black_box(tree_saphyr(&files))));
        group.bench_function("tree", |b| b.iter(|| black_box(tree(&files))));
        group.bench_function("load", |b| b.iter(|| black_box(load(&files))));
        group.bench_function("analyse", |b| {
            b.iter(|| black_box(analyse(&files, &options)))
        });
        group.bench_function("audit_here", |b| {
            b.iter(|| black_box(audit_here(&files, &options)))
        });
        for threads in [1, 2] {
            group.bench_function(BenchmarkId::new("audit_threads", threads), |b| {
                b.iter(|| black_box(audit(&files, &options, threads)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);

fn main() {
    if let Ok(phase) = std::env::var("TTHC_PHASE") {
        let n = std::env::var("TTHC_FILES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1_000);
        let files = catalog(n);
        match run_phase(&phase, &files) {
            Some(result) => println!("{phase} over {n} files: {result}"),
            None => {
                eprintln!(
                    "unknown TTHC_PHASE {phase:?}: events, parse_only, generic_value, tree_saphyr, tree, load, analyse, audit_here, generate"
                );
                std::process::exit(2);
            }
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
