//! Importing 2,500 national-portal records (the 113 of the sample,
//! replicated): the JSON alone, the import alone, and both.
//!
//! `cargo bench --bench import`; throughput is in records per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use tthc::import::{Record, import_json, import_record};

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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
