//! The language server after a one-character change of a generated
//! 200-step procedure: everything `didChange` does (settings from the
//! folder's cache, load, measure, review, diagnostics with UTF-16 ranges,
//! the id index) — issue 15's target is 50 ms — and the pure
//! `diagnostics` function alone.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use tthc::Settings;
use tthc::analysis::Overrides;
use tthc::catalog::synthetic::large_procedure_yaml;
use tthc::lsp::{Server, diagnostics, uri};

fn bench(c: &mut Criterion) {
    let text = large_procedure_yaml(200, 4);
    // One character typed: the procedure's name alternates between two texts.
    let edited = text.replacen("Thủ tục lớn", "Thủ tục lớm", 1);
    let path = Path::new("/tmp/tthc-bench-lsp/lon.yaml");
    let file = uri::from_path(path).expect("an absolute path has a URI");
    let mut server = Server::new(Overrides::default());
    let _ = server.open(file.clone(), 0, text.clone());
    let mut group = c.benchmark_group("lsp");
    group.sample_size(20);
    let mut version = 0;
    group.bench_function("did_change_200_steps", |b| {
        b.iter(|| {
            version += 1;
            let t = if version % 2 == 0 { &text } else { &edited };
            black_box(server.open(file.clone(), version, t.clone()))
        })
    });
    let settings = Settings::default();
    group.bench_function("diagnostics_200_steps", |b| {
        b.iter(|| black_box(diagnostics(black_box(&edited), &file, path, &settings)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
