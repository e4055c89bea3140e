//! Issue 20: every command near-linear. 10× the steps, documents, broken
//! references or unknown keys should cost at most 12× the time and the
//! memory of each command's library path.
//!
//! Groups (one per dimension; each command is measured on the dimension it
//! is sensitive to, and every command and dimension at least once):
//!
//! - `scale/steps-timed`: a chain of 1,000 / 10,000 / 100,000 steps, every
//!   step with a duration (few findings): load, analysis, check text / JSON
//!   / SARIF, metrics text / JSON, why, compare, report HTML / Markdown,
//!   graph SVG / DOT / Mermaid.
//! - `scale/steps-untimed`: the same chain without durations (one finding
//!   per step, so 100,000 snippets at the largest size): analysis, check
//!   text / JSON / SARIF, report HTML / Markdown.
//! - `scale/documents`: 1,000 / 10,000 / 100,000 documents submitted at the
//!   first step: load, analysis, check text, metrics JSON, report HTML.
//! - `scale/references`: a chain of 1,000 / 10,000 / 100,000 steps whose
//!   every `next:` names an unknown id one edit away from a real one (the
//!   "did you mean" path; the errors kept are bounded): load, check text /
//!   JSON / SARIF of the load errors.
//! - `scale/keys`: 10,000 / 100,000 / 1,000,000 unknown keys in one
//!   mapping: load, check text / JSON of the load errors.
//!
//! Time: criterion's estimates (`target/criterion/scale_*/…/new/estimates.json`);
//! `python3 benches/scale-ratios.py` prints the 10k/1k and 100k/10k ratios.
//! Memory: a counting global allocator records the peak of live bytes during
//! one call of each function at each size (the first call criterion makes,
//! so only the benchmarks that match the filter are measured); the table is
//! printed to stderr and written to `target/criterion/scale-memory.txt`,
//! with the raw figures in `scale-memory.tsv` (merged across runs, so a
//! filtered run updates only its rows).
//!
//! Run: `cargo bench --bench scale` (about 10 minutes on 2 idle cores), then
//! `python3 benches/scale-ratios.py`. See docs/metrics.md, "Performance".

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput};
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tthc::analysis::Target;
use tthc::catalog::synthetic::large_procedure_yaml;
use tthc::report::check::{CheckReport, CheckedFile, FileCheck};
use tthc::report::diagnostics::TextStyle;
use tthc::report::page::Report;
use tthc::{Analysis, CheckedProcedure, Comparison, Lang, LoadErrors, Settings};

/// The global allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; the counters only
// observe the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What a measured function returns: a count, or the text it rendered.
trait Output {
    /// Bytes allocated for it and never used: a rendered text's capacity
    /// beyond its length (a `String` grows by doubling, so its capacity is
    /// up to twice its length, and that jump at a power of two would read
    /// as a 16× ratio for 10× the text; the pages never written are not
    /// resident either).
    fn slack(&self) -> usize {
        0
    }
}

impl Output for usize {}

impl Output for String {
    fn slack(&self) -> usize {
        self.capacity() - self.len()
    }
}

/// Peak live bytes (above what was live before) during one call of `f`,
/// its result included, less the result's unused capacity.
fn peak_of<O: Output>(f: impl FnOnce() -> O) -> usize {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = black_box(f());
    let peak = PEAK.load(Ordering::Relaxed);
    let slack = out.slack();
    drop(out);
    peak.saturating_sub(base).saturating_sub(slack)
}

/// (group, function) → size → peak bytes, of this run.
static MEMORY: Mutex<BTreeMap<(String, String), BTreeMap<usize, usize>>> =
    Mutex::new(BTreeMap::new());

/// One benchmark group of one dimension, sampled flat (each sample the same
/// number of iterations, so the 100k sizes cost about ten calls).
struct Group<'a> {
    name: String,
    inner: BenchmarkGroup<'a, WallTime>,
}

impl<'a> Group<'a> {
    fn new(c: &'a mut Criterion, name: &str) -> Group<'a> {
        let mut inner = c.benchmark_group(format!("scale/{name}"));
        inner.sample_size(10);
        inner.sampling_mode(SamplingMode::Flat);
        inner.warm_up_time(Duration::from_millis(200));
        inner.measurement_time(Duration::from_secs(1));
        Group {
            name: name.to_string(),
            inner,
        }
    }

    /// Measures `f(input)` as `function` at `size`: its time by criterion,
    /// its peak memory on the first call.
    fn bench<I: ?Sized, O: Output>(
        &mut self,
        function: &str,
        size: usize,
        input: &I,
        f: impl Fn(&I) -> O,
    ) {
        let key = (self.name.clone(), function.to_string());
        let mut measured = false;
        self.inner.throughput(Throughput::Elements(size as u64));
        self.inner
            .bench_with_input(BenchmarkId::new(function, size), input, |b, input| {
                if !measured {
                    measured = true;
                    let bytes = peak_of(|| f(input));
                    if let Ok(mut m) = MEMORY.lock() {
                        m.entry(key.clone()).or_default().insert(size, bytes);
                    }
                }
                b.iter(|| f(input))
            });
    }

    fn finish(self) {
        self.inner.finish();
    }
}

// ---------------------------------------------------------------- inputs

/// A chain of `steps` steps (`large_procedure_yaml`, one lane), with or
/// without a duration on every step.
fn chain(steps: usize, timed: bool) -> String {
    let text = large_procedure_yaml(steps, 1);
    if timed {
        text
    } else {
        text.replace(", duration: 1 working hour", "")
    }
}

/// A procedure of `n` documents, all submitted at the first of three steps.
fn documents(n: usize) -> String {
    let mut y = String::with_capacity(n * 64 + 400);
    y.push_str("format: tthc/1\nname: Thủ tục nhiều giấy tờ\ndeadline: 5 ngày làm việc\n");
    y.push_str("result: ket-qua\ndocuments:\n  ket-qua: { name: Kết quả, issued_by: Sở X }\n");
    for d in 0..n {
        let _ = writeln!(y, "  giay-{d}: {{ name: Giấy tờ số {d}, form: copy }}");
    }
    y.push_str("steps:\n  nop:\n    name: Nộp hồ sơ\n    actor: applicant\n    submits:\n");
    for d in 0..n {
        let _ = writeln!(y, "      - giay-{d}");
    }
    y.push_str("    next: [xet]\n  xet: { name: Xem xét, actor: Sở X, duration: 3 ngày làm việc, next: [tra] }\n");
    y.push_str("  tra: { name: Trả kết quả, actor: Sở X, produces: [ket-qua] }\n");
    y
}

/// A chain whose every `next:` names `buoc{s}` for the step `buoc-{s}`: an
/// unknown id one edit away from a real one.
fn broken_references(steps: usize) -> String {
    chain(steps, true)
        .replace("  s", "  buoc-")
        .replace("next: [s", "next: [buoc")
}

/// `n` unknown keys (`k{i}`) in the procedure's `volume:` mapping (short
/// keys: 1,000,000 of them stay under the 16 MiB file-size limit).
fn unknown_keys(n: usize) -> String {
    let mut y = String::with_capacity(n * 14 + 200);
    y.push_str("format: tthc/1\nname: Thủ tục nhiều khóa lạ\nsteps:\n  nop: { name: Nộp, actor: applicant }\nvolume:\n");
    for i in 0..n {
        let _ = writeln!(y, "  k{i}: 1");
    }
    y
}

fn load(text: &str) -> CheckedProcedure {
    match CheckedProcedure::from_yaml_str(text, "scale.yaml") {
        Ok(p) => p,
        Err(e) => panic!("the generated input does not load: {e}"),
    }
}

fn load_errors(text: &str) -> LoadErrors {
    match CheckedProcedure::from_yaml_str(text, "scale.yaml") {
        Ok(_) => panic!("the broken input loads"),
        Err(e) => e,
    }
}

/// The load errors of a broken input of `n` mistakes of `code`: the first
/// 1,000 kept, the rest counted (with at most two other errors it causes);
/// else the input does not measure what it says.
fn expected_errors(text: &str, n: usize, code: &str) -> LoadErrors {
    let e = load_errors(text);
    let kept = e.errors.iter().filter(|e| e.code() == code).count();
    assert!(
        kept == e.errors.len() && (n..=n + 2).contains(&(kept + e.omitted)),
        "{n} mistakes of {code} expected, got {} kept ({kept} of them) and {} omitted: {:?}",
        e.errors.len(),
        e.omitted,
        e.errors.first().map(|e| e.message(Lang::En))
    );
    if code == "unknown-step" {
        let help = e.errors.first().and_then(|e| e.help(Lang::En));
        assert!(
            help.as_deref().is_some_and(|h| h.contains("did you mean")),
            "no suggestion: {help:?}"
        );
    }
    e
}

fn analyse(text: &str) -> Analysis {
    Analysis::new(load(text), &Settings::default())
}

fn report_of(check: FileCheck) -> CheckReport {
    CheckReport {
        files: vec![CheckedFile {
            path: "scale.yaml".into(),
            check,
        }],
    }
}

const STYLE: TextStyle = TextStyle {
    lang: Lang::Vi,
    color: false,
};

/// `tthc check`'s three formats of one report.
fn check_outputs(g: &mut Group, size: usize, report: &CheckReport) {
    g.bench("check_text", size, report, |r| r.render_text(STYLE));
    g.bench("check_json", size, report, |r| r.render_json());
    g.bench("sarif", size, report, |r| {
        tthc::report::sarif::render(r, Lang::Vi)
    });
}

// ---------------------------------------------------------------- groups

fn steps_timed(c: &mut Criterion) {
    let settings = Settings::default();
    let mut g = Group::new(c, "steps-timed");
    for n in [1_000usize, 10_000, 100_000] {
        let text = chain(n, true);
        g.bench("load", n, text.as_str(), |t| load(t).steps.len());
        let procedure = load(&text);
        g.bench("analysis", n, &procedure, |p| {
            Analysis::new(p.clone(), &settings).findings().len()
        });
        let a = Analysis::new(procedure, &settings);
        check_outputs(&mut g, n, &report_of(FileCheck::of(&a)));
        g.bench("metrics_text", n, &a, |a| {
            tthc::report::metrics::text(a, Lang::Vi)
        });
        g.bench("metrics_json", n, &a, |a| {
            tthc::report::metrics::json(a, "scale.yaml")
        });
        g.bench("why", n, &a, |a| {
            tthc::report::why::render(a, tthc::report::why::Figure::All, Lang::Vi)
        });
        // Every step changed: the draft drops every duration.
        let draft = analyse(&chain(n, false));
        g.bench("compare", n, &(&a, &draft), |(a, d)| {
            let c = Comparison::new(a, d, &[Target::Nq66_2025]);
            tthc::report::metrics::comparison_json(&c, "a.yaml", "b.yaml")
        });
        reports(&mut g, n, &a);
        let marks = Report::new(&a).marks();
        let p = a.procedure();
        g.bench("graph_svg", n, p, |p| {
            tthc::report::svg::render(p, &marks, Lang::Vi)
        });
        g.bench("graph_dot", n, p, |p| {
            tthc::report::dot::render(p, &marks, Lang::Vi)
        });
        g.bench("graph_mermaid", n, p, |p| {
            tthc::report::mermaid::render(p, &marks, Lang::Vi)
        });
    }
    g.finish();
}

/// `tthc report`'s HTML and Markdown.
fn reports(g: &mut Group, n: usize, a: &Analysis) {
    g.bench("report_html", n, a, |a| {
        tthc::report::html::render(&Report::new(a), Lang::Vi)
    });
    g.bench("report_markdown", n, a, |a| {
        tthc::report::markdown::render(&Report::new(a), Lang::Vi)
    });
}

fn steps_untimed(c: &mut Criterion) {
    let settings = Settings::default();
    let mut g = Group::new(c, "steps-untimed");
    for n in [1_000usize, 10_000, 100_000] {
        let procedure = load(&chain(n, false));
        g.bench("analysis", n, &procedure, |p| {
            Analysis::new(p.clone(), &settings).findings().len()
        });
        let a = Analysis::new(procedure, &settings);
        check_outputs(&mut g, n, &report_of(FileCheck::of(&a)));
        reports(&mut g, n, &a);
    }
    g.finish();
}

fn documents_group(c: &mut Criterion) {
    let settings = Settings::default();
    let mut g = Group::new(c, "documents");
    for n in [1_000usize, 10_000, 100_000] {
        let text = documents(n);
        g.bench("load", n, text.as_str(), |t| load(t).documents.len());
        let procedure = load(&text);
        g.bench("analysis", n, &procedure, |p| {
            Analysis::new(p.clone(), &settings).findings().len()
        });
        let a = Analysis::new(procedure, &settings);
        g.bench("check_text", n, &report_of(FileCheck::of(&a)), |r| {
            r.render_text(STYLE)
        });
        g.bench("metrics_json", n, &a, |a| {
            tthc::report::metrics::json(a, "scale.yaml")
        });
        g.bench("report_html", n, &a, |a| {
            tthc::report::html::render(&Report::new(a), Lang::Vi)
        });
    }
    g.finish();
}

fn references(c: &mut Criterion) {
    let mut g = Group::new(c, "references");
    for n in [1_000usize, 10_000, 100_000] {
        let text = broken_references(n);
        // The last step has no `next:`.
        let errors = expected_errors(&text, n - 1, "unknown-step");
        g.bench("load", n, text.as_str(), |t| load_errors(t).errors.len());
        check_outputs(&mut g, n, &report_of(FileCheck::Failed(errors)));
    }
    g.finish();
}

fn keys(c: &mut Criterion) {
    let mut g = Group::new(c, "keys");
    for n in [10_000usize, 100_000, 1_000_000] {
        let text = unknown_keys(n);
        let errors = expected_errors(&text, n, "unknown-key");
        g.bench("load", n, text.as_str(), |t| load_errors(t).errors.len());
        let report = report_of(FileCheck::Failed(errors));
        g.bench("check_text", n, &report, |r| r.render_text(STYLE));
        g.bench("check_json", n, &report, |r| r.render_json());
    }
    g.finish();
}

// ---------------------------------------------------------------- memory table

/// Where criterion writes (its own rule: `$CRITERION_HOME`, else
/// `$CARGO_TARGET_DIR/criterion`, else the target directory this bench
/// binary was built in).
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    // target/release/deps/scale-HASH
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.join("criterion")))
        .unwrap_or_else(|| PathBuf::from("target/criterion"))
}

fn ratio(big: Option<&usize>, small: Option<&usize>) -> String {
    match (big, small) {
        (Some(&b), Some(&s)) if s > 0 => {
            let r = b as f64 / s as f64;
            format!("{r:.1}{}", if r > 12.0 { " !" } else { "" })
        }
        _ => "-".into(),
    }
}

fn mib(bytes: Option<&usize>) -> String {
    bytes.map_or("-".into(), |&b| format!("{:.2}", b as f64 / 1_048_576.0))
}

/// Merges this run's peaks into `scale-memory.tsv` and writes the table.
fn write_memory() {
    let Ok(this_run) = MEMORY.lock() else { return };
    if this_run.is_empty() {
        return;
    }
    let dir = criterion_dir();
    let _ = std::fs::create_dir_all(&dir);
    let tsv = dir.join("scale-memory.tsv");
    let mut all: BTreeMap<(String, String), BTreeMap<usize, usize>> = BTreeMap::new();
    for line in std::fs::read_to_string(&tsv).unwrap_or_default().lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if let [g, func, size, bytes] = f[..]
            && let (Ok(size), Ok(bytes)) = (size.parse(), bytes.parse())
        {
            all.entry((g.into(), func.into()))
                .or_default()
                .insert(size, bytes);
        }
    }
    for (k, sizes) in this_run.iter() {
        all.entry(k.clone()).or_default().extend(sizes);
    }
    let mut raw = String::new();
    let mut table = String::from(
        "Peak live heap bytes during one call (MiB), and the ratios of consecutive sizes (≤ 12 wanted; ! above)\n",
    );
    let _ = writeln!(
        table,
        "{:<30} {:>10} {:>10} {:>10} {:>8} {:>8}",
        "group/function", "small", "medium", "large", "10×", "100×/10×"
    );
    for ((g, func), sizes) in &all {
        for (size, bytes) in sizes {
            let _ = writeln!(raw, "{g}\t{func}\t{size}\t{bytes}");
        }
        let s: Vec<_> = sizes.values().collect();
        let (a, b, c) = (s.first().copied(), s.get(1).copied(), s.get(2).copied());
        let _ = writeln!(
            table,
            "{:<30} {:>10} {:>10} {:>10} {:>8} {:>8}",
            format!("{g}/{func}"),
            mib(a),
            mib(b),
            mib(c),
            ratio(b, a),
            ratio(c, b)
        );
    }
    let _ = writeln!(
        table,
        "(sizes: 1k/10k/100k, keys 10k/100k/1M; small/medium/large in that order)"
    );
    eprintln!("\n{table}");
    let _ = std::fs::write(&tsv, raw);
    let _ = std::fs::write(dir.join("scale-memory.txt"), &table);
    eprintln!("written to {}", dir.join("scale-memory.txt").display());
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    steps_timed(&mut c);
    steps_untimed(&mut c);
    documents_group(&mut c);
    references(&mut c);
    keys(&mut c);
    c.final_summary();
    write_memory();
}
