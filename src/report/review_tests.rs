//! Review-test results as a test runner's text, and as JUnit XML.

use crate::Diagnostic;
use crate::i18n::Lang;
use crate::report::diagnostics::{TextStyle, render};
use crate::report::text::html_escape as escape;
use crate::review_test::FileOutcome;
use std::fmt::Write;

/// Counts of passed and failed cases (a test file that cannot be read counts
/// as one failure).
pub fn counts(files: &[FileOutcome]) -> (usize, usize) {
    let mut passed = 0;
    let mut failed = 0;
    for f in files {
        if f.errors.is_some() {
            failed += 1;
        }
        for c in &f.cases {
            if c.passed() {
                passed += 1;
            } else {
                failed += 1;
            }
        }
    }
    (passed, failed)
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The runner's output: one line per case, then the details of each
/// failure with the command to reproduce it, then `N passed, N failed`.
pub fn render_text(files: &[FileOutcome], lang: Lang) -> String {
    let mut out = String::new();
    for f in files {
        let file = f.file.display();
        if f.errors.is_some() {
            let _ = writeln!(
                out,
                "{}  {file}  ({})",
                lang.pick("LỖI   ", "FAILED"),
                lang.pick("tệp kiểm thử không hợp lệ", "invalid test file")
            );
        }
        for c in &f.cases {
            let status = match (c.passed(), lang) {
                (true, Lang::Vi) => "đạt    ",
                (true, Lang::En) => "ok     ",
                (false, Lang::Vi) => "KHÔNG ĐẠT",
                (false, Lang::En) => "FAILED ",
            };
            let _ = writeln!(out, "{status} {file}:{}  {}", c.location.line, c.name);
        }
    }
    let failing: Vec<_> = files
        .iter()
        .filter(|f| f.errors.is_some() || f.cases.iter().any(|c| !c.passed()))
        .collect();
    if !failing.is_empty() {
        let _ = writeln!(out, "\n{}:", lang.pick("thất bại", "failures"));
    }
    for f in failing {
        let file = f.file.display().to_string();
        if let Some(errors) = &f.errors {
            let _ = writeln!(out, "\n---- {file}");
            for e in &errors.errors {
                let d = Diagnostic::from(e);
                out.push_str(&render(
                    &d,
                    errors.text.as_deref(),
                    TextStyle { lang, color: false },
                ));
            }
        }
        for c in f.cases.iter().filter(|c| !c.passed()) {
            let _ = writeln!(out, "\n---- {file}:{}  {}", c.location.line, c.name);
            if let Some(e) = &c.error {
                let _ = writeln!(
                    out,
                    "  {}: {e}",
                    lang.pick("không chạy được", "could not run")
                );
            }
            for fail in &c.failures {
                let _ = writeln!(
                    out,
                    "  {file}:{}:{}  {}",
                    fail.location.line, fail.location.column, fail.key
                );
                let _ = writeln!(
                    out,
                    "      {}: {}",
                    lang.pick("kỳ vọng ", "expected"),
                    fail.expected
                );
                let _ = writeln!(
                    out,
                    "      {}: {}",
                    lang.pick("đo được ", "measured"),
                    fail.measured
                );
            }
            let _ = writeln!(
                out,
                "  {}: tthc test {} --filter {}",
                lang.pick("chạy lại", "reproduce"),
                shell_quote(&file),
                shell_quote(&c.name)
            );
        }
    }
    let (passed, failed) = counts(files);
    let _ = match lang {
        Lang::Vi => writeln!(out, "\n{passed} đạt, {failed} không đạt"),
        Lang::En => writeln!(out, "\n{passed} passed, {failed} failed"),
    };
    out
}

/// JUnit XML: one `testsuite` per test file, one `testcase` per case.
pub fn render_junit(files: &[FileOutcome]) -> String {
    let (passed, failed) = counts(files);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"tthc review tests\" tests=\"{}\" failures=\"{failed}\">",
        passed + failed
    );
    for f in files {
        let file = escape(&f.file.display().to_string());
        let cases = f.cases.len() + usize::from(f.errors.is_some());
        let fails =
            f.cases.iter().filter(|c| !c.passed()).count() + usize::from(f.errors.is_some());
        let _ = writeln!(
            out,
            "  <testsuite name=\"{file}\" tests=\"{cases}\" failures=\"{fails}\">"
        );
        if let Some(errors) = &f.errors {
            let _ = writeln!(
                out,
                "    <testcase name=\"(test file)\" classname=\"{file}\">"
            );
            let _ = writeln!(
                out,
                "      <failure message=\"invalid test file\">{}</failure>",
                escape(&errors.to_string())
            );
            let _ = writeln!(out, "    </testcase>");
        }
        for c in &f.cases {
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{file}\" file=\"{file}\" line=\"{}\"",
                escape(&c.name),
                c.location.line
            );
            if c.passed() {
                let _ = writeln!(out, "/>");
                continue;
            }
            let _ = writeln!(out, ">");
            let mut body = String::new();
            if let Some(e) = &c.error {
                let _ = writeln!(body, "could not run: {e}");
            }
            for fail in &c.failures {
                let _ = writeln!(
                    body,
                    "{}:{}:{} {}: expected {}, measured {}",
                    f.file.display(),
                    fail.location.line,
                    fail.location.column,
                    fail.key,
                    fail.expected,
                    fail.measured
                );
            }
            let message = c
                .failures
                .first()
                .map(|f| format!("{} expected {}, measured {}", f.key, f.expected, f.measured))
                .or_else(|| c.error.clone())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "      <failure message=\"{}\">{}</failure>\n    </testcase>",
                escape(&message),
                escape(&body)
            );
        }
        let _ = writeln!(out, "  </testsuite>");
    }
    out.push_str("</testsuites>\n");
    out
}
