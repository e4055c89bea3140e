//! Importing 2,500 national-portal records (the 113 of the sample,
//! replicated): the JSON alone, the import alone, both, and what
//! `tthc import` does per record (serde_json, import, write the file's
//! text, check that it loads) — one thread; the command spreads records
//! over the cores.
//!
//! `cargo bench --bench import`; throughput is in records per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use tthc::CheckedProcedure;
use tthc::import::{EmitOptions, Record, emit, import_checked, import_json, import_record};

const RECORDS: usize = 2_500;

fn sample() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/records");
    let mut files = Vec::new();
    for ministry in std::fs::read_dir(dir).expect("fixtures") {
        let m = ministry.expect("entry").path();
        if m.is_dir() {
            for f in std::fs::read_dir(m).expect("dir") {
                files.push(f.expect("entry").path());
            }
        }
    }
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("read"))
        .collect();
    texts.iter().cycle().take(RECORDS).cloned().collect()
}

fn bench(c: &mut Criterion) {
    let texts = sample();
    let records: Vec<Record> = texts
        .iter()
        .map(|t| Record::from_json_str(t, "r").expect("record"))
        .collect();
    let mut g = c.benchmark_group("import_2500");
    g.sample_size(10);
    g.throughput(Throughput::Elements(RECORDS as u64));
    g.bench_function("json_only_serde_json", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(serde_json::from_str::<Record>(t).expect("json"));
            }
        })
    });
    g.bench_function("json_only_saphyr", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(Record::from_json_str(t, "r").expect("json"));
            }
        })
    });
    g.bench_function("import_only", |b| {
        b.iter(|| {
            for r in &records {
                black_box(import_record(r, "r"));
            }
        })
    });
    g.bench_function("json_saphyr_and_import", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(import_json(t, "r").expect("import"));
            }
        })
    });
    g.bench_function("emit_only", |b| {
        let imported: Vec<_> = records.iter().map(|r| import_record(r, "r")).collect();
        b.iter(|| {
            for p in &imported {
                black_box(emit(p, &EmitOptions::default()));
            }
        })
    });
    g.bench_function("cli_path_json_import_emit_check", |b| {
        b.iter(|| {
            for t in &texts {
                let r: Record = serde_json::from_str(t).expect("json");
                let p = import_checked(&r, "r").expect("import");
                let f = emit(&p, &EmitOptions::default());
                black_box(CheckedProcedure::from_yaml_str(&f.text, &f.path).expect("loads"));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
