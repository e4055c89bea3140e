//! A bounded fuzzer for the loader and the review-test parser (issue 20).
//!
//! cargo-fuzz needs a nightly toolchain, which this project's machines and
//! CI do not have, so this is a long-running mutation test on the stable
//! toolchain instead: it mutates real inputs (shipped procedures, a review
//! test, a settings file) with YAML-aware edits for a bounded time and runs
//! every result through the whole pipeline — load, analysis, the text,
//! JSON, SARIF, HTML, Markdown, DOT, Mermaid and metrics renderers, and the
//! review-test parser. An input fails the test when it panics, when an
//! error points outside the file, when a JSON output does not parse, or
//! when one input takes longer than a generous hang bound.
//!
//! Every input that ever failed is kept in `tests/fixtures/fuzz/` and run
//! first on every run. A new failure is written to the target directory
//! (its path is in the failure message) to be copied there once fixed.
//!
//! `TTHC_FUZZ_SECONDS` sets the time spent mutating (default 20; `.ci/run`
//! uses the default), `TTHC_FUZZ_SEED` the first seed (the failure message
//! names the seed of a failing input, so a run can be repeated).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tthc::report::check::{CheckReport, CheckedFile, FileCheck};
use tthc::report::diagnostics::TextStyle;
use tthc::report::marks::Marks;
use tthc::report::page::Report;
use tthc::{Analysis, CheckedProcedure, Lang, LoadErrors, Settings};

/// Real inputs the mutations start from.
const PROCEDURES: &[&str] = &[
    include_str!("fixtures/good/spec-example.yaml"),
    include_str!("../procedures/ho-tich/dang-ky-khai-sinh.yaml"),
    include_str!("../procedures/cu-tru/dang-ky-thuong-tru.yaml"),
    include_str!("fixtures/rules/TT304/fail.yaml"),
    include_str!("fixtures/rules/TT201/fail.yaml"),
    include_str!("fixtures/rules/TT006/fail.yaml"),
];
const REVIEW_TESTS: &[&str] = &[include_str!("review/costs.yaml")];

/// Pieces of YAML and of the format that reach the interesting paths:
/// structure, anchors, tags, block scalars, numbers at the limits, control
/// characters, suppressions, Vietnamese words.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "<<: *a",
    "!!str ",
    "!!int ",
    "|\n",
    ">-\n",
    "'",
    "\"",
    "# ",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "---\n",
    "...\n",
    "? ",
    "%YAML 1.2\n",
    "\u{feff}",
    "\u{1b}[31m",
    "\u{0}",
    "\u{7}",
    "\u{fffe}",
    "\u{202e}",
    "99999999999999999999999999999999999999999",
    "1e308",
    ".nan",
    "-1",
    "0,5",
    "1.000.000 đồng",
    "1.000.000.000.000.000.001 đồng",
    "trong ngày",
    "01 tháng",
    "không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ",
    "24 giờ",
    "steps:",
    "next: [",
    "choice: [",
    "rework: { to: ",
    "documents:",
    "submits: [",
    "deadline: ",
    "fees:",
    "cases:",
    "case: ",
    "when: ",
    "actor: applicant",
    "actor: ",
    "effort: { hours: ",
    "trips: ",
    "people: ",
    "copies: ",
    "form: certified_copy",
    "# tthc: allow TT304 — ",
    "# tthc: bỏ qua ",
    "allow: [TT999]",
    "held_in: ",
    "volume: { cases_per_year: ",
    "channels: [online, ",
    "main_channel: ",
    "share: ",
    "from: ",
    "coordinating: [",
    "learning: { hours: ",
];

/// splitmix64: a small deterministic generator, so a seed repeats a run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The char boundary at or before `at`.
fn boundary(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One YAML-aware edit of `text`.
fn mutate(text: &mut String, rng: &mut Rng, others: &[&str]) {
    let len = text.len();
    let at = boundary(text, rng.below(len + 1));
    match rng.below(9) {
        0 | 1 => {
            let token = TOKENS[rng.below(TOKENS.len())];
            text.insert_str(at, token);
        }
        2 => {
            let end = boundary(text, at + rng.below(40));
            text.replace_range(at..end, "");
        }
        3 => {
            // Duplicate a line (a duplicate key, an id twice).
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = text[at..].find('\n').map_or(len, |i| at + i + 1);
            let line = text[start..end].to_string();
            text.insert_str(end, &line);
        }
        4 => {
            // Indent or dedent a line.
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            if rng.below(2) == 0 {
                text.insert_str(start, "  ");
            } else if text[start..].starts_with(' ') {
                text.remove(start);
            }
        }
        5 => {
            // Splice a piece of another input.
            let other = others[rng.below(others.len())];
            let from = boundary(other, rng.below(other.len() + 1));
            let to = boundary(other, from + rng.below(200));
            text.insert_str(at, &other[from..to]);
        }
        6 => {
            // Repeat a piece many times (long lines, many elements).
            let end = boundary(text, at + rng.below(30));
            let piece = text[at..end].to_string();
            let times = 1 + rng.below(200);
            text.insert_str(end, &piece.repeat(times));
        }
        7 => {
            // Nest deeply.
            let depth = 1 + rng.below(300);
            let open = if rng.below(2) == 0 { "[" } else { "{a: " };
            text.insert_str(at, &open.repeat(depth));
        }
        _ => {
            let end = boundary(text, at + 1 + rng.below(4));
            let c = char::from_u32(rng.next() as u32 % 0x11_0000).unwrap_or('\u{fffd}');
            text.replace_range(at..end, &c.to_string());
        }
    }
}

/// What a failing input broke.
fn check_errors(errors: &LoadErrors, src: &str) -> Result<(), String> {
    let lines = src.split(['\n', '\r']).count() as u32 + 1;
    for e in &errors.errors {
        if let Some(loc) = e.location
            && (loc.line == 0 || loc.line > lines || loc.column == 0)
        {
            return Err(format!(
                "error located outside the file: {loc:?} ({})",
                e.code()
            ));
        }
        if e.message(Lang::Vi).is_empty() || e.message(Lang::En).is_empty() {
            return Err(format!("error without a message: {}", e.code()));
        }
    }
    Ok(())
}

fn json_parses(what: &str, text: &str) -> Result<(), String> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|_| ())
        .map_err(|e| format!("{what} is not JSON: {e}"))
}

/// How many mutated procedures loaded (the rest were refused): a run that
/// loads none exercises only the error paths, which the summary line shows.
static LOADED: AtomicU64 = AtomicU64::new(0);

/// Runs one procedure text through everything a user can ask of it.
fn exercise_procedure(src: &str) -> Result<(), String> {
    let check = match CheckedProcedure::from_yaml_str(src, "fuzz.yaml") {
        Ok(p) => {
            LOADED.fetch_add(1, Ordering::Relaxed);
            let graph_len = p.graph().len();
            if graph_len != p.procedure().steps.len() {
                return Err("the graph and the steps disagree".into());
            }
            let analysis = Analysis::new(p, &Settings::default());
            let marks = Marks::default();
            let checked = analysis.procedure();
            for lang in [Lang::Vi, Lang::En] {
                let report = Report::new(&analysis);
                let _ = tthc::report::html::render(&report, lang);
                let _ = tthc::report::markdown::render(&report, lang);
                let _ = tthc::report::dot::render(checked, &marks, lang);
                let _ = tthc::report::mermaid::render(checked, &marks, lang);
                let _ = tthc::report::metrics::text(&analysis, lang);
            }
            json_parses(
                "metrics JSON",
                &tthc::report::metrics::json(&analysis, "fuzz.yaml"),
            )?;
            FileCheck::of(&analysis)
        }
        Err(errors) => {
            check_errors(&errors, src)?;
            FileCheck::Failed(errors)
        }
    };
    let report = CheckReport {
        files: vec![CheckedFile {
            path: "fuzz.yaml".into(),
            check,
        }],
    };
    for lang in [Lang::Vi, Lang::En] {
        let text = report.render_text(TextStyle { lang, color: false });
        if text.contains('\u{1b}') || text.contains('\u{7}') {
            return Err("a control character reached the terminal text".into());
        }
        json_parses("SARIF", &tthc::report::sarif::render(&report, lang))?;
    }
    json_parses("check JSON", &report.render_json())
}

fn exercise_review_test(src: &str) -> Result<(), String> {
    match tthc::review_test::parse_review_tests(src, Path::new("tests/review/fuzz.yaml")) {
        Ok(_) => Ok(()),
        Err(errors) => check_errors(&errors, src),
    }
}

/// One way of reading an input.
type Exercise = fn(&str) -> Result<(), String>;

/// Runs `f` on `src`, turning a panic or a hang into a failure.
fn run(kind: &str, src: &str, f: Exercise) -> Result<(), String> {
    // Far above any real input's time (milliseconds): only a hang or a
    // blow-up reaches it.
    const HANG: Duration = Duration::from_secs(20);
    let start = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| f(src)))
        .unwrap_or_else(|_| Err(format!("{kind}: panicked")));
    if start.elapsed() > HANG {
        return Err(format!("{kind}: took {:?}", start.elapsed()));
    }
    outcome
}

fn save(name: &str, src: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    let _ = std::fs::write(&path, src);
    path
}

#[test]
fn every_kept_failure_stays_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no kept inputs in {}", dir.display());
    for path in files {
        let bytes = std::fs::read(&path).expect("readable");
        let src = String::from_utf8_lossy(&bytes);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let f = if name.starts_with("review-") {
            exercise_review_test
        } else {
            exercise_procedure
        };
        if let Err(why) = run(name, &src, f) {
            panic!("{}: {why}", path.display());
        }
    }
}

#[test]
fn mutated_inputs_never_break_the_pipeline() {
    let seconds: u64 = std::env::var("TTHC_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let first_seed: u64 = std::env::var("TTHC_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let all: Vec<&str> = PROCEDURES.iter().chain(REVIEW_TESTS).copied().collect();
    let mut inputs = 0u64;
    let mut seed = first_seed;
    // At least one round over every seed input, however short the budget.
    while inputs < all.len() as u64 || Instant::now() < deadline {
        let mut rng = Rng(seed);
        let index = rng.below(all.len());
        let mut text = all[index].to_string();
        for _ in 0..1 + rng.below(6) {
            mutate(&mut text, &mut rng, &all);
        }
        let (kind, f): (&str, Exercise) = if index >= PROCEDURES.len() {
            ("review test", exercise_review_test)
        } else {
            ("procedure", exercise_procedure)
        };
        if let Err(why) = run(kind, &text, f) {
            let prefix = if index >= PROCEDURES.len() {
                "review-"
            } else {
                ""
            };
            let path = save(&format!("{prefix}seed-{seed}.yaml"), &text);
            panic!(
                "{why}\nseed {seed} (TTHC_FUZZ_SEED={seed} TTHC_FUZZ_SECONDS=0 repeats it); input saved to {}: \
                 fix it, then copy it into tests/fixtures/fuzz/",
                path.display()
            );
        }
        inputs += 1;
        seed += 1;
    }
    let loaded = LOADED.load(Ordering::Relaxed);
    eprintln!(
        "fuzz: {inputs} inputs in {seconds} s from seed {first_seed}; {loaded} procedures loaded"
    );
    // Both paths must be exercised, or the mutations have gone wrong.
    assert!(loaded > 0, "no mutated procedure loaded");
    assert!(loaded < inputs, "every mutated input loaded");
}
