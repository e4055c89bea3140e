//! Review-test results as a test runner's text, and as JUnit XML.

use crate::Diagnostic;
use crate::i18n::Lang;
use crate::report::diagnostics::{TextStyle, render};
use crate::report::text::xml_escape;
use crate::review_test::FileOutcome;
use std::fmt::Write;
use std::path::{Component, Path};
use std::time::Duration;

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
            for x in &c.suppressed {
                let _ = writeln!(
                    out,
                    "        {}",
                    crate::report::check::suppressed_line(x, lang)
                );
            }
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
                    "  {}: {}",
                    lang.pick("không chạy được", "could not run"),
                    e.get(lang)
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
                    lang.pick(&fail.expected_vi, &fail.expected)
                );
                let _ = writeln!(
                    out,
                    "      {}: {}",
                    lang.pick("đo được ", "measured"),
                    lang.pick(&fail.measured_vi, &fail.measured)
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
    crate::report::diagnostics::terminal_text(&out).into_owned()
}

/// [`xml_escape`] for element content, where line breaks stay as they are.
fn xml_text(s: &str) -> String {
    xml_escape(s).replace("&#10;", "\n")
}

/// Seconds with three decimals, as the JUnit schemas' time pattern wants.
fn seconds(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

/// The JUnit class name of a test file: its path without the extension,
/// with dots for slashes (`tests/review/a6.yaml` → `tests.review.a6`), dots
/// inside a name turned into `_` so consumers do not split there.
pub fn class_name(file: &Path) -> String {
    let stem = file.with_extension("");
    let parts: Vec<String> = stem
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().replace('.', "_")),
            Component::ParentDir => Some("_".to_string()),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        "review".to_string()
    } else {
        parts.join(".")
    }
}

/// Counts for JUnit: (tests, failures, errors). An invalid test file is one
/// test in error; a case that could not run is in error; a case whose
/// expectations did not hold is a failure.
pub fn junit_counts(f: &FileOutcome) -> (usize, usize, usize) {
    let errors =
        f.cases.iter().filter(|c| c.error.is_some()).count() + usize::from(f.errors.is_some());
    let failures = f
        .cases
        .iter()
        .filter(|c| c.error.is_none() && !c.failures.is_empty())
        .count();
    (
        f.cases.len() + usize::from(f.errors.is_some()),
        failures,
        errors,
    )
}

/// JUnit XML, valid under the Jenkins xUnit `junit-10.xsd`: one `testsuite`
/// per test file (with `errors`, `time` and the file as a property), one
/// `testcase` per case with its class name (see [`class_name`]) and time;
/// `<failure>` for expectations that did not hold, `<error>` for a case that
/// could not run and for an invalid test file (with every one of its
/// errors); each case's `file:line` in its `<system-out>`.
///
/// The messages, bodies and names tthc writes (not the elements,
/// attributes or `type` ids) are in `lang`.
pub fn render_junit(files: &[FileOutcome], lang: Lang) -> String {
    let mut tests = 0;
    let mut failures = 0;
    let mut errors = 0;
    let mut time = Duration::ZERO;
    for f in files {
        let (t, fl, e) = junit_counts(f);
        tests += t;
        failures += fl;
        errors += e;
        time += f.time;
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"tthc review tests\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" time=\"{}\">",
        seconds(time)
    );
    for f in files {
        let path = f.file.display().to_string();
        let file = xml_escape(&path);
        let class = xml_escape(&class_name(&f.file));
        let (t, fl, e) = junit_counts(f);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{file}\" tests=\"{t}\" failures=\"{fl}\" errors=\"{e}\" skipped=\"0\" time=\"{}\" file=\"{file}\">",
            seconds(f.time)
        );
        let _ = writeln!(
            out,
            "    <properties>\n      <property name=\"file\" value=\"{file}\"/>\n    </properties>"
        );
        if let Some(errs) = &f.errors {
            // The suite's and this case's names are ids a CI keeps the
            // history of tests by: the same in every language (messages
            // and bodies follow the language).
            let _ = writeln!(
                out,
                "    <testcase name=\"(test file)\" classname=\"{class}\" time=\"0.000\">"
            );
            let mut body = String::new();
            for err in &errs.errors {
                body.push_str(&err.text(lang));
                if let Some(help) = err.help(lang) {
                    let _ = write!(body, " — {help}");
                }
                body.push('\n');
            }
            let first = errs.errors.first().map(|e| e.message(lang));
            let invalid = lang.pick("tệp kiểm thử không hợp lệ", "invalid test file");
            let message = match (errs.errors.len(), first, lang) {
                (1, Some(m), _) => format!("{invalid}: {m}"),
                (n, Some(m), Lang::Vi) => format!("{invalid}: {n} lỗi, lỗi đầu tiên: {m}"),
                (n, Some(m), Lang::En) => format!("{invalid}: {n} errors, the first: {m}"),
                (_, None, _) => invalid.to_string(),
            };
            let code = errs.errors.first().map_or("invalid", |e| e.code());
            let _ = writeln!(
                out,
                "      <error type=\"load/{code}\" message=\"{}\">{}</error>",
                xml_escape(&message),
                xml_text(&body)
            );
            let _ = writeln!(
                out,
                "      <system-out>{}</system-out>\n    </testcase>",
                xml_text(&path)
            );
        }
        for c in &f.cases {
            let _ = writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"{class}\" time=\"{}\">",
                xml_escape(&c.name),
                seconds(c.time)
            );
            if let Some(e) = &c.error {
                let e = e.get(lang);
                let _ = writeln!(
                    out,
                    "      <error type=\"could-not-run\" message=\"{}\">{}: {}\n</error>",
                    xml_escape(e),
                    lang.pick("không chạy được", "could not run"),
                    xml_text(e)
                );
            } else if !c.failures.is_empty() {
                let mut body = String::new();
                let said = |f: &crate::review_test::Failure| match lang {
                    Lang::Vi => format!("kỳ vọng {}, đo được {}", f.expected_vi, f.measured_vi),
                    Lang::En => format!("expected {}, measured {}", f.expected, f.measured),
                };
                for fail in &c.failures {
                    let _ = writeln!(
                        body,
                        "{}:{}:{} {}: {}",
                        path,
                        fail.location.line,
                        fail.location.column,
                        fail.key,
                        said(fail)
                    );
                }
                let message = c
                    .failures
                    .first()
                    .map(|f| format!("{} {}", f.key, said(f)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "      <failure type=\"expectation\" message=\"{}\">{}</failure>",
                    xml_escape(&message),
                    xml_text(&body)
                );
            }
            let mut system_out = format!("{path}:{}", c.location.line);
            for x in &c.suppressed {
                system_out.push('\n');
                system_out.push_str(&crate::report::check::suppressed_line(x, lang));
            }
            let _ = writeln!(
                out,
                "      <system-out>{}</system-out>\n    </testcase>",
                xml_text(&system_out)
            );
        }
        let _ = writeln!(out, "  </testsuite>");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_are_dotted_paths_without_the_extension() {
        assert_eq!(
            class_name(Path::new("tests/review/a6.yaml")),
            "tests.review.a6"
        );
        assert_eq!(
            class_name(Path::new("./review/a6.draft.yaml")),
            "review.a6_draft"
        );
        assert_eq!(class_name(Path::new("/abs/x.yaml")), "abs.x");
    }

    #[test]
    fn xml_escape_keeps_only_xml_characters() {
        assert_eq!(
            xml_escape("a<b>&\"'\u{1}\n"),
            "a&lt;b&gt;&amp;&quot;&#39;\u{fffd}&#10;"
        );
        assert_eq!(seconds(Duration::from_micros(12_345)), "0.012");
    }
}
