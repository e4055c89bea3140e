//! The outcome of `tthc check`: per file, its load errors or its findings,
//! rendered as text, JSON or SARIF.

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::load::LoadErrors;
use crate::report::diagnostics::{DiagnosticRenderer, TextStyle, summary, terminal_safe};
use crate::suppress::Suppressed;

use std::fmt::Write;
use std::str::FromStr;
use std::sync::Arc;

/// The lowest severity that makes a command fail (exit status 1), or never.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FailOn {
    /// Errors only.
    #[default]
    Error,
    /// Warnings and errors.
    Warn,
    /// Any finding.
    Info,
    /// Report without failing.
    Never,
}

impl FailOn {
    /// The names accepted on the command line.
    pub const NAMES: &'static [&'static str] = &["error", "warn", "info", "never"];

    /// Whether a finding of `severity` fails.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warn => severity >= Severity::Warn,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }

    /// The threshold as a severity (`None` for never).
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warn => Some(Severity::Warn),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

impl FromStr for FailOn {
    type Err = String;
    fn from_str(s: &str) -> Result<FailOn, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" => Ok(FailOn::Error),
            "warn" | "warning" => Ok(FailOn::Warn),
            "info" => Ok(FailOn::Info),
            "never" | "none" => Ok(FailOn::Never),
            other => Err(format!(
                "unknown level '{other}': use error, warn, info or never"
            )),
        }
    }
}

/// What happened to one checked file.
#[derive(Clone, Debug)]
pub enum FileCheck {
    /// It loaded: its counts and findings, and its text for snippets.
    Loaded {
        /// Number of steps.
        steps: usize,
        /// Number of documents.
        documents: usize,
        /// The findings.
        findings: Vec<Finding>,
        /// The findings silenced by a suppression comment, with its reason.
        suppressed: Vec<Suppressed>,
        /// The file's text.
        text: Option<Arc<str>>,
    },
    /// It (or its configuration) did not load.
    Failed(LoadErrors),
}

impl FileCheck {
    /// The outcome of an analysis.
    pub fn of(a: &Analysis) -> FileCheck {
        let p = a.procedure();
        FileCheck::Loaded {
            steps: p.steps.len(),
            documents: p.documents.len(),
            findings: a.findings().to_vec(),
            suppressed: a.suppressed().to_vec(),
            text: p.source_map.text().map(Arc::from),
        }
    }
}

/// One checked file.
#[derive(Clone, Debug)]
pub struct CheckedFile {
    /// The path as given.
    pub path: String,
    /// What happened.
    pub check: FileCheck,
}

/// Every file of one `tthc check` run.
#[derive(Clone, Debug, Default)]
pub struct CheckReport {
    /// The files, in the order checked.
    pub files: Vec<CheckedFile>,
}

impl CheckReport {
    /// Whether some file did not load.
    pub fn has_errors(&self) -> bool {
        self.files
            .iter()
            .any(|f| matches!(f.check, FileCheck::Failed(_)))
    }

    /// Every finding.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.files.iter().flat_map(|f| match &f.check {
            FileCheck::Loaded { findings, .. } => findings.as_slice(),
            FileCheck::Failed(_) => &[],
        })
    }

    /// Every suppressed finding.
    pub fn suppressed(&self) -> impl Iterator<Item = &Suppressed> {
        self.files.iter().flat_map(|f| match &f.check {
            FileCheck::Loaded { suppressed, .. } => suppressed.as_slice(),
            FileCheck::Failed(_) => &[],
        })
    }

    /// The exit status: 2 when a file did not load, 1 when a finding is at
    /// `fail_on` or above, else 0.
    pub fn exit_code(&self, fail_on: FailOn) -> u8 {
        if self.has_errors() {
            2
        } else if self.findings().any(|f| fail_on.fails(f.severity)) {
            1
        } else {
            0
        }
    }

    /// The human-readable report: every load error and finding with its
    /// snippet, a line per loaded file, and the summary lines.
    pub fn render_text(&self, style: TextStyle) -> String {
        let lang = style.lang;
        let mut out = String::new();
        let mut load_errors = Vec::new();
        for f in &self.files {
            let name = terminal_safe(&f.path);
            match &f.check {
                FileCheck::Failed(errors) => {
                    let r = DiagnosticRenderer::new(errors.text.as_deref(), style);
                    for e in &errors.errors {
                        let mut d = Diagnostic::from(e);
                        let fix = errors.text.as_deref().and_then(|t| e.fix(t));
                        d.notes.extend(fix.as_ref().map(fix_note));
                        out.push_str(&r.render(&d));
                        load_errors.push(d);
                    }
                    if errors.omitted > 0 {
                        let _ = writeln!(out, "{name}: {}", omitted_text(errors.omitted, lang));
                    }
                }
                FileCheck::Loaded {
                    steps,
                    documents,
                    findings,
                    suppressed,
                    text,
                } => {
                    let mut found = match findings.len() {
                        0 => lang.pick("không có phát hiện", "no findings").to_string(),
                        1 => lang.pick("1 phát hiện", "1 finding").to_string(),
                        n => format!("{n} {}", lang.pick("phát hiện", "findings")),
                    };
                    if !suppressed.is_empty() {
                        found.push_str(&format!(", {}", suppressed_count(suppressed.len(), lang)));
                    }
                    let _ = writeln!(
                        out,
                        "{name}: {} ({steps} {}, {documents} {}; {found})",
                        lang.pick("hợp lệ", "ok"),
                        lang.pick("bước", "steps"),
                        lang.pick("giấy tờ", "documents"),
                    );
                    let r = DiagnosticRenderer::new(text.as_deref(), style);
                    // Grouped by severity, most serious first; in file order within.
                    for severity in [Severity::Error, Severity::Warn, Severity::Info] {
                        for finding in findings.iter().filter(|x| x.severity == severity) {
                            let mut d = finding.to_diagnostic(lang);
                            d.notes.extend(finding.fix.as_ref().map(fix_note));
                            out.push_str(&r.render(&d));
                        }
                    }
                    for x in suppressed {
                        let _ = writeln!(out, "{}", suppressed_line(x, lang));
                    }
                }
            }
        }
        if !load_errors.is_empty() {
            let _ = writeln!(out, "{}", summary(&load_errors, lang));
        }
        let findings: Vec<&Finding> = self.findings().collect();
        let silenced = self.suppressed().count();
        if !findings.is_empty() || silenced > 0 {
            let mut line = findings_summary(&findings, lang);
            if silenced > 0 {
                line.push_str(&format!("; {}", suppressed_count(silenced, lang)));
            }
            let _ = writeln!(out, "{line}");
        }
        out
    }
}

/// The note that tells a fix is available, and how to apply it.
fn fix_note(fix: &crate::fix::Fix) -> crate::i18n::Text {
    if fix.is_safe() {
        crate::i18n::Text::new(
            format!("sửa tự động: {} (`tthc check --fix`)", fix.title.vi),
            format!("fix: {} (`tthc check --fix`)", fix.title.en),
        )
    } else {
        crate::i18n::Text::new(
            format!(
                "sửa đề xuất (thay đổi nội dung thủ tục, cần cân nhắc): {} (`tthc check --fix --unsafe-fixes`)",
                fix.title.vi
            ),
            format!(
                "suggested fix (changes what the procedure says; review it): {} (`tthc check --fix --unsafe-fixes`)",
                fix.title.en
            ),
        )
    }
}

/// `2 bị bỏ qua` / `2 suppressed`.
pub fn suppressed_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{n} bị bỏ qua"),
        Lang::En => format!("{n} suppressed"),
    }
}

/// One suppressed finding in one line: code, name, where, what, and the
/// reason given (text from the file made terminal-safe).
pub fn suppressed_line(s: &Suppressed, lang: Lang) -> String {
    let f = &s.finding;
    let at = f
        .location
        .map_or(String::new(), |l| format!(":{}:{}", l.line, l.column));
    let comment = format!("{}:{}", s.comment.line, s.comment.column);
    let origin = terminal_safe(&f.origin);
    let message = terminal_safe(f.message.get(lang));
    let reason = terminal_safe(&s.reason);
    match lang {
        Lang::Vi => format!(
            "bỏ qua[{} {}]: {message} ({origin}{at}) — lý do (chú thích ở dòng {comment}): {reason}",
            f.code, f.name
        ),
        Lang::En => format!(
            "suppressed[{} {}]: {message} ({origin}{at}) — reason (comment at {comment}): {reason}",
            f.code, f.name
        ),
    }
}

/// `✖ 7 findings (2 errors, 4 warnings, 1 info)`.
fn findings_summary(findings: &[&Finding], lang: Lang) -> String {
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warn),
        count(Severity::Info),
    );
    let n = findings.len();
    match lang {
        Lang::En => format!(
            "✖ {n} {} ({e} {}, {w} {}, {i} info)",
            if n == 1 { "finding" } else { "findings" },
            if e == 1 { "error" } else { "errors" },
            if w == 1 { "warning" } else { "warnings" },
        ),
        Lang::Vi => format!("✖ {n} phát hiện ({e} lỗi, {w} cảnh báo, {i} thông tin)"),
    }
}

/// One file in the JSON report.
#[cfg(feature = "json")]
#[derive(serde::Serialize)]
struct JsonFile<'a> {
    file: &'a str,
    status: &'static str,
    diagnostics: Vec<Diagnostic>,
    findings: &'a [Finding],
    /// Findings silenced by a suppression comment, with its reason.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    suppressed: &'a [Suppressed],
    #[serde(skip_serializing_if = "Option::is_none")]
    steps: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<usize>,
    /// Load errors found after the first thousand, counted, not listed.
    #[serde(skip_serializing_if = "is_zero")]
    omitted_errors: usize,
}

#[cfg(feature = "json")]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[cfg(feature = "json")]
#[derive(serde::Serialize)]
struct JsonSummary {
    load_errors: usize,
    errors: usize,
    warnings: usize,
    info: usize,
    suppressed: usize,
}

#[cfg(feature = "json")]
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    files: Vec<JsonFile<'a>>,
    summary: JsonSummary,
}

#[cfg(feature = "json")]
impl CheckReport {
    /// The report as one JSON document (fields in docs/rules.md).
    pub fn render_json(&self) -> String {
        let mut load_errors = 0;
        let files = self
            .files
            .iter()
            .map(|f| match &f.check {
                FileCheck::Failed(errors) => {
                    load_errors += errors.errors.len() + errors.omitted;
                    JsonFile {
                        file: &f.path,
                        status: "error",
                        diagnostics: errors.errors.iter().map(Diagnostic::from).collect(),
                        findings: &[],
                        suppressed: &[],
                        steps: None,
                        documents: None,
                        omitted_errors: errors.omitted,
                    }
                }
                FileCheck::Loaded {
                    steps,
                    documents,
                    findings,
                    suppressed,
                    ..
                } => JsonFile {
                    file: &f.path,
                    status: "ok",
                    diagnostics: Vec::new(),
                    findings,
                    suppressed,
                    omitted_errors: 0,
                    steps: Some(*steps),
                    documents: Some(*documents),
                },
            })
            .collect();
        let count = |s| self.findings().filter(|f| f.severity == s).count();
        let report = JsonReport {
            files,
            summary: JsonSummary {
                load_errors,
                errors: count(Severity::Error),
                warnings: count(Severity::Warn),
                info: count(Severity::Info),
                suppressed: self.suppressed().count(),
            },
        };
        crate::report::json::pretty(&report)
    }
}

/// "… and N more errors, not shown" in `lang`.
pub fn omitted_text(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "còn {n} lỗi nữa không hiển thị (chỉ giữ {} lỗi đầu; sửa các lỗi trên rồi chạy lại)",
            crate::load::MAX_ERRORS
        ),
        Lang::En => format!(
            "{n} more errors not shown (only the first {} are kept; fix those above and run again)",
            crate::load::MAX_ERRORS
        ),
    }
}
